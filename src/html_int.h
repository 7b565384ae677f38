/*
 * html_int: what html.c (gumbo plumbing, html_to_text) shares with
 * html_render.c (the article renderer).  Only these two files include
 * gumbo.h, through this header.
 */
#ifndef GAZETTE_HTML_INT_H
#define GAZETTE_HTML_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <gumbo.h>

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
	HTML_K_DD
};

enum html_kind	 html_tag_kind(GumboTag tag);
/* Parse at most HTML_MAX_INPUT bytes; free with gumbo_destroy_output. */
GumboOutput	*html_parse(const char *html, size_t len);
/* An attribute's value, or NULL. */
const char	*html_attr(const GumboNode *node, const char *name);

/*
 * The walk: enter returns false to skip an element's children (and then
 * leave is not called for it); text gets every text node.
 */
struct html_walk_ops {
	bool	(*enter)(void *, const GumboNode *);
	void	(*leave)(void *, const GumboNode *);
	void	(*text)(void *, const GumboNode *);
};

void	 html_walk(const GumboNode *root, const struct html_walk_ops *ops,
	    void *arg);

#endif
