/* test_html: html_to_text and the article renderer. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "html.h"
#include "text.h"
#include "xmalloc.h"

/* The rendered lines joined with '\n'. */
static char *
render(const char *html, size_t width, unsigned flags, const char *base)
{
	struct html_opts o = { width, base, flags };
	struct html_doc *d;
	struct buf b;
	size_t i;

	d = html_render(html, strlen(html), &o);
	buf_init(&b, BUF_CAP_BODY);
	for (i = 0; i < d->nlines; i++) {
		if (i > 0)
			(void)buf_addch(&b, '\n');
		(void)buf_addstr(&b, d->lines[i].text);
		assert_int_equal(d->lines[i].width,
		    text_width(d->lines[i].text));
	}
	html_doc_free(d);
	return (buf_detach(&b));
}

struct case_ {
	const char	*html;
	size_t		 width;
	const char	*want;
};

static const struct case_ cases[] = {
	{ "<p>Hello   \n world</p><p>Second</p>", 80,
	    "Hello world\n\nSecond" },
	{ "plain text, no tags", 80, "plain text, no tags" },
	{ "", 80, "" },
	/* Headings: underlined or prefixed, never colour only. */
	{ "<h1>Title</h1><p>x</p>", 80, "Title\n=====\n\nx" },
	{ "<h2>Sub title</h2>", 80, "Sub title\n---------" },
	{ "<h3>Third</h3><h4>Fourth</h4>", 80, "### Third\n\n#### Fourth" },
	/* Lists. */
	{ "<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul>", 80,
	    "* one\n* two\n  - inner" },
	{ "<ol start=\"3\"><li>a</li><li>b</li></ol>", 80, "3. a\n4. b" },
	{ "<p>x</p><ul><li>aaa bbb ccc</li></ul><p>y</p>", 10,
	    "x\n\n* aaa bbb\n  ccc\n\ny" },
	{ "<ol><li><p>para</p></li></ol>", 80, "1. para" },
	{ "<dl><dt>term</dt><dd>definition</dd></dl>", 80,
	    "term\n    definition" },
	/* Blockquotes, nested. */
	{ "<p>a</p><blockquote><p>b</p><blockquote>c</blockquote></blockquote>"
	    "<p>d</p>", 80, "a\n\n> b\n>\n> > c\n\nd" },
	{ "<blockquote>one two three four</blockquote>", 12,
	    "> one two\n> three four" },
	/* pre: verbatim, tabs expanded, not wrapped. */
	{ "<pre>  x\ty\n\n  z</pre>", 80, "  x     y\n\n  z" },
	{ "<pre>a very long line that is not wrapped</pre>", 10,
	    "a very long line that is not wrapped" },
	{ "<pre>&#27;[31mred&#x1b;[0m\tx</pre>", 80, "red     x" },
	/* br, hr. */
	{ "a<br>b<br/><br>c", 80, "a\nb\n\nc" },
	{ "<p>a</p><hr><p>b</p>", 10, "a\n\n----------\n\nb" },
	/* Images. */
	{ "<p>see <img alt=\"A  cat\" src=\"c.png\"> here</p>", 80,
	    "see [image: A cat] here" },
	{ "<img src=\"c.png\">", 80, "[image]" },
	{ "<img alt=\"\" src=\"c.png\">", 80, "[image]" },
	/* Tables. */
	{ "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><p>2</p>"
	    "<p>3</p></td></tr></table><p>after</p>", 80,
	    "A | B\n1 | 2 3\n\nafter" },
	/* Entities. */
	{ "<p>&eacute;t&eacute; &amp; &lt;b&gt; &rsquo;x&hellip; &#233;"
	    "&#x1F600;</p>", 80,
	    "\xc3\xa9t\xc3\xa9 & <b> \xe2\x80\x99x\xe2\x80\xa6 \xc3\xa9"
	    "\xf0\x9f\x98\x80" },
	{ "a&nbsp;b", 80, "a\xc2\xa0" "b" },
	/* Dropped: head, script, style, and more. */
	{ "<head><title>T</title><style>p{color:red}</style></head><body>"
	    "<script>alert(1)</script><p>ok</p><noscript>no</noscript>"
	    "<iframe src=x>frame</iframe></body>", 80, "ok" },
	/* Escape sequences from text, entities and attributes. */
	{ "<p>a&#27;[31mb&#27;]52;c;ZXZpbA==&#7;c&#x1b;P1$r&#x1b;\\d</p>", 80,
	    "abcd" },
	{ "<img alt=\"x&#27;]8;;http://e/&#27;\\y\">", 80, "[image: xy]" },
	/* gumbo itself turns raw control bytes into U+FFFD. */
	{ "<p>a\x1b[2Jb\xc2\x9b" "2Jc</p>", 80,
	    "a\xef\xbf\xbd[2Jb\xef\xbf\xbd" "2Jc" },
	{ "<p>\xe2\x80\xae" "abc\xe2\x81\xa6</p>", 80, "abc" },
	/* Inline formatting adds no characters. */
	{ "<p><b>bold</b> <i>it</i> <code>c()</code></p>", 80,
	    "bold it c()" },
};

static void
test_render_table(void **state)
{
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = render(cases[i].html, cases[i].width, 0, NULL);
		if (strcmp(s, cases[i].want) != 0)
			fail_msg("case %zu: got\n%s\n-- want\n%s", i, s,
			    cases[i].want);
		free(s);
	}
}

static void
test_links(void **state)
{
	const char *html = "<p><a href=\"http://a.example/\">one</a> "
	    "<a href=\" http://b.example/x \">two</a> "
	    "<a href=\"http://a.example/\">again</a> "
	    "<a href=\"javascript:alert(1)\">js</a> <a name=\"x\">anchor</a> "
	    "<a href=\"http://c.example/\"><img alt=\"pic\"></a></p>";
	struct html_opts o = { 80, NULL, HTML_RENDER_LINK_LIST };
	struct html_doc *d;
	const struct html_line *l;
	char *s;

	(void)state;
	s = render(html, 80, HTML_RENDER_LINK_LIST, NULL);
	assert_string_equal(s, "one[1] two[2] again[1] js anchor "
	    "[image: pic][3]\n\n"
	    "[1]: http://a.example/\n[2]: http://b.example/x\n"
	    "[3]: http://c.example/");
	free(s);

	d = html_render(html, strlen(html), &o);
	assert_int_equal(d->nlinks, 3);
	assert_string_equal(d->links[1], "http://b.example/x");
	l = &d->lines[0];
	/* "one[1]" is one link span with number 1. */
	assert_true(l->nspans >= 3);
	assert_int_equal(l->spans[0].off, 0);
	assert_int_equal(l->spans[0].len, 6);
	assert_int_equal(l->spans[0].attr, HTML_ATTR_LINK);
	assert_int_equal(l->spans[0].link, 1);
	/* The link list line: marker then the URL as link 2. */
	l = &d->lines[3];
	assert_string_equal(l->text, "[2]: http://b.example/x");
	assert_int_equal(l->spans[1].attr, HTML_ATTR_LINK);
	assert_int_equal(l->spans[1].link, 2);
	assert_int_equal(l->spans[1].off, 5);
	html_doc_free(d);

	/* Without the flag: numbers inline, no list. */
	s = render(html, 80, 0, NULL);
	assert_null(strstr(s, "[1]:"));
	free(s);
}

static void
test_attrs(void **state)
{
	const char *html = "<h1>Big</h1><p>x <b>bold</b> <em>it</em></p>"
	    "<blockquote>q</blockquote><pre>p</pre><h3>h</h3>";
	struct html_doc *d;

	(void)state;
	d = html_render(html, strlen(html), NULL);
	assert_int_equal(d->nlines, 10);
	assert_string_equal(d->lines[0].text, "Big");
	assert_true(d->lines[0].attr & HTML_ATTR_HEADING);
	assert_int_equal(d->lines[0].level, 1);
	assert_true(d->lines[1].attr & HTML_ATTR_HEADING);	/* === */
	assert_string_equal(d->lines[3].text, "x bold it");
	assert_int_equal(d->lines[3].nspans, 2);
	assert_int_equal(d->lines[3].spans[0].off, 2);
	assert_int_equal(d->lines[3].spans[0].len, 4);
	assert_int_equal(d->lines[3].spans[0].attr, HTML_ATTR_BOLD);
	assert_int_equal(d->lines[3].spans[1].attr, HTML_ATTR_ITALIC);
	assert_string_equal(d->lines[5].text, "> q");
	assert_true(d->lines[5].attr & HTML_ATTR_QUOTE);
	assert_int_equal(d->lines[5].spans[0].attr, HTML_ATTR_MARKER);
	assert_true(d->lines[7].attr & HTML_ATTR_PRE);
	assert_int_equal(d->lines[9].level, 3);
	html_doc_free(d);
}

static void
test_to_text(void **state)
{
	const char *mixed = "<p>Hello <b>world</b></p><ul><li>a</li>"
	    "<li>b</li></ul><script>evil()</script><style>x{}</style>  tail "
	    "&amp; <img alt=\"cat\">end<br>x&#27;[2Jy";
	const char *table = "<table><tr><td>a</td><td>b</td></tr></table>";
	char *s;

	(void)state;
	s = html_to_text(mixed, strlen(mixed));
	assert_string_equal(s, "Hello world\na\nb\ntail & cat end\nxy");
	free(s);
	s = html_to_text("", 0);
	assert_string_equal(s, "");
	free(s);
	s = html_to_text(NULL, 0);
	assert_string_equal(s, "");
	free(s);
	/* len is honoured: no NUL needed. */
	s = html_to_text("<p>abc</p>garbage", 10);
	assert_string_equal(s, "abc");
	free(s);
	s = html_to_text(table, strlen(table));
	assert_string_equal(s, "a b");
	free(s);
}

static char *
repeat(const char *open, const char *mid, const char *close, size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b, BUF_CAP_BODY);
	for (i = 0; i < n; i++)
		(void)buf_addstr(&b, open);
	(void)buf_addstr(&b, mid);
	for (i = 0; i < n; i++)
		(void)buf_addstr(&b, close);
	return (buf_detach(&b));
}

static void
test_hostile(void **state)
{
	struct html_doc *d;
	struct html_opts o = { 40, NULL, HTML_RENDER_LINK_LIST };
	char *html, *s, *big;
	size_t i;

	(void)state;
	/* 10k nested divs. */
	html = repeat("<div>", "deep", "</div>", 10000);
	s = render(html, 80, 0, NULL);
	assert_string_equal(s, "deep");
	free(s);
	s = html_to_text(html, strlen(html));
	assert_string_equal(s, "deep");
	free(s);
	free(html);
	/* 10k nested quotes and lists: indentation stops growing. */
	html = repeat("<blockquote>", "deep text here", "</blockquote>",
	    10000);
	d = html_render(html, strlen(html), &o);
	assert_int_equal(d->nlines, 1);
	assert_true(d->lines[0].width <= 40);
	assert_non_null(strstr(d->lines[0].text, "deep"));
	html_doc_free(d);
	free(html);
	html = repeat("<ul><li>", "item", "</li></ul>", 10000);
	d = html_render(html, strlen(html), &o);
	for (i = 0; i < d->nlines; i++)
		assert_true(d->lines[i].width <= 40);
	html_doc_free(d);
	free(html);
	/* Unclosed formatting elements. */
	html = repeat("<b><i><a href=x>", "t", "", 3000);
	d = html_render(html, strlen(html), &o);
	html_doc_free(d);
	free(html);
	/* Huge attribute values. */
	big = xmalloc(512 * 1024 + 1);
	memset(big, 'a', 512 * 1024);
	big[512 * 1024] = '\0';
	{
		struct buf b;

		buf_init(&b, BUF_CAP_BODY);
		(void)buf_addf(&b, "<a href=\"http://x/%s\">l</a>"
		    "<img alt=\"%s\"><p title=\"%s\">t</p>", big, big, big);
		d = html_render(b.data, b.len, &o);
		assert_int_equal(d->nlinks, 1);
		assert_int_equal(strlen(d->links[0]), 512 * 1024 + 9);
		html_doc_free(d);
		buf_free(&b);
	}
	free(big);
}

/* Every line fits the width, by display cells. */
static void
test_width_fits(void **state)
{
	const char *html = "<p>L\xe2\x80\x99\xc3\xa9volution de la "
	    "concurrence\xc2\xa0: de l\xe2\x80\x99" "espace \xc3\xa0 "
	    "l\xe2\x80\x99IA. \xc2\xab\xc2\xa0" "C\xe2\x80\x99" "est un petit "
	    "pas pour l\xe2\x80\x99homme\xc2\xa0\xc2\xbb, "
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83\x86"
	    "\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88\xf0\x9f\x98\x80</p>"
	    "<ul><li>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe6\x97\xa5\xe6\x9c"
	    "\xac\xe8\xaa\x9e</li></ul>";
	struct html_opts o = { 0, NULL, 0 };
	struct html_doc *d;
	size_t w, i;

	(void)state;
	for (w = 10; w <= 60; w++) {
		o.width = w;
		d = html_render(html, strlen(html), &o);
		for (i = 0; i < d->nlines; i++)
			if (d->lines[i].width > w)
				fail_msg("width %zu: \"%s\"", w,
				    d->lines[i].text);
		html_doc_free(d);
	}
}

/* Past HTML_MAX_INPUT the rest is left out, and the reader is told. */
static void
test_truncated(void **state)
{
	struct html_opts o = { 80, NULL, 0 };
	struct html_doc *d;
	char *html, want[80];
	size_t len;

	(void)state;
	html = repeat("<p>x</p>", "", "", HTML_MAX_INPUT / 8 + 1000);
	len = strlen(html);
	d = html_render(html, len, &o);
	(void)snprintf(want, sizeof(want), "[truncated: %zu bytes not shown]",
	    len - HTML_MAX_INPUT);
	assert_string_equal(d->lines[d->nlines - 1].text, want);
	assert_string_equal(d->lines[d->nlines - 3].text, "x");
	html_doc_free(d);
	free(html);
}

static void
test_plain_text(void **state)
{
	struct html_opts o = { 20, NULL, HTML_RENDER_LINK_LIST };
	const char *in = "\n\n  First line\nsecond   line, long enough "
	    "to wrap.\n\n\n\nNext \x1b[31mparagraph\x1b[0m.\n  \n";
	struct html_doc *d;

	(void)state;
	d = html_render_text(in, strlen(in), &o);
	assert_int_equal(d->nlines, 5);
	assert_string_equal(d->lines[0].text, "First line");
	assert_string_equal(d->lines[1].text, "second line, long");
	assert_string_equal(d->lines[2].text, "enough to wrap.");
	assert_string_equal(d->lines[3].text, "");
	assert_string_equal(d->lines[4].text, "Next paragraph.");
	assert_int_equal(d->nlinks, 0);
	html_doc_free(d);
	d = html_render_text(NULL, 0, NULL);
	assert_int_equal(d->nlines, 0);
	html_doc_free(d);
}

static void
test_resolve_and_many_links(void **state)
{
	struct html_opts o = { 80, "https://ex.org/a/b.html", 0 };
	struct html_doc *d;
	struct buf b;
	size_t i;
	char want[64];

	(void)state;
	buf_init(&b, BUF_CAP_BODY);
	(void)buf_addstr(&b, "<a href=\"../up\">u</a><a href=\"//cdn.ex/x\">"
	    "c</a><a href=\"?q=1\">q</a><a href=\"#frag\">f</a>");
	for (i = 0; i < 20000; i++)
		(void)buf_addf(&b, "<a href=\"/p/%zu\">%zu</a> ", i % 5000, i);
	d = html_render(b.data, b.len, &o);
	assert_int_equal(d->nlinks, 5004);
	assert_string_equal(d->links[0], "https://ex.org/up");
	assert_string_equal(d->links[1], "https://cdn.ex/x");
	assert_string_equal(d->links[2], "https://ex.org/a/b.html?q=1");
	assert_string_equal(d->links[3], "https://ex.org/a/b.html#frag");
	for (i = 0; i < 5000; i++) {
		(void)snprintf(want, sizeof(want), "https://ex.org/p/%zu", i);
		assert_string_equal(d->links[4 + i], want);
	}
	html_doc_free(d);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_table),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_attrs),
		cmocka_unit_test(test_to_text),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_width_fits),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_plain_text),
		cmocka_unit_test(test_resolve_and_many_links),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("1..0 # SKIP no C.UTF-8 locale\n");
		return (0);
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
