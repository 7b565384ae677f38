/*
 * guid: FNV-1a (64-bit) over length-prefixed fields, so that
 * ("ab", "c") and ("a", "bc") differ.  Not cryptographic: it only has to
 * tell apart the items of one feed, and be stable across versions, since
 * the store keys items by (feed, guid).  Do not change it.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "guid.h"
#include "xmalloc.h"

#define FNV_OFFSET	UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME	UINT64_C(0x100000001b3)

static uint64_t
fnv_bytes(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= FNV_PRIME;
	}
	return (h);
}

static uint64_t
fnv_field(uint64_t h, const char *s)
{
	unsigned char len[8];
	uint64_t n = s != NULL ? strlen(s) : 0;
	int i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(n >> (8 * i));
	h = fnv_bytes(h, len, sizeof(len));
	return (n > 0 ? fnv_bytes(h, s, (size_t)n) : h);
}

char *
feed_guid_hash(const char *link, const char *title, const char *body)
{
	uint64_t h = FNV_OFFSET;
	char out[17];

	if ((link != NULL && *link != '\0') ||
	    (title != NULL && *title != '\0')) {
		h = fnv_field(h, link);
		h = fnv_field(h, title);
	} else {
		h = fnv_bytes(h, "body", 4);
		h = fnv_field(h, body);
	}
	snprintf(out, sizeof(out), "%016llx", (unsigned long long)h);
	return (xstrdup(out));
}
