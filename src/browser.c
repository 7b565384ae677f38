/* browser: open a link in the user's browser, fork/exec only. */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
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

/* Replace each %u with url and %% with %; note whether %u was seen. */
static char *
substitute(const char *word, const char *url, bool *used)
{
	struct buf b;
	const char *p;
	char *s;

	buf_init(&b, BUF_CAP_TEXT);
	for (p = word; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 'u') {
			(void)buf_addstr(&b, url);
			*used = true;
			p++;
		} else if (p[0] == '%' && p[1] == '%') {
			(void)buf_addch(&b, '%');
			p++;
		} else
			(void)buf_addch(&b, *p);
	}
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

char **
browser_argv(const char *cmdline, const char *url, struct err *err)
{
	char **words, **argv, *env, *first = NULL;
	bool used = false;
	int argc, i;

	if (browser_check_url(url, err) < 0)
		return (NULL);
	if (cmdline == NULL || cmdline[0] == '\0') {
		env = getenv("BROWSER");
		if (env != NULL && env[0] != '\0') {
			first = xstrndup(env, strcspn(env, ":"));
			cmdline = first;
		} else
			cmdline = "xdg-open";
	}
	if (conf_split_words(cmdline, &argc, &words, err) < 0) {
		free(first);
		return (NULL);
	}
	free(first);
	if (argc == 0) {
		conf_words_free(words);
		err_set(err, ERR_CONFIG, "the browser command is empty");
		return (NULL);
	}
	argv = xcalloc((size_t)argc + 2, sizeof(*argv));
	for (i = 0; i < argc; i++)
		argv[i] = substitute(words[i], url, &used);
	if (!used)
		argv[argc++] = xstrdup(url);
	argv[argc] = NULL;
	conf_words_free(words);
	return (argv);
}

void
browser_argv_free(char **argv)
{
	conf_words_free(argv);
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
