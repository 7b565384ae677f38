/*
 * store_sync: what sync with a Google Reader API server keeps in the
 * store (schema step 6 -> 7): its own values (sync_state) and the queue
 * of local changes (sync_queue).
 *
 * While sync is on, every change of an article's read or flagged state,
 * from any writer (the interface, `gazette mark`, import-read...),
 * appends a row to the queue in the same transaction, with the time it
 * was made: a change is queued exactly when it is stored, and survives
 * a crash or kill -9.  Sync pushes the queue (the last change of each
 * article and state), then drops the rows it pushed; a row queued while
 * it pushed stays for the next sync.  Without sync nothing is queued.
 */
#ifndef GAZETTE_STORE_SYNC_H
#define GAZETTE_STORE_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct store;

#define STORE_SYNC_READ		0
#define STORE_SYNC_FLAG		1
#define STORE_SYNC_FEED_READ	2	/* item_id: a feed's id, 0 every feed */

/* One pending change: the last one of its article and state. */
struct store_sync_change {
	int64_t	 item_id;
	char	*guid;
	int	 what;		/* STORE_SYNC_READ or STORE_SYNC_FLAG */
	bool	 value;
	int64_t	 at;		/* milliseconds since 1970 */
};

struct store_sync_queue {
	struct store_sync_change *c;
	size_t	 n;
	int64_t	 upto;		/* the last row taken: store_sync_queue_drop */
};

/*
 * Turn queueing on, or off: leaving sync mode also empties the queue, so
 * a later return to sync never pushes stale changes as new ones.
 */
int	 store_sync_set_on(struct store *st, bool on, struct err *err);
/* Integer values of the sync (0 when unset). */
int	 store_sync_get_int(struct store *st, const char *key, int64_t *v,
	    struct err *err);
int	 store_sync_set_int(struct store *st, const char *key, int64_t v,
	    struct err *err);
/* Text values of the sync (NULL when unset; caller frees). */
char	*store_sync_get_text(struct store *st, const char *key,
	    struct err *err);
int	 store_sync_set_text(struct store *st, const char *key,
	    const char *v, struct err *err);
/*
 * For store_feed_set_read: a whole feed (0: every feed) was marked read
 * in the open transaction.  While sync is on, its articles' queued read
 * changes (earlier ones and those of this mark) become one change
 * STORE_SYNC_FEED_READ, pushed with mark-all-as-read.
 */
int	 store_sync_feed_read(struct store *st, int64_t feed_id,
	    struct err *err);
/* The pending changes, at most one per article and state. */
int	 store_sync_queue_take(struct store *st, struct store_sync_queue *q,
	    struct err *err);
void	 store_sync_queue_free(struct store_sync_queue *q);
/* Drop the rows taken (id <= upto): they are on the server. */
int	 store_sync_queue_drop(struct store *st, int64_t upto,
	    struct err *err);
/* The number of rows queued (tests, messages). */
int64_t	 store_sync_queue_count(struct store *st, struct err *err);

/*
 * Set read (what STORE_SYNC_READ) or flagged of every article with this
 * guid (flagging gives the flag_star letter when sync has one) (in feed_id, or in any feed when 0), in one transaction with the
 * feed counters kept.  *found gets the number of articles the guid names
 * (0: unknown guid).
 */
int	 store_mark_guid(struct store *st, int64_t feed_id, const char *guid,
	    int what, bool value, int64_t *found, struct err *err);

/*
 * The server's state, applied: every article whose guid starts with
 * prefix gets value when its guid is in guids[0..n-1] and !value
 * otherwise (what: STORE_SYNC_READ, or STORE_SYNC_FLAG: has the flag
 * letter), except those
 * with a change still queued (made while the sync ran: they win).  What
 * this changes is not queued.  *changed gets the count.
 */
int	 store_sync_apply(struct store *st, const char *prefix, int what,
	    bool value, char letter, char *const *guids, size_t n,
	    int64_t *changed, struct err *err);
/*
 * The flag letter that is the server's star (freshrss-flag-star), or
 * '\0': flags stay local.  While it is set, a change of an article's
 * flags is queued when it changes whether the article has the letter
 * (schema step 10 -> 11), and store_mark_guid flags with it.
 */
int	 store_sync_set_flag_star(struct store *st, char letter,
	    struct err *err);

#endif
