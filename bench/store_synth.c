/*
 * store_synth: the store's own cost, without fetching or parsing.
 * Usage: store_synth DBFILE FEEDS ITEMS [BODYBYTES]
 * (FEEDS 0: only the timings below, on an existing database.)
 * Stores FEEDS x ITEMS generated items (one transaction per feed), then
 * upserts feed 1 again unchanged, then times what the interface does
 * first (open, feed list with counts, first window of 50 rows, all feeds
 * and one feed, unread only) and prints the numbers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "store.h"
#include "xmalloc.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void
die(const struct err *err)
{
	fprintf(stderr, "store_synth: %s\n", err->msg);
	exit(1);
}

static int batched;

static int
store_feed(struct store *st, long f, long items, size_t body,
    const char *filler, int64_t *new_items)
{
	struct err err = ERR_INIT;
	struct buf url, b;
	struct item it;
	enum store_upsert r;
	int64_t feed;
	long i;

	buf_init(&url, 1024);
	buf_init(&b, BUF_CAP_BODY);
	buf_addf(&url, "http://feeds.example/%ld.xml", f);
	if (!batched && store_begin(st, &err) == -1)
		die(&err);
	if ((feed = store_feed_ensure(st, buf_str(&url), &err)) == -1)
		die(&err);
	for (i = 0; i < items; i++) {
		item_init(&it);
		buf_reset(&b);
		buf_addf(&b, "tag:feeds.example,2026:%ld/%ld", f, i);
		it.guid = buf_detach(&b);
		buf_addf(&b, "Article %ld of feed %ld: une évolution", i, f);
		it.title = buf_detach(&b);
		buf_addf(&b, "http://feeds.example/%ld/%ld.html", f, i);
		it.link = buf_detach(&b);
		it.author = xstrdup("Jeanne Dupont");
		it.published = 1700000000 + (int64_t)i * 3600 + f;
		buf_addf(&b, "<p>%ld %ld</p><p>", f, i);
		buf_add(&b, filler, body);
		buf_addstr(&b, "</p>");
		it.content = buf_detach(&b);
		if (store_item_upsert(st, feed, &it, 1800000000, &r, &err)
		    == -1)
			die(&err);
		if (r == STORE_UPSERT_NEW)
			(*new_items)++;
		item_clear(&it);
	}
	if (!batched && store_commit(st, &err) == -1)
		die(&err);
	buf_free(&url);
	buf_free(&b);
	return (0);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st;
	struct store_feed_list fl;
	struct store_item_list l;
	struct store_query q;
	static const char text[] = "Le vif renard brun saute par-dessus le "
	    "chien paresseux. The quick brown fox jumps over the lazy dog. ";
	long feeds, items, f, per_txn;
	size_t body = 1000, i;
	int64_t new_items = 0, unread, total;
	char *filler;
	double t0, t1, t2, t3, tg, group_ms = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: store_synth DB FEEDS ITEMS [BODY]\n");
		return (2);
	}
	feeds = strtol(argv[2], NULL, 10);
	items = strtol(argv[3], NULL, 10);
	if (argc > 4)
		body = (size_t)strtoul(argv[4], NULL, 10);
	filler = xmalloc(body + 1);
	for (i = 0; i < body; i++)
		filler[i] = text[i % (sizeof(text) - 1)];
	filler[body] = '\0';

	if (feeds == 0)
		goto measure;	/* an existing database: timings only */
	t0 = now();
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL)
		die(&err);
	/* GROUP_MS: commit groups of feeds that far apart, as refresh. */
	if (getenv("GROUP_MS") != NULL &&
	    (group_ms = atof(getenv("GROUP_MS")) / 1e3) > 0)
		store_set_group_commit(st, true);
	tg = now();
	per_txn = getenv("FEEDS_PER_TXN") ? atol(getenv("FEEDS_PER_TXN")) : 1;
	batched = per_txn > 1;
	for (f = 1; f <= feeds; f++) {
		if (batched && (f - 1) % per_txn == 0 && store_begin(st, &err))
			die(&err);
		store_feed(st, f, items, body, filler, &new_items);
		if (batched && (f % per_txn == 0 || f == feeds) &&
		    store_commit(st, &err))
			die(&err);
		if (group_ms > 0 && !batched && now() - tg >= group_ms) {
			if (store_flush(st, &err) == -1)
				die(&err);
			tg = now();
		}
	}
	batched = 0;
	if (store_flush(st, &err) == -1)
		die(&err);
	t1 = now();
	store_feed(st, 1, items, body, filler, &new_items);
	t2 = now();
	store_close(st);
	printf("stored %lld new items in %ld feeds: %.3f s (%.1f us/item)\n",
	    (long long)new_items, feeds, t1 - t0,
	    (t1 - t0) * 1e6 / (double)(new_items ? new_items : 1));
	printf("re-upsert of one unchanged feed (%ld items): %.3f ms\n",
	    items, (t2 - t1) * 1e3);

measure:
	/* What the interface does first. */
	t0 = now();
	if ((st = store_open(argv[1], 0, &err)) == NULL)
		die(&err);
	t1 = now();
	if (store_feeds_list(st, &fl, &err) == -1 ||
	    store_counts(st, 0, &unread, &total, &err) == -1)
		die(&err);
	memset(&q, 0, sizeof(q));
	q.limit = 50;
	if (store_items_window(st, &q, &l, &err) == -1)
		die(&err);
	t2 = now();
	printf("open %.2f ms; feed list (%zu feeds, %lld/%lld unread) + "
	    "first 50 rows of all feeds: %.2f ms\n", (t1 - t0) * 1e3, fl.n,
	    (long long)unread, (long long)total, (t2 - t1) * 1e3);
	store_item_list_free(&l);
	q.filter = STORE_FILTER_UNREAD;
	q.feed_id = fl.feeds[fl.n / 2].id;
	t2 = now();
	if (store_items_window(st, &q, &l, &err) == -1)
		die(&err);
	q.has_key = true;
	q.key.date = l.rows[l.n - 1].date;
	q.key.id = l.rows[l.n - 1].id;
	store_item_list_free(&l);
	if (store_items_window(st, &q, &l, &err) == -1)
		die(&err);
	t3 = now();
	printf("one feed, unread, two windows of 50: %.2f ms\n",
	    (t3 - t2) * 1e3);
	store_item_list_free(&l);
	q.feed_id = 0;
	q.has_key = false;
	q.offset = (size_t)total / 2;
	t2 = now();
	if (store_items_window(st, &q, &l, &err) == -1)
		die(&err);
	t3 = now();
	printf("all unread, OFFSET %zu: %.2f ms\n", q.offset, (t3 - t2) * 1e3);
	store_item_list_free(&l);
	t2 = now();
	if (store_feed_set_read(st, fl.feeds[0].id, true, &err) == -1)
		die(&err);
	t3 = now();
	printf("mark one feed read: %.2f ms\n", (t3 - t2) * 1e3);
	store_feed_list_free(&fl);
	store_close(st);
	free(filler);
	return (0);
}
