/*
 * ui_items: the article list of one feed, read from the store a window of
 * rows at a time (newest first), so a feed of any size opens at once.
 *
 * Windows are read by key, never by counting rows from the top: a window
 * is reached from the nearest row whose (date, id) is known, which is a
 * row of the window on screen when scrolling, or the end of the list
 * (the oldest row) for a jump to the bottom.  Only a jump into the middle
 * of a long list leaves rows to skip, and the store skips them in the
 * index (store_items_window).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

struct items_view {
	struct ui_view		 base;
	int64_t			 feed_id;
	struct filter		*query;	/* a query feed's, or NULL */
	char			*query_expr;
	/* F / f: the filter set (user_expr), compiled together with the
	   feed (cond), which then reads in place of query. */
	char			*user_expr;
	struct filter		*cond;
	char			*feed_title;
	char			*feed_url;
	struct ui_list		 list;
	struct store_item_list	 win;	/* cached rows win_off .. + win.n */
	size_t			 win_off;
	bool			 win_valid;
	bool			 exact;	/* list.count is every row of the
					   filter (not cut by max-items) */
	struct store_idlist	 ids;	/* a condition's rows (query feed,
					   F filter), read by id */
	int64_t			 unread;
	int64_t			 total;
	struct ui		*ui;	/* for the purge when it is left */
	struct ui_deleted	 deleted;	/* ui_delete.c */
};

static const struct ui_view_ops items_ops;

bool
ui_is_items(const struct ui_view *v)
{
	return (v != NULL && v->ops == &items_ops);
}

static void
drop_window(struct items_view *iv)
{
	if (iv->win_valid)
		store_item_list_free(&iv->win);
	iv->win.rows = NULL;
	iv->win.n = 0;
	iv->win_valid = false;
}

/*
 * Set q to read the window of rows ws .. ws + limit - 1 from the anchor
 * that leaves the fewest rows to skip: the top of the list, a row of the
 * current window, or the bottom of the list.  Returns the position of the
 * first row the query gives back when it comes short (a backward read
 * ends at the anchor side).
 */
static size_t
plan(struct items_view *iv, struct store_query *q, size_t ws)
{
	const struct store_item_row *r;
	size_t best = ws, wo = iv->win_off, we, p, limit = q->limit, end;

	q->offset = ws;		/* from the top */
	if (iv->win_valid && iv->win.n > 0) {
		we = wo + iv->win.n;
		/* Forward from the last window row above ws. */
		if (ws > wo) {
			p = (ws < we ? ws : we) - 1;
			if (ws - 1 - p < best) {
				best = ws - 1 - p;
				r = &iv->win.rows[p - wo];
				q->has_key = true;
				q->newer = false;
				store_item_key_of(r, q->sort, &q->key);
				q->offset = best;
			}
		}
		/* Backward from the first window row below the window. */
		p = ws + limit > wo ? ws + limit : wo;
		if (p < we && p - (ws + limit) < best) {
			best = p - (ws + limit);
			r = &iv->win.rows[p - wo];
			q->has_key = true;
			q->newer = true;
			store_item_key_of(r, q->sort, &q->key);
			q->offset = best;
		}
	}
	/* Backward from the bottom of the list. */
	if (iv->exact && iv->list.count > ws) {
		end = iv->list.count;
		if (ws + limit >= end) {
			q->limit = end - ws;
			p = 0;
		} else
			p = end - (ws + limit);
		if (p < best) {
			q->has_key = false;
			q->newer = true;
			q->from_end = true;
			q->offset = p;
			best = p;
		} else
			q->limit = limit;
	}
	return (q->newer ? ws + q->limit : ws);
}

/* Row i of the list, reading a window around it when needed. */
static struct store_item_row *
row_at(struct ui *ui, struct items_view *iv, size_t i)
{
	struct store_query q;
	struct store_item_list win;
	struct err err = ERR_INIT;
	size_t rows = (size_t)ui_body_rows(ui), ws, end;

	if (i >= iv->list.count)
		return (NULL);
	if (iv->win_valid && i >= iv->win_off && i < iv->win_off + iv->win.n)
		return (&iv->win.rows[i - iv->win_off]);
	if (iv->cond != NULL || iv->query != NULL) {
		/* By id: the same cost anywhere in the list. */
		ws = i > rows ? i - rows : 0;
		if (store_idlist_window(ui->store, &iv->ids, ws, rows * 3,
		    &win, &err) < 0) {
			ui_set_status(ui, true, "%s", err.msg);
			drop_window(iv);
			return (NULL);
		}
		drop_window(iv);
		iv->win = win;
		iv->win_valid = true;
		iv->win_off = ws;
		return (i - ws < win.n ? &iv->win.rows[i - ws] : NULL);
	}
	memset(&q, 0, sizeof(q));
	q.feed_id = iv->feed_id;
	q.where = iv->cond != NULL ? filter_where(iv->cond) :
	    iv->query != NULL ? filter_where(iv->query) : NULL;
	q.filter = ui->show_read_items ? STORE_FILTER_ALL :
	    STORE_FILTER_UNREAD;
	q.sort = ui->article_sort;
	q.ascending = ui->article_asc;
	ws = i > rows ? i - rows : 0;
	q.limit = rows * 3;
	end = plan(iv, &q, ws);
	if (store_items_window(ui->store, &q, &win, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		drop_window(iv);
		return (NULL);
	}
	drop_window(iv);
	iv->win = win;
	iv->win_valid = true;
	/* A backward read that came short holds the rows next to its
	   anchor, the last ones of the window. */
	iv->win_off = end == ws ? ws : end - (win.n < end ? win.n : end);
	if (i < iv->win_off || i >= iv->win_off + iv->win.n)
		return (NULL);
	return (&iv->win.rows[i - iv->win_off]);
}

static int64_t	seek(struct ui *, struct items_view *, size_t, int, int64_t);

/*
 * After a reload, select the article id that was at row was when the
 * list had before rows: new articles above it (a refresh, auto-reload)
 * move it down by at most as many rows as came, rows gone above it move
 * it up by at most as many as went.
 * Rows are looked at nearest first, a screenful either way past that;
 * an article no longer listed leaves the selection at its row.
 */
static void
keep_selected(struct ui *ui, struct items_view *iv, int64_t id, size_t was,
    size_t before)
{
	size_t rows = (size_t)ui_body_rows(ui), grow, shrink, i, lo, hi;
	struct store_item_row *r;

	grow = iv->list.count > before ? iv->list.count - before : 0;
	shrink = before > iv->list.count ? before - iv->list.count : 0;
	lo = was > shrink + rows ? was - shrink - rows : 0;
	hi = was + grow + rows;
	for (i = was; i < iv->list.count && i <= hi; i++) {
		if ((r = row_at(ui, iv, i)) == NULL)
			return;
		if (r->id == id) {
			ui_list_select(&iv->list, i, (int)rows);
			return;
		}
	}
	for (i = was < iv->list.count ? was : iv->list.count; i > lo; i--) {
		if ((r = row_at(ui, iv, i - 1)) == NULL)
			return;
		if (r->id == id) {
			ui_list_select(&iv->list, i - 1, (int)rows);
			return;
		}
	}
}

static void
items_reload(struct ui *ui, struct ui_view *v)
{
	struct items_view *iv = (struct items_view *)v;
	struct err err = ERR_INIT;
	size_t was = iv->list.sel, before = iv->list.count;
	int64_t n, keep = 0;

	/* The article selected, to keep the cursor on it. */
	if (iv->win_valid && was >= iv->win_off &&
	    was < iv->win_off + iv->win.n)
		keep = iv->win.rows[was - iv->win_off].id;
	drop_window(iv);
	store_idlist_free(&iv->ids);
	if (iv->cond != NULL || iv->query != NULL) {
		/* The rows' ids and the counts, in one pass. */
		if (store_where_idlist(ui->store, filter_where(iv->cond !=
		    NULL ? iv->cond : iv->query), ui->article_sort,
		    ui->article_asc, !ui->show_read_items, &iv->ids,
		    &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		iv->unread = iv->ids.unread;
		iv->total = iv->ids.total;
	} else if (store_counts(ui->store, iv->feed_id, &iv->unread,
	    &iv->total, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		iv->unread = iv->total = 0;
	}
	n = ui->show_read_items ? iv->total : iv->unread;
	iv->exact = true;
	if (ui->cfg->max_items > 0 && n > ui->cfg->max_items) {
		n = ui->cfg->max_items;
		iv->exact = false;
	}
	ui_list_set_count(&iv->list, n > 0 ? (size_t)n : 0, ui_body_rows(ui));
	if (keep != 0)
		keep_selected(ui, iv, keep, was, before);
}

/* goto-first-unread: a feed opens on its first unread article. */
static void
first_unread(struct ui *ui, struct items_view *iv)
{
	if (ui->cfg->goto_first_unread)
		(void)seek(ui, iv, 0, 1, 0);
}

struct ui_view *
ui_items_new(struct ui *ui, int64_t feed_id, const char *feed_title)
{
	struct items_view *iv = xcalloc(1, sizeof(*iv));
	struct store_feed f;
	struct err err = ERR_INIT;

	iv->base.ops = &items_ops;
	iv->ui = ui;
	iv->feed_id = feed_id;
	iv->feed_title = xstrdup(feed_title != NULL ? feed_title : "");
	memset(&f, 0, sizeof(f));
	if (store_feed_get(ui->store, feed_id, &f, &err) == 0) {
		iv->feed_url = xstrdup(f.url);
		store_feed_clear(&f);
	}
	ui_list_init(&iv->list, 0);
	items_reload(ui, &iv->base);
	first_unread(ui, iv);
	return (&iv->base);
}

struct ui_view *
ui_items_new_query(struct ui *ui, const char *expr, const char *title)
{
	struct items_view *iv = xcalloc(1, sizeof(*iv));
	struct err err = ERR_INIT;

	iv->base.ops = &items_ops;
	iv->ui = ui;
	iv->feed_title = xstrdup(title != NULL ? title : "");
	iv->query_expr = xstrdup(expr);
	/* "match nothing" keeps a view that failed harmless. */
	if ((iv->query = filter_parse(expr, &err)) == NULL) {
		ui_set_status(ui, true, "%s", err.msg);
		iv->query = filter_parse("guid = \"\" and guid != \"\"",
		    &err);
	}
	ui_list_init(&iv->list, 0);
	items_reload(ui, &iv->base);
	first_unread(ui, iv);
	return (&iv->base);
}

static void
items_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	struct items_view *iv = (struct items_view *)v;

	(void)ui;
	ui_title_counts(ti, iv->unread, iv->total);
	format_set(&ti->a, 'T', iv->feed_title);
	ti->url = format_censor_url(iv->feed_url);
	format_set(&ti->a, 'U', ti->url);
	format_set(&ti->a, 'F', iv->user_expr);	/* F, f: the filter */
	(void)buf_addf(b, "Articles in '%s' (%lld unread, %lld total)",
	    iv->feed_title, (long long)iv->unread, (long long)iv->total);
	if (iv->user_expr != NULL)
		(void)buf_addf(b, ", filter: %s", iv->user_expr);
}

/* A string of the filter language holding s ("" and \ escaped). */
static void
add_quoted(struct buf *b, const char *s)
{
	(void)buf_addch(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			(void)buf_addch(b, '\\');
		(void)buf_addch(b, *s);
	}
	(void)buf_addch(b, '"');
}

int
ui_items_set_filter(struct ui *ui, struct ui_view *list, const char *expr,
    char *msg, size_t size)
{
	struct items_view *iv = (struct items_view *)list;
	struct err err = ERR_INIT;
	struct filter *f;
	struct buf b;

	if (!ui_is_items(list))
		return (-1);
	if (expr != NULL) {
		/* Alone first, so that a position is the user's. */
		if ((f = filter_parse(expr, &err)) == NULL) {
			snprintf(msg, size, "%s", err.msg);
			return (-1);
		}
		filter_free(f);
		/* With the feed: its counts are the filter's too. */
		buf_init(&b, BUF_CAP_TEXT);
		if (iv->query_expr != NULL)
			(void)buf_addf(&b, "(%s) and ", iv->query_expr);
		else if (iv->feed_url != NULL) {
			(void)buf_addstr(&b, "rssurl = ");
			add_quoted(&b, iv->feed_url);
			(void)buf_addstr(&b, " and ");
		}
		(void)buf_addf(&b, "(%s)", expr);
		f = filter_parse(buf_str(&b), &err);
		buf_free(&b);
		if (f == NULL) {
			snprintf(msg, size, "%s", err.msg);
			return (-1);
		}
	} else
		f = NULL;
	filter_free(iv->cond);
	free(iv->user_expr);
	iv->cond = f;
	iv->user_expr = expr != NULL ? xstrdup(expr) : NULL;
	ui_list_init(&iv->list, 0);
	items_reload(ui, list);
	ui->dirty = true;
	return (0);
}

/* A line of articlelist-format: newsboat's keys. */
static void
draw_formatted(struct ui *ui, const struct items_view *iv,
    const struct store_item_row *r, size_t i, int y, const char *date,
    attr_t attr)
{
	struct format_args a;
	char idx[24], f[3];
	bool del = ui_deleted_has(&iv->deleted, r->id);

	format_args_init(&a);
	snprintf(idx, sizeof(idx), "%zu", i + 1);
	f[0] = del ? 'D' : r->read ? ' ' : 'N';
	f[1] = r->flagged ? '!' : ' ';
	f[2] = '\0';
	format_set(&a, 'i', idx);
	format_set(&a, 'f', f);
	format_set(&a, 'n', r->read ? " " : "N");
	format_set(&a, 'd', del ? "D" : " ");
	format_set(&a, 'F', r->flagged ? "!" : NULL);
	format_set(&a, 'D', date);
	format_set(&a, 'a', r->author);
	format_set(&a, 't', r->title);
	/* The feed of each article, in a list of several feeds. */
	format_set(&a, 'T', iv->query != NULL ? r->feed_title : NULL);
	ui_put_format(ui, y, ui->cfg->articlelist_format, &a, attr,
	    CONF_HL_ARTICLELIST);
}

static void
items_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct items_view *iv = (struct items_view *)v;
	struct store_item_row *r;
	struct buf line;
	char date[64];
	int64_t *ids;
	attr_t *hl, attr;
	size_t i, n;
	int y, lw, aw;
	bool focus;
	enum ui_role role;

	if (iv->list.count == 0) {
		ui_put(ui, top, 0, COLS, ui->show_read_items ?
		    "No articles." : "No unread articles (L shows read ones).",
		    UI_NORMAL);
		return;
	}
	/* highlight-article: the store matches the rows on screen. */
	ids = xcalloc((size_t)rows + 1, sizeof(*ids));
	hl = xcalloc((size_t)rows + 1, sizeof(*hl));
	for (n = 0; n < (size_t)rows && iv->list.top + n < iv->list.count &&
	    (r = row_at(ui, iv, iv->list.top + n)) != NULL; n++)
		ids[n] = r->id;
	ui_hl_articles(ui, ids, n, hl);
	buf_init(&line, BUF_CAP_TEXT);
	for (y = 0; y < rows && iv->list.top + (size_t)y < iv->list.count;
	    y++) {
		i = iv->list.top + (size_t)y;
		if ((r = row_at(ui, iv, i)) == NULL)
			break;
		focus = i == iv->list.sel;
		role = !r->read ? (focus ? UI_FOCUS_UNREAD : UI_UNREAD) :
		    (focus ? UI_FOCUS : UI_NORMAL);
		/* The selected row keeps the focus colours. */
		attr = (size_t)y < n && hl[y] != 0 && !focus ? hl[y] :
		    ui_attr(ui, role);
		ui_date(ui, r->date, date, sizeof(date));
		if (ui->cfg->articlelist_format[0] != '\0') {
			draw_formatted(ui, iv, r, i, top + y, date, attr);
			continue;
		}
		buf_reset(&line);
		(void)buf_addf(&line, "%4zu %c%c %s  ", i + 1,
		    ui_deleted_has(&iv->deleted, r->id) ? 'D' : r->read ?
		    ' ' : 'N', r->flagged ? '!' : ' ', date);
		lw = (int)text_width(buf_str(&line));
		aw = COLS >= 80 ? 18 : 0;
		ui_hl_put(ui, top + y, 0, lw, buf_str(&line), attr,
		    CONF_HL_ARTICLELIST);
		if (aw > 0)
			ui_hl_put(ui, top + y, lw, aw, r->author != NULL ?
			    r->author : "", attr, CONF_HL_ARTICLELIST);
		ui_hl_put(ui, top + y, lw + aw, COLS - lw - aw,
		    r->title != NULL && r->title[0] != '\0' ? r->title :
		    "(untitled)", attr, CONF_HL_ARTICLELIST);
	}
	buf_free(&line);
	free(hl);
	free(ids);
}

/* Move the selection to the next (dir 1) or previous row, optionally
 * only unread ones; the id of the row reached, 0 if none. */
static int64_t
step(struct ui *ui, struct items_view *iv, int dir, bool unread_only)
{
	struct store_item_row *r;
	size_t i = iv->list.sel;

	while (dir > 0 ? i + 1 < iv->list.count : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		if ((r = row_at(ui, iv, i)) == NULL)
			return (0);
		if (!unread_only || !r->read) {
			ui_list_select(&iv->list, i, ui_body_rows(ui));
			return (r->id);
		}
	}
	return (0);
}

int64_t
ui_items_step(struct ui *ui, struct ui_view *list, int dir,
    bool unread_only)
{
	if (!ui_is_items(list))
		return (0);
	return (step(ui, (struct items_view *)list, dir, unread_only));
}

/* From row `from' on (dir 1) or back (dir -1), select the row with this
 * id, or the first unread one when id is 0; its id, 0 if none. */
static int64_t
seek(struct ui *ui, struct items_view *iv, size_t from, int dir, int64_t id)
{
	struct store_item_row *r;
	size_t i = from;

	if (from >= iv->list.count)
		return (0);
	for (;;) {
		if ((r = row_at(ui, iv, i)) == NULL)
			return (0);
		if (id != 0 ? r->id == id : !r->read) {
			ui_list_select(&iv->list, i, ui_body_rows(ui));
			return (r->id);
		}
		if (dir < 0 ? i == 0 : i + 1 >= iv->list.count)
			return (0);
		i = dir < 0 ? i - 1 : i + 1;
	}
}

int64_t
ui_items_select(struct ui *ui, struct ui_view *list, int64_t id, int dir)
{
	struct items_view *iv = (struct items_view *)list;
	struct store_item_row *r;

	if (!ui_is_items(list) || iv->list.count == 0)
		return (0);
	if (id == 0 && dir == 0) {
		ui_list_select(&iv->list, 0, ui_body_rows(ui));
		return ((r = row_at(ui, iv, 0)) != NULL ? r->id : 0);
	}
	return (seek(ui, iv, dir < 0 ? iv->list.count - 1 : 0,
	    dir < 0 ? -1 : 1, id));
}

int64_t
ui_items_feed(const struct ui_view *list)
{
	return (ui_is_items(list) ? ((const struct items_view *)list)->feed_id :
	    0);
}

void
ui_items_set_read(struct ui_view *list, int64_t id, bool read)
{
	struct items_view *iv = (struct items_view *)list;
	size_t i;

	if (!ui_is_items(list) || !iv->win_valid)
		return;
	for (i = 0; i < iv->win.n; i++)
		if (iv->win.rows[i].id == id)
			iv->win.rows[i].read = read;
}

/* N: toggle, then move on as toggleitemread-jumps-to-next(-unread) say. */
static void
toggle_read(struct ui *ui, struct items_view *iv, struct store_item_row *r)
{
	struct err err = ERR_INIT;
	size_t sel = iv->list.sel;
	bool was_read = r->read, gone;

	if (store_item_set_read(ui->store, r->id, !was_read, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	ui_reload_all(ui);
	/* Hiding read articles, the row left the list: the next one is
	   where it was. */
	gone = !ui->show_read_items && !was_read;
	if (ui->cfg->toggle_jumps_next_unread)
		(void)seek(ui, iv, gone ? sel : sel + 1, 1, 0);
	else if (ui->cfg->toggle_jumps_next && !gone &&
	    sel + 1 < iv->list.count)
		ui_list_select(&iv->list, sel + 1, ui_body_rows(ui));
}

static bool
items_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct items_view *iv = (struct items_view *)v;
	struct store_item_row *r;
	struct err err = ERR_INIT;
	int rows = ui_body_rows(ui), dir;
	long k, n = count > 0 ? count : 1;
	size_t sel;
	bool gone;

	if (ui_list_action(&iv->list, a, count, rows))
		return (true);
	if (count > 0 && (a == KEYMAP_OPEN || a == KEYMAP_OPEN_BROWSER ||
	    a == KEYMAP_OPEN_BROWSER_READ || a == KEYMAP_TOGGLE_READ ||
	    a == KEYMAP_TOGGLE_FLAG || a == KEYMAP_COPY_URL ||
	    a == KEYMAP_SAVE || a == KEYMAP_PIPE_TO ||
	    a == KEYMAP_BOOKMARK || a == KEYMAP_EDIT_FLAGS ||
	    a == KEYMAP_ENQUEUE)) {
		if ((size_t)count > iv->list.count) {
			ui_set_status(ui, true, "no entry %ld", count);
			return (true);
		}
		ui_list_select(&iv->list, (size_t)count - 1, rows);
	}
	r = row_at(ui, iv, iv->list.sel);
	switch (a) {
	case KEYMAP_OPEN:
		if (r != NULL)
			ui_push(ui, ui_article_new(ui, r->id, v, NULL));
		return (true);
	case KEYMAP_NEXT:
	case KEYMAP_PREV:
		return (ui_list_action(&iv->list, a == KEYMAP_NEXT ?
		    KEYMAP_DOWN : KEYMAP_UP, n, rows));
	case KEYMAP_NEXT_UNREAD:
	case KEYMAP_PREV_UNREAD:
		dir = a == KEYMAP_NEXT_UNREAD ? 1 : -1;
		for (k = 0; k < n; k++) {
			if (step(ui, iv, dir, true) != 0)
				continue;
			/* Past the last unread one: the next feed's.  The
			   view is replaced: nothing of iv after this. */
			if (ui->cfg->goto_next_feed)
				(void)ui_items_cross(ui, &v, dir, true, dir);
			else
				ui_set_status(ui, false,
				    "no more unread articles");
			break;
		}
		return (true);
	case KEYMAP_NEXT_UNREAD_FEED:
	case KEYMAP_PREV_UNREAD_FEED:
	case KEYMAP_NEXT_FEED:
	case KEYMAP_PREV_FEED:
		(void)ui_items_cross(ui, &v, a == KEYMAP_NEXT_UNREAD_FEED ||
		    a == KEYMAP_NEXT_FEED ? 1 : -1,
		    a == KEYMAP_NEXT_UNREAD_FEED ||
		    a == KEYMAP_PREV_UNREAD_FEED,
		    a == KEYMAP_NEXT_FEED || a == KEYMAP_PREV_FEED ? 0 : 1);
		return (true);
	case KEYMAP_RANDOM_UNREAD:
		(void)ui_items_random(ui, &v);
		return (true);
	case KEYMAP_SAVE:
		if (r != NULL)
			ui_save_article(ui, r->id);
		return (true);
	case KEYMAP_PIPE_TO:
		if (r != NULL)
			ui_pipe_article(ui, r->id);
		return (true);
	case KEYMAP_BOOKMARK:
		if (r != NULL)
			ui_bookmark_article(ui, r->id);
		return (true);
	case KEYMAP_EDIT_FLAGS:
		if (r != NULL)
			ui_edit_flags(ui, r->id);
		return (true);
	case KEYMAP_ENQUEUE:
		if (r != NULL)
			ui_enqueue_article(ui, r->id);
		return (true);
	case KEYMAP_TOGGLE_READ:
		if (r != NULL && (ui->set_read == 0 ||
		    (ui->set_read > 0) != r->read))
			toggle_read(ui, iv, r);
		return (true);
	case KEYMAP_TOGGLE_FLAG:
		if (r != NULL && store_item_toggle_flagged(ui->store, r->id,
		    NULL, &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		ui_reload_all(ui);
		return (true);
	case KEYMAP_MARK_FEED_READ:
		/* In a query feed: the articles it shows, not every one. */
		if ((iv->query != NULL ? store_where_set_read(ui->store,
		    filter_where(iv->query), &err) :
		    store_feed_set_read(ui->store, iv->feed_id, true, &err)) < 0)
			ui_set_status(ui, true, "%s", err.msg);
		ui_reload_all(ui);
		return (true);
	case KEYMAP_OPEN_BROWSER:
	case KEYMAP_OPEN_BROWSER_READ:
		if (r == NULL)
			return (true);
		ui_open_url(ui, r->link);
		if (a != KEYMAP_OPEN_BROWSER_READ)
			return (true);
		sel = iv->list.sel;
		gone = !r->read && !ui->show_read_items;
		if (!r->read) {
			if (store_item_set_read(ui->store, r->id, true,
			    &err) < 0)
				ui_set_status(ui, true, "%s", err.msg);
			ui_reload_all(ui);
		}
		/* openbrowser-and-mark-jumps-to-next-unread */
		if (ui->cfg->browser_jumps_next_unread)
			(void)seek(ui, iv, gone ? sel : sel + 1, 1, 0);
		return (true);
	case KEYMAP_RELOAD:
		if (iv->feed_url != NULL)
			ui_refresh_start(ui, iv->feed_url);
		return (true);
	case KEYMAP_SEARCH_FEED:
		ui_search_start(ui, iv->feed_id, iv->feed_title);
		return (true);
	case KEYMAP_SET_FILTER:
		ui_filter_ask(ui, v);
		return (true);
	case KEYMAP_SELECT_FILTER:
		ui_filter_choose(ui, v);
		return (true);
	case KEYMAP_CLEAR_FILTER:
		if (iv->user_expr != NULL)
			(void)ui_items_set_filter(ui, v, NULL, NULL, 0);
		return (true);
	default:
		return (false);
	}
}

struct ui_deleted *
ui_items_deleted(struct ui_view *list)
{
	return (ui_is_items(list) ? &((struct items_view *)list)->deleted :
	    NULL);
}

size_t
ui_items_count(const struct ui_view *list)
{
	return (ui_is_items(list) ?
	    ((const struct items_view *)list)->list.count : 0);
}

size_t
ui_items_sel(const struct ui_view *list)
{
	return (ui_is_items(list) ?
	    ((const struct items_view *)list)->list.sel : 0);
}

const struct store_item_row *
ui_items_row(struct ui *ui, struct ui_view *list, size_t i)
{
	return (ui_is_items(list) ? row_at(ui, (struct items_view *)list,
	    i) : NULL);
}

void
ui_items_select_at(struct ui *ui, struct ui_view *list, size_t i)
{
	struct items_view *iv = (struct items_view *)list;

	if (ui_is_items(list) && i < iv->list.count)
		ui_list_select(&iv->list, i, ui_body_rows(ui));
}

const struct store_where *
ui_items_where(const struct ui_view *list)
{
	const struct items_view *iv = (const struct items_view *)list;

	if (!ui_is_items(list))
		return (NULL);
	return (iv->cond != NULL ? filter_where(iv->cond) :
	    iv->query != NULL ? filter_where(iv->query) : NULL);
}

/*
 * mark-as-read-on-hover: the article selected in the article list on top
 * is marked read as the screen is drawn.  The row stays listed (its
 * cached state changes, the list is not read again) so that, with read
 * articles hidden, the selection does not slide on to the next one.
 */
void
ui_items_hover(struct ui *ui)
{
	struct items_view *iv = (struct items_view *)ui->view;
	struct err err = ERR_INIT;
	struct store_item_row *r;

	if (!ui->cfg->mark_read_on_hover || !ui_is_items(ui->view) ||
	    (r = row_at(ui, iv, iv->list.sel)) == NULL || r->read)
		return;
	if (store_item_set_read(ui->store, r->id, true, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	r->read = true;
	if (iv->unread > 0)
		iv->unread--;
}

static const char *
items_link(struct ui *ui, struct ui_view *v)
{
	struct items_view *iv = (struct items_view *)v;
	struct store_item_row *r = row_at(ui, iv, iv->list.sel);

	return (r != NULL ? r->link : NULL);
}

static void
items_free(struct ui_view *v)
{
	struct items_view *iv = (struct items_view *)v;

	/* newsboat purges the deleted articles of a list it leaves. */
	ui_deleted_purge(iv->ui, &iv->deleted, true);
	free(iv->deleted.ids);
	drop_window(iv);
	store_idlist_free(&iv->ids);
	filter_free(iv->query);
	filter_free(iv->cond);
	free(iv->query_expr);
	free(iv->user_expr);
	free(iv->feed_title);
	free(iv->feed_url);
	free(iv);
}

static const struct ui_view_ops items_ops = {
	KEYMAP_CTX_ITEMS, items_title, items_draw, items_action,
	items_reload, items_link, NULL, NULL, items_free
};
