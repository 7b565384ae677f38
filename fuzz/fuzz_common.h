/*
 * fuzz_common: helpers shared by the feed fuzz targets.  check_item()
 * reads every field of an item so that the sanitizers see any bad
 * pointer, and aborts on broken promises: guid never NULL, every string
 * valid UTF-8 (DESIGN.md: "Every string is valid UTF-8"; no overlong
 * forms, no surrogates, nothing above U+10FFFF).
 */
#ifndef GAZETTE_FUZZ_COMMON_H
#define GAZETTE_FUZZ_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "item.h"

static size_t fuzz_sink_bytes;

/* Length of the valid UTF-8 sequence at p, 0 when invalid. */
static size_t
fuzz_utf8_seq(const unsigned char *p)
{
	unsigned int cp;
	size_t len, i;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4, cp = p[0] & 0x07;
	else
		return (0);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return (0);
	return (len);
}

static void
fuzz_touch(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	if (s == NULL)
		return;
	while (*p != '\0') {
		if ((n = fuzz_utf8_seq(p)) == 0)
			abort();
		p += n;
	}
	fuzz_sink_bytes += (size_t)(p - (const unsigned char *)s);
}

static int
fuzz_check_item(void *ctx, const struct item *it)
{
	size_t i, j;

	(void)ctx;
	if (it->guid == NULL || it->content_type == NULL)
		abort();
	fuzz_touch(it->guid);
	fuzz_touch(it->title);
	fuzz_touch(it->link);
	fuzz_touch(it->author);
	fuzz_touch(it->content);
	fuzz_touch(it->content_type);
	/* item.h: capped, distinct (categories by text, enclosures by URL). */
	if (it->n_enclosures > ITEM_MAX_ENCLOSURES ||
	    it->n_categories > ITEM_MAX_CATEGORIES)
		abort();
	for (i = 0; i < it->n_enclosures; i++) {
		if (it->enclosures[i].url == NULL ||
		    it->enclosures[i].url[0] == '\0')
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(it->enclosures[i].url,
			    it->enclosures[j].url) == 0)
				abort();
		fuzz_touch(it->enclosures[i].url);
		fuzz_touch(it->enclosures[i].type);
	}
	for (i = 0; i < it->n_categories; i++) {
		if (it->categories[i] == NULL || it->categories[i][0] == '\0')
			abort();
		for (j = 0; j < i; j++)
			if (strcmp(it->categories[i], it->categories[j]) == 0)
				abort();
		fuzz_touch(it->categories[i]);
	}
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
