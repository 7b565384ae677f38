/*
 * fetch_opts: newsboat's fetcher settings that become libcurl options
 * (max-download-speed, http-auth-method, proxy-auth-method), the
 * cookie-cache file, the feed URL lists always-download and
 * reset-unread-on-update, and the error-log file.
 *
 * fetch_opts_apply puts the settings on any libcurl easy handle: the
 * feed fetcher (fetch.c) uses it, and so can any other code that speaks
 * HTTP for the user (sync_http.c).
 */
#ifndef GAZETTE_FETCH_OPTS_H
#define GAZETTE_FETCH_OPTS_H

#include <stdbool.h>
#include <stdint.h>

#include "err.h"

struct conf;

struct fetch_opts {
	int64_t		 max_recv_speed;	/* bytes a second; 0: none */
	long		 http_auth;		/* CURLAUTH_* mask */
	long		 proxy_auth;
	const char	*cookie_file;		/* NULL: cookies not kept */
};

/* newsboat's auth method names, in conf.c's enum order. */
#define FETCH_AUTH_NAMES \
	"any", "basic", "digest", "digest_ie", "gssnegotiate", "ntlm", \
	"anysafe"

/* The CURLAUTH_* mask of a method's index in FETCH_AUTH_NAMES. */
long	fetch_opts_auth(int method);
/*
 * Fill o from cfg (strings borrowed from cfg); the cookie file's ~ is
 * expanded into *cookie_path (freed by the caller, may be NULL).
 */
void	fetch_opts_from_conf(struct fetch_opts *o, const struct conf *cfg,
	    char **cookie_path);
/* Put o's settings on a libcurl easy handle (a CURL *); NULL o: none. */
void	fetch_opts_apply(void *easy, const struct fetch_opts *o);

/* Is url one of the blank-separated URLs of list? */
bool	fetch_opts_listed(const char *list, const char *url);

/*
 * The cookie cache (Netscape format, read at start, written at the end
 * under the refresh lock, replaced atomically).  A share (CURLSH *)
 * holds the cookies of every transfer.
 */
void	*fetch_cookies_open(const char *path);
/* Give an easy handle the shared cookies. */
void	 fetch_cookies_use(void *share, void *easy);
/* Write the cookies back; -1 with err.  Frees nothing. */
int	 fetch_cookies_save(void *share, const char *path, struct err *err);
void	 fetch_cookies_close(void *share);

/*
 * error-log: newsboat's "[YYYY-MM-DD HH:MM:SS] Error while retrieving
 * URL: REASON" lines, appended (one write a line, O_APPEND).  path may
 * start with ~/.  Returns -1 with err when the file cannot be opened.
 */
int	 fetch_errlog_open(const char *path, struct err *err);
void	 fetch_errlog_write(int fd, const char *url, const char *reason);
void	 fetch_errlog_close(int fd);

#endif
