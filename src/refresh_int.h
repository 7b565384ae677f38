/*
 * refresh internals shared by refresh.c (the fetch side: transfers and
 * parsing, on the calling thread) and refresh_store.c (the store side:
 * every database write, on a writer thread).
 *
 * A finished transfer becomes a refresh_msg: the job (with its parser
 * and parsed items) and a copy of the response.  The fetch side posts
 * it; from then on the job belongs to the writer, which stores it,
 * reports it and frees what the parse left.  While the writer stores
 * and commits, the fetch side goes on receiving and parsing the next
 * feeds, so the two halves of a refresh run on two cores.  The queue
 * is bounded in body bytes: a slow disk makes the fetch side wait,
 * never grow without limit.
 */
#ifndef GAZETTE_REFRESH_INT_H
#define GAZETTE_REFRESH_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "feed.h"
#include "fetch.h"
#include "item.h"
#include "refresh.h"
#include "store.h"
#include "urls.h"

/*
 * A group commits when the queue is empty, or GROUP_MS after it began;
 * in the second case the writer then leaves the lock free YIELD_MS.  A
 * writer woken from idle gathers GATHER_MS of results before it opens a
 * group (holding no lock while it waits).
 */
#define GROUP_MS	250
#define YIELD_MS	5
#define GATHER_MS	50

/* A parsed item and what storing it needs (computed where it parsed). */
struct refresh_item {
	struct item		 item;
	struct store_item_prep	 prep;
};

struct refresh_job {
	struct refresh		*r;
	const struct urls_feed	*uf;
	int64_t			 feed_id;
	char			*stored_title;
	struct feed_parser	*parser;
	struct refresh_item	*items;
	size_t			 n_items, a_items;
	size_t			 bytes;		/* body bytes parsed */
	bool			 done;
	/* The parse's end, taken before the job goes to the writer (the
	   parser itself is freed then: queued jobs hold only items). */
	bool			 parsed;
	enum feed_status	 fs;
	struct err		 perr;
	struct feed_meta	 meta;
	/* exec: and filter: feeds (urls_command_split): the command, a
	   filter's URL; while that URL is fetched (filtering) its body is
	   kept for the command, and its answer's validators for the row. */
	char			*command;
	const char		*filter_url;
	bool			 filtering;
	struct buf		 body;
	struct fetch_response	 http;		/* strings are copies */
	/* For asking again (download-retries). */
	char			*etag, *last_modified;
	int			 attempts;	/* made so far */
	bool			 reset_unread;	/* reset-unread-on-update */
};

struct refresh_pending;

struct refresh_msg {
	struct refresh_msg	*next;
	struct refresh_job	*j;
	const char		*skip_why;	/* a skip, not a transfer */
	struct fetch_response	 resp;		/* its strings are copies */
	int64_t			 backoff_until;	/* 429/503: the host waits */
	char			*backoff_host;
	size_t			 bytes;
};

struct refresh {
	struct store		*st;
	struct fetch		*fetch;
	struct refresh_cb	 cb;
	struct refresh_opts	 opts;
	struct refresh_job	*jobs;
	size_t			 n_jobs;
	struct refresh_stats	 stats;		/* the writer's, once it runs */
	int64_t			 now;
	bool			 started;
	size_t			 backoff_skipped;	/* fetch side's count */
	bool			 dirty;		/* a group may be open */
	struct timespec		 dirty_since;

	/* The queue to the writer thread. */
	pthread_mutex_t		 mu;
	pthread_cond_t		 wake;		/* posted, or closing */
	pthread_cond_t		 room;		/* the writer took the queue */
	pthread_t		 writer;
	bool			 threaded;	/* the writer thread runs */
	bool			 closing;
	struct refresh_msg	*head, **tail;
	size_t			 queued;	/* body bytes waiting */

	/* The writer's: reports waiting for their group's commit, the
	   last store error, articles written (committed or not) and
	   written when the indexer was last woken. */
	struct refresh_pending	*pending, **pending_tail;
	struct err		 db_err;
	size_t			 written;
	size_t			 index_mark;

	/* The indexer thread (refresh_index.c), woken by each commit. */
	pthread_mutex_t		 imu;
	pthread_cond_t		 iwake;
	pthread_t		 indexer;
	bool			 indexing;	/* the thread runs */
	bool			 ikick;		/* something was committed */
	bool			 iclosing;	/* catch up, then end */
	struct err		 ierr;		/* its last sync's error */
};

/* Does the transfer end with a document to store (else only the fetch
   is recorded)?  Both sides decide by it. */
bool	refresh_has_document(const struct refresh_job *,
	    const struct fetch_response *);
void	refresh_report(struct refresh *, struct refresh_job *,
	    enum refresh_outcome, const char *, int, const char *, size_t,
	    size_t);
/* Fetched, but the database lost what was stored (why: its error). */
void	refresh_report_unsaved(struct refresh *, struct refresh_job *,
	    const char *, int, const char *);
void	refresh_job_clear_items(struct refresh_job *);
/* Commit the open group, then report the feeds it held. */
void	refresh_flush_group(struct refresh *);
/*
 * The search index follows the store on a thread of its own, with its
 * own connections (refresh_index.c): start it once the refresh runs,
 * kick it after a commit; finish waits until it has indexed every
 * committed article (inline when there is no thread), and records the
 * outcome in stats.search_error.
 */
void	refresh_indexer_start(struct refresh *);
void	refresh_indexer_kick(struct refresh *);
void	refresh_indexer_finish(struct refresh *);

/* Hand a message to the writer (or store it at once without one). */
void	refresh_post(struct refresh *, struct refresh_msg *);
void	refresh_msg_free(struct refresh_msg *);
/* Start the writer thread (falls back to storing inline on failure);
   stop: let it store everything posted, then join it. */
void	refresh_writer_start(struct refresh *);
void	refresh_writer_stop(struct refresh *);

#endif
