/*
 * ui_search: the search prompt and the ranked results (two lines a hit:
 * number, flags, date, feed and title, then the snippet with the matched
 * words highlighted).  The query is ranked once (a search_ranking kept
 * by the view), which gives the number of hits; their rows are read in
 * windows of SEARCH_WINDOW when they come on screen, so End or a count
 * jump reads one window wherever it lands, never the ones before it.
 * When more articles match than search ranks (SEARCH_RANK_CAP), the
 * title says only the newest were ranked.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "search.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

#define SEARCH_WINDOW	100

struct search_view {
	struct ui_view		 base;
	char			*text;
	int64_t			 feed_id;
	char			*feed_title;
	char			*name;		/* a search query feed's, or NULL */
	struct search_query	*q;
	struct search_ranking	*rank;
	struct search_results	*win;	/* SEARCH_WINDOW hits each */
	bool			*got;	/* win[i] is read */
	size_t			 nwin;
	size_t			 nhits;
	bool			 capped;	/* the rank cap cut the ranking */
	struct ui_list		 list;
};

static const struct ui_view_ops search_ops;

bool
ui_is_search(const struct ui_view *v)
{
	return (v != NULL && v->ops == &search_ops);
}

static int
hit_rows(struct ui *ui)
{
	int r = ui_body_rows(ui) / 2;

	return (r > 0 ? r : 1);
}

static void
free_windows(struct search_view *sv)
{
	size_t i;

	for (i = 0; i < sv->nwin; i++)
		search_results_free(&sv->win[i]);
	free(sv->win);
	free(sv->got);
	search_ranking_free(sv->rank);
	sv->win = NULL;
	sv->got = NULL;
	sv->rank = NULL;
	sv->nwin = 0;
	sv->nhits = 0;
	sv->capped = false;
}

/* Read window c of the hits into r. */
static bool
read_window(struct ui *ui, struct search_view *sv, size_t c,
    struct search_results *r)
{
	struct search_opts o;
	struct err err = ERR_INIT;

	memset(&o, 0, sizeof(o));
	o.feed_id = sv->feed_id;
	o.offset = c * SEARCH_WINDOW;
	o.limit = SEARCH_WINDOW;
	o.ranking = sv->rank;
	if (search_run(ui->store, sv->q, &o, r, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return (false);
	}
	if (r->capped)
		sv->capped = true;
	return (true);
}

/* Rank the query anew and read the first window. */
static void
start(struct ui *ui, struct search_view *sv)
{
	struct search_results r;

	free_windows(sv);
	sv->rank = search_ranking_new();
	memset(&r, 0, sizeof(r));
	if (!read_window(ui, sv, 0, &r))
		return;
	sv->nhits = r.total;
	sv->nwin = (sv->nhits + SEARCH_WINDOW - 1) / SEARCH_WINDOW;
	if (sv->nwin == 0)
		sv->nwin = 1;
	sv->win = xcalloc(sv->nwin, sizeof(*sv->win));
	sv->got = xcalloc(sv->nwin, sizeof(*sv->got));
	sv->win[0] = r;
	sv->got[0] = true;
}

/* Hit i, its window read first when it is not yet. */
static struct search_hit *
hit_at(struct ui *ui, struct search_view *sv, size_t i)
{
	size_t c = i / SEARCH_WINDOW;

	if (i >= sv->nhits || c >= sv->nwin)
		return (NULL);
	if (!sv->got[c]) {
		if (!read_window(ui, sv, c, &sv->win[c]))
			return (NULL);
		sv->got[c] = true;
	}
	if (i % SEARCH_WINDOW >= sv->win[c].n)
		return (NULL);
	return (&sv->win[c].hits[i % SEARCH_WINDOW]);
}

static void
search_reload(struct ui *ui, struct ui_view *v)
{
	struct search_view *sv = (struct search_view *)v;
	size_t sel = sv->list.sel;

	/* Read state may have changed: rank it again, keep the place. */
	start(ui, sv);
	ui_list_set_count(&sv->list, sv->nhits, hit_rows(ui));
	ui_list_select(&sv->list, sel, hit_rows(ui));
}

static void
search_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	struct search_view *sv = (struct search_view *)v;
	int64_t unread = 0;
	size_t c, h;

	(void)ui;
	/* Unread among the windows read so far. */
	for (c = 0; c < sv->nwin; c++)
		for (h = 0; sv->got[c] && h < sv->win[c].n; h++)
			unread += !sv->win[c].hits[h].read;
	ui_title_counts(ti, unread, (int64_t)sv->nhits);
	if (sv->name != NULL)
		(void)buf_addf(b, "%s: ", sv->name);
	(void)buf_addf(b, "Search '%s'", sv->text);
	if (sv->feed_id != 0)
		(void)buf_addf(b, " in '%s'", sv->feed_title);
	(void)buf_addf(b, " (%zu result%s", sv->nhits,
	    sv->nhits == 1 ? "" : "s");
	/* more matches than the rank cap: say the ranking is partial */
	if (sv->capped)
		(void)buf_addf(b, ", newest %d ranked", SEARCH_RANK_CAP);
	(void)buf_addch(b, ')');
}

/* Draw a snippet: SEARCH_MARK_ON ... SEARCH_MARK_OFF highlighted. */
static void
draw_snippet(struct ui *ui, int y, int x, const char *snippet, bool focus)
{
	char *clean, *p, *fit;
	size_t width = (size_t)(COLS - x), len;
	bool on = false;
	attr_t normal = ui_attr(ui, focus ? UI_FOCUS : UI_NORMAL);
	attr_t match = ui_attr(ui, UI_MATCH) | (focus ? A_BOLD : 0);

	move(y, x);
	p = (char *)snippet;
	while (*p != '\0' && width > 0) {
		len = strcspn(p, "\001\002");
		clean = text_sanitize_n(p, len, 0);
		fit = text_fit(clean, width, &len);
		ui_addn(ui, fit, strlen(fit), on ? match : normal);
		width -= len;
		free(fit);
		free(clean);
		p += strcspn(p, "\001\002");
		if (*p == SEARCH_MARK_ON)
			on = true;
		else if (*p == SEARCH_MARK_OFF)
			on = false;
		if (*p != '\0')
			p++;
	}
	if (focus && width > 0) {
		attrset(normal);
		while (width-- > 0)
			addch(' ');
		attrset(A_NORMAL);
	}
}

static void
search_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct search_view *sv = (struct search_view *)v;
	struct search_hit *h;
	struct buf line;
	char date[64];
	size_t i;
	int y, lw, fw;
	bool focus;
	enum ui_role role;

	if (sv->nhits == 0) {
		ui_put(ui, top, 0, COLS, "No articles match.", UI_NORMAL);
		return;
	}
	buf_init(&line, BUF_CAP_TEXT);
	for (y = 0; y + 1 < rows || (y < rows && rows == 1); y += 2) {
		i = sv->list.top + (size_t)y / 2;
		if ((h = hit_at(ui, sv, i)) == NULL)
			break;
		focus = i == sv->list.sel;
		role = !h->read ? (focus ? UI_FOCUS_UNREAD : UI_UNREAD) :
		    (focus ? UI_FOCUS : UI_NORMAL);
		ui_date(ui, h->date, date, sizeof(date));
		buf_reset(&line);
		(void)buf_addf(&line, "%4zu %c%c %s  ", i + 1,
		    h->read ? ' ' : 'N', h->flagged ? '!' : ' ', date);
		lw = (int)text_width(buf_str(&line));
		fw = COLS >= 60 ? COLS / 5 : 0;
		ui_put(ui, top + y, 0, lw, buf_str(&line), role);
		if (fw > 0)
			ui_put(ui, top + y, lw, fw, h->feed_title != NULL ?
			    h->feed_title : h->feed_url, role);
		ui_put(ui, top + y, lw + fw, COLS - lw - fw, h->title != NULL &&
		    h->title[0] != '\0' ? h->title : "(untitled)", role);
		if (y + 1 < rows) {
			move(top + y + 1, 0);
			ui_addn(ui, "       ", 7, ui_attr(ui, UI_NORMAL));
			draw_snippet(ui, top + y + 1, 7, h->snippet, false);
		}
	}
	buf_free(&line);
}

int64_t
ui_search_step(struct ui *ui, struct ui_view *list, int dir)
{
	struct search_view *sv = (struct search_view *)list;
	struct search_hit *h;

	if (!ui_is_search(list))
		return (0);
	if (dir > 0 ? sv->list.sel + 1 >= sv->nhits : sv->list.sel == 0)
		return (0);
	ui_list_select(&sv->list, dir > 0 ? sv->list.sel + 1 :
	    sv->list.sel - 1, hit_rows(ui));
	h = hit_at(ui, sv, sv->list.sel);
	return (h != NULL ? h->item_id : 0);
}

static bool
search_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct search_view *sv = (struct search_view *)v;
	struct search_hit *h;
	struct err err = ERR_INIT;
	int rows = hit_rows(ui);

	if (ui_list_action(&sv->list, a, count, rows))
		return (true);
	if (count > 0 && (a == KEYMAP_OPEN || a == KEYMAP_OPEN_BROWSER ||
	    a == KEYMAP_OPEN_BROWSER_READ || a == KEYMAP_TOGGLE_READ ||
	    a == KEYMAP_TOGGLE_FLAG)) {
		if ((size_t)count > sv->nhits) {
			ui_set_status(ui, true, "no entry %ld", count);
			return (true);
		}
		ui_list_select(&sv->list, (size_t)count - 1, rows);
	}
	h = hit_at(ui, sv, sv->list.sel);
	switch (a) {
	case KEYMAP_OPEN:
		if (h != NULL)
			ui_push(ui, ui_article_new(ui, h->item_id, v, sv->q));
		return (true);
	case KEYMAP_NEXT:
	case KEYMAP_PREV:
		return (ui_list_action(&sv->list, a == KEYMAP_NEXT ?
		    KEYMAP_DOWN : KEYMAP_UP, count, rows));
	case KEYMAP_OPEN_BROWSER:
	case KEYMAP_OPEN_BROWSER_READ:
		if (h == NULL)
			return (true);
		ui_open_url(ui, h->link);
		if (a == KEYMAP_OPEN_BROWSER_READ && !h->read &&
		    store_item_set_read(ui->store, h->item_id, true, &err) == 0)
			h->read = true;
		return (true);
	case KEYMAP_TOGGLE_READ:
		if (h != NULL && (ui->set_read == 0 ||
		    (ui->set_read > 0) != h->read) && store_item_set_read(ui->store, h->item_id,
		    !h->read, &err) == 0)
			h->read = !h->read;
		return (true);
	case KEYMAP_TOGGLE_FLAG:
		if (h != NULL && store_item_set_flagged(ui->store, h->item_id,
		    !h->flagged, &err) == 0)
			h->flagged = !h->flagged;
		return (true);
	case KEYMAP_SEARCH:
		ui_search_start(ui, 0, NULL);
		return (true);
	case KEYMAP_ENQUEUE:
		if (h != NULL)
			ui_enqueue_article(ui, h->item_id);
		return (true);
	case KEYMAP_SEARCH_FEED:
		if (h != NULL)
			ui_search_start(ui, h->feed_id, h->feed_title);
		return (true);
	default:
		return (false);
	}
}

static const char *
search_link(struct ui *ui, struct ui_view *v)
{
	struct search_hit *h = hit_at(ui, (struct search_view *)v,
	    ((struct search_view *)v)->list.sel);

	return (h != NULL ? h->link : NULL);
}

static void
search_free(struct ui_view *v)
{
	struct search_view *sv = (struct search_view *)v;

	free_windows(sv);
	search_query_free(sv->q);
	free(sv->name);
	free(sv->text);
	free(sv->feed_title);
	free(sv);
}

static const struct ui_view_ops search_ops = {
	KEYMAP_CTX_SEARCH, search_title, search_draw, search_action,
	search_reload, search_link, NULL, NULL, search_free
};

/* Run text over feed_id (0: every feed); name: a query feed's. */
static void
run(struct ui *ui, const char *text, int64_t feed_id, const char *feed_title,
    const char *name)
{
	struct search_view *sv;
	struct search_query *q;
	struct err err = ERR_INIT;
	int64_t lag;

	if (text[0] == '\0')
		return;
	if ((q = search_compile(text, (int64_t)time(NULL), &err)) == NULL) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	/* Index what a refresh left pending, unless a writer is busy or
	 * it would take long (gazette refresh indexes as it goes). */
	if ((lag = search_lag(ui->store, &err)) > 0 && lag < 20000) {
		struct search_sync_opts so;

		memset(&so, 0, sizeof(so));
		so.nowait = true;
		(void)search_sync_with(ui->store, &so, &err);
	}
	err_clear(&err);
	sv = xcalloc(1, sizeof(*sv));
	sv->base.ops = &search_ops;
	sv->text = xstrdup(text);
	sv->q = q;
	sv->feed_id = feed_id;
	sv->feed_title = xstrdup(feed_title != NULL ? feed_title : "");
	sv->name = xstrdup_or_null(name);
	ui_list_init(&sv->list, 0);
	start(ui, sv);
	ui_list_set_count(&sv->list, sv->nhits, hit_rows(ui));
	ui_push(ui, &sv->base);
	if ((lag = search_lag(ui->store, &err)) > 0)
		ui_set_status(ui, false, "%lld articles are not indexed yet",
		    (long long)lag);
}

static void
run_cb(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	run(ui, text, ui->search_feed_id, ui->search_feed_title, NULL);
}

void
ui_search_open(struct ui *ui, const char *text, const char *name)
{
	run(ui, text, 0, NULL, name);
}

void
ui_search_start(struct ui *ui, int64_t feed_id, const char *feed_title)
{
	char label[160], *clean, *cut;
	char *title = xstrdup_or_null(feed_title);

	free(ui->search_feed_title);
	ui->search_feed_title = title;
	ui->search_feed_id = feed_id;
	if (feed_id == 0)
		snprintf(label, sizeof(label), "Search: ");
	else {
		clean = text_sanitize(title != NULL ? title : "", 0);
		cut = text_truncate(clean, 30);
		snprintf(label, sizeof(label), "Search in %s: ", cut);
		free(cut);
		free(clean);
	}
	ui_prompt(ui, label, &ui->search_history, NULL, run_cb, NULL);
}
