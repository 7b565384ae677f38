/*
 * ui_bulk: newsboat's actions on many articles at once.
 *
 *   mark-all-above-as-read	the articles above the selected one, read
 *   open-all-unread-in-browser	the links of the feed's unread articles
 *				(at most max-browser-tabs), one after the
 *				other as o opens one; -and-mark-read marks
 *				each read once its browser started
 *   save-all			every article of the feed as text, as s
 *				saves one, into a directory asked for
 *				(save-path offered)
 *
 * From the feed list they act on the selected feed, from an article
 * list on its rows (a query feed's or a filter's too).  toggle-source-
 * view (the article's source text) is ui_source.c's view.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

/* The articles of what v shows: its feed's, or its rows' condition. */
static int
scope(struct ui *ui, struct ui_view *v, struct store_query *q)
{
	memset(q, 0, sizeof(*q));
	if (ui_is_feeds(v))
		q->feed_id = ui_feeds_selected(ui, v);
	else if (ui_is_items(v)) {
		q->feed_id = ui_items_feed(v);
		q->where = ui_items_where(v);
	}
	if (q->feed_id == 0 && q->where == NULL)
		return (-1);
	q->sort = ui->article_sort;
	q->ascending = ui->article_asc;
	return (0);
}

static void
mark_above(struct ui *ui, struct ui_view *list)
{
	const struct store_item_row *r;
	struct err err = ERR_INIT;
	int64_t *ids;
	size_t i, n = 0, sel = ui_items_sel(list);

	ids = xcalloc(sel + 1, sizeof(*ids));
	for (i = 0; i < sel; i++)
		if ((r = ui_items_row(ui, list, i)) != NULL && !r->read)
			ids[n++] = r->id;
	if (n > 0 && store_begin(ui->store, &err) == 0) {
		for (i = 0; i < n; i++)
			if (store_item_set_read(ui->store, ids[i], true,
			    &err) < 0)
				break;
		if (i < n)
			store_rollback(ui->store);
		else
			(void)store_commit(ui->store, &err);
	}
	free(ids);
	ui_reload_all(ui);
	if (err.msg[0] != '\0') {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	/* Hiding read articles, the rows above left: follow the row. */
	if (!ui->show_read_items)
		ui_items_select_at(ui, list, sel - n);
	ui_set_status(ui, false, "%zu article%s above marked read", n,
	    n == 1 ? "" : "s");
}

static void
open_unread(struct ui *ui, struct ui_view *v, bool mark)
{
	struct store_query q;
	struct store_item_list l;
	struct err err = ERR_INIT;
	size_t i, opened = 0;

	if (scope(ui, v, &q) == -1) {
		ui_set_status(ui, true, "open-all-unread-in-browser: select "
		    "a feed");
		return;
	}
	q.filter = STORE_FILTER_UNREAD;
	q.limit = ui->cfg->max_browser_tabs > 0 ?
	    (size_t)ui->cfg->max_browser_tabs : 0;
	if (store_items_window(ui->store, &q, &l, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	for (i = 0; i < l.n; i++) {
		if (l.rows[i].link == NULL || l.rows[i].link[0] == '\0')
			continue;
		ui_open_url(ui, l.rows[i].link);
		if (ui->status_error)
			break;		/* the browser said why */
		opened++;
		if (mark && store_item_set_read(ui->store, l.rows[i].id, true,
		    &err) < 0) {
			ui_set_status(ui, true, "%s", err.msg);
			break;
		}
	}
	store_item_list_free(&l);
	ui_reload_all(ui);
	if (!ui->status_error)
		ui_set_status(ui, false, opened == 0 ? "no unread article "
		    "with a link" : "opened %zu unread article%s%s", opened,
		    opened == 1 ? "" : "s", mark ? ", marked read" : "");
}

/*
 * save-all: the plan (an article id and its file each) is made when
 * the directory is given, then written, after one question when files
 * of it exist already (n writes only the others).
 */
static struct {
	struct store_query q;
	int64_t		*ids;
	char		**paths;
	bool		*exists;
	size_t		 n;
	char		*dir;
} sa;

static void
save_all_clear(void)
{
	size_t i;

	for (i = 0; i < sa.n; i++)
		free(sa.paths[i]);
	free(sa.paths);
	free(sa.ids);
	free(sa.exists);
	free(sa.dir);
	sa.paths = NULL;
	sa.ids = NULL;
	sa.exists = NULL;
	sa.dir = NULL;
	sa.n = 0;
}

static void
save_all_write(struct ui *ui, bool overwrite)
{
	struct err err = ERR_INIT;
	size_t i, saved = 0, kept = 0;

	for (i = 0; i < sa.n; i++) {
		if (sa.exists[i] && !overwrite) {
			kept++;
			continue;
		}
		if (ui_save_write(ui, sa.ids[i], sa.paths[i], &err) < 0)
			break;
		saved++;
	}
	if (i < sa.n)
		ui_set_status(ui, true, "%s (%zu saved)", err.msg, saved);
	else
		ui_set_status(ui, false, "%zu article%s saved to %s%s", saved,
		    saved == 1 ? "" : "s", sa.dir, kept > 0 ?
		    " (existing files kept)" : "");
	save_all_clear();
}

static void
overwrite_cb(struct ui *ui, const char *answer, void *arg)
{
	(void)arg;
	save_all_write(ui, answer[0] == 'y');
}

/* A name not yet taken by this save-all: "x.txt", "x-2.txt"... */
static char *
unique_path(const char *dir, const char *name, size_t upto)
{
	struct buf b;
	const char *dot = strrchr(name, '.');
	size_t i, k, stem = dot != NULL ? (size_t)(dot - name) : strlen(name);
	bool taken;

	buf_init(&b, SIZE_MAX);
	for (k = 1;; k++) {
		buf_reset(&b);
		(void)buf_addf(&b, "%s/%.*s", dir, (int)stem, name);
		if (k > 1)
			(void)buf_addf(&b, "-%zu", k);
		(void)buf_addstr(&b, name + stem);
		for (taken = false, i = 0; i < upto && !taken; i++)
			taken = strcmp(sa.paths[i], buf_str(&b)) == 0;
		if (!taken)
			break;
	}
	{
		char *s = buf_detach(&b);

		buf_free(&b);
		return (s);
	}
}

static void
dir_cb(struct ui *ui, const char *text, void *arg)
{
	struct store_item_list l;
	struct err err = ERR_INIT;
	struct stat st;
	char *name;
	size_t i, nexist = 0, len;

	(void)arg;
	save_all_clear();
	if (text[0] == '\0') {
		ui_set_status(ui, false, "not saved");
		return;
	}
	sa.dir = ui_save_expand(text);
	len = strlen(sa.dir);
	while (len > 1 && sa.dir[len - 1] == '/')
		sa.dir[--len] = '\0';
	if (stat(sa.dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		ui_set_status(ui, true, "%s: %s", sa.dir, errno == ENOENT ||
		    errno == 0 ? "no such directory" : strerror(errno));
		save_all_clear();
		return;
	}
	sa.q.filter = STORE_FILTER_ALL;
	sa.q.limit = 0;
	if (store_items_window(ui->store, &sa.q, &l, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		save_all_clear();
		return;
	}
	sa.ids = xcalloc(l.n + 1, sizeof(*sa.ids));
	sa.paths = xcalloc(l.n + 1, sizeof(*sa.paths));
	sa.exists = xcalloc(l.n + 1, sizeof(*sa.exists));
	for (i = 0; i < l.n; i++) {
		name = ui_save_name(l.rows[i].title);
		sa.ids[i] = l.rows[i].id;
		sa.paths[i] = unique_path(sa.dir, name, i);
		sa.exists[i] = lstat(sa.paths[i], &st) == 0;
		nexist += sa.exists[i];
		sa.n++;
		free(name);
	}
	store_item_list_free(&l);
	if (sa.n == 0) {
		ui_set_status(ui, false, "no articles to save");
		save_all_clear();
	} else if (nexist > 0) {
		char q[160];

		snprintf(q, sizeof(q), "%zu of the %zu files exist: overwrite "
		    "them? (y/n)", nexist, sa.n);
		ui_confirm(ui, q, overwrite_cb, NULL);
	} else
		save_all_write(ui, false);
}

static void
save_all(struct ui *ui, struct ui_view *v)
{
	char *dir;

	if (scope(ui, v, &sa.q) == -1) {
		ui_set_status(ui, true, "save-all: select a feed");
		return;
	}
	dir = ui_save_expand(ui->cfg->save_path);
	ui_prompt(ui, "Save all articles to directory: ", NULL, dir, dir_cb,
	    NULL);
	free(dir);
}

bool
ui_bulk_action(struct ui *ui, struct ui_view *v, enum keymap_action a)
{
	int64_t id;

	switch (a) {
	case KEYMAP_MARK_ABOVE_READ:
		if (!ui_is_items(v))
			return (false);
		mark_above(ui, v);
		return (true);
	case KEYMAP_OPEN_ALL_UNREAD:
	case KEYMAP_OPEN_ALL_UNREAD_READ:
		if (!ui_is_items(v) && !ui_is_feeds(v))
			return (false);
		open_unread(ui, v, a == KEYMAP_OPEN_ALL_UNREAD_READ);
		return (true);
	case KEYMAP_SAVE_ALL:
		if (!ui_is_items(v) && !ui_is_feeds(v))
			return (false);
		save_all(ui, v);
		return (true);
	case KEYMAP_TOGGLE_SOURCE:
		if ((id = ui_article_id(v)) == 0)
			return (false);
		ui_push(ui, ui_source_new(ui, id));
		return (true);
	default:
		return (false);
	}
}
