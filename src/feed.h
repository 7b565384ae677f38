/*
 * feed: the streaming feed parser.  Bytes go in as they arrive (from a
 * file or from libcurl's write callback); the format (RSS 0.9x/1.0/2.0,
 * Atom 0.3/1.0, JSON Feed) and the character set are detected, text is
 * converted to UTF-8, and each completed item is handed to the sink in
 * document order.  Hostile input is bounded by the limits in the options.
 *
 * Ownership: the parser owns everything it hands out; items passed to the
 * sink and the meta returned by feed_parser_meta are borrowed.
 */
#ifndef GAZETTE_FEED_H
#define GAZETTE_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"
#include "item.h"

struct feed_sink {
	void	*ctx;
	/* One completed item, borrowed.  Return non-zero to stop parsing. */
	int	(*item)(void *ctx, const struct item *item);
};

struct feed_parse_opts {
	const char	*base_url;	/* feed URL or --base, for relative links */
	const char	*charset;	/* HTTP charset; used only when the
					   document declares none */
	bool		 charset_force;	/* charset is a user's override: it
					   wins over the XML declaration;
					   only a BOM beats it (see
					   encoding.h) */
	size_t		 max_bytes;	/* 0: FEED_DEFAULT_MAX_BYTES */
	size_t		 max_items;	/* 0: FEED_DEFAULT_MAX_ITEMS */
	bool		 description;	/* newsboat's always-display-
					   description: the summary
					   (description) over the full
					   content when both are there */
};

#define FEED_DEFAULT_MAX_BYTES	(64u * 1024 * 1024)
#define FEED_DEFAULT_MAX_ITEMS	100000u

enum feed_status {
	FEED_OK = 0,	/* a feed, parsed to the end */
	FEED_PARTIAL,	/* a feed, cut short by an error: the items before it
			   were delivered; the warning is in err */
	FEED_FAILED	/* not a feed, unknown encoding, nothing usable */
};

struct feed_parser;

struct feed_parser *feed_parser_new(const struct feed_parse_opts *opts,
		    const struct feed_sink *sink);
/* Feed bytes.  Returns -1 once parsing has stopped (finish tells why). */
int		 feed_parser_push(struct feed_parser *p, const void *data,
		    size_t len);
enum feed_status feed_parser_finish(struct feed_parser *p, struct err *err);
/* The feed's own metadata; complete after finish. */
const struct feed_meta *feed_parser_meta(const struct feed_parser *p);
void		 feed_parser_free(struct feed_parser *p);

#endif
