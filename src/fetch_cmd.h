/*
 * fetch_cmd: the commands of exec: and filter: feeds, for fetch.c.
 *
 * The command comes from the user's own urls file, so it may use shell
 * syntax: it runs as `sh -c COMMAND`, as in newsboat.  Nothing from a
 * feed is ever part of it: a filter: feed's document reaches it on
 * standard input only.
 *
 * The child runs in a session (and process group) of its own, with
 * default signal dispositions, an empty signal mask and no descriptor
 * of gazette's but its standard input (the document, or /dev/null),
 * output and error (pipes to gazette).  It can read no key and write
 * nothing on the terminal.  fetch.c reads its output without blocking,
 * keeps the first FETCH_CMD_ERRTEXT bytes of its standard error for the
 * report, and ends the whole process group (SIGKILL) when the command
 * runs out of time, writes too much or is no longer wanted.  The child
 * is always reaped.
 *
 * A process that starts a command ignores SIGPIPE from then on: a
 * command that quits before reading all of its input makes the write
 * fail with EPIPE instead of killing gazette.
 */
#ifndef GAZETTE_FETCH_CMD_H
#define GAZETTE_FETCH_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "err.h"

#define FETCH_CMD_ERRTEXT	1024

struct fetch_cmd {
	pid_t		 pid;		/* 0 once reaped */
	pid_t		 pgid;		/* its process group, 0 when ended */
	int		 status;	/* waitpid's, once reaped */
	int		 out, err, in;	/* gazette's ends; -1 when closed */
	const unsigned char *input;	/* borrowed until the end */
	size_t		 input_len, input_off;
	char		 errtext[FETCH_CMD_ERRTEXT];
	size_t		 errlen;
};

/*
 * Start `sh -c command`, with input[0..len) on its standard input
 * (input NULL: /dev/null).  0, or -1 with err set (nothing to reap).
 */
int	fetch_cmd_start(struct fetch_cmd *c, const char *command,
	    const void *input, size_t len, struct err *err);
/* Feed its standard input and drain its standard error, not blocking. */
void	fetch_cmd_io(struct fetch_cmd *c);
/*
 * Read its standard output: bytes read, 0 at the end (out is closed
 * then), -1 when nothing is there yet, -2 on an error (errno).
 */
ssize_t	fetch_cmd_read(struct fetch_cmd *c, void *buf, size_t len);
/* Has it exited (reaped then, status set)?  Never blocks. */
bool	fetch_cmd_reaped(struct fetch_cmd *c);
/* End its process group (SIGKILL), reap it, close everything. */
void	fetch_cmd_kill(struct fetch_cmd *c);
/* Close gazette's ends (after it was reaped). */
void	fetch_cmd_close(struct fetch_cmd *c);
/*
 * Why a reaped command failed, as one line without control characters
 * ("exited with status 3: LAST LINE OF STDERR", "killed by signal 9"),
 * or NULL when it exited 0.
 */
const char *fetch_cmd_failure(const struct fetch_cmd *c, char *buf,
	    size_t len);

#endif
