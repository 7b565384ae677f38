/*
 * search_run.c: running a compiled query on the index (search.c) and
 * reading the ranked hits.
 *
 * SQL text is assembled only from constant fragments in this file; every
 * value (the MATCH expressions included) is a bound parameter.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "search.h"
#include "search_int.h"
#include "store.h"
#include "xmalloc.h"

#define DEFAULT_LIMIT	50

#define TEXT_EXPR	SEARCH_TEXT_EXPR
#define FEED_TITLE	SEARCH_FEED_TITLE

static void
db_err(sqlite3 *db, struct err *err, const char *what)
{
	err_set(err, ERR_DB, "search index: %s: %s", what,
	    sqlite3_errmsg(db));
}

static sqlite3_stmt *
prep(sqlite3 *db, const char *sql, struct err *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		db_err(db, err, "cannot prepare");
		sqlite3_finalize(s);
		return (NULL);
	}
	return (s);
}

#define HIT_COLS "i.id, i.feed_id, f.url, " FEED_TITLE ", i.guid, i.title," \
	" i.link, i.author, i.published, i.sort_date, i.read, i.flagged"
#define N_HIT_COLS	12

/* Append the filter and predicate conditions; parameters by name. */
static void
add_conditions(struct buf *b, const struct search_query *q,
    const struct search_opts *o)
{
	const struct search_filters *f = search_query_filters(q);
	size_t i;

	if (f->unread != -1)
		(void)buf_addstr(b, " AND i.read = :read");
	if (f->flagged != -1)
		(void)buf_addstr(b, " AND i.flagged = :flagged");
	if (f->has_since)
		(void)buf_addstr(b, " AND i.sort_date >= :since");
	if (f->has_until)
		(void)buf_addstr(b, " AND i.sort_date < :until");
	if (f->tag != NULL)
		(void)buf_addstr(b, " AND i.feed_id IN (SELECT feed_id FROM"
		    " feed_tags WHERE tag = :tag)");
	if (o->feed_id != 0)
		(void)buf_addstr(b, " AND i.feed_id = :feed");
	for (i = 0; i < search_query_npreds(q); i++) {
		const struct search_pred *p = search_query_pred(q, i);

		(void)buf_addstr(b, p->negated ? " AND NOT (" : " AND (");
		if (p->fts != NULL)
			(void)buf_addf(b, "i.id IN (SELECT rowid FROM search_fts"
			    " WHERE search_fts MATCH :pf%zu)", i);
		if (p->fts != NULL && p->cjk != NULL)
			(void)buf_addstr(b, " OR ");
		if (p->cjk != NULL)
			(void)buf_addf(b, "i.id IN (SELECT rowid FROM search_cjk"
			    " WHERE search_cjk MATCH :pc%zu)", i);
		(void)buf_addch(b, ')');
	}
}

static void
bind_name(sqlite3_stmt *s, const char *name, const char *text, int64_t v,
    bool is_text)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i == 0)
		return;
	if (is_text)
		sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int64(s, i, v);
}

static void
bind_all(sqlite3_stmt *s, const struct search_query *q,
    const struct search_opts *o, size_t limit)
{
	const struct search_filters *f = search_query_filters(q);
	char name[32];
	size_t i;

	bind_name(s, ":fts", search_query_fts(q), 0, true);
	bind_name(s, ":cjk", search_query_cjk(q), 0, true);
	bind_name(s, ":read", NULL, f->unread == 1 ? 0 : 1, false);
	bind_name(s, ":flagged", NULL, f->flagged, false);
	bind_name(s, ":since", NULL, f->since, false);
	bind_name(s, ":until", NULL, f->until, false);
	bind_name(s, ":tag", f->tag, 0, true);
	bind_name(s, ":feed", NULL, o->feed_id, false);
	bind_name(s, ":limit", NULL, (int64_t)limit, false);
	bind_name(s, ":offset", NULL, (int64_t)o->offset, false);
	bind_name(s, ":cap", NULL, o->rank_cap == 0 ? SEARCH_RANK_CAP :
	    o->rank_cap > INT64_MAX ? -1 : (int64_t)o->rank_cap, false);
	for (i = 0; i < search_query_npreds(q); i++) {
		const struct search_pred *p = search_query_pred(q, i);

		(void)snprintf(name, sizeof(name), ":pf%zu", i);
		bind_name(s, name, p->fts, 0, true);
		(void)snprintf(name, sizeof(name), ":pc%zu", i);
		bind_name(s, name, p->cjk, 0, true);
	}
}

/*
 * The statement: ranked hits are chosen in an inner query that touches
 * only ids and scores, so texts are read for the window alone.
 */
static void
build_sql(struct buf *b, const struct search_query *q,
    const struct search_opts *o)
{
	const char *t = NULL;

	if (search_query_fts(q) != NULL)
		t = "search_fts";
	else if (search_query_cjk(q) != NULL)
		t = "search_cjk";
	if (t == NULL) {
		(void)buf_addstr(b, "SELECT " HIT_COLS ", 0.0, " TEXT_EXPR
		    " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE 1");
		add_conditions(b, q, o);
		(void)buf_addstr(b, " ORDER BY i.sort_date DESC, i.id DESC"
		    " LIMIT :limit OFFSET :offset");
		return;
	}
	/*
	 * Matches are read newest first (rowid order, which FTS5 gives
	 * without sorting), joined to a small covering index of items for
	 * the filters and dates, and scored; at most rank_cap of them are
	 * ranked, so that a word found in a tenth of a million articles
	 * still answers at once.  Then the window is read in full.
	 */
	(void)buf_addf(b, "SELECT " HIT_COLS ", r.score, " TEXT_EXPR " FROM"
	    " (SELECT c.id AS id, c.score AS score, c.d AS d FROM"
	    " (SELECT m.rowid AS id, -bm25(%s, 10.0, 4.0, 2.0, 1.0) AS score,"
	    " i.sort_date AS d FROM %s m JOIN items i INDEXED BY"
	    " search_items_rank ON i.id = m.rowid WHERE %s MATCH %s", t, t, t,
	    t[7] == 'f' ? ":fts" : ":cjk");
	if (t[7] == 'f' && search_query_cjk(q) != NULL)
		(void)buf_addstr(b, " AND i.id IN (SELECT rowid FROM search_cjk"
		    " WHERE search_cjk MATCH :cjk)");
	add_conditions(b, q, o);
	(void)buf_addstr(b, " ORDER BY m.rowid DESC LIMIT :cap) c"
	    " ORDER BY score DESC, d DESC, id DESC"
	    " LIMIT :limit OFFSET :offset) r"
	    " JOIN items i ON i.id = r.id JOIN feeds f ON f.id = i.feed_id"
	    " ORDER BY r.score DESC, r.d DESC, r.id DESC");
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (t == NULL ? NULL : xstrdup((const char *)t));
}

int
search_run(struct store *st, const struct search_query *q,
    const struct search_opts *opts, struct search_results *out,
    struct err *err)
{
	sqlite3 *db = store_db(st);
	struct search_opts o = { 0, 0, 0, 0 };
	sqlite3_stmt *s = NULL;
	struct buf sql;
	size_t limit, alloc = 0;
	int ok, rc = -1, step;

	memset(out, 0, sizeof(*out));
	if (opts != NULL)
		o = *opts;
	limit = o.limit > 0 ? o.limit : DEFAULT_LIMIT;
	if ((ok = search_index_ok(st, err)) == -1)
		return (-1);
	if (ok == 0 && !search_query_filters_only(q)) {
		err_set(err, ERR_DB, "no search index yet: run gazette "
		    "reindex");
		return (-1);
	}
	buf_init(&sql, 64 * 1024);
	build_sql(&sql, q, &o);
	if ((s = prep(db, buf_str(&sql), err)) == NULL)
		goto out;
	bind_all(s, q, &o, limit + 1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		struct search_hit *h;

		if (out->n == limit) {
			out->more = true;
			continue;
		}
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			out->hits = xreallocarray(out->hits, alloc,
			    sizeof(*out->hits));
		}
		h = &out->hits[out->n++];
		memset(h, 0, sizeof(*h));
		h->item_id = sqlite3_column_int64(s, 0);
		h->feed_id = sqlite3_column_int64(s, 1);
		h->feed_url = col_dup(s, 2);
		h->feed_title = col_dup(s, 3);
		h->guid = col_dup(s, 4);
		h->title = col_dup(s, 5);
		h->link = col_dup(s, 6);
		h->author = col_dup(s, 7);
		h->published = sqlite3_column_type(s, 8) == SQLITE_NULL ?
		    ITEM_NO_DATE : sqlite3_column_int64(s, 8);
		h->date = sqlite3_column_int64(s, 9);
		h->read = sqlite3_column_int(s, 10) != 0;
		h->flagged = sqlite3_column_int(s, 11) != 0;
		h->score = sqlite3_column_double(s, N_HIT_COLS);
		h->snippet = search_snippet(q,
		    (const char *)sqlite3_column_text(s, N_HIT_COLS + 1),
		    h->title);
	}
	if (step != SQLITE_DONE) {
		db_err(db, err, "search failed");
		search_results_free(out);
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	buf_free(&sql);
	return (rc);
}

void
search_results_free(struct search_results *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		struct search_hit *h = &r->hits[i];

		free(h->feed_url);
		free(h->feed_title);
		free(h->guid);
		free(h->title);
		free(h->link);
		free(h->author);
		free(h->snippet);
	}
	free(r->hits);
	memset(r, 0, sizeof(*r));
}
