/*
 * conf_filters: the config lines that hold filter expressions (newsboat's
 * filter language, filter.h): ignore-article FEED|* EXPR (the killfile)
 * and define-filter NAME EXPR.  Each expression is compiled when the line
 * is read, so a bad one is warned about with its file, line and position
 * in the expression, and the other lines still apply.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "filter.h"
#include "killfile.h"
#include "xmalloc.h"

static int
ignore_article(struct conf *cfg, int argc, char **argv, struct err *err)
{
	struct err ferr = ERR_INIT;

	if (argc != 3) {
		err_set(err, ERR_CONFIG, "usage: ignore-article FEED-URL|* "
		    "EXPRESSION (quote the expression)");
		return (-1);
	}
	if (cfg->killfile == NULL)
		cfg->killfile = killfile_new();
	if (killfile_add(cfg->killfile, argv[1], argv[2], &ferr) == -1) {
		err_set(err, ERR_CONFIG, "ignore-article: %s; rule not "
		    "applied", ferr.msg);
		return (-1);
	}
	return (0);
}

static int
define_filter(struct conf *cfg, int argc, char **argv, struct err *err)
{
	struct err ferr = ERR_INIT;
	struct filter *f;
	size_t i;

	if (argc != 3) {
		err_set(err, ERR_CONFIG, "usage: define-filter NAME EXPRESSION "
		    "(quote both)");
		return (-1);
	}
	if ((f = filter_parse(argv[2], &ferr)) == NULL) {
		err_set(err, ERR_CONFIG, "define-filter: %s", ferr.msg);
		return (-1);
	}
	filter_free(f);
	/* A name defined again takes the later expression. */
	for (i = 0; i < cfg->n_filters; i++)
		if (strcmp(cfg->filters[i].name, argv[1]) == 0)
			break;
	if (i == cfg->n_filters) {
		cfg->filters = xreallocarray(cfg->filters, cfg->n_filters + 1,
		    sizeof(*cfg->filters));
		cfg->filters[cfg->n_filters].name = xstrdup(argv[1]);
		cfg->filters[cfg->n_filters++].expr = NULL;
	}
	free(cfg->filters[i].expr);
	cfg->filters[i].expr = xstrdup(argv[2]);
	return (0);
}

int
conf_filter_words(struct conf *cfg, int argc, char **argv, struct err *err)
{
	if (strcmp(argv[0], "ignore-article") == 0)
		return (ignore_article(cfg, argc, argv, err));
	if (strcmp(argv[0], "define-filter") == 0)
		return (define_filter(cfg, argc, argv, err));
	return (2);
}

void
conf_filters_free(struct conf *cfg)
{
	size_t i;

	killfile_free(cfg->killfile);
	cfg->killfile = NULL;
	for (i = 0; i < cfg->n_filters; i++) {
		free(cfg->filters[i].name);
		free(cfg->filters[i].expr);
	}
	free(cfg->filters);
	cfg->filters = NULL;
	cfg->n_filters = 0;
}
