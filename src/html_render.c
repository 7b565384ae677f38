/*
 * html_render: the article renderer.  Walks the gumbo tree (html_int.h)
 * and lays it out as wrapped, attributed lines with numbered links; see
 * html.h for the rendering rules, html_render_int.h for the files that
 * do the layout (html_lines.c) and the links (html_links.c).
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
#include "html_render_int.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"


static void
block_start(struct hr_render *r, bool margin)
{
	if (r->in_cell > 0) {
		hr_space(r);
		return;
	}
	hr_flush(r);
	/* No gap between a list marker and the item's first block. */
	if (margin && !(r->nctx > 0 && r->ctx[r->nctx - 1].kind == CTX_ITEM &&
	    !r->ctx[r->nctx - 1].used))
		r->want_blank = true;
}

bool
hr_short_text(const GumboNode *node, struct buf *out, size_t max)
{
	const GumboNode *st[8];
	unsigned next[8];
	const GumboVector *kids;
	const GumboNode *c;
	size_t n = 1, visited = 0;
	char *t;
	bool ok = true;

	buf_reset(out);
	st[0] = node;
	next[0] = 0;
	while (n > 0 && ok) {
		kids = &st[n - 1]->v.element.children;
		if (next[n - 1] >= kids->length) {
			n--;
			continue;
		}
		c = kids->data[next[n - 1]++];
		if (++visited > max)
			ok = false;
		else if (c->type == GUMBO_NODE_TEXT ||
		    c->type == GUMBO_NODE_WHITESPACE ||
		    c->type == GUMBO_NODE_CDATA) {
			t = text_sanitize(c->v.text.text, 0);
			if (out->len + strlen(t) > max)
				ok = false;
			else
				(void)buf_addstr(out, t);
			free(t);
		} else if (c->type == GUMBO_NODE_ELEMENT) {
			if (html_tag_kind(c->v.element.tag) == HTML_K_DROP)
				continue;
			if (n == sizeof(st) / sizeof(st[0]))
				ok = false;
			else {
				st[n] = c;
				next[n++] = 0;
			}
		}
	}
	if (!ok)
		return (false);
	/* White space collapsed and trimmed. */
	t = text_sanitize(buf_str(out), 0);
	buf_reset(out);
	for (n = 0, ok = false; t[n] != '\0'; n++) {
		if (t[n] == ' ') {
			ok = out->len > 0;	/* a space is due */
			continue;
		}
		if (ok)
			(void)buf_addch(out, ' ');
		ok = false;
		(void)buf_addch(out, t[n]);
	}
	free(t);
	return (true);
}

/*
 * sub and sup: converted character by character when every character
 * of a short text has a sub or superscript form, else marked "_2",
 * "^2", "^(a b)".
 */
static void
script_enter(struct hr_render *r, const GumboNode *node, unsigned script)
{
	struct buf text, conv;
	const char *open;
	bool paren;

	buf_init(&text, 256);
	buf_init(&conv, 256);
	if (!hr_short_text(node, &text, 64)) {
		/* Long: marked, in parentheses. */
		hr_mark_push(r, script == HR_SUB ? "_(" : "^(", ")", 0);
	} else if (text.len == 0)
		hr_mark_push(r, NULL, NULL, 0);
	else if (!r->ascii && hr_script_convert(buf_str(&text), text.len,
	    script, &conv))
		hr_mark_push(r, NULL, NULL, script);
	else {
		paren = strchr(buf_str(&text), ' ') != NULL;
		if (script == HR_SUB)
			open = paren ? "_(" : "_";
		else
			open = paren ? "^(" : "^";
		hr_mark_push(r, open, paren ? ")" : "", 0);
	}
	buf_free(&conv);
	buf_free(&text);
}

static bool
render_enter(void *arg, const GumboNode *node)
{
	struct hr_render *r = arg;
	struct hr_ctx *list;
	const char *s;
	char num[32];
	enum html_kind k;

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
				hr_para_add(r, num, r->heading + 1,
				    HTML_ATTR_HEADING | HTML_ATTR_MARKER, 0);
			}
		}
		break;
	case HTML_K_LIST:
		block_start(r, hr_ctx_list(r) == NULL);
		if (r->in_cell > 0)
			break;
		hr_ctx_push(r, CTX_LIST);
		if (r->ctx_over == 0) {
			list = &r->ctx[r->nctx - 1];
			list->ordered = node->v.element.tag == GUMBO_TAG_OL;
			list->counter = html_attr_long(node, "start", 1);
		}
		break;
	case HTML_K_ITEM:
	case HTML_K_DD:
		block_start(r, false);
		if (r->in_cell > 0)
			break;
		list = hr_ctx_list(r);
		hr_ctx_push(r, CTX_ITEM);
		if (r->ctx_over > 0)
			break;
		if (k == HTML_K_DD)
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "    ");
		else if (list != NULL && list->ordered) {
			list->counter = html_attr_long(node, "value",
			    list->counter);
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "%ld. ",
			    list->counter++);
		} else
			(void)snprintf(r->ctx[r->nctx - 1].marker,
			    sizeof(r->ctx[0].marker), "%s ",
			    (const char *[]){ "*", "-", "+" }[
			    (hr_ctx_count(r, CTX_LIST) + 2) % 3]);
		break;
	case HTML_K_QUOTE:
		block_start(r, true);
		if (r->in_cell == 0)
			hr_ctx_push(r, CTX_QUOTE);
		break;
	case HTML_K_PRE:
		block_start(r, true);
		if (r->in_cell == 0)
			r->pre++;
		r->code++;
		break;
	case HTML_K_TABLE:
		block_start(r, true);
		if (r->in_cell == 0 && r->table_depth < HR_TABLE_DEPTH) {
			hr_table(r, node);
			r->want_blank = true;
			return (false);
		}
		break;
	case HTML_K_ROW:
		if (r->in_cell > 0)
			hr_space(r);
		else {
			hr_flush(r);
			r->row_cells = 0;
		}
		break;
	case HTML_K_CELL:
		if (r->row_cells++ > 0) {
			hr_para_trim_end(r, false);
			hr_para_add(r, " | ", 3, HTML_ATTR_MARKER, 0);
		}
		r->in_cell++;
		if (node->v.element.tag == GUMBO_TAG_TH)
			r->bold++;
		break;
	case HTML_K_BR:
		if (r->in_cell > 0 || r->pre > 0)
			hr_space(r);
		else {
			hr_para_trim_end(r, false);
			hr_para_add(r, "\n", 1, 0, 0);
		}
		return (false);
	case HTML_K_HR:
		block_start(r, true);
		if (r->in_cell == 0) {
			struct buf u;
			size_t w = hr_avail_width(r);

			buf_init(&u, BUF_CAP_TEXT);
			while (w-- > 0)
				(void)buf_addch(&u, '-');
			hr_emit(r, buf_str(&u), u.len, 0, NULL, 0,
			    HTML_ATTR_RULE, HTML_ATTR_RULE);
			buf_free(&u);
			r->want_blank = true;
		}
		return (false);
	case HTML_K_IMG:
	case HTML_K_MEDIA:
		return (hr_media(r, node));
	case HTML_K_LINK:
		if (r->link == 0 && (s = html_attr(node, "href")) != NULL)
			r->link = hr_link_number(r, s);
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
		/* `code`, but not inside pre or around more code. */
		if (r->code == 0 && r->pre == 0)
			hr_mark_push(r, "`", "`", 0);
		else
			hr_mark_push(r, NULL, NULL, 0);
		r->code++;
		break;
	case HTML_K_DEL:
		hr_mark_push(r, "~~", "~~", 0);
		break;
	case HTML_K_SUB:
	case HTML_K_SUP:
		script_enter(r, node, k == HTML_K_SUB ? HR_SUB : HR_SUP);
		break;
	}
	return (true);
}

static void
render_leave(void *arg, const GumboNode *node)
{
	struct hr_render *r = arg;
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
	case HTML_K_MEDIA:
		hr_media_leave(r, node);
		break;
	case HTML_K_DEL:
	case HTML_K_SUB:
	case HTML_K_SUP:
		hr_mark_pop(r);
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
			hr_space(r);
			break;
		}
		hr_flush(r);
		r->heading = 0;
		r->want_blank = true;
		break;
	case HTML_K_LIST:
		block_start(r, false);
		if (r->in_cell == 0) {
			hr_ctx_pop(r);
			if (hr_ctx_list(r) == NULL)
				r->want_blank = true;
		}
		break;
	case HTML_K_ITEM:
	case HTML_K_DD:
		block_start(r, false);
		if (r->in_cell == 0)
			hr_ctx_pop(r);
		break;
	case HTML_K_QUOTE:
		block_start(r, true);
		if (r->in_cell == 0)
			hr_ctx_pop(r);
		break;
	case HTML_K_PRE:
		if (r->in_cell == 0) {
			hr_flush(r);
			r->pre--;
			r->want_blank = true;
		}
		r->code--;
		break;
	case HTML_K_CELL:
		hr_para_trim_end(r, false);
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
		hr_para_add(r, num, (size_t)n, HTML_ATTR_LINK, r->link);
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
		hr_mark_pop(r);
		break;
	}
}

static void
render_text(void *arg, const GumboNode *node)
{
	hr_para_text(arg, node->v.text.text);
}

/* A renderer for the width asked (10 to 4096 columns, 80 by default). */
static void
render_init(struct hr_render *r, const struct html_opts *opts)
{
	memset(r, 0, sizeof(*r));
	r->width = opts != NULL && opts->width > 0 ? opts->width : 80;
	if (r->width < 10)
		r->width = 10;
	if (r->width > 4096)
		r->width = 4096;
	r->ascii = opts != NULL && (opts->flags & HTML_RENDER_ASCII);
	r->root = r;
	r->doc = xcalloc(1, sizeof(*r->doc));
	buf_init(&r->para, BUF_CAP_BODY);
}

static void
trim_blank_end(struct html_doc *d)
{
	while (d->nlines > 0 && d->lines[d->nlines - 1].text[0] == '\0') {
		d->nlines--;
		free(d->lines[d->nlines].text);
		free(d->lines[d->nlines].spans);
	}
}

static const struct html_walk_ops render_ops = {
	render_enter, render_leave, render_text
};

struct html_doc *
hr_render_node(struct hr_render *parent, const GumboNode *node, size_t width)
{
	struct hr_render r;

	memset(&r, 0, sizeof(r));
	r.width = width > 0 ? width : 1;
	r.base = parent->base;
	r.ascii = parent->ascii;
	r.root = parent->root;
	r.table_depth = parent->table_depth + 1;
	r.doc = xcalloc(1, sizeof(*r.doc));
	buf_init(&r.para, BUF_CAP_BODY);
	html_walk(node, &render_ops, &r);
	r.pre = 0;
	r.in_cell = 0;
	hr_flush(&r);
	trim_blank_end(r.doc);
	buf_free(&r.para);
	free(r.spans);
	return (r.doc);
}

struct html_doc *
html_render(const char *html, size_t len, const struct html_opts *opts)
{
	struct hr_render r;
	GumboOutput *out;

	render_init(&r, opts);
	r.base = opts != NULL ? opts->base : NULL;
	out = html_parse(html, len);
	html_walk(out->document, &render_ops, &r);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	r.pre = 0;
	r.in_cell = 0;
	hr_flush(&r);
	if (opts != NULL && opts->nenclosures > 0)
		hr_link_enclosures(&r, opts->enclosures, opts->nenclosures);
	hr_links_resolve(&r);
	if (len > HTML_MAX_INPUT) {
		char note[96];

		(void)snprintf(note, sizeof(note), "[truncated: %zu bytes "
		    "not shown]", len - HTML_MAX_INPUT);
		r.nctx = 0;
		r.want_blank = true;
		hr_emit(&r, note, strlen(note), 0, NULL, 0, 0,
		    HTML_ATTR_MARKER);
	}
	if (opts != NULL && (opts->flags & HTML_RENDER_LINK_LIST))
		hr_link_list(&r);
	/* No blank lines at the end. */
	trim_blank_end(r.doc);
	buf_free(&r.para);
	free(r.spans);
	free(r.link_hash);
	return (r.doc);
}

struct html_doc *
html_render_text(const char *text, size_t len, const struct html_opts *opts)
{
	struct hr_render r;
	char *s, *p;
	size_t nl;

	render_init(&r, opts);
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
				hr_para_add(&r, " ", 1, 0, 0);
			else
				hr_para_add(&r, "\n\n", nl > 1 ? 2 : 1, 0, 0);
			continue;
		}
		nl = strcspn(p, " \n");
		hr_para_add(&r, p, nl, 0, 0);
		p += nl;
	}
	free(s);
	hr_flush(&r);
	if (opts != NULL && opts->nenclosures > 0) {
		hr_link_enclosures(&r, opts->enclosures, opts->nenclosures);
		hr_links_resolve(&r);
		if (opts->flags & HTML_RENDER_LINK_LIST)
			hr_link_list(&r);
	}
	buf_free(&r.para);
	free(r.spans);
	free(r.link_hash);
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
	for (i = 0; i < doc->nlinks; i++) {
		free(doc->links[i]);
		free(doc->notes[i]);
	}
	free(doc->links);
	free(doc->notes);
	free(doc);
}
