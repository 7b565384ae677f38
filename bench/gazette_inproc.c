/*
 * gazette_inproc: gazette's parser (feed.h) in one process over every
 * file named on the command line, the same way expat_floor measures
 * expat: files read first, pushed in 16 KiB chunks as from the network,
 * items counted, best of 5 rounds.  Prints "BYTES SECONDS MB/s ITEMS".
 */
#include <stdio.h>
#include <string.h>

#include "feed.h"
#include "readfiles.h"

static int
count_item(void *ctx, const struct item *it)
{
	(void)it;
	(*(size_t *)ctx)++;
	return (0);
}

int
main(int argc, char **argv)
{
	struct feed_parse_opts opts;
	struct feed_sink sink;
	struct doc *docs;
	size_t total, items = 0, off, n, failed = 0;
	double best = 1e99, t;
	int i, round;

	docs = read_docs("gazette_inproc", argc, argv, &total);
	memset(&opts, 0, sizeof(opts));
	sink.ctx = &items;
	sink.item = count_item;
	for (round = 0; round < 5; round++) {
		t = now();
		items = 0;
		failed = 0;
		for (i = 1; i < argc; i++) {
			struct feed_parser *p = feed_parser_new(&opts, &sink);
			struct err err = ERR_INIT;

			for (off = 0; off < docs[i].len; off += n) {
				n = docs[i].len - off;
				if (n > 16384)
					n = 16384;
				if (feed_parser_push(p, docs[i].data + off,
				    n) < 0)
					break;
			}
			if (feed_parser_finish(p, &err) != FEED_OK) {
				if (round == 0)
					fprintf(stderr, "gazette_inproc: %s: "
					    "%s\n", argv[i], err.msg);
				failed++;
			}
			feed_parser_free(p);
		}
		t = now() - t;
		if (t < best)
			best = t;
	}
	printf("%zu %.6f %.1f %zu\n", total, best, (double)total / 1e6 / best,
	    items);
	return (failed > 0);
}
