/*
 * conf_differs: newsboat's commands gazette applies, but with a meaning
 * that differs from newsboat's on purpose, each with what differs.  A
 * line naming one is applied and counted as such, and named in the one
 * start-up warning beside the lines not applied (gazette.conf(5) says
 * the same, setting by setting).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "xmalloc.h"

struct differs {
	const char	*name;
	bool		 if_yes;	/* only with a true value */
	const char	*same;	/* values (by prefix) meaning the same */
	const char	*how;
};

static const struct differs table[] = {
	{ "always-display-description", true, NULL,
	    "applies to articles as they are fetched: those stored keep "
	    "their text" },
	{ "article-sort-order", false, "date",
	    "titles and authors compare without ASCII case, flags by the ! "
	    "flag alone, ties by date; no random" },
	{ "cleanup-on-quit", true, NULL,
	    "nothing is deleted while the urls file lists no feed at all" },
	{ "delete-read-articles-on-quit", true, NULL,
	    "flagged articles are kept, and it works without "
	    "cleanup-on-quit" },
	{ "feed-sort-order", false, "none",
	    "urls separator lines move only with none; no latestunread" },
	{ "highlight", false, NULL,
	    "in gazette's own list lines each column is matched on its "
	    "own" },
	{ "highlight-article", false, NULL,
	    "the selected row keeps the listfocus colours" },
	{ "ignore-article", false, NULL,
	    "also hides the articles already stored that it matches, with "
	    "either ignore-mode" },
};

static bool
is_yes(const char *v)
{
	return (strcasecmp(v, "yes") == 0 || strcasecmp(v, "true") == 0 ||
	    strcmp(v, "1") == 0);
}

void
conf_differs_note(struct conf *cfg, const char *file, unsigned line,
    int argc, char **argv)
{
	struct conf_skip *k;
	size_t i;

	if (argc < 1)
		return;
	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(table[i].name, argv[0]) == 0)
			break;
	if (i == sizeof(table) / sizeof(table[0]) ||
	    (table[i].if_yes && (argc != 2 || !is_yes(argv[1]))) ||
	    (table[i].same != NULL && argc == 2 && strncmp(argv[1],
	    table[i].same, strlen(table[i].same)) == 0))
		return;
	if (cfg->n_diffs < CONF_MAX_SKIPS) {
		cfg->diffs = xreallocarray(cfg->diffs, cfg->n_diffs + 1,
		    sizeof(*cfg->diffs));
		k = &cfg->diffs[cfg->n_diffs];
		k->file = xstrdup(file);
		k->line = line;
		k->what = xstrdup(argv[0]);
		k->instead = table[i].how;
	}
	cfg->n_diffs++;
}

void
conf_differs_each(const struct conf *cfg, conf_line_fn fn, void *arg)
{
	conf_lines_each(cfg->diffs, cfg->n_diffs < CONF_MAX_SKIPS ?
	    cfg->n_diffs : CONF_MAX_SKIPS, cfg->n_diffs, fn, arg);
}

void
conf_differs_free(struct conf *cfg)
{
	size_t i;

	for (i = 0; i < cfg->n_diffs && i < CONF_MAX_SKIPS; i++) {
		free(cfg->diffs[i].file);
		free(cfg->diffs[i].what);
	}
	free(cfg->diffs);
	cfg->diffs = NULL;
	cfg->n_diffs = 0;
}
