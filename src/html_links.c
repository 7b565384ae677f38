/*
 * html_links: the renderer's links.  Each distinct URL gets one number
 * (an open-addressing hash finds it again); unsafe schemes get none; at
 * the end the URLs are resolved against the article's address and may
 * be listed after the text, long ones wrapped.  The links belong to the
 * root renderer (r->root), whose document holds them.
 */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
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
	/* r is the root. */
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
	struct html_doc *d;
	char *s, *url;
	size_t i;

	r = r->root;
	d = r->doc;
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
		d->notes = xreallocarray(d->notes, r->alloc_links,
		    sizeof(*d->notes));
	}
	d->notes[d->nlinks] = NULL;
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
hr_link_note(struct hr_render *r, size_t n, const char *note)
{
	struct html_doc *d = r->root->doc;

	if (n == 0 || n > d->nlinks || d->notes[n - 1] != NULL)
		return;
	d->notes[n - 1] = text_sanitize(note, 0);
}

/* A size as people read it: "820 bytes", "12.3 MB". */
static void
size_note(struct buf *b, int64_t n)
{
	static const char *unit[] = { "kB", "MB", "GB", "TB" };
	double v = (double)n;
	size_t u = 0;

	if (n < 1000) {
		(void)buf_addf(b, ", %" PRId64 " bytes", n);
		return;
	}
	v /= 1000;
	while (v >= 999.95 && u + 1 < sizeof(unit) / sizeof(unit[0])) {
		v /= 1000;
		u++;
	}
	(void)buf_addf(b, ", %.1f %s", v, unit[u]);
}

void
hr_link_enclosures(struct hr_render *r, const struct enclosure *e, size_t n)
{
	struct buf note;
	size_t i, k;

	buf_init(&note, BUF_CAP_TEXT);
	for (i = 0; i < n; i++) {
		if (e[i].url == NULL || (k = hr_link_number(r, e[i].url)) == 0)
			continue;
		buf_reset(&note);
		(void)buf_addstr(&note, "enclosure");
		if (e[i].type != NULL && e[i].type[0] != '\0')
			(void)buf_addf(&note, ", %s", e[i].type);
		if (e[i].length > 0)
			size_note(&note, e[i].length);
		hr_link_note(r, k, buf_str(&note));
	}
	buf_free(&note);
}

/*
 * "[n]: URL (note)": the URL cut at character boundaries to the width
 * (every character kept: a URL is not words), the lines after the first
 * indented under it; the note on the last line if it fits, else on its
 * own lines.
 */
static void
list_entry(struct hr_render *r, size_t n, const char *url, const char *note)
{
	struct html_span sp[2];
	struct text_line *wl;
	struct buf b;
	char label[32];
	size_t llen, indent, avail, len, piece, i, nw, used;
	int k;

	k = snprintf(label, sizeof(label), "[%zu]: ", n);
	llen = (size_t)k;
	indent = llen <= r->width / 2 ? llen : r->width / 2;
	buf_init(&b, BUF_CAP_BODY);
	len = strlen(url);
	/* The first line: the label, then as much of the URL as fits. */
	avail = r->width > llen ? r->width - llen : 0;
	(void)buf_add(&b, label, llen);
	sp[0] = (struct html_span){ 0, llen, HTML_ATTR_MARKER, 0 };
	piece = avail > 0 ? hr_cut(url, len, avail) : 0;
	used = llen;
	for (;;) {
		(void)buf_add(&b, url, piece);
		sp[1] = (struct html_span){ b.len - piece, piece,
		    HTML_ATTR_LINK, n };
		url += piece;
		len -= piece;
		used += text_width_n(url - piece, piece);
		if (len == 0)
			break;
		hr_emit_spans(r, buf_str(&b), b.len, sp, piece > 0 ? 2 : 1);
		buf_reset(&b);
		(void)buf_addf(&b, "%*s", (int)indent, "");
		sp[0] = (struct html_span){ 0, indent, HTML_ATTR_MARKER, 0 };
		piece = hr_cut(url, len, r->width - indent);
		used = indent;
	}
	if (note == NULL) {
		hr_emit_spans(r, buf_str(&b), b.len, sp, 2);
		buf_free(&b);
		return;
	}
	/* " (note)" on the same line when it fits. */
	if (used + 3 + text_width(note) <= r->width) {
		(void)buf_addf(&b, " (%s)", note);
		hr_emit_spans(r, buf_str(&b), b.len, sp, 2);
		buf_free(&b);
		return;
	}
	hr_emit_spans(r, buf_str(&b), b.len, sp, 2);
	buf_reset(&b);
	(void)buf_addf(&b, "(%s)", note);
	nw = text_wrap(buf_str(&b), r->width - indent, &wl);
	for (i = 0; i < nw; i++) {
		struct buf l;

		buf_init(&l, BUF_CAP_BODY);
		(void)buf_addf(&l, "%*s", (int)indent, "");
		(void)buf_add(&l, b.data + wl[i].off, wl[i].len);
		hr_emit_spans(r, buf_str(&l), l.len, NULL, 0);
		buf_free(&l);
	}
	free(wl);
	buf_free(&b);
}

void
hr_link_list(struct hr_render *r)
{
	struct html_doc *d = r->doc;
	size_t i;

	if (d->nlinks == 0)
		return;
	r->nctx = 0;
	r->want_blank = true;
	for (i = 0; i < d->nlinks; i++)
		list_entry(r, i + 1, d->links[i], d->notes[i]);
}
