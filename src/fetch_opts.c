/* fetch_opts: newsboat's fetcher settings as libcurl options. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "buf.h"
#include "conf.h"
#include "fetch_opts.h"
#include "text.h"
#include "xmalloc.h"

long
fetch_opts_auth(int method)
{
	/* In FETCH_AUTH_NAMES' order. */
	static const long masks[] = {
		(long)CURLAUTH_ANY, (long)CURLAUTH_BASIC, (long)CURLAUTH_DIGEST,
		(long)CURLAUTH_DIGEST_IE, (long)CURLAUTH_NEGOTIATE,
		(long)CURLAUTH_NTLM, (long)CURLAUTH_ANYSAFE
	};

	if (method < 0 || (size_t)method >= sizeof(masks) / sizeof(masks[0]))
		return ((long)CURLAUTH_ANY);
	return (masks[method]);
}

/* ~/NAME is under $HOME; anything else is taken as it is. */
static char *
home_path(const char *path)
{
	const char *home = getenv("HOME");
	struct buf b;
	char *s;

	if (path[0] != '~' || (path[1] != '/' && path[1] != '\0') ||
	    home == NULL || home[0] == '\0')
		return (xstrdup(path));
	buf_init(&b, BUF_CAP_TEXT);
	(void)buf_addf(&b, "%s%s", home, path + 1);
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

void
fetch_opts_from_conf(struct fetch_opts *o, const struct conf *cfg,
    char **cookie_path)
{
	memset(o, 0, sizeof(*o));
	/* newsboat's KB/s are KiB: its value times 1024. */
	o->max_recv_speed = (int64_t)cfg->max_download_speed * 1024;
	o->http_auth = fetch_opts_auth(cfg->http_auth_method);
	o->proxy_auth = fetch_opts_auth(cfg->proxy_auth_method);
	*cookie_path = NULL;
	if (cfg->cookie_cache[0] != '\0') {
		*cookie_path = home_path(cfg->cookie_cache);
		o->cookie_file = *cookie_path;
	}
}

void
fetch_opts_apply(void *easy, const struct fetch_opts *o)
{
	CURL *e = easy;

	if (o == NULL)
		return;
	if (o->max_recv_speed > 0)
		curl_easy_setopt(e, CURLOPT_MAX_RECV_SPEED_LARGE,
		    (curl_off_t)o->max_recv_speed);
	curl_easy_setopt(e, CURLOPT_HTTPAUTH, o->http_auth);
	curl_easy_setopt(e, CURLOPT_PROXYAUTH, o->proxy_auth);
}

bool
fetch_opts_listed(const char *list, const char *url)
{
	const char *p = list;
	size_t n, len = strlen(url);

	if (list == NULL || len == 0)
		return (false);
	for (;;) {
		p += strspn(p, " \t");
		if (*p == '\0')
			return (false);
		n = strcspn(p, " \t");
		if (n == len && memcmp(p, url, n) == 0)
			return (true);
		p += n;
	}
}

void *
fetch_cookies_open(const char *path)
{
	CURLSH *sh;
	CURL *e;

	curl_global_init(CURL_GLOBAL_DEFAULT);
	/* Without libcurl, no transfer either: nothing to keep. */
	if ((sh = curl_share_init()) == NULL)
		return (NULL);
	/* One thread drives every transfer: no lock callbacks needed. */
	curl_share_setopt(sh, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
	if ((e = curl_easy_init()) == NULL) {
		curl_share_cleanup(sh);
		return (NULL);
	}
	curl_easy_setopt(e, CURLOPT_SHARE, sh);
	/* A missing or unreadable file is an empty jar. */
	curl_easy_setopt(e, CURLOPT_COOKIEFILE, path);
	curl_easy_setopt(e, CURLOPT_COOKIELIST, "RELOAD");
	curl_easy_cleanup(e);
	return (sh);
}

void
fetch_cookies_use(void *share, void *easy)
{
	if (share == NULL)
		return;
	curl_easy_setopt((CURL *)easy, CURLOPT_SHARE, (CURLSH *)share);
	/* "": the cookie engine on, no file read per transfer. */
	curl_easy_setopt((CURL *)easy, CURLOPT_COOKIEFILE, "");
}

int
fetch_cookies_save(void *share, const char *path, struct err *err)
{
	struct curl_slist *list = NULL, *l;
	struct buf tmp;
	const char *slash;
	FILE *fp;
	CURL *e;
	int fd, rc = -1;

	if ((e = curl_easy_init()) == NULL) {
		err_set(err, ERR_IO, "cookie-cache: %s: %s", path,
		    curl_easy_strerror(CURLE_FAILED_INIT));
		return (-1);
	}
	curl_easy_setopt(e, CURLOPT_SHARE, (CURLSH *)share);
	curl_easy_getinfo(e, CURLINFO_COOKIELIST, &list);
	buf_init(&tmp, BUF_CAP_TEXT);
	/* A new file beside the old one, renamed over it when whole: a
	   reader never sees half a file. */
	if ((slash = strrchr(path, '/')) != NULL)
		(void)buf_addf(&tmp, "%.*s/.cookies.XXXXXX",
		    (int)(slash - path), path);
	else
		(void)buf_addstr(&tmp, ".cookies.XXXXXX");
	if ((fd = mkstemp(tmp.data)) == -1) {
		err_set(err, ERR_IO, "cookie-cache: %s: %s", path,
		    strerror(errno));
		goto out;
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		err_set(err, ERR_IO, "cookie-cache: %s: %s", path,
		    strerror(errno));
		close(fd);
		(void)unlink(buf_str(&tmp));
		goto out;
	}
	fputs("# Netscape HTTP Cookie File\n"
	    "# Written by gazette (newsboat's cookie-cache).\n\n", fp);
	for (l = list; l != NULL; l = l->next)
		fprintf(fp, "%s\n", l->data);
	if (fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		err_set(err, ERR_IO, "cookie-cache: %s: %s", path,
		    strerror(errno));
		fclose(fp);
		(void)unlink(buf_str(&tmp));
		goto out;
	}
	if (fclose(fp) != 0 || rename(buf_str(&tmp), path) == -1) {
		err_set(err, ERR_IO, "cookie-cache: %s: %s", path,
		    strerror(errno));
		(void)unlink(buf_str(&tmp));
		goto out;
	}
	rc = 0;
out:
	buf_free(&tmp);
	curl_slist_free_all(list);
	curl_easy_cleanup(e);
	return (rc);
}

void
fetch_cookies_close(void *share)
{
	if (share != NULL)
		curl_share_cleanup((CURLSH *)share);
}

int
fetch_errlog_open(const char *path, struct err *err)
{
	char *p = home_path(path);
	int fd;

	fd = open(p, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY,
	    0600);
	if (fd == -1)
		err_set(err, ERR_IO, "error-log: %s: %s", p, strerror(errno));
	free(p);
	return (fd);
}

void
fetch_errlog_write(int fd, const char *url, const char *reason)
{
	struct buf b;
	struct tm tm;
	time_t now = time(NULL);
	char when[32], *u, *r;
	ssize_t w;

	if (fd == -1)
		return;
	/* One line each: nothing of the feed's may break it. */
	u = text_sanitize(url, 0);
	r = text_sanitize(reason != NULL ? reason : "failed", 0);
	localtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	buf_init(&b, BUF_CAP_TEXT);
	(void)buf_addf(&b, "[%s] Error while retrieving %s: %s\n", when, u,
	    r);
	/* O_APPEND and one write: lines of two writers do not mix. */
	do
		w = write(fd, b.data, b.len);
	while (w == -1 && errno == EINTR);
	buf_free(&b);
	free(u);
	free(r);
}

void
fetch_errlog_close(int fd)
{
	if (fd != -1)
		close(fd);
}
