/*
 * html_media: images and embedded media as numbered links with their
 * kind, "[image 3: alt]", "[video 4]", "[video 4, 5]" (one number per
 * source), "[iframe 6: title]", "[audio 7]", "[object 8]", "[embed 9]".
 * The URL (src, else data-src for lazily loaded images; a video's or an
 * audio's <source> children; an object's data, else its movie <param>)
 * is listed with the links, noted with the kind and MIME type.  The
 * fallback content of video, audio and object is rendered after the
 * mark; an iframe's is not (browsers never show it, gumbo keeps it as
 * raw markup), and an embed inside an object with the same URL adds
 * nothing.  The mark links to the medium itself, or to the <a> around it.
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

#define MAX_SOURCES	4

struct media {
	const char	*kind;
	size_t		 num[MAX_SOURCES];
	size_t		 n;
};

static bool
blank(const char *s)
{
	return (s == NULL || s[strspn(s, " \t\r\n\f")] == '\0');
}

/* Number url (noted with kind and type) unless it has been already. */
static void
add_url(struct hr_render *r, struct media *m, const char *url,
    const char *type)
{
	struct buf note;
	size_t k, i;

	if (blank(url) || m->n == MAX_SOURCES ||
	    (k = hr_link_number(r, url)) == 0)
		return;
	for (i = 0; i < m->n; i++)
		if (m->num[i] == k)
			return;
	m->num[m->n++] = k;
	buf_init(&note, BUF_CAP_TEXT);
	(void)buf_addstr(&note, m->kind);
	if (!blank(type))
		(void)buf_addf(&note, ", %s", type);
	hr_link_note(r, k, buf_str(&note));
	buf_free(&note);
}

/* The element children of node with tag. */
static void
add_children(struct hr_render *r, struct media *m, const GumboNode *node,
    GumboTag tag)
{
	const GumboVector *kids = &node->v.element.children;
	const GumboNode *c;
	const char *name;
	unsigned i;

	for (i = 0; i < kids->length; i++) {
		c = kids->data[i];
		if (c->type != GUMBO_NODE_ELEMENT || c->v.element.tag != tag)
			continue;
		if (tag == GUMBO_TAG_SOURCE)
			add_url(r, m, html_attr(c, "src"),
			    html_attr(c, "type"));
		else if ((name = html_attr(c, "name")) != NULL &&
		    (strcasecmp(name, "movie") == 0 ||
		    strcasecmp(name, "src") == 0 ||
		    strcasecmp(name, "url") == 0))
			add_url(r, m, html_attr(c, "value"), NULL);
	}
}

/* "[video 4, 5: label]" with the link it points to. */
static void
show(struct hr_render *r, const struct media *m, const char *label)
{
	struct buf b;
	unsigned attr;
	size_t i, link;
	char *l, *p, *q;

	buf_init(&b, BUF_CAP_TEXT);
	(void)buf_addf(&b, "[%s", m->kind);
	for (i = 0; i < m->n; i++)
		(void)buf_addf(&b, "%s%zu", i == 0 ? " " : ", ", m->num[i]);
	if (!blank(label)) {
		/* White space collapsed, as text. */
		l = text_sanitize(label, 0);
		(void)buf_addstr(&b, ":");
		for (p = l; *(p += strspn(p, " ")) != '\0'; p = q) {
			q = p + strcspn(p, " ");
			(void)buf_addch(&b, ' ');
			(void)buf_add(&b, p, (size_t)(q - p));
		}
		free(l);
	}
	(void)buf_addch(&b, ']');
	attr = hr_inline_attr(r) | HTML_ATTR_IMAGE;
	link = r->link;
	if (link == 0 && m->n > 0) {
		attr |= HTML_ATTR_LINK;
		link = m->num[0];
	}
	hr_marks_show(r);
	hr_para_add(r, b.data, b.len, attr, link);
	buf_free(&b);
}

bool
hr_media(struct hr_render *r, const GumboNode *node)
{
	struct media m;
	const char *label;
	bool kids = false;

	memset(&m, 0, sizeof(m));
	label = html_attr(node, "title");
	switch (node->v.element.tag) {
	case GUMBO_TAG_IMG:
		m.kind = "image";
		/* A lazy image's src is a placeholder, often data:. */
		add_url(r, &m, html_attr(node, "src"), NULL);
		if (m.n == 0)
			add_url(r, &m, html_attr(node, "data-src"), NULL);
		label = html_attr(node, "alt");
		break;
	case GUMBO_TAG_IFRAME:
		m.kind = "iframe";
		add_url(r, &m, html_attr(node, "src"), NULL);
		break;
	case GUMBO_TAG_VIDEO:
	case GUMBO_TAG_AUDIO:
		m.kind = node->v.element.tag == GUMBO_TAG_VIDEO ? "video" :
		    "audio";
		add_url(r, &m, html_attr(node, "src"), html_attr(node, "type"));
		add_children(r, &m, node, GUMBO_TAG_SOURCE);
		kids = true;
		break;
	case GUMBO_TAG_OBJECT:
		m.kind = "object";
		add_url(r, &m, html_attr(node, "data"), html_attr(node, "type"));
		add_children(r, &m, node, GUMBO_TAG_PARAM);
		r->object_link = m.n > 0 ? m.num[0] : 0;
		kids = true;
		break;
	case GUMBO_TAG_EMBED:
		m.kind = "embed";
		add_url(r, &m, html_attr(node, "src"), html_attr(node, "type"));
		if (m.n > 0 && m.num[0] == r->object_link)
			return (false);
		break;
	default:
		return (false);
	}
	show(r, &m, label);
	if (kids)
		hr_space(r);
	return (kids);
}

void
hr_media_leave(struct hr_render *r, const GumboNode *node)
{
	if (node->v.element.tag == GUMBO_TAG_OBJECT)
		r->object_link = 0;
}
