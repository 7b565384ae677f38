/*
 * podcast_dl: downloading the queue (podcast_dl.c says how).
 */
#ifndef GAZETTE_PODCAST_DL_H
#define GAZETTE_PODCAST_DL_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

struct fetch_opts;

struct podcast_dl_opts {
	int		 jobs;		/* downloads at once, >= 1 */
	int		 attempts;	/* per file, >= 1 */
	long		 stall_timeout;	/* seconds without a byte */
	const char	*user_agent;	/* NULL: gazette/VERSION */
	const char	*proxy;		/* NULL: the environment's */
	const char	*proxy_auth;
	/* max-download-speed, http-auth-method, proxy-auth-method. */
	const struct fetch_opts *fetch;
	char *const	*only;		/* these URLs only (nonly > 0) */
	size_t		 nonly;
	/* Each file's end: ok, or why not (one line, not sanitised). */
	void		(*done)(void *ctx, const char *url, const char *path,
			    bool ok, const char *why);
	void		*ctx;
};

struct podcast_dl_stats {
	size_t	queued;		/* entries waiting when it started */
	size_t	downloaded;
	size_t	already;	/* the file was there */
	size_t	failed;
	bool	queue_error;	/* a state could not be written */
};

/* Download every queued entry of queue.  -1 with err when nothing could
 * be done (the queue unreadable, libcurl missing). */
int	podcast_download(const char *queue, const struct podcast_dl_opts *o,
	    struct podcast_dl_stats *stats, struct err *err);

#endif
