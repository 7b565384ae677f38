/*
 * ui_fill: make a database for the interface's tests and benchmarks
 * through the store API, without fetching.
 * Usage: ui_fill DBFILE FEEDS ITEMS [BODYBYTES]
 *        ui_fill DBFILE hostile
 * FEEDS feeds ("Feed N", http://feeds.example/N.xml, tagged "even" or
 * "odd") of ITEMS articles each, newest first by feed number; every third
 * article is read.  Bodies are HTML with two links.  "hostile" adds a
 * feed whose title, authors, article titles and bodies carry terminal
 * escape sequences (OSC 52, OSC 8, OSC 0, CSI, DCS, C1, bidi overrides)
 * and whose first link is full of shell metacharacters.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

static void
die(const struct err *err)
{
	fprintf(stderr, "ui_fill: %s\n", err->msg);
	exit(1);
}

#define HOSTILE_LINK	"http://x.example/a;b&c=$(touch${IFS}PWNED)'q\"|`id`"
#define HOSTILE_HREF	"http://x.example/b;c|d$(touch${IFS}PWNED)`id`'q"

static int
hostile(const char *db)
{
	static const char *const titles[] = {
		"Evil \033]52;c;aGFja2Vk\007title\033[2J\033[H end",
		"Red \xc2\x9b" "31m C1 \xe2\x80\xae" "desrever\xe2\x80\xac ok",
		"DCS \033P+q544e\033\\ and \033]8;;http://evil.example/"
		    "\033\\hyper\033]8;;\033\\ link",
	};
	struct err err = ERR_INIT;
	struct store_fetch_result res;
	struct store *st;
	struct item it;
	enum store_upsert r;
	int64_t feed;
	size_t i;
	char guid[32];

	if ((st = store_open(db, STORE_CREATE, &err)) == NULL)
		die(&err);
	if (store_begin(st, &err) < 0 ||
	    (feed = store_feed_ensure(st, "http://hostile.example/feed",
	    &err)) < 0)
		die(&err);
	for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++) {
		item_init(&it);
		snprintf(guid, sizeof(guid), "h%zu", i);
		it.guid = xstrdup(guid);
		it.title = xstrdup(titles[i]);
		it.link = xstrdup(i == 0 ? HOSTILE_LINK :
		    "http://x.example/plain");
		it.author = xstrdup("\033]8;;http://evil.example/\033\\"
		    "Mallory\033]8;;\033\\ \033[31mRed\033[0m");
		it.published = 1700000000 - (int64_t)i * 60;
		it.content_type = "html";
		it.content = xstrdup("<p>Before \033]52;c;cGFzdGVk\007 after."
		    "</p><p>Clear \033[2J\033[3J here, title \033]0;pwned"
		    "\007 there, DCS \033P+q544e\033\\ gone.</p>"
		    "<p><a href=\"" HOSTILE_HREF "\">shell</a> and "
		    "<a href=\"javascript:alert(1)\">js</a> and "
		    "<a href=\"-oProxyCommand=x\">dash</a>.</p>");
		if (store_item_upsert(st, feed, &it, 1800000000, &r, &err) < 0)
			die(&err);
		item_clear(&it);
	}
	memset(&res, 0, sizeof(res));
	res.http_status = 200;
	res.fetched_at = 1800000000;
	res.title = "Hostile \033]0;window title\007feed\033]52;c;Zm9v\007";
	res.error = "HTTP 500 \033]52;c;ZXJy\007 with an escape";
	if (store_feed_record(st, feed, &res, &err) < 0 ||
	    store_commit(st, &err) < 0)
		die(&err);
	store_close(st);
	return (0);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store_fetch_result res;
	struct store *st;
	struct buf b, url, filler;
	struct item it;
	enum store_upsert r;
	const char *tag;
	long feeds, items, f, i;
	size_t body = 600;
	int64_t feed, id;

	if (argc == 3 && strcmp(argv[2], "hostile") == 0)
		return (hostile(argv[1]));
	if (argc != 4 && argc != 5) {
		fprintf(stderr, "usage: ui_fill DBFILE FEEDS ITEMS [BODYBYTES]\n");
		return (2);
	}
	feeds = strtol(argv[2], NULL, 10);
	items = strtol(argv[3], NULL, 10);
	if (argc == 5)
		body = (size_t)strtoul(argv[4], NULL, 10);
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL)
		die(&err);
	buf_init(&b, BUF_CAP_BODY);
	buf_init(&url, 1024);
	buf_init(&filler, BUF_CAP_BODY);
	while (filler.len < body)
		(void)buf_addstr(&filler, "Lorem ipsum dolor sit amet, "
		    "une évolution des idées, consectetur adipiscing. ");
	for (f = 1; f <= feeds; f++) {
		buf_reset(&url);
		(void)buf_addf(&url, "http://feeds.example/%ld.xml", f);
		if (store_begin(st, &err) < 0)
			die(&err);
		if ((feed = store_feed_ensure(st, buf_str(&url), &err)) < 0)
			die(&err);
		for (i = 0; i < items; i++) {
			item_init(&it);
			buf_reset(&b);
			(void)buf_addf(&b, "g:%ld/%ld", f, i);
			it.guid = buf_detach(&b);
			(void)buf_addf(&b, "Article %ld of feed %ld", i + 1, f);
			it.title = buf_detach(&b);
			(void)buf_addf(&b, "http://feeds.example/%ld/%ld.html",
			    f, i + 1);
			it.link = buf_detach(&b);
			it.author = xstrdup("Jeanne Dupont");
			it.published = 1700000000 + (int64_t)(items - i) * 3600;
			it.content_type = "html";
			(void)buf_addf(&b, "<p>Body of article %ld, feed %ld, "
			    "with <a href=\"http://a.example/%ld\">a first "
			    "link</a> and <a href=\"/second\">a second</a>.</p>"
			    "<p>%.*s</p>", i + 1, f, i + 1, (int)body,
			    buf_str(&filler));
			it.content = buf_detach(&b);
			if (store_item_upsert(st, feed, &it, 1800000000, &r,
			    &err) < 0)
				die(&err);
			item_clear(&it);
		}
		memset(&res, 0, sizeof(res));
		res.http_status = 200;
		res.fetched_at = 1800000000;
		buf_reset(&b);
		(void)buf_addf(&b, "Feed %ld", f);
		res.title = buf_str(&b);
		res.link = "http://feeds.example/";
		if (store_feed_record(st, feed, &res, &err) < 0)
			die(&err);
		tag = f % 2 == 0 ? "even" : "odd";
		if (store_feed_set_tags(st, feed, &tag, 1, &err) < 0)
			die(&err);
		if (store_commit(st, &err) < 0)
			die(&err);
	}
	/* Every third article read, in one transaction. */
	if (store_begin(st, &err) < 0)
		die(&err);
	for (id = 1; id <= (int64_t)(feeds * items); id += 3)
		if (store_item_set_read(st, id, true, &err) < 0)
			die(&err);
	if (store_commit(st, &err) < 0)
		die(&err);
	buf_free(&b);
	buf_free(&url);
	buf_free(&filler);
	store_close(st);
	return (0);
}
