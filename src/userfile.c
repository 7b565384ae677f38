/* userfile: regular files only, size-capped; bounded warnings. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "userfile.h"

static const char *
kind_of(mode_t mode)
{
	if (S_ISDIR(mode))
		return ("a directory");
	if (S_ISFIFO(mode))
		return ("a FIFO");
	if (S_ISCHR(mode))
		return ("a character device");
	if (S_ISBLK(mode))
		return ("a block device");
	if (S_ISSOCK(mode))
		return ("a socket");
	return ("something else");
}

static void
too_large(const char *path, size_t max, struct err *err)
{
	if (max % (1024 * 1024) == 0)
		err_set(err, ERR_LIMIT, "%s: larger than %zu MiB, the limit",
		    path, max / (1024 * 1024));
	else
		err_set(err, ERR_LIMIT, "%s: larger than %zu bytes, the limit",
		    path, max);
}

int
userfile_read(const char *path, size_t max, struct buf *out, bool *missing,
    struct err *err)
{
	char chunk[65536];
	struct stat st;
	ssize_t n;
	int fd, rc = 0;

	if (missing != NULL)
		*missing = false;
	/* O_NONBLOCK: opening a FIFO without a writer must not hang. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ENOENT && missing != NULL)
			*missing = true;
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		return (-1);
	}
	if (fstat(fd, &st) == -1) {
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		close(fd);
		return (-1);
	}
	if (!S_ISREG(st.st_mode)) {
		err_set(err, ERR_IO, "%s: not a regular file (%s)", path,
		    kind_of(st.st_mode));
		close(fd);
		return (-1);
	}
	if (st.st_size < 0 || (unsigned long long)st.st_size > max) {
		too_large(path, max, err);
		close(fd);
		return (-1);
	}
	/* The size can change while we read: the cap holds regardless. */
	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
			rc = -1;
			break;
		}
		if (n == 0)
			break;
		if (out->len + (size_t)n > max ||
		    buf_add(out, chunk, (size_t)n) == -1) {
			too_large(path, max, err);
			rc = -1;
			break;
		}
	}
	close(fd);
	return (rc);
}

void
userfile_warns_init(struct userfile_warns *w, const char *file,
    userfile_warn_fn *fn, void *arg)
{
	w->fn = fn;
	w->arg = arg;
	w->file = file;
	w->n = 0;
}

void
userfile_warn(void *arg, const char *file, unsigned line, const char *msg)
{
	struct userfile_warns *w = arg;

	if (w->n++ < USERFILE_MAX_WARNINGS && w->fn != NULL)
		w->fn(w->arg, file, line, msg);
}

void
userfile_warns_end(struct userfile_warns *w)
{
	char msg[96];
	unsigned long more;

	if (w->n <= USERFILE_MAX_WARNINGS || w->fn == NULL)
		return;
	more = w->n - USERFILE_MAX_WARNINGS;
	snprintf(msg, sizeof(msg), "... and %lu more problem%s", more,
	    more == 1 ? "" : "s");
	w->fn(w->arg, w->file, 0, msg);
}
