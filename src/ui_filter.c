/*
 * ui_filter: newsboat's filters in the article list.  set-filter (F)
 * asks for an expression in the filter language; select-filter (f)
 * lists the config's define-filter lines, one a row (name, then the
 * expression), in a view of its own (the filterselection context), and
 * ENTER applies the one selected; clear-filter (^F) is ui_items.c's.
 * The list then shows the articles that meet the filter, with counts
 * to match (ui_items_set_filter); an expression that does not parse is
 * said on the status line with its position, and the list stays as it
 * was.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "ui_int.h"
#include "xmalloc.h"

struct filters_view {
	struct ui_view	 base;
	struct ui_view	*items;		/* the list below, to filter */
	struct ui_list	 list;
};

static const struct ui_view_ops filters_ops;

static void
apply(struct ui *ui, struct ui_view *items, const char *expr)
{
	char msg[300];

	if (ui_items_set_filter(ui, items, expr, msg, sizeof(msg)) == -1)
		ui_set_status(ui, true, "%s", msg);
}

static void
ask_cb(struct ui *ui, const char *text, void *arg)
{
	/* The prompt is modal: the list asked for it and is still there. */
	if (text == NULL || text[0] == '\0')
		return;
	apply(ui, arg, text);
}

void
ui_filter_ask(struct ui *ui, struct ui_view *list)
{
	ui_prompt(ui, "Filter: ", &ui->filter_history, NULL, ask_cb, list);
}

void
ui_filter_choose(struct ui *ui, struct ui_view *list)
{
	struct filters_view *fv;

	if (ui->cfg->n_filters == 0) {
		ui_set_status(ui, true, "no filters defined (define-filter in "
		    "the config)");
		return;
	}
	fv = xcalloc(1, sizeof(*fv));
	fv->base.ops = &filters_ops;
	fv->items = list;
	ui_list_init(&fv->list, ui->cfg->n_filters);
	ui_push(ui, &fv->base);
}

static void
filters_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	(void)v;
	(void)ti;
	(void)buf_addf(b, "Filters (%zu)", ui->cfg->n_filters);
}

static void
filters_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct filters_view *fv = (struct filters_view *)v;
	const struct conf_filter *f;
	struct buf line;
	size_t i;
	int y;

	buf_init(&line, BUF_CAP_TEXT);
	for (y = 0; y < rows && fv->list.top + (size_t)y < fv->list.count;
	    y++) {
		i = fv->list.top + (size_t)y;
		f = &ui->cfg->filters[i];
		buf_reset(&line);
		(void)buf_addf(&line, "%4zu  %s  %s", i + 1, f->name, f->expr);
		ui_put(ui, top + y, 0, COLS, buf_str(&line),
		    i == fv->list.sel ? UI_FOCUS : UI_NORMAL);
	}
	buf_free(&line);
}

static bool
filters_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct filters_view *fv = (struct filters_view *)v;
	struct ui_view *items = fv->items;
	char *expr;

	if (ui_list_action(&fv->list, a, count, ui_body_rows(ui)))
		return (true);
	if (a != KEYMAP_OPEN)
		return (false);
	if (count > 0) {
		if ((size_t)count > fv->list.count) {
			ui_set_status(ui, true, "no entry %ld", count);
			return (true);
		}
		fv->list.sel = (size_t)count - 1;
	}
	expr = xstrdup(ui->cfg->filters[fv->list.sel].expr);
	ui_pop(ui);	/* frees fv */
	apply(ui, items, expr);
	free(expr);
	return (true);
}

static void
filters_free(struct ui_view *v)
{
	free(v);
}

static const struct ui_view_ops filters_ops = {
	KEYMAP_CTX_FILTERS, filters_title, filters_draw, filters_action,
	NULL, NULL, NULL, NULL, filters_free
};
