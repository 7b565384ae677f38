/*
 * feed_rss: RSS 0.90/0.91/0.92/2.0 and RSS 1.0 (RDF), and the extension
 * modules any feed may carry: content:encoded, Dublin Core (dc:creator,
 * dc:date, dc:subject...), Media RSS (media:content, media:thumbnail,
 * media:group, media:description) and iTunes (author, summary).
 *
 * Fields are read only where they belong: a channel's own children for
 * the feed, an item's own children for the item, so that <image><title>
 * or <source> never overwrite anything.
 */
#include "config.h"

#include <string.h>

#include "feed_internal.h"
#include "xmalloc.h"

static bool
is_rss(const struct fx *x)
{
	return (x->format == FX_RSS2 || x->format == FX_RSS09 ||
	    x->format == FX_RSS1);
}

static void
rss_core_start(struct fx *x, int tok, const XML_Char **atts)
{
	const char *v;
	int parent = fx_parent_tok(x);

	switch (tok) {
	case T_CHANNEL:
		if (x->chan_depth == 0 && x->depth == 2)
			x->chan_depth = x->depth;
		break;
	case T_ITEM:
		if (x->item_depth == 0 && (parent == T_CHANNEL ||
		    parent == T_RDF || parent == T_RSS)) {
			fx_item_clear(&x->item);
			x->item_depth = x->depth;
			if ((v = fx_attr(atts, "rdf:about")) != NULL ||
			    (v = fx_attr(atts, "about")) != NULL)
				x->item.about = xstrdup(v);
		}
		break;
	case T_TITLE:
		if (fx_item_child(x))
			fx_capture(x, F_TITLE, CAP_HTML, KIND_HTML, 0);
		else if (fx_meta_child(x))
			fx_capture(x, F_META_TITLE, CAP_HTML, KIND_HTML, 0);
		break;
	case T_LINK:
		/* <link href="..."/> in RSS: an Atom habit, taken as said. */
		if ((v = fx_attr(atts, "href")) != NULL && (fx_item_child(x) ||
		    fx_meta_child(x)))
			fx_deliver(x, fx_item_child(x) ? F_LINK : F_META_LINK,
			    xstrdup(v), KIND_TEXT, 2);
		if (fx_item_child(x))
			fx_capture(x, F_LINK, CAP_TEXT, KIND_TEXT, 3);
		else if (fx_meta_child(x))
			fx_capture(x, F_META_LINK, CAP_TEXT, KIND_TEXT, 3);
		break;
	case T_DESCRIPTION:
		if (fx_item_child(x))
			fx_capture(x, F_CONTENT, CAP_HTML, KIND_HTML,
			    BODY_SUMMARY);
		else if (fx_meta_child(x))
			fx_capture(x, F_META_DESC, CAP_HTML, KIND_HTML, 0);
		break;
	case T_GUID:
		if (fx_item_child(x)) {
			v = fx_attr(atts, "isPermaLink");
			fx_capture(x, F_GUID, CAP_TEXT, KIND_TEXT,
			    v == NULL || strcmp(v, "false") != 0);
		}
		break;
	case T_PUBDATE:
		if (fx_item_child(x))
			fx_capture(x, F_PUBLISHED, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_AUTHOR:
		if (fx_item_child(x))
			fx_capture(x, F_AUTHOR, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_CATEGORY:
		if (fx_item_child(x))
			fx_capture(x, F_CATEGORY, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_ENCLOSURE:
		if (fx_item_child(x) && (v = fx_attr(atts, "url")) != NULL)
			fx_add_enclosure(&x->item, fx_resolve(x, v),
			    fx_attr(atts, "type"), fx_attr(atts, "length"));
		break;
	case T_TTL:
		if (fx_meta_child(x))
			fx_capture(x, F_META_TTL, CAP_TEXT, KIND_TEXT, 0);
		break;
	default:
		break;
	}
}

/* Media RSS elements count anywhere inside an item (media:group and
   media:content nest them). */
static bool
in_item(const struct fx *x)
{
	return (x->item_depth > 0);
}

static void
media_description(struct fx *x, const XML_Char **atts)
{
	const char *type = fx_attr(atts, "type");

	if (type != NULL && strcmp(type, "html") == 0)
		fx_capture(x, F_CONTENT, CAP_HTML, KIND_HTML, BODY_MEDIA);
	else
		fx_capture(x, F_CONTENT, CAP_TEXT, KIND_TEXT, BODY_MEDIA);
}

void
rss_start(struct fx *x, int tok, int ns, const XML_Char **atts)
{
	const char *v;

	if ((ns == NS_NONE || ns == NS_RSS) && is_rss(x)) {
		rss_core_start(x, tok, atts);
		return;
	}
	switch (tok) {
	case T_CONTENT_ENCODED:
		if (fx_item_child(x))
			fx_capture(x, F_CONTENT, CAP_HTML, KIND_HTML,
			    BODY_FULL);
		break;
	case T_XHTML_BODY:
		if (fx_item_child(x))
			fx_capture(x, F_CONTENT, CAP_XHTML, KIND_HTML,
			    BODY_FULL);
		break;
	case T_DC_CREATOR:
		if (fx_item_child(x))
			fx_capture(x, F_DC_CREATOR, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_DC_DATE:
	case T_DCT_ISSUED:
	case T_DCT_CREATED:
		if (fx_item_child(x))
			fx_capture(x, F_DC_DATE, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_DCT_MODIFIED:
		if (fx_item_child(x))
			fx_capture(x, F_UPDATED, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_DC_SUBJECT:
		if (fx_item_child(x))
			fx_capture(x, F_CATEGORY, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_DC_TITLE:
		if (fx_item_child(x))
			fx_capture(x, F_DC_TITLE, CAP_HTML, KIND_HTML, 0);
		else if (fx_meta_child(x) && x->meta->title == NULL)
			fx_capture(x, F_META_TITLE, CAP_HTML, KIND_HTML, 0);
		break;
	case T_DC_DESCRIPTION:
		if (fx_item_child(x))
			fx_capture(x, F_CONTENT, CAP_HTML, KIND_HTML,
			    BODY_SUMMARY);
		else if (fx_meta_child(x))
			fx_capture(x, F_META_DESC, CAP_HTML, KIND_HTML, 0);
		break;
	case T_MEDIA_GROUP:
		if (in_item(x) && x->group_depth == 0)
			x->group_depth = x->depth;
		break;
	case T_MEDIA_CONTENT:
		if (in_item(x) && (v = fx_attr(atts, "url")) != NULL)
			fx_add_enclosure(&x->item, fx_resolve(x, v),
			    fx_attr(atts, "type"), fx_attr(atts, "fileSize"));
		break;
	case T_MEDIA_THUMBNAIL:
		if (in_item(x) && (v = fx_attr(atts, "url")) != NULL)
			fx_add_enclosure(&x->item, fx_resolve(x, v), NULL,
			    NULL);
		break;
	case T_MEDIA_DESCRIPTION:
		if (in_item(x))
			media_description(x, atts);
		break;
	case T_MEDIA_TITLE:
		if (in_item(x))
			fx_capture(x, F_MEDIA_TITLE, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_ITUNES_AUTHOR:
		if (fx_item_child(x))
			fx_capture(x, F_ITUNES_AUTHOR, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_ITUNES_SUMMARY:
		if (fx_item_child(x))
			fx_capture(x, F_CONTENT, CAP_TEXT, KIND_TEXT,
			    BODY_ITUNES);
		break;
	default:
		break;
	}
}

void
rss_end(struct fx *x, int tok, int ns)
{
	if ((ns == NS_NONE || ns == NS_RSS) && is_rss(x)) {
		if (tok == T_ITEM && x->item_depth == x->depth) {
			x->item_depth = 0;
			x->group_depth = 0;
			fx_item_done(x);
		}
		return;
	}
	if (tok == T_MEDIA_GROUP && x->group_depth == x->depth)
		x->group_depth = 0;
}
