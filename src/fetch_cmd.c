/* fetch_cmd: exec: and filter: commands, run without blocking gazette. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fetch_cmd.h"

/* A descriptor of gazette's, at 3 or above (never one of the child's
   0, 1 or 2 by accident), close-on-exec; -1 on failure (fd closed). */
static int
high_fd(int fd)
{
	int nfd;

	if (fd > 2)
		return (fd);
	nfd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return (nfd);
}

static int
make_pipe(int fds[2], struct err *err)
{
	if (pipe2(fds, O_CLOEXEC) == -1) {
		err_set(err, ERR_IO, "pipe: %s", strerror(errno));
		return (-1);
	}
	fds[0] = high_fd(fds[0]);
	fds[1] = high_fd(fds[1]);
	if (fds[0] == -1 || fds[1] == -1) {
		err_set(err, ERR_IO, "pipe: %s", strerror(errno));
		if (fds[0] != -1)
			close(fds[0]);
		if (fds[1] != -1)
			close(fds[1]);
		return (-1);
	}
	return (0);
}

static void
close_fd(int *fd)
{
	if (*fd != -1) {
		close(*fd);
		*fd = -1;
	}
}

/*
 * In the child, between fork and exec: async-signal-safe calls only
 * (the refresh has a writer thread).  in, out and err are >= 3.
 */
static void
child(const char *command, int in, int out, int err, int maxfd)
{
	struct sigaction sa;
	sigset_t none;
	int fd, sig;

	(void)setsid();
	if (dup2(in, 0) == -1 || dup2(out, 1) == -1 || dup2(err, 2) == -1)
		_exit(126);
#ifdef SYS_close_range
	if (syscall(SYS_close_range, 3U, ~0U, 0U) == -1)
#endif
		for (fd = 3; fd < maxfd; fd++)
			(void)close(fd);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_DFL;
	sigemptyset(&sa.sa_mask);
	for (sig = 1; sig < NSIG; sig++)
		if (sig != SIGKILL && sig != SIGSTOP)
			(void)sigaction(sig, &sa, NULL);
	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

static void
ignore_sigpipe(void)
{
	struct sigaction sa;

	if (sigaction(SIGPIPE, NULL, &sa) == 0 && sa.sa_handler == SIG_DFL) {
		sa.sa_handler = SIG_IGN;
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0;
		(void)sigaction(SIGPIPE, &sa, NULL);
	}
}

int
fetch_cmd_start(struct fetch_cmd *c, const char *command, const void *input,
    size_t len, struct err *err)
{
	struct rlimit rl;
	int inp[2] = { -1, -1 }, outp[2] = { -1, -1 }, errp[2] = { -1, -1 };
	int maxfd = 1024;
	pid_t pid;

	memset(c, 0, sizeof(*c));
	c->out = c->err = c->in = -1;
	ignore_sigpipe();
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
		maxfd = rl.rlim_cur > 65536 ? 65536 : (int)rl.rlim_cur;
	if (input != NULL) {
		if (make_pipe(inp, err) == -1)
			return (-1);
	} else if ((inp[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)) == -1 ||
	    (inp[0] = high_fd(inp[0])) == -1) {
		err_set(err, ERR_IO, "/dev/null: %s", strerror(errno));
		return (-1);
	}
	if (make_pipe(outp, err) == -1 || make_pipe(errp, err) == -1)
		goto fail;
	if ((pid = fork()) == -1) {
		err_set(err, ERR_IO, "fork: %s", strerror(errno));
		goto fail;
	}
	if (pid == 0)
		child(command, inp[0], outp[1], errp[1], maxfd);
	close(inp[0]);
	close(outp[1]);
	close(errp[1]);
	c->pid = c->pgid = pid;
	c->in = inp[1];
	c->out = outp[0];
	c->err = errp[0];
	c->input = input;
	c->input_len = len;
	(void)fcntl(c->out, F_SETFL, O_NONBLOCK);
	(void)fcntl(c->err, F_SETFL, O_NONBLOCK);
	if (c->in != -1)
		(void)fcntl(c->in, F_SETFL, O_NONBLOCK);
	if (c->in != -1 && len == 0)
		close_fd(&c->in);
	return (0);
fail:
	close_fd(&inp[0]);
	close_fd(&inp[1]);
	close_fd(&outp[0]);
	close_fd(&outp[1]);
	close_fd(&errp[0]);
	close_fd(&errp[1]);
	return (-1);
}

void
fetch_cmd_io(struct fetch_cmd *c)
{
	char sink[4096];
	ssize_t n;
	size_t want;

	while (c->in != -1) {
		want = c->input_len - c->input_off;
		if (want > 65536)
			want = 65536;
		n = write(c->in, c->input + c->input_off, want);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			/* EPIPE: it does not want the rest. */
			close_fd(&c->in);
			break;
		}
		c->input_off += (size_t)n;
		if (c->input_off == c->input_len)
			close_fd(&c->in);
	}
	while (c->err != -1) {
		n = read(c->err, sink, sizeof(sink));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 && errno == EAGAIN)
			break;
		if (n <= 0) {
			close_fd(&c->err);
			break;
		}
		want = (size_t)n;
		if (want > sizeof(c->errtext) - c->errlen)
			want = sizeof(c->errtext) - c->errlen;
		memcpy(c->errtext + c->errlen, sink, want);
		c->errlen += want;
	}
}

ssize_t
fetch_cmd_read(struct fetch_cmd *c, void *buf, size_t len)
{
	ssize_t n;

	if (c->out == -1)
		return (0);
	while ((n = read(c->out, buf, len)) == -1 && errno == EINTR)
		continue;
	if (n == -1)
		return (errno == EAGAIN ? -1 : -2);
	if (n == 0)
		close_fd(&c->out);
	return (n);
}

bool
fetch_cmd_reaped(struct fetch_cmd *c)
{
	pid_t r;
	int status;

	if (c->pid == 0)
		return (true);
	while ((r = waitpid(c->pid, &status, WNOHANG)) == -1 &&
	    errno == EINTR)
		continue;
	if (r == 0)
		return (false);
	c->status = r == c->pid ? status : 0;
	c->pid = 0;
	return (true);
}

void
fetch_cmd_close(struct fetch_cmd *c)
{
	close_fd(&c->in);
	close_fd(&c->out);
	close_fd(&c->err);
}

void
fetch_cmd_kill(struct fetch_cmd *c)
{
	int status;

	/* Its group is its session: whatever it started goes too (even
	   after the command itself exited, leaving its output open). */
	if (c->pgid != 0)
		(void)kill(-c->pgid, SIGKILL);
	c->pgid = 0;
	if (c->pid != 0) {
		(void)kill(c->pid, SIGKILL);
		while (waitpid(c->pid, &status, 0) == -1 && errno == EINTR)
			continue;
		c->status = status;
		c->pid = 0;
	}
	fetch_cmd_close(c);
}

/* The last non-blank line of what it said on stderr, made safe. */
static void
last_line(const struct fetch_cmd *c, char *out, size_t outlen)
{
	const char *s = c->errtext, *e = c->errtext + c->errlen, *b;
	size_t i = 0;

	while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' ||
	    e[-1] == '\t'))
		e--;
	for (b = e; b > s && b[-1] != '\n'; b--)
		continue;
	for (; b < e && i + 1 < outlen; b++) {
		unsigned char ch = (unsigned char)*b;

		/* C0, DEL; a C1 control is dropped with its lead byte. */
		if (ch == 0xc2 && b + 1 < e &&
		    (unsigned char)b[1] >= 0x80 && (unsigned char)b[1] <= 0x9f) {
			out[i++] = '?';
			b++;
		} else
			out[i++] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	out[i] = '\0';
}

const char *
fetch_cmd_failure(const struct fetch_cmd *c, char *buf, size_t len)
{
	char said[256];
	int n;

	if (WIFEXITED(c->status) && WEXITSTATUS(c->status) == 0)
		return (NULL);
	last_line(c, said, sizeof(said));
	if (WIFEXITED(c->status))
		n = snprintf(buf, len, "command exited with status %d",
		    WEXITSTATUS(c->status));
	else if (WIFSIGNALED(c->status))
		n = snprintf(buf, len, "command killed by signal %d (%s)",
		    WTERMSIG(c->status), strsignal(WTERMSIG(c->status)));
	else
		n = snprintf(buf, len, "command failed");
	if (said[0] != '\0' && n > 0 && (size_t)n < len)
		snprintf(buf + n, len - (size_t)n, ": %s", said);
	return (buf);
}
