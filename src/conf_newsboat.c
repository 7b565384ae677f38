/*
 * conf_newsboat: newsboat's commands, colour elements and key actions
 * that gazette accepts without applying, each with what gazette does
 * instead.  A line naming one of them is not an error: it is counted and
 * named in the one start-up warning (and by gazette check-config).  When
 * gazette learns one of them, its row goes from here to conf.c's option
 * table (or keymap.c's actions); conf.c asks the real tables first.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "xmalloc.h"

struct instead {
	const char	*name;
	const char	*instead;
	const char	*same;	/* the value meaning gazette's way, or NULL */
};

static const char notify[] = "no terminal title or screen message: the "
    "status line counts the new articles (notify-program and notify-beep "
    "work)";
static const char service[] = "not applied: gazette syncs through "
    "urls-source \"freshrss\", \"greader\", \"inoreader\", \"oldreader\" "
    "or \"feedhq\" and their settings (a Google Reader API server: "
    "FreshRSS, Miniflux, Inoreader...); otherwise feeds come from the "
    "urls file";
static const char share[] = "not applied: sharing (broadcast) is not "
    "synced: the letter stays a local flag (the -flag-star setting "
    "syncs starring)";
static const char title_fmt[] = "gazette has no such view: the title "
    "is not shown";
static const char filters[] = "not applied yet: query feeds and filters "
    "are being added";

static const struct instead commands[] = {
	{ "bind", "not applied: use bind-key", NULL },
	{ "cache-file", "the database is the one named with -d "
	    "(see gazette(1))", NULL },
	{ "confirm-mark-feed-read", "A marks the feed read at once", NULL },
	{ "display-article-progress", "no progress figure in the article "
	    "view", "no" },
	{ "download-full-page", "the feed's own text is shown", "no" },
	{ "feedhq-flag-share", share, "" },
	{ "highlight-feed", filters, NULL },
	{ "inoreader-flag-share", share, "" },
	{ "notify-screen", notify, "no" },
	{ "notify-xterm", notify, "no" },
	{ "oldreader-flag-share", share, "" },
	{ "opml-url", service, NULL },
	{ "selecttag-format", "gazette's own tag prompt", NULL },
	{ "ssl-verifyhost", "certificates are always checked", "yes" },
	{ "ssl-verifypeer", "certificates are always checked", "yes" },
	{ "unbind", "not applied: use unbind-key", NULL },
	{ "urls-source", service, NULL },
};

/* Settings of newsboat's syncing services, by prefix. */
static const char *const service_prefixes[] = {
	"bazqux-", "feedbin-",
	/*
	 * freshrss-*, inoreader-*, oldreader-*, feedhq-*: gazette's own
	 * (conf.c, but for *-flag-share above), any other is unknown.
	 */
	"miniflux-", "newsblur-", "ocnews-", "ttrss-",
};

/*
 * Colour elements newsboat has and gazette does not apply: none now
 * (every element newsboat documents is in conf.h's CONF_ELEMENTS).
 */
static const struct instead elements[] = {
	{ "", NULL, NULL },
};

/* newsboat's actions; consulted only for those the keymap lacks. */
static const char *const actions[] = {
	"article-feed", "bookmark", "close-dialog",
	"delete-all-articles", "delete-article", "edit-flags",
	"edit-urls", "eight", "five", "four", "goto-title",
	"help", "mark-all-above-as-read", "next-dialog",
	"next-feed", "next-unread-feed", "nine", "one",
	"open-all-unread-in-browser",
	"open-all-unread-in-browser-and-mark-read",
	"open-in-browser-noninteractively", "pipe-to",
	"prev-dialog", "prev-feed", "prev-unread-feed", "purge-deleted",
	"random-unread", "reload-urls", "rev-sort", "save", "save-all",
	"seven", "six", "sort",
	"switch-focus", "three", "toggle-source-view", "two",
	"view-dialogs", "zero", "toggle-show-read-articles",
	"mark-feed-read", "show-urls", "set-tag", "clear-tag",
	"open-search", "goto-url", "redraw",
};

static const char *
lookup(const struct instead *tab, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(tab[i].name, name) == 0)
			return (tab[i].instead);
	return (NULL);
}

const char *
conf_newsboat_same(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, name) == 0)
			return (commands[i].same);
	return (NULL);
}

const char *
conf_newsboat_instead(const char *name)
{
	const char *s;
	size_t i, n;

	if ((s = lookup(commands, sizeof(commands) / sizeof(commands[0]),
	    name)) != NULL)
		return (s);
	for (i = 0; i < sizeof(service_prefixes) /
	    sizeof(service_prefixes[0]); i++)
		if (strncmp(name, service_prefixes[i],
		    strlen(service_prefixes[i])) == 0)
			return (service);
	n = strlen(name);
	if (n > 13 && strcmp(name + n - 13, "-title-format") == 0)
		return (title_fmt);
	return (NULL);
}

const char *
conf_newsboat_element_instead(const char *element)
{
	return (lookup(elements, sizeof(elements) / sizeof(elements[0]),
	    element));
}

const char *
conf_newsboat_action_instead(const char *action)
{
	size_t i;

	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (strcmp(actions[i], action) == 0)
			return ("gazette has no such action yet: the key "
			    "keeps its own binding (? lists them)");
	return (NULL);
}

const char *
conf_newsboat_context_instead(const char *context)
{
	static const char *const views[] = { "dialogs", "dirbrowser",
	    "filebrowser", "searchresultslist",
	    "tagselection" };
	size_t i;

	for (i = 0; i < sizeof(views) / sizeof(views[0]); i++)
		if (strcmp(views[i], context) == 0)
			return ("gazette has no such view: the key is not "
			    "bound there");
	return (NULL);
}

void
conf_skips_each(const struct conf *cfg, conf_line_fn fn, void *arg)
{
	conf_lines_each(cfg->skips, cfg->n_skips < CONF_MAX_SKIPS ?
	    cfg->n_skips : CONF_MAX_SKIPS, cfg->n_skips, fn, arg);
}

void
conf_lines_each(const struct conf_skip *lines, size_t n, size_t total,
    conf_line_fn fn, void *arg)
{
	size_t i, j, shown;
	const struct conf_skip *k;
	struct buf b;
	bool *done;

	done = xcalloc(n + 1, sizeof(*done));
	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < n; i++) {
		if (done[i])
			continue;
		k = &lines[i];
		buf_reset(&b);
		(void)buf_addf(&b, "%s (", k->what);
		for (j = i, shown = 0; j < n; j++) {
			if (done[j] || strcmp(lines[j].what, k->what) != 0)
				continue;
			done[j] = true;
			if (shown < 5)
				(void)buf_addf(&b, "%s%s:%u", shown > 0 ? ", " :
				    "", lines[j].file, lines[j].line);
			shown++;
		}
		if (shown > 5)
			(void)buf_addf(&b, " and %zu more", shown - 5);
		(void)buf_addf(&b, "): %s", k->instead);
		fn(arg, buf_str(&b));
	}
	if (total > n) {
		buf_reset(&b);
		(void)buf_addf(&b, "... and %zu more lines", total - n);
		fn(arg, buf_str(&b));
	}
	buf_free(&b);
	free(done);
}
