/*
 * store_flags: newsboat's article flags, the letters a-z and A-Z (see
 * store.h).  They live in a small table of their own (item_flags: only
 * flagged articles have a row) so that the items table, whose small
 * columns come first, is not widened.  An article has flags exactly
 * when it is flagged: setting letters flags it, clearing them unflags
 * it, and unflagging it (toggle-flagged) drops its letters (a trigger).
 * A flagged article without letters has the flag "s", as the filter
 * language always said.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"

size_t
store_flags_normalize(const char *in, char out[STORE_FLAGS_MAX + 1])
{
	bool have[STORE_FLAGS_MAX];
	size_t dropped = 0, n = 0;
	int i;

	memset(have, 0, sizeof(have));
	for (; *in != '\0'; in++) {
		if (*in >= 'A' && *in <= 'Z')
			have[*in - 'A'] = true;
		else if (*in >= 'a' && *in <= 'z')
			have[26 + *in - 'a'] = true;
		else if (*in != ' ')
			dropped++;
	}
	/* Ordered as newsboat orders them: by byte value. */
	for (i = 0; i < 26; i++)
		if (have[i])
			out[n++] = (char)('A' + i);
	for (i = 0; i < 26; i++)
		if (have[26 + i])
			out[n++] = (char)('a' + i);
	out[n] = '\0';
	return (dropped);
}

int
store_item_flags_get(struct store *st, int64_t item_id,
    char out[STORE_FLAGS_MAX + 1], struct err *err)
{
	sqlite3_stmt *s;
	const unsigned char *t;
	int step;

	out[0] = '\0';
	if ((s = store_prepare_sql(st, "SELECT coalesce((SELECT g.flags FROM"
	    " item_flags g WHERE g.item_id = i.id), CASE WHEN i.flagged"
	    " THEN 's' ELSE '' END) FROM items i WHERE i.id = ?1", err)) ==
	    NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && (t = sqlite3_column_text(s, 0)) != NULL)
		(void)store_flags_normalize((const char *)t, out);
	sqlite3_finalize(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		store_db_error(st, err, "cannot read an article's flags");
		return (-1);
	}
	return (step == SQLITE_ROW ? 0 : 1);
}

/* Write normalized letters (none: unflagged) in the open transaction. */
static int
flags_write(struct store *st, int64_t item_id, const char *norm,
    struct err *err)
{
	sqlite3_stmt *s;
	int step;

	/* Unflagging drops the letters (trigger); flagging keeps none. */
	if (store_item_set_flagged(st, item_id, norm[0] != '\0', err) == -1)
		return (-1);
	if (norm[0] == '\0')
		return (0);
	if ((s = store_prepare_sql(st, "INSERT INTO item_flags(item_id,"
	    " flags) VALUES (?1, ?2) ON CONFLICT(item_id) DO UPDATE"
	    " SET flags = excluded.flags", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, item_id);
	sqlite3_bind_text(s, 2, norm, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot set an article's flags");
		return (-1);
	}
	return (0);
}

int
store_item_flags_set(struct store *st, int64_t item_id, const char *flags,
    struct err *err)
{
	char norm[STORE_FLAGS_MAX + 1];

	(void)store_flags_normalize(flags, norm);
	if (store_begin(st, err) == -1)
		return (-1);
	if (flags_write(st, item_id, norm, err) == -1) {
		store_rollback(st);
		return (-1);
	}
	return (store_commit(st, err));
}

int
store_item_flag_letter(struct store *st, int64_t item_id, char letter,
    bool on, struct err *err)
{
	char cur[STORE_FLAGS_MAX + 1], next[STORE_FLAGS_MAX + 2];
	char norm[STORE_FLAGS_MAX + 1], *p;
	bool began;
	int rc;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((rc = store_item_flags_get(st, item_id, cur, err)) != 0) {
		rc = rc == 1 ? 0 : -1;	/* 1: no such article */
		goto out;
	}
	memcpy(next, cur, sizeof(cur));
	if (on) {
		p = next + strlen(next);
		*p++ = letter;
		*p = '\0';
	} else
		while ((p = strchr(next, letter)) != NULL)
			memmove(p, p + 1, strlen(p));
	(void)store_flags_normalize(next, norm);
	rc = strcmp(norm, cur) == 0 ? 0 : flags_write(st, item_id, norm, err);
out:
	return (store_auto_end(st, began, rc, err));
}

int
store_item_flags_put(struct store *st, int64_t feed_id, const char *guid,
    const char *flags, struct err *err)
{
	char norm[STORE_FLAGS_MAX + 1];
	sqlite3_stmt *s;
	int step;

	(void)store_flags_normalize(flags, norm);
	if (norm[0] == '\0')
		return (0);
	if ((s = store_prepare_sql(st, "INSERT INTO item_flags(item_id, flags)"
	    " SELECT id, ?3 FROM items WHERE feed_id = ?1 AND guid = ?2"
	    " AND flagged ON CONFLICT(item_id) DO UPDATE"
	    " SET flags = excluded.flags", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(s, 1, feed_id);
	sqlite3_bind_text(s, 2, guid, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, norm, -1, SQLITE_STATIC);
	step = sqlite3_step(s);
	sqlite3_finalize(s);
	if (step != SQLITE_DONE) {
		store_db_error(st, err, "cannot set an article's flags");
		return (-1);
	}
	return (0);
}
