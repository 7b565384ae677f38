/*
 * enclosures: the store keeps an article's enclosures as a JSON array,
 * [{"url":"...","type":"..."|null,"length":123|null}, ...]; this reads it
 * back for the article view and `gazette show`.
 */
#ifndef GAZETTE_ENCLOSURES_H
#define GAZETTE_ENCLOSURES_H

#include <stddef.h>

#include "item.h"

/* At most this many are read (a feed may list thousands). */
#define ENCLOSURES_MAX	64

/*
 * The enclosures in json (NULL or not an array: none), those without a
 * string url left out; *out is a fresh array (NULL when none) to free
 * with enclosures_free.  Returns how many.
 */
size_t	enclosures_parse(const char *json, struct enclosure **out);
void	enclosures_free(struct enclosure *e, size_t n);

#endif
