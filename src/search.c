/*
 * search.c: the full-text index beside the store's items (queries on it
 * are in search_run.c).  Everything here is owned by search (tables,
 * view, triggers) and is created from this file, never from store.c's
 * migrations.
 *
 * Decisions written down here:
 * - search_fts: FTS5 with external content (the view search_src over
 *   items), so article text is not stored twice.  Columns title, author,
 *   feed (the feed's title), text (items.content_text, or the raw content
 *   while no plain text is stored).  unicode61 remove_diacritics 2,
 *   no prefix indexes.  bm25 weights title 10, author 4, feed 2, text 1.
 * - Indexing cost: prefix indexes ('2 3') made building the index 2.1
 *   times as expensive (CPU) for 51k articles, and a prefix query works
 *   without them by scanning the term range: 2-letter prefixes matching
 *   most articles cost about 30 ms more at 100k, longer prefixes nothing.
 *   The index is created with a 16 MB FTS5 hash (fewer, larger level-0
 *   segments: less merging) and automerge 8; the sync runs with a 16 MB
 *   page cache; rows without any byte that can start a CJK/Thai
 *   character skip the bigram pass.  Numbers in the commit message.
 * - search_cjk: a second, ordinary FTS5 table (tokenizer ascii) holding
 *   only the CJK/Thai runs of the rows that have some, as overlapping
 *   bigrams (search_cjk_bigrams).  unicode61 keeps such a run as one huge
 *   "word"; bigrams make any substring of two or more characters a
 *   phrase, and a single character a prefix.  A trigram index would miss
 *   two-character words (most Chinese words) and index every row.
 * - Feeding: batches, not row triggers.  search_sync indexes every item
 *   whose items.seq is beyond search_state.seq, a batch of rows per
 *   transaction; a crash loses the batch in flight and nothing else.
 * - Deletes and changes: an external-content index can only forget a row
 *   if it is given the values it indexed, which a tombstone does not
 *   carry.  So two small pure-SQL triggers on items (AFTER DELETE, AFTER
 *   UPDATE of the indexed columns) remove already-indexed rows with the
 *   OLD values, and queue changed rows in search_pending for the next
 *   sync.  They use no application functions, so any program may write
 *   the database.  Inserts (the bulk of a refresh) fire nothing.
 * - Feed titles: the index reads them from search_feed, a mirror of the
 *   feed titles as indexed; sync notices renames and reindexes that
 *   feed's items.  A deleted feed's title stays in the mirror until its
 *   items are gone, so the delete trigger can still give the old value.
 * - Lag: search reads whatever is indexed.  `gazette search` syncs first
 *   when it can take the write lock at once, and otherwise says how many
 *   articles are not searchable yet (search_lag).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "search.h"
#include "search_int.h"
#include "store.h"
#include "xmalloc.h"

#define SEARCH_SCHEMA	3
/* Rows a transaction: 20,000 cost 13% less CPU than 5,000 when indexing
   47,692 articles (fewer level-0 segments to merge), 50,000 no less. */
#define BATCH_ROWS	20000

#define TEXT_EXPR	SEARCH_TEXT_EXPR
#define OLD_TEXT	"coalesce(old.content_text, old.content)"
#define NEW_TEXT	"coalesce(new.content_text, new.content)"
#define FEED_TITLE	SEARCH_FEED_TITLE
#define INDEXED(r)	r ".seq <= (SELECT value FROM search_state" \
			" WHERE key = 'seq') AND NOT EXISTS (SELECT 1 FROM" \
			" search_pending WHERE id = " r ".id)"

static const char *const schema_drop =
	"DROP TRIGGER IF EXISTS search_feeds_au;"
	"DROP TRIGGER IF EXISTS search_items_ad;"
	"DROP TRIGGER IF EXISTS search_items_au;"
	"DROP INDEX IF EXISTS search_items_rank;"
	"DROP TABLE IF EXISTS search_fts;"
	"DROP TABLE IF EXISTS search_cjk;"
	"DROP VIEW IF EXISTS search_src;"
	"DROP TABLE IF EXISTS search_feed;"
	"DROP TABLE IF EXISTS search_pending;"
	"DROP TABLE IF EXISTS search_state;";

static const char *const schema_create =
	"CREATE TABLE search_state (key TEXT PRIMARY KEY,"
	" value INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE search_feed (id INTEGER PRIMARY KEY, title TEXT);"
	"CREATE TABLE search_pending (id INTEGER PRIMARY KEY);"
	"CREATE VIEW search_src AS SELECT i.id AS id, i.title AS title,"
	" i.author AS author, sf.title AS feed, " TEXT_EXPR " AS text"
	" FROM items i LEFT JOIN search_feed sf ON sf.id = i.feed_id;"
	"CREATE VIRTUAL TABLE search_fts USING fts5(title, author, feed, text,"
	" content='search_src', content_rowid='id',"
	" tokenize='unicode61 remove_diacritics 2');"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 8);"
	"CREATE VIRTUAL TABLE search_cjk USING fts5(title, author, feed, text,"
	" tokenize='ascii');"
	"CREATE TRIGGER search_items_ad AFTER DELETE ON items"
	" WHEN " INDEXED("old") " BEGIN"
	" INSERT INTO search_fts(search_fts, rowid, title, author, feed, text)"
	"  VALUES ('delete', old.id, old.title, old.author,"
	"  (SELECT title FROM search_feed WHERE id = old.feed_id), " OLD_TEXT
	");"
	" DELETE FROM search_cjk WHERE rowid = old.id;"
	" END;"
	"CREATE TRIGGER search_items_au AFTER UPDATE OF title, author,"
	" content_text, content, feed_id ON items"
	" WHEN " INDEXED("old") " AND (old.title IS NOT new.title"
	" OR old.author IS NOT new.author OR old.feed_id IS NOT new.feed_id"
	" OR " OLD_TEXT " IS NOT " NEW_TEXT ") BEGIN"
	" INSERT INTO search_fts(search_fts, rowid, title, author, feed, text)"
	"  VALUES ('delete', old.id, old.title, old.author,"
	"  (SELECT title FROM search_feed WHERE id = old.feed_id), " OLD_TEXT
	");"
	" DELETE FROM search_cjk WHERE rowid = old.id;"
	" INSERT OR IGNORE INTO search_pending(id) VALUES (new.id);"
	" END;"
	"CREATE INDEX search_items_rank ON items(id, sort_date, read, flagged,"
	" feed_id);"
	"INSERT INTO search_state(key, value) VALUES ('version', 3), ('seq', 0);";

/*
 * Feed renames: this trigger leaves a mark in search_state that sync
 * clears once it has compared the titles, so that a search need not
 * compare every feed's title to learn that nothing changed (5 ms of CPU
 * per search with 20,000 feeds).  Created by sync when missing (an index
 * made before it, a store migration that rebuilt feeds); while it is
 * missing every sync compares the titles, as before.
 */
static const char *const feeds_trigger =
	"CREATE TRIGGER IF NOT EXISTS search_feeds_au AFTER UPDATE OF title,"
	" user_title ON feeds WHEN old.title IS NOT new.title"
	" OR old.user_title IS NOT new.user_title BEGIN"
	" INSERT OR REPLACE INTO search_state(key, value) VALUES ('feeds', 1);"
	" END;";

void
search_db_err(sqlite3 *db, struct err *err, const char *what)
{
	if ((sqlite3_errcode(db) & 0xff) == SQLITE_FULL)
		err_set(err, ERR_FULL, "search index: %s: disk full", what);
	else
		err_set(err, ERR_DB, "search index: %s: %s", what,
		    sqlite3_errmsg(db));
}

sqlite3_stmt *
search_prep(sqlite3 *db, const char *sql, struct err *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		search_db_err(db, err, "cannot prepare");
		sqlite3_finalize(s);
		return (NULL);
	}
	return (s);
}

static int
exec(sqlite3 *db, const char *sql, struct err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(err, ERR_DB, "search index: %s",
		    msg != NULL ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return (-1);
	}
	return (0);
}

/* One integer from a query with up to one integer parameter; -1 error. */
static int
query_int(sqlite3 *db, const char *sql, int64_t param, int64_t *out,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = search_prep(db, sql, err)) == NULL)
		return (-1);
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_int64(s, 1, param);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (rc == SQLITE_DONE)
		*out = 0;
	else
		search_db_err(db, err, "cannot read");
	sqlite3_finalize(s);
	return (rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1);
}

/* 1 when the index exists in the current shape, 0 when not. */
static int
schema_ok(sqlite3 *db, struct err *err)
{
	int64_t n, version;

	if (query_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN"
	    " ('search_state', 'search_feed', 'search_pending', 'search_src',"
	    " 'search_fts', 'search_cjk', 'search_items_ad',"
	    " 'search_items_au', 'search_items_rank')", 0, &n, err) == -1)
		return (-1);
	if (n != 9)
		return (0);
	if (query_int(db, "SELECT value FROM search_state WHERE key ="
	    " 'version'", 0, &version, err) == -1)
		return (-1);
	return (version == SEARCH_SCHEMA);
}

int
search_index_ok(struct store *st, struct err *err)
{
	return (schema_ok(store_db(st), err));
}

static int
schema_create_fresh(sqlite3 *db, struct err *err)
{
	if (exec(db, schema_drop, err) == -1 ||
	    exec(db, schema_create, err) == -1)
		return (-1);
	/* a tuning knob only: an FTS5 that does not know it still works */
	(void)sqlite3_exec(db, "INSERT INTO search_fts(search_fts, rank)"
	    " VALUES ('hashsize', 16777216)", NULL, NULL, NULL);
	return (0);
}

/* Index one row in both tables (the row is known not to be indexed). */
struct indexer {
	sqlite3		*db;
	sqlite3_stmt	*fts;
	sqlite3_stmt	*cjk;
	sqlite3_stmt	*cjk_del;
	struct buf	 bi[4];
};

static int
indexer_open(struct indexer *ix, sqlite3 *db, struct err *err)
{
	size_t k;

	memset(ix, 0, sizeof(*ix));
	ix->db = db;
	for (k = 0; k < 4; k++)
		buf_init(&ix->bi[k], BUF_CAP_BODY * 4);
	ix->fts = search_prep(db, "INSERT INTO search_fts(rowid, title, author, feed,"
	    " text) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	ix->cjk = search_prep(db, "INSERT INTO search_cjk(rowid, title, author, feed,"
	    " text) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	ix->cjk_del = search_prep(db, "DELETE FROM search_cjk WHERE rowid = ?1", err);
	return (ix->fts != NULL && ix->cjk != NULL && ix->cjk_del != NULL ?
	    0 : -1);
}

static void
indexer_close(struct indexer *ix)
{
	size_t k;

	sqlite3_finalize(ix->fts);
	sqlite3_finalize(ix->cjk);
	sqlite3_finalize(ix->cjk_del);
	for (k = 0; k < 4; k++)
		buf_free(&ix->bi[k]);
}

static int
step_done(sqlite3 *db, sqlite3_stmt *s, struct err *err)
{
	int rc = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (rc != SQLITE_DONE) {
		search_db_err(db, err, "cannot write");
		return (-1);
	}
	return (0);
}

/*
 * Does the text hold a CJK/Thai character?  Every such code point is
 * U+0E00 or above, so only a sequence whose lead byte is 0xe0 or more is
 * decoded: typographic quotes and dashes (U+2000 and up, lead byte 0xe2)
 * are common in Latin text and must not send it through the bigram pass.
 */
static bool
maybe_cjk(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		if ((unsigned char)s[i] < 0xe0)
			i++;
		else if (search_cp_cjk(search_utf8_next(s, len, &i)))
			return (true);
	}
	return (false);
}

/* cols: id, seq, title, author, feed, text (a row of the batch query). */
static int
index_row(struct indexer *ix, sqlite3_stmt *row, bool replace,
    struct err *err)
{
	int64_t id = sqlite3_column_int64(row, 0);
	bool cjk = false;
	int k;

	sqlite3_bind_int64(ix->fts, 1, id);
	for (k = 0; k < 4; k++) {
		const char *v = (const char *)sqlite3_column_text(row, 2 + k);
		int n = sqlite3_column_bytes(row, 2 + k);

		/* row's values stay as they are until row steps again: no
		   copy (sqlite3_bind_value makes one) */
		if (v == NULL)
			sqlite3_bind_null(ix->fts, 2 + k);
		else
			sqlite3_bind_text(ix->fts, 2 + k, v, n, SQLITE_STATIC);
		buf_reset(&ix->bi[k]);
		if (v != NULL && maybe_cjk(v, (size_t)n) &&
		    search_cjk_bigrams(v, &ix->bi[k]) > 0)
			cjk = true;
	}
	if (step_done(ix->db, ix->fts, err) == -1)
		return (-1);
	if (replace) {
		sqlite3_bind_int64(ix->cjk_del, 1, id);
		if (step_done(ix->db, ix->cjk_del, err) == -1)
			return (-1);
	}
	if (!cjk)
		return (0);
	sqlite3_bind_int64(ix->cjk, 1, id);
	for (k = 0; k < 4; k++) {
		if (ix->bi[k].len == 0)
			sqlite3_bind_null(ix->cjk, 2 + k);
		else
			sqlite3_bind_text(ix->cjk, 2 + k, buf_str(&ix->bi[k]),
			    (int)ix->bi[k].len, SQLITE_STATIC);
	}
	return (step_done(ix->db, ix->cjk, err));
}

/* Feed titles that changed since they were indexed. */
static int
sync_feeds(sqlite3 *db, int64_t idx, struct err *err)
{
	sqlite3_stmt *s = NULL, *del = NULL, *mirror = NULL, *requeue = NULL;
	sqlite3_stmt *cjk = NULL;
	int64_t *ids = NULL;
	char **titles = NULL;
	size_t n = 0, i;
	int rc = -1;

	s = search_prep(db, "SELECT f.id, " FEED_TITLE " FROM feeds f"
	    " LEFT JOIN search_feed sf ON sf.id = f.id"
	    " WHERE sf.id IS NULL OR sf.title IS NOT " FEED_TITLE, err);
	if (s == NULL)
		goto out;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 1);

		ids = xreallocarray(ids, n + 1, sizeof(*ids));
		titles = xreallocarray(titles, n + 1, sizeof(*titles));
		ids[n] = sqlite3_column_int64(s, 0);
		titles[n++] = xstrdup_or_null(t);
	}
	if (sqlite3_reset(s) != SQLITE_OK) {
		search_db_err(db, err, "cannot read feeds");
		goto out;
	}
	/* forget the indexed rows of renamed feeds, queue them again */
	del = search_prep(db, "INSERT INTO search_fts(search_fts, rowid, title,"
	    " author, feed, text) SELECT 'delete', i.id, i.title, i.author,"
	    " sf.title, " TEXT_EXPR " FROM items i LEFT JOIN search_feed sf ON"
	    " sf.id = i.feed_id WHERE i.feed_id = ?1 AND i.seq <= ?2 AND"
	    " NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.id = i.id);"
	    , err);
	requeue = search_prep(db, "INSERT OR IGNORE INTO search_pending(id)"
	    " SELECT id FROM items WHERE feed_id = ?1 AND seq <= ?2", err);
	cjk = search_prep(db, "DELETE FROM search_cjk WHERE rowid IN (SELECT id"
	    " FROM items WHERE feed_id = ?1 AND seq <= ?2)", err);
	mirror = search_prep(db, "INSERT OR REPLACE INTO search_feed(id, title)"
	    " VALUES (?1, ?2)", err);
	if (del == NULL || requeue == NULL || cjk == NULL || mirror == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		sqlite3_stmt *each[3] = { del, cjk, requeue };
		size_t k;

		for (k = 0; k < 3; k++) {
			sqlite3_bind_int64(each[k], 1, ids[i]);
			sqlite3_bind_int64(each[k], 2, idx);
			if (step_done(db, each[k], err) == -1)
				goto out;
		}
		sqlite3_bind_int64(mirror, 1, ids[i]);
		if (titles[i] != NULL)
			sqlite3_bind_text(mirror, 2, titles[i], -1,
			    SQLITE_STATIC);
		if (step_done(db, mirror, err) == -1)
			goto out;
	}
	/* mirrors of feeds that are gone with all their items */
	if (exec(db, "DELETE FROM search_feed WHERE id NOT IN (SELECT id FROM"
	    " feeds) AND NOT EXISTS (SELECT 1 FROM items WHERE feed_id ="
	    " search_feed.id)", err) == -1)
		goto out;
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(titles[i]);
	free(titles);
	free(ids);
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	sqlite3_finalize(requeue);
	sqlite3_finalize(cjk);
	sqlite3_finalize(mirror);
	return (rc);
}

/* Rows whose content changed after they were indexed. */
static int
sync_pending(struct indexer *ix, int64_t idx, size_t batch, size_t *n,
    struct err *err)
{
	sqlite3 *db = ix->db;
	sqlite3_stmt *s, *del = NULL;
	int64_t *ids = NULL;
	size_t i;
	int rc = -1, step;

	*n = 0;
	s = search_prep(db, "SELECT p.id, i.seq, i.title, i.author, sf.title, "
	    TEXT_EXPR " FROM search_pending p LEFT JOIN items i ON i.id = p.id"
	    " LEFT JOIN search_feed sf ON sf.id = i.feed_id LIMIT ?1", err);
	if (s == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, (int64_t)batch);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		ids = xreallocarray(ids, *n + 1, sizeof(*ids));
		ids[(*n)++] = sqlite3_column_int64(s, 0);
		/* gone, or newer than the index: the sweep takes it */
		if (sqlite3_column_type(s, 1) == SQLITE_NULL ||
		    sqlite3_column_int64(s, 1) > idx)
			continue;
		if (index_row(ix, s, true, err) == -1)
			goto out;
	}
	if (step != SQLITE_DONE) {
		search_db_err(db, err, "cannot read pending rows");
		goto out;
	}
	if ((del = search_prep(db, "DELETE FROM search_pending WHERE id = ?1", err))
	    == NULL)
		goto out;
	for (i = 0; i < *n; i++) {
		sqlite3_bind_int64(del, 1, ids[i]);
		if (step_done(db, del, err) == -1)
			goto out;
	}
	rc = 0;
out:
	free(ids);
	sqlite3_finalize(s);
	sqlite3_finalize(del);
	return (rc);
}

/* New and changed rows: seq beyond the index. */
static int
sync_sweep(struct indexer *ix, int64_t *idx, size_t batch, size_t *n,
    struct err *err)
{
	sqlite3 *db = ix->db;
	sqlite3_stmt *s;
	int step, rc = -1;

	*n = 0;
	s = search_prep(db, "SELECT i.id, i.seq, i.title, i.author, sf.title, "
	    TEXT_EXPR " FROM items i LEFT JOIN search_feed sf ON sf.id ="
	    " i.feed_id WHERE i.seq > ?1 ORDER BY i.seq LIMIT ?2", err);
	if (s == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, *idx);
	sqlite3_bind_int64(s, 2, (int64_t)batch);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (index_row(ix, s, false, err) == -1)
			goto out;
		*idx = sqlite3_column_int64(s, 1);
		(*n)++;
	}
	if (step != SQLITE_DONE) {
		search_db_err(db, err, "cannot read new rows");
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	return (rc);
}

static int
set_seq(sqlite3 *db, int64_t seq, struct err *err)
{
	sqlite3_stmt *s = search_prep(db, "UPDATE search_state SET value = ?1"
	    " WHERE key = 'seq'", err);

	if (s == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, seq);
	if (step_done(db, s, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	sqlite3_finalize(s);
	return (0);
}

/* Is there anything to do?  Reads only. */
static int
work_pending(sqlite3 *db, bool *work, struct err *err)
{
	int64_t idx, v;
	int ok;

	if ((ok = schema_ok(db, err)) == -1)
		return (-1);
	if (ok == 0) {
		*work = true;
		return (0);
	}
	if (query_int(db, "SELECT value FROM search_state WHERE key = 'seq'",
	    0, &idx, err) == -1 ||
	    query_int(db, "SELECT EXISTS (SELECT 1 FROM items WHERE seq > ?1)"
	    " OR EXISTS (SELECT 1 FROM search_pending) OR EXISTS (SELECT 1"
	    " FROM search_state WHERE key = 'feeds') OR NOT EXISTS (SELECT 1"
	    " FROM sqlite_master WHERE type = 'trigger' AND name ="
	    " 'search_feeds_au')", idx, &v, err) == -1)
		return (-1);
	*work = v != 0;
	return (0);
}

/* One transaction: 1 when more work remains, 0 done, -1 error. */
static int
sync_batch(sqlite3 *db, size_t batch, int64_t *indexed, struct err *err)
{
	struct indexer ix;
	int64_t idx;
	size_t npend = 0, nnew = 0;
	int ok, rc = -1;

	if ((ok = schema_ok(db, err)) == -1)
		return (-1);
	if (ok == 0 && schema_create_fresh(db, err) == -1)
		return (-1);
	if (query_int(db, "SELECT value FROM search_state WHERE key = 'seq'",
	    0, &idx, err) == -1)
		return (-1);
	if (exec(db, feeds_trigger, err) == -1 ||
	    sync_feeds(db, idx, err) == -1 ||
	    exec(db, "DELETE FROM search_state WHERE key = 'feeds'", err) == -1)
		return (-1);
	if (indexer_open(&ix, db, err) == -1)
		goto out;
	if (sync_pending(&ix, idx, batch, &npend, err) == -1 ||
	    sync_sweep(&ix, &idx, batch, &nnew, err) == -1)
		goto out;
	if (nnew > 0 && set_seq(db, idx, err) == -1)
		goto out;
	*indexed += (int64_t)nnew;
	rc = npend == batch || nnew == batch;
out:
	indexer_close(&ix);
	return (rc);
}

static void
set_cache_size(sqlite3 *db, int64_t pages)
{
	char sql[64];

	(void)snprintf(sql, sizeof(sql), "PRAGMA cache_size = %lld",
	    (long long)pages);
	(void)sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int
search_sync_with(struct store *st, const struct search_sync_opts *opts,
    struct err *err)
{
	sqlite3 *db = store_db(st);
	size_t batch = opts != NULL && opts->batch > 0 ? opts->batch :
	    BATCH_ROWS;
	int64_t old_cache = 0, indexed = 0;
	bool work, nowait = opts != NULL && opts->nowait;
	int rc, more;

	if (!sqlite3_get_autocommit(db)) {
		err_set(err, ERR_DB, "search index: cannot sync inside a "
		    "transaction");
		return (-1);
	}
	if (work_pending(db, &work, err) == -1)
		return (-1);
	if (!work)
		return (0);
	/* at least a 16 MB page cache while merging segments, then as it was
	   (negative: KiB, positive: pages of 4 KiB or less) */
	if (query_int(db, "PRAGMA cache_size", 0, &old_cache, err) == -1)
		return (-1);
	if (old_cache > -16384 && (old_cache < 0 || old_cache < 4096))
		(void)sqlite3_exec(db, "PRAGMA cache_size = -16384", NULL,
		    NULL, NULL);
	if (nowait)
		store_busy_wait(st, false);
	do {
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if ((rc & 0xff) == SQLITE_BUSY) {
			if (nowait) {
				more = 1;
				break;
			}
			err_set(err, ERR_LOCKED, "search index: the database "
			    "is busy: another process keeps writing");
			more = -1;
			break;
		}
		if (rc != SQLITE_OK) {
			search_db_err(db, err, "cannot begin");
			more = -1;
			break;
		}
		more = sync_batch(db, batch, &indexed, err);
		if (more == -1) {
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			break;
		}
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			search_db_err(db, err, "cannot commit");
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			more = -1;
			break;
		}
		if (opts != NULL && opts->progress != NULL)
			opts->progress(opts->arg, indexed);
	} while (more == 1);
	if (nowait)
		store_busy_wait(st, true);
	set_cache_size(db, old_cache);
	if (more == -1)
		return (-1);
	return (more == 1 ? 1 : 0);
}

int
search_sync_open(struct store *st, struct err *err)
{
	sqlite3 *db = store_db(st);
	int64_t indexed = 0;
	int more;

	if (sqlite3_get_autocommit(db)) {
		err_set(err, ERR_DB, "search index: no transaction to index in");
		return (-1);
	}
	if (exec(db, "SAVEPOINT search_sync", err) == -1)
		return (-1);
	more = sync_batch(db, BATCH_ROWS, &indexed, err);
	if (more == -1)
		(void)sqlite3_exec(db, "ROLLBACK TO search_sync", NULL, NULL,
		    NULL);
	if (exec(db, "RELEASE search_sync", more == -1 ? NULL : err) == -1)
		return (-1);
	return (more);
}

int
search_sync(struct store *st, struct err *err)
{
	return (search_sync_with(st, NULL, err));
}

int
search_reindex(struct store *st, struct err *err)
{
	sqlite3 *db = store_db(st);

	if (!sqlite3_get_autocommit(db)) {
		err_set(err, ERR_DB, "search index: cannot rebuild inside a "
		    "transaction");
		return (-1);
	}
	if (exec(db, "BEGIN IMMEDIATE", err) == -1)
		return (-1);
	if (schema_create_fresh(db, err) == -1) {
		(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	if (exec(db, "COMMIT", err) == -1) {
		(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	return (search_sync(st, err));
}

int64_t
search_lag(struct store *st, struct err *err)
{
	sqlite3 *db = store_db(st);
	int64_t idx, n;
	int ok;

	if ((ok = schema_ok(db, err)) == -1)
		return (-1);
	if (ok == 0) {
		if (query_int(db, "SELECT count(*) FROM items", 0, &n, err)
		    == -1)
			return (-1);
		return (n);
	}
	if (query_int(db, "SELECT value FROM search_state WHERE key = 'seq'",
	    0, &idx, err) == -1 ||
	    query_int(db, "SELECT (SELECT count(*) FROM items WHERE seq > ?1)"
	    " + (SELECT count(*) FROM search_pending)", idx, &n, err) == -1)
		return (-1);
	return (n);
}

int
search_check(struct store *st, struct err *err)
{
	sqlite3 *db = store_db(st);
	int64_t idx, want, have, cjk_bad, lag;
	int ok;

	if ((ok = schema_ok(db, err)) == -1)
		return (-1);
	if (ok == 0) {
		err_set(err, ERR_DB, "search index: missing; run gazette "
		    "reindex");
		return (-1);
	}
	if ((lag = search_lag(st, err)) == -1)
		return (-1);
	/*
	 * rank 1: also compare the index with the external content, which
	 * FTS5 can only do when every row is indexed; while some are not,
	 * the index is checked alone and the counts below do the rest.
	 */
	if (sqlite3_exec(db, lag == 0 ?
	    "INSERT INTO search_fts(search_fts, rank) VALUES"
	    " ('integrity-check', 1);"
	    "INSERT INTO search_cjk(search_cjk) VALUES ('integrity-check')" :
	    "INSERT INTO search_fts(search_fts, rank) VALUES"
	    " ('integrity-check', 0);"
	    "INSERT INTO search_cjk(search_cjk) VALUES ('integrity-check')",
	    NULL, NULL, NULL) != SQLITE_OK) {
		err_set(err, ERR_DB, "search index: does not match the "
		    "articles (%s); run gazette reindex", sqlite3_errmsg(db));
		return (-1);
	}
	if (query_int(db, "SELECT value FROM search_state WHERE key = 'seq'",
	    0, &idx, err) == -1 ||
	    query_int(db, "SELECT count(*) FROM items i WHERE i.seq <= ?1 AND"
	    " NOT EXISTS (SELECT 1 FROM search_pending p WHERE p.id = i.id)",
	    idx, &want, err) == -1 ||
	    query_int(db, "SELECT count(*) FROM search_fts_docsize", 0, &have,
	    err) == -1 ||
	    query_int(db, "SELECT count(*) FROM search_cjk c WHERE NOT EXISTS"
	    " (SELECT 1 FROM items i WHERE i.id = c.rowid)", 0, &cjk_bad, err)
	    == -1)
		return (-1);
	if (want != have || cjk_bad != 0) {
		err_set(err, ERR_DB, "search index: %lld rows indexed, %lld "
		    "expected, %lld stray bigram rows; run gazette reindex",
		    (long long)have, (long long)want, (long long)cjk_bad);
		return (-1);
	}
	return (0);
}
