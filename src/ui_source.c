/*
 * ui_source: newsboat's toggle-source-view.  The article as the feed
 * gave it (its HTML, or its text), shown as text: sanitised as any text
 * of a feed (html_render_text), wrapped to the window.  The same key
 * goes back to the article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

struct source_view {
	struct ui_view	 base;
	char		*title;
	char		*content;
	struct html_doc	*doc;
	int		 width;	/* doc wrapped for this width */
	size_t		 top;
};

static void
wrap(struct source_view *sv)
{
	struct html_opts opts;

	if (sv->doc != NULL && sv->width == COLS)
		return;
	html_doc_free(sv->doc);
	memset(&opts, 0, sizeof(opts));
	opts.width = COLS > 1 ? (size_t)COLS - 1 : 1;
	sv->doc = html_render_text(sv->content, strlen(sv->content), &opts);
	sv->width = COLS;
}

static void
source_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	(void)ui;
	(void)ti;
	(void)buf_addf(b, "Source of '%s'", ((struct source_view *)v)->title);
}

static void
source_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct source_view *sv = (struct source_view *)v;
	int y;

	wrap(sv);
	if (sv->doc->nlines == 0) {
		ui_put(ui, top, 0, COLS, "(no text)", UI_NORMAL);
		return;
	}
	for (y = 0; y < rows && sv->top + (size_t)y < sv->doc->nlines; y++)
		ui_put(ui, top + y, 0, COLS,
		    sv->doc->lines[sv->top + (size_t)y].text, UI_ARTICLE);
}

static bool
source_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct source_view *sv = (struct source_view *)v;
	struct ui_list l;
	size_t rows = (size_t)ui_body_rows(ui);

	if (a == KEYMAP_TOGGLE_SOURCE) {
		ui_pop(ui);
		return (true);
	}
	wrap(sv);
	/* Scroll like a list whose selection is the top line. */
	l.count = sv->doc->nlines > rows ? sv->doc->nlines - rows + 1 : 1;
	l.sel = l.top = sv->top;
	if (!ui_list_action(&l, a, count, (int)rows))
		return (false);
	sv->top = l.sel;
	return (true);
}

static void
source_reload(struct ui *ui, struct ui_view *v)
{
	(void)ui;
	wrap((struct source_view *)v);
}

static void
source_free(struct ui_view *v)
{
	struct source_view *sv = (struct source_view *)v;

	html_doc_free(sv->doc);
	free(sv->title);
	free(sv->content);
	free(sv);
}

static const struct ui_view_ops source_ops = {
	KEYMAP_CTX_ARTICLE, source_title, source_draw, source_action,
	source_reload, NULL, NULL, NULL, source_free
};

struct ui_view *
ui_source_new(struct ui *ui, int64_t item_id)
{
	struct source_view *sv = xcalloc(1, sizeof(*sv));
	struct store_item_full it;
	struct err err = ERR_INIT;

	sv->base.ops = &source_ops;
	if (store_item_get(ui->store, item_id, &it, &err) == 0) {
		sv->title = xstrdup(it.row.title != NULL ? it.row.title : "");
		sv->content = xstrdup(it.content != NULL ? it.content : "");
		store_item_full_clear(&it);
	} else {
		ui_set_status(ui, true, "%s", err.msg[0] != '\0' ? err.msg :
		    "the article is gone");
		sv->title = xstrdup("");
		sv->content = xstrdup("");
	}
	return (&sv->base);
}
