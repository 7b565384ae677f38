/*
 * ui_urls: the list of an article's links ("u"): one line per link,
 * numbered as in the article, with what it is when the renderer said
 * ("image", "video, video/mp4", "enclosure, audio/mpeg, 12.3 MB").  A
 * line too long for the window is cut with an ellipsis, but the selected
 * link is shown whole, wrapped at character boundaries under its number,
 * so every character of it can be read; o opens it, y copies it whole.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

#define INDENT	6	/* "%4zu  " */

struct urls_view {
	struct ui_view	 base;
	char		**links;
	char		**notes;	/* or NULL entries */
	size_t		 n;
	struct ui_list	 list;
};

static void
urls_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	(void)ui;
	(void)ti;
	(void)buf_addf(b, "Links (%zu)", ((struct urls_view *)v)->n);
}

/* Bytes of s that fit in cells, at least one character. */
static size_t
piece(const char *s, size_t cells)
{
	uint32_t cp;
	size_t n;

	if ((n = text_prefix(s, cells, NULL)) == 0 && *s != '\0')
		n = text_decode(s, strlen(s), &cp);
	return (n);
}

/* The selected link's lines: the URL cut to the width, then the note. */
static size_t
wrap(struct urls_view *uv, size_t i, size_t cols, struct buf *out)
{
	const char *u = uv->links[i], *note = uv->notes[i];
	size_t n, lines = 0, avail, last = 0;

	avail = cols > INDENT + 1 ? cols - INDENT : 1;
	buf_reset(out);
	do {
		n = piece(u, avail);
		if (lines == 0)
			(void)buf_addf(out, "%4zu  ", i + 1);
		else
			(void)buf_addf(out, "%*s", INDENT, "");
		(void)buf_add(out, u, n);
		last = text_width_n(u, n);
		(void)buf_addch(out, '\n');
		lines++;
		u += n;
	} while (*u != '\0');
	if (note != NULL) {
		if (last + 3 + text_width(note) <= avail)
			out->len--;	/* on the URL's last line */
		else {
			(void)buf_addf(out, "%*s", INDENT - 1, "");
			lines++;
		}
		(void)buf_addf(out, " (%s)\n", note);
	}
	return (lines);
}

static void
urls_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct urls_view *uv = (struct urls_view *)v;
	struct buf b, sel;
	size_t i, h, r = rows > 0 ? (size_t)rows : 1;
	const char *p, *nl;
	int y;

	if (uv->n == 0)
		return;
	buf_init(&b, BUF_CAP_TEXT);
	buf_init(&sel, BUF_CAP_BODY);
	/* The selected link takes h rows: keep them on screen. */
	h = wrap(uv, uv->list.sel, (size_t)COLS, &sel);
	if (uv->list.top > uv->list.sel)
		uv->list.top = uv->list.sel;
	if (uv->list.sel - uv->list.top + h > r)
		uv->list.top = h >= r ? uv->list.sel : uv->list.sel + h - r;
	for (y = 0, i = uv->list.top; y < rows && i < uv->n; i++) {
		if (i == uv->list.sel) {
			for (p = buf_str(&sel); *p != '\0' && y < rows;
			    p = nl + 1) {
				nl = strchr(p, '\n');
				buf_reset(&b);
				(void)buf_add(&b, p, (size_t)(nl - p));
				ui_put(ui, top + y++, 0, COLS, buf_str(&b),
				    UI_FOCUS);
			}
			continue;
		}
		buf_reset(&b);
		(void)buf_addf(&b, "%4zu  %s", i + 1, uv->links[i]);
		if (uv->notes[i] != NULL)
			(void)buf_addf(&b, " (%s)", uv->notes[i]);
		ui_put(ui, top + y++, 0, COLS, buf_str(&b), UI_NORMAL);
	}
	buf_free(&sel);
	buf_free(&b);
}

static bool
urls_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct urls_view *uv = (struct urls_view *)v;

	if (ui_list_action(&uv->list, a, count, ui_body_rows(ui)))
		return (true);
	if (count > 0 && (size_t)count <= uv->n)
		ui_list_select(&uv->list, (size_t)count - 1, ui_body_rows(ui));
	switch (a) {
	case KEYMAP_OPEN:
	case KEYMAP_OPEN_BROWSER:
	case KEYMAP_OPEN_BROWSER_READ:
		if (uv->n > 0)
			ui_open_url(ui, uv->links[uv->list.sel]);
		return (true);
	default:
		return (false);
	}
}

static const char *
urls_link(struct ui *ui, struct ui_view *v)
{
	struct urls_view *uv = (struct urls_view *)v;

	(void)ui;
	return (uv->n > 0 ? uv->links[uv->list.sel] : NULL);
}

static void
urls_free(struct ui_view *v)
{
	struct urls_view *uv = (struct urls_view *)v;
	size_t i;

	for (i = 0; i < uv->n; i++) {
		free(uv->links[i]);
		free(uv->notes[i]);
	}
	free(uv->links);
	free(uv->notes);
	free(uv);
}

static const struct ui_view_ops urls_ops = {
	KEYMAP_CTX_URLS, urls_title, urls_draw, urls_action, NULL,
	urls_link, NULL, NULL, urls_free
};

struct ui_view *
ui_urls_new(struct ui *ui, const struct html_doc *doc)
{
	struct urls_view *uv = xcalloc(1, sizeof(*uv));
	size_t i;

	(void)ui;
	uv->base.ops = &urls_ops;
	uv->links = xcalloc(doc->nlinks + 1, sizeof(*uv->links));
	uv->notes = xcalloc(doc->nlinks + 1, sizeof(*uv->notes));
	for (i = 0; i < doc->nlinks; i++) {
		uv->links[i] = xstrdup(doc->links[i]);
		uv->notes[i] = doc->notes[i] != NULL ?
		    xstrdup(doc->notes[i]) : NULL;
	}
	uv->n = doc->nlinks;
	ui_list_init(&uv->list, uv->n);
	return (&uv->base);
}
