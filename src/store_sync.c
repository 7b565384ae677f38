/*
 * store_sync: the sync's values and its queue of local changes (see
 * store_sync.h; the triggers that fill the queue are in the schema,
 * store_schema.c step 6 -> 7).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store_int.h"
#include "store_sync.h"
#include "xmalloc.h"

/* Run sql (no rows) with up to two integer/text parameters. */
static int
run(struct store *st, const char *sql, const char *s1, int64_t i2,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (-1);
	}
	if (sqlite3_bind_parameter_count(s) >= 1)
		sqlite3_bind_text(s, 1, s1, -1, SQLITE_STATIC);
	if (sqlite3_bind_parameter_count(s) >= 2)
		sqlite3_bind_int64(s, 2, i2);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_db_error(st, err, "sync state");
		return (-1);
	}
	return (0);
}

int
store_sync_set_on(struct store *st, bool on, struct err *err)
{
	int64_t was;
	bool began;
	int rc = -1;

	/* Off when already off writes nothing (every start without sync). */
	if (!on) {
		if (store_sync_get_int(st, "on", &was, err) == -1)
			return (-1);
		if (was == 0)
			return (0);
	}
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if (on)
		rc = run(st, "INSERT OR IGNORE INTO sync_state(key, value)"
		    " VALUES ('on', 1)", NULL, 0, err);
	else if ((rc = run(st, "DELETE FROM sync_state WHERE key = 'on'",
	    NULL, 0, err)) == 0)
		rc = run(st, "DELETE FROM sync_queue", NULL, 0, err);
	return (store_auto_end(st, began, rc, err));
}

int
store_sync_get_int(struct store *st, const char *key, int64_t *v,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	*v = 0;
	if (sqlite3_prepare_v2(st->db, "SELECT value FROM sync_state"
	    " WHERE key = ?1", -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (-1);
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_db_error(st, err, "sync state");
		return (-1);
	}
	return (0);
}

int
store_sync_set_int(struct store *st, const char *key, int64_t v,
    struct err *err)
{
	return (run(st, "INSERT INTO sync_state(key, value) VALUES (?1, ?2)"
	    " ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, v,
	    err));
}

int
store_sync_queue_take(struct store *st, struct store_sync_queue *q,
    struct err *err)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(q, 0, sizeof(*q));
	/* With max(), SQLite takes the bare columns from that row. */
	if (sqlite3_prepare_v2(st->db, "SELECT item_id, guid, what, value,"
	    " at, max(id) FROM sync_queue GROUP BY item_id, what"
	    " ORDER BY 6", -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (-1);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct store_sync_change *c;

		if (q->n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			q->c = xreallocarray(q->c, cap, sizeof(*q->c));
		}
		c = &q->c[q->n++];
		c->item_id = sqlite3_column_int64(s, 0);
		c->guid = store_col_str(s, 1);
		if (c->guid == NULL)
			c->guid = xstrdup("");
		c->what = sqlite3_column_int(s, 2);
		c->value = sqlite3_column_int(s, 3) != 0;
		c->at = sqlite3_column_int64(s, 4);
		if (sqlite3_column_int64(s, 5) > q->upto)
			q->upto = sqlite3_column_int64(s, 5);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_db_error(st, err, "cannot read the sync queue");
		store_sync_queue_free(q);
		return (-1);
	}
	return (0);
}

void
store_sync_queue_free(struct store_sync_queue *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		free(q->c[i].guid);
	free(q->c);
	memset(q, 0, sizeof(*q));
}

int
store_sync_queue_drop(struct store *st, int64_t upto, struct err *err)
{
	bool began;
	int rc;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	rc = run(st, "DELETE FROM sync_queue WHERE id <= ?2", NULL, upto,
	    err);
	return (store_auto_end(st, began, rc, err));
}

int64_t
store_sync_queue_count(struct store *st, struct err *err)
{
	sqlite3_stmt *s;
	int64_t n = -1;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sync_queue", -1,
	    &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (-1);
	}
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	else
		store_db_error(st, err, "cannot read the sync queue");
	sqlite3_finalize(s);
	return (n);
}

/* The letter starred on the server, or '\0' (not in sync, or none). */
static int
flag_star(struct store *st, char *letter, struct err *err)
{
	int64_t on;
	char *v;

	*letter = '\0';
	if (store_sync_get_int(st, "on", &on, err) == -1)
		return (-1);
	if (on == 0)
		return (0);
	if ((v = store_sync_get_text(st, "flag_star", err)) == NULL)
		return (err_isset(err) ? -1 : 0);
	*letter = v[0];
	free(v);
	return (0);
}

int
store_sync_set_flag_star(struct store *st, char letter, struct err *err)
{
	char v[2] = { letter, '\0' };

	if (letter == '\0')
		return (run(st, "DELETE FROM sync_state WHERE key = 'flag_star'",
		    NULL, 0, err));
	return (store_sync_set_text(st, "flag_star", v, err));
}

int
store_mark_guid(struct store *st, int64_t feed_id, const char *guid,
    int what, bool value, int64_t *found, struct err *err)
{
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, i;
	bool began;
	char letter = '\0';
	int rc = -1, step;

	*found = 0;
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if (sqlite3_prepare_v2(st->db, feed_id != 0 ?
	    "SELECT id FROM items WHERE feed_id = ?2 AND guid = ?1" :
	    "SELECT i.id FROM feeds f CROSS JOIN items i"
	    " ON i.feed_id = f.id AND i.guid = ?1", -1, &s, NULL) !=
	    SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		goto out;
	}
	sqlite3_bind_text(s, 1, guid, -1, SQLITE_STATIC);
	if (feed_id != 0)
		sqlite3_bind_int64(s, 2, feed_id);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap == 0 ? 4 : cap * 2;
			ids = xreallocarray(ids, cap, sizeof(*ids));
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot look up an article");
		goto out;
	}
	/* Flagging in sync gives the letter starred on the server. */
	if (what == STORE_SYNC_FLAG && value && n > 0 &&
	    flag_star(st, &letter, err) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		if (what == STORE_SYNC_READ) {
			if (store_item_set_read(st, ids[i], value, err) == -1)
				goto out;
		} else if (letter != '\0') {
			if (store_item_flag_letter(st, ids[i], letter, true,
			    err) == -1)
				goto out;
		} else if (store_item_set_flagged(st, ids[i], value,
		    err) == -1)
			goto out;
	}
	*found = (int64_t)n;
	rc = 0;
out:
	free(ids);
	return (store_auto_end(st, began, rc, err));
}

int
store_sync_apply(struct store *st, const char *prefix, int what, bool value,
    char letter, char *const *guids, size_t n, int64_t *changed,
    struct err *err)
{
	sqlite3_stmt *s = NULL;
	int64_t *ids = NULL, mark = 0;
	bool *to = NULL, began;
	size_t nids = 0, cap = 0, i;
	char *glob;
	int rc = -1, step;

	*changed = 0;
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if (run(st, "CREATE TEMP TABLE IF NOT EXISTS sync_set("
	    " guid TEXT PRIMARY KEY) WITHOUT ROWID", NULL, 0, err) == -1 ||
	    run(st, "DELETE FROM temp.sync_set", NULL, 0, err) == -1)
		goto out;
	if (sqlite3_prepare_v2(st->db, "INSERT OR IGNORE INTO"
	    " temp.sync_set(guid) VALUES (?1)", -1, &s, NULL) != SQLITE_OK)
		goto sqlerr;
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(s, 1, guids[i], -1, SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE)
			goto sqlerr;
		sqlite3_reset(s);
	}
	sqlite3_finalize(s);
	s = NULL;
	if (sqlite3_prepare_v2(st->db, "SELECT coalesce(max(id), 0)"
	    " FROM sync_queue", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto sqlerr;
	mark = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	s = NULL;
	glob = sqlite3_mprintf("%s*", prefix);
	if (sqlite3_prepare_v2(st->db, what == STORE_SYNC_READ ?
	    "SELECT id, guid IN temp.sync_set FROM items WHERE guid GLOB ?1"
	    " AND read != (CASE WHEN guid IN temp.sync_set THEN ?2"
	    "  ELSE 1 - ?2 END)"
	    " AND id NOT IN (SELECT item_id FROM sync_queue WHERE what = 0)" :
	    "SELECT id, guid IN temp.sync_set FROM items i WHERE guid GLOB ?1"
	    " AND (flagged AND instr(coalesce((SELECT flags FROM item_flags"
	    "  WHERE item_id = i.id), 's'), ?3) > 0)"
	    " != (CASE WHEN guid IN temp.sync_set THEN ?2 ELSE 1 - ?2 END)"
	    " AND id NOT IN (SELECT item_id FROM sync_queue WHERE what = 1)",
	    -1, &s, NULL) != SQLITE_OK) {
		sqlite3_free(glob);
		goto sqlerr;
	}
	sqlite3_bind_text(s, 1, glob, -1, sqlite3_free);
	sqlite3_bind_int(s, 2, value);
	if (what != STORE_SYNC_READ)
		sqlite3_bind_text(s, 3, (char[2]){ letter, '\0' }, -1,
		    SQLITE_TRANSIENT);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (nids == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			ids = xreallocarray(ids, cap, sizeof(*ids));
			to = xreallocarray(to, cap, sizeof(*to));
		}
		ids[nids] = sqlite3_column_int64(s, 0);
		to[nids++] = sqlite3_column_int(s, 1) ? value : !value;
	}
	if (step != SQLITE_DONE)
		goto sqlerr;
	sqlite3_finalize(s);
	s = NULL;
	for (i = 0; i < nids; i++)
		if ((what == STORE_SYNC_READ ?
		    store_item_set_read(st, ids[i], to[i], err) :
		    store_item_flag_letter(st, ids[i], letter, to[i],
		    err)) == -1)
			goto out;
	/* The server's state is not a local change: not queued. */
	if (run(st, "DELETE FROM sync_queue WHERE id > ?2", NULL, mark,
	    err) == -1)
		goto out;
	*changed = (int64_t)nids;
	rc = 0;
	goto out;
sqlerr:
	store_db_error(st, err, "cannot apply the server's state");
out:
	sqlite3_finalize(s);
	free(ids);
	free(to);
	return (store_auto_end(st, began, rc, err));
}

char *
store_sync_get_text(struct store *st, const char *key, struct err *err)
{
	sqlite3_stmt *s;
	char *v = NULL;
	int rc;

	if (sqlite3_prepare_v2(st->db, "SELECT value FROM sync_state"
	    " WHERE key = ?1", -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (NULL);
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		v = store_col_str(s, 0);
	else if (rc != SQLITE_DONE)
		store_db_error(st, err, "sync state");
	sqlite3_finalize(s);
	return (v);
}

int
store_sync_set_text(struct store *st, const char *key, const char *v,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (sqlite3_prepare_v2(st->db, "INSERT INTO sync_state(key, value)"
	    " VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE"
	    " SET value = excluded.value", -1, &s, NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		return (-1);
	}
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_db_error(st, err, "sync state");
		return (-1);
	}
	return (0);
}

int
store_sync_feed_read(struct store *st, int64_t feed_id, struct err *err)
{
	int64_t on;

	if (store_sync_get_int(st, "on", &on, err) == -1)
		return (-1);
	if (on == 0)
		return (0);
	if (feed_id == 0 ? run(st, "DELETE FROM sync_queue WHERE what = 0",
	    NULL, 0, err) == -1 : run(st, "DELETE FROM sync_queue"
	    " WHERE what = 0 AND item_id IN"
	    " (SELECT id FROM items WHERE feed_id = ?2)", NULL, feed_id,
	    err) == -1)
		return (-1);
	return (run(st, "INSERT INTO sync_queue(item_id, guid, what, value,"
	    " at) VALUES (?2, '', 2, 1,"
	    " CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))",
	    NULL, feed_id, err));
}
