/*
 * html_int: what html.c (gumbo plumbing, html_to_text) shares with the
 * article renderer's files that see the tree (html_render.c, html_media.c,
 * html_table.c).  Only these files include gumbo.h, through this header.
 */
#ifndef GAZETTE_HTML_INT_H
#define GAZETTE_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <gumbo.h>

#include "buf.h"

/* What an element does to the layout. */
enum html_kind {
	HTML_K_INLINE,	/* text flows through */
	HTML_K_DROP,		/* dropped with its content */
	HTML_K_BLOCK,	/* starts a new line */
	HTML_K_PARA,		/* a new line and a blank line around */
	HTML_K_HEADING,
	HTML_K_LIST,
	HTML_K_ITEM,
	HTML_K_QUOTE,
	HTML_K_PRE,
	HTML_K_TABLE,
	HTML_K_ROW,
	HTML_K_CELL,
	HTML_K_BR,
	HTML_K_HR,
	HTML_K_IMG,
	HTML_K_LINK,
	HTML_K_BOLD,
	HTML_K_ITALIC,
	HTML_K_CODE,
	HTML_K_DD,
	HTML_K_MEDIA,	/* iframe, video, audio, object, embed */
	HTML_K_DEL,	/* del, s, strike */
	HTML_K_SUB,
	HTML_K_SUP
};

enum html_kind	 html_tag_kind(GumboTag tag);
/* Parse at most HTML_MAX_INPUT bytes; free with gumbo_destroy_output. */
GumboOutput	*html_parse(const char *html, size_t len);
/* An attribute's value, or NULL. */
const char	*html_attr(const GumboNode *node, const char *name);
/* An attribute's value as a number (-999999 to 999999), else def. */
long		 html_attr_long(const GumboNode *node, const char *name,
		    long def);

/*
 * The walk over root's descendants (root itself is neither entered nor
 * left): enter returns false to skip an element's children (and then
 * leave is not called for it); text gets every text node.
 */
struct html_walk_ops {
	bool	(*enter)(void *, const GumboNode *);
	void	(*leave)(void *, const GumboNode *);
	void	(*text)(void *, const GumboNode *);
};

void	 html_walk(const GumboNode *root, const struct html_walk_ops *ops,
	    void *arg);

struct hr_render;

/* html_render.c: node's content rendered alone at width cells, its links
 * numbered in r's document; lines only (free with html_doc_free). */
struct html_doc *hr_render_node(struct hr_render *r, const GumboNode *node,
	    size_t width);
/* html_table.c: lay out a whole table (r->table_depth < HR_TABLE_DEPTH). */
void	 hr_table(struct hr_render *r, const GumboNode *table);
/* html_media.c: "[image 3: alt]", "[video 4]"... for an img or a media
 * element; false when the walk should skip its children. */
bool	 hr_media(struct hr_render *r, const GumboNode *node);
void	 hr_media_leave(struct hr_render *r, const GumboNode *node);
/* html_render.c: the text of node's descendants, white space collapsed
 * and trimmed, if it holds at most max bytes (else false). */
bool	 hr_short_text(const GumboNode *node, struct buf *out, size_t max);

#endif
