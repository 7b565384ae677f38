/*
 * html_render_int: what the article renderer's files share.
 *
 *  html_render.c  the walk over the gumbo tree: what each element does
 *                 to the layout, and the entry points (html.h)
 *  html_lines.c   the paragraph being gathered with its spans, and the
 *                 wrapped lines it becomes, with quote marks and list
 *                 markers in front
 *  html_links.c   link numbers (one per distinct URL) and the list of
 *                 links at the end
 *
 * Private to those files.
 */
#ifndef GAZETTE_HTML_RENDER_INT_H
#define GAZETTE_HTML_RENDER_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "html.h"

enum hr_ctx_kind {
	CTX_QUOTE,
	CTX_LIST,
	CTX_ITEM
};

struct hr_ctx {
	enum hr_ctx_kind kind;
	bool		ordered;	/* CTX_LIST */
	long		counter;	/* CTX_LIST: the next number */
	char		marker[24];	/* CTX_ITEM: "* ", "12. " */
	bool		used;		/* CTX_ITEM: marker already shown */
};

struct hr_render {
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
	struct hr_ctx	 ctx[HTML_MAX_NEST];
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

/* html_lines.c */
/* How many contexts of this kind are open. */
unsigned hr_ctx_count(const struct hr_render *r, enum hr_ctx_kind kind);
/* The attributes of inline text here (bold, link...). */
unsigned hr_inline_attr(const struct hr_render *r);
/* Add a span, merged into the last one when it continues it. */
void	 hr_span_add(struct html_span **spans, size_t *n, size_t *alloc,
	    size_t off, size_t len, unsigned attr_bits, size_t link);
void	 hr_para_add(struct hr_render *r, const char *s, size_t len,
	    unsigned attr_bits, size_t link);
void	 hr_para_trim_end(struct hr_render *r, bool newlines);
void	 hr_para_text(struct hr_render *r, const char *raw);
/* One space, unless the paragraph is empty or ends in one. */
void	 hr_space(struct hr_render *r);
void	 hr_emit(struct hr_render *r, const char *text, size_t len,
	    size_t off, const struct html_span *spans, size_t nspans,
	    unsigned line_attr, unsigned span_attr);
size_t	 hr_avail_width(const struct hr_render *r);
void	 hr_flush(struct hr_render *r);
void	 hr_ctx_push(struct hr_render *r, enum hr_ctx_kind kind);
void	 hr_ctx_pop(struct hr_render *r);
/* The innermost open list, or NULL. */
struct hr_ctx *hr_ctx_list(struct hr_render *r);

/* html_links.c */
size_t	 hr_link_number(struct hr_render *r, const char *href);
/* Every link made absolute (against r->base) and sanitised. */
void	 hr_links_resolve(struct hr_render *r);
void	 hr_link_list(struct hr_render *r);

#endif
