/*
 * show_put: a test helper that stores one article through the store API
 * for tests/render.sh.
 * Usage: show_put DBFILE FEED-URL FEED-TITLE GUID TITLE LINK AUTHOR
 *            PUBLISHED|- html|text CONTENT-FILE [ENCL-URL TYPE LENGTH]...
 * Arguments are stored as given (bytes included), so a test can store
 * escape sequences.
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

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store_fetch_result res;
	struct store *st;
	struct item it;
	struct buf content;
	enum store_upsert r;
	char chunk[4096], *end;
	int64_t feed;
	size_t n;
	FILE *fp;
	int i;

	if (argc < 11 || (argc - 11) % 3 != 0) {
		fprintf(stderr, "usage: show_put DBFILE FEED-URL FEED-TITLE "
		    "GUID TITLE LINK AUTHOR PUBLISHED html|text FILE "
		    "[ENCL-URL TYPE LENGTH]...\n");
		return (2);
	}
	if ((fp = fopen(argv[10], "rb")) == NULL) {
		perror(argv[10]);
		return (2);
	}
	buf_init(&content, BUF_CAP_BODY);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		(void)buf_add(&content, chunk, n);
	(void)fclose(fp);
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL)
		goto fail;
	if ((feed = store_feed_ensure(st, argv[2], &err)) == -1)
		goto fail;
	memset(&res, 0, sizeof(res));
	res.http_status = 200;
	res.fetched_at = 1700000000;
	res.title = argv[3];
	if (store_feed_record(st, feed, &res, &err) == -1)
		goto fail;
	item_init(&it);
	it.guid = xstrdup(argv[4]);
	it.title = xstrdup(argv[5]);
	it.link = xstrdup(argv[6]);
	it.author = xstrdup(argv[7]);
	if (strcmp(argv[8], "-") != 0)
		it.published = strtoll(argv[8], &end, 10);
	it.content_type = strcmp(argv[9], "text") == 0 ? "text" : "html";
	it.content = buf_detach(&content);
	for (i = 11; i + 2 < argc; i += 3) {
		it.enclosures = xreallocarray(it.enclosures,
		    it.n_enclosures + 1, sizeof(*it.enclosures));
		it.enclosures[it.n_enclosures].url = xstrdup(argv[i]);
		it.enclosures[it.n_enclosures].type = xstrdup(argv[i + 1]);
		it.enclosures[it.n_enclosures].length =
		    strtoll(argv[i + 2], &end, 10);
		it.n_enclosures++;
	}
	if (store_item_upsert(st, feed, &it, 1700000000, &r, &err) == -1) {
		item_clear(&it);
		goto fail;
	}
	item_clear(&it);
	store_close(st);
	return (0);
fail:
	fprintf(stderr, "show_put: %s\n", err.msg);
	buf_free(&content);
	store_close(st);
	return (1);
}
