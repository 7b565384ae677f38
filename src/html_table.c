/*
 * html_table: tables.  Every cell is rendered alone (hr_render_node), so
 * it keeps its paragraphs, lists, pre and nested tables; the cells are
 * placed on a grid (colspan and rowspan counted, at most HR_SPAN_MAX
 * each); then the columns get widths:
 *
 *   - their natural width (the widest line of their cells) when the sum,
 *     separators included, fits the width;
 *   - else, when the longest words fit, each column its longest word (at
 *     least HR_COL_MIN cells, or its natural width when smaller) and the
 *     rest of the width shared in proportion to what each column lacks,
 *     the cells rendered again at those widths;
 *   - else none: each cell goes on lines of its own, after its header.
 *
 * A spanning cell wider than its columns widens the last of them.  In a
 * grid, columns are separated by " | " (" : " in a table inside a cell,
 * so the two read apart), a header row (every cell a th) is underlined
 * with "---+---", rows of empty cells are left out, and lines end after
 * their last text.  Tables nested past HR_TABLE_DEPTH never get
 * here (html_render.c runs them into one line a row), which bounds both
 * the recursion and the work of rendering cells twice.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "html_int.h"
#include "html_render_int.h"
#include "text.h"
#include "xmalloc.h"

#define HR_SPAN_MAX	64	/* colspan, rowspan */
#define HR_COLS_MAX	1024	/* more columns never fit: one cell a line */
#define HR_COL_MIN	8	/* a narrowed column keeps this many cells */
#define SEP_LEN		3	/* " | " */

struct cell {
	const GumboNode	*node;
	size_t		 row, col, cs, rs;
	bool		 th;
	struct html_doc	*doc;
	size_t		 nat;	/* widest line */
	size_t		 minw;	/* widest word */
};

struct table {
	struct cell	*cells;		/* in row order, left to right */
	size_t		 n, alloc;
	size_t		 nrows, ncols;
	size_t		*pending;	/* rows a rowspan still covers, a
					   column each */
	bool		 too_wide;	/* more than HR_COLS_MAX columns */
	size_t		*w;		/* column widths */
};

static size_t
span_attr(const GumboNode *node, const char *name)
{
	long v = html_attr_long(node, name, 1);

	if (v < 1)
		return (1);
	return (v > HR_SPAN_MAX ? HR_SPAN_MAX : (size_t)v);
}

static void
grow_cols(struct table *t, size_t ncols)
{
	if (ncols <= t->ncols)
		return;
	t->pending = xreallocarray(t->pending, ncols, sizeof(*t->pending));
	memset(t->pending + t->ncols, 0, (ncols - t->ncols) *
	    sizeof(*t->pending));
	t->ncols = ncols;
}

static void
add_row(struct table *t, const GumboNode *tr)
{
	const GumboVector *kids = &tr->v.element.children;
	const GumboNode *c;
	struct cell *cl;
	size_t col = 0, cs, rs, k;
	unsigned i;

	for (i = 0; i < kids->length; i++) {
		c = kids->data[i];
		if (c->type != GUMBO_NODE_ELEMENT ||
		    (c->v.element.tag != GUMBO_TAG_TD &&
		    c->v.element.tag != GUMBO_TAG_TH))
			continue;
		cs = span_attr(c, "colspan");
		rs = span_attr(c, "rowspan");
		while (col < t->ncols && t->pending[col] > 0)
			col++;
		if (col + cs > HR_COLS_MAX) {
			/* Only the headers still need a column. */
			t->too_wide = true;
			cs = 1;
			if (col >= HR_COLS_MAX)
				col = HR_COLS_MAX - 1;
		}
		grow_cols(t, col + cs);
		for (k = col; k < col + cs; k++)
			if (t->pending[k] < rs)
				t->pending[k] = rs;
		if (t->n == t->alloc) {
			t->alloc = t->alloc == 0 ? 16 : t->alloc * 2;
			t->cells = xreallocarray(t->cells, t->alloc,
			    sizeof(*t->cells));
		}
		cl = &t->cells[t->n++];
		memset(cl, 0, sizeof(*cl));
		cl->node = c;
		cl->row = t->nrows;
		cl->col = col;
		cl->cs = cs;
		cl->rs = rs;
		cl->th = c->v.element.tag == GUMBO_TAG_TH;
		col += cs;
	}
	for (k = 0; k < t->ncols; k++)
		if (t->pending[k] > 0)
			t->pending[k]--;
	t->nrows++;
}

/* The rows of a table and of its row groups, in document order. */
static void
collect(struct table *t, const GumboNode *node, struct hr_render *r,
    size_t avail, bool top)
{
	const GumboVector *kids = &node->v.element.children;
	const GumboNode *c;
	struct html_doc *d;
	size_t k;
	unsigned i;

	for (i = 0; i < kids->length; i++) {
		c = kids->data[i];
		if (c->type != GUMBO_NODE_ELEMENT)
			continue;
		switch (c->v.element.tag) {
		case GUMBO_TAG_TR:
			add_row(t, c);
			break;
		case GUMBO_TAG_THEAD:
		case GUMBO_TAG_TBODY:
		case GUMBO_TAG_TFOOT:
			if (top)
				collect(t, c, r, avail, false);
			break;
		case GUMBO_TAG_CAPTION:
			if (!top)
				break;
			/* Above the table, as a block. */
			d = hr_render_node(r, c, avail);
			for (k = 0; k < d->nlines; k++)
				hr_emit(r, d->lines[k].text,
				    strlen(d->lines[k].text), 0,
				    d->lines[k].spans, d->lines[k].nspans,
				    d->lines[k].attr, 0);
			html_doc_free(d);
			break;
		default:
			break;
		}
	}
}

static void
measure(struct cell *c)
{
	const char *s, *e;
	size_t i, w;

	c->nat = c->minw = 0;
	for (i = 0; i < c->doc->nlines; i++) {
		if (c->doc->lines[i].width > c->nat)
			c->nat = c->doc->lines[i].width;
		for (s = c->doc->lines[i].text; *s != '\0'; s = e) {
			s += strspn(s, " ");
			e = s + strcspn(s, " ");
			w = text_width_n(s, (size_t)(e - s));
			if (w > c->minw)
				c->minw = w;
		}
	}
}

/* Cells of the span of c at the widths chosen. */
static size_t
span_width(const struct table *t, const struct cell *c)
{
	size_t k, w = 0;

	for (k = c->col; k < c->col + c->cs; k++)
		w += t->w[k];
	return (w + SEP_LEN * (c->cs - 1));
}

/* Per column, the largest of what() over single cells, then widened for
 * the spanning cells that need more. */
static void
columns(struct table *t, size_t *out, bool minimum)
{
	struct cell *c;
	size_t i, need, have;

	memset(out, 0, t->ncols * sizeof(*out));
	for (i = 0; i < t->n; i++) {
		c = &t->cells[i];
		need = minimum ? c->minw : c->nat;
		if (c->cs == 1 && need > out[c->col])
			out[c->col] = need;
	}
	for (i = 0; i < t->n; i++) {
		c = &t->cells[i];
		need = minimum ? c->minw : c->nat;
		if (c->cs == 1)
			continue;
		t->w = out;
		have = span_width(t, c);
		if (need > have)
			out[c->col + c->cs - 1] += need - have;
	}
}

static size_t
sum(const size_t *v, size_t n)
{
	size_t i, s = 0;

	for (i = 0; i < n; i++)
		s += v[i];
	return (s);
}

/*
 * Column widths that fit avail, in t->w; false when none do.  Cells are
 * rendered again when their columns were narrowed.
 */
static bool
fit(struct table *t, struct hr_render *r, size_t avail)
{
	size_t *nat, *min, seps, extra, want, add, k, i, j;
	bool ok = true;

	if (t->too_wide || t->ncols == 0)
		return (false);
	seps = SEP_LEN * (t->ncols - 1);
	nat = xcalloc(t->ncols, sizeof(*nat));
	min = xcalloc(t->ncols, sizeof(*min));
	columns(t, nat, false);
	columns(t, min, true);
	t->w = nat;
	if (sum(nat, t->ncols) + seps <= avail) {
		free(min);
		return (true);
	}
	for (k = 0; k < t->ncols; k++) {
		if (min[k] < HR_COL_MIN)
			min[k] = nat[k] < HR_COL_MIN ? nat[k] : HR_COL_MIN;
		if (min[k] > nat[k])
			nat[k] = min[k];
	}
	if (sum(min, t->ncols) + seps > avail) {
		free(min);
		return (false);
	}
	/* Share what is left in proportion to what each column lacks. */
	extra = avail - seps - sum(min, t->ncols);
	want = sum(nat, t->ncols) - sum(min, t->ncols);
	for (k = 0, add = 0; k < t->ncols; k++) {
		i = want == 0 ? 0 : (nat[k] - min[k]) * extra / want;
		min[k] += i;
		add += i;
	}
	for (k = 0; add < extra && k < t->ncols; k++)
		if (min[k] < nat[k]) {
			min[k]++;
			add++;
		}
	free(nat);
	t->w = min;
	for (i = 0; i < t->n && ok; i++) {
		html_doc_free(t->cells[i].doc);
		k = span_width(t, &t->cells[i]);
		t->cells[i].doc = hr_render_node(r, t->cells[i].node, k);
		for (j = 0; j < t->cells[i].doc->nlines; j++)
			if (t->cells[i].doc->lines[j].width > k)
				ok = false;
	}
	if (ok)
		return (true);
	/* Some cell could not be narrowed: all at full width again. */
	for (i = 0; i < t->n; i++) {
		html_doc_free(t->cells[i].doc);
		t->cells[i].doc = hr_render_node(r, t->cells[i].node, avail);
	}
	return (false);
}

/* Append a cell's line at the end of b, its line attribute on its text. */
static void
add_line(struct buf *b, struct html_span **sp, size_t *nsp, size_t *asp,
    const struct html_line *l)
{
	size_t base = b->len, at = 0, i, len = strlen(l->text);
	const struct html_span *s;

	(void)buf_add(b, l->text, len);
	for (i = 0; i < l->nspans; i++) {
		s = &l->spans[i];
		if (s->off > at)
			hr_span_add(sp, nsp, asp, base + at, s->off - at,
			    l->attr, 0);
		hr_span_add(sp, nsp, asp, base + s->off, s->len,
		    s->attr | l->attr, s->link);
		at = s->off + s->len;
	}
	if (len > at)
		hr_span_add(sp, nsp, asp, base + at, len - at, l->attr, 0);
}

static void
pad(struct buf *b, size_t n)
{
	while (n-- > 0)
		(void)buf_addch(b, ' ');
}

static const char *
sep(const struct hr_render *r)
{
	return (r->table_depth == 0 ? " | " : " : ");
}

/* One row of the grid: as many lines as its tallest cell. */
static void
grid_row(struct hr_render *r, const struct table *t, size_t a, size_t b)
{
	struct html_span *sp = NULL;
	struct buf line;
	const struct cell *c;
	const struct html_line *l;
	size_t height = 0, k, col, ci, end, nsp, asp = 0, last = 0;

	/* Separators show up to the last column with text in the row. */
	for (ci = a; ci < b; ci++) {
		if (t->cells[ci].doc->nlines > height)
			height = t->cells[ci].doc->nlines;
		if (t->cells[ci].doc->nlines > 0)
			last = t->cells[ci].col;
	}
	buf_init(&line, BUF_CAP_BODY);
	for (k = 0; k < height; k++) {
		buf_reset(&line);
		nsp = 0;
		end = 0;
		for (col = 0, ci = a; col < t->ncols; ) {
			if (col > 0) {
				hr_span_add(&sp, &nsp, &asp, line.len, SEP_LEN,
				    HTML_ATTR_MARKER, 0);
				(void)buf_add(&line, sep(r), SEP_LEN);
				if (col <= last)
					end = line.len - 1;	/* " |" */
			}
			if (ci < b && t->cells[ci].col == col) {
				c = &t->cells[ci++];
				if (k < c->doc->nlines) {
					l = &c->doc->lines[k];
					add_line(&line, &sp, &nsp, &asp, l);
					if (l->text[0] != '\0')
						end = line.len;
					if (l->width < span_width(t, c))
						pad(&line, span_width(t, c) -
						    l->width);
				} else
					pad(&line, span_width(t, c));
				col += c->cs;
			} else
				pad(&line, t->w[col++]);
		}
		/* The line ends after its last text. */
		while (nsp > 0 && sp[nsp - 1].off >= end)
			nsp--;
		if (nsp > 0 && sp[nsp - 1].off + sp[nsp - 1].len > end)
			sp[nsp - 1].len = end - sp[nsp - 1].off;
		hr_emit_spans(r, line.data, end, sp, nsp);
	}
	buf_free(&line);
	free(sp);
}

static bool
header_row(const struct table *t)
{
	size_t i;

	if (t->nrows < 2 || t->n == 0 || t->cells[0].row != 0)
		return (false);
	for (i = 0; i < t->n && t->cells[i].row == 0; i++)
		if (!t->cells[i].th)
			return (false);
	return (true);
}

static void
grid(struct hr_render *r, const struct table *t)
{
	struct html_span s = { 0, 0, HTML_ATTR_MARKER, 0 };
	struct buf rule;
	size_t a, b, i, k, row;

	for (a = 0; a < t->n; a = b) {
		row = t->cells[a].row;
		for (b = a; b < t->n && t->cells[b].row == row; b++)
			continue;
		grid_row(r, t, a, b);
		if (a == 0 && header_row(t)) {
			buf_init(&rule, BUF_CAP_BODY);
			for (k = 0; k < t->ncols; k++) {
				if (k > 0)
					(void)buf_addf(&rule, "-%c-",
					    r->table_depth == 0 ? '+' : ':');
				for (i = 0; i < t->w[k]; i++)
					(void)buf_addch(&rule, '-');
			}
			s.len = rule.len;
			hr_emit_spans(r, buf_str(&rule), rule.len, &s, 1);
			buf_free(&rule);
		}
	}
}

/* The lines of a doc joined with spaces: a column's header. */
static char *
joined(const struct html_doc *d)
{
	struct buf b;
	size_t i;
	char *s;

	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < d->nlines; i++) {
		if (d->lines[i].text[0] == '\0')
			continue;
		if (b.len > 0)
			(void)buf_addch(&b, ' ');
		(void)buf_addstr(&b, d->lines[i].text);
	}
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

/* lead (with attr) then the line l, or nothing after lead when l is NULL. */
static void
lead_line(struct hr_render *r, const char *lead, unsigned attr,
    const struct html_line *l)
{
	struct html_span *sp = NULL;
	struct buf b;
	size_t nsp = 0, asp = 0;

	buf_init(&b, BUF_CAP_BODY);
	(void)buf_addstr(&b, lead);
	hr_span_add(&sp, &nsp, &asp, 0, b.len, attr, 0);
	if (l != NULL)
		add_line(&b, &sp, &nsp, &asp, l);
	hr_emit_spans(r, buf_str(&b), b.len, sp, nsp);
	free(sp);
	buf_free(&b);
}

/* One cell after the other, after their headers ("Size: 1 KiB"). */
static void
one_per_line(struct hr_render *r, struct table *t, size_t avail)
{
	struct html_doc *d;
	struct text_line *wl;
	struct buf lead;
	struct cell *c;
	char **label = NULL, *lab;
	size_t i, k, n, first = 0, lw, row = (size_t)-1;
	bool header = header_row(t);

	if (header) {
		/* A header read on one line, wrapped below if need be. */
		label = xcalloc(t->ncols, sizeof(*label));
		for (first = 0; first < t->n && t->cells[first].row == 0;
		    first++) {
			d = hr_render_node(r, t->cells[first].node, 4096);
			label[t->cells[first].col] = joined(d);
			html_doc_free(d);
		}
	}
	buf_init(&lead, BUF_CAP_TEXT);
	for (i = first; i < t->n; i++) {
		c = &t->cells[i];
		if (c->doc->nlines == 0)
			continue;
		if (c->row != row && row != (size_t)-1)
			r->want_blank = true;
		row = c->row;
		lab = label != NULL ? label[c->col] : NULL;
		if (lab == NULL || lab[0] == '\0') {
			for (k = 0; k < c->doc->nlines; k++)
				lead_line(r, "", 0, &c->doc->lines[k]);
			continue;
		}
		lw = text_width(lab) + 2;
		if (lw > avail / 2) {
			/* A long header on lines of its own. */
			n = text_wrap(lab, avail, &wl);
			for (k = 0; k < n; k++) {
				buf_reset(&lead);
				(void)buf_add(&lead, lab + wl[k].off,
				    wl[k].len);
				lead_line(r, buf_str(&lead), HTML_ATTR_BOLD,
				    NULL);
			}
			free(wl);
			for (k = 0; k < c->doc->nlines; k++)
				lead_line(r, "", 0, &c->doc->lines[k]);
			continue;
		}
		d = hr_render_node(r, c->node, avail - lw);
		for (k = 0; k < d->nlines; k++) {
			buf_reset(&lead);
			if (k == 0)
				(void)buf_addf(&lead, "%s: ", lab);
			else
				pad(&lead, lw);
			lead_line(r, buf_str(&lead), k == 0 ? HTML_ATTR_BOLD :
			    0, &d->lines[k]);
		}
		html_doc_free(d);
	}
	buf_free(&lead);
	if (label != NULL)
		for (k = 0; k < t->ncols; k++)
			free(label[k]);
	free(label);
}

void
hr_table(struct hr_render *r, const GumboNode *node)
{
	struct table t;
	size_t i, avail = hr_avail_width(r);

	memset(&t, 0, sizeof(t));
	hr_flush(r);
	collect(&t, node, r, avail, true);
	for (i = 0; i < t.n; i++) {
		t.cells[i].doc = hr_render_node(r, t.cells[i].node, avail);
		measure(&t.cells[i]);
	}
	if (fit(&t, r, avail))
		grid(r, &t);
	else
		one_per_line(r, &t, avail);
	for (i = 0; i < t.n; i++)
		html_doc_free(t.cells[i].doc);
	free(t.cells);
	free(t.pending);
	free(t.w);
}
