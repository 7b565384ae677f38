/*
 * fuzz_common: helpers shared by the feed fuzz targets.  check_item()
 * reads every field of an item so that the sanitizers see any bad
 * pointer, and aborts on broken promises (guid never NULL).
 */
#ifndef GAZETTE_FUZZ_COMMON_H
#define GAZETTE_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "item.h"

static size_t fuzz_sink_bytes;

static void
fuzz_touch(const char *s)
{
	if (s != NULL)
		fuzz_sink_bytes += strlen(s);
}

static int
fuzz_check_item(void *ctx, const struct item *it)
{
	size_t i;

	(void)ctx;
	if (it->guid == NULL || it->content_type == NULL)
		abort();
	fuzz_touch(it->guid);
	fuzz_touch(it->title);
	fuzz_touch(it->link);
	fuzz_touch(it->author);
	fuzz_touch(it->content);
	fuzz_touch(it->content_type);
	for (i = 0; i < it->n_enclosures; i++) {
		if (it->enclosures[i].url == NULL)
			abort();
		fuzz_touch(it->enclosures[i].url);
		fuzz_touch(it->enclosures[i].type);
	}
	for (i = 0; i < it->n_categories; i++)
		fuzz_touch(it->categories[i]);
	return (0);
}

static void
fuzz_check_meta(const struct feed_meta *m)
{
	if (m == NULL)
		return;
	fuzz_touch(m->format);
	fuzz_touch(m->title);
	fuzz_touch(m->link);
	fuzz_touch(m->description);
}

#endif
