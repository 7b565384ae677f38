/* test_url: resolution (RFC 3986 section 5.4 examples), hosts, schemes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "url.h"

static const struct {
	const char	*base;
	const char	*ref;
	const char	*want;
} cases[] = {
	/* RFC 3986 5.4.1 normal examples. */
	{ "http://a/b/c/d;p?q", "g", "http://a/b/c/g" },
	{ "http://a/b/c/d;p?q", "./g", "http://a/b/c/g" },
	{ "http://a/b/c/d;p?q", "g/", "http://a/b/c/g/" },
	{ "http://a/b/c/d;p?q", "/g", "http://a/g" },
	{ "http://a/b/c/d;p?q", "//g", "http://g/" },
	{ "http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y" },
	{ "http://a/b/c/d;p?q", "g?y", "http://a/b/c/g?y" },
	{ "http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s" },
	{ "http://a/b/c/d;p?q", "g#s", "http://a/b/c/g#s" },
	{ "http://a/b/c/d;p?q", "g?y#s", "http://a/b/c/g?y#s" },
	{ "http://a/b/c/d;p?q", ";x", "http://a/b/c/;x" },
	{ "http://a/b/c/d;p?q", "g;x", "http://a/b/c/g;x" },
	{ "http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q" },
	{ "http://a/b/c/d;p?q", ".", "http://a/b/c/" },
	{ "http://a/b/c/d;p?q", "./", "http://a/b/c/" },
	{ "http://a/b/c/d;p?q", "..", "http://a/b/" },
	{ "http://a/b/c/d;p?q", "../", "http://a/b/" },
	{ "http://a/b/c/d;p?q", "../g", "http://a/b/g" },
	{ "http://a/b/c/d;p?q", "../..", "http://a/" },
	{ "http://a/b/c/d;p?q", "../../g", "http://a/g" },
	/* 5.4.2 abnormal examples. */
	{ "http://a/b/c/d;p?q", "../../../g", "http://a/g" },
	{ "http://a/b/c/d;p?q", "/./g", "http://a/g" },
	{ "http://a/b/c/d;p?q", "/../g", "http://a/g" },
	{ "http://a/b/c/d;p?q", "g.", "http://a/b/c/g." },
	{ "http://a/b/c/d;p?q", "..g", "http://a/b/c/..g" },
	{ "http://a/b/c/d;p?q", "./g/.", "http://a/b/c/g/" },
	{ "http://a/b/c/d;p?q", "g/../h", "http://a/b/c/h" },
	{ "http://a/b/c/d;p?q", "g;x=1/../y", "http://a/b/c/y" },
	/* Feed-shaped. */
	{ "https://example.org/blog/feed.xml", "posts/1.html",
	    "https://example.org/blog/posts/1.html" },
	{ "https://example.org/blog/feed.xml", "\n  /img/a.png\n ",
	    "https://example.org/img/a.png" },
	{ "https://example.org/blog/feed.xml#top", "#c2",
	    "https://example.org/blog/feed.xml#c2" },
	{ "https://example.org/blog/", "https://other.net/x?y=1",
	    "https://other.net/x?y=1" },
	{ "https://example.org/", "HTTP://other.net/x", "HTTP://other.net/x" },
	{ "https://example.org/", "https://other.net", "https://other.net" },
	{ "https://example.org/", "https://other.net/a/../b", "https://other.net/a/../b" },
	{ "https://example.org/", "mailto:someone@example.org",
	    "mailto:someone@example.org" },
	{ "https://example.org/", "tag:example.org,2024:1",
	    "tag:example.org,2024:1" },
	{ "https://example.org/a/", "b c.html",
	    "https://example.org/a/b%20c.html" },
	{ "https://example.org/a/", "b%20c.html",
	    "https://example.org/a/b%20c.html" },
	{ "file:///srv/feeds/feed.xml", "img.png", "file:///srv/feeds/img.png" },
	{ "http://[::1]:8080/f/feed", "../x", "http://[::1]:8080/x" },
	/* libcurl decodes a host's escapes: bytes that are not UTF-8 are
	   escaped again, UTF-8 is kept. */
	{ "http://%base.example.org/blog/", "index.html",
	    "http://%BAse.example.org/blog/index.html" },
	{ "http://%c3%a9.example.org/", "x", "http://\xc3\xa9.example.org/x" },
	{ "http://%c3.example.org/", "x", "http://%C3.example.org/x" },
	/* No usable base: the reference, trimmed. */
	{ NULL, "relative/path", "relative/path" },
	{ NULL, " https://example.org/ ", "https://example.org/" },
	{ "not a url", "relative", "relative" },
	{ "", "relative", "relative" },
};

static void
test_resolve(void **state)
{
	size_t i, bad = 0;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = url_resolve(cases[i].base, cases[i].ref);
		if (got == NULL || strcmp(got, cases[i].want) != 0) {
			print_error("url_resolve(%s, \"%s\") = %s, want %s\n",
			    cases[i].base ? cases[i].base : "NULL",
			    cases[i].ref, got ? got : "NULL", cases[i].want);
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
	assert_null(url_resolve("http://a/", NULL));
}

static void
test_is_web(void **state)
{
	(void)state;
	assert_true(url_is_web("http://example.org/"));
	assert_true(url_is_web("HTTPS://Example.org/feed?x=1"));
	assert_true(url_is_web("http://127.0.0.1:8080/f"));
	assert_false(url_is_web("ftp://example.org/"));
	assert_false(url_is_web("file:///etc/passwd"));
	assert_false(url_is_web("javascript:alert(1)"));
	assert_false(url_is_web("mailto:a@b"));
	assert_false(url_is_web("/relative"));
	assert_false(url_is_web("example.org"));
	assert_false(url_is_web("http://"));
	assert_false(url_is_web(""));
	assert_false(url_is_web(NULL));
}

static void
test_host_scheme(void **state)
{
	char *s;

	(void)state;
	s = url_host("https://WWW.Example.ORG:8443/x");
	assert_non_null(s);
	assert_string_equal(s, "www.example.org");
	free(s);
	s = url_host("http://127.0.0.1:99/");
	assert_string_equal(s, "127.0.0.1");
	free(s);
	assert_null(url_host("relative/path"));
	assert_null(url_host(NULL));
	s = url_scheme("HTTPS://example.org/");
	assert_string_equal(s, "https");
	free(s);
	assert_true(url_has_scheme("tag:x"));
	assert_true(url_has_scheme("svn+ssh://x"));
	assert_false(url_has_scheme("a/b:c"));
	assert_false(url_has_scheme("1http://x"));
	assert_false(url_has_scheme("noscheme"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_is_web),
		cmocka_unit_test(test_host_scheme),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
