/*
 * url: relative references resolved with libcurl's URL API.
 *
 * curl_url_set(CURLUPART_URL) on a handle that already holds a URL
 * resolves a relative reference against it.  Two cases are handled here
 * because libcurl (7.88) gets them wrong: an empty reference (RFC 3986:
 * the base itself, less its fragment) and a fragment-only reference
 * ("#x": the base with that fragment, not the base's directory).
 * A reference with a scheme of its own is absolute already and is
 * returned as the feed wrote it (trimmed), not normalised by libcurl:
 * "https://example.org" stays without the '/' libcurl would add, and
 * "mailto:" or "tag:" URIs, which libcurl cannot parse, pass through.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "buf.h"
#include "url.h"
#include "xmalloc.h"

#define URL_FLAGS	(CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE)

static bool
is_space(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

static bool
is_alpha(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static char *
trimmed_copy(const char *s)
{
	size_t len;

	while (is_space(*s))
		s++;
	len = strlen(s);
	while (len > 0 && is_space(s[len - 1]))
		len--;
	return (xstrndup(s, len));
}

bool
url_has_scheme(const char *url)
{
	const char *p = url;

	if (url == NULL)
		return (false);
	while (is_space(*p))
		p++;
	if (!is_alpha(*p))
		return (false);
	for (p++; *p != '\0'; p++) {
		if (*p == ':')
			return (true);
		if (!is_alpha(*p) && !(*p >= '0' && *p <= '9') &&
		    *p != '+' && *p != '-' && *p != '.')
			return (false);
	}
	return (false);
}

/* The length of the valid UTF-8 sequence at p (1-4), or 0. */
static size_t
utf8_len(const unsigned char *p)
{
	size_t n, i;
	unsigned char lo = 0x80, hi = 0xbf;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4;
	else
		return (0);
	if (p[0] == 0xe0)
		lo = 0xa0;
	else if (p[0] == 0xed)
		hi = 0x9f;
	else if (p[0] == 0xf0)
		lo = 0x90;
	else if (p[0] == 0xf4)
		hi = 0x8f;
	for (i = 1; i < n; i++) {
		if (p[i] < lo || p[i] > hi)
			return (0);
		lo = 0x80;
		hi = 0xbf;
	}
	return (n);
}

/*
 * curl's string into our allocator's, or NULL.  libcurl decodes
 * percent-escapes in a host name ("http://%ba.example/"), which can
 * leave bytes that are not UTF-8: those are escaped again, so that
 * every URL we hand out is valid UTF-8.
 */
static char *
from_curl(char *s)
{
	const unsigned char *p;
	struct buf b;
	size_t n;

	if (s == NULL)
		return (NULL);
	buf_init(&b, (size_t)-1);
	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		if ((n = utf8_len(p)) == 0) {
			buf_addf(&b, "%%%02X", *p);
			n = 1;
		} else
			buf_add(&b, p, n);
	}
	curl_free(s);
	return (buf_detach(&b));
}

/* Parse an absolute URL into a new handle, or NULL. */
static CURLU *
parse(const char *url)
{
	CURLU *h;

	if ((h = curl_url()) == NULL)
		return (NULL);
	if (curl_url_set(h, CURLUPART_URL, url, URL_FLAGS) != CURLUE_OK) {
		curl_url_cleanup(h);
		return (NULL);
	}
	return (h);
}

static char *
get_url(CURLU *h)
{
	char *out = NULL;

	if (curl_url_get(h, CURLUPART_URL, &out, 0) != CURLUE_OK)
		return (NULL);
	return (from_curl(out));
}

char *
url_resolve(const char *base, const char *ref)
{
	CURLU *h = NULL;
	char *r, *out = NULL, *hash;
	struct buf b;

	if (ref == NULL)
		return (NULL);
	r = trimmed_copy(ref);
	if (url_has_scheme(r))
		goto done;	/* absolute already: kept as the feed wrote it */
	if (base == NULL || (h = parse(base)) == NULL)
		goto done;
	if (r[0] == '\0' || r[0] == '#') {
		if ((out = get_url(h)) == NULL)
			goto done;
		if ((hash = strchr(out, '#')) != NULL)
			*hash = '\0';
		buf_init(&b, (size_t)-1);
		buf_addstr(&b, out);
		buf_addstr(&b, r);
		free(out);
		free(r);
		r = buf_detach(&b);
		goto done;
	}
	if (curl_url_set(h, CURLUPART_URL, r, URL_FLAGS) == CURLUE_OK &&
	    (out = get_url(h)) != NULL) {
		free(r);
		r = out;
	}
done:
	curl_url_cleanup(h);
	return (r);
}

static char *
get_part(const char *url, CURLUPart part)
{
	CURLU *h;
	char *out = NULL, *p;

	if (url == NULL || (h = parse(url)) == NULL)
		return (NULL);
	if (curl_url_get(h, part, &out, 0) != CURLUE_OK)
		out = NULL;
	curl_url_cleanup(h);
	if ((out = from_curl(out)) == NULL)
		return (NULL);
	for (p = out; *p != '\0'; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return (out);
}

char *
url_scheme(const char *url)
{
	return (get_part(url, CURLUPART_SCHEME));
}

char *
url_host(const char *url)
{
	char *host = get_part(url, CURLUPART_HOST);

	if (host != NULL && host[0] == '\0') {
		free(host);
		host = NULL;
	}
	return (host);
}

bool
url_is_web(const char *url)
{
	char *scheme, *host;
	bool web;

	if (url == NULL || !url_has_scheme(url))
		return (false);
	scheme = url_scheme(url);
	host = url_host(url);
	web = scheme != NULL && host != NULL &&
	    (strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0);
	free(scheme);
	free(host);
	return (web);
}
