/*
 * podcast_dl: the downloader (newsboat's podboat, without its screen).
 *
 * Every queued entry of the queue file is fetched with libcurl's multi
 * interface, max-downloads at once, into PATH.part, renamed to PATH when
 * complete; the queue then says "downloaded".  A PATH.part left by an
 * earlier run (or an attempt cut short) is resumed with a Range request;
 * a server that ignores the range, or says the range is past the end of
 * another file, gets the file again from its start.  As for feeds
 * (fetch.c): http and https only, redirects included, the user-agent
 * and proxy settings, max-download-speed and the auth methods
 * (fetch_opts.h; no cookie cache), download-retries attempts for a
 * network error or a 5xx answer.  There is no limit on a transfer's length (podcasts are
 * long): download-timeout is how long it may go without receiving a
 * byte, and how long connecting may take.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "fetch.h"
#include "fetch_opts.h"
#include "podcast.h"
#include "podcast_dl.h"
#include "xmalloc.h"

struct job {
	struct podcast_dl	*dl;
	char			*url;
	char			*path;
	char			*part;
	CURL			*easy;
	int			 fd;
	int64_t			 offset;	/* bytes in .part at start */
	int64_t			 written;
	int			 attempts;
	bool			 restarted;	/* from 0 after a bad range */
	int64_t			 range_total;	/* a 416's "*\/LEN", or -1 */
	char			 errbuf[CURL_ERROR_SIZE];
};

struct podcast_dl {
	const struct podcast_dl_opts *o;
	const char		*queue;
	CURLM			*multi;
	struct job		*jobs;
	size_t			 n, next, running;
	struct podcast_dl_stats	*stats;
	char			 ua[64];
};

/* mkdir -p of path's directories (0755: they hold the user's media). */
static int
make_parents(const char *path, struct err *err)
{
	char *p = xstrdup(path), *s;

	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0755) == -1 && errno != EEXIST) {
			err_set(err, ERR_IO, "%s: %s", p, strerror(errno));
			free(p);
			return (-1);
		}
		*s = '/';
	}
	free(p);
	return (0);
}

static size_t
on_header(char *buf, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n;
	char line[256], *star;

	if (len >= 5 && strncmp(buf, "HTTP/", 5) == 0)
		j->range_total = -1;	/* a new answer */
	if (len < sizeof(line) && len > 14 &&
	    strncasecmp(buf, "Content-Range:", 14) == 0) {
		memcpy(line, buf, len);
		line[len] = '\0';
		if ((star = strstr(line, "*/")) != NULL)
			j->range_total = strtoll(star + 2, NULL, 10);
	}
	return (len);
}

static size_t
on_data(char *buf, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n, off = 0;
	long code = 0;
	ssize_t w;

	if (j->written == 0) {
		/* A 200 to a range request: the whole file comes. */
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
		if (code == 200 && j->offset > 0) {
			if (ftruncate(j->fd, 0) == -1)
				return (0);
			j->offset = 0;
		}
		if (lseek(j->fd, j->offset, SEEK_SET) == -1)
			return (0);
	}
	while (off < len) {
		if ((w = write(j->fd, buf + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			snprintf(j->errbuf, sizeof(j->errbuf), "%s: %s",
			    j->part, strerror(errno));
			return (0);
		}
		off += (size_t)w;
	}
	j->written += (int64_t)len;
	return (len);
}

static void
report(struct job *j, bool ok, const char *why)
{
	struct podcast_dl *dl = j->dl;

	if (ok)
		dl->stats->downloaded++;
	else
		dl->stats->failed++;
	if (dl->o->done != NULL)
		dl->o->done(dl->o->ctx, j->url, j->path, ok, why);
}

/* Start (or start again) job j; false when it failed at once. */
static bool
job_start(struct podcast_dl *dl, struct job *j)
{
	const struct podcast_dl_opts *o = dl->o;
	struct err err = ERR_INIT;
	struct stat sb;
	CURL *e;

	j->attempts++;
	j->written = 0;
	j->range_total = -1;
	j->errbuf[0] = '\0';
	if (j->fd == -1) {
		if (make_parents(j->part, &err) == -1) {
			report(j, false, err.msg);
			return (false);
		}
		j->fd = open(j->part, O_WRONLY | O_CREAT | O_CLOEXEC |
		    O_NOFOLLOW, 0644);
		if (j->fd == -1 || fstat(j->fd, &sb) == -1) {
			err_set(&err, ERR_IO, "%s: %s", j->part,
			    strerror(errno));
			report(j, false, err.msg);
			return (false);
		}
		if (!S_ISREG(sb.st_mode)) {
			report(j, false, "the .part file is not a regular "
			    "file");
			return (false);
		}
	}
	if (fstat(j->fd, &sb) == -1) {
		report(j, false, strerror(errno));
		return (false);
	}
	j->offset = (int64_t)sb.st_size;
	if ((e = j->easy) == NULL && (e = j->easy = curl_easy_init()) ==
	    NULL) {
		report(j, false, curl_easy_strerror(CURLE_FAILED_INIT));
		return (false);
	}
	curl_easy_reset(e);
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	fetch_http_only(e);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	curl_easy_setopt(e, CURLOPT_USERAGENT, o->user_agent != NULL ?
	    o->user_agent : dl->ua);
	if (o->proxy != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, o->proxy);
	if (o->proxy_auth != NULL)
		curl_easy_setopt(e, CURLOPT_PROXYUSERPWD, o->proxy_auth);
	fetch_opts_apply(e, o->fetch);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, o->stall_timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, o->stall_timeout);
	curl_easy_setopt(e, CURLOPT_RESUME_FROM_LARGE, (curl_off_t)j->offset);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	if (curl_multi_add_handle(dl->multi, e) != CURLM_OK) {
		report(j, false, "cannot start the transfer");
		return (false);
	}
	dl->running++;
	return (true);
}

static void
job_close(struct job *j)
{
	if (j->fd != -1)
		close(j->fd);
	j->fd = -1;
	if (j->easy != NULL)
		curl_easy_cleanup(j->easy);
	j->easy = NULL;
}

/* The transfer of j ended with rc: done, failed or started again. */
static void
job_end(struct podcast_dl *dl, struct job *j, CURLcode rc)
{
	struct err err = ERR_INIT;
	char why[CURL_ERROR_SIZE + 64];
	long code = 0;
	bool retry;

	curl_multi_remove_handle(dl->multi, j->easy);
	dl->running--;
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &code);
	if (rc == CURLE_HTTP_RETURNED_ERROR && code == 416 && j->offset > 0 &&
	    j->range_total == j->offset)
		rc = CURLE_OK;	/* the .part was whole already */
	if (rc == CURLE_OK) {
		if (fsync(j->fd) == -1 || close(j->fd) == -1 ||
		    rename(j->part, j->path) == -1) {
			j->fd = -1;
			err_set(&err, ERR_IO, "%s: %s", j->path,
			    strerror(errno));
			report(j, false, err.msg);
			job_close(j);
			return;
		}
		j->fd = -1;
		job_close(j);
		if (podcast_set_state(dl->queue, j->url, PODCAST_DOWNLOADED,
		    &err) == -1)
			dl->stats->queue_error = true;
		report(j, true, NULL);
		return;
	}
	/* A range the server ignored or cannot give: from the start, once. */
	if ((rc == CURLE_RANGE_ERROR || (rc == CURLE_HTTP_RETURNED_ERROR &&
	    code == 416)) && j->offset > 0 && !j->restarted) {
		j->restarted = true;
		j->attempts--;
		if (ftruncate(j->fd, 0) == 0 && job_start(dl, j))
			return;
		job_close(j);
		return;
	}
	if (rc == CURLE_HTTP_RETURNED_ERROR)
		snprintf(why, sizeof(why), "HTTP %ld", code);
	else
		snprintf(why, sizeof(why), "%s", j->errbuf[0] != '\0' ?
		    j->errbuf : curl_easy_strerror(rc));
	retry = (rc != CURLE_HTTP_RETURNED_ERROR || code >= 500) &&
	    rc != CURLE_UNSUPPORTED_PROTOCOL && rc != CURLE_WRITE_ERROR &&
	    j->attempts < dl->o->attempts;
	if (retry && job_start(dl, j))
		return;
	if (!retry)
		report(j, false, why);
	job_close(j);
}

static void
start_some(struct podcast_dl *dl)
{
	struct job *j;

	while (dl->running < (size_t)dl->o->jobs && dl->next < dl->n) {
		j = &dl->jobs[dl->next++];
		if (!job_start(dl, j))
			job_close(j);
	}
}

static bool
wanted(const struct podcast_dl_opts *o, const char *url)
{
	size_t i;

	for (i = 0; i < o->nonly; i++)
		if (strcmp(o->only[i], url) == 0)
			return (true);
	return (o->nonly == 0);
}

int
podcast_download(const char *queue, const struct podcast_dl_opts *o,
    struct podcast_dl_stats *stats, struct err *err)
{
	struct podcast_dl dl;
	struct podcast_queue q;
	struct podcast_entry *e;
	const char *why;
	struct stat sb;
	struct job *j;
	struct buf part;
	CURLMsg *m;
	size_t i;
	int lock, left, still;

	memset(stats, 0, sizeof(*stats));
	memset(&dl, 0, sizeof(dl));
	dl.o = o;
	dl.queue = queue;
	dl.stats = stats;
	snprintf(dl.ua, sizeof(dl.ua), "gazette/%s", PACKAGE_VERSION);
	if ((lock = podcast_queue_lock(queue, err)) == -1)
		return (-1);
	if (podcast_queue_load(queue, &q, err) == -1) {
		podcast_queue_unlock(lock);
		return (-1);
	}
	podcast_queue_unlock(lock);
	for (i = 0; i < q.n; i++) {
		e = &q.e[i];
		if (e->path == NULL || e->state != PODCAST_QUEUED ||
		    !wanted(o, e->url))
			continue;
		stats->queued++;
		dl.jobs = xreallocarray(dl.jobs, dl.n + 1, sizeof(*dl.jobs));
		j = &dl.jobs[dl.n++];
		memset(j, 0, sizeof(*j));
		j->dl = &dl;
		j->fd = -1;
		j->url = xstrdup(e->url);
		j->path = xstrdup(e->path);
		buf_init(&part, SIZE_MAX);
		(void)buf_addf(&part, "%s%s", e->path, PODCAST_PART);
		j->part = buf_detach(&part);
	}
	podcast_queue_free(&q);
	/* What needs no transfer: refused URLs, files already there. */
	for (i = 0; i < dl.n; i++) {
		j = &dl.jobs[i];
		if ((why = podcast_url_refused(j->url)) != NULL) {
			report(j, false, why);
			j->attempts = -1;
		} else if (stat(j->path, &sb) == 0) {
			stats->already++;
			if (podcast_set_state(queue, j->url, PODCAST_DOWNLOADED,
			    err) == -1)
				stats->queue_error = true;
			j->attempts = -1;
		}
	}
	for (i = 0; i < dl.n; i++)
		if (dl.jobs[i].attempts == -1) {
			free(dl.jobs[i].url);
			free(dl.jobs[i].path);
			free(dl.jobs[i].part);
			memmove(&dl.jobs[i], &dl.jobs[i + 1], (dl.n - i - 1) *
			    sizeof(*dl.jobs));
			dl.n--;
			i--;
		}
	for (i = 0; i < dl.n; i++)
		dl.jobs[i].dl = &dl;
	if (dl.n > 0) {
		curl_global_init(CURL_GLOBAL_DEFAULT);
		if ((dl.multi = curl_multi_init()) == NULL) {
			err_set(err, ERR_NET, "%s",
			    curl_easy_strerror(CURLE_FAILED_INIT));
			goto out;
		}
	}
	start_some(&dl);
	while (dl.running > 0) {
		still = 0;
		(void)curl_multi_perform(dl.multi, &still);
		while ((m = curl_multi_info_read(dl.multi, &left)) != NULL) {
			if (m->msg != CURLMSG_DONE)
				continue;
			j = NULL;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &j);
			job_end(&dl, j, m->data.result);
		}
		start_some(&dl);
		if (dl.running > 0)
			(void)curl_multi_poll(dl.multi, NULL, 0, 1000, NULL);
	}
out:
	for (i = 0; i < dl.n; i++) {
		job_close(&dl.jobs[i]);
		free(dl.jobs[i].url);
		free(dl.jobs[i].path);
		free(dl.jobs[i].part);
	}
	free(dl.jobs);
	if (dl.multi != NULL)
		curl_multi_cleanup(dl.multi);
	return (dl.multi == NULL && dl.n > 0 ? -1 : 0);
}
