/* notify: newsboat's notifications after a refresh (see notify.h). */
#include "config.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "browser.h"
#include "format.h"
#include "notify.h"
#include "store.h"

char *
notify_message(const char *fmt, const struct notify_counts *c)
{
	struct format_args a;
	char n[24], f[24], d[24], D[24];

	snprintf(n, sizeof(n), "%" PRId64, c->unread);
	snprintf(f, sizeof(f), "%" PRId64, c->unread_feeds);
	snprintf(d, sizeof(d), "%" PRId64, c->new_items);
	snprintf(D, sizeof(D), "%" PRId64, c->new_feeds);
	format_args_init(&a);
	format_set(&a, 'n', n);
	format_set(&a, 'f', f);
	format_set(&a, 'd', d);
	format_set(&a, 'D', D);
	return (format_expand(fmt, &a, 0));
}

int
notify_refresh(struct store *st, const struct conf *cfg, size_t new_items,
    size_t new_feeds, bool beep, struct err *err)
{
	struct store_feed_list l = { NULL, 0 };
	struct notify_counts c;
	char **argv, *msg;
	size_t i;
	int rc;

	if (new_items == 0 && !cfg->notify_always)
		return (0);
	if (beep && cfg->notify_beep) {
		fputc('\a', stderr);
		fflush(stderr);
	}
	if (cfg->notify_program[0] == '\0')
		return (0);
	c.new_items = (int64_t)new_items;
	c.new_feeds = (int64_t)new_feeds;
	c.unread = c.unread_feeds = 0;
	if (store_feeds_list(st, &l, err) < 0)
		return (-1);
	for (i = 0; i < l.n; i++) {
		if (l.feeds[i].gone || l.feeds[i].unread == 0)
			continue;
		c.unread += l.feeds[i].unread;
		c.unread_feeds++;
	}
	store_feed_list_free(&l);
	msg = notify_message(cfg->notify_format, &c);
	if ((argv = browser_argv(cfg->notify_program, msg, err)) == NULL) {
		free(msg);
		return (-1);
	}
	rc = browser_run(argv, false, err);
	conf_words_free(argv);
	free(msg);
	return (rc < 0 ? -1 : 0);
}
