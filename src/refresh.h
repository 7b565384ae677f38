/*
 * refresh: urls list -> fetch -> feed parser -> store, for every feed.
 *
 * Used by `gazette refresh` (refresh_run); the interface runs that
 * command as a child process.  Step by step:
 *
 *	fd = refresh_lock(db_path, &err);	// -1: ERR_LOCKED or ERR_IO
 *	r = refresh_start(store, &urls, &opts, &cb, &err);
 *	while (refresh_step(r, 100, -1) > 0)
 *		continue;
 *	refresh_finish(r, &stats);		// frees r
 *	refresh_unlock(fd);
 *
 * refresh_step waits at most timeout_ms (0: do what is ready and return)
 * for network activity or for extra_fd (-1: none) to become readable,
 * with curl_multi_poll: no busy polling.
 *
 * Two threads: the caller's receives and parses; a writer thread started
 * by refresh_start does every database write and calls cb.feed_done, so
 * between refresh_start and refresh_finish the store belongs to r.
 *
 * What happens to each feed of the list (query: feeds are ignored):
 *  - skipped (counted, not fetched) when not due: a Cache-Control max-age,
 *    Expires, <ttl> or @reload interval from an earlier run has not run
 *    out, or its host asked to back off (429/503 Retry-After, at most
 *    FETCH_MAX_RETRY_AFTER, kept in the store so cron runs respect it;
 *    the host is the one that answered, after any redirect; counted
 *    apart in stats.backoff); opts.force fetches anyway.  exec: and
 *    filter: feeds are skipped with a reason (never run).
 *  - fetched with a conditional GET (ETag / Last-Modified from the store);
 *    a 304 records only the fetch time.
 *  - parsed as bytes arrive; items are then written in ONE transaction
 *    per feed (new, changed, unchanged items; read/flagged never touched;
 *    pruned to @max-items).  A failure never deletes anything stored
 *    earlier; a document cut short keeps the items before the cut (and
 *    the feed is reported failed with the reason).
 *  - a 301/308 is recorded in the store (redirect_url) and reported in
 *    the feed's report; the urls file is never touched.
 * The urls file's "~Title" and tags are copied into the store.
 *
 * Writes are grouped (store_set_group_commit) between refresh_start and
 * refresh_finish: a group is committed as soon as nothing waits to be
 * stored, and after 250 ms at most, so the database's write lock is
 * never held across a network wait and other writers get it between
 * groups.  The feed rows are committed by refresh_start, before any.
 * Counters and reports follow commits: a feed is reported (feed_done)
 * once the group that stored it is committed, and counted as fetched
 * and its articles as new only then; when a group is lost (a full disk)
 * its feeds are reported failed with unsaved set.
 *
 * The store and the urls list are borrowed and must outlive r.
 */
#ifndef GAZETTE_REFRESH_H
#define GAZETTE_REFRESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "store.h"
#include "urls.h"

struct refresh;

/*
 * The config's fetcher settings (newsboat's user-agent, download-timeout,
 * download-retries, proxy...) come in here; a feed's own @settings in
 * the urls file win over them.  A feed that fails for a transport error
 * or a 5xx answer other than 503 before any of its body arrived is
 * asked again at once, up to `attempts` times in all.
 */
struct refresh_opts {
	int	 jobs;		/* transfers at once; <= 0: 16 */
	int	 per_host;	/* to one host; <= 0: 6 */
	bool	 force;		/* ignore ttl, max-age, reload and back-off */
	int	 attempts;	/* per feed; <= 1: once */
	long	 timeout;	/* seconds; <= 0: the fetcher's default */
	const char *user_agent;	/* NULL: gazette/VERSION */
	const char *proxy;	/* NULL: the environment's */
	const char *proxy_auth;	/* USER:PASSWORD, or NULL */
	int	 keep_days;	/* keep-articles-days; 0: keep all */
	bool	 description;	/* always-display-description */
	/* ignore-mode download: articles meeting it are not stored (one
	   already stored is left as it is); NULL: none. */
	const struct store_where *ignore;
	/* newsboat's max-download-speed, auth methods, cookie-cache
	   (fetch_opts.h), or NULL; always-download and
	   reset-unread-on-update: blank-separated feed URLs, or NULL. */
	const struct fetch_opts *fetch;
	const char *always_download;
	const char *reset_unread;
};

enum refresh_outcome {
	REFRESH_FETCHED,	/* 200 (or file://), stored */
	REFRESH_NOT_MODIFIED,	/* 304 */
	REFRESH_SKIPPED,	/* not due, backing off, or unsupported */
	REFRESH_FAILED		/* see error */
};

/* One feed's result; strings are valid during the callback only. */
struct refresh_report {
	const char	*url;
	const char	*title;		/* "~Title", else the feed's, or NULL */
	enum refresh_outcome outcome;
	const char	*error;		/* FAILED: the reason; SKIPPED: why */
	int		 http_status;
	const char	*moved_to;	/* a 301/308 target, or NULL */
	size_t		 new_items;
	size_t		 updated_items;
	int64_t		 feed_id;	/* 0 when not in the store */
	/* FAILED only because the database lost what was stored (a full
	   disk): stats.flush_error says why, once for every such feed. */
	bool		 unsaved;
};

struct refresh_stats {
	size_t	total;		/* feeds considered */
	size_t	done;
	size_t	fetched;
	size_t	not_modified;
	size_t	skipped;
	size_t	backoff;	/* of skipped: their host asked to back off */
	size_t	failed;
	size_t	new_items;
	size_t	updated_items;
	size_t	ignored;	/* new articles opts.ignore kept out */
	size_t	moved;		/* 301/308 noted */
	size_t	unsaved;	/* failed: fetched, but not stored */
	bool	db_failed;	/* the database failed (not for a full disk) */
	bool	disk_full;	/* stored work was lost to a full disk */
	bool	search_full;	/* the index failed for a full disk */
	char	search_error[256];	/* search_sync failed: why ("" if not) */
	/* Stored work was lost (a group's commit failed, a full disk):
	   the first reason, "" if none. */
	char	flush_error[256];
	/* The cookie-cache could not be written: why ("" if it was). */
	char	cookie_error[256];
};

struct refresh_cb {
	void	*ctx;
	/* Called once per feed as it completes (skips included). */
	void	(*feed_done)(void *ctx, const struct refresh_report *rep,
		    const struct refresh_stats *stats);
};

/* Take the refresh lock (flock on DBPATH.lock); fd, or -1 (ERR_LOCKED
   when another refresh holds it). */
int	 refresh_lock(const char *db_path, struct err *err);
void	 refresh_unlock(int fd);

struct refresh *refresh_start(struct store *st, const struct urls_list *urls,
		    const struct refresh_opts *opts, const struct refresh_cb *cb,
		    struct err *err);
/* Returns the number of transfers not yet ended (0: all fetched;
   refresh_finish waits for the rest to be stored). */
size_t	 refresh_step(struct refresh *r, int timeout_ms, int extra_fd);
/* Stop early (transfers abandoned, nothing half-written), give the
   counters, free r.  Also brings the search index up to date. */
void	 refresh_finish(struct refresh *r, struct refresh_stats *out);
/* All of the above, blocking.  Returns 0, or -1 when nothing could be
   done (err set). */
int	 refresh_run(struct store *st, const struct urls_list *urls,
	    const struct refresh_opts *opts, const struct refresh_cb *cb,
	    struct refresh_stats *out, struct err *err);

#endif
