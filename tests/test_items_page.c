/*
 * test_items_page: store_items_window pages by key, with offsets skipped
 * in the index.  On a real SQLite file, every window the interface can
 * ask for (from the top with an offset, after or before any row with an
 * offset, from the bottom) is checked against the complete list, in every
 * scope and filter, with many rows sharing one sort date.  The complete
 * list itself is checked against an order computed here from what was
 * stored.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

#define N_FEEDS		3
#define PER_FEED	23
#define NOW		1800000000

static char tmpdir[256];
static struct store *st;
static int64_t feeds[N_FEEDS];

/*
 * Item k of feed f: dates fall in a few buckets, so most rows tie on
 * sort_date; every fifth item has no date at all (its sort date is the
 * first-seen time, NOW, shared by all of them).
 */
static int64_t
item_date(int f, int k)
{
	if (k % 5 == 4)
		return (ITEM_NO_DATE);
	return (1700000000 + (int64_t)((k * 7 + f) % 4) * 86400);
}

static int
setup(void **state)
{
	struct err err = ERR_INIT;
	struct buf path, s;
	struct item it;
	enum store_upsert r;
	int f, k;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/gazette-page.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	buf_init(&path, 1024);
	buf_addf(&path, "%s/page.db", tmpdir);
	st = store_open(buf_str(&path), STORE_CREATE, &err);
	buf_free(&path);
	if (st == NULL)
		return (-1);
	buf_init(&s, 1024);
	for (f = 0; f < N_FEEDS; f++) {
		buf_reset(&s);
		buf_addf(&s, "http://feeds.example/%d.xml", f);
		if ((feeds[f] = store_feed_ensure(st, buf_str(&s), &err)) < 0)
			return (-1);
	}
	/* Interleave the feeds so ids and dates do not follow feeds. */
	for (k = 0; k < PER_FEED; k++)
		for (f = 0; f < N_FEEDS; f++) {
			item_init(&it);
			buf_reset(&s);
			buf_addf(&s, "g%d-%d", f, k);
			it.guid = xstrdup(buf_str(&s));
			it.title = xstrdup(buf_str(&s));
			it.published = item_date(f, k);
			if (store_item_upsert(st, feeds[f], &it, NOW, &r,
			    &err) == -1)
				return (-1);
			item_clear(&it);
		}
	buf_free(&s);
	return (0);
}

static int
teardown(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	store_close(st);
	if ((pid = fork()) == 0) {
		execlp("rm", "rm", "-rf", tmpdir, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return (0);
}

static void
window(struct store_query *q, struct store_item_list *out)
{
	struct err err = ERR_INIT;

	if (store_items_window(st, q, out, &err) == -1)
		fail_msg("store_items_window: %s", err.msg);
}

static int
cmp_newest_first(const void *a, const void *b)
{
	const struct store_item_row *x = a, *y = b;

	if (x->date != y->date)
		return (x->date < y->date ? 1 : -1);
	return (x->id < y->id ? 1 : x->id > y->id ? -1 : 0);
}

/* The expected sort date of a stored row, from its guid "gF-K". */
static int64_t
expected_date(const char *guid)
{
	int f, k;
	int64_t d;

	assert_int_equal(sscanf(guid, "g%d-%d", &f, &k), 2);
	d = item_date(f, k);
	return (d == ITEM_NO_DATE ? NOW : d);
}

/* got must be exactly rows from .. from + n - 1 of all (clamped). */
static void
same_slice(const struct store_item_list *got,
    const struct store_item_list *all, long from, long n, const char *what)
{
	long i, lo = from < 0 ? 0 : from, hi = from + n;

	if (hi > (long)all->n)
		hi = (long)all->n;
	if (lo > hi)
		lo = hi;
	if ((long)got->n != hi - lo)
		fail_msg("%s: %zu rows, expected %ld", what, got->n, hi - lo);
	for (i = lo; i < hi; i++)
		if (got->rows[i - lo].id != all->rows[i].id)
			fail_msg("%s: row %ld is id %lld, expected %lld", what,
			    i, (long long)got->rows[i - lo].id,
			    (long long)all->rows[i].id);
}

/* Every window of one scope and filter against its complete list. */
static void
check_scope(int64_t feed_id, enum store_filter filter)
{
	static const size_t limits[] = { 1, 3, 8 };
	struct store_query q;
	struct store_item_list all, sorted, got;
	char what[160];
	size_t li, o, p, i;
	long n;

	memset(&q, 0, sizeof(q));
	q.feed_id = feed_id;
	q.filter = filter;
	window(&q, &all);
	assert_true(all.n > 0);
	/* The complete list is newest first by (sort date, id). */
	sorted.n = all.n;
	sorted.rows = xreallocarray(NULL, all.n, sizeof(*sorted.rows));
	memcpy(sorted.rows, all.rows, all.n * sizeof(*all.rows));
	qsort(sorted.rows, sorted.n, sizeof(*sorted.rows),
	    cmp_newest_first);
	for (i = 0; i < all.n; i++) {
		assert_int_equal(all.rows[i].id, sorted.rows[i].id);
		assert_int_equal(all.rows[i].date,
		    expected_date(all.rows[i].guid));
		if (feed_id != 0)
			assert_int_equal(all.rows[i].feed_id, feed_id);
		if (filter == STORE_FILTER_UNREAD)
			assert_false(all.rows[i].read);
		if (filter == STORE_FILTER_FLAGGED)
			assert_true(all.rows[i].flagged);
	}
	free(sorted.rows);

	for (li = 0; li < sizeof(limits) / sizeof(limits[0]); li++) {
		n = (long)limits[li];
		q.limit = limits[li];
		/* From the top, skipping o rows (o up to past the end). */
		for (o = 0; o <= all.n + 1; o++) {
			q.has_key = false;
			q.offset = o;
			window(&q, &got);
			snprintf(what, sizeof(what), "feed %lld filter %d top "
			    "offset %zu limit %ld", (long long)feed_id,
			    (int)filter, o, n);
			same_slice(&got, &all, (long)o, n, what);
			store_item_list_free(&got);
		}
		/* After and before every row, skipping o rows. */
		for (p = 0; p < all.n; p++)
			for (o = 0; o <= all.n - p; o++) {
				q.has_key = true;
				q.key.date = all.rows[p].date;
				q.key.id = all.rows[p].id;
				q.offset = o;
				q.newer = false;
				window(&q, &got);
				snprintf(what, sizeof(what), "feed %lld filter "
				    "%d older than row %zu offset %zu limit %ld",
				    (long long)feed_id, (int)filter, p, o, n);
				same_slice(&got, &all, (long)(p + 1 + o), n,
				    what);
				store_item_list_free(&got);
				q.newer = true;
				window(&q, &got);
				snprintf(what, sizeof(what), "feed %lld filter "
				    "%d newer than row %zu offset %zu limit %ld",
				    (long long)feed_id, (int)filter, p, o, n);
				same_slice(&got, &all, (long)p - (long)o - n, n,
				    what);
				store_item_list_free(&got);
			}
		/* From the bottom: newer than a key before every row. */
		for (o = 0; o <= all.n; o++) {
			q.has_key = true;
			q.newer = true;
			q.key.date = INT64_MIN;
			q.key.id = INT64_MIN;
			q.offset = o;
			window(&q, &got);
			snprintf(what, sizeof(what), "feed %lld filter %d bottom "
			    "offset %zu limit %ld", (long long)feed_id,
			    (int)filter, o, n);
			same_slice(&got, &all, (long)all.n - (long)o - n, n,
			    what);
			store_item_list_free(&got);
		}
	}
	store_item_list_free(&all);
}

static void
test_every_window(void **state)
{
	struct store_query q;
	struct store_item_list all;
	struct err err = ERR_INIT;
	int64_t unread, total;
	size_t i;
	int f;

	(void)state;
	/* Ties: many rows share a sort date. */
	memset(&q, 0, sizeof(q));
	window(&q, &all);
	assert_int_equal(all.n, N_FEEDS * PER_FEED);
	for (i = 1; i < all.n && all.rows[i].date != all.rows[i - 1].date;
	    i++)
		;
	assert_true(i < all.n);
	/* Some read, some flagged, in every feed. */
	for (i = 0; i < all.n; i++) {
		if (i % 3 == 1 && store_item_set_read(st, all.rows[i].id, true,
		    &err) == -1)
			fail_msg("set_read: %s", err.msg);
		if (i % 4 == 2 && store_item_set_flagged(st, all.rows[i].id,
		    true, &err) == -1)
			fail_msg("set_flagged: %s", err.msg);
	}
	store_item_list_free(&all);
	assert_int_equal(store_counts(st, 0, &unread, &total, &err), 0);
	assert_int_equal(total, N_FEEDS * PER_FEED);
	assert_int_equal(unread, N_FEEDS * PER_FEED - N_FEEDS * PER_FEED / 3);

	check_scope(0, STORE_FILTER_ALL);
	check_scope(0, STORE_FILTER_UNREAD);
	check_scope(0, STORE_FILTER_FLAGGED);
	for (f = 0; f < N_FEEDS; f++) {
		check_scope(feeds[f], STORE_FILTER_ALL);
		check_scope(feeds[f], STORE_FILTER_UNREAD);
		check_scope(feeds[f], STORE_FILTER_FLAGGED);
	}
}

/* Paging a whole list by keys gives every row once, in order. */
static void
test_walk_by_keys(void **state)
{
	struct store_query q;
	struct store_item_list all, got;
	size_t seen = 0, i;

	(void)state;
	memset(&q, 0, sizeof(q));
	window(&q, &all);
	q.limit = 7;
	for (;;) {
		window(&q, &got);
		if (got.n == 0)
			break;
		for (i = 0; i < got.n; i++)
			assert_int_equal(got.rows[i].id,
			    all.rows[seen + i].id);
		seen += got.n;
		q.has_key = true;
		q.key.date = got.rows[got.n - 1].date;
		q.key.id = got.rows[got.n - 1].id;
		store_item_list_free(&got);
	}
	assert_int_equal(seen, all.n);
	/* And back up from the bottom. */
	q.has_key = true;
	q.newer = true;
	q.key.date = INT64_MIN;
	q.key.id = INT64_MIN;
	for (;;) {
		window(&q, &got);
		if (got.n == 0)
			break;
		for (i = 0; i < got.n; i++)
			assert_int_equal(got.rows[i].id,
			    all.rows[seen - got.n + i].id);
		seen -= got.n;
		q.key.date = got.rows[0].date;
		q.key.id = got.rows[0].id;
		store_item_list_free(&got);
	}
	assert_int_equal(seen, 0);
	store_item_list_free(&all);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_by_keys),
		cmocka_unit_test(test_every_window),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
