/*
 * test_store: the SQLite store on real files in a private temp dir.
 * (A test may use sqlite3.h to build old databases and inspect writes.)
 */
#include "config.h"

#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "buf.h"
#include "err.h"
#include "item.h"
#include "store.h"
#include "store_text.h"
#include "xmalloc.h"

static char tmpdir[256];
static int file_counter;

/* A fresh database path under the temp dir. */
static char *
db_path(const char *name)
{
	struct buf b;

	buf_init(&b, 1024);
	buf_addf(&b, "%s/%d-%s", tmpdir, file_counter++, name);
	return (buf_detach(&b));
}

static int
setup_dir(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "%s/gazette-store.XXXXXX",
	    getenv("TMPDIR") != NULL ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmpdir) == NULL)
		return (-1);
	return (0);
}

static int
remove_tree(void **state)
{
	char cmd[512];
	pid_t pid;
	int status;

	(void)state;
	/* No shell: fork and exec rm with the path as one argument. */
	snprintf(cmd, sizeof(cmd), "%s", tmpdir);
	if ((pid = fork()) == 0) {
		execlp("rm", "rm", "-rf", cmd, (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	return (0);
}

static struct store *
open_ok(const char *path, int flags)
{
	struct err err = ERR_INIT;
	struct store *st = store_open(path, flags, &err);

	if (st == NULL)
		fail_msg("store_open %s: %s", path, err.msg);
	return (st);
}

static void
make_item(struct item *it, const char *guid, const char *title,
    int64_t published, const char *content)
{
	item_init(it);
	it->guid = xstrdup(guid);
	it->title = title ? xstrdup(title) : NULL;
	it->link = xstrdup("http://example.org/a");
	it->author = xstrdup("Ann");
	it->published = published;
	it->content = content ? xstrdup(content) : NULL;
}

static enum store_upsert
upsert(struct store *st, int64_t feed, const char *guid, const char *title,
    int64_t published, const char *content)
{
	struct err err = ERR_INIT;
	struct item it;
	enum store_upsert r = STORE_UPSERT_UNCHANGED;

	make_item(&it, guid, title, published, content);
	if (store_item_upsert(st, feed, &it, 1000, &r, &err) == -1)
		fail_msg("upsert: %s", err.msg);
	item_clear(&it);
	return (r);
}

static int64_t
item_id(struct store *st, int64_t feed, const char *guid)
{
	struct store_item_full f;
	struct err err = ERR_INIT;
	int64_t id;

	assert_int_equal(store_item_get_guid(st, feed, guid, &f, &err), 0);
	id = f.row.id;
	store_item_full_clear(&f);
	return (id);
}

static void
counts(struct store *st, int64_t feed, int64_t unread, int64_t total)
{
	struct err err = ERR_INIT;
	int64_t u, t;

	assert_int_equal(store_counts(st, feed, &u, &t, &err), 0);
	assert_int_equal(u, unread);
	assert_int_equal(t, total);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	assert_non_null(fp);
	buf_init(&b, 64u << 20);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	*len = b.len;
	return (buf_detach(&b));
}

static void
test_create_modes(void **state)
{
	struct err err = ERR_INIT;
	struct store *st;
	struct stat sb;
	struct buf b;
	char *path;

	(void)state;
	buf_init(&b, 1024);
	buf_addf(&b, "%s/new/deeper/gazette.db", tmpdir);
	path = buf_detach(&b);
	/* Without STORE_CREATE nothing is created. */
	assert_null(store_open(path, 0, &err));
	assert_int_equal(err.code, ERR_DB);
	assert_non_null(strstr(err.msg, "does not exist"));
	assert_int_equal(stat(path, &sb), -1);

	st = open_ok(path, STORE_CREATE);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	buf_init(&b, 1024);
	buf_addf(&b, "%s/new/deeper", tmpdir);
	assert_int_equal(stat(buf_str(&b), &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	buf_free(&b);
	assert_int_equal(sqlite3_get_autocommit(store_db(st)), 1);
	store_close(st);
	free(path);
}

static void
test_reupsert_keeps_flags(void **state)
{
	struct err err = ERR_INIT;
	struct store *st;
	char *path = db_path("flags.db");
	int64_t feed, id, changes;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	assert_true(feed > 0);
	assert_int_equal(store_feed_ensure(st, "http://example.org/feed",
	    &err), feed);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(upsert(st, feed, "g1", "One", 100, "<p>1</p>"),
	    STORE_UPSERT_NEW);
	assert_int_equal(upsert(st, feed, "g2", "Two", 200, "<p>2</p>"),
	    STORE_UPSERT_NEW);
	assert_int_equal(store_commit(st, &err), 0);
	id = item_id(st, feed, "g1");
	assert_int_equal(store_item_set_read(st, id, true, &err), 0);
	assert_int_equal(store_item_set_flagged(st, id, true, &err), 0);

	/* Same content again: no write at all. */
	changes = sqlite3_total_changes64(store_db(st));
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(upsert(st, feed, "g1", "One", 100, "<p>1</p>"),
	    STORE_UPSERT_UNCHANGED);
	assert_int_equal(upsert(st, feed, "g2", "Two", 200, "<p>2</p>"),
	    STORE_UPSERT_UNCHANGED);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(sqlite3_total_changes64(store_db(st)), changes);

	/* Changed content: still read and flagged. */
	assert_int_equal(upsert(st, feed, "g1", "One, corrected", 100,
	    "<p>1</p>"), STORE_UPSERT_UPDATED);
	{
		struct store_item_full f;

		assert_int_equal(store_item_get(st, id, &f, &err), 0);
		assert_true(f.row.read);
		assert_true(f.row.flagged);
		assert_string_equal(f.row.title, "One, corrected");
		store_item_full_clear(&f);
	}
	counts(st, feed, 1, 2);
	store_close(st);

	/* And across a reopen (another run of refresh). */
	st = open_ok(path, 0);
	assert_int_equal(upsert(st, feed, "g1", "One, corrected", 100,
	    "<p>1</p>"), STORE_UPSERT_UNCHANGED);
	assert_int_equal(item_id(st, feed, "g1"), id);
	counts(st, feed, 1, 2);
	store_close(st);
	free(path);
}

static void
test_update_in_place(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_full a, b;
	struct store *st;
	char *path = db_path("update.db");
	int64_t feed, seq;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	upsert(st, feed, "g1", "Title", 100, "<p>old</p>");
	upsert(st, feed, "g2", "Other", 50, "<p>x</p>");
	assert_int_equal(store_item_get_guid(st, feed, "g1", &a, &err), 0);
	assert_int_equal(upsert(st, feed, "g1", "Title", 100, "<p>new</p>"),
	    STORE_UPSERT_UPDATED);
	assert_int_equal(store_item_get_guid(st, feed, "g1", &b, &err), 0);
	assert_int_equal(a.row.id, b.row.id);
	assert_string_equal(b.content, "<p>new</p>");
	assert_int_equal(b.first_seen, a.first_seen);
	/* The body's text is not stored twice: derived where needed. */
	assert_null(b.content_text);
	/* The body changed: seq (for search) moved. */
	assert_true(b.seq > a.seq);
	store_item_full_clear(&a);
	a = b;
	/* Only the link changed: updated, but the indexed text did not. */
	{
		struct item it;
		enum store_upsert r;

		make_item(&it, "g1", "Title", 100, "<p>new</p>");
		free(it.link);
		it.link = xstrdup("http://example.org/moved");
		assert_int_equal(store_item_upsert(st, feed, &it, 1000, &r,
		    &err), 0);
		assert_int_equal(r, STORE_UPSERT_UPDATED);
		item_clear(&it);
	}
	assert_int_equal(store_item_get_guid(st, feed, "g1", &b, &err), 0);
	assert_string_equal(b.row.link, "http://example.org/moved");
	assert_int_equal(b.seq, a.seq);
	store_item_full_clear(&b);
	/* A new title is indexed text: seq moves past every other item. */
	assert_int_equal(upsert(st, feed, "g1", "Title 2", 300, "<p>new</p>"),
	    STORE_UPSERT_UPDATED);
	assert_int_equal(store_item_get_guid(st, feed, "g1", &b, &err), 0);
	seq = item_id(st, feed, "g2");
	assert_true(b.seq > a.seq);
	{
		struct store_item_full o;

		assert_int_equal(store_item_get(st, seq, &o, &err), 0);
		assert_true(b.seq > o.seq);
		store_item_full_clear(&o);
	}
	assert_int_equal(b.row.published, 300);
	assert_int_equal(b.row.date, 300);
	assert_int_equal(b.row.updated, ITEM_NO_DATE);
	counts(st, feed, 2, 2);
	store_item_full_clear(&a);
	store_item_full_clear(&b);
	store_close(st);
	free(path);
}

static void
test_counts_and_windows(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_list l;
	struct store_query q;
	struct store_feed_list fl;
	struct store *st;
	char *path = db_path("counts.db");
	char guid[32];
	int64_t fa, fb, seen, last_date, last_id;
	int i;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	fa = store_feed_ensure(st, "http://a.example/feed", &err);
	fb = store_feed_ensure(st, "http://b.example/feed", &err);
	assert_int_equal(store_begin(st, &err), 0);
	for (i = 0; i < 25; i++) {
		snprintf(guid, sizeof(guid), "a%d", i);
		upsert(st, fa, guid, guid, 1000 + i, NULL);
	}
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_begin(st, &err), 0);
	for (i = 0; i < 5; i++) {
		snprintf(guid, sizeof(guid), "b%d", i);
		upsert(st, fb, guid, guid, 1000 + 2 * i, NULL);
	}
	assert_int_equal(store_commit(st, &err), 0);
	counts(st, fa, 25, 25);
	counts(st, fb, 5, 5);
	counts(st, 0, 30, 30);

	/* Keyset windows of 10 over feed A: all rows, newest first. */
	memset(&q, 0, sizeof(q));
	q.feed_id = fa;
	q.limit = 10;
	seen = 0;
	last_date = INT64_MAX;
	last_id = INT64_MAX;
	for (;;) {
		assert_int_equal(store_items_window(st, &q, &l, &err), 0);
		if (l.n == 0)
			break;
		assert_true(l.n <= 10);
		for (i = 0; i < (int)l.n; i++) {
			assert_true(l.rows[i].date < last_date ||
			    (l.rows[i].date == last_date &&
			    l.rows[i].id < last_id));
			last_date = l.rows[i].date;
			last_id = l.rows[i].id;
			assert_string_equal(l.rows[i].feed_url,
			    "http://a.example/feed");
		}
		seen += (int64_t)l.n;
		q.has_key = true;
		q.key.date = last_date;
		q.key.id = last_id;
		store_item_list_free(&l);
	}
	assert_int_equal(seen, 25);

	/* Newer than the 5th newest: the 4 newest, still newest first. */
	q.has_key = false;
	q.offset = 4;
	q.limit = 1;
	assert_int_equal(store_items_window(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.rows[0].date, 1020);
	q.key.date = l.rows[0].date;
	q.key.id = l.rows[0].id;
	store_item_list_free(&l);
	q.offset = 0;
	q.limit = 10;
	q.has_key = true;
	q.newer = true;
	assert_int_equal(store_items_window(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 4);
	assert_int_equal(l.rows[0].date, 1024);
	assert_int_equal(l.rows[3].date, 1021);
	store_item_list_free(&l);

	/* Reads: one item, a whole feed, everything. */
	assert_int_equal(store_item_set_read(st, item_id(st, fa, "a3"), true,
	    &err), 0);
	assert_int_equal(store_item_set_read(st, item_id(st, fa, "a3"), true,
	    &err), 0);
	counts(st, fa, 24, 25);
	assert_int_equal(store_item_set_read(st, item_id(st, fa, "a3"), false,
	    &err), 0);
	assert_int_equal(store_item_set_read(st, item_id(st, fa, "a4"), true,
	    &err), 0);
	counts(st, fa, 24, 25);
	assert_int_equal(store_feed_set_read(st, fb, true, &err), 0);
	counts(st, fb, 0, 5);
	counts(st, 0, 24, 30);

	/* All feeds, unread only: 24 rows, none read. */
	memset(&q, 0, sizeof(q));
	q.filter = STORE_FILTER_UNREAD;
	assert_int_equal(store_items_window(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 24);
	for (i = 0; i < (int)l.n; i++)
		assert_false(l.rows[i].read);
	store_item_list_free(&l);

	/* Flagged filter. */
	{
		bool now = false;

		assert_int_equal(store_item_toggle_flagged(st,
		    item_id(st, fb, "b1"), &now, &err), 0);
		assert_true(now);
	}
	q.filter = STORE_FILTER_FLAGGED;
	assert_int_equal(store_items_window(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.rows[0].guid, "b1");
	store_item_list_free(&l);

	/* Prune feed A to 10: 15 deleted, counters follow, seqs grow. */
	assert_int_equal(store_feed_prune(st, fa, 10, &err), 15);
	counts(st, fa, 10, 10);
	/* Prune B to 1: the flagged one survives too. */
	assert_int_equal(store_feed_prune(st, fb, 1, &err), 3);
	counts(st, fb, 0, 2);
	{
		sqlite3_stmt *s;

		assert_int_equal(sqlite3_prepare_v2(store_db(st),
		    "SELECT count(*), min(seq) > (SELECT max(seq) FROM items)"
		    " FROM item_tombstones", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), 18);
		assert_int_equal(sqlite3_column_int(s, 1), 1);
		sqlite3_finalize(s);
	}

	/* Mark everything unread then read; the feed list agrees. */
	assert_int_equal(store_feed_set_read(st, 0, false, &err), 0);
	counts(st, 0, 12, 12);
	assert_int_equal(store_feed_set_read(st, 0, true, &err), 0);
	counts(st, 0, 0, 12);
	assert_int_equal(store_feeds_list(st, &fl, &err), 0);
	assert_int_equal(fl.n, 2);
	assert_int_equal(fl.feeds[0].total, 10);
	assert_int_equal(fl.feeds[1].total, 2);
	store_feed_list_free(&fl);

	/* Delete a feed: items gone, tombstones left, counts right. */
	assert_int_equal(store_feed_delete(st, fb, &err), 0);
	counts(st, 0, 0, 10);
	assert_int_equal(store_recount(st, &err), 0);
	counts(st, fa, 0, 10);
	store_close(st);
	free(path);
}

static void
test_feed_state(void **state)
{
	struct err err = ERR_INIT;
	struct store_fetch_result r;
	struct store_feed f;
	struct store_feed_list fl;
	struct store *st;
	/* not in name order: listed in this order all the same */
	const char *tags[] = { "news", "fr", "zz", "alpha" };
	char *path = db_path("feedstate.db");
	int64_t feed;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	memset(&r, 0, sizeof(r));
	r.http_status = 200;
	r.fetched_at = 5000;
	r.next_fetch = 5600;
	r.set_validators = true;
	r.etag = "\"abc\"";
	r.last_modified = "Sat, 28 Nov 2026 10:00:00 GMT";
	r.title = "Example";
	r.link = "http://example.org/";
	r.moved_to = "https://example.org/feed";
	assert_int_equal(store_feed_record(st, feed, &r, &err), 0);
	assert_int_equal(store_host_backoff_set(st, "example.org", 9000, &err),
	    0);
	assert_int_equal(store_feed_set_tags(st, feed, tags, 4, &err), 0);
	assert_int_equal(store_feed_set_user_title(st, feed, "Mine", &err),
	    0);
	store_close(st);

	st = open_ok(path, 0);
	assert_int_equal(store_feed_get_url(st, "http://example.org/feed", &f,
	    &err), 0);
	assert_int_equal(f.http_status, 200);
	assert_string_equal(f.etag, "\"abc\"");
	assert_string_equal(f.title, "Example");
	assert_string_equal(f.redirect_url, "https://example.org/feed");
	assert_string_equal(f.user_title, "Mine");
	assert_int_equal(f.next_fetch, 5600);
	assert_null(f.last_error);
	store_feed_clear(&f);

	/* A 304: validators and title stay; a failure is recorded. */
	memset(&r, 0, sizeof(r));
	r.http_status = 503;
	r.error = "HTTP 503";
	r.fetched_at = 6000;
	assert_int_equal(store_feed_record(st, feed, &r, &err), 0);
	assert_int_equal(store_feed_get(st, feed, &f, &err), 0);
	assert_string_equal(f.etag, "\"abc\"");
	assert_string_equal(f.title, "Example");
	assert_string_equal(f.last_error, "HTTP 503");
	assert_null(f.redirect_url);
	store_feed_clear(&f);
	assert_int_equal(store_feed_get_url(st, "http://nope.example/", &f,
	    &err), 1);
	assert_int_equal(store_host_backoff_get(st, "example.org", &err),
	    9000);
	assert_int_equal(store_host_backoff_get(st, "other.example", &err), 0);
	assert_int_equal(store_host_backoff_expire(st, 9001, &err), 0);
	assert_int_equal(store_host_backoff_get(st, "example.org", &err), 0);
	assert_int_equal(store_feeds_list(st, &fl, &err), 0);
	assert_int_equal(fl.n, 1);
	assert_int_equal(fl.feeds[0].n_tags, 4);
	assert_string_equal(fl.feeds[0].tags[0], "news");
	assert_string_equal(fl.feeds[0].tags[1], "fr");
	assert_string_equal(fl.feeds[0].tags[2], "zz");
	assert_string_equal(fl.feeds[0].tags[3], "alpha");
	store_feed_list_free(&fl);
	store_close(st);
	free(path);
}

static void
test_migration_v1(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_full it;
	struct store_feed f;
	struct store *st;
	sqlite3 *db;
	char *path = db_path("v1.db"), *sql, *sqlpath;
	const char *src = getenv("srcdir");
	struct buf b;
	size_t len;
	int64_t feed;

	(void)state;
	buf_init(&b, 4096);
	buf_addf(&b, "%s/tests/store_v1.sql", src != NULL ? src : ".");
	sqlpath = buf_detach(&b);
	sql = slurp(sqlpath, &len);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	/* Another module's view over items survives the table rebuild. */
	assert_int_equal(sqlite3_exec(db, "CREATE VIEW other_view AS"
	    " SELECT id, title FROM items", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	free(sql);
	free(sqlpath);

	/* Read-only open refuses to migrate, and leaves it at v1. */
	assert_null(store_open(path, STORE_READONLY, &err));
	assert_non_null(strstr(err.msg, "upgrade"));

	st = open_ok(path, 0);
	feed = store_feed_find(st, "http://a.example/feed", &err);
	assert_int_equal(feed, 1);
	counts(st, 1, 2, 3);
	counts(st, 2, 1, 1);
	assert_int_equal(store_item_get_guid(st, 1, "a2", &it, &err), 0);
	assert_int_equal(it.row.id, 11);
	assert_true(it.row.flagged);
	assert_false(it.row.read);
	assert_int_equal(it.row.date, 1700000500);	/* from updated */
	store_item_full_clear(&it);
	assert_int_equal(store_item_get(st, 10, &it, &err), 0);
	assert_true(it.row.read);
	assert_int_equal(it.row.date, 1700000000);
	store_item_full_clear(&it);
	assert_int_equal(store_feed_get(st, 1, &f, &err), 0);
	assert_string_equal(f.etag, "\"v1\"");
	store_feed_clear(&f);
	/* New items go after the migrated ones. */
	assert_int_equal(upsert(st, 1, "a4", "A four", 1800000000, NULL),
	    STORE_UPSERT_NEW);
	counts(st, 1, 3, 4);
	assert_int_equal(store_item_get_guid(st, 1, "a4", &it, &err), 0);
	assert_true(it.row.id > 20);
	assert_true(it.seq > 20);
	store_item_full_clear(&it);
	store_close(st);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	{
		sqlite3_stmt *s;

		sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0),
		    STORE_SCHEMA_VERSION);
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT title FROM"
		    " other_view WHERE id = 11", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0),
		    "A two");
		sqlite3_finalize(s);
		/* v5: the all-feeds unread walk needs no table lookups */
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat("
		    "name, ',') FROM pragma_index_info('items_date')", -1, &s,
		    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0),
		    "sort_date,id,read");
		sqlite3_finalize(s);
		/* v12: a title or author condition reads no article body */
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat("
		    "name, ',') FROM pragma_index_info('items_seq')", -1, &s,
		    NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(s, 0),
		    "seq,sort_date,read,flagged,feed_id,title,author");
		sqlite3_finalize(s);
		/* A newer schema than we know is refused. */
		sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	}
	sqlite3_close(db);
	err_clear(&err);
	assert_null(store_open(path, 0, &err));
	assert_non_null(strstr(err.msg, "newer"));
	free(path);
}

/* Every column of every article, as one string. */
static char *
items_dump(sqlite3 *db)
{
	sqlite3_stmt *s;
	struct buf b;
	int i;

	buf_init(&b, 1 << 20);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT * FROM items"
	    " ORDER BY id", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		for (i = 0; i < sqlite3_column_count(s); i++)
			buf_addf(&b, "%s=%s%c", sqlite3_column_name(s, i),
			    sqlite3_column_type(s, i) == SQLITE_NULL ? "NULL" :
			    (const char *)sqlite3_column_text(s, i),
			    i + 1 < sqlite3_column_count(s) ? '|' : '\n');
	sqlite3_finalize(s);
	return (buf_detach(&b));
}

/* The one row of sql's answer, as text. */
static char *
sql_text(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *s;
	char *t;

	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	t = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	return (t);
}

/*
 * A store of schema 11 (items_seq without the title and the author)
 * is migrated in place: every article as it was, the index wider, and a
 * title condition read from it.
 */
static void
test_migration_v11(void **state)
{
	struct err err = ERR_INIT;
	struct store *st;
	sqlite3 *db;
	sqlite3_stmt *s;
	char *path = db_path("v11.db"), *before, *after, *t;
	int64_t feed;
	int k;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://a.example/feed", &err);
	assert_true(feed > 0);
	for (k = 0; k < 50; k++) {
		char guid[16], title[32];

		snprintf(guid, sizeof(guid), "g%d", k);
		snprintf(title, sizeof(title), k % 7 ? "Rust n\xc2\xb0%d" :
		    "%d", k);
		(void)upsert(st, feed, guid, k % 11 ? title : NULL,
		    1700000000 + k, "<p>body</p>");
	}
	assert_int_equal(store_item_set_read(st, item_id(st, feed, "g3"),
	    true, &err), 0);
	store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	/* a version 11 store: neither 11 -> 12's items_seq nor 12 -> 13's
	   feeds_gone */
	assert_int_equal(sqlite3_exec(db, "DROP INDEX items_seq;"
	    "CREATE INDEX items_seq ON items(seq, sort_date, read, flagged,"
	    " feed_id); DROP INDEX feeds_gone; PRAGMA user_version = 11;",
	    NULL, NULL, NULL), SQLITE_OK);
	before = items_dump(db);
	sqlite3_close(db);

	st = open_ok(path, 0);
	counts(st, feed, 49, 50);
	store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	after = items_dump(db);
	assert_string_equal(after, before);
	t = sql_text(db, "PRAGMA user_version");
	assert_int_equal(atoi(t), STORE_SCHEMA_VERSION);
	free(t);
	t = sql_text(db, "PRAGMA integrity_check");
	assert_string_equal(t, "ok");
	free(t);
	t = sql_text(db, "SELECT group_concat(name, ',') FROM"
	    " pragma_index_info('items_seq')");
	assert_string_equal(t, "seq,sort_date,read,flagged,feed_id,title,"
	    "author");
	free(t);
	t = sql_text(db, "SELECT count(*) FROM sqlite_master WHERE name ="
	    " 'feeds_gone'");
	assert_string_equal(t, "1");
	free(t);
	/* The plan: one scan, of the index. */
	assert_int_equal(sqlite3_prepare_v2(db, "EXPLAIN QUERY PLAN SELECT"
	    " id, read, sort_date FROM items WHERE title LIKE '%rust%'"
	    " OR author = 'x'", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	if (strstr((const char *)sqlite3_column_text(s, 3),
	    "COVERING INDEX items_seq") == NULL)
		fail_msg("plan: %s", sqlite3_column_text(s, 3));
	sqlite3_finalize(s);
	sqlite3_close(db);
	free(before);
	free(after);
	free(path);
}

static void
test_corrupt_untouched(void **state)
{
	struct err err = ERR_INIT;
	char *path = db_path("corrupt.db"), *before, *after;
	unsigned char junk[8192];
	size_t i, n1, n2;
	struct stat sb;
	struct buf b;
	FILE *fp;

	(void)state;
	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 7919 + 13);
	fp = fopen(path, "wb");
	assert_non_null(fp);
	fwrite(junk, 1, sizeof(junk), fp);
	fclose(fp);
	before = slurp(path, &n1);
	assert_null(store_open(path, STORE_CREATE, &err));
	assert_int_equal(err.code, ERR_DB);
	assert_non_null(strstr(err.msg, path));
	assert_non_null(strstr(err.msg, "not a database"));
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	buf_init(&b, 1024);
	buf_addf(&b, "%s-wal", path);
	assert_int_equal(stat(buf_str(&b), &sb), -1);
	buf_free(&b);
	free(before);
	free(after);
	free(path);
}

static void
test_readonly_untouched(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_list l;
	struct store_query q;
	struct store *st;
	char *path = db_path("ro.db"), *before, *after;
	size_t n1, n2;
	int64_t feed;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	upsert(st, feed, "g1", "One", 100, NULL);
	store_close(st);	/* checkpoints the WAL into the file */
	assert_int_equal(chmod(path, 0444), 0);
	before = slurp(path, &n1);
	assert_null(store_open(path, 0, &err));
	assert_int_equal(err.code, ERR_DB);
	assert_non_null(strstr(err.msg, "read-only"));
	after = slurp(path, &n2);
	assert_int_equal(n1, n2);
	assert_memory_equal(before, after, n1);
	free(after);

	/* Reading it is still possible when asked for. */
	st = open_ok(path, STORE_READONLY);
	memset(&q, 0, sizeof(q));
	assert_int_equal(store_items_window(st, &q, &l, &err), 0);
	assert_int_equal(l.n, 1);
	store_item_list_free(&l);
	store_close(st);
	after = slurp(path, &n2);
	assert_memory_equal(before, after, n1);
	free(before);
	free(after);
	chmod(path, 0600);
	free(path);
}

/*
 * Two connections: a refresh holds a write transaction (re-upserting a
 * changed item) while another process marks that item read and flags
 * another; both changes survive.
 */
static void
test_two_connections(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_full it;
	struct store *st, *other;
	char *path = db_path("two.db");
	int64_t feed, id1, id2;
	int go[2], status;
	char c = 'x';
	pid_t pid;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	upsert(st, feed, "g1", "One", 100, "<p>1</p>");
	upsert(st, feed, "g2", "Two", 200, "<p>2</p>");
	id1 = item_id(st, feed, "g1");
	id2 = item_id(st, feed, "g2");
	assert_int_equal(pipe(go), 0);
	pid = fork();
	assert_true(pid != -1);
	if (pid == 0) {
		struct err e2 = ERR_INIT;
		char buf;

		close(go[1]);
		other = store_open(path, 0, &e2);
		if (other == NULL || read(go[0], &buf, 1) != 1)
			_exit(1);
		/* The writer holds its transaction now: this waits. */
		if (store_item_set_read(other, id1, true, &e2) == -1 ||
		    store_item_set_flagged(other, id2, true, &e2) == -1) {
			fprintf(stderr, "child: %s\n", e2.msg);
			_exit(2);
		}
		store_close(other);
		_exit(0);
	}
	close(go[0]);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(upsert(st, feed, "g1", "One (updated)", 100,
	    "<p>1b</p>"), STORE_UPSERT_UPDATED);
	assert_int_equal(upsert(st, feed, "g3", "Three", 300, NULL),
	    STORE_UPSERT_NEW);
	assert_int_equal(write(go[1], &c, 1), 1);
	/* Give the other side time to block on our lock (not required). */
	usleep(100000);
	assert_int_equal(store_commit(st, &err), 0);
	close(go[1]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);

	assert_int_equal(store_item_get(st, id1, &it, &err), 0);
	assert_true(it.row.read);
	assert_string_equal(it.row.title, "One (updated)");
	store_item_full_clear(&it);
	assert_int_equal(store_item_get(st, id2, &it, &err), 0);
	assert_true(it.row.flagged);
	store_item_full_clear(&it);
	counts(st, feed, 2, 3);
	/* data_version noticed the other connection's commit. */
	assert_true(store_data_version(st) > 0);
	store_close(st);
	free(path);
}

static void
test_data_version(void **state)
{
	struct err err = ERR_INIT;
	struct store *a, *b;
	char *path = db_path("dv.db");
	int64_t v1, v2, feed;

	(void)state;
	a = open_ok(path, STORE_CREATE);
	b = open_ok(path, 0);
	feed = store_feed_ensure(a, "http://example.org/feed", &err);
	v1 = store_data_version(b);
	upsert(a, feed, "g1", "One", 100, NULL);
	v2 = store_data_version(b);
	assert_true(v2 != v1);
	assert_int_equal(store_data_version(b), v2);
	store_close(a);
	store_close(b);
	free(path);
}

static void
test_json_fields(void **state)
{
	struct err err = ERR_INIT;
	struct store_item_full f;
	struct store *st;
	struct item it;
	enum store_upsert r;
	char *path = db_path("json.db");
	int64_t feed;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://example.org/feed", &err);
	make_item(&it, "g1", "T", ITEM_NO_DATE, NULL);
	it.n_enclosures = 1;
	it.enclosures = xcalloc(1, sizeof(*it.enclosures));
	it.enclosures[0].url = xstrdup("http://example.org/a.mp3");
	it.enclosures[0].type = xstrdup("audio/mpeg");
	it.enclosures[0].length = 42;
	it.n_categories = 2;
	it.categories = xcalloc(2, sizeof(char *));
	it.categories[0] = xstrdup("a\"b");
	it.categories[1] = xstrdup("c");
	assert_int_equal(store_item_upsert(st, feed, &it, 777, &r, &err), 0);
	assert_int_equal(r, STORE_UPSERT_NEW);
	assert_int_equal(store_item_upsert(st, feed, &it, 778, &r, &err), 0);
	assert_int_equal(r, STORE_UPSERT_UNCHANGED);
	item_clear(&it);
	assert_int_equal(store_item_get_guid(st, 0, "g1", &f, &err), 0);
	assert_string_equal(f.enclosures, "[{\"url\":\"http://example.org/"
	    "a.mp3\",\"type\":\"audio/mpeg\",\"length\":42}]");
	assert_string_equal(f.categories, "[\"a\\\"b\",\"c\"]");
	assert_int_equal(f.row.published, ITEM_NO_DATE);
	assert_int_equal(f.row.date, 777);	/* first seen */
	assert_int_equal(f.first_seen, 777);
	assert_string_equal(f.content_type, "html");
	store_item_full_clear(&f);
	assert_int_equal(store_item_get_guid(st, 0, "nope", &f, &err), 1);
	store_close(st);
	free(path);
}

/*
 * Group commit: a savepoint per feed inside one outer transaction.  A
 * rolled-back feed loses only its own items; nothing is visible to
 * another connection until the group commits.
 */
static void
test_group_commit(void **state)
{
	struct err err = ERR_INIT;
	struct store *st, *other;
	char *path = db_path("group.db");
	int64_t fa, fb, fc;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	other = open_ok(path, 0);
	store_set_group_commit(st, true);
	assert_int_equal(store_begin(st, &err), 0);
	fa = store_feed_ensure(st, "http://a.example/", &err);
	upsert(st, fa, "a1", "A1", 100, NULL);
	assert_int_equal(store_commit(st, &err), 0);
	assert_int_equal(store_begin(st, &err), 0);
	fb = store_feed_ensure(st, "http://b.example/", &err);
	upsert(st, fb, "b1", "B1", 100, NULL);
	store_rollback(st);
	assert_int_equal(store_begin(st, &err), 0);
	fc = store_feed_ensure(st, "http://c.example/", &err);
	upsert(st, fc, "c1", "C1", 100, NULL);
	upsert(st, fc, "c2", "C2", 100, NULL);
	assert_int_equal(store_commit(st, &err), 0);
	/* Our connection sees its work, the other not yet. */
	counts(st, 0, 3, 3);
	counts(other, 0, 0, 0);
	assert_true(store_group_pending(st));
	assert_int_equal(store_flush(st, &err), 0);
	assert_false(store_group_pending(st));
	counts(other, 0, 3, 3);
	counts(other, fa, 1, 1);
	assert_int_equal(store_feed_find(other, "http://b.example/", &err), 0);
	counts(other, fc, 2, 2);
	/* Without a group every commit commits at once. */
	store_set_group_commit(st, false);
	upsert(st, fa, "a2", "A2", 200, NULL);
	counts(other, fa, 2, 2);
	store_close(other);
	store_close(st);
	free(path);
}

static off_t
file_size(const char *path)
{
	struct stat sb;

	assert_int_equal(stat(path, &sb), 0);
	return (sb.st_size);
}

/* 300 articles of 4 KB in one commit: about 150 pages, below the 1000
   at which SQLite would checkpoint by itself. */
static void
write_batch(struct store *st, int64_t feed, const char *prefix)
{
	struct err err = ERR_INIT;
	char guid[64], body[4097];
	int i;

	memset(body, 'x', sizeof(body) - 1);
	body[sizeof(body) - 1] = '\0';
	assert_int_equal(store_begin(st, &err), 0);
	for (i = 0; i < 300; i++) {
		snprintf(guid, sizeof(guid), "%s%d", prefix, i);
		upsert(st, feed, guid, guid, 100 + i, body);
	}
	assert_int_equal(store_commit(st, &err), 0);
}

/*
 * The checkpointer copies each commit into the database file: the file
 * grows though the WAL is far below SQLite's own threshold, and stays
 * as it was without the thread.  store_ckpt_stop finishes a checkpoint
 * it was asked for.
 */
static void
test_checkpointer(void **state)
{
	struct err err = ERR_INIT;
	struct store *st;
	char *path = db_path("ckpt.db");
	off_t before;
	int64_t feed;

	(void)state;
	st = open_ok(path, STORE_CREATE);
	feed = store_feed_ensure(st, "http://a.example/", &err);
	assert_true(feed > 0);
	write_batch(st, feed, "warm");
	/* nothing copied yet: no checkpoint has run */
	before = file_size(path);
	write_batch(st, feed, "plain");
	assert_true(file_size(path) == before);

	assert_int_equal(store_ckpt_start(st), 0);
	write_batch(st, feed, "threaded");
	store_ckpt_stop(st);
	assert_true(file_size(path) > before + 300 * 4096);
	/* stopped twice, or never started: nothing happens */
	store_ckpt_stop(st);
	counts(st, feed, 900, 900);
	store_close(st);
	free(path);
}

static int aux_freed;

static void
aux_free(void *arg)
{
	assert_ptr_equal(arg, &aux_freed);
	aux_freed++;
}

/* Another module's state on a handle: freed when replaced and on close. */
static void
test_aux(void **state)
{
	struct store *st;
	char *path = db_path("aux.db");

	(void)state;
	st = open_ok(path, STORE_CREATE);
	assert_null(store_aux(st));
	store_set_aux(st, &aux_freed, aux_free);
	assert_ptr_equal(store_aux(st), &aux_freed);
	store_set_aux(st, &aux_freed, aux_free);
	assert_int_equal(aux_freed, 1);
	store_close(st);
	assert_int_equal(aux_freed, 2);
	free(path);
}

static const struct {
	const char *html;
	const char *text;
} text_cases[] = {
	{ "<p>Hello <b>wor</b>ld</p><p>Second</p>", "Hello world\nSecond" },
	{ "caf&eacute; &amp; &lt;b&gt; &#233;t&#xE9;", "caf\xc3\xa9 & <b> \xc3\xa9t\xc3\xa9" },
	{ "a < b<script>var x = '<p>';</script>c<!-- <p> -->d", "a < b cd" },
	{ "<STYLE>p { }</style >x<template>t</template>y", "x y" },
	{ "<ul><li>one</li><li>two</li></ul>", "one\ntwo" },
	{ "  lots \t of\n\n  space  ", "lots of space" },
	{ "esc\x1b[31mred\x1b]52;c;aGk=\x07 <div title=\"a>b\">q</div>",
	    "escred\nq" },
	{ "cut <a href=", "cut" },
	{ "bad \xff byte", "bad \xef\xbf\xbd byte" },
	{ "bi\xe2\x80\xae" "di \xc3\xa9t\xc3\xa9", "bidi \xc3\xa9t\xc3\xa9" },
	{ "", "" },
};

static void
test_text_from_html(void **state)
{
	size_t i;
	char *t;

	(void)state;
	for (i = 0; i < sizeof(text_cases) / sizeof(text_cases[0]); i++) {
		t = store_text_from_html(text_cases[i].html,
		    strlen(text_cases[i].html));
		assert_string_equal(t, text_cases[i].text);
		free(t);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_create_modes),
		cmocka_unit_test(test_reupsert_keeps_flags),
		cmocka_unit_test(test_update_in_place),
		cmocka_unit_test(test_counts_and_windows),
		cmocka_unit_test(test_feed_state),
		cmocka_unit_test(test_migration_v1),
		cmocka_unit_test(test_migration_v11),
		cmocka_unit_test(test_corrupt_untouched),
		cmocka_unit_test(test_readonly_untouched),
		cmocka_unit_test(test_two_connections),
		cmocka_unit_test(test_data_version),
		cmocka_unit_test(test_json_fields),
		cmocka_unit_test(test_group_commit),
		cmocka_unit_test(test_checkpointer),
		cmocka_unit_test(test_aux),
		cmocka_unit_test(test_text_from_html),
	};

	signal(SIGPIPE, SIG_IGN);
	return (cmocka_run_group_tests(tests, setup_dir, remove_tree));
}
