/*
 * ui_format: newsboat's format strings on screen: the *-title-format
 * settings for the title line, and the drawing of a list line from
 * feedlist-format or articlelist-format.  An empty setting keeps
 * gazette's own line.
 */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "ui_int.h"

/* The title format of a view, or "" for gazette's own. */
static const char *
title_format(const struct conf *cfg, enum keymap_context ctx)
{
	switch (ctx) {
	case KEYMAP_CTX_FEEDS:
		return (cfg->feedlist_title_format);
	case KEYMAP_CTX_ITEMS:
		return (cfg->articlelist_title_format);
	case KEYMAP_CTX_ARTICLE:
		return (cfg->itemview_title_format);
	case KEYMAP_CTX_SEARCH:
		return (cfg->searchresult_title_format);
	case KEYMAP_CTX_URLS:
		return (cfg->urlview_title_format);
	case KEYMAP_CTX_HELP:
		return (cfg->help_title_format);
	default:
		return ("");
	}
}

void
ui_title_counts(struct ui_title *ti, int64_t unread, int64_t total)
{
	snprintf(ti->unread, sizeof(ti->unread), "%" PRId64, unread);
	snprintf(ti->total, sizeof(ti->total), "%" PRId64, total);
	format_set(&ti->a, 'u', ti->unread);
	format_set(&ti->a, 't', ti->total);
}

void
ui_title_line(struct ui *ui, struct buf *t)
{
	const char *fmt = title_format(ui->cfg, ui->view->ops->ctx);
	struct ui_title ti;
	struct buf own;
	char *s;

	memset(&ti, 0, sizeof(ti));
	format_args_init(&ti.a);
	format_set(&ti.a, 'N', PACKAGE_NAME);
	format_set(&ti.a, 'V', PACKAGE_VERSION);
	if (fmt == NULL || fmt[0] == '\0') {
		(void)buf_addf(t, "%s %s - ", PACKAGE_NAME, PACKAGE_VERSION);
		ui->view->ops->title(ui, ui->view, t, &ti);
		free(ti.url);
		return;
	}
	/* The view's own title is built for its values, then dropped. */
	buf_init(&own, SIZE_MAX);
	ui->view->ops->title(ui, ui->view, &own, &ti);
	s = format_expand(fmt, &ti.a, (size_t)COLS);
	(void)buf_addstr(t, s);
	free(s);
	free(ti.url);
	buf_free(&own);
}

void
ui_put_format(struct ui *ui, int y, const char *fmt,
    const struct format_args *a, attr_t attr, enum conf_hl_kind where)
{
	char *s = format_expand(fmt, a, (size_t)COLS);

	ui_hl_put(ui, y, 0, COLS, s, attr, where);
	free(s);
}
