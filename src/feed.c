/*
 * feed: the streaming feed parser's public side.
 *
 * The first significant byte decides the kind of document: '{' is a JSON
 * Feed, buffered (up to max_bytes) and handed to feed_json_parse at the
 * end; anything else is XML and streams through a pipeline as it arrives:
 *
 *   bytes -> enc_conv (charset to valid UTF-8) -> fx_filter (repairs,
 *   see feed_xml.c) -> expat, told the input is UTF-8 -> feed_rss.c /
 *   feed_atom.c -> the sink, one item at a time.
 *
 * Limits: max_bytes of input, max_items items, FX_MAX_DEPTH nesting,
 * FX_TEXT_CAP bytes of text per element (longer text is cut), and
 * expat's entity amplification limit.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "feed.h"
#include "feed_internal.h"
#include "feed_json.h"
#include "xmalloc.h"

enum mode {
	MODE_SNIFF,	/* not enough bytes to tell yet */
	MODE_XML,
	MODE_JSON,
	MODE_DONE	/* stopped: nothing more is read */
};

struct feed_parser {
	struct feed_parse_opts	 opts;
	char			*base_url;
	char			*charset;
	struct feed_sink	 sink;
	struct feed_meta	 meta;
	struct err		 err;
	enum mode		 mode;
	size_t			 total;
	bool			 failed;	/* nothing usable: FEED_FAILED */
	bool			 xml_error;	/* expat gave up */
	bool			 finished;
	struct enc_out		 head;		/* bytes seen while sniffing */
	struct enc_out		 json;
	struct enc_conv		*conv;
	struct enc_out		 stage;		/* UTF-8 not yet filtered */
	struct enc_out		 filtered;	/* ready for expat */
	bool			 fx_live;
	struct fx		 fx;
};

struct feed_parser *
feed_parser_new(const struct feed_parse_opts *opts,
    const struct feed_sink *sink)
{
	struct feed_parser *p;

	p = xcalloc(1, sizeof(*p));
	if (opts != NULL)
		p->opts = *opts;
	if (p->opts.base_url != NULL)
		p->opts.base_url = p->base_url = xstrdup(p->opts.base_url);
	if (p->opts.charset != NULL)
		p->opts.charset = p->charset = xstrdup(p->opts.charset);
	if (p->opts.max_bytes == 0)
		p->opts.max_bytes = FEED_DEFAULT_MAX_BYTES;
	if (p->opts.max_items == 0)
		p->opts.max_items = FEED_DEFAULT_MAX_ITEMS;
	if (sink != NULL)
		p->sink = *sink;
	feed_meta_init(&p->meta);
	err_clear(&p->err);
	p->mode = MODE_SNIFF;
	return (p);
}

/* Push converted, filtered bytes into expat. */
static void
xml_run(struct feed_parser *p, const void *data, size_t len, bool eof)
{
	struct fx *x = &p->fx;
	size_t used;
	enum XML_Status st;

	if (len > 0)
		enc_conv_push(p->conv, data, len, &p->stage);
	if (eof)
		enc_conv_finish(p->conv, &p->stage);
	used = fx_filter(x, p->stage.data, p->stage.len, eof, &p->filtered);
	if (used < p->stage.len)
		memmove(p->stage.data, p->stage.data + used,
		    p->stage.len - used);
	p->stage.len -= used;
	if (p->filtered.len == 0 && !eof)
		return;
	st = XML_Parse(x->xp, p->filtered.data, (int)p->filtered.len,
	    eof ? XML_TRUE : XML_FALSE);
	p->filtered.len = 0;
	if (st == XML_STATUS_ERROR) {
		if (XML_GetErrorCode(x->xp) != XML_ERROR_ABORTED) {
			p->xml_error = true;
			err_set(&p->err, ERR_PARSE, "line %lu, column %lu: %s",
			    (unsigned long)XML_GetCurrentLineNumber(x->xp),
			    (unsigned long)XML_GetCurrentColumnNumber(x->xp),
			    XML_ErrorString(XML_GetErrorCode(x->xp)));
		}
		p->mode = MODE_DONE;
	} else if (x->stopped)
		p->mode = MODE_DONE;
}

static bool
is_blank(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/*
 * Decide between JSON and XML from the head.  Returns false when more
 * bytes are needed.
 */
static bool
decide(struct feed_parser *p, bool eof)
{
	const unsigned char *s = (const unsigned char *)p->head.data;
	size_t n = p->head.len, i = 0;
	struct enc_sniff sn;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && is_blank(s[i]))
		i++;
	if (i >= n && !eof)
		return (false);
	if (i >= n) {
		err_set(&p->err, ERR_NOTFEED, "not a feed: the document is "
		    "empty");
		p->failed = true;
		p->mode = MODE_DONE;
		return (true);
	}
	if (s[i] == '{') {
		p->mode = MODE_JSON;
		enc_out_add(&p->json, p->head.data, p->head.len);
		return (true);
	}
	if ((p->opts.charset_force ?
	    enc_sniff_forced(s, n, eof, p->opts.charset, &sn) :
	    enc_sniff(s, n, eof, p->opts.charset, &sn)) != 0)
		return (false);
	p->conv = enc_conv_new(sn.label, &p->err);
	if (p->conv == NULL) {
		p->failed = true;
		p->mode = MODE_DONE;
		return (true);
	}
	fx_init(&p->fx, &p->opts, &p->sink, &p->meta, &p->err);
	p->fx_live = true;
	p->mode = MODE_XML;
	xml_run(p, s + sn.bom_len, n - sn.bom_len, eof);
	return (true);
}

int
feed_parser_push(struct feed_parser *p, const void *data, size_t len)
{
	bool over = false;

	if (p->mode == MODE_DONE || p->finished)
		return (-1);
	if (len > p->opts.max_bytes - p->total) {
		len = p->opts.max_bytes - p->total;
		over = true;
	}
	p->total += len;
	switch (p->mode) {
	case MODE_SNIFF:
		enc_out_add(&p->head, data, len);
		decide(p, false);
		break;
	case MODE_JSON:
		enc_out_add(&p->json, data, len);
		break;
	case MODE_XML:
		xml_run(p, data, len, false);
		break;
	case MODE_DONE:
		break;
	}
	if (over) {
		err_set(&p->err, ERR_LIMIT, "feed larger than %zu bytes",
		    p->opts.max_bytes);
		if (p->mode == MODE_JSON || p->mode == MODE_SNIFF)
			p->failed = true;	/* nothing usable */
		if (p->fx_live)
			p->fx.stop_is_error = true;
		p->mode = MODE_DONE;
	}
	return (p->mode == MODE_DONE ? -1 : 0);
}

enum feed_status
feed_parser_finish(struct feed_parser *p, struct err *err)
{
	enum feed_status st;

	if (p->finished)
		goto out;
	p->finished = true;
	if (p->mode == MODE_SNIFF)
		decide(p, true);
	if (p->mode == MODE_XML)
		xml_run(p, NULL, 0, true);
	if (p->mode == MODE_JSON) {
		st = feed_json_parse(p->json.data, p->json.len, &p->opts,
		    &p->meta, &p->sink, &p->err);
		if (st == FEED_FAILED)
			p->failed = true;
		else if (st == FEED_PARTIAL)
			p->xml_error = true;
		enc_out_free(&p->json);
		p->mode = MODE_DONE;
		goto out;
	}
	p->mode = MODE_DONE;
	if (p->failed)
		goto out;
	if (!p->fx_live || !p->fx.root_seen) {
		if (err_isset(&p->err) && p->err.code != ERR_NOTFEED) {
			struct err e = ERR_INIT;

			err_set(&e, ERR_NOTFEED, "not a feed: %s", p->err.msg);
			p->err = e;
		} else
			err_set(&p->err, ERR_NOTFEED, "not a feed");
		p->failed = true;
	}
out:
	if (err != NULL && err_isset(&p->err) && !err_isset(err))
		*err = p->err;
	if (p->failed)
		return (FEED_FAILED);
	if (p->xml_error || (p->fx_live && p->fx.stop_is_error) ||
	    err_isset(&p->err))
		return (FEED_PARTIAL);
	return (FEED_OK);
}

const struct feed_meta *
feed_parser_meta(const struct feed_parser *p)
{
	return (&p->meta);
}

void
feed_parser_free(struct feed_parser *p)
{
	if (p == NULL)
		return;
	if (p->fx_live)
		fx_free(&p->fx);
	enc_conv_free(p->conv);
	enc_out_free(&p->head);
	enc_out_free(&p->json);
	enc_out_free(&p->stage);
	enc_out_free(&p->filtered);
	feed_meta_clear(&p->meta);
	free(p->base_url);
	free(p->charset);
	free(p);
}
