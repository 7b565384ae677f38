/*
 * opml: OPML import into a urls list, and OPML 2.0 export of one.
 *
 * Import: every <outline> with an xmlUrl is a feed; the text (or title) of
 * each enclosing outline without one (a folder) becomes a tag, and so does
 * each entry of a comma-separated category attribute (a leading '/' is
 * dropped).  The outline's title (else its text, unless that is just the
 * URL) becomes the feed's "~Title".  A feed listed twice is kept once.
 * A document is not trusted: only http(s) feeds come in (never file:,
 * exec:, filter: or query:), a @proxy in gazette:tags is dropped, and
 * titles and tags lose their control characters (tabs and line breaks
 * become spaces), so that every feed imported is one urls line
 * (urls_feed_check).  Each outline skipped is named in a warning; at most
 * USERFILE_MAX_WARNINGS are given, then a count.
 *
 * Export writes one flat outline per feed: text/title, xmlUrl, category
 * (the tags, for other readers) and gazette:tags, the feed's tokens in
 * urls syntax (hidden flag, tags and @settings), so that export then
 * import gives back the same list.  Strings are escaped for XML;
 * invalid UTF-8 is replaced by U+FFFD.
 */
#ifndef GAZETTE_OPML_H
#define GAZETTE_OPML_H

#include <stddef.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "urls.h"

#define OPML_NS		"urn:x-gazette:opml"
#define OPML_MAX_FILE	(64u * 1024 * 1024)
#define OPML_MAX_DEPTH	64

/*
 * Parse an OPML document, appending its feeds to list.  Problems with
 * single outlines go to warn.  Returns 0 when the whole document was
 * read, 1 when an XML error cut it short (the feeds before the error are
 * in list, the error in err), -1 when it is not OPML at all.
 */
int	opml_parse(const char *data, size_t len, const char *name,
	    struct urls_list *list, urls_warn_fn *warn, void *ctx,
	    struct err *err);
/*
 * Read a regular file (at most OPML_MAX_FILE bytes), or standard input
 * for "-", and parse it.
 */
int	opml_load(const char *path, struct urls_list *list,
	    urls_warn_fn *warn, void *ctx, struct err *err);
/* Write list as an OPML 2.0 document into out. */
void	opml_export(const struct urls_list *list, struct buf *out);

#endif
