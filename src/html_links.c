/*
 * html_links: the renderer's links.  Each distinct URL gets one number
 * (an open-addressing hash finds it again); unsafe schemes get none; at
 * the end the URLs are resolved against the article's address and may
 * be listed after the text.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "html.h"
#include "html_render_int.h"
#include "text.h"
#include "url.h"
#include "xmalloc.h"

static bool
safe_scheme(const char *url)
{
	static const char *bad[] = { "javascript:", "vbscript:", "data:" };
	size_t i;

	while (*url == ' ')
		url++;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (strncasecmp(url, bad[i], strlen(bad[i])) == 0)
			return (false);
	return (true);
}

static size_t
hash_str(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/* Put link number n (1-based) into the hash, growing it first if needed. */
static void
hash_put(struct hr_render *r, size_t n)
{
	size_t i, old_size = r->hash_size, *old = r->link_hash;

	if ((n + 1) * 2 > r->hash_size) {
		r->hash_size = r->hash_size == 0 ? 64 : r->hash_size * 2;
		r->link_hash = xcalloc(r->hash_size, sizeof(*r->link_hash));
		for (i = 0; i < old_size; i++)
			if (old[i] != 0)
				hash_put(r, old[i]);
		free(old);
	}
	i = hash_str(r->doc->links[n - 1]) & (r->hash_size - 1);
	while (r->link_hash[i] != 0)
		i = (i + 1) & (r->hash_size - 1);
	r->link_hash[i] = n;
}

/* The number of a link, adding it to the list when it is new. */
size_t
hr_link_number(struct hr_render *r, const char *href)
{
	struct html_doc *d = r->doc;
	char *s, *url;
	size_t i;

	s = text_sanitize(href, 0);
	/* Spaces around an href are not part of it. */
	url = s + strspn(s, " ");
	i = strlen(url);
	while (i > 0 && url[i - 1] == ' ')
		url[--i] = '\0';
	if (*url == '\0' || !safe_scheme(url)) {
		free(s);
		return (0);
	}
	if (r->hash_size > 0) {
		i = hash_str(url) & (r->hash_size - 1);
		for (; r->link_hash[i] != 0; i = (i + 1) & (r->hash_size - 1))
			if (strcmp(d->links[r->link_hash[i] - 1], url) == 0) {
				free(s);
				return (r->link_hash[i]);
			}
	}
	url = xstrdup(url);
	free(s);
	if (d->nlinks == r->alloc_links) {
		r->alloc_links = r->alloc_links == 0 ? 16 :
		    r->alloc_links * 2;
		d->links = xreallocarray(d->links, r->alloc_links,
		    sizeof(*d->links));
	}
	d->links[d->nlinks++] = url;
	hash_put(r, d->nlinks);
	return (d->nlinks);
}

/* Absolute URL of a link: resolved against the article's address. */
static char *
resolve(const char *base, const char *url)
{
	char *u;

	if (base == NULL || *base == '\0' ||
	    (u = url_resolve(base, url)) == NULL)
		return (xstrdup(url));
	return (u);
}

void
hr_links_resolve(struct hr_render *r)
{
	char *u;
	size_t i;

	for (i = 0; i < r->doc->nlinks; i++) {
		u = resolve(r->base, r->doc->links[i]);
		free(r->doc->links[i]);
		r->doc->links[i] = text_sanitize(u, 0);
		free(u);
	}
}

void
hr_link_list(struct hr_render *r)
{
	struct html_doc *d = r->doc;
	struct html_line *l;
	struct buf b;
	size_t i, salloc, mlen;

	if (d->nlinks == 0)
		return;
	r->nctx = 0;
	r->want_blank = true;
	for (i = 0; i < d->nlinks; i++) {
		buf_init(&b, BUF_CAP_BODY);
		(void)buf_addf(&b, "[%zu]: ", i + 1);
		mlen = b.len;
		(void)buf_addstr(&b, d->links[i]);
		hr_emit(r, buf_str(&b), b.len, 0, NULL, 0, 0, 0);
		buf_free(&b);
		l = &d->lines[d->nlines - 1];
		free(l->spans);
		l->spans = NULL;
		l->nspans = salloc = 0;
		hr_span_add(&l->spans, &l->nspans, &salloc, 0, mlen,
		    HTML_ATTR_MARKER, 0);
		hr_span_add(&l->spans, &l->nspans, &salloc, mlen,
		    strlen(l->text) - mlen, HTML_ATTR_LINK, i + 1);
	}
}
