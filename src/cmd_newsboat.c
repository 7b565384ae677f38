/*
 * cmd_newsboat: moving in from newsboat.
 *
 *   gazette import-newsboat [DIR]   urls, config and cache.db
 *   gazette export-read FILE        newsboat -E: read guids, one a line
 *   gazette import-read FILE        newsboat -I
 *
 * import-newsboat looks in DIR, else in ~/.newsboat, else where newsboat
 * puts its files under XDG (~/.config/newsboat, ~/.local/share/newsboat).
 * A urls or config file gazette does not have yet is copied as it is;
 * an existing urls file gets the feeds it lacks, an existing config is
 * left alone.  Every feed and article of the cache is stored with its
 * content, read and flagged state (by feed and guid, so running it again
 * adds nothing twice).  Articles deleted in newsboat are not stored:
 * their guids are, as gazette's purge-deleted leaves them, so that their
 * feeds do not bring them back (one already stored goes).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "paths.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "urls.h"
#include "xmalloc.h"

#define BATCH		5000		/* articles a transaction */
#define READLIST_MAX	(256L * 1024 * 1024)	/* bytes of a read list */

struct nb_files {
	char	*urls;
	char	*config;
	char	*cache;
};

struct nb_counts {
	int64_t	 feeds, items, added, read, flagged, deleted;
};

static bool
is_file(const char *path)
{
	struct stat sb;

	return (path != NULL && stat(path, &sb) == 0 && S_ISREG(sb.st_mode));
}

static char *
join(const char *dir, const char *name)
{
	struct buf b;
	char *s;

	buf_init(&b, 4096);
	(void)buf_addf(&b, "%s/%s", dir, name);
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

/* newsboat's own order: ~/.newsboat when it exists, else XDG. */
static void
find_files(const char *dir, struct nb_files *f)
{
	const char *home = getenv("HOME");
	struct stat sb;
	char *dot = NULL;

	if (dir == NULL && home != NULL && home[0] != '\0') {
		dot = join(home, ".newsboat");
		if (stat(dot, &sb) == 0 && S_ISDIR(sb.st_mode))
			dir = dot;
	}
	if (dir != NULL) {
		f->urls = join(dir, "urls");
		f->config = join(dir, "config");
		f->cache = join(dir, "cache.db");
	} else {
		f->urls = paths_app_file(false, "newsboat", "urls");
		f->config = paths_app_file(false, "newsboat", "config");
		f->cache = paths_app_file(true, "newsboat", "cache.db");
	}
	free(dot);
}

static void
nb_files_free(struct nb_files *f)
{
	free(f->urls);
	free(f->config);
	free(f->cache);
}

/* Copy from to a new file to (0600); never over an existing one. */
static int
copy_new(const char *from, const char *to, struct err *err)
{
	char buf[65536];
	ssize_t n;
	int in, out, rc = -1;

	if (paths_mkdir_parents(to, err) == -1)
		return (-1);
	if ((in = open(from, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", from,
		    strerror(errno));
		return (-1);
	}
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0600)) == -1) {
		err_set(err, ERR_IO, "cannot create %s: %s", to,
		    strerror(errno));
		close(in);
		return (-1);
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			break;
	if (n == 0 && fsync(out) == 0)
		rc = 0;
	else
		err_set(err, ERR_IO, "cannot copy %s to %s: %s", from, to,
		    strerror(errno));
	close(in);
	if (close(out) == -1 && rc == 0) {
		err_set(err, ERR_IO, "cannot write %s: %s", to,
		    strerror(errno));
		rc = -1;
	}
	if (rc == -1)
		(void)unlink(to);
	return (rc);
}

static int
take_urls(const struct cmd_ctx *ctx, const char *from)
{
	struct err err = ERR_INIT;
	struct urls_list list;
	size_t added, skipped;
	char *to;
	int rc = -1;

	if ((to = cmd_urls_path(ctx)) == NULL) {
		cmd_warn("import-newsboat: no urls file (set HOME or use -u)");
		return (-1);
	}
	if (!is_file(to) && access(to, F_OK) != 0) {
		if ((rc = copy_new(from, to, &err)) == 0)
			cmd_warn("import-newsboat: urls: %s copied to %s",
			    from, to);
		goto out;
	}
	urls_list_init(&list);
	if (urls_load(from, &list, NULL, NULL, NULL, &err) == 0 &&
	    urls_append_list(to, &list, &added, &skipped, &err) == 0) {
		cmd_warn("import-newsboat: urls: %zu feed%s added to %s, "
		    "%zu already listed", added, added == 1 ? "" : "s", to,
		    skipped);
		rc = 0;
	}
	urls_list_free(&list);
out:
	if (rc == -1)
		cmd_warn("import-newsboat: urls: %s", err.msg);
	free(to);
	return (rc);
}

static int
take_config(const struct cmd_ctx *ctx, const char *from)
{
	struct err err = ERR_INIT;
	char *to;
	int rc = 0;

	if ((to = cmd_config_path(ctx)) == NULL)
		return (0);
	if (access(to, F_OK) == 0)
		cmd_warn("import-newsboat: config: %s kept as it is "
		    "(newsboat's is %s)", to, from);
	else if ((rc = copy_new(from, to, &err)) == 0)
		cmd_warn("import-newsboat: config: %s copied to %s", from, to);
	else
		cmd_warn("import-newsboat: config: %s", err.msg);
	free(to);
	return (rc);
}

static const char *
col(sqlite3_stmt *s, int i)
{
	const char *v = (const char *)sqlite3_column_text(s, i);

	return (v != NULL && v[0] != '\0' ? v : NULL);
}

static int
take_feeds(sqlite3 *nb, struct store *st, struct nb_counts *n,
    struct err *err)
{
	sqlite3_stmt *s;
	int64_t id;
	int step, rc = -1;

	if (sqlite3_prepare_v2(nb, "SELECT rssurl, url, title FROM rss_feed"
	    " ORDER BY rowid", -1, &s, NULL) != SQLITE_OK) {
		err_set(err, ERR_DB, "not a newsboat cache: %s",
		    sqlite3_errmsg(nb));
		return (-1);
	}
	if (store_begin(st, err) == -1)
		goto out;
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *url = col(s, 0);

		if (url == NULL || strncmp(url, "query:", 6) == 0)
			continue;
		if ((id = store_feed_find(st, url, err)) == -1)
			break;
		if (id == 0) {
			if ((id = store_feed_ensure(st, url, err)) == -1 ||
			    store_feed_set_meta(st, id, col(s, 2), col(s, 1),
			    err) == -1)
				break;
		}
		n->feeds++;
	}
	if (step != SQLITE_DONE) {
		if (step != SQLITE_ROW)
			err_set(err, ERR_DB, "cannot read the newsboat "
			    "cache: %s", sqlite3_errmsg(nb));
		store_rollback(st);
		goto out;
	}
	rc = store_commit(st, err);
out:
	sqlite3_finalize(s);
	return (rc);
}

/* One newsboat article into the store, with its read state and flags. */
static int
take_item(struct store *st, int64_t feed_id, sqlite3_stmt *s, int64_t now,
    struct nb_counts *n, struct err *err)
{
	struct enclosure enc;
	struct item it;
	enum store_upsert res;
	const char *flags = col(s, 10);
	bool read, deleted = sqlite3_column_int(s, 11) != 0;

	item_init(&it);
	it.guid = (char *)col(s, 1);
	it.title = (char *)col(s, 2);
	it.author = (char *)col(s, 3);
	it.link = (char *)col(s, 4);
	it.published = sqlite3_column_int64(s, 5) > 0 ?
	    sqlite3_column_int64(s, 5) : ITEM_NO_DATE;
	it.content_type = "html";
	it.content = (char *)col(s, 6);
	if (col(s, 8) != NULL) {
		enc.url = (char *)col(s, 8);
		enc.type = (char *)col(s, 9);
		enc.length = -1;
		it.enclosures = &enc;
		it.n_enclosures = 1;
	}
	if (it.guid == NULL)
		return (0);
	/* Deleted in newsboat: deleted here, for good. */
	if (deleted) {
		if (store_item_delete_guid(st, feed_id, it.guid, err) == -1)
			return (-1);
		n->deleted++;
		return (0);
	}
	read = sqlite3_column_int(s, 7) == 0;
	/* Its letters too (newsboat's flags, ^E here). */
	if (store_item_upsert(st, feed_id, &it, now, &res, err) == -1 ||
	    store_item_mark(st, feed_id, it.guid, read, flags != NULL,
	    err) == -1 || (flags != NULL &&
	    store_item_flags_put(st, feed_id, it.guid, flags, err) == -1))
		return (-1);
	n->items++;
	n->added += res == STORE_UPSERT_NEW;
	n->read += read;
	n->flagged += flags != NULL;
	return (0);
}

static int
take_items(sqlite3 *nb, struct store *st, struct nb_counts *n,
    struct err *err)
{
	sqlite3_stmt *s;
	char *feed = NULL;
	int64_t feed_id = 0, now = (int64_t)time(NULL), batch = 0;
	int step, rc = -1;

	if (sqlite3_prepare_v2(nb, "SELECT feedurl, guid, title, author, url,"
	    " pubDate, content, unread, enclosure_url, enclosure_type, flags,"
	    " deleted FROM rss_item WHERE feedurl NOT LIKE 'query:%'"
	    " ORDER BY feedurl, id", -1, &s, NULL) != SQLITE_OK) {
		err_set(err, ERR_DB, "not a newsboat cache: %s",
		    sqlite3_errmsg(nb));
		return (-1);
	}
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *url = col(s, 0);

		if (url == NULL)
			continue;
		if (batch == 0 && store_begin(st, err) == -1)
			goto out;
		if (feed == NULL || strcmp(feed, url) != 0) {
			free(feed);
			feed = xstrdup(url);
			if ((feed_id = store_feed_ensure(st, url, err)) == -1)
				break;
		}
		if (take_item(st, feed_id, s, now, n, err) == -1)
			break;
		if (++batch == BATCH) {
			batch = 0;
			if (store_commit(st, err) == -1)
				goto out;
		}
	}
	if (step != SQLITE_DONE) {
		if (step != SQLITE_ROW)
			err_set(err, ERR_DB, "cannot read the newsboat "
			    "cache: %s", sqlite3_errmsg(nb));
		if (batch > 0)
			store_rollback(st);
		goto out;
	}
	rc = batch > 0 ? store_commit(st, err) : 0;
out:
	free(feed);
	sqlite3_finalize(s);
	return (rc);
}

/* 0, -1 failed (said), -2 the database is damaged (said). */
static int
take_cache(const struct cmd_ctx *ctx, const char *path)
{
	struct err err = ERR_INIT;
	struct nb_counts n;
	struct store *st = NULL;
	sqlite3 *nb = NULL;
	char *db_path;
	int rc = -1;

	memset(&n, 0, sizeof(n));
	if ((db_path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("import-newsboat: no database path (set HOME or "
		    "use -d)");
		return (-1);
	}
	if (sqlite3_open_v2(path, &nb, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		err_set(&err, ERR_DB, "cannot open %s: %s", path,
		    sqlite3_errmsg(nb));
		goto out;
	}
	(void)sqlite3_busy_timeout(nb, 5000);
	if ((st = store_open(db_path, STORE_CREATE, &err)) == NULL ||
	    take_feeds(nb, st, &n, &err) == -1 ||
	    take_items(nb, st, &n, &err) == -1)
		goto out;
	if (search_sync(st, &err) == -1)
		goto out;
	cmd_warn("import-newsboat: %s: %lld feeds, %lld articles (%lld new, "
	    "%lld read, %lld flagged)", path, (long long)n.feeds,
	    (long long)n.items, (long long)n.added, (long long)n.read,
	    (long long)n.flagged);
	if (n.deleted > 0)
		cmd_warn("import-newsboat: %lld articles deleted in newsboat "
		    "are deleted here too (their feeds will not bring them "
		    "back)", (long long)n.deleted);
	rc = 0;
out:
	if (rc == -1)
		cmd_store_warn(st, "import-newsboat: ", &err);
	/* A damaged database: -2, the command exits 2. */
	if (cmd_store_close(st, "import-newsboat: ", 0) != 0)
		rc = -2;
	sqlite3_close(nb);
	free(db_path);
	return (rc);
}

int
cmd_import_newsboat(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct nb_files f;
	int found = 0, failed = 0, r = 0;

	if (argc > 2) {
		fprintf(stderr, "usage: gazette import-newsboat [DIR]\n");
		return (CMD_EXIT_USAGE);
	}
	find_files(argc == 2 ? argv[1] : NULL, &f);
	if (is_file(f.urls) && ++found)
		failed += take_urls(ctx, f.urls) == -1;
	if (is_file(f.config) && ++found)
		failed += take_config(ctx, f.config) == -1;
	if (is_file(f.cache) && ++found)
		failed += (r = take_cache(ctx, f.cache)) < 0;
	if (found == 0)
		cmd_warn("import-newsboat: no newsboat files (%s, %s, %s)",
		    f.urls, f.config, f.cache);
	nb_files_free(&f);
	if (found == 0 || r == -2)
		return (CMD_EXIT_USAGE);
	return (failed == 0 ? CMD_EXIT_OK :
	    failed == found ? CMD_EXIT_USAGE : CMD_EXIT_FAIL);
}

struct export_ctx {
	FILE	*fp;
	int64_t	 n, skipped;
};

static void
export_one(void *arg, const char *guid)
{
	struct export_ctx *x = arg;

	/* One guid a line: a guid that would break the line stays out. */
	if (guid == NULL || guid[strcspn(guid, "\r\n")] != '\0') {
		x->skipped++;
		return;
	}
	fprintf(x->fp, "%s\n", guid);
	x->n++;
}

int
cmd_export_read(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct export_ctx x = { NULL, 0, 0 };
	struct store *st = NULL;
	char *db_path = NULL;
	int status = CMD_EXIT_USAGE;

	if (argc != 2) {
		fprintf(stderr, "usage: gazette export-read FILE\n");
		return (CMD_EXIT_USAGE);
	}
	if ((db_path = cmd_db_path(ctx)) == NULL ||
	    (st = store_open(db_path, STORE_READONLY, &err)) == NULL) {
		cmd_warn("export-read: %s", err_isset(&err) ? err.msg :
		    "no database path (set HOME or use -d)");
		goto out;
	}
	x.fp = strcmp(argv[1], "-") == 0 ? stdout : fopen(argv[1], "w");
	if (x.fp == NULL) {
		cmd_warn("export-read: cannot create %s: %s", argv[1],
		    strerror(errno));
		goto out;
	}
	if (store_read_guids(st, export_one, &x, &err) == -1)
		cmd_store_warn(st, "export-read: ", &err);
	else if (fflush(x.fp) == EOF || ferror(x.fp))
		cmd_warn("export-read: cannot write %s: %s", argv[1],
		    strerror(errno));
	else {
		cmd_warn("export-read: %lld read articles", (long long)x.n);
		if (x.skipped > 0)
			cmd_warn("export-read: %lld left out (a line break in "
			    "the guid)", (long long)x.skipped);
		status = CMD_EXIT_OK;
	}
	if (x.fp != stdout && fclose(x.fp) == EOF && status == CMD_EXIT_OK) {
		cmd_warn("export-read: cannot write %s: %s", argv[1],
		    strerror(errno));
		status = CMD_EXIT_USAGE;
	}
out:
	status = cmd_store_close(st, "export-read: ", status);
	free(db_path);
	return (status);
}

/* The lines of a read list, trailing white space removed. */
static int
read_lines(const char *path, char ***linesp, size_t *np, struct err *err)
{
	struct stat sb;
	FILE *fp;
	char *line = NULL, **lines = NULL;
	size_t cap = 0, n = 0, alloc = 0;
	ssize_t len;
	int fd;

	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK)) == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", path,
		    strerror(errno));
		return (-1);
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    sb.st_size > READLIST_MAX) {
		err_set(err, ERR_IO, "%s: not a regular file of at most %ld "
		    "MB", path, READLIST_MAX / (1024 * 1024));
		close(fd);
		return (-1);
	}
	if ((fp = fdopen(fd, "r")) == NULL) {
		close(fd);
		err_set(err, ERR_IO, "cannot read %s", path);
		return (-1);
	}
	while ((len = getline(&line, &cap, fp)) != -1) {
		while (len > 0 && strchr(" \t\r\n", line[len - 1]) != NULL)
			line[--len] = '\0';
		if (len == 0)
			continue;
		if (n == alloc) {
			alloc = alloc == 0 ? 1024 : alloc * 2;
			lines = xreallocarray(lines, alloc, sizeof(*lines));
		}
		lines[n++] = xstrdup(line);
	}
	free(line);
	fclose(fp);
	*linesp = lines;
	*np = n;
	return (0);
}

int
cmd_import_read(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct store *st = NULL;
	char *db_path = NULL, **lines = NULL;
	size_t n = 0, i;
	int64_t marked, unknown;
	int status = CMD_EXIT_USAGE;

	if (argc != 2) {
		fprintf(stderr, "usage: gazette import-read FILE\n");
		return (CMD_EXIT_USAGE);
	}
	if (read_lines(argv[1], &lines, &n, &err) == -1 ||
	    (db_path = cmd_db_path(ctx)) == NULL ||
	    (st = store_open(db_path, STORE_CREATE, &err)) == NULL ||
	    store_mark_read_guids(st, lines, n, &marked, &unknown,
	    &err) == -1) {
		if (st != NULL)
			cmd_store_warn(st, "import-read: ", &err);
		else
			cmd_warn("import-read: %s", err_isset(&err) ? err.msg :
			    "no database path (set HOME or use -d)");
		goto out;
	}
	cmd_warn("import-read: %lld articles marked read; %lld of %zu lines "
	    "match no article", (long long)marked, (long long)unknown, n);
	status = CMD_EXIT_OK;
out:
	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	status = cmd_store_close(st, "import-read: ", status);
	free(db_path);
	return (status);
}
