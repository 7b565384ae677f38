/*
 * feed_json: JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1)
 * with json-c.  The whole document is parsed at once (JSON has no useful
 * streaming form here); its size is capped by opts->max_bytes, its
 * nesting depth by FEED_JSON_MAX_DEPTH and the memory its parsed form
 * takes, estimated beforehand from the number of values, by
 * FEED_JSON_MAX_TREE.
 */
#ifndef GAZETTE_FEED_JSON_H
#define GAZETTE_FEED_JSON_H

#include <stddef.h>

#include "err.h"
#include "feed.h"
#include "item.h"

#define FEED_JSON_MAX_DEPTH	64
#define FEED_JSON_MAX_TREE	(64u * 1024 * 1024)	/* bytes, estimated */

/*
 * Parse data (UTF-8, an optional BOM is skipped).  meta must have been
 * initialised (feed_meta_init); it is cleared and filled, with
 * meta->format "jsonfeed".  Items go to the sink in document order,
 * borrowed.  Returns FEED_OK, FEED_PARTIAL (item cap hit: err says so)
 * or FEED_FAILED (not JSON, not a JSON Feed, too big: err says why).
 * A sink that returns non-zero stops the parse with FEED_OK.
 */
enum feed_status feed_json_parse(const char *data, size_t len,
		    const struct feed_parse_opts *opts, struct feed_meta *meta,
		    const struct feed_sink *sink, struct err *err);

#endif
