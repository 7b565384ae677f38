/*
 * feed_internal: what the pieces of the XML feed parser share.
 *
 *  feed.c       the public API: sniffing (JSON or XML), the byte pipeline
 *               (charset conversion, then the tolerance filter, then expat)
 *  feed_xml.c   the expat glue: the tolerance filter, namespaces, xml:base,
 *               element tokens, text capture and xhtml serialisation
 *  feed_rss.c   RSS 0.9x/2.0, RSS 1.0 (RDF) and the extension modules
 *               (content, dc, media, itunes)
 *  feed_atom.c  Atom 0.3/1.0 (and atom:link inside RSS)
 *  feed_text.c  turning captured pieces into a struct item
 *  feed_links.c relative links in HTML bodies resolved against xml:base
 *
 * Everything here is private to those files.
 */
#ifndef GAZETTE_FEED_INTERNAL_H
#define GAZETTE_FEED_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Debian's (and upstream's default) libexpat is built with DTD support;
   the header hides the billion-laughs settings without this. */
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include <expat.h>

#include "buf.h"
#include "encoding.h"
#include "err.h"
#include "feed.h"
#include "item.h"

#define FX_MAX_DEPTH	1024		/* element nesting */
#define FX_TEXT_CAP	BUF_CAP_TEXT	/* one element's text */

/* Namespaces we know, whatever prefix a document gives them. */
enum fx_ns {
	NS_NONE = 0,
	NS_RSS,		/* RSS 1.0, RSS 0.90, Userland's RSS 2 namespace */
	NS_ATOM,
	NS_ATOM03,
	NS_RDF,
	NS_CONTENT,
	NS_DC,
	NS_DCTERMS,
	NS_MEDIA,
	NS_ITUNES,
	NS_XHTML,
	NS_XML,
	NS_OTHER
};

enum fx_tok {
	T_UNKNOWN = 0,
	/* RSS and Atom names (no namespace, the RSS or an Atom one) */
	T_AUTHOR, T_CATEGORY, T_CHANNEL, T_CONTENT, T_CREATED, T_DESCRIPTION,
	T_EMAIL, T_ENCLOSURE, T_ENTRY, T_FEED, T_GUID, T_ID, T_ISSUED,
	T_ITEM, T_LINK, T_MODIFIED, T_NAME, T_PUBDATE, T_PUBLISHED, T_RSS,
	T_SOURCE, T_SUBTITLE, T_SUMMARY, T_TAGLINE, T_TITLE, T_TTL,
	T_UPDATED,
	T_RDF,			/* rdf:RDF */
	T_CONTENT_ENCODED,	/* content:encoded */
	T_DC_CREATOR, T_DC_DATE, T_DC_SUBJECT, T_DC_TITLE, T_DC_DESCRIPTION,
	T_DCT_MODIFIED, T_DCT_ISSUED, T_DCT_CREATED,
	T_MEDIA_CONTENT, T_MEDIA_THUMBNAIL, T_MEDIA_GROUP,
	T_MEDIA_DESCRIPTION, T_MEDIA_TITLE,
	T_ITUNES_AUTHOR, T_ITUNES_IMAGE, T_ITUNES_SUMMARY,
	T_XHTML_BODY
};

enum fx_format {
	FX_UNKNOWN = 0,
	FX_RSS2,
	FX_RSS09,
	FX_RSS1,
	FX_ATOM1,
	FX_ATOM03
};

/* How a capture collects an element's content. */
enum fx_capmode {
	CAP_TEXT,	/* the text of the element and its descendants */
	CAP_HTML,	/* own text as it is (HTML source), child elements
			   serialised as markup */
	CAP_XHTML,	/* everything serialised as markup, text escaped; an
			   outer xhtml <div> is dropped (Atom type="xhtml") */
	CAP_BASE64	/* text, base64-decoded at the end (Atom 0.3) */
};

/* Where a capture's result goes. */
enum fx_field {
	F_NONE = 0,
	F_META_TITLE, F_META_LINK, F_META_DESC, F_META_TTL,
	F_TITLE, F_LINK, F_GUID, F_AUTHOR, F_DC_CREATOR, F_ITUNES_AUTHOR,
	F_PUBLISHED, F_UPDATED, F_DC_DATE, F_CATEGORY, F_CONTENT,
	F_MEDIA_TITLE, F_DC_TITLE, F_ATOM_NAME, F_ATOM_EMAIL
};

/* Body candidates, richest first. */
enum fx_body {
	BODY_FULL = 0,	/* content:encoded, Atom content, xhtml:body */
	BODY_SUMMARY,	/* description, Atom summary */
	BODY_ITUNES,	/* itunes:summary */
	BODY_MEDIA,	/* media:description */
	BODY_N
};

/* Text kinds of captured pieces. */
enum fx_kind {
	KIND_TEXT = 0,
	KIND_HTML
};

/* An item (or entry) being read: raw pieces, assembled at its end. */
struct fx_item {
	char		*title;
	enum fx_kind	 title_kind;
	char		*media_title;
	char		*dc_title;
	char		*link;
	int		 link_rank;	/* higher wins; 0 none */
	char		*guid;
	bool		 guid_permalink;
	char		*about;		/* rdf:about */
	char		*author;	/* RSS author, Atom authors, joined */
	char		*dc_creator;
	char		*itunes_author;
	int64_t		 published;
	int64_t		 updated;
	int64_t		 dc_date;
	char		*body[BODY_N];
	enum fx_kind	 body_kind[BODY_N];
	struct item	 lists;		/* only its enclosures and
					   categories so far (item.h caps) */
};

struct fx_elem {
	uint8_t		 tok;
	uint8_t		 ns;
};

struct fx_binding {
	char		*prefix;	/* "" for the default namespace */
	int		 ns;
	int		 depth;
};

struct fx_base {
	char		*url;
	int		 depth;
};

struct fx {
	XML_Parser	 xp;
	const struct feed_parse_opts *opts;
	const struct feed_sink *sink;
	struct feed_meta *meta;
	struct err	*err;		/* first problem seen (limits, sink) */
	bool		 stopped;	/* we asked expat to stop */
	bool		 stop_is_error;	/* ... because of a problem */
	bool		 root_seen;
	bool		 root_closed;
	enum fx_format	 format;
	size_t		 n_items;
	int		 fstate;	/* the filter's lexical state */
	bool		 fstarted;	/* ... past leading blanks */
	bool		 saw_rss090;	/* the RSS 0.90 namespace is used */

	int		 depth;
	struct fx_elem	 stack[FX_MAX_DEPTH + 2];

	struct fx_binding *bind;
	size_t		 n_bind;
	size_t		 a_bind;

	struct fx_base	*base;
	size_t		 n_base;
	size_t		 a_base;

	/* The capture in progress (one at a time). */
	bool		 capturing;
	int		 cap_depth;
	enum fx_capmode	 cap_mode;
	enum fx_field	 cap_field;
	enum fx_kind	 cap_kind;
	int		 cap_prio;	/* body slot, or link rank */
	int		 cap_skip_depth; /* the dropped xhtml <div>, or 0 */
	bool		 cap_full;	/* text cap reached: rest dropped */
	struct buf	 cap;

	/* Structure. */
	int		 chan_depth;	/* RSS channel / Atom feed element */
	int		 item_depth;	/* 0 when not inside an item */
	int		 author_depth;	/* Atom author/contributor, or 0 */
	bool		 author_is_contrib;
	int		 group_depth;	/* media:group, or 0 */
	char		*atom_name;
	char		*atom_email;

	struct fx_item	 item;
	/* Feed-level pieces. */
	enum fx_kind	 meta_title_kind;
	int		 meta_link_rank;
	enum fx_kind	 meta_desc_kind;
	char		*feed_author;	/* Atom feed author, inherited */
};

/* feed_xml.c */
void	 fx_init(struct fx *x, const struct feed_parse_opts *opts,
	    const struct feed_sink *sink, struct feed_meta *meta,
	    struct err *err);
void	 fx_free(struct fx *x);
/* Run the tolerance filter over UTF-8 text s[0..n) into out; returns the
   bytes consumed (the rest needs more input unless eof). */
size_t	 fx_filter(struct fx *x, const char *s, size_t n, bool eof,
	    struct enc_out *out);
void	 fx_stop(struct fx *x, enum err_code code, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
const char *fx_attr(const XML_Char **atts, const char *name);
const char *fx_base(const struct fx *x);
char	*fx_resolve(const struct fx *x, const char *ref);
void	 fx_capture(struct fx *x, enum fx_field field, enum fx_capmode mode,
	    enum fx_kind kind, int prio);
int	 fx_parent_tok(const struct fx *x);

/* Is the element just opened a direct child of the current item (entry),
   or of the channel (feed) outside any item?  (Inline: asked for every
   element.) */
static inline bool
fx_item_child(const struct fx *x)
{
	return (x->item_depth > 0 && x->depth == x->item_depth + 1);
}

static inline bool
fx_meta_child(const struct fx *x)
{
	return (x->item_depth == 0 && x->chan_depth > 0 &&
	    x->depth == x->chan_depth + 1);
}

/* feed_rss.c */
void	 rss_start(struct fx *x, int tok, int ns, const XML_Char **atts);
void	 rss_end(struct fx *x, int tok, int ns);
/* feed_atom.c */
void	 atom_start(struct fx *x, int tok, int ns, const XML_Char **atts);
void	 atom_end(struct fx *x, int tok, int ns);
bool	 atom_is_elem(const struct fx *x, int ns);

/* feed_links.c */
/* Relative links in the HTML body html made absolute against the
   current xml:base (Atom: else the document URL).  Takes html; returns
   it or a new string. */
char	*fx_absolute_links(const struct fx *x, char *html);

/* feed_text.c */
void	 fx_item_init(struct fx_item *it);
void	 fx_item_clear(struct fx_item *it);
/* A captured piece arrived: put it where it belongs (takes s). */
void	 fx_deliver(struct fx *x, enum fx_field field, char *s,
	    enum fx_kind kind, int prio);
void	 fx_add_enclosure(struct fx_item *it, char *url, const char *type,
	    const char *length);
/* The item is complete: assemble it and hand it to the sink. */
void	 fx_item_done(struct fx *x);
/* Join piece onto *dst with ", " (takes piece). */
void	 fx_join(char **dst, char *piece);
/* Plain text from HTML: tags removed, references decoded, white space
   collapsed and trimmed.  Returns NULL for an empty result. */
char	*fx_plain_from_html(const char *s);
/* White space collapsed and trimmed; NULL for an empty result. */
char	*fx_collapse(const char *s);
/* Leading and trailing white space removed, in place. */
char	*fx_trim(char *s);
/* Turn code points the filter parked in the private-use area back into
   the control characters they stand for, in place. */
void	 fx_unpark(char *s);

#endif
