/*
 * store_text: article HTML reduced to plain text for the search index,
 * when it indexes and for its snippets, fast.
 *
 * Why not html_to_text (html.h, gumbo): measured on 51,000 items of
 * about 1 KB (bench/store_synth), gumbo costs about 90 us an item, 4.6 s
 * for a 1000-feed refresh whose whole budget is 1.2 s.  The index needs
 * words, not layout, so this is one pass over the bytes instead of a
 * tree: tags removed (block elements, br, td and th break the text),
 * comments, script, style and template dropped, character references
 * decoded (entities.h, HTML5 rules), white space collapsed, and the
 * result sanitised (text.h: valid UTF-8, no control character but '\n').
 *
 * Ownership: html is borrowed; the result is the caller's to free.
 */
#ifndef GAZETTE_STORE_TEXT_H
#define GAZETTE_STORE_TEXT_H

#include <stddef.h>

/* Plain text of len bytes of HTML (need not be NUL-terminated). */
char	*store_text_from_html(const char *html, size_t len);
/*
 * The words of an article body of len bytes, as the search index and
 * its snippets read them: HTML reduced by store_text_from_html, plain
 * text ("text") sanitised; NULL without a body.  Not stored: computed
 * where it is needed, from items.content, the one copy of the text.
 */
char	*store_text_of(const char *content, size_t len,
	    const char *content_type);

#endif
