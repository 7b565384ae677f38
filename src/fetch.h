/*
 * fetch: many HTTP(S) transfers at once with libcurl's multi interface,
 * single-threaded.  Requests are queued with fetch_add and started as
 * slots free up (at most `jobs` at once, at most `per_host` to one host);
 * fetch_step waits with curl_multi_poll (no busy polling) and drives the
 * transfers, calling back as bytes and results arrive.
 *
 * Every transfer: conditional GET (If-None-Match / If-Modified-Since from
 * the request), Accept-Encoding with every compression libcurl has,
 * HTTP/2 with multiplexing where offered, connection reuse, proxies from
 * the environment (unless the request names one), a connect timeout, an
 * overall timeout, a low-speed abort, a cap on the DECODED body (so a
 * compressed bomb trips it), at most FETCH_MAX_REDIRS redirects and only
 * to http/https.  file:// is accepted only for requests that say so
 * (allow_file: a feed the user's own urls file names), and is read by
 * fetch itself, not libcurl: regular files only, never blocking, with
 * the same size cap and overall timeout (fetch_file.h).
 *
 * A request with a command (exec: and filter: feeds) runs it instead
 * (fetch_cmd.h): its standard output is the body, its standard input
 * the request's input (or /dev/null), under the same size cap and
 * overall timeout; a command that runs out of time is killed with its
 * whole process group.  It fails when it exits with a status other than
 * 0 (the error says which, with the last line of its standard error).
 * Commands are not bound by per_host, only by jobs.
 *
 * Body bytes of a 2xx answer (or of a file://) go to the data callback as
 * they arrive; the headers are known by then (fetch_response).  When the
 * transfer ends, done is called once with the outcome.  Callbacks must not
 * call fetch_step or fetch_free.
 */
#ifndef GAZETTE_FETCH_H
#define GAZETTE_FETCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Restrict a libcurl easy handle (CURL *) to http and https. */
void	fetch_http_only(void *e);

#define FETCH_MAX_REDIRS	5
#define FETCH_DEFAULT_JOBS	16
#define FETCH_DEFAULT_PER_HOST	6
#define FETCH_DEFAULT_MAX_SIZE	(32 * 1024 * 1024)
#define FETCH_DEFAULT_TIMEOUT	60L	/* seconds, whole transfer */
#define FETCH_DEFAULT_CONNECT	15L
#define FETCH_DEFAULT_LOW_SPEED	1L	/* bytes a second ... */
#define FETCH_DEFAULT_LOW_TIME	30L	/* ... for this long aborts */
/* A Retry-After (seconds or HTTP date) asking for longer gets this. */
#define FETCH_MAX_RETRY_AFTER	(7 * 86400)

struct fetch;

struct fetch_req {
	const char	*url;
	const char	*etag;		/* sent as If-None-Match, or NULL */
	const char	*last_modified;	/* sent as If-Modified-Since, or NULL */
	const char	*user_agent;	/* NULL: gazette/VERSION */
	const char	*proxy;		/* NULL: environment; "": none */
	const char	*proxy_auth;	/* USER:PASSWORD for it, or NULL */
	long		 timeout;	/* <= 0: defaults above */
	long		 connect_timeout;
	long		 low_speed_limit;	/* < 0: default; 0: off */
	long		 low_speed_time;
	int64_t		 max_size;	/* <= 0: FETCH_DEFAULT_MAX_SIZE */
	bool		 allow_file;	/* file:// allowed for this URL */
	const char	*command;	/* run this (sh -c) instead, or NULL */
	const void	*input;		/* its standard input (borrowed until
					   done), NULL: /dev/null */
	size_t		 input_len;
	void		*ctx;		/* handed back to every callback */
};

enum fetch_status {
	FETCH_OK,		/* 2xx (or file://): the body went to data */
	FETCH_NOT_MODIFIED,	/* 304 */
	FETCH_HTTP_ERROR,	/* any other final status; see http_status */
	FETCH_FAILED,		/* transport failure, limit hit; see error */
	FETCH_STOPPED		/* the data callback asked to stop */
};

/* What is known about the answer; strings valid during the callback. */
struct fetch_response {
	enum fetch_status status;
	int		 http_status;	/* 0 for none (file://, command,
					   failure) */
	const char	*reason;	/* the status line's reason phrase */
	const char	*error;		/* FETCH_FAILED: why, one line */
	const char	*url;		/* the final URL (after redirects) */
	const char	*etag;		/* of the final answer, or NULL */
	const char	*last_modified;
	const char	*charset;	/* from Content-Type, or NULL */
	const char	*moved_to;	/* target of a leading 301/308, or NULL */
	int64_t		 retry_after;	/* absolute UNIX s (429/503), 0 none */
	bool		 retry_capped;	/* it asked for more than the cap */
	int64_t		 fresh_until;	/* max-age / Expires, absolute, 0 none */
	uint64_t	 body_bytes;	/* decoded bytes received */
};

struct fetch_cb {
	/* Body bytes; return -1 to stop the transfer (FETCH_STOPPED). */
	int	(*data)(void *ctx, const struct fetch_response *resp,
		    const void *buf, size_t len);
	/* The end of a request, once. */
	void	(*done)(void *ctx, const struct fetch_response *resp);
};

/* jobs: transfers at once (>= 1); per_host: to one host name (>= 1). */
struct fetch	*fetch_new(int jobs, int per_host, const struct fetch_cb *cb);
void		 fetch_free(struct fetch *f);
/*
 * newsboat's settings for every transfer (fetch_opts.h), copied; with a
 * cookie file, its cookies are read now and shared by every transfer.
 * fetch_save_cookies writes them back (0 without a file; -1 with err).
 */
struct fetch_opts;
struct err;
void		 fetch_set_opts(struct fetch *f, const struct fetch_opts *o);
int		 fetch_save_cookies(struct fetch *f, struct err *err);
/* Queue a request; strings are copied. */
void		 fetch_add(struct fetch *f, const struct fetch_req *req);
/* Drop queued requests that have not started for host (NULL: all);
   each gets no callback.  Returns how many were dropped, through skip. */
size_t		 fetch_drop_host(struct fetch *f, const char *host,
		    void (*skip)(void *ctx, const void *arg), const void *arg);
/*
 * Start what can start, wait up to timeout_ms for activity (on the
 * transfers or, if extra_fd >= 0, for extra_fd to become readable),
 * then process it.  Returns the number of requests still queued or
 * running (0: all done).
 */
size_t		 fetch_step(struct fetch *f, int timeout_ms, int extra_fd);
/* Make a fetch_step waiting in another context return (signal safe). */
void		 fetch_wakeup(struct fetch *f);
/* Queued + running. */
size_t		 fetch_pending(const struct fetch *f);

#endif
