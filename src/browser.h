/*
 * browser: open a link in the user's browser without a shell.
 *
 * The command comes from the "browser" setting, else $BROWSER (tried
 * entry by entry), else the first text browser installed.  A plain
 * command is split into words here (conf.h quoting) and run with
 * fork/execvp; one with shell syntax runs under sh -c with the URL as
 * its first positional parameter.  Either way the URL is exactly one
 * argv element.  Only http, https and file URLs are opened, and never
 * one that starts with '-'.
 *
 * Text browsers (w3m, lynx...) run in the foreground: the caller gives
 * up the terminal first and gazette waits.  Others are detached (their
 * own session, stdio on /dev/null) so they never write on the screen.
 */
#ifndef GAZETTE_BROWSER_H
#define GAZETTE_BROWSER_H

#include <stdbool.h>
#include <stddef.h>

#include "err.h"

/* 0 when url may be handed to a browser, else -1 with err set. */
int	 browser_check_url(const char *url, struct err *err);
/* One way of opening a link: what to execvp, and the program it starts. */
struct browser_cmd {
	char	**argv;
	char	 *name;		/* for messages and browser_is_text */
};

/* The commands to try in turn until one starts. */
struct browser_plan {
	struct browser_cmd	*cmds;
	size_t			 n;
};

/*
 * Plan how to open url: the "browser" setting when not empty (%u marks
 * the URL); else each ':'-separated entry of env ($BROWSER; %s marks the
 * URL); else the first installed of w3m, lynx, elinks, links, xdg-open.
 * Without a mark the URL is added as a last word.  A command with shell
 * syntax runs as sh -c with the URL as "$1", never spliced into it.
 * 0, or -1 with err set.
 */
int	 browser_plan(struct browser_plan *plan, const char *setting,
	    const char *env, const char *url, struct err *err);
void	 browser_plan_free(struct browser_plan *plan);
/* Does argv0 (a path or a name) name one of the space-separated names? */
bool	 browser_is_text(const char *argv0, const char *text_browsers);
/*
 * Run argv.  foreground: wait for it and return its exit status (0-255,
 * or 128+signal).  Otherwise detach it and return 0 once it has been
 * started.  -1 with err set when it cannot be run at all.
 */
int	 browser_run(char **argv, bool foreground, struct err *err);
/*
 * A command of the user's (notify-program...) with arg as its last
 * argument, planned as a browser command is (arg is never shell text);
 * a fresh NULL-terminated argv for browser_run, or NULL with err.
 */
char	**browser_argv(const char *cmd, const char *arg, struct err *err);

#endif
