/*
 * store_match: which of a handful of items (the rows on screen) meet a
 * condition, for highlight-article (see store.h).  The ids are bound as
 * parameters ?1..?n, at most STORE_MATCH_MAX per statement, below the
 * condition's own (STORE_WHERE_PARAM0 on), and SQLite finds each by its
 * primary key: the cost follows the number of rows asked about, never
 * the size of the store.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store_int.h"

_Static_assert(STORE_MATCH_MAX < STORE_WHERE_PARAM0,
    "the ids' parameters come before the condition's");

static int
match_chunk(struct store *st, const struct store_where *w,
    const int64_t *ids, size_t n, bool *hit, struct err *err)
{
	sqlite3_stmt *s;
	struct buf b;
	int64_t id;
	size_t i;
	int rc;

	buf_init(&b, 4096);
	(void)buf_addstr(&b, "SELECT i.id FROM items i JOIN feeds f"
	    " ON f.id = i.feed_id WHERE i.id IN (");
	for (i = 0; i < n; i++)
		(void)buf_addf(&b, "%s?%zu", i > 0 ? ", " : "", i + 1);
	(void)buf_addf(&b, ") AND (%s)", w->sql);
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (s == NULL)
		return (-1);
	for (i = 0; i < n; i++)
		sqlite3_bind_int64(s, (int)i + 1, ids[i]);
	if (store_bind_where(st, s, w, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		for (i = 0; i < n; i++)
			if (ids[i] == id)
				hit[i] = true;
	}
	if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot match articles");
	sqlite3_finalize(s);
	return (rc == SQLITE_DONE ? 0 : -1);
}

int
store_items_match(struct store *st, const struct store_where *w,
    const int64_t *ids, size_t n, bool *hit, struct err *err)
{
	size_t k;

	memset(hit, 0, n * sizeof(*hit));
	if (store_sql_functions(st, err) == -1)
		return (-1);
	for (k = 0; k < n; k += STORE_MATCH_MAX)
		if (match_chunk(st, w, ids + k, n - k < STORE_MATCH_MAX ?
		    n - k : STORE_MATCH_MAX, hit + k, err) == -1)
			return (-1);
	return (0);
}
