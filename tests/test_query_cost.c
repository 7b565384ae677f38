/*
 * test_query_cost: what query feeds cost the store, counted in steps of
 * SQLite's virtual machine (store_set_yield asks its function every
 * YIELD_STEPS steps), so that the checks are exact on a loaded machine:
 *  - age < N reads only the newest articles (the date index), not all;
 *  - a window of a query feed's id list costs the same anywhere in the
 *    list, and holds the rows store_items_window gives there;
 *  - a count gives way when its yield function says so, and fails
 *    without counts rather than with wrong ones;
 *  - the feed list (and the urls file's sync before it) does not wait
 *    for the killfile's count.
 * On a real SQLite file of N_ITEMS articles, one every 7 hours back from
 * now: 24 of them are less than 7 days old.
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
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "err.h"
#include "filter.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

#define N_ITEMS		20000
#define N_WEEK		24	/* items k < 24: age < 7 */
#define STEP_HOURS	7

static char tmpdir[256];
static struct store *st;

static int
setup(void **state)
{
	struct err err = ERR_INIT;
	struct buf path, s;
	struct item it;
	enum store_upsert r;
	int64_t feed, now = (int64_t)time(NULL);
	int k;

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/gazette-qcost.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	buf_init(&path, 1024);
	buf_addf(&path, "%s/q.db", tmpdir);
	st = store_open(buf_str(&path), STORE_CREATE, &err);
	buf_free(&path);
	if (st == NULL || store_begin(st, &err) == -1 ||
	    (feed = store_feed_ensure(st, "http://feeds.example/1.xml",
	    &err)) < 0)
		return (-1);
	buf_init(&s, 1024);
	for (k = 0; k < N_ITEMS; k++) {
		item_init(&it);
		buf_reset(&s);
		buf_addf(&s, "g%d", k);
		it.guid = xstrdup(buf_str(&s));
		it.title = xstrdup(buf_str(&s));
		it.published = now - (int64_t)k * STEP_HOURS * 3600;
		if (store_item_upsert(st, feed, &it, now, &r, &err) == -1)
			return (-1);
		item_clear(&it);
	}
	buf_free(&s);
	if (store_commit(st, &err) == -1)
		return (-1);
	/* Every third article read. */
	if (store_begin(st, &err) == -1)
		return (-1);
	for (k = 1; k <= N_ITEMS; k += 3)
		if (store_item_set_read(st, k, true, &err) == -1)
			return (-1);
	return (store_commit(st, &err));
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

/* The yield function: counts the questions, says stop after stop_at. */
static int asked;
static int stop_at = -1;

static bool
count_steps(void *arg)
{
	(void)arg;
	asked++;
	return (stop_at >= 0 && asked >= stop_at);
}

static void
start_counting(int stop)
{
	asked = 0;
	stop_at = stop;
	store_set_yield(st, count_steps, NULL);
}

static int
stop_counting(void)
{
	store_set_yield(st, NULL, NULL);
	return (asked);
}

static struct filter *
parse(const char *expr)
{
	struct err err = ERR_INIT;
	struct filter *f = filter_parse(expr, &err);

	if (f == NULL)
		fail_msg("%s: %s", expr, err.msg);
	return (f);
}

/* The steps of counting expr; the counts in unread, total. */
static int
count_cost(const char *expr, int64_t *unread, int64_t *total)
{
	struct err err = ERR_INIT;
	struct filter *f = parse(expr);

	start_counting(-1);
	if (store_where_counts(st, filter_where(f), unread, total,
	    &err) == -1)
		fail_msg("%s: %s", expr, err.msg);
	filter_free(f);
	return (stop_counting());
}

static void
test_age_reads_recent_only(void **state)
{
	int64_t unread, total;
	int all, week;

	(void)state;
	/* A comparison no index answers: every article is read. */
	all = count_cost("author = \"nobody\"", &unread, &total);
	assert_int_equal(total, 0);
	week = count_cost("unread = \"yes\" and age < 7", &unread, &total);
	assert_int_equal(total, N_WEEK * 2 / 3);
	assert_int_equal(unread, total);
	(void)count_cost("age < 7", &unread, &total);
	assert_int_equal(total, N_WEEK);
	print_message("# yields: every article %d, age < 7 %d\n", all,
	    week);
	assert_true(all >= 10);
	assert_true(week * 10 <= all);
	/* The other comparisons narrow the same way, exactly. */
	week = count_cost("age <= 6", &unread, &total);
	assert_int_equal(total, N_WEEK);
	assert_true(week * 10 <= all);
	week = count_cost("age between 0:6", &unread, &total);
	assert_int_equal(total, N_WEEK);
	assert_true(week * 10 <= all);
	(void)count_cost("age >= 7 and age > 6 and age != 3", &unread,
	    &total);
	assert_int_equal(total, N_ITEMS - N_WEEK);
	(void)count_cost("age = 7", &unread, &total);
	/* 7 days <= k * 7 hours < 8 days: k = 24..27. */
	assert_int_equal(total, 4);
}

static void
same_rows(const struct store_item_list *a, const struct store_item_list *b)
{
	size_t i;

	assert_int_equal(a->n, b->n);
	for (i = 0; i < a->n; i++)
		assert_int_equal(a->rows[i].id, b->rows[i].id);
}

static void
test_idlist_window_anywhere(void **state)
{
	struct err err = ERR_INIT;
	struct store_idlist ids;
	struct store_item_list w1, w2;
	struct store_query q;
	struct filter *f = parse("title != \"\"");
	size_t at[] = { 0, N_ITEMS / 2, N_ITEMS - 90, N_ITEMS - 10 };
	size_t k;
	int top = 0, cost, old;

	(void)state;
	if (store_where_idlist(st, filter_where(f), STORE_SORT_DATE, false,
	    false, &ids, &err) == -1)
		fail_msg("%s", err.msg);
	assert_int_equal(ids.n, N_ITEMS);
	assert_int_equal(ids.total, N_ITEMS);
	assert_int_equal(ids.unread, N_ITEMS - (N_ITEMS + 2) / 3);
	for (k = 0; k < sizeof(at) / sizeof(*at); k++) {
		start_counting(-1);
		if (store_idlist_window(st, &ids, at[k], 90, &w1, &err) == -1)
			fail_msg("%s", err.msg);
		cost = stop_counting();
		if (k == 0)
			top = cost;
		/* The same rows as the keyset window, which skips rows. */
		memset(&q, 0, sizeof(q));
		q.where = filter_where(f);
		q.offset = at[k];
		q.limit = 90;
		start_counting(-1);
		if (store_items_window(st, &q, &w2, &err) == -1)
			fail_msg("%s", err.msg);
		old = stop_counting();
		same_rows(&w1, &w2);
		print_message("# window at %zu: %d yields by id, %d by "
		    "offset\n", at[k], cost, old);
		assert_true(cost <= top + 1);
		store_item_list_free(&w1);
		store_item_list_free(&w2);
	}
	/* Unread only: the read ones are out of the list, not the counts. */
	store_idlist_free(&ids);
	if (store_where_idlist(st, filter_where(f), STORE_SORT_TITLE, true,
	    true, &ids, &err) == -1)
		fail_msg("%s", err.msg);
	assert_int_equal(ids.n, ids.unread);
	assert_int_equal(ids.total, N_ITEMS);
	memset(&q, 0, sizeof(q));
	q.where = filter_where(f);
	q.filter = STORE_FILTER_UNREAD;
	q.sort = STORE_SORT_TITLE;
	q.ascending = true;
	q.offset = ids.n / 2;
	q.limit = 50;
	if (store_idlist_window(st, &ids, ids.n / 2, 50, &w1, &err) == -1 ||
	    store_items_window(st, &q, &w2, &err) == -1)
		fail_msg("%s", err.msg);
	same_rows(&w1, &w2);
	store_item_list_free(&w1);
	store_item_list_free(&w2);
	store_idlist_free(&ids);
	filter_free(f);
}

static void
test_count_gives_way(void **state)
{
	struct err err = ERR_INIT;
	struct filter *f = parse("author = \"nobody\" or title =~ \"9$\"");
	int64_t unread = -1, total = -1;

	(void)state;
	start_counting(1);
	assert_int_equal(store_where_counts(st, filter_where(f), &unread,
	    &total, &err), -1);
	assert_true(store_yielded(st));
	(void)stop_counting();
	assert_false(store_yielded(st));
	/* Not stopped: the counts. */
	start_counting(-1);
	assert_int_equal(store_where_counts(st, filter_where(f), &unread,
	    &total, &err), 0);
	assert_false(store_yielded(st));
	(void)stop_counting();
	assert_int_equal(total, N_ITEMS / 10);
	filter_free(f);
}

static void
test_killfile_list_now(void **state)
{
	struct err err = ERR_INIT;
	struct store_feed_list l;
	struct filter *f = parse("title =~ \"1$\"");
	struct store_sub sub;
	bool exact = true;
	int64_t id;
	int cost;

	(void)state;
	if (store_set_hide(st, filter_where(f), &err) == -1)
		fail_msg("%s", err.msg);
	/* The urls file's sync (before the first screen) reads no article. */
	memset(&sub, 0, sizeof(sub));
	sub.url = "http://feeds.example/1.xml";
	start_counting(-1);
	if (store_feeds_sync(st, &sub, 1, &id, &err) == -1)
		fail_msg("%s", err.msg);
	assert_int_equal(stop_counting(), 0);
	/* Never counted: the list does not wait for it. */
	start_counting(-1);
	if (store_feeds_list_now(st, &l, &exact, &err) == -1)
		fail_msg("%s", err.msg);
	cost = stop_counting();
	assert_false(exact);
	assert_int_equal(cost, 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.feeds[0].total, N_ITEMS);
	store_feed_list_free(&l);
	/* Counted when nothing waits, then left out. */
	start_counting(-1);
	assert_int_equal(store_hidden_count_now(st, &err), 0);
	assert_true(stop_counting() > 0);
	if (store_feeds_list_now(st, &l, &exact, &err) == -1)
		fail_msg("%s", err.msg);
	assert_true(exact);
	assert_int_equal(l.feeds[0].total, N_ITEMS - N_ITEMS / 10);
	store_feed_list_free(&l);
	/* The same as the list that waits. */
	if (store_feeds_list(st, &l, &err) == -1)
		fail_msg("%s", err.msg);
	assert_int_equal(l.feeds[0].total, N_ITEMS - N_ITEMS / 10);
	store_feed_list_free(&l);
	assert_int_equal(store_set_hide(st, NULL, &err), 0);
	filter_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_age_reads_recent_only),
		cmocka_unit_test(test_idlist_window_anywhere),
		cmocka_unit_test(test_count_gives_way),
		cmocka_unit_test(test_killfile_list_now),
	};

	return (cmocka_run_group_tests(tests, setup, teardown));
}
