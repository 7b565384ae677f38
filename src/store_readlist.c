/*
 * store_readlist: read state in bulk, as newsboat keeps it: its read
 * lists (newsboat -E / -I: one guid a line) and the read and flagged
 * state of the articles of its cache, taken over by import-newsboat.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdlib.h>

#include "store.h"
#include "store_int.h"

int
store_item_mark(struct store *st, int64_t feed_id, const char *guid,
    bool read, bool flagged, struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	int rc = -1;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if (read) {
		if ((s = store_stmt(st, S_MARK_READ_GUID, err)) == NULL)
			goto out;
		store_bind_int(s, ":feed", feed_id);
		store_bind_static(s, ":guid", guid);
		if (store_run(st, s, err) == -1)
			goto out;
		if (sqlite3_changes(st->db) > 0)
			store_add_delta(st, feed_id, 0, -1);
	}
	if (flagged) {
		if ((s = store_stmt(st, S_MARK_FLAG_GUID, err)) == NULL)
			goto out;
		store_bind_int(s, ":feed", feed_id);
		store_bind_static(s, ":guid", guid);
		if (store_run(st, s, err) == -1)
			goto out;
	}
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

int
store_read_guids(struct store *st, void (*fn)(void *, const char *),
    void *arg, struct err *err)
{
	sqlite3_stmt *s;
	int step;

	s = store_prepare_sql(st,
	    "SELECT guid FROM items WHERE read = 1 ORDER BY id", err);
	if (s == NULL)
		return (-1);
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(s, 0));
	if (step != SQLITE_DONE)
		store_db_error(st, err, "cannot read the articles");
	sqlite3_finalize(s);
	return (step == SQLITE_DONE ? 0 : -1);
}

/* Run one statement of a script that returns no rows. */
static int
exec(struct store *st, const char *sql, struct err *err)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot apply the read list");
		return (-1);
	}
	return (0);
}

int
store_mark_read_guids(struct store *st, char *const *guids, size_t n,
    int64_t *marked, int64_t *unknown, struct err *err)
{
	sqlite3_stmt *s = NULL;
	size_t i;
	int rc = -1;

	*marked = *unknown = 0;
	if (store_begin(st, err) == -1)
		return (-1);
	if (exec(st, "CREATE TEMP TABLE IF NOT EXISTS readlist ("
	    " guid TEXT PRIMARY KEY, hit INTEGER NOT NULL DEFAULT 0)"
	    " WITHOUT ROWID; DELETE FROM temp.readlist;", err) == -1)
		goto out;
	s = store_prepare_sql(st,
	    "INSERT OR IGNORE INTO temp.readlist (guid) VALUES (:guid)", err);
	if (s == NULL)
		goto out;
	for (i = 0; i < n; i++) {
		store_bind_static(s, ":guid", guids[i]);
		if (sqlite3_step(s) != SQLITE_DONE) {
			store_db_error(st, err, "cannot load the read list");
			goto out;
		}
		store_done(s);
	}
	/*
	 * newsboat keys an article without a guid by its link: a line that
	 * names no guid here may name a link.  One pass over the articles
	 * either way, whatever the length of the list.
	 */
	if (exec(st, "UPDATE temp.readlist SET hit = 1"
	    " WHERE guid IN (SELECT guid FROM main.items)", err) == -1 ||
	    exec(st, "UPDATE main.items SET read = 1 WHERE read = 0 AND"
	    " (guid IN (SELECT guid FROM temp.readlist) OR"
	    "  link IN (SELECT guid FROM temp.readlist WHERE hit = 0))",
	    err) == -1)
		goto out;
	*marked = sqlite3_changes(st->db);
	sqlite3_finalize(s);
	s = store_prepare_sql(st, "SELECT count(*) FROM temp.readlist"
	    " WHERE hit = 0 AND guid NOT IN"
	    " (SELECT link FROM main.items WHERE link IS NOT NULL)", err);
	if (s == NULL || (*unknown = store_step_int(st, s,
	    "cannot count the read list", err)) == -1)
		goto out;
	if (exec(st, "DELETE FROM temp.readlist", err) == -1 ||
	    store_recount(st, err) == -1)
		goto out;
	rc = 0;
out:
	sqlite3_finalize(s);
	if (rc == 0)
		return (store_commit(st, err));
	store_rollback(st);
	return (-1);
}
