/*
 * entities: HTML character references to UTF-8.
 *
 * Named references come from the generated table (entities_table.c,
 * searched with bsearch).  Decoding follows the HTML5 tokenizer's rules
 * for text content: the longest known name wins, a name without its ';'
 * is only decoded when HTML5 lists it as a legacy one ("&eacute", "&amp"),
 * numeric references may lack the ';', and bad numbers become U+FFFD.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "entities_table.h"
#include "xmalloc.h"

struct name_key {
	const char	*name;
	size_t		 len;
};

/* HTML5: numeric references to 0x80-0x9F mean windows-1252 characters. */
static const uint16_t c1_windows1252[32] = {
	0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
	0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178
};

static int
compare_entry(const void *k, const void *e)
{
	const struct name_key *key = k;
	const struct entities_entry *entry = e;
	size_t elen = strlen(entry->name);
	int c;

	c = strncmp(key->name, entry->name, key->len < elen ? key->len : elen);
	if (c != 0)
		return (c);
	if (key->len == elen)
		return (0);
	return (key->len < elen ? -1 : 1);
}

static const struct entities_entry *
find(const char *name, size_t len)
{
	struct name_key key;

	if (len == 0 || len >= ENTITIES_MAX_NAME)
		return (NULL);
	key.name = name;
	key.len = len;
	return (bsearch(&key, entities_table, entities_table_len,
	    sizeof(entities_table[0]), compare_entry));
}

int
entities_lookup(const char *name, size_t len, char out[8])
{
	const struct entities_entry *e;

	if (name == NULL || memchr(name, '\0', len) != NULL ||
	    (e = find(name, len)) == NULL)
		return (-1);
	memcpy(out, e->value, e->value_len);
	out[e->value_len] = '\0';
	return (e->value_len);
}

int
entities_utf8(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return (1);
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return (4);
}

static bool
is_alnum(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'));
}

static int
hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/*
 * A numeric reference at p (just after "&#").  Returns the number of
 * bytes consumed after "&#", 0 when there is no reference; the UTF-8
 * goes to out and its length to *outlen.
 */
static size_t
numeric_ref(const char *p, char out[4], int *outlen)
{
	const char *q = p;
	uint32_t cp = 0;
	bool hex = false, overflow = false;
	int d, base;

	if (*q == 'x' || *q == 'X') {
		hex = true;
		q++;
	}
	base = hex ? 16 : 10;
	if ((d = hex_value(*q)) < 0 || d >= base)
		return (0);
	for (; (d = hex_value(*q)) >= 0 && d < base; q++) {
		cp = cp * (uint32_t)base + (uint32_t)d;
		if (cp > 0x10ffff) {
			overflow = true;
			cp = 0x110000;
		}
	}
	if (*q == ';')
		q++;
	if (overflow || cp == 0 || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	else if (cp >= 0x80 && cp <= 0x9f)
		cp = c1_windows1252[cp - 0x80];
	*outlen = entities_utf8(cp, out);
	return ((size_t)(q - p));
}

/*
 * A named reference at p (just after '&').  Returns the bytes consumed
 * after '&', 0 when none; the entry goes to *entry.
 */
static size_t
named_ref(const char *p, const struct entities_entry **entry)
{
	const struct entities_entry *e;
	size_t n = 0, k;

	while (n < ENTITIES_MAX_NAME && is_alnum(p[n]))
		n++;
	if (n == 0 || n == ENTITIES_MAX_NAME)
		return (0);
	if (p[n] == ';' && (e = find(p, n)) != NULL) {
		*entry = e;
		return (n + 1);
	}
	/* Legacy names without ';': the longest that prefixes the text. */
	for (k = n; k >= 2; k--) {
		if ((e = find(p, k)) != NULL && e->legacy) {
			*entry = e;
			return (k);
		}
	}
	return (0);
}

char *
entities_decode(const char *s)
{
	const struct entities_entry *e;
	char *out, *w, u[4];
	const char *p;
	size_t n;
	int ulen;

	if (s == NULL)
		return (NULL);
	/* A reference decodes to at most 6/5 of its own length ("&nGt;"
	   is 5 bytes for 6; numeric ones never grow), so twice is plenty. */
	out = xreallocarray(NULL, strlen(s) + 1, 2);
	for (p = s, w = out; *p != '\0';) {
		if (*p != '&') {
			*w++ = *p++;
			continue;
		}
		if (p[1] == '#' && (n = numeric_ref(p + 2, u, &ulen)) > 0) {
			memcpy(w, u, (size_t)ulen);
			w += ulen;
			p += 2 + n;
		} else if ((n = named_ref(p + 1, &e)) > 0) {
			memcpy(w, e->value, e->value_len);
			w += e->value_len;
			p += 1 + n;
		} else
			*w++ = *p++;
	}
	*w = '\0';
	return (out);
}
