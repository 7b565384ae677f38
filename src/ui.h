/*
 * ui: the interactive interface (ncursesw).
 *
 * ui_run takes over the terminal until the user quits.  It runs a single
 * event loop: poll(2) on the terminal, a signal self-pipe (signal
 * handlers only set flags and write a byte) and, while feeds refresh, the
 * refresh's output.  Refreshing (r, R, refresh-on-startup) runs
 * `gazette refresh` as a child process, so the interface never freezes;
 * its commits, and those of any outside refresh (cron), are noticed
 * through PRAGMA data_version and the counts update as feeds complete.
 * (A child process rather than refresh.h in this process: parsing, the
 * per-feed transactions and the search index sync that ends a refresh
 * then use the other core and can never stall a key press.)
 *
 * GAZETTE_EXIT_AFTER_DRAW=1 in the environment makes ui_run return right
 * after the first screen has been drawn (for timing start-up by hand;
 * bench/startup times the real thing from outside, in a pty).
 */
#ifndef GAZETTE_UI_H
#define GAZETTE_UI_H

#include "conf.h"

struct store;

struct ui_opts {
	struct conf	*cfg;
	struct store	*store;
	const char	*urls_path;	/* for refreshes */
	const char	*db_path;
	const char	*config_path;	/* NULL: the default */
	const char	*message;	/* first status line, or NULL */
};

/* 0 on a normal quit, -1 when the terminal could not be used. */
int	ui_run(const struct ui_opts *opts);

#endif
