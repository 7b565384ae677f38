/* opml: OPML in (expat) and out. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "opml.h"
#include "text.h"
#include "userfile.h"
#include "xmalloc.h"

#define NSSEP	'\x01'

struct opml_state {
	XML_Parser	  xp;
	struct urls_list *list;
	const char	 *name;
	struct userfile_warns warns;	/* at most USERFILE_MAX_WARNINGS */
	char		 *folders[OPML_MAX_DEPTH];
	int		  is_folder[OPML_MAX_DEPTH];
	int		  depth;	/* outline nesting */
	int		  elements;	/* all elements, for the depth cap */
	int		  saw_opml;
	int		  too_deep;
};

static void	warn_line(struct opml_state *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

static void
warn_line(struct opml_state *st, const char *fmt, ...)
{
	char msg[512];
	unsigned line = (unsigned)XML_GetCurrentLineNumber(st->xp);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	userfile_warn(&st->warns, st->name, line, msg);
}

/*
 * Text from the document made fit for one urls token: control
 * characters and escape sequences removed, line breaks and tabs made
 * spaces (text_sanitize), then trimmed.  NULL when nothing is left.
 */
static char *
clean_text(const char *s)
{
	char *t = text_sanitize(s, 0), *start = t;
	size_t n;

	while (*start == ' ')
		start++;
	n = strlen(start);
	while (n > 0 && start[n - 1] == ' ')
		n--;
	if (n == 0) {
		free(t);
		return (NULL);
	}
	memmove(t, start, n);
	t[n] = '\0';
	return (t);
}

static void
add_clean_tag(struct urls_feed *feed, const char *tag)
{
	char *t;

	if ((t = clean_text(tag)) != NULL) {
		(void)urls_feed_add_tag(feed, t);
		free(t);
	}
}

/* Titles and tags made fit for one urls line (see clean_text). */
static void
clean_feed(struct urls_feed *feed)
{
	char **tags = feed->tags, *t;
	size_t i, n = feed->n_tags;

	if (feed->title != NULL) {
		t = clean_text(feed->title);
		free(feed->title);
		feed->title = t;
	}
	feed->tags = NULL;
	feed->n_tags = 0;
	for (i = 0; i < n; i++) {
		add_clean_tag(feed, tags[i]);
		free(tags[i]);
	}
	free(tags);
}

/* A cleaned, shortened copy of s for a message ("" when none). */
static char *
short_text(const char *s, size_t cells)
{
	char *t = s != NULL ? clean_text(s) : NULL, *r;

	r = text_truncate(t != NULL ? t : "", cells);
	free(t);
	return (r);
}

/* How a warning names an outline: its title and its URL. */
static void
outline_name(char *out, size_t size, const char *title, const char *url)
{
	char *t = short_text(title, 60), *u = short_text(url, 80);

	if (t[0] != '\0' && strcmp(t, u) != 0)
		snprintf(out, size, "'%s' (%s)", t, u);
	else
		snprintf(out, size, "'%s'", u);
	free(t);
	free(u);
}

static const char *
local_name(const char *name)
{
	const char *p = strrchr(name, NSSEP);

	return (p != NULL ? p + 1 : name);
}

static const char *
attr(const char **atts, const char *want)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], want) == 0)
			return (atts[i + 1]);
	return (NULL);
}

static void
add_categories(struct urls_feed *feed, const char *cat)
{
	const char *p = cat, *comma;
	char *tag;
	size_t n, seen = 0;

	/* Bounded work even for a million duplicates. */
	while (*p != '\0' && seen++ < 4 * URLS_MAX_TAGS) {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		while (n > 0 && (*p == ' ' || *p == '/'))
			p++, n--;
		if (n > 0) {
			tag = xstrndup(p, n);
			add_clean_tag(feed, tag);
			free(tag);
		}
		if (comma == NULL || feed->tags_dropped)
			break;
		p = comma + 1;
	}
}

static void
outline_feed(struct opml_state *st, const char **atts, const char *url)
{
	struct urls_feed feed;
	const char *text, *title, *cat, *gz, *why;
	unsigned line = (unsigned)XML_GetCurrentLineNumber(st->xp);
	char name[512];
	int i;

	urls_feed_init(&feed);
	title = attr(atts, "title");
	text = attr(atts, "text");
	outline_name(name, sizeof(name), title != NULL && title[0] != '\0' ?
	    title : text, url);
	if (urls_kind_of(url, &feed.kind) == -1) {
		warn_line(st, "outline %s: not a URL gazette can read; "
		    "skipped", name);
		return;
	}
	/* Never a command, a query or a local file: only the web. */
	if (feed.kind != URLS_HTTP) {
		warn_line(st, "outline %s: only http and https feeds are "
		    "imported; skipped", name);
		return;
	}
	if (urls_find(st->list, url) != -1) {
		warn_line(st, "outline %s: a duplicate feed; skipped",
		    name);
		return;
	}
	gz = attr(atts, OPML_NS "\x01" "tags");
	if (gz != NULL)
		(void)urls_parse_tags(gz, &feed, st->name, line, userfile_warn,
		    &st->warns);
	if (feed.set.proxy != NULL && feed.set.proxy[0] != '\0') {
		/* A document must not route a feed through its own proxy. */
		warn_line(st, "outline %s: its @proxy setting is not "
		    "imported", name);
		free(feed.set.proxy);
		feed.set.proxy = NULL;
	}
	if (feed.title == NULL) {
		if (title != NULL && title[0] != '\0')
			feed.title = xstrdup(title);
		else if (text != NULL && text[0] != '\0' &&
		    strcmp(text, url) != 0)
			feed.title = xstrdup(text);
	}
	for (i = 0; i < st->depth; i++)
		if (st->is_folder[i] && st->folders[i] != NULL)
			(void)urls_feed_add_tag(&feed, st->folders[i]);
	if ((cat = attr(atts, "category")) != NULL)
		add_categories(&feed, cat);
	feed.url = xstrdup(url);
	feed.line = line;
	clean_feed(&feed);
	if (feed.tags_dropped)
		warn_line(st, "outline %s: more than %d tags; the rest "
		    "ignored", name, URLS_MAX_TAGS);
	if (urls_feed_check(&feed, &why) == -1)
		warn_line(st, "outline %s: %s; skipped", name, why);
	else
		urls_list_add(st->list, &feed);
	urls_feed_clear(&feed);
}

static void XMLCALL
on_start(void *data, const char *name, const char **atts)
{
	struct opml_state *st = data;
	const char *local = local_name(name), *url, *label;

	if (++st->elements > OPML_MAX_DEPTH * 2) {
		if (!st->too_deep)
			warn_line(st, "%s", "outlines nested too deep; "
			    "the deeper ones are ignored");
		st->too_deep = 1;
		return;
	}
	if (st->elements == 1) {
		if (strcmp(name, "opml") == 0)
			st->saw_opml = 1;
		return;
	}
	if (strcmp(local, "outline") != 0 || name != local)
		return;
	url = attr(atts, "xmlUrl");
	if (url == NULL)
		url = attr(atts, "xmlurl");	/* seen in the wild */
	if (st->depth >= OPML_MAX_DEPTH) {
		st->depth++;
		return;
	}
	st->folders[st->depth] = NULL;
	st->is_folder[st->depth] = url == NULL;
	if (url != NULL)
		outline_feed(st, atts, url);
	else {
		label = attr(atts, "text");
		if (label == NULL || label[0] == '\0')
			label = attr(atts, "title");
		if (label != NULL && label[0] != '\0')
			st->folders[st->depth] = clean_text(label);
	}
	st->depth++;
}

static void XMLCALL
on_end(void *data, const char *name)
{
	struct opml_state *st = data;

	if (st->elements-- > OPML_MAX_DEPTH * 2)
		return;
	if (strcmp(local_name(name), "outline") != 0 || strchr(name, NSSEP))
		return;
	if (st->depth == 0)
		return;
	st->depth--;
	if (st->depth < OPML_MAX_DEPTH) {
		free(st->folders[st->depth]);
		st->folders[st->depth] = NULL;
	}
}

int
opml_parse(const char *data, size_t len, const char *name,
    struct urls_list *list, urls_warn_fn *warn, void *ctx, struct err *err)
{
	struct opml_state st;
	size_t before = list->n;
	int rc = 0, i;

	memset(&st, 0, sizeof(st));
	st.list = list;
	st.name = name;
	userfile_warns_init(&st.warns, name, warn != NULL ? warn :
	    urls_warn_stderr, ctx);
	st.xp = XML_ParserCreateNS(NULL, NSSEP);
	if (st.xp == NULL)
		abort();
	XML_SetUserData(st.xp, &st);
	XML_SetElementHandler(st.xp, on_start, on_end);
	XML_SetParamEntityParsing(st.xp, XML_PARAM_ENTITY_PARSING_NEVER);
	do {
		size_t n = len > (1u << 30) ? (1u << 30) : len;

		if (XML_Parse(st.xp, data, (int)n, n == len) ==
		    XML_STATUS_ERROR) {
			err_set(err, ERR_PARSE, "%s:%lu: %s", name,
			    (unsigned long)XML_GetCurrentLineNumber(st.xp),
			    XML_ErrorString(XML_GetErrorCode(st.xp)));
			rc = 1;
			break;
		}
		data += n;
		len -= n;
	} while (len > 0);
	userfile_warns_end(&st.warns);
	for (i = 0; i < OPML_MAX_DEPTH; i++)
		free(st.folders[i]);
	XML_ParserFree(st.xp);
	if (!st.saw_opml && list->n == before) {
		err_set(err, ERR_NOTFEED, "%s: not an OPML document", name);
		return (-1);
	}
	return (rc);
}

int
opml_load(const char *path, struct urls_list *list, urls_warn_fn *warn,
    void *ctx, struct err *err)
{
	struct buf b;
	char chunk[65536];
	size_t n;
	int rc = 0;

	buf_init(&b, OPML_MAX_FILE);
	if (strcmp(path, "-") != 0)
		rc = userfile_read(path, OPML_MAX_FILE, &b, NULL, err);
	else {
		while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
			if (buf_add(&b, chunk, n) == -1) {
				err_set(err, ERR_LIMIT, "%s: larger than %u "
				    "bytes", path, OPML_MAX_FILE);
				rc = -1;
				break;
			}
		if (rc == 0 && ferror(stdin)) {
			err_set(err, ERR_IO, "%s: read error", path);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = opml_parse(buf_str(&b), b.len, path, list, warn, ctx, err);
	buf_free(&b);
	return (rc);
}

/* Length of the valid UTF-8 sequence at s, or 0 when it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;
	unsigned c = s[0];
	unsigned long cp;

	if (c < 0x80)
		return (1);
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, cp = c & 0x07;
	else
		return (0);
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    cp == 0xfffe || cp == 0xffff)
		return (0);
	return (n);
}

/* XML attribute value escaping. */
static void
add_escaped(struct buf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n;

	while (*p != '\0') {
		switch (*p) {
		case '&': buf_addstr(out, "&amp;"); break;
		case '<': buf_addstr(out, "&lt;"); break;
		case '>': buf_addstr(out, "&gt;"); break;
		case '"': buf_addstr(out, "&quot;"); break;
		case '\t': buf_addstr(out, "&#9;"); break;
		case '\n': buf_addstr(out, "&#10;"); break;
		case '\r': buf_addstr(out, "&#13;"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				break;	/* not allowed in XML 1.0 */
			if ((n = utf8_len(p)) == 0) {
				buf_addstr(out, "\xef\xbf\xbd");
				break;
			}
			buf_add(out, p, n);
			p += n;
			continue;
		}
		p++;
	}
}

static void
attr_out(struct buf *out, const char *name, const char *value)
{
	buf_addf(out, " %s=\"", name);
	add_escaped(out, value);
	buf_addch(out, '"');
}

void
opml_export(const struct urls_list *list, struct buf *out)
{
	const struct urls_feed *f;
	struct urls_feed copy;
	struct buf cat;
	char *tags;
	size_t i, j;

	buf_addstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\" xmlns:gazette=\"" OPML_NS "\">\n"
	    "  <head>\n    <title>gazette feeds</title>\n  </head>\n"
	    "  <body>\n");
	buf_init(&cat, SIZE_MAX);
	for (i = 0; i < list->n; i++) {
		f = &list->feeds[i];
		if (f->kind == URLS_SEPARATOR)
			continue;	/* decoration, not a feed */
		buf_addstr(out, "    <outline type=\"rss\"");
		attr_out(out, "text", f->title != NULL ? f->title : f->url);
		if (f->title != NULL)
			attr_out(out, "title", f->title);
		attr_out(out, "xmlUrl", f->url);
		buf_reset(&cat);
		for (j = 0; j < f->n_tags; j++) {
			if (strchr(f->tags[j], ',') != NULL)
				continue;	/* gazette:tags keeps it */
			if (cat.len > 0)
				buf_addch(&cat, ',');
			buf_addstr(&cat, f->tags[j]);
		}
		if (cat.len > 0)
			attr_out(out, "category", buf_str(&cat));
		/* Everything but the title, in urls syntax. */
		copy = *f;
		copy.title = NULL;
		tags = urls_format_tags(&copy);
		if (tags[0] != '\0')
			attr_out(out, "gazette:tags", tags);
		free(tags);
		buf_addstr(out, "/>\n");
	}
	buf_free(&cat);
	buf_addstr(out, "  </body>\n</opml>\n");
}
