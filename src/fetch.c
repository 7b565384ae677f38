/* fetch: libcurl multi transfers, single-threaded, polled not spun. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "date.h"
#include "fetch.h"
#include "fetch_cmd.h"
#include "fetch_file.h"
#include "fetch_opts.h"
#include "item.h"
#include "url.h"
#include "xmalloc.h"

struct fetch_host {
	char	*name;
	int	 active;
};

/* An easy handle E (a CURL *) speaks HTTP and HTTPS only, redirects
 * included: no other scheme of libcurl's is ever reached from a feed. */
void
fetch_http_only(void *e)
{
#if LIBCURL_VERSION_NUM >= 0x075500
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
	curl_easy_setopt(e, CURLOPT_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS,
	    (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

struct fetch_xfer {
	struct fetch	*f;
	CURL		*easy;
	struct curl_slist *hdrs;
	char		*url, *etag_req, *lm_req, *ua, *proxy, *proxy_auth;
	long		 timeout, connect_timeout, low_limit, low_time;
	int64_t		 max_size;
	bool		 allow_file;
	void		*ctx;
	struct fetch_host *host;
	struct fetch_xfer *prev, *next;	/* running list */
	int		 fd;		/* a file:// read here (easy NULL) */
	char		*command;	/* a command run here (easy NULL) */
	const void	*input;
	size_t		 input_len;
	struct fetch_cmd cmd;
	bool		 cmd_running;
	uint64_t	 seq;		/* file:// start order */
	struct timespec	 started;
	/* max-download-speed: paused until resume (fetch_unpause). */
	bool		 paused;
	struct timespec	 resume;
	char		 errbuf[CURL_ERROR_SIZE];

	/* The answer being received (reset on each status line). */
	int		 code;
	char		 reason[96];
	char		*etag, *last_modified, *charset;
	char		*cur_url, *moved_to;
	bool		 perm_run;	/* only 301/308 so far */
	long		 max_age;	/* -1 none */
	int64_t		 expires, date;	/* ITEM_NO_DATE-like: 0 none */
	bool		 no_cache;
	int64_t		 retry_after;
	bool		 retry_capped;

	uint64_t	 body;
	int		 pass;		/* -1 unknown, 0 discard, 1 pass */
	bool		 too_big, stopped;
	struct fetch_response resp;
};

struct fetch {
	CURLM		*multi;
	struct fetch_cb	 cb;
	int		 jobs, per_host;
	struct fetch_xfer **queue;
	size_t		 qhead, qlen, qalloc, queued;
	size_t		 running;
	size_t		 nfiles;	/* running file:// reads */
	size_t		 ncmds;		/* running commands */
	struct curl_waitfd *wfds;	/* for fetch_step's poll */
	size_t		 nwfds;
	uint64_t	 file_seq;
	struct fetch_xfer *active;	/* running list head */
	struct fetch_host **hosts;	/* never removed while f lives */
	size_t		 nhosts;
	CURL		**pool;
	size_t		 npool;
	char		 ua_default[64];
	/* newsboat's settings (fetch_opts.h); cookies: a share or NULL. */
	struct fetch_opts opts;
	bool		 has_opts;
	char		*cookie_file;
	void		*cookies;
};

static void	xfer_free(struct fetch_xfer *);
static void	response_reset(struct fetch_xfer *);

struct fetch *
fetch_new(int jobs, int per_host, const struct fetch_cb *cb)
{
	struct fetch *f = xcalloc(1, sizeof(*f));

	if (jobs < 1)
		jobs = 1;
	if (per_host < 1)
		per_host = 1;
	f->jobs = jobs;
	f->per_host = per_host;
	f->cb = *cb;
	snprintf(f->ua_default, sizeof(f->ua_default), "gazette/%s",
	    PACKAGE_VERSION);
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if ((f->multi = curl_multi_init()) == NULL)
		abort();
	curl_multi_setopt(f->multi, CURLMOPT_PIPELINING,
	    (long)CURLPIPE_MULTIPLEX);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)per_host);
	curl_multi_setopt(f->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)jobs);
	curl_multi_setopt(f->multi, CURLMOPT_MAXCONNECTS, (long)jobs * 2);
	f->pool = xcalloc((size_t)jobs, sizeof(*f->pool));
	return (f);
}

void
fetch_free(struct fetch *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = f->qhead; i < f->qlen; i++)
		if (f->queue[i] != NULL)
			xfer_free(f->queue[i]);
	free(f->queue);
	/* Running transfers are abandoned without callbacks. */
	while (f->active != NULL) {
		struct fetch_xfer *x = f->active;

		f->active = x->next;
		if (x->easy != NULL) {
			curl_multi_remove_handle(f->multi, x->easy);
			curl_easy_cleanup(x->easy);
		} else if (x->fd != -1)
			close(x->fd);
		else if (x->cmd_running)
			fetch_cmd_kill(&x->cmd);
		xfer_free(x);
	}
	for (i = 0; i < f->npool; i++)
		curl_easy_cleanup(f->pool[i]);
	free(f->pool);
	for (i = 0; i < f->nhosts; i++) {
		free(f->hosts[i]->name);
		free(f->hosts[i]);
	}
	free(f->hosts);
	free(f->wfds);
	curl_multi_cleanup(f->multi);
	/* After every easy handle that shared it. */
	fetch_cookies_close(f->cookies);
	free(f->cookie_file);
	free(f);
}

static struct fetch_host *
host_get(struct fetch *f, const char *url)
{
	char *name = url_host(url);
	size_t i;

	if (name == NULL)
		name = xstrdup("");
	for (i = 0; i < f->nhosts; i++)
		if (strcmp(f->hosts[i]->name, name) == 0) {
			free(name);
			return (f->hosts[i]);
		}
	f->hosts = xreallocarray(f->hosts, f->nhosts + 1, sizeof(*f->hosts));
	f->hosts[f->nhosts] = xcalloc(1, sizeof(**f->hosts));
	f->hosts[f->nhosts]->name = name;
	return (f->hosts[f->nhosts++]);
}

void
fetch_add(struct fetch *f, const struct fetch_req *req)
{
	struct fetch_xfer *x = xcalloc(1, sizeof(*x));

	x->f = f;
	x->url = xstrdup(req->url);
	x->etag_req = xstrdup_or_null(req->etag);
	x->lm_req = xstrdup_or_null(req->last_modified);
	x->ua = xstrdup_or_null(req->user_agent);
	x->proxy = xstrdup_or_null(req->proxy);
	x->proxy_auth = xstrdup_or_null(req->proxy_auth);
	x->timeout = req->timeout > 0 ? req->timeout : FETCH_DEFAULT_TIMEOUT;
	x->connect_timeout = req->connect_timeout > 0 ?
	    req->connect_timeout : FETCH_DEFAULT_CONNECT;
	x->low_limit = req->low_speed_limit >= 0 ? req->low_speed_limit :
	    FETCH_DEFAULT_LOW_SPEED;
	x->low_time = req->low_speed_time >= 0 ? req->low_speed_time :
	    FETCH_DEFAULT_LOW_TIME;
	x->max_size = req->max_size > 0 ? req->max_size :
	    FETCH_DEFAULT_MAX_SIZE;
	x->allow_file = req->allow_file;
	x->command = xstrdup_or_null(req->command);
	x->input = req->input;
	x->input_len = req->input_len;
	x->fd = -1;
	x->ctx = req->ctx;
	if (f->qlen == f->qalloc) {
		if (f->qhead > 0 && f->qhead * 2 >= f->qlen) {
			memmove(f->queue, f->queue + f->qhead,
			    (f->qlen - f->qhead) * sizeof(*f->queue));
			f->qlen -= f->qhead;
			f->qhead = 0;
		} else {
			f->qalloc = f->qalloc ? f->qalloc * 2 : 64;
			f->queue = xreallocarray(f->queue, f->qalloc,
			    sizeof(*f->queue));
		}
	}
	f->queue[f->qlen++] = x;
	f->queued++;
	x->host = host_get(f, x->url);
}

void
fetch_set_opts(struct fetch *f, const struct fetch_opts *o)
{
	f->opts = *o;
	f->has_opts = true;
	if (o->cookie_file != NULL && f->cookies == NULL) {
		f->cookie_file = xstrdup(o->cookie_file);
		f->cookies = fetch_cookies_open(f->cookie_file);
	}
	f->opts.cookie_file = f->cookie_file;
}

int
fetch_save_cookies(struct fetch *f, struct err *err)
{
	if (f->cookies == NULL)
		return (0);
	return (fetch_cookies_save(f->cookies, f->cookie_file, err));
}

size_t
fetch_drop_host(struct fetch *f, const char *host,
    void (*skip)(void *ctx, const void *arg), const void *arg)
{
	struct fetch_xfer *x;
	size_t i, n = 0;

	for (i = f->qhead; i < f->qlen; i++) {
		x = f->queue[i];
		if (x == NULL ||
		    (host != NULL && strcmp(x->host->name, host) != 0))
			continue;
		f->queue[i] = NULL;
		f->queued--;
		if (skip != NULL)
			skip(x->ctx, arg);
		xfer_free(x);
		n++;
	}
	return (n);
}

size_t
fetch_pending(const struct fetch *f)
{
	return (f->queued + f->running);
}

void
fetch_wakeup(struct fetch *f)
{
	curl_multi_wakeup(f->multi);
}

static void
xfer_free(struct fetch_xfer *x)
{
	free(x->url);
	free(x->etag_req);
	free(x->lm_req);
	free(x->ua);
	free(x->proxy);
	if (x->proxy_auth != NULL) {
		explicit_bzero(x->proxy_auth, strlen(x->proxy_auth));
		free(x->proxy_auth);
	}
	free(x->etag);
	free(x->last_modified);
	free(x->charset);
	free(x->cur_url);
	free(x->moved_to);
	free(x->command);
	curl_slist_free_all(x->hdrs);
	free(x);
}

static void
response_reset(struct fetch_xfer *x)
{
	free(x->etag);
	free(x->last_modified);
	free(x->charset);
	x->etag = x->last_modified = x->charset = NULL;
	x->code = 0;
	x->reason[0] = '\0';
	x->max_age = -1;
	x->expires = 0;
	x->date = 0;
	x->no_cache = false;
	x->retry_after = 0;
	x->retry_capped = false;
}

/* A copy of s[0..n) with surrounding white space removed. */
static char *
trimmed(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return (xstrndup(s, n));
}

static void
parse_charset(struct fetch_xfer *x, const char *ct)
{
	const char *p = ct, *e;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "charset=", 8) != 0)
			continue;
		p += 8;
		if (*p == '"') {
			p++;
			e = strchr(p, '"');
		} else
			e = p + strcspn(p, " \t;");
		if (e == NULL || e == p || e - p > 64)
			return;
		free(x->charset);
		x->charset = xstrndup(p, (size_t)(e - p));
		return;
	}
}

static void
parse_cache_control(struct fetch_xfer *x, const char *v)
{
	const char *p = v;
	char *end;
	long n;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (strncasecmp(p, "max-age=", 8) == 0) {
			n = strtol(p + 8, &end, 10);
			if (end != p + 8 && n >= 0)
				x->max_age = n;
		} else if (strncasecmp(p, "no-cache", 8) == 0 ||
		    strncasecmp(p, "no-store", 8) == 0)
			x->no_cache = true;
		p += strcspn(p, ",");
	}
}

/* Retry-After: seconds or an HTTP date, both capped the same way. */
static void
parse_retry_after(struct fetch_xfer *x, const char *v)
{
	int64_t now = (int64_t)time(NULL), t;
	char *end;
	long long n;

	if (*v >= '0' && *v <= '9') {
		n = strtoll(v, &end, 10);
		if (*end != '\0')
			return;
		/* Past the cap (and clear of overflow): capped below. */
		if (n > FETCH_MAX_RETRY_AFTER)
			n = FETCH_MAX_RETRY_AFTER + 1;
		t = now + n;
	} else if ((t = date_parse_rfc822(v)) == ITEM_NO_DATE)
		return;
	x->retry_capped = t > now + FETCH_MAX_RETRY_AFTER;
	if (x->retry_capped)
		t = now + FETCH_MAX_RETRY_AFTER;
	x->retry_after = t > now ? t : now;
}

static void
note_location(struct fetch_xfer *x, const char *loc)
{
	char *target;

	if (x->code != 301 && x->code != 302 && x->code != 303 &&
	    x->code != 307 && x->code != 308)
		return;
	target = url_resolve(x->cur_url, loc);
	if (target == NULL)
		return;
	if (x->perm_run && (x->code == 301 || x->code == 308)) {
		free(x->moved_to);
		x->moved_to = xstrdup(target);
	} else
		x->perm_run = false;
	free(x->cur_url);
	x->cur_url = target;
}

static size_t
on_header(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_xfer *x = arg;
	size_t len = size * n, nlen;
	const char *colon, *p;
	char *v;

	if (len >= 5 && strncmp(data, "HTTP/", 5) == 0) {
		response_reset(x);
		p = memchr(data, ' ', len);
		if (p != NULL && (size_t)(p - data) + 4 <= len) {
			x->code = (p[1] - '0') * 100 + (p[2] - '0') * 10 +
			    (p[3] - '0');
			if (x->code < 100 || x->code > 999)
				x->code = 0;
			v = trimmed(p + 4, len - (size_t)(p + 4 - data));
			snprintf(x->reason, sizeof(x->reason), "%s", v);
			free(v);
		}
		return (len);
	}
	if ((colon = memchr(data, ':', len)) == NULL)
		return (len);
	nlen = (size_t)(colon - data);
	v = trimmed(colon + 1, len - nlen - 1);
#define IS(h)	(nlen == sizeof(h) - 1 && strncasecmp(data, h, nlen) == 0)
	if (IS("ETag")) {
		free(x->etag);
		x->etag = v, v = NULL;
	} else if (IS("Last-Modified")) {
		free(x->last_modified);
		x->last_modified = v, v = NULL;
	} else if (IS("Content-Type"))
		parse_charset(x, v);
	else if (IS("Cache-Control"))
		parse_cache_control(x, v);
	else if (IS("Expires")) {
		x->expires = date_parse_rfc822(v);
		if (x->expires == ITEM_NO_DATE)
			x->expires = 0;
	} else if (IS("Date")) {
		x->date = date_parse_rfc822(v);
		if (x->date == ITEM_NO_DATE)
			x->date = 0;
	} else if (IS("Retry-After"))
		parse_retry_after(x, v);
	else if (IS("Location"))
		note_location(x, v);
#undef IS
	free(v);
	return (len);
}

static double
secs_since(const struct timespec *t0, const struct timespec *t1)
{
	return ((double)(t1->tv_sec - t0->tv_sec) +
	    (double)(t1->tv_nsec - t0->tv_nsec) / 1e9);
}

/*
 * max-download-speed.  libcurl's own limit averages over seconds and
 * lets a short body through at full speed, so the bytes are metered
 * here too: len more bytes wait (the transfer paused) until the
 * transfer's average falls to the limit, a quarter second's worth of
 * burst allowed.  Returns whether to pause.
 */
static bool
throttle(struct fetch_xfer *x, size_t len)
{
	double speed = (double)x->f->opts.max_recv_speed, due;
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	due = ((double)(x->body + len) - speed / 4) / speed;
	if (due <= secs_since(&x->started, &now))
		return (false);
	x->resume = x->started;
	x->resume.tv_sec += (time_t)due;
	x->resume.tv_nsec += (long)((due - (double)(time_t)due) * 1e9);
	if (x->resume.tv_nsec >= 1000000000L) {
		x->resume.tv_sec++;
		x->resume.tv_nsec -= 1000000000L;
	}
	x->paused = true;
	return (true);
}

/* Let paused transfers whose time has come go on; the milliseconds
   until the next one may (-1: none waits). */
static long
fetch_unpause(struct fetch *f)
{
	struct fetch_xfer *x, *next;
	struct timespec now;
	double left, soonest = -1;

	if (f->opts.max_recv_speed <= 0)
		return (-1);
	clock_gettime(CLOCK_MONOTONIC, &now);
	for (x = f->active; x != NULL; x = next) {
		next = x->next;
		if (!x->paused)
			continue;
		if ((left = secs_since(&now, &x->resume)) <= 0) {
			x->paused = false;
			/* May hand the held bytes to on_data at once. */
			curl_easy_pause(x->easy, CURLPAUSE_CONT);
		} else if (soonest < 0 || left < soonest)
			soonest = left;
	}
	return (soonest < 0 ? -1 : (long)(soonest * 1000) + 1);
}

static size_t
on_data(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_xfer *x = arg;
	size_t len = size * n;
	long code = 0;

	if (x->easy != NULL && x->f->opts.max_recv_speed > 0 &&
	    throttle(x, len))
		return (CURL_WRITEFUNC_PAUSE);
	x->body += len;
	if (x->body > (uint64_t)x->max_size) {
		x->too_big = true;
		return (0);
	}
	if (x->pass == -1) {
		if (x->easy != NULL)
			curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE,
			    &code);
		x->pass = (code == 0 || (code >= 200 && code <= 299));
		x->resp.http_status = (int)code;
		x->resp.etag = x->etag;
		x->resp.last_modified = x->last_modified;
		x->resp.charset = x->charset;
		x->resp.url = x->cur_url;
	}
	if (!x->pass || x->f->cb.data == NULL)
		return (len);
	x->resp.body_bytes = x->body;
	if (x->f->cb.data(x->ctx, &x->resp, data, len) == -1) {
		x->stopped = true;
		return (0);
	}
	return (len);
}

static CURL *
easy_get(struct fetch *f)
{
	CURL *e;

	if (f->npool > 0) {
		e = f->pool[--f->npool];
		curl_easy_reset(e);
		return (e);
	}
	if ((e = curl_easy_init()) == NULL)
		abort();
	return (e);
}

static void
easy_put(struct fetch *f, CURL *e)
{
	if (f->npool < (size_t)f->jobs)
		f->pool[f->npool++] = e;
	else
		curl_easy_cleanup(e);
}

/* x is running: count it and put it on the running list. */
static void
xfer_link(struct fetch *f, struct fetch_xfer *x)
{
	x->host->active++;
	f->running++;
	x->prev = NULL;
	x->next = f->active;
	if (f->active != NULL)
		f->active->prev = x;
	f->active = x;
}

static void
xfer_unlink(struct fetch *f, struct fetch_xfer *x)
{
	x->host->active--;
	f->running--;
	if (x->prev != NULL)
		x->prev->next = x->next;
	else
		f->active = x->next;
	if (x->next != NULL)
		x->next->prev = x->prev;
}

/* A file:// read (fetch_file.h): no easy handle, read by file_pump. */
static void
file_start(struct fetch *f, struct fetch_xfer *x)
{
	struct err err = ERR_INIT;

	x->easy = NULL;
	x->pass = -1;
	x->cur_url = xstrdup(x->url);
	response_reset(x);
	x->errbuf[0] = '\0';
	x->fd = fetch_file_open(x->url, x->max_size, &err);
	if (x->fd == -1)
		snprintf(x->errbuf, sizeof(x->errbuf), "%s", err.msg);
	clock_gettime(CLOCK_MONOTONIC, &x->started);
	x->seq = f->file_seq++;
	f->nfiles++;
	xfer_link(f, x);
}

/* A command (fetch_cmd.h): no easy handle, read by cmd_pump. */
static void
cmd_start(struct fetch *f, struct fetch_xfer *x)
{
	struct err err = ERR_INIT;

	x->easy = NULL;
	x->pass = -1;
	x->cur_url = xstrdup(x->url);
	response_reset(x);
	x->errbuf[0] = '\0';
	if (fetch_cmd_start(&x->cmd, x->command, x->input, x->input_len,
	    &err) == -1)
		snprintf(x->errbuf, sizeof(x->errbuf), "cannot run the "
		    "command: %s", err.msg);
	else
		x->cmd_running = true;
	clock_gettime(CLOCK_MONOTONIC, &x->started);
	f->ncmds++;
	xfer_link(f, x);
}

/*
 * libcurl's receive buffer, per transfer (16 KiB by default): each fill
 * is a recv call and a call of on_data, that is of the parser.  64 KiB
 * holds most feeds whole.  A cold refresh of bench/refresh's 1000 feeds
 * (about 60 KB each) made 4,000 recvfrom and 9,566 poll calls with 16
 * KiB, 1,000 and 6,989 with 64 KiB, and took about 6% less CPU (plain
 * and gzip, 6 alternating runs each).
 */
#define RECV_BUFFER	65536L

static void
xfer_start(struct fetch *f, struct fetch_xfer *x)
{
	CURL *e;
	char h[1024];

	if (x->command != NULL) {
		cmd_start(f, x);
		return;
	}
	if (x->allow_file && strncasecmp(x->url, "file:", 5) == 0) {
		file_start(f, x);
		return;
	}
	e = easy_get(f);
	x->easy = e;
	x->pass = -1;
	x->perm_run = true;
	x->cur_url = xstrdup(x->url);
	response_reset(x);
	if (x->etag_req != NULL && strlen(x->etag_req) < 900) {
		snprintf(h, sizeof(h), "If-None-Match: %s", x->etag_req);
		x->hdrs = curl_slist_append(x->hdrs, h);
	}
	if (x->lm_req != NULL && strlen(x->lm_req) < 900) {
		snprintf(h, sizeof(h), "If-Modified-Since: %s", x->lm_req);
		x->hdrs = curl_slist_append(x->hdrs, h);
	}
	clock_gettime(CLOCK_MONOTONIC, &x->started);
	curl_easy_setopt(e, CURLOPT_URL, x->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, x);
	/* file:// never goes to libcurl (file_start). */
	fetch_http_only(e);
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, (long)FETCH_MAX_REDIRS);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT,
	    x->ua != NULL ? x->ua : f->ua_default);
	if (x->proxy != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, x->proxy);
	curl_easy_setopt(e, CURLOPT_PROXYUSERPWD, x->proxy_auth);
	if (x->hdrs != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, x->hdrs);
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION,
	    (long)CURL_HTTP_VERSION_2TLS);
	/*
	 * Wait for a connection to the host to say whether it multiplexes
	 * only over TLS, where ALPN says so in the handshake.  Over plain
	 * http (HTTP/1.1 here) the answer would come with the first
	 * response: a server that never answers would hold every other
	 * transfer to it in libcurl's queue until their timeouts ran out.
	 */
	curl_easy_setopt(e, CURLOPT_PIPEWAIT,
	    strncasecmp(x->url, "https:", 6) == 0 ? 1L : 0L);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, x->connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, x->timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, x->low_limit);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, x->low_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)x->max_size);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, x);
	curl_easy_setopt(e, CURLOPT_BUFFERSIZE, RECV_BUFFER);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, x);
	if (f->has_opts)
		fetch_opts_apply(e, &f->opts);
	fetch_cookies_use(f->cookies, e);
	x->errbuf[0] = '\0';
	if (curl_multi_add_handle(f->multi, e) != CURLM_OK)
		abort();
	xfer_link(f, x);
}

/* Start queued requests while slots are free, honouring per-host. */
static void
start_some(struct fetch *f)
{
	struct fetch_xfer *x;
	size_t i;

	while (f->qhead < f->qlen && f->queue[f->qhead] == NULL)
		f->qhead++;
	for (i = f->qhead; i < f->qlen && f->running < (size_t)f->jobs;
	    i++) {
		x = f->queue[i];
		if (x == NULL || (x->host->active >= f->per_host &&
		    x->command == NULL))
			continue;
		f->queue[i] = NULL;
		f->queued--;
		xfer_start(f, x);
	}
	while (f->qhead < f->qlen && f->queue[f->qhead] == NULL)
		f->qhead++;
}

static void
xfer_finish(struct fetch *f, struct fetch_xfer *x, CURLcode rc)
{
	struct fetch_response *r = &x->resp;
	int64_t now = (int64_t)time(NULL);
	static char msg[CURL_ERROR_SIZE + 96];
	long code = 0;

	if (x->easy != NULL)
		curl_easy_getinfo(x->easy, CURLINFO_RESPONSE_CODE, &code);
	r->http_status = (int)code;
	r->reason = x->reason;
	r->url = x->cur_url;
	r->etag = x->etag;
	r->last_modified = x->last_modified;
	r->charset = x->charset;
	r->moved_to = x->moved_to;
	r->body_bytes = x->body;
	r->retry_after = (code == 429 || code == 503) ? x->retry_after : 0;
	r->retry_capped = r->retry_after != 0 && x->retry_capped;
	r->fresh_until = 0;
	if (!x->no_cache && (code == 200 || code == 304)) {
		if (x->max_age >= 0)
			r->fresh_until = now + x->max_age;
		else if (x->expires != 0)
			r->fresh_until = x->date != 0 ?
			    now + (x->expires - x->date) : x->expires;
		if (r->fresh_until <= now)
			r->fresh_until = 0;
	}
	r->error = NULL;
	if (x->stopped) {
		r->status = FETCH_STOPPED;
	} else if (x->too_big) {
		r->status = FETCH_FAILED;
		snprintf(msg, sizeof(msg), "larger than %lld bytes "
		    "(decoded); transfer aborted", (long long)x->max_size);
		r->error = msg;
	} else if (rc != CURLE_OK) {
		r->status = FETCH_FAILED;
		switch (rc) {
		case CURLE_TOO_MANY_REDIRECTS:
			snprintf(msg, sizeof(msg), "more than %d redirects",
			    FETCH_MAX_REDIRS);
			break;
		case CURLE_UNSUPPORTED_PROTOCOL:
			/* Also what libcurl says of an answer that is not
			   HTTP: the URL asked last tells them apart. */
			if (!url_is_web(x->cur_url))
				snprintf(msg, sizeof(msg), "redirect or URL to "
				    "a scheme gazette will not fetch: %s",
				    x->errbuf[0] ? x->errbuf :
				    curl_easy_strerror(rc));
			else if (strstr(x->errbuf, "HTTP/0.9") != NULL)
				snprintf(msg, sizeof(msg), "not an HTTP "
				    "response (no HTTP status line)");
			else
				snprintf(msg, sizeof(msg), "invalid HTTP "
				    "response (%s)", x->errbuf[0] ? x->errbuf :
				    curl_easy_strerror(rc));
			break;
		case CURLE_FILESIZE_EXCEEDED:
			snprintf(msg, sizeof(msg), "larger than %lld bytes; "
			    "transfer refused", (long long)x->max_size);
			break;
		case CURLE_OPERATION_TIMEDOUT:
			snprintf(msg, sizeof(msg), "timed out: %s",
			    x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
			break;
		default:
			snprintf(msg, sizeof(msg), "%s",
			    x->errbuf[0] ? x->errbuf : curl_easy_strerror(rc));
			break;
		}
		r->error = msg;
	} else if (code == 304)
		r->status = FETCH_NOT_MODIFIED;
	else if (code == 0 || (code >= 200 && code <= 299))
		r->status = FETCH_OK;
	else {
		r->status = FETCH_HTTP_ERROR;
		snprintf(msg, sizeof(msg), "HTTP %ld%s%s", code,
		    x->reason[0] ? " " : "", x->reason);
		r->error = msg;
	}
	if (x->easy != NULL)
		curl_multi_remove_handle(f->multi, x->easy);
	else if (x->cmd_running) {
		fetch_cmd_kill(&x->cmd);
		x->cmd_running = false;
	}
	xfer_unlink(f, x);
	if (f->cb.done != NULL)
		f->cb.done(x->ctx, r);
	if (x->easy != NULL) {
		easy_put(f, x->easy);
		x->easy = NULL;
	} else if (x->command != NULL) {
		f->ncmds--;
	} else {
		if (x->fd != -1)
			close(x->fd);
		f->nfiles--;
	}
	xfer_free(x);
}

/*
 * file:// transfers are read one chunk at a time, FILE_BUDGET chunks a
 * step, oldest first: each file is read through and handed on before
 * the next (so its parse and its storing overlap the next file's), and
 * the network is served between steps.
 */
#define FILE_CHUNK	65536
#define FILE_BUDGET	16

/* One chunk: CURLE_AGAIN while it goes on, else its outcome (errbuf
   says why it failed). */
static CURLcode
file_read(struct fetch_xfer *x)
{
	char buf[FILE_CHUNK];
	struct timespec now;
	ssize_t n;

	if (x->fd == -1)
		return (CURLE_READ_ERROR);	/* fetch_file_open said why */
	while ((n = read(x->fd, buf, sizeof(buf))) == -1 && errno == EINTR)
		continue;
	if (n == -1) {
		snprintf(x->errbuf, sizeof(x->errbuf), "cannot read the "
		    "file: %s", strerror(errno));
		return (CURLE_READ_ERROR);
	}
	if (n == 0)
		return (CURLE_OK);
	if (on_data(buf, 1, (size_t)n, x) != (size_t)n)
		return (CURLE_WRITE_ERROR);	/* too big, or stopped */
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec - x->started.tv_sec > x->timeout) {
		snprintf(x->errbuf, sizeof(x->errbuf), "reading the file "
		    "took more than %ld seconds", x->timeout);
		return (CURLE_OPERATION_TIMEDOUT);
	}
	return (CURLE_AGAIN);
}

static void
file_pump(struct fetch *f)
{
	struct fetch_xfer *x, *oldest;
	CURLcode rc;
	int i;

	for (i = 0; i < FILE_BUDGET && f->nfiles > 0; i++) {
		oldest = NULL;
		for (x = f->active; x != NULL; x = x->next)
			if (x->easy == NULL &&
			    (oldest == NULL || x->seq < oldest->seq))
				oldest = x;
		if ((rc = file_read(oldest)) != CURLE_AGAIN)
			xfer_finish(f, oldest, rc);
	}
}

/*
 * Commands: whatever is ready is moved (CMD_BUDGET chunks of output at
 * most per command and step); a command is done once its output is at
 * its end and it exited.  One whose output has ended but which has not
 * exited yet is looked at again every CMD_REAP_MS.
 */
#define CMD_BUDGET	16
#define CMD_REAP_MS	10

static bool
cmd_expired(const struct fetch_xfer *x, const struct timespec *now)
{
	return (now->tv_sec - x->started.tv_sec > x->timeout ||
	    (now->tv_sec - x->started.tv_sec == x->timeout &&
	    now->tv_nsec >= x->started.tv_nsec));
}

/* CURLE_AGAIN while it goes on, else its outcome (errbuf says why). */
static CURLcode
cmd_step(struct fetch_xfer *x)
{
	char buf[FILE_CHUNK];
	struct timespec now;
	const char *why;
	ssize_t n;
	int i;

	if (!x->cmd_running)
		return (CURLE_READ_ERROR);	/* cmd_start said why */
	for (i = 0; i < CMD_BUDGET; i++) {
		fetch_cmd_io(&x->cmd);
		if ((n = fetch_cmd_read(&x->cmd, buf, sizeof(buf))) <= 0)
			break;
		if (on_data(buf, 1, (size_t)n, x) != (size_t)n)
			return (CURLE_WRITE_ERROR);	/* too big, stopped */
	}
	if (n == -2) {
		snprintf(x->errbuf, sizeof(x->errbuf), "cannot read the "
		    "command's output: %s", strerror(errno));
		return (CURLE_READ_ERROR);
	}
	if (x->cmd.out == -1 && fetch_cmd_reaped(&x->cmd)) {
		fetch_cmd_io(&x->cmd);	/* the rest of its stderr */
		why = fetch_cmd_failure(&x->cmd, x->errbuf,
		    sizeof(x->errbuf));
		return (why == NULL ? CURLE_OK : CURLE_READ_ERROR);
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (cmd_expired(x, &now)) {
		snprintf(x->errbuf, sizeof(x->errbuf), "the command ran for "
		    "more than %ld seconds; killed", x->timeout);
		return (CURLE_OPERATION_TIMEDOUT);
	}
	return (CURLE_AGAIN);
}

static void
cmd_pump(struct fetch *f)
{
	struct fetch_xfer *x, *next;
	CURLcode rc;

	if (f->ncmds == 0)
		return;
	for (x = f->active; x != NULL; x = next) {
		next = x->next;
		if (x->easy != NULL || x->command == NULL)
			continue;
		if ((rc = cmd_step(x)) != CURLE_AGAIN) {
			xfer_finish(f, x, rc);
			/* The callback may have started others: from the
			   top (finished ones are off the list). */
			next = f->active;
		}
	}
}

/*
 * What fetch_step's poll waits for besides the transfers: extra_fd and
 * every command's pipes.  Its timeout is cut to the nearest command
 * deadline, and to CMD_REAP_MS while a command is to be reaped.
 */
static size_t
cmd_waitfds(struct fetch *f, int extra_fd, int *timeout_ms)
{
	struct fetch_xfer *x;
	struct timespec now;
	long left;
	size_t n = 0;

	if (f->nwfds < 1 + 3 * f->ncmds) {
		f->nwfds = 1 + 3 * f->ncmds;
		f->wfds = xreallocarray(f->wfds, f->nwfds, sizeof(*f->wfds));
	}
#define ADD(fd_, ev)	do {						\
	f->wfds[n].fd = (fd_);						\
	f->wfds[n].events = (ev);					\
	f->wfds[n++].revents = 0;					\
} while (0)
	if (extra_fd >= 0)
		ADD(extra_fd, CURL_WAIT_POLLIN);
	if (f->ncmds == 0)
		return (n);
	clock_gettime(CLOCK_MONOTONIC, &now);
	for (x = f->active; x != NULL; x = x->next) {
		if (x->easy != NULL || x->command == NULL || !x->cmd_running)
			continue;
		if (x->cmd.out != -1)
			ADD(x->cmd.out, CURL_WAIT_POLLIN);
		if (x->cmd.err != -1)
			ADD(x->cmd.err, CURL_WAIT_POLLIN);
		if (x->cmd.in != -1)
			ADD(x->cmd.in, CURL_WAIT_POLLOUT);
		if (x->cmd.out == -1 && *timeout_ms > CMD_REAP_MS)
			*timeout_ms = CMD_REAP_MS;
		left = (x->started.tv_sec + x->timeout - now.tv_sec) * 1000 +
		    (x->started.tv_nsec - now.tv_nsec) / 1000000 + 1;
		if (left < 0)
			left = 0;
		if (left < *timeout_ms)
			*timeout_ms = (int)left;
	}
#undef ADD
	return (n);
}

static void
drain(struct fetch *f)
{
	struct fetch_xfer *x;
	CURLMsg *m;
	int left;

	while ((m = curl_multi_info_read(f->multi, &left)) != NULL) {
		if (m->msg != CURLMSG_DONE)
			continue;
		x = NULL;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, &x);
		if (x != NULL)
			xfer_finish(f, x, m->data.result);
	}
}

size_t
fetch_step(struct fetch *f, int timeout_ms, int extra_fd)
{
	size_t nw;
	long wait;
	int still;

	start_some(f);
	(void)fetch_unpause(f);
	curl_multi_perform(f->multi, &still);
	drain(f);
	start_some(f);
	file_pump(f);
	start_some(f);
	cmd_pump(f);
	start_some(f);
	if (fetch_pending(f) == 0 && extra_fd < 0)
		return (0);
	/* A file being read is always ready: no waiting then. */
	if (f->nfiles > 0)
		timeout_ms = 0;
	nw = cmd_waitfds(f, extra_fd, &timeout_ms);
	if ((wait = fetch_unpause(f)) >= 0 && (timeout_ms < 0 ||
	    wait < timeout_ms))
		timeout_ms = (int)wait;
	curl_multi_poll(f->multi, nw > 0 ? f->wfds : NULL, (unsigned)nw,
	    timeout_ms, NULL);
	(void)fetch_unpause(f);
	curl_multi_perform(f->multi, &still);
	drain(f);
	start_some(f);
	cmd_pump(f);
	start_some(f);
	return (fetch_pending(f));
}
