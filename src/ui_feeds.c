/*
 * ui_feeds: the feed list, in the urls file's order: feeds with their
 * unread/total counts, tags and errors, query feeds (counted a few at a
 * time between key presses, so the list never waits for them) and
 * separators.  Feeds tagged "!" are left out.  The urls file is read
 * again whenever it changes; its problems are shown on the status line.
 * Without a urls file, every feed of the store is listed.
 */
#include "config.h"

#include <sys/stat.h>

#include <poll.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "filter.h"
#include "search.h"
#include "store.h"
#include "sync.h"
#include "text.h"
#include "ui_int.h"
#include "urls.h"
#include "urls_store.h"
#include "xmalloc.h"

enum entry_kind { E_FEED, E_QUERY, E_SEPARATOR };

struct entry {
	enum entry_kind	 kind;
	struct store_feed *sf;		/* E_FEED: its row, or NULL */
	const struct urls_feed *uf;	/* its urls line, or NULL */
	char		*name;		/* E_QUERY, E_SEPARATOR */
	const char	*expr;		/* E_QUERY: points into uf->url */
	struct filter	*flt;		/* E_QUERY, NULL when it failed */
	struct search_query *sq;	/* "query:T:search:WORDS" instead */
	char		*error;		/* E_QUERY: why it failed */
	bool		 counted;	/* E_QUERY: unread/total are current */
	bool		 ever_counted;
	int64_t		 unread;
	int64_t		 total;
};

struct feeds_view {
	struct ui_view		 base;
	struct store_feed_list	 all;
	struct urls_list	 urls;
	bool			 have_urls;	/* else: every stored feed */
	struct stat		 urls_st;	/* as last read */
	bool			 urls_seen;
	struct entry		*ent;
	size_t			 nent;
	size_t			*vis;	/* indexes into ent shown */
	size_t			 nvis;
	struct ui_list		 list;
	int64_t			 unread;
	int64_t			 total;
	int64_t			*latest;	/* by all.feeds index, or NULL
						   (read for lastupdated) */
	/* The killfile's hidden articles: left out of the counts as last
	   counted (hidden_exact: current), counted again between keys;
	   never counted yet: the feeds' counts show as (...). */
	bool			 hidden_exact;
	bool			 hidden_known;
	/* Only the first screen's rows were read (first_only): the
	   whole list is read before anything else needs it. */
	bool			 partial;
	bool			 sync_due;	/* urls file not yet synced */
};

static const struct ui_view_ops feeds_ops;

static struct entry *
selected(struct feeds_view *fv)
{
	if (fv->nvis == 0)
		return (NULL);
	return (&fv->ent[fv->vis[fv->list.sel]]);
}

static struct store_feed *
selected_feed(struct feeds_view *fv)
{
	struct entry *e = selected(fv);

	return (e != NULL && e->kind == E_FEED ? e->sf : NULL);
}

static const char *
entry_name(const struct entry *e)
{
	const struct store_feed *f = e->sf;

	if (e->uf != NULL && e->uf->title != NULL && e->uf->title[0] != '\0')
		return (e->uf->title);
	if (e->kind != E_FEED)
		return (e->name);
	if (f == NULL)
		return (e->uf != NULL ? e->uf->url : "");
	if (f->user_title != NULL && f->user_title[0] != '\0')
		return (f->user_title);
	if (f->title != NULL && f->title[0] != '\0')
		return (f->title);
	return (f->url);
}

static bool
has_tag(const struct entry *e, const char *tag)
{
	char *const *tags;
	size_t i, n;

	if (e->uf != NULL) {
		tags = e->uf->tags;
		n = e->uf->n_tags;
	} else if (e->sf != NULL) {
		tags = e->sf->tags;
		n = e->sf->n_tags;
	} else
		return (false);
	for (i = 0; i < n; i++)
		if (strcmp(tags[i], tag) == 0)
			return (true);
	return (false);
}

static void
entries_free(struct feeds_view *fv)
{
	size_t i;

	for (i = 0; i < fv->nent; i++) {
		free(fv->ent[i].name);
		free(fv->ent[i].error);
		filter_free(fv->ent[i].flt);
		search_query_free(fv->ent[i].sq);
	}
	free(fv->ent);
	fv->ent = NULL;
	fv->nent = 0;
}

struct urls_warns {
	unsigned	 n;
	char		 first[300];
};

static void
collect_warning(void *arg, const char *file, unsigned line, const char *msg)
{
	struct urls_warns *w = arg;

	if (w->n++ > 0)
		return;
	if (line > 0)
		snprintf(w->first, sizeof(w->first), "%s:%u: %s", file, line,
		    msg);
	else
		snprintf(w->first, sizeof(w->first), "%s: %s", file, msg);
}

/* A query feed's entry: its title, its expression compiled once. */
static void
query_entry(struct entry *e, const struct urls_feed *uf)
{
	struct err err = ERR_INIT;
	const char *expr;

	if (urls_query_split(uf->url, &e->name, &expr) == -1) {
		e->name = xstrdup(uf->url + 6);
		e->error = xstrdup("a query feed is query:TITLE:EXPRESSION");
		return;
	}
	e->expr = expr;
	/* gazette's own: a saved search, ranked (ui_search.c). */
	if (strncmp(expr, "search:", 7) == 0) {
		if ((e->sq = search_compile(expr + 7, (int64_t)time(NULL),
		    &err)) == NULL) {
			size_t n = strlen(err.msg) + 32;

			e->error = xmalloc(n);
			snprintf(e->error, n, "this search does not work: %s",
			    err.msg);
		}
		return;
	}
	if ((e->flt = filter_parse(expr, &err)) == NULL) {
		size_t n = strlen(err.msg) + 32;

		e->error = xmalloc(n);
		snprintf(e->error, n, "this query does not parse: %s", err.msg);
	}
}

/*
 * Read the urls file again if it changed since the last time (or was
 * never read), write its feeds to the store and rebuild the entries.
 * Returns true when the entries were rebuilt.
 */
/* No urls file at all ("-u /dev/null" says so too). */
static bool
no_urls(const struct ui *ui)
{
	/* In sync mode the feeds are the server's (sync.h). */
	return (ui->urls_path == NULL ||
	    strcmp(ui->urls_path, "/dev/null") == 0 ||
	    (ui->cfg != NULL && sync_enabled(ui->cfg)));
}

/* Has the urls file changed (appeared, gone) since it was read? */
static bool
urls_changed(struct ui *ui, struct feeds_view *fv, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	if (no_urls(ui))
		return (!fv->urls_seen);
	if (stat(ui->urls_path, st) == -1)
		memset(st, 0, sizeof(*st));
	return (!fv->urls_seen ||
	    st->st_mtim.tv_sec != fv->urls_st.st_mtim.tv_sec ||
	    st->st_mtim.tv_nsec != fv->urls_st.st_mtim.tv_nsec ||
	    st->st_size != fv->urls_st.st_size ||
	    st->st_ino != fv->urls_st.st_ino);
}

/*
 * In sync mode with PREFIX-show-special-feeds (freshrss-, inoreader-...),
 * newsboat's special feed of the server's starred articles: a query
 * feed on the flag letter that is the star (PREFIX-flag-star), listed
 * first.
 */
static void
special_feeds(struct ui *ui, struct feeds_view *fv)
{
	struct sync_service svc;
	struct urls_feed uf;
	char url[64];

	if (ui->cfg == NULL || !sync_service_get(ui->cfg, &svc) ||
	    !svc.show_special_feeds || svc.flag_star[0] == '\0' ||
	    svc.flag_star[1] != '\0')
		return;
	urls_feed_init(&uf);
	snprintf(url, sizeof(url), "query:Starred items:flags # \"%c\"",
	    svc.flag_star[0]);
	uf.url = url;
	uf.kind = URLS_QUERY;
	urls_list_add(&fv->urls, &uf);
}

/* The feeds of a new urls file are listed before any refresh. */
static void
sync_urls(struct ui *ui, struct feeds_view *fv)
{
	struct err err = ERR_INIT;

	fv->sync_due = false;
	if (urls_store_sync(ui->store, &fv->urls, NULL, &err) == -1)
		ui_set_status(ui, true, "%s", err.msg);
}

/*
 * Read the urls file if it changed; sync its feeds to the store now, or
 * later when the first screen does without it (defer_sync).
 */
static bool
load_urls(struct ui *ui, struct feeds_view *fv, bool defer_sync)
{
	struct err err = ERR_INIT;
	struct urls_warns w;
	struct urls_feed *uf;
	struct stat st;
	bool missing, ok;
	size_t i;

	if (!urls_changed(ui, fv, &st))
		return (false);
	missing = no_urls(ui);
	fv->urls_st = st;
	fv->urls_seen = true;
	entries_free(fv);
	urls_list_free(&fv->urls);
	memset(&w, 0, sizeof(w));
	if (missing)
		special_feeds(ui, fv);
	ok = !missing && urls_load(ui->urls_path, &fv->urls, &missing,
	    collect_warning, &w, &err) == 0;
	fv->have_urls = ok;
	if (!ok && !missing)
		ui_set_status(ui, true, "urls: %s", err.msg);
	else if (w.n > 0)
		ui_set_status(ui, true, "urls: %s%s", w.first,
		    w.n > 1 ? " (and more)" : "");
	if (!ok)
		return (true);
	if (defer_sync)
		fv->sync_due = true;
	else
		sync_urls(ui, fv);
	fv->ent = xcalloc(fv->urls.n + 1, sizeof(*fv->ent));
	for (i = 0; i < fv->urls.n; i++) {
		uf = &fv->urls.feeds[i];
		if (uf->hidden)
			continue;
		fv->ent[fv->nent].uf = uf;
		if (uf->kind == URLS_QUERY) {
			fv->ent[fv->nent].kind = E_QUERY;
			query_entry(&fv->ent[fv->nent], uf);
		} else if (uf->kind == URLS_SEPARATOR) {
			fv->ent[fv->nent].kind = E_SEPARATOR;
			fv->ent[fv->nent].name = xstrdup(uf->url);
		} else
			fv->ent[fv->nent].kind = E_FEED;
		fv->nent++;
	}
	return (true);
}

/* Point the entries at the rows just read from the store. */
static void
attach_rows(struct feeds_view *fv)
{
	struct store_feed *f;
	size_t i, *at;
	long k;

	if (!fv->have_urls) {
		entries_free(fv);
		fv->ent = xcalloc(fv->urls.n + fv->all.n + 1,
		    sizeof(*fv->ent));
		/* The special feeds of a sync (special_feeds). */
		for (i = 0; i < fv->urls.n; i++) {
			fv->ent[fv->nent].kind = E_QUERY;
			fv->ent[fv->nent].uf = &fv->urls.feeds[i];
			query_entry(&fv->ent[fv->nent++], &fv->urls.feeds[i]);
		}
		for (i = 0; i < fv->all.n; i++)
			if (!fv->all.feeds[i].gone)
				fv->ent[fv->nent++].sf = &fv->all.feeds[i];
		return;
	}
	/* urls line -> entry, then store row -> urls line. */
	at = xcalloc(fv->urls.n + 1, sizeof(*at));
	for (i = 0; i < fv->nent; i++) {
		fv->ent[i].sf = NULL;
		fv->ent[i].counted = false;
		at[fv->ent[i].uf - fv->urls.feeds] = i + 1;
	}
	for (i = 0; i < fv->all.n; i++) {
		f = &fv->all.feeds[i];
		if ((k = urls_find(&fv->urls, f->url)) != -1 && at[k] != 0 &&
		    fv->ent[at[k] - 1].kind == E_FEED)
			fv->ent[at[k] - 1].sf = f;
	}
	free(at);
}

static int64_t
entry_unread(const struct entry *e)
{
	if (e->kind == E_FEED)
		return (e->sf != NULL ? e->sf->unread : 0);
	return (e->unread);
}

static void
latest_cb(void *arg, int64_t id, int64_t date)
{
	struct feeds_view *fv = arg;
	size_t lo = 0, hi = fv->all.n, mid;

	/* all.feeds is in id order. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (fv->all.feeds[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < fv->all.n && fv->all.feeds[lo].id == id)
		fv->latest[lo] = date;
}

static void
feed_key(struct feeds_view *fv, const struct entry *e, size_t i,
    struct ui_feed_key *k)
{
	char *const *tags = e->uf != NULL ? e->uf->tags : e->sf != NULL ?
	    e->sf->tags : NULL;
	size_t j, n = e->uf != NULL ? e->uf->n_tags : e->sf != NULL ?
	    e->sf->n_tags : 0;

	k->title = entry_name(e);
	k->firsttag = NULL;
	for (j = 0; j < n && k->firsttag == NULL; j++)
		if (tags[j][0] != '~' && tags[j][0] != '!')
			k->firsttag = tags[j];
	k->unread = entry_unread(e);
	k->total = e->kind == E_QUERY ? e->total : e->sf != NULL ?
	    e->sf->total : 0;
	k->latest = fv->latest != NULL && e->sf != NULL ?
	    fv->latest[e->sf - fv->all.feeds] : 0;
	k->order = i;
}

/* The sort's context (qsort has no argument for it). */
static struct {
	struct ui_feed_key	*keys;
	int			 field;
	bool			 asc;
} sorting;

static int
vis_cmp(const void *a, const void *b)
{
	return (ui_sort_feed_cmp(&sorting.keys[*(const size_t *)a],
	    &sorting.keys[*(const size_t *)b], sorting.field, sorting.asc));
}

/* feed-sort-order; separators mean nothing out of the file's order. */
static void
sort_vis(struct ui *ui, struct feeds_view *fv)
{
	struct err err = ERR_INIT;
	size_t i, n = 0;

	if (ui->feed_sort == CONF_FSORT_NONE && !ui->feed_asc)
		return;
	if (ui->feed_sort == CONF_FSORT_UPDATED && fv->latest == NULL) {
		fv->latest = xcalloc(fv->all.n + 1, sizeof(*fv->latest));
		if (store_feeds_latest(ui->store, latest_cb, fv, &err) < 0)
			ui_set_status(ui, true, "%s", err.msg);
	}
	sorting.keys = xcalloc(fv->nent + 1, sizeof(*sorting.keys));
	for (i = 0; i < fv->nent; i++)
		feed_key(fv, &fv->ent[i], i, &sorting.keys[i]);
	for (i = 0; i < fv->nvis; i++)
		if (fv->ent[fv->vis[i]].kind != E_SEPARATOR)
			fv->vis[n++] = fv->vis[i];
	fv->nvis = n;
	sorting.field = ui->feed_sort;
	sorting.asc = ui->feed_asc;
	qsort(fv->vis, fv->nvis, sizeof(*fv->vis), vis_cmp);
	free(sorting.keys);
	sorting.keys = NULL;
}

/* The entries shown, keeping the selected one (by line or row id). */
static void
build_vis(struct ui *ui, struct feeds_view *fv,
    const struct urls_feed *keep_uf, int64_t keep)
{
	struct entry *e;
	size_t i, sel = 0;
	bool is_kept;

	fv->nvis = 0;
	fv->vis = xreallocarray(fv->vis, fv->nent + 1, sizeof(*fv->vis));
	for (i = 0; i < fv->nent; i++) {
		e = &fv->ent[i];
		is_kept = (keep_uf != NULL && e->uf == keep_uf) ||
		    (keep != 0 && e->sf != NULL && e->sf->id == keep);
		if (ui->tag != NULL && !has_tag(e, ui->tag))
			continue;
		/* A read feed stays while it is selected; query feeds not
		   yet counted and separators always show. */
		if (!ui->show_read_feeds && !is_kept &&
		    e->kind != E_SEPARATOR && entry_unread(e) == 0 &&
		    (e->kind != E_QUERY || e->ever_counted))
			continue;
		fv->vis[fv->nvis++] = i;
	}
	sort_vis(ui, fv);
	for (i = 0; i < fv->nvis; i++) {
		e = &fv->ent[fv->vis[i]];
		if ((keep_uf != NULL && e->uf == keep_uf) ||
		    (keep != 0 && e->sf != NULL && e->sf->id == keep))
			sel = i;
	}
	ui_list_set_count(&fv->list, fv->nvis, ui_body_rows(ui));
	ui_list_select(&fv->list, sel, ui_body_rows(ui));
}

static void
keep_of(struct feeds_view *fv, const struct urls_feed **keep_uf,
    int64_t *keep)
{
	struct entry *e = selected(fv);

	*keep_uf = e != NULL ? e->uf : NULL;
	*keep = e != NULL && e->sf != NULL ? e->sf->id : 0;
}

/*
 * A first screen in the list's own order, without a killfile, a sort or
 * a tag, shows the first rows of the list and the sums of the counts of
 * every feed listed: read only those, not a row for every feed.  The
 * whole list follows right after the first draw (ui_feeds_work), or
 * before a key or a command uses it (complete).
 */
static bool
first_only(struct ui *ui)
{
	return (ui->tag == NULL && ui->feed_sort == CONF_FSORT_NONE &&
	    !ui->feed_asc && store_hide(ui->store) == NULL);
}

/* A feed of the urls file: its counts go into the list's totals. */
static void
urls_sum(void *arg, const char *url, int64_t unread, int64_t total)
{
	struct feeds_view *fv = arg;
	const struct urls_feed *uf;
	long k;

	if ((k = urls_find(&fv->urls, url)) == -1)
		return;
	uf = &fv->urls.feeds[k];
	if (uf->hidden || uf->kind == URLS_QUERY || uf->kind == URLS_SEPARATOR)
		return;
	fv->unread += unread;
	fv->total += total;
}

/*
 * The first screen of a urls file: the store's rows of its first entries
 * until a screenful is shown (build_vis: query feeds not counted yet and
 * separators always are; read feeds unless show-read-feeds is off), and
 * the totals of every feed listed.  Its sync to the store waits for the
 * whole list: the screen is the same without it (a feed new to the store
 * has no articles; tags and titles are the file's).
 */
static int
urls_first(struct ui *ui, struct feeds_view *fv, struct err *err)
{
	size_t i, shown = 0, rows = (size_t)ui_body_rows(ui);
	struct store_feed f;
	int rc;

	fv->all.feeds = xcalloc(rows + 1, sizeof(*fv->all.feeds));
	fv->all.n = 0;
	for (i = 0; i < fv->nent && shown < rows; i++) {
		if (fv->ent[i].kind == E_FEED) {
			rc = store_feed_get_url(ui->store, fv->ent[i].uf->url,
			    &f, err);
			if (rc == -1)
				return (-1);
			if (!ui->show_read_feeds && (rc == 1 || f.unread == 0)) {
				store_feed_clear(&f);
				continue;
			}
			if (rc == 0) {
				/* The sync would set it so. */
				free(f.user_title);
				f.user_title = fv->ent[i].uf->title != NULL ?
				    xstrdup(fv->ent[i].uf->title) : NULL;
				fv->all.feeds[fv->all.n++] = f;
			}
		}
		shown++;
	}
	return (store_feeds_counts_each(ui->store, urls_sum, fv, err));
}

static void
load(struct ui *ui, struct feeds_view *fv, bool first)
{
	struct err err = ERR_INIT;
	const struct urls_feed *keep_uf;
	struct entry *e;
	int64_t keep;
	size_t i;
	bool quick = first && first_only(ui);

	keep_of(fv, &keep_uf, &keep);
	if (load_urls(ui, fv, quick))
		keep_uf = NULL;		/* the old lines are gone */
	if (!quick && fv->sync_due)
		sync_urls(ui, fv);
	store_feed_list_free(&fv->all);
	free(fv->latest);
	fv->latest = NULL;
	fv->unread = fv->total = 0;
	fv->partial = quick && (fv->have_urls ? urls_first(ui, fv, &err) :
	    store_feeds_first(ui->store, (size_t)ui_body_rows(ui),
	    !ui->show_read_feeds, &fv->all, &fv->unread, &fv->total,
	    &err)) == 0;
	if (quick && !fv->partial) {
		/* Read it all after all (and say why it failed). */
		store_feed_list_free(&fv->all);
		fv->unread = fv->total = 0;
		if (fv->sync_due)
			sync_urls(ui, fv);
	}
	if (fv->partial)
		fv->hidden_exact = true;	/* no killfile */
	else if (store_feeds_list_now(ui->store, &fv->all, &fv->hidden_exact,
	    &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		fv->all.feeds = NULL;
		fv->all.n = 0;
	}
	if (fv->hidden_exact)
		fv->hidden_known = true;
	attach_rows(fv);
	for (i = 0; i < fv->nent && !fv->partial; i++) {
		e = &fv->ent[i];
		if (e->kind == E_FEED && e->sf != NULL) {
			fv->unread += e->sf->unread;
			fv->total += e->sf->total;
		}
	}
	build_vis(ui, fv, keep_uf, keep);
}

/* The whole list, where the first screen read only its own rows. */
static void
complete(struct ui *ui, struct feeds_view *fv)
{
	if (fv->partial)
		load(ui, fv, false);
}

static void
feeds_reload(struct ui *ui, struct ui_view *v)
{
	load(ui, (struct feeds_view *)v, false);
}

/* Is a key press waiting?  A count then gives way to it. */
static bool
key_waiting(void *arg)
{
	struct pollfd p;

	(void)arg;
	p.fd = STDIN_FILENO;
	p.events = POLLIN;
	p.revents = 0;
	return (poll(&p, 1, 0) > 0);
}

/*
 * Between key presses: count the next query feed not counted since the
 * store last changed, and notice an edited urls file.  True when there
 * is more to do (the event loop then polls without waiting).  A count
 * stops as soon as a key is pressed (at 1M articles one takes seconds):
 * the key is answered, and the count starts again after it.
 */
bool
ui_feeds_work(struct ui *ui)
{
	struct ui_view *v = ui->view;
	struct feeds_view *fv;
	struct err err = ERR_INIT;
	const struct urls_feed *keep_uf;
	struct entry *e;
	struct stat st;
	int64_t keep;
	size_t i;
	bool yielded;
	int rc;

	while (v != NULL && v->parent != NULL)
		v = v->parent;
	if (v == NULL || v->ops != &feeds_ops)
		return (false);
	fv = (struct feeds_view *)v;
	/* The rows the first screen did not show. */
	if (fv->partial) {
		complete(ui, fv);
		ui->dirty = true;
		return (true);
	}
	/* An edited urls file: read by the reload. */
	if (urls_changed(ui, fv, &st)) {
		ui_reload_all(ui);
		ui->dirty = true;
		return (true);
	}
	/* The killfile first: the feeds' own counts. */
	if (!fv->hidden_exact) {
		store_set_yield(ui->store, key_waiting, NULL);
		rc = store_hidden_count_now(ui->store, &err);
		yielded = store_yielded(ui->store);
		store_set_yield(ui->store, NULL, NULL);
		if (rc == -1 && yielded)
			return (true);
		if (rc == -1)
			ui_set_status(ui, true, "%s", err.msg);
		fv->hidden_exact = fv->hidden_known = true;
		if (rc == 0)
			feeds_reload(ui, v);
		ui->dirty = true;
		return (true);
	}
	for (i = 0; i < fv->nent; i++) {
		e = &fv->ent[i];
		if (e->kind != E_QUERY || e->counted || (e->flt == NULL &&
		    e->sq == NULL))
			continue;
		store_set_yield(ui->store, key_waiting, NULL);
		rc = e->sq != NULL ? search_count(ui->store, e->sq,
		    &e->unread, &e->total, &err) : store_where_counts(
		    ui->store, filter_where(e->flt), &e->unread, &e->total,
		    &err);
		yielded = store_yielded(ui->store);
		store_set_yield(ui->store, NULL, NULL);
		if (rc == -1 && yielded)
			return (true);
		if (rc == -1) {
			free(e->error);
			e->error = xstrdup(err.msg);
			filter_free(e->flt);
			e->flt = NULL;
			search_query_free(e->sq);
			e->sq = NULL;
		}
		e->counted = e->ever_counted = true;
		keep_of(fv, &keep_uf, &keep);
		build_vis(ui, fv, keep_uf, keep);
		ui->dirty = true;
		return (true);
	}
	return (false);
}
/*
 * Before the interface ends: the urls file's feeds written to the store
 * if the first screen left that for later (so that cleanup-on-quit never
 * takes a feed the file lists again).
 */
void
ui_feeds_finish(struct ui *ui)
{
	struct ui_view *v = ui->view;

	while (v != NULL && v->parent != NULL)
		v = v->parent;
	if (v != NULL && v->ops == &feeds_ops && !store_damaged(ui->store) &&
	    ((struct feeds_view *)v)->sync_due)
		sync_urls(ui, (struct feeds_view *)v);
}

struct ui_view *
ui_feeds_new(struct ui *ui)
{
	struct feeds_view *fv = xcalloc(1, sizeof(*fv));

	fv->base.ops = &feeds_ops;
	urls_list_init(&fv->urls);
	ui_list_init(&fv->list, 0);
	load(ui, fv, true);
	return (&fv->base);
}

int64_t
ui_feeds_selected(struct ui *ui, struct ui_view *v)
{
	struct store_feed *f;

	(void)ui;
	if (v->ops != &feeds_ops ||
	    (f = selected_feed((struct feeds_view *)v)) == NULL)
		return (0);
	return (f->id);
}

size_t
ui_feeds_shown_urls(struct ui *ui, struct ui_view *v, const char ***urls)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	const struct entry *e;
	size_t i, n = 0, feeds = 0;

	*urls = NULL;
	if (!ui_is_feeds(v))
		return (0);
	complete(ui, fv);
	for (i = 0; i < fv->nent; i++)
		if (fv->ent[i].kind == E_FEED)
			feeds++;
	*urls = xreallocarray(NULL, fv->nvis + 1, sizeof(**urls));
	for (i = 0; i < fv->nvis; i++) {
		e = &fv->ent[fv->vis[i]];
		if (e->kind != E_FEED)
			continue;
		if (e->sf != NULL)
			(*urls)[n++] = e->sf->url;
		else if (e->uf != NULL)
			(*urls)[n++] = e->uf->url;
	}
	if (n == feeds) {
		free(*urls);
		*urls = NULL;
		return (SIZE_MAX);
	}
	return (n);
}

bool
ui_is_feeds(const struct ui_view *v)
{
	return (v != NULL && v->ops == &feeds_ops);
}

/* Only real feeds are stepped through (not query feeds or separators). */
int64_t
ui_feeds_step(struct ui *ui, struct ui_view *v, int64_t from, int dir,
    bool unread_only, const char **name)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct entry *e;
	size_t i;

	/* Fresh counts: articles read since the list was drawn. */
	if (ui_feeds_goto(ui, v, from) == NULL)
		return (0);
	i = fv->list.sel;
	while (dir > 0 ? i + 1 < fv->nvis : i > 0) {
		i = dir > 0 ? i + 1 : i - 1;
		e = &fv->ent[fv->vis[i]];
		if (e->kind != E_FEED || e->sf == NULL)
			continue;
		if (!unread_only || e->sf->unread > 0) {
			ui_list_select(&fv->list, i, ui_body_rows(ui));
			*name = entry_name(e);
			return (e->sf->id);
		}
	}
	return (0);
}

const char *
ui_feeds_goto(struct ui *ui, struct ui_view *v, int64_t id)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct entry *e;
	size_t i;

	if (!ui_is_feeds(v))
		return (NULL);
	feeds_reload(ui, v);
	for (i = 0; i < fv->nvis; i++) {
		e = &fv->ent[fv->vis[i]];
		if (e->kind == E_FEED && e->sf != NULL && e->sf->id == id) {
			ui_list_select(&fv->list, i, ui_body_rows(ui));
			return (entry_name(e));
		}
	}
	return (NULL);
}

static void
feeds_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	struct feeds_view *fv = (struct feeds_view *)v;

	ui_title_counts(ti, fv->unread, fv->total);
	format_set(&ti->a, 'T', ui->tag);

	(void)buf_addf(b, "Your feeds (%lld unread, %lld total)",
	    (long long)fv->unread, (long long)fv->total);
	if (ui->tag != NULL)
		(void)buf_addf(b, " - tag %s", ui->tag);
}

/* A line of feedlist-format: newsboat's keys. */
static void
draw_formatted(struct ui *ui, const struct entry *e, size_t i, int y,
    enum ui_role role)
{
	const struct store_feed *f = e->sf;
	struct format_args a;
	char idx[24], u[56], un[24], tot[24], *link, *url;
	int64_t unread = entry_unread(e), total;
	char *const *tv = e->uf != NULL ? e->uf->tags : f != NULL ? f->tags :
	    NULL;
	size_t nt = e->uf != NULL ? e->uf->n_tags : f != NULL ? f->n_tags : 0;

	total = e->kind == E_QUERY ? e->total : f != NULL ? f->total : 0;
	format_args_init(&a);
	snprintf(idx, sizeof(idx), "%zu", i + 1);
	snprintf(un, sizeof(un), "%lld", (long long)unread);
	snprintf(tot, sizeof(tot), "%lld", (long long)total);
	snprintf(u, sizeof(u), "(%lld/%lld)", (long long)unread,
	    (long long)total);
	format_set(&a, 'i', idx);
	format_set(&a, 'n', unread > 0 ? "N" : " ");
	format_set(&a, 't', entry_name(e));
	format_set(&a, 'T', nt > 0 ? tv[0] : NULL);
	format_set(&a, 'u', u);
	format_set(&a, 'U', un);
	format_set(&a, 'c', tot);
	/* Passwords in URLs are not shown (newsboat's censor_url). */
	link = format_censor_url(f != NULL ? f->link : NULL);
	url = format_censor_url(f != NULL ? f->url : e->uf != NULL &&
	    e->kind == E_FEED ? e->uf->url : NULL);
	format_set(&a, 'l', link);
	format_set(&a, 'L', url);
	format_set(&a, 'S', f != NULL && f->last_error != NULL ? "x" : " ");
	ui_put_format(ui, y, ui->cfg->feedlist_format, &a, ui_attr(ui, role),
	    CONF_HL_FEEDLIST);
	free(link);
	free(url);
}

static void
draw_entry(struct ui *ui, const struct entry *e, size_t i, bool focus,
    bool hidden_known, int y, struct buf *line, struct buf *tags)
{
	const struct store_feed *f = e->sf;
	char *const *tv = NULL;
	char counts[48];
	size_t j, nt = 0;
	int64_t unread = entry_unread(e), total;
	bool bad;
	int cw, tw;
	enum ui_role role;

	if (e->kind == E_SEPARATOR) {
		buf_reset(line);
		(void)buf_addf(line, "%4zu %15s %s", i + 1, "", entry_name(e));
		ui_put(ui, y, 0, COLS, buf_str(line), focus ? UI_FOCUS :
		    UI_INFO);
		return;
	}
	total = e->kind == E_QUERY ? e->total : f != NULL ? f->total : 0;
	bad = e->kind == E_QUERY ? e->error != NULL :
	    f != NULL && f->last_error != NULL;
	role = unread > 0 ? (focus ? UI_FOCUS_UNREAD : UI_UNREAD) :
	    (focus ? UI_FOCUS : UI_NORMAL);
	if (ui->cfg->feedlist_format[0] != '\0') {
		draw_formatted(ui, e, i, y, role);
		return;
	}
	if (e->kind == E_QUERY && e->error != NULL)
		snprintf(counts, sizeof(counts), "(error)");
	else if (e->kind == E_QUERY ? !e->ever_counted : !hidden_known)
		snprintf(counts, sizeof(counts), "(...)");
	else
		snprintf(counts, sizeof(counts), "(%lld/%lld)",
		    (long long)unread, (long long)total);
	buf_reset(line);
	(void)buf_addf(line, "%4zu %c%c %11s ", i + 1, unread > 0 ? 'N' : ' ',
	    bad ? '!' : ' ', counts);
	cw = (int)text_width(buf_str(line));
	if (e->uf != NULL) {
		tv = e->uf->tags;
		nt = e->uf->n_tags;
	} else if (f != NULL) {
		tv = f->tags;
		nt = f->n_tags;
	}
	buf_reset(tags);
	for (j = 0; j < nt; j++)
		(void)buf_addf(tags, "%s%s", j == 0 ? "  [" : " ", tv[j]);
	if (nt > 0)
		(void)buf_addch(tags, ']');
	tw = (int)text_width(buf_str(tags));
	if (tw > (COLS - cw) / 3)
		tw = (COLS - cw) / 3;
	ui_hl_put(ui, y, 0, cw, buf_str(line), ui_attr(ui, role),
	    CONF_HL_FEEDLIST);
	ui_hl_put(ui, y, cw, COLS - cw - tw, entry_name(e), ui_attr(ui, role),
	    CONF_HL_FEEDLIST);
	if (tw > 0)
		ui_hl_put(ui, y, COLS - tw, tw, buf_str(tags),
		    ui_attr(ui, role), CONF_HL_FEEDLIST);
}

static void
feeds_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct buf line, tags;
	size_t i;
	int y;

	if (fv->nvis == 0) {
		ui_put(ui, top, 0, COLS, fv->nent == 0 ?
		    "No feeds yet: add some with gazette add URL, then press R." :
		    "No feeds to show (l shows read feeds, ^T every tag).",
		    UI_NORMAL);
		return;
	}
	buf_init(&line, BUF_CAP_TEXT);
	buf_init(&tags, BUF_CAP_TEXT);
	for (y = 0; y < rows && fv->list.top + (size_t)y < fv->nvis; y++) {
		i = fv->list.top + (size_t)y;
		draw_entry(ui, &fv->ent[fv->vis[i]], i, i == fv->list.sel,
		    fv->hidden_known, top + y, &line, &tags);
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
		if (entry_unread(&fv->ent[fv->vis[i]]) > 0) {
			ui_list_select(&fv->list, i, rows);
			return (true);
		}
	}
	return (false);
}

/* Enter on an entry: its articles, a query feed's, or why not. */
static void
open_entry(struct ui *ui, struct entry *e)
{
	if (e->kind == E_SEPARATOR)
		return;
	if (e->kind == E_QUERY) {
		if (e->error != NULL)
			ui_set_status(ui, true, "%s", e->error);
		else if (e->sq != NULL)
			ui_search_open(ui, e->expr + 7, entry_name(e));
		else
			ui_push(ui, ui_items_new_query(ui, e->expr,
			    entry_name(e)));
		return;
	}
	if (e->sf != NULL)
		ui_push(ui, ui_items_new(ui, e->sf->id, entry_name(e)));
}

static bool
feeds_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	struct err err = ERR_INIT;
	struct entry *e;
	struct store_feed *f;
	int rows = ui_body_rows(ui);
	long n;

	complete(ui, fv);
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
	e = selected(fv);
	f = selected_feed(fv);
	switch (a) {
	case KEYMAP_OPEN:
		if (e != NULL)
			open_entry(ui, e);
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
		if (e != NULL && e->kind == E_QUERY && e->sq != NULL) {
			if (search_set_read(ui->store, e->sq, &err) < 0)
				ui_set_status(ui, true, "%s", err.msg);
		} else if (e != NULL && e->kind == E_QUERY && e->flt != NULL) {
			if (store_where_set_read(ui->store,
			    filter_where(e->flt), &err) < 0)
				ui_set_status(ui, true, "%s", err.msg);
		} else if (f != NULL && store_feed_set_read(ui->store, f->id,
		    true, &err) < 0)
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
		if (e != NULL && e->kind == E_QUERY && e->error != NULL)
			ui_set_status(ui, true, "%s", e->error);
		else if (f == NULL || f->last_error == NULL)
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
			ui_search_start(ui, f->id, entry_name(e));
		return (true);
	default:
		return (false);
	}
}

static const char *
feeds_link(struct ui *ui, struct ui_view *v)
{
	struct store_feed *f = selected_feed((struct feeds_view *)v);

	(void)ui;
	if (f == NULL)
		return (NULL);
	return (f->link != NULL ? f->link : f->url);
}

static void
feeds_free(struct ui_view *v)
{
	struct feeds_view *fv = (struct feeds_view *)v;

	entries_free(fv);
	urls_list_free(&fv->urls);
	store_feed_list_free(&fv->all);
	free(fv->latest);
	free(fv->vis);
	free(fv);
}

static const struct ui_view_ops feeds_ops = {
	KEYMAP_CTX_FEEDS, feeds_title, feeds_draw, feeds_action,
	feeds_reload, feeds_link, NULL, NULL, feeds_free
};

void
ui_feeds_reload_urls(struct ui *ui)
{
	struct ui_view *v = ui->view;
	struct feeds_view *fv;

	while (v != NULL && v->parent != NULL)
		v = v->parent;
	if (v == NULL || v->ops != &feeds_ops)
		return;
	fv = (struct feeds_view *)v;
	fv->urls_seen = false;
	ui_reload_all(ui);
	ui->dirty = true;
	if (!ui->status_error)
		ui_set_status(ui, false, "%s read again: %zu line%s",
		    no_urls(ui) ? "no urls file:" : ui->urls_path,
		    fv->urls.n, fv->urls.n == 1 ? "" : "s");
}

const char *
ui_feeds_find(struct ui *ui, struct ui_view *v, const char *text)
{
	struct feeds_view *fv = (struct feeds_view *)v;
	const struct entry *e;
	const char *name;
	size_t k, i;

	if (!ui_is_feeds(v))
		return (NULL);
	complete(ui, fv);
	for (k = 1; k <= fv->nvis; k++) {
		i = (fv->list.sel + k) % fv->nvis;
		e = &fv->ent[fv->vis[i]];
		if (e->kind == E_SEPARATOR || (name = entry_name(e)) == NULL)
			continue;
		if (strcasestr(name, text) != NULL) {
			ui_list_select(&fv->list, i, ui_body_rows(ui));
			ui->dirty = true;
			return (name);
		}
	}
	return (NULL);
}
