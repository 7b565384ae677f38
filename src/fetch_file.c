/* fetch_file: file:// feeds open regular files only, never blocking. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <curl/curl.h>

#include "fetch_file.h"
#include "xmalloc.h"

/* The decoded path of a file:// URL on this machine, or NULL. */
static char *
file_path(const char *url)
{
	CURLU *u;
	char *host = NULL, *path = NULL, *out = NULL;

	if ((u = curl_url()) == NULL)
		return (NULL);
	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK)
		goto done;
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    host[0] != '\0' && strcmp(host, "localhost") != 0)
		goto done;
	/* %00 is refused by the decoding: the path is one C string. */
	if (curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) !=
	    CURLUE_OK || path[0] != '/')
		goto done;
	out = xstrdup(path);
done:
	curl_free(host);
	curl_free(path);
	curl_url_cleanup(u);
	return (out);
}

static const char *
kind_of(mode_t m)
{
	if (S_ISFIFO(m))
		return ("a FIFO");
	if (S_ISCHR(m))
		return ("a character device");
	if (S_ISBLK(m))
		return ("a block device");
	if (S_ISDIR(m))
		return ("a directory");
	if (S_ISSOCK(m))
		return ("a socket");
	return ("something else");
}

static int
check_regular(const struct stat *sb, int64_t max_size, struct err *err)
{
	if (!S_ISREG(sb->st_mode)) {
		err_set(err, ERR_IO, "%s, not a regular file (file:// feeds "
		    "must be regular files)", kind_of(sb->st_mode));
		return (-1);
	}
	if (sb->st_size > max_size) {
		err_set(err, ERR_LIMIT, "larger than %lld bytes; transfer "
		    "refused", (long long)max_size);
		return (-1);
	}
	return (0);
}

int
fetch_file_open(const char *url, int64_t max_size, struct err *err)
{
	struct stat sb;
	char *path;
	int fd = -1;

	if ((path = file_path(url)) == NULL) {
		err_set(err, ERR_USAGE, "not a file:// URL of this machine");
		return (-1);
	}
	/* Look before opening: opening a device can itself do things. */
	if (stat(path, &sb) == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
		goto done;
	}
	if (check_regular(&sb, max_size, err) == -1)
		goto done;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
		goto done;
	}
	/* What was opened, in case the path changed in between. */
	if (fstat(fd, &sb) == -1) {
		err_set(err, ERR_IO, "cannot read %s: %s", path,
		    strerror(errno));
		close(fd);
		fd = -1;
	} else if (check_regular(&sb, max_size, err) == -1) {
		close(fd);
		fd = -1;
	}
done:
	free(path);
	return (fd);
}
