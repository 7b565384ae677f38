/*
 * feed_text: captured pieces of an item put where they belong, and the
 * item assembled at its end (title to plain text, link from a permalink
 * guid, guid made up when missing, the richest body chosen).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "entities.h"
#include "feed_internal.h"
#include "guid.h"
#include "url.h"
#include "xmalloc.h"

static bool
is_ws(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

char *
fx_trim(char *s)
{
	size_t n, i = 0;

	if (s == NULL)
		return (NULL);
	n = strlen(s);
	while (n > 0 && is_ws((unsigned char)s[n - 1]))
		n--;
	while (i < n && is_ws((unsigned char)s[i]))
		i++;
	if (i > 0)
		memmove(s, s + i, n - i);
	s[n - i] = '\0';
	return (s);
}

char *
fx_collapse(const char *s)
{
	char *out, *o;
	bool space = false;

	if (s == NULL)
		return (NULL);
	out = o = xmalloc(strlen(s) + 1);
	for (; *s != '\0'; s++) {
		if (is_ws((unsigned char)*s)) {
			space = true;
			continue;
		}
		if (space && o != out)
			*o++ = ' ';
		space = false;
		*o++ = *s;
	}
	*o = '\0';
	if (o == out) {
		free(out);
		return (NULL);
	}
	return (out);
}

void
fx_unpark(char *s)
{
	char *r, *w;

	if (s == NULL || (r = strstr(s, "\xf4\x8f\xbf")) == NULL)
		return;
	w = r;
	while (*r != '\0') {
		if ((unsigned char)r[0] == 0xf4 && (unsigned char)r[1] == 0x8f &&
		    (unsigned char)r[2] == 0xbf &&
		    (unsigned char)r[3] >= 0x80 && (unsigned char)r[3] <= 0x9f) {
			*w++ = (char)((unsigned char)r[3] & 0x1f);
			r += 4;
		} else
			*w++ = *r++;
	}
	*w = '\0';
}

static bool
tag_breaks_words(const char *name, size_t len)
{
	static const char *const blocks[] = { "br", "p", "div", "li", "tr",
	    "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
	    "ul", "ol", "dd", "dt", "hr", "pre", "table" };
	size_t i;

	for (i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
		if (strlen(blocks[i]) == len &&
		    strncasecmp(blocks[i], name, len) == 0)
			return (true);
	return (false);
}

char *
fx_plain_from_html(const char *s)
{
	struct buf b;
	const char *p, *end, *name;
	char *text, *out;
	size_t nlen;

	if (s == NULL)
		return (NULL);
	buf_init(&b, (size_t)-1);
	for (p = s; *p != '\0'; p++) {
		if (p[0] != '<' || !((p[1] >= 'a' && p[1] <= 'z') ||
		    (p[1] >= 'A' && p[1] <= 'Z') || p[1] == '/' ||
		    p[1] == '!' || p[1] == '?')) {
			buf_addch(&b, *p);
			continue;
		}
		if (strncmp(p, "<!--", 4) == 0) {
			end = strstr(p + 4, "-->");
			if (end == NULL)
				break;
			p = end + 2;
			continue;
		}
		end = strchr(p, '>');
		if (end == NULL) {
			buf_addstr(&b, p);
			break;
		}
		name = p + 1 + (p[1] == '/');
		for (nlen = 0; name + nlen < end && ((name[nlen] >= 'a' &&
		    name[nlen] <= 'z') || (name[nlen] >= 'A' &&
		    name[nlen] <= 'Z') || (name[nlen] >= '0' &&
		    name[nlen] <= '9')); nlen++)
			;
		if (tag_breaks_words(name, nlen))
			buf_addch(&b, ' ');
		p = end;
	}
	text = entities_decode(buf_str(&b));
	buf_free(&b);
	out = fx_collapse(text);
	free(text);
	return (out);
}

void
fx_join(char **dst, char *piece)
{
	size_t a, b;

	if (piece == NULL)
		return;
	if (*dst == NULL) {
		*dst = piece;
		return;
	}
	a = strlen(*dst);
	b = strlen(piece);
	*dst = xrealloc(*dst, a + b + 3);
	memcpy(*dst + a, ", ", 2);
	memcpy(*dst + a + 2, piece, b + 1);
	free(piece);
}

void
fx_item_init(struct fx_item *it)
{
	memset(it, 0, sizeof(*it));
	it->published = ITEM_NO_DATE;
	it->updated = ITEM_NO_DATE;
	it->dc_date = ITEM_NO_DATE;
	item_init(&it->lists);
}

void
fx_item_clear(struct fx_item *it)
{
	size_t i;

	free(it->title);
	free(it->media_title);
	free(it->dc_title);
	free(it->link);
	free(it->guid);
	free(it->about);
	free(it->author);
	free(it->dc_creator);
	free(it->itunes_author);
	for (i = 0; i < BODY_N; i++)
		free(it->body[i]);
	item_clear(&it->lists);
	fx_item_init(it);
}

static int64_t
parse_length(const char *s)
{
	char *end;
	long long v;

	if (s == NULL)
		return (-1);
	while (is_ws((unsigned char)*s))
		s++;
	if (*s < '0' || *s > '9')
		return (-1);
	v = strtoll(s, &end, 10);
	while (is_ws((unsigned char)*end))
		end++;
	if (*end != '\0' || v < 0)
		return (-1);
	return ((int64_t)v);
}

void
fx_add_enclosure(struct fx_item *it, char *url, const char *type,
    const char *length)
{
	item_add_enclosure(&it->lists, url, fx_collapse(type),
	    parse_length(length));
}

static void
set_first(char **dst, char *s)
{
	if (*dst == NULL)
		*dst = s;
	else
		free(s);
}

static int64_t
parse_date(char *s)
{
	int64_t t;

	t = date_parse(fx_trim(s));
	free(s);
	return (t);
}

void
fx_deliver(struct fx *x, enum fx_field field, char *s, enum fx_kind kind,
    int prio)
{
	struct fx_item *it = &x->item;
	struct feed_meta *m = x->meta;
	char *c;

	switch (field) {
	case F_META_TITLE:
		if (m->title == NULL)
			m->title = kind == KIND_HTML ? fx_plain_from_html(s) :
			    fx_collapse(s);
		break;
	case F_META_LINK:
		if (prio > x->meta_link_rank && fx_trim(s)[0] != '\0') {
			free(m->link);
			m->link = fx_resolve(x, s);
			x->meta_link_rank = prio;
		}
		break;
	case F_META_DESC:
		/* Present but empty is "", which a later one may replace. */
		if (m->description == NULL || m->description[0] == '\0') {
			c = kind == KIND_HTML ? fx_plain_from_html(s) :
			    fx_collapse(s);
			if (c == NULL && m->description == NULL)
				c = xstrdup("");
			if (c != NULL) {
				free(m->description);
				m->description = c;
			}
		}
		break;
	case F_META_TTL:
		if (m->ttl < 0)
			m->ttl = parse_length(s);
		break;
	case F_TITLE:
		if (it->title == NULL && fx_trim(s)[0] != '\0') {
			it->title = s;
			it->title_kind = kind;
			return;
		}
		break;
	case F_LINK:
		if (prio > it->link_rank && fx_trim(s)[0] != '\0') {
			free(it->link);
			it->link = fx_resolve(x, s);
			it->link_rank = prio;
		}
		break;
	case F_GUID:
		if (it->guid == NULL && fx_trim(s)[0] != '\0') {
			it->guid = s;
			it->guid_permalink = prio != 0;
			return;
		}
		break;
	case F_AUTHOR:
		fx_join(&it->author, fx_collapse(s));
		break;
	case F_DC_CREATOR:
		fx_join(&it->dc_creator, fx_collapse(s));
		break;
	case F_ITUNES_AUTHOR:
		set_first(&it->itunes_author, fx_collapse(s));
		break;
	case F_PUBLISHED:
		if (it->published == ITEM_NO_DATE)
			it->published = parse_date(s);
		else
			free(s);
		return;
	case F_UPDATED:
		if (it->updated == ITEM_NO_DATE)
			it->updated = parse_date(s);
		else
			free(s);
		return;
	case F_DC_DATE:
		if (it->dc_date == ITEM_NO_DATE)
			it->dc_date = parse_date(s);
		else
			free(s);
		return;
	case F_CATEGORY:
		item_add_category(&it->lists, fx_collapse(s));
		break;
	case F_CONTENT:
		/* An empty body is kept (as ""), below any other. */
		if (prio >= 0 && prio < BODY_N && (it->body[prio] == NULL ||
		    (it->body[prio][0] == '\0' && fx_trim(s)[0] != '\0'))) {
			if (kind == KIND_HTML) {
				entities_fix_utf8_refs(s);
				s = fx_absolute_links(x, s);
			}
			free(it->body[prio]);
			it->body[prio] = fx_trim(s);
			it->body_kind[prio] = kind;
			return;
		}
		break;
	case F_MEDIA_TITLE:
		if (it->media_title == NULL && fx_trim(s)[0] != '\0') {
			it->media_title = s;
			return;
		}
		break;
	case F_DC_TITLE:
		if (it->dc_title == NULL && fx_trim(s)[0] != '\0') {
			it->dc_title = s;
			return;
		}
		break;
	case F_ATOM_NAME:
		set_first(&x->atom_name, fx_collapse(s));
		break;
	case F_ATOM_EMAIL:
		set_first(&x->atom_email, fx_collapse(s));
		break;
	case F_NONE:
		break;
	}
	free(s);
}

static bool
starts_ci(const char *s, const char *prefix)
{
	return (strncasecmp(s, prefix, strlen(prefix)) == 0);
}

/* HTML that was escaped twice shows its tags as &lt;p&gt;: undo one. */
static char *
unescape_twice_escaped(char *s)
{
	const char *p;
	char *d;

	if (strchr(s, '<') != NULL)
		return (s);
	for (p = strstr(s, "&lt;"); p != NULL; p = strstr(p + 4, "&lt;")) {
		if ((p[4] >= 'a' && p[4] <= 'z') || (p[4] >= 'A' &&
		    p[4] <= 'Z') || p[4] == '/' || p[4] == '!') {
			d = entities_decode(s);
			free(s);
			return (d);
		}
	}
	return (s);
}

static char *
plain_title(char *s, enum fx_kind kind)
{
	char *t;

	if (s == NULL)
		return (NULL);
	t = kind == KIND_HTML ? fx_plain_from_html(s) : fx_collapse(s);
	return (t);
}

void
fx_item_done(struct fx *x)
{
	struct fx_item *it = &x->item;
	struct item out;
	size_t i;
	int stop;

	item_init(&out);
	out.title = plain_title(it->title, it->title_kind);
	if (out.title == NULL)
		out.title = plain_title(it->media_title, KIND_TEXT);
	if (out.title == NULL)
		out.title = plain_title(it->dc_title, KIND_HTML);
	out.link = it->link;
	it->link = NULL;
	if (out.link == NULL && it->guid != NULL && it->guid_permalink &&
	    (starts_ci(it->guid, "http://") || starts_ci(it->guid,
	    "https://")))
		out.link = fx_trim(xstrdup(it->guid));
	/* The richest body with something in it, else an empty one; the
	   description first if asked for and there. */
	for (i = 0; i < BODY_N; i++)
		if (it->body[i] != NULL && it->body[i][0] != '\0')
			break;
	if (i == BODY_N)
		i = 0;
	if (x->opts->description && it->body[BODY_SUMMARY] != NULL &&
	    it->body[BODY_SUMMARY][0] != '\0')
		i = BODY_SUMMARY;
	for (; i < BODY_N; i++) {
		if (it->body[i] != NULL) {
			out.content = it->body[i];
			it->body[i] = NULL;
			out.content_type = it->body_kind[i] == KIND_HTML ?
			    "html" : "text";
			if (it->body_kind[i] == KIND_HTML)
				out.content = unescape_twice_escaped(
				    out.content);
			break;
		}
	}
	if (it->guid != NULL) {
		out.guid = it->guid;
		it->guid = NULL;
	} else if (it->about != NULL && fx_trim(it->about)[0] != '\0') {
		out.guid = it->about;
		it->about = NULL;
	} else
		out.guid = feed_guid_hash(out.link, out.title, out.content);
	if (it->author != NULL) {
		out.author = it->author;
		it->author = NULL;
	} else if (it->dc_creator != NULL) {
		out.author = it->dc_creator;
		it->dc_creator = NULL;
	} else if (it->itunes_author != NULL) {
		out.author = it->itunes_author;
		it->itunes_author = NULL;
	} else if (x->feed_author != NULL)
		out.author = xstrdup(x->feed_author);
	out.published = it->published != ITEM_NO_DATE ? it->published :
	    it->dc_date;
	out.updated = it->updated;
	out.enclosures = it->lists.enclosures;
	out.n_enclosures = it->lists.n_enclosures;
	out.categories = it->lists.categories;
	out.n_categories = it->lists.n_categories;
	item_init(&it->lists);
	fx_item_clear(it);

	stop = x->sink != NULL && x->sink->item != NULL ?
	    x->sink->item(x->sink->ctx, &out) : 0;
	item_clear(&out);
	x->n_items++;
	if (stop != 0 && !x->stopped) {
		x->stopped = true;
		XML_StopParser(x->xp, XML_FALSE);
	} else if (x->n_items >= (x->opts->max_items != 0 ?
	    x->opts->max_items : FEED_DEFAULT_MAX_ITEMS))
		fx_stop(x, ERR_LIMIT, "stopped after %zu items", x->n_items);
}
