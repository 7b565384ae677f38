/*
 * entities: HTML character references to UTF-8.
 *
 * Named references come from the generated table (entities_table.c,
 * searched with bsearch).  Decoding follows the HTML5 tokenizer's rules
 * for text content: the longest known name wins, a name without its ';'
 * is only decoded when HTML5 lists it as a legacy one ("&eacute", "&amp"),
 * numeric references may lack the ';', and bad numbers become U+FFFD.
 *
 * One step beyond HTML5, for feeds: references whose numbers are the
 * bytes of one UTF-8 character ("&#226;&#128;&#166;", UTF-8 read as
 * Latin-1 and written out as references) are that character, "…".
 * Nobody writes "â€¦" on purpose.  entities_fix_c1 does the same for
 * text in which such characters arrive raw, and reads C1 controls as
 * the windows-1252 characters they were meant to be.
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

/* The length of the UTF-8 sequence that byte b starts (2-4), or 0. */
static int
utf8_lead_len(uint32_t b)
{
	if (b >= 0xc2 && b <= 0xdf)
		return (2);
	if (b >= 0xe0 && b <= 0xef)
		return (3);
	if (b >= 0xf0 && b <= 0xf4)
		return (4);
	return (0);
}

/* May byte b stand at index i (1-3) of the sequence that lead starts?
   (No overlong forms, no surrogates, nothing past U+10FFFF.) */
static bool
utf8_cont_ok(uint32_t lead, int i, uint32_t b)
{
	uint32_t lo = 0x80, hi = 0xbf;

	if (i == 1) {
		if (lead == 0xe0)
			lo = 0xa0;
		else if (lead == 0xed)
			hi = 0x9f;
		else if (lead == 0xf0)
			lo = 0x90;
		else if (lead == 0xf4)
			hi = 0x8f;
	}
	return (b >= lo && b <= hi);
}

static uint32_t
utf8_join(const uint32_t *b, int len)
{
	uint32_t cp = b[0] & (0x7fu >> len);
	int i;

	for (i = 1; i < len; i++)
		cp = (cp << 6) | (b[i] & 0x3f);
	return (cp);
}

/* A C1 control as windows-1252 says (five bytes it leaves undefined
   stay what they are); any other code point unchanged. */
static uint32_t
c1_fix(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f ? c1_windows1252[cp - 0x80] : cp);
}

#define REF_MAX_DIGITS	8

/*
 * One numeric reference at s (n bytes) for entities_utf8_refs: "&#DDD;"
 * or "&#xHH;", at most REF_MAX_DIGITS digits, the ';' required when semi
 * is.  Returns its length and its number in *v, or 0.
 */
static size_t
ref_value(const char *s, size_t n, bool semi, uint32_t *v)
{
	size_t j = 2, start;
	int base = 10, d;

	if (n < 3 || s[0] != '&' || s[1] != '#')
		return (0);
	if (s[2] == 'x' || s[2] == 'X') {
		base = 16;
		j++;
	}
	start = j;
	*v = 0;
	while (j < n && j - start < REF_MAX_DIGITS &&
	    (d = hex_value(s[j])) >= 0 && d < base) {
		*v = *v * (uint32_t)base + (uint32_t)d;
		j++;
	}
	if (j == start || (j < n && (d = hex_value(s[j])) >= 0 && d < base))
		return (0);
	if (j < n && s[j] == ';')
		return (j + 1);
	return (semi ? 0 : j);
}

size_t
entities_utf8_refs(const char *s, size_t n, bool semi, uint32_t *cp)
{
	uint32_t b[4];
	size_t used, k;
	int len, i;

	if ((used = ref_value(s, n, semi, &b[0])) == 0 ||
	    (len = utf8_lead_len(b[0])) == 0)
		return (0);
	for (i = 1; i < len; i++) {
		if ((k = ref_value(s + used, n - used, semi, &b[i])) == 0 ||
		    !utf8_cont_ok(b[0], i, b[i]))
			return (0);
		used += k;
	}
	*cp = c1_fix(utf8_join(b, len));
	return (used);
}

void
entities_fix_utf8_refs(char *s)
{
	char *r, *w;
	size_t n, k;
	uint32_t cp;

	if (s == NULL || (r = strstr(s, "&#")) == NULL)
		return;
	n = strlen(r);
	w = r;
	while (n > 0) {
		if (r[0] == '&' && (k = entities_utf8_refs(r, n, false,
		    &cp)) > 0) {
			/* At least two references (10 bytes) make at most
			   4 bytes: the string only shrinks. */
			w += entities_utf8(cp, w);
			r += k;
			n -= k;
		} else {
			*w++ = *r++;
			n--;
		}
	}
	*w = '\0';
}

/* The code point U+0080-U+00FF at s (its two UTF-8 bytes), or 0. */
static uint32_t
latin1_at(const unsigned char *s)
{
	if ((s[0] == 0xc2 || s[0] == 0xc3) && (s[1] & 0xc0) == 0x80)
		return (((uint32_t)(s[0] & 0x1f) << 6) | (s[1] & 0x3f));
	return (0);
}

char *
entities_fix_c1(char *s)
{
	const unsigned char *p, *q;
	char *out, *w;
	uint32_t b[4];
	size_t n;
	bool c1;
	int len, i;

	if (s == NULL)
		return (NULL);
	/* Most text has no C1 control at all: leave it untouched. */
	for (p = (unsigned char *)s; (p = (const unsigned char *)strchr(
	    (const char *)p, '\xc2')) != NULL; p++)
		if (p[1] >= 0x80 && p[1] <= 0x9f)
			break;
	if (p == NULL)
		return (s);
	n = strlen(s);
	/* A C1 control (2 bytes) becomes at most 3. */
	out = w = xmalloc(n + n / 2 + 1);
	for (p = (unsigned char *)s; *p != '\0';) {
		if ((b[0] = latin1_at(p)) == 0) {
			*w++ = (char)*p++;
			continue;
		}
		/* Double-encoded UTF-8 with a C1 control in it. */
		len = utf8_lead_len(b[0]);
		c1 = false;
		q = p + 2;
		for (i = 1; i < len; i++, q += 2) {
			if ((b[i] = latin1_at(q)) == 0 ||
			    !utf8_cont_ok(b[0], i, b[i]))
				break;
			c1 = c1 || b[i] <= 0x9f;
		}
		if (len > 0 && i == len && c1) {
			w += entities_utf8(c1_fix(utf8_join(b, len)), w);
			p = q;
			continue;
		}
		w += entities_utf8(c1_fix(b[0]), w);
		p += 2;
	}
	*w = '\0';
	free(s);
	return (out);
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
	size_t n, len;
	uint32_t cp;
	int ulen;

	if (s == NULL)
		return (NULL);
	/* A reference decodes to at most 6/5 of its own length ("&nGt;"
	   is 5 bytes for 6; numeric ones never grow), so twice is plenty. */
	len = strlen(s);
	out = xreallocarray(NULL, len + 1, 2);
	for (p = s, w = out; *p != '\0';) {
		if (*p != '&') {
			*w++ = *p++;
			continue;
		}
		if (p[1] == '#' && (n = entities_utf8_refs(p, len -
		    (size_t)(p - s), false, &cp)) > 0) {
			w += entities_utf8(cp, w);
			p += n;
		} else if (p[1] == '#' &&
		    (n = numeric_ref(p + 2, u, &ulen)) > 0) {
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
