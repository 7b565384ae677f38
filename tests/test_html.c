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
	struct html_opts o = { .width = width, .base = base, .flags = flags };
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
	/* pre: verbatim, tabs expanded; a line wider than the width is cut
	   with a mark at the end of each piece, no character lost. */
	{ "<pre>  x\ty\n\n  z</pre>", 80, "  x     y\n\n  z" },
	{ "<pre>a very long line that is cut</pre>", 10,
	    "a very lo\xe2\x86\xa9\nng line t\xe2\x86\xa9\nhat is cut" },
	{ "<pre>0123456789</pre>", 10, "0123456789" },
	{ "<pre>01234567890</pre>", 10,
	    "012345678\xe2\x86\xa9\n90" },
	{ "<pre>a   \tb  c</pre>", 10, "a       b\xe2\x86\xa9\n  c" },
	/* A wide character never straddles the cut. */
	{ "<pre>abcdefgh\xe6\x97\xa5\xe6\x9c\xac</pre>", 10,
	    "abcdefgh\xe2\x86\xa9\n\xe6\x97\xa5\xe6\x9c\xac" },
	{ "<blockquote><pre>0123456789</pre></blockquote>", 10,
	    "> 0123456\xe2\x86\xa9\n> 789" },
	{ "<pre>&#27;[31mred&#x1b;[0m\tx</pre>", 80, "red     x" },
	/* br, hr. */
	{ "a<br>b<br/><br>c", 80, "a\nb\n\nc" },
	{ "<p>a</p><hr><p>b</p>", 10, "a\n\n----------\n\nb" },
	/* Images: numbered, with their alt text. */
	{ "<p>see <img alt=\"A  cat\" src=\"c.png\"> here</p>", 80,
	    "see [image 1: A cat] here" },
	{ "<img src=\"c.png\">", 80, "[image 1]" },
	{ "<img alt=\"\" src=\"c.png\">", 80, "[image 1]" },
	{ "<img alt=\"x\">", 80, "[image: x]" },
	{ "<img alt=\"lazy\" src=\" \" data-src=\"l.png\">", 80,
	    "[image 1: lazy]" },
	{ "<img alt=\"d\" src=\"data:image/png;base64,AAAA\">", 80,
	    "[image: d]" },
	/* Embedded media: numbered, their kind said, fallback kept. */
	{ "<iframe src=\"https://www.youtube.com/embed/x\" title=\"A  talk\">"
	    "<p>no frames</p></iframe>", 80, "[iframe 1: A talk]" },
	{ "<video src=\"v.webm\"><source src=\"v.mp4\" type=\"video/mp4\">"
	    "<source src=\"v.webm\">Get <a href=\"v.mp4\">the file</a>."
	    "</video>", 80, "[video 1, 2] Get the file[2]." },
	{ "<audio controls><source src=\"a.ogg\"></audio> after", 80,
	    "[audio 1] after" },
	{ "<object data=\"m.swf\"><param name=\"movie\" value=\"m.swf\">"
	    "<embed src=\"m.swf\">Flash needed</object>", 80,
	    "[object 1] Flash needed" },
	{ "<object><param name=\"movie\" value=\"p.swf\"></object>"
	    "<embed src=\"e.swf\">", 80, "[object 1] [embed 2]" },
	{ "<video></video><iframe></iframe>", 80, "[video] [iframe]" },
	/* Tables: aligned columns, a header underlined, a colspan
	   spanning its columns; cells keep their blocks. */
	{ "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><p>2</p>"
	    "<p>3</p></td></tr></table><p>after</p>", 80,
	    "A | B\n--+--\n1 | 2\n  |\n  | 3\n\nafter" },
	{ "<table><tr><td>Name</td><td>Size</td><td>Date</td></tr>"
	    "<tr><td colspan=2>a wide spanning cell</td><td>now</td></tr>"
	    "<tr><td>x</td><td>1</td><td>2</td></tr></table>", 80,
	    "Name | Size          | Date\n"
	    "a wide spanning cell | now\n"
	    "x    | 1             | 2" },
	{ "<table><tr><td rowspan=2>tall</td><td>a</td></tr><tr><td>b</td>"
	    "</tr><tr><td>c</td><td>d</td></tr></table>", 80,
	    "tall | a\n     | b\nc    | d" },
	{ "<table><tr><td>x</td><td><table><tr><td>a</td><td>b</td></tr>"
	    "</table></td></tr></table>", 80, "x | a : b" },
	{ "<table><caption>Cap</caption><tr><td></td></tr><tr><td>a</td>"
	    "</tr></table>", 80, "Cap\na" },
	/* Columns narrowed to their longest word, cells wrapped. */
	{ "<table><tr><td>one</td><td>two three four five six</td></tr>"
	    "</table>", 20, "one | two three four\n    | five six" },
	/* Cannot fit: one cell a line, after its header. */
	{ "<table><tr><th>Word</th><th>Other</th></tr>"
	    "<tr><td>abcdefghijkl</td><td>mnopqrstuvwx</td></tr>"
	    "<tr><td>a</td><td>b</td></tr></table>", 20,
	    "Word: abcdefghijkl\nOther: mnopqrstuvwx\n\nWord: a\nOther: b" },
	{ "<table><tr><td>abcdefghijkl</td><td>mnopqrstuvwx</td></tr>"
	    "</table>", 20, "abcdefghijkl\nmnopqrstuvwx" },
	/* Entities. */
	{ "<p>&eacute;t&eacute; &amp; &lt;b&gt; &rsquo;x&hellip; &#233;"
	    "&#x1F600;</p>", 80,
	    "\xc3\xa9t\xc3\xa9 & <b> \xe2\x80\x99x\xe2\x80\xa6 \xc3\xa9"
	    "\xf0\x9f\x98\x80" },
	{ "a&nbsp;b", 80, "a\xc2\xa0" "b" },
	/* Dropped: head, script, style, and more. */
	{ "<head><title>T</title><style>p{color:red}</style></head><body>"
	    "<script>alert(1)</script><p>ok</p><noscript>no</noscript>"
	    "<canvas>c</canvas></body>", 80, "ok" },
	/* Escape sequences from text, entities and attributes. */
	{ "<p>a&#27;[31mb&#27;]52;c;ZXZpbA==&#7;c&#x1b;P1$r&#x1b;\\d</p>", 80,
	    "abcd" },
	{ "<img alt=\"x&#27;]8;;http://e/&#27;\\y\">", 80, "[image: xy]" },
	/* gumbo itself turns raw control bytes into U+FFFD. */
	{ "<p>a\x1b[2Jb\xc2\x9b" "2Jc</p>", 80,
	    "a\xef\xbf\xbd[2Jb\xef\xbf\xbd" "2Jc" },
	{ "<p>\xe2\x80\xae" "abc\xe2\x81\xa6</p>", 80, "abc" },
	/* Bold and italic add no characters; code, deletions and scripts
	   are marked so their meaning survives. */
	{ "<p><b>bold</b> <i>it</i></p>", 80, "bold it" },
	{ "<p>call <code> c() </code>, <kbd><kbd>Ctrl</kbd>+<kbd>C</kbd>"
	    "</kbd><code></code>.</p>", 80, "call `c()` , `Ctrl+C`." },
	{ "<pre>in <code>pre</code></pre>", 80, "in pre" },
	{ "<p><del>old</del> <s>price</s><strike>x</strike></p>", 80,
	    "~~old~~ ~~price~~~~x~~" },
	{ "<p>H<sub>2</sub>O, x<sup>2</sup>, e<sup>-(n+1)</sup>, "
	    "x<sub>n</sub></p>", 80, "H\xe2\x82\x82O, x\xc2\xb2, "
	    "e\xe2\x81\xbb\xe2\x81\xbd\xe2\x81\xbf\xe2\x81\xba"
	    "\xc2\xb9\xe2\x81\xbe, x\xe2\x82\x99" },
	{ "<p>1<sup>st</sup>, x<sup>a b</sup>, y<sub>big</sub>, "
	    "y<sub>max</sub></p>", 80, "1^st, x^(a b), y_big, "
	    "y\xe2\x82\x98\xe2\x82\x90\xe2\x82\x93" },
	{ "<p>note<sup><a href=\"#f1\">1</a></sup></p>", 80,
	    "note\xc2\xb9[1]" },
};

static void
test_render_table(void **state)
{
	size_t i, bad = 0;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = render(cases[i].html, cases[i].width, 0, NULL);
		if (strcmp(s, cases[i].want) != 0) {
			print_error("case %zu: %s\n-- got\n%s\n-- want\n%s\n",
			    i, cases[i].html, s, cases[i].want);
			bad++;
		}
		free(s);
	}
	if (bad > 0)
		fail_msg("%zu cases failed", bad);
}

static void
test_links(void **state)
{
	const char *html = "<p><a href=\"http://a.example/\">one</a> "
	    "<a href=\" http://b.example/x \">two</a> "
	    "<a href=\"http://a.example/\">again</a> "
	    "<a href=\"javascript:alert(1)\">js</a> <a name=\"x\">anchor</a> "
	    "<a href=\"http://c.example/\"><img alt=\"pic\"></a></p>";
	struct html_opts o = { .width = 80, .base = NULL, .flags = HTML_RENDER_LINK_LIST };
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
	struct html_opts o = { .width = 40, .base = NULL, .flags = HTML_RENDER_LINK_LIST };
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
	struct html_opts o = { .width = 0, .base = NULL, .flags = 0 };
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
	struct html_opts o = { .width = 80, .base = NULL, .flags = 0 };
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
	struct html_opts o = { .width = 20, .base = NULL, .flags = HTML_RENDER_LINK_LIST };
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
	struct html_opts o = { .width = 80, .base = "https://ex.org/a/b.html", .flags = 0 };
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

/* The pieces of the link list lines after "[n]: ", joined. */
static char *
listed_url(const struct html_doc *d, size_t n)
{
	struct buf b;
	char label[32];
	size_t i, k, ll;

	buf_init(&b, BUF_CAP_BODY);
	ll = (size_t)snprintf(label, sizeof(label), "[%zu]: ", n);
	for (i = 0; i < d->nlines; i++)
		if (strncmp(d->lines[i].text, label, ll) == 0)
			break;
	if (i == d->nlines)
		return (buf_detach(&b));
	(void)buf_addstr(&b, d->lines[i].text + ll);
	/* Continuation lines are indented; the next entry is not. */
	for (i++; i < d->nlines && d->lines[i].text[0] == ' '; i++) {
		k = strspn(d->lines[i].text, " ");
		if (d->lines[i].text[k] == '(')
			break;	/* the note */
		(void)buf_addstr(&b, d->lines[i].text + k);
	}
	return (buf_detach(&b));
}

/* Long URLs in the list wrap to the width, every character kept. */
static void
test_link_list_wrap(void **state)
{
	const char *url = "https://example.org/a/very/long/path/that/goes/"
	    "on/and/on/index.html?query=string&more=params&even=more#frag";
	struct html_opts o = { .width = 30, .flags = HTML_RENDER_LINK_LIST };
	struct html_doc *d;
	struct buf html;
	char *got;
	size_t i, j, w;

	(void)state;
	buf_init(&html, BUF_CAP_BODY);
	(void)buf_addf(&html, "<a href=\"%s\">long</a> <a href=\"/s\">s</a> "
	    "<video src=\"%s.mp4\"></video>", url, url);
	for (w = 10; w <= 40; w += 3) {
		o.width = w;
		d = html_render(html.data, html.len, &o);
		for (i = 0; i < d->nlines; i++)
			if (d->lines[i].width > w)
				fail_msg("width %zu: \"%s\"", w,
				    d->lines[i].text);
		got = listed_url(d, 1);
		assert_string_equal(got, url);
		free(got);
		got = listed_url(d, 2);
		assert_string_equal(got, "/s");
		free(got);
		/* Every piece of URL 1 links to it. */
		for (i = 0; i < d->nlines; i++)
			for (j = 0; j < d->lines[i].nspans; j++)
				if ((d->lines[i].spans[j].attr &
				    HTML_ATTR_LINK) && strncmp(d->lines[i].text,
				    "[1]: ", 5) == 0)
					assert_int_equal(
					    d->lines[i].spans[j].link, 1);
		html_doc_free(d);
	}
	o.width = 30;
	d = html_render(html.data, html.len, &o);
	got = render(html.data, 30, HTML_RENDER_LINK_LIST, NULL);
	assert_string_equal(got, "long[1] s[2] [video 3]\n\n"
	    "[1]: https://example.org/a/ver\n"
	    "     y/long/path/that/goes/on/\n"
	    "     and/on/index.html?query=s\n"
	    "     tring&more=params&even=mo\n"
	    "     re#frag\n"
	    "[2]: /s\n"
	    "[3]: https://example.org/a/ver\n"
	    "     y/long/path/that/goes/on/\n"
	    "     and/on/index.html?query=s\n"
	    "     tring&more=params&even=mo\n"
	    "     re#frag.mp4 (video)");
	free(got);
	assert_int_equal(d->nlinks, 3);
	assert_string_equal(d->notes[2], "video");
	assert_null(d->notes[0]);
	html_doc_free(d);
	buf_free(&html);
}

/* Enclosures join the links, with their type and size. */
static void
test_enclosures(void **state)
{
	char u1[] = "https://cdn.example/ep1.mp3", t1[] = "audio/mpeg";
	char u2[] = "https://cdn.example/ep1.txt";
	char u3[] = "https://example.org/body", t3[] = "text/html";
	char t4[] = "x/y", u5[] = "javascript:alert(1)";
	const struct enclosure e[] = {
		{ u1, t1, 12345678 },
		{ u2, NULL, 820 },
		{ u3, t3, -1 },
		{ NULL, t4, 1 },
		{ u5, NULL, -1 },
	};
	struct html_opts o = { .width = 80, .flags = HTML_RENDER_LINK_LIST,
	    .enclosures = e, .nenclosures = 5 };
	const char *html = "<p><a href=\"https://example.org/body\">b</a></p>";
	struct html_doc *d;
	struct buf b;
	size_t i;

	(void)state;
	d = html_render(html, strlen(html), &o);
	buf_init(&b, BUF_CAP_BODY);
	for (i = 0; i < d->nlines; i++)
		(void)buf_addf(&b, "%s\n", d->lines[i].text);
	/* A body link that is an enclosure too keeps its number. */
	assert_string_equal(b.data, "b[1]\n\n"
	    "[1]: https://example.org/body (enclosure, text/html)\n"
	    "[2]: https://cdn.example/ep1.mp3 (enclosure, audio/mpeg, "
	    "12.3 MB)\n"
	    "[3]: https://cdn.example/ep1.txt (enclosure, 820 bytes)\n");
	html_doc_free(d);
	/* A plain-text body lists them too. */
	d = html_render_text("just text", 9, &o);
	buf_reset(&b);
	for (i = 0; i < d->nlines; i++)
		(void)buf_addf(&b, "%s\n", d->lines[i].text);
	assert_string_equal(b.data, "just text\n\n"
	    "[1]: https://cdn.example/ep1.mp3 (enclosure, audio/mpeg, "
	    "12.3 MB)\n"
	    "[2]: https://cdn.example/ep1.txt (enclosure, 820 bytes)\n"
	    "[3]: https://example.org/body (enclosure, text/html)\n");
	assert_int_equal(d->nlinks, 3);
	html_doc_free(d);
	buf_free(&b);
}

/* HTML_RENDER_ASCII: the marks the renderer adds are ASCII. */
static void
test_ascii(void **state)
{
	char *s;

	(void)state;
	s = render("<pre>0123456789ab</pre><p>H<sub>2</sub>O x<sup>2</sup>"
	    "</p>", 10, HTML_RENDER_ASCII, NULL);
	assert_string_equal(s, "012345678\\\n9ab\n\nH_2O x^2");
	free(s);
}

/* Whatever the markup, no line is wider than the width. */
static void
test_never_wider(void **state)
{
	static const char *docs[] = {
		"<table><tr><th>Feature</th><th>Description</th><th>Since"
		"</th></tr><tr><td>Wrapping</td><td>Long lines in pre blocks "
		"are cut at the edge and continued.</td><td>1.2</td></tr>"
		"<tr><td colspan=3><pre>a pre line in a cell, long enough "
		"to be cut more than once</pre></td></tr></table>",
		"<table><tr><td><table><tr><td>nested one two three</td><td>"
		"<table><tr><td>deeper</td><td><table><tr><td>deepest</td>"
		"<td>and more words</td></tr></table></td></tr></table>"
		"</td></tr></table></td><td>x</td></tr></table>",
		"<ul><li><blockquote><pre>\tindented pre line inside a "
		"quote inside a list item</pre></blockquote></li></ul>",
		"<table><tr><td>\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
		"\xe6\x97\xa5\xe6\x9c\xac</td><td>\xe8\xaa\x9e\xe3\x81"
		"\xae\xe3\x83\x86</td><td><img alt=\"an image with a long alt"
		"\" src=x></td></tr></table>",
		"<p><a href=\"http://x.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaaaaaa\">x</a><iframe src=\"http://y/\" "
		"title=\"a title with several words\"></iframe></p>",
	};
	struct html_opts o = { .flags = HTML_RENDER_LINK_LIST };
	struct html_doc *d;
	size_t w, i, k, j;

	(void)state;
	for (k = 0; k < sizeof(docs) / sizeof(docs[0]); k++)
		for (w = 10; w <= 80; w++) {
			o.width = w;
			d = html_render(docs[k], strlen(docs[k]), &o);
			for (i = 0; i < d->nlines; i++) {
				if (d->lines[i].width > w)
					fail_msg("doc %zu, width %zu: \"%s\"",
					    k, w, d->lines[i].text);
				assert_int_equal(d->lines[i].width,
				    text_width(d->lines[i].text));
				for (j = 0; j < d->lines[i].nspans; j++)
					assert_true(d->lines[i].spans[j].off +
					    d->lines[i].spans[j].len <=
					    strlen(d->lines[i].text));
			}
			html_doc_free(d);
		}
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
		cmocka_unit_test(test_link_list_wrap),
		cmocka_unit_test(test_enclosures),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_never_wider),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("1..0 # SKIP no C.UTF-8 locale\n");
		return (0);
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
