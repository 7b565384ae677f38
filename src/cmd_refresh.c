/*
 * cmd_refresh: gazette refresh [--quiet] [--jobs N] [--force] [URL...].
 *
 * Without URLs, every feed is fetched and the store learns which feeds
 * the urls file lists: the others are marked gone (urls_store.h).
 *
 * With URLs, only those feeds, each with its own urls line (tags,
 * "~Title", settings); a URL the urls file does not list is fetched with
 * the defaults (the interface's r refreshes the selected feed so).
 * On a terminal one live progress line; otherwise silent except errors.
 * Each failing feed is named on stderr with its reason (a 429/503 says
 * which host is left alone until when), except those the database lost
 * (a full disk: said once, with their count); one summary line at the
 * end unless --quiet, counting what was stored, and apart the feeds
 * skipped because their host asked to back off.  Exit 0 all fine, 1
 * some feeds failed, or could not be stored, or the search index could
 * not be updated, 2 nothing could be done (no urls, database unusable),
 * 3 another refresh holds the lock.
 *
 * The config's fetcher settings apply (newsboat's reload-threads,
 * download-timeout, download-retries, user-agent, use-proxy, proxy,
 * proxy-type, proxy-auth); --jobs wins over reload-threads.  The config's
 * problems are the interface's and check-config's to report: a cron job
 * stays quiet.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "conf.h"
#include "fetch.h"
#include "fetch_opts.h"
#include "killfile.h"
#include "notify.h"
#include "podcast.h"
#include "refresh.h"
#include "store.h"
#include "store_sync.h"
#include "sync.h"
#include "urls.h"
#include "urls_store.h"

struct progress {
	struct store	*st;
	bool		 tty;
	bool		 quiet;
	bool		 line_shown;
	size_t		 new_feeds;	/* feeds with new articles */
	size_t		 jobs;		/* feeds fetched at once */
	struct timespec	 last;
	int		 errlog;	/* error-log's fd, or -1 */
};

static void
clear_line(struct progress *pg)
{
	if (pg->line_shown) {
		fputs("\r\033[K", stderr);
		pg->line_shown = false;
	}
}

static void
show_progress(struct progress *pg, const struct refresh_stats *s, bool force)
{
	struct timespec now;
	long ms;

	if (!pg->tty || pg->quiet)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (now.tv_sec - pg->last.tv_sec) * 1000 +
	    (now.tv_nsec - pg->last.tv_nsec) / 1000000;
	/*
	 * At most ten lines a second, but every line once no more feeds
	 * are waiting to start: what stays on screen while the last slow
	 * feeds run must be the true count, not one the limit passed over.
	 */
	if (!force && ms < 100 && s->total - s->done > pg->jobs)
		return;
	pg->last = now;
	fprintf(stderr, "\r\033[Kgazette: refresh: %zu/%zu feeds, %zu new "
	    "article%s, %zu failed", s->done, s->total, s->new_items,
	    s->new_items == 1 ? "" : "s", s->failed);
	pg->line_shown = true;
	fflush(stderr);
}

static void
feed_done(void *ctx, const struct refresh_report *rep,
    const struct refresh_stats *s)
{
	struct progress *pg = ctx;

	if (rep->new_items > 0)
		pg->new_feeds++;
	/* A damaged database is said once, at the end; so is a full disk
	   (unsaved). */
	if (rep->outcome == REFRESH_FAILED && store_damaged(pg->st))
		return;
	if (rep->outcome == REFRESH_FAILED && !rep->unsaved) {
		fetch_errlog_write(pg->errlog, rep->url, rep->error);
		clear_line(pg);
		cmd_warn("refresh: %s: %s", rep->url, rep->error != NULL ?
		    rep->error : "failed");
	}
	if (rep->moved_to != NULL && !pg->quiet) {
		clear_line(pg);
		cmd_warn("refresh: %s: moved permanently to %s (urls file "
		    "left as it is)", rep->url, rep->moved_to);
	}
	show_progress(pg, s, rep->outcome == REFRESH_FAILED);
}

/* Keep only the feeds named by want[0..n-1]; -1 for a URL gazette
   cannot read. */
static int
select_feeds(struct urls_list *urls, char **want, int n)
{
	struct urls_list sel;
	struct urls_feed bare;
	enum urls_kind kind;
	long k;
	int i;

	urls_list_init(&sel);
	for (i = 0; i < n; i++) {
		if (urls_find(&sel, want[i]) != -1)
			continue;
		if ((k = urls_find(urls, want[i])) != -1) {
			urls_list_add(&sel, &urls->feeds[k]);
			continue;
		}
		if (urls_kind_of(want[i], &kind) == -1) {
			cmd_warn("refresh: not a feed URL gazette can read: "
			    "%s", want[i]);
			urls_list_free(&sel);
			return (-1);
		}
		urls_feed_init(&bare);
		bare.url = want[i];
		bare.kind = kind;
		urls_list_add(&sel, &bare);
	}
	urls_list_free(urls);
	*urls = sel;
	return (0);
}

static int
parse_jobs(const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > 1024)
		return (-1);
	*out = (int)v;
	return (0);
}

int
cmd_refresh(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	struct refresh_opts opts;
	struct refresh_cb cb;
	struct refresh_stats stats;
	struct progress pg;
	struct err err = ERR_INIT;
	struct urls_list urls;
	struct store *st = NULL;
	struct conf cfg;
	struct fetch_opts fo;
	char *urls_path = NULL, *db_path = NULL, *config_path, *proxy = NULL;
	char *cookie_path = NULL;
	bool missing;
	int64_t started;
	int ch, lockfd = -1, status = CMD_EXIT_USAGE;

	memset(&pg, 0, sizeof(pg));
	pg.errlog = -1;
	memset(&opts, 0, sizeof(opts));
	while ((ch = getopt_long(argc, argv, "qj:f", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			pg.quiet = true;
			break;
		case 'j':
			if (parse_jobs(optarg, &opts.jobs) == -1) {
				cmd_warn("refresh: --jobs wants a number "
				    "from 1 to 1024");
				return (CMD_EXIT_USAGE);
			}
			break;
		case 'f':
			opts.force = true;
			break;
		default:
			fprintf(stderr, "usage: gazette refresh [--quiet] "
			    "[--jobs N] [--force] [URL...]\n");
			return (CMD_EXIT_USAGE);
		}
	}
	pg.tty = isatty(STDERR_FILENO) == 1;
	conf_init(&cfg);
	if ((config_path = cmd_config_path(ctx)) != NULL &&
	    conf_load(&cfg, config_path, ctx->config_path != NULL, NULL, NULL,
	    &err) == -1) {
		cmd_warn("refresh: %s", err.msg);
		if (ctx->config_path != NULL) {
			free(config_path);
			conf_free(&cfg);
			return (CMD_EXIT_USAGE);
		}
		err_clear(&err);
	}
	free(config_path);
	if (opts.jobs == 0)
		opts.jobs = cfg.reload_threads;
	pg.jobs = opts.jobs > 0 ? (size_t)opts.jobs : FETCH_DEFAULT_JOBS;
	opts.attempts = cfg.download_retries;
	opts.keep_days = cfg.keep_articles_days;
	opts.description = cfg.always_display_description;
	opts.timeout = cfg.download_timeout;
	if (cfg.user_agent[0] != '\0')
		opts.user_agent = cfg.user_agent;
	/* The killfile: with ignore-mode display, the readers hide. */
	if (cfg.ignore_mode == CONF_IGNORE_DOWNLOAD)
		opts.ignore = killfile_where(cfg.killfile);
	if ((proxy = conf_proxy_url(&cfg)) != NULL) {
		opts.proxy = proxy;
		if (cfg.proxy_auth[0] != '\0')
			opts.proxy_auth = cfg.proxy_auth;
	}
	/* newsboat's max-download-speed, auth methods, cookie-cache,
	   always-download, reset-unread-on-update and error-log. */
	fetch_opts_from_conf(&fo, &cfg, &cookie_path);
	opts.fetch = &fo;
	opts.always_download = cfg.always_download;
	opts.reset_unread = cfg.reset_unread_on_update;
	if (cfg.error_log[0] != '\0' && (pg.errlog =
	    fetch_errlog_open(cfg.error_log, &err)) == -1) {
		cmd_warn("refresh: %s", err.msg);
		err_clear(&err);
	}
	urls_list_init(&urls);
	if (sync_enabled(&cfg)) {
		status = sync_refresh(ctx, &cfg, pg.quiet);
		goto out;
	}
	urls_path = cmd_urls_path(ctx);
	db_path = cmd_db_path(ctx);
	if (urls_path == NULL || db_path == NULL) {
		cmd_warn("refresh: no urls file or database path (set HOME)");
		goto out;
	}
	if (urls_load(urls_path, &urls, &missing, NULL, NULL, &err) == -1) {
		if (missing)
			cmd_warn("refresh: no urls file (%s): add feeds with "
			    "'gazette add URL'", urls_path);
		else
			cmd_warn("refresh: %s", err.msg);
		goto out;
	}
	if (optind < argc && select_feeds(&urls, argv + optind,
	    argc - optind) == -1)
		goto out;
	if (urls.n == 0) {
		cmd_warn("refresh: no feeds in %s", urls_path);
		goto out;
	}
	if ((lockfd = refresh_lock(db_path, &err)) == -1) {
		cmd_warn("refresh: %s", err.msg);
		if (err.code == ERR_LOCKED)
			status = CMD_EXIT_LOCKED;
		goto out;
	}
	if ((st = store_open(db_path, STORE_CREATE, &err)) == NULL) {
		cmd_warn("refresh: %s", err.msg);
		goto out;
	}
	pg.st = st;
	/* Not in sync mode (any more): nothing is queued for a server. */
	if (store_sync_set_on(st, false, &err) == -1) {
		cmd_store_warn(st, "refresh: ", &err);
		goto out;
	}
	/* Feeds no longer listed leave every view (their articles stay). */
	if (optind == argc && urls_store_sync(st, &urls, NULL, &err) == -1) {
		cmd_warn("refresh: %s", err.msg);
		goto out;
	}
	cb.ctx = &pg;
	cb.feed_done = feed_done;
	started = (int64_t)time(NULL);
	if (refresh_run(st, &urls, &opts, &cb, &stats, &err) == -1) {
		clear_line(&pg);
		cmd_store_warn(st, "refresh: ", &err);
		goto out;
	}
	clear_line(&pg);
	if (store_damage_error(st, NULL) == -1)
		goto out;	/* said by cmd_store_close, exit 2 */
	if (stats.flush_error[0] != '\0' && stats.unsaved > 0)
		cmd_warn("refresh: %s: %zu feed%s not stored (fetched again "
		    "next time)", stats.flush_error, stats.unsaved,
		    stats.unsaved == 1 ? "" : "s");
	else if (stats.flush_error[0] != '\0')
		cmd_warn("refresh: %s", stats.flush_error);
	if (stats.cookie_error[0] != '\0')
		cmd_warn("refresh: %s", stats.cookie_error);
	if (stats.search_error[0] != '\0' && stats.search_full &&
	    stats.disk_full)
		cmd_warn("refresh: search index not updated either");
	else if (stats.search_error[0] != '\0')
		cmd_warn("refresh: search index not updated: %s",
		    stats.search_error);
	if (!pg.quiet) {
		fprintf(stderr, "gazette: refresh: %zu feed%s: %zu fetched, "
		    "%zu new article%s", stats.total, stats.total == 1 ? "" :
		    "s", stats.fetched, stats.new_items,
		    stats.new_items == 1 ? "" : "s");
		/* Only with a killfile that kept some out. */
		if (stats.ignored > 0)
			fprintf(stderr, ", %zu ignored", stats.ignored);
		fprintf(stderr, ", %zu not modified, %zu skipped",
		    stats.not_modified, stats.skipped);
		if (stats.backoff > 0)
			fprintf(stderr, " (%zu backing off)", stats.backoff);
		fprintf(stderr, ", %zu failed\n", stats.failed);
	}
	/* newsboat's notify-program and notify-beep. */
	if (notify_refresh(st, &cfg, stats.new_items, pg.new_feeds, pg.tty,
	    &err) == -1) {
		cmd_warn("refresh: notify-program: %s", err.msg);
		err_clear(&err);
	}
	/* newsboat's podcast-auto-enqueue: the new articles' podcasts. */
	if (cfg.podcast_auto_enqueue && podcast_auto_enqueue(&cfg, st,
	    db_path, started, &err) == -1) {
		cmd_warn("refresh: podcast-auto-enqueue: %s", err.msg);
		err_clear(&err);
	}
	/* A full disk is not "nothing could be done": it passes. */
	if (stats.db_failed && stats.fetched + stats.not_modified == 0 &&
	    stats.failed > 0)
		status = CMD_EXIT_USAGE;
	else if (stats.failed > 0 || stats.flush_error[0] != '\0' ||
	    stats.search_error[0] != '\0')
		status = CMD_EXIT_FAIL;
	else
		status = CMD_EXIT_OK;
out:
	status = cmd_store_close(st, "refresh: ", status);
	refresh_unlock(lockfd);
	urls_list_free(&urls);
	free(urls_path);
	free(db_path);
	free(proxy);
	free(cookie_path);
	fetch_errlog_close(pg.errlog);
	conf_free(&cfg);
	return (status);
}
