/*
 * cmd_podboat: `gazette podboat`, newsboat's podboat without its screen:
 * it downloads the podcasts queued by e (or podcast-auto-enqueue) and
 * exits, for a shell or cron.  The name is podboat's because newsboat
 * users know it and the queue is podboat's (podcast.h).
 *
 *	gazette podboat [--quiet] [--jobs N] [URL...]
 *						download every queued file
 *						(or those of these URLs)
 *	gazette podboat --list			print the queue
 *	gazette podboat --purge			drop played and finished
 *						entries (and, with
 *						delete-played-files, their
 *						files)
 *
 * Exit status: 0 every queued file downloaded (or none queued), 1 some
 * failed (each named on stderr with the reason; a partial file is kept
 * and resumed next time), 2 usage error or unreadable queue, 3 another
 * gazette podboat is downloading this queue.
 */
#include "config.h"

#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cmd.h"
#include "conf.h"
#include "fetch_opts.h"
#include "podcast.h"
#include "podcast_dl.h"
#include "text.h"

struct pb_ctx {
	bool	quiet;
};

static void
pb_done(void *arg, const char *url, const char *path, bool ok,
    const char *why)
{
	struct pb_ctx *c = arg;

	if (ok && !c->quiet)
		cmd_warn("podboat: downloaded %s", path);
	else if (!ok)
		cmd_warn("podboat: %s: %s", url, why);
}

/* Only one downloader a queue: flock on QUEUE.download. */
static int
dl_lock(const char *queue, struct err *err)
{
	struct buf b;
	int fd;

	buf_init(&b, SIZE_MAX);
	(void)buf_addf(&b, "%s.download", queue);
	if ((fd = open(buf_str(&b), O_RDWR | O_CREAT | O_CLOEXEC,
	    0600)) == -1) {
		err_set(err, ERR_IO, "%s: %s", buf_str(&b), strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			err_set(err, ERR_LOCKED, "another gazette podboat is "
			    "downloading this queue");
		else
			err_set(err, ERR_IO, "%s: %s", buf_str(&b),
			    strerror(errno));
		close(fd);
		fd = -1;
	}
	buf_free(&b);
	return (fd);
}

static int
list_queue(const char *queue)
{
	struct err err = ERR_INIT;
	struct podcast_queue q;
	char *u, *p;
	size_t i;
	int lock;

	if ((lock = podcast_queue_lock(queue, &err)) == -1 ||
	    podcast_queue_load(queue, &q, &err) == -1) {
		podcast_queue_unlock(lock);
		cmd_warn("podboat: %s", err.msg);
		return (CMD_EXIT_USAGE);
	}
	podcast_queue_unlock(lock);
	for (i = 0; i < q.n; i++) {
		if (q.e[i].path == NULL)
			continue;
		u = text_sanitize(q.e[i].url, 0);
		p = text_sanitize(q.e[i].path, 0);
		printf("%-10s %s %s\n", podcast_state_name(q.e[i].state), p, u);
		free(u);
		free(p);
	}
	podcast_queue_free(&q);
	return (fflush(stdout) == 0 ? CMD_EXIT_OK : CMD_EXIT_FAIL);
}

static int
purge_queue(const char *queue, const struct conf *cfg, bool quiet)
{
	struct err err = ERR_INIT;
	struct podcast_queue q;
	size_t i, k, removed = 0;
	int lock, rc = CMD_EXIT_OK;

	if ((lock = podcast_queue_lock(queue, &err)) == -1 ||
	    podcast_queue_load(queue, &q, &err) == -1) {
		podcast_queue_unlock(lock);
		cmd_warn("podboat: %s", err.msg);
		return (CMD_EXIT_USAGE);
	}
	for (i = k = 0; i < q.n; i++) {
		if (q.e[i].path != NULL && (q.e[i].state == PODCAST_PLAYED ||
		    q.e[i].state == PODCAST_FINISHED)) {
			if (cfg->delete_played_files &&
			    unlink(q.e[i].path) == -1 && errno != ENOENT) {
				cmd_warn("podboat: %s: %s", q.e[i].path,
				    strerror(errno));
				rc = CMD_EXIT_FAIL;
			}
			free(q.e[i].url);
			free(q.e[i].path);
			free(q.e[i].line);
			removed++;
			continue;
		}
		q.e[k++] = q.e[i];
	}
	q.n = k;
	if (removed > 0 && podcast_queue_save(queue, &q, &err) == -1) {
		cmd_warn("podboat: %s", err.msg);
		rc = CMD_EXIT_USAGE;
	} else if (!quiet)
		cmd_warn("podboat: %zu entr%s removed from the queue", removed,
		    removed == 1 ? "y" : "ies");
	podcast_queue_free(&q);
	podcast_queue_unlock(lock);
	return (rc);
}

int
cmd_podboat(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "list", no_argument, NULL, 'l' },
		{ "purge", no_argument, NULL, 'P' },
		{ NULL, 0, NULL, 0 }
	};
	struct podcast_dl_opts o;
	struct podcast_dl_stats stats;
	struct fetch_opts fo;
	struct pb_ctx pc = { false };
	struct err err = ERR_INIT;
	struct conf cfg;
	char *config_path, *db_path = NULL, *queue = NULL, *proxy = NULL, *end;
	char *cookie_path = NULL;
	bool list = false, purge = false;
	long jobs = 0;
	int ch, lock = -1, rc = CMD_EXIT_USAGE;

	while ((ch = getopt_long(argc, argv, "qj:l", longopts, NULL)) != -1) {
		switch (ch) {
		case 'q':
			pc.quiet = true;
			break;
		case 'j':
			errno = 0;
			jobs = strtol(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || jobs < 1 ||
			    jobs > 100) {
				cmd_warn("podboat: --jobs wants a number from "
				    "1 to 100");
				return (CMD_EXIT_USAGE);
			}
			break;
		case 'l':
			list = true;
			break;
		case 'P':
			purge = true;
			break;
		default:
			fprintf(stderr, "usage: gazette podboat [--quiet] "
			    "[--jobs N] [URL...] | --list | --purge\n");
			return (CMD_EXIT_USAGE);
		}
	}
	if ((optind != argc && (list || purge)) || (list && purge)) {
		fprintf(stderr, "usage: gazette podboat [--quiet] "
		    "[--jobs N] [URL...] | --list | --purge\n");
		return (CMD_EXIT_USAGE);
	}
	conf_init(&cfg);
	if ((config_path = cmd_config_path(ctx)) != NULL &&
	    conf_load(&cfg, config_path, ctx->config_path != NULL, NULL, NULL,
	    &err) == -1) {
		cmd_warn("podboat: %s", err.msg);
		free(config_path);
		if (ctx->config_path != NULL)
			goto out;
		err_clear(&err);
	} else
		free(config_path);
	if ((db_path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("podboat: no database path (set HOME)");
		goto out;
	}
	queue = podcast_queue_path(db_path);
	if (list) {
		rc = list_queue(queue);
		goto out;
	}
	if (purge) {
		rc = purge_queue(queue, &cfg, pc.quiet);
		goto out;
	}
	if ((lock = dl_lock(queue, &err)) == -1) {
		cmd_warn("podboat: %s", err.msg);
		rc = err.code == ERR_LOCKED ? CMD_EXIT_LOCKED : CMD_EXIT_USAGE;
		goto out;
	}
	memset(&o, 0, sizeof(o));
	o.jobs = jobs > 0 ? (int)jobs : cfg.max_downloads;
	o.attempts = cfg.download_retries;
	o.stall_timeout = cfg.download_timeout > 0 ? cfg.download_timeout :
	    60L;
	if (cfg.user_agent[0] != '\0')
		o.user_agent = cfg.user_agent;
	if ((proxy = conf_proxy_url(&cfg)) != NULL) {
		o.proxy = proxy;
		if (cfg.proxy_auth[0] != '\0')
			o.proxy_auth = cfg.proxy_auth;
	}
	fetch_opts_from_conf(&fo, &cfg, &cookie_path);
	fo.cookie_file = NULL;	/* the cookie cache is refresh's */
	o.fetch = &fo;
	o.only = argv + optind;
	o.nonly = (size_t)(argc - optind);
	o.done = pb_done;
	o.ctx = &pc;
	if (podcast_download(queue, &o, &stats, &err) == -1) {
		cmd_warn("podboat: %s", err.msg);
		goto out;
	}
	if (stats.queue_error)
		cmd_warn("podboat: %s: the queue could not be updated", queue);
	if (!pc.quiet)
		cmd_warn("podboat: %zu queued: %zu downloaded, %zu already "
		    "there, %zu failed", stats.queued, stats.downloaded,
		    stats.already, stats.failed);
	rc = stats.failed > 0 || stats.queue_error ? CMD_EXIT_FAIL :
	    CMD_EXIT_OK;
out:
	if (lock != -1)
		close(lock);
	free(queue);
	free(db_path);
	free(proxy);
	free(cookie_path);
	conf_free(&cfg);
	return (rc);
}
