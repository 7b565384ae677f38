/* test_urls: the urls file parser, settings and formatting. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "urls.h"
#include "xmalloc.h"

struct warns {
	unsigned	lines[16];
	char		msgs[16][256];
	size_t		n;
	unsigned	last_line;	/* of the last warning (count_warn) */
	char		last[256];
};

static void
collect(void *ctx, const char *file, unsigned line, const char *msg)
{
	struct warns *w = ctx;

	assert_string_equal(file, "t");
	if (w->n < 16) {
		w->lines[w->n] = line;
		snprintf(w->msgs[w->n], sizeof(w->msgs[0]), "%s", msg);
		w->n++;
	}
}

static void
parse(const char *text, struct urls_list *l, struct warns *w)
{
	memset(w, 0, sizeof(*w));
	urls_list_init(l);
	urls_parse(text, strlen(text), "t", l, collect, w);
}

static void
test_newsboat_basics(void **state)
{
	struct urls_list l;
	struct warns w;

	(void)state;
	parse("# a comment\n"
	    "\n"
	    "   \t\n"
	    "http://example.com/a.xml\n"
	    "https://example.com/b.xml tech \"two words\" ~Bee\r\n"
	    "\"https://example.com/c.xml\" news # trailing comment\n"
	    "https://example.com/d.xml#frag ! \"~Title with \\\"q\\\"\"\n"
	    "\"query:Unread:unread = \\\"yes\\\"\" tag\n"
	    "file:///tmp/local.xml\n", &l, &w);
	assert_int_equal(w.n, 0);
	assert_int_equal(l.n, 6);
	assert_string_equal(l.feeds[0].url, "http://example.com/a.xml");
	assert_int_equal(l.feeds[0].n_tags, 0);
	assert_null(l.feeds[0].title);
	assert_int_equal(l.feeds[0].line, 4);
	assert_int_equal(l.feeds[0].kind, URLS_HTTP);
	assert_int_equal(l.feeds[1].n_tags, 2);
	assert_string_equal(l.feeds[1].tags[0], "tech");
	assert_string_equal(l.feeds[1].tags[1], "two words");
	assert_string_equal(l.feeds[1].title, "Bee");
	assert_string_equal(l.feeds[2].url, "https://example.com/c.xml");
	assert_int_equal(l.feeds[2].n_tags, 1);
	assert_string_equal(l.feeds[3].url, "https://example.com/d.xml#frag");
	assert_true(l.feeds[3].hidden);
	assert_string_equal(l.feeds[3].title, "Title with \"q\"");
	assert_int_equal(l.feeds[4].kind, URLS_QUERY);
	assert_string_equal(l.feeds[4].url, "query:Unread:unread = \"yes\"");
	assert_int_equal(l.feeds[5].kind, URLS_FILE);
	assert_int_equal(l.feeds[5].line, 9);
	urls_list_free(&l);
}

static void
test_bad_lines_skipped(void **state)
{
	struct urls_list l;
	struct warns w;

	(void)state;
	parse("http://ok.example/1\n"
	    "\"http://bad.example/unterminated tag\n"
	    "not-a-url tag\n"
	    "gopher://old.example/\n"
	    "http:///nohost\n"
	    "http://ok.example/1 dup\n"
	    "http://ok.example/2", &l, &w);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.feeds[1].url, "http://ok.example/2");
	assert_int_equal(l.feeds[1].line, 7);
	assert_int_equal(w.n, 5);
	assert_int_equal(w.lines[0], 2);
	assert_non_null(strstr(w.msgs[0], "unterminated quote"));
	assert_int_equal(w.lines[1], 3);
	assert_non_null(strstr(w.msgs[1], "not a URL"));
	assert_int_equal(w.lines[2], 4);
	assert_int_equal(w.lines[3], 5);
	assert_int_equal(w.lines[4], 6);
	assert_non_null(strstr(w.msgs[4], "duplicate"));
	urls_list_free(&l);
}

static void
test_settings(void **state)
{
	struct urls_list l;
	struct warns w;
	const struct urls_settings *s;

	(void)state;
	parse("http://a.example/ @timeout=30 @connect-timeout=5 "
	    "@user-agent=\"Mozilla/5.0 (X11)\" @reload=60 @max-items=500 "
	    "@encoding=windows-1252 @max-size=2M @low-speed=100/10 "
	    "@proxy=http://127.0.0.1:3128 @ignore-cache @home tag\n"
	    "http://b.example/ @timeout=-3 @nosuch=1 @max-size=12x "
	    "@low-speed=5 keep\n", &l, &w);
	assert_int_equal(l.n, 2);
	s = &l.feeds[0].set;
	assert_int_equal(s->timeout, 30);
	assert_int_equal(s->connect_timeout, 5);
	assert_string_equal(s->user_agent, "Mozilla/5.0 (X11)");
	assert_int_equal(s->reload, 60);
	assert_int_equal(s->max_items, 500);
	assert_string_equal(s->encoding, "windows-1252");
	assert_int_equal(s->max_size, 2 * 1024 * 1024);
	assert_int_equal(s->low_speed_limit, 100);
	assert_int_equal(s->low_speed_time, 10);
	assert_string_equal(s->proxy, "http://127.0.0.1:3128");
	assert_true(s->ignore_cache);
	/* "@home" has no '=': an ordinary tag, as in newsboat. */
	assert_int_equal(l.feeds[0].n_tags, 2);
	assert_string_equal(l.feeds[0].tags[0], "@home");
	/* Bad settings are reported and ignored; the feed stays. */
	s = &l.feeds[1].set;
	assert_int_equal(s->timeout, URLS_UNSET);
	assert_int_equal(s->max_size, URLS_UNSET);
	assert_int_equal(s->low_speed_limit, URLS_UNSET);
	assert_int_equal(l.feeds[1].n_tags, 1);
	assert_int_equal(w.n, 4);
	assert_int_equal(w.lines[0], 2);
	urls_list_free(&l);
}

static void
test_format_roundtrip(void **state)
{
	static const char *lines[] = {
		"http://a.example/",
		"http://a.example/x \"~A \\\"title\\\"\" ! tag \"two words\"",
		"http://a.example/y \"#hash\" \"\\\\back\" \"@user-agent=a b\" "
		    "@timeout=9 @low-speed=1/2 @max-items=0 @ignore-cache",
		"\"query:Q:title =~ \\\"x\\\"\"",
	};
	struct urls_list l, l2;
	struct warns w;
	char *line;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		parse(lines[i], &l, &w);
		assert_int_equal(w.n, 0);
		assert_int_equal(l.n, 1);
		line = urls_format_line(&l.feeds[0]);
		parse(line, &l2, &w);
		assert_int_equal(w.n, 0);
		assert_int_equal(l2.n, 1);
		/* Formatting is a fixed point. */
		{
			char *again = urls_format_line(&l2.feeds[0]);

			assert_string_equal(line, again);
			free(again);
		}
		assert_string_equal(l.feeds[0].url, l2.feeds[0].url);
		assert_int_equal(l.feeds[0].n_tags, l2.feeds[0].n_tags);
		free(line);
		urls_list_free(&l);
		urls_list_free(&l2);
	}
}

static void
test_kind_of(void **state)
{
	enum urls_kind k;

	(void)state;
	assert_int_equal(urls_kind_of("HTTPS://x.example/", &k), 0);
	assert_int_equal(k, URLS_HTTP);
	assert_int_equal(urls_kind_of("file:///a/b", &k), 0);
	assert_int_equal(k, URLS_FILE);
	assert_int_equal(urls_kind_of("file://host/a", &k), -1);
	assert_int_equal(urls_kind_of("http://", &k), -1);
	assert_int_equal(urls_kind_of("http://a b/", &k), -1);
	assert_int_equal(urls_kind_of("ftp://a/", &k), -1);
	assert_int_equal(urls_kind_of("exec:ls", &k), 0);
	assert_int_equal(k, URLS_EXEC);
}

static void
count_warn(void *ctx, const char *file, unsigned line, const char *msg)
{
	struct warns *w = ctx;

	(void)file;
	if (w->n < 16) {
		w->lines[w->n] = line;
		snprintf(w->msgs[w->n], sizeof(w->msgs[0]), "%s", msg);
	}
	w->n++;
	w->last_line = line;
	snprintf(w->last, sizeof(w->last), "%s", msg);
}

/* Control characters: never in a URL, never written in any token. */
static void
test_controls(void **state)
{
	static const char *bad[] = { "a\nb", "a\tb", "a\rb", "a\x7f",
	    "a\xc2\x85" };
	struct urls_feed f;
	enum urls_kind k;
	const char *why;
	size_t i;

	(void)state;
	assert_int_equal(urls_kind_of("exec:true\nhttp://x.example/", &k), -1);
	assert_int_equal(urls_kind_of("query:a\tb", &k), -1);
	assert_int_equal(urls_kind_of("http://x.example/\xc2\x9b", &k), -1);
	assert_false(urls_has_control("caf\xc3\xa9 \xe2\x80\x94 ok"));
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		assert_true(urls_has_control(bad[i]));
		urls_feed_init(&f);
		f.url = xstrdup("http://x.example/");
		f.title = xstrdup(bad[i]);
		assert_int_equal(urls_feed_check(&f, &why), -1);
		assert_string_equal(why, "control character in the title");
		free(f.title);
		f.title = NULL;
		assert_int_equal(urls_feed_check(&f, &why), 0);
		(void)urls_feed_add_tag(&f, bad[i]);
		assert_int_equal(urls_feed_check(&f, &why), -1);
		urls_feed_clear(&f);
	}
	/* A line longer than URLS_MAX_LINE is not written either. */
	urls_feed_init(&f);
	f.url = xstrdup("http://x.example/");
	f.title = xmalloc(URLS_MAX_LINE);
	memset(f.title, 'x', URLS_MAX_LINE - 1);
	f.title[URLS_MAX_LINE - 1] = '\0';
	assert_int_equal(urls_feed_check(&f, &why), -1);
	urls_feed_clear(&f);
}

/* Limits: tags per feed, line length, warnings per file; URL lookups. */
static void
test_limits(void **state)
{
	struct urls_list l;
	struct warns w;
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b, SIZE_MAX);
	buf_addstr(&b, "http://t.example/");
	for (i = 0; i < 150; i++)
		buf_addf(&b, " t%zu t%zu", i, i);
	buf_addch(&b, '\n');
	memset(&w, 0, sizeof(w));
	urls_list_init(&l);
	urls_parse(buf_str(&b), b.len, "t", &l, count_warn, &w);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.feeds[0].n_tags, URLS_MAX_TAGS);
	assert_string_equal(l.feeds[0].tags[99], "t99");
	assert_int_equal(w.n, 1);
	assert_string_equal(w.msgs[0],
	    "more than 100 tags: 't100' and the ones after it ignored");
	urls_list_free(&l);

	/* 30 bad lines, a long one, 2000 good ones and their duplicates. */
	buf_reset(&b);
	for (i = 0; i < 30; i++)
		buf_addf(&b, "ftp://%zu.example/\n", i);
	buf_addstr(&b, "http://long.example/ ");
	for (i = 0; i < URLS_MAX_LINE; i++)
		buf_addch(&b, 'x');
	buf_addch(&b, '\n');
	for (i = 0; i < 4000; i++)
		buf_addf(&b, "http://%zu.example/\n", i % 2000);
	memset(&w, 0, sizeof(w));
	urls_list_init(&l);
	urls_parse(buf_str(&b), b.len, "t", &l, count_warn, &w);
	assert_int_equal(l.n, 2000);
	for (i = 0; i < 2000; i++) {
		char url[64];

		snprintf(url, sizeof(url), "http://%zu.example/", i);
		assert_int_equal(urls_find(&l, url), (long)i);
	}
	assert_int_equal(urls_find(&l, "http://long.example/"), -1);
	/* 20 warnings, then the count of the other 2011. */
	assert_int_equal(w.n, 21);
	assert_int_equal(w.lines[15], 16);
	assert_int_equal(w.last_line, 0);
	assert_string_equal(w.last, "... and 2011 more problems");
	urls_list_free(&l);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newsboat_basics),
		cmocka_unit_test(test_bad_lines_skipped),
		cmocka_unit_test(test_settings),
		cmocka_unit_test(test_format_roundtrip),
		cmocka_unit_test(test_kind_of),
		cmocka_unit_test(test_controls),
		cmocka_unit_test(test_limits),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
