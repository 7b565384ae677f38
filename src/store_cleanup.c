/*
 * store_cleanup: articles deleted for good (gazette cleanup, the
 * cleanup-on-quit, delete-read-articles-on-quit and keep-articles-days
 * settings).  Each deleted article leaves a tombstone, so the search
 * index, which follows the change sequence, forgets it too.  newsboat's
 * purge-deleted (the interface's D, ^D and $) deletes articles the same
 * way.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"

#include "store_int.h"
#include "xmalloc.h"

struct doomed {
	int64_t	 id;
	int64_t	 feed_id;
	bool	 unread;
	char	*guid;
};

/*
 * Run s, a DELETE ... RETURNING id, feed_id, read, guid, then tombstone
 * each row, take it off its feed's counters and remember its guid (so
 * the next refresh does not bring it back).  Finalizes s.  Returns the
 * number deleted, -1 on error; the caller holds the transaction.
 */
static int64_t
delete_rows(struct store *st, sqlite3_stmt *s, struct err *err)
{
	struct doomed *v = NULL;
	size_t n = 0, alloc = 0, i;
	sqlite3_stmt *t;
	int64_t seq, rc = -1;
	int step;

	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			v = xreallocarray(v, alloc, sizeof(*v));
		}
		v[n].id = sqlite3_column_int64(s, 0);
		v[n].feed_id = sqlite3_column_int64(s, 1);
		v[n].unread = sqlite3_column_int(s, 2) == 0;
		v[n].guid = store_col_str(s, 3);
		n++;
	}
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot delete articles");
		goto out;
	}
	sqlite3_finalize(s);
	if ((s = store_prepare_sql(st, "INSERT OR IGNORE INTO item_deleted"
	    "(feed_id, guid) VALUES (?1, ?2)", err)) == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(s, 1, v[i].feed_id);
		sqlite3_bind_text(s, 2, v[i].guid != NULL ? v[i].guid : "", -1,
		    SQLITE_STATIC);
		if (store_run(st, s, err) == -1)
			goto out;
		if ((seq = store_take_seq(st, err)) == -1 ||
		    (t = store_stmt(st, S_TOMBSTONE, err)) == NULL)
			goto out;
		store_bind_int(t, ":seq", seq);
		store_bind_int(t, ":id", v[i].id);
		if (store_run(st, t, err) == -1)
			goto out;
		store_add_delta(st, v[i].feed_id, -1, v[i].unread ? -1 : 0);
	}
	rc = (int64_t)n;
out:
	sqlite3_finalize(s);
	for (i = 0; i < n; i++)
		free(v[i].guid);
	free(v);
	return (rc);
}

static int64_t
delete_where(struct store *st, const char *sql, int64_t a, int64_t b,
    struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	int64_t n;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_prepare_sql(st, sql, err)) == NULL)
		n = -1;
	else {
		if (sqlite3_bind_parameter_count(s) >= 1)
			sqlite3_bind_int64(s, 1, a);
		if (sqlite3_bind_parameter_count(s) >= 2)
			sqlite3_bind_int64(s, 2, b);
		n = delete_rows(st, s, err);
	}
	if (store_auto_end(st, began, n == -1 ? -1 : 0, err) == -1)
		return (-1);
	return (n);
}

int
store_cleanup_gone(struct store *st, int64_t *feeds, int64_t *items,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t n = 0, alloc = 0, i;
	bool began;
	int rc = -1, step;

	*feeds = *items = 0;
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	/* An empty urls file leaves every feed gone: nothing goes. */
	if ((s = store_prepare_sql(st, "SELECT id, (SELECT count(*) FROM"
	    " items i WHERE i.feed_id = f.id) FROM feeds f WHERE gone"
	    " AND EXISTS (SELECT 1 FROM feeds WHERE gone = 0)",
	    err)) == NULL)
		goto out;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			ids = xreallocarray(ids, alloc, sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(s, 0);
		*items += sqlite3_column_int64(s, 1);
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot read the gone feeds");
		goto out;
	}
	for (i = 0; i < n; i++)
		if (store_feed_delete(st, ids[i], err) == -1)
			goto out;
	*feeds = (int64_t)n;
	rc = 0;
out:
	free(ids);
	rc = store_auto_end(st, began, rc, err);
	if (rc == -1)
		*feeds = *items = 0;
	return (rc);
}

int64_t
store_delete_read(struct store *st, struct err *err)
{
	return (delete_where(st, "DELETE FROM items WHERE read = 1"
	    " AND flagged = 0 RETURNING id, feed_id, read, guid", 0, 0, err));
}

int64_t
store_feed_expire(struct store *st, int64_t feed_id, int64_t before,
    struct err *err)
{
	return (delete_where(st, "DELETE FROM items WHERE feed_id = ?1"
	    " AND flagged = 0 AND sort_date < ?2"
	    " RETURNING id, feed_id, read, guid",
	    feed_id, before, err));
}

/* Ids a statement: a constant list of placeholders, never data. */
#define DELETE_CHUNK	100

int64_t
store_items_delete(struct store *st, const int64_t *ids, size_t n,
    struct err *err)
{
	sqlite3_stmt *s;
	struct buf b;
	size_t at, k, m;
	bool began;
	int64_t total = 0, got = 0;

	if (n == 0)
		return (0);
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	for (at = 0; at < n && got != -1; at += m) {
		m = n - at < DELETE_CHUNK ? n - at : DELETE_CHUNK;
		buf_init(&b, 4096);
		(void)buf_addstr(&b, "DELETE FROM items WHERE id IN (");
		for (k = 0; k < m; k++)
			(void)buf_addstr(&b, k > 0 ? ", ?" : "?");
		(void)buf_addstr(&b, ") RETURNING id, feed_id, read, guid");
		s = store_prepare_sql(st, buf_str(&b), err);
		buf_free(&b);
		if (s == NULL) {
			got = -1;
			break;
		}
		for (k = 0; k < m; k++)
			sqlite3_bind_int64(s, (int)k + 1, ids[at + k]);
		if ((got = delete_rows(st, s, err)) != -1)
			total += got;
	}
	if (store_auto_end(st, began, got == -1 ? -1 : 0, err) == -1)
		return (-1);
	return (total);
}

int64_t
store_item_delete_guid(struct store *st, int64_t feed_id, const char *guid,
    struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	int64_t n = -1;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_prepare_sql(st, "DELETE FROM items WHERE feed_id = ?1"
	    " AND guid = ?2 RETURNING id, feed_id, read, guid", err)) == NULL)
		goto out;
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
	if ((n = delete_rows(st, s, err)) != 0)
		goto out;
	/* Not stored: the guid alone keeps it from coming. */
	if ((s = store_prepare_sql(st, "INSERT OR IGNORE INTO item_deleted"
	    "(feed_id, guid) VALUES (?1, ?2)", err)) == NULL) {
		n = -1;
		goto out;
	}
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
	if (store_run(st, s, err) == -1)
		n = -1;
	sqlite3_finalize(s);
out:
	if (store_auto_end(st, began, n == -1 ? -1 : 0, err) == -1)
		return (-1);
	return (n);
}
