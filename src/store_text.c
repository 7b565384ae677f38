/* store_text: a one-pass HTML to plain text reduction for search. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "store_text.h"
#include "text.h"
#include "xmalloc.h"

/* A tag name and its length (the length is compared first). */
struct tag_name {
	const char	*name;
	size_t		 len;
};
#define TAG(s)	{ s, sizeof(s) - 1 }

/* Elements whose start or end breaks the text into another line. */
static const struct tag_name block_tags[] = {
	TAG("address"), TAG("article"), TAG("aside"), TAG("blockquote"),
	TAG("br"), TAG("caption"), TAG("dd"), TAG("details"), TAG("div"),
	TAG("dl"), TAG("dt"), TAG("figcaption"), TAG("figure"),
	TAG("footer"), TAG("form"), TAG("h1"), TAG("h2"), TAG("h3"),
	TAG("h4"), TAG("h5"), TAG("h6"), TAG("header"), TAG("hr"),
	TAG("li"), TAG("main"), TAG("nav"), TAG("ol"), TAG("p"), TAG("pre"),
	TAG("section"), TAG("summary"), TAG("table"), TAG("td"), TAG("th"),
	TAG("tr"), TAG("ul"),
};

/* Elements whose content is not text for a reader. */
static const struct tag_name skip_tags[] = {
	TAG("script"), TAG("style"), TAG("template"),
};

struct out {
	char	*s;
	size_t	 len;
	bool	 space;		/* a space is pending */
	bool	 newline;	/* a newline is pending */
};

/* What a byte outside a tag is: most are text (0). */
enum { B_TEXT, B_SPACE, B_NUL, B_TAG };
static const unsigned char byte_class[256] = {
	['\0'] = B_NUL, ['\t'] = B_SPACE, ['\n'] = B_SPACE, ['\f'] = B_SPACE,
	['\r'] = B_SPACE, [' '] = B_SPACE, ['<'] = B_TAG,
};

static unsigned char
ascii_lower(unsigned char c)
{
	return (c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c);
}

/*
 * Is the tag name name[0..n) (any case) one of list?  Called for every
 * tag of every article a refresh stores: lengths are compared before any
 * byte (with strlen per entry this was a third of the function's cost).
 */
static bool
name_in(const char *name, size_t n, const struct tag_name *list,
    size_t count)
{
	size_t i, j;

	for (i = 0; i < count; i++) {
		if (list[i].len != n)
			continue;
		for (j = 0; j < n; j++) {
			if (ascii_lower((unsigned char)name[j]) !=
			    (unsigned char)list[i].name[j])
				break;
		}
		if (j == n)
			return (true);
	}
	return (false);
}

/* Emit one byte of text, flushing pending white space first. */
static void
put(struct out *o, char c)
{
	if (o->len > 0) {
		if (o->newline)
			o->s[o->len++] = '\n';
		else if (o->space)
			o->s[o->len++] = ' ';
	}
	o->space = o->newline = false;
	o->s[o->len++] = c;
}

/* The end of the tag starting at p ('<'), past its '>', or end. */
static const char *
tag_end(const char *p, const char *end)
{
	char quote = 0;

	for (p++; p < end; p++) {
		if (quote != 0) {
			if (*p == quote)
				quote = 0;
		} else if (*p == '"' || *p == '\'')
			quote = *p;
		else if (*p == '>')
			return (p + 1);
	}
	return (end);
}

/* Skip past "</name" ... '>' for a raw-text element, or to the end. */
static const char *
skip_raw(const char *p, const char *end, const char *name, size_t n)
{
	size_t j;

	for (; p < end; p++) {
		if (*p != '<' || end - p < (ptrdiff_t)(n + 2) || p[1] != '/')
			continue;
		for (j = 0; j < n; j++) {
			if (ascii_lower((unsigned char)p[2 + j]) !=
			    (unsigned char)name[j])
				break;
		}
		if (j == n)
			return (tag_end(p, end));
	}
	return (end);
}

/* Are the 8 bytes at s all printable ASCII (0x20-0x7e)? */
static bool
ascii_printable8(const unsigned char *s)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	const uint64_t highs = UINT64_C(0x8080808080808080);
	uint64_t v, del;

	memcpy(&v, s, 8);
	del = v ^ (ones * 0x7f);
	/* no high bit, no byte below 0x20, no 0x7f */
	return ((v & highs) == 0 && ((v - ones * 0x20) & ~v & highs) == 0 &&
	    ((del - ones) & ~del & highs) == 0);
}

/*
 * Is s (len bytes) already what text_sanitize would return: valid UTF-8
 * without controls (but '\n'), C1 controls, bidirectional controls or
 * line/paragraph separators?  Most text is, and this is much cheaper.
 */
static bool
is_clean(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		if (len - i >= 8 && ascii_printable8(s + i)) {
			i += 8;
			continue;
		}
		if (s[i] < 0x80) {
			if ((s[i] < 0x20 && s[i] != '\n') || s[i] == 0x7f)
				return (false);
			i++;
			continue;
		}
		/* two bytes: only the C1 controls (U+0080-U+009F) are out */
		if (s[i] >= 0xc2 && s[i] <= 0xdf && len - i >= 2 &&
		    (s[i + 1] & 0xc0) == 0x80) {
			if (s[i] == 0xc2 && s[i + 1] <= 0x9f)
				return (false);
			i += 2;
			continue;
		}
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			n = 2;
			cp = s[i] & 0x1f;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			n = 3;
			cp = s[i] & 0x0f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			n = 4;
			cp = s[i] & 0x07;
		} else
			return (false);
		if (len - i < n)
			return (false);
		for (k = 1; k < n; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return (false);
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
		    cp <= 0x9f || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
		    cp == 0x2029)
			return (false);
		i += n;
	}
	return (true);
}

char *
store_text_from_html(const char *html, size_t len)
{
	const char *p = html, *end = html + len, *name, *c;
	struct out o;
	char *decoded, *text, *w;
	size_t n;
	bool closing;

	/* Output never outgrows the input: one byte per byte at most. */
	o.s = xmalloc(len + 1);
	o.len = 0;
	o.space = o.newline = false;
	while (p < end) {
		switch (byte_class[(unsigned char)*p]) {
		case B_TEXT:
			/* A word: byte by byte, words are short (a memcpy
			   each cost more than the copy). */
			put(&o, *p++);
			w = o.s + o.len;
			while (p < end &&
			    byte_class[(unsigned char)*p] == B_TEXT)
				*w++ = *p++;
			o.len = (size_t)(w - o.s);
			continue;
		case B_SPACE:
			o.space = true;
			p++;
			continue;
		case B_NUL:
			p++;
			continue;
		default:	/* B_TAG: '<' */
			break;
		}
		if (end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			c = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
			p = c == NULL ? end : c + 3;
			continue;
		}
		name = p + 1;
		closing = name < end && *name == '/';
		if (closing)
			name++;
		for (c = name; c < end && ((*c >= 'a' && *c <= 'z') ||
		    (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9'));
		    c++)
			;
		n = (size_t)(c - name);
		if (n == 0 && !(name < end && (*name == '!' || *name == '?'))) {
			/* A lone '<' is text ("a < b"). */
			put(&o, '<');
			p++;
			continue;
		}
		p = tag_end(p, end);
		if (!closing && name_in(name, n, skip_tags,
		    sizeof(skip_tags) / sizeof(skip_tags[0]))) {
			/* Names in the list are lower case. */
			char lower[16];
			size_t j;

			for (j = 0; j < n && j < sizeof(lower) - 1; j++)
				lower[j] = (char)ascii_lower(
				    (unsigned char)name[j]);
			p = skip_raw(p, end, lower, j);
			o.space = true;
			continue;
		}
		if (name_in(name, n, block_tags,
		    sizeof(block_tags) / sizeof(block_tags[0])))
			o.newline = true;
	}
	o.s[o.len] = '\0';
	if (memchr(o.s, '&', o.len) != NULL) {
		decoded = entities_decode(o.s);
		free(o.s);
		o.s = decoded;
		o.len = strlen(decoded);
	}
	if (is_clean(o.s, o.len))
		return (o.s);
	text = text_sanitize(o.s, TEXT_KEEP_NEWLINE);
	free(o.s);
	return (text);
}

char *
store_text_of(const char *content, size_t len, const char *content_type)
{
	if (content == NULL)
		return (NULL);
	if (content_type != NULL && strcmp(content_type, "text") == 0)
		return (text_sanitize(content, TEXT_KEEP_NEWLINE));
	return (store_text_from_html(content, len));
}
