/* opml: OPML in (expat) and out. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <expat.h>

#include "msg.h"
#include "opml.h"
#include "xmalloc.h"

#define NSSEP	'\x01'

struct opml_state {
	XML_Parser	  xp;
	struct urls_list *list;
	const char	 *name;
	urls_warn_fn	 *warn;
	void		 *ctx;
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
	if (st->warn != NULL)
		st->warn(st->ctx, st->name, line, msg);
	else
		msg_warn("%s:%u: %s", st->name, line, msg);
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
	size_t n;

	while (*p != '\0') {
		comma = strchr(p, ',');
		n = comma != NULL ? (size_t)(comma - p) : strlen(p);
		while (n > 0 && (*p == ' ' || *p == '/'))
			p++, n--;
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0) {
			tag = xstrndup(p, n);
			urls_feed_add_tag(feed, tag);
			free(tag);
		}
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static void
outline_feed(struct opml_state *st, const char **atts, const char *url)
{
	struct urls_feed feed;
	const char *text, *title, *cat, *gz;
	unsigned line = (unsigned)XML_GetCurrentLineNumber(st->xp);
	int i;

	urls_feed_init(&feed);
	if (urls_kind_of(url, &feed.kind) == -1) {
		warn_line(st, "not a URL gazette can read: '%.80s'; skipped",
		    url);
		return;
	}
	if (urls_find(st->list, url) != -1) {
		warn_line(st, "duplicate feed '%.80s' skipped", url);
		return;
	}
	gz = attr(atts, OPML_NS "\x01" "tags");
	if (gz != NULL)
		(void)urls_parse_tags(gz, &feed, st->name, line, st->warn,
		    st->ctx);
	title = attr(atts, "title");
	text = attr(atts, "text");
	if (feed.title == NULL) {
		if (title != NULL && title[0] != '\0')
			feed.title = xstrdup(title);
		else if (text != NULL && text[0] != '\0' &&
		    strcmp(text, url) != 0)
			feed.title = xstrdup(text);
	}
	for (i = 0; i < st->depth; i++)
		if (st->is_folder[i] && st->folders[i] != NULL)
			urls_feed_add_tag(&feed, st->folders[i]);
	if ((cat = attr(atts, "category")) != NULL)
		add_categories(&feed, cat);
	feed.url = xstrdup(url);
	feed.line = line;
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
			st->folders[st->depth] = xstrdup(label);
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
	st.warn = warn;
	st.ctx = ctx;
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
	FILE *fp;
	int rc;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		return (-1);
	}
	buf_init(&b, OPML_MAX_FILE);
	rc = 0;
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		if (buf_add(&b, chunk, n) == -1) {
			err_set(err, ERR_LIMIT, "%s: larger than %u bytes",
			    path, OPML_MAX_FILE);
			rc = -1;
			break;
		}
	if (rc == 0 && ferror(fp)) {
		err_set(err, ERR_IO, "%s: read error", path);
		rc = -1;
	}
	if (fp != stdin)
		fclose(fp);
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
