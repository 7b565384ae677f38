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
 *    for the killfile's count;
 *  - a condition on the title or the author reads an index, not the
 *    table whose rows carry the bodies (pages read, counted by SQLite);
 *  - gazette_regexp's way around regexec for a plain word gives
 *    regexec's answers.
 * On a real SQLite file of N_ITEMS articles (a body of BODY_BYTES each),
 * one every 7 hours back from now: 24 of them are less than 7 days old.
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
#include <locale.h>
#include <regex.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "filter.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

#define N_ITEMS		20000
#define N_WEEK		24	/* items k < 24: age < 7 */
#define STEP_HOURS	7
#define BODY_BYTES	1000

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
	char body[BODY_BYTES + 1];
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
	memset(body, 'b', BODY_BYTES);
	body[BODY_BYTES] = '\0';
	buf_init(&s, 1024);
	for (k = 0; k < N_ITEMS; k++) {
		item_init(&it);
		buf_reset(&s);
		buf_addf(&s, "g%d", k);
		it.guid = xstrdup(buf_str(&s));
		it.title = xstrdup(buf_str(&s));
		it.content = xstrdup(body);
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

/* The articles whose title "g<k>" holds digits. */
static int64_t
titles_with(const char *digits)
{
	char t[32];
	int64_t n = 0;
	int k;

	for (k = 0; k < N_ITEMS; k++) {
		snprintf(t, sizeof(t), "g%d", k);
		if (strstr(t, digits) != NULL)
			n++;
	}
	return (n);
}

/*
 * A query feed on the title or the author reads them from an index, not
 * from the table, whose rows carry the bodies (at a million articles,
 * seconds).  Pages read into SQLite's cache, emptied first, are counted:
 * the table alone is more than N_ITEMS * BODY_BYTES bytes.
 */
static void
test_title_reads_no_bodies(void **state)
{
	static const struct {
		const char	*expr;
		const char	*digits;	/* its titles; NULL: none */
		bool		 negated;
	} q[] = {
		{ "title =~ \"g1\"", "g1", false },
		{ "title =~ \"^g1.*2$\"", NULL, false },
		{ "title !~ \"7\"", "7", true },
		{ "title = \"g5\"", NULL, false },
		{ "title != \"\" and unread = \"yes\"", NULL, false },
		{ "author =~ \"smith\" or author = \"\"", NULL, false },
	};
	struct err err = ERR_INIT;
	struct store_idlist ids;
	struct filter *f;
	sqlite3 *db = store_db(st);
	sqlite3_stmt *s;
	int cur, hi, pages, table;
	size_t k;

	(void)state;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT (SELECT page_count"
	    " FROM pragma_page_count), (SELECT count(*) FROM dbstat"
	    " WHERE name = 'items')", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	pages = sqlite3_column_int(s, 0);
	table = sqlite3_column_int(s, 1);
	sqlite3_finalize(s);
	for (k = 0; k < sizeof(q) / sizeof(*q); k++) {
		f = parse(q[k].expr);
		(void)sqlite3_db_release_memory(db);
		(void)sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur,
		    &hi, 1);
		if (store_where_idlist(st, filter_where(f), STORE_SORT_DATE,
		    false, false, &ids, &err) == -1)
			fail_msg("%s: %s", q[k].expr, err.msg);
		(void)sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_MISS, &cur,
		    &hi, 0);
		print_message("# %s: %zu articles, %d pages read of %d (table"
		    " %d)\n", q[k].expr, ids.n, cur, pages, table);
		if (q[k].digits != NULL)
			assert_int_equal(ids.total, q[k].negated ?
			    N_ITEMS - titles_with(q[k].digits) :
			    titles_with(q[k].digits));
		assert_true(cur > 0);
		assert_true(cur * 10 < table);
		store_idlist_free(&ids);
		filter_free(f);
	}
	assert_true(table * 2 > pages);
}

/* gazette_regexp(pattern, text) in SQL. */
static int
sql_regexp(sqlite3 *db, const char *pattern, const char *text)
{
	sqlite3_stmt *s;
	int m;

	assert_int_equal(sqlite3_prepare_v2(db, "SELECT gazette_regexp(?, ?)",
	    -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, pattern, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, text, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	m = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return (m);
}

/*
 * A plain word is found without regexec: the answers are regexec's
 * (REG_ICASE, in the locale gazette runs in), for ASCII and other texts.
 */
static void
test_plain_word_is_regexec(void **state)
{
	static const char *const pat[] = {
		"rust", "RuSt", "", "t m", "r", "st me", "k", "s", "i",
		"caf\xc3\xa9", "\xc3\xa9", "^rust", "rust$", "ru.t", "1.5",
		"a\\.b", "(x)", "[rR]ust", "x{2}", "a|b", "a+", "a?", "a*",
	};
	static const char *const text[] = {
		"Rust", "TRUST me", "rUsT", "ru st", "", "rus", "crust\nline",
		"a.b", "axb", "1x5", "(X)", "xx", "R", "K", "S", "I",
		"ru\xc5\xbft", "\xe2\x84\xaa", "\xc4\xb0", "\xc4\xb1",
		"Caf\xc3\xa9 RUST", "CAF\xc3\x89", "\xc3\x9c" "ber rust",
		"bad \xff rust", "tab\trust",
	};
	sqlite3 *db;
	regex_t re;
	size_t i, j;
	int want;

	(void)state;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(store_sql_functions_on(db), 0);
	for (i = 0; i < sizeof(pat) / sizeof(*pat); i++) {
		assert_int_equal(regcomp(&re, pat[i], REG_EXTENDED |
		    REG_ICASE | REG_NOSUB), 0);
		for (j = 0; j < sizeof(text) / sizeof(*text); j++) {
			want = regexec(&re, text[j], 0, NULL, 0) == 0;
			if (sql_regexp(db, pat[i], text[j]) != want)
				fail_msg("\"%s\" =~ \"%s\": not %d", text[j],
				    pat[i], want);
		}
		regfree(&re);
	}
	sqlite3_close(db);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_age_reads_recent_only),
		cmocka_unit_test(test_idlist_window_anywhere),
		cmocka_unit_test(test_count_gives_way),
		cmocka_unit_test(test_killfile_list_now),
		cmocka_unit_test(test_title_reads_no_bodies),
		cmocka_unit_test(test_plain_word_is_regexec),
	};

	/* As gazette (main.c) in the tests' C.UTF-8. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		(void)setlocale(LC_CTYPE, "");

	return (cmocka_run_group_tests(tests, setup, teardown));
}
