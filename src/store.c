/*
 * store: the SQLite database of feeds and articles (see store.h).
 *
 * Decisions written down here:
 * - Counts: feeds.unread and feeds.total are counters kept by this file
 *   (no triggers): an upsert adds to a per-transaction delta that is
 *   written once per feed at commit, so a feed of 50 new items costs one
 *   counter update, not 50.  store_recount() repairs them.
 * - Upsert: one indexed lookup of (guid, feed_id) returning the stored
 *   content hash; equal hash means unchanged and nothing is written, so
 *   the article text (html_to_text) is only computed for new or changed
 *   items.  A single INSERT ... ON CONFLICT could not skip that work.
 * - seq: one sequence shared by items.seq and item_tombstones.seq, read
 *   once per transaction (max of both, indexed) and counted up in memory;
 *   writers are serialised by BEGIN IMMEDIATE, so it strictly increases.
 *   An update bumps seq only when an indexed field (title, author,
 *   content_text) changes.
 * - Pruning (max-items) keeps flagged items always, like newsboat.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "buf.h"
#include "jsonw.h"
#include "paths.h"
#include "store.h"
#include "store_text.h"
#include "text.h"
#include "xmalloc.h"

#define BUSY_TIMEOUT_MS	5000
#define BEGIN_RETRIES	6

/*
 * The schema, as ordered migration steps: step i takes user_version i to
 * i + 1.  Never edit a step that has shipped; add one.
 */
static const char *const migrations[] = {
	/* 0 -> 1: feeds and items. */
	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT, link TEXT, etag TEXT, last_modified TEXT,"
	" last_error TEXT,"
	" last_fetch INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" guid TEXT NOT NULL,"
	" title TEXT, link TEXT, author TEXT,"
	" published INTEGER, updated INTEGER,"
	" content_type TEXT NOT NULL DEFAULT 'html', content TEXT,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" flagged INTEGER NOT NULL DEFAULT 0,"
	" first_seen INTEGER NOT NULL DEFAULT 0);"
	"CREATE UNIQUE INDEX items_guid ON items(guid, feed_id);",

	/*
	 * 1 -> 2: fetch scheduling, counters, sort date, search text,
	 * change sequence and tombstones, host back-off, tags.
	 */
	"ALTER TABLE feeds ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN next_fetch INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN redirect_url TEXT;"
	"ALTER TABLE feeds ADD COLUMN user_title TEXT;"
	"ALTER TABLE feeds ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN total INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN sort_date INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN content_text TEXT;"
	"ALTER TABLE items ADD COLUMN enclosures TEXT;"
	"ALTER TABLE items ADD COLUMN categories TEXT;"
	"ALTER TABLE items ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"UPDATE items SET sort_date = coalesce(published, updated, first_seen),"
	" seq = id;"
	"CREATE INDEX items_seq ON items(seq);"
	"CREATE INDEX items_feed_date ON items(feed_id, sort_date, id);"
	"CREATE INDEX items_date ON items(sort_date, id);"
	"CREATE INDEX items_feed_unread ON items(feed_id, sort_date, id)"
	" WHERE read = 0;"
	"CREATE INDEX items_unread ON items(sort_date, id) WHERE read = 0;"
	"CREATE INDEX items_flagged ON items(sort_date, id) WHERE flagged = 1;"
	"CREATE TABLE item_tombstones ("
	" seq INTEGER PRIMARY KEY, item_id INTEGER NOT NULL);"
	"CREATE TABLE host_backoff ("
	" host TEXT PRIMARY KEY, retry_after INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE feed_tags ("
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (feed_id, tag)) WITHOUT ROWID;"
	"UPDATE feeds SET"
	" total = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	" unread = (SELECT count(*) FROM items"
	"  WHERE feed_id = feeds.id AND read = 0);",

	/*
	 * 2 -> 3: fewer pages dirtied per feed transaction.  The unique
	 * index leads with feed_id so one feed's items sit together (a
	 * guid lookup without a feed goes feed by feed); the all-feeds
	 * unread index goes (all-feeds unread views filter items_date).
	 */
	"DROP INDEX items_unread;"
	"DROP INDEX items_guid;"
	"CREATE UNIQUE INDEX items_feed_guid ON items(feed_id, guid);",

	/*
	 * 3 -> 4: the items table rebuilt with the small columns first and
	 * the bodies last.  A list window reads sort_date, read, flagged,
	 * title...; SQLite keeps the start of a row in the b-tree page and
	 * the rest of a long row in overflow pages, so with the bodies in
	 * the middle a window walked each article's overflow chain.
	 */
	"CREATE TABLE items_v4 ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" sort_date INTEGER NOT NULL DEFAULT 0,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" flagged INTEGER NOT NULL DEFAULT 0,"
	" published INTEGER, updated INTEGER,"
	" first_seen INTEGER NOT NULL DEFAULT 0,"
	" seq INTEGER NOT NULL DEFAULT 0,"
	" hash INTEGER NOT NULL DEFAULT 0,"
	" guid TEXT NOT NULL,"
	" title TEXT, link TEXT, author TEXT,"
	" content_type TEXT NOT NULL DEFAULT 'html',"
	" enclosures TEXT, categories TEXT,"
	" content_text TEXT, content TEXT);"
	"INSERT INTO items_v4 (id, feed_id, sort_date, read, flagged,"
	" published, updated, first_seen, seq, hash, guid, title, link,"
	" author, content_type, enclosures, categories, content_text, content)"
	" SELECT id, feed_id, sort_date, read, flagged, published, updated,"
	" first_seen, seq, hash, guid, title, link, author, content_type,"
	" enclosures, categories, content_text, content FROM items;"
	"DROP TABLE items;"
	"ALTER TABLE items_v4 RENAME TO items;"
	"CREATE INDEX items_seq ON items(seq);"
	"CREATE INDEX items_feed_date ON items(feed_id, sort_date, id);"
	"CREATE INDEX items_date ON items(sort_date, id);"
	"CREATE INDEX items_feed_unread ON items(feed_id, sort_date, id)"
	" WHERE read = 0;"
	"CREATE INDEX items_flagged ON items(sort_date, id) WHERE flagged = 1;"
	"CREATE UNIQUE INDEX items_feed_guid ON items(feed_id, guid);",
};

#define N_MIGRATIONS	(sizeof(migrations) / sizeof(migrations[0]))

#define ROW_COLS \
	"i.id, i.feed_id, f.url, f.title, i.guid, i.title, i.link, i.author," \
	" i.published, i.updated, i.sort_date, i.read, i.flagged"
#define N_ROW_COLS	13
#define FULL_COLS ROW_COLS ", i.content_type, i.content, i.content_text," \
	" i.enclosures, i.categories, i.first_seen, i.seq"
#define FEED_COLS \
	"id, url, title, link, etag, last_modified, http_status, last_error," \
	" last_fetch, next_fetch, redirect_url, user_title, unread, total"

enum stmt_id {
	S_BEGIN, S_COMMIT, S_ROLLBACK, S_SAVEPOINT, S_RELEASE, S_ROLLBACK_TO,
	S_DATA_VERSION, S_MAX_SEQ,
	S_FEED_FIND, S_FEED_INSERT, S_FEED_GET, S_FEED_GET_URL, S_FEEDS_ALL,
	S_TAGS_ALL, S_TAGS_DELETE, S_TAG_INSERT,
	S_FEED_RECORD, S_FEED_META, S_FEED_VALIDATORS, S_FEED_RESULT,
	S_FEED_NEXT, S_FEED_REDIRECT, S_FEED_USER_TITLE, S_FEED_COUNTERS,
	S_FEED_TOMBSTONES, S_FEED_DELETE_ITEMS, S_FEED_DELETE,
	S_HOST_SET, S_HOST_DELETE, S_HOST_GET, S_HOST_EXPIRE,
	S_ITEM_LOOKUP, S_ITEM_INSERT, S_ITEM_UPDATE, S_PRUNE, S_TOMBSTONE,
	S_COUNTS_FEED, S_COUNTS_ALL, S_ITEM_GET, S_ITEM_GET_GUID,
	S_ITEM_GET_GUID_FEED, S_READ_ONE, S_UNREAD_ONE, S_READ_FEED,
	S_UNREAD_FEED, S_READ_ALL, S_UNREAD_ALL, S_COUNTERS_READ_FEED,
	S_COUNTERS_READ_ALL, S_FLAG_SET, S_FLAG_TOGGLE, S_RECOUNT,
	N_STMTS
};

static const char *const stmt_sql[N_STMTS] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_SAVEPOINT] = "SAVEPOINT gazette_feed",
	[S_RELEASE] = "RELEASE gazette_feed",
	[S_ROLLBACK_TO] = "ROLLBACK TO gazette_feed",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_MAX_SEQ] = "SELECT max(coalesce((SELECT max(seq) FROM items), 0),"
	    " coalesce((SELECT max(seq) FROM item_tombstones), 0))",
	[S_FEED_FIND] = "SELECT id FROM feeds WHERE url = :url",
	[S_FEED_INSERT] = "INSERT INTO feeds(url) VALUES (:url)",
	[S_FEED_GET] = "SELECT " FEED_COLS " FROM feeds WHERE id = :id",
	[S_FEED_GET_URL] = "SELECT " FEED_COLS " FROM feeds WHERE url = :url",
	[S_FEEDS_ALL] = "SELECT " FEED_COLS " FROM feeds ORDER BY id",
	[S_TAGS_ALL] = "SELECT feed_id, tag FROM feed_tags"
	    " ORDER BY feed_id, position",
	[S_TAGS_DELETE] = "DELETE FROM feed_tags WHERE feed_id = :feed",
	[S_TAG_INSERT] = "INSERT OR IGNORE INTO feed_tags(feed_id, tag,"
	    " position) VALUES (:feed, :tag, :position)",
	[S_FEED_RECORD] = "UPDATE feeds SET http_status = :status,"
	    " last_error = :error, last_fetch = :fetched,"
	    " next_fetch = :next, redirect_url = :moved,"
	    " etag = CASE WHEN :setv THEN :etag ELSE etag END,"
	    " last_modified = CASE WHEN :setv THEN :lastmod"
	    "  ELSE last_modified END,"
	    " title = coalesce(:title, title), link = coalesce(:link, link)"
	    " WHERE id = :id",
	[S_FEED_META] = "UPDATE feeds SET title = coalesce(:title, title),"
	    " link = coalesce(:link, link) WHERE id = :id",
	[S_FEED_VALIDATORS] = "UPDATE feeds SET etag = :etag,"
	    " last_modified = :lastmod WHERE id = :id",
	[S_FEED_RESULT] = "UPDATE feeds SET http_status = :status,"
	    " last_error = :error, last_fetch = :fetched WHERE id = :id",
	[S_FEED_NEXT] = "UPDATE feeds SET next_fetch = :next WHERE id = :id",
	[S_FEED_REDIRECT] = "UPDATE feeds SET redirect_url = :url"
	    " WHERE id = :id",
	[S_FEED_USER_TITLE] = "UPDATE feeds SET user_title = :title"
	    " WHERE id = :id",
	[S_FEED_COUNTERS] = "UPDATE feeds SET total = total + :dtotal,"
	    " unread = unread + :dunread WHERE id = :id",
	[S_FEED_TOMBSTONES] = "INSERT INTO item_tombstones(seq, item_id)"
	    " SELECT :base + row_number() OVER (ORDER BY id), id FROM items"
	    " WHERE feed_id = :feed",
	[S_FEED_DELETE_ITEMS] = "DELETE FROM items WHERE feed_id = :feed",
	[S_FEED_DELETE] = "DELETE FROM feeds WHERE id = :feed",
	[S_HOST_SET] = "INSERT INTO host_backoff(host, retry_after)"
	    " VALUES (:host, :until) ON CONFLICT(host)"
	    " DO UPDATE SET retry_after = excluded.retry_after",
	[S_HOST_DELETE] = "DELETE FROM host_backoff WHERE host = :host",
	[S_HOST_GET] = "SELECT retry_after FROM host_backoff"
	    " WHERE host = :host",
	[S_HOST_EXPIRE] = "DELETE FROM host_backoff WHERE retry_after < :now",
	[S_ITEM_LOOKUP] = "SELECT id, hash FROM items"
	    " WHERE feed_id = :feed AND guid = :guid",
	[S_ITEM_INSERT] = "INSERT INTO items(feed_id, guid, title, link,"
	    " author, published, updated, sort_date, content_type, content,"
	    " content_text, enclosures, categories, hash, first_seen, seq)"
	    " VALUES (:feed, :guid, :title, :link, :author, :published,"
	    " :updated, coalesce(:published, :updated, :now), :ctype,"
	    " :content, :text, :enclosures, :categories, :hash, :now, :seq)",
	[S_ITEM_UPDATE] = "UPDATE items SET"
	    " seq = CASE WHEN title IS NOT :title OR author IS NOT :author"
	    "  OR content_text IS NOT :text THEN :seq ELSE seq END,"
	    " title = :title, link = :link, author = :author,"
	    " published = :published, updated = :updated,"
	    " sort_date = coalesce(:published, :updated, first_seen),"
	    " content_type = :ctype, content = :content, content_text = :text,"
	    " enclosures = :enclosures, categories = :categories, hash = :hash"
	    " WHERE id = :id",
	[S_PRUNE] = "DELETE FROM items WHERE feed_id = :feed AND flagged = 0"
	    " AND id NOT IN (SELECT id FROM items WHERE feed_id = :feed"
	    "  ORDER BY sort_date DESC, id DESC LIMIT :keep)"
	    " RETURNING id, read",
	[S_TOMBSTONE] = "INSERT INTO item_tombstones(seq, item_id)"
	    " VALUES (:seq, :id)",
	[S_COUNTS_FEED] = "SELECT unread, total FROM feeds WHERE id = :feed",
	[S_COUNTS_ALL] = "SELECT coalesce(sum(unread), 0),"
	    " coalesce(sum(total), 0) FROM feeds",
	[S_ITEM_GET] = "SELECT " FULL_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id WHERE i.id = :id",
	[S_ITEM_GET_GUID] = "SELECT " FULL_COLS " FROM feeds f"
	    " CROSS JOIN items i ON i.feed_id = f.id AND i.guid = :guid"
	    " ORDER BY i.sort_date DESC, i.id DESC LIMIT 1",
	[S_ITEM_GET_GUID_FEED] = "SELECT " FULL_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id"
	    " WHERE i.guid = :guid AND i.feed_id = :feed",
	[S_READ_ONE] = "UPDATE items SET read = 1 WHERE id = :id AND read = 0"
	    " RETURNING feed_id",
	[S_UNREAD_ONE] = "UPDATE items SET read = 0"
	    " WHERE id = :id AND read = 1 RETURNING feed_id",
	[S_READ_FEED] = "UPDATE items SET read = 1"
	    " WHERE feed_id = :feed AND read = 0",
	[S_UNREAD_FEED] = "UPDATE items SET read = 0"
	    " WHERE feed_id = :feed AND read = 1",
	[S_READ_ALL] = "UPDATE items SET read = 1 WHERE read = 0",
	[S_UNREAD_ALL] = "UPDATE items SET read = 0 WHERE read = 1",
	[S_COUNTERS_READ_FEED] = "UPDATE feeds SET"
	    " unread = CASE WHEN :read THEN 0 ELSE total END WHERE id = :feed",
	[S_COUNTERS_READ_ALL] = "UPDATE feeds SET"
	    " unread = CASE WHEN :read THEN 0 ELSE total END",
	[S_FLAG_SET] = "UPDATE items SET flagged = :flagged WHERE id = :id",
	[S_FLAG_TOGGLE] = "UPDATE items SET flagged = 1 - flagged"
	    " WHERE id = :id RETURNING flagged",
	[S_RECOUNT] = "UPDATE feeds SET"
	    " total = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	    " unread = (SELECT count(*) FROM items"
	    "  WHERE feed_id = feeds.id AND read = 0)",
};

/* Window statements: scope (2) x filter (3) x direction (3). */
#define N_WINDOW	18

struct counter_delta {
	int64_t	 feed_id;
	int64_t	 total;
	int64_t	 unread;
};

struct store {
	sqlite3		*db;
	char		*path;
	bool		 readonly;
	bool		 in_txn;	/* a (feed) transaction is open */
	bool		 group_open;	/* group commit: outer transaction */
	unsigned	 group_ms;	/* 0: no group commit */
	int64_t		 group_start;
	int64_t		 next_seq;	/* 0: not read in this transaction */
	struct counter_delta *deltas;
	size_t		 n_deltas;
	size_t		 alloc_deltas;
	sqlite3_stmt	*stmts[N_STMTS];
	sqlite3_stmt	*windows[N_WINDOW];
	struct buf	 scratch;	/* JSON of enclosures and categories */
	struct buf	 scratch2;
};

static void
db_error(struct store *st, struct err *err, const char *what)
{
	err_set(err, ERR_DB, "database %s: %s: %s", st->path, what,
	    sqlite3_errmsg(st->db));
}

static sqlite3_stmt *
prepare_sql(struct store *st, const char *sql, struct err *err)
{
	sqlite3_stmt *s = NULL;

	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s,
	    NULL) != SQLITE_OK) {
		db_error(st, err, "cannot prepare statement");
		sqlite3_finalize(s);
		return (NULL);
	}
	return (s);
}

/* The cached statement, reset and ready for binding. */
static sqlite3_stmt *
stmt(struct store *st, enum stmt_id id, struct err *err)
{
	if (st->stmts[id] == NULL)
		st->stmts[id] = prepare_sql(st, stmt_sql[id], err);
	return (st->stmts[id]);
}

static void
done(sqlite3_stmt *s)
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
		fprintf(stderr, "gazette: store: no parameter %s in: %s\n",
		    name, sqlite3_sql(s));
		abort();
	}
	return (i);
}

/* Bind a string the caller keeps alive until done(). */
static void
bind_static(sqlite3_stmt *s, const char *name, const char *v)
{
	int i = param(s, name);

	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* The same with a known length (saves SQLite a strlen). */
static void
bind_static_n(sqlite3_stmt *s, const char *name, const char *v, size_t n)
{
	int i = param(s, name);

	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text64(s, i, v, n, SQLITE_STATIC, SQLITE_UTF8);
}

static void
bind_int(sqlite3_stmt *s, const char *name, int64_t v)
{
	sqlite3_bind_int64(s, param(s, name), v);
}

static void
bind_date(sqlite3_stmt *s, const char *name, int64_t v)
{
	if (v == ITEM_NO_DATE)
		sqlite3_bind_null(s, param(s, name));
	else
		sqlite3_bind_int64(s, param(s, name), v);
}

/* Run a statement that returns no rows; resets it. */
static int
run(struct store *st, sqlite3_stmt *s, struct err *err)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(st, err, "write failed");
		done(s);
		return (-1);
	}
	done(s);
	return (0);
}

static char *
col_str(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (t == NULL ? NULL : xstrdup((const char *)t));
}

static int64_t
col_date(sqlite3_stmt *s, int i)
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
	sqlite3_stmt *s = prepare_sql(st, sql, err);
	int rc;

	if (s == NULL)
		return (-1);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE)
		db_error(st, err, "cannot read");
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
		if (exec(st, migrations[i], err) == -1)
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

struct store *
store_open(const char *path, int flags, struct err *err)
{
	struct store *st;
	int64_t version = 0;
	int oflags;
	char *mode = NULL;
	sqlite3_stmt *s;

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
	buf_init(&st->scratch, BUF_CAP_BODY);
	buf_init(&st->scratch2, BUF_CAP_BODY);
	oflags = st->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &st->db, oflags | SQLITE_OPEN_NOMUTEX,
	    NULL) != SQLITE_OK) {
		db_error(st, err, "cannot open");
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (!st->readonly && sqlite3_db_readonly(st->db, "main") == 1) {
		err_set(err, ERR_DB, "database %s: read-only", path);
		goto fail;
	}
	sqlite3_busy_timeout(st->db, BUSY_TIMEOUT_MS);
	/* Reading the schema fails on a file that is not a database. */
	if (sqlite3_exec(st->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL) != SQLITE_OK) {
		if ((sqlite3_errcode(st->db) & 0xff) == SQLITE_NOTADB ||
		    (sqlite3_errcode(st->db) & 0xff) == SQLITE_CORRUPT)
			err_set(err, ERR_DB, "database %s: not a usable "
			    "database (%s); left untouched", path,
			    sqlite3_errmsg(st->db));
		else
			db_error(st, err, "cannot read");
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
	if (!st->readonly) {
		s = prepare_sql(st, "PRAGMA journal_mode = WAL", err);
		if (s == NULL)
			goto fail;
		if (sqlite3_step(s) == SQLITE_ROW)
			mode = col_str(s, 0);
		sqlite3_finalize(s);
		if (mode == NULL || strcmp(mode, "wal") != 0) {
			if (mode == NULL)
				db_error(st, err, "cannot set WAL mode");
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
	for (i = 0; i < N_STMTS; i++)
		sqlite3_finalize(st->stmts[i]);
	for (i = 0; i < N_WINDOW; i++)
		sqlite3_finalize(st->windows[i]);
	sqlite3_close(st->db);
	buf_free(&st->scratch);
	buf_free(&st->scratch2);
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

int64_t
store_data_version(struct store *st)
{
	sqlite3_stmt *s = stmt(st, S_DATA_VERSION, NULL);
	int64_t v = -1;

	if (s == NULL)
		return (-1);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	done(s);
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

	if ((s = stmt(st, id, err)) == NULL)
		return (SQLITE_ERROR);
	rc = sqlite3_step(s);
	done(s);
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
		db_error(st, err, "cannot begin a transaction");
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
	if (st->group_ms == 0 || !st->group_open) {
		if (begin_immediate(st, err) == -1)
			return (-1);
		txn_reset(st);
		if (st->group_ms > 0) {
			st->group_open = true;
			st->group_start = now_ms();
		}
	}
	if (st->group_open && step_once(st, S_SAVEPOINT, err) != SQLITE_DONE) {
		db_error(st, err, "cannot begin a transaction");
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
		if ((s = stmt(st, S_FEED_COUNTERS, err)) == NULL)
			return (-1);
		bind_int(s, ":id", st->deltas[i].feed_id);
		bind_int(s, ":dtotal", st->deltas[i].total);
		bind_int(s, ":dunread", st->deltas[i].unread);
		if (run(st, s, err) == -1)
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
		db_error(st, err, "cannot commit");
		if (sqlite3_get_autocommit(st->db) == 0)
			step_once(st, S_ROLLBACK, NULL);
		txn_reset(st);
		return (-1);
	}
	txn_reset(st);
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
		db_error(st, err, "cannot commit");
		store_rollback(st);
		return (-1);
	}
	st->in_txn = false;
	if (now_ms() - st->group_start >= (int64_t)st->group_ms)
		return (commit_outer(st, err));
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
store_set_group_commit(struct store *st, unsigned max_ms)
{
	if (max_ms == 0)
		store_flush(st, NULL);
	st->group_ms = max_ms;
	/*
	 * Savepoints keep the pages they change in a statement journal:
	 * in memory that is cheap, in a temp file it costs a write each.
	 * A bigger page cache keeps a group's dirty pages in memory until
	 * the commit instead of spilling them into the WAL early.  Both
	 * only for a writer that asks (the interface stays small).
	 */
	if (max_ms > 0) {
		sqlite3_exec(st->db, "PRAGMA temp_store = MEMORY", NULL, NULL,
		    NULL);
		sqlite3_exec(st->db, "PRAGMA cache_size = -16384", NULL, NULL,
		    NULL);
	}
}

int
store_flush(struct store *st, struct err *err)
{
	if (!st->group_open || st->in_txn)
		return (0);
	return (commit_outer(st, err));
}

/* Open a transaction unless the caller has one. */
static int
auto_begin(struct store *st, bool *began, struct err *err)
{
	*began = false;
	if (st->in_txn)
		return (0);
	if (store_begin(st, err) == -1)
		return (-1);
	*began = true;
	return (0);
}

static int
auto_end(struct store *st, bool began, int rc, struct err *err)
{
	if (!began)
		return (rc);
	if (rc == 0)
		return (store_commit(st, err));
	store_rollback(st);
	return (rc);
}

static void
add_delta(struct store *st, int64_t feed_id, int64_t total, int64_t unread)
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
static int64_t
take_seq(struct store *st, struct err *err)
{
	sqlite3_stmt *s;

	if (st->next_seq == 0) {
		if ((s = stmt(st, S_MAX_SEQ, err)) == NULL)
			return (-1);
		if (sqlite3_step(s) != SQLITE_ROW) {
			db_error(st, err, "cannot read the change sequence");
			done(s);
			return (-1);
		}
		st->next_seq = sqlite3_column_int64(s, 0) + 1;
		done(s);
	}
	return (st->next_seq++);
}

/* Feeds. */

int64_t
store_feed_find(struct store *st, const char *url, struct err *err)
{
	sqlite3_stmt *s;
	int64_t id = 0;
	int rc;

	if ((s = stmt(st, S_FEED_FIND, err)) == NULL)
		return (-1);
	bind_static(s, ":url", url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE) {
		db_error(st, err, "cannot look up a feed");
		id = -1;
	}
	done(s);
	return (id);
}

int64_t
store_feed_ensure(struct store *st, const char *url, struct err *err)
{
	sqlite3_stmt *s;
	int64_t id;

	if ((id = store_feed_find(st, url, err)) != 0)
		return (id);
	if ((s = stmt(st, S_FEED_INSERT, err)) == NULL)
		return (-1);
	bind_static(s, ":url", url);
	if (run(st, s, err) == -1)
		return (-1);
	return (sqlite3_last_insert_rowid(st->db));
}

static void
read_feed(sqlite3_stmt *s, struct store_feed *f)
{
	memset(f, 0, sizeof(*f));
	f->id = sqlite3_column_int64(s, 0);
	f->url = col_str(s, 1);
	f->title = col_str(s, 2);
	f->link = col_str(s, 3);
	f->etag = col_str(s, 4);
	f->last_modified = col_str(s, 5);
	f->http_status = sqlite3_column_int(s, 6);
	f->last_error = col_str(s, 7);
	f->last_fetch = sqlite3_column_int64(s, 8);
	f->next_fetch = sqlite3_column_int64(s, 9);
	f->redirect_url = col_str(s, 10);
	f->user_title = col_str(s, 11);
	f->unread = sqlite3_column_int64(s, 12);
	f->total = sqlite3_column_int64(s, 13);
}

static int
get_feed(struct store *st, sqlite3_stmt *s, struct store_feed *out,
    struct err *err)
{
	int rc = sqlite3_step(s);

	memset(out, 0, sizeof(*out));
	if (rc == SQLITE_ROW)
		read_feed(s, out);
	else if (rc != SQLITE_DONE)
		db_error(st, err, "cannot read a feed");
	done(s);
	return (rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1);
}

int
store_feed_get(struct store *st, int64_t feed_id, struct store_feed *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = stmt(st, S_FEED_GET, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	return (get_feed(st, s, out, err));
}

int
store_feed_get_url(struct store *st, const char *url, struct store_feed *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = stmt(st, S_FEED_GET_URL, err)) == NULL)
		return (-1);
	bind_static(s, ":url", url);
	return (get_feed(st, s, out, err));
}

void
store_feed_clear(struct store_feed *f)
{
	size_t i;

	free(f->url);
	free(f->title);
	free(f->link);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	free(f->redirect_url);
	free(f->user_title);
	for (i = 0; i < f->n_tags; i++)
		free(f->tags[i]);
	free(f->tags);
	memset(f, 0, sizeof(*f));
}

int
store_feeds_list(struct store *st, struct store_feed_list *out,
    struct err *err)
{
	sqlite3_stmt *s;
	size_t alloc = 0, j = 0;
	struct store_feed *f;
	int64_t fid;
	int rc;

	out->feeds = NULL;
	out->n = 0;
	if ((s = stmt(st, S_FEEDS_ALL, err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			out->feeds = xreallocarray(out->feeds, alloc,
			    sizeof(*out->feeds));
		}
		read_feed(s, &out->feeds[out->n++]);
	}
	done(s);
	if (rc != SQLITE_DONE)
		goto fail;
	/* Tags: both lists are in feed id order; merge them. */
	if ((s = stmt(st, S_TAGS_ALL, err)) == NULL)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fid = sqlite3_column_int64(s, 0);
		while (j < out->n && out->feeds[j].id < fid)
			j++;
		if (j == out->n)
			break;
		if (out->feeds[j].id != fid)
			continue;
		f = &out->feeds[j];
		f->tags = xreallocarray(f->tags, f->n_tags + 1,
		    sizeof(*f->tags));
		f->tags[f->n_tags++] = col_str(s, 1);
	}
	done(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	return (0);
fail:
	db_error(st, err, "cannot list feeds");
	store_feed_list_free(out);
	return (-1);
}

void
store_feed_list_free(struct store_feed_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		store_feed_clear(&l->feeds[i]);
	free(l->feeds);
	l->feeds = NULL;
	l->n = 0;
}

int
store_feed_set_meta(struct store *st, int64_t feed_id, const char *title,
    const char *link, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_META, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_static(s, ":title", title);
	bind_static(s, ":link", link);
	return (run(st, s, err));
}

int
store_feed_set_validators(struct store *st, int64_t feed_id,
    const char *etag, const char *last_modified, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_VALIDATORS, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_static(s, ":etag", etag);
	bind_static(s, ":lastmod", last_modified);
	return (run(st, s, err));
}

int
store_feed_set_result(struct store *st, int64_t feed_id, int http_status,
    const char *error, int64_t fetched_at, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_RESULT, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_int(s, ":status", http_status);
	bind_static(s, ":error", error);
	bind_int(s, ":fetched", fetched_at);
	return (run(st, s, err));
}

int
store_feed_set_next_fetch(struct store *st, int64_t feed_id,
    int64_t not_before, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_NEXT, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_int(s, ":next", not_before);
	return (run(st, s, err));
}

int
store_feed_set_redirect(struct store *st, int64_t feed_id, const char *url,
    struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_REDIRECT, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_static(s, ":url", url);
	return (run(st, s, err));
}

int
store_feed_set_user_title(struct store *st, int64_t feed_id,
    const char *title, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FEED_USER_TITLE, err)) == NULL)
		return (-1);
	bind_int(s, ":id", feed_id);
	bind_static(s, ":title", title);
	return (run(st, s, err));
}

int
store_feed_set_tags(struct store *st, int64_t feed_id,
    const char *const *tags, size_t n_tags, struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	size_t i;
	int rc = -1;

	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, S_TAGS_DELETE, err)) == NULL)
		goto out;
	bind_int(s, ":feed", feed_id);
	if (run(st, s, err) == -1)
		goto out;
	for (i = 0; i < n_tags; i++) {
		if ((s = stmt(st, S_TAG_INSERT, err)) == NULL)
			goto out;
		bind_int(s, ":feed", feed_id);
		bind_static(s, ":tag", tags[i]);
		bind_int(s, ":position", (int64_t)i);
		if (run(st, s, err) == -1)
			goto out;
	}
	rc = 0;
out:
	return (auto_end(st, began, rc, err));
}

int
store_feed_record(struct store *st, int64_t feed_id,
    const struct store_fetch_result *r, struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	int rc = -1;

	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, S_FEED_RECORD, err)) == NULL)
		goto out;
	bind_int(s, ":id", feed_id);
	bind_int(s, ":status", r->http_status);
	bind_static(s, ":error", r->error);
	bind_int(s, ":fetched", r->fetched_at);
	bind_int(s, ":next", r->next_fetch);
	bind_static(s, ":moved", r->moved_to);
	bind_int(s, ":setv", r->set_validators);
	bind_static(s, ":etag", r->etag);
	bind_static(s, ":lastmod", r->last_modified);
	bind_static(s, ":title", r->title);
	bind_static(s, ":link", r->link);
	if (run(st, s, err) == -1)
		goto out;
	if (r->max_items > 0 &&
	    store_feed_prune(st, feed_id, r->max_items, err) == -1)
		goto out;
	rc = 0;
out:
	return (auto_end(st, began, rc, err));
}

int
store_feed_delete(struct store *st, int64_t feed_id, struct err *err)
{
	sqlite3_stmt *s;
	int64_t base;
	bool began;
	int rc = -1;

	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((base = take_seq(st, err)) == -1)
		goto out;
	if ((s = stmt(st, S_FEED_TOMBSTONES, err)) == NULL)
		goto out;
	bind_int(s, ":base", base - 1);
	bind_int(s, ":feed", feed_id);
	if (run(st, s, err) == -1)
		goto out;
	st->next_seq = base + sqlite3_changes64(st->db);
	if ((s = stmt(st, S_FEED_DELETE_ITEMS, err)) == NULL)
		goto out;
	bind_int(s, ":feed", feed_id);
	if (run(st, s, err) == -1)
		goto out;
	if ((s = stmt(st, S_FEED_DELETE, err)) == NULL)
		goto out;
	bind_int(s, ":feed", feed_id);
	if (run(st, s, err) == -1)
		goto out;
	rc = 0;
out:
	return (auto_end(st, began, rc, err));
}

/* Host back-off. */

int
store_host_backoff_set(struct store *st, const char *host,
    int64_t retry_after, struct err *err)
{
	sqlite3_stmt *s;

	s = stmt(st, retry_after > 0 ? S_HOST_SET : S_HOST_DELETE, err);
	if (s == NULL)
		return (-1);
	bind_static(s, ":host", host);
	if (retry_after > 0)
		bind_int(s, ":until", retry_after);
	return (run(st, s, err));
}

int64_t
store_host_backoff_get(struct store *st, const char *host, struct err *err)
{
	sqlite3_stmt *s;
	int64_t v = 0;
	int rc;

	if ((s = stmt(st, S_HOST_GET, err)) == NULL)
		return (-1);
	bind_static(s, ":host", host);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	else if (rc != SQLITE_DONE) {
		db_error(st, err, "cannot read host back-off");
		v = -1;
	}
	done(s);
	return (v);
}

int
store_host_backoff_expire(struct store *st, int64_t now, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_HOST_EXPIRE, err)) == NULL)
		return (-1);
	bind_int(s, ":now", now);
	return (run(st, s, err));
}

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

/*
 * The article's plain text for the search index: HTML reduced by
 * store_text (not gumbo's html_to_text: see store_text.h for the cost),
 * plain text sanitised; NULL without a body.
 */
static char *
item_text(const struct item *item, size_t content_len)
{
	if (item->content == NULL)
		return (NULL);
	if (item->content_type != NULL &&
	    strcmp(item->content_type, "text") == 0)
		return (text_sanitize(item->content, TEXT_KEEP_NEWLINE));
	return (store_text_from_html(item->content, content_len));
}

static const char *
nonempty(const struct buf *b)
{
	return (b->len > 0 ? buf_str(b) : NULL);
}

int
store_item_upsert(struct store *st, int64_t feed_id, const struct item *item,
    int64_t now, enum store_upsert *result, struct err *err)
{
	sqlite3_stmt *s;
	const char *ctype, *encl, *cats;
	int64_t id = 0, seq, old_hash = 0;
	uint64_t h;
	size_t content_len;
	char *text = NULL;
	bool began, found = false;
	int rc = -1, step;

	if (item->guid == NULL) {
		err_set(err, ERR_DB, "database %s: an item without a guid",
		    st->path);
		return (-1);
	}
	ctype = item->content_type != NULL ? item->content_type : "html";
	enclosures_json(&st->scratch, item);
	categories_json(&st->scratch2, item);
	encl = nonempty(&st->scratch);
	cats = nonempty(&st->scratch2);
	h = hash_str(HASH_SEED, item->title);
	h = hash_str(h, item->link);
	h = hash_str(h, item->author);
	h = hash_int(h, item->published);
	h = hash_int(h, item->updated);
	h = hash_str(h, ctype);
	content_len = item->content != NULL ? strlen(item->content) : 0;
	h = item->content != NULL ? hash_bytes(h, item->content, content_len) :
	    hash_str(h, NULL);
	h = hash_str(h, encl);
	h = hash_str(h, cats);
	if (h == 0)	/* 0 means "unknown" (rows from before hashes) */
		h = 1;

	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, S_ITEM_LOOKUP, err)) == NULL)
		goto out;
	bind_static(s, ":guid", item->guid);
	bind_int(s, ":feed", feed_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW) {
		found = true;
		id = sqlite3_column_int64(s, 0);
		old_hash = sqlite3_column_int64(s, 1);
	}
	done(s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		db_error(st, err, "cannot look up an item");
		goto out;
	}
	if (found && old_hash == (int64_t)h) {
		*result = STORE_UPSERT_UNCHANGED;
		rc = 0;
		goto out;
	}
	if ((seq = take_seq(st, err)) == -1)
		goto out;
	text = item_text(item, content_len);
	s = stmt(st, found ? S_ITEM_UPDATE : S_ITEM_INSERT, err);
	if (s == NULL)
		goto out;
	if (found)
		bind_int(s, ":id", id);
	else {
		bind_int(s, ":feed", feed_id);
		bind_static(s, ":guid", item->guid);
		bind_int(s, ":now", now);
	}
	bind_static(s, ":title", item->title);
	bind_static(s, ":link", item->link);
	bind_static(s, ":author", item->author);
	bind_date(s, ":published", item->published);
	bind_date(s, ":updated", item->updated);
	bind_static(s, ":ctype", ctype);
	bind_static_n(s, ":content", item->content, content_len);
	bind_static(s, ":text", text);
	bind_static(s, ":enclosures", encl);
	bind_static(s, ":categories", cats);
	bind_int(s, ":hash", (int64_t)h);
	bind_int(s, ":seq", seq);
	if (run(st, s, err) == -1)
		goto out;
	if (found)
		*result = STORE_UPSERT_UPDATED;
	else {
		*result = STORE_UPSERT_NEW;
		add_delta(st, feed_id, 1, 1);
	}
	rc = 0;
out:
	free(text);
	return (auto_end(st, began, rc, err));
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
	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, S_PRUNE, err)) == NULL)
		goto out;
	bind_int(s, ":feed", feed_id);
	bind_int(s, ":keep", max_items > INT64_MAX ? INT64_MAX :
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
	done(s);
	if (step != SQLITE_DONE) {
		db_error(st, err, "cannot prune items");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if ((seq = take_seq(st, err)) == -1 ||
		    (s = stmt(st, S_TOMBSTONE, err)) == NULL)
			goto out;
		bind_int(s, ":seq", seq);
		bind_int(s, ":id", ids[i]);
		if (run(st, s, err) == -1)
			goto out;
	}
	if (n > 0)
		add_delta(st, feed_id, -n, -unread);
	rc = 0;
out:
	free(ids);
	rc = auto_end(st, began, rc, err);
	return (rc == -1 ? -1 : n);
}

/* Reading. */

static void
read_row(sqlite3_stmt *s, struct store_item_row *r)
{
	r->id = sqlite3_column_int64(s, 0);
	r->feed_id = sqlite3_column_int64(s, 1);
	r->feed_url = col_str(s, 2);
	r->feed_title = col_str(s, 3);
	r->guid = col_str(s, 4);
	r->title = col_str(s, 5);
	r->link = col_str(s, 6);
	r->author = col_str(s, 7);
	r->published = col_date(s, 8);
	r->updated = col_date(s, 9);
	r->date = sqlite3_column_int64(s, 10);
	r->read = sqlite3_column_int(s, 11) != 0;
	r->flagged = sqlite3_column_int(s, 12) != 0;
}

static sqlite3_stmt *
window_stmt(struct store *st, const struct store_query *q, struct err *err)
{
	int scope = q->feed_id != 0;
	int dir = !q->has_key ? 0 : q->newer ? 2 : 1;
	int filter = (int)q->filter;
	int k;
	struct buf b;

	if (filter < 0 || filter > 2)
		filter = 0;
	k = (scope * 3 + filter) * 3 + dir;
	if (st->windows[k] != NULL)
		return (st->windows[k]);
	/* Constant fragments only: no data ever goes into SQL text. */
	buf_init(&b, 4096);
	buf_addstr(&b, "SELECT " ROW_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id WHERE 1");
	if (scope)
		buf_addstr(&b, " AND i.feed_id = :feed");
	if (filter == STORE_FILTER_UNREAD)
		buf_addstr(&b, " AND i.read = 0");
	else if (filter == STORE_FILTER_FLAGGED)
		buf_addstr(&b, " AND i.flagged = 1");
	if (dir == 1)
		buf_addstr(&b, " AND (i.sort_date, i.id) < (:kdate, :kid)"
		    " ORDER BY i.sort_date DESC, i.id DESC");
	else if (dir == 2)
		buf_addstr(&b, " AND (i.sort_date, i.id) > (:kdate, :kid)"
		    " ORDER BY i.sort_date, i.id");
	else
		buf_addstr(&b, " ORDER BY i.sort_date DESC, i.id DESC");
	buf_addstr(&b, " LIMIT :limit OFFSET :offset");
	st->windows[k] = prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	return (st->windows[k]);
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
	if ((s = window_stmt(st, q, err)) == NULL)
		return (-1);
	if (q->feed_id != 0)
		bind_int(s, ":feed", q->feed_id);
	if (q->has_key) {
		bind_int(s, ":kdate", q->key.date);
		bind_int(s, ":kid", q->key.id);
	}
	bind_int(s, ":limit", q->limit == 0 || q->limit > INT64_MAX ? -1 :
	    (int64_t)q->limit);
	bind_int(s, ":offset", q->offset > INT64_MAX ? INT64_MAX :
	    (int64_t)q->offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : (q->limit > 0 &&
			    q->limit < 1024 ? q->limit : 64);
			out->rows = xreallocarray(out->rows, alloc,
			    sizeof(*out->rows));
		}
		read_row(s, &out->rows[out->n++]);
	}
	done(s);
	if (rc != SQLITE_DONE) {
		db_error(st, err, "cannot list items");
		store_item_list_free(out);
		return (-1);
	}
	if (q->has_key && q->newer) {
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

int
store_counts(struct store *st, int64_t feed_id, int64_t *unread,
    int64_t *total, struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	*unread = *total = 0;
	s = stmt(st, feed_id != 0 ? S_COUNTS_FEED : S_COUNTS_ALL, err);
	if (s == NULL)
		return (-1);
	if (feed_id != 0)
		bind_int(s, ":feed", feed_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*unread = sqlite3_column_int64(s, 0);
		*total = sqlite3_column_int64(s, 1);
	}
	done(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(st, err, "cannot count items");
		return (-1);
	}
	return (0);
}

static int
get_full(struct store *st, sqlite3_stmt *s, struct store_item_full *out,
    struct err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		read_row(s, &out->row);
		out->content_type = col_str(s, N_ROW_COLS);
		out->content = col_str(s, N_ROW_COLS + 1);
		out->content_text = col_str(s, N_ROW_COLS + 2);
		out->enclosures = col_str(s, N_ROW_COLS + 3);
		out->categories = col_str(s, N_ROW_COLS + 4);
		out->first_seen = sqlite3_column_int64(s, N_ROW_COLS + 5);
		out->seq = sqlite3_column_int64(s, N_ROW_COLS + 6);
	} else if (rc != SQLITE_DONE)
		db_error(st, err, "cannot read an item");
	done(s);
	return (rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1);
}

int
store_item_get(struct store *st, int64_t item_id, struct store_item_full *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = stmt(st, S_ITEM_GET, err)) == NULL)
		return (-1);
	bind_int(s, ":id", item_id);
	return (get_full(st, s, out, err));
}

int
store_item_get_guid(struct store *st, int64_t feed_id, const char *guid,
    struct store_item_full *out, struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	s = stmt(st, feed_id != 0 ? S_ITEM_GET_GUID_FEED : S_ITEM_GET_GUID,
	    err);
	if (s == NULL)
		return (-1);
	bind_static(s, ":guid", guid);
	if (feed_id != 0)
		bind_int(s, ":feed", feed_id);
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
	bool began;
	int rc = -1, step;

	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, read ? S_READ_ONE : S_UNREAD_ONE, err)) == NULL)
		goto out;
	bind_int(s, ":id", item_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		feed_id = sqlite3_column_int64(s, 0);
	while (step == SQLITE_ROW)
		step = sqlite3_step(s);
	done(s);
	if (step != SQLITE_DONE) {
		db_error(st, err, "cannot mark an item");
		goto out;
	}
	if (feed_id != 0) {
		if ((s = stmt(st, S_FEED_COUNTERS, err)) == NULL)
			goto out;
		bind_int(s, ":id", feed_id);
		bind_int(s, ":dtotal", 0);
		bind_int(s, ":dunread", read ? -1 : 1);
		if (run(st, s, err) == -1)
			goto out;
	}
	rc = 0;
out:
	return (auto_end(st, began, rc, err));
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
	if (auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = stmt(st, a, err)) == NULL)
		goto out;
	if (feed_id != 0)
		bind_int(s, ":feed", feed_id);
	if (run(st, s, err) == -1)
		goto out;
	if ((s = stmt(st, c, err)) == NULL)
		goto out;
	if (feed_id != 0)
		bind_int(s, ":feed", feed_id);
	bind_int(s, ":read", read);
	if (run(st, s, err) == -1)
		goto out;
	rc = 0;
out:
	return (auto_end(st, began, rc, err));
}

int
store_item_set_flagged(struct store *st, int64_t item_id, bool flagged,
    struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_FLAG_SET, err)) == NULL)
		return (-1);
	bind_int(s, ":id", item_id);
	bind_int(s, ":flagged", flagged);
	return (run(st, s, err));
}

int
store_item_toggle_flagged(struct store *st, int64_t item_id, bool *now,
    struct err *err)
{
	sqlite3_stmt *s;
	int step;

	if ((s = stmt(st, S_FLAG_TOGGLE, err)) == NULL)
		return (-1);
	bind_int(s, ":id", item_id);
	step = sqlite3_step(s);
	if (step == SQLITE_ROW && now != NULL)
		*now = sqlite3_column_int(s, 0) != 0;
	while (step == SQLITE_ROW)
		step = sqlite3_step(s);
	done(s);
	if (step != SQLITE_DONE) {
		db_error(st, err, "cannot flag an item");
		return (-1);
	}
	return (0);
}

int
store_recount(struct store *st, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = stmt(st, S_RECOUNT, err)) == NULL)
		return (-1);
	return (run(st, s, err));
}
