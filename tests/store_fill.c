/*
 * store_fill: a test helper that stores items through the store API.
 * Usage: store_fill DBFILE < lines
 * Each line: feed-url TAB guid TAB title TAB published|- TAB read TAB flagged
 * (C escapes are not interpreted: the shell test writes the bytes.)
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

#define N_FIELDS	6

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st;
	struct item it;
	enum store_upsert r;
	char line[8192], *f[N_FIELDS], *p, *end;
	int64_t feed, id;
	int n;

	if (argc != 2) {
		fprintf(stderr, "usage: store_fill DBFILE < lines\n");
		return (2);
	}
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL) {
		fprintf(stderr, "store_fill: %s\n", err.msg);
		return (2);
	}
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		p = line;
		for (n = 0; n < N_FIELDS && p != NULL; n++) {
			f[n] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (n != N_FIELDS)
			continue;
		if ((feed = store_feed_ensure(st, f[0], &err)) == -1)
			goto fail;
		item_init(&it);
		it.guid = xstrdup(f[1]);
		it.title = xstrdup(f[2]);
		it.link = xstrdup(f[0]);
		if (strcmp(f[3], "-") != 0)
			it.published = strtoll(f[3], &end, 10);
		if (store_item_upsert(st, feed, &it, 1700000000, &r, &err)
		    == -1)
			goto fail;
		item_clear(&it);
		if (strcmp(f[4], "1") == 0 || strcmp(f[5], "1") == 0) {
			struct store_item_full full;

			if (store_item_get_guid(st, feed, f[1], &full, &err)
			    != 0)
				goto fail;
			id = full.row.id;
			store_item_full_clear(&full);
			if (strcmp(f[4], "1") == 0 &&
			    store_item_set_read(st, id, true, &err) == -1)
				goto fail;
			if (strcmp(f[5], "1") == 0 &&
			    store_item_set_flagged(st, id, true, &err) == -1)
				goto fail;
		}
	}
	store_close(st);
	return (0);
fail:
	fprintf(stderr, "store_fill: %s\n", err.msg);
	store_close(st);
	return (1);
}
