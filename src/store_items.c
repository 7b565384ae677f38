/*
 * store_items: upserting and pruning items, reading them (windows, single
 * items, counts), read and flagged marks, and the counter repair (see
 * store.h).
 */
#include "config.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "jsonw.h"
#include "store.h"
#include "store_int.h"
#include "store_sync.h"
#include "store_text.h"
#include "text.h"
#include "xmalloc.h"

/* Items. */

/*
 * Change detection hash (not cryptographic): 64-bit words mixed with a
 * multiply and a rotation, so long bodies hash at memory speed.
 */
#define HASH_SEED	UINT64_C(0x9e3779b97f4a7c15)
#define HASH_MUL	UINT64_C(0xff51afd7ed558ccd)

static uint64_t
hash_mix(uint64_t h, uint64_t v)
{
	h ^= v;
	h *= HASH_MUL;
	return ((h << 29) | (h >> 35));
}

static uint64_t
hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;
	uint64_t w;

	h = hash_mix(h, (uint64_t)n);
	while (n >= 8) {
		memcpy(&w, c, 8);
		h = hash_mix(h, w);
		c += 8;
		n -= 8;
	}
	w = 0;
	memcpy(&w, c, n);
	return (hash_mix(h, w));
}

/* A string field: presence and length are mixed in, so fields cannot blur. */
static uint64_t
hash_str(uint64_t h, const char *s)
{
	if (s == NULL)
		return (hash_mix(h, UINT64_C(0x5a5a5a5a5a5a5a5a)));
	return (hash_bytes(h, s, strlen(s)));
}

static uint64_t
hash_int(uint64_t h, int64_t v)
{
	return (hash_mix(h, (uint64_t)v));
}

static void
enclosures_json(struct buf *b, const struct item *item)
{
	size_t i;

	buf_reset(b);
	if (item->n_enclosures == 0)
		return;
	buf_addch(b, '[');
	for (i = 0; i < item->n_enclosures; i++) {
		if (i > 0)
			buf_addch(b, ',');
		buf_addch(b, '{');
		jsonw_key(b, "url", true);
		jsonw_str(b, item->enclosures[i].url);
		jsonw_key(b, "type", false);
		jsonw_str(b, item->enclosures[i].type);
		jsonw_key(b, "length", false);
		if (item->enclosures[i].length < 0)
			jsonw_null(b);
		else
			jsonw_int(b, item->enclosures[i].length);
		buf_addch(b, '}');
	}
	buf_addch(b, ']');
}

static void
categories_json(struct buf *b, const struct item *item)
{
	size_t i;

	buf_reset(b);
	if (item->n_categories == 0)
		return;
	buf_addch(b, '[');
	for (i = 0; i < item->n_categories; i++) {
		if (i > 0)
			buf_addch(b, ',');
		jsonw_str(b, item->categories[i]);
	}
	buf_addch(b, ']');
}

/* The buffer's text, handed over (b is left empty), or NULL if none. */
static char *
json_or_null(struct buf *b)
{
	return (b->len > 0 ? buf_detach(b) : NULL);
}

void
store_item_prepare(const struct item *item, struct store_item_prep *p)
{
	struct buf b;
	uint64_t h;

	memset(p, 0, sizeof(*p));
	buf_init(&b, BUF_CAP_BODY);
	p->ctype = item->content_type != NULL ? item->content_type : "html";
	enclosures_json(&b, item);
	p->enclosures = json_or_null(&b);
	categories_json(&b, item);
	p->categories = json_or_null(&b);
	buf_free(&b);
	h = hash_str(HASH_SEED, item->title);
	h = hash_str(h, item->link);
	h = hash_str(h, item->author);
	h = hash_int(h, item->published);
	h = hash_int(h, item->updated);
	h = hash_str(h, p->ctype);
	p->content_len = item->content != NULL ? strlen(item->content) : 0;
	h = item->content != NULL ? hash_bytes(h, item->content,
	    p->content_len) : hash_str(h, NULL);
	h = hash_str(h, p->enclosures);
	h = hash_str(h, p->categories);
	if (h == 0)	/* 0 means "unknown" (rows from before hashes) */
		h = 1;
	p->hash = h;
}

void
store_item_prep_clear(struct store_item_prep *p)
{
	free(p->enclosures);
	free(p->categories);
	memset(p, 0, sizeof(*p));
}

int
store_item_upsert(struct store *st, int64_t feed_id, const struct item *item,
    int64_t now, enum store_upsert *result, struct err *err)
{
	struct store_item_prep p;
	int rc;

	store_item_prepare(item, &p);
	rc = store_item_upsert_prepared(st, feed_id, item, &p, now, result,
	    err);
	store_item_prep_clear(&p);
	return (rc);
}

/* The upsert's parameters, by name; absent from a statement: index 0. */
enum up_param {
	UP_FEED, UP_GUID, UP_NOW, UP_ID, UP_TITLE, UP_LINK, UP_AUTHOR,
	UP_PUBLISHED, UP_UPDATED, UP_CTYPE, UP_CONTENT, UP_ENCL,
	UP_CATS, UP_HASH, UP_SEQ, N_UP
};
static const char *const up_names[N_UP] = {
	":feed", ":guid", ":now", ":id", ":title", ":link", ":author",
	":published", ":updated", ":ctype", ":content",
	":enclosures", ":categories", ":hash", ":seq",
};

static const int *
up_params(struct store_params *c, sqlite3_stmt *s)
{
	size_t k;

	if (c->s != s) {
		for (k = 0; k < N_UP; k++)
			c->idx[k] = sqlite3_bind_parameter_index(s,
			    up_names[k]);
		c->s = s;
	}
	return (c->idx);
}

/* A string kept alive by the caller until store_done (NULL: null). */
static void
bind_str(sqlite3_stmt *s, int i, const char *v, size_t n)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text64(s, i, v, n, SQLITE_STATIC, SQLITE_UTF8);
}

static void
bind_cstr(sqlite3_stmt *s, int i, const char *v)
{
	bind_str(s, i, v, v != NULL ? strlen(v) : 0);
}

static void
bind_date(sqlite3_stmt *s, int i, int64_t v)
{
	if (v == ITEM_NO_DATE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int64(s, i, v);
}

int
store_item_upsert_prepared(struct store *st, int64_t feed_id,
    const struct item *item, const struct store_item_prep *p, int64_t now,
    enum store_upsert *result, struct err *err)
{
	sqlite3_stmt *s;
	int64_t id = 0, seq, old_hash = 0;
	const int *ix;
	bool began, found = false;
	int rc = -1, step;

	if (item->guid == NULL) {
		err_set(err, ERR_DB, "database %s: an item without a guid",
		    st->path);
		return (-1);
	}
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, S_ITEM_LOOKUP, err)) == NULL)
		goto out;
	store_bind_static(s, ":guid", item->guid);
	store_bind_int(s, ":feed", feed_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		found = true;
		id = sqlite3_column_int64(s, 0);
		old_hash = sqlite3_column_int64(s, 1);
	}
	store_done(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		store_db_error(st, err, "cannot look up an item");
		goto out;
	}
	if (!found) {
		/* Deleted for being read or old: it stays deleted. */
		if ((s = store_stmt(st, S_ITEM_DELETED, err)) == NULL)
			goto out;
		store_bind_static(s, ":guid", item->guid);
		store_bind_int(s, ":feed", feed_id);
		step = sqlite3_step(s);
		store_done(s);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			store_db_error(st, err, "cannot look up an item");
			goto out;
		}
		if (step == SQLITE_ROW) {
			*result = STORE_UPSERT_UNCHANGED;
			rc = 0;
			goto out;
		}
	}
	if (found && old_hash == (int64_t)p->hash) {
		*result = STORE_UPSERT_UNCHANGED;
		rc = 0;
		goto out;
	}
	if ((seq = store_take_seq(st, err)) == -1)
		goto out;
	s = store_stmt(st, found ? S_ITEM_UPDATE : S_ITEM_INSERT, err);
	if (s == NULL)
		goto out;
	/* Binding to index 0 (a name the statement lacks) does nothing. */
	ix = up_params(&st->upsert[found ? 1 : 0], s);
	sqlite3_bind_int64(s, ix[UP_ID], id);
	sqlite3_bind_int64(s, ix[UP_FEED], feed_id);
	bind_cstr(s, ix[UP_GUID], item->guid);
	sqlite3_bind_int64(s, ix[UP_NOW], now);
	bind_cstr(s, ix[UP_TITLE], item->title);
	bind_cstr(s, ix[UP_LINK], item->link);
	bind_cstr(s, ix[UP_AUTHOR], item->author);
	bind_date(s, ix[UP_PUBLISHED], item->published);
	bind_date(s, ix[UP_UPDATED], item->updated);
	bind_cstr(s, ix[UP_CTYPE], p->ctype);
	bind_str(s, ix[UP_CONTENT], item->content, p->content_len);
	bind_cstr(s, ix[UP_ENCL], p->enclosures);
	bind_cstr(s, ix[UP_CATS], p->categories);
	sqlite3_bind_int64(s, ix[UP_HASH], (int64_t)p->hash);
	sqlite3_bind_int64(s, ix[UP_SEQ], seq);
	if (store_run(st, s, err) == -1)
		goto out;
	if (found)
		*result = STORE_UPSERT_UPDATED;
	else {
		*result = STORE_UPSERT_NEW;
		store_add_delta(st, feed_id, 1, 1);
	}
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

int64_t
store_feed_prune(struct store *st, int64_t feed_id, size_t max_items,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL, n = 0, unread = 0, seq, i;
	size_t alloc = 0;
	bool began;
	int rc = -1, step;

	if (max_items == 0)
		return (0);
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, S_PRUNE, err)) == NULL)
		goto out;
	store_bind_int(s, ":feed", feed_id);
	store_bind_int(s, ":keep", max_items > INT64_MAX ? INT64_MAX :
	    (int64_t)max_items);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if ((size_t)n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			ids = xreallocarray(ids, alloc, sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(s, 0);
		if (sqlite3_column_int(s, 1) == 0)
			unread++;
	}
	store_done(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot prune items");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((seq = store_take_seq(st, err)) == -1 ||
		    (s = store_stmt(st, S_TOMBSTONE, err)) == NULL)
			goto out;
		store_bind_int(s, ":seq", seq);
		store_bind_int(s, ":id", ids[i]);
		if (store_run(st, s, err) == -1)
			goto out;
	}
	if (n > 0)
		store_add_delta(st, feed_id, -n, -unread);
	rc = 0;
out:
	free(ids);
	rc = store_auto_end(st, began, rc, err);
	return (rc == -1 ? -1 : n);
}

/* Reading. */

void
store_read_row(sqlite3_stmt *s, struct store_item_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->feed_id = sqlite3_column_int64(s, 1);
	r->feed_url = store_col_str(s, 2);
	r->feed_title = store_col_str(s, 3);
	r->guid = store_col_str(s, 4);
	r->title = store_col_str(s, 5);
	r->link = store_col_str(s, 6);
	r->author = store_col_str(s, 7);
	r->published = store_col_date(s, 8);
	r->updated = store_col_date(s, 9);
	r->date = sqlite3_column_int64(s, 10);
	r->read = sqlite3_column_int(s, 11) != 0;
	r->flagged = sqlite3_column_int(s, 12) != 0;
}

/* The filters of a window, on items aliased a (constant SQL only). */
static void
add_filters(struct buf *b, const char *a, int scope, int filter)
{
	if (scope)
		buf_addf(b, " AND %s.feed_id = :feed", a);
	if (filter == STORE_FILTER_UNREAD)
		buf_addf(b, " AND %s.read = 0", a);
	else if (filter == STORE_FILTER_FLAGGED)
		buf_addf(b, " AND %s.flagged = 1", a);
}

/*
 * Windows are keyset queries: "rows after key" walks the order's index
 * from that row (store_sort.c: the sort value, sort_date, id).  An
 * offset is never an OFFSET on the row query (that read and joined
 * every skipped row: 7-11 s at 500k rows of 1M): the key of the last
 * skipped row is found first by a subquery that walks only the order's
 * index, and the rows are then read after it.  One statement, so both
 * parts see the same snapshot.  When the subquery finds no row, the
 * comparison with its NULL is false and the window is empty, as with a
 * too-large OFFSET.
 */
static sqlite3_stmt *
window_stmt(struct store *st, const struct store_query *q, struct err *err)
{
	sqlite3_stmt *s;
	int scope = q->feed_id != 0;
	int dir = q->from_end ? 3 : !q->has_key ? 0 : q->newer ? 2 : 1;
	int filter = (int)q->filter;
	int skip = q->offset > 0;
	int sort = (int)q->sort, asc = q->ascending;
	int k;
	bool where = q->where != NULL;
	const char *order, *cmp;
	struct buf b, sub;

	if (filter < 0 || filter > 2)
		filter = 0;
	if (sort < 0 || sort >= STORE_NSORTS)
		sort = STORE_SORT_DATE;
	k = ((((sort * 2 + asc) * 2 + scope) * 3 + filter) * 4 + dir) * 2 +
	    skip;
	/* A where condition is the caller's: prepared for this window only. */
	if (q->where == NULL && st->windows[k] != NULL)
		return (st->windows[k]);
	if (q->where != NULL && store_sql_functions(st, err) == -1)
		return (NULL);
	/* The killfile reads i and f as a condition does. */
	if (st->hide != NULL)
		where = true;
	/* Reading backward (before a key, from the end) turns the order. */
	order = asc != (dir >= 2) ? " ASC" : " DESC";
	cmp = asc != (dir >= 2) ? " > " : " < ";
	/* Constant fragments only: no data ever goes into SQL text. */
	buf_init(&b, 4096);
	buf_addstr(&b, "SELECT " ROW_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id WHERE 1");
	add_filters(&b, "i", scope, filter);
	if (!scope)
		buf_addstr(&b, " AND f.gone = 0");
	if (q->where != NULL)
		buf_addf(&b, " AND %s", q->where->sql);
	store_hide_sql(st, &b);
	if (dir == 1 || dir == 2)
		store_sort_keycmp(&b, (enum store_sort)sort, "i", cmp);
	if (skip) {
		/* The id of the last row skipped, found in the index alone
		   (a sort value that is an expression is not read from it),
		   then the rows after it. */
		buf_init(&sub, 4096);
		if (where) {
			/* The condition reads i and f. */
			buf_addf(&sub, "SELECT i.id FROM items i JOIN feeds f"
			    " ON f.id = i.feed_id WHERE %s", q->where != NULL ?
			    q->where->sql : "1");
			store_hide_sql(st, &sub);
			add_filters(&sub, "i", scope, filter);
			if (!scope)
				buf_addstr(&sub, " AND f.gone = 0");
			if (dir == 1 || dir == 2)
				store_sort_keycmp(&sub,
				    (enum store_sort)sort, "i", cmp);
			buf_addstr(&sub, " ORDER BY ");
			store_sort_cols(&sub, (enum store_sort)sort, "i",
			    order);
		} else {
			buf_addstr(&sub, "SELECT j.id FROM items j WHERE 1");
			add_filters(&sub, "j", scope, filter);
			/* Walks the index alone while no feed is gone. */
			if (!scope)
				buf_addstr(&sub, " AND (NOT EXISTS (SELECT 1"
				    " FROM feeds WHERE gone) OR j.feed_id NOT"
				    " IN (SELECT id FROM feeds WHERE gone))");
			if (dir == 1 || dir == 2)
				store_sort_keycmp(&sub,
				    (enum store_sort)sort, "j", cmp);
			buf_addstr(&sub, " ORDER BY ");
			store_sort_cols(&sub, (enum store_sort)sort, "j",
			    order);
		}
		buf_addstr(&sub, " LIMIT 1 OFFSET :skip");
		store_sort_after(&b, (enum store_sort)sort, "i", cmp,
		    buf_str(&sub));
		buf_free(&sub);
	}
	buf_addstr(&b, " ORDER BY ");
	store_sort_cols(&b, (enum store_sort)sort, "i", order);
	buf_addstr(&b, " LIMIT :limit");
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (!where)
		st->windows[k] = s;
	return (s);
}

int
store_bind_where(struct store *st, sqlite3_stmt *s,
    const struct store_where *w, struct err *err)
{
	const struct store_param *p;
	size_t i;
	int rc;

	int n0 = w->param0 != 0 ? w->param0 : STORE_WHERE_PARAM0;

	for (i = 0; i < w->nparams; i++) {
		p = &w->params[i];
		rc = p->is_int ? sqlite3_bind_int64(s, n0 + (int)i, p->i) :
		    sqlite3_bind_text(s, n0 + (int)i, p->s, -1,
		    SQLITE_STATIC);
		if (rc != SQLITE_OK) {
			store_db_error(st, err, "cannot bind a filter value");
			return (-1);
		}
	}
	return (0);
}

int
store_items_window(struct store *st, const struct store_query *q,
    struct store_item_list *out, struct err *err)
{
	sqlite3_stmt *s;
	struct store_item_row tmp;
	size_t alloc = 0, i;
	int rc;

	out->rows = NULL;
	out->n = 0;
	/*
	 * Without its index an order is still right, only slower.  A feed's
	 * articles are sorted for each window (a few ms for thousands of
	 * articles); only a walk over the whole store (gazette list --sort)
	 * builds the order's index, once: 13 to 21 s at a million articles,
	 * the write lock held, which the interface must never wait for.
	 */
	if (q->sort != STORE_SORT_DATE && q->feed_id == 0)
		(void)store_sort_index(st, q->sort, NULL);
	if ((s = window_stmt(st, q, err)) == NULL)
		return (-1);
	if ((q->where != NULL && store_bind_where(st, s, q->where, err) ==
	    -1) || store_bind_hide(st, s, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	if (q->feed_id != 0)
		store_bind_int(s, ":feed", q->feed_id);
	if (q->has_key && !q->from_end)
		store_sort_bind_key(s, q->sort, &q->key);
	store_bind_int(s, ":limit", q->limit == 0 || q->limit > INT64_MAX ? -1 :
	    (int64_t)q->limit);
	/* The subquery gives the last row skipped. */
	if (q->offset > 0)
		store_bind_int(s, ":skip", q->offset - 1 > INT64_MAX ?
		    INT64_MAX : (int64_t)(q->offset - 1));
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : (q->limit > 0 &&
			    q->limit < 1024 ? q->limit : 64);
			out->rows = xreallocarray(out->rows, alloc,
			    sizeof(*out->rows));
		}
		store_read_row(s, &out->rows[out->n++]);
	}
	if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot list items");
	if (q->where != NULL || st->hide != NULL)
		sqlite3_finalize(s);
	else
		store_done(s);
	if (rc != SQLITE_DONE) {
		store_item_list_free(out);
		return (-1);
	}
	if ((q->has_key && q->newer) || q->from_end) {
		for (i = 0; i < out->n / 2; i++) {
			tmp = out->rows[i];
			out->rows[i] = out->rows[out->n - 1 - i];
			out->rows[out->n - 1 - i] = tmp;
		}
	}
	return (0);
}

void
store_item_row_clear(struct store_item_row *r)
{
	free(r->feed_url);
	free(r->feed_title);
	free(r->guid);
	free(r->title);
	free(r->link);
	free(r->author);
	memset(r, 0, sizeof(*r));
}

void
store_item_list_free(struct store_item_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		store_item_row_clear(&l->rows[i]);
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

struct hidden_counts {
	int64_t	*unread;
	int64_t	*total;
};

static void
less_hidden(void *arg, int64_t feed_id, int64_t unread, int64_t total)
{
	struct hidden_counts *c = arg;

	(void)feed_id;
	*c->unread -= unread;
	*c->total -= total;
}

int
store_counts(struct store *st, int64_t feed_id, int64_t *unread,
    int64_t *total, struct err *err)
{
	struct hidden_counts c;
	sqlite3_stmt *s;
	int rc;

	*unread = *total = 0;
	s = store_stmt(st, feed_id != 0 ? S_COUNTS_FEED : S_COUNTS_ALL, err);
	if (s == NULL)
		return (-1);
	if (feed_id != 0)
		store_bind_int(s, ":feed", feed_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*unread = sqlite3_column_int64(s, 0);
		*total = sqlite3_column_int64(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_db_error(st, err, "cannot count items");
		return (-1);
	}
	/* Less what the killfile hides. */
	c.unread = unread;
	c.total = total;
	return (store_hidden_counts(st, feed_id, less_hidden, &c, err));
}

static int
get_full(struct store *st, sqlite3_stmt *s, struct store_item_full *out,
    struct err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		store_read_row(s, &out->row);
		out->content_type = store_col_str(s, N_ROW_COLS);
		out->content = store_col_str(s, N_ROW_COLS + 1);
		out->content_text = store_col_str(s, N_ROW_COLS + 2);
		out->enclosures = store_col_str(s, N_ROW_COLS + 3);
		out->categories = store_col_str(s, N_ROW_COLS + 4);
		out->first_seen = sqlite3_column_int64(s, N_ROW_COLS + 5);
		out->seq = sqlite3_column_int64(s, N_ROW_COLS + 6);
	} else if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot read an item");
	store_done(s);
	return (rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1);
}

int
store_item_get(struct store *st, int64_t item_id, struct store_item_full *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = store_stmt(st, S_ITEM_GET, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", item_id);
	return (get_full(st, s, out, err));
}

int
store_item_get_guid(struct store *st, int64_t feed_id, const char *guid,
    struct store_item_full *out, struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	s = store_stmt(st,
	    feed_id != 0 ? S_ITEM_GET_GUID_FEED : S_ITEM_GET_GUID, err);
	if (s == NULL)
		return (-1);
	store_bind_static(s, ":guid", guid);
	if (feed_id != 0)
		store_bind_int(s, ":feed", feed_id);
	return (get_full(st, s, out, err));
}

void
store_item_full_clear(struct store_item_full *it)
{
	store_item_row_clear(&it->row);
	free(it->content_type);
	free(it->content);
	free(it->content_text);
	free(it->enclosures);
	free(it->categories);
	memset(it, 0, sizeof(*it));
}

/* Read and flagged state. */

int
store_item_set_read(struct store *st, int64_t item_id, bool read,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t feed_id = 0;
	bool began, kept = store_hide_cache_valid(st);
	int rc = -1, step;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, read ? S_READ_ONE : S_UNREAD_ONE, err)) == NULL)
		goto out;
	store_bind_int(s, ":id", item_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		feed_id = sqlite3_column_int64(s, 0);
	while (step == SQLITE_ROW)
		step = sqlite3_step(s);
	store_done(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot mark an item");
		goto out;
	}
	if (feed_id != 0) {
		if ((s = store_stmt(st, S_FEED_COUNTERS, err)) == NULL)
			goto out;
		store_bind_int(s, ":id", feed_id);
		store_bind_int(s, ":dtotal", 0);
		store_bind_int(s, ":dunread", read ? -1 : 1);
		if (store_run(st, s, err) == -1)
			goto out;
	}
	rc = 0;
out:
	rc = store_auto_end(st, began, rc, err);
	/* The killfile's counts follow, rather than a scan of every item. */
	if (kept && began && rc == 0 && feed_id != 0)
		store_hide_read_changed(st, item_id, feed_id, read);
	return (rc);
}

int
store_feed_set_read(struct store *st, int64_t feed_id, bool read,
    struct err *err)
{
	sqlite3_stmt *s;
	enum stmt_id a, c;
	bool began;
	int rc = -1;

	if (feed_id != 0) {
		a = read ? S_READ_FEED : S_UNREAD_FEED;
		c = S_COUNTERS_READ_FEED;
	} else {
		a = read ? S_READ_ALL : S_UNREAD_ALL;
		c = S_COUNTERS_READ_ALL;
	}
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, a, err)) == NULL)
		goto out;
	if (feed_id != 0)
		store_bind_int(s, ":feed", feed_id);
	if (store_run(st, s, err) == -1)
		goto out;
	if ((s = store_stmt(st, c, err)) == NULL)
		goto out;
	if (feed_id != 0)
		store_bind_int(s, ":feed", feed_id);
	store_bind_int(s, ":read", read);
	if (store_run(st, s, err) == -1)
		goto out;
	/* Sync pushes it as one mark-all-as-read (store_sync.h). */
	if (read && store_sync_feed_read(st, feed_id, err) == -1)
		goto out;
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

int
store_item_set_flagged(struct store *st, int64_t item_id, bool flagged,
    struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FLAG_SET, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", item_id);
	store_bind_int(s, ":flagged", flagged);
	return (store_run(st, s, err));
}

int
store_item_toggle_flagged(struct store *st, int64_t item_id, bool *now,
    struct err *err)
{
	sqlite3_stmt *s;
	int step;

	if ((s = store_stmt(st, S_FLAG_TOGGLE, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", item_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && now != NULL)
		*now = sqlite3_column_int(s, 0) != 0;
	while (step == SQLITE_ROW)
		step = sqlite3_step(s);
	store_done(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot flag an item");
		return (-1);
	}
	return (0);
}

int
store_recount(struct store *st, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_RECOUNT, err)) == NULL)
		return (-1);
	return (store_run(st, s, err));
}
