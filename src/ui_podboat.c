/*
 * ui_podboat: newsboat's podboat inside the interface -- the download
 * queue as a list (the podboat context, podlist-format lines) with
 * podboat's keys.  Downloads run in a child `gazette podboat` (the same
 * downloader as the command line, so they go on if the interface
 * quits); the view reads the queue file and the .part sizes again every
 * second while it is shown.  The player (pb-play) gets the terminal as
 * edit-urls does (ui_extern.c): the user's command under sh -c, the
 * file's path as "$1", never in the command's text.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "format.h"
#include "podcast.h"
#include "ui_int.h"
#include "xmalloc.h"

struct row {
	size_t		 at;		/* index in q */
	int64_t		 size;		/* bytes on disk (file or .part) */
	int64_t		 last;		/* at the previous tick */
	double		 kbps;
	bool		 part;		/* a .part, not the file */
	bool		 present;	/* the file is there */
};

struct pb_view {
	struct ui_view	 base;
	struct ui_list	 list;
	char		*queue;
	struct podcast_queue q;
	struct row	*rows;
	struct timespec	 mtime;		/* of the queue file when read */
	double		 tick;		/* monotonic s of the last tick */
};

static const struct ui_view_ops pb_ops;
/* The downloading child, shared by every view (it outlives them). */
static pid_t dl_pid = -1;
static int max_dls;

static double
now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void
reap(void)
{
	pid_t r;

	if (dl_pid <= 0)
		return;
	while ((r = waitpid(dl_pid, NULL, WNOHANG)) == -1 && errno == EINTR)
		continue;
	if (r == dl_pid || (r == -1 && errno == ECHILD))
		dl_pid = -1;
}

static void
stat_rows(struct pb_view *pv, double dt)
{
	struct stat sb;
	struct buf b;
	size_t i;
	struct podcast_entry *e;

	buf_init(&b, SIZE_MAX);
	for (i = 0; i < pv->list.count; i++) {
		e = &pv->q.e[pv->rows[i].at];
		pv->rows[i].last = pv->rows[i].size;
		pv->rows[i].present = stat(e->path, &sb) == 0;
		pv->rows[i].part = false;
		pv->rows[i].size = pv->rows[i].present ? (int64_t)sb.st_size :
		    0;
		if (!pv->rows[i].present) {
			buf_reset(&b);
			(void)buf_addf(&b, "%s%s", e->path, PODCAST_PART);
			if (stat(buf_str(&b), &sb) == 0) {
				pv->rows[i].part = true;
				pv->rows[i].size = (int64_t)sb.st_size;
			}
		}
		pv->rows[i].kbps = dt > 0 && pv->rows[i].part ?
		    (double)(pv->rows[i].size - pv->rows[i].last) / 1024.0 /
		    dt : 0.0;
		if (pv->rows[i].kbps < 0)
			pv->rows[i].kbps = 0;
	}
	buf_free(&b);
}

/* Read the queue again; false when it could not be read. */
static bool
load(struct ui *ui, struct pb_view *pv)
{
	struct err err = ERR_INIT;
	struct podcast_queue q;
	struct stat sb;
	size_t i, n = 0;
	int lock;

	if ((lock = podcast_queue_lock(pv->queue, &err)) == -1 ||
	    podcast_queue_load(pv->queue, &q, &err) == -1) {
		podcast_queue_unlock(lock);
		ui_set_status(ui, true, "%s", err.msg);
		return (false);
	}
	if (stat(pv->queue, &sb) == 0)
		pv->mtime = sb.st_mtim;
	podcast_queue_unlock(lock);
	podcast_queue_free(&pv->q);
	pv->q = q;
	free(pv->rows);
	pv->rows = xcalloc(q.n + 1, sizeof(*pv->rows));
	for (i = 0; i < q.n; i++)
		if (q.e[i].path != NULL)
			pv->rows[n++].at = i;
	ui_list_set_count(&pv->list, n, ui_body_rows(ui));
	stat_rows(pv, 0);
	ui->dirty = true;
	return (true);
}

void
ui_podboat_open(struct ui *ui)
{
	struct pb_view *pv;

	if (ui->view->ops == &pb_ops)
		return;
	pv = xcalloc(1, sizeof(*pv));
	pv->base.ops = &pb_ops;
	pv->queue = podcast_queue_path(ui->db_path);
	if (max_dls == 0)
		max_dls = ui->cfg->max_downloads;
	ui_list_init(&pv->list, 0);
	(void)load(ui, pv);
	pv->tick = now_s();
	ui_push(ui, &pv->base);
}

void
ui_podboat_tick(struct ui *ui)
{
	struct pb_view *pv;
	struct stat sb;
	double t;
	pid_t was = dl_pid;

	reap();
	if (ui->view == NULL || ui->view->ops != &pb_ops)
		return;
	pv = (struct pb_view *)ui->view;
	t = now_s();
	if (t - pv->tick < 0.9 && was == dl_pid)
		return;
	if (stat(pv->queue, &sb) == 0 && (sb.st_mtim.tv_sec !=
	    pv->mtime.tv_sec || sb.st_mtim.tv_nsec != pv->mtime.tv_nsec))
		(void)load(ui, pv);
	else
		stat_rows(pv, t - pv->tick);
	pv->tick = t;
	if (was > 0 && dl_pid == -1)
		ui_set_status(ui, false, "downloads done");
	ui->dirty = true;
}

static const char *
status_of(const struct pb_view *pv, const struct row *r)
{
	const struct podcast_entry *e = &pv->q.e[r->at];

	switch (e->state) {
	case PODCAST_DOWNLOADED:
		return (r->present ? "ready" : "deleted");
	case PODCAST_PLAYED:
		return ("played");
	case PODCAST_FINISHED:
		return ("finished");
	default:
		break;
	}
	if (r->part)
		return (dl_pid > 0 ? "downloading" : "incomplete");
	return ("queued");
}

static void
pb_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	struct pb_view *pv = (struct pb_view *)v;

	(void)ti;
	(void)buf_addf(b, "Downloads (%zu)%s - max-downloads %d",
	    pv->list.count, dl_pid > 0 ? " - downloading" : "",
	    max_dls > 0 ? max_dls : ui->cfg->max_downloads);
}

static void
pb_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct pb_view *pv = (struct pb_view *)v;
	const struct podcast_entry *e;
	const struct row *r;
	struct format_args a;
	char idx[24], d[32], t[32], p[32], k[32], kh[32];
	const char *base;
	size_t i;
	int y;

	for (y = 0; y < rows && pv->list.top + (size_t)y < pv->list.count;
	    y++) {
		i = pv->list.top + (size_t)y;
		r = &pv->rows[i];
		e = &pv->q.e[r->at];
		snprintf(idx, sizeof(idx), "%zu", i + 1);
		snprintf(d, sizeof(d), "%.1f", (double)r->size / 1048576.0);
		/* The length is known once the file is whole. */
		snprintf(t, sizeof(t), "%.1f", r->present ?
		    (double)r->size / 1048576.0 : 0.0);
		snprintf(p, sizeof(p), "%.1f", r->present ? 100.0 : 0.0);
		snprintf(k, sizeof(k), "%.2f", r->kbps);
		if (r->kbps >= 1024.0 * 1024.0)
			snprintf(kh, sizeof(kh), "%.2f GB/s",
			    r->kbps / 1048576.0);
		else if (r->kbps >= 1024.0)
			snprintf(kh, sizeof(kh), "%.2f MB/s", r->kbps / 1024.0);
		else
			snprintf(kh, sizeof(kh), "%.2f KB/s", r->kbps);
		base = strrchr(e->path, '/');
		format_args_init(&a);
		format_set(&a, 'i', idx);
		format_set(&a, 'd', d);
		format_set(&a, 't', t);
		format_set(&a, 'p', p);
		format_set(&a, 'k', k);
		format_set(&a, 'K', kh);
		format_set(&a, 'S', status_of(pv, r));
		format_set(&a, 'u', e->url);
		format_set(&a, 'F', e->path);
		format_set(&a, 'b', base != NULL ? base + 1 : e->path);
		ui_put_format(ui, top + y, ui->cfg->podlist_format, &a,
		    ui_attr(ui, i == pv->list.sel ? UI_FOCUS : UI_NORMAL),
		    CONF_HL_ALL);
	}
	if (pv->list.count == 0 && rows > 0)
		ui_put(ui, top, 0, COLS, "The download queue is empty: e "
		    "queues an article's podcast.", UI_INFO);
}

/* Run gazette podboat in the background for url (NULL: all). */
static void
spawn(struct ui *ui, const char *url)
{
	char jobs[16], *argv[16];
	int i = 0, null;
	pid_t pid;

	reap();
	if (dl_pid > 0) {
		ui_set_status(ui, false, "a download is running (c stops it)");
		return;
	}
	snprintf(jobs, sizeof(jobs), "%d", max_dls);
	argv[i++] = (char *)"gazette";
	argv[i++] = (char *)"-d";
	argv[i++] = (char *)ui->db_path;
	if (ui->config_path != NULL && access(ui->config_path, F_OK) == 0) {
		argv[i++] = (char *)"-c";
		argv[i++] = (char *)ui->config_path;
	}
	argv[i++] = (char *)"podboat";
	argv[i++] = (char *)"--quiet";
	argv[i++] = (char *)"--jobs";
	argv[i++] = jobs;
	if (url != NULL) {
		argv[i++] = (char *)"--";
		argv[i++] = (char *)url;
	}
	argv[i] = NULL;
	if ((pid = fork()) == -1) {
		ui_set_status(ui, true, "fork: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		/* Its own session: it goes on when the interface quits. */
		(void)setsid();
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, 0);
			dup2(null, 1);
			dup2(null, 2);
		}
		execv("/proc/self/exe", argv);
		execvp("gazette", argv);
		_exit(127);
	}
	dl_pid = pid;
	ui_set_status(ui, false, url != NULL ? "downloading..." :
	    "downloading every queued file...");
}

static void
stop(struct ui *ui)
{
	reap();
	if (dl_pid <= 0) {
		ui_set_status(ui, false, "no download is running");
		return;
	}
	(void)kill(dl_pid, SIGTERM);
	ui_set_status(ui, false, "download stopped (the next one resumes it)");
}

static void
set_state(struct ui *ui, struct pb_view *pv, const struct podcast_entry *e,
    enum podcast_state s)
{
	struct err err = ERR_INIT;

	if (podcast_set_state(pv->queue, e->url, s, &err) == -1)
		ui_set_status(ui, true, "%s", err.msg);
	(void)load(ui, pv);
}

static void
play(struct ui *ui, struct pb_view *pv, const struct row *r)
{
	const struct podcast_entry *e = &pv->q.e[r->at];
	struct err err = ERR_INIT;
	struct buf cmd;
	char *url;
	int rc;

	if (ui->cfg->player[0] == '\0') {
		ui_set_status(ui, true, "no player set (see gazette.conf(5))");
		return;
	}
	if (!r->present || r->part || e->state == PODCAST_QUEUED) {
		ui_set_status(ui, true, "not downloaded yet (d downloads it)");
		return;
	}
	buf_init(&cmd, SIZE_MAX);
	(void)buf_addf(&cmd, "%s \"$1\"", ui->cfg->player);
	rc = ui_run_terminal(ui, buf_str(&cmd), e->path, &err);
	buf_free(&cmd);
	url = xstrdup(e->url);
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "the player exited with status %d", rc);
	if (rc == 0 && e->state == PODCAST_DOWNLOADED) {
		struct podcast_entry tmp = *e;

		tmp.url = url;
		set_state(ui, pv, &tmp, PODCAST_PLAYED);
	}
	free(url);
}

/* Remove the entries keep says no to; with delete-played-files their
 * files go too. */
static void
remove_entries(struct ui *ui, struct pb_view *pv, const char *only_url)
{
	struct err err = ERR_INIT;
	struct podcast_queue q;
	struct podcast_entry *e;
	size_t i, k, removed = 0;
	bool drop;
	int lock;

	if ((lock = podcast_queue_lock(pv->queue, &err)) == -1 ||
	    podcast_queue_load(pv->queue, &q, &err) == -1) {
		podcast_queue_unlock(lock);
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	for (i = k = 0; i < q.n; i++) {
		e = &q.e[i];
		drop = e->path != NULL && (only_url != NULL ?
		    strcmp(e->url, only_url) == 0 :
		    e->state == PODCAST_PLAYED ||
		    e->state == PODCAST_FINISHED);
		if (!drop) {
			q.e[k++] = *e;
			continue;
		}
		if (ui->cfg->delete_played_files)
			(void)unlink(e->path);
		free(e->url);
		free(e->path);
		free(e->line);
		removed++;
	}
	q.n = k;
	if (removed > 0 && podcast_queue_save(pv->queue, &q, &err) == -1)
		ui_set_status(ui, true, "%s", err.msg);
	else
		ui_set_status(ui, false, "%zu entr%s removed from the queue",
		    removed, removed == 1 ? "y" : "ies");
	podcast_queue_free(&q);
	podcast_queue_unlock(lock);
	(void)load(ui, pv);
}

static bool
pb_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct pb_view *pv = (struct pb_view *)v;
	const struct row *r;
	const struct podcast_entry *e;
	char *url;

	if (ui_list_action(&pv->list, a, count, ui_body_rows(ui)))
		return (true);
	if (count > 0 && (size_t)count <= pv->list.count)
		ui_list_select(&pv->list, (size_t)count - 1,
		    ui_body_rows(ui));
	r = pv->list.count > 0 ? &pv->rows[pv->list.sel] : NULL;
	e = r != NULL ? &pv->q.e[r->at] : NULL;
	switch (a) {
	case KEYMAP_PB_TOGGLE_DL_ALL:
		reap();
		if (dl_pid > 0)
			stop(ui);
		else
			spawn(ui, NULL);
		return (true);
	case KEYMAP_PB_CANCEL:
		stop(ui);
		return (true);
	case KEYMAP_PB_INCREASE_MAX_DLS:
	case KEYMAP_PB_DECREASE_MAX_DLS:
		max_dls += a == KEYMAP_PB_INCREASE_MAX_DLS ? 1 : -1;
		if (max_dls < 1)
			max_dls = 1;
		if (max_dls > 100)
			max_dls = 100;
		ui_set_status(ui, false, "max-downloads %d (from the next "
		    "download on)", max_dls);
		return (true);
	case KEYMAP_PB_PURGE:
		remove_entries(ui, pv, NULL);
		return (true);
	case KEYMAP_RELOAD:
	case KEYMAP_RELOAD_ALL:
		(void)load(ui, pv);
		return (true);
	default:
		break;
	}
	if (e == NULL) {
		if (a == KEYMAP_PB_DOWNLOAD || a == KEYMAP_PB_PLAY ||
		    a == KEYMAP_PB_DELETE || a == KEYMAP_PB_MARK_FINISHED) {
			ui_set_status(ui, true, "the queue is empty");
			return (true);
		}
		return (false);
	}
	switch (a) {
	case KEYMAP_PB_DOWNLOAD:
		if (e->state != PODCAST_QUEUED || r->present)
			ui_set_status(ui, false, "downloaded already");
		else
			spawn(ui, e->url);
		return (true);
	case KEYMAP_OPEN:
	case KEYMAP_PB_PLAY:
		play(ui, pv, r);
		return (true);
	case KEYMAP_PB_MARK_FINISHED:
		set_state(ui, pv, e, PODCAST_FINISHED);
		return (true);
	case KEYMAP_PB_DELETE:
		url = xstrdup(e->url);
		remove_entries(ui, pv, url);
		free(url);
		return (true);
	default:
		return (false);
	}
}

static void
pb_free(struct ui_view *v)
{
	struct pb_view *pv = (struct pb_view *)v;

	podcast_queue_free(&pv->q);
	free(pv->rows);
	free(pv->queue);
	free(pv);
}

static const struct ui_view_ops pb_ops = {
	KEYMAP_CTX_PODBOAT, pb_title, pb_draw, pb_action,
	NULL, NULL, NULL, NULL, pb_free
};
