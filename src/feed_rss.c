/*
 * feed_rss: RSS 0.90/0.91/0.92/2.0 and RSS 1.0 (RDF), and the extension
 * modules any feed may carry: content:encoded, Dublin Core (dc:creator,
 * dc:date, dc:subject...), Media RSS (media:content, media:thumbnail,
 * media:group, media:description) and iTunes (author, summary).
 *
 * Fields are read only where they belong: a channel's own children for
 * the feed, an item's own children for the item, so that <image><title>
 * or <source> never overwrite anything.
 *
 * One table says what each element gives.  Precedence between elements
 * that say the same thing is not decided here: each goes to a field or
 * slot of its own and feed_text.c chooses when the item ends
 * (content:encoded over description over itunes:summary over
 * media:description; title over media:title over dc:title; pubDate over
 * dc:date; author over dc:creator over itunes:author), or the first to
 * arrive wins, or, for links, the higher rank (<link> text 3, an href
 * on <link> 2, atom:link 2 or 1).  dc:title names the feed only while
 * it has no title yet.
 */
#include "config.h"

#include <string.h>

#include "feed_internal.h"
#include "xmalloc.h"

/* Rule flags. */
#define R_CORE		0x01	/* RSS's own element: no namespace or the
				   RSS one, in an RSS document only */
#define R_IN_ITEM	0x02	/* anywhere inside an item, not only as its
				   child (Media RSS: media:group and
				   media:content nest them) */
#define R_UNTITLED	0x04	/* the feed field only while the feed has no
				   title yet */
#define R_HREF		0x08	/* an href attribute is a link (an Atom
				   habit, taken as said), rank 2 */
#define R_PERMALINK	0x10	/* prio: isPermaLink is not "false" */
#define R_TYPE_ATTR	0x20	/* type="html" is HTML, anything else text */
#define R_ENCLOSURE	0x40	/* url, type and length attributes make an
				   enclosure of the item; nothing captured */
#define R_STRUCTURE	0x80	/* shapes the document: channel, item,
				   media:group */
#define R_ATTRS		(R_HREF | R_PERMALINK | R_TYPE_ATTR | R_ENCLOSURE)

#define HREF_RANK	2

#define RSS_FORMATS	((1u << FX_RSS2) | (1u << FX_RSS09) | (1u << FX_RSS1))

/* What an element gives, to the item or to the feed (F_NONE: nothing). */
struct rss_rule {
	uint8_t		 flags;
	uint8_t		 item;		/* enum fx_field */
	uint8_t		 meta;		/* enum fx_field */
	uint8_t		 mode;		/* enum fx_capmode */
	uint8_t		 kind;		/* enum fx_kind */
	uint8_t		 prio;		/* F_CONTENT's body slot, a link's
					   rank; other fields ignore it */
	const char	*enc_type;	/* R_ENCLOSURE: the attributes */
	const char	*enc_length;
};

#define CAP(fl, it, me, mo, ki, pr)	{ (fl), (it), (me), (mo), (ki), (pr), \
					  NULL, NULL }
#define STRUCTURE(fl)			{ (fl) | R_STRUCTURE, F_NONE, F_NONE, \
					  0, 0, 0, NULL, NULL }
#define ENC(fl, type, length)		{ (fl) | R_ENCLOSURE, F_NONE, F_NONE, \
					  0, 0, 0, (type), (length) }

static const struct rss_rule rules[] = {
	/* Structure (structure_start, rss_end) */
	[T_CHANNEL] =		STRUCTURE(R_CORE),
	[T_ITEM] =		STRUCTURE(R_CORE),
	[T_MEDIA_GROUP] =	STRUCTURE(0),
	/* RSS itself. */
	[T_TITLE] =		CAP(R_CORE, F_TITLE, F_META_TITLE,
				    CAP_HTML, KIND_HTML, 0),
	[T_LINK] =		CAP(R_CORE | R_HREF, F_LINK, F_META_LINK,
				    CAP_TEXT, KIND_TEXT, 3),
	[T_DESCRIPTION] =	CAP(R_CORE, F_CONTENT, F_META_DESC,
				    CAP_HTML, KIND_HTML, BODY_SUMMARY),
	[T_GUID] =		CAP(R_CORE | R_PERMALINK, F_GUID, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_PUBDATE] =		CAP(R_CORE, F_PUBLISHED, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_AUTHOR] =		CAP(R_CORE, F_AUTHOR, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_CATEGORY] =		CAP(R_CORE, F_CATEGORY, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_ENCLOSURE] =		ENC(R_CORE, "type", "length"),
	[T_TTL] =		CAP(R_CORE, F_NONE, F_META_TTL,
				    CAP_TEXT, KIND_TEXT, 0),
	/* content, xhtml */
	[T_CONTENT_ENCODED] =	CAP(0, F_CONTENT, F_NONE,
				    CAP_HTML, KIND_HTML, BODY_FULL),
	[T_XHTML_BODY] =	CAP(0, F_CONTENT, F_NONE,
				    CAP_XHTML, KIND_HTML, BODY_FULL),
	/* Dublin Core and DC terms */
	[T_DC_CREATOR] =	CAP(0, F_DC_CREATOR, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DC_DATE] =		CAP(0, F_DC_DATE, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DCT_ISSUED] =	CAP(0, F_DC_DATE, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DCT_CREATED] =	CAP(0, F_DC_DATE, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DCT_MODIFIED] =	CAP(0, F_UPDATED, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DC_SUBJECT] =	CAP(0, F_CATEGORY, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_DC_TITLE] =		CAP(R_UNTITLED, F_DC_TITLE, F_META_TITLE,
				    CAP_HTML, KIND_HTML, 0),
	[T_DC_DESCRIPTION] =	CAP(0, F_CONTENT, F_META_DESC,
				    CAP_HTML, KIND_HTML, BODY_SUMMARY),
	/* Media RSS */
	[T_MEDIA_CONTENT] =	ENC(R_IN_ITEM, "type", "fileSize"),
	[T_MEDIA_THUMBNAIL] =	ENC(R_IN_ITEM, NULL, NULL),
	[T_MEDIA_DESCRIPTION] =	CAP(R_IN_ITEM | R_TYPE_ATTR, F_CONTENT,
				    F_NONE, CAP_TEXT, KIND_TEXT, BODY_MEDIA),
	[T_MEDIA_TITLE] =	CAP(R_IN_ITEM, F_MEDIA_TITLE, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	/* iTunes */
	[T_ITUNES_AUTHOR] =	CAP(0, F_ITUNES_AUTHOR, F_NONE,
				    CAP_TEXT, KIND_TEXT, 0),
	[T_ITUNES_SUMMARY] =	CAP(0, F_CONTENT, F_NONE,
				    CAP_TEXT, KIND_TEXT, BODY_ITUNES),
};

static bool
is_rss(const struct fx *x)
{
	return (((1u << x->format) & RSS_FORMATS) != 0);
}

/* The rule for an element, or NULL when it gives nothing here. */
static const struct rss_rule *
rule_of(const struct fx *x, int tok, int ns)
{
	const struct rss_rule *r;

	if (tok <= T_UNKNOWN || (size_t)tok >= sizeof(rules) / sizeof(rules[0]))
		return (NULL);
	r = &rules[tok];
	if ((r->flags & R_CORE) && !((ns == NS_NONE || ns == NS_RSS) &&
	    is_rss(x)))
		return (NULL);
	return (r);
}

/*
 * The elements that shape the document rather than give a field, and
 * below, the rules that read attributes, are rare: kept out of line so
 * that rss_start, called for every element, stays light.
 */
static void __attribute__((noinline))
structure_start(struct fx *x, int tok, const XML_Char **atts)
{
	const char *v;
	int parent;

	switch (tok) {
	case T_CHANNEL:
		if (x->chan_depth == 0 && x->depth == 2)
			x->chan_depth = x->depth;
		break;
	case T_ITEM:
		parent = fx_parent_tok(x);
		if (x->item_depth == 0 && (parent == T_CHANNEL ||
		    parent == T_RDF || parent == T_RSS)) {
			fx_item_clear(&x->item);
			x->item_depth = x->depth;
			if ((v = fx_attr(atts, "rdf:about")) != NULL ||
			    (v = fx_attr(atts, "about")) != NULL)
				x->item.about = xstrdup(v);
		}
		break;
	case T_MEDIA_GROUP:
		if (x->item_depth > 0 && x->group_depth == 0)
			x->group_depth = x->depth;
		break;
	default:
		break;
	}
}

/* A rule that reads attributes: an enclosure, or a capture whose
   details (or an extra link) come from them. */
static void __attribute__((noinline))
attrs_start(struct fx *x, const struct rss_rule *r, enum fx_field field,
    const XML_Char **atts)
{
	enum fx_capmode mode = r->mode;
	enum fx_kind kind = r->kind;
	const char *v;
	int prio = r->prio;

	if (r->flags & R_ENCLOSURE) {
		if ((v = fx_attr(atts, "url")) != NULL)
			fx_add_enclosure(&x->item, fx_resolve(x, v),
			    r->enc_type != NULL ? fx_attr(atts, r->enc_type) :
			    NULL, r->enc_length != NULL ?
			    fx_attr(atts, r->enc_length) : NULL);
		return;
	}
	if (field == F_NONE)
		return;
	if ((r->flags & R_HREF) && (v = fx_attr(atts, "href")) != NULL)
		fx_deliver(x, field, xstrdup(v), KIND_TEXT, HREF_RANK);
	if (r->flags & R_PERMALINK)
		prio = (v = fx_attr(atts, "isPermaLink")) == NULL ||
		    strcmp(v, "false") != 0;
	if ((r->flags & R_TYPE_ATTR) && (v = fx_attr(atts, "type")) != NULL &&
	    strcmp(v, "html") == 0) {
		mode = CAP_HTML;
		kind = KIND_HTML;
	}
	fx_capture(x, field, mode, kind, prio);
}

void
rss_start(struct fx *x, int tok, int ns, const XML_Char **atts)
{
	const struct rss_rule *r;
	enum fx_field field;

	if ((r = rule_of(x, tok, ns)) == NULL)
		return;
	if (r->flags & R_STRUCTURE) {
		structure_start(x, tok, atts);
		return;
	}
	/* The item's, the feed's, or nobody's. */
	if (x->item_depth > 0 && ((r->flags & R_IN_ITEM) || fx_item_child(x)))
		field = r->item;
	else if (r->meta != F_NONE && fx_meta_child(x) &&
	    !((r->flags & R_UNTITLED) && x->meta->title != NULL))
		field = r->meta;
	else
		return;
	if (r->flags & R_ATTRS)
		attrs_start(x, r, field, atts);
	else if (field != F_NONE)
		fx_capture(x, field, r->mode, r->kind, r->prio);
}

void
rss_end(struct fx *x, int tok, int ns)
{
	/* Only the structure elements have an end to act on. */
	if (tok == T_ITEM && x->item_depth == x->depth &&
	    rule_of(x, tok, ns) != NULL) {
		x->item_depth = 0;
		x->group_depth = 0;
		fx_item_done(x);
	} else if (tok == T_MEDIA_GROUP && x->group_depth == x->depth)
		x->group_depth = 0;
}
