/*
 * test_feed: the streaming parser API.  The same document pushed whole
 * and in chunks of every small size must give the same items (the
 * charset converter and the repair filter carry state across chunks),
 * and the status and limits behave as feed.h says.
 */
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
#include "feed.h"

static int
collect(void *ctx, const struct item *it)
{
	struct buf *b = ctx;
	size_t i;

	buf_addf(b, "[%s|%s|%s|%s|%s|%lld|%lld|%s|%s", it->guid,
	    it->title ? it->title : "-", it->link ? it->link : "-",
	    it->author ? it->author : "-", it->content ? it->content : "-",
	    (long long)it->published, (long long)it->updated,
	    it->content_type, "");
	for (i = 0; i < it->n_enclosures; i++)
		buf_addf(b, "<%s %s %lld>", it->enclosures[i].url,
		    it->enclosures[i].type ? it->enclosures[i].type : "-",
		    (long long)it->enclosures[i].length);
	for (i = 0; i < it->n_categories; i++)
		buf_addf(b, "{%s}", it->categories[i]);
	buf_addstr(b, "]\n");
	return (0);
}

/* Parse doc pushed in chunks of size step (0: whole); returns the items
   and the feed line as one string. */
static char *
run(const char *doc, size_t len, size_t step, const char *charset,
    enum feed_status *st)
{
	struct feed_parse_opts opts;
	struct feed_sink sink;
	struct feed_parser *p;
	struct err err = ERR_INIT;
	const struct feed_meta *m;
	struct buf b;
	size_t off = 0, n;

	memset(&opts, 0, sizeof(opts));
	opts.charset = charset;
	opts.base_url = "http://base.example/dir/feed";
	buf_init(&b, (size_t)-1);
	sink.ctx = &b;
	sink.item = collect;
	p = feed_parser_new(&opts, &sink);
	while (off < len) {
		n = step == 0 || step > len - off ? len - off : step;
		if (feed_parser_push(p, doc + off, n) != 0)
			break;
		off += n;
	}
	*st = feed_parser_finish(p, &err);
	m = feed_parser_meta(p);
	buf_addf(&b, "feed %s|%s|%s|%s", m->format ? m->format : "-",
	    m->title ? m->title : "-", m->link ? m->link : "-",
	    m->description ? m->description : "-");
	feed_parser_free(p);
	return (buf_detach(&b));
}

static void
same_in_chunks(const char *doc, size_t len, const char *charset)
{
	enum feed_status st0, st;
	char *whole, *part;
	size_t step;

	whole = run(doc, len, 0, charset, &st0);
	assert_int_equal(st0, FEED_OK);
	for (step = 1; step <= 70; step++) {
		part = run(doc, len, step, charset, &st);
		assert_int_equal(st, st0);
		if (strcmp(whole, part) != 0)
			fail_msg("chunks of %zu differ:\n%s\n--- whole:\n%s",
			    step, part, whole);
		free(part);
	}
	free(whole);
}

static const char rss_doc[] =
    "\xef\xbb\xbf\n  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
    "<!DOCTYPE rss [<!ENTITY me \"Me &amp; Myself\">]>\n"
    "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
    "<channel><title>Caf&eacute; &amp; co &#x1F600;</title>"
    "<link>http://x.example/?a=1&b=2</link>"
    "<description><![CDATA[<b>bold]] ]]> & more]]></description>"
    "<!-- a comment with & and < inside -->"
    "<?pi with & inside?>"
    "<item><title>T&rsquo;it&#233;le \x1b[1m &#x1b; caf\xc3\xa9 \xe2\x82\xac"
    " \xf0\x9f\x98\x80 3 < 4 & 5</title>"
    "<link>rel/one?x=1&amp;y=2</link>"
    "<description>&lt;p&gt;Body&lt;/p&gt; &nbsp;&hellip;</description>"
    "<dc:creator>&me;</dc:creator>"
    "<category>A&amp;B</category>"
    "<enclosure url=\"a&b.mp3?n=&eacute;\" type=\"audio/mpeg\" length=\"7\"/>"
    "<pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>"
    "<guid isPermaLink=\"false\">g&#49;</guid></item>"
    "<item><title><![CDATA[second ]]]]><![CDATA[>]]></title>"
    "<description>caf\xe9 latin-1 byte</description></item>"
    "</channel></rss>\n";

static void
test_rss_chunks(void **state)
{
	(void)state;
	same_in_chunks(rss_doc, sizeof(rss_doc) - 1, NULL);
}

static const char atom_doc[] =
    "<?xml version=\"1.0\"?>"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"http://a.example/b/\">"
    "<title type=\"html\">&lt;i&gt;A&lt;/i&gt;tom</title>"
    "<link href=\"index\"/><author><name>Feed Author</name></author>"
    "<entry xml:base=\"c/\"><title type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "X <b>h</b></div></title><link href=\"d\"/><id>urn:1</id>"
    "<updated>2003-12-13T18:30:02Z</updated>"
    "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<p>a &amp; b<br/></p></div></content></entry></feed>";

static void
test_atom_chunks(void **state)
{
	(void)state;
	same_in_chunks(atom_doc, sizeof(atom_doc) - 1, NULL);
}

static void
test_legacy_charset_chunks(void **state)
{
	static const char sjis[] =
	    "<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><rss version=\"2.0\">"
	    "<channel><title>\x93\xfa\x96\x7b</title><item><title>"
	    "\x93\xfa\x96\x7b\x8c\xea &amp; \x83\x65\x83\x58\x83\x67</title>"
	    "</item></channel></rss>";
	static const char u16[] =
	    "\xff\xfe<\0r\0s\0s\0>\0<\0c\0h\0a\0n\0n\0e\0l\0>\0<\0i\0t\0e\0m\0>\0"
	    "<\0t\0i\0t\0l\0e\0>\0\x3d\xd8\x00\xde&\0a\0m\0p\0;\0<\0/\0t\0i\0t\0"
	    "l\0e\0>\0<\0/\0i\0t\0e\0m\0>\0<\0/\0c\0h\0a\0n\0n\0e\0l\0>\0<\0/\0"
	    "r\0s\0s\0>\0";
	static const char koi[] = "<rss><channel><item><title>\xf0\xd2\xc9"
	    "\xd7\xc5\xd4</title></item></channel></rss>";

	(void)state;
	same_in_chunks(sjis, sizeof(sjis) - 1, NULL);
	same_in_chunks(u16, sizeof(u16) - 1, NULL);
	same_in_chunks(koi, sizeof(koi) - 1, "koi8-r");
}

static void
test_content_checks(void **state)
{
	enum feed_status st;
	char *out;

	(void)state;
	out = run(rss_doc, sizeof(rss_doc) - 1, 3, NULL, &st);
	assert_int_equal(st, FEED_OK);
	assert_non_null(strstr(out, "T\xe2\x80\x99it\xc3\xa9le \x1b[1m \x1b "
	    "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 3 < 4 & 5|"
	    "http://base.example/dir/rel/one?x=1&y=2|Me & Myself|"
	    "<p>Body</p> \xc2\xa0\xe2\x80\xa6|1055217600|"));
	/* The URL API percent-encodes what it resolves. */
	assert_non_null(strstr(out, "<http://base.example/dir/a&b.mp3?n="
	    "%c3%a9 audio/mpeg 7>{A&B}"));
	assert_non_null(strstr(out, "|second ]]>|"));
	assert_non_null(strstr(out, "caf\xc3\xa9 latin-1 byte"));
	assert_non_null(strstr(out, "feed rss2.0|Caf\xc3\xa9 & co "
	    "\xf0\x9f\x98\x80|http://x.example/?a=1&b=2|bold]] & more]]>"));
	free(out);
	out = run(atom_doc, sizeof(atom_doc) - 1, 5, NULL, &st);
	assert_non_null(strstr(out, "[urn:1|X h|http://a.example/b/c/d|"
	    "Feed Author|<p>a &amp; b<br/></p>|"));
	assert_non_null(strstr(out, "feed atom1.0|Atom|http://a.example/b/index"));
	free(out);
}

static void
test_status(void **state)
{
	enum feed_status st;
	char *out;
	static const char trunc[] = "<rss><channel><item><title>a</title>"
	    "</item><item><title>b";
	static const char html[] = "<html><body>hi</body></html>";
	static const char bad_cs[] = "<?xml version=\"1.0\" encoding=\"nope-42\"?>"
	    "<rss/>";

	(void)state;
	out = run(trunc, sizeof(trunc) - 1, 4, NULL, &st);
	assert_int_equal(st, FEED_PARTIAL);
	assert_non_null(strstr(out, "|a|"));
	assert_null(strstr(out, "|b|"));
	free(out);
	out = run(html, sizeof(html) - 1, 0, NULL, &st);
	assert_int_equal(st, FEED_FAILED);
	free(out);
	out = run(bad_cs, sizeof(bad_cs) - 1, 0, NULL, &st);
	assert_int_equal(st, FEED_FAILED);
	free(out);
	out = run("", 0, 0, NULL, &st);
	assert_int_equal(st, FEED_FAILED);
	free(out);
}

static int
stop_after_one(void *ctx, const struct item *it)
{
	(void)it;
	(*(int *)ctx)++;
	return (1);
}

static void
test_limits_and_stop(void **state)
{
	struct feed_parse_opts opts;
	struct feed_sink sink;
	struct feed_parser *p;
	struct err err = ERR_INIT;
	static const char doc[] = "<rss><channel><item><title>1</title></item>"
	    "<item><title>2</title></item><item><title>3</title></item>"
	    "</channel></rss>";
	int n = 0;

	(void)state;
	/* A sink that says stop: no error. */
	memset(&opts, 0, sizeof(opts));
	sink.ctx = &n;
	sink.item = stop_after_one;
	p = feed_parser_new(&opts, &sink);
	feed_parser_push(p, doc, sizeof(doc) - 1);
	assert_int_equal(feed_parser_finish(p, &err), FEED_OK);
	assert_int_equal(n, 1);
	feed_parser_free(p);

	/* max_items: the rest is dropped, with a warning. */
	opts.max_items = 2;
	p = feed_parser_new(&opts, NULL);
	feed_parser_push(p, doc, sizeof(doc) - 1);
	assert_int_equal(feed_parser_finish(p, &err), FEED_PARTIAL);
	assert_int_equal(err.code, ERR_LIMIT);
	feed_parser_free(p);

	/* max_bytes. */
	err_clear(&err);
	opts.max_items = 0;
	opts.max_bytes = 50;
	p = feed_parser_new(&opts, NULL);
	assert_int_equal(feed_parser_push(p, doc, sizeof(doc) - 1), -1);
	assert_int_equal(feed_parser_finish(p, &err), FEED_PARTIAL);
	assert_int_equal(err.code, ERR_LIMIT);
	feed_parser_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rss_chunks),
		cmocka_unit_test(test_atom_chunks),
		cmocka_unit_test(test_legacy_charset_chunks),
		cmocka_unit_test(test_content_checks),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_limits_and_stop),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
