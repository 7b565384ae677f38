/*
 * html_render_int: what the article renderer's files share.
 *
 *  html_render.c  the walk over the gumbo tree: what each element does
 *                 to the layout, and the entry points (html.h)
 *  html_lines.c   the paragraph being gathered with its spans, and the
 *                 wrapped lines it becomes, with quote marks and list
 *                 markers in front; pre lines cut with a mark
 *  html_marks.c   inline marks: `code`, ~~del~~, sub and superscripts
 *  html_media.c   images and embedded media as numbered links
 *  html_table.c   tables: cells rendered alone, then laid out as a grid
 *                 or one cell after the other
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

/* Aligned tables nest this deep; deeper ones run into one line a row. */
#define HR_TABLE_DEPTH	3

/* An inline mark ("`", "~~", "^("...) open around an element. */
struct hr_mark {
	char		open[4];	/* "" for none */
	char		close[4];
	bool		shown;		/* open written: close it */
	unsigned	script;		/* HR_SUB or HR_SUP: text converted */
};

#define HR_SUB	1u
#define HR_SUP	2u

struct hr_render {
	size_t		 width;
	const char	*base;
	bool		 ascii;		/* HTML_RENDER_ASCII */
	struct html_doc	*doc;
	size_t		 alloc_lines;
	/* The links live in the root renderer's doc; a table's cells are
	   rendered by renderers of their own that share them. */
	struct hr_render *root;
	size_t		 alloc_links;
	size_t		*link_hash;	/* open addressing: link index + 1 */
	size_t		 hash_size;	/* a power of two, or 0 */
	unsigned	 table_depth;	/* aligned tables around this one */

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
	size_t		 object_link;	/* number of the open <object>, or 0 */

	/* Inline marks, innermost last. */
	struct hr_mark	 marks[HTML_MAX_NEST];
	size_t		 nmarks;
	size_t		 marks_over;	/* pushes refused past HTML_MAX_NEST */

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

/* A line of text with its spans (offsets in text), under the prefix. */
void	 hr_emit_spans(struct hr_render *r, const char *text, size_t len,
	    const struct html_span *spans, size_t nspans);
/*
 * Cut s (len bytes) into pieces of at most cells display cells at
 * character boundaries, each holding at least one character; returns
 * the byte length of the first piece.
 */
size_t	 hr_cut(const char *s, size_t len, size_t cells);

/* html_marks.c */
/* Open a mark around an element (open NULL: none, but balance the pop). */
void	 hr_mark_push(struct hr_render *r, const char *open,
	    const char *close, unsigned script);
void	 hr_mark_pop(struct hr_render *r);
/* Write the marks opened but not shown yet: text is about to follow. */
void	 hr_marks_show(struct hr_render *r);
/* The sub or superscript conversion in force (HR_SUB, HR_SUP or 0). */
unsigned hr_script(const struct hr_render *r);
/* Text converted to sub or superscript characters, or false. */
bool	 hr_script_convert(const char *s, size_t len, unsigned script,
	    struct buf *out);

/* html_links.c */
size_t	 hr_link_number(struct hr_render *r, const char *href);
/* Say what link n is, unless something already did. */
void	 hr_link_note(struct hr_render *r, size_t n, const char *note);
/* The enclosures as numbered links, after the body's. */
void	 hr_link_enclosures(struct hr_render *r, const struct enclosure *e,
	    size_t n);
/* Every link made absolute (against r->base) and sanitised. */
void	 hr_links_resolve(struct hr_render *r);
void	 hr_link_list(struct hr_render *r);

#endif
