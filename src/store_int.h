/*
 * store_int: internals shared by the files of the store module (store.c,
 * store_schema.c, store_feeds.c, store_items.c).  Not an API: nothing
 * outside the store module includes this header; store.h is the API.
 *
 * Decisions written down here:
 * - Counts: feeds.unread and feeds.total are counters kept by this
 *   module (no triggers): an upsert adds to a per-transaction delta that is
 *   written once per feed at commit, so a feed of 50 new items costs one
 *   counter update, not 50.  store_recount() repairs them.
 * - Upsert: one indexed lookup of (guid, feed_id) returning the stored
 *   content hash; equal hash means unchanged and nothing is written, so
 *   the article text (html_to_text) is only computed for new or changed
 *   items.  A single INSERT ... ON CONFLICT could not skip that work.
 * - seq: one sequence shared by items.seq and item_tombstones.seq, read
 *   once per transaction (max of both, indexed) and counted up in memory;
 *   writers are serialised by BEGIN IMMEDIATE, so it strictly increases.
 *   An update bumps seq only when an indexed field (title, author,
 *   the body: content, content_type) changes.  The body's plain text is
 *   not stored (store_text_of derives it where search needs it);
 *   content_text is a column of older stores, cleared by an update.
 * - Pruning (max-items) keeps flagged items always, like newsboat.
 */
#ifndef GAZETTE_STORE_INT_H
#define GAZETTE_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "store.h"

#define ROW_COLS \
	"i.id, i.feed_id, f.url, f.title, i.guid, i.title, i.link, i.author," \
	" i.published, i.updated, i.sort_date, i.read, i.flagged"
#define N_ROW_COLS	13
#define FULL_COLS ROW_COLS ", i.content_type, i.content, i.content_text," \
	" i.enclosures, i.categories, i.first_seen, i.seq"
#define FEED_COLS \
	"id, url, title, link, etag, last_modified, http_status, last_error," \
	" last_fetch, next_fetch, redirect_url, user_title, unread, total, gone"

enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK, S_SAVEPOINT, S_RELEASE, S_ROLLBACK_TO,
	S_DATA_VERSION, S_MAX_SEQ,
	S_FEED_FIND, S_FEED_INSERT, S_FEED_GET, S_FEED_GET_URL, S_FEEDS_ALL,
	S_TAGS_ALL, S_TAGS_DELETE, S_TAG_INSERT,
	S_FEED_RECORD, S_FEED_META, S_FEED_VALIDATORS, S_FEED_RESULT,
	S_FEED_NEXT, S_FEED_REDIRECT, S_FEED_USER_TITLE, S_FEED_COUNTERS,
	S_FEED_TOMBSTONES, S_FEED_DELETE_ITEMS, S_FEED_DELETE,
	S_HOST_SET, S_HOST_DELETE, S_HOST_GET, S_HOST_EXPIRE,
	S_ITEM_LOOKUP, S_ITEM_DELETED, S_ITEM_INSERT, S_ITEM_UPDATE, S_PRUNE, S_TOMBSTONE,
	S_COUNTS_FEED, S_COUNTS_ALL, S_ITEM_GET, S_ITEM_GET_GUID,
	S_ITEM_GET_GUID_FEED, S_READ_ONE, S_UNREAD_ONE, S_READ_FEED,
	S_UNREAD_FEED, S_READ_ALL, S_UNREAD_ALL, S_COUNTERS_READ_FEED,
	S_COUNTERS_READ_ALL, S_FLAG_SET, S_FLAG_TOGGLE, S_RECOUNT,
	S_MARK_READ_GUID, S_MARK_FLAG_GUID, S_FEED_GONE, S_FEEDS_ALL_GONE,
	N_STMTS
};

/* The SQL text (store_schema.c). */
extern const char *const store_stmt_sql[N_STMTS];
extern const char *const store_migrations[];
extern const size_t store_n_migrations;

/* Window statements: scope (2) x filter (3) x direction (3) x skip (2). */
/* Windows: sort, direction, scope, filter, key, skip. */
#define N_WINDOW	(STORE_NSORTS * 2 * 2 * 3 * 4 * 2)

struct counter_delta {
	int64_t	 feed_id;
	int64_t	 total;
	int64_t	 unread;
};

/*
 * The parameter indexes of one cached statement, looked up once: binding
 * by name scans the statement's names on every bind, and an upsert binds
 * 16 values a row (store_items.c).
 */
#define STORE_MAX_PARAMS	16
struct store_params {
	sqlite3_stmt	*s;
	int		 idx[STORE_MAX_PARAMS];
};


/*
 * store_damage.c, for store_open: setup installs the log callback
 * (before SQLite's first use); watch starts counting for a store and
 * installs its commit hook (right after sqlite3_open); open_check runs
 * quick_check when the file's size is unexpected (-1: damaged, err
 * set); found notes what is damaged.
 */
void	store_damage_setup(void);
void	store_damage_watch(struct store *);
int	store_damage_open_check(struct store *, struct err *);
void	store_damage_found(struct store *, const char *);

struct store {
	sqlite3		*db;
	char		*path;
	bool		 readonly;
	bool		 shared;	/* STORE_SHARED */
	/* store_damage.c: what is damaged (NULL: nothing known), and the
	   process's count of damaged pages met when the store was opened. */
	char		*damage;
	unsigned	 pages_mark;
	bool		 in_txn;	/* a (feed) transaction is open */
	bool		 group_open;	/* group commit: outer transaction */
	bool		 group;		/* group commit is on */
	int64_t		 busy_since;	/* busy_poll: waiting since (ms) */
	struct store_ckpt *ckpt;	/* store_ckpt.c, or NULL */
	void		*aux;		/* store_set_aux */
	void		(*aux_free)(void *);
	int64_t		 next_seq;	/* 0: not read in this transaction */
	struct counter_delta *deltas;
	size_t		 n_deltas;
	size_t		 alloc_deltas;
	sqlite3_stmt	*stmts[N_STMTS];
	sqlite3_stmt	*windows[N_WINDOW];
	struct store_params upsert[2];	/* insert, update */
	bool		 sql_functions;	/* store_sql_functions done */
	bool		 sort_tried[STORE_NSORTS];	/* store_sort_index */
	struct store_where *hide;	/* store_hide.c: a copy, or NULL */
	struct store_hidden_cache *hcache;	/* store_hide.c */
	sqlite3_stmt	*ignore_stmt;	/* store_item_ignored's, for */
	const struct store_where *ignore_w;	/* this condition */
	bool		(*yield)(void *);	/* store_set_yield */
	void		*yield_arg;
	bool		 yielded;
};

/*
 * Helpers of store.c shared by the module.  Statements: store_stmt gives
 * the cached statement, reset and ready for binding; store_done resets it
 * and clears its bindings; store_run steps one that returns no rows and
 * resets it.  Binding by a name the statement lacks aborts (a programming
 * error).  store_bind_static binds a string the caller keeps alive until
 * store_done.
 */
void	 store_db_error(struct store *, struct err *, const char *);
sqlite3_stmt *store_prepare_sql(struct store *, const char *, struct err *);
sqlite3_stmt *store_stmt(struct store *, enum stmt_id, struct err *);
void	 store_done(sqlite3_stmt *);
void	 store_bind_static(sqlite3_stmt *, const char *, const char *);
void	 store_bind_int(sqlite3_stmt *, const char *, int64_t);
int	 store_run(struct store *, sqlite3_stmt *, struct err *);
/* Step a bound statement that yields at most one integer: column 0 of its
   row, 0 when there is none, -1 (what and the SQLite error in err). */
int64_t	 store_step_int(struct store *st, sqlite3_stmt *s, const char *what,
	    struct err *err);
char	*store_col_str(sqlite3_stmt *, int);
int64_t	 store_col_date(sqlite3_stmt *, int);

/*
 * Transactions: store_auto_begin opens one unless the caller has one;
 * store_auto_end commits (rc 0) or rolls back what auto_begin opened and
 * returns rc.  store_add_delta adds to a feed's counter delta, written at
 * commit; store_take_seq gives the next change sequence number (inside a
 * transaction).
 */
int	 store_auto_begin(struct store *, bool *, struct err *);
/* gazette_regexp and gazette_hasword, for filters (store_sqlfn.c). */
int	 store_sql_functions(struct store *, struct err *);
/*
 * store_sort.c: an order's columns on table alias a, each followed by
 * dir (" ASC", " DESC" or ""); the condition (" AND ...") "after key" in
 * the order cmp says (" < " or " > "), with parameters :kdate, :kid and
 * :ktext or :kflag, which store_sort_bind_key binds.
 */
void	 store_sort_cols(struct buf *, enum store_sort, const char *a,
	    const char *dir);
void	 store_sort_keycmp(struct buf *, enum store_sort, const char *a,
	    const char *cmp);
/* The condition "after the row id_query gives" (an SQL query of one
 * id), seeking as store_sort_keycmp does. */
void	 store_sort_after(struct buf *, enum store_sort, const char *a,
	    const char *cmp, const char *id_query);
void	 store_sort_bind_key(sqlite3_stmt *, enum store_sort,
	    const struct store_item_key *);
int	 store_auto_end(struct store *, bool, int, struct err *);
void	 store_add_delta(struct store *, int64_t, int64_t, int64_t);
int64_t	 store_take_seq(struct store *, struct err *);
/* Bind a caller's condition (struct store_where) to s. */
int	 store_bind_where(struct store *, sqlite3_stmt *,
	    const struct store_where *, struct err *);
/*
 * The killfile (store_hide.c): free it; append " AND NOT (its
 * condition)" (nothing without one); call fn(arg, feed_id, unread,
 * total) with the hidden articles of each feed that has some (feed_id
 * 0: of every feed not gone; -1: of every feed).
 */
void	 store_hide_free(struct store *);
void	 store_hide_sql(const struct store *, struct buf *);
/* A row of ROW_COLS into r (store_items.c). */
void	 store_read_row(sqlite3_stmt *, struct store_item_row *);
int	 store_hidden_counts(struct store *, int64_t,
	    void (*)(void *, int64_t, int64_t, int64_t), void *, struct err *);
/*
 * The hidden counts are kept between changes: is what is kept current?
 * After store_item_set_read changed an article's read flag (in its own
 * transaction, committed), keep them current.
 */
bool	 store_hide_cache_valid(struct store *);
/* fn for each feed's hidden articles as last counted (none: never
   counted); true when that count is current. */
bool	 store_hidden_stale(struct store *,
	    void (*)(void *, int64_t, int64_t, int64_t), void *);
void	 store_hide_read_changed(struct store *, int64_t, int64_t, bool);

#endif
