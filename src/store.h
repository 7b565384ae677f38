/*
 * store: the SQLite database of feeds and articles.
 *
 * One file in WAL mode with a busy timeout, schema versioned with
 * PRAGMA user_version and migrated forward on open.  An existing file is
 * never recreated or overwritten: a corrupt, unreadable or read-only file
 * is an error (ERR_DB), and the command exits 2.
 *
 * Writers: one transaction per feed (store_begin / store_commit).  Calls
 * that write outside a transaction open and commit their own.  Items are
 * upserted by (feed, guid): an unchanged item costs no write, a changed
 * one is updated in place (same id), and read/flagged are never touched
 * by an upsert.
 *
 * Counts: every feed row carries its unread and total counts, kept by the
 * store on every insert, delete and read change, so the feed list never
 * scans the items table.
 *
 * For the search index (src/search.c only): every inserted or changed
 * item gets a new, strictly increasing items.seq (indexed), and every
 * deleted item leaves a row (item_id, seq) in item_tombstones; the two
 * share one sequence, so "everything with seq > N" is a complete batch.
 *
 * Ownership: strings in the structs filled here are owned by the struct
 * and freed by the matching _clear/_free function.  const char *
 * parameters are borrowed (copied by SQLite).
 *
 * Return values: 0 success, -1 failure (details in err); lookups return
 * 1 for "not found".
 */
#ifndef GAZETTE_STORE_H
#define GAZETTE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"
#include "item.h"

/* store_open flags */
#define STORE_READONLY	0x01	/* open read-only; never migrates */
#define STORE_CREATE	0x02	/* create the file (0600, dirs 0700) if absent */
/*
 * One schema and page cache for the handle's connection and the search
 * reader's (SQLite's shared cache; store_shared): the store's schema is
 * read once, not once a connection.  For a process that only reads
 * (gazette search): in a shared cache a writer locks out the other
 * connection's readers (SQLITE_LOCKED) where WAL would let them read.
 */
#define STORE_SHARED	0x04

/* The schema version this build writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION	13

struct store;
struct sqlite3;
struct sqlite3_stmt;

enum store_upsert {
	STORE_UPSERT_NEW = 0,
	STORE_UPSERT_UPDATED,
	STORE_UPSERT_UNCHANGED
};

/* A feed row.  Strings are NULL when unknown. */
struct store_feed {
	int64_t	 id;
	char	*url;
	char	*title;		/* the feed's own title */
	char	*link;
	char	*etag;
	char	*last_modified;
	int	 http_status;	/* last HTTP status, 0 never fetched */
	char	*last_error;	/* NULL when the last refresh was fine */
	int64_t	 last_fetch;	/* UNIX seconds, 0 never */
	int64_t	 next_fetch;	/* not before (ttl, max-age, back-off), 0 any time */
	char	*redirect_url;	/* target of a noted 301/308, or NULL */
	char	*user_title;	/* "~Title" from the urls file, or NULL */
	char	**tags;		/* from the urls file (store_feeds_list only) */
	size_t	 n_tags;
	int64_t	 unread;
	int64_t	 total;
	bool	 gone;		/* no longer in the urls file */
};

/*
 * What one fetch of a feed found, written by store_feed_record in one
 * statement.  Strings are borrowed.
 */
struct store_fetch_result {
	int		 http_status;	/* 0: no HTTP answer */
	const char	*error;		/* NULL: fine; else shown to the user */
	int64_t		 fetched_at;
	int64_t		 next_fetch;	/* not before; 0 any time */
	/* Validators: written (NULL clears) only when set_validators. */
	bool		 set_validators;
	const char	*etag;
	const char	*last_modified;
	/* The document's title and link: NULL keeps the stored one. */
	const char	*title;
	const char	*link;
	/* A noted 301/308 target; NULL clears. */
	const char	*moved_to;
	/* Prune to the newest max_items after storing (0 keeps all). */
	size_t		 max_items;
};

struct store_feed_list {
	struct store_feed *feeds;
	size_t	 n;
};

/*
 * The orders of an item list (article-sort-order's fields): by the sort
 * value, then the date, then the id, all in the same direction.  The
 * sort value is the date itself for DATE; flagged (0 or 1) for FLAGS;
 * the text (NULL as "") for the others, compared without ASCII case for
 * TITLE and AUTHOR, byte by byte for LINK and GUID.
 */
enum store_sort {
	STORE_SORT_DATE = 0,
	STORE_SORT_TITLE,
	STORE_SORT_FLAGS,
	STORE_SORT_AUTHOR,
	STORE_SORT_LINK,
	STORE_SORT_GUID,
	STORE_NSORTS
};

/* Position of an item in a list's order (see store_item_key_of). */
struct store_item_key {
	int64_t	 date;
	int64_t	 id;
	int64_t	 flag;		/* STORE_SORT_FLAGS */
	const char *text;	/* TITLE, AUTHOR, LINK, GUID: borrowed */
};

/* One row of an item list: no content, so windows stay small. */
struct store_item_row {
	int64_t	 id;		/* stable */
	int64_t	 feed_id;
	char	*feed_url;
	char	*feed_title;
	char	*guid;
	char	*title;
	char	*link;
	char	*author;
	int64_t	 published;	/* ITEM_NO_DATE when absent */
	int64_t	 updated;	/* ITEM_NO_DATE when absent */
	int64_t	 date;		/* sort date: published, else updated, else
				   first seen */
	bool	 read;
	bool	 flagged;
};

struct store_item_list {
	struct store_item_row *rows;
	size_t	 n;
};

/* One item with its content (store_item_get*). */
struct store_item_full {
	struct store_item_row row;
	char	*content_type;	/* "html" or "text" */
	char	*content;
	char	*content_text;	/* NULL (stored by gazette before 0.2) */
	char	*enclosures;	/* JSON array [{"url","type","length"}], or NULL */
	char	*categories;	/* JSON array of strings, or NULL */
	int64_t	 first_seen;
	int64_t	 seq;
};

enum store_filter {
	STORE_FILTER_ALL = 0,
	STORE_FILTER_UNREAD,
	STORE_FILTER_FLAGGED
};

/*
 * An extra condition on items i joined with feeds f (filter.c compiles
 * newsboat's filter language to one): SQL text whose values are all
 * parameters ?N, N counted from STORE_WHERE_PARAM0, bound from params.
 */
#define STORE_WHERE_PARAM0	100
struct store_param {
	bool		 is_int;
	int64_t		 i;
	const char	*s;
};
struct store_where {
	const char		*sql;
	const struct store_param *params;
	size_t			 nparams;
	int			 param0;	/* 0: STORE_WHERE_PARAM0 */
};

/*
 * A window of items in the order sort/ascending give (zeroed: newest
 * first).  Keyset paging: with has_key, only rows strictly after key in
 * that order (or, with newer, strictly before it; still returned in list
 * order) are returned; from_end reads the rows at the end of the list
 * (the last limit ones, after offset skipped from the end).  offset
 * skips rows (walked in the order's index, not read: O(offset) index
 * entries; keys are still cheaper for scrolling).  Orders other than
 * the date's get their indexes only for a walk over the whole store
 * (feed_id 0; store_sort_index): a feed is sorted window by window.
 */
struct store_query {
	int64_t	 feed_id;	/* 0: all feeds (but gone ones) */
	enum store_filter filter;
	enum store_sort sort;
	bool	 ascending;	/* false: the largest sort value first */
	bool	 has_key;
	bool	 newer;
	bool	 from_end;	/* with newer, instead of a key */
	struct store_item_key key;
	size_t	 offset;
	size_t	 limit;		/* 0: no limit (only for small feeds!) */
	const struct store_where *where;	/* NULL: none */
};

/*
 * While fn is set, a long statement gives way to the caller: every few
 * thousand steps of SQLite's machine fn(arg) is asked, and when it says
 * true the statement stops (the call fails with err set) and
 * store_yielded says so until the next store_set_yield.  For the
 * interface, whose counts must never keep a key press waiting.
 */
void	 store_set_yield(struct store *st, bool (*fn)(void *), void *arg);
bool	 store_yielded(const struct store *st);

/* Opening and closing. */
struct store	*store_open(const char *path, int flags, struct err *err);
void		 store_close(struct store *st);
/* The connection, for src/search.c only. */
struct sqlite3	*store_db(struct store *st);
const char	*store_path(const struct store *st);
/* Opened with STORE_SHARED. */
bool		 store_shared(const struct store *st);
/* PRAGMA data_version: changes when another connection commits. */
int64_t		 store_data_version(struct store *st);

/*
 * Damage (store_damage.c).  A file cut or grown behind SQLite's back is
 * checked at open (PRAGMA quick_check; store_open fails when damaged),
 * and a statement that meets a damaged page (SQLITE_CORRUPT,
 * SQLITE_NOTADB) marks the store damaged.  From then on it refuses
 * every commit and store_close leaves the file as it is: nothing more is
 * written to a damaged database, and store errors say it is damaged.
 * store_damaged: cheap, any thread.  store_damage_error: -1 with
 * "database FILE is damaged: WHAT; gazette will not write to it" in err
 * (the first time, quick_check says WHAT), or 0 when not damaged.
 * store_verify runs quick_check now (it reads the whole file), then
 * answers as store_damage_error.
 */
bool	 store_damaged(struct store *st);
/*
 * While on (per thread), damage that this thread's connections meet is
 * not held against the stores: the search index's own file is derived
 * data, made again when damaged.  Returns the previous setting.
 */
bool	 store_damage_ignore(bool on);
int	 store_damage_error(struct store *st, struct err *err);
int	 store_verify(struct store *st, struct err *err);

/*
 * While another connection writes, wait for it (polling every 2 ms, 5 s
 * at most; the default) or fail at once (SQLITE_BUSY).
 */
void	 store_busy_wait(struct store *st, bool wait);
/* Transactions: BEGIN IMMEDIATE (retried while busy), COMMIT, ROLLBACK. */
int	 store_begin(struct store *st, struct err *err);
int	 store_commit(struct store *st, struct err *err);
void	 store_rollback(struct store *st);
/*
 * Group commit, for refresh (measured: 1000 feeds of 51 items take about
 * half the time with commits grouped).  While on, store_begin /
 * store_commit are a savepoint per feed inside an outer transaction that
 * only store_flush commits; a store_rollback still drops just that
 * feed's work.  While a group is open the write lock is held and every
 * other writer (the interface marking read) waits: flush before waiting
 * on anything (the network, a queue) and at the end; store_close and
 * turning it off flush too.  A failed flush loses the whole group, and
 * so can a failure inside one (a full disk may make SQLite roll the
 * whole transaction back): store_group_pending then turns false without
 * a flush.
 */
void	 store_set_group_commit(struct store *st, bool on);
/* Commit an open group now (no-op without one, or inside a feed). */
int	 store_flush(struct store *st, struct err *err);
/* Is a group open (written to, not committed yet)? */
bool	 store_group_pending(const struct store *st);
/*
 * Checkpoints on a thread of their own (store_ckpt.c) until stopped, for
 * a writer that commits much (refresh); -1 when the thread could not
 * start (the writer then checkpoints, as by default).  store_close
 * stops it too.  Each commit asks for a checkpoint; store_ckpt_kick asks
 * from any thread (a reader's transaction ended: more can be copied),
 * until store_ckpt_stop, which must come after.
 */
int	 store_ckpt_start(struct store *st);
void	 store_ckpt_kick(struct store *st);
void	 store_ckpt_stop(struct store *st);
/*
 * The same thread for another WAL database file (path): NULL when it
 * cannot start.  poke asks for a checkpoint (PASSIVE: it never waits);
 * close waits for the one under way.  The file's writer sets its own
 * automatic checkpoint to STORE_CKPT_BACKSTOP meanwhile (the WAL is
 * rewound only when a write begins with every page copied: without a
 * backstop it would grow as large as everything written) and back to
 * STORE_CKPT_AUTO, SQLite's default, after.
 */
#define STORE_CKPT_AUTO		1000
#define STORE_CKPT_BACKSTOP	8192
struct store_ckpt;
struct store_ckpt *store_ckpt_open(const char *path);
void	 store_ckpt_poke(struct store_ckpt *);
void	 store_ckpt_close(struct store_ckpt *);
/*
 * Another module's state tied to this handle (search keeps its index
 * connections here): freed with aux_free by store_close or by the next
 * store_set_aux.
 */
void	 store_set_aux(struct store *st, void *aux, void (*aux_free)(void *));
void	*store_aux(const struct store *st);

/* Feeds. */
/* The id of the feed with this URL, created if absent; -1 on error. */
int64_t	 store_feed_ensure(struct store *st, const char *url,
	    struct err *err);
/* The id of the feed with this URL, 0 if none, -1 on error. */
int64_t	 store_feed_find(struct store *st, const char *url, struct err *err);
/* 0 found, 1 no such feed, -1 error. */
int	 store_feed_get(struct store *st, int64_t feed_id,
	    struct store_feed *out, struct err *err);
/* The same by URL: 0 found, 1 unknown feed (out zeroed), -1 error. */
int	 store_feed_get_url(struct store *st, const char *url,
	    struct store_feed *out, struct err *err);
void	 store_feed_clear(struct store_feed *f);
/*
 * Record the outcome of a fetch (and prune, see store_feed_prune).  In
 * the feed's transaction, or alone (it then opens its own).  A 304 or a
 * failure: leave set_validators false and title/link NULL, nothing else
 * about the feed or its items changes.
 */
int	 store_feed_record(struct store *st, int64_t feed_id,
	    const struct store_fetch_result *r, struct err *err);
/* From the urls file: "~Title" (NULL clears) and tags (replaced). */
int	 store_feed_set_user_title(struct store *st, int64_t feed_id,
	    const char *title, struct err *err);
int	 store_feed_set_tags(struct store *st, int64_t feed_id,
	    const char *const *tags, size_t n_tags, struct err *err);
/*
 * The feeds of the urls file, in one transaction: a row for each (ids[i]
 * gets its id), "~Title" and tags written where they changed, and every
 * other feed marked gone (kept, with its articles, but out of every view
 * over all feeds: counts, windows, query feeds, search) until it is
 * listed again.
 */
struct store_sub {
	const char	 *url;
	const char	 *user_title;	/* NULL: none */
	const char *const *tags;
	size_t		  n_tags;
};
int	 store_feeds_sync(struct store *st, const struct store_sub *subs,
	    size_t n, int64_t *ids, struct err *err);
/*
 * Query feeds: the unread and total counts of the articles that meet w
 * (in feeds not gone), and marking them all read.
 */
int	 store_where_counts(struct store *st, const struct store_where *w,
	    int64_t *unread, int64_t *total, struct err *err);
int	 store_where_set_read(struct store *st, const struct store_where *w,
	    struct err *err);
/*
 * A query feed's articles as ids in list order (store_idlist.c): every
 * article that meets w in feeds not gone, less the hidden ones, in the
 * order sort/ascending give; with unread_only the read ones are left
 * out of ids (but not of the counts).  One pass, as costly as counting;
 * then store_idlist_window reads rows from .. from + limit - 1 (limit 0:
 * to the end) by their ids, at the same cost anywhere in the list.
 */
struct store_idlist {
	int64_t	*ids;
	size_t	 n;
	int64_t	 unread;
	int64_t	 total;
};
int	 store_where_idlist(struct store *st, const struct store_where *w,
	    enum store_sort sort, bool ascending, bool unread_only,
	    struct store_idlist *out, struct err *err);
int	 store_idlist_window(struct store *st, const struct store_idlist *l,
	    size_t from, size_t limit, struct store_item_list *out,
	    struct err *err);
void	 store_idlist_free(struct store_idlist *l);
/*
 * Which of the n items ids meet w (store_match.c): hit[k] for ids[k].
 * For the rows on screen (highlight-article): the store is asked about
 * those ids only, STORE_MATCH_MAX at a time.
 */
#define STORE_MATCH_MAX	64
int	 store_items_match(struct store *st, const struct store_where *w,
	    const int64_t *ids, size_t n, bool *hit, struct err *err);
/* fn(arg, feed id, date of its newest article) for every feed that has
 * articles (store_sort.c: one index probe per feed). */
int	 store_feeds_latest(struct store *st,
	    void (*fn)(void *, int64_t, int64_t), void *arg, struct err *err);
/* All feeds with their counts, in id (first added) order. */
int	 store_feeds_list(struct store *st, struct store_feed_list *out,
	    struct err *err);
/*
 * The same without waiting for the killfile (store_hide.c): the counts
 * leave out the hidden articles as last counted (none if never), and
 * exact says whether that count is current.  store_hidden_count_now
 * counts them again if not (it reads every article a rule may hide: run
 * it when nothing waits, under store_set_yield).
 */
int	 store_feeds_list_now(struct store *st, struct store_feed_list *out,
	    bool *exact, struct err *err);
int	 store_hidden_count_now(struct store *st, struct err *err);
/*
 * The first n feeds of that list that are not gone (and have unread
 * articles, if unread_only), with their tags, and the counts of every
 * feed not gone: what the feed list's first screen shows, without a row
 * for every feed.  Not with a killfile (store_hide): its counts are
 * store_feeds_list_now's.
 */
int	 store_feeds_first(struct store *st, size_t n, bool unread_only,
	    struct store_feed_list *out, int64_t *unread, int64_t *total,
	    struct err *err);
/*
 * fn(arg, url, unread, total) for every feed, gone or not, without a
 * copy of its row (the sums of a urls file's feeds).  Not with a
 * killfile either.
 */
int	 store_feeds_counts_each(struct store *st,
	    void (*fn)(void *, const char *, int64_t, int64_t), void *arg,
	    struct err *err);
void	 store_feed_list_free(struct store_feed_list *l);
/* The feed's own title and link (from the document). */
int	 store_feed_set_meta(struct store *st, int64_t feed_id,
	    const char *title, const char *link, struct err *err);
/* ETag and Last-Modified to send back (NULL clears). */
int	 store_feed_set_validators(struct store *st, int64_t feed_id,
	    const char *etag, const char *last_modified, struct err *err);
/* Result of a fetch: HTTP status (0 if none), error (NULL: fine). */
int	 store_feed_set_result(struct store *st, int64_t feed_id,
	    int http_status, const char *error, int64_t fetched_at,
	    struct err *err);
/* Do not fetch before this time (0: any time). */
int	 store_feed_set_next_fetch(struct store *st, int64_t feed_id,
	    int64_t not_before, struct err *err);
/* A permanent redirect noted (NULL clears). */
int	 store_feed_set_redirect(struct store *st, int64_t feed_id,
	    const char *url, struct err *err);
/* Delete a feed and its items (tombstones left for search). */
int	 store_feed_delete(struct store *st, int64_t feed_id,
	    struct err *err);

/*
 * Deleting for good (store_cleanup.c), each in one transaction (or the
 * caller's), tombstones left for search.  cleanup_gone: every feed
 * marked gone and all its articles, flagged ones too (as newsboat's
 * cleanup), unless every feed is gone (an empty urls file: nothing
 * goes); *feeds and *items say how many.  delete_read: every read
 * article that is not flagged.  feed_expire: the feed's articles dated
 * before `before` (their sort date), but flagged ones.  The last two
 * return the number deleted, -1 on error.
 */
int	 store_cleanup_gone(struct store *st, int64_t *feeds, int64_t *items,
	    struct err *err);
int64_t	 store_delete_read(struct store *st, struct err *err);
int64_t	 store_feed_expire(struct store *st, int64_t feed_id, int64_t before,
	    struct err *err);
/*
 * newsboat's purge-deleted and its deleted state: items_delete deletes
 * the n articles ids (flagged ones too); item_delete_guid the article
 * guid of a feed, and when the store does not have it, remembers the
 * guid all the same.  Either way the feed does not bring them back.
 * The number deleted, -1 on error.
 */
int64_t	 store_items_delete(struct store *st, const int64_t *ids, size_t n,
	    struct err *err);
int64_t	 store_item_delete_guid(struct store *st, int64_t feed_id,
	    const char *guid, struct err *err);

/* Per-host back-off (429/503 Retry-After), kept across runs. */
int	 store_host_backoff_set(struct store *st, const char *host,
	    int64_t retry_after, struct err *err);
/* The retry-after time for host, 0 if none; -1 on error. */
int64_t	 store_host_backoff_get(struct store *st, const char *host,
	    struct err *err);
/* Forget back-offs that ended before now. */
int	 store_host_backoff_expire(struct store *st, int64_t now,
	    struct err *err);

/* Items. */
/*
 * Insert or update one item by (feed, guid), as parsed (borrowed).
 * *result says what happened.  Unchanged items are not written; read and
 * flagged are never touched.  now is the first-seen time for new items.
 */
int	 store_item_upsert(struct store *st, int64_t feed_id,
	    const struct item *item, int64_t now, enum store_upsert *result,
	    struct err *err);
/*
 * The part of an upsert that needs no database: the change hash,
 * enclosures and categories as JSON.  Safe on
 * any thread, so a refresh computes it where it parses and leaves the
 * writer only the SQL.  The item must outlive p.
 */
struct store_item_prep {
	uint64_t	 hash;
	size_t		 content_len;
	const char	*ctype;
	char		*enclosures;
	char		*categories;
};
void	 store_item_prepare(const struct item *item,
	    struct store_item_prep *p);
void	 store_item_prep_clear(struct store_item_prep *p);
int	 store_item_upsert_prepared(struct store *st, int64_t feed_id,
	    const struct item *item, const struct store_item_prep *p,
	    int64_t now, enum store_upsert *result, struct err *err);
/*
 * Keep the newest max_items items of a feed (by date), deleting older
 * ones, except flagged items, which are always kept (like newsboat).
 * Unread items are pruned too.  0 keeps everything.  A caller should
 * upsert at most the newest max_items of a document so that pruned items
 * do not come back as new.  Returns the number deleted, -1 on error.
 */
int64_t	 store_feed_prune(struct store *st, int64_t feed_id,
	    size_t max_items, struct err *err);

/* Reading. */
/* The key of row r in lists sorted by s (borrows r's strings). */
void	 store_item_key_of(const struct store_item_row *r, enum store_sort s,
	    struct store_item_key *k);
/*
 * Build the indexes sort s reads (once per open store; DATE has its
 * own): a store opened read-only, or busy, sorts without them, slowly
 * but rightly.  store_items_window calls it; 0 done or not needed, -1
 * not built (err set).
 */
int	 store_sort_index(struct store *st, enum store_sort s,
	    struct err *err);
int	 store_items_window(struct store *st, const struct store_query *q,
	    struct store_item_list *out, struct err *err);
void	 store_item_list_free(struct store_item_list *l);
/* Unread and total counts of a feed (0: all feeds not gone), from the
 * counters. */
int	 store_counts(struct store *st, int64_t feed_id, int64_t *unread,
	    int64_t *total, struct err *err);
/* 0 found, 1 not found, -1 error. */
int	 store_item_get(struct store *st, int64_t item_id,
	    struct store_item_full *out, struct err *err);
/* By guid: feed_id 0 means any feed (the newest match wins). */
int	 store_item_get_guid(struct store *st, int64_t feed_id,
	    const char *guid, struct store_item_full *out, struct err *err);
void	 store_item_full_clear(struct store_item_full *it);
void	 store_item_row_clear(struct store_item_row *r);

/* Read and flagged state. */
int	 store_item_set_read(struct store *st, int64_t item_id, bool read,
	    struct err *err);
/* Every item of a feed (0: of every feed). */
int	 store_feed_set_read(struct store *st, int64_t feed_id, bool read,
	    struct err *err);
/*
 * newsboat's flags (store_flags.c): the letters a-z and A-Z, ordered and
 * each once.  An article has letters exactly when it is flagged; one
 * flagged without letters has "s".  normalize keeps the letters of in
 * (ordered, once) and returns how many other characters it dropped
 * (spaces are not counted).  get: 1 when the article does not exist.
 */
#define STORE_FLAGS_MAX	52
size_t	 store_flags_normalize(const char *in, char out[STORE_FLAGS_MAX + 1]);
int	 store_item_flags_get(struct store *st, int64_t item_id,
	    char out[STORE_FLAGS_MAX + 1], struct err *err);
int	 store_item_flags_set(struct store *st, int64_t item_id,
	    const char *flags, struct err *err);
/*
 * Give the article the flag letter (on) or take it away, keeping its
 * other letters, in the open transaction or one of its own.
 */
int	 store_item_flag_letter(struct store *st, int64_t item_id,
	    char letter, bool on, struct err *err);
/* The letters of flags for the flagged article (feed_id, guid), inside
   the caller's transaction (import-newsboat); nothing when it has none. */
int	 store_item_flags_put(struct store *st, int64_t feed_id,
	    const char *guid, const char *flags, struct err *err);
int	 store_item_set_flagged(struct store *st, int64_t item_id,
	    bool flagged, struct err *err);
/* Toggle; *now (may be NULL) gets the new state. */
int	 store_item_toggle_flagged(struct store *st, int64_t item_id,
	    bool *now, struct err *err);

/*
 * Read state in bulk (store_readlist.c), as newsboat keeps it.
 * store_item_mark marks the article (feed_id, guid) read and/or flagged
 * when asked (it never clears either).  store_read_guids calls fn with
 * the guid of every read article, oldest first (newsboat -E).
 * store_mark_read_guids marks read every article whose guid is in the
 * list, or whose link is when no guid matches (newsboat keys articles
 * without a guid by their link: newsboat -I); *unknown counts the lines
 * that match no article.
 */
int	 store_item_mark(struct store *st, int64_t feed_id, const char *guid,
	    bool read, bool flagged, struct err *err);
int	 store_read_guids(struct store *st, void (*fn)(void *, const char *),
	    void *arg, struct err *err);
int	 store_mark_read_guids(struct store *st, char *const *guids, size_t n,
	    int64_t *marked, int64_t *unknown, struct err *err);

/*
 * The killfile (store_hide.c).  store_set_hide copies w: from then on
 * the articles that meet it are left out of every read over the items
 * (windows, counts, query feeds, marking a query feed read, search);
 * NULL shows them again.  Its values are numbered from
 * STORE_HIDE_PARAM0 (so that it can sit beside a caller's condition),
 * at most STORE_HIDE_PARAMS of them.  store_hide gives it (NULL: none);
 * store_bind_hide binds its values in a statement prepared with it.
 */
#define STORE_HIDE_PARAM0	2000
#define STORE_HIDE_PARAMS	20000
int	 store_set_hide(struct store *st, const struct store_where *w,
	    struct err *err);
const struct store_where *store_hide(const struct store *st);
/* The filter language's SQL functions on another connection (the
   search index's reader, where the store is attached): 0 or -1. */
int	 store_sql_functions_on(struct sqlite3 *db);
int	 store_bind_hide(struct store *st, struct sqlite3_stmt *s,
	    struct err *err);
/*
 * Would item, about to be stored in feed_id (prepared as for
 * store_item_upsert_prepared, first seen now), meet w?  *matches says
 * so, *stored whether an article with its guid is in the feed already.
 */
int	 store_item_ignored(struct store *st, int64_t feed_id,
	    const struct item *item, const struct store_item_prep *p,
	    int64_t now, const struct store_where *w, bool *matches,
	    bool *stored, struct err *err);

/* Recompute every feed's counters from the items (repair). */
int	 store_recount(struct store *st, struct err *err);

#endif
