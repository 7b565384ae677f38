/*
 * html_render: the article renderer.  Walks the gumbo tree (html_int.h)
 * and lays it out as wrapped, attributed lines with numbered links; see
 * html.h for the rendering rules.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "html.h"
#include "html_int.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

enum ctx_kind {
	CTX_QUOTE,
	CTX_LIST,
	CTX_ITEM
};

struct ctx {
	enum ctx_kind	kind;
	bool		ordered;	/* CTX_LIST */
	long		counter;	/* CTX_LIST: the next number */
	char		marker[24];	/* CTX_ITEM: "* ", "12. " */
	bool		used;		/* CTX_ITEM: marker already shown */
};

struct render {
	size_t		 width;
	const char	*base;
	struct html_doc	*doc;
	size_t		 alloc_lines;
	size_t		 alloc_links;
	size_t		*link_hash;	/* open addressing: link index + 1 */
	size_t		 hash_size;	/* a power of two, or 0 */

	/* The paragraph being gathered and its spans. */
	struct buf	 para;
	struct html_span *spans;
	size_t		 nspans;
	size_t		 alloc_spans;

	/* Block context: quotes, lists, items. */
	struct ctx	 ctx[HTML_MAX_NEST];
	size_t		 nctx;
	size_t		 ctx_over;	/* pushes refused past HTML_MAX_NEST */

	/* Inline state. */
	unsigned	 bold, italic, code;
	unsigned	 heading;	/* level of the heading being built */
	unsigned	 pre;
	unsigned	 in_cell;
	size_t		 link;		/* number of the open <a>, or 0 */
	size_t		 row_cells;

	bool		 want_blank;
	unsigned	 last_quote;	/* quote depth of the last line */
};

static unsigned
quote_depth(const struct render *r)
{
	size_t i;
	unsigned d = 0;

	for (i = 0; i < r->nctx; i++)
		if (r->ctx[i].kind == CTX_QUOTE)
			d++;
	return (d);
}

static unsigned
inline_attr(const struct render *r)
{
	unsigned a = 0;

	if (r->bold > 0)
		a |= HTML_ATTR_BOLD;
	if (r->italic > 0)
		a |= HTML_ATTR_ITALIC;
	if (r->code > 0)
		a |= HTML_ATTR_CODE;
	if (r->link > 0)
		a |= HTML_ATTR_LINK;
	if (r->heading > 0)
		a |= HTML_ATTR_HEADING;
	return (a);
}

static void
span_add(struct html_span **spans, size_t *n, size_t *alloc, size_t off,
    size_t len, unsigned attr_bits, size_t link)
{
	struct html_span *s;

	if (len == 0 || attr_bits == 0)
		return;
	if (*n > 0) {
		s = &(*spans)[*n - 1];
		if (s->attr == attr_bits && s->link == link &&
		    s->off + s->len == off) {
			s->len += len;
			return;
		}
	}
	if (*n == *alloc) {
		*alloc = *alloc == 0 ? 8 : *alloc * 2;
		*spans = xreallocarray(*spans, *alloc, sizeof(**spans));
	}
	s = &(*spans)[(*n)++];
	s->off = off;
	s->len = len;
	s->attr = attr_bits;
	s->link = link;
}

/* Append bytes to the paragraph with the given attributes. */
static void
para_add(struct render *r, const char *s, size_t len, unsigned attr_bits,
    size_t link)
{
	size_t off = r->para.len;

	if (buf_add(&r->para, s, len) == -1)
		return;	/* past the cap: the rest is dropped */
	span_add(&r->spans, &r->nspans, &r->alloc_spans, off, len, attr_bits,
	    link);
}

static char
para_last(const struct render *r)
{
	return (r->para.len == 0 ? '\0' : r->para.data[r->para.len - 1]);
}

/* Cut the paragraph back to len bytes, spans included. */
static void
para_cut(struct render *r, size_t len)
{
	while (r->nspans > 0 && r->spans[r->nspans - 1].off >= len)
		r->nspans--;
	if (r->nspans > 0 && r->spans[r->nspans - 1].off +
	    r->spans[r->nspans - 1].len > len)
		r->spans[r->nspans - 1].len = len -
		    r->spans[r->nspans - 1].off;
	r->para.len = len;
	if (r->para.data != NULL)
		r->para.data[len] = '\0';
}

/* Drop trailing spaces, and trailing newlines too when newlines. */
static void
para_trim_end(struct render *r, bool newlines)
{
	size_t len = r->para.len;

	while (len > 0 && (r->para.data[len - 1] == ' ' ||
	    (newlines && r->para.data[len - 1] == '\n')))
		len--;
	para_cut(r, len);
}

/* Text in normal flow: white space collapsed to single spaces. */
static void
para_text(struct render *r, const char *raw)
{
	char *s, *p, *q;
	unsigned a = inline_attr(r);

	if (r->pre > 0 && r->in_cell == 0) {
		s = text_sanitize(raw, TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
		para_add(r, s, strlen(s), a, r->link);
		free(s);
		return;
	}
	s = text_sanitize(raw, 0);
	for (p = s; *p != '\0'; p = q) {
		if (*p == ' ') {
			q = p + strspn(p, " ");
			if (r->para.len > 0 && para_last(r) != ' ' &&
			    para_last(r) != '\n')
				para_add(r, " ", 1, a, r->link);
			continue;
		}
		q = p + strcspn(p, " ");
		para_add(r, p, (size_t)(q - p), a, r->link);
	}
	free(s);
}

static void
space(struct render *r)
{
	if (r->para.len > 0 && para_last(r) != ' ' && para_last(r) != '\n')
		para_add(r, " ", 1, 0, 0);
}

/* The prefix of the next line: quote marks and list indentation. */
static void
prefix(struct render *r, struct buf *pfx, size_t *marker_len, bool blank)
{
	size_t i, n, w;
	unsigned quotes = 0, maxq;

	maxq = blank ? (r->last_quote < quote_depth(r) ? r->last_quote :
	    quote_depth(r)) : (unsigned)-1;
	buf_reset(pfx);
	for (i = 0; i < r->nctx; i++) {
		struct ctx *c = &r->ctx[i];

		if (c->kind == CTX_QUOTE) {
			if (quotes++ < maxq)
				(void)buf_addstr(pfx, "> ");
		} else if (c->kind == CTX_ITEM && !blank) {
			if (!c->used) {
				(void)buf_addstr(pfx, c->marker);
				c->used = true;
			} else
				(void)buf_addf(pfx, "%*s",
				    (int)strlen(c->marker), "");
		}
	}
	if (blank)
		while (pfx->len > 0 && pfx->data[pfx->len - 1] == ' ')
			pfx->data[--pfx->len] = '\0';
	/* Never let indentation take more than half the width. */
	if (text_width(buf_str(pfx)) > r->width / 2) {
		n = text_prefix(buf_str(pfx), r->width / 2, &w);
		pfx->len = n;
		pfx->data[n] = '\0';
	}
	*marker_len = pfx->len;
}

static struct html_line *
line_new(struct render *r)
{
	struct html_doc *d = r->doc;
	struct html_line *l;

	if (d->nlines == r->alloc_lines) {
		r->alloc_lines = r->alloc_lines == 0 ? 64 :
		    r->alloc_lines * 2;
		d->lines = xreallocarray(d->lines, r->alloc_lines,
		    sizeof(*d->lines));
	}
	l = &d->lines[d->nlines++];
	memset(l, 0, sizeof(*l));
	return (l);
}

static void
blank_line(struct render *r)
{
	struct buf pfx;
	struct html_line *l;
	size_t mlen;

	buf_init(&pfx, BUF_CAP_TEXT);
	prefix(r, &pfx, &mlen, true);
	l = line_new(r);
	l->text = buf_detach(&pfx);
	l->width = text_width(l->text);
	l->attr = r->last_quote > 0 && l->text[0] != '\0' ?
	    HTML_ATTR_QUOTE : 0;
	if (l->text[0] != '\0')
		span_add(&l->spans, &l->nspans, &(size_t){ 0 }, 0,
		    strlen(l->text), HTML_ATTR_MARKER, 0);
}

static bool
line_is_blank(const struct html_line *l)
{
	const char *p;

	for (p = l->text; *p != '\0'; p++)
		if (*p != '>' && *p != ' ')
			return (false);
	return (true);
}

/*
 * Emit one line: the prefix, then text (len bytes) with the paragraph
 * spans that fall in [off, off + len) when spans is not NULL.
 */
static void
emit(struct render *r, const char *text, size_t len, size_t off,
    const struct html_span *spans, size_t nspans, unsigned line_attr,
    unsigned span_attr)
{
	struct buf pfx;
	struct html_line *l;
	size_t mlen, i, salloc = 0, s0, s1;

	if (r->want_blank && r->doc->nlines > 0 &&
	    !line_is_blank(&r->doc->lines[r->doc->nlines - 1]))
		blank_line(r);
	r->want_blank = false;
	buf_init(&pfx, BUF_CAP_BODY);
	prefix(r, &pfx, &mlen, false);
	l = line_new(r);
	if (r->nctx > 0 && quote_depth(r) > 0)
		line_attr |= HTML_ATTR_QUOTE;
	l->attr = line_attr;
	l->level = (line_attr & HTML_ATTR_HEADING) ? r->heading : 0;
	span_add(&l->spans, &l->nspans, &salloc, 0, mlen, HTML_ATTR_MARKER, 0);
	(void)buf_add(&pfx, text, len);
	if (span_attr != 0)
		span_add(&l->spans, &l->nspans, &salloc, mlen, len,
		    span_attr, 0);
	for (i = 0; i < nspans; i++) {
		s0 = spans[i].off;
		s1 = spans[i].off + spans[i].len;
		if (s0 >= off + len)
			break;	/* spans are in order */
		if (s1 <= off)
			continue;
		if (s0 < off)
			s0 = off;
		if (s1 > off + len)
			s1 = off + len;
		span_add(&l->spans, &l->nspans, &salloc, mlen + s0 - off,
		    s1 - s0, spans[i].attr, spans[i].link);
	}
	l->text = buf_detach(&pfx);
	l->width = text_width(l->text);
	r->last_quote = quote_depth(r);
}

/* The cells left for text after the quote marks and list indentation. */
static size_t
avail_width(const struct render *r)
{
	size_t i, w = 0;

	for (i = 0; i < r->nctx; i++)
		if (r->ctx[i].kind == CTX_QUOTE)
			w += 2;
		else if (r->ctx[i].kind == CTX_ITEM)
			w += strlen(r->ctx[i].marker);
	if (w > r->width / 2)
		w = r->width / 2;
	return (r->width - w);
}

/* Preformatted text: one line per '\n', tabs expanded, no wrapping. */
static void
flush_pre(struct render *r)
{
	struct buf line;
	const char *s = buf_str(&r->para);
	size_t i, start, col, end;
	uint32_t cp;

	end = r->para.len;
	if (end > 0 && s[end - 1] == '\n')
		end--;
	buf_init(&line, BUF_CAP_BODY);
	start = 0;
	while (start <= end) {
		buf_reset(&line);
		col = 0;
		for (i = start; i < end && s[i] != '\n'; ) {
			if (s[i] == '\t') {
				do
					(void)buf_addch(&line, ' ');
				while (++col % 8 != 0);
				i++;
				continue;
			}
			size_t n = text_decode(s + i, end - i, &cp);
			(void)buf_add(&line, s + i, n);
			col += (size_t)text_cp_width(cp);
			i += n;
		}
		emit(r, buf_str(&line), line.len, 0, NULL, 0, HTML_ATTR_PRE,
		    HTML_ATTR_PRE);
		start = i + 1;
	}
	buf_free(&line);
}

/* Turn the gathered paragraph into lines. */
static void
flush(struct render *r)
{
	struct text_line *lines;
	size_t n, i, si, avail, maxw = 0;
	unsigned la;
	char c;

	if (r->pre > 0 && r->in_cell == 0) {
		if (r->para.len > 0)
			flush_pre(r);
		para_cut(r, 0);
		return;
	}
	para_trim_end(r, true);
	if (r->para.len == 0)
		return;
	avail = avail_width(r);
	la = r->heading > 0 ? HTML_ATTR_HEADING : 0;
	n = text_wrap(buf_str(&r->para), avail, &lines);
	for (i = si = 0; i < n; i++) {
		/* Skip the spans that ended before this line. */
		while (si < r->nspans && r->spans[si].off + r->spans[si].len <=
		    lines[i].off)
			si++;
		emit(r, r->para.data + lines[i].off, lines[i].len,
		    lines[i].off, r->nspans > 0 ? r->spans + si : NULL,
		    r->nspans - si, la, 0);
		if (lines[i].width > maxw)
			maxw = lines[i].width;
	}
	free(lines);
	para_cut(r, 0);
	if (r->heading == 1 || r->heading == 2) {
		struct buf u;

		c = r->heading == 1 ? '=' : '-';
		buf_init(&u, BUF_CAP_BODY);
		while (maxw-- > 0)
			(void)buf_addch(&u, c);
		emit(r, buf_str(&u), u.len, 0, NULL, 0, HTML_ATTR_HEADING,
		    HTML_ATTR_HEADING);
		buf_free(&u);
	}
}

static void
ctx_push(struct render *r, enum ctx_kind kind)
{
	struct ctx *c;

	if (r->nctx == HTML_MAX_NEST) {
		r->ctx_over++;
		return;
	}
	c = &r->ctx[r->nctx++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
}

static void
ctx_pop(struct render *r)
{
	if (r->ctx_over > 0)
		r->ctx_over--;
	else if (r->nctx > 0)
		r->nctx--;
}

static struct ctx *
ctx_list(struct render *r)
{
	size_t i;

	for (i = r->nctx; i > 0; i--)
		if (r->ctx[i - 1].kind == CTX_LIST)
			return (&r->ctx[i - 1]);
	return (NULL);
}

static unsigned
list_depth(const struct render *r)
{
	size_t i;
	unsigned d = 0;

	for (i = 0; i < r->nctx; i++)
		if (r->ctx[i].kind == CTX_LIST)
			d++;
	return (d);
}

static long
number_attr(const GumboNode *node, const char *name, long def)
{
	const char *v;
	char *end;
	long n;

	if ((v = html_attr(node, name)) == NULL)
		return (def);
	n = strtol(v, &end, 10);
	if (end == v || n < -999999 || n > 999999)
		return (def);
	return (n);
}

static bool
safe_scheme(const char *url)
{
	static const char *bad[] = { "javascript:", "vbscript:", "data:" };
	size_t i;

	while (*url == ' ')
		url++;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return (false);
	return (true);
}

static size_t
hash_str(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/* Put link number n (1-based) into the hash, growing it first if needed. */
static void
hash_put(struct render *r, size_t n)
{
	size_t i, old_size = r->hash_size, *old = r->link_hash;

	if ((n + 1) * 2 > r->hash_size) {
		r->hash_size = r->hash_size == 0 ? 64 : r->hash_size * 2;
		r->link_hash = xcalloc(r->hash_size, sizeof(*r->link_hash));
		for (i = 0; i < old_size; i++)
			if (old[i] != 0)
				hash_put(r, old[i]);
		free(old);
	}
	i = hash_str(r->doc->links[n - 1]) & (r->hash_size - 1);
	while (r->link_hash[i] != 0)
		i = (i + 1) & (r->hash_size - 1);
	r->link_hash[i] = n;
}

/* The number of a link, adding it to the list when it is new. */
static size_t
link_number(struct render *r, const char *href)
{
	struct html_doc *d = r->doc;
	char *s, *url;
	size_t i;

	s = text_sanitize(href, 0);
	/* Spaces around an href are not part of it. */
	url = s + strspn(s, " ");
	i = strlen(url);
	while (i > 0 && url[i - 1] == ' ')
		url[--i] = '\0';
	if (*url == '\0' || !safe_scheme(url)) {
		free(s);
		return (0);
	}
	if (r->hash_size > 0) {
		i = hash_str(url) & (r->hash_size - 1);
		for (; r->link_hash[i] != 0; i = (i + 1) & (r->hash_size - 1))
			if (strcmp(d->links[r->link_hash[i] - 1], url) == 0) {
				free(s);
				return (r->link_hash[i]);
			}
	}
	url = xstrdup(url);
	free(s);
	if (d->nlinks == r->alloc_links) {
		r->alloc_links = r->alloc_links == 0 ? 16 :
		    r->alloc_links * 2;
		d->links = xreallocarray(d->links, r->alloc_links,
		    sizeof(*d->links));
	}
	d->links[d->nlinks++] = url;
	hash_put(r, d->nlinks);
	return (d->nlinks);
}

static void
block_start(struct render *r, bool margin)
{
	if (r->in_cell > 0) {
		space(r);
		return;
	}
	flush(r);
	/* No gap between a list marker and the item's first block. */
	if (margin && !(r->nctx > 0 && r->ctx[r->nctx - 1].kind == CTX_ITEM &&
	    !r->ctx[r->nctx - 1].used))
		r->want_blank = true;
}

static bool
render_enter(void *arg, const GumboNode *node)
{
	struct render *r = arg;
	struct ctx *list;
	const char *s;
	char num[32];
	enum html_kind k;
	size_t ln;

	k = html_tag_kind(node->v.element.tag);
	switch (k) {
	case HTML_K_DROP:
		return (false);
	case HTML_K_INLINE:
		break;
	case HTML_K_BLOCK:
		block_start(r, false);
		break;
	case HTML_K_PARA:
		block_start(r, true);
		break;
	case HTML_K_HEADING:
		block_start(r, true);
		if (r->in_cell == 0) {
			r->heading = (unsigned)(node->v.element.tag -
			    GUMBO_TAG_H1) + 1;
			if (r->heading >= 3) {
				memset(num, '#', r->heading);
				num[r->heading] = ' ';
				para_add(r, num, r->heading + 1,
				    HTML_ATTR_HEADING | HTML_ATTR_MARKER, 0);
			}
		}
		break;
	case HTML_K_LIST:
		block_start(r, ctx_list(r) == NULL);
		if (r->in_cell > 0)
			break;
		ctx_push(r, CTX_LIST);
		if (r->ctx_over == 0) {
			list = &r->ctx[r->nctx - 1];
			list->ordered = node->v.element.tag == GUMBO_TAG_OL;
			list->counter = number_attr(node, "start", 1);
		}
		break;
	case HTML_K_ITEM:
	case HTML_K_DD:
		block_start(r, false);
		if (r->in_cell > 0)
			break;
		list = ctx_list(r);
		ctx_push(r, CTX_ITEM);
		if (r->ctx_over > 0)
			break;
		if (k == HTML_K_DD)
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "    ");
		else if (list != NULL && list->ordered) {
			list->counter = number_attr(node, "value",
			    list->counter);
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "%ld. ",
			    list->counter++);
		} else
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "%s ",
			    (const char *[]){ "*", "-", "+" }[
			    (list_depth(r) + 2) % 3]);
		break;
	case HTML_K_QUOTE:
		block_start(r, true);
		if (r->in_cell == 0)
			ctx_push(r, CTX_QUOTE);
		break;
	case HTML_K_PRE:
		block_start(r, true);
		if (r->in_cell == 0)
			r->pre++;
		r->code++;
		break;
	case HTML_K_TABLE:
		block_start(r, true);
		break;
	case HTML_K_ROW:
		if (r->in_cell > 0)
			space(r);
		else {
			flush(r);
			r->row_cells = 0;
		}
		break;
	case HTML_K_CELL:
		if (r->row_cells++ > 0) {
			para_trim_end(r, false);
			para_add(r, " | ", 3, HTML_ATTR_MARKER, 0);
		}
		r->in_cell++;
		if (node->v.element.tag == GUMBO_TAG_TH)
			r->bold++;
		break;
	case HTML_K_BR:
		if (r->in_cell > 0 || r->pre > 0)
			space(r);
		else {
			para_trim_end(r, false);
			para_add(r, "\n", 1, 0, 0);
		}
		return (false);
	case HTML_K_HR:
		block_start(r, true);
		if (r->in_cell == 0) {
			struct buf u;
			size_t w = avail_width(r);

			buf_init(&u, BUF_CAP_TEXT);
			while (w-- > 0)
				(void)buf_addch(&u, '-');
			emit(r, buf_str(&u), u.len, 0, NULL, 0,
			    HTML_ATTR_RULE, HTML_ATTR_RULE);
			buf_free(&u);
			r->want_blank = true;
		}
		return (false);
	case HTML_K_IMG:
		s = html_attr(node, "alt");
		if (s != NULL) {
			char *alt = text_sanitize(s, 0);
			char *a = alt + strspn(alt, " ");

			ln = strlen(a);
			while (ln > 0 && a[ln - 1] == ' ')
				a[--ln] = '\0';
			if (ln > 0) {
				para_add(r, "[image: ", 8, inline_attr(r) |
				    HTML_ATTR_IMAGE, r->link);
				para_text(r, a);
				para_add(r, "]", 1, inline_attr(r) |
				    HTML_ATTR_IMAGE, r->link);
			} else
				s = NULL;
			free(alt);
		}
		if (s == NULL)
			para_add(r, "[image]", 7, inline_attr(r) |
			    HTML_ATTR_IMAGE, r->link);
		return (false);
	case HTML_K_LINK:
		if (r->link == 0 && (s = html_attr(node, "href")) != NULL)
			r->link = link_number(r, s);
		else if (r->link != 0)
			return (true);	/* nested: the outer one counts */
		break;
	case HTML_K_BOLD:
		r->bold++;
		break;
	case HTML_K_ITALIC:
		r->italic++;
		break;
	case HTML_K_CODE:
		r->code++;
		break;
	}
	return (true);
}

static void
render_leave(void *arg, const GumboNode *node)
{
	struct render *r = arg;
	char num[32];
	int n;
	enum html_kind k;

	k = html_tag_kind(node->v.element.tag);
	switch (k) {
	case HTML_K_DROP:
	case HTML_K_INLINE:
	case HTML_K_BR:
	case HTML_K_HR:
	case HTML_K_IMG:
		break;
	case HTML_K_BLOCK:
	case HTML_K_ROW:
		block_start(r, false);
		break;
	case HTML_K_PARA:
	case HTML_K_TABLE:
		block_start(r, true);
		break;
	case HTML_K_HEADING:
		if (r->in_cell > 0) {
			space(r);
			break;
		}
		flush(r);
		r->heading = 0;
		r->want_blank = true;
		break;
	case HTML_K_LIST:
		block_start(r, false);
		if (r->in_cell == 0) {
			ctx_pop(r);
			if (ctx_list(r) == NULL)
				r->want_blank = true;
		}
		break;
	case HTML_K_ITEM:
	case HTML_K_DD:
		block_start(r, false);
		if (r->in_cell == 0)
			ctx_pop(r);
		break;
	case HTML_K_QUOTE:
		block_start(r, true);
		if (r->in_cell == 0)
			ctx_pop(r);
		break;
	case HTML_K_PRE:
		if (r->in_cell == 0) {
			flush(r);
			r->pre--;
			r->want_blank = true;
		}
		r->code--;
		break;
	case HTML_K_CELL:
		para_trim_end(r, false);
		r->in_cell--;
		if (node->v.element.tag == GUMBO_TAG_TH)
			r->bold--;
		break;
	case HTML_K_LINK:
		if (r->link == 0)
			break;
		/* Only the <a> that opened the link closes it. */
		if (html_attr(node, "href") == NULL)
			break;
		n = snprintf(num, sizeof(num), "[%zu]", r->link);
		para_add(r, num, (size_t)n, HTML_ATTR_LINK, r->link);
		r->link = 0;
		break;
	case HTML_K_BOLD:
		r->bold--;
		break;
	case HTML_K_ITALIC:
		r->italic--;
		break;
	case HTML_K_CODE:
		r->code--;
		break;
	}
}

static void
render_text(void *arg, const GumboNode *node)
{
	para_text(arg, node->v.text.text);
}

/* Absolute URL of a link: resolved against the article's address. */
static char *
resolve(const char *base, const char *url)
{
	char *u;

	if (base == NULL || *base == '\0' ||
	    (u = url_resolve(base, url)) == NULL)
		return (xstrdup(url));
	return (u);
}

static void
link_list(struct render *r)
{
	struct html_doc *d = r->doc;
	struct html_line *l;
	struct buf b;
	size_t i, salloc, mlen;

	if (d->nlinks == 0)
		return;
	r->nctx = 0;
	r->want_blank = true;
	for (i = 0; i < d->nlinks; i++) {
		buf_init(&b, BUF_CAP_BODY);
		(void)buf_addf(&b, "[%zu]: ", i + 1);
		mlen = b.len;
		(void)buf_addstr(&b, d->links[i]);
		emit(r, buf_str(&b), b.len, 0, NULL, 0, 0, 0);
		buf_free(&b);
		l = &d->lines[d->nlines - 1];
		free(l->spans);
		l->spans = NULL;
		l->nspans = salloc = 0;
		span_add(&l->spans, &l->nspans, &salloc, 0, mlen,
		    HTML_ATTR_MARKER, 0);
		span_add(&l->spans, &l->nspans, &salloc, mlen,
		    strlen(l->text) - mlen, HTML_ATTR_LINK, i + 1);
	}
}

struct html_doc *
html_render(const char *html, size_t len, const struct html_opts *opts)
{
	static const struct html_walk_ops ops = {
		render_enter, render_leave, render_text
	};
	struct render r;
	GumboOutput *out;
	char *u;
	size_t i;

	memset(&r, 0, sizeof(r));
	r.width = opts != NULL && opts->width > 0 ? opts->width : 80;
	if (r.width < 10)
		r.width = 10;
	if (r.width > 4096)
		r.width = 4096;
	r.base = opts != NULL ? opts->base : NULL;
	r.doc = xcalloc(1, sizeof(*r.doc));
	buf_init(&r.para, BUF_CAP_BODY);
	out = html_parse(html, len);
	html_walk(out->document, &ops, &r);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	r.pre = 0;
	r.in_cell = 0;
	flush(&r);
	for (i = 0; i < r.doc->nlinks; i++) {
		u = resolve(r.base, r.doc->links[i]);
		free(r.doc->links[i]);
		r.doc->links[i] = text_sanitize(u, 0);
		free(u);
	}
	if (len > HTML_MAX_INPUT) {
		char note[96];

		(void)snprintf(note, sizeof(note), "[truncated: %zu bytes "
		    "not shown]", len - HTML_MAX_INPUT);
		r.nctx = 0;
		r.want_blank = true;
		emit(&r, note, strlen(note), 0, NULL, 0, 0, HTML_ATTR_MARKER);
	}
	if (opts != NULL && (opts->flags & HTML_RENDER_LINK_LIST))
		link_list(&r);
	/* No blank lines at the end. */
	while (r.doc->nlines > 0 &&
	    r.doc->lines[r.doc->nlines - 1].text[0] == '\0') {
		r.doc->nlines--;
		free(r.doc->lines[r.doc->nlines].text);
		free(r.doc->lines[r.doc->nlines].spans);
	}
	buf_free(&r.para);
	free(r.spans);
	free(r.link_hash);
	return (r.doc);
}

struct html_doc *
html_render_text(const char *text, size_t len, const struct html_opts *opts)
{
	struct render r;
	char *s, *p;
	size_t nl;

	memset(&r, 0, sizeof(r));
	r.width = opts != NULL && opts->width > 0 ? opts->width : 80;
	if (r.width < 10)
		r.width = 10;
	if (r.width > 4096)
		r.width = 4096;
	r.doc = xcalloc(1, sizeof(*r.doc));
	buf_init(&r.para, BUF_CAP_BODY);
	if (text == NULL)
		len = 0;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	s = text_sanitize_n(text, len, TEXT_KEEP_NEWLINE);
	/* Lines of spaces count as blank; at most one blank line in a row. */
	for (p = s; *p != '\0'; ) {
		if (*p == ' ' || *p == '\n') {
			nl = 0;
			while (*p == ' ' || *p == '\n')
				nl += *p++ == '\n';
			if (r.para.len == 0 || *p == '\0')
				continue;
			if (nl == 0)
				para_add(&r, " ", 1, 0, 0);
			else
				para_add(&r, "\n\n", nl > 1 ? 2 : 1, 0, 0);
			continue;
		}
		nl = strcspn(p, " \n");
		para_add(&r, p, nl, 0, 0);
		p += nl;
	}
	free(s);
	flush(&r);
	buf_free(&r.para);
	free(r.spans);
	return (r.doc);
}

void
html_doc_free(struct html_doc *doc)
{
	size_t i;

	if (doc == NULL)
		return;
	for (i = 0; i < doc->nlines; i++) {
		free(doc->lines[i].text);
		free(doc->lines[i].spans);
	}
	free(doc->lines);
	for (i = 0; i < doc->nlinks; i++)
		free(doc->links[i]);
	free(doc->links);
	free(doc);
}
