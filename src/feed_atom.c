/*
 * feed_atom: Atom 1.0 (RFC 4287) and Atom 0.3, and atom:link inside RSS.
 *
 * Text constructs: type="text" (the default, also when type="") is plain
 * text, the text of any child elements included; "html" is escaped
 * HTML, "xhtml" is inline markup inside an xhtml <div> (the div itself is
 * dropped).  Atom 0.3 says it with a MIME type and
 * mode="xml|escaped|base64".  Titles end up plain text either way.
 * An entry without an author inherits the feed's (RFC 4287 4.2.1);
 * <source> and its children are ignored.
 */
#include "config.h"

#include <string.h>

#include "feed_internal.h"
#include "xmalloc.h"

bool
atom_is_elem(const struct fx *x, int ns)
{
	return (ns == NS_ATOM || ns == NS_ATOM03 || (ns == NS_NONE &&
	    (x->format == FX_ATOM1 || x->format == FX_ATOM03)));
}

static bool
has_html(const char *type)
{
	return (strstr(type, "html") != NULL);
}

/*
 * How to capture a text construct.  Returns false when the content is
 * not text at all (an image, out-of-line src=).
 */
static bool
text_construct(const struct fx *x, const XML_Char **atts,
    enum fx_capmode *mode, enum fx_kind *kind)
{
	const char *type = fx_attr(atts, "type");
	const char *mode03 = fx_attr(atts, "mode");

	if (fx_attr(atts, "src") != NULL)
		return (false);
	/* An empty type says nothing: the default, text. */
	if (type != NULL && type[0] == '\0')
		type = NULL;
	if (x->format == FX_ATOM03 || mode03 != NULL) {
		*kind = type != NULL && has_html(type) ? KIND_HTML : KIND_TEXT;
		if (type != NULL && strncmp(type, "text/", 5) != 0 &&
		    !has_html(type) && strcmp(type, "text") != 0 &&
		    strcmp(type, "html") != 0)
			return (false);
		if (mode03 != NULL && strcmp(mode03, "base64") == 0)
			*mode = CAP_BASE64;
		else if (mode03 != NULL && strcmp(mode03, "escaped") == 0)
			*mode = *kind == KIND_HTML ? CAP_HTML : CAP_TEXT;
		else
			*mode = *kind == KIND_HTML ? CAP_XHTML : CAP_TEXT;
		return (true);
	}
	if (type == NULL || strcmp(type, "text") == 0 ||
	    strcmp(type, "text/plain") == 0) {
		*mode = CAP_TEXT;
		*kind = KIND_TEXT;
	} else if (strcmp(type, "html") == 0 ||
	    strcmp(type, "text/html") == 0) {
		*mode = CAP_HTML;
		*kind = KIND_HTML;
	} else if (strcmp(type, "xhtml") == 0 ||
	    strcmp(type, "application/xhtml+xml") == 0) {
		*mode = CAP_XHTML;
		*kind = KIND_HTML;
	} else if (strncmp(type, "text/", 5) == 0) {
		*mode = CAP_TEXT;
		*kind = KIND_TEXT;
	} else
		return (false);
	return (true);
}

static bool
rel_is(const char *rel, const char *want)
{
	static const char iana[] = "http://www.iana.org/assignments/relation/";

	if (strncmp(rel, iana, sizeof(iana) - 1) == 0)
		rel += sizeof(iana) - 1;
	return (strcmp(rel, want) == 0);
}

static void
atom_link(struct fx *x, const XML_Char **atts)
{
	const char *rel = fx_attr(atts, "rel");
	const char *href = fx_attr(atts, "href");
	const char *type = fx_attr(atts, "type");
	char *url;
	int rank;

	if (href == NULL)
		return;
	if (rel == NULL)
		rel = "alternate";
	if (rel_is(rel, "enclosure")) {
		if (fx_item_child(x))
			fx_add_enclosure(&x->item, fx_resolve(x, href), type,
			    fx_attr(atts, "length"));
		return;
	}
	if (!rel_is(rel, "alternate"))
		return;
	/* An HTML page is the best alternate; any alternate beats none. */
	rank = type == NULL || has_html(type) ? 2 : 1;
	url = xstrdup(href);
	if (fx_item_child(x))
		fx_deliver(x, F_LINK, url, KIND_TEXT, rank);
	else if (fx_meta_child(x))
		fx_deliver(x, F_META_LINK, url, KIND_TEXT, rank);
	else
		free(url);
}

void
atom_start(struct fx *x, int tok, int ns, const XML_Char **atts)
{
	enum fx_capmode mode;
	enum fx_kind kind;
	const char *v;

	(void)ns;
	switch (tok) {
	case T_ENTRY:
		if (x->item_depth == 0 && x->chan_depth > 0 &&
		    x->depth == x->chan_depth + 1) {
			fx_item_clear(&x->item);
			x->item_depth = x->depth;
		}
		break;
	case T_TITLE:
		if (!fx_item_child(x) && !fx_meta_child(x))
			break;
		if (!text_construct(x, atts, &mode, &kind))
			break;
		fx_capture(x, fx_item_child(x) ? F_TITLE : F_META_TITLE,
		    mode, kind, 0);
		break;
	case T_SUBTITLE:
	case T_TAGLINE:
		if (fx_meta_child(x) && text_construct(x, atts, &mode, &kind))
			fx_capture(x, F_META_DESC, mode, kind, 0);
		break;
	case T_LINK:
		atom_link(x, atts);
		break;
	case T_ID:
		if (fx_item_child(x))
			fx_capture(x, F_GUID, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_UPDATED:
	case T_MODIFIED:
		if (fx_item_child(x))
			fx_capture(x, F_UPDATED, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_PUBLISHED:
	case T_ISSUED:
		if (fx_item_child(x))
			fx_capture(x, F_PUBLISHED, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_CREATED:
		if (fx_item_child(x))
			fx_capture(x, F_DC_DATE, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_SUMMARY:
		if (fx_item_child(x) && text_construct(x, atts, &mode, &kind))
			fx_capture(x, F_CONTENT, mode, kind, BODY_SUMMARY);
		break;
	case T_CONTENT:
		if (fx_item_child(x) && text_construct(x, atts, &mode, &kind))
			fx_capture(x, F_CONTENT, mode, kind, BODY_FULL);
		break;
	case T_AUTHOR:
		if ((fx_item_child(x) || fx_meta_child(x)) && x->author_depth == 0) {
			x->author_depth = x->depth;
			free(x->atom_name);
			free(x->atom_email);
			x->atom_name = x->atom_email = NULL;
		}
		break;
	case T_NAME:
		if (x->author_depth > 0 && x->depth == x->author_depth + 1)
			fx_capture(x, F_ATOM_NAME, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_EMAIL:
		if (x->author_depth > 0 && x->depth == x->author_depth + 1)
			fx_capture(x, F_ATOM_EMAIL, CAP_TEXT, KIND_TEXT, 0);
		break;
	case T_CATEGORY:
		if (fx_item_child(x) && ((v = fx_attr(atts, "term")) != NULL ||
		    (v = fx_attr(atts, "label")) != NULL))
			fx_deliver(x, F_CATEGORY, xstrdup(v), KIND_TEXT, 0);
		break;
	default:
		break;
	}
}

void
atom_end(struct fx *x, int tok, int ns)
{
	char *who;

	(void)ns;
	switch (tok) {
	case T_ENTRY:
		if (x->item_depth == x->depth) {
			x->item_depth = 0;
			x->group_depth = 0;
			fx_item_done(x);
		}
		break;
	case T_AUTHOR:
		if (x->author_depth != x->depth)
			break;
		x->author_depth = 0;
		who = x->atom_name != NULL ? x->atom_name : x->atom_email;
		if (who == x->atom_name)
			free(x->atom_email);
		else
			free(x->atom_name);
		x->atom_name = x->atom_email = NULL;
		if (who == NULL)
			break;
		if (x->item_depth > 0 && x->depth == x->item_depth + 1)
			fx_join(&x->item.author, who);
		else if (x->item_depth == 0)
			fx_join(&x->feed_author, who);
		else
			free(who);
		break;
	default:
		break;
	}
}
