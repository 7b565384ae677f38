/*
 * search_index.c: the search index's own SQLite file beside the store
 * (DBFILE-search) and the two connections to it that a store handle
 * keeps (store_set_aux):
 *  - the writer: the index file alone.  Indexing takes the index's
 *    write lock, never the store's: a refresh storing and an index
 *    catching up do not wait for each other.
 *  - the reader: the index file with the store attached read-only as
 *    "store", so that one statement matches in the index and reads the
 *    articles (search_run.c).  It never writes.  A store opened
 *    STORE_SHARED is attached in SQLite's shared cache: the reader
 *    uses the handle's own pages and schema of the store.
 * The file is derived data.  Missing, it is created (empty: search.c
 * fills it, in pages of 16 KiB: open_writer); not a database or damaged (SQLITE_NOTADB, SQLITE_CORRUPT),
 * it is removed with its -wal and -shm and made again.  Nothing in it
 * is ever the only copy of anything.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "search.h"
#include "search_int.h"
#include "store.h"
#include "xmalloc.h"

#define INDEX_SUFFIX	"-search"
#define IX_CACHE_KIB	"64"	/* the reader's page caches, in KiB */
#define STORE_CACHE_KIB	"128"

struct search_ix {
	char		*path;		/* the index file */
	char		*store_uri;	/* file:STORE?mode=ro[&cache=shared] */
	sqlite3		*w;
	sqlite3		*q;
	void		*memo;		/* search.c's, about what q read */
};

static void
ix_close_dbs(struct search_ix *ix)
{
	sqlite3_close(ix->w);
	sqlite3_close(ix->q);
	ix->w = NULL;
	ix->q = NULL;
	free(ix->memo);
	ix->memo = NULL;
}

static void
ix_free(void *arg)
{
	struct search_ix *ix = arg;

	ix_close_dbs(ix);
	free(ix->path);
	free(ix->store_uri);
	free(ix);
}

/* A file name as an SQLite URI (RFC 3986 escapes for what URIs need). */
static char *
file_uri(const char *path, bool shared)
{
	struct buf b;
	const char *p;

	buf_init(&b, 4096 * 3 + 32);
	(void)buf_addstr(&b, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			(void)buf_addf(&b, "%%%02X", (unsigned char)*p);
		else
			(void)buf_addch(&b, *p);
	}
	(void)buf_addstr(&b, shared ? "?mode=ro&cache=shared" : "?mode=ro");
	return (buf_detach(&b));
}

static struct search_ix *
search_ix(struct store *st)
{
	struct search_ix *ix = store_aux(st);
	size_t n;

	if (ix != NULL)
		return (ix);
	ix = xcalloc(1, sizeof(*ix));
	n = strlen(store_path(st)) + sizeof(INDEX_SUFFIX);
	ix->path = xmalloc(n);
	(void)snprintf(ix->path, n, "%s%s", store_path(st), INDEX_SUFFIX);
	ix->store_uri = file_uri(store_path(st), store_shared(st));
	store_set_aux(st, ix, ix_free);
	return (ix);
}

void *
search_ix_memo(struct store *st, size_t size)
{
	struct search_ix *ix = search_ix(st);

	if (ix->memo == NULL)
		ix->memo = xcalloc(1, size);
	return (ix->memo);
}

const char *
search_ix_path(struct store *st)
{
	return (search_ix(st)->path);
}

/*
 * Damaged pages give SQLITE_CORRUPT or SQLITE_NOTADB, but FTS5 reading a
 * damaged record of its own often says SQLITE_ERROR ("vtable constructor
 * failed").  So every error but those of the moment (busy, locked,
 * memory, a full disk, I/O, permissions) counts: making the file again
 * cures the others or says again what is wrong.
 */
bool
search_rc_damaged(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_ROW:
	case SQLITE_DONE:
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
	case SQLITE_NOMEM:
	case SQLITE_FULL:
	case SQLITE_IOERR:
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_INTERRUPT:
		return (false);
	}
	return (true);
}

/* Remove the index file and SQLite's files beside it. */
static void
unlink_files(const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char *p;
	size_t k, n;

	for (k = 0; k < sizeof(sfx) / sizeof(sfx[0]); k++) {
		n = strlen(path) + strlen(sfx[k]) + 1;
		p = xmalloc(n);
		(void)snprintf(p, n, "%s%s", path, sfx[k]);
		(void)unlink(p);
		free(p);
	}
}

void
search_ix_discard(struct store *st)
{
	struct search_ix *ix = search_ix(st);

	ix_close_dbs(ix);
	unlink_files(ix->path);
}

/* Open one connection; NULL with err set. */
static sqlite3 *
open_conn(const char *path, int flags, struct err *err)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_URI, NULL) !=
	    SQLITE_OK) {
		err_set(err, ERR_DB, "search index %s: cannot open: %s", path,
		    db != NULL ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return (NULL);
	}
	sqlite3_extended_result_codes(db, 1);
	(void)sqlite3_busy_timeout(db, SEARCH_BUSY_MS);
	return (db);
}

/*
 * Does the file read as a database (the first page, the schema)?  1
 * yes, 0 damaged or not a database, -1 other error (busy...).
 */
static int
readable(sqlite3 *db, struct err *err)
{
	int rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", NULL,
	    NULL, NULL);

	if (rc == SQLITE_OK)
		return (1);
	if (search_rc_damaged(rc))
		return (0);
	search_db_err(db, err, "cannot read");
	return (-1);
}

static sqlite3 *
open_writer(struct search_ix *ix, struct err *err)
{
	sqlite3 *db;
	int fd, ok, tries;

	for (tries = 0; tries < 2; tries++) {
		/* created as the store is: readable by its owner only */
		fd = open(ix->path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
		if (fd != -1)
			close(fd);
		if ((db = open_conn(ix->path, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE, err)) == NULL)
			return (NULL);
		ok = readable(db, err);
		/*
		 * A new file gets 16 KiB pages (an existing one keeps its
		 * own: the pragma changes nothing once the file holds a
		 * page).  Every page goes through the WAL, a write for its
		 * frame header and one for the page, and back out with a
		 * read and a write when checkpointed: 4 KiB pages made about
		 * 28,000 such calls for bench/refresh's 47,692 articles, 16
		 * KiB pages a quarter of them, and FTS5's leaves (about 4
		 * KB, pgsz) share a page instead of taking one each.
		 */
		if (ok == 1 && sqlite3_exec(db, "PRAGMA page_size = 16384;"
		    "PRAGMA journal_mode = WAL;"
		    "PRAGMA synchronous = NORMAL", NULL, NULL, NULL) !=
		    SQLITE_OK) {
			ok = search_rc_damaged(sqlite3_errcode(db)) ? 0 : -1;
			if (ok == -1)
				search_db_err(db, err, "cannot open");
		}
		if (ok == 1)
			return (db);
		sqlite3_close(db);
		if (ok == -1)
			return (NULL);
		/* not a database: derived data, made again */
		ix_close_dbs(ix);
		unlink_files(ix->path);
	}
	err_set(err, ERR_DB, "search index %s: damaged and cannot be made "
	    "again", ix->path);
	return (NULL);
}

sqlite3 *
search_ix_writer(struct store *st, struct err *err)
{
	struct search_ix *ix = search_ix(st);

	if (ix->w == NULL)
		ix->w = open_writer(ix, err);
	return (ix->w);
}

/*
 * PRAGMA data_version of the index file through the reader: it moves
 * when another connection (a refresh's indexer, this process's own
 * writer) commits to the index.  0 while the reader is not open, when
 * nothing read from the index can be stale; it is not opened for this.
 */
int64_t
search_data_version(struct store *st)
{
	struct search_ix *ix = store_aux(st);
	sqlite3_stmt *s;
	int64_t v = 0;

	if (ix == NULL || ix->q == NULL || sqlite3_prepare_v2(ix->q,
	    "PRAGMA main.data_version", -1, &s, NULL) != SQLITE_OK)
		return (0);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return (v);
}

sqlite3 *
search_index_db(struct store *st, struct err *err)
{
	struct search_ix *ix = search_ix(st);
	sqlite3 *db;
	sqlite3_stmt *s;
	int rc;

	if (ix->q != NULL)
		return (ix->q);
	/* a missing file is made by the writer (when it can be) */
	if (access(ix->path, F_OK) == -1 && search_ix_writer(st, err) == NULL)
		return (NULL);
	/*
	 * Like the store's own connection, the reader belongs to the thread
	 * of its store handle: no mutex.  SQLite's serialized mode took one
	 * around every call, sqlite3_column_* included: 7% of the
	 * instructions of a search ranking 20,000 matches.
	 */
	if ((db = open_conn(ix->path, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, err)) == NULL) {
		err_clear(err);
		if ((db = open_conn(ix->path, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX, err)) == NULL)
			return (NULL);
	}
	if ((s = search_prep(db, "ATTACH ?1 AS store", err)) == NULL) {
		sqlite3_close(db);
		return (NULL);
	}
	sqlite3_bind_text(s, 1, ix->store_uri, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		search_db_err(db, err, "cannot attach the store");
		sqlite3_close(db);
		return (NULL);
	}
	/*
	 * Small page caches, the attached store's too (a pragma without a
	 * schema name sets main's only): a search reads most pages once
	 * (the matches' docsize and article rows, the doclists, newest
	 * first), so past the interior pages a bigger cache only takes
	 * fresh memory, a page fault for each page read, where reading a
	 * page again costs one pread.  At 1M articles, a word in 0.1% of
	 * them: 240 page faults and 1150 reads, not 505 and 1080.
	 */
	(void)sqlite3_exec(db, "PRAGMA main.cache_size = -" IX_CACHE_KIB ";"
	    "PRAGMA store.cache_size = -" STORE_CACHE_KIB, NULL, NULL, NULL);
	if (search_rank_register(db) == -1) {
		err_set(err, ERR_DB, "search index: cannot register the "
		    "ranking function");
		sqlite3_close(db);
		return (NULL);
	}
	ix->q = db;
	return (db);
}
