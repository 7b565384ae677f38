/* ui_feeds: the feed list, with unread/total counts, tags and errors. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

struct feeds_view {
	struct ui_view		 base;
	struct store_feed_list	 all;
	size_t			*vis;	/* indexes into all.feeds shown */
	size_t			 nvis;
	struct ui_list		 list;
	int64_t			 unread;
	int64_t			 total;
};

static const struct ui_view_ops feeds_ops;

static struct store_feed *
selected(struct feeds_view *fv)
{
	if (fv->nvis == 0)
		return (NULL);
	return (&fv->all.feeds[fv->vis[fv->list.sel]]);
}

static const char *
feed_name(const struct store_feed *f)
{
	if (f->user_title != NULL && f->user_title[0] != '\0')
		return (f->user_title);
	if (f->title != NULL && f->title[0] != '\0')
		return (f->title);
	return (f->url);
}

static bool
has_tag(const struct store_feed *f, const char *tag)
{
	size_t i;

	for (i = 0; i < f->n_tags; i++)
		if (strcmp(f->tags[i], tag) == 0)
			return (true);
	return (false);
}

static void
feeds_reload(struct ui *ui, struct ui_view *v)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct err err = ERR_INIT;
	int64_t keep = 0;
	size_t i, sel = 0;
	struct store_feed *f;

	if ((f = selected(fv)) != NULL)
		keep = f->id;
	store_feed_list_free(&fv->all);
	fv->nvis = 0;
	fv->unread = fv->total = 0;
	if (store_feeds_list(ui->store, &fv->all, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		fv->all.feeds = NULL;
		fv->all.n = 0;
	}
	fv->vis = xreallocarray(fv->vis, fv->all.n + 1, sizeof(*fv->vis));
	for (i = 0; i < fv->all.n; i++) {
		f = &fv->all.feeds[i];
		fv->unread += f->unread;
		fv->total += f->total;
		if (ui->tag != NULL && !has_tag(f, ui->tag))
			continue;
		/* A hidden read feed stays while it is selected. */
		if (!ui->show_read_feeds && f->unread == 0 && f->id != keep)
			continue;
		if (f->id == keep)
			sel = fv->nvis;
		fv->vis[fv->nvis++] = i;
	}
	ui_list_set_count(&fv->list, fv->nvis, ui_body_rows(ui));
	ui_list_select(&fv->list, sel, ui_body_rows(ui));
}

struct ui_view *
ui_feeds_new(struct ui *ui)
{
	struct feeds_view *fv = xcalloc(1, sizeof(*fv));

	fv->base.ops = &feeds_ops;
	ui_list_init(&fv->list, 0);
	feeds_reload(ui, &fv->base);
	return (&fv->base);
}

int64_t
ui_feeds_selected(struct ui *ui, struct ui_view *v)
{
	struct store_feed *f;

	(void)ui;
	if (v->ops != &feeds_ops || (f = selected((struct feeds_view *)v)) ==
	    NULL)
		return (0);
	return (f->id);
}

bool
ui_is_feeds(const struct ui_view *v)
{
	return (v != NULL && v->ops == &feeds_ops);
}

int64_t
ui_feeds_step(struct ui *ui, struct ui_view *v, int64_t from, int dir,
    bool unread_only, const char **name)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct store_feed *f;
	size_t i;

	/* Fresh counts: articles read since the list was drawn. */
	if (ui_feeds_goto(ui, v, from) == NULL)
		return (0);
	i = fv->list.sel;
	while (dir > 0 ? i + 1 < fv->nvis : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		f = &fv->all.feeds[fv->vis[i]];
		if (!unread_only || f->unread > 0) {
			ui_list_select(&fv->list, i, ui_body_rows(ui));
			*name = feed_name(f);
			return (f->id);
		}
	}
	return (0);
}

const char *
ui_feeds_goto(struct ui *ui, struct ui_view *v, int64_t id)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	size_t i;

	if (!ui_is_feeds(v))
		return (NULL);
	feeds_reload(ui, v);
	for (i = 0; i < fv->nvis; i++)
		if (fv->all.feeds[fv->vis[i]].id == id) {
			ui_list_select(&fv->list, i, ui_body_rows(ui));
			return (feed_name(&fv->all.feeds[fv->vis[i]]));
		}
	return (NULL);
}

static void
feeds_title(struct ui *ui, struct ui_view *v, struct buf *b)
{
	struct feeds_view *fv = (struct feeds_view *)v;

	(void)buf_addf(b, "Your feeds (%lld unread, %lld total)",
	    (long long)fv->unread, (long long)fv->total);
	if (ui->tag != NULL)
		(void)buf_addf(b, " - tag %s", ui->tag);
}

static void
feeds_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct store_feed *f;
	struct buf line, tags;
	char counts[48];
	size_t i, j;
	int y, cw, tw;
	bool focus;
	enum ui_role role;

	if (fv->nvis == 0) {
		ui_put(ui, top, 0, COLS, fv->all.n == 0 ?
		    "No feeds yet: add some with gazette add URL, then press R." :
		    "No feeds to show (l shows read feeds, ^T every tag).",
		    UI_NORMAL);
		return;
	}
	buf_init(&line, BUF_CAP_TEXT);
	buf_init(&tags, BUF_CAP_TEXT);
	for (y = 0; y < rows && fv->list.top + (size_t)y < fv->nvis; y++) {
		i = fv->list.top + (size_t)y;
		f = &fv->all.feeds[fv->vis[i]];
		focus = i == fv->list.sel;
		role = f->unread > 0 ? (focus ? UI_FOCUS_UNREAD : UI_UNREAD) :
		    (focus ? UI_FOCUS : UI_NORMAL);
		snprintf(counts, sizeof(counts), "(%lld/%lld)",
		    (long long)f->unread, (long long)f->total);
		buf_reset(&line);
		(void)buf_addf(&line, "%4zu %c%c %11s ", i + 1,
		    f->unread > 0 ? 'N' : ' ',
		    f->last_error != NULL ? '!' : ' ', counts);
		cw = (int)text_width(buf_str(&line));
		buf_reset(&tags);
		for (j = 0; j < f->n_tags; j++)
			(void)buf_addf(&tags, "%s%s", j == 0 ? "  [" : " ",
			    f->tags[j]);
		if (f->n_tags > 0)
			(void)buf_addch(&tags, ']');
		tw = (int)text_width(buf_str(&tags));
		if (tw > (COLS - cw) / 3)
			tw = (COLS - cw) / 3;
		ui_put(ui, top + y, 0, cw, buf_str(&line), role);
		ui_put(ui, top + y, cw, COLS - cw - tw, feed_name(f), role);
		if (tw > 0)
			ui_put(ui, top + y, COLS - tw, tw, buf_str(&tags), role);
	}
	buf_free(&tags);
	buf_free(&line);
}

static void
mark_all_cb(struct ui *ui, const char *text, void *arg)
{
	struct err err = ERR_INIT;

	(void)arg;
	if (text[0] != 'y' && text[0] != 'Y') {
		ui_set_status(ui, false, "nothing marked");
		return;
	}
	if (store_feed_set_read(ui->store, 0, true, &err) < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else
		ui_set_status(ui, false, "every article marked read");
	ui_reload_all(ui);
}

static void
tag_cb(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	free(ui->tag);
	ui->tag = text[0] != '\0' ? xstrdup(text) : NULL;
	ui_reload_all(ui);
}

static bool
step_unread(struct feeds_view *fv, int dir, int rows)
{
	size_t i = fv->list.sel;

	while (dir > 0 ? i + 1 < fv->nvis : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if (fv->all.feeds[fv->vis[i]].unread > 0) {
			ui_list_select(&fv->list, i, rows);
			return (true);
		}
	}
	return (false);
}

static bool
feeds_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct err err = ERR_INIT;
	struct store_feed *f;
	int rows = ui_body_rows(ui);
	long n;

	if (ui_list_action(&fv->list, a, count, rows))
		return (true);
	/* A count before a command selects that entry first. */
	if (count > 0 && (a == KEYMAP_OPEN || a == KEYMAP_OPEN_BROWSER ||
	    a == KEYMAP_OPEN_BROWSER_READ || a == KEYMAP_RELOAD ||
	    a == KEYMAP_MARK_FEED_READ || a == KEYMAP_SHOW_ERROR)) {
		if ((size_t)count > fv->nvis) {
			ui_set_status(ui, true, "no entry %ld", count);
			return (true);
		}
		ui_list_select(&fv->list, (size_t)count - 1, rows);
	}
	f = selected(fv);
	switch (a) {
	case KEYMAP_OPEN:
		if (f != NULL)
			ui_push(ui, ui_items_new(ui, f->id, feed_name(f)));
		return (true);
	case KEYMAP_NEXT:
	case KEYMAP_PREV:
	case KEYMAP_NEXT_FEED:
	case KEYMAP_PREV_FEED:
		n = count > 0 ? count : 1;
		return (ui_list_action(&fv->list, a == KEYMAP_NEXT ||
		    a == KEYMAP_NEXT_FEED ? KEYMAP_DOWN : KEYMAP_UP, n, rows));
	case KEYMAP_NEXT_UNREAD:
	case KEYMAP_PREV_UNREAD:
	case KEYMAP_NEXT_UNREAD_FEED:
	case KEYMAP_PREV_UNREAD_FEED:
		if (!step_unread(fv, a == KEYMAP_NEXT_UNREAD ||
		    a == KEYMAP_NEXT_UNREAD_FEED ? 1 : -1, rows))
			ui_set_status(ui, false, "no more unread feeds");
		return (true);
	case KEYMAP_RELOAD:
		if (f != NULL)
			ui_refresh_start(ui, f->url);
		return (true);
	case KEYMAP_MARK_FEED_READ:
		if (f == NULL)
			return (true);
		if (store_feed_set_read(ui->store, f->id, true, &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		ui_reload_all(ui);
		return (true);
	case KEYMAP_MARK_ALL_READ:
		if (ui->cfg->confirm_mark_all)
			ui_confirm(ui, "Mark every article read? (y/n)",
			    mark_all_cb, NULL);
		else
			mark_all_cb(ui, "y", NULL);
		return (true);
	case KEYMAP_SET_TAG:
		ui_prompt(ui, "Tag: ", &ui->tag_history, NULL, tag_cb, NULL);
		return (true);
	case KEYMAP_CLEAR_TAG:
		tag_cb(ui, "", NULL);
		return (true);
	case KEYMAP_SHOW_ERROR:
		if (f == NULL || f->last_error == NULL)
			ui_set_status(ui, false, "the last refresh of this "
			    "feed went fine");
		else
			ui_set_status(ui, true, "%s", f->last_error);
		return (true);
	case KEYMAP_OPEN_BROWSER:
	case KEYMAP_OPEN_BROWSER_READ:
		if (f != NULL)
			ui_open_url(ui, f->link != NULL ? f->link : f->url);
		return (true);
	case KEYMAP_SEARCH_FEED:
		if (f != NULL)
			ui_search_start(ui, f->id, feed_name(f));
		return (true);
	default:
		return (false);
	}
}

static const char *
feeds_link(struct ui *ui, struct ui_view *v)
{
	struct store_feed *f = selected((struct feeds_view *)v);

	(void)ui;
	if (f == NULL)
		return (NULL);
	return (f->link != NULL ? f->link : f->url);
}

static void
feeds_free(struct ui_view *v)
{
	struct feeds_view *fv = (struct feeds_view *)v;

	store_feed_list_free(&fv->all);
	free(fv->vis);
	free(fv);
}

static const struct ui_view_ops feeds_ops = {
	KEYMAP_CTX_FEEDS, feeds_title, feeds_draw, feeds_action,
	feeds_reload, feeds_link, NULL, NULL, feeds_free
};
