/* buf: capped growable buffer. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void
buf_init(struct buf *b, size_t cap)
{
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
}

int
buf_add(struct buf *b, const void *data, size_t len)
{
	size_t need, grow;

	if (len > b->cap || b->len > b->cap - len)
		return (-1);
	need = b->len + len + 1;
	if (need > b->alloc) {
		grow = b->alloc < 64 ? 64 : b->alloc;
		while (grow < need)
			grow = grow > SIZE_MAX / 2 ? need : grow * 2;
		b->data = xrealloc(b->data, grow);
		b->alloc = grow;
	}
	if (len > 0)
		memcpy(b->data + b->len, data, len);
	b->len += len;
	b->data[b->len] = '\0';
	return (0);
}

int
buf_addstr(struct buf *b, const char *s)
{
	return (buf_add(b, s, strlen(s)));
}

int
buf_addch(struct buf *b, char c)
{
	return (buf_add(b, &c, 1));
}

int
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	int n;
	char *big;
	int rc;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof(small), fmt, copy);
	va_end(copy);
	if (n < 0)
		return (-1);
	if ((size_t)n < sizeof(small))
		return (buf_add(b, small, (size_t)n));
	big = xmalloc((size_t)n + 1);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	rc = buf_add(b, big, (size_t)n);
	free(big);
	return (rc);
}

int
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = buf_vaddf(b, fmt, ap);
	va_end(ap);
	return (rc);
}

const char *
buf_str(const struct buf *b)
{
	return (b->data != NULL ? b->data : "");
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
}

char *
buf_detach(struct buf *b)
{
	char *s = b->data != NULL ? b->data : xstrdup("");

	b->data = NULL;
	b->len = 0;
	b->alloc = 0;
	return (s);
}
