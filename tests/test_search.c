/*
 * test_search: the query compiler on a table of inputs (hostile ones
 * included), text helpers, highlighting; every compiled expression is
 * also run against real FTS5 tables in a real SQLite file, where it must
 * not raise a syntax error.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "search.h"
#include "xmalloc.h"

#define NOW	1767225600	/* 2026-01-01T00:00:00Z */

/* input, expected description ("!" + message start: an error) */
static const struct {
	const char *in;
	const char *out;
} cases[] = {
	{ "hello", "fts=(\"hello\") cjk=-" },
	{ "Hello World", "fts=(\"Hello\") AND (\"World\") cjk=-" },
	{ "\"quoted phrase\"", "fts=(\"quoted phrase\") cjk=-" },
	{ "evol*", "fts=(\"evol\" *) cjk=-" },
	{ "\"new yor\"*", "fts=(\"new yor\" *) cjk=-" },
	{ "a OR b", "fts=(\"a\" OR \"b\") cjk=-" },
	{ "a or b", "fts=(\"a\") AND (\"or\") AND (\"b\") cjk=-" },
	{ "cat -dog", "fts=((\"cat\")) NOT (\"dog\") cjk=-" },
	{ "cat NOT dog", "fts=((\"cat\")) NOT (\"dog\") cjk=-" },
	{ "cat -dog -\"hot dog\"",
	    "fts=((\"cat\")) NOT (\"dog\" OR \"hot dog\") cjk=-" },
	{ "title:linux", "fts=(title : (\"linux\")) cjk=-" },
	{ "TITLE:\"linux kernel\"", "fts=(title : (\"linux kernel\")) cjk=-" },
	{ "author:smith feed:lwn text:rust*",
	    "fts=(author : (\"smith\")) AND (feed : (\"lwn\")) AND "
	    "(text : (\"rust\" *)) cjk=-" },
	{ "-title:spam ham", "fts=((\"ham\")) NOT (title : (\"spam\")) cjk=-" },
	{ "foo:bar", "fts=(\"foo:bar\") cjk=-" },
	{ "is:unread", "fts=- cjk=- unread=1" },
	{ "-is:unread is:flagged", "fts=- cjk=- unread=0 flagged=1" },
	{ "x since:7d", "fts=(\"x\") cjk=- since=1766620800" },
	{ "x since:2025-12-25", "fts=(\"x\") cjk=- since=1766620800" },
	{ "x until:2026-01-01", "fts=(\"x\") cjk=- until=1767225600" },
	{ "x -since:1d", "fts=(\"x\") cjk=- until=1767139200" },
	{ "x tag:news", "fts=(\"x\") cjk=- tag=news" },
	{ "is:read -spam", "fts=- cjk=- pred!(\"spam\"|-) unread=0" },
	/* accents and ligatures */
	{ "\xc5\x93uvre", "fts=((\"\xc5\x93uvre\" OR \"oeuvre\")) cjk=-" },
	{ "oeuvre", "fts=((\"oeuvre\" OR \"\xc5\x93uvre\")) cjk=-" },
	{ "stra\xc3\x9f" "e", "fts=((\"stra\xc3\x9f" "e\" OR \"strasse\")) cjk=-" },
	/* CJK goes to the bigram index */
	{ "\xe6\x89\xbe\xe5\x88\xb0\xe4\xba\x86",	/* 找到了 */
	    "fts=- cjk=((\"\xe6\x89\xbe\xe5\x88\xb0 \xe5\x88\xb0\xe4\xba\x86\"))" },
	{ "\xe6\x89\xbe",				/* 找 */
	    "fts=- cjk=((\"\xe6\x89\xbe\" *))" },
	{ "linux \xe6\x89\xbe\xe5\x88\xb0",
	    "fts=(\"linux\") cjk=((\"\xe6\x89\xbe\xe5\x88\xb0\"))" },
	{ "linux OR \xe6\x89\xbe\xe5\x88\xb0",
	    "fts=- cjk=- pred(\"linux\"|(\"\xe6\x89\xbe\xe5\x88\xb0\"))" },
	/* hostile: FTS5 syntax is only text */
	{ "NEAR(a b)", "fts=(\"NEAR\") AND (\"a\") AND (\"b\") cjk=-" },
	{ "a AND b", "fts=(\"a\") AND (\"b\") cjk=-" },
	{ "\"unterminated", "fts=(\"unterminated\") cjk=-" },
	{ "say \"\"\"hi\"", "fts=(\"say\") AND (\"hi\") cjk=-" },
	{ "a\"b", "fts=(\"a\") AND (\"b\") cjk=-" },
	{ "^start", "fts=(\"^start\") cjk=-" },
	{ "title:^x", "fts=(title : (\"^x\")) cjk=-" },
	{ "rowid:1", "fts=(\"rowid:1\") cjk=-" },
	{ "search_fts:x", "fts=(\"search_fts:x\") cjk=-" },
	{ "{title author}:x", "fts=(\"{title\") AND (\"author}:x\") cjk=-" },
	{ "x'; DROP TABLE items; --",
	    "fts=(\"x';\") AND (\"DROP\") AND (\"TABLE\") AND (\"items;\") "
	    "cjk=-" },
	{ "a * b", "fts=(\"a\") AND (\"b\") cjk=-" },
	{ "tab\there", "fts=(\"tab\") AND (\"here\") cjk=-" },
	{ "\"a\tb\"", "fts=(\"a b\") cjk=-" },
	{ "a OR", "fts=(\"a\") cjk=-" },
	{ "OR a", "fts=(\"a\") cjk=-" },
	{ "- a", "fts=(\"a\") cjk=-" },
	{ "--a", "fts=(\"a\") cjk=-" },
	/* impossible queries */
	{ "", "!nothing to search for" },
	{ "   ( ) * ^ -", "!nothing to search for" },
	{ "\"\"", "!nothing to search for" },
	{ "-spam", "!nothing to search for: exclusions" },
	{ "a*", "!prefix too short" },
	{ "x since:yesterday", "!since: wants a day" },
	{ "x since:2026-02-30", "!since: wants a day" },
	{ "is:bogus", "!unknown filter is:bogus" },
	{ "tag:a tag:b", "!only one tag" },
	{ "bad\xff" "utf8", "!search is not valid UTF-8" },
};

static void
test_compile_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct err e = ERR_INIT;
		struct search_query *q = search_compile(cases[i].in, NOW, &e);
		struct buf b;

		if (cases[i].out[0] == '!') {
			if (q != NULL || strncmp(e.msg, cases[i].out + 1,
			    strlen(cases[i].out + 1)) != 0)
				fail_msg("case %zu <%s>: wanted error <%s>, "
				    "got <%s>", i, cases[i].in,
				    cases[i].out + 1, e.msg);
			assert_int_equal(e.code, ERR_USAGE);
			assert_null(strchr(e.msg, '\n'));
			continue;
		}
		if (q == NULL)
			fail_msg("case %zu <%s>: error %s", i, cases[i].in,
			    e.msg);
		buf_init(&b, BUF_CAP_TEXT);
		search_query_describe(q, &b);
		if (strcmp(buf_str(&b), cases[i].out) != 0)
			fail_msg("case %zu <%s>:\n got <%s>\nwant <%s>", i,
			    cases[i].in, buf_str(&b), cases[i].out);
		buf_free(&b);
		search_query_free(q);
	}
}

static void
test_long_queries(void **state)
{
	struct err e = ERR_INIT;
	struct buf b;
	int i;

	(void)state;
	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < 40; i++)
		(void)buf_addstr(&b, "w ");
	assert_null(search_compile(buf_str(&b), NOW, &e));
	assert_string_equal(e.msg, "search too long: at most 32 words and "
	    "filters");
	buf_reset(&b);
	for (i = 0; i < 2000; i++)
		(void)buf_addch(&b, 'x');
	err_clear(&e);
	assert_null(search_compile(buf_str(&b), NOW, &e));
	assert_int_equal(e.code, ERR_USAGE);
	buf_free(&b);
}

static void
test_terms(void **state)
{
	struct err e = ERR_INIT;
	struct search_query *q;

	(void)state;
	q = search_compile("evol* -spam \"big cat\" OR title:dog is:unread",
	    NOW, &e);
	assert_non_null(q);
	assert_int_equal(search_query_nterms(q), 3);
	assert_string_equal(search_query_term(q, 0)->text, "evol");
	assert_true(search_query_term(q, 0)->prefix);
	assert_string_equal(search_query_term(q, 1)->text, "big cat");
	assert_string_equal(search_query_term(q, 2)->text, "dog");
	assert_int_equal(search_query_term(q, 2)->field, SEARCH_FIELD_TITLE);
	assert_null(search_query_term(q, 3));
	search_query_free(q);
}

static void
test_bigrams(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, BUF_CAP_TEXT);
	/* 我们找到了 answer 答案。 */
	assert_int_equal(search_cjk_bigrams("\xe6\x88\x91\xe4\xbb\xac"
	    "\xe6\x89\xbe\xe5\x88\xb0 answer \xe7\xad\x94\xe6\xa1\x88"
	    "\xe3\x80\x82", &b), 2);
	assert_string_equal(buf_str(&b), "\xe6\x88\x91\xe4\xbb\xac "
	    "\xe4\xbb\xac\xe6\x89\xbe \xe6\x89\xbe\xe5\x88\xb0 \xe5\x88\xb0 "
	    "\xe7\xad\x94\xe6\xa1\x88 \xe6\xa1\x88");
	buf_reset(&b);
	assert_int_equal(search_cjk_bigrams("no cjk at all, caf\xc3\xa9", &b),
	    0);
	assert_string_equal(buf_str(&b), "");
	assert_true(search_has_cjk("x\xe3\x81\x82"));	/* あ */
	assert_false(search_has_cjk("\xc3\xa9t\xc3\xa9 \xe2\x80\x99"));
	buf_free(&b);
}

static void
test_find(void **state)
{
	struct err e = ERR_INIT;
	struct search_query *q;
	const char *text = "L'\xc3\x89volution des \xc5\x93uvres, "
	    "EVOLUTIONARY: new-york";
	size_t s, t;

	(void)state;
	q = search_compile("evolution oeuvres \"new york\"", NOW, &e);
	assert_non_null(q);
	assert_int_equal(search_query_find(q, text, 0, &s, &t), 1);
	assert_int_equal(s, 2);
	assert_int_equal(t, 12);	/* "Évolution" (É is 2 bytes) */
	assert_int_equal(search_query_find(q, text, t, &s, &t), 1);
	assert_memory_equal(text + s, "\xc5\x93uvres", t - s);
	assert_int_equal(search_query_find(q, text, t, &s, &t), 1);
	assert_memory_equal(text + s, "new-york", t - s);
	assert_int_equal(search_query_find(q, text, t, &s, &t), 0);
	search_query_free(q);

	q = search_compile("evol*", NOW, &e);
	assert_non_null(q);
	assert_int_equal(search_query_find(q, text, 12, &s, &t), 1);
	assert_memory_equal(text + s, "EVOLUTIONARY", t - s);
	search_query_free(q);

	q = search_compile("\xe6\x89\xbe\xe5\x88\xb0", NOW, &e);
	assert_non_null(q);
	assert_int_equal(search_query_find(q, "ab \xe6\x88\x91\xe4\xbb\xac"
	    "\xe6\x89\xbe\xe5\x88\xb0\xe4\xba\x86", 0, &s, &t), 1);
	assert_int_equal(s, 9);
	assert_int_equal(t, 15);
	search_query_free(q);
}

/*
 * Every compiled expression goes through real FTS5 tables shaped like
 * the index (same columns and tokenizers): no input may produce an
 * FTS5 error.
 */
static void
run_match(sqlite3 *db, const char *table, const char *expr, const char *in)
{
	sqlite3_stmt *s;
	char sql[128];
	int rc;

	if (expr == NULL)
		return;
	(void)snprintf(sql, sizeof(sql), "SELECT rowid FROM %s WHERE %s "
	    "MATCH ?1", table, table);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC),
	    SQLITE_OK);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		fail_msg("<%s> -> <%s>: %s", in, expr, sqlite3_errmsg(db));
	sqlite3_finalize(s);
}

static void
test_fts5_accepts_everything(void **state)
{
	char path[] = "/tmp/gazette-test-search.XXXXXX";
	sqlite3 *db;
	size_t i;
	int fd;
	static const char *const extra[] = {
		"\"", "\"\"\"", "*", "**", "a**", "-", "--", "NOT", "NOT NOT",
		"OR OR OR", "(((", ")))", "NEAR/3", "NEAR(\"a\" \"b\", 2)",
		"title:", "title:\"", "title:*", "-title:", "{a}", "+a +b",
		"a:b:c", "x:*", "\\\"", "'", "''", "%", "_", ";", "a;b",
		"\xef\xbc\x88\xef\xbc\x89", "\xe3\x80\x82", "\xe6\x89\xbe*",
		"\xe6\x89\xbe\"x\"\xe5\x88\xb0", "title:\xe6\x89\xbe\xe5\x88\xb0",
		"-\xe6\x89\xbe\xe5\x88\xb0 is:unread", "co*ca", "\x01\x02\x7f",
		"\xc5\x93*", "ss* ae*", "\"a\"*\"b\"", "\"\"*",
	};

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	    "CREATE VIRTUAL TABLE search_fts USING fts5(title, author, feed,"
	    " text, tokenize='unicode61 remove_diacritics 2');"
	    "CREATE VIRTUAL TABLE search_cjk USING fts5(title, author, feed,"
	    " text, tokenize='ascii');"
	    "INSERT INTO search_fts VALUES('L''\xc3\x89volution', 'Smith',"
	    " 'LWN', 'the \xc5\x93uvre of a cat');",
	    NULL, NULL, NULL), SQLITE_OK);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]) +
	    sizeof(extra) / sizeof(extra[0]); i++) {
		const char *in = i < sizeof(cases) / sizeof(cases[0]) ?
		    cases[i].in : extra[i - sizeof(cases) / sizeof(cases[0])];
		struct err e = ERR_INIT;
		struct search_query *q = search_compile(in, NOW, &e);
		size_t k;

		if (q == NULL) {
			assert_int_equal(e.code, ERR_USAGE);
			continue;
		}
		run_match(db, "search_fts", search_query_fts(q), in);
		run_match(db, "search_cjk", search_query_cjk(q), in);
		for (k = 0; k < search_query_npreds(q); k++) {
			run_match(db, "search_fts",
			    search_query_pred(q, k)->fts, in);
			run_match(db, "search_cjk",
			    search_query_pred(q, k)->cjk, in);
		}
		search_query_free(q);
	}
	sqlite3_close(db);
	unlink(path);
}

#if defined(__SANITIZE_ADDRESS__)
#define FIND_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define FIND_ASAN 1
#endif
#endif

/* The process's address space now, in bytes. */
static size_t
vm_bytes(void)
{
	unsigned long pages = 0;
	FILE *fp = fopen("/proc/self/statm", "r");

	assert_non_null(fp);
	assert_int_equal(fscanf(fp, "%lu", &pages), 1);
	fclose(fp);
	return ((size_t)pages * (size_t)sysconf(_SC_PAGESIZE));
}

/*
 * The first match is found without splitting the rest of the text into
 * words (a snippet's search for where to begin): a match at the start
 * of 8 MB of words is found in a process that may take 16 MB more.
 * Splitting all of them took about 80 MB.  Matches found after words
 * that end in combining marks, and a phrase, as before.
 */
static void
test_find_first_only(void **state)
{
	struct err e = ERR_INIT;
	struct search_query *q;
	struct rlimit rl;
	size_t n = 8 * 1024 * 1024, i, s, t;
	char *text;
	pid_t pid;
	int status;

	(void)state;
	q = search_compile("cafe \"new york\"", NOW, &e);
	assert_non_null(q);
	assert_int_equal(search_query_find(q, "xx cafe\xcc\x81, NEW  york",
	    0, &s, &t), 1);
	assert_int_equal(s, 3);
	assert_int_equal(t, 9);
	assert_int_equal(search_query_find(q, "xx cafe\xcc\x81, NEW  york",
	    t, &s, &t), 1);
	assert_int_equal(s, 11);
	assert_int_equal(t, 20);
	search_query_free(q);
#ifdef FIND_ASAN
	/* ASan reserves terabytes of address space: no limit to set. */
	print_message("# test_find_first_only: no address space limit "
	    "under ASan\n");
	return;
#endif
	q = search_compile("alpha", NOW, &e);
	assert_non_null(q);
	text = xmalloc(n + 1);
	memcpy(text, "alpha ", 6);
	for (i = 6; i + 5 <= n; i += 5)
		memcpy(text + i, "beta ", 5);
	text[i] = '\0';
	fflush(NULL);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		rl.rlim_cur = rl.rlim_max = vm_bytes() + 16 * 1024 * 1024;
		if (setrlimit(RLIMIT_AS, &rl) == -1)
			_exit(3);
		_exit(search_query_find(q, text, 0, &s, &t) == 1 && s == 0 &&
		    t == 5 ? 0 : 2);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("the first match of 8 MB of words: status %d", status);
	free(text);
	search_query_free(q);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_compile_table),
		cmocka_unit_test(test_long_queries),
		cmocka_unit_test(test_terms),
		cmocka_unit_test(test_bigrams),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_find_first_only),
		cmocka_unit_test(test_fts5_accepts_everything),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
