/*
 * cmd_ui: `gazette [-u URLS] [-c CONFIG] [-d DBFILE]` runs the interface;
 * `gazette --demo` runs it on the bundled demo feeds in a throwaway data
 * directory (mkdtemp, removed on exit).
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "conf.h"
#include "keymap.h"
#include "killfile.h"
#include "paths.h"
#include "store.h"
#include "store_sync.h"
#include "sync.h"
#include "ui.h"
#include "xmalloc.h"

/*
 * newsboat's cleanup-on-quit (the feeds gone from the urls file, with
 * their articles) and delete-read-articles-on-quit, each on its own.
 */
static void
quit_cleanup(struct store *st, const struct conf *cfg)
{
	struct err err = ERR_INIT;
	int64_t feeds, items;

	if (store_damaged(st))
		return;
	if ((cfg->cleanup_on_quit &&
	    store_cleanup_gone(st, &feeds, &items, &err) == -1) ||
	    (cfg->delete_read_on_quit && store_delete_read(st, &err) == -1))
		cmd_store_warn(st, "quit: cleanup: ", &err);
}

struct warn_state {
	unsigned	 n;
	char		 first[300];
};

static void
print_warning(void *arg, const char *file, unsigned line, const char *msg)
{
	struct warn_state *w = arg;

	if (line == 0)	/* the count of problems not shown */
		cmd_warn("%s: %s", file, msg);
	else
		cmd_warn("%s:%u: %s", file, line, msg);
	if (w->n++ == 0)
		snprintf(w->first, sizeof(w->first), "%s:%u: %s", file, line,
		    msg);
}

static void
print_skip(void *arg, const char *line)
{
	(void)arg;
	cmd_warn("  %s", line);
}

/*
 * The one warning about the lines gazette accepts without applying, and
 * those it applies with a meaning of its own: on standard error before
 * the interface starts, and in the help view (ui_help.c); *msg gets its
 * short form for the status line, naming the key that shows the list.
 */
static void
warn_skips(const struct conf *cfg, char *msg, size_t len)
{
	struct buf key, m;

	if (cfg->n_skips == 0 && cfg->n_diffs == 0)
		return;
	if (cfg->n_skips > 0) {
		cmd_warn("%zu config line%s not applied (what gazette does "
		    "instead):", cfg->n_skips, cfg->n_skips == 1 ? "" : "s");
		conf_skips_each(cfg, print_skip, NULL);
	}
	if (cfg->n_diffs > 0) {
		cmd_warn("%zu config line%s applied unlike newsboat (what "
		    "differs):", cfg->n_diffs, cfg->n_diffs == 1 ? "" : "s");
		conf_differs_each(cfg, print_skip, NULL);
	}
	buf_init(&key, 256);
	buf_init(&m, BUF_CAP_TEXT);
	if (keymap_keys_for(&cfg->keymap, KEYMAP_CTX_FEEDS, KEYMAP_HELP,
	    &key) > 0) {
		key.len = strcspn(buf_str(&key), ",");
		key.data[key.len] = '\0';
	}
	if (cfg->n_skips > 0)
		(void)buf_addf(&m, "%zu config line%s not applied",
		    cfg->n_skips, cfg->n_skips == 1 ? "" : "s");
	if (cfg->n_diffs > 0)
		(void)buf_addf(&m, "%s%zu %sapplied unlike newsboat",
		    cfg->n_skips > 0 ? ", " : "", cfg->n_diffs,
		    cfg->n_skips > 0 ? "" : cfg->n_diffs == 1 ?
		    "config line " : "config lines ");
	(void)buf_addf(&m, ": %s%s lists them", key.len > 0 ? buf_str(&key) :
	    "help", key.len > 0 ? " (help)" : "");
	snprintf(msg, len, "%s", buf_str(&m));
	buf_free(&m);
	buf_free(&key);
}

static bool
is_feed_file(const char *name)
{
	static const char *const exts[] = { ".xml", ".atom", ".rss", ".rdf",
	    ".json" };
	size_t i, n = strlen(name), e;

	if (name[0] == '.')
		return (false);
	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		e = strlen(exts[i]);
		if (n > e && strcmp(name + n - e, exts[i]) == 0)
			return (true);
	}
	return (false);
}

static int
compare_names(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* A urls file naming every demo feed as a file:// URL. */
static int
write_demo_urls(const char *urls, struct err *err)
{
	const char *dir = paths_demo_dir();
	char real[4096], **names = NULL;
	struct dirent *de;
	size_t n = 0, i;
	FILE *fp;
	DIR *d;

	if (realpath(dir, real) == NULL || (d = opendir(real)) == NULL) {
		err_set(err, ERR_IO, "demo feeds %s: %s", dir, strerror(errno));
		return (-1);
	}
	while ((de = readdir(d)) != NULL) {
		if (!is_feed_file(de->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	if ((fp = fopen(urls, "w")) == NULL) {
		err_set(err, ERR_IO, "%s: %s", urls, strerror(errno));
		n = 0;
	}
	for (i = 0; i < n; i++)
		fprintf(fp, "file://%s/%s demo\n", real, names[i]);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (fp == NULL)
		return (-1);
	if (fclose(fp) != 0) {
		err_set(err, ERR_IO, "%s: write error", urls);
		return (-1);
	}
	return (0);
}

/* Run `gazette -u URLS -d DB refresh --quiet` and wait for it. */
static int
refresh_blocking(const char *urls, const char *db)
{
	char *argv[] = { (char *)"gazette", (char *)"-u", (char *)urls,
	    (char *)"-d", (char *)db, (char *)"refresh", (char *)"--quiet",
	    NULL };
	int status, null;
	pid_t pid;

	if ((pid = fork()) == -1)
		return (-1);
	if (pid == 0) {
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, 0);
			dup2(null, 1);
		}
		execv("/proc/self/exe", argv);
		execvp("gazette", argv);	/* no /proc: the one in PATH */
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return (-1);
	return (WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

static void
remove_dir(const char *dir)
{
	struct dirent *de;
	struct buf path;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return;
	buf_init(&path, 8192);
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		buf_reset(&path);
		(void)buf_addf(&path, "%s/%s", dir, de->d_name);
		(void)unlink(buf_str(&path));
	}
	closedir(d);
	buf_free(&path);
	(void)rmdir(dir);
}

int
cmd_ui(struct cmd_ctx *ctx, bool demo)
{
	struct conf cfg;
	struct ui_opts opts;
	struct warn_state warns;
	struct err err = ERR_INIT;
	struct store *st = NULL;
	char *config_path = NULL, *urls = NULL, *db = NULL, *demo_dir = NULL;
	char tmpl[4096], msg[400], skipmsg[300] = "";
	const char *tmp;
	int rc = CMD_EXIT_USAGE, r;

	if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
		cmd_warn("the interface needs a terminal (standard %s is not "
		    "one); for scripts, see gazette list and gazette search",
		    isatty(STDIN_FILENO) ? "output" : "input");
		return (CMD_EXIT_USAGE);
	}
	memset(&warns, 0, sizeof(warns));
	conf_init(&cfg);
	config_path = cmd_config_path(ctx);
	if (config_path != NULL && conf_load(&cfg, config_path,
	    ctx->config_path != NULL, print_warning, &warns, &err) < 0) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	warn_skips(&cfg, skipmsg, sizeof(skipmsg));
	if (demo) {
		tmp = getenv("TMPDIR");
		snprintf(tmpl, sizeof(tmpl), "%s/gazette-demo.XXXXXX",
		    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
		if ((demo_dir = mkdtemp(tmpl)) == NULL) {
			cmd_warn("%s: %s", tmpl, strerror(errno));
			goto out;
		}
		demo_dir = xstrdup(demo_dir);
		urls = xmalloc(strlen(demo_dir) + 16);
		snprintf(urls, strlen(demo_dir) + 16, "%s/urls", demo_dir);
		db = xmalloc(strlen(demo_dir) + 16);
		snprintf(db, strlen(demo_dir) + 16, "%s/gazette.db", demo_dir);
		if (write_demo_urls(urls, &err) < 0) {
			cmd_warn("%s", err.msg);
			goto out;
		}
		fprintf(stderr, "gazette: loading the demo feeds...\n");
		if ((r = refresh_blocking(urls, db)) != 0 && r != 1) {
			cmd_warn("the demo refresh failed (status %d)", r);
			goto out;
		}
	} else {
		urls = cmd_urls_path(ctx);
		db = cmd_db_path(ctx);
		if (db == NULL) {
			cmd_warn("no database path (is HOME set?)");
			goto out;
		}
		if (paths_mkdir_parents(db, &err) < 0) {
			cmd_warn("%s", err.msg);
			goto out;
		}
	}
	if ((st = store_open(db, STORE_CREATE, &err)) == NULL) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	/* The killfile hides what it matches, whatever ignore-mode says. */
	if (store_set_hide(st, killfile_where(cfg.killfile), &err) == -1) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	/* Not in sync mode (any more): nothing is queued for a server. */
	if (!sync_enabled(&cfg) && store_sync_set_on(st, false, &err) == -1) {
		cmd_warn("%s", err.msg);
		goto out;
	}
	memset(&opts, 0, sizeof(opts));
	opts.cfg = &cfg;
	opts.store = st;
	opts.urls_path = urls;
	opts.db_path = db;
	opts.config_path = config_path;
	if (warns.n > 0) {
		snprintf(msg, sizeof(msg), "config: %s%s%s%s", warns.first,
		    warns.n > 1 ? " (and more)" : "",
		    skipmsg[0] != '\0' ? "; " : "", skipmsg);
		opts.message = msg;
	} else if (skipmsg[0] != '\0')
		opts.message = skipmsg;
	else if (demo)
		opts.message = "demo: a throwaway copy, removed when you quit "
		    "(? shows the keys)";
	if (ui_run(&opts) < 0) {
		cmd_warn("cannot use this terminal (TERM=%s)",
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		goto out;
	}
	rc = CMD_EXIT_OK;
	if (!demo)
		quit_cleanup(st, &cfg);
out:
	rc = cmd_store_close(st, "", rc);
	if (demo_dir != NULL)
		remove_dir(demo_dir);
	free(demo_dir);
	free(urls);
	free(db);
	free(config_path);
	conf_free(&cfg);
	return (rc);
}
