/*
 * sync_greader: the Google Reader API calls of a sync (sync.h): pull the
 * subscriptions, the articles and the ids of a state; push the queue.
 * Article guids in the store are the server's long item ids
 * (SYNC_ITEM_PREFIX then 16 hex digits), whatever form the server
 * answers in.
 */
#ifndef GAZETTE_SYNC_GREADER_H
#define GAZETTE_SYNC_GREADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

#define SYNC_ITEM_PREFIX	"tag:google.com,2005:reader/item/"
#define SYNC_READ		"user/-/state/com.google/read"
#define SYNC_STARRED		"user/-/state/com.google/starred"
#define SYNC_READING		"user/-/state/com.google/reading-list"
#define SYNC_LABEL		"user/-/label/"

struct conf;
struct store;
struct sync_session;

/* The server's feeds: stream id ("feed/12") to the store's feed id. */
struct sync_feeds {
	char		**stream;
	int64_t		 *id;
	bool		 *fresh;	/* its articles never pulled */
	int64_t		 *since;	/* pulled up to (us): older skipped */
	size_t		  n;
};

struct sync_ids {
	char		**v;
	size_t		  n;
};

int	 sync_pull_subs(struct sync_session *s, const struct conf *cfg,
	    struct store *st, struct sync_feeds *out, struct err *err);
void	 sync_feeds_free(struct sync_feeds *f);
/*
 * The articles of stream (a feed's, or SYNC_READING) added since ot
 * (UNIX s, 0: all), at most limit of them, newest first (0: no limit);
 * skip_old leaves out those older than their feed's since.  *new_items counts
 * the new ones; *server_time gets the server's time when still 0.
 */
int	 sync_pull_items(struct sync_session *s, const struct conf *cfg,
	    struct store *st, const struct sync_feeds *feeds,
	    const char *stream, int64_t ot, long limit, bool skip_old,
	    size_t *new_items, int64_t *server_time, struct err *err);
/* The ids of the reading-list with query (e.g. "xt=..." or "s=..."). */
int	 sync_pull_ids(struct sync_session *s, const struct conf *cfg,
	    const char *query, struct sync_ids *out, struct err *err);
void	 sync_ids_free(struct sync_ids *ids);
/* Get the T= token of the calls that change state (once a run). */
int	 sync_action_token(struct sync_session *s, const struct conf *cfg,
	    struct err *err);
/* Push the queue; *pushed: the changes the server took. */
int	 sync_push(struct sync_session *s, const struct conf *cfg,
	    struct store *st, size_t *pushed, struct err *err);

#endif
