/* browser: open a link in the user's browser, fork/exec only. */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "conf.h"
#include "xmalloc.h"

int
browser_check_url(const char *url, struct err *err)
{
	const unsigned char *p;

	if (url == NULL || url[0] == '\0') {
		err_set(err, ERR_USAGE, "no link to open");
		return (-1);
	}
	if (url[0] == '-') {
		err_set(err, ERR_USAGE, "refusing a link that starts with '-'");
		return (-1);
	}
	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0 &&
	    strncasecmp(url, "file://", 7) != 0) {
		err_set(err, ERR_USAGE,
		    "refusing a link that is not http, https or file");
		return (-1);
	}
	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= 0x20 || *p == 0x7f) {
			err_set(err, ERR_USAGE,
			    "refusing a link with spaces or control characters");
			return (-1);
		}
	}
	return (0);
}

static char *
detach(struct buf *b)
{
	char *s = buf_detach(b);

	buf_free(b);
	return (s);
}

/* Characters that make a command need the shell (newsboat runs every
   command through it). */
#define SHELL_CHARS	"$&|;<>()`\\*?[]~{}!#\n"

/*
 * Expand the command for direct execution: each %u (or %s in $BROWSER
 * entries) becomes the URL inside its word, %% a single %; the URL is
 * added as a last word when the command names no place for it.
 */
static char **
direct_argv(const char *cmd, char mark, const char *url, struct err *err)
{
	struct buf b;
	char **words, **argv;
	const char *p;
	bool used = false;
	int argc, i;

	if (conf_split_words(cmd, &argc, &words, err) < 0)
		return (NULL);
	if (argc == 0) {
		conf_words_free(words);
		err_set(err, ERR_CONFIG, "the browser command is empty");
		return (NULL);
	}
	argv = xcalloc((size_t)argc + 2, sizeof(*argv));
	for (i = 0; i < argc; i++) {
		buf_init(&b, BUF_CAP_TEXT);
		for (p = words[i]; *p != '\0'; p++) {
			if (mark != '\0' && p[0] == '%' && p[1] == mark) {
				(void)buf_addstr(&b, url);
				used = true;
				p++;
			} else if (p[0] == '%' && p[1] == '%') {
				(void)buf_addch(&b, '%');
				p++;
			} else
				(void)buf_addch(&b, *p);
		}
		argv[i] = detach(&b);
	}
	if (!used)
		argv[argc++] = xstrdup(url);
	argv[argc] = NULL;
	conf_words_free(words);
	return (argv);
}

/*
 * The command for sh -c: the URL is never spliced in; each %u becomes a
 * reference to the first positional parameter, written for the quoting
 * it stands in ("$1" bare, $1 inside double quotes, '"$1"' inside single
 * quotes).  Without %u the URL is added as a last word, as newsboat does.
 */
static char *
shell_script(const char *cmd, char mark)
{
	struct buf b;
	const char *p;
	bool used = false;
	char quote = 0;

	buf_init(&b, BUF_CAP_TEXT);
	for (p = cmd; *p != '\0'; p++) {
		if (mark != '\0' && p[0] == '%' && p[1] == mark) {
			(void)buf_addstr(&b, quote == '\'' ? "'\"$1\"'" :
			    quote == '"' ? "$1" : "\"$1\"");
			used = true;
			p++;
			continue;
		}
		if (p[0] == '%' && p[1] == '%') {
			(void)buf_addch(&b, '%');
			p++;
			continue;
		}
		if (quote != '\'' && p[0] == '\\' && p[1] != '\0') {
			(void)buf_addch(&b, *p++);
			(void)buf_addch(&b, *p);
			continue;
		}
		if (quote == 0 && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (quote != 0 && *p == quote)
			quote = 0;
		(void)buf_addch(&b, *p);
	}
	if (!used)
		(void)buf_addstr(&b, " \"$1\"");
	return (detach(&b));
}

/* The program a command starts: its first word, quotes removed. */
static char *
program_name(const char *cmd)
{
	struct buf b;
	const char *p = cmd + strspn(cmd, " \t");
	char quote = 0;

	buf_init(&b, BUF_CAP_TEXT);
	for (; *p != '\0'; p++) {
		if (quote == 0 && (*p == '\'' || *p == '"'))
			quote = *p;
		else if (quote != 0 && *p == quote)
			quote = 0;
		else if (quote == 0 && strchr(" \t" SHELL_CHARS, *p) != NULL)
			break;
		else
			(void)buf_addch(&b, *p);
	}
	return (detach(&b));
}

static int
add_cmd(struct browser_plan *plan, const char *cmd, char mark,
    const char *url, struct err *err)
{
	struct browser_cmd *c;
	char **argv;

	if (cmd[strspn(cmd, " \t")] == '\0') {
		err_set(err, ERR_CONFIG, "the browser command is empty");
		return (-1);
	}
	if (strpbrk(cmd, SHELL_CHARS) != NULL) {
		argv = xcalloc(6, sizeof(*argv));
		argv[0] = xstrdup("/bin/sh");
		argv[1] = xstrdup("-c");
		argv[2] = shell_script(cmd, mark);
		argv[3] = xstrdup("sh");	/* $0 */
		argv[4] = xstrdup(url);		/* $1 */
	} else if ((argv = direct_argv(cmd, mark, url, err)) == NULL)
		return (-1);
	plan->cmds = xreallocarray(plan->cmds, plan->n + 1,
	    sizeof(*plan->cmds));
	c = &plan->cmds[plan->n++];
	c->argv = argv;
	c->name = program_name(cmd);
	return (0);
}

char **
browser_argv(const char *cmd, const char *arg, struct err *err)
{
	struct browser_plan plan;
	char **argv;

	memset(&plan, 0, sizeof(plan));
	if (add_cmd(&plan, cmd, '\0', arg, err) < 0)
		return (NULL);
	argv = plan.cmds[0].argv;
	plan.cmds[0].argv = NULL;
	browser_plan_free(&plan);
	return (argv);
}

/* Is name an executable file in $PATH? */
static bool
installed(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	char file[4096];

	if (path == NULL || path[0] == '\0')
		path = "/usr/local/bin:/usr/bin:/bin";
	for (p = path; ; p = end + 1) {
		end = p + strcspn(p, ":");
		if (snprintf(file, sizeof(file), "%.*s/%s",
		    end > p ? (int)(end - p) : 1, end > p ? p : ".",
		    name) < (int)sizeof(file) && access(file, X_OK) == 0)
			return (true);
		if (*end == '\0')
			return (false);
	}
}

int
browser_plan(struct browser_plan *plan, const char *setting,
    const char *env, const char *url, struct err *err)
{
	static const char *const fallback[] = {
		"w3m", "lynx", "elinks", "links", "xdg-open"
	};
	const char *p, *end;
	char *entry;
	size_t i;
	int rc = 0;

	memset(plan, 0, sizeof(*plan));
	if (browser_check_url(url, err) < 0)
		return (-1);
	if (setting != NULL && setting[0] != '\0')
		rc = add_cmd(plan, setting, 'u', url, err);
	else if (env != NULL && env[strspn(env, ": \t")] != '\0') {
		/* $BROWSER: colon-separated commands, %s for the URL. */
		for (p = env; rc == 0; p = end + 1) {
			end = p + strcspn(p, ":");
			entry = xstrndup(p, (size_t)(end - p));
			if (entry[strspn(entry, " \t")] != '\0')
				rc = add_cmd(plan, entry, 's', url, err);
			free(entry);
			if (*end == '\0')
				break;
		}
	} else {
		for (i = 0; i < sizeof(fallback) / sizeof(*fallback); i++)
			if (installed(fallback[i]))
				(void)add_cmd(plan, fallback[i], 'u', url, err);
		if (plan->n == 0) {
			err_set(err, ERR_CONFIG, "no browser found: set "
			    "\"browser\" in the config or $BROWSER");
			rc = -1;
		}
	}
	if (rc < 0)
		browser_plan_free(plan);
	return (rc);
}

void
browser_plan_free(struct browser_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->n; i++) {
		conf_words_free(plan->cmds[i].argv);
		free(plan->cmds[i].name);
	}
	free(plan->cmds);
	memset(plan, 0, sizeof(*plan));
}

bool
browser_is_text(const char *argv0, const char *text_browsers)
{
	const char *base, *p, *end;
	size_t len;

	if (argv0 == NULL || text_browsers == NULL)
		return (false);
	base = strrchr(argv0, '/');
	base = base == NULL ? argv0 : base + 1;
	len = strlen(base);
	for (p = text_browsers; *p != '\0'; p = end) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		end = p + strcspn(p, " \t,");
		if (end > p && (size_t)(end - p) == len &&
		    strncmp(p, base, len) == 0)
			return (true);
	}
	return (false);
}

static void
child_defaults(void)
{
	sigset_t none;

	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
	(void)signal(SIGPIPE, SIG_DFL);
	(void)signal(SIGINT, SIG_DFL);
	(void)signal(SIGQUIT, SIG_DFL);
	(void)signal(SIGTSTP, SIG_DFL);
}

static int
wait_for(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR)
			return (-1);
	if (WIFEXITED(status))
		return (WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		return (128 + WTERMSIG(status));
	return (-1);
}

int
browser_run(char **argv, bool foreground, struct err *err)
{
	pid_t pid;
	int fds[2], null, code, status;
	ssize_t n;

	if (argv == NULL || argv[0] == NULL) {
		err_set(err, ERR_USAGE, "no browser command");
		return (-1);
	}
	/* The child reports a failed exec through a close-on-exec pipe. */
	if (pipe2(fds, O_CLOEXEC) == -1) {
		err_set(err, ERR_IO, "pipe: %s", strerror(errno));
		return (-1);
	}
	if ((pid = fork()) == -1) {
		err_set(err, ERR_IO, "fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return (-1);
	}
	if (pid == 0) {
		close(fds[0]);
		child_defaults();
		if (!foreground) {
			(void)setsid();
			if (fork() != 0)
				_exit(0);	/* the grandchild runs on */
			if ((null = open("/dev/null", O_RDWR)) != -1) {
				(void)dup2(null, 0);
				(void)dup2(null, 1);
				(void)dup2(null, 2);
				if (null > 2)
					close(null);
			}
		}
		execvp(argv[0], argv);
		code = errno;
		(void)write(fds[1], &code, sizeof(code));
		_exit(127);
	}
	close(fds[1]);
	status = foreground ? -2 : wait_for(pid);
	/* EOF when exec succeeded; an errno when it did not. */
	do
		n = read(fds[0], &code, sizeof(code));
	while (n == -1 && errno == EINTR);
	close(fds[0]);
	if (foreground)
		status = wait_for(pid);
	if (n == (ssize_t)sizeof(code)) {
		err_set(err, ERR_IO, "cannot run %s: %s", argv[0],
		    strerror(code));
		return (-1);
	}
	if (status < 0 && foreground) {
		err_set(err, ERR_IO, "waiting for %s failed", argv[0]);
		return (-1);
	}
	return (foreground ? status : 0);
}
