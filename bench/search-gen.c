/*
 * search-gen: fill a gazette database with generated articles through
 * the store API (one transaction per feed, as a refresh does), then
 * index them, timing each phase.  Used by bench/search.
 *
 * usage: search-gen DBFILE ARTICLES FEEDS MODE [BATCH]
 *   MODE batch     store everything, then search_sync (what gazette does)
 *        triggers  FTS5 fed row by row by an AFTER INSERT trigger while
 *                  storing (the naive design), no sync afterwards
 *        none      store only (no index at all)
 *        rebuild   store, then one FTS5 'rebuild' in one transaction
 * Prints wall and CPU seconds of the store and index phases on stdout
 * (CPU time is the steadier number on a shared machine).
 *
 * Text: 120-180 words an article from a 30000-word vocabulary drawn
 * with a Zipf law, some words accented.  Planted words give queries of
 * known selectivity, for r in 001 (0.1%), 01 (1%), 10 (10%):
 *   onewR            one word
 *   twoaR twobR      both in R of the articles (each also alone in R)
 *   "phraR phrbR"    adjacent in R (also reversed, apart, in R)
 *   pfxR*            pfxR plus a random suffix in R
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "search.h"
#include "store.h"
#include "xmalloc.h"

#define VOCAB	30000

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static char *vocab[VOCAB];
static double cdf[VOCAB];

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (rng);
}

static double
unit(void)
{
	return ((double)(next() >> 11) / 9007199254740992.0);
}

static void
make_vocab(void)
{
	static const char *const cons[] = { "b", "c", "d", "f", "g", "h",
	    "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "ch",
	    "st", "tr", "br" };
	static const char *const vow[] = { "a", "e", "i", "o", "u", "ou",
	    "ai", "\xc3\xa9", "\xc3\xa8", "\xc3\xbc" };
	double sum = 0;
	char w[64];
	size_t i, k, n, len;

	for (i = 0; i < VOCAB; i++) {
		n = 1 + next() % 4;
		len = 0;
		w[0] = '\0';
		for (k = 0; k < n; k++) {
			const char *c = cons[next() % 22];
			/* accented vowels in about 1 word in 10 */
			const char *v = vow[next() % (next() % 10 == 0 ? 10 :
			    7)];

			len += (size_t)snprintf(w + len, sizeof(w) - len,
			    "%s%s", c, v);
		}
		vocab[i] = xstrdup(w);
		sum += 1.0 / (double)(i + 1);
		cdf[i] = sum;
	}
	for (i = 0; i < VOCAB; i++)
		cdf[i] /= sum;
}

static const char *
word(void)
{
	double u = unit();
	size_t lo = 0, hi = VOCAB - 1, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (vocab[lo]);
}

static void
words(struct buf *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			(void)buf_addch(b, ' ');
		(void)buf_addstr(b, word());
	}
}

static const struct {
	const char *tag;
	double p;
} sel[] = { { "001", 0.001 }, { "01", 0.01 }, { "10", 0.10 } };

static void
body(struct buf *b)
{
	size_t n = 120 + next() % 61, k;

	(void)buf_addstr(b, "<p>");
	words(b, n / 2);
	for (k = 0; k < 3; k++) {
		const char *t = sel[k].tag;
		double p = sel[k].p;

		if (unit() < p)
			(void)buf_addf(b, " onew%s", t);
		if (unit() < p)
			(void)buf_addf(b, " twoa%s %s twob%s", t, word(), t);
		if (unit() < p)
			(void)buf_addf(b, " twoa%s", t);
		if (unit() < p)
			(void)buf_addf(b, " twob%s", t);
		if (unit() < p)
			(void)buf_addf(b, " phra%s phrb%s", t, t);
		if (unit() < p)
			(void)buf_addf(b, " phrb%s %s phra%s", t, word(), t);
		if (unit() < p)
			(void)buf_addf(b, " pfx%s%c%c%c", t,
			    (char)('a' + next() % 26), (char)('a' + next() % 26),
			    (char)('a' + next() % 26));
	}
	(void)buf_addstr(b, "</p><p>");
	words(b, n - n / 2);
	(void)buf_addstr(b, "</p>");
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* CPU seconds (user + system) used so far. */
static double
cpu(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	    (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6);
}

static void
die(const char *what, const struct err *err)
{
	fprintf(stderr, "search-gen: %s: %s\n", what, err->msg);
	exit(1);
}

int
main(int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st;
	struct buf title, content, author, url, ftitle;
	enum store_upsert r;
	long narticles, nfeeds, f, k, per, done = 0;
	double t0, t1, t2, c0, c1, c2;
	const char *mode;
	struct search_sync_opts so;

	if (argc == 6) {
		memset(&so, 0, sizeof(so));
		so.batch = (size_t)strtol(argv[5], NULL, 10);
	}
	if (argc != 5 && argc != 6) {
		fprintf(stderr, "usage: search-gen DBFILE ARTICLES FEEDS "
		    "batch|triggers|none|rebuild [BATCH]\n");
		return (2);
	}
	narticles = strtol(argv[2], NULL, 10);
	nfeeds = strtol(argv[3], NULL, 10);
	mode = argv[4];
	make_vocab();
	if ((st = store_open(argv[1], STORE_CREATE, &err)) == NULL)
		die("open", &err);
	if (strcmp(mode, "triggers") == 0 || strcmp(mode, "rebuild") == 0) {
		/* the index exists, empty */
		if (search_sync(st, &err) == -1)
			die("sync", &err);
	}
	if (strcmp(mode, "triggers") == 0) {
		/* a row trigger feeds it */
		if (sqlite3_exec(store_db(st),
		    "CREATE TRIGGER bench_ai AFTER INSERT ON items BEGIN"
		    " INSERT INTO search_fts(rowid, title, author, feed, text)"
		    " VALUES (new.id, new.title, new.author, NULL,"
		    " coalesce(new.content_text, new.content)); END;",
		    NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "search-gen: %s\n",
			    sqlite3_errmsg(store_db(st)));
			return (1);
		}
	}
	buf_init(&title, 4096);
	buf_init(&content, BUF_CAP_TEXT);
	buf_init(&author, 256);
	buf_init(&url, 256);
	buf_init(&ftitle, 256);
	t0 = now();
	c0 = cpu();
	for (f = 0; f < nfeeds; f++) {
		int64_t feed;

		per = narticles / nfeeds + (f < narticles % nfeeds ? 1 : 0);
		buf_reset(&url);
		(void)buf_addf(&url, "http://feed%ld.example/rss", f);
		if (store_begin(st, &err) == -1 ||
		    (feed = store_feed_ensure(st, buf_str(&url), &err)) == -1)
			die("feed", &err);
		buf_reset(&ftitle);
		words(&ftitle, 2);
		if (store_feed_set_meta(st, feed, buf_str(&ftitle), NULL, &err)
		    == -1)
			die("meta", &err);
		for (k = 0; k < per; k++) {
			struct item it;
			char guid[64];

			item_init(&it);
			(void)snprintf(guid, sizeof(guid), "g%ld", done);
			buf_reset(&title);
			words(&title, 4 + next() % 8);
			buf_reset(&author);
			words(&author, 2);
			buf_reset(&content);
			body(&content);
			it.guid = xstrdup(guid);
			it.title = xstrdup(buf_str(&title));
			it.author = xstrdup(buf_str(&author));
			it.link = xstrdup(buf_str(&url));
			it.published = 1600000000 + done * 60;
			it.content_type = "html";
			it.content = xstrdup(buf_str(&content));
			if (store_item_upsert(st, feed, &it, 1700000000, &r,
			    &err) == -1)
				die("upsert", &err);
			item_clear(&it);
			done++;
		}
		if (store_commit(st, &err) == -1)
			die("commit", &err);
	}
	t1 = now();
	c1 = cpu();
	if (strcmp(mode, "batch") == 0) {
		if (search_sync_with(st, argc == 6 ? &so : NULL, &err) == -1)
			die("sync", &err);
	} else if (strcmp(mode, "rebuild") == 0) {
		if (sqlite3_exec(store_db(st), "BEGIN IMMEDIATE;"
		    "INSERT INTO search_fts(search_fts) VALUES ('rebuild');"
		    "UPDATE search_state SET value = (SELECT max(seq) FROM items)"
		    " WHERE key = 'seq';"
		    "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
			fprintf(stderr, "search-gen: %s\n",
			    sqlite3_errmsg(store_db(st)));
			return (1);
		}
	}
	t2 = now();
	c2 = cpu();
	printf("articles %ld feeds %ld mode %s\n", done, nfeeds, mode);
	printf("store %.2f s (cpu %.2f)\nindex %.2f s (cpu %.2f)\n"
	    "total %.2f s (cpu %.2f)\n", t1 - t0, c1 - c0, t2 - t1, c2 - c1,
	    t2 - t0, c2 - c0);
	store_close(st);
	buf_free(&title);
	buf_free(&content);
	buf_free(&author);
	buf_free(&url);
	buf_free(&ftitle);
	return (0);
}
