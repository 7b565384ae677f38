/*
 * search.c: the full-text index, kept in a SQLite file of its own beside
 * the store (search_index.c), brought up to date from the store's change
 * sequence by search_sync (queries on it are in search_run.c).
 *
 * Decisions written down here:
 * - search_fts: a contentless FTS5 table (content=''): the index holds
 *   the words, never a copy of the text, which lives once, in the
 *   store.  Columns title, author, feed (the feed's title), text (the
 *   body's words: items.content_text in an older store, else derived
 *   from items.content).  unicode61 remove_diacritics 2, no prefix indexes.  bm25
 *   weights title 10, author 4, feed 2, text 1.  The text is derived
 *   from the body when a row is indexed (store_text_of): the store keeps
 *   the body only.
 * - A row's FTS5 rowid is the article's items.seq, not its id.  The
 *   store gives an article a new seq whenever an indexed field changes
 *   and never gives a seq twice (store_int.h), so a match reaches its
 *   article through items_seq only while the row indexed is the
 *   article's current text: a match on the words of a deleted article,
 *   or of an article's former text, finds no article and is dropped.
 *   Search never shows an article the store no longer has, and nothing
 *   has to be told of deletes.  (SQLite 3.40 cannot delete a row from a
 *   contentless table without the values it indexed, which a deleted
 *   article no longer has.)  Such dead rows stay until the index is
 *   rebuilt; search_state counts them (dead), and search_run joins the
 *   articles while matching when there are some.
 * - Indexing cost: prefix indexes ('2 3') made building the index 2.1
 *   times as expensive (CPU) for 51k articles, and a prefix query works
 *   without them by scanning the term range.  The index is created with
 *   a 16 MB FTS5 hash (fewer, larger level-0 segments: less merging) and
 *   automerge 8, in a file of 16 KiB pages (search_index.c); the sync
 *   runs with a 2 MB page cache (sync_loop); rows without any byte that
 *   can start a CJK/Thai character skip the bigram pass.
 * - search_cjk: a second, ordinary FTS5 table (tokenizer ascii, small:
 *   it keeps its bigrams, so a row leaves it by rowid) holding only the
 *   CJK/Thai runs of the rows that have some, as overlapping bigrams
 *   (search_cjk_bigrams).  unicode61 keeps such a run as one huge
 *   "word"; bigrams make any substring of two or more characters a
 *   phrase, and a single character a prefix.
 * - search_len: each row's length for the ranking (its tokens in every
 *   column, what its search_fts_docsize record sums to), 4096 rows a
 *   blob (chunk = rowid / 4096) of little-endian uint16.  The ranking
 *   of a common word read one docsize record a match, and those touch
 *   nearly every page of docsize (3,410 pages of 4 KiB at 1M articles,
 *   a pread each: 3,548 preads for a 1% word's whole search, 41.4M
 *   instructions); search_len is 2 MB at 1M articles, 245 blobs, and
 *   the same search makes 818 preads and 21.5M instructions.  Rows a
 *   blob, measured (instructions of `gazette search` at 1M articles,
 *   0.1% / 1% / 10% words): 512 rows 11.5M / 26.7M / 38.2M, 2048
 *   10.9M / 24.1M / 37.7M, 4096 10.7M / 23.7M / 37.6M: fewer blobs to
 *   seek (measured on an older index of 4 KiB pages, where a blob
 *   overflows; in one of 16 KiB pages it fits a page).  16 bits
 *   hold any article shorter than 65,535 words (a 400 KB text); a longer
 *   one is stored as 65,535, and 0 for a length not known: the ranking
 *   asks FTS5 (xColumnSize) for both, so scores stay exact.  Derived
 *   from docsize: after each batch every chunk of a row the batch
 *   indexed or took out (new rows, a renamed feed's rows; a rebuild is
 *   batches of new rows) is made again from docsize, in the batch's
 *   transaction.  search_state's key lens says for which seq and feed
 *   titles count it is exact, and with how many rows a chunk: it is
 *   exact while they equal seq, titles and 4096 (an earlier version
 *   indexing since moves seq or titles, not lens); the reader
 *   (search_run, search_index_lens_ok) uses it only then, else
 *   joins docsize.  An index without it, or out of date, is filled from
 *   docsize in one pass by the next sync (1M rows: 0.2 to 1 s, cache
 *   warm or not), not rebuilt.
 * - Feeding: search_sync indexes every item whose seq is beyond
 *   search_state.seq, a batch of rows per transaction of the index
 *   (reading the store in one read transaction each: a consistent
 *   snapshot); a crash loses the batch in flight and nothing else.  It
 *   takes the index's write lock only: a refresh storing articles and a
 *   search catching up never wait for each other.
 * - Feed titles: search_feed mirrors the feed titles as indexed.  The
 *   store counts feed renames (store_id.titles, a trigger); when the
 *   count moved, a batch compares every title with the mirror, and a
 *   renamed feed's indexed rows are deleted with the values they were
 *   indexed with (the store's current values, whose seq says they are
 *   the ones indexed, and the mirror's title) and indexed again.
 * - The index belongs to one store: search_state.store holds the
 *   store's store_id.id, and an index of another store (or one ahead of
 *   the store, restored from a backup) is rebuilt, not trusted.
 * - Lag: search reads whatever is indexed.  `gazette search` syncs
 *   first unless another process holds the index's write lock, and
 *   then says how many articles are not searchable yet (search_lag).
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
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
#include "store_text.h"
#include "xmalloc.h"

#define SEARCH_SCHEMA	4
/* Rows a transaction: 20,000 cost 13% less CPU than 5,000 when indexing
   47,692 articles (fewer level-0 segments to merge), 50,000 no less. */
#define BATCH_ROWS	20000

#define TEXT_COLS	SEARCH_TEXT_COLS
#define FEED_TITLE	SEARCH_FEED_TITLE

#define LEN_CREATE	"CREATE TABLE IF NOT EXISTS search_len (chunk INTEGER" \
	" PRIMARY KEY, lens BLOB)"

static const char *const schema_create =
	"DROP TABLE IF EXISTS search_fts;"
	"DROP TABLE IF EXISTS search_cjk;"
	"DROP TABLE IF EXISTS search_feed;"
	"DROP TABLE IF EXISTS search_state;"
	"DROP TABLE IF EXISTS search_len;"
	"CREATE TABLE search_state (key TEXT PRIMARY KEY, value)"
	" WITHOUT ROWID;"
	LEN_CREATE ";"
	"CREATE TABLE search_feed (id INTEGER PRIMARY KEY, title TEXT);"
	"CREATE VIRTUAL TABLE search_fts USING fts5(title, author, feed, text,"
	" content='', tokenize='unicode61 remove_diacritics 2');"
	"INSERT INTO search_fts(search_fts, rank) VALUES ('automerge', 8);"
	"CREATE VIRTUAL TABLE search_cjk USING fts5(title, author, feed, text,"
	" tokenize='ascii');"
	"INSERT INTO search_state(key, value) VALUES ('version', 4),"
	" ('store', ''), ('seq', 0), ('titles', -1), ('docs', 0), ('dead', 0),"
	" ('lens', '');";

/* What the index says of itself (search_state). */
struct ix_state {
	bool	 ok;		/* the tables exist, in this version */
	int64_t	 seq;		/* every article with seq <= this is indexed */
	int64_t	 titles;	/* the store's rename count when mirrored */
	int64_t	 docs;		/* rows in search_fts, dead ones included */
	int64_t	 dead;		/* rows no article has any more */
	/* search_len is exact up to this seq, with the feed titles of this
	   count, in chunks of this many rows (the key lens: "seq titles
	   rows", one row of search_state, read with the others) */
	int64_t	 lens;
	int64_t	 lens_titles;
	int64_t	 lens_rows;
	char	 store[64];	/* the store's store_id.id */
};

/* What the store says (in the caller's read transaction). */
struct store_mark {
	char	 id[64];
	int64_t	 titles;
	int64_t	 max_seq;
};

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
 * Reading the store: the search entry points ignore damage met on their
 * own file (store_damage_ignore), but damage met in the store is the
 * store's, and counted.
 */
static int
sstep(sqlite3_stmt *s)
{
	bool was = store_damage_ignore(false);
	int rc = sqlite3_step(s);

	(void)store_damage_ignore(was);
	return (rc);
}

static int
squery_int(sqlite3 *db, const char *sql, int64_t param, int64_t *out,
    struct err *err)
{
	bool was = store_damage_ignore(false);
	int rc = query_int(db, sql, param, out, err);

	(void)store_damage_ignore(was);
	return (rc);
}

static int
set_state(sqlite3 *db, const char *key, int64_t v, const char *text,
    struct err *err)
{
	sqlite3_stmt *s = search_prep(db, "INSERT OR REPLACE INTO"
	    " search_state(key, value) VALUES (?1, ?2)", err);

	if (s == NULL)
		return (-1);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (text != NULL)
		sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, 2, v);
	if (step_done(db, s, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	sqlite3_finalize(s);
	return (0);
}

/* The key lens, "seq titles rows" (lens_set); left as is if not that. */
static void
lens_parse(struct ix_state *x, const char *v)
{
	long long seq, titles, rows;

	if (v != NULL && sscanf(v, "%lld %lld %lld", &seq, &titles, &rows) ==
	    3) {
		x->lens = seq;
		x->lens_titles = titles;
		x->lens_rows = rows;
	}
}

/* Read search_state: 0 (st->ok says whether it is usable), -1 error. */
static int
read_state(sqlite3 *db, struct ix_state *x, struct err *err)
{
	sqlite3_stmt *s;
	int64_t n, version = 0;
	int rc;

	memset(x, 0, sizeof(*x));
	/* an index made before search_len: not filled */
	x->lens = -1;
	x->lens_titles = -2;
	if (query_int(db, "SELECT count(*) FROM sqlite_master WHERE name IN"
	    " ('search_state', 'search_feed', 'search_fts', 'search_cjk')", 0,
	    &n, err) == -1)
		return (-1);
	if (n != 4)
		return (0);
	if ((s = search_prep(db, "SELECT key, value FROM search_state", err))
	    == NULL)
		return (-1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 0);
		int64_t v = sqlite3_column_int64(s, 1);

		if (k == NULL)
			continue;
		if (strcmp(k, "version") == 0)
			version = v;
		else if (strcmp(k, "seq") == 0)
			x->seq = v;
		else if (strcmp(k, "titles") == 0)
			x->titles = v;
		else if (strcmp(k, "docs") == 0)
			x->docs = v;
		else if (strcmp(k, "dead") == 0)
			x->dead = v;
		else if (strcmp(k, "lens") == 0)
			lens_parse(x, (const char *)sqlite3_column_text(s, 1));
		else if (strcmp(k, "store") == 0)
			(void)snprintf(x->store, sizeof(x->store), "%s",
			    (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		search_db_err(db, err, "cannot read its state");
		return (-1);
	}
	x->ok = version == SEARCH_SCHEMA;
	return (0);
}

/* The store's identity, rename count and last change. */
static int
read_store(sqlite3 *sdb, bool attached, struct store_mark *m,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t n;
	int rc;

	memset(m, 0, sizeof(*m));
	/* an older store opened read-only has no store_id: id "" */
	if (squery_int(sdb, attached ? "SELECT count(*) FROM"
	    " store.sqlite_master WHERE name = 'store_id'" : "SELECT count(*)"
	    " FROM sqlite_master WHERE name = 'store_id'", 0, &n, err) == -1)
		return (-1);
	if (n > 0) {
		if ((s = search_prep(sdb, "SELECT id, titles FROM store_id",
		    err)) == NULL)
			return (-1);
		if ((rc = sstep(s)) == SQLITE_ROW) {
			(void)snprintf(m->id, sizeof(m->id), "%s",
			    (const char *)sqlite3_column_text(s, 0));
			m->titles = sqlite3_column_int64(s, 1);
		}
		sqlite3_finalize(s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			search_db_err(sdb, err, "cannot read the store");
			return (-1);
		}
	}
	return (squery_int(sdb, "SELECT max(coalesce((SELECT max(seq) FROM"
	    " items), 0), coalesce((SELECT max(seq) FROM item_tombstones),"
	    " 0))", 0, &m->max_seq, err));
}

/* Is search_len exact for every row indexed? */
static bool
lens_exact(const struct ix_state *x)
{
	return (x->lens == x->seq && x->lens_titles == x->titles &&
	    x->lens_rows == SEARCH_LEN_ROWS);
}

/* Does the index belong to this store, and is it not ahead of it? */
static bool
state_fits(const struct ix_state *x, const struct store_mark *m)
{
	return (x->ok && strcmp(x->store, m->id) == 0 &&
	    x->seq <= m->max_seq);
}

/* search_len is exact for seq and titles, in SEARCH_LEN_ROWS a chunk. */
static int
lens_set(sqlite3 *db, int64_t seq, int64_t titles, struct err *err)
{
	char v[80];

	(void)snprintf(v, sizeof(v), "%lld %lld %d", (long long)seq,
	    (long long)titles, SEARCH_LEN_ROWS);
	return (set_state(db, "lens", 0, v, err));
}

static int
schema_create_fresh(sqlite3 *db, const struct store_mark *m,
    struct ix_state *x, struct err *err)
{
	if (exec(db, schema_create, err) == -1 ||
	    set_state(db, "store", 0, m->id, err) == -1 ||
	    lens_set(db, 0, -1, err) == -1)
		return (-1);
	/* a tuning knob only: an FTS5 that does not know it still works */
	(void)sqlite3_exec(db, "INSERT INTO search_fts(search_fts, rank)"
	    " VALUES ('hashsize', 16777216)", NULL, NULL, NULL);
	memset(x, 0, sizeof(*x));
	x->ok = true;
	x->titles = -1;
	x->lens_titles = -1;
	x->lens_rows = SEARCH_LEN_ROWS;
	(void)snprintf(x->store, sizeof(x->store), "%s", m->id);
	return (0);
}

/* Writing rows into both tables. */
struct indexer {
	sqlite3		*db;
	sqlite3_stmt	*fts;
	sqlite3_stmt	*fts_del;
	sqlite3_stmt	*cjk;
	sqlite3_stmt	*cjk_del;
	struct buf	 bi[4];
	unsigned char	*touched;	/* search_len chunks, one byte each */
	size_t		 ntouched;
};

static int
indexer_open(struct indexer *ix, sqlite3 *db, struct err *err)
{
	size_t k;

	memset(ix, 0, sizeof(*ix));
	ix->db = db;
	for (k = 0; k < 4; k++)
		buf_init(&ix->bi[k], BUF_CAP_BODY * 4);
	ix->fts = search_prep(db, "INSERT INTO search_fts(rowid, title,"
	    " author, feed, text) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	ix->fts_del = search_prep(db, "INSERT INTO search_fts(search_fts,"
	    " rowid, title, author, feed, text) VALUES ('delete', ?1, ?2, ?3,"
	    " ?4, ?5)", err);
	ix->cjk = search_prep(db, "INSERT INTO search_cjk(rowid, title,"
	    " author, feed, text) VALUES (?1, ?2, ?3, ?4, ?5)", err);
	ix->cjk_del = search_prep(db, "DELETE FROM search_cjk WHERE rowid ="
	    " ?1", err);
	return (ix->fts != NULL && ix->fts_del != NULL && ix->cjk != NULL &&
	    ix->cjk_del != NULL ? 0 : -1);
}

static void
indexer_close(struct indexer *ix)
{
	size_t k;

	sqlite3_finalize(ix->fts);
	sqlite3_finalize(ix->fts_del);
	sqlite3_finalize(ix->cjk);
	sqlite3_finalize(ix->cjk_del);
	for (k = 0; k < 4; k++)
		buf_free(&ix->bi[k]);
	free(ix->touched);
}

/* A row's length changes: its chunk of search_len is made again. */
static void
indexer_touch(struct indexer *ix, int64_t rowid)
{
	size_t c, n;

	if (rowid < 0)
		return;
	c = (size_t)(rowid / SEARCH_LEN_ROWS);
	if (c >= ix->ntouched) {
		n = c + 1 > ix->ntouched * 2 ? c + 1 : ix->ntouched * 2;
		ix->touched = xreallocarray(ix->touched, n, 1);
		memset(ix->touched + ix->ntouched, 0, n - ix->ntouched);
		ix->ntouched = n;
	}
	ix->touched[c] = 1;
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

/* The values of a row: title, author, feed, text. */
struct row {
	int64_t		 rowid;
	const char	*v[4];
	int		 n[4];
	char		*text;		/* the text, when derived */
};

/*
 * Index a row in the word index (or, del, take it out with the values
 * it was indexed with) and in the bigram index when it has CJK text.
 * The values stay where they are until the caller's statement steps
 * again: bound without a copy.
 */
static int
index_row(struct indexer *ix, const struct row *r, bool del, bool replace,
    struct err *err)
{
	sqlite3_stmt *s = del ? ix->fts_del : ix->fts;
	bool cjk = false;
	int k;

	indexer_touch(ix, r->rowid);
	sqlite3_bind_int64(s, 1, r->rowid);
	for (k = 0; k < 4; k++) {
		if (r->v[k] == NULL)
			sqlite3_bind_null(s, 2 + k);
		else
			sqlite3_bind_text(s, 2 + k, r->v[k], r->n[k],
			    SQLITE_STATIC);
		buf_reset(&ix->bi[k]);
		if (!del && r->v[k] != NULL &&
		    maybe_cjk(r->v[k], (size_t)r->n[k]) &&
		    search_cjk_bigrams(r->v[k], &ix->bi[k]) > 0)
			cjk = true;
	}
	if (step_done(ix->db, s, err) == -1)
		return (-1);
	if (del || replace) {
		sqlite3_bind_int64(ix->cjk_del, 1, r->rowid);
		if (step_done(ix->db, ix->cjk_del, err) == -1)
			return (-1);
	}
	if (!cjk)
		return (0);
	sqlite3_bind_int64(ix->cjk, 1, r->rowid);
	for (k = 0; k < 4; k++) {
		if (ix->bi[k].len == 0)
			sqlite3_bind_null(ix->cjk, 2 + k);
		else
			sqlite3_bind_text(ix->cjk, 2 + k, buf_str(&ix->bi[k]),
			    (int)ix->bi[k].len, SQLITE_STATIC);
	}
	return (step_done(ix->db, ix->cjk, err));
}

/*
 * A row from columns seq, title, author, [feed,] and the body (TEXT_COLS)
 * of s: its words are the stored text of an older store, else derived
 * from the body (row_clear frees them).
 */
static void
row_from(struct row *r, sqlite3_stmt *s, bool has_feed)
{
	int k, c;

	r->rowid = sqlite3_column_int64(s, 0);
	for (k = 0, c = 1; k < 3; k++) {
		if (k == 2 && !has_feed)
			continue;
		r->v[k] = (const char *)sqlite3_column_text(s, c);
		r->n[k] = sqlite3_column_bytes(s, c);
		c++;
	}
	r->text = NULL;
	if (sqlite3_column_type(s, c) != SQLITE_NULL) {
		r->v[3] = (const char *)sqlite3_column_text(s, c);
		r->n[3] = sqlite3_column_bytes(s, c);
		return;
	}
	r->text = store_text_of((const char *)sqlite3_column_text(s, c + 1),
	    (size_t)sqlite3_column_bytes(s, c + 1),
	    (const char *)sqlite3_column_text(s, c + 2));
	r->v[3] = r->text;
	r->n[3] = r->text != NULL ? (int)strlen(r->text) : 0;
}

static void
row_clear(struct row *r)
{
	free(r->text);
	r->text = NULL;
}

/*
 * A renamed feed: its indexed rows again, under the new title.  s: the
 * statement of sync_feeds' that reads them (reset here).
 */
static int
reindex_feed(struct indexer *ix, sqlite3 *sdb, sqlite3_stmt *s,
    int64_t feed, const char *old, const char *title, int64_t idx,
    struct err *err)
{
	struct row r;
	int step;

	sqlite3_bind_int64(s, 1, feed);
	sqlite3_bind_int64(s, 2, idx);
	while ((step = sstep(s)) == SQLITE_ROW) {
		row_from(&r, s, false);
		r.v[2] = old;
		r.n[2] = old != NULL ? (int)strlen(old) : 0;
		if (index_row(ix, &r, true, false, err) == -1) {
			row_clear(&r);
			break;
		}
		r.v[2] = title;
		r.n[2] = title != NULL ? (int)strlen(title) : 0;
		if (index_row(ix, &r, false, false, err) == -1) {
			row_clear(&r);
			break;
		}
		row_clear(&r);
	}
	sqlite3_reset(s);
	if (step == SQLITE_ROW)
		return (-1);
	if (step != SQLITE_DONE) {
		search_db_err(sdb, err, "cannot read a renamed feed");
		return (-1);
	}
	return (0);
}

static bool
str_differ(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != b);
	return (strcmp(a, b) != 0);
}

/*
 * Feed titles against the mirror: renamed feeds' rows indexed again,
 * the mirror made equal to the store's titles.  Both lists by id.
 */
static int
sync_feeds(struct indexer *ix, sqlite3 *sdb, int64_t idx, struct err *err)
{
	sqlite3 *db = ix->db;
	sqlite3_stmt *fs, *ms = NULL, *put = NULL, *del = NULL, *rows = NULL;
	int64_t fid, mid = INT64_MAX;
	const char *ft;
	char *mt = NULL;
	int frc, mrc = SQLITE_DONE, rc = -1;

	fs = search_prep(sdb, "SELECT f.id, " FEED_TITLE " FROM feeds f"
	    " ORDER BY f.id", err);
	ms = search_prep(db, "SELECT id, title FROM search_feed ORDER BY id",
	    err);
	put = search_prep(db, "INSERT OR REPLACE INTO search_feed(id, title)"
	    " VALUES (?1, ?2)", err);
	del = search_prep(db, "DELETE FROM search_feed WHERE id = ?1", err);
	/* prepared once: a refresh's first batches see hundreds of renames */
	rows = search_prep(sdb, "SELECT i.seq, i.title, i.author, " TEXT_COLS
	    " FROM items i WHERE i.feed_id = ?1 AND i.seq <= ?2", err);
	if (fs == NULL || ms == NULL || put == NULL || del == NULL ||
	    rows == NULL)
		goto out;
	/* the mirror is read whole first: it changes below */
	{
		int64_t *ids = NULL;
		char **titles = NULL;
		size_t n = 0, at = 0, i;

		while ((mrc = sqlite3_step(ms)) == SQLITE_ROW) {
			ids = xreallocarray(ids, n + 1, sizeof(*ids));
			titles = xreallocarray(titles, n + 1,
			    sizeof(*titles));
			ids[n] = sqlite3_column_int64(ms, 0);
			titles[n++] = xstrdup_or_null((const char *)
			    sqlite3_column_text(ms, 1));
		}
		if (mrc != SQLITE_DONE) {
			search_db_err(db, err, "cannot read its feeds");
			goto mirror_out;
		}
		while ((frc = sstep(fs)) == SQLITE_ROW) {
			fid = sqlite3_column_int64(fs, 0);
			ft = (const char *)sqlite3_column_text(fs, 1);
			/* mirrored feeds the store no longer has */
			for (; at < n && ids[at] < fid; at++) {
				sqlite3_bind_int64(del, 1, ids[at]);
				if (step_done(db, del, err) == -1)
					goto mirror_out;
			}
			mid = at < n && ids[at] == fid ? fid : INT64_MAX;
			mt = mid == fid ? titles[at++] : NULL;
			if (!str_differ(mt, ft))
				continue;
			/* nothing indexed yet (a first refresh): no rows */
			if (idx > 0 && reindex_feed(ix, sdb, rows, fid, mt, ft,
			    idx, err) == -1)
				goto mirror_out;
			sqlite3_bind_int64(put, 1, fid);
			if (ft != NULL)
				sqlite3_bind_text(put, 2, ft, -1,
				    SQLITE_TRANSIENT);
			if (step_done(db, put, err) == -1)
				goto mirror_out;
		}
		if (frc != SQLITE_DONE) {
			search_db_err(sdb, err, "cannot read the feeds");
			goto mirror_out;
		}
		for (; at < n; at++) {
			sqlite3_bind_int64(del, 1, ids[at]);
			if (step_done(db, del, err) == -1)
				goto mirror_out;
		}
		rc = 0;
mirror_out:
		for (i = 0; i < n; i++)
			free(titles[i]);
		free(titles);
		free(ids);
	}
out:
	sqlite3_finalize(fs);
	sqlite3_finalize(ms);
	sqlite3_finalize(put);
	sqlite3_finalize(del);
	sqlite3_finalize(rows);
	return (rc);
}

/*
 * The sweep runs on two threads: a reader (sweep_read) steps the store's
 * statement and derives each row's words from its body, into copies of
 * its own, SWEEP_ROWS rows at a time; the calling thread writes them
 * into the index.  Reading the store and deriving the words cost about
 * half as much as FTS5's own insertion (bench/refresh: 51k articles),
 * and a refresh's indexing runs last, alone on a core while the other
 * waits: the reader takes that share to the idle core.  The store's
 * connection is used by the reader alone until it is joined; the
 * index's by the caller alone.  The reader is at most SWEEP_AHEAD
 * chunks ahead.
 */
#define SWEEP_ROWS	64
#define SWEEP_AHEAD	4

struct sweep_chunk {
	struct sweep_chunk	*next;
	size_t			 n;
	struct row		 rows[SWEEP_ROWS];
};

struct sweep {
	sqlite3_stmt		*s;
	pthread_mutex_t		 mu;
	pthread_cond_t		 cv;	/* a chunk came or went; an end */
	struct sweep_chunk	*head, **tail;
	size_t			 queued;
	bool			 ended;	/* the reader read its last row */
	bool			 stop;	/* the writer gave up */
	int			 step;	/* the reader's last step */
};

/* A row whose values are its own: the derived text, copies of the rest. */
static void
row_own(struct row *r)
{
	char *p;
	int k;

	for (k = 0; k < 4; k++) {
		if ((k == 3 && r->text != NULL) || r->v[k] == NULL)
			continue;
		/* n bytes, which may hold a NUL */
		p = xmalloc((size_t)r->n[k] + 1);
		memcpy(p, r->v[k], (size_t)r->n[k]);
		p[r->n[k]] = '\0';
		r->v[k] = p;
	}
	if (r->text == NULL)
		r->text = (char *)(uintptr_t)r->v[3];
}

static void
chunk_free(struct sweep_chunk *c)
{
	size_t i;
	int k;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		for (k = 0; k < 3; k++)
			free((char *)(uintptr_t)c->rows[i].v[k]);
		row_clear(&c->rows[i]);
	}
	free(c);
}

/* Hand a chunk to the writer; false (the chunk freed) when it gave up. */
static bool
sweep_put(struct sweep *sw, struct sweep_chunk *c)
{
	pthread_mutex_lock(&sw->mu);
	while (sw->queued >= SWEEP_AHEAD && !sw->stop)
		pthread_cond_wait(&sw->cv, &sw->mu);
	if (sw->stop) {
		pthread_mutex_unlock(&sw->mu);
		chunk_free(c);
		return (false);
	}
	c->next = NULL;
	*sw->tail = c;
	sw->tail = &c->next;
	sw->queued++;
	pthread_cond_broadcast(&sw->cv);
	pthread_mutex_unlock(&sw->mu);
	return (true);
}

static void *
sweep_read(void *arg)
{
	struct sweep *sw = arg;
	struct sweep_chunk *c = NULL;
	int step;

	while ((step = sstep(sw->s)) == SQLITE_ROW) {
		if (c == NULL)
			c = xcalloc(1, sizeof(*c));
		row_from(&c->rows[c->n], sw->s, true);
		row_own(&c->rows[c->n++]);
		if (c->n == SWEEP_ROWS) {
			if (!sweep_put(sw, c))
				return (NULL);
			c = NULL;
		}
	}
	if (c != NULL && !sweep_put(sw, c))
		return (NULL);
	pthread_mutex_lock(&sw->mu);
	sw->step = step;
	sw->ended = true;
	pthread_cond_broadcast(&sw->cv);
	pthread_mutex_unlock(&sw->mu);
	return (NULL);
}

/* The next chunk, NULL once the reader ended. */
static struct sweep_chunk *
sweep_get(struct sweep *sw)
{
	struct sweep_chunk *c;

	pthread_mutex_lock(&sw->mu);
	while (sw->head == NULL && !sw->ended)
		pthread_cond_wait(&sw->cv, &sw->mu);
	if ((c = sw->head) != NULL) {
		sw->head = c->next;
		if (sw->head == NULL)
			sw->tail = &sw->head;
		sw->queued--;
		pthread_cond_broadcast(&sw->cv);
	}
	pthread_mutex_unlock(&sw->mu);
	return (c);
}

/* The writer gives up: the reader stops at its next chunk. */
static void
sweep_stop(struct sweep *sw)
{
	struct sweep_chunk *c;

	pthread_mutex_lock(&sw->mu);
	sw->stop = true;
	while ((c = sw->head) != NULL) {
		sw->head = c->next;
		chunk_free(c);
	}
	sw->tail = &sw->head;
	sw->queued = 0;
	pthread_cond_broadcast(&sw->cv);
	pthread_mutex_unlock(&sw->mu);
}

/* Without a second thread: read and index in turn. */
static int
sweep_inline(struct indexer *ix, sqlite3_stmt *s, int64_t *idx, size_t *n,
    struct err *err)
{
	struct row r;
	int step;

	while ((step = sstep(s)) == SQLITE_ROW) {
		row_from(&r, s, true);
		if (index_row(ix, &r, false, false, err) == -1) {
			row_clear(&r);
			return (SQLITE_ROW);
		}
		row_clear(&r);
		*idx = r.rowid;
		(*n)++;
	}
	return (step);
}

/* With the reader: SQLITE_DONE, a store error, or SQLITE_ROW (err). */
static int
sweep_threaded(struct indexer *ix, struct sweep *sw, pthread_t th,
    int64_t *idx, size_t *n, struct err *err)
{
	struct sweep_chunk *c;
	size_t i;
	int step = SQLITE_DONE;

	while ((c = sweep_get(sw)) != NULL) {
		for (i = 0; i < c->n; i++) {
			if (index_row(ix, &c->rows[i], false, false, err) ==
			    -1) {
				step = SQLITE_ROW;
				break;
			}
			*idx = c->rows[i].rowid;
			(*n)++;
		}
		chunk_free(c);
		if (step == SQLITE_ROW) {
			sweep_stop(sw);
			break;
		}
	}
	pthread_join(th, NULL);
	if (step == SQLITE_DONE)
		step = sw->step;
	return (step);
}

/* New and changed rows: seq beyond the index. */
static int
sync_sweep(struct indexer *ix, sqlite3 *sdb, int64_t *idx, size_t batch,
    size_t *n, struct err *err)
{
	struct sweep sw;
	pthread_t th;
	sqlite3_stmt *s;
	int step;

	*n = 0;
	s = search_prep(sdb, "SELECT i.seq, i.title, i.author, " FEED_TITLE
	    ", " TEXT_COLS " FROM items i INDEXED BY items_seq"
	    " JOIN feeds f ON f.id = i.feed_id WHERE i.seq > ?1"
	    " ORDER BY i.seq LIMIT ?2", err);
	if (s == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, *idx);
	sqlite3_bind_int64(s, 2, (int64_t)batch);
	memset(&sw, 0, sizeof(sw));
	sw.s = s;
	sw.tail = &sw.head;
	if (pthread_mutex_init(&sw.mu, NULL) != 0)
		step = sweep_inline(ix, s, idx, n, err);
	else if (pthread_cond_init(&sw.cv, NULL) != 0) {
		pthread_mutex_destroy(&sw.mu);
		step = sweep_inline(ix, s, idx, n, err);
	} else {
		if (pthread_create(&th, NULL, sweep_read, &sw) != 0)
			step = sweep_inline(ix, s, idx, n, err);
		else
			step = sweep_threaded(ix, &sw, th, idx, n, err);
		pthread_cond_destroy(&sw.cv);
		pthread_mutex_destroy(&sw.mu);
	}
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		search_db_err(sdb, err, "cannot read new rows");
	sqlite3_finalize(s);
	return (step == SQLITE_DONE ? 0 : -1);
}

/* Rows indexed that no article has any more (an estimate: counters). */
static int
count_dead(sqlite3 *sdb, const struct ix_state *x, int64_t *dead,
    struct err *err)
{
	int64_t live;

	if (squery_int(sdb, "SELECT (SELECT coalesce(sum(total), 0) FROM"
	    " feeds) - (SELECT count(*) FROM items WHERE seq > ?1)", x->seq,
	    &live, err) == -1)
		return (-1);
	*dead = x->docs > live ? x->docs - live : 0;
	return (0);
}

/*
 * search_len's chunks lo to hi (inclusive) made again from
 * search_fts_docsize, in one pass over its rows in that range: each
 * row's length (search_docsize_total) as a little-endian uint16 at
 * (rowid % SEARCH_LEN_ROWS) * 2 of its chunk's blob; a chunk without
 * rows has no blob.
 */
static int
lens_fill(sqlite3 *db, int64_t lo, int64_t hi, struct err *err)
{
	unsigned char blob[SEARCH_LEN_ROWS * 2];
	sqlite3_stmt *del, *get, *put;
	int64_t chunk = -1, c, id, t;
	int rc = -1, step, at;

	del = search_prep(db, "DELETE FROM search_len WHERE chunk BETWEEN ?1"
	    " AND ?2", err);
	get = search_prep(db, "SELECT id, sz FROM search_fts_docsize WHERE"
	    " id BETWEEN ?1 AND ?2 ORDER BY id", err);
	put = search_prep(db, "INSERT INTO search_len(chunk, lens) VALUES"
	    " (?1, ?2)", err);
	if (del == NULL || get == NULL || put == NULL)
		goto out;
	sqlite3_bind_int64(del, 1, lo);
	sqlite3_bind_int64(del, 2, hi);
	if (step_done(db, del, err) == -1)
		goto out;
	sqlite3_bind_int64(get, 1, lo * SEARCH_LEN_ROWS);
	sqlite3_bind_int64(get, 2, hi >= INT64_MAX / SEARCH_LEN_ROWS ?
	    INT64_MAX : hi * SEARCH_LEN_ROWS + SEARCH_LEN_ROWS - 1);
	for (;;) {
		step = sqlite3_step(get);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			search_db_err(db, err, "cannot read its lengths");
			goto out;
		}
		id = step == SQLITE_ROW ? sqlite3_column_int64(get, 0) : -1;
		c = id >= 0 ? id / SEARCH_LEN_ROWS : -1;
		if (chunk != -1 && c != chunk) {
			sqlite3_bind_int64(put, 1, chunk);
			sqlite3_bind_blob(put, 2, blob, sizeof(blob),
			    SQLITE_STATIC);
			if (step_done(db, put, err) == -1)
				goto out;
		}
		if (step == SQLITE_DONE)
			break;
		if (id < 0)
			continue;
		if (c != chunk) {
			memset(blob, 0, sizeof(blob));
			chunk = c;
		}
		t = search_docsize_total(sqlite3_column_blob(get, 1),
		    sqlite3_column_bytes(get, 1));
		/* 0: not known (the reader asks FTS5), 65535: that or more */
		if (t < 0)
			t = 0;
		else if (t > SEARCH_LEN_MAX)
			t = SEARCH_LEN_MAX;
		at = (int)(id % SEARCH_LEN_ROWS) * 2;
		blob[at] = (unsigned char)(t & 0xff);
		blob[at + 1] = (unsigned char)(t >> 8);
	}
	rc = 0;
out:
	sqlite3_finalize(del);
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return (rc);
}

/*
 * search_len after a batch: the chunks the batch touched made again, or
 * all of them when it was not exact before the batch (an index made by
 * an earlier version, or written by one since).
 */
static int
lens_update(struct indexer *ix, bool whole, struct err *err)
{
	size_t c, e;

	if (whole)
		return (lens_fill(ix->db, 0, INT64_MAX, err));
	for (c = 0; c < ix->ntouched; c = e) {
		if (!ix->touched[c]) {
			e = c + 1;
			continue;
		}
		for (e = c; e < ix->ntouched && ix->touched[e]; e++)
			;
		if (lens_fill(ix->db, (int64_t)c, (int64_t)e - 1, err) == -1)
			return (-1);
	}
	return (0);
}

/*
 * One batch, in the caller's transactions (the index's write, the
 * store's read): 1 when more work remains, 0 done, -1 error.
 */
static int
sync_batch(sqlite3 *db, sqlite3 *sdb, size_t batch, int64_t *indexed,
    struct err *err)
{
	struct indexer ix;
	struct ix_state x;
	struct store_mark m;
	size_t nnew = 0;
	int64_t dead;
	bool lens_whole;
	int rc = -1;

	if (read_store(sdb, false, &m, err) == -1 ||
	    read_state(db, &x, err) == -1)
		return (-1);
	if (!state_fits(&x, &m) && schema_create_fresh(db, &m, &x, err) == -1)
		return (-1);
	lens_whole = !lens_exact(&x);
	if (indexer_open(&ix, db, err) == -1 ||
	    (lens_whole && exec(db, LEN_CREATE, err) == -1))
		goto out;
	if (x.titles != m.titles) {
		if (sync_feeds(&ix, sdb, x.seq, err) == -1 ||
		    set_state(db, "titles", m.titles, NULL, err) == -1)
			goto out;
	}
	if (sync_sweep(&ix, sdb, &x.seq, batch, &nnew, err) == -1)
		goto out;
	x.docs += (int64_t)nnew;
	/* all seen: past the deletes' seqs too */
	if (nnew < batch && x.seq < m.max_seq)
		x.seq = m.max_seq;
	if (lens_update(&ix, lens_whole, err) == -1 ||
	    lens_set(db, x.seq, m.titles, err) == -1)
		goto out;
	if (set_state(db, "seq", x.seq, NULL, err) == -1 ||
	    set_state(db, "docs", x.docs, NULL, err) == -1)
		goto out;
	if (nnew < batch && (count_dead(sdb, &x, &dead, err) == -1 ||
	    set_state(db, "dead", dead, NULL, err) == -1))
		goto out;
	*indexed += (int64_t)nnew;
	rc = nnew == batch;
out:
	indexer_close(&ix);
	return (rc);
}

/* Is there anything to do?  Reads only. */
static int
work_pending(sqlite3 *db, sqlite3 *sdb, bool *work, struct err *err)
{
	struct ix_state x;
	struct store_mark m;

	if (exec(sdb, "BEGIN", err) == -1)
		return (-1);
	if (read_store(sdb, false, &m, err) == -1) {
		(void)sqlite3_exec(sdb, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	(void)sqlite3_exec(sdb, "COMMIT", NULL, NULL, NULL);
	if (read_state(db, &x, err) == -1)
		return (-1);
	*work = !state_fits(&x, &m) || x.seq != m.max_seq ||
	    x.titles != m.titles || !lens_exact(&x);
	return (0);
}

/*
 * The batches, each in a write transaction of the index and a read
 * transaction of the store.  A damaged index file is removed and made
 * again, once.
 */
static int
sync_loop(struct store *st, const struct search_sync_opts *opts,
    struct err *err)
{
	sqlite3 *db, *sdb = store_db(st);
	size_t batch = opts != NULL && opts->batch > 0 ? opts->batch :
	    BATCH_ROWS;
	bool nowait = opts != NULL && opts->nowait, work, retried = false;
	struct store_ckpt *ck = NULL;
	int64_t indexed = 0;
	int rc, more, erc;

again:
	if ((db = search_ix_writer(st, err)) == NULL)
		return (-1);
	if (work_pending(db, sdb, &work, err) == -1) {
		erc = sqlite3_extended_errcode(db);
		goto failed;
	}
	if (!work)
		return (0);
	/*
	 * 2 MB of page cache: FTS5 writes a segment's pages in order, so
	 * what a sync reuses is the b-trees' right-most path.  16 MB cost
	 * more CPU (`gazette reindex` of bench/refresh's 47,692 articles:
	 * 1.48 against 1.40 CPU-s, system time 0.26 against 0.22 s): each
	 * page the bigger cache held was fresh memory, an allocation and a
	 * page fault.
	 */
	(void)sqlite3_exec(db, "PRAGMA cache_size = -2048", NULL, NULL,
	    NULL);
	if (nowait)
		(void)sqlite3_busy_timeout(db, 0);
	erc = SQLITE_OK;
	do {
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if ((rc & 0xff) == SQLITE_BUSY) {
			if (nowait) {
				more = 1;
				break;
			}
			err_set(err, ERR_LOCKED, "search index: busy: another "
			    "process keeps indexing");
			more = -1;
			break;
		}
		if (rc != SQLITE_OK) {
			erc = sqlite3_extended_errcode(db);
			search_db_err(db, err, "cannot begin");
			more = -1;
			break;
		}
		if (exec(sdb, "BEGIN", err) == -1) {
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			more = -1;
			break;
		}
		more = sync_batch(db, sdb, batch, &indexed, err);
		(void)sqlite3_exec(sdb, "COMMIT", NULL, NULL, NULL);
		if (more == -1) {
			erc = sqlite3_extended_errcode(db);
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			break;
		}
		if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			erc = sqlite3_extended_errcode(db);
			search_db_err(db, err, "cannot commit");
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
			more = -1;
			break;
		}
		if (opts != NULL && opts->progress != NULL)
			opts->progress(opts->arg, indexed);
		if (more == 1 && ck == NULL &&
		    (ck = store_ckpt_open(search_ix_path(st))) != NULL)
			(void)sqlite3_wal_autocheckpoint(db,
			    STORE_CKPT_BACKSTOP);
		store_ckpt_poke(ck);
	} while (more == 1);
	if (ck != NULL) {
		store_ckpt_close(ck);
		ck = NULL;
		(void)sqlite3_wal_autocheckpoint(db, STORE_CKPT_AUTO);
	}
	(void)sqlite3_busy_timeout(db, SEARCH_BUSY_MS);
	if (more != -1)
		return (more == 1 ? 1 : 0);
failed:
	/* derived data: a damaged file is made again, once */
	if (!retried && search_rc_damaged(erc)) {
		retried = true;
		err_clear(err);
		search_ix_discard(st);
		goto again;
	}
	return (-1);
}

int
search_sync_with(struct store *st, const struct search_sync_opts *opts,
    struct err *err)
{
	bool was;
	int rc;

	if (!sqlite3_get_autocommit(store_db(st))) {
		err_set(err, ERR_DB, "search index: cannot sync inside a "
		    "transaction");
		return (-1);
	}
	was = store_damage_ignore(true);
	rc = sync_loop(st, opts, err);
	(void)store_damage_ignore(was);
	return (rc);
}

int
search_sync(struct store *st, struct err *err)
{
	return (search_sync_with(st, NULL, err));
}

static int
reindex(struct store *st, struct err *err)
{
	sqlite3 *db;

	if (!sqlite3_get_autocommit(store_db(st))) {
		err_set(err, ERR_DB, "search index: cannot rebuild inside a "
		    "transaction");
		return (-1);
	}
	if ((db = search_ix_writer(st, err)) == NULL)
		return (-1);
	/* without its state the next batch makes the index afresh */
	if (exec(db, "DROP TABLE IF EXISTS search_state", err) == -1) {
		if (!search_rc_damaged(sqlite3_extended_errcode(db)))
			return (-1);
		/* damaged: made again */
		err_clear(err);
		search_ix_discard(st);
	}
	return (search_sync(st, err));
}

/*
 * What reader_state read last, and the data versions of the index and
 * the store it read them at: while neither file changed, the state
 * read again would say the same (a search asked search_pending, then
 * search_run asked search_index_ok: five statements read it twice).
 */
struct reader_memo {
	bool	 valid;
	int64_t	 dv[2];
	struct ix_state x;
	struct store_mark m;
};

/* Has any other connection changed either file since the memo? */
static int
data_versions(sqlite3 *db, int64_t dv[2], struct err *err)
{
	if (query_int(db, "PRAGMA main.data_version", 0, &dv[0], err) == -1 ||
	    query_int(db, "PRAGMA store.data_version", 0, &dv[1], err) == -1)
		return (-1);
	return (0);
}

/* The state through the reader connection; x->ok false when unusable. */
static int
reader_state(struct store *st, sqlite3 **dbp, struct ix_state *x,
    struct store_mark *m, struct err *err)
{
	struct reader_memo *memo;
	sqlite3 *db;
	int64_t dv[2];
	bool own;

	memset(x, 0, sizeof(*x));
	if ((db = search_index_db(st, err)) == NULL)
		return (-1);
	*dbp = db;
	memo = search_ix_memo(st, sizeof(*memo));
	/* in the caller's read transaction when it has one (search_run) */
	own = sqlite3_get_autocommit(db) != 0;
	if (own && exec(db, "BEGIN", err) == -1)
		return (-1);
	if (data_versions(db, dv, err) == -1) {
		if (own)
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	if (memo->valid && memo->dv[0] == dv[0] && memo->dv[1] == dv[1]) {
		if (own)
			(void)sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		*x = memo->x;
		*m = memo->m;
		return (0);
	}
	memo->valid = false;
	if (read_store(db, true, m, err) == -1 ||
	    read_state(db, x, err) == -1) {
		if (own)
			(void)sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		return (-1);
	}
	if (own)
		(void)sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	x->ok = state_fits(x, m);
	memo->valid = true;
	memo->dv[0] = dv[0];
	memo->dv[1] = dv[1];
	memo->x = *x;
	memo->m = *m;
	return (0);
}

int
search_reindex(struct store *st, struct err *err)
{
	bool was = store_damage_ignore(true);
	int rc;

	rc = reindex(st, err);
	(void)store_damage_ignore(was);
	return (rc);
}

int
search_index_ok(struct store *st, int64_t *dead, struct err *err)
{
	struct ix_state x;
	struct store_mark m;
	sqlite3 *db;

	if (reader_state(st, &db, &x, &m, err) == -1)
		return (-1);
	if (dead != NULL)
		*dead = x.dead;
	return (x.ok);
}

int
search_index_lens_ok(struct store *st)
{
	struct err err = ERR_INIT;
	struct ix_state x;
	struct store_mark m;
	sqlite3 *db;

	/* the state read by search_index_ok, not read again */
	if (reader_state(st, &db, &x, &m, &err) == -1) {
		err_clear(&err);
		return (0);
	}
	return (x.ok && lens_exact(&x));
}

static int64_t
lag(struct store *st, struct err *err)
{
	struct ix_state x;
	struct store_mark m;
	sqlite3 *db;
	int64_t n;

	if (reader_state(st, &db, &x, &m, err) == -1) {
		/* no index to read: everything is behind */
		err_clear(err);
		if (squery_int(store_db(st), "SELECT count(*) FROM items", 0, &n,
		    err) == -1)
			return (-1);
		return (n);
	}
	if (query_int(db, "SELECT count(*) FROM items WHERE seq > ?1",
	    x.ok ? x.seq : -1, &n, err) == -1)
		return (-1);
	return (n);
}

int64_t
search_lag(struct store *st, struct err *err)
{
	bool was = store_damage_ignore(true);
	int64_t n;

	n = lag(st, err);
	(void)store_damage_ignore(was);
	return (n);
}

int
search_pending(struct store *st, struct err *err)
{
	struct ix_state x;
	struct store_mark m;
	sqlite3 *db;
	bool was = store_damage_ignore(true);
	int rc;

	rc = reader_state(st, &db, &x, &m, err);
	(void)store_damage_ignore(was);
	if (rc == -1)
		return (-1);
	return (!x.ok || x.seq != m.max_seq || x.titles != m.titles ||
	    !lens_exact(&x));
}

static int
check(struct store *st, struct err *err)
{
	struct ix_state x;
	struct store_mark m;
	sqlite3 *db, *w;
	int64_t docs, missing, titles;

	if (reader_state(st, &db, &x, &m, err) == -1)
		return (-1);
	if (!x.ok) {
		err_set(err, ERR_DB, "search index: missing or not this "
		    "store's; run gazette reindex");
		return (-1);
	}
	if ((w = search_ix_writer(st, err)) == NULL)
		return (-1);
	if (sqlite3_exec(w, "INSERT INTO search_fts(search_fts)"
	    " VALUES ('integrity-check');"
	    "INSERT INTO search_cjk(search_cjk) VALUES ('integrity-check')",
	    NULL, NULL, NULL) != SQLITE_OK) {
		err_set(err, ERR_DB, "search index: damaged (%s); run "
		    "gazette reindex", sqlite3_errmsg(w));
		return (-1);
	}
	if (query_int(db, "SELECT count(*) FROM search_fts_docsize", 0, &docs,
	    err) == -1 ||
	    query_int(db, "SELECT count(*) FROM items i JOIN feeds f ON"
	    " f.id = i.feed_id WHERE i.seq <= ?1 AND NOT EXISTS (SELECT 1"
	    " FROM search_fts_docsize d WHERE d.id = i.seq)", x.seq, &missing,
	    err) == -1 ||
	    query_int(db, "SELECT count(*) FROM feeds f LEFT JOIN search_feed"
	    " sf ON sf.id = f.id WHERE sf.title IS NOT " FEED_TITLE, 0,
	    &titles, err) == -1)
		return (-1);
	if (docs != x.docs || missing != 0 ||
	    (x.titles == m.titles && titles != 0)) {
		err_set(err, ERR_DB, "search index: %lld rows indexed, %lld "
		    "counted, %lld articles missing, %lld feed titles out of "
		    "date; run gazette reindex", (long long)docs,
		    (long long)x.docs, (long long)missing,
		    (long long)(x.titles == m.titles ? titles : 0));
		return (-1);
	}
	return (0);
}

int
search_check(struct store *st, struct err *err)
{
	bool was = store_damage_ignore(true);
	int rc;

	rc = check(st, err);
	(void)store_damage_ignore(was);
	return (rc);
}
