/*
 * url: URL resolution and inspection with libcurl's URL API (curl_url).
 *
 * Every returned char * is a fresh allocation owned by the caller
 * (free()).  Leading and trailing ASCII white space around a reference is
 * ignored: feeds often wrap links in new lines.
 */
#ifndef GAZETTE_URL_H
#define GAZETTE_URL_H

#include <stdbool.h>

/*
 * Resolve ref against base (RFC 3986).  ref may be absolute already.
 * When base is NULL or the resolution fails, a trimmed copy of ref is
 * returned; NULL only when ref is NULL.
 */
char	*url_resolve(const char *base, const char *ref);
/* True for a well-formed absolute http:// or https:// URL. */
bool	 url_is_web(const char *url);
/* True when url starts with a scheme ("http:", "mailto:", "tag:"). */
bool	 url_has_scheme(const char *url);
/* The host name, lower-cased, or NULL when url has none or is invalid. */
char	*url_host(const char *url);
/* The scheme, lower-cased, or NULL. */
char	*url_scheme(const char *url);

#endif
