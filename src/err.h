/*
 * err: a caller-owned error record.  Fallible functions take a struct err *
 * as their last parameter; err_set keeps only the first error, so the
 * deepest, most specific message survives.  Messages are one line, lower
 * case, no trailing newline, and name the object ("feed %s: HTTP 404").
 * err_set sanitises what it formats (text_sanitize in text.h: no control
 * character, escape sequence, bidi control or invalid UTF-8 is kept), so
 * a message quoting a feed, a server or a file is safe to print.
 */
#ifndef GAZETTE_ERR_H
#define GAZETTE_ERR_H

#include <stdbool.h>

enum err_code {
	ERR_NONE = 0,
	ERR_USAGE,	/* bad command line or argument */
	ERR_IO,		/* file or socket I/O */
	ERR_PARSE,	/* input is malformed */
	ERR_NOTFEED,	/* input is not a feed at all */
	ERR_ENCODING,	/* unknown or unconvertible character set */
	ERR_LIMIT,	/* a size, depth or count cap was hit */
	ERR_NET,	/* network or HTTP failure */
	ERR_DB,		/* database failure */
	ERR_LOCKED,	/* another process holds a lock */
	ERR_FULL,	/* no space left on the device (database: SQLITE_FULL) */
	ERR_CONFIG	/* bad configuration */
};

struct err {
	enum err_code	code;
	char		msg[256];
};

#define ERR_INIT { ERR_NONE, "" }

void	err_clear(struct err *err);
/* Record an error unless one is already recorded; err may be NULL. */
void	err_set(struct err *err, enum err_code code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
bool	err_isset(const struct err *err);

#endif
