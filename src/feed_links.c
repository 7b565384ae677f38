/*
 * feed_links: relative links inside an HTML body made absolute against
 * the body's own base, while the feed is parsed.
 *
 * The base of an Atom body is its xml:base: the content element's, else
 * the entry's, else the feed's, else the document's URL (RFC 4287 and
 * XML Base).  The article renderer only knows the item's link, which is
 * another address ("relative/page.html" under xml:base
 * "https://example.org/blog/" is not relative to the entry's link), and
 * the body is stored without its base.  So the parser, the one place that
 * knows the base, rewrites the body's relative references: everything
 * downstream (the store, search, render, `gazette parse`) then sees
 * absolute links.  RSS has no notion of a base: an RSS body is rewritten
 * only under an xml:base; without one its relative links are left to the
 * renderer, which reads them against the item's link, as feed readers
 * usually do.
 *
 * The scan is a small HTML tokenizer: start tags, their attributes
 * (quoted or not), comments skipped.  URL attributes (href, src, poster,
 * cite, longdesc, background, action) holding a relative reference are
 * rewritten with the resolved URL, double-quoted and escaped; anything
 * else is copied byte for byte.  A reference that is only a fragment
 * ("#note-1") points inside the body itself and is left alone.  At most
 * LINKS_MAX links are resolved in one body (each costs a URL parse), so
 * that a hostile body cannot make parsing slow: the rest stay relative.
 */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "entities.h"
#include "feed_internal.h"
#include "url.h"
#include "xmalloc.h"

/* The body may grow to twice the capture cap; past it, it stays as is. */
#define LINKS_CAP	(2 * (size_t)FX_TEXT_CAP)
/* Links resolved in one body at most (each costs a URL parse); those
   after stay relative, for the renderer. */
#define LINKS_MAX	4096

static bool
is_space(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

static bool
is_alpha(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static bool
is_url_attr(const char *name, size_t len)
{
	static const char *const attrs[] = { "href", "src", "poster", "cite",
	    "longdesc", "background", "action" };
	size_t i;

	for (i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++)
		if (strlen(attrs[i]) == len &&
		    strncasecmp(attrs[i], name, len) == 0)
			return (true);
	return (false);
}

struct links {
	const struct fx	*x;
	const char	*in;
	size_t		 copied;	/* in[0..copied) is in out */
	struct buf	 out;
	size_t		 n;		/* links resolved */
	bool		 changed;
	bool		 full;		/* past LINKS_CAP: give up */
};

/* The value v (vlen bytes, still HTML) of a URL attribute that starts
   at in + start and ends at in + end: rewritten when relative. */
static void
rewrite(struct links *l, size_t start, size_t end, const char *name,
    size_t nlen, const char *v, size_t vlen)
{
	char *raw, *ref, *abs;
	const char *p;

	raw = xstrndup(v, vlen);
	ref = entities_decode(raw);
	free(raw);
	abs = fx_trim(ref)[0] == '\0' || ref[0] == '#' ||
	    url_has_scheme(ref) || l->n++ >= LINKS_MAX ? NULL :
	    fx_resolve(l->x, ref);
	if (abs != NULL && strcmp(abs, ref) != 0 && strlen(abs) <=
	    BUF_CAP_URL) {
		if (buf_add(&l->out, l->in + l->copied, start - l->copied) < 0 ||
		    buf_add(&l->out, name, nlen) < 0 ||
		    buf_add(&l->out, "=\"", 2) < 0)
			l->full = true;
		for (p = abs; *p != '\0' && !l->full; p++) {
			if ((*p == '&' ? buf_addstr(&l->out, "&amp;") :
			    *p == '"' ? buf_addstr(&l->out, "&quot;") :
			    *p == '<' ? buf_addstr(&l->out, "&lt;") :
			    buf_addch(&l->out, *p)) < 0)
				l->full = true;
		}
		if (buf_addch(&l->out, '"') < 0)
			l->full = true;
		l->copied = end;
		l->changed = true;
	}
	free(ref);
	free(abs);
}

/* The attributes of a start tag from p (after its name); returns the
   position after the tag. */
static const char *
tag_attrs(struct links *l, const char *p)
{
	const char *name, *v;
	size_t nlen, vlen, start;

	for (;;) {
		while (is_space(*p) || *p == '/')
			p++;
		if (*p == '\0' || *p == '>')
			return (*p == '>' ? p + 1 : p);
		start = (size_t)(p - l->in);
		name = p;
		while (*p != '\0' && !is_space(*p) && *p != '/' && *p != '>' &&
		    *p != '=')
			p++;
		nlen = (size_t)(p - name);
		while (is_space(*p))
			p++;
		if (*p != '=')
			continue;
		p++;
		while (is_space(*p))
			p++;
		if (*p == '"' || *p == '\'') {
			v = p + 1;
			if ((p = strchr(v, *p)) == NULL)
				return (v + strlen(v));	/* cut short */
			vlen = (size_t)(p - v);
			p++;
		} else {
			v = p;
			while (*p != '\0' && !is_space(*p) && *p != '>')
				p++;
			vlen = (size_t)(p - v);
		}
		if (is_url_attr(name, nlen) && !l->full)
			rewrite(l, start, (size_t)(p - l->in), name, nlen, v,
			    vlen);
	}
}

char *
fx_absolute_links(const struct fx *x, char *html)
{
	struct links l;
	const char *p, *base = fx_base(x);

	if (html == NULL || base == NULL || strlen(base) > BUF_CAP_URL ||
	    (x->n_base == 0 && x->format != FX_ATOM1 &&
	    x->format != FX_ATOM03))
		return (html);
	memset(&l, 0, sizeof(l));
	l.x = x;
	l.in = html;
	buf_init(&l.out, LINKS_CAP);
	for (p = html; (p = strchr(p, '<')) != NULL && !l.full;) {
		if (strncmp(p, "<!--", 4) == 0) {
			if ((p = strstr(p + 4, "-->")) == NULL)
				break;
			p += 3;
		} else if (is_alpha(p[1])) {
			for (p++; is_alpha(*p) || (*p >= '0' && *p <= '9');
			    p++)
				;
			p = tag_attrs(&l, p);
		} else
			p++;
	}
	if (!l.changed || l.full ||
	    buf_addstr(&l.out, html + l.copied) < 0) {
		buf_free(&l.out);
		return (html);
	}
	free(html);
	return (buf_detach(&l.out));
}
