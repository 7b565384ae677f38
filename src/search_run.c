/*
 * search_run.c: running a compiled query on the index (search.c) and
 * reading the ranked hits.  It runs on the index's reader connection
 * (search_index.c), where the store is attached: a match's rowid is the
 * article's seq, and the article is read through items_seq; a match
 * that finds no article (a dead row) is no hit.
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
#include "store_text.h"
#include "xmalloc.h"

#define DEFAULT_LIMIT	50

#define TEXT_COLS	SEARCH_TEXT_COLS
#define FEED_TITLE	SEARCH_FEED_TITLE

#define HIT_COLS "i.id, i.feed_id, f.url, " FEED_TITLE ", i.guid, i.title," \
	" i.link, i.author, i.published, i.sort_date, i.read, i.flagged"
#define N_HIT_COLS	12

/* A scored match. */
struct search_cand {
	int64_t	 id;
	double	 score;
	int64_t	 date;
};

struct search_ranking {
	bool		 valid;		/* the fields below are read */
	struct search_cand *c;
	size_t		 n;
	bool		 capped;
	bool		 dated;		/* c[].date read */
	bool		 sorted;	/* c in cand_cmp order */
	int64_t		 total;		/* filter-only queries: -1 unknown */
};

struct search_ranking *
search_ranking_new(void)
{
	struct search_ranking *r = xcalloc(1, sizeof(*r));

	r->total = -1;
	return (r);
}

void
search_ranking_free(struct search_ranking *r)
{
	if (r == NULL)
		return;
	free(r->c);
	free(r);
}

/* The killfile's condition that o's hits leave out, or NULL. */
#define HIDE(o)	((o)->hide_st != NULL ? store_hide((o)->hide_st) : NULL)

/* Append the filter and predicate conditions; parameters by name. */
static void
add_conditions(struct buf *b, const struct search_query *q,
    const struct search_opts *o)
{
	const struct search_filters *f = search_query_filters(q);
	size_t i;

	/* The killfile's (its values numbered apart); reads i and f. */
	if (HIDE(o) != NULL)
		(void)buf_addf(b, " AND NOT (%s)", HIDE(o)->sql);

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
	else if (!o->with_gone)
		(void)buf_addstr(b, " AND i.feed_id NOT IN (SELECT id FROM"
		    " feeds WHERE gone)");
	for (i = 0; i < search_query_npreds(q); i++) {
		const struct search_pred *p = search_query_pred(q, i);

		(void)buf_addstr(b, p->negated ? " AND NOT (" : " AND (");
		if (p->fts != NULL)
			(void)buf_addf(b, "i.seq IN (SELECT rowid FROM search_fts"
			    " WHERE search_fts MATCH :pf%zu)", i);
		if (p->fts != NULL && p->cjk != NULL)
			(void)buf_addstr(b, " OR ");
		if (p->cjk != NULL)
			(void)buf_addf(b, "i.seq IN (SELECT rowid FROM search_cjk"
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
	struct err berr = ERR_INIT;
	char name[32];
	size_t i;

	/* Only a bad index fails, and the statement was made with it. */
	if (HIDE(o) != NULL)
		(void)store_bind_hide(o->hide_st, s, &berr);
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
	for (i = 0; i < search_query_npreds(q); i++) {
		const struct search_pred *p = search_query_pred(q, i);

		(void)snprintf(name, sizeof(name), ":pf%zu", i);
		bind_name(s, name, p->fts, 0, true);
		(void)snprintf(name, sizeof(name), ":pc%zu", i);
		bind_name(s, name, p->cjk, 0, true);
	}
}

/*
 * Filter-only queries: the newest articles that pass, a window; rev:
 * the oldest first, for a window nearer the end than the start.
 */
static void
build_list_sql(struct buf *b, const struct search_query *q,
    const struct search_opts *o, bool rev)
{
	(void)buf_addstr(b, "SELECT " HIT_COLS ", 0.0, " TEXT_COLS
	    " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE 1");
	add_conditions(b, q, o);
	(void)buf_addstr(b, rev ? " ORDER BY i.sort_date, i.id" :
	    " ORDER BY i.sort_date DESC, i.id DESC");
	(void)buf_addstr(b, " LIMIT :limit OFFSET :offset");
}

/*
 * Does matching need the items' columns (filters, predicates, or dead
 * rows in the index, which only the join tells from live ones)?
 */
static bool
needs_items(const struct search_query *q, const struct search_opts *o,
    bool dead)
{
	const struct search_filters *f = search_query_filters(q);

	return (HIDE(o) != NULL || dead || f->unread != -1 ||
	    f->flagged != -1 || f->has_since ||
	    f->has_until || f->tag != NULL || o->feed_id != 0 ||
	    !o->with_gone ||
	    search_query_npreds(q) > 0 ||
	    (search_query_fts(q) != NULL && search_query_cjk(q) != NULL));
}

/*
 * The matches, newest first (rowid order, which FTS5 gives without
 * sorting), each with its score and, when filters need the items' small
 * covering index anyway, its date.  CROSS JOIN keeps that loop order.
 * At most :cap rows: the caller asks for one more than it ranks, to know
 * whether the cap cut the ranking.
 */
static void
build_match_sql(struct buf *b, const struct search_query *q,
    const struct search_opts *o, bool join, bool lens)
{
	const char *t = search_query_fts(q) != NULL ? "search_fts" :
	    "search_cjk";

	if (t[7] == 'f' && lens)
		(void)buf_addf(b, "SELECT m.rowid, gazette_rank(%s)%s FROM"
		    " %s m", t, join ? ", i.sort_date" : "", t);
	else
		(void)buf_addf(b, "SELECT m.rowid, gazette_rank(%s, z.sz)%s"
		    " FROM %s m CROSS JOIN %s_docsize z ON z.id = m.rowid", t,
		    join ? ", i.sort_date" : "", t, t);
	if (join)
		(void)buf_addstr(b, " CROSS JOIN items i INDEXED BY"
		    " items_seq ON i.seq = m.rowid");
	if (join && HIDE(o) != NULL)
		(void)buf_addstr(b, " CROSS JOIN feeds f ON f.id = i.feed_id");
	(void)buf_addf(b, " WHERE %s MATCH %s", t, t[7] == 'f' ? ":fts" :
	    ":cjk");
	if (join) {
		if (t[7] == 'f' && search_query_cjk(q) != NULL)
			(void)buf_addstr(b, " AND i.seq IN (SELECT rowid FROM"
			    " search_cjk WHERE search_cjk MATCH :cjk)");
		add_conditions(b, q, o);
	}
	(void)buf_addstr(b, " ORDER BY m.rowid DESC LIMIT :cap");
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (t == NULL ? NULL : xstrdup((const char *)t));
}

/* A hit from a row of HIT_COLS followed by TEXT_COLS at column textcol. */
static void
fill_hit(struct search_hit *h, sqlite3_stmt *s, const struct search_query *q,
    double score, int textcol)
{
	char *text;

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
	h->score = score;
	if (sqlite3_column_type(s, textcol) != SQLITE_NULL)
		text = xstrdup((const char *)sqlite3_column_text(s, textcol));
	else
		text = store_text_of((const char *)sqlite3_column_text(s,
		    textcol + 1), (size_t)sqlite3_column_bytes(s, textcol + 1),
		    (const char *)sqlite3_column_text(s, textcol + 2));
	h->snippet = search_snippet(q, text, h->title);
	free(text);
}

static struct search_hit *
add_hit(struct search_results *out, size_t *alloc)
{
	if (out->n == *alloc) {
		*alloc = *alloc ? *alloc * 2 : 16;
		out->hits = xreallocarray(out->hits, *alloc,
		    sizeof(*out->hits));
	}
	return (&out->hits[out->n++]);
}

/* Filter-only queries with a ranking: how many pass, counted once. */
static int
count_list(sqlite3 *db, const struct search_query *q,
    const struct search_opts *o, struct search_results *out,
    struct err *err)
{
	struct search_ranking *r = o->ranking;
	sqlite3_stmt *s;
	struct buf sql;
	int step;

	if (r->total < 0) {
		buf_init(&sql, 64 * 1024);
		(void)buf_addf(&sql, "SELECT count(*) FROM items i%s WHERE 1",
		    HIDE(o) != NULL ? " JOIN feeds f ON f.id = i.feed_id" : "");
		add_conditions(&sql, q, o);
		s = search_prep(db, buf_str(&sql), err);
		buf_free(&sql);
		if (s == NULL)
			return (-1);
		bind_all(s, q, o, 0);
		if ((step = sqlite3_step(s)) == SQLITE_ROW)
			r->total = sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
		if (step != SQLITE_ROW) {
			search_db_err(db, err, "search failed");
			return (-1);
		}
	}
	out->total = (size_t)r->total;
	return (0);
}

/*
 * With a ranking, the hits are counted first, and a window in the second
 * half is read from the oldest end: SQLite steps over every row an
 * OFFSET skips, so End costs a window, not the whole list.
 */
static int
run_list(sqlite3 *db, const struct search_query *q,
    const struct search_opts *o, size_t limit, struct search_results *out,
    struct err *err)
{
	struct search_opts ro = *o;
	struct search_hit tmp;
	sqlite3_stmt *s;
	struct buf sql;
	size_t alloc = 0, total = 0, i;
	bool rev = false;
	int step;

	if (o->ranking != NULL) {
		if (count_list(db, q, o, out, err) == -1)
			return (-1);
		total = out->total;
		if (o->offset >= total)
			return (0);
		if (o->offset > total / 2) {
			rev = true;
			limit = total - o->offset < limit ? total - o->offset :
			    limit;
			ro.offset = total - o->offset - limit;
		}
	}
	buf_init(&sql, 64 * 1024);
	build_list_sql(&sql, q, &ro, rev);
	s = search_prep(db, buf_str(&sql), err);
	buf_free(&sql);
	if (s == NULL)
		return (-1);
	bind_all(s, q, &ro, rev ? limit : limit + 1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == limit) {
			out->more = true;
			continue;
		}
		fill_hit(add_hit(out, &alloc), s, q, 0.0, N_HIT_COLS + 1);
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		search_db_err(db, err, "search failed");
		return (-1);
	}
	if (rev) {
		for (i = 0; i < out->n / 2; i++) {
			tmp = out->hits[i];
			out->hits[i] = out->hits[out->n - 1 - i];
			out->hits[out->n - 1 - i] = tmp;
		}
		out->more = o->offset + out->n < total;
	}
	return (0);
}

/* Best first: score, then the newer, then the later stored. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct search_cand *x = a, *y = b;

	if (x->score != y->score)
		return (x->score > y->score ? -1 : 1);
	if (x->date != y->date)
		return (x->date > y->date ? -1 : 1);
	if (x->id != y->id)
		return (x->id > y->id ? -1 : 1);
	return (0);
}

/* The k-th best score of n (1 <= k <= n): a min-heap of the k best. */
static double
kth_score(const struct search_cand *c, size_t n, size_t k)
{
	double *heap = xreallocarray(NULL, k, sizeof(*heap)), v, kth;
	size_t i, len = 0, at, child;

	for (i = 0; i < n; i++) {
		v = c[i].score;
		if (len < k) {
			/* sift up */
			for (at = len++; at > 0 && heap[(at - 1) / 2] > v;
			    at = (at - 1) / 2)
				heap[at] = heap[(at - 1) / 2];
			heap[at] = v;
			continue;
		}
		if (v <= heap[0])
			continue;
		/* replace the smallest, sift down */
		for (at = 0; (child = 2 * at + 1) < len; at = child) {
			if (child + 1 < len && heap[child + 1] < heap[child])
				child++;
			if (heap[child] >= v)
				break;
			heap[at] = heap[child];
		}
		heap[at] = v;
	}
	kth = heap[0];
	free(heap);
	return (kth);
}

/*
 * Read and score the matches (at most cap of them, newest first): *n
 * candidates, *capped when more matched.  *dated: dates were read too.
 * lens: search_len is exact (search_index_lens_ok), the ranking reads
 * the rows' lengths there, a few hundred small blobs, instead of joining
 * search_fts_docsize: one docsize record a match, and a common word's
 * matches touch nearly every page of that table (3,410 pages of 4 KiB
 * at 1M articles, one pread each).  An index written by an older
 * version lacks it, or has it out of date: the join.
 */
static int
read_matches(sqlite3 *db, const struct search_query *q,
    const struct search_opts *o, bool dead, bool lens, size_t cap,
    struct search_cand **out, size_t *n, bool *capped, bool *dated,
    struct err *err)
{
	struct search_cand *c = NULL;
	sqlite3_stmt *s;
	struct buf sql;
	size_t alloc = 0;
	int step;

	*n = 0;
	*capped = false;
	/* A kept ranking is sorted whole for the windows past the first:
	   reading the dates while matching costs far less than after. */
	*dated = needs_items(q, o, dead) || o->ranking != NULL;
	buf_init(&sql, 64 * 1024);
	build_match_sql(&sql, q, o, *dated, lens);
	s = search_prep(db, buf_str(&sql), err);
	buf_free(&sql);
	if (s == NULL)
		return (-1);
	bind_all(s, q, o, 0);
	bind_name(s, ":cap", NULL, cap >= INT64_MAX ? -1 : (int64_t)cap + 1,
	    false);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			*capped = true;
			break;
		}
		/*
		 * Past the first 256, room for as many as the cap lets in
		 * at once: doubling copied the array into fresh memory at
		 * each step, a page fault every 170 candidates each time
		 * (untouched room costs none).
		 */
		if (*n == alloc) {
			alloc = alloc == 0 ? 256 : cap <= SEARCH_RANK_CAP ?
			    cap : alloc * 2;
			c = xreallocarray(c, alloc, sizeof(*c));
		}
		c[*n].id = sqlite3_column_int64(s, 0);
		c[*n].score = sqlite3_column_double(s, 1);
		c[*n].date = *dated ? sqlite3_column_int64(s, 2) : 0;
		(*n)++;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE && step != SQLITE_ROW) {
		search_db_err(db, err, "search failed");
		free(c);
		return (-1);
	}
	*out = c;
	return (0);
}

/* The dates of the candidates (matching did not read them). */
static int
read_dates(sqlite3 *db, struct search_cand *c, size_t n, struct err *err)
{
	sqlite3_stmt *s;
	size_t i;
	int step = SQLITE_DONE;

	s = search_prep(db, "SELECT sort_date FROM items INDEXED BY items_seq"
	    " WHERE seq = ?1", err);
	if (s == NULL)
		return (-1);
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, c[i].id);
		step = sqlite3_step(s);
		/* a row deleted since it was matched sorts last */
		c[i].date = step == SQLITE_ROW ? sqlite3_column_int64(s, 0) :
		    INT64_MIN;
		sqlite3_reset(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE)
			break;
	}
	sqlite3_finalize(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		search_db_err(db, err, "search failed");
		return (-1);
	}
	return (0);
}

/*
 * Ranked hits: score every match (up to the cap), keep those that can
 * be in the window (scores at or above the k-th best, ties included),
 * order them by score, date and id, and read the window's articles.
 * Dates are read only for the rows kept, unless filters read them while
 * matching; texts only for the window.
 */
static int
run_ranked(sqlite3 *db, const struct search_query *q,
    const struct search_opts *o, bool dead, bool lens, size_t limit,
    struct search_results *out, struct err *err)
{
	struct search_cand *c = NULL;
	struct search_ranking *r;
	sqlite3_stmt *s = NULL;
	size_t cap, n, k, i, keep, end, alloc = 0;
	bool dated;
	double kth;
	int rc = -1, step;

	cap = o->rank_cap == 0 ? SEARCH_RANK_CAP : o->rank_cap;
	if ((r = o->ranking) != NULL && r->valid) {
		c = r->c;
		n = r->n;
		out->capped = r->capped;
		dated = r->dated;
	} else if (read_matches(db, q, o, dead, lens, cap, &c, &n,
	    &out->capped, &dated, err) == -1)
		return (-1);
	if (r != NULL && !r->valid) {
		r->valid = true;
		r->c = c;
		r->n = n;
		r->capped = out->capped;
		r->dated = dated;
	}
	out->total = n;
	if (o->offset >= n) {
		rc = 0;
		goto out;
	}
	k = o->offset + limit < n ? o->offset + limit : n;
	keep = n;
	if (r != NULL && r->sorted)
		;	/* read and ordered by an earlier window */
	else if (r != NULL && o->offset > 0) {
		/* Past the first window: order them all, once. */
		if (!r->dated && read_dates(db, c, n, err) == -1)
			goto out;
		r->dated = true;
		qsort(c, n, sizeof(*c), cand_cmp);
		r->sorted = true;
	} else {
		if (r != NULL) {
			/* The first window: keep the matches as read. */
			c = xreallocarray(NULL, n, sizeof(*c));
			memcpy(c, r->c, n * sizeof(*c));
		}
		if (k < n) {
			kth = kth_score(c, n, k);
			for (i = 0, keep = 0; i < n; i++)
				if (c[i].score >= kth)
					c[keep++] = c[i];
		}
		if (!dated && read_dates(db, c, keep, err) == -1)
			goto out;
		qsort(c, keep, sizeof(*c), cand_cmp);
	}
	out->more = n > o->offset + limit;
	end = o->offset + limit < keep ? o->offset + limit : keep;
	if ((s = search_prep(db, "SELECT " HIT_COLS ", " TEXT_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id WHERE i.seq = ?1", err)) == NULL)
		goto out;
	for (i = o->offset; i < end; i++) {
		sqlite3_bind_int64(s, 1, c[i].id);
		step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			fill_hit(add_hit(out, &alloc), s, q, c[i].score,
			    N_HIT_COLS);
		sqlite3_reset(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			search_db_err(db, err, "search failed");
			goto out;
		}
	}
	rc = 0;
out:
	sqlite3_finalize(s);
	if (r == NULL || c != r->c)
		free(c);
	return (rc);
}

static int
run_once(struct store *st, const struct search_query *q,
    const struct search_opts *opts, struct search_results *out,
    bool *damaged, struct err *err)
{
	sqlite3 *db;
	struct search_opts o;
	sqlite3_stmt *s;
	size_t limit;
	int64_t dead = 0;
	int ok, rc;

	memset(out, 0, sizeof(*out));
	memset(&o, 0, sizeof(o));
	if (opts != NULL)
		o = *opts;
	o.hide_st = st;
	/* While no feed is gone, matching need not look at the feeds. */
	if (!o.with_gone && o.feed_id == 0) {
		if ((s = search_prep(store_db(st), "SELECT EXISTS (SELECT 1"
		    " FROM feeds WHERE gone)", err)) == NULL)
			return (-1);
		if (sqlite3_step(s) == SQLITE_ROW)
			o.with_gone = sqlite3_column_int(s, 0) == 0;
		sqlite3_finalize(s);
	}
	limit = o.limit > 0 ? o.limit : DEFAULT_LIMIT;
	if ((db = search_index_db(st, err)) == NULL)
		return (-1);
	/* The killfile's condition calls the filter functions there. */
	if (HIDE(&o) != NULL && store_sql_functions_on(db) == -1) {
		err_set(err, ERR_DB, "search index: cannot register the "
		    "filter functions");
		return (-1);
	}
	/*
	 * One read transaction for all the statements, the index's state
	 * included: each statement on its own began and ended one on the
	 * store and on the index (shm locks, a look at the files), one for
	 * every date read.
	 */
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		search_db_err(db, err, "cannot begin a search");
		*damaged = search_rc_damaged(sqlite3_extended_errcode(db));
		return (-1);
	}
	if ((ok = search_index_ok(st, &dead, err)) == -1 ||
	    (ok == 0 && !search_query_filters_only(q))) {
		if (ok == -1)
			*damaged = search_rc_damaged(
			    sqlite3_extended_errcode(db));
		else
			err_set(err, ERR_DB, "no search index yet: run "
			    "gazette reindex");
		if (!sqlite3_get_autocommit(db))
			(void)sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		return (-1);
	}
	if (search_query_fts(q) == NULL && search_query_cjk(q) == NULL)
		rc = run_list(db, q, &o, limit, out, err);
	else
		rc = run_ranked(db, q, &o, dead > 0,
		    search_index_lens_ok(st) == 1, limit, out, err);
	if (rc == -1)
		*damaged = search_rc_damaged(sqlite3_extended_errcode(db));
	if (!sqlite3_get_autocommit(db))
		(void)sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
	if (rc == -1)
		search_results_free(out);
	return (rc);
}

/*
 * A damaged index file is derived data: it is removed, made again from
 * the store, and the query runs once more.
 */
int
search_run(struct store *st, const struct search_query *q,
    const struct search_opts *opts, struct search_results *out,
    struct err *err)
{
	bool damaged = false, was;
	int rc;

	was = store_damage_ignore(true);
	rc = run_once(st, q, opts, out, &damaged, err);
	if (rc == -1 && damaged) {
		err_clear(err);
		search_ix_discard(st);
		damaged = false;
		rc = search_sync(st, err) == -1 ? -1 :
		    run_once(st, q, opts, out, &damaged, err);
	}
	(void)store_damage_ignore(was);
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

/*
 * Every match of q, as search_run finds them but unranked: "SELECT cols
 * FROM items i JOIN feeds f ... WHERE (the match and the filters)",
 * prepared and bound.
 */
static sqlite3_stmt *
all_matches(struct store *st, const struct search_query *q, const char *cols,
    struct err *err)
{
	struct search_opts o;
	sqlite3_stmt *s;
	struct buf sql;
	sqlite3 *db;
	int64_t dead = 0;
	int ok;

	memset(&o, 0, sizeof(o));
	o.hide_st = st;
	if ((db = search_index_db(st, err)) == NULL)
		return (NULL);
	if (HIDE(&o) != NULL && store_sql_functions_on(db) == -1) {
		err_set(err, ERR_DB, "search index: cannot register the "
		    "filter functions");
		return (NULL);
	}
	if ((ok = search_index_ok(st, &dead, err)) == -1)
		return (NULL);
	if (ok == 0 && !search_query_filters_only(q)) {
		err_set(err, ERR_DB, "no search index yet: run gazette "
		    "reindex");
		return (NULL);
	}
	/* On the index's reader: a match's rowid is the article's seq. */
	buf_init(&sql, 64 * 1024);
	(void)buf_addf(&sql, "SELECT %s FROM items i JOIN feeds f ON f.id ="
	    " i.feed_id WHERE 1", cols);
	if (search_query_fts(q) != NULL)
		(void)buf_addstr(&sql, " AND i.seq IN (SELECT rowid FROM"
		    " search_fts WHERE search_fts MATCH :fts)");
	if (search_query_cjk(q) != NULL)
		(void)buf_addstr(&sql, " AND i.seq IN (SELECT rowid FROM"
		    " search_cjk WHERE search_cjk MATCH :cjk)");
	add_conditions(&sql, q, &o);
	s = search_prep(db, buf_str(&sql), err);
	buf_free(&sql);
	if (s == NULL)
		return (NULL);
	bind_all(s, q, &o, 0);
	return (s);
}

int
search_count(struct store *st, const struct search_query *q, int64_t *unread,
    int64_t *total, struct err *err)
{
	sqlite3_stmt *s;
	int step;

	*unread = *total = 0;
	if ((s = all_matches(st, q, "count(*), coalesce(sum(i.read = 0), 0)",
	    err)) == NULL)
		return (-1);
	if ((step = sqlite3_step(s)) == SQLITE_ROW) {
		*total = sqlite3_column_int64(s, 0);
		*unread = sqlite3_column_int64(s, 1);
	} else
		search_db_err(search_index_db(st, NULL), err, "cannot count a search");
	sqlite3_finalize(s);
	return (step == SQLITE_ROW ? 0 : -1);
}

int
search_set_read(struct store *st, const struct search_query *q,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t n = 0, alloc = 0, i;
	int step, rc = -1;

	/* The ids first: marking goes through the store's counters. */
	if ((s = all_matches(st, q, "i.id", err)) == NULL)
		return (-1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 256;
			ids = xreallocarray(ids, alloc, sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	if (step != SQLITE_DONE)
		search_db_err(search_index_db(st, NULL), err,
		    "cannot mark a search read");
	sqlite3_finalize(s);
	if (step != SQLITE_DONE)
		goto out;
	if (store_begin(st, err) == -1)
		goto out;
	for (i = 0; i < n; i++)
		if (store_item_set_read(st, ids[i], true, err) == -1)
			break;
	if (i < n) {
		store_rollback(st);
		goto out;
	}
	rc = store_commit(st, err);
out:
	free(ids);
	return (rc);
}
