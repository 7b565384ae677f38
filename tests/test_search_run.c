/*
 * test_search_run: ranking on a real database filled through the store
 * API.  gazette_rank against FTS5's own bm25(); search_run's windows,
 * ties and filters against the same ranking done in plain SQL; the rank
 * cap and the flag that says it cut the ranking; a search's cost in
 * SQLite's steps does not grow with the number of feeds, nor its memory
 * (fresh memory is a page fault a page) with the number of articles;
 * a search is one read transaction; it reads the index's state once.
 */
#include "config.h"

#include <malloc.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#define HEAP_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HEAP_ASAN 1
#endif
#endif
#ifdef HEAP_ASAN
/* ASan's allocator (declared here: GCC ships no header for it). */
size_t	__sanitizer_get_current_allocated_bytes(void);
#endif

#include <cmocka.h>
#include <sqlite3.h>

#include "err.h"
#include "item.h"
#include "search.h"
#include "search_int.h"
#include "store.h"
#include "xmalloc.h"

#define NOW	1767225600	/* 2026-01-01T00:00:00Z */
#define NITEMS	60

struct fixture {
	char		 path[64];
	struct store	*st;
};

static const char *const words[] = {
	"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"
};

static void
add_item(struct store *st, int64_t feed, int k)
{
	struct err err = ERR_INIT;
	enum store_upsert r;
	struct item it;
	char guid[32], title[128], body[1024];
	size_t len = 0;
	int w;

	item_init(&it);
	(void)snprintf(guid, sizeof(guid), "g%d", k);
	/* titles: some hold "alpha", a few repeat it */
	(void)snprintf(title, sizeof(title), "%s story %d%s",
	    k % 7 == 0 ? "alpha" : "plain", k % 5, k % 14 == 0 ?
	    " alpha alpha" : "");
	/* bodies of varied lengths, words in a fixed pattern */
	for (w = 0; w < 10 + (k * 7) % 40; w++)
		len += (size_t)snprintf(body + len, sizeof(body) - len, "%s ",
		    words[(k + w * (k % 3 + 1)) % 8]);
	/* twins: the same text, different dates (ties broken by date) */
	if (k >= NITEMS - 6)
		(void)snprintf(body, sizeof(body), "twin text alpha gamma");
	it.guid = xstrdup(guid);
	it.title = xstrdup(k >= NITEMS - 6 ? "Twin" : title);
	it.link = xstrdup(guid);
	it.author = xstrdup(k % 4 == 0 ? "Gamma Writer" : "Someone");
	/* dates not in id order, so date and id ties differ */
	it.published = 1700000000 + (int64_t)((k * 37) % NITEMS) * 3600;
	it.content_type = "text";
	it.content = xstrdup(body);
	assert_int_equal(store_item_upsert(st, feed, &it, 1700000000, &r,
	    &err), 0);
	item_clear(&it);
}

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));
	struct err err = ERR_INIT;
	int64_t feed;
	int fd, k;

	(void)snprintf(f->path, sizeof(f->path),
	    "/tmp/gazette-test-search-run.XXXXXX");
	fd = mkstemp(f->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(f->path);
	f->st = store_open(f->path, STORE_CREATE, &err);
	assert_non_null(f->st);
	assert_int_equal(store_begin(f->st, &err), 0);
	feed = store_feed_ensure(f->st, "http://a.example/", &err);
	assert_true(feed > 0);
	assert_int_equal(store_feed_set_meta(f->st, feed, "Delta News", NULL,
	    &err), 0);
	for (k = 0; k < NITEMS; k++)
		add_item(f->st, feed, k);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(search_sync(f->st, &err), 0);
	/* some read, for the filters */
	for (k = 1; k <= NITEMS; k += 3)
		assert_int_equal(store_item_set_read(f->st, k, true, &err), 0);
	assert_int_equal(search_sync(f->st, &err), 0);
	assert_non_null(search_index_db(f->st, &err));
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char side[128];

	store_close(f->st);
	unlink(f->path);
	(void)snprintf(side, sizeof(side), "%s-wal", f->path);
	unlink(side);
	(void)snprintf(side, sizeof(side), "%s-shm", f->path);
	unlink(side);
	(void)snprintf(side, sizeof(side), "%s-search", f->path);
	unlink(side);
	(void)snprintf(side, sizeof(side), "%s-search-wal", f->path);
	unlink(side);
	(void)snprintf(side, sizeof(side), "%s-search-shm", f->path);
	unlink(side);
	free(f);
	return (0);
}

/*
 * For every row matching expr: gazette_rank and -bm25.  With several
 * phrases they must be the same number; with one, proportional (the
 * IDF, a factor common to every row, is left out).
 */
static void
compare_bm25_with(sqlite3 *db, const char *expr, bool single, bool lens)
{
	sqlite3_stmt *s;
	double ratio = 0.0;
	int rows = 0, rc;

	assert_int_equal(sqlite3_prepare_v2(db, lens ? "SELECT gazette_rank("
	    "search_fts), -bm25(search_fts, 10.0, 4.0, 2.0, 1.0) FROM"
	    " search_fts m WHERE search_fts MATCH ?1" : "SELECT gazette_rank("
	    "search_fts, z.sz), -bm25(search_fts, 10.0, 4.0, 2.0, 1.0) FROM"
	    " search_fts m JOIN search_fts_docsize z ON z.id = m.rowid WHERE"
	    " search_fts MATCH ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		double mine = sqlite3_column_double(s, 0);
		double ref = sqlite3_column_double(s, 1);

		rows++;
		if (!single) {
			if (mine != ref)
				fail_msg("%s: gazette_rank %.17g, bm25 %.17g",
				    expr, mine, ref);
			continue;
		}
		assert_true(mine > 0.0);
		if (ratio == 0.0)
			ratio = ref / mine;
		else if (fabs(ref / mine - ratio) > 1e-12 * ratio)
			fail_msg("%s: not proportional: %.17g vs %.17g", expr,
			    ref / mine, ratio);
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(s);
	if (rows < 2)
		fail_msg("%s: only %d rows", expr, rows);
}

/* The length from the docsize record joined, and from search_len. */
static void
compare_bm25(sqlite3 *db, const char *expr, bool single)
{
	compare_bm25_with(db, expr, single, false);
	compare_bm25_with(db, expr, single, true);
}

static void
test_rank_is_bm25(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	sqlite3 *db = search_index_db(f->st, &err);

	compare_bm25(db, "\"alpha\" \"gamma\"", false);
	compare_bm25(db, "(\"alpha\") AND (\"beta\" OR \"delta\")", false);
	compare_bm25(db, "(\"gamma\") NOT (\"zeta\")", false);
	compare_bm25(db, "title:\"alpha\" \"eta\"", false);
	compare_bm25(db, "\"alpha\" \"story\" \"twin\" OR \"gamma\"", false);
	compare_bm25(db, "\"alpha\"", true);
	compare_bm25(db, "\"gam\" *", true);
	compare_bm25(db, "\"alpha beta\"", true);
}

/*
 * The reference: the same ranking in one SQL statement, ids in order,
 * for the window (offset, limit); *total: how many match.
 */
static size_t
reference(sqlite3 *db, const struct search_query *q, const char *where,
    size_t offset, size_t limit, int64_t *ids, size_t *total)
{
	sqlite3_stmt *s;
	char sql[1024];
	size_t n = 0, i = 0;

	(void)snprintf(sql, sizeof(sql), "SELECT i.id FROM search_fts m"
	    " JOIN items i ON i.seq = m.rowid WHERE search_fts MATCH ?1 %s"
	    " ORDER BY -bm25(search_fts, 10.0, 4.0, 2.0, 1.0) DESC,"
	    " i.sort_date DESC, i.seq DESC", where);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(s, 1, search_query_fts(q), -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (i >= offset && n < limit)
			ids[n++] = sqlite3_column_int64(s, 0);
		i++;
	}
	sqlite3_finalize(s);
	*total = i;
	return (n);
}

/*
 * Every window, ranked anew each time and then from one kept ranking
 * (the interface's way), the windows asked for from the last back.
 */
static void
check_windows(struct fixture *f, const char *text, const char *where)
{
	struct err err = ERR_INIT;
	struct search_query *q = search_compile(text, NOW, &err);
	struct search_ranking *rank;
	struct search_results r;
	struct search_opts o;
	int64_t want[NITEMS];
	size_t offset, limit, n, total = 0, i, k;

	assert_non_null(q);
	for (limit = 1; limit <= 25; limit += 6) {
		rank = NULL;
		for (k = 0; k <= 2 * (NITEMS / 4 + 1); k++) {
			if (k == NITEMS / 4 + 1)
				rank = search_ranking_new();
			offset = k <= NITEMS / 4 ? k * 4 :
			    (2 * (NITEMS / 4 + 1) - k) * 4;
			memset(&o, 0, sizeof(o));
			o.offset = offset;
			o.limit = limit;
			o.ranking = rank;
			assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
			n = reference(search_index_db(f->st, &err), q, where,
			    offset, limit,
			    want, &total);
			if (r.n != n)
				fail_msg("%s offset %zu limit %zu: %zu hits, "
				    "wanted %zu", text, offset, limit, r.n, n);
			for (i = 0; i < n; i++)
				if (r.hits[i].item_id != want[i])
					fail_msg("%s offset %zu limit %zu: hit "
					    "%zu is %lld, wanted %lld", text,
					    offset, limit, i,
					    (long long)r.hits[i].item_id,
					    (long long)want[i]);
			assert_int_equal(r.more, total > offset + limit);
			assert_false(r.capped);
			if (rank != NULL)
				assert_int_equal(r.total, total);
			search_results_free(&r);
		}
		search_ranking_free(rank);
	}
	if (total < 4)
		fail_msg("%s: only %zu matches", text, total);
	search_query_free(q);
}

static void
test_windows_match_sql(void **state)
{
	struct fixture *f = *state;

	/* one phrase: order by the same key as bm25 */
	check_windows(f, "alpha", "");
	check_windows(f, "twin", "");
	check_windows(f, "gam*", "");
	/* several, and filters (which read dates while matching) */
	check_windows(f, "alpha gamma", "");
	check_windows(f, "alpha OR beta", "");
	check_windows(f, "gamma is:unread", "AND i.read = 0");
	check_windows(f, "gamma is:read", "AND i.read = 1");
	check_windows(f, "story -zeta", "");
}

/*
 * Filters only, with a kept ranking: counted, and every window (those
 * nearer the end read from the oldest) as without one.
 */
static void
test_filters_windows(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q;
	struct search_ranking *rank;
	struct search_results a, b;
	struct search_opts o;
	const char *const texts[] = { "is:unread", "is:read" };
	size_t t, offset, limit, i, seen;

	for (t = 0; t < 2; t++) {
		q = search_compile(texts[t], NOW, &err);
		assert_non_null(q);
		for (limit = 1; limit <= 25; limit += 6) {
			rank = search_ranking_new();
			seen = 0;
			for (offset = NITEMS + 2; offset-- > 0;) {
				memset(&o, 0, sizeof(o));
				o.offset = offset;
				o.limit = limit;
				assert_int_equal(search_run(f->st, q, &o, &a,
				    &err), 0);
				o.ranking = rank;
				assert_int_equal(search_run(f->st, q, &o, &b,
				    &err), 0);
				assert_int_equal(a.n, b.n);
				assert_int_equal(a.more, b.more);
				for (i = 0; i < a.n; i++)
					assert_int_equal(a.hits[i].item_id,
					    b.hits[i].item_id);
				if (offset == 0)
					seen = b.total;
				search_results_free(&a);
				search_results_free(&b);
			}
			if (seen == 0 || seen >= NITEMS)
				fail_msg("%s: %zu counted", texts[t], seen);
			search_ranking_free(rank);
		}
		search_query_free(q);
	}
}

/* The newest cap matches are ranked, and the result says so. */
static void
test_cap(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	struct search_results r, all;
	struct search_opts o;
	size_t total, cap, i, k;

	assert_non_null(q);
	memset(&o, 0, sizeof(o));
	o.limit = NITEMS;
	o.rank_cap = SIZE_MAX;
	assert_int_equal(search_run(f->st, q, &o, &all, &err), 0);
	assert_false(all.capped);
	total = all.n;
	assert_true(total > 10);
	for (cap = 1; cap <= total + 1; cap++) {
		o.rank_cap = cap;
		assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
		assert_int_equal(r.capped, cap < total);
		assert_int_equal(r.n, cap < total ? cap : total);
		/* the ranked ones are the newest stored, in rank order */
		for (i = 0; i < r.n; i++) {
			int64_t id = r.hits[i].item_id, newer = 0;

			for (k = 0; k < all.n; k++)
				if (all.hits[k].item_id > id)
					newer++;
			assert_true((size_t)newer < cap);
			if (i > 0)
				assert_true(r.hits[i - 1].score >=
				    r.hits[i].score);
		}
		search_results_free(&r);
	}
	/* the window of a capped ranking */
	o.rank_cap = 5;
	o.limit = 2;
	o.offset = 4;
	assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
	assert_int_equal(r.n, 1);
	assert_false(r.more);
	assert_true(r.capped);
	search_results_free(&r);
	search_results_free(&all);
	search_query_free(q);
}

static int
count_step(void *arg)
{
	(*(long *)arg)++;
	return (0);
}

/* Steps of SQLite's machine, store and index, for one search of q. */
static long
search_steps(struct fixture *f, const struct search_query *q)
{
	struct err err = ERR_INIT;
	struct search_results r;
	struct search_opts o;
	sqlite3 *ix = search_index_db(f->st, &err);
	long n = 0;

	assert_non_null(ix);
	memset(&o, 0, sizeof(o));
	o.limit = 20;
	sqlite3_progress_handler(store_db(f->st), 1, count_step, &n);
	sqlite3_progress_handler(ix, 1, count_step, &n);
	assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
	sqlite3_progress_handler(store_db(f->st), 0, NULL, NULL);
	sqlite3_progress_handler(ix, 0, NULL, NULL);
	assert_true(r.n > 0);
	search_results_free(&r);
	return (n);
}

/*
 * What a search costs does not grow with the number of feeds: asking
 * whether any feed is gone (none is) read every feed's row before the
 * gone feeds had an index of their own (store 12 -> 13).
 */
static void
test_cost_not_feeds(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	char url[64];
	long before, after;
	int k;

	assert_non_null(q);
	before = search_steps(f, q);
	assert_int_equal(store_begin(f->st, &err), 0);
	for (k = 0; k < 3000; k++) {
		(void)snprintf(url, sizeof(url), "http://f%d.example/", k);
		assert_true(store_feed_ensure(f->st, url, &err) > 0);
	}
	assert_int_equal(store_commit(f->st, &err), 0);
	/* the first search after a change reads the index's state again
	   (about 300 steps, whatever the number of feeds): the next one */
	(void)search_steps(f, q);
	after = search_steps(f, q);
	/* a scan of 3000 feeds takes some 12,000 steps */
	if (after > before + 300)
		fail_msg("%ld steps with 3001 feeds, %ld with 1", after,
		    before);
	search_query_free(q);
}


/* An article of about 1 KB that holds "alpha" once. */
static void
add_long_item(struct store *st, int64_t feed, int k)
{
	struct err err = ERR_INIT;
	enum store_upsert r;
	struct item it;
	char guid[32], body[1200];
	size_t len;
	int w;

	item_init(&it);
	(void)snprintf(guid, sizeof(guid), "long%d", k);
	len = (size_t)snprintf(body, sizeof(body), "alpha %d", k);
	for (w = 0; w < 120; w++)
		len += (size_t)snprintf(body + len, sizeof(body) - len, " %s%d",
		    words[(k + w) % 8], w);
	it.guid = xstrdup(guid);
	it.title = xstrdup(guid);
	it.link = xstrdup(guid);
	it.published = 1700000000 + (int64_t)k * 60;
	it.content_type = "text";
	it.content = xstrdup(body);
	assert_int_equal(store_item_upsert(st, feed, &it, 1700000000, &r,
	    &err), 0);
	item_clear(&it);
}

static void
remove_files(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-search",
	    "-search-wal", "-search-shm" };
	char side[160];
	size_t i;

	for (i = 0; i < sizeof(sfx) / sizeof(sfx[0]); i++) {
		(void)snprintf(side, sizeof(side), "%s%s", path, sfx[i]);
		unlink(side);
	}
}

/*
 * Bytes malloc has handed out and not had back: from ASan's allocator
 * when it replaces malloc (glibc's mallinfo2 then counts nothing), else
 * from glibc; 0 where neither can tell.
 */
static size_t
heap_used(void)
{
#if defined(HEAP_ASAN)
	return (__sanitizer_get_current_allocated_bytes());
#elif defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
	struct mallinfo2 m = mallinfo2();

	return (m.uordblks + m.hblkhd);
#else
	return (0);
#endif
}

/*
 * Opening the store and the index's reader takes memory for what they
 * read, not for pages they might read: SQLite as Debian builds it gave
 * each database a bulk of 20 cache pages at its first read, 3 x 172 KiB
 * for a store, its index and the store attached to the index.
 */
static void
test_open_memory(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct store *st;
	size_t before, after;

	/* No count here: cmocka's skip() would be a TAP failure. */
	if (heap_used() == 0) {
		print_message("# test_open_memory: no heap count here\n");
		return;
	}
	before = heap_used();
	st = store_open(f->path, 0, &err);
	assert_non_null(st);
	assert_int_equal(search_pending(st, &err), 0);
	after = heap_used();
	if (after - before > 256 * 1024)
		fail_msg("opening a store and its index takes %zu KiB",
		    (after - before) / 1024);
	store_close(st);
}

/*
 * A search that reads many articles keeps few of their pages: the 1500
 * hits of a search read every article's row, some 200 pages of 8 KiB,
 * into the attached store's page cache (2 MB by default), fresh memory
 * for each page.
 */
static void
test_cache_small(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	struct search_results r;
	struct search_opts o;
	struct store *st;
	char path[96];
	int cur = 0, hi = 0;
	int64_t feed;
	int k;

	assert_non_null(q);
	(void)snprintf(path, sizeof(path), "%s-big", f->path);
	st = store_open(path, STORE_CREATE, &err);
	assert_non_null(st);
	assert_int_equal(store_begin(st, &err), 0);
	feed = store_feed_ensure(st, "http://big.example/", &err);
	assert_true(feed > 0);
	for (k = 0; k < 1500; k++)
		add_long_item(st, feed, k);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(search_sync(st, &err), 0);
	store_close(st);

	st = store_open(path, 0, &err);
	assert_non_null(st);
	memset(&o, 0, sizeof(o));
	o.limit = 1500;
	assert_int_equal(search_run(st, q, &o, &r, &err), 0);
	assert_int_equal(r.n, 1500);
	search_results_free(&r);
	assert_int_equal(sqlite3_db_status(search_index_db(st, &err),
	    SQLITE_DBSTATUS_CACHE_USED, &cur, &hi, 0), SQLITE_OK);
	if (cur > 512 * 1024)
		fail_msg("a search of 1500 articles keeps %d KiB of pages",
		    cur / 1024);
	store_close(st);
	search_query_free(q);
	remove_files(path);
}

/*
 * Read transactions counted through the database files' shared-memory
 * locking: a WAL reader takes a shared lock on a read mark at the start
 * of each read transaction.
 */
static sqlite3_io_methods count_methods;
static const sqlite3_io_methods *real_methods;
static long shared_locks;

static int
count_shm_lock(sqlite3_file *f, int ofst, int n, int flags)
{
	if (flags == (SQLITE_SHM_LOCK | SQLITE_SHM_SHARED))
		shared_locks++;
	return (real_methods->xShmLock(f, ofst, n, flags));
}

/* Watch (on) or stop watching the locks of db's file schema. */
static void
count_watch(sqlite3 *db, const char *schema, bool on)
{
	sqlite3_file *f = NULL;

	assert_int_equal(sqlite3_file_control(db, schema,
	    SQLITE_FCNTL_FILE_POINTER, &f), SQLITE_OK);
	assert_non_null(f);
	if (on) {
		real_methods = f->pMethods;
		count_methods = *f->pMethods;
		count_methods.xShmLock = count_shm_lock;
		f->pMethods = &count_methods;
	} else
		f->pMethods = real_methods;
}

/*
 * A search is one read transaction, not one for each statement run: the
 * dates of the best matches and the hits' rows were read one statement
 * run each, every one a read transaction on the store and the index.
 */
static void
test_one_transaction(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	struct search_results r;
	struct search_opts o;
	struct store *st;
	sqlite3 *ix;

	assert_non_null(q);
	st = store_open(f->path, 0, &err);
	assert_non_null(st);
	assert_int_equal(search_pending(st, &err), 0);
	assert_non_null(ix = search_index_db(st, &err));
	count_watch(store_db(st), "main", true);
	count_watch(ix, "main", true);
	count_watch(ix, "store", true);
	memset(&o, 0, sizeof(o));
	o.limit = 20;
	shared_locks = 0;
	assert_int_equal(search_run(st, q, &o, &r, &err), 0);
	count_watch(store_db(st), "main", false);
	count_watch(ix, "main", false);
	count_watch(ix, "store", false);
	assert_int_equal(r.n, 20);
	/*
	 * the store's question about gone feeds, then the index and the
	 * store once each: the index's state is read in the run's
	 * transaction (it was one of its own, two more)
	 */
	if (shared_locks > 3)
		fail_msg("a search of 20 hits took %ld read transactions",
		    shared_locks);
	search_results_free(&r);
	store_close(st);
	search_query_free(q);
}

/* Statements run on a connection that read the index's state. */
static long state_reads;

static int
count_state(unsigned type, void *arg, void *p, void *x)
{
	(void)arg;
	(void)p;
	if (type == SQLITE_TRACE_STMT && strstr(x, "search_state") != NULL)
		state_reads++;
	return (0);
}

/*
 * gazette search asks search_pending whether the index is up to date,
 * then search_run asks whether it is usable: while neither file
 * changed, the state is read once.  A change by another connection is
 * seen: the state is read again.
 */
static void
test_state_read_once(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	struct search_results r;
	struct search_opts o;
	struct store *st, *other;
	int64_t feed;
	sqlite3 *ix;

	assert_non_null(q);
	st = store_open(f->path, 0, &err);
	assert_non_null(st);
	assert_non_null(ix = search_index_db(st, &err));
	sqlite3_trace_v2(ix, SQLITE_TRACE_STMT, count_state, NULL);
	state_reads = 0;
	assert_int_equal(search_pending(st, &err), 0);
	assert_true(state_reads > 0);
	state_reads = 0;
	memset(&o, 0, sizeof(o));
	o.limit = 20;
	assert_int_equal(search_run(st, q, &o, &r, &err), 0);
	if (state_reads != 0)
		fail_msg("the index's state read again: %ld statements",
		    state_reads);
	search_results_free(&r);
	/* another connection adds an article: pending, seen at once */
	other = store_open(f->path, 0, &err);
	assert_non_null(other);
	assert_int_equal(store_begin(other, &err), 0);
	feed = store_feed_find(other, "http://a.example/", &err);
	assert_true(feed > 0);
	add_item(other, feed, NITEMS + 1);
	assert_int_equal(store_commit(other, &err), 0);
	state_reads = 0;
	assert_int_equal(search_pending(st, &err), 1);
	assert_true(state_reads > 0);
	/* indexed by the other one: up to date again */
	assert_int_equal(search_sync(other, &err), 0);
	assert_int_equal(search_pending(st, &err), 0);
	store_close(other);
	sqlite3_trace_v2(ix, 0, NULL, NULL);
	store_close(st);
	search_query_free(q);
}

/*
 * Databases opened by SQLite (a pager each, which reads the schema of
 * its file on its first use) through a VFS that counts them.
 */
static sqlite3_vfs count_vfs;
static sqlite3_vfs *real_vfs;
static long db_opens;

static int
count_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags,
    int *out)
{
	(void)vfs;
	if (flags & SQLITE_OPEN_MAIN_DB)
		db_opens++;
	return (real_vfs->xOpen(real_vfs, name, f, flags, out));
}

static void
count_opens(bool on)
{
	if (on) {
		real_vfs = sqlite3_vfs_find(NULL);
		count_vfs = *real_vfs;
		count_vfs.zName = "count";
		count_vfs.xOpen = count_open;
		assert_int_equal(sqlite3_vfs_register(&count_vfs, 1),
		    SQLITE_OK);
	} else {
		assert_int_equal(sqlite3_vfs_unregister(&count_vfs),
		    SQLITE_OK);
		assert_int_equal(sqlite3_vfs_register(real_vfs, 1),
		    SQLITE_OK);
	}
}

/*
 * gazette search opens the store STORE_SHARED: the search reader's
 * view of the store is the handle's own (one file descriptor, one page
 * cache, one schema read), where it was a second connection that read
 * the store's schema again: two files opened (the store, the index),
 * not three.  It finds what a handle of its own finds,
 * and a shared handle still brings the index up to date.
 */
static void
test_store_read_once(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	struct search_query *q = search_compile("alpha", NOW, &err);
	struct search_results r, r2;
	struct search_opts o;
	struct store *st;
	int64_t feed;
	size_t i;

	assert_non_null(q);
	memset(&o, 0, sizeof(o));
	o.limit = 20;
	assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
	db_opens = 0;
	count_opens(true);
	st = store_open(f->path, STORE_SHARED, &err);
	assert_non_null(st);
	assert_non_null(search_index_db(st, &err));
	count_opens(false);
	if (db_opens != 2)
		fail_msg("the store and its search reader opened %ld "
		    "databases", db_opens);
	assert_int_equal(search_pending(st, &err), 0);
	assert_int_equal(search_run(st, q, &o, &r2, &err), 0);
	assert_int_equal(r2.n, r.n);
	for (i = 0; i < r.n; i++)
		assert_int_equal(r2.hits[i].item_id, r.hits[i].item_id);
	search_results_free(&r2);
	/* an article more: indexed through the shared handle, then found */
	assert_int_equal(store_begin(st, &err), 0);
	feed = store_feed_find(st, "http://a.example/", &err);
	assert_true(feed > 0);
	add_item(st, feed, NITEMS + 2);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(search_pending(st, &err), 1);
	assert_int_equal(search_sync(st, &err), 0);
	assert_int_equal(search_pending(st, &err), 0);
	assert_int_equal(search_run(st, q, &o, &r2, &err), 0);
	assert_true(r2.n >= r.n);
	search_results_free(&r2);
	search_results_free(&r);
	store_close(st);
	search_query_free(q);
}

/*
 * search_len against search_fts_docsize, read from the index file on a
 * connection of the test's own: every indexed row's length (its docsize
 * record's varints summed here) where search_len says, and the state
 * saying it is exact for what is indexed.  *rows: rows compared.
 */
static void
check_lens(struct fixture *f, int64_t *rows)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	char path[128];
	int64_t n = 0;
	int rc;

	(void)snprintf(path, sizeof(path), "%s-search", f->path);
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT value FROM"
	    " search_state WHERE key = 'lens') IS (SELECT value FROM"
	    " search_state WHERE key = 'seq') || ' ' || (SELECT value FROM"
	    " search_state WHERE key = 'titles') || ' ' || ?1", -1, &s,
	    NULL), SQLITE_OK);
	sqlite3_bind_int(s, 1, SEARCH_LEN_ROWS);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	if (sqlite3_column_int(s, 0) != 1)
		fail_msg("search_len not marked exact");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT d.id, d.sz, l.lens"
	    " FROM search_fts_docsize d LEFT JOIN search_len l ON l.chunk ="
	    " d.id / ?1", -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_int(s, 1, SEARCH_LEN_ROWS);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0), want = 0, got;
		const unsigned char *p = sqlite3_column_blob(s, 1);
		const unsigned char *l = sqlite3_column_blob(s, 2);
		int i, len = sqlite3_column_bytes(s, 1), at;
		uint64_t v = 0;

		for (i = 0; i < len; i++) {
			v = v << 7 | (p[i] & 0x7f);
			if ((p[i] & 0x80) == 0) {
				want += (int64_t)v;
				v = 0;
			}
		}
		at = (int)(id % SEARCH_LEN_ROWS) * 2;
		if (l == NULL || sqlite3_column_bytes(s, 2) < at + 2)
			fail_msg("row %lld: no length", (long long)id);
		got = l[at] | l[at + 1] << 8;
		if (got != want)
			fail_msg("row %lld: length %lld, docsize says %lld",
			    (long long)id, (long long)got, (long long)want);
		n++;
	}
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	*rows = n;
}

/* More articles, in a feed of their own, indexed 300 a batch. */
static int64_t
add_many(struct fixture *f, int from, int n)
{
	struct err err = ERR_INIT;
	struct search_sync_opts so;
	int64_t feed;
	int k;

	assert_int_equal(store_begin(f->st, &err), 0);
	feed = store_feed_ensure(f->st, "http://many.example/", &err);
	assert_true(feed > 0);
	for (k = from; k < from + n; k++)
		add_item(f->st, feed, k);
	assert_int_equal(store_commit(f->st, &err), 0);
	memset(&so, 0, sizeof(so));
	so.batch = 300;
	assert_int_equal(search_sync_with(f->st, &so, &err), 0);
	return (feed);
}

/* search_len is exact after syncs, a rename and a rebuild. */
static void
test_lens_exact(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	int64_t rows, feed;

	check_lens(f, &rows);
	assert_int_equal(rows, NITEMS);
	/* two chunks, batches ending inside them */
	feed = add_many(f, 1000, 4200);
	check_lens(f, &rows);
	assert_int_equal(rows, NITEMS + 4200);
	/* a rename indexes the feed's rows again: longer now */
	assert_int_equal(store_feed_set_meta(f->st, feed, "Many More Words In"
	    " This Title", NULL, &err), 0);
	assert_int_equal(search_sync(f->st, &err), 0);
	check_lens(f, &rows);
	assert_int_equal(rows, NITEMS + 4200);
	assert_int_equal(search_reindex(f->st, &err), 0);
	check_lens(f, &rows);
	assert_int_equal(rows, NITEMS + 4200);
}

/* The scores of a search of text, in the order found. */
static size_t
scores(struct fixture *f, const char *text, double *out, size_t max)
{
	struct err err = ERR_INIT;
	struct search_query *q = search_compile(text, NOW, &err);
	struct search_results r;
	struct search_opts o;
	size_t i;

	assert_non_null(q);
	memset(&o, 0, sizeof(o));
	o.limit = max;
	assert_int_equal(search_run(f->st, q, &o, &r, &err), 0);
	for (i = 0; i < r.n; i++)
		out[i] = r.hits[i].score;
	i = r.n;
	search_results_free(&r);
	search_query_free(q);
	return (i);
}

static int
count_docsize(void *arg, int action, const char *a, const char *b,
    const char *schema, const char *trigger)
{
	(void)b;
	(void)schema;
	(void)trigger;
	if (action == SQLITE_READ && a != NULL &&
	    strcmp(a, "search_fts_docsize") == 0)
		(*(int *)arg)++;
	return (SQLITE_OK);
}

/* The scores of text as they were, and whether docsize was read. */
static void
same_scores(struct fixture *f, const char *text, const double *want,
    size_t n, bool docsize)
{
	struct err err = ERR_INIT;
	sqlite3 *ix = search_index_db(f->st, &err);
	double got[NITEMS * 2];
	int reads = 0;
	size_t i;

	assert_non_null(ix);
	sqlite3_set_authorizer(ix, count_docsize, &reads);
	assert_int_equal(scores(f, text, got, NITEMS * 2), n);
	sqlite3_set_authorizer(ix, NULL, NULL);
	for (i = 0; i < n; i++)
		if (got[i] != want[i])
			fail_msg("%s: hit %zu scores %.17g, was %.17g", text,
			    i, got[i], want[i]);
	if (docsize && reads == 0)
		fail_msg("%s: search_len used while not exact", text);
	if (!docsize && reads != 0)
		fail_msg("%s: docsize read %d times", text, reads);
}

#define STR1(x)	#x
#define STR(x)	STR1(x)

/* sql on the index file, ?1 a blob of wrong lengths (1799 each). */
static void
sql_on_index(struct fixture *f, const char *sql)
{
	static unsigned char wrong[SEARCH_LEN_ROWS * 2];
	sqlite3 *db;
	sqlite3_stmt *s;
	char path[128];

	memset(wrong, 7, sizeof(wrong));
	(void)snprintf(path, sizeof(path), "%s-search", f->path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_busy_timeout(db, 10000);
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_bind_parameter_count(s) > 0)
		sqlite3_bind_blob(s, 1, wrong, sizeof(wrong), SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_DONE)
		fail_msg("%s: %s", sql, sqlite3_errmsg(db));
	sqlite3_finalize(s);
	sqlite3_close(db);
}

/*
 * A ranked search takes the rows' lengths from search_len, not from
 * search_fts_docsize; an index without it (made by an earlier version)
 * or with it out of date (written by one since) ranks the same through
 * docsize, and the next sync fills it, without indexing anything again.
 */
static void
test_lens_old_index(void **state)
{
	struct fixture *f = *state;
	struct err err = ERR_INIT;
	const char *const q[] = { "alpha", "alpha gamma", "gam*",
	    "title:alpha OR beta", "\"alpha beta\"" };
	double want[sizeof(q) / sizeof(q[0])][NITEMS * 2];
	size_t n[sizeof(q) / sizeof(q[0])], i;
	int64_t rows;

	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++) {
		n[i] = scores(f, q[i], want[i], NITEMS * 2);
		assert_true(n[i] >= 4);
		same_scores(f, q[i], want[i], n[i], false);
	}
	/* out of date: wrong lengths, marked so */
	sql_on_index(f, "UPDATE search_len SET lens = ?1");
	sql_on_index(f, "UPDATE search_state SET value = '1 -1 "
	    STR(SEARCH_LEN_ROWS) "' WHERE key = 'lens'");
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		same_scores(f, q[i], want[i], n[i], true);
	/* as an earlier version made it */
	sql_on_index(f, "DROP TABLE search_len");
	sql_on_index(f, "DELETE FROM search_state WHERE key = 'lens'");
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		same_scores(f, q[i], want[i], n[i], true);
	assert_int_equal(search_sync(f->st, &err), 0);
	check_lens(f, &rows);
	assert_int_equal(rows, NITEMS);
	for (i = 0; i < sizeof(q) / sizeof(q[0]); i++)
		same_scores(f, q[i], want[i], n[i], false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rank_is_bm25),
		cmocka_unit_test(test_windows_match_sql),
		cmocka_unit_test(test_filters_windows),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_cost_not_feeds),
		cmocka_unit_test(test_open_memory),
		cmocka_unit_test(test_cache_small),
		cmocka_unit_test(test_one_transaction),
		cmocka_unit_test(test_state_read_once),
		cmocka_unit_test(test_store_read_once),
		cmocka_unit_test_setup_teardown(test_lens_exact, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_lens_old_index, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
