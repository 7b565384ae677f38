/*
 * fuzz_parse: the streaming feed parser (feed.h) on arbitrary bytes, fed
 * in chunks whose sizes come from a hash of the input: every input is
 * tried with one deterministic chunking (so a crash reproduces), and
 * different inputs get different ones (1-byte pushes included).
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "err.h"
#include "feed.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t
hash(const uint8_t *data, size_t size)
{
	uint64_t h = UINT64_C(0xcbf29ce484222325);
	size_t i;

	for (i = 0; i < size; i++) {
		h ^= data[i];
		h *= UINT64_C(0x100000001b3);
	}
	return (h);
}

/* xorshift64: chunk sizes. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return (*s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_parse_opts opts;
	struct feed_sink sink = { NULL, fuzz_check_item };
	struct feed_parser *p;
	struct err err = ERR_INIT;
	enum feed_status st;
	uint64_t seed = hash(data, size) | 1;
	size_t off = 0, n, max_chunk;

	memset(&opts, 0, sizeof(opts));
	opts.base_url = "https://fuzz.example/dir/feed.xml";
	opts.max_bytes = 4u * 1024 * 1024;
	opts.max_items = 1000;
	if ((seed & 6) == 2)
		opts.charset = "windows-1252";
	/* always-display-description: the summary over the content. */
	opts.description = (seed >> 5) & 1;
	/* Whole, tiny, small or medium chunks. */
	switch ((seed >> 3) & 3) {
	case 0:
		max_chunk = size;
		break;
	case 1:
		max_chunk = 1;
		break;
	case 2:
		max_chunk = 16;
		break;
	default:
		max_chunk = 4096;
		break;
	}
	if ((p = feed_parser_new(&opts, &sink)) == NULL)
		return (0);
	while (off < size) {
		n = max_chunk <= 1 ? 1 : 1 + (size_t)(next(&seed) % max_chunk);
		if (n > size - off)
			n = size - off;
		if (feed_parser_push(p, data + off, n) < 0)
			break;
		off += n;
	}
	st = feed_parser_finish(p, &err);
	if (st != FEED_OK && !err_isset(&err))
		abort();
	fuzz_check_meta(feed_parser_meta(p));
	feed_parser_free(p);
	return (0);
}
