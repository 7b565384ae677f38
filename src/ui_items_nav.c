/*
 * ui_items_nav: moving across feeds from the article list or the article
 * view (next-unread and prev-unread with goto-next-feed, next-unread-feed,
 * prev-unread-feed, next-feed, prev-feed) and random-unread.  The feeds
 * follow the order of the feed list below, as shown (tag, hidden feeds).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

int64_t
ui_items_cross(struct ui *ui, struct ui_view **listp, int dir,
    bool unread_only, int pick)
{
	struct ui_view *list = *listp, *nv;
	const char *name = NULL;
	int64_t feed, id;

	if (!ui_is_items(list) || !ui_is_feeds(list->parent)) {
		ui_set_status(ui, false, "no other feed from here");
		return (0);
	}
	feed = ui_feeds_step(ui, list->parent, ui_items_feed(list), dir,
	    unread_only, &name);
	if (feed == 0) {
		ui_set_status(ui, false, "no %s feed%s", dir > 0 ? "next" :
		    "previous", unread_only ? " with unread articles" : "");
		return (0);
	}
	nv = ui_items_new(ui, feed, name);
	id = ui_items_select(ui, nv, 0, pick);
	ui_replace(ui, list, nv);
	*listp = nv;
	return (id);
}

/* An unread article at random: of the current feed only when
 * goto-next-feed is off, else of any feed; 0 if none. */
static int64_t
pick(struct ui *ui, int64_t feed, int64_t *feed_id, char **feed_title)
{
	struct err err = ERR_INIT;
	struct store_query q;
	struct store_item_list win;
	int64_t unread, total, id;

	if (store_counts(ui->store, feed, &unread, &total, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return (0);
	}
	if (unread <= 0 || unread > UINT32_MAX) {
		ui_set_status(ui, false, "no unread articles%s",
		    feed != 0 ? " in this feed" : "");
		return (0);
	}
	memset(&q, 0, sizeof(q));
	q.feed_id = feed;
	q.filter = STORE_FILTER_UNREAD;
	q.offset = arc4random_uniform((uint32_t)unread);
	q.limit = 1;
	if (store_items_window(ui->store, &q, &win, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return (0);
	}
	id = 0;
	if (win.n > 0) {
		id = win.rows[0].id;
		*feed_id = win.rows[0].feed_id;
		*feed_title = win.rows[0].feed_title != NULL ?
		    xstrdup(win.rows[0].feed_title) : NULL;
	}
	store_item_list_free(&win);
	return (id);
}

int64_t
ui_items_random(struct ui *ui, struct ui_view **listp)
{
	struct ui_view *list = *listp, *feeds, *nv;
	const char *name;
	char *title = NULL;
	int64_t id, feed = 0;

	id = pick(ui, ui_is_items(list) && !ui->cfg->goto_next_feed ?
	    ui_items_feed(list) : 0, &feed, &title);
	if (id == 0)
		return (0);
	/* In the list shown: select it there. */
	if (ui_is_items(list) && ui_items_feed(list) == feed) {
		free(title);
		return (ui_items_select(ui, list, id, 0) != 0 ? id : 0);
	}
	feeds = ui_is_feeds(list) ? list : ui_is_items(list) &&
	    ui_is_feeds(list->parent) ? list->parent : NULL;
	if (feeds == NULL) {
		/* Search results: the article alone. */
		free(title);
		return (id);
	}
	if ((name = ui_feeds_goto(ui, feeds, feed)) == NULL)
		name = title != NULL ? title : "";
	nv = ui_items_new(ui, feed, name);
	free(title);
	(void)ui_items_select(ui, nv, id, 0);
	if (list == feeds)
		ui_push(ui, nv);
	else
		ui_replace(ui, list, nv);
	*listp = nv;
	return (id);
}
