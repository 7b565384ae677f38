/*
 * readfiles.h: what the two in-process parse benchmarks share
 * (bench/expat_floor.c, bench/gazette_inproc.c; bench/parse compiles
 * each on its own, so this is a header of static functions): every file
 * named on the command line read into memory before the clock starts,
 * and the clock.
 */
#ifndef GAZETTE_BENCH_READFILES_H
#define GAZETTE_BENCH_READFILES_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct doc {
	char	*data;
	size_t	 len;
};

/* docs[1..argc) hold argv[1..argc); *total is their size.  Exits 2
   (usage) without files, 1 on an unreadable file. */
static struct doc *
read_docs(const char *prog, int argc, char **argv, size_t *total)
{
	struct doc *docs;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE...\n", prog);
		exit(2);
	}
	docs = calloc((size_t)argc, sizeof(*docs));
	*total = 0;
	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		long n;

		if (f == NULL || fseek(f, 0, SEEK_END) != 0 ||
		    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
			fprintf(stderr, "%s: %s: %s\n", prog, argv[i],
			    strerror(errno));
			exit(1);
		}
		docs[i].len = (size_t)n;
		docs[i].data = malloc(docs[i].len + 1);
		if (fread(docs[i].data, 1, docs[i].len, f) != docs[i].len)
			exit(1);
		fclose(f);
		*total += docs[i].len;
	}
	return (docs);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

#endif
