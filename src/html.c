/*
 * html: the gumbo plumbing shared with html_render.c (element kinds,
 * parsing with bounds, attributes, the tree walk) and html_to_text.
 * The tree is walked with an explicit stack, so deep nesting cannot
 * exhaust the C stack here.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "html_int.h"
#include "text.h"
#include "xmalloc.h"

enum html_kind
html_tag_kind(GumboTag tag)
{
	switch (tag) {
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_HEAD:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_SVG:
	case GUMBO_TAG_MATH:
	case GUMBO_TAG_SELECT:
	case GUMBO_TAG_BUTTON:
	case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_INPUT:
	case GUMBO_TAG_CANVAS:
	case GUMBO_TAG_MAP:
	case GUMBO_TAG_FRAMESET:
		return (HTML_K_DROP);
	case GUMBO_TAG_P:
	case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_ADDRESS:
	case GUMBO_TAG_DL:
	case GUMBO_TAG_FIELDSET:
	case GUMBO_TAG_DETAILS:
		return (HTML_K_PARA);
	case GUMBO_TAG_DIV:
	case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE:
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_MAIN:
	case GUMBO_TAG_ASIDE:
	case GUMBO_TAG_NAV:
	case GUMBO_TAG_FIGCAPTION:
	case GUMBO_TAG_CAPTION:
	case GUMBO_TAG_SUMMARY:
	case GUMBO_TAG_DT:
	case GUMBO_TAG_FORM:
	case GUMBO_TAG_CENTER:
	case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_BODY:
	case GUMBO_TAG_HTML:
	case GUMBO_TAG_HGROUP:
	case GUMBO_TAG_OPTION:
		return (HTML_K_BLOCK);
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		return (HTML_K_HEADING);
	case GUMBO_TAG_UL:
	case GUMBO_TAG_OL:
	case GUMBO_TAG_MENU:
	case GUMBO_TAG_DIR:
		return (HTML_K_LIST);
	case GUMBO_TAG_LI:
		return (HTML_K_ITEM);
	case GUMBO_TAG_DD:
		return (HTML_K_DD);
	case GUMBO_TAG_BLOCKQUOTE:
		return (HTML_K_QUOTE);
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT:
		return (HTML_K_PRE);
	case GUMBO_TAG_TABLE:
		return (HTML_K_TABLE);
	case GUMBO_TAG_TR:
		return (HTML_K_ROW);
	case GUMBO_TAG_TD:
	case GUMBO_TAG_TH:
		return (HTML_K_CELL);
	case GUMBO_TAG_BR:
		return (HTML_K_BR);
	case GUMBO_TAG_HR:
		return (HTML_K_HR);
	case GUMBO_TAG_IMG:
		return (HTML_K_IMG);
	case GUMBO_TAG_A:
		return (HTML_K_LINK);
	case GUMBO_TAG_B:
	case GUMBO_TAG_STRONG:
		return (HTML_K_BOLD);
	case GUMBO_TAG_I:
	case GUMBO_TAG_EM:
	case GUMBO_TAG_CITE:
	case GUMBO_TAG_DFN:
	case GUMBO_TAG_VAR:
		return (HTML_K_ITALIC);
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		return (HTML_K_CODE);
	case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_AUDIO:
	case GUMBO_TAG_OBJECT:
	case GUMBO_TAG_EMBED:
		return (HTML_K_MEDIA);
	case GUMBO_TAG_DEL:
	case GUMBO_TAG_S:
	case GUMBO_TAG_STRIKE:
		return (HTML_K_DEL);
	case GUMBO_TAG_SUB:
		return (HTML_K_SUB);
	case GUMBO_TAG_SUP:
		return (HTML_K_SUP);
	default:
		return (HTML_K_INLINE);
	}
}

GumboOutput *
html_parse(const char *html, size_t len)
{
	GumboOptions opts = kGumboDefaultOptions;

	if (html == NULL)
		html = "", len = 0;
	if (len > HTML_MAX_INPUT)
		len = HTML_MAX_INPUT;
	opts.max_errors = 0;	/* no memory spent on error records */
	return (gumbo_parse_with_options(&opts, html, len));
}

const char *
html_attr(const GumboNode *node, const char *name)
{
	GumboAttribute *a;

	a = gumbo_get_attribute(&node->v.element.attributes, name);
	return (a == NULL ? NULL : a->value);
}

long
html_attr_long(const GumboNode *node, const char *name, long def)
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

struct walk_frame {
	const GumboNode	*node;
	unsigned int	 next;
};

static const GumboVector *
children(const GumboNode *node)
{
	if (node->type == GUMBO_NODE_DOCUMENT)
		return (&node->v.document.children);
	return (&node->v.element.children);
}

void
html_walk(const GumboNode *root, const struct html_walk_ops *ops, void *arg)
{
	struct walk_frame *st;
	size_t n, alloc;
	const GumboVector *kids;
	const GumboNode *child;

	alloc = 64;
	st = xreallocarray(NULL, alloc, sizeof(*st));
	st[0].node = root;
	st[0].next = 0;
	n = 1;
	while (n > 0) {
		kids = children(st[n - 1].node);
		if (st[n - 1].next >= kids->length) {
			if (n > 1)	/* root was not entered */
				ops->leave(arg, st[n - 1].node);
			n--;
			continue;
		}
		child = kids->data[st[n - 1].next++];
		switch (child->type) {
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_CDATA:
		case GUMBO_NODE_WHITESPACE:
			ops->text(arg, child);
			break;
		case GUMBO_NODE_ELEMENT:
			if (!ops->enter(arg, child))
				break;
			if (n == alloc) {
				alloc *= 2;
				st = xreallocarray(st, alloc, sizeof(*st));
			}
			st[n].node = child;
			st[n].next = 0;
			n++;
			break;
		default:	/* comments, templates */
			break;
		}
	}
	free(st);
}

/* ---- html_to_text ---- */

struct plain {
	struct buf	out;
	bool		want_nl;
	bool		want_space;
};

static void
plain_add(struct plain *p, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ') {
			p->want_space = true;
			continue;
		}
		if (p->want_nl && p->out.len > 0)
			(void)buf_addch(&p->out, '\n');
		else if (p->want_space && p->out.len > 0 &&
		    p->out.data[p->out.len - 1] != '\n')
			(void)buf_addch(&p->out, ' ');
		p->want_nl = p->want_space = false;
		(void)buf_addch(&p->out, *s);
	}
}

static void
plain_add_raw(struct plain *p, const char *raw)
{
	char *s;

	s = text_sanitize(raw, 0);
	plain_add(p, s);
	free(s);
}

static bool
plain_enter(void *arg, const GumboNode *node)
{
	struct plain *p = arg;
	const char *alt;

	switch (html_tag_kind(node->v.element.tag)) {
	case HTML_K_DROP:
		return (false);
	case HTML_K_MEDIA:
		/* The fallback text; an iframe's is raw markup. */
		return (node->v.element.tag != GUMBO_TAG_IFRAME);
	case HTML_K_INLINE:
	case HTML_K_LINK:
	case HTML_K_BOLD:
	case HTML_K_ITALIC:
	case HTML_K_CODE:
	case HTML_K_DEL:
	case HTML_K_SUB:
	case HTML_K_SUP:
		return (true);
	case HTML_K_CELL:
		p->want_space = true;
		return (true);
	case HTML_K_IMG:
		if ((alt = html_attr(node, "alt")) != NULL) {
			p->want_space = true;
			plain_add_raw(p, alt);
			p->want_space = true;
		}
		return (false);
	default:
		p->want_nl = true;
		return (true);
	}
}

static void
plain_leave(void *arg, const GumboNode *node)
{
	struct plain *p = arg;

	switch (html_tag_kind(node->v.element.tag)) {
	case HTML_K_INLINE:
	case HTML_K_LINK:
	case HTML_K_BOLD:
	case HTML_K_ITALIC:
	case HTML_K_CODE:
	case HTML_K_MEDIA:
	case HTML_K_DEL:
	case HTML_K_SUB:
	case HTML_K_SUP:
		break;
	case HTML_K_CELL:
		p->want_space = true;
		break;
	default:
		p->want_nl = true;
		break;
	}
}

static void
plain_text(void *arg, const GumboNode *node)
{
	plain_add_raw(arg, node->v.text.text);
}

char *
html_to_text(const char *html, size_t len)
{
	static const struct html_walk_ops ops = {
		plain_enter, plain_leave, plain_text
	};
	struct plain p;
	GumboOutput *out;

	buf_init(&p.out, BUF_CAP_BODY);
	p.want_nl = p.want_space = false;
	out = html_parse(html, len);
	html_walk(out->document, &ops, &p);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	return (buf_detach(&p.out));
}
