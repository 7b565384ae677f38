/*
 * item: what a feed parser produces and the store consumes.  All strings
 * are UTF-8, NUL-terminated, owned by the struct (NULL when absent).
 * Parsers hand items to their sink borrowed: copy what you keep.
 */
#ifndef GAZETTE_ITEM_H
#define GAZETTE_ITEM_H

#include <stddef.h>
#include <stdint.h>

#define ITEM_NO_DATE	INT64_MIN	/* date absent or unreadable */

/*
 * At most this many distinct categories and enclosures an item, the first
 * ones in document order; the rest are dropped.  Real feeds stay well
 * below (a few tags, one enclosure, a handful of media renditions); the
 * caps keep a hostile item linear in time and small in memory.
 */
#define ITEM_MAX_CATEGORIES	64
#define ITEM_MAX_ENCLOSURES	32

struct enclosure {
	char	*url;		/* absolute */
	char	*type;		/* MIME type or NULL */
	int64_t	 length;	/* bytes, -1 when unknown */
};

struct item {
	char		*guid;		/* never NULL once handed to a sink */
	char		*title;		/* plain text */
	char		*link;		/* absolute */
	char		*author;
	int64_t		 published;	/* UNIX seconds UTC or ITEM_NO_DATE */
	int64_t		 updated;
	const char	*content_type;	/* "html" or "text" (static) */
	char		*content;	/* richest body, entities decoded */
	struct enclosure *enclosures;
	size_t		 n_enclosures;
	char		**categories;
	size_t		 n_categories;
};

struct feed_meta {
	const char	*format;	/* "rss2.0", "atom1.0", ... (static) */
	char		*title;
	char		*link;
	char		*description;
	int64_t		 ttl;		/* minutes from <ttl>, -1 when absent */
};

void	item_init(struct item *item);
/* Free every field and reinitialise; the struct itself is not freed. */
void	item_clear(struct item *item);
/*
 * Add a category (takes s): empty ones, duplicates and any beyond
 * ITEM_MAX_CATEGORIES are dropped.  Duplicates are found by scanning the
 * ones kept, which the cap bounds.
 */
void	item_add_category(struct item *item, char *s);
/*
 * Add an enclosure (takes url and type, either may be NULL): one whose URL
 * is already there only fills in the type and length it lacks; one beyond
 * ITEM_MAX_ENCLOSURES, or without a URL, is dropped.
 */
void	item_add_enclosure(struct item *item, char *url, char *type,
	    int64_t length);
void	feed_meta_init(struct feed_meta *meta);
void	feed_meta_clear(struct feed_meta *meta);

#endif
