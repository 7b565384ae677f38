/*
 * search_fill: a test helper that changes a database through the store
 * and search APIs, one command a line on stdin, fields separated by TAB:
 *   item URL GUID TITLE AUTHOR PUBLISHED|- CONTENT   upsert (text content)
 *   gen URL N WORD        N items "WORD k" with filler text, one transaction
 *   feedtitle URL TITLE   the feed's own title
 *   usertitle URL TITLE   the urls file's "~Title"
 *   tags URL TAG...       the feed's tags
 *   read URL GUID | flag URL GUID
 *   prune URL N           keep the newest N items of the feed
 *   deletefeed URL        delete the feed and its items
 *   sync                  search_sync
 *   check                 search_check: prints "consistent" or the reason
 * With --slow-sync FILE, "sync" indexes 10 rows per transaction, writes
 * the rows indexed so far to FILE after each one and pauses 20 ms, so a
 * test can kill the process in the middle of a sync.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "err.h"
#include "item.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"

#define MAX_FIELDS	16

static const char *progress_file;

static void
slow_progress(void *arg, int64_t indexed)
{
	struct timespec ts = { 0, 20 * 1000 * 1000 };
	FILE *f;

	(void)arg;
	if ((f = fopen(progress_file, "w")) != NULL) {
		fprintf(f, "%lld\n", (long long)indexed);
		fclose(f);
	}
	nanosleep(&ts, NULL);
}

static int64_t
item_id(struct store *st, int64_t feed, const char *guid, struct err *err)
{
	struct store_item_full full;
	int64_t id;

	if (store_item_get_guid(st, feed, guid, &full, err) != 0) {
		err_set(err, ERR_USAGE, "no item %s", guid);
		return (-1);
	}
	id = full.row.id;
	store_item_full_clear(&full);
	return (id);
}

static int
upsert(struct store *st, int64_t feed, const char *guid, const char *title,
    const char *author, const char *published, const char *content,
    struct err *err)
{
	enum store_upsert r;
	struct item it;
	char *end;
	int rc;

	item_init(&it);
	it.guid = xstrdup(guid);
	it.title = xstrdup(title);
	it.link = xstrdup(guid);
	if (author[0] != '\0')
		it.author = xstrdup(author);
	if (strcmp(published, "-") != 0)
		it.published = strtoll(published, &end, 10);
	it.content_type = "text";
	it.content = xstrdup(content);
	rc = store_item_upsert(st, feed, &it, 1700000000, &r, err);
	item_clear(&it);
	return (rc);
}

static int
command(struct store *st, char **f, int n, struct err *err)
{
	int64_t feed = 0, id;
	char guid[64], title[128], body[512];
	long k, count;

	if (n >= 2 && strcmp(f[0], "sync") != 0 && strcmp(f[0], "check") != 0
	    && (feed = store_feed_ensure(st, f[1], err)) == -1)
		return (-1);
	if (strcmp(f[0], "item") == 0 && n == 7)
		return (upsert(st, feed, f[2], f[3], f[4], f[5], f[6], err));
	if (strcmp(f[0], "gen") == 0 && n == 4) {
		count = strtol(f[2], NULL, 10);
		if (store_begin(st, err) == -1)
			return (-1);
		for (k = 0; k < count; k++) {
			(void)snprintf(guid, sizeof(guid), "%s-%ld", f[3], k);
			(void)snprintf(title, sizeof(title), "%s %ld", f[3],
			    k);
			(void)snprintf(body, sizeof(body), "filler text "
			    "number %ld about %s and other things", k, f[3]);
			if (upsert(st, feed, guid, title, "", "-", body, err)
			    == -1) {
				store_rollback(st);
				return (-1);
			}
		}
		return (store_commit(st, err));
	}
	if (strcmp(f[0], "feedtitle") == 0 && n == 3)
		return (store_feed_set_meta(st, feed, f[2], NULL, err));
	if (strcmp(f[0], "usertitle") == 0 && n == 3)
		return (store_feed_set_user_title(st, feed, f[2], err));
	if (strcmp(f[0], "tags") == 0 && n >= 2)
		return (store_feed_set_tags(st, feed, (const char *const *)f +
		    2, (size_t)(n - 2), err));
	if ((strcmp(f[0], "read") == 0 || strcmp(f[0], "flag") == 0) &&
	    n == 3) {
		if ((id = item_id(st, feed, f[2], err)) == -1)
			return (-1);
		if (f[0][0] == 'r')
			return (store_item_set_read(st, id, true, err));
		return (store_item_set_flagged(st, id, true, err));
	}
	if (strcmp(f[0], "prune") == 0 && n == 3)
		return (store_feed_prune(st, feed, (size_t)strtol(f[2], NULL,
		    10), err) == -1 ? -1 : 0);
	if (strcmp(f[0], "deletefeed") == 0 && n == 2)
		return (store_feed_delete(st, feed, err));
	if (strcmp(f[0], "sync") == 0) {
		struct search_sync_opts o;

		memset(&o, 0, sizeof(o));
		if (progress_file != NULL) {
			o.batch = 10;
			o.progress = slow_progress;
		}
		return (search_sync_with(st, &o, err) == -1 ? -1 : 0);
	}
	if (strcmp(f[0], "check") == 0) {
		if (search_check(st, err) == -1) {
			printf("inconsistent: %s\n", err->msg);
			err_clear(err);
		} else
			printf("consistent\n");
		return (0);
	}
	err_set(err, ERR_USAGE, "bad command %s (%d fields)", f[0], n);
	return (-1);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st;
	static char line[65536];
	char *f[MAX_FIELDS], *p;
	int n;

	if (argc == 4 && strcmp(argv[2], "--slow-sync") == 0)
		progress_file = argv[3];
	else if (argc != 2) {
		fprintf(stderr, "usage: search_fill DBFILE [--slow-sync FILE]"
		    " < commands\n");
		return (2);
	}
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL) {
		fprintf(stderr, "search_fill: %s\n", err.msg);
		return (2);
	}
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '\0' || line[0] == '#')
			continue;
		p = line;
		for (n = 0; n < MAX_FIELDS && p != NULL; n++) {
			f[n] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (command(st, f, n, &err) == -1) {
			fprintf(stderr, "search_fill: %s: %s\n", f[0], err.msg);
			store_close(st);
			return (1);
		}
	}
	store_close(st);
	return (0);
}
