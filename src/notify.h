/*
 * notify: newsboat's notifications after a refresh (notify-program,
 * notify-always, notify-format, notify-beep), for gazette refresh and so
 * for the interface, whose refreshes are gazette refresh children.
 *
 * The message is notify-format with newsboat's keys (format.h):
 *   %n unread articles, %f feeds with unread articles, %d new articles
 *   of this refresh, %D feeds that got new articles in it.
 * notify-program gets it as its last argument: a plain command is run
 * without a shell; one with shell syntax runs under sh -c with the
 * message as "$1" (browser.h), never as shell text.  It is detached:
 * gazette does not wait for it.
 */
#ifndef GAZETTE_NOTIFY_H
#define GAZETTE_NOTIFY_H

#include <stddef.h>
#include <stdint.h>

#include "conf.h"
#include "err.h"

struct store;

struct notify_counts {
	int64_t	unread;		/* %n */
	int64_t	unread_feeds;	/* %f */
	int64_t	new_items;	/* %d */
	int64_t	new_feeds;	/* %D */
};

/* notify-format expanded (a fresh, sanitised string). */
char	*notify_message(const char *fmt, const struct notify_counts *c);

/*
 * After a refresh that stored new_items new articles in new_feeds
 * feeds: when notify-always is set or there are new articles, run
 * notify-program (if set) and, when beep and notify-beep, ring the
 * terminal's bell on stderr.  0, or -1 with err when the program
 * cannot be run.
 */
int	 notify_refresh(struct store *st, const struct conf *cfg,
	    size_t new_items, size_t new_feeds, bool beep, struct err *err);

#endif
