/*
 * items_jump: what a jump deep into an article list costs, through the
 * store API, on an existing database (make one with bench/store_synth).
 * Usage: items_jump DBFILE [FEED_ID [ORDER]]  (ORDER: an
 * article-sort-order value; the first use of an order other than date
 * builds its index, timed apart)
 * For the list of every feed (or of FEED_ID), all and unread articles,
 * times three ways to reach rows deep in the list, each three times
 * (the first run reads the pages from disk):
 *   end-offset  the last 50 rows as "skip total - 50" (what the interface
 *               asked for before keyset paging)
 *   end-key     the last 50 rows read from the end of the list (what
 *               the interface asks for now)
 *   page-up     the 50 rows before those, by key (PPage from the end)
 *   mid-offset  50 rows from the middle ("skip total / 2")
 * and checks that end-offset and end-key give the same rows.  Prints wall
 * and CPU (user + sys) milliseconds for each.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "conf.h"
#include "err.h"
#include "store.h"

static double
wall(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
}

static void
die(const struct err *err)
{
	fprintf(stderr, "items_jump: %s\n", err->msg);
	exit(1);
}

static void
timed(struct store *st, struct store_query *q, const char *what,
    const char *filter, struct store_item_list *keep)
{
	struct store_item_list l;
	struct err err = ERR_INIT;
	double w, c;
	int run;

	for (run = 0; run < 3; run++) {
		w = wall();
		c = cpu();
		if (store_items_window(st, q, &l, &err) == -1)
			die(&err);
		w = wall() - w;
		c = cpu() - c;
		printf("%-7s %-10s run %d: %zu rows, wall %9.2f ms, "
		    "cpu %9.2f ms\n", filter, what, run + 1, l.n, w * 1e3,
		    c * 1e3);
		if (run == 2 && keep != NULL)
			*keep = l;
		else
			store_item_list_free(&l);
	}
}

int
main(int argc, char **argv)
{
	struct store *st;
	struct store_query q;
	struct store_item_list a, b;
	struct err err = ERR_INIT;
	int64_t unread, total, n, feed = 0;
	size_t i;
	int f, sort = STORE_SORT_DATE;
	bool asc = false;
	double w;

	if (argc < 2 || argc > 4 || (argc == 4 &&
	    conf_article_sort_parse(argv[3], &sort, &asc) == -1)) {
		fprintf(stderr, "usage: items_jump DBFILE [FEED_ID [ORDER]]\n");
		return (2);
	}
	if (argc >= 3)
		feed = strtoll(argv[2], NULL, 10);
	if ((st = store_open(argv[1], 0, &err)) == NULL)
		die(&err);
	w = wall();
	if (store_sort_index(st, (enum store_sort)sort, &err) == -1)
		die(&err);
	printf("order %s: index ready in %.2f ms\n", argc == 4 ? argv[3] :
	    "date", (wall() - w) * 1e3);
	if (store_counts(st, feed, &unread, &total, &err) == -1)
		die(&err);
	printf("%s, feed %lld: %lld articles, %lld unread\n", argv[1],
	    (long long)feed, (long long)total, (long long)unread);
	for (f = 0; f < 2; f++) {
		n = f == 0 ? total : unread;
		if (n < 100)
			continue;
		memset(&q, 0, sizeof(q));
		q.feed_id = feed;
		q.filter = f == 0 ? STORE_FILTER_ALL : STORE_FILTER_UNREAD;
		q.limit = 50;
		q.sort = (enum store_sort)sort;
		q.ascending = asc;
		q.offset = (size_t)n - 50;
		timed(st, &q, "end-offset", f == 0 ? "all" : "unread", &a);
		q.offset = 0;
		q.newer = true;
		q.from_end = true;
		timed(st, &q, "end-key", f == 0 ? "all" : "unread", &b);
		if (a.n != b.n)
			goto differ;
		for (i = 0; i < a.n; i++)
			if (a.rows[i].id != b.rows[i].id)
				goto differ;
		q.from_end = false;
		q.has_key = true;
		store_item_key_of(&b.rows[0], q.sort, &q.key);
		timed(st, &q, "page-up", f == 0 ? "all" : "unread", NULL);
		store_item_list_free(&a);
		store_item_list_free(&b);
		q.has_key = false;
		q.newer = false;
		q.offset = (size_t)n / 2;
		timed(st, &q, "mid-offset", f == 0 ? "all" : "unread", NULL);
	}
	store_close(st);
	return (0);
differ:
	fprintf(stderr, "items_jump: end-offset and end-key differ\n");
	return (1);
}
