/*
 * feed_xml: the expat side of the feed parser.  The bytes reach expat
 * as UTF-8 after the repair filter (feed_filter.c).
 *
 * Entities: expat keeps its billion-laughs protection (tightened below).
 * A foreign DTD is announced and "read" as empty, so that references to
 * entities nobody declared are reported to the skipped-entity handler
 * instead of being fatal; external entities (and DTDs) are never loaded.
 *
 * Namespaces are resolved here rather than by expat, so that a document
 * using dc: or media: without declaring it still parses (well-known
 * prefixes fall back to their usual namespace).
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "feed_internal.h"
#include "url.h"
#include "xmalloc.h"

/* Namespaces. */

static const struct {
	const char	*uri;	/* lower case, no trailing '/' or '#' */
	int		 ns;
} known_ns[] = {
	{ "http://purl.org/rss/1.0", NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9", NS_RSS },
	{ "http://backend.userland.com/rss2", NS_RSS },
	{ "http://backend.userland.com/rss", NS_RSS },
	{ "http://www.w3.org/2005/atom", NS_ATOM },
	{ "http://purl.org/atom/ns", NS_ATOM03 },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns", NS_RDF },
	{ "http://purl.org/rss/1.0/modules/content", NS_CONTENT },
	{ "http://purl.org/dc/elements/1.1", NS_DC },
	{ "http://purl.org/dc/terms", NS_DCTERMS },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.itunes.com/dtds/podcast-1.0.dtd", NS_ITUNES },
	{ "http://www.w3.org/1999/xhtml", NS_XHTML },
	{ "http://www.w3.org/xml/1998/namespace", NS_XML }
};

/* Prefixes used without a declaration: their usual meaning. */
static const struct {
	const char	*prefix;
	int		 ns;
} known_prefix[] = {
	{ "atom", NS_ATOM }, { "content", NS_CONTENT }, { "dc", NS_DC },
	{ "dcterms", NS_DCTERMS }, { "itunes", NS_ITUNES },
	{ "media", NS_MEDIA }, { "rdf", NS_RDF }, { "xhtml", NS_XHTML },
	{ "xml", NS_XML }
};

static int
ns_of_uri(struct fx *x, const char *uri)
{
	size_t n = strlen(uri), i, k;

	while (n > 0 && (uri[n - 1] == '/' || uri[n - 1] == '#'))
		n--;
	for (i = 0; i < sizeof(known_ns) / sizeof(known_ns[0]); i++) {
		const char *u = known_ns[i].uri;

		if (strlen(u) != n)
			continue;
		for (k = 0; k < n; k++) {
			char c = uri[k];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			if (c != u[k])
				break;
		}
		if (k == n) {
			if (strstr(uri, "netscape") != NULL)
				x->saw_rss090 = true;
			return (known_ns[i].ns);
		}
	}
	/* Atom 0.3 drafts carry a suffix after ns#. */
	if (strncmp(uri, "http://purl.org/atom/ns#", 24) == 0)
		return (NS_ATOM03);
	return (NS_OTHER);
}

static int
ns_of_prefix(const struct fx *x, const char *prefix, size_t len)
{
	size_t i;

	for (i = x->n_bind; i > 0; i--) {
		const char *p = x->bind[i - 1].prefix;

		if (strlen(p) == len && memcmp(p, prefix, len) == 0)
			return (x->bind[i - 1].ns);
	}
	if (len == 0)
		return (NS_NONE);
	for (i = 0; i < sizeof(known_prefix) / sizeof(known_prefix[0]); i++)
		if (strlen(known_prefix[i].prefix) == len &&
		    memcmp(known_prefix[i].prefix, prefix, len) == 0)
			return (known_prefix[i].ns);
	return (NS_OTHER);
}

/* Element tokens. */

struct tokname {
	const char	*name;
	int		 tok;
};

/* Sorted by name (strcmp order) for bsearch. */
static const struct tokname core_names[] = {
	{ "RDF", T_RDF },
	{ "author", T_AUTHOR }, { "category", T_CATEGORY },
	{ "channel", T_CHANNEL }, { "content", T_CONTENT },
	{ "created", T_CREATED }, { "description", T_DESCRIPTION },
	{ "email", T_EMAIL }, { "enclosure", T_ENCLOSURE },
	{ "entry", T_ENTRY }, { "feed", T_FEED }, { "guid", T_GUID },
	{ "id", T_ID }, { "issued", T_ISSUED }, { "item", T_ITEM },
	{ "link", T_LINK }, { "modified", T_MODIFIED }, { "name", T_NAME },
	{ "pubDate", T_PUBDATE }, { "published", T_PUBLISHED },
	{ "rss", T_RSS }, { "source", T_SOURCE }, { "subtitle", T_SUBTITLE },
	{ "summary", T_SUMMARY }, { "tagline", T_TAGLINE },
	{ "title", T_TITLE }, { "ttl", T_TTL }, { "updated", T_UPDATED }
};

static const struct tokname dc_names[] = {
	{ "creator", T_DC_CREATOR }, { "date", T_DC_DATE },
	{ "description", T_DC_DESCRIPTION }, { "subject", T_DC_SUBJECT },
	{ "title", T_DC_TITLE }
};

static const struct tokname dcterms_names[] = {
	{ "created", T_DCT_CREATED }, { "issued", T_DCT_ISSUED },
	{ "modified", T_DCT_MODIFIED }
};

static const struct tokname media_names[] = {
	{ "content", T_MEDIA_CONTENT }, { "description", T_MEDIA_DESCRIPTION },
	{ "group", T_MEDIA_GROUP }, { "thumbnail", T_MEDIA_THUMBNAIL },
	{ "title", T_MEDIA_TITLE }
};

static const struct tokname itunes_names[] = {
	{ "author", T_ITUNES_AUTHOR }, { "image", T_ITUNES_IMAGE },
	{ "summary", T_ITUNES_SUMMARY }
};

static int
tokname_cmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct tokname *)elem)->name));
}

static int
find_tok(const struct tokname *t, size_t n, const char *local)
{
	const struct tokname *hit;

	hit = bsearch(local, t, n, sizeof(*t), tokname_cmp);
	return (hit == NULL ? T_UNKNOWN : hit->tok);
}

#define NTOK(a)	(sizeof(a) / sizeof((a)[0]))

static int
classify(int ns, const char *local)
{
	switch (ns) {
	case NS_NONE:
	case NS_RSS:
	case NS_ATOM:
	case NS_ATOM03:
		return (find_tok(core_names, NTOK(core_names), local));
	case NS_RDF:
		return (strcmp(local, "RDF") == 0 ? T_RDF : T_UNKNOWN);
	case NS_CONTENT:
		return (strcmp(local, "encoded") == 0 ? T_CONTENT_ENCODED :
		    T_UNKNOWN);
	case NS_DC:
		return (find_tok(dc_names, NTOK(dc_names), local));
	case NS_DCTERMS:
		return (find_tok(dcterms_names, NTOK(dcterms_names), local));
	case NS_MEDIA:
		return (find_tok(media_names, NTOK(media_names), local));
	case NS_ITUNES:
		return (find_tok(itunes_names, NTOK(itunes_names), local));
	case NS_XHTML:
		return (strcmp(local, "body") == 0 ? T_XHTML_BODY : T_UNKNOWN);
	default:
		return (T_UNKNOWN);
	}
}

static const char *
local_name(const char *name)
{
	const char *c = strchr(name, ':');

	return (c == NULL ? name : c + 1);
}

/* Helpers for the format files. */

void
fx_stop(struct fx *x, enum err_code code, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_set(x->err, code, "%s", msg);
	x->stop_is_error = true;
	if (!x->stopped) {
		x->stopped = true;
		XML_StopParser(x->xp, XML_FALSE);
	}
}

const char *
fx_attr(const XML_Char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp(atts[i], name) == 0)
			return (atts[i + 1]);
	/* A prefixed form (atom:href, rdf:about under another prefix). */
	for (i = 0; atts[i] != NULL; i += 2)
		if (strcmp(local_name(atts[i]), name) == 0 &&
		    strncmp(atts[i], "xmlns", 5) != 0)
			return (atts[i + 1]);
	return (NULL);
}

const char *
fx_base(const struct fx *x)
{
	if (x->n_base > 0)
		return (x->base[x->n_base - 1].url);
	return (x->opts->base_url);
}

/*
 * An absolute reference is kept as written (trimmed): only relative ones
 * are resolved, so a link reads exactly as the feed gave it.
 */
char *
fx_resolve(const struct fx *x, const char *ref)
{
	char *r;

	const char *base = fx_base(x);
	static const char dummy[] = "http://gazette.invalid";
	char *abs, *out;

	r = fx_trim(xstrdup(ref));
	if (url_has_scheme(r) || base == NULL)
		return (r);
	if (url_has_scheme(base) || base[0] != '/' || base[1] == '/' ||
	    (r[0] == '/' && r[1] == '/')) {
		free(r);
		return (url_resolve(base, ref));
	}
	/* A root-relative base (xml:base="/blog/" with no --base): resolve
	   on a stand-in host, then take the host away again. */
	abs = xmalloc(sizeof(dummy) + strlen(base));
	memcpy(abs, dummy, sizeof(dummy) - 1);
	memcpy(abs + sizeof(dummy) - 1, base, strlen(base) + 1);
	out = url_resolve(abs, r);
	free(abs);
	if (strncmp(out, dummy, sizeof(dummy) - 1) == 0 &&
	    out[sizeof(dummy) - 1] == '/') {
		memmove(out, out + sizeof(dummy) - 1,
		    strlen(out) - (sizeof(dummy) - 1) + 1);
		free(r);
		return (out);
	}
	free(out);
	return (r);
}

int
fx_parent_tok(const struct fx *x)
{
	return (x->depth >= 2 ? x->stack[x->depth - 1].tok : T_UNKNOWN);
}

void
fx_capture(struct fx *x, enum fx_field field, enum fx_capmode mode,
    enum fx_kind kind, int prio)
{
	x->capturing = true;
	x->cap_depth = x->depth;
	x->cap_mode = mode;
	x->cap_field = field;
	x->cap_kind = kind;
	x->cap_prio = prio;
	x->cap_skip_depth = 0;
	x->cap_full = false;
	buf_reset(&x->cap);
}

/* Capture output, truncated (on a character boundary) at the cap. */
static void
cap_add(struct fx *x, const char *s, size_t n)
{
	size_t room;

	if (x->cap_full)
		return;
	room = FX_TEXT_CAP - x->cap.len;
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		x->cap_full = true;
	}
	buf_add(&x->cap, s, n);
}

static void
cap_add_escaped(struct fx *x, const char *s, size_t n, bool attr)
{
	size_t i, run = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		default:
			rep = NULL;
		}
		if (rep == NULL)
			continue;
		cap_add(x, s + run, i - run);
		cap_add(x, rep, strlen(rep));
		run = i + 1;
	}
	cap_add(x, s + run, n - run);
}

static bool
is_void(const char *name)
{
	static const char *const voids[] = { "area", "base", "br", "col",
	    "embed", "hr", "img", "input", "link", "meta", "param", "source",
	    "track", "wbr" };
	size_t i;

	for (i = 0; i < NTOK(voids); i++)
		if (strcmp(name, voids[i]) == 0)
			return (true);
	return (false);
}

static bool
blank(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return (*s == '\0');
}

static void
cap_start(struct fx *x, const char *name, const XML_Char **atts)
{
	const char *local = local_name(name);
	size_t i;

	if (x->cap_mode != CAP_HTML && x->cap_mode != CAP_XHTML)
		return;
	if (x->cap_mode == CAP_XHTML && x->depth == x->cap_depth + 1 &&
	    x->cap_skip_depth == 0 && strcmp(local, "div") == 0 &&
	    blank(buf_str(&x->cap))) {
		x->cap_skip_depth = x->depth;
		return;
	}
	cap_add(x, "<", 1);
	cap_add(x, local, strlen(local));
	for (i = 0; atts[i] != NULL; i += 2) {
		if (strncmp(atts[i], "xmlns", 5) == 0 &&
		    (atts[i][5] == '\0' || atts[i][5] == ':'))
			continue;
		cap_add(x, " ", 1);
		cap_add(x, atts[i], strlen(atts[i]));
		cap_add(x, "=\"", 2);
		cap_add_escaped(x, atts[i + 1], strlen(atts[i + 1]), true);
		cap_add(x, "\"", 1);
	}
	if (is_void(local))
		cap_add(x, "/>", 2);
	else
		cap_add(x, ">", 1);
}

static void
cap_end(struct fx *x, const char *name)
{
	const char *local = local_name(name);

	if (x->cap_mode != CAP_HTML && x->cap_mode != CAP_XHTML)
		return;
	if (x->depth == x->cap_skip_depth) {
		x->cap_skip_depth = -1;	/* only the first div */
		return;
	}
	if (is_void(local))
		return;
	cap_add(x, "</", 2);
	cap_add(x, local, strlen(local));
	cap_add(x, ">", 1);
}

static int
b64val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return (c - 'A');
	if (c >= 'a' && c <= 'z')
		return (c - 'a' + 26);
	if (c >= '0' && c <= '9')
		return (c - '0' + 52);
	if (c == '+' || c == '-')
		return (62);
	if (c == '/' || c == '_')
		return (63);
	return (-1);
}

/* Base64 decoded in place; the result is made valid UTF-8. */
static char *
b64_decode(char *s)
{
	struct enc_out o = { NULL, 0, 0 };
	size_t i, j = 0;
	uint32_t acc = 0;
	int bits = 0, v;

	for (i = 0; s[i] != '\0'; i++) {
		if ((v = b64val((unsigned char)s[i])) < 0)
			continue;
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			s[j++] = (char)((acc >> bits) & 0xff);
		}
	}
	enc_utf8_repair((unsigned char *)s, j, true, &o);
	enc_out_add(&o, "", 1);
	free(s);
	return (o.data);
}

static void
cap_finish(struct fx *x)
{
	char *s;

	x->capturing = false;
	s = buf_detach(&x->cap);
	buf_reset(&x->cap);
	if (x->cap_mode == CAP_BASE64)
		s = b64_decode(s);
	fx_unpark(s);
	s = entities_fix_c1(s);
	fx_deliver(x, x->cap_field, s, x->cap_kind, x->cap_prio);
}

/* Expat handlers. */

static void
push_binding(struct fx *x, const char *prefix, int ns)
{
	if (x->n_bind == x->a_bind) {
		x->a_bind = x->a_bind == 0 ? 8 : x->a_bind * 2;
		x->bind = xreallocarray(x->bind, x->a_bind, sizeof(*x->bind));
	}
	x->bind[x->n_bind].prefix = xstrdup(prefix);
	x->bind[x->n_bind].ns = ns;
	x->bind[x->n_bind].depth = x->depth;
	x->n_bind++;
}

static void
push_base(struct fx *x, const char *ref)
{
	if (x->n_base == x->a_base) {
		x->a_base = x->a_base == 0 ? 8 : x->a_base * 2;
		x->base = xreallocarray(x->base, x->a_base, sizeof(*x->base));
	}
	x->base[x->n_base].url = fx_resolve(x, ref);
	x->base[x->n_base].depth = x->depth;
	x->n_base++;
}

static const char *
format_name(enum fx_format f)
{
	switch (f) {
	case FX_RSS2:
		return ("rss2.0");
	case FX_RSS09:
		return ("rss0.9x");
	case FX_RSS1:
		return ("rss1.0");
	case FX_ATOM1:
		return ("atom1.0");
	case FX_ATOM03:
		return ("atom0.3");
	default:
		return (NULL);
	}
}

static void
root_element(struct fx *x, int tok, int ns, const char *name,
    const XML_Char **atts)
{
	const char *v;

	switch (tok) {
	case T_RSS:
		v = fx_attr(atts, "version");
		x->format = v != NULL && strncmp(v, "0.9", 3) == 0 ? FX_RSS09 :
		    FX_RSS2;
		break;
	case T_RDF:
		x->format = x->saw_rss090 ? FX_RSS09 : FX_RSS1;
		break;
	case T_FEED:
		v = fx_attr(atts, "version");
		x->format = ns == NS_ATOM03 || (v != NULL &&
		    strcmp(v, "0.3") == 0) ? FX_ATOM03 : FX_ATOM1;
		x->chan_depth = 1;
		break;
	case T_CHANNEL:
		x->format = FX_RSS09;
		x->chan_depth = 1;
		break;
	default:
		fx_stop(x, ERR_NOTFEED, "not a feed: the document is <%.64s>",
		    name);
		return;
	}
	x->root_seen = true;
	x->meta->format = format_name(x->format);
}

/*
 * RSS has no namespace, yet some documents give it one (Userland's
 * rss2.1, or a made-up URI).  An <rss> root in a namespace we do not know
 * makes that prefix RSS's for the document; inside an RSS document an
 * unprefixed element in an unknown default namespace is RSS's own, since
 * extensions come with prefixes.  Returns the namespace to use.
 */
static int
rss_in_other_ns(struct fx *x, const char *name, const char *colon)
{
	char *prefix;

	if (x->depth == 1) {
		if (strcmp(colon == NULL ? name : colon + 1, "rss") != 0)
			return (NS_OTHER);
		prefix = colon == NULL ? xstrdup("") :
		    xstrndup(name, (size_t)(colon - name));
		push_binding(x, prefix, NS_RSS);
		free(prefix);
		return (NS_RSS);
	}
	if (colon == NULL && (x->format == FX_RSS2 || x->format == FX_RSS09 ||
	    x->format == FX_RSS1))
		return (NS_RSS);
	return (NS_OTHER);
}

static void XMLCALL
on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct fx *x = ud;
	const char *colon, *v;
	size_t i;
	int ns, tok;

	if (x->stopped)
		return;
	if (x->depth >= FX_MAX_DEPTH) {
		fx_stop(x, ERR_LIMIT, "elements nested deeper than %d",
		    FX_MAX_DEPTH);
		return;
	}
	x->depth++;
	x->stack[x->depth].tok = T_UNKNOWN;
	x->stack[x->depth].ns = NS_OTHER;
	if (x->capturing) {
		cap_start(x, name, atts);
		return;
	}
	v = NULL;
	for (i = 0; atts[i] != NULL; i += 2) {
		if (atts[i][0] != 'x' || strncmp(atts[i], "xml", 3) != 0)
			continue;
		if (strcmp(atts[i] + 3, ":base") == 0)
			v = atts[i + 1];
		if (strncmp(atts[i] + 3, "ns", 2) != 0)
			continue;
		if (atts[i][5] == '\0')
			push_binding(x, "", atts[i + 1][0] == '\0' ? NS_NONE :
			    ns_of_uri(x, atts[i + 1]));
		else if (atts[i][5] == ':')
			push_binding(x, atts[i] + 6, ns_of_uri(x,
			    atts[i + 1]));
	}
	if (v != NULL)
		push_base(x, v);
	colon = strchr(name, ':');
	if (colon == NULL) {
		ns = ns_of_prefix(x, "", 0);
		tok = classify(ns, name);
	} else {
		ns = ns_of_prefix(x, name, (size_t)(colon - name));
		tok = classify(ns, colon + 1);
	}
	if (ns == NS_OTHER && (ns = rss_in_other_ns(x, name, colon)) == NS_RSS)
		tok = classify(ns, colon == NULL ? name : colon + 1);
	x->stack[x->depth].tok = (uint8_t)tok;
	x->stack[x->depth].ns = (uint8_t)ns;
	if (x->depth == 1) {
		root_element(x, tok, ns, name, atts);
		return;
	}
	if (tok == T_UNKNOWN)
		return;
	if (atom_is_elem(x, ns))
		atom_start(x, tok, ns, atts);
	else
		rss_start(x, tok, ns, atts);
}

static void XMLCALL
on_end(void *ud, const XML_Char *name)
{
	struct fx *x = ud;
	int tok, ns;

	if (x->stopped)
		return;
	if (x->capturing && x->depth > x->cap_depth) {
		cap_end(x, name);
		x->depth--;
		return;
	}
	if (x->capturing)
		cap_finish(x);
	tok = x->stack[x->depth].tok;
	ns = x->stack[x->depth].ns;
	if (tok != T_UNKNOWN && x->depth > 1) {
		if (atom_is_elem(x, ns))
			atom_end(x, tok, ns);
		else
			rss_end(x, tok, ns);
	}
	while (x->n_bind > 0 && x->bind[x->n_bind - 1].depth == x->depth) {
		free(x->bind[x->n_bind - 1].prefix);
		x->n_bind--;
	}
	while (x->n_base > 0 && x->base[x->n_base - 1].depth == x->depth) {
		free(x->base[x->n_base - 1].url);
		x->n_base--;
	}
	x->depth--;
	if (x->depth == 0)
		x->root_closed = true;
}

static void XMLCALL
on_text(void *ud, const XML_Char *s, int len)
{
	struct fx *x = ud;

	if (!x->capturing || x->cap_full || x->stopped)
		return;
	if (x->cap_mode == CAP_XHTML || (x->cap_mode == CAP_HTML &&
	    x->depth > x->cap_depth))
		cap_add_escaped(x, s, (size_t)len, false);
	else
		cap_add(x, s, (size_t)len);
}

static void XMLCALL
on_skipped(void *ud, const XML_Char *name, int is_param)
{
	struct fx *x = ud;

	if (is_param || !x->capturing || x->stopped)
		return;
	cap_add(x, "&", 1);
	cap_add(x, name, strlen(name));
	cap_add(x, ";", 1);
}

/*
 * External entities and DTDs: never loaded.  For the DTD (context NULL)
 * an empty external subset is "read", which is what makes expat report
 * undeclared entities as skipped rather than as fatal errors.
 */
static int XMLCALL
on_external(XML_Parser xp, const XML_Char *context, const XML_Char *base,
    const XML_Char *system_id, const XML_Char *public_id)
{
	XML_Parser sub;

	(void)base;
	(void)system_id;
	(void)public_id;
	if (context != NULL)
		return (XML_STATUS_OK);
	sub = XML_ExternalEntityParserCreate(xp, context, NULL);
	if (sub == NULL)
		return (XML_STATUS_ERROR);
	XML_Parse(sub, "", 0, XML_TRUE);
	XML_ParserFree(sub);
	return (XML_STATUS_OK);
}

void
fx_init(struct fx *x, const struct feed_parse_opts *opts,
    const struct feed_sink *sink, struct feed_meta *meta, struct err *err)
{
	memset(x, 0, sizeof(*x));
	x->opts = opts;
	x->sink = sink;
	x->meta = meta;
	x->err = err;
	buf_init(&x->cap, FX_TEXT_CAP);
	fx_item_init(&x->item);
	x->xp = XML_ParserCreate("UTF-8");
	if (x->xp == NULL)
		abort();
	XML_SetUserData(x->xp, x);
	XML_SetElementHandler(x->xp, on_start, on_end);
	XML_SetCharacterDataHandler(x->xp, on_text);
	XML_SetSkippedEntityHandler(x->xp, on_skipped);
	XML_SetExternalEntityRefHandler(x->xp, on_external);
	XML_SetParamEntityParsing(x->xp,
	    XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE);
	XML_UseForeignDTD(x->xp, XML_TRUE);
#if XML_MAJOR_VERSION > 2 || (XML_MAJOR_VERSION == 2 && XML_MINOR_VERSION >= 4)
	/* Feeds need no entity expansion to speak of (HTML references are
	   replaced before expat): allow little of it. */
	XML_SetBillionLaughsAttackProtectionMaximumAmplification(x->xp,
	    10.0f);
	XML_SetBillionLaughsAttackProtectionActivationThreshold(x->xp,
	    1024 * 1024);
#endif
}

void
fx_free(struct fx *x)
{
	size_t i;

	if (x->xp != NULL)
		XML_ParserFree(x->xp);
	for (i = 0; i < x->n_bind; i++)
		free(x->bind[i].prefix);
	free(x->bind);
	for (i = 0; i < x->n_base; i++)
		free(x->base[i].url);
	free(x->base);
	buf_free(&x->cap);
	fx_item_clear(&x->item);
	free(x->atom_name);
	free(x->atom_email);
	free(x->feed_author);
	memset(x, 0, sizeof(*x));
}
