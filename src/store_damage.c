/*
 * store_damage: noticing a damaged database file, and writing nothing
 * more to it once noticed (see store.h).
 *
 * Two signs, both cheap on a healthy file:
 * - At open, the file's size: a database file holds whole pages, and
 *   with no WAL or rollback journal beside it exactly as many as its
 *   header counts (bytes 28-31, valid while bytes 92-95 equal the change
 *   counter at 24-27).  Another size means something other than SQLite
 *   cut or grew it: PRAGMA quick_check then reads the whole file.  A
 *   healthy file costs a read of its first 100 bytes, never a check.
 * - Later, any statement that meets a damaged page.  SQLite reports
 *   every error through one process-wide log callback (before the
 *   statement returns it); SQLITE_CORRUPT and SQLITE_NOTADB are counted
 *   here, and a store whose count moved since it was opened is damaged
 *   (gazette opens one database a process; a test that opens several
 *   in turn is fine too, as each starts from the count at its open).
 *   quick_check then says what is damaged, for the message.
 *   SQLITE_CORRUPT_VTAB is left out: it is FTS5 finding the search
 *   index's own records inconsistent.  So is what a thread meets while
 *   it works on the search index's own file (store_damage_ignore): that
 *   file is made again when damaged (search_index.c), and its damage is
 *   not the store's.
 * A damaged store refuses every commit (its commit hook turns COMMIT
 * into ROLLBACK) and is closed without copying its WAL into the file.
 */
#include "config.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "store.h"
#include "store_int.h"
#include "xmalloc.h"

#define HEADER_SIZE	100

/* Damaged pages met (SQLITE_CORRUPT, SQLITE_NOTADB) by any connection
   of this process. */
static atomic_uint pages_seen;
/* store_damage_ignore: this thread works on another file. */
static _Thread_local bool ignoring;

/* SQLITE_CONFIG_LOG: may not call SQLite, may run on any thread. */
static void
on_log(void *arg, int code, const char *msg)
{
	(void)arg;
	(void)msg;
	if (!ignoring && code != SQLITE_CORRUPT_VTAB &&
	    ((code & 0xff) == SQLITE_CORRUPT ||
	    (code & 0xff) == SQLITE_NOTADB))
		atomic_fetch_add(&pages_seen, 1);
}

bool
store_damage_ignore(bool on)
{
	bool was = ignoring;

	ignoring = on;
	return (was);
}

void
store_damage_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_LOG, on_log, NULL);
}

/* The commit hook: non-zero turns the COMMIT into a ROLLBACK. */
static int
refuse_commit(void *arg)
{
	return (store_damaged(arg));
}

void
store_damage_watch(struct store *st)
{
	st->pages_mark = atomic_load(&pages_seen);
	if (st->db != NULL)
		sqlite3_commit_hook(st->db, refuse_commit, st);
}

bool
store_damaged(struct store *st)
{
	return (st->damage != NULL ||
	    atomic_load(&pages_seen) != st->pages_mark);
}

void
store_damage_found(struct store *st, const char *what)
{
	if (st->damage == NULL)
		st->damage = xstrdup(what);
}

static uint32_t
be32(const unsigned char *p)
{
	return ((uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | (uint32_t)p[3]);
}

/* Is there a non-empty file at path + suffix? */
static bool
beside(const char *path, const char *suffix)
{
	struct stat sb;
	struct buf b;
	bool r;

	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "%s%s", path, suffix);
	r = stat(buf_str(&b), &sb) == 0 && sb.st_size > 0;
	buf_free(&b);
	return (r);
}

/* Does the file's size disagree with its header (see the top)? */
static bool
size_unexpected(const char *path)
{
	unsigned char h[HEADER_SIZE];
	struct stat sb;
	uint32_t page, count;
	int fd;
	bool odd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return (false);	/* SQLite will say why */
	if (fstat(fd, &sb) == -1 || sb.st_size == 0) {
		close(fd);
		return (false);	/* a new database */
	}
	if (pread(fd, h, sizeof(h), 0) != (ssize_t)sizeof(h)) {
		close(fd);
		return (true);
	}
	close(fd);
	if (memcmp(h, "SQLite format 3", 16) != 0)
		return (false);	/* not a database: SQLite says so */
	page = (uint32_t)h[16] << 8 | h[17];
	if (page == 1)
		page = 65536;
	if (page < 512 || (page & (page - 1)) != 0)
		return (true);
	if (sb.st_size % page != 0)
		return (true);
	/* With a WAL or a journal, the file may lag behind the header. */
	if (beside(path, "-wal") || beside(path, "-journal"))
		return (false);
	count = be32(h + 28);
	odd = count != 0 && be32(h + 92) == be32(h + 24) &&
	    (int64_t)count * page != (int64_t)sb.st_size;
	return (odd);
}

/*
 * PRAGMA quick_check: 0 when it finds nothing (or cannot tell: busy),
 * -1 when the file is damaged, with the first finding noted.
 */
static int
quick_check(struct store *st)
{
	sqlite3_stmt *s = NULL;
	const char *t, *nl;
	char what[200];
	int rc;

	rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check(1)", -1, &s,
	    NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		rc = sqlite3_errcode(st->db) & 0xff;
		if (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)
			store_damage_found(st, sqlite3_errmsg(st->db));
		sqlite3_finalize(s);
		return (st->damage != NULL ? -1 : 0);
	}
	t = (const char *)sqlite3_column_text(s, 0);
	if (t == NULL || strcmp(t, "ok") == 0) {
		sqlite3_finalize(s);
		return (0);
	}
	/* "*** in database main ***" heads the first finding. */
	if (strncmp(t, "*** ", 4) == 0 && (nl = strchr(t, '\n')) != NULL)
		t = nl + 1;
	snprintf(what, sizeof(what), "%s (quick_check: %.*s)",
	    sqlite3_errstr(SQLITE_CORRUPT), (int)strcspn(t, "\n"), t);
	store_damage_found(st, what);
	sqlite3_finalize(s);
	return (-1);
}

static int
damage_err(struct store *st, struct err *err)
{
	err_set(err, ERR_DB, "database %s is damaged: %s; gazette will not "
	    "write to it", st->path, st->damage);
	return (-1);
}

int
store_damage_open_check(struct store *st, struct err *err)
{
	if (size_unexpected(st->path) && quick_check(st) == -1)
		return (damage_err(st, err));
	return (0);
}

int
store_damage_error(struct store *st, struct err *err)
{
	if (!store_damaged(st))
		return (0);
	if (st->damage == NULL && quick_check(st) == 0)
		store_damage_found(st, sqlite3_errstr(SQLITE_CORRUPT));
	return (damage_err(st, err));
}

int
store_verify(struct store *st, struct err *err)
{
	if (st->damage == NULL)
		(void)quick_check(st);
	return (store_damage_error(st, err));
}
