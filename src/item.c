/* item: lifetime helpers for parsed items and feed metadata. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "xmalloc.h"

void
item_init(struct item *item)
{
	memset(item, 0, sizeof(*item));
	item->published = ITEM_NO_DATE;
	item->updated = ITEM_NO_DATE;
	item->content_type = "html";
}

void
item_clear(struct item *item)
{
	size_t i;

	free(item->guid);
	free(item->title);
	free(item->link);
	free(item->author);
	free(item->content);
	for (i = 0; i < item->n_enclosures; i++) {
		free(item->enclosures[i].url);
		free(item->enclosures[i].type);
	}
	free(item->enclosures);
	for (i = 0; i < item->n_categories; i++)
		free(item->categories[i]);
	free(item->categories);
	item_init(item);
}

void
item_add_category(struct item *item, char *s)
{
	size_t i;

	if (s == NULL || *s == '\0' ||
	    item->n_categories >= ITEM_MAX_CATEGORIES) {
		free(s);
		return;
	}
	for (i = 0; i < item->n_categories; i++) {
		if (strcmp(item->categories[i], s) == 0) {
			free(s);
			return;
		}
	}
	if (item->categories == NULL)
		item->categories = xcalloc(ITEM_MAX_CATEGORIES,
		    sizeof(*item->categories));
	item->categories[item->n_categories++] = s;
}

void
item_add_enclosure(struct item *item, char *url, char *type,
    int64_t length)
{
	struct enclosure *e;
	size_t i;

	if (url == NULL || *url == '\0')
		goto drop;
	if (length < 0)
		length = -1;
	for (i = 0; i < item->n_enclosures; i++) {
		e = &item->enclosures[i];
		if (strcmp(e->url, url) != 0)
			continue;
		if (e->type == NULL) {
			e->type = type;
			type = NULL;
		}
		if (e->length < 0)
			e->length = length;
		goto drop;
	}
	if (item->n_enclosures >= ITEM_MAX_ENCLOSURES)
		goto drop;
	if (item->enclosures == NULL)
		item->enclosures = xcalloc(ITEM_MAX_ENCLOSURES,
		    sizeof(*item->enclosures));
	e = &item->enclosures[item->n_enclosures++];
	e->url = url;
	e->type = type;
	e->length = length;
	return;
drop:
	free(url);
	free(type);
}

void
feed_meta_init(struct feed_meta *meta)
{
	memset(meta, 0, sizeof(*meta));
	meta->ttl = -1;
}

void
feed_meta_clear(struct feed_meta *meta)
{
	free(meta->title);
	free(meta->link);
	free(meta->description);
	feed_meta_init(meta);
}
