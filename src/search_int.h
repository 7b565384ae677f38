/*
 * search_int.h: text helpers shared by the search modules (not for
 * other modules).
 */
#ifndef GAZETTE_SEARCH_INT_H
#define GAZETTE_SEARCH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

uint32_t search_utf8_next(const char *s, size_t len, size_t *i);
bool	 search_utf8_valid(const char *s);
bool	 search_cp_cjk(uint32_t cp);
bool	 search_cp_word(uint32_t cp);
size_t	 search_fold(uint32_t cp, uint32_t out[2]);

struct search_query;
/*
 * A one-line snippet of text (markup and control characters removed)
 * around the first match, matches between SEARCH_MARK_ON/OFF.
 */
char	*search_snippet(const struct search_query *q, const char *text,
	    const char *title);

#endif
