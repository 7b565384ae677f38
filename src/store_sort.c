/*
 * store_sort: the orders of item lists (article-sort-order) as SQL, and
 * the indexes that let each one page by key (see store.h).
 *
 * An order is a list of columns read in one direction: the sort value,
 * then sort_date, then id, so that ties are broken as in the date order
 * and every row has a distinct position.  Text values are ifnull()ed so
 * that a key is never NULL (a row-value comparison with NULL is never
 * true).  The text orders add a comparison on their first column alone,
 * which lets SQLite seek in an expression index where the row value
 * alone would make it walk the feed's index from its start.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store_int.h"

/* The sort value's expression: before, the column, after. */
static const char *const sort_expr[STORE_NSORTS][3] = {
	{ NULL, NULL, NULL },
	{ "ifnull(", "title", ", '') COLLATE NOCASE" },
	{ "", "flagged", "" },
	{ "ifnull(", "author", ", '') COLLATE NOCASE" },
	{ "ifnull(", "link", ", '')" },
	{ "", "guid", "" },
};
static const char *const sort_name[STORE_NSORTS] = {
	"date", "title", "flags", "author", "link", "guid"
};

static enum store_sort
valid(enum store_sort s)
{
	return ((int)s >= 0 && s < STORE_NSORTS ? s : STORE_SORT_DATE);
}

/* The expression on table alias a ("" for none). */
static void
add_expr(struct buf *b, enum store_sort s, const char *a)
{
	(void)buf_addf(b, "%s%s%s%s%s", sort_expr[s][0], a,
	    a[0] != '\0' ? "." : "", sort_expr[s][1], sort_expr[s][2]);
}

void
store_sort_cols(struct buf *b, enum store_sort s, const char *a,
    const char *dir)
{
	s = valid(s);
	if (sort_expr[s][0] != NULL) {
		add_expr(b, s, a);
		(void)buf_addf(b, "%s, ", dir);
	}
	(void)buf_addf(b, "%s.sort_date%s, %s.id%s", a, dir, a, dir);
}

void
store_sort_keycmp(struct buf *b, enum store_sort s, const char *a,
    const char *cmp)
{
	s = valid(s);
	if (s == STORE_SORT_FLAGS || sort_expr[s][0] == NULL) {
		(void)buf_addstr(b, " AND (");
		store_sort_cols(b, s, a, "");
		(void)buf_addf(b, ")%s(%s:kdate, :kid)", cmp,
		    s == STORE_SORT_FLAGS ? ":kflag, " : "");
		return;
	}
	/* The first column alone ("<=" for "<"): the index's seek. */
	(void)buf_addstr(b, " AND ");
	add_expr(b, s, a);
	(void)buf_addf(b, " %c= :ktext AND (", cmp[1]);
	store_sort_cols(b, s, a, "");
	(void)buf_addf(b, ")%s(:ktext, :kdate, :kid)", cmp);
}

void
store_sort_after(struct buf *b, enum store_sort s, const char *a,
    const char *cmp, const char *id_query)
{
	s = valid(s);
	if (s != STORE_SORT_FLAGS && sort_expr[s][0] != NULL) {
		(void)buf_addstr(b, " AND ");
		add_expr(b, s, a);
		(void)buf_addf(b, " %c= (SELECT ", cmp[1]);
		add_expr(b, s, "k");
		(void)buf_addf(b, " FROM items k WHERE k.id = (%s))",
		    id_query);
	}
	(void)buf_addstr(b, " AND (");
	store_sort_cols(b, s, a, "");
	(void)buf_addf(b, ")%s(SELECT ", cmp);
	store_sort_cols(b, s, "k", "");
	(void)buf_addf(b, " FROM items k WHERE k.id = (%s))", id_query);
}

void
store_sort_bind_key(sqlite3_stmt *stmt, enum store_sort s,
    const struct store_item_key *k)
{
	s = valid(s);
	store_bind_int(stmt, ":kdate", k->date);
	store_bind_int(stmt, ":kid", k->id);
	if (s == STORE_SORT_FLAGS)
		store_bind_int(stmt, ":kflag", k->flag);
	else if (sort_expr[s][0] != NULL)
		store_bind_static(stmt, ":ktext", k->text != NULL ? k->text :
		    "");
}

void
store_item_key_of(const struct store_item_row *r, enum store_sort s,
    struct store_item_key *k)
{
	const char *t;

	k->date = r->date;
	k->id = r->id;
	k->flag = r->flagged;
	switch (valid(s)) {
	case STORE_SORT_TITLE:
		t = r->title;
		break;
	case STORE_SORT_AUTHOR:
		t = r->author;
		break;
	case STORE_SORT_LINK:
		t = r->link;
		break;
	case STORE_SORT_GUID:
		t = r->guid;
		break;
	default:
		t = NULL;
		break;
	}
	k->text = t != NULL ? t : "";
}

int
store_sort_index(struct store *st, enum store_sort s, struct err *err)
{
	struct buf b;
	char *msg = NULL;
	int i, rc = 0;

	s = valid(s);
	if (s == STORE_SORT_DATE || st->sort_tried[s])
		return (0);
	/* Never inside a transaction of ours, never on a read-only file. */
	if (st->readonly || st->in_txn || st->group_open)
		return (0);
	st->sort_tried[s] = true;
	buf_init(&b, 512);
	for (i = 0; i < 2 && rc == 0; i++) {
		buf_reset(&b);
		(void)buf_addf(&b, "CREATE INDEX IF NOT EXISTS items_%ssort_%s"
		    " ON items(%s", i == 0 ? "feed_" : "", sort_name[s],
		    i == 0 ? "feed_id, " : "");
		add_expr(&b, s, "");
		(void)buf_addstr(&b, ", sort_date, id, read)");
		if (sqlite3_exec(st->db, buf_str(&b), NULL, NULL, &msg) !=
		    SQLITE_OK) {
			err_set(err, ERR_DB, "database %s: cannot index the "
			    "%s order: %s", st->path, sort_name[s],
			    msg != NULL ? msg : sqlite3_errmsg(st->db));
			sqlite3_free(msg);
			msg = NULL;
			rc = -1;
		}
	}
	buf_free(&b);
	return (rc);
}

int
store_feeds_latest(struct store *st, void (*fn)(void *, int64_t, int64_t),
    void *arg, struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	s = store_prepare_sql(st, "SELECT f.id, (SELECT max(i.sort_date)"
	    " FROM items i WHERE i.feed_id = f.id) AS latest FROM feeds f"
	    " WHERE latest IS NOT NULL", err);
	if (s == NULL)
		return (-1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, sqlite3_column_int64(s, 0),
		    sqlite3_column_int64(s, 1));
	if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot read the feeds' last dates");
	sqlite3_finalize(s);
	return (rc == SQLITE_DONE ? 0 : -1);
}
