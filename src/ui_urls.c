/*
 * ui_urls: the list of an article's links ("u"): one line per link,
 * numbered as in the article; o opens the one selected.
 */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "ui_int.h"
#include "xmalloc.h"

struct urls_view {
	struct ui_view	 base;
	char		**links;
	size_t		 n;
	struct ui_list	 list;
};

static void
urls_title(struct ui *ui, struct ui_view *v, struct buf *b)
{
	(void)ui;
	(void)buf_addf(b, "Links (%zu)", ((struct urls_view *)v)->n);
}

static void
urls_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct urls_view *uv = (struct urls_view *)v;
	struct buf b;
	size_t i;
	int y;

	buf_init(&b, BUF_CAP_TEXT);
	for (y = 0; y < rows && uv->list.top + (size_t)y < uv->n; y++) {
		i = uv->list.top + (size_t)y;
		buf_reset(&b);
		(void)buf_addf(&b, "%4zu  %s", i + 1, uv->links[i]);
		ui_put(ui, top + y, 0, COLS, buf_str(&b), i == uv->list.sel ?
		    UI_FOCUS : UI_NORMAL);
	}
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

	for (i = 0; i < uv->n; i++)
		free(uv->links[i]);
	free(uv->links);
	free(uv);
}

static const struct ui_view_ops urls_ops = {
	KEYMAP_CTX_URLS, urls_title, urls_draw, urls_action, NULL,
	urls_link, NULL, NULL, urls_free
};

struct ui_view *
ui_urls_new(struct ui *ui, char **links, size_t n)
{
	struct urls_view *uv = xcalloc(1, sizeof(*uv));
	size_t i;

	(void)ui;
	uv->base.ops = &urls_ops;
	uv->links = xcalloc(n + 1, sizeof(*uv->links));
	for (i = 0; i < n; i++)
		uv->links[i] = xstrdup(links[i]);
	uv->n = n;
	ui_list_init(&uv->list, n);
	return (&uv->base);
}
