/*
 * xmalloc: allocation that never returns NULL.  Running out of memory
 * aborts with a message, so callers carry no untestable OOM branches.
 */
#ifndef GAZETTE_XMALLOC_H
#define GAZETTE_XMALLOC_H

#include <stddef.h>

void	*xmalloc(size_t size);
void	*xcalloc(size_t count, size_t size);
void	*xrealloc(void *ptr, size_t size);
void	*xreallocarray(void *ptr, size_t count, size_t size);
char	*xstrdup(const char *s);
/* xstrdup, or NULL for NULL. */
char	*xstrdup_or_null(const char *s);
char	*xstrndup(const char *s, size_t n);

#endif
