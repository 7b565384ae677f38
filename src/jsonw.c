/* jsonw: JSON output with strict escaping. */
#include "config.h"

#include <inttypes.h>
#include <string.h>

#include "jsonw.h"

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t
utf8_seq(const unsigned char *s, size_t n)
{
	size_t len, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return (1);
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else
		return (0);
	if (n < len)
		return (0);
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return (0);
	return (len);
}

void
jsonw_str(struct buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, seq;

	if (s == NULL) {
		jsonw_null(b);
		return;
	}
	n = strlen(s);
	buf_addch(b, '"');
	while (n > 0) {
		size_t run = 0;

		/* Copy runs of printable ASCII in one go. */
		while (run < n && p[run] >= 0x20 && p[run] < 0x7f &&
		    p[run] != '"' && p[run] != '\\')
			run++;
		if (run > 0) {
			buf_add(b, p, run);
			p += run;
			n -= run;
			continue;
		}
		if (*p == '"' || *p == '\\') {
			buf_addch(b, '\\');
			buf_addch(b, (char)*p);
		} else if (*p == '\n')
			buf_addstr(b, "\\n");
		else if (*p == '\t')
			buf_addstr(b, "\\t");
		else if (*p == '\r')
			buf_addstr(b, "\\r");
		else if (*p < 0x20 || *p == 0x7f)
			buf_addf(b, "\\u%04x", *p);
		else if (*p < 0x80)
			buf_addch(b, (char)*p);
		else if ((seq = utf8_seq(p, n)) == 0) {
			buf_addstr(b, "\xef\xbf\xbd");
		} else {
			/*
			 * C1 controls (U+0080..U+009F) and bidi controls
			 * (U+202A..U+202E, U+2066..U+2069) are escaped too:
			 * the same data, but nothing a terminal acts on.
			 */
			if (seq == 2 && p[0] == 0xc2 && p[1] < 0xa0)
				buf_addf(b, "\\u%04x", p[1]);
			else if (seq == 3 && p[0] == 0xe2 &&
			    ((p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae) ||
			    (p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)))
				buf_addf(b, "\\u%04x", (unsigned)(0x2000 |
				    ((p[1] & 0x3f) << 6) | (p[2] & 0x3f)));
			else
				buf_add(b, p, seq);
			p += seq;
			n -= seq;
			continue;
		}
		p++;
		n--;
	}
	buf_addch(b, '"');
}

void
jsonw_key(struct buf *b, const char *key, bool first)
{
	if (!first)
		buf_addch(b, ',');
	jsonw_str(b, key);
	buf_addch(b, ':');
}

void
jsonw_int(struct buf *b, int64_t v)
{
	buf_addf(b, "%" PRId64, v);
}

void
jsonw_bool(struct buf *b, bool v)
{
	buf_addstr(b, v ? "true" : "false");
}

void
jsonw_null(struct buf *b)
{
	buf_addstr(b, "null");
}
