/*
 * feed_filter: the repair filter between charset conversion and expat.
 *
 * Expat is strict; feeds are not.  Before the bytes reach expat (always
 * as UTF-8: feed.c converts first and tells expat the document is UTF-8,
 * which overrides the declaration), a small streaming filter repairs the
 * common faults that would otherwise end the parse, outside CDATA,
 * comments and processing instructions:
 *  - HTML named references (&nbsp; &eacute; &rsquo;, the full HTML5 list)
 *    that no DTD declares are replaced by their characters (as numeric
 *    references when the character is markup: &LT;);
 *  - an '&' that starts no reference ("a & b", "?a=1&b=2") becomes &amp;;
 *  - a '<' that cannot start markup ("a < b") becomes &lt;;
 *  - numeric references to 0x80-0x9F are read as windows-1252 (&#146; is
 *    a right quote), as HTML does; to NUL, surrogates or beyond U+10FFFF
 *    they become U+FFFD; references whose numbers are the bytes of one
 *    UTF-8 character (&#226;&#128;&#166;, double-encoded) are that
 *    character (entities_utf8_refs);
 *  - control characters XML forbids (raw or as references) are parked in
 *    the private-use area (U+10FFC0 + c) so that expat accepts them, and
 *    turned back into the control character when the text is collected:
 *    JSON output escapes them (\u001b), nothing is silently lost;
 *  - "]]>" outside a CDATA section becomes "]]&gt;";
 *  - U+FFFE and U+FFFF become U+FFFD; blank lines before the XML
 *    declaration are dropped.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "entities.h"
#include "feed_internal.h"

enum fstate { FS_TEXT = 0, FS_CDATA, FS_COMMENT, FS_PI };

/* windows-1252 0x80-0x9F (0: undefined, the code point is kept). */
static const uint16_t cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178
};

/* Bytes the filter looks at in each state; everything else is copied. */
static unsigned char special[4][256];
static bool special_ready;

static void
special_init(void)
{
	int s, c;

	if (special_ready)
		return;
	for (s = 0; s < 4; s++) {
		for (c = 0; c < 0x20; c++)
			if (c != '\t' && c != '\n' && c != '\r')
				special[s][c] = 1;
		special[s][0xef] = 1;
	}
	special[FS_TEXT]['<'] = 1;
	special[FS_TEXT]['&'] = 1;
	special[FS_TEXT][']'] = 1;
	special[FS_CDATA][']'] = 1;
	special[FS_COMMENT]['-'] = 1;
	special[FS_PI]['?'] = 1;
	special_ready = true;
}

static void
out_cp(struct enc_out *o, uint32_t cp)
{
	char u[4];
	int n;

	n = entities_utf8(cp, u);
	enc_out_add(o, u, (size_t)n);
}

/* A control character XML forbids, parked in the private-use area. */
static void
out_parked(struct enc_out *o, unsigned char c)
{
	char u[4] = { '\xf4', '\x8f', '\xbf', '\0' };

	if (c == 0) {
		enc_out_add(o, "\xef\xbf\xbd", 3);
		return;
	}
	u[3] = (char)(0x80 | c);
	enc_out_add(o, u, 4);
}

static bool
is_alpha(unsigned char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static bool
is_digit(unsigned char c)
{
	return (c >= '0' && c <= '9');
}

static bool
is_namechar(unsigned char c)
{
	return (is_alpha(c) || is_digit(c) || c == '.' || c == '-' ||
	    c == '_' || c == ':');
}

static int
hexval(unsigned char c)
{
	if (is_digit(c))
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

#define REF_LOOKAHEAD	48
/* Double-encoded UTF-8: up to 4 references of at most 12 bytes. */
#define SEQ_LOOKAHEAD	48

/*
 * An '&' at s[0] (n bytes available).  Returns the bytes consumed, or 0
 * when more input is needed to decide.
 */
static size_t
filter_ref(const unsigned char *s, size_t n, bool eof, struct enc_out *o)
{
	size_t j, start;
	uint32_t v = 0;
	bool hex = false, big = false;
	char u[8];
	int len, h;

	if (n < 2)
		goto need;
	if (s[1] == '#') {
		j = 2;
		if (j < n && (s[j] == 'x' || s[j] == 'X')) {
			hex = true;
			j++;
		}
		start = j;
		while (j < n && j < REF_LOOKAHEAD) {
			h = hex ? hexval(s[j]) : (is_digit(s[j]) ? s[j] - '0' :
			    -1);
			if (h < 0)
				break;
			if (v > 0x10ffff)
				big = true;
			else
				v = v * (hex ? 16 : 10) + (uint32_t)h;
			j++;
		}
		if (j >= n && j < REF_LOOKAHEAD)
			goto need;
		if (j == start || s[j] != ';')
			goto bare;
		j++;
		if (v >= 0xc2 && v <= 0xf4 && !big) {
			uint32_t cp;
			size_t k;

			if (n < SEQ_LOOKAHEAD && !eof)
				goto need;
			if ((k = entities_utf8_refs((const char *)s, n, true,
			    &cp)) > 0) {
				out_cp(o, cp == 0xfffe || cp == 0xffff ?
				    0xfffd : cp);
				return (k);
			}
		}
		if (big || v > 0x10ffff || v == 0 || (v >= 0xd800 &&
		    v <= 0xdfff) || v == 0xfffe || v == 0xffff) {
			enc_out_add(o, "\xef\xbf\xbd", 3);
		} else if (v < 0x20 && v != 9 && v != 10 && v != 13) {
			out_parked(o, (unsigned char)v);
		} else if (v >= 0x80 && v <= 0x9f && cp1252[v - 0x80] != 0) {
			out_cp(o, cp1252[v - 0x80]);
		} else if (hex && s[2] == 'X') {
			char ref[16];	/* &#X..; is HTML, not XML */

			snprintf(ref, sizeof(ref), "&#%lu;", (unsigned long)v);
			enc_out_add(o, ref, strlen(ref));
		} else
			enc_out_add(o, s, j);
		return (j);
	}
	if (!is_alpha(s[1]) && s[1] != '_' && s[1] != ':')
		goto bare;
	for (j = 2; j < n && j < REF_LOOKAHEAD && is_namechar(s[j]); j++)
		;
	if (j >= n && j < REF_LOOKAHEAD)
		goto need;
	if (j >= REF_LOOKAHEAD || s[j] != ';')
		goto bare;
	len = j - 1 == 2 && memcmp(s + 1, "lt", 2) == 0 ? -2 :
	    j - 1 == 2 && memcmp(s + 1, "gt", 2) == 0 ? -2 :
	    j - 1 == 3 && memcmp(s + 1, "amp", 3) == 0 ? -2 :
	    j - 1 == 4 && memcmp(s + 1, "quot", 4) == 0 ? -2 :
	    j - 1 == 4 && memcmp(s + 1, "apos", 4) == 0 ? -2 :
	    entities_lookup((const char *)s + 1, j - 1, u);
	if (len < 0) {
		/* XML's own, or unknown: expat decides (DTD or skipped). */
		enc_out_add(o, s, j + 1);
		return (j + 1);
	}
	for (h = 0; h < len; h++) {
		unsigned char c = (unsigned char)u[h];

		if (c == '<' || c == '>' || c == '&' || c == '"' ||
		    c == '\'') {
			char ref[8];

			snprintf(ref, sizeof(ref), "&#%d;", c);
			enc_out_add(o, ref, strlen(ref));
		} else
			enc_out_add(o, &u[h], 1);
	}
	return (j + 1);
need:
	if (!eof)
		return (0);
bare:
	enc_out_add(o, "&amp;", 5);
	return (1);
}

size_t
fx_filter(struct fx *x, const char *s0, size_t n, bool eof,
    struct enc_out *o)
{
	const unsigned char *s = (const unsigned char *)s0;
	const unsigned char *sp;
	size_t i = 0, run, used;
	unsigned char c;

	special_init();
	if (!x->fstarted) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r'))
			i++;
		if (i + 3 <= n && memcmp(s + i, "\xef\xbb\xbf", 3) == 0)
			i += 3;
		if (i >= n && !eof)
			return (n);
		if (i + 3 > n && !eof && s[i] == 0xef)
			return (i);
		x->fstarted = true;
	}
	enc_out_reserve(o, n - i + 64);
	while (i < n) {
		sp = special[x->fstate];
		run = i;
		for (;;) {
			while (i < n && !sp[s[i]])
				i++;
			/* A start or end tag: the common case, keep going. */
			if (i + 1 < n && s[i] == '<' && x->fstate == FS_TEXT &&
			    (is_alpha(s[i + 1]) || s[i + 1] == '/')) {
				i += 2;
				continue;
			}
			break;
		}
		if (i > run)
			enc_out_add(o, s + run, i - run);
		if (i >= n)
			break;
		c = s[i];
		if (c < 0x20) {
			out_parked(o, c);
			i++;
			continue;
		}
		if (c == 0xef) {
			if (i + 2 < n && s[i + 1] == 0xbf && (s[i + 2] == 0xbe ||
			    s[i + 2] == 0xbf)) {
				enc_out_add(o, "\xef\xbf\xbd", 3);
				i += 3;
			} else {
				enc_out_add(o, s + i, 1);
				i++;
			}
			continue;
		}
		switch (x->fstate) {
		case FS_TEXT:
			if (c == '&') {
				used = filter_ref(s + i, n - i, eof, o);
				if (used == 0)
					return (i);
				i += used;
				break;
			}
			if (c == ']') {
				/* "]]>" outside CDATA is an XML error. */
				if (n - i < 3 && !eof)
					return (i);
				if (n - i >= 3 && s[i + 1] == ']' &&
				    s[i + 2] == '>') {
					enc_out_add(o, "]]&gt;", 6);
					i += 3;
				} else {
					enc_out_add(o, s + i, 1);
					i++;
				}
				break;
			}
			/* '<' */
			if (n - i < 9 && !eof)
				return (i);
			if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
				enc_out_add(o, s + i, 9);
				i += 9;
				x->fstate = FS_CDATA;
			} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
				enc_out_add(o, s + i, 4);
				i += 4;
				x->fstate = FS_COMMENT;
			} else if (n - i >= 2 && s[i + 1] == '?') {
				enc_out_add(o, s + i, 2);
				i += 2;
				x->fstate = FS_PI;
			} else if (n - i >= 2 && (is_alpha(s[i + 1]) ||
			    s[i + 1] == '/' || s[i + 1] == '!' ||
			    s[i + 1] == '_' || s[i + 1] == ':' ||
			    s[i + 1] >= 0x80)) {
				enc_out_add(o, s + i, 1);
				i++;
			} else {
				enc_out_add(o, "&lt;", 4);
				i++;
			}
			break;
		case FS_CDATA:
		case FS_COMMENT:
		case FS_PI:
			{
				const char *end = x->fstate == FS_CDATA ?
				    "]]>" : x->fstate == FS_COMMENT ? "-->" :
				    "?>";
				size_t elen = strlen(end);

				if (n - i < elen && !eof)
					return (i);
				if (n - i >= elen && memcmp(s + i, end,
				    elen) == 0) {
					enc_out_add(o, s + i, elen);
					i += elen;
					x->fstate = FS_TEXT;
				} else {
					enc_out_add(o, s + i, 1);
					i++;
				}
			}
			break;
		}
	}
	return (n);
}
