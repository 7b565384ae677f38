/*
 * store_hide: the killfile's side of the store (see store.h).
 *
 * A hidden article stays stored: the condition is evaluated when the
 * items are read, so a rule added later hides what is already there and
 * a rule removed shows it again.  Counts come from the feeds' counters
 * less the hidden articles, counted by one query over the items that
 * meet the condition (a rule for one feed reads that feed's rows only,
 * through the feed index).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store_int.h"
#include "xmalloc.h"

/* One feed's hidden articles, as last counted. */
struct hidden_row {
	int64_t	 feed_id;
	bool	 gone;
	int64_t	 unread;
	int64_t	 total;
};

/*
 * The hidden articles of every feed, counted by one scan and kept while
 * nothing changes: not another connection (PRAGMA data_version), not a
 * write of ours (sqlite3_total_changes), except a read flag changed by
 * store_item_set_read, which store_hide_read_changed follows.  A rule
 * on age depends on the clock: never kept then.
 */
struct store_hidden_cache {
	bool		 valid;
	bool		 filled;	/* counted at least once */
	int64_t		 data_version;
	int64_t		 changes;
	struct hidden_row *rows;
	size_t		 n;
};

void
store_hide_free(struct store *st)
{
	size_t i;

	if (st->hide == NULL)
		return;
	for (i = 0; i < st->hide->nparams; i++)
		free((char *)st->hide->params[i].s);
	free((struct store_param *)st->hide->params);
	free((char *)st->hide->sql);
	free(st->hide);
	st->hide = NULL;
	if (st->hcache != NULL) {
		free(st->hcache->rows);
		free(st->hcache);
		st->hcache = NULL;
	}
}

int
store_set_hide(struct store *st, const struct store_where *w,
    struct err *err)
{
	struct store_param *p;
	size_t i;

	/* The cached windows were prepared without it. */
	for (i = 0; i < N_WINDOW; i++) {
		sqlite3_finalize(st->windows[i]);
		st->windows[i] = NULL;
	}
	store_hide_free(st);
	if (w == NULL)
		return (0);
	if (w->nparams > STORE_HIDE_PARAMS) {
		err_set(err, ERR_LIMIT, "killfile: more than %d values",
		    STORE_HIDE_PARAMS);
		return (-1);
	}
	if (store_sql_functions(st, err) == -1)
		return (-1);
	st->hide = xcalloc(1, sizeof(*st->hide));
	st->hide->sql = xstrdup(w->sql);
	st->hide->param0 = w->param0;
	st->hide->nparams = w->nparams;
	p = xcalloc(w->nparams + 1, sizeof(*p));
	for (i = 0; i < w->nparams; i++) {
		p[i] = w->params[i];
		p[i].s = w->params[i].s != NULL ? xstrdup(w->params[i].s) :
		    NULL;
	}
	st->hide->params = p;
	return (0);
}

const struct store_where *
store_hide(const struct store *st)
{
	return (st->hide);
}

int
store_bind_hide(struct store *st, sqlite3_stmt *s, struct err *err)
{
	if (st->hide == NULL)
		return (0);
	return (store_bind_where(st, s, st->hide, err));
}

void
store_hide_sql(const struct store *st, struct buf *b)
{
	if (st->hide != NULL)
		(void)buf_addf(b, " AND NOT (%s)", st->hide->sql);
}

static bool
cacheable(const struct store *st)
{
	return (strstr(st->hide->sql, "'now'") == NULL);
}

bool
store_hide_cache_valid(struct store *st)
{
	struct store_hidden_cache *c = st->hcache;

	return (st->hide != NULL && c != NULL && c->valid &&
	    c->changes == (int64_t)sqlite3_total_changes(st->db) &&
	    c->data_version == store_data_version(st));
}

/* Count again; the last count stays until this one is whole. */
static int
hidden_fill(struct store *st, struct err *err)
{
	struct store_hidden_cache *c;
	struct hidden_row *r, *rows = NULL;
	sqlite3_stmt *s;
	struct buf b;
	size_t alloc = 0, n = 0;
	int step;

	if (st->hcache == NULL)
		st->hcache = xcalloc(1, sizeof(*st->hcache));
	c = st->hcache;
	c->valid = false;
	buf_init(&b, 1 << 20);
	(void)buf_addf(&b, "SELECT i.feed_id, f.gone, count(*),"
	    " coalesce(sum(i.read = 0), 0) FROM items i JOIN feeds f ON"
	    " f.id = i.feed_id WHERE (%s) GROUP BY i.feed_id", st->hide->sql);
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (s == NULL)
		return (-1);
	if (store_bind_where(st, s, st->hide, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			rows = xreallocarray(rows, alloc, sizeof(*rows));
		}
		r = &rows[n++];
		r->feed_id = sqlite3_column_int64(s, 0);
		r->gone = sqlite3_column_int(s, 1) != 0;
		r->total = sqlite3_column_int64(s, 2);
		r->unread = sqlite3_column_int64(s, 3);
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		free(rows);
		store_db_error(st, err, "cannot count the hidden articles");
		return (-1);
	}
	free(c->rows);
	c->rows = rows;
	c->n = n;
	c->filled = true;
	c->changes = (int64_t)sqlite3_total_changes(st->db);
	c->data_version = store_data_version(st);
	c->valid = cacheable(st);
	return (0);
}

int
store_hidden_counts(struct store *st, int64_t feed_id,
    void (*fn)(void *, int64_t, int64_t, int64_t), void *arg,
    struct err *err)
{
	const struct hidden_row *r;
	size_t i;

	if (st->hide == NULL)
		return (0);
	if (!store_hide_cache_valid(st) && hidden_fill(st, err) == -1)
		return (-1);
	for (i = 0; i < st->hcache->n; i++) {
		r = &st->hcache->rows[i];
		if (feed_id > 0 ? r->feed_id == feed_id : feed_id == 0 ?
		    !r->gone : true)
			fn(arg, r->feed_id, r->unread, r->total);
	}
	return (0);
}

bool
store_hidden_stale(struct store *st,
    void (*fn)(void *, int64_t, int64_t, int64_t), void *arg)
{
	const struct hidden_row *r;
	size_t i;

	if (st->hide == NULL)
		return (true);
	if (st->hcache == NULL)
		return (false);
	for (i = 0; i < st->hcache->n; i++) {
		r = &st->hcache->rows[i];
		fn(arg, r->feed_id, r->unread, r->total);
	}
	/* A rule on age is never kept, but counted since the last change
	   it is as current as the interface needs. */
	return (store_hide_cache_valid(st) || (!cacheable(st) &&
	    st->hcache->filled && st->hcache->changes == (int64_t)sqlite3_total_changes(st->db) &&
	    st->hcache->data_version == store_data_version(st)));
}

int
store_hidden_count_now(struct store *st, struct err *err)
{
	if (st->hide == NULL || store_hide_cache_valid(st))
		return (0);
	return (hidden_fill(st, err));
}

void
store_hide_read_changed(struct store *st, int64_t item_id, int64_t feed_id,
    bool read)
{
	struct store_hidden_cache *c = st->hcache;
	sqlite3_stmt *s;
	struct buf b;
	size_t i;
	int hidden = -1;

	if (c == NULL || !c->valid)
		return;
	c->valid = false;
	/* A rule on read state or counts: the next count scans again. */
	if (strstr(st->hide->sql, "i.read") != NULL ||
	    strstr(st->hide->sql, "f.unread") != NULL ||
	    strstr(st->hide->sql, "f.total") != NULL)
		return;
	buf_init(&b, 1 << 20);
	(void)buf_addf(&b, "SELECT EXISTS (SELECT 1 FROM items i JOIN feeds f"
	    " ON f.id = i.feed_id WHERE i.id = :id AND (%s))", st->hide->sql);
	s = store_prepare_sql(st, buf_str(&b), NULL);
	buf_free(&b);
	if (s == NULL)
		return;
	if (store_bind_where(st, s, st->hide, NULL) == 0) {
		store_bind_int(s, ":id", item_id);
		if (sqlite3_step(s) == SQLITE_ROW)
			hidden = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	if (hidden == -1)
		return;
	if (hidden == 1) {
		for (i = 0; i < c->n; i++)
			if (c->rows[i].feed_id == feed_id)
				break;
		if (i == c->n)
			return;		/* not counted as hidden: scan */
		c->rows[i].unread += read ? -1 : 1;
	}
	c->changes = (int64_t)sqlite3_total_changes(st->db);
	c->valid = true;
}

/*
 * The candidate is given to the condition as a one-row table named i,
 * with the columns filter.c reads; articleindex counts it as the newest
 * of its date.
 */
int
store_item_ignored(struct store *st, int64_t feed_id, const struct item *item,
    const struct store_item_prep *p, int64_t now, const struct store_where *w,
    bool *matches, bool *stored, struct err *err)
{
	sqlite3_stmt *s;
	struct buf b;
	int step;

	*matches = *stored = false;
	/* Prepared once for a refresh: the condition stays the same. */
	if (st->ignore_stmt != NULL && st->ignore_w == w) {
		s = st->ignore_stmt;
		goto bind;
	}
	sqlite3_finalize(st->ignore_stmt);
	st->ignore_stmt = NULL;
	if (store_sql_functions(st, err) == -1)
		return (-1);
	buf_init(&b, 1 << 20);
	(void)buf_addf(&b, "WITH i(id, feed_id, guid, title, link, author,"
	    " published, updated, sort_date, content, enclosures, read,"
	    " flagged) AS (SELECT (SELECT coalesce(max(id), 0) + 1 FROM items),"
	    " :feed, :guid, :title, :link, :author, :published, :updated,"
	    " coalesce(:published, :updated, :now), :content, :enclosures, 0,"
	    " 0) SELECT EXISTS (SELECT 1 FROM i JOIN feeds f ON f.id ="
	    " i.feed_id WHERE %s), EXISTS (SELECT 1 FROM items WHERE feed_id ="
	    " :feed AND guid = :guid)", w->sql);
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (s == NULL)
		return (-1);
	if (store_bind_where(st, s, w, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	st->ignore_stmt = s;
	st->ignore_w = w;
bind:
	/* Every value of the candidate, NULL where it has none. */
	sqlite3_reset(s);
	sqlite3_bind_null(s, sqlite3_bind_parameter_index(s, ":published"));
	sqlite3_bind_null(s, sqlite3_bind_parameter_index(s, ":updated"));
	store_bind_int(s, ":feed", feed_id);
	store_bind_static(s, ":guid", item->guid != NULL ? item->guid : "");
	store_bind_static(s, ":title", item->title);
	store_bind_static(s, ":link", item->link);
	store_bind_static(s, ":author", item->author);
	if (item->published != ITEM_NO_DATE)
		store_bind_int(s, ":published", item->published);
	if (item->updated != ITEM_NO_DATE)
		store_bind_int(s, ":updated", item->updated);
	store_bind_int(s, ":now", now);
	store_bind_static(s, ":content", item->content);
	store_bind_static(s, ":enclosures", p->enclosures);
	if ((step = sqlite3_step(s)) == SQLITE_ROW) {
		*matches = sqlite3_column_int(s, 0) != 0;
		*stored = sqlite3_column_int(s, 1) != 0;
	} else
		store_db_error(st, err, "cannot test an article against the "
		    "killfile");
	sqlite3_reset(s);
	return (step == SQLITE_ROW ? 0 : -1);
}
