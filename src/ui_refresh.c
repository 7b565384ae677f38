/*
 * ui_refresh: `gazette refresh` as a child process (r, R,
 * refresh-on-startup): starting it, reading its stderr, reaping it and
 * reporting progress from the store while it runs.
 */
#include "config.h"

#include <sys/types.h>
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
#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

/*
 * Start `gazette refresh` for every feed (n 0), for one feed (forced, as
 * r does: one is true) or for the n feeds urls names.
 */
static void
start(struct ui *ui, const char *const *urls, size_t n, bool one)
{
	char **argv;
	int errpipe[2], null, i = 0;
	size_t k;
	pid_t pid;

	if (ui->refresh_pid > 0) {
		ui_set_status(ui, false, "a refresh is already running");
		return;
	}
	if (ui->urls_path == NULL) {
		ui_set_status(ui, true, "no urls file to refresh from");
		return;
	}
	if (pipe2(errpipe, O_CLOEXEC) == -1) {
		ui_set_status(ui, true, "pipe: %s", strerror(errno));
		return;
	}
	argv = xreallocarray(NULL, n + 12, sizeof(*argv));
	argv[i++] = (char *)"gazette";
	argv[i++] = (char *)"-u";
	argv[i++] = (char *)ui->urls_path;
	argv[i++] = (char *)"-d";
	argv[i++] = (char *)ui->db_path;
	if (ui->config_path != NULL && access(ui->config_path, F_OK) == 0) {
		/* The fetcher settings of the same config. */
		argv[i++] = (char *)"-c";
		argv[i++] = (char *)ui->config_path;
	}
	argv[i++] = (char *)"refresh";
	if (n > 0) {
		/* The feed's own urls line (tags, "~Title") goes with it. */
		if (one)
			argv[i++] = (char *)"--force";
		argv[i++] = (char *)"--";
		for (k = 0; k < n; k++)
			argv[i++] = (char *)urls[k];
	}
	argv[i] = NULL;
	if ((pid = fork()) == -1) {
		free(argv);
		close(errpipe[0]);
		close(errpipe[1]);
		ui_set_status(ui, true, "fork: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		/*
		 * The refresh outlives the interface when the user quits:
		 * a session of its own keeps the terminal's signals (^C,
		 * the hangup when the terminal closes) away from it, and
		 * once nobody reads its stderr a write there fails with
		 * EPIPE, which it ignores, instead of killing it.
		 */
		(void)setsid();
		signal(SIGPIPE, SIG_IGN);
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, 0);
			dup2(null, 1);
		}
		dup2(errpipe[1], 2);
		execv("/proc/self/exe", argv);
		execvp("gazette", argv);	/* no /proc: the one in PATH */
		_exit(127);
	}
	free(argv);
	close(errpipe[1]);
	(void)fcntl(errpipe[0], F_SETFL, O_NONBLOCK);
	ui->refresh_pid = pid;
	ui->refresh_fd = errpipe[0];
	ui->refresh_started = (int64_t)time(NULL);
	ui->refresh_one = n > 0;	/* no "N of M feeds done" */
	buf_reset(&ui->refresh_out);
	if (n == 0 || one)
		ui_set_status(ui, false, "refreshing %s...",
		    one ? "the feed" : "every feed");
	else
		ui_set_status(ui, false, "refreshing the %zu feed%s listed...",
		    n, n == 1 ? "" : "s");
}

void
ui_refresh_start(struct ui *ui, const char *feed_url)
{
	start(ui, &feed_url, feed_url != NULL ? 1 : 0, feed_url != NULL);
}

void
ui_refresh_all(struct ui *ui)
{
	struct ui_view *v;
	const char **urls = NULL;
	size_t n;

	for (v = ui->view; v != NULL && v->parent != NULL; v = v->parent)
		continue;
	if (!ui->cfg->reload_only_visible || v == NULL ||
	    (n = ui_feeds_shown_urls(ui, v, &urls)) == SIZE_MAX) {
		start(ui, NULL, 0, false);
		return;
	}
	if (n == 0)
		ui_set_status(ui, false, "no feed listed to refresh");
	else
		start(ui, urls, n, false);
	free(urls);
}

void
ui_refresh_read(struct ui *ui)
{
	char chunk[1024];
	ssize_t n;

	if (ui->refresh_fd == -1)
		return;
	while ((n = read(ui->refresh_fd, chunk, sizeof(chunk))) > 0)
		(void)buf_add(&ui->refresh_out, chunk, (size_t)n);
	if (n == 0) {
		close(ui->refresh_fd);
		ui->refresh_fd = -1;
	}
}

/* Did the refresh child end?  Report its last line. */
/* notify-beep: the bell after a refresh whose summary counts new
   articles (its child, gazette refresh, runs notify-program). */
static void
notify_beep(struct ui *ui, const char *summary)
{
	const char *p = strstr(summary, " new article"), *d;

	if (!ui->cfg->notify_beep || p == NULL)
		return;
	for (d = p; d > summary && d[-1] >= '0' && d[-1] <= '9'; d--)
		continue;
	if (ui->cfg->notify_always || (d < p && strtoull(d, NULL, 10) > 0))
		beep();
}

void
ui_refresh_reap(struct ui *ui)
{
	const char *out, *last, *p;
	char line[400];
	int status;
	pid_t r;

	if (ui->refresh_pid <= 0)
		return;
	r = waitpid(ui->refresh_pid, &status, WNOHANG);
	if (r == 0 || (r == -1 && errno == EINTR))
		return;
	ui->refresh_pid = 0;
	ui_refresh_read(ui);
	if (ui->refresh_fd != -1) {
		close(ui->refresh_fd);
		ui->refresh_fd = -1;
	}
	/* The summary is the last non-empty line of its stderr. */
	out = buf_str(&ui->refresh_out);
	last = out;
	for (p = out; *p != '\0'; p++)
		if (*p == '\n' && p[1] != '\0' && p[1] != '\n')
			last = p + 1;
	snprintf(line, sizeof(line), "%.*s", (int)strcspn(last, "\n"), last);
	if (r == -1 || !WIFEXITED(status))
		ui_set_status(ui, true, "refresh failed");
	else if (WEXITSTATUS(status) == 3)
		ui_set_status(ui, true, "another refresh is running");
	else if (WEXITSTATUS(status) == 2 && strstr(line, " is damaged: ") !=
	    NULL && store_verify(ui->store, NULL) == -1)
		return;		/* the loop quits and says why */
	else if (WEXITSTATUS(status) != 0)
		ui_set_status(ui, true, "refresh: %s", line[0] != '\0' ? line :
		    "failed");
	else {
		ui_set_status(ui, false, "%s", line[0] != '\0' ? line :
		    "refresh done");
		notify_beep(ui, line);
	}
	ui_reload_all(ui);
}

void
ui_refresh_progress(struct ui *ui)
{
	struct store_feed_list l = { NULL, 0 };
	struct err err = ERR_INIT;
	size_t i, done = 0, n = 0;

	if (ui->refresh_pid <= 0 ||
	    store_feeds_list(ui->store, &l, &err) < 0)
		return;
	for (i = 0; i < l.n; i++) {
		if (l.feeds[i].gone)
			continue;
		n++;
		if (l.feeds[i].last_fetch >= ui->refresh_started)
			done++;
	}
	if (!ui->refresh_one)
		ui_set_status(ui, false, "refreshing: %zu of %zu feeds done",
		    done, n);
	store_feed_list_free(&l);
}
