/* fuzz_json: feed_json_parse (JSON Feed) on arbitrary bytes. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "err.h"
#include "feed_json.h"
#include "fuzz_common.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct feed_parse_opts opts;
	struct feed_sink sink = { NULL, fuzz_check_item };
	struct feed_meta meta;
	struct err err = ERR_INIT;
	enum feed_status st;

	memset(&opts, 0, sizeof(opts));
	opts.base_url = "https://fuzz.example/dir/feed.json";
	opts.max_items = 1000;
	feed_meta_init(&meta);
	st = feed_json_parse((const char *)data, size, &opts, &meta, &sink,
	    &err);
	if (st != FEED_OK && !err_isset(&err))
		abort();
	fuzz_check_meta(&meta);
	feed_meta_clear(&meta);
	return (0);
}
