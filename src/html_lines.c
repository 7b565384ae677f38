/*
 * html_lines: the renderer's layout.  Text is gathered into a paragraph
 * with attribute spans; a flush wraps it (or, inside <pre>, splits it at
 * newlines) into lines with the quote marks and list markers in front.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "html_render_int.h"
#include "text.h"
#include "xmalloc.h"

/* How many quotes (lists, items) are open. */
unsigned
hr_ctx_count(const struct hr_render *r, enum hr_ctx_kind kind)
{
	size_t i;
	unsigned d = 0;

	for (i = 0; i < r->nctx; i++)
		if (r->ctx[i].kind == kind)
			d++;
	return (d);
}

unsigned
hr_inline_attr(const struct hr_render *r)
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

void
hr_span_add(struct html_span **spans, size_t *n, size_t *alloc, size_t off,
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
void
hr_para_add(struct hr_render *r, const char *s, size_t len, unsigned attr_bits,
    size_t link)
{
	size_t off = r->para.len;

	if (buf_add(&r->para, s, len) == -1)
		return;	/* past the cap: the rest is dropped */
	hr_span_add(&r->spans, &r->nspans, &r->alloc_spans, off, len, attr_bits,
	    link);
}

static char
para_last(const struct hr_render *r)
{
	return (r->para.len == 0 ? '\0' : r->para.data[r->para.len - 1]);
}

/* Cut the paragraph back to len bytes, spans included. */
static void
para_cut(struct hr_render *r, size_t len)
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
void
hr_para_trim_end(struct hr_render *r, bool newlines)
{
	size_t len = r->para.len;

	while (len > 0 && (r->para.data[len - 1] == ' ' ||
	    (newlines && r->para.data[len - 1] == '\n')))
		len--;
	para_cut(r, len);
}

/* Text in normal flow: white space collapsed to single spaces. */
void
hr_para_text(struct hr_render *r, const char *raw)
{
	struct buf conv;
	char *s, *p, *q;
	unsigned a = hr_inline_attr(r), script;

	if (r->pre > 0 && r->in_cell == 0) {
		s = text_sanitize(raw, TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
		if (*s != '\0')
			hr_marks_show(r);
		hr_para_add(r, s, strlen(s), a, r->link);
		free(s);
		return;
	}
	s = text_sanitize(raw, 0);
	script = hr_script(r);
	buf_init(&conv, BUF_CAP_TEXT);
	for (p = s; *p != '\0'; p = q) {
		if (*p == ' ') {
			q = p + strspn(p, " ");
			if (r->para.len > 0 && para_last(r) != ' ' &&
			    para_last(r) != '\n')
				hr_para_add(r, " ", 1, a, r->link);
			continue;
		}
		q = p + strcspn(p, " ");
		hr_marks_show(r);
		if (script != 0 && hr_script_convert(p, (size_t)(q - p),
		    script, &conv))
			hr_para_add(r, conv.data, conv.len, a, r->link);
		else
			hr_para_add(r, p, (size_t)(q - p), a, r->link);
	}
	buf_free(&conv);
	free(s);
}

void
hr_space(struct hr_render *r)
{
	if (r->para.len > 0 && para_last(r) != ' ' && para_last(r) != '\n')
		hr_para_add(r, " ", 1, 0, 0);
}

/* The prefix of the next line: quote marks and list indentation. */
static void
prefix(struct hr_render *r, struct buf *pfx, size_t *marker_len, bool blank)
{
	size_t i, n, w;
	unsigned quotes = 0, depth, maxq;

	depth = hr_ctx_count(r, CTX_QUOTE);
	maxq = blank ? (r->last_quote < depth ? r->last_quote : depth) :
	    (unsigned)-1;
	buf_reset(pfx);
	for (i = 0; i < r->nctx; i++) {
		struct hr_ctx *c = &r->ctx[i];

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
line_new(struct hr_render *r)
{
	struct html_doc *d = r->doc;
	struct html_line *l;

	if (d->nlines == r->alloc_lines) {
		r->alloc_lines = r->alloc_lines == 0 ? 4 :
		    r->alloc_lines * 2;
		d->lines = xreallocarray(d->lines, r->alloc_lines,
		    sizeof(*d->lines));
	}
	l = &d->lines[d->nlines++];
	memset(l, 0, sizeof(*l));
	return (l);
}

static void
blank_line(struct hr_render *r)
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
		hr_span_add(&l->spans, &l->nspans, &(size_t){ 0 }, 0,
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
void
hr_emit(struct hr_render *r, const char *text, size_t len, size_t off,
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
	if (r->nctx > 0 && hr_ctx_count(r, CTX_QUOTE) > 0)
		line_attr |= HTML_ATTR_QUOTE;
	l->attr = line_attr;
	l->level = (line_attr & HTML_ATTR_HEADING) ? r->heading : 0;
	hr_span_add(&l->spans, &l->nspans, &salloc, 0, mlen, HTML_ATTR_MARKER,
	    0);
	(void)buf_add(&pfx, text, len);
	if (span_attr != 0)
		hr_span_add(&l->spans, &l->nspans, &salloc, mlen, len,
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
		hr_span_add(&l->spans, &l->nspans, &salloc, mlen + s0 - off,
		    s1 - s0, spans[i].attr, spans[i].link);
	}
	l->text = buf_detach(&pfx);
	l->width = text_width(l->text);
	r->last_quote = hr_ctx_count(r, CTX_QUOTE);
}

/* The cells left for text after the quote marks and list indentation. */
size_t
hr_avail_width(const struct hr_render *r)
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

void
hr_emit_spans(struct hr_render *r, const char *text, size_t len,
    const struct html_span *spans, size_t nspans)
{
	hr_emit(r, text, len, 0, nspans > 0 ? spans : NULL, nspans, 0, 0);
}

size_t
hr_cut(const char *s, size_t len, size_t cells)
{
	size_t n, w, cpn;
	uint32_t cp;

	for (n = w = 0; n < len; n += cpn) {
		cpn = text_decode(s + n, len - n, &cp);
		w += (size_t)text_cp_width(cp);
		if (w > cells && n > 0)
			break;
	}
	/* The zero-width characters after the last one kept stay with it. */
	return (n);
}

/*
 * One line of pre: as it is when it fits, else cut into pieces that
 * each end with the mark (one cell), the last one without.
 */
static void
emit_pre_line(struct hr_render *r, const char *s, size_t len, size_t width,
    size_t avail)
{
	struct html_span sp[2];
	struct buf b;
	const char *mark = r->ascii ? HTML_PRE_MARK_ASCII : HTML_PRE_MARK;
	size_t n;

	sp[0] = (struct html_span){ 0, 0, HTML_ATTR_PRE, 0 };
	if (width <= avail || avail < 2) {
		sp[0].len = len;
		hr_emit(r, s, len, 0, sp, 1, HTML_ATTR_PRE, 0);
		return;
	}
	buf_init(&b, BUF_CAP_BODY);
	while (len > 0) {
		buf_reset(&b);
		if (width <= avail)
			n = len;
		else {
			n = hr_cut(s, len, avail - 1);
			width -= text_width_n(s, n);
		}
		(void)buf_add(&b, s, n);
		sp[0].len = n;
		if (n < len) {
			(void)buf_addstr(&b, mark);
			sp[1] = (struct html_span){ n, strlen(mark),
			    HTML_ATTR_PRE | HTML_ATTR_MARKER, 0 };
		}
		hr_emit(r, buf_str(&b), b.len, 0, sp, n < len ? 2 : 1,
		    HTML_ATTR_PRE, 0);
		s += n;
		len -= n;
	}
	buf_free(&b);
}

/* Preformatted text: one line per '\n', tabs expanded, long ones cut. */
static void
flush_pre(struct hr_render *r)
{
	struct buf line;
	const char *s = buf_str(&r->para);
	size_t i, start, col, end, avail;
	uint32_t cp;

	end = r->para.len;
	if (end > 0 && s[end - 1] == '\n')
		end--;
	avail = hr_avail_width(r);
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
		emit_pre_line(r, buf_str(&line), line.len, col, avail);
		start = i + 1;
	}
	buf_free(&line);
}

/* Turn the gathered paragraph into lines. */
void
hr_flush(struct hr_render *r)
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
	hr_para_trim_end(r, true);
	if (r->para.len == 0)
		return;
	avail = hr_avail_width(r);
	la = r->heading > 0 ? HTML_ATTR_HEADING : 0;
	n = text_wrap(buf_str(&r->para), avail, &lines);
	for (i = si = 0; i < n; i++) {
		/* Skip the spans that ended before this line. */
		while (si < r->nspans && r->spans[si].off + r->spans[si].len <=
		    lines[i].off)
			si++;
		hr_emit(r, r->para.data + lines[i].off, lines[i].len,
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
		hr_emit(r, buf_str(&u), u.len, 0, NULL, 0, HTML_ATTR_HEADING,
		    HTML_ATTR_HEADING);
		buf_free(&u);
	}
}

void
hr_ctx_push(struct hr_render *r, enum hr_ctx_kind kind)
{
	struct hr_ctx *c;

	if (r->nctx == HTML_MAX_NEST) {
		r->ctx_over++;
		return;
	}
	c = &r->ctx[r->nctx++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
}

void
hr_ctx_pop(struct hr_render *r)
{
	if (r->ctx_over > 0)
		r->ctx_over--;
	else if (r->nctx > 0)
		r->nctx--;
}

struct hr_ctx *
hr_ctx_list(struct hr_render *r)
{
	size_t i;

	for (i = r->nctx; i > 0; i--)
		if (r->ctx[i - 1].kind == CTX_LIST)
			return (&r->ctx[i - 1]);
	return (NULL);
}
