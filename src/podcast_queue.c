/* podcast_queue: podboat's queue file, read and written under a lock. */
#include "config.h"

#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "podcast.h"
#include "userfile.h"
#include "xmalloc.h"

static const char *const state_words[] = {
	"", "downloaded", "played", "finished"
};

const char *
podcast_state_name(enum podcast_state s)
{
	static const char *const names[] = {
		"queued", "downloaded", "played", "finished"
	};

	return (names[s]);
}

char *
podcast_queue_path(const char *db_path)
{
	const char *slash = strrchr(db_path, '/');
	struct buf b;

	buf_init(&b, SIZE_MAX);
	if (slash == NULL)
		(void)buf_addstr(&b, "queue");
	else {
		(void)buf_add(&b, db_path, (size_t)(slash - db_path) + 1);
		(void)buf_addstr(&b, "queue");
	}
	return (buf_detach(&b));
}

const char *
podcast_url_refused(const char *url)
{
	const unsigned char *p;

	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0)
		return ("not an http or https URL");
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '\\')
			return ("a blank, quote or control character in "
			    "the URL");
	if (strlen(url) > 8192)
		return ("the URL is too long");
	return (NULL);
}

int
podcast_queue_lock(const char *queue, struct err *err)
{
	struct buf b;
	int fd;

	buf_init(&b, SIZE_MAX);
	(void)buf_addf(&b, "%s.lock", queue);
	fd = open(buf_str(&b), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		err_set(err, ERR_IO, "%s: %s", buf_str(&b), strerror(errno));
		buf_free(&b);
		return (-1);
	}
	while (flock(fd, LOCK_EX) == -1) {
		if (errno == EINTR)
			continue;
		err_set(err, ERR_IO, "%s: %s", buf_str(&b), strerror(errno));
		close(fd);
		buf_free(&b);
		return (-1);
	}
	buf_free(&b);
	return (fd);
}

void
podcast_queue_unlock(int fd)
{
	if (fd >= 0)
		close(fd);	/* drops the flock */
}

void
podcast_queue_free(struct podcast_queue *q)
{
	size_t i;

	for (i = 0; i < q->n; i++) {
		free(q->e[i].url);
		free(q->e[i].path);
		free(q->e[i].line);
	}
	free(q->e);
	q->e = NULL;
	q->n = 0;
}

static void
parse_line(struct podcast_queue *q, const char *line)
{
	struct podcast_entry *e;
	struct err err = ERR_INIT;
	char **argv = NULL;
	int argc = 0;
	size_t s;

	if (line[strspn(line, " \t\r")] == '\0')
		return;
	q->e = xreallocarray(q->e, q->n + 1, sizeof(*q->e));
	e = &q->e[q->n++];
	memset(e, 0, sizeof(*e));
	if (conf_split_words(line, &argc, &argv, &err) == -1 || argc < 2 ||
	    argc > 3) {
		/* Kept as it is: a comment, or somebody else's idea. */
		e->line = xstrdup(line);
		if (argc == 1)
			e->url = xstrdup(argv[0]);	/* podboat's own */
		conf_words_free(argv);
		return;
	}
	e->url = xstrdup(argv[0]);
	e->path = xstrdup(argv[1]);
	e->state = PODCAST_QUEUED;
	for (s = 1; argc == 3 && s < sizeof(state_words) /
	    sizeof(state_words[0]); s++)
		if (strcmp(argv[2], state_words[s]) == 0)
			e->state = (enum podcast_state)s;
	conf_words_free(argv);
}

int
podcast_queue_load(const char *queue, struct podcast_queue *q,
    struct err *err)
{
	struct buf b;
	bool missing = false;
	char *p, *nl;

	q->e = NULL;
	q->n = 0;
	buf_init(&b, PODCAST_MAX_QUEUE + 1);
	if (userfile_read(queue, PODCAST_MAX_QUEUE, &b, &missing,
	    err) == -1) {
		buf_free(&b);
		if (missing) {
			err_clear(err);
			return (0);
		}
		return (-1);
	}
	for (p = b.data; p != NULL && *p != '\0'; p = nl) {
		if ((nl = strchr(p, '\n')) != NULL)
			*nl++ = '\0';
		parse_line(q, p);
	}
	buf_free(&b);
	return (0);
}

static void
quote_path(struct buf *b, const char *s)
{
	(void)buf_addch(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			(void)buf_addch(b, '\\');
		(void)buf_addch(b, *s);
	}
	(void)buf_addch(b, '"');
}

static void
entry_line(struct buf *b, const struct podcast_entry *e)
{
	if (e->path == NULL) {
		(void)buf_addstr(b, e->line);
	} else {
		(void)buf_addstr(b, e->url);
		(void)buf_addch(b, ' ');
		quote_path(b, e->path);
		if (e->state != PODCAST_QUEUED)
			(void)buf_addf(b, " %s", state_words[e->state]);
	}
	(void)buf_addch(b, '\n');
}

static int
write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, p, n)) == -1) {
			if (errno == EINTR)
				continue;
			return (-1);
		}
		p += w;
		n -= (size_t)w;
	}
	return (0);
}

int
podcast_queue_save(const char *queue, const struct podcast_queue *q,
    struct err *err)
{
	struct buf b, tmp;
	size_t i;
	int fd, rc = -1;

	buf_init(&b, SIZE_MAX);
	buf_init(&tmp, SIZE_MAX);
	for (i = 0; i < q->n; i++)
		entry_line(&b, &q->e[i]);
	(void)buf_addf(&tmp, "%s.XXXXXX", queue);
	if ((fd = mkstemp(tmp.data)) == -1) {
		err_set(err, ERR_IO, "%s: %s", buf_str(&tmp), strerror(errno));
		goto out;
	}
	(void)fchmod(fd, 0600);
	if (write_all(fd, b.data != NULL ? b.data : "", b.len) == -1 ||
	    fsync(fd) == -1) {
		err_set(err, ERR_IO, "%s: %s", queue, strerror(errno));
		close(fd);
		(void)unlink(buf_str(&tmp));
		goto out;
	}
	if (close(fd) == -1 || rename(buf_str(&tmp), queue) == -1) {
		err_set(err, ERR_IO, "%s: %s", queue, strerror(errno));
		(void)unlink(buf_str(&tmp));
		goto out;
	}
	rc = 0;
out:
	buf_free(&b);
	buf_free(&tmp);
	return (rc);
}

struct podcast_entry *
podcast_queue_find(struct podcast_queue *q, const char *url)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		if (q->e[i].url != NULL && strcmp(q->e[i].url, url) == 0)
			return (&q->e[i]);
	return (NULL);
}

int
podcast_enqueue(const char *queue, const char *url, const char *path,
    struct err *err)
{
	struct podcast_queue q;
	struct podcast_entry e;
	const char *why;
	struct buf b;
	int lock, fd, rc = -1;

	if ((why = podcast_url_refused(url)) != NULL) {
		err_set(err, ERR_PARSE, "%s: %s", url, why);
		return (-1);
	}
	if ((lock = podcast_queue_lock(queue, err)) == -1)
		return (-1);
	if (podcast_queue_load(queue, &q, err) == -1)
		goto out;
	if (podcast_queue_find(&q, url) != NULL) {
		rc = 0;
		goto out;
	}
	memset(&e, 0, sizeof(e));
	e.url = (char *)url;
	e.path = (char *)path;
	buf_init(&b, SIZE_MAX);
	entry_line(&b, &e);
	if ((fd = open(queue, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0600)) == -1 || write_all(fd, b.data, b.len) == -1) {
		err_set(err, ERR_IO, "%s: %s", queue, strerror(errno));
		if (fd != -1)
			close(fd);
		buf_free(&b);
		goto out;
	}
	close(fd);
	buf_free(&b);
	rc = 1;
out:
	podcast_queue_free(&q);
	podcast_queue_unlock(lock);
	return (rc);
}

int
podcast_set_state(const char *queue, const char *url, enum podcast_state s,
    struct err *err)
{
	struct podcast_queue q;
	struct podcast_entry *e;
	int lock, rc = -1;

	if ((lock = podcast_queue_lock(queue, err)) == -1)
		return (-1);
	if (podcast_queue_load(queue, &q, err) == -1)
		goto out;
	if ((e = podcast_queue_find(&q, url)) == NULL || e->path == NULL) {
		rc = 0;
		goto out;
	}
	e->state = s;
	rc = podcast_queue_save(queue, &q, err) == -1 ? -1 : 1;
out:
	podcast_queue_free(&q);
	podcast_queue_unlock(lock);
	return (rc);
}
