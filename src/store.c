/*
 * store: opening and closing the database (pragmas, migrations), the
 * statement cache and its binding helpers, transactions and group commit
 * (see store.h; the module's design notes are in store_int.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "msg.h"
#include "paths.h"
#include "store.h"
#include "store_int.h"
#include "xmalloc.h"

#define BUSY_TIMEOUT_MS	5000
#define BUSY_POLL_MS	2
#define BEGIN_RETRIES	6

#define N_MIGRATIONS	store_n_migrations

void
store_db_error(struct store *st, struct err *err, const char *what)
{
	/* A full disk is not the database's fault: said plainly. */
	if (store_damaged(st))
		err_set(err, ERR_DB, "database %s is damaged: %s; gazette "
		    "will not write to it", st->path, st->damage != NULL ?
		    st->damage : sqlite3_errmsg(st->db));
	else if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_FULL)
		err_set(err, ERR_FULL, "database %s: %s: disk full", st->path,
		    what);
	else
		err_set(err, ERR_DB, "database %s: %s: %s", st->path, what,
		    sqlite3_errmsg(st->db));
}

sqlite3_stmt *
store_prepare_sql(struct store *st, const char *sql, struct err *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		store_db_error(st, err, "cannot prepare statement");
		sqlite3_finalize(s);
		return (NULL);
	}
	return (s);
}

/* The cached statement, reset and ready for binding. */
sqlite3_stmt *
store_stmt(struct store *st, enum stmt_id id, struct err *err)
{
	if (st->stmts[id] == NULL)
		st->stmts[id] = store_prepare_sql(st, store_stmt_sql[id], err);
	return (st->stmts[id]);
}

void
store_done(sqlite3_stmt *s)
{
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
}

/* Bind by name; a misspelt name is a programming error and aborts. */
static int
param(sqlite3_stmt *s, const char *name)
{
	int i = sqlite3_bind_parameter_index(s, name);

	if (i == 0) {
		msg_warn("store: no parameter %s in: %s", name,
		    sqlite3_sql(s));
		abort();
	}
	return (i);
}

/* Bind a string the caller keeps alive until store_done(). */
void
store_bind_static(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = param(s, name);

	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

void
store_bind_int(sqlite3_stmt *s, const char *name, int64_t v)
{
	sqlite3_bind_int64(s, param(s, name), v);
}

/* Run a statement that returns no rows; resets it. */
int
store_run(struct store *st, sqlite3_stmt *s, struct err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_db_error(st, err, "write failed");
		store_done(s);
		return (-1);
	}
	store_done(s);
	return (0);
}

int64_t
store_step_int(struct store *st, sqlite3_stmt *s, const char *what,
    struct err *err)
{
	int64_t v = 0;
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE) {
		store_db_error(st, err, what);
		v = -1;
	}
	store_done(s);
	return (v);
}

char *
store_col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (t == NULL ? NULL : xstrdup((const char *)t));
}

int64_t
store_col_date(sqlite3_stmt *s, int i)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return (ITEM_NO_DATE);
	return (sqlite3_column_int64(s, i));
}

static int
exec(struct store *st, const char *sql, struct err *err)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (store_damaged(st))
			store_db_error(st, err, "");
		err_set(err, ERR_DB, "database %s: %s", st->path,
		    msg != NULL ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return (-1);
	}
	return (0);
}

/* Opening. */

static int
pragma_int(struct store *st, const char *sql, int64_t *out, struct err *err)
{
	sqlite3_stmt *s = store_prepare_sql(st, sql, err);
	int rc;

	if (s == NULL)
		return (-1);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot read");
	sqlite3_finalize(s);
	return (rc == SQLITE_ROW ? 0 : -1);
}

static int
migrate(struct store *st, int64_t from, struct err *err)
{
	int64_t version;
	size_t i;
	struct buf b;

	if (store_begin(st, err) == -1)
		return (-1);
	/* Another process may have migrated while we waited. */
	if (pragma_int(st, "PRAGMA user_version", &version, err) == -1)
		goto fail;
	if (version != from && version >= (int64_t)N_MIGRATIONS) {
		store_rollback(st);
		return (0);
	}
	/*
	 * A rebuild renames a new items table into place while views and
	 * triggers of search.c still name the old one: legacy renaming does
	 * not rewrite or check them, and they find "items" again after.
	 */
	if (exec(st, "PRAGMA legacy_alter_table = ON", err) == -1)
		goto fail;
	for (i = (size_t)version; i < N_MIGRATIONS; i++) {
		if (exec(st, store_migrations[i], err) == -1)
			goto fail;
	}
	if (exec(st, "PRAGMA legacy_alter_table = OFF", err) == -1)
		goto fail;
	buf_init(&b, 64);
	buf_addf(&b, "PRAGMA user_version = %zu", N_MIGRATIONS);
	if (exec(st, buf_str(&b), err) == -1) {
		buf_free(&b);
		goto fail;
	}
	buf_free(&b);
	return (store_commit(st, err));
fail:
	store_rollback(st);
	sqlite3_exec(st->db, "PRAGMA legacy_alter_table = OFF", NULL, NULL,
	    NULL);
	return (-1);
}

/* Make sure the file exists (creating it when allowed) and is usable. */
static int
check_file(const char *path, int flags, struct err *err)
{
	struct stat sb;
	int fd;

	if (stat(path, &sb) == 0) {
		if (!S_ISREG(sb.st_mode)) {
			err_set(err, ERR_DB, "database %s: not a regular file",
			    path);
			return (-1);
		}
		if (access(path, R_OK) == -1) {
			err_set(err, ERR_DB, "database %s: cannot read: %s",
			    path, strerror(errno));
			return (-1);
		}
		/*
		 * A file without write permission is read-only even for
		 * root, whom access() would let write: the user said so.
		 */
		if (!(flags & STORE_READONLY) &&
		    ((sb.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0 ||
		    access(path, W_OK) == -1)) {
			err_set(err, ERR_DB, "database %s: read-only file",
			    path);
			return (-1);
		}
		return (0);
	}
	if (errno != ENOENT) {
		err_set(err, ERR_DB, "database %s: %s", path, strerror(errno));
		return (-1);
	}
	if (!(flags & STORE_CREATE) || (flags & STORE_READONLY)) {
		err_set(err, ERR_DB, "database %s: does not exist", path);
		return (-1);
	}
	if (paths_mkdir_parents(path, err) == -1)
		return (-1);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1 && errno != EEXIST) {
		err_set(err, ERR_DB, "database %s: cannot create: %s", path,
		    strerror(errno));
		return (-1);
	}
	if (fd != -1)
		close(fd);
	return (0);
}

/*
 * Before SQLite's first use: no memory statistics.  They take a global
 * mutex around every allocation SQLite makes (Debian builds it without
 * lookaside, so each small one is a malloc); a refresh of 20,000
 * articles runs 2.4% fewer instructions without them (callgrind).
 * Nothing here reads the statistics.
 *
 * No bulk page cache either: Debian's SQLite gives every database a
 * connection opens room for 20 pages at once and writes a header into
 * each, 20 fresh pages of memory before the first read.  A search opens
 * three (the store, the index, the store attached to it): 60 page faults
 * of the 450 a `gazette search` took, for pages it mostly never uses.
 * Pages are allocated one by one as they are read instead.
 */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

static void
sqlite_setup(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	(void)sqlite3_config(SQLITE_CONFIG_PAGECACHE, NULL, 0, 0);
	store_damage_setup();
}

struct store *
store_open(const char *path, int flags, struct err *err)
{
	struct store *st;
	int64_t version = 0;
	int oflags, rc;
	char *mode = NULL;
	sqlite3_stmt *s;

	(void)pthread_once(&sqlite_once, sqlite_setup);
	if (!sqlite3_compileoption_used("ENABLE_FTS5")) {
		err_set(err, ERR_DB, "this SQLite library (%s) lacks FTS5: "
		    "full-text search needs it", sqlite3_libversion());
		return (NULL);
	}
	if (check_file(path, flags, err) == -1)
		return (NULL);
	st = xcalloc(1, sizeof(*st));
	st->path = xstrdup(path);
	st->readonly = (flags & STORE_READONLY) != 0;
	st->shared = (flags & STORE_SHARED) != 0;
	oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (st->shared)
		oflags |= SQLITE_OPEN_SHAREDCACHE;
	rc = sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX,
	    NULL);
	store_damage_watch(st);
	if (rc != SQLITE_OK) {
		store_db_error(st, err, "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		err_set(err, ERR_DB, "database %s: read-only", path);
		goto fail;
	}
	store_busy_wait(st, true);
	if (store_damage_open_check(st, err) == -1)
		goto fail;
	/* Reading the schema fails on a file that is not a database. */
	if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB ||
		    (sqlite3_errcode(st->db) & 0xff) == SQLITE_CORRUPT)
			store_damage_found(st, sqlite3_errmsg(st->db));
		store_db_error(st, err, "cannot read");
		goto fail;
	}
	if (pragma_int(st, "PRAGMA user_version", &version, err) == -1)
		goto fail;
	if (version > (int64_t)N_MIGRATIONS) {
		err_set(err, ERR_DB, "database %s: schema version %" PRId64
		    " is newer than this gazette knows (%zu)", path, version,
		    N_MIGRATIONS);
		goto fail;
	}
	/*
	 * A new file gets 8 KiB pages: an article row (about 1.7 KB of
	 * HTML and text) and the FTS5 segments fit with less overhead, and
	 * a cold refresh writes about 12% fewer bytes than with 4 KiB
	 * (bench/refresh).  Only before the first write: an existing
	 * database keeps the size it has.
	 */
	if (!st->readonly && version == 0 &&
	    exec(st, "PRAGMA page_size = 8192", err) == -1)
		goto fail;
	if (!st->readonly) {
		s = store_prepare_sql(st, "PRAGMA journal_mode = WAL", err);
		if (s == NULL)
			goto fail;
		if (sqlite3_step(s) == SQLITE_ROW)
			mode = store_col_str(s, 0);
		sqlite3_finalize(s);
		if (mode == NULL || strcmp(mode, "wal") != 0) {
			if (mode == NULL)
				store_db_error(st, err, "cannot set WAL mode");
			else
				err_set(err, ERR_DB, "database %s: cannot "
				    "use WAL mode (%s)", path, mode);
			free(mode);
			goto fail;
		}
		free(mode);
		if (exec(st, "PRAGMA synchronous = NORMAL", err) == -1)
			goto fail;
	}
	if (exec(st, "PRAGMA foreign_keys = ON", err) == -1)
		goto fail;
	if (version < (int64_t)N_MIGRATIONS) {
		if (st->readonly) {
			err_set(err, ERR_DB, "database %s: schema version %"
			    PRId64 " needs an upgrade; open it read-write "
			    "once", path, version);
			goto fail;
		}
		if (migrate(st, version, err) == -1)
			goto fail;
	}
	return (st);
fail:
	store_close(st);
	return (NULL);
}

void
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return;
	if (st->in_txn)
		store_rollback(st);
	store_flush(st, NULL);
	store_ckpt_stop(st);
	store_set_aux(st, NULL, NULL);
	for (i = 0; i < N_STMTS; i++)
		sqlite3_finalize(st->stmts[i]);
	for (i = 0; i < N_WINDOW; i++)
		sqlite3_finalize(st->windows[i]);
#ifdef SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
	/* Leave a damaged file as it is: what the WAL holds stays there. */
	if (st->db != NULL && store_damaged(st))
		(void)sqlite3_db_config(st->db,
		    SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
#endif
	sqlite3_finalize(st->ignore_stmt);
	sqlite3_close(st->db);
	store_hide_free(st);
	free(st->damage);
	free(st->deltas);
	free(st->path);
	free(st);
}

struct sqlite3 *
store_db(struct store *st)
{
	return (st->db);
}

const char *
store_path(const struct store *st)
{
	return (st->path);
}

bool
store_shared(const struct store *st)
{
	return (st->shared);
}

int64_t
store_data_version(struct store *st)
{
	sqlite3_stmt *s = store_stmt(st, S_DATA_VERSION, NULL);
	int64_t v = -1;

	if (s == NULL)
		return (-1);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	store_done(s);
	return (v);
}

/* Transactions. */

static int64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/*
 * Waiting for another writer's lock: try again every BUSY_POLL_MS, for
 * BUSY_TIMEOUT_MS.  SQLite's own busy handler sleeps up to 100 ms
 * between tries, and a refresh that writes without a pause hands the
 * lock over for a few milliseconds between its groups (refresh_store.c):
 * a writer that looks that seldom would hardly ever get in.
 */
static int
busy_poll(void *arg, int tries)
{
	struct store *st = arg;
	struct timespec ts = { 0, BUSY_POLL_MS * 1000000L };
	int64_t now = now_ms();

	if (tries == 0)
		st->busy_since = now;
	if (now - st->busy_since >= BUSY_TIMEOUT_MS)
		return (0);
	(void)nanosleep(&ts, NULL);
	return (1);
}

void
store_busy_wait(struct store *st, bool wait)
{
	sqlite3_busy_handler(st->db, wait ? busy_poll : NULL, st);
}

/* The outer transaction ended: sequence and deltas start afresh. */
static void
txn_reset(struct store *st)
{
	st->in_txn = false;
	st->group_open = false;
	st->next_seq = 0;
	st->n_deltas = 0;
}

static int
step_once(struct store *st, enum stmt_id id, struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if ((s = store_stmt(st, id, err)) == NULL)
		return (SQLITE_ERROR);
	rc = sqlite3_step(s);
	store_done(s);
	return (rc);
}

static int
begin_immediate(struct store *st, struct err *err)
{
	int rc = SQLITE_ERROR, tries;

	for (tries = 0; tries < BEGIN_RETRIES; tries++) {
		rc = step_once(st, S_BEGIN, err);
		if (rc == SQLITE_DONE)
			return (0);
		if ((rc & 0xff) != SQLITE_BUSY)
			break;
	}
	if ((rc & 0xff) == SQLITE_BUSY)
		err_set(err, ERR_LOCKED, "database %s: busy: another process "
		    "keeps writing", st->path);
	else
		store_db_error(st, err, "cannot begin a transaction");
	return (-1);
}

int
store_begin(struct store *st, struct err *err)
{
	if (st->in_txn) {
		err_set(err, ERR_DB, "database %s: transaction already open",
		    st->path);
		return (-1);
	}
	if (!st->group || !st->group_open) {
		if (begin_immediate(st, err) == -1)
			return (-1);
		txn_reset(st);
		st->group_open = st->group;
	}
	if (st->group_open && step_once(st, S_SAVEPOINT, err) != SQLITE_DONE) {
		store_db_error(st, err, "cannot begin a transaction");
		return (-1);
	}
	st->in_txn = true;
	return (0);
}

static int
flush_deltas(struct store *st, struct err *err)
{
	sqlite3_stmt *s;
	size_t i;

	for (i = 0; i < st->n_deltas; i++) {
		if ((s = store_stmt(st, S_FEED_COUNTERS, err)) == NULL)
			return (-1);
		store_bind_int(s, ":id", st->deltas[i].feed_id);
		store_bind_int(s, ":dtotal", st->deltas[i].total);
		store_bind_int(s, ":dunread", st->deltas[i].unread);
		if (store_run(st, s, err) == -1)
			return (-1);
	}
	st->n_deltas = 0;
	return (0);
}

/* COMMIT the outer transaction. */
static int
commit_outer(struct store *st, struct err *err)
{
	if (step_once(st, S_COMMIT, err) != SQLITE_DONE) {
		store_db_error(st, err, "cannot commit");
		if (sqlite3_get_autocommit(st->db) == 0)
			step_once(st, S_ROLLBACK, NULL);
		txn_reset(st);
		return (-1);
	}
	txn_reset(st);
	store_ckpt_kick(st);
	return (0);
}

int
store_commit(struct store *st, struct err *err)
{
	if (!st->in_txn) {
		err_set(err, ERR_DB, "database %s: no transaction to commit",
		    st->path);
		return (-1);
	}
	if (flush_deltas(st, err) == -1) {
		store_rollback(st);
		return (-1);
	}
	if (!st->group_open)
		return (commit_outer(st, err));
	if (step_once(st, S_RELEASE, err) != SQLITE_DONE) {
		store_db_error(st, err, "cannot commit");
		store_rollback(st);
		return (-1);
	}
	st->in_txn = false;
	return (0);
}

void
store_rollback(struct store *st)
{
	if (st->group_open && st->in_txn) {
		/* Only this feed's work goes; the group stays open. */
		if (step_once(st, S_ROLLBACK_TO, NULL) == SQLITE_DONE &&
		    step_once(st, S_RELEASE, NULL) == SQLITE_DONE) {
			st->in_txn = false;
			st->n_deltas = 0;
			return;
		}
	}
	if (sqlite3_get_autocommit(st->db) == 0)
		step_once(st, S_ROLLBACK, NULL);
	txn_reset(st);
}

void
store_set_group_commit(struct store *st, bool on)
{
	if (!on)
		store_flush(st, NULL);
	st->group = on;
	/*
	 * Savepoints keep the pages they change in a statement journal:
	 * in memory that is cheap, in a temp file it costs a write each.
	 * A bigger page cache keeps a group's dirty pages in memory until
	 * the commit instead of spilling them into the WAL early.  Both
	 * only for a writer that asks (the interface stays small).
	 */
	if (on) {
		sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL,
		    NULL);
		sqlite3_exec(st->db, "PRAGMA cache_size = -16384", NULL, NULL,
		    NULL);
	}
}

/* SQLite's progress handler: non-zero interrupts the statement. */
static int
yield_check(void *arg)
{
	struct store *st = arg;

	if (st->yield == NULL || !st->yield(st->yield_arg))
		return (0);
	st->yielded = true;
	return (1);
}

/* Some 50 us of SQLite's work between two questions (a poll(2) each). */
#define YIELD_STEPS	1000

void
store_set_yield(struct store *st, bool (*fn)(void *), void *arg)
{
	st->yield = fn;
	st->yield_arg = arg;
	st->yielded = false;
	sqlite3_progress_handler(st->db, fn != NULL ? YIELD_STEPS : 0,
	    fn != NULL ? yield_check : NULL, st);
}

bool
store_yielded(const struct store *st)
{
	return (st->yielded);
}

void
store_set_aux(struct store *st, void *aux, void (*aux_free)(void *))
{
	if (st->aux_free != NULL)
		st->aux_free(st->aux);
	st->aux = aux;
	st->aux_free = aux_free;
}

void *
store_aux(const struct store *st)
{
	return (st->aux);
}

int
store_flush(struct store *st, struct err *err)
{
	if (!st->group_open || st->in_txn)
		return (0);
	return (commit_outer(st, err));
}

bool
store_group_pending(const struct store *st)
{
	return (st->group_open);
}

/* Open a transaction unless the caller has one. */
int
store_auto_begin(struct store *st, bool *began, struct err *err)
{
	*began = false;
	if (st->in_txn)
		return (0);
	if (store_begin(st, err) == -1)
		return (-1);
	*began = true;
	return (0);
}

int
store_auto_end(struct store *st, bool began, int rc, struct err *err)
{
	if (!began)
		return (rc);
	if (rc == 0)
		return (store_commit(st, err));
	store_rollback(st);
	return (rc);
}

void
store_add_delta(struct store *st, int64_t feed_id, int64_t total,
    int64_t unread)
{
	size_t i;

	for (i = 0; i < st->n_deltas; i++) {
		if (st->deltas[i].feed_id == feed_id) {
			st->deltas[i].total += total;
			st->deltas[i].unread += unread;
			return;
		}
	}
	if (st->n_deltas == st->alloc_deltas) {
		st->alloc_deltas = st->alloc_deltas ? st->alloc_deltas * 2 : 4;
		st->deltas = xreallocarray(st->deltas, st->alloc_deltas,
		    sizeof(*st->deltas));
	}
	st->deltas[st->n_deltas].feed_id = feed_id;
	st->deltas[st->n_deltas].total = total;
	st->deltas[st->n_deltas].unread = unread;
	st->n_deltas++;
}

/* The next change sequence number (inside a transaction). */
int64_t
store_take_seq(struct store *st, struct err *err)
{
	sqlite3_stmt *s;

	if (st->next_seq == 0) {
		if ((s = store_stmt(st, S_MAX_SEQ, err)) == NULL)
			return (-1);
		if (sqlite3_step(s) != SQLITE_ROW) {
			store_db_error(st, err,
			    "cannot read the change sequence");
			store_done(s);
			return (-1);
		}
		st->next_seq = sqlite3_column_int64(s, 0) + 1;
		store_done(s);
	}
	return (st->next_seq++);
}
