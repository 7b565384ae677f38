/* urls_store: the urls file's feeds written to the store. */
#include "config.h"

#include <stdlib.h>

#include "urls_store.h"
#include "xmalloc.h"

static bool
has_row(const struct urls_feed *f)
{
	return (f->kind != URLS_QUERY && f->kind != URLS_SEPARATOR);
}

int
urls_store_sync(struct store *st, const struct urls_list *list,
    int64_t *ids, struct err *err)
{
	struct store_sub *subs;
	int64_t *got;
	size_t i, n = 0;
	int rc;

	subs = xcalloc(list->n + 1, sizeof(*subs));
	got = xcalloc(list->n + 1, sizeof(*got));
	for (i = 0; i < list->n; i++) {
		if (!has_row(&list->feeds[i]))
			continue;
		subs[n].url = list->feeds[i].url;
		subs[n].user_title = list->feeds[i].title;
		subs[n].tags = (const char *const *)list->feeds[i].tags;
		subs[n].n_tags = list->feeds[i].n_tags;
		n++;
	}
	rc = store_feeds_sync(st, subs, n, got, err);
	if (rc == 0 && ids != NULL)
		for (i = 0, n = 0; i < list->n; i++)
			ids[i] = has_row(&list->feeds[i]) ? got[n++] : 0;
	free(got);
	free(subs);
	return (rc);
}
