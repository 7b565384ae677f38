/*
 * html: article HTML to text, with gumbo (included only by html.c and
 * html_render.c, through html_int.h).  Two uses:
 *
 *   html_to_text: plain text for the search index and `gazette list`.
 *
 *   html_render: the article view.  HTML becomes lines wrapped to a width
 *   by display width (text.h), never wider than it: paragraphs separated
 *   by a blank line; headings underlined ("=" for h1, "-" for h2) or
 *   prefixed "### " (h3 to h6), so nothing depends on colour; lists with
 *   "* " or "1. " markers, nested lists indented by two more cells;
 *   blockquotes prefixed "> " per level; br; hr as a row of '-'.
 *
 *   pre is kept verbatim (tabs expanded to 8-cell stops); a pre line
 *   wider than the width is cut at a character boundary and each piece
 *   but the last ends with HTML_PRE_MARK ("\" under HTML_RENDER_ASCII),
 *   so no character is lost and the cut shows.
 *
 *   Inline marks keep the meaning that styling carried: code, kbd, samp
 *   and tt as `code` (not inside pre), del, s and strike as ~~old~~, sub
 *   and sup as Unicode subscript or superscript characters when every
 *   character has one (H₂O, x²), else H_2O, x^2 and x^(a b).
 *
 *   Links are numbered inline after their text, "text[3]", the same URL
 *   always getting the same number.  Images and embedded media get a
 *   number too, shown with their kind: "[image 4: alt]", "[video 5]",
 *   "[iframe 6: title]", "[audio 7]", "[object 8]", "[embed 9]" ("[image:
 *   alt]" and "[video]" when there is no usable URL); the fallback text
 *   inside video, audio and object is kept.  Enclosures given in the
 *   options are numbered after the body's links.  The list at the end
 *   ("[3]: https://...") wraps long URLs at a character boundary under
 *   a hanging indent, and adds a note after media: "(video, video/mp4)",
 *   "(enclosure, audio/mpeg, 12.3 MB)".
 *
 *   Tables (html_table.c) are laid out as a grid with columns separated
 *   by " | " (a colspan spans its columns and the separators between
 *   them, a rowspan leaves its columns blank below) and a "---+---" rule
 *   under a header row, when the columns fit the width: at their natural
 *   width, else narrowed down to their longest word with the cells
 *   wrapped.  When they cannot fit, each cell goes on its own lines,
 *   after its column's header ("Size: 1 KiB") when the table has a header
 *   row, rows separated by a blank line.  Cells hold blocks (paragraphs,
 *   lists, nested tables); tables nested more than three deep are run
 *   into one line a row, cells separated by " | ".
 *
 *   script, style, head, template and the like are dropped.

 * All text (text nodes, alt, URLs) goes through text_sanitize: nothing in
 * the result holds a control character or an escape sequence.  Hostile
 * input is bounded: the input is cut at HTML_MAX_INPUT bytes, the tree is
 * walked without recursion, and indentation stops growing after
 * HTML_MAX_NEST levels.
 *
 * Ownership: the caller frees results (free for html_to_text,
 * html_doc_free for html_render); html and base are borrowed.
 */
#ifndef GAZETTE_HTML_H
#define GAZETTE_HTML_H

#include <stddef.h>

#include "item.h"

/*
 * Input past HTML_MAX_INPUT bytes is ignored (html_render then ends with
 * a "[truncated ...]" line): gumbo's tree takes about 25 times its input
 * in memory, so this bounds one rendering to some 60 MB.
 */
#define HTML_MAX_INPUT	(2u * 1024 * 1024)
#define HTML_MAX_NEST	16

/* The end of a cut pre line: U+21A9 (one cell), or ASCII. */
#define HTML_PRE_MARK		"\xe2\x86\xa9"
#define HTML_PRE_MARK_ASCII	"\\"

/*
 * Plain text: block elements separated by a newline, white space inside
 * blocks collapsed to single spaces, entities decoded, script and style
 * dropped, trimmed; no blank lines, no control characters other than
 * '\n'.  Images give their alt text.  Never NULL.
 */
char	*html_to_text(const char *html, size_t len);

/* Attributes of a stretch of text, for highlighting (never needed to read). */
#define HTML_ATTR_BOLD		0x0001u	/* b, strong, th */
#define HTML_ATTR_ITALIC	0x0002u	/* i, em, cite */
#define HTML_ATTR_CODE		0x0004u	/* code, kbd, samp, tt */
#define HTML_ATTR_LINK		0x0008u	/* link text and its "[n]" */
#define HTML_ATTR_IMAGE		0x0010u	/* "[image 3: alt]", "[video 4]" */
#define HTML_ATTR_HEADING	0x0020u	/* heading text and underline */
#define HTML_ATTR_QUOTE		0x0040u	/* inside a blockquote */
#define HTML_ATTR_PRE		0x0080u	/* preformatted */
#define HTML_ATTR_RULE		0x0100u	/* hr */
#define HTML_ATTR_MARKER	0x0200u	/* list marker, "> ", link list index,
					   table rules, inline marks, the
					   end of a cut pre line */

/* A byte range of a line with attributes. */
struct html_span {
	size_t		off;	/* byte offset in html_line.text */
	size_t		len;	/* bytes */
	unsigned	attr;	/* HTML_ATTR_* */
	size_t		link;	/* 1-based link number when HTML_ATTR_LINK */
};

struct html_line {
	char		*text;	/* UTF-8, sanitised, no newline */
	size_t		 width;	/* display cells of text */
	unsigned	 attr;	/* attributes of the whole line (heading, quote,
				   pre, rule) */
	unsigned	 level;	/* heading level 1-6, else 0 */
	struct html_span *spans; /* in order, not overlapping */
	size_t		 nspans;
};

struct html_doc {
	struct html_line *lines;
	size_t		  nlines;
	char		**links;	/* links[i] is number i + 1: resolved,
					   sanitised URLs */
	char		**notes;	/* notes[i]: what link i + 1 is
					   ("video, video/mp4", "enclosure,
					   audio/mpeg, 12.3 MB"), or NULL */
	size_t		  nlinks;
};

/* html_render flags. */
#define HTML_RENDER_LINK_LIST	0x01u	/* end with a blank line and the
					   numbered URL list */
#define HTML_RENDER_ASCII	0x02u	/* marks the renderer adds in ASCII
					   only, and no sub/superscript
					   characters (a non-UTF-8 locale) */

struct html_opts {
	size_t		 width;	/* wrap width in cells; 0 means 80 */
	const char	*base;	/* URL relative links resolve against, or NULL */
	unsigned	 flags;	/* HTML_RENDER_* */
	const struct enclosure *enclosures; /* numbered after the body's
					   links, or NULL (borrowed) */
	size_t		 nenclosures;
};

/*
 * Render html (len bytes, need not be NUL-terminated).  opts may be NULL
 * (width 80, no base, no link list).  Leading and trailing blank lines
 * are left out.  Never NULL.
 */
struct html_doc *html_render(const char *html, size_t len,
		    const struct html_opts *opts);
/*
 * The same for a plain-text body (content_type "text"): sanitised, runs
 * of spaces collapsed, single newlines kept as line breaks, blank lines
 * kept as one paragraph break, wrapped to the width; no links but the
 * enclosures, listed as html_render does.
 */
struct html_doc *html_render_text(const char *text, size_t len,
		    const struct html_opts *opts);
void		 html_doc_free(struct html_doc *doc);

#endif
