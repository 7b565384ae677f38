/*
 * userfile: reading the files a user names (the urls file, the config
 * file, an OPML document), and bounding what their problems print.
 *
 * Only regular files are read.  A FIFO, a terminal or a device named by
 * -u or -c is refused at once ("not a regular file") instead of blocking
 * for ever or reading without end; the file is opened non-blocking so
 * that even the open cannot hang.  Each caller gives a size cap; a larger
 * file is refused whole, never read in part.
 *
 * A damaged file (random bytes, a binary) can hold thousands of bad lines:
 * a parser reports its problems through a struct userfile_warns, which
 * passes on the first USERFILE_MAX_WARNINGS and, at the end, one line
 * "... and K more problems" for the rest.
 */
#ifndef GAZETTE_USERFILE_H
#define GAZETTE_USERFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "err.h"

#define USERFILE_MAX_WARNINGS	20

/*
 * Read the regular file at path, at most max bytes, into out (which the
 * caller has initialised).  Returns 0, or -1 with err set (ERR_IO: cannot
 * open or read, not a regular file; ERR_LIMIT: larger than max).  When
 * missing is not NULL it is set to whether the file does not exist.
 */
int	userfile_read(const char *path, size_t max, struct buf *out,
	    bool *missing, struct err *err);

/* The warning callback shape shared by the urls, config and OPML readers. */
typedef void	userfile_warn_fn(void *arg, const char *file, unsigned line,
		    const char *msg);

struct userfile_warns {
	userfile_warn_fn *fn;		/* where warnings go, NULL: nowhere */
	void		 *arg;
	const char	 *file;		/* named in the closing count */
	unsigned long	  n;		/* problems seen */
};

void	userfile_warns_init(struct userfile_warns *w, const char *file,
	    userfile_warn_fn *fn, void *arg);
/* A userfile_warn_fn: arg is the struct userfile_warns. */
void	userfile_warn(void *arg, const char *file, unsigned line,
	    const char *msg);
/* Report how many problems were not shown, if any. */
void	userfile_warns_end(struct userfile_warns *w);

#endif
