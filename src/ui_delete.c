/*
 * ui_delete: newsboat's delete-article (D), delete-all-articles (^D)
 * and purge-deleted ($).
 *
 * As in newsboat, deleting marks: the article list keeps a marked
 * article (D in its flags column) and marks it read, D on it again
 * takes the mark back, and the marked articles are deleted for good by
 * purge-deleted or when the list is left (another list, the feed list,
 * the end of the interface).  Deleting for good is cleanup's
 * (store_items_delete): the search index forgets them, the counts and
 * query feeds lose them, and their guids stay in item_deleted so that
 * the feed does not bring them back.  In the article view D marks the
 * article in the list it was opened from and goes on to the next unread
 * one, back to the list when there is none.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

/* The marks are kept sorted: where id is or would go. */
static size_t
find(const struct ui_deleted *d, int64_t id)
{
	size_t lo = 0, hi = d->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->ids[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

bool
ui_deleted_has(const struct ui_deleted *d, int64_t id)
{
	size_t i;

	if (d == NULL || d->n == 0)
		return (false);
	i = find(d, id);
	return (i < d->n && d->ids[i] == id);
}

static void
mark(struct ui_deleted *d, int64_t id)
{
	size_t i = find(d, id);

	if (i < d->n && d->ids[i] == id)
		return;
	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 16;
		d->ids = xreallocarray(d->ids, d->alloc, sizeof(*d->ids));
	}
	memmove(&d->ids[i + 1], &d->ids[i], (d->n - i) * sizeof(*d->ids));
	d->ids[i] = id;
	d->n++;
}

static void
unmark(struct ui_deleted *d, int64_t id)
{
	size_t i = find(d, id);

	if (i == d->n || d->ids[i] != id)
		return;
	memmove(&d->ids[i], &d->ids[i + 1], (d->n - i - 1) *
	    sizeof(*d->ids));
	d->n--;
}

void
ui_deleted_purge(struct ui *ui, struct ui_deleted *d, bool quiet)
{
	struct err err = ERR_INIT;
	int64_t n;

	if (d->n == 0) {
		if (!quiet)
			ui_set_status(ui, false, "no article is marked "
			    "deleted");
		return;
	}
	n = store_items_delete(ui->store, d->ids, d->n, &err);
	d->n = 0;
	if (n < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (!quiet)
		ui_set_status(ui, false, "%lld deleted article%s purged",
		    (long long)n, n == 1 ? "" : "s");
}

/* D in an article list: mark or unmark, then the next row. */
static void
delete_in_list(struct ui *ui, struct ui_view *list)
{
	struct ui_deleted *d = ui_items_deleted(list);
	const struct store_item_row *r;
	struct err err = ERR_INIT;
	size_t sel = ui_items_sel(list);
	int64_t id;
	bool was_read, on;

	if ((r = ui_items_row(ui, list, sel)) == NULL) {
		ui_set_status(ui, false, "no article here");
		return;
	}
	id = r->id;
	was_read = r->read;
	on = !ui_deleted_has(d, id);
	if (on)
		mark(d, id);
	else
		unmark(d, id);
	if (on && !was_read &&
	    store_item_set_read(ui->store, id, true, &err) < 0)
		ui_set_status(ui, true, "%s", err.msg);
	ui_reload_all(ui);
	/* Hiding read articles, it left the list: the next is in place. */
	if (!(on && !was_read && !ui->show_read_items))
		ui_items_select_at(ui, list, sel + 1);
	if (!err.msg[0])
		ui_set_status(ui, false, on ? "marked deleted ($ purges, D "
		    "again keeps it)" : "no longer marked deleted");
}

/* D in the article view: newsboat marks it and goes on. */
static void
delete_in_article(struct ui *ui, struct ui_view *v)
{
	struct ui_view *list = ui_article_list(v);
	int64_t id = ui_article_id(v);

	if (id == 0)
		return;
	if (!ui_is_items(list)) {
		ui_set_status(ui, true, "delete-article: in an article list "
		    "and the articles opened from it");
		return;
	}
	mark(ui_items_deleted(list), id);
	/* Opening it marked it read already. */
	ui_run_action(ui, KEYMAP_NEXT_UNREAD, 0);
	if (ui->view == v && ui_article_id(v) == id)
		ui_pop(ui);
	ui_set_status(ui, false, "marked deleted ($ in the list purges)");
}

static void
delete_all_cb(struct ui *ui, const char *answer, void *arg)
{
	struct ui_view *list = arg;
	const struct store_where *w = ui_items_where(list);
	const struct store_item_row *r;
	struct ui_deleted *d = ui_items_deleted(list);
	struct err err = ERR_INIT;
	size_t i, n = ui_items_count(list);
	int rc;

	if (answer[0] != 'y')
		return;
	for (i = 0; i < n; i++)
		if ((r = ui_items_row(ui, list, i)) != NULL)
			mark(d, r->id);
	/* newsboat marks them read too: the rows of the list. */
	rc = w != NULL ? store_where_set_read(ui->store, w, &err) :
	    store_feed_set_read(ui->store, ui_items_feed(list), true, &err);
	ui_reload_all(ui);
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else
		ui_set_status(ui, false, "%zu article%s marked deleted ($ "
		    "purges)", n, n == 1 ? "" : "s");
}

bool
ui_delete_action(struct ui *ui, struct ui_view *v, enum keymap_action a)
{
	switch (a) {
	case KEYMAP_DELETE_ARTICLE:
		if (ui_is_items(v))
			delete_in_list(ui, v);
		else if (ui_article_id(v) != 0)
			delete_in_article(ui, v);
		else
			return (false);
		return (true);
	case KEYMAP_DELETE_ALL:
		if (!ui_is_items(v))
			return (false);
		if (ui_items_count(v) == 0)
			ui_set_status(ui, false, "no articles to delete");
		else
			ui_confirm(ui, "Do you really want to delete all "
			    "articles? (y/n)", delete_all_cb, v);
		return (true);
	case KEYMAP_PURGE_DELETED:
		if (!ui_is_items(v))
			return (false);
		ui_deleted_purge(ui, ui_items_deleted(v), false);
		ui_reload_all(ui);
		return (true);
	default:
		return (false);
	}
}
