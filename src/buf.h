/*
 * buf: a growable byte buffer with a hard size cap (curl dynbuf style).
 * The contents are always NUL-terminated.  Adding past the cap fails
 * with -1 and leaves the buffer as it was; memory exhaustion aborts.
 * A zeroed struct is not valid: call buf_init first.
 */
#ifndef GAZETTE_BUF_H
#define GAZETTE_BUF_H

#include <stdarg.h>
#include <stddef.h>

#define BUF_CAP_BODY	(16u * 1024 * 1024)	/* a feed document */
#define BUF_CAP_TEXT	(1u * 1024 * 1024)	/* one element's text */
#define BUF_CAP_URL	(8u * 1024)		/* one URL */

struct buf {
	char	*data;	/* NULL until the first add */
	size_t	 len;
	size_t	 alloc;
	size_t	 cap;	/* maximum len */
};

void	 buf_init(struct buf *b, size_t cap);
int	 buf_add(struct buf *b, const void *data, size_t len);
int	 buf_addstr(struct buf *b, const char *s);
int	 buf_addch(struct buf *b, char c);
int	 buf_addf(struct buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
int	 buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	    __attribute__((format(printf, 2, 0)));
/* The contents as a string; "" for an empty buffer, never NULL. */
const char *buf_str(const struct buf *b);
void	 buf_reset(struct buf *b);
void	 buf_free(struct buf *b);
/* Hand the contents to the caller (always a fresh allocation). */
char	*buf_detach(struct buf *b);

#endif
