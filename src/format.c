/* format: newsboat's % format strings (see format.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "format.h"
#include "text.h"
#include "xmalloc.h"

struct expand {
	const struct format_args *a;
	const char	*p;		/* the sanitised format, being read */
	struct buf	 out;
	size_t		 width;
	bool		 full;		/* FORMAT_MAX_OUT reached */
	bool		 filled;	/* the first %> was seen */
	size_t		 fill_at;	/* its place in out */
	uint32_t	 fill_cp;
};

void
format_args_init(struct format_args *a)
{
	memset(a, 0, sizeof(*a));
}

void
format_set(struct format_args *a, int key, const char *s)
{
	if (key > 0 && key < 128)
		a->val[key] = s;
}

/* Add n bytes of valid UTF-8, cut at a character when out is full. */
static void
put(struct expand *e, const char *s, size_t n)
{
	size_t room;

	if (e->full)
		return;
	room = FORMAT_MAX_OUT - e->out.len;
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
		e->full = true;
	}
	if (n > 0)
		(void)buf_add(&e->out, s, n);
}

static void
put_spaces(struct expand *e, size_t n)
{
	static const char sp[] = "                                ";
	size_t k;

	while (n > 0) {
		k = n < sizeof(sp) - 1 ? n : sizeof(sp) - 1;
		put(e, sp, k);
		n -= k;
	}
}

/* n cells of the character cp (wide: as many as fit, then spaces). */
static void
put_fill(struct expand *e, uint32_t cp, size_t n)
{
	char enc[4];
	size_t len = text_encode(cp, enc), cw = (size_t)text_cp_width(cp);

	if (cw == 0) {
		put_spaces(e, n);
		return;
	}
	for (; n >= cw && !e->full; n -= cw)
		put(e, enc, len);
	put_spaces(e, n);
}

static bool
blank(const char *s)
{
	if (s == NULL)
		return (true);
	for (; *s != '\0'; s++)
		if (strchr(" \t\r\n\v\f", *s) == NULL)
			return (false);
	return (true);
}

/* One value: align is 0 (none), '-' (left), '+' (right) or '='. */
static void
put_value(struct expand *e, int key, int align, size_t cells)
{
	const char *raw = key > 0 && key < 128 ? e->a->val[key] : NULL;
	char *s, *cut;
	size_t w, left;

	s = text_sanitize(raw, 0);
	if (align == '=' && cells == 0)
		cells = e->width;
	if (align == 0 || cells == 0) {
		put(e, s, strlen(s));
		free(s);
		return;
	}
	cut = text_fit(s, cells, &w);
	free(s);
	left = 0;
	if (align == '+')
		left = cells - w;
	else if (align == '=')
		left = (cells - w) / 2;
	put_spaces(e, left);
	put(e, cut, strlen(cut));
	put_spaces(e, cells - w - left);
	free(cut);
}

/*
 * Expand from e->p up to the end, or (depth > 0) up to a '&' or '?' of
 * the conditional being read, which is left for the caller.  Nothing is
 * written when !emit (the branch not taken).
 */
static void
expand(struct expand *e, int depth, bool emit)
{
	const char *lit;
	uint32_t cp;
	size_t cells;
	int align, key;
	bool yes;

	while (*e->p != '\0') {
		if (depth > 0 && (*e->p == '&' || *e->p == '?'))
			return;
		if (*e->p != '%') {
			lit = e->p;
			while (*e->p != '\0' && *e->p != '%' && (depth == 0 ||
			    (*e->p != '&' && *e->p != '?')))
				e->p++;
			if (emit)
				put(e, lit, (size_t)(e->p - lit));
			continue;
		}
		e->p++;
		if (*e->p == '\0')
			return;
		if (*e->p == '%') {
			e->p++;
			if (emit)
				put(e, "%", 1);
			continue;
		}
		if (*e->p == '>') {
			e->p++;
			if (*e->p == '\0')
				return;
			e->p += text_decode(e->p, strlen(e->p), &cp);
			if (!emit)
				continue;
			if (!e->filled && e->width > 0) {
				e->filled = true;
				e->fill_at = e->out.len;
				e->fill_cp = cp;
			} else
				put_fill(e, cp, (size_t)text_cp_width(cp));
			continue;
		}
		if (*e->p == '?') {
			/* %?X?then&else? */
			e->p++;
			if (*e->p == '\0' || (unsigned char)*e->p >= 128)
				return;
			key = (unsigned char)*e->p++;
			if (*e->p != '?')
				return;
			e->p++;
			if (depth + 1 > FORMAT_MAX_DEPTH)
				return;
			yes = !blank(e->a->val[key]);
			expand(e, depth + 1, emit && yes);
			if (*e->p == '&') {
				e->p++;
				expand(e, depth + 1, emit && !yes);
			}
			if (*e->p != '?')
				return;
			e->p++;
			continue;
		}
		align = 0;
		cells = 0;
		if (*e->p == '-' || *e->p == '=') {
			align = *e->p++;
		}
		if (*e->p >= '0' && *e->p <= '9') {
			if (align == 0)
				align = '+';
			while (*e->p >= '0' && *e->p <= '9') {
				cells = cells * 10 + (size_t)(*e->p - '0');
				if (cells > FORMAT_MAX_WIDTH)
					cells = FORMAT_MAX_WIDTH;
				e->p++;
			}
		}
		if (*e->p == '\0')
			return;
		if ((unsigned char)*e->p >= 128) {
			/* Not a key: the character is skipped whole. */
			e->p += text_decode(e->p, strlen(e->p), &cp);
			continue;
		}
		key = (unsigned char)*e->p++;
		if (emit)
			put_value(e, key, align, cells);
	}
}

char *
format_censor_url(const char *url)
{
	const char *host, *at = NULL, *end, *p;
	size_t n;
	char *s;

	if (url == NULL)
		return (NULL);
	if ((host = strstr(url, "://")) == NULL)
		return (xstrdup(url));
	host += 3;
	end = host + strcspn(host, "/?#");
	/* The last '@' before the path ends the user information. */
	for (p = host; p < end; p++)
		if (*p == '@')
			at = p;
	if (at == NULL)
		return (xstrdup(url));
	n = (size_t)(host - url) + 3 + strlen(at) + 1;
	s = xmalloc(n);
	snprintf(s, n, "%.*s*:*%s", (int)(host - url), url, at);
	return (s);
}

char *
format_expand(const char *fmt, const struct format_args *a, size_t width)
{
	struct expand e;
	struct buf head;
	char *clean, *s;
	size_t w;

	memset(&e, 0, sizeof(e));
	e.a = a;
	e.width = width > FORMAT_MAX_WIDTH * 10 ? FORMAT_MAX_WIDTH * 10 :
	    width;
	clean = text_sanitize(fmt, 0);
	e.p = clean;
	buf_init(&e.out, FORMAT_MAX_OUT);
	expand(&e, 0, true);
	free(clean);
	if (e.filled) {
		w = text_width(buf_str(&e.out));
		/* The text after %>, then the fill put before it. */
		buf_init(&head, FORMAT_MAX_OUT);
		(void)buf_add(&head, buf_str(&e.out), e.fill_at);
		s = xstrdup(buf_str(&e.out) + e.fill_at);
		buf_free(&e.out);
		e.out = head;
		e.full = false;
		if (w < e.width)
			put_fill(&e, e.fill_cp, e.width - w);
		put(&e, s, strlen(s));
		free(s);
	}
	s = buf_detach(&e.out);
	buf_free(&e.out);
	return (s);
}
