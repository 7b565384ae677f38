/*
 * ui_extern: programs the interface hands the terminal to, as newsboat's
 * edit-urls and pipe-to do.  Both commands are the user's own ($VISUAL
 * or $EDITOR from the environment, a command typed at the prompt), so
 * they run under sh -c with shell syntax; what comes from gazette goes
 * as a positional parameter (the urls file's path as "$1") or on
 * standard input (the article's text), never into the command.  The
 * screen is given up first (endwin) and drawn again afterwards.
 */
#include "config.h"

#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "store.h"
#include "ui_int.h"
#include "xmalloc.h"

static struct ui_history pipe_history;

static void
suspend_terminal(void)
{
	def_prog_mode();
	endwin();
}

static void
resume_terminal(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/*
 * Run sh -c command sh args... in the foreground, with in (-1: the
 * terminal) on its standard input and out (-1: the terminal) on its
 * standard output and error.  Its exit status (128 + signal when
 * killed), or -1 with err set.
 */
static int
run_shell(const char *command, const char *const *args, size_t nargs,
    int in, int out, struct err *err)
{
	struct sigaction sa, oint, oquit;
	sigset_t none;
	const char **argv;
	pid_t pid;
	size_t i;
	int status, rc;

	argv = xcalloc(nargs + 5, sizeof(*argv));
	argv[0] = "sh";
	argv[1] = "-c";
	argv[2] = command;
	argv[3] = "sh";
	for (i = 0; i < nargs; i++)
		argv[4 + i] = args[i];
	/* Keys like ^C are the command's while it runs. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGINT, &sa, &oint);
	(void)sigaction(SIGQUIT, &sa, &oquit);
	if ((pid = fork()) == -1) {
		err_set(err, ERR_IO, "fork: %s", strerror(errno));
		rc = -1;
		goto out;
	}
	if (pid == 0) {
		sa.sa_handler = SIG_DFL;
		(void)sigaction(SIGINT, &sa, NULL);
		(void)sigaction(SIGQUIT, &sa, NULL);
		(void)sigaction(SIGPIPE, &sa, NULL);
		(void)sigaction(SIGTSTP, &sa, NULL);
		sigemptyset(&none);
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		if ((in != -1 && dup2(in, 0) == -1) ||
		    (out != -1 && (dup2(out, 1) == -1 || dup2(out, 2) == -1)))
			_exit(126);
		execv("/bin/sh", (char *const *)argv);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			err_set(err, ERR_IO, "waitpid: %s", strerror(errno));
			rc = -1;
			goto out;
		}
	rc = WIFEXITED(status) ? WEXITSTATUS(status) :
	    WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
out:
	(void)sigaction(SIGINT, &oint, NULL);
	(void)sigaction(SIGQUIT, &oquit, NULL);
	free(argv);
	return (rc);
}

int
ui_extern_run(struct ui *ui, const char *command, const char *const *args,
    size_t nargs, int in, struct err *err)
{
	int rc;

	suspend_terminal();
	rc = run_shell(command, args, nargs, in, -1, err);
	resume_terminal();
	ui->dirty = true;
	return (rc);
}

/* A temporary file nobody else can open (unlinked at once), or NULL. */
static FILE *
anon_file(struct ui *ui)
{
	const char *tmp;
	struct buf tpl;
	FILE *fp;
	int fd;

	buf_init(&tpl, SIZE_MAX);
	if ((tmp = getenv("TMPDIR")) == NULL || tmp[0] != '/')
		tmp = "/tmp";
	(void)buf_addf(&tpl, "%s/gazette.XXXXXX", tmp);
	if ((fd = mkstemp(tpl.data)) == -1) {
		ui_set_status(ui, true, "%s: %s", buf_str(&tpl),
		    strerror(errno));
		buf_free(&tpl);
		return (NULL);
	}
	(void)unlink(tpl.data);
	buf_free(&tpl);
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		ui_set_status(ui, true, "temporary file: %s", strerror(errno));
		close(fd);
	}
	return (fp);
}

void
ui_edit_urls(struct ui *ui)
{
	struct err err = ERR_INIT;
	struct buf cmd;
	const char *ed;
	int rc;

	if (ui->urls_path == NULL || strcmp(ui->urls_path, "/dev/null") == 0) {
		ui_set_status(ui, true, "no urls file to edit");
		return;
	}
	if ((ed = getenv("VISUAL")) == NULL || ed[0] == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || ed[0] == '\0')
		ed = "vi";
	buf_init(&cmd, SIZE_MAX);
	(void)buf_addf(&cmd, "%s \"$1\"", ed);
	suspend_terminal();
	rc = run_shell(buf_str(&cmd), &ui->urls_path, 1, -1, -1, &err);
	resume_terminal();
	buf_free(&cmd);
	ui_feeds_reload_urls(ui);
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "the editor (%s) exited with status %d",
		    ed, rc);
}

static void
pipe_cb(struct ui *ui, const char *text, void *arg)
{
	int64_t id = (int64_t)(intptr_t)arg;
	struct err err = ERR_INIT;
	FILE *fp;
	int rc;

	if (text[0] == '\0') {
		ui_set_status(ui, false, "not piped");
		return;
	}
	/* Through a file: the command reads it at its own pace, or not at
	   all, and gazette never waits on a pipe. */
	if ((fp = anon_file(ui)) == NULL)
		return;
	if (ui_article_text(ui, id, fp, &err) == -1 || fflush(fp) != 0 ||
	    fseek(fp, 0L, SEEK_SET) != 0) {
		ui_set_status(ui, true, "%s", err.msg[0] != '\0' ? err.msg :
		    strerror(errno));
		fclose(fp);
		return;
	}
	suspend_terminal();
	rc = run_shell(text, NULL, 0, fileno(fp), -1, &err);
	resume_terminal();
	fclose(fp);
	ui->dirty = true;
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "the command exited with status %d",
		    rc);
	else
		ui_set_status(ui, false, "article piped to: %s", text);
}

void
ui_pipe_article(struct ui *ui, int64_t item_id)
{
	ui_prompt(ui, "Pipe article to command: ", &pipe_history, NULL,
	    pipe_cb, (void *)(intptr_t)item_id);
}

/*
 * bookmark: URL, title, description and feed title, in bookmark-cmd's
 * "$1" to "$4".  Asked for in turn on the prompt line (the known ones
 * offered to accept or edit) unless bookmark-autopilot.
 */
enum { BM_URL, BM_TITLE, BM_DESC, BM_FEED, BM_N };

static char *bm[BM_N];
static int bm_at;

static const char *const bm_labels[BM_N] = {
	"URL: ", "Title: ", "Description: ", "Feed title: "
};

static void
bm_clear(void)
{
	int i;

	for (i = 0; i < BM_N; i++) {
		free(bm[i]);
		bm[i] = NULL;
	}
}

/* The first line of what the command said, for the status line. */
static void
first_line(FILE *fp, char *out, size_t len)
{
	size_t n;

	out[0] = '\0';
	if (fflush(fp) != 0 || fseek(fp, 0L, SEEK_SET) != 0 ||
	    fgets(out, (int)len, fp) == NULL)
		return;
	n = strcspn(out, "\r\n");
	out[n] = '\0';
}

static void
bm_run(struct ui *ui)
{
	struct err err = ERR_INIT;
	struct buf cmd;
	const char *args[BM_N];
	char said[200];
	FILE *fp = NULL;
	int i, rc, null;

	for (i = 0; i < BM_N; i++)
		args[i] = bm[i] != NULL ? bm[i] : "";
	buf_init(&cmd, SIZE_MAX);
	(void)buf_addf(&cmd, "%s \"$@\"", ui->cfg->bookmark_cmd);
	said[0] = '\0';
	if (ui->cfg->bookmark_interactive) {
		suspend_terminal();
		rc = run_shell(buf_str(&cmd), args, BM_N, -1, -1, &err);
		resume_terminal();
	} else {
		/* Its output is kept off the screen: the first line goes
		   to the status line. */
		if ((fp = anon_file(ui)) == NULL) {
			buf_free(&cmd);
			bm_clear();
			return;
		}
		if ((null = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1) {
			err_set(&err, ERR_IO, "/dev/null: %s",
			    strerror(errno));
			rc = -1;
		} else {
			rc = run_shell(buf_str(&cmd), args, BM_N, null,
			    fileno(fp), &err);
			close(null);
		}
		first_line(fp, said, sizeof(said));
		fclose(fp);
	}
	buf_free(&cmd);
	bm_clear();
	ui->dirty = true;
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "bookmark-cmd exited with status %d%s%s",
		    rc, said[0] != '\0' ? ": " : "", said);
	else
		ui_set_status(ui, false, "%s", said[0] != '\0' ? said :
		    "bookmarked");
}

static void
bm_cb(struct ui *ui, const char *text, void *arg)
{
	(void)arg;
	free(bm[bm_at]);
	bm[bm_at] = xstrdup(text);
	if (bm_at == BM_URL && text[0] == '\0') {
		ui_set_status(ui, false, "not bookmarked: no URL");
		bm_clear();
		return;
	}
	if (++bm_at < BM_N) {
		ui_prompt(ui, bm_labels[bm_at], NULL, bm[bm_at] != NULL ?
		    bm[bm_at] : "", bm_cb, NULL);
		return;
	}
	bm_run(ui);
}

void
ui_bookmark_article(struct ui *ui, int64_t item_id)
{
	struct store_item_full it;
	struct err err = ERR_INIT;
	int rc;

	if (ui->cfg->bookmark_cmd == NULL || ui->cfg->bookmark_cmd[0] ==
	    '\0') {
		ui_set_status(ui, true, "no bookmark-cmd set (see "
		    "gazette.conf(5))");
		return;
	}
	memset(&it, 0, sizeof(it));
	if ((rc = store_item_get(ui->store, item_id, &it, &err)) != 0) {
		ui_set_status(ui, true, "%s", rc < 0 ? err.msg :
		    "the article is gone");
		return;
	}
	bm_clear();
	bm[BM_URL] = xstrdup_or_null(it.row.link);
	bm[BM_TITLE] = xstrdup_or_null(it.row.title);
	bm[BM_FEED] = xstrdup_or_null(it.row.feed_title);
	store_item_full_clear(&it);
	/* As in newsboat, autopilot asks only for what it cannot know. */
	if (ui->cfg->bookmark_autopilot && bm[BM_URL] != NULL &&
	    bm[BM_TITLE] != NULL) {
		bm_run(ui);
		return;
	}
	bm_at = BM_URL;
	ui_prompt(ui, bm_labels[BM_URL], NULL, bm[BM_URL] != NULL ?
	    bm[BM_URL] : "", bm_cb, NULL);
}

int
ui_run_terminal(struct ui *ui, const char *command, const char *arg,
    struct err *err)
{
	int rc;

	suspend_terminal();
	rc = run_shell(command, &arg, 1, -1, -1, err);
	resume_terminal();
	ui->dirty = true;
	return (rc);
}
