/* item: lifetime helpers for parsed items and feed metadata. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "item.h"

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
