/* test_feed_json: JSON Feed 1.0 / 1.1 through feed_json_parse(). */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "err.h"
#include "feed.h"
#include "feed_json.h"
#include "guid.h"
#include "item.h"
#include "xmalloc.h"

/* A sink that keeps deep copies of what it is handed. */
struct collect {
	struct item	items[16];
	size_t		n;
	size_t		stop_after;	/* 0: never stop */
};

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static int
collect_item(void *ctx, const struct item *in)
{
	struct collect *c = ctx;
	struct item *out;
	size_t i;

	assert_true(c->n < 16);
	out = &c->items[c->n++];
	item_init(out);
	assert_non_null(in->guid);
	out->guid = dup_or_null(in->guid);
	out->title = dup_or_null(in->title);
	out->link = dup_or_null(in->link);
	out->author = dup_or_null(in->author);
	out->published = in->published;
	out->updated = in->updated;
	out->content_type = in->content_type;
	out->content = dup_or_null(in->content);
	out->n_enclosures = in->n_enclosures;
	out->enclosures = xcalloc(in->n_enclosures + 1,
	    sizeof(*out->enclosures));
	for (i = 0; i < in->n_enclosures; i++) {
		out->enclosures[i].url = dup_or_null(in->enclosures[i].url);
		out->enclosures[i].type = dup_or_null(in->enclosures[i].type);
		out->enclosures[i].length = in->enclosures[i].length;
	}
	out->n_categories = in->n_categories;
	out->categories = xcalloc(in->n_categories + 1, sizeof(char *));
	for (i = 0; i < in->n_categories; i++)
		out->categories[i] = dup_or_null(in->categories[i]);
	return (c->stop_after != 0 && c->n >= c->stop_after);
}

static void
collect_free(struct collect *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		item_clear(&c->items[i]);
	c->n = 0;
}

static enum feed_status
parse(const char *doc, const char *base, size_t max_items,
    struct collect *c, struct feed_meta *meta, struct err *err)
{
	struct feed_parse_opts opts;
	struct feed_sink sink = { c, collect_item };

	memset(&opts, 0, sizeof(opts));
	opts.base_url = base;
	opts.max_items = max_items;
	return (feed_json_parse(doc, strlen(doc), &opts, meta, &sink, err));
}

static const char full_11[] =
    "{\n"
    "  \"version\": \"https://jsonfeed.org/version/1.1\",\n"
    "  \"title\": \"  Le  blog\\nde Zo\\u00e9 \",\n"
    "  \"home_page_url\": \"https://example.org/blog/\",\n"
    "  \"feed_url\": \"https://example.org/blog/feed.json\",\n"
    "  \"description\": \"Notes & essais\",\n"
    "  \"authors\": [{\"name\": \"Zo\\u00e9\"}],\n"
    "  \"items\": [\n"
    "    {\n"
    "      \"id\": \"https://example.org/blog/2\",\n"
    "      \"title\": \"Deux\",\n"
    "      \"url\": \"posts/2.html\",\n"
    "      \"content_html\": \"<p>Caf\\u00e9 &amp; cr\\u00e8me</p>\",\n"
    "      \"content_text\": \"ignored\",\n"
    "      \"date_published\": \"2024-03-01T10:00:00+01:00\",\n"
    "      \"date_modified\": \"2024-03-02T00:00:00Z\",\n"
    "      \"authors\": [{\"name\": \"Ana\"}, {\"url\": \"x\"},"
    " {\"name\": \"Ben\"}],\n"
    "      \"tags\": [\"un\", 2, \"deux\"],\n"
    "      \"attachments\": [\n"
    "        {\"url\": \"/media/a.mp3\", \"mime_type\": \"audio/mpeg\","
    " \"size_in_bytes\": 12345},\n"
    "        {\"mime_type\": \"x/no-url\"},\n"
    "        {\"url\": \"https://cdn.example.net/b.ogg\"}\n"
    "      ]\n"
    "    },\n"
    "    \"not an item\",\n"
    "    {\n"
    "      \"id\": \"1\",\n"
    "      \"external_url\": \"https://elsewhere.net/x\",\n"
    "      \"content_text\": \"Plain\\ttext\",\n"
    "      \"date_published\": \"garbage\"\n"
    "    }\n"
    "  ]\n"
    "}\n";

static void
test_full_11(void **state)
{
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err = ERR_INIT;
	struct item *it;

	(void)state;
	feed_meta_init(&meta);
	assert_int_equal(parse(full_11, NULL, 0, &c, &meta, &err), FEED_OK);
	assert_false(err_isset(&err));
	assert_string_equal(meta.format, "jsonfeed");
	assert_string_equal(meta.title, "Le blog de Zo\xc3\xa9");
	assert_string_equal(meta.link, "https://example.org/blog/");
	assert_string_equal(meta.description, "Notes & essais");
	assert_int_equal(c.n, 2);

	it = &c.items[0];
	assert_string_equal(it->guid, "https://example.org/blog/2");
	assert_string_equal(it->title, "Deux");
	assert_string_equal(it->link, "https://example.org/blog/posts/2.html");
	assert_string_equal(it->author, "Ana, Ben");
	assert_string_equal(it->content_type, "html");
	assert_string_equal(it->content,
	    "<p>Caf\xc3\xa9 &amp; cr\xc3\xa8me</p>");
	assert_true(it->published == 1709283600);	/* 09:00Z */
	assert_true(it->updated == 1709337600);
	assert_int_equal(it->n_categories, 2);
	assert_string_equal(it->categories[0], "un");
	assert_string_equal(it->categories[1], "deux");
	assert_int_equal(it->n_enclosures, 2);
	assert_string_equal(it->enclosures[0].url,
	    "https://example.org/media/a.mp3");
	assert_string_equal(it->enclosures[0].type, "audio/mpeg");
	assert_true(it->enclosures[0].length == 12345);
	assert_string_equal(it->enclosures[1].url,
	    "https://cdn.example.net/b.ogg");
	assert_null(it->enclosures[1].type);
	assert_true(it->enclosures[1].length == -1);

	it = &c.items[1];
	assert_string_equal(it->guid, "1");
	assert_null(it->title);
	assert_string_equal(it->link, "https://elsewhere.net/x");
	/* The feed's authors stand in (JSON Feed 1.1). */
	assert_string_equal(it->author, "Zo\xc3\xa9");
	assert_string_equal(it->content_type, "text");
	assert_string_equal(it->content, "Plain\ttext");
	assert_true(it->published == ITEM_NO_DATE);
	assert_true(it->updated == ITEM_NO_DATE);
	assert_int_equal(it->n_enclosures, 0);
	assert_int_equal(it->n_categories, 0);
	collect_free(&c);
	feed_meta_clear(&meta);
}

static void
test_10_and_guids(void **state)
{
	static const char doc[] =
	    "\xef\xbb\xbf{\"version\":\"https://jsonfeed.org/version/1\","
	    "\"title\":\"T\",\"author\":{\"name\":\"Feed Author\"},"
	    "\"items\":[{\"id\":42,\"title\":\"A\",\"url\":\"a.html\","
	    "\"author\":{\"name\":\"Item Author\"},\"summary\":\"S\"},"
	    "{\"title\":\"B\",\"url\":\"b.html\",\"content_text\":\"x\"},"
	    "{\"id\":\"\",\"content_html\":\"<i>only a body</i>\"}]}";
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err = ERR_INIT;
	char *h;

	(void)state;
	feed_meta_init(&meta);
	assert_int_equal(parse(doc, "http://feeds.example.com/f/feed.json",
	    0, &c, &meta, &err), FEED_OK);
	assert_null(meta.link);
	assert_int_equal(c.n, 3);
	assert_string_equal(c.items[0].guid, "42");
	assert_string_equal(c.items[0].author, "Item Author");
	assert_string_equal(c.items[0].link,
	    "http://feeds.example.com/f/a.html");
	assert_string_equal(c.items[0].content_type, "text");
	assert_string_equal(c.items[0].content, "S");
	h = feed_guid_hash("http://feeds.example.com/f/b.html", "B", "x");
	assert_string_equal(c.items[1].guid, h);
	free(h);
	assert_string_equal(c.items[1].author, "Feed Author");
	h = feed_guid_hash(NULL, NULL, "<i>only a body</i>");
	assert_string_equal(c.items[2].guid, h);
	free(h);
	collect_free(&c);
	feed_meta_clear(&meta);
}

/* --base wins over home_page_url, which wins over feed_url. */
static void
test_base_precedence(void **state)
{
	static const char doc[] =
	    "{\"version\":\"https://jsonfeed.org/version/1.1\","
	    "\"home_page_url\":\"/home/\","
	    "\"feed_url\":\"https://feed.example/x/feed.json\","
	    "\"items\":[{\"id\":\"1\",\"url\":\"p\"}]}";
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err = ERR_INIT;

	(void)state;
	feed_meta_init(&meta);
	assert_int_equal(parse(doc, "https://base.example/a/b", 0, &c, &meta,
	    &err), FEED_OK);
	assert_string_equal(meta.link, "https://base.example/home/");
	assert_string_equal(c.items[0].link, "https://base.example/a/p");
	collect_free(&c);
	assert_int_equal(parse(doc, NULL, 0, &c, &meta, &err), FEED_OK);
	assert_string_equal(meta.link, "https://feed.example/home/");
	assert_string_equal(c.items[0].link, "https://feed.example/home/p");
	collect_free(&c);
	feed_meta_clear(&meta);
}

static void
test_limits_and_stop(void **state)
{
	static const char doc[] =
	    "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":["
	    "{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"},{\"id\":\"4\"}]}";
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err = ERR_INIT;

	(void)state;
	feed_meta_init(&meta);
	assert_int_equal(parse(doc, NULL, 2, &c, &meta, &err), FEED_PARTIAL);
	assert_int_equal(err.code, ERR_LIMIT);
	assert_int_equal(c.n, 2);
	collect_free(&c);
	err_clear(&err);
	c.stop_after = 3;
	assert_int_equal(parse(doc, NULL, 0, &c, &meta, &err), FEED_OK);
	assert_int_equal(c.n, 3);
	assert_false(err_isset(&err));
	collect_free(&c);
	feed_meta_clear(&meta);
}

/* json-c does not check UTF-8: invalid bytes become U+FFFD. */
static void
test_invalid_utf8(void **state)
{
	static const char doc[] =
	    "{\"version\":\"https://jsonfeed.org/version/1.1\","
	    "\"title\":\"bad \xff byte\",\"items\":[{\"id\":\"\xc3\","
	    "\"title\":\"caf\xc3\xa9 \xe2\x82 \xed\xa0\x80 ok\","
	    "\"content_text\":\"lone \\ud800 escape\","
	    "\"tags\":[\"\xc0\xaf\"]}]}";
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err = ERR_INIT;
	const char *p;

	(void)state;
	feed_meta_init(&meta);
	assert_int_equal(parse(doc, NULL, 0, &c, &meta, &err), FEED_OK);
	assert_string_equal(meta.title, "bad \xef\xbf\xbd byte");
	assert_int_equal(c.n, 1);
	assert_string_equal(c.items[0].guid, "\xef\xbf\xbd");
	assert_string_equal(c.items[0].title, "caf\xc3\xa9 "
	    "\xef\xbf\xbd\xef\xbf\xbd "
	    "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd ok");
	assert_string_equal(c.items[0].categories[0],
	    "\xef\xbf\xbd\xef\xbf\xbd");
	/* Whatever json-c makes of a lone surrogate escape, it is UTF-8. */
	for (p = c.items[0].content; *p != '\0'; p++)
		assert_false((unsigned char)p[0] == 0xed &&
		    ((unsigned char)p[1] & 0xe0) == 0xa0);
	collect_free(&c);
	feed_meta_clear(&meta);
}

static const struct {
	const char	*doc;
	enum err_code	 code;
} bad[] = {
	{ "", ERR_NOTFEED },
	{ "not json", ERR_NOTFEED },
	{ "<?xml version=\"1.0\"?><rss/>", ERR_NOTFEED },
	{ "[1,2,3]", ERR_NOTFEED },
	{ "\"string\"", ERR_NOTFEED },
	{ "{}", ERR_NOTFEED },
	{ "{\"version\":\"1.1\",\"items\":[]}", ERR_NOTFEED },
	{ "{\"version\":2,\"items\":[]}", ERR_NOTFEED },
	{ "{\"items\":[{\"id\":\"1\"}]}", ERR_NOTFEED },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[",
	    ERR_NOTFEED },
	{ "{\"version\":\"https://jsonfeed.org/version/1.1\"} junk",
	    ERR_NOTFEED },
};

static void
test_not_feeds(void **state)
{
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct err err;
	size_t i;

	(void)state;
	feed_meta_init(&meta);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		err_clear(&err);
		assert_int_equal(parse(bad[i].doc, NULL, 0, &c, &meta, &err),
		    FEED_FAILED);
		assert_int_equal(err.code, bad[i].code);
		assert_true(strlen(err.msg) > 0);
		assert_int_equal(c.n, 0);
	}
	feed_meta_clear(&meta);
}

static void
test_hostile(void **state)
{
	struct collect c = { .n = 0 };
	struct feed_meta meta;
	struct feed_parse_opts opts;
	struct feed_sink sink = { &c, collect_item };
	struct err err = ERR_INIT;
	size_t n = 100000, i;
	char *doc;

	(void)state;
	feed_meta_init(&meta);
	/* 100k-deep nesting: refused by the depth cap, no stack blow-up. */
	doc = xmalloc(n * 2 + 64);
	memcpy(doc, "{\"version\":\"https://jsonfeed.org/version/1\",\"x\":", 48);
	for (i = 0; i < n; i++)
		doc[48 + i] = '[';
	doc[48 + n] = '\0';
	assert_int_equal(parse(doc, NULL, 0, &c, &meta, &err), FEED_FAILED);
	assert_int_equal(err.code, ERR_LIMIT);
	free(doc);

	/* Larger than the byte cap. */
	memset(&opts, 0, sizeof(opts));
	opts.max_bytes = 10;
	err_clear(&err);
	assert_int_equal(feed_json_parse("{\"version\":\"https://jsonfeed.org/"
	    "version/1\"}", 42, &opts, &meta, &sink, &err), FEED_FAILED);
	assert_int_equal(err.code, ERR_LIMIT);
	feed_meta_clear(&meta);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_full_11),
		cmocka_unit_test(test_10_and_guids),
		cmocka_unit_test(test_base_precedence),
		cmocka_unit_test(test_limits_and_stop),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_not_feeds),
		cmocka_unit_test(test_hostile),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
