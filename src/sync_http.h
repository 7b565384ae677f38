/*
 * sync_http: the HTTP requests of sync, one at a time on one reused
 * connection (a GReader server may answer one request at a time, as
 * PHP's built-in server does).  libcurl through curl_load.c.
 *
 * Form values are percent-encoded here.  Nothing secret is ever put in
 * a URL: the password goes in a POST body, the auth token in a header.
 * Counts of requests and bytes are kept for the bench.
 */
#ifndef GAZETTE_SYNC_HTTP_H
#define GAZETTE_SYNC_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"

struct sync_http;

struct sync_http_stats {
	uint64_t	 requests;
	uint64_t	 bytes_out;	/* request bodies and URLs */
	uint64_t	 bytes_in;	/* response bodies (decoded) */
};

struct conf;

/*
 * The fetch settings apply: user-agent, download-timeout,
 * download-retries, use-proxy with proxy, proxy-type and proxy-auth
 * (without it, the environment's http_proxy and friends, as libcurl
 * reads them), proxy-auth-method, max-download-speed (metered over
 * the whole sync, as fetch.c meters a feed) and cookie-cache
 * (fetch_opts.h).  http-auth-method too, but
 * the server's Authorization header carries the GReader token.
 */
struct sync_http *sync_http_new(const struct conf *cfg);
void	 sync_http_free(struct sync_http *h);
/* "Authorization: GoogleLogin auth=TOKEN" from now on (NULL: none). */
void	 sync_http_set_auth(struct sync_http *h, const char *token);
/* Inoreader's "AppId: ID" and "AppKey: KEY" on every request. */
void	 sync_http_set_app(struct sync_http *h, const char *id,
	    const char *key);
/* Write the cookie-cache back (nothing without one); -1 with err. */
int	 sync_http_save_cookies(struct sync_http *h, struct err *err);
/*
 * GET url (form NULL) or POST form (already encoded) to url.  0 with the
 * status in *status and the body in body (reset first), or -1 when no
 * HTTP answer came (err says why: ERR_NET).
 */
int	 sync_http_do(struct sync_http *h, const char *url, const char *form,
	    int *status, struct buf *body, struct err *err);
/* Append "&name=value" (no '&' first) percent-encoded to b. */
void	 sync_http_form(struct buf *b, const char *name, const char *value);
/* Append a stream id to a URL path, percent-encoded but for '/' ':'. */
void	 sync_http_path(struct buf *b, const char *value);
void	 sync_http_stats(const struct sync_http *h,
	    struct sync_http_stats *out);

#endif
