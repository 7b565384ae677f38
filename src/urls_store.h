/*
 * urls_store: the urls file's feeds written to the store (rows, titles,
 * tags), and the feeds no longer in it marked gone (see store.h,
 * store_feeds_sync).  Done by a full `gazette refresh` and by the
 * interface whenever it reads the urls file.
 */
#ifndef GAZETTE_URLS_STORE_H
#define GAZETTE_URLS_STORE_H

#include "err.h"
#include "store.h"
#include "urls.h"

/*
 * ids (NULL, or list->n entries) gets each feed's id; 0 for query feeds
 * and separators, which have no row.
 */
int	urls_store_sync(struct store *st, const struct urls_list *list,
	    int64_t *ids, struct err *err);

#endif
