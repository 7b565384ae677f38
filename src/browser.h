/*
 * browser: open a link in the user's browser without a shell.
 *
 * The command line comes from the "browser" setting, else $BROWSER (its
 * first ':'-separated entry), else xdg-open.  gazette splits it into words
 * itself (conf.h quoting), replaces %u in any word with the URL (or adds
 * the URL as the last word) and runs it with fork/execvp: the URL is
 * always exactly one argv element.  Only http, https and file URLs are
 * opened, and never one that starts with '-'.
 *
 * Text browsers (w3m, lynx...) run in the foreground: the caller gives
 * up the terminal first and gazette waits.  Others are detached (their
 * own session, stdio on /dev/null) so they never write on the screen.
 */
#ifndef GAZETTE_BROWSER_H
#define GAZETTE_BROWSER_H

#include <stdbool.h>

#include "err.h"

/* 0 when url may be handed to a browser, else -1 with err set. */
int	 browser_check_url(const char *url, struct err *err);
/*
 * The argv to run (NULL-terminated; free with browser_argv_free), or NULL
 * with err set.  cmdline NULL or "" means $BROWSER, then xdg-open.
 */
char	**browser_argv(const char *cmdline, const char *url, struct err *err);
void	 browser_argv_free(char **argv);
/* Does argv0 (a path or a name) name one of the space-separated names? */
bool	 browser_is_text(const char *argv0, const char *text_browsers);
/*
 * Run argv.  foreground: wait for it and return its exit status (0-255,
 * or 128+signal).  Otherwise detach it and return 0 once it has been
 * started.  -1 with err set when it cannot be run at all.
 */
int	 browser_run(char **argv, bool foreground, struct err *err);

#endif
