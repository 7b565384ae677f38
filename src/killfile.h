/*
 * killfile: newsboat's ignore-article rules, as one condition for the
 * store.
 *
 *   ignore-article FEED-URL EXPR	articles of that feed meeting EXPR
 *   ignore-article * EXPR		articles of any feed meeting EXPR
 *
 * The rules are joined with "or" into one SQL condition on items i and
 * feeds f whose values are numbered from STORE_HIDE_PARAM0, for
 * store_set_hide (every read leaves the matches out) and for refresh
 * with ignore-mode download (matches are not stored).
 */
#ifndef GAZETTE_KILLFILE_H
#define GAZETTE_KILLFILE_H

#include <stddef.h>

#include "err.h"
#include "store.h"

struct killfile;

struct killfile	*killfile_new(void);
void		 killfile_free(struct killfile *k);
/* Add a rule; -1 with err (the position in EXPR) when EXPR is bad. */
int		 killfile_add(struct killfile *k, const char *feed,
		    const char *expr, struct err *err);
size_t		 killfile_count(const struct killfile *k);
/* The condition meeting any rule (valid until the next add), or NULL
   without rules. */
const struct store_where *killfile_where(struct killfile *k);

#endif
