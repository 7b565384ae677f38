/*
 * sync_http: the HTTP requests of sync (see sync_http.h).
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>

#include "conf.h"
#include "fetch.h"
#include "fetch_opts.h"
#include "sync_http.h"
#include "xmalloc.h"

/* The largest answer read (a page of articles). */
#define SYNC_HTTP_MAX	(64u * 1024 * 1024)

struct sync_http {
	CURL			*e;
	struct curl_slist	*hdrs;
	char			*auth;		/* the Authorization header */
	char			*app_id;	/* Inoreader's AppId header */
	char			*app_key;	/* and AppKey */
	struct fetch_opts	 opts;		/* newsboat's fetch settings */
	char			*cookie_path;
	void			*cookies;	/* cookie-cache, or NULL */
	struct buf		*body;		/* of the request under way */
	uint64_t		 metered;	/* bytes read, for the limit */
	struct timespec		 first;		/* when the first came */
	char			*ua;
	char			*proxy;		/* NULL: libcurl's default */
	char			*proxy_auth;
	long			 timeout;
	int			 attempts;
	char			 errbuf[CURL_ERROR_SIZE];
	struct sync_http_stats	 stats;
};

struct sync_http *
sync_http_new(const struct conf *cfg)
{
	struct sync_http *h = xcalloc(1, sizeof(*h));
	char ua[64];

	curl_global_init(CURL_GLOBAL_DEFAULT);
	h->e = curl_easy_init();
	snprintf(ua, sizeof(ua), "gazette/%s", PACKAGE_VERSION);
	h->ua = xstrdup(cfg->user_agent[0] != '\0' ? cfg->user_agent : ua);
	h->timeout = cfg->download_timeout > 0 ? cfg->download_timeout : 120;
	h->attempts = cfg->download_retries > 0 ? cfg->download_retries : 1;
	/* As for a fetch: use-proxy, else the environment's. */
	if ((h->proxy = conf_proxy_url(cfg)) != NULL &&
	    cfg->proxy_auth[0] != '\0')
		h->proxy_auth = xstrdup(cfg->proxy_auth);
	/* max-download-speed, the auth methods, cookie-cache. */
	fetch_opts_from_conf(&h->opts, cfg, &h->cookie_path);
	if (h->opts.cookie_file != NULL)
		h->cookies = fetch_cookies_open(h->opts.cookie_file);
	return (h);
}

static void
secret_free(char *s)
{
	if (s != NULL) {
		explicit_bzero(s, strlen(s));
		free(s);
	}
}

/* The headers of each request: the token's, then the application's. */
static void
headers(struct sync_http *h)
{
	struct buf b;

	curl_slist_free_all(h->hdrs);
	h->hdrs = NULL;
	buf_init(&b, BUF_CAP_TEXT);
	if (h->auth != NULL)
		h->hdrs = curl_slist_append(h->hdrs, h->auth);
	if (h->app_id != NULL) {
		buf_addf(&b, "AppId: %s", h->app_id);
		h->hdrs = curl_slist_append(h->hdrs, buf_str(&b));
		buf_reset(&b);
		buf_addf(&b, "AppKey: %s", h->app_key);
		h->hdrs = curl_slist_append(h->hdrs, buf_str(&b));
		explicit_bzero(b.data, b.len);
	}
	buf_free(&b);
}

void
sync_http_set_app(struct sync_http *h, const char *id, const char *key)
{
	secret_free(h->app_id);
	secret_free(h->app_key);
	h->app_id = xstrdup(id);
	h->app_key = xstrdup(key);
	headers(h);
}

int
sync_http_save_cookies(struct sync_http *h, struct err *err)
{
	if (h->cookies == NULL)
		return (0);
	return (fetch_cookies_save(h->cookies, h->cookie_path, err));
}

void
sync_http_free(struct sync_http *h)
{
	if (h == NULL)
		return;
	if (h->e != NULL)
		curl_easy_cleanup(h->e);
	curl_slist_free_all(h->hdrs);
	free(h->ua);
	free(h->proxy);
	secret_free(h->proxy_auth);
	secret_free(h->auth);
	secret_free(h->app_id);
	secret_free(h->app_key);
	fetch_cookies_close(h->cookies);
	free(h->cookie_path);
	free(h);
}

void
sync_http_set_auth(struct sync_http *h, const char *token)
{
	struct buf b;

	secret_free(h->auth);
	h->auth = NULL;
	if (token != NULL) {
		buf_init(&b, BUF_CAP_TEXT);
		buf_addf(&b, "Authorization: GoogleLogin auth=%s", token);
		h->auth = xstrdup(buf_str(&b));
		/* The token is a secret too: wipe the copy. */
		explicit_bzero(b.data, b.len);
		buf_free(&b);
	}
	headers(h);
}

/*
 * max-download-speed over the whole sync, as fetch.c meters a feed
 * (libcurl's own limit lets a short answer through at full speed): the
 * bytes wait until the average since the first one falls to the limit,
 * a quarter second's worth of burst allowed.  One request at a time, in
 * `gazette refresh`: the wait holds nothing else up.
 */
static void
pace(struct sync_http *h, size_t len)
{
	double speed = (double)h->opts.max_recv_speed, due, spent;
	struct timespec now, nap;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (h->metered == 0)
		h->first = now;
	h->metered += len;
	due = ((double)h->metered - speed / 4) / speed;
	spent = (double)(now.tv_sec - h->first.tv_sec) +
	    (double)(now.tv_nsec - h->first.tv_nsec) / 1e9;
	if (due <= spent)
		return;
	nap.tv_sec = (time_t)(due - spent);
	nap.tv_nsec = (long)((due - spent - (double)nap.tv_sec) * 1e9);
	while (nanosleep(&nap, &nap) == -1 && errno == EINTR)
		;
}

static size_t
on_data(char *p, size_t size, size_t n, void *arg)
{
	struct sync_http *h = arg;
	struct buf *b = h->body;

	if (b->len + size * n > SYNC_HTTP_MAX || buf_add(b, p, size * n) ==
	    -1)
		return (0);
	if (h->opts.max_recv_speed > 0)
		pace(h, size * n);
	return (size * n);
}

static int	 once(struct sync_http *, const char *, const char *, int *,
		    struct buf *, CURLcode *);

/* Could the request not have reached the server (safe to send again)? */
static bool
unsent(CURLcode rc)
{
	return (rc == CURLE_COULDNT_CONNECT ||
	    rc == CURLE_COULDNT_RESOLVE_HOST ||
	    rc == CURLE_COULDNT_RESOLVE_PROXY);
}

/*
 * download-retries attempts in all when no answer came: any GET (it
 * changes nothing), a POST only when it cannot have been sent.
 */
int
sync_http_do(struct sync_http *h, const char *url, const char *form,
    int *status, struct buf *body, struct err *err)
{
	CURLcode rc = CURLE_OK;
	int i;

	for (i = 0; i < h->attempts; i++) {
		if (once(h, url, form, status, body, &rc) == 0)
			return (0);
		if (form != NULL && !unsent(rc))
			break;
	}
	err_set(err, ERR_NET, "%s", h->errbuf[0] != '\0' ? h->errbuf :
	    curl_easy_strerror(rc));
	return (-1);
}

static int
once(struct sync_http *h, const char *url, const char *form, int *status,
    struct buf *body, CURLcode *rc)
{
	CURL *e = h->e;
	long code = 0;

	*status = 0;
	buf_reset(body);
	if (e == NULL) {
		*rc = CURLE_FAILED_INIT;
		return (-1);
	}
	if (h->cookies != NULL) {
		/*
		 * A new handle per request with cookie-cache: each handle's
		 * CURLOPT_COOKIEFILE "" (the cookie engine on) is a list
		 * entry that curl_easy_reset loses (libcurl 7.88), one leak
		 * per request under LeakSanitizer.  The cookies live in the
		 * share; only the connection is not reused.
		 */
		curl_easy_cleanup(e);
		if ((e = h->e = curl_easy_init()) == NULL) {
			*rc = CURLE_FAILED_INIT;
			return (-1);
		}
	} else
		curl_easy_reset(e);
	h->errbuf[0] = '\0';
	curl_easy_setopt(e, CURLOPT_URL, url);
	fetch_http_only(e);
	/* A redirect would resend the Authorization header elsewhere. */
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT, h->ua);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, h->timeout);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, h->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_data);
	h->body = body;
	curl_easy_setopt(e, CURLOPT_WRITEDATA, h);
	if (h->hdrs != NULL)
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, h->hdrs);
	if (h->proxy != NULL)
		curl_easy_setopt(e, CURLOPT_PROXY, h->proxy);
	if (h->proxy_auth != NULL)
		curl_easy_setopt(e, CURLOPT_PROXYUSERPWD, h->proxy_auth);
	fetch_opts_apply(e, &h->opts);
	fetch_cookies_use(h->cookies, e);
	if (form != NULL) {
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, form);
		curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, (long)strlen(form));
		h->stats.bytes_out += strlen(form);
	}
	h->stats.bytes_out += strlen(url);
	h->stats.requests++;
	*rc = curl_easy_perform(e);
	h->stats.bytes_in += body->len;
	if (*rc != CURLE_OK)
		return (-1);
	curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
	*status = (int)code;
	return (0);
}

/* Append value percent-encoded, but for the bytes of keep. */
static void
encode(struct buf *b, const char *value, const char *keep)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	for (p = (const unsigned char *)value; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL ||
		    strchr(keep, *p) != NULL)
			buf_addch(b, (char)*p);
		else {
			buf_addch(b, '%');
			buf_addch(b, hex[*p >> 4]);
			buf_addch(b, hex[*p & 15]);
		}
	}
}

void
sync_http_form(struct buf *b, const char *name, const char *value)
{
	if (b->len > 0)
		buf_addch(b, '&');
	buf_addstr(b, name);
	buf_addch(b, '=');
	encode(b, value, "");
}

void
sync_http_path(struct buf *b, const char *value)
{
	/* Slashes stay: some web servers refuse an encoded one. */
	encode(b, value, "/:");
}

void
sync_http_stats(const struct sync_http *h, struct sync_http_stats *out)
{
	*out = h->stats;
}
