/*
 * query_counts: what one query feed costs the feed list.
 * Usage: query_counts DBFILE EXPR...
 * Prints, for each filter expression, the time of its unread/total
 * count (store_where_counts, as the feed list runs it), of the first
 * window of 50 rows of the article list read by key, of the id list
 * (store_where_idlist: what opening the query feed reads) and of a
 * window of 90 rows in the middle of that list, best of three.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "filter.h"
#include "store.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store_item_list win;
	struct store_query q;
	struct store *st;
	struct filter *f;
	int64_t unread, total;
	double t, best_c, best_w, best_l, best_m;
	struct store_idlist ids;
	int i, k;

	if (argc < 3) {
		fprintf(stderr, "usage: query_counts DBFILE EXPR...\n");
		return (2);
	}
	if ((st = store_open(argv[1], STORE_READONLY, &err)) == NULL) {
		fprintf(stderr, "query_counts: %s\n", err.msg);
		return (1);
	}
	for (i = 2; i < argc; i++) {
		if ((f = filter_parse(argv[i], &err)) == NULL) {
			fprintf(stderr, "query_counts: %s\n", err.msg);
			return (1);
		}
		best_c = best_w = best_l = best_m = 1e9;
		for (k = 0; k < 3; k++) {
			t = now_ms();
			if (store_where_counts(st, filter_where(f), &unread,
			    &total, &err) == -1) {
				fprintf(stderr, "query_counts: %s\n", err.msg);
				return (1);
			}
			if (now_ms() - t < best_c)
				best_c = now_ms() - t;
			memset(&q, 0, sizeof(q));
			q.limit = 50;
			q.where = filter_where(f);
			t = now_ms();
			if (store_items_window(st, &q, &win, &err) == -1) {
				fprintf(stderr, "query_counts: %s\n", err.msg);
				return (1);
			}
			if (now_ms() - t < best_w)
				best_w = now_ms() - t;
			store_item_list_free(&win);
			t = now_ms();
			if (store_where_idlist(st, filter_where(f),
			    STORE_SORT_DATE, false, false, &ids, &err) == -1) {
				fprintf(stderr, "query_counts: %s\n", err.msg);
				return (1);
			}
			if (now_ms() - t < best_l)
				best_l = now_ms() - t;
			t = now_ms();
			if (store_idlist_window(st, &ids, ids.n / 2, 90, &win,
			    &err) == -1) {
				fprintf(stderr, "query_counts: %s\n", err.msg);
				return (1);
			}
			if (now_ms() - t < best_m)
				best_m = now_ms() - t;
			store_item_list_free(&win);
			store_idlist_free(&ids);
		}
		printf("%-40s count %8.2f ms (%lld/%lld)  first window %8.2f"
		    " ms  id list %8.2f ms  middle window %6.2f ms\n", argv[i],
		    best_c, (long long)unread, (long long)total, best_w,
		    best_l, best_m);
		filter_free(f);
	}
	store_close(st);
	return (0);
}
