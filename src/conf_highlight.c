/*
 * conf_highlight: highlight-article and highlight lines (see conf.h).
 * An expression or a regular expression that does not compile is an
 * error on its line, so it is named at start-up and by check-config
 * rather than failing later on screen.
 */
#include "config.h"

#include <regex.h>
#include <string.h>

#include "conf.h"
#include "filter.h"
#include "xmalloc.h"

static const char *const locations[] = {
	"feedlist", "articlelist", "article", "all", NULL
};

static int
add(struct conf *cfg, enum conf_hl_kind kind, const char *pattern,
    const struct conf_color *c, struct err *err)
{
	struct conf_hl *h;

	if (cfg->n_hls >= CONF_MAX_HLS) {
		err_set(err, ERR_CONFIG, "at most %d highlight lines",
		    CONF_MAX_HLS);
		return (-1);
	}
	cfg->hls = xreallocarray(cfg->hls, cfg->n_hls + 1,
	    sizeof(*cfg->hls));
	h = &cfg->hls[cfg->n_hls++];
	h->kind = kind;
	h->pattern = xstrdup(pattern);
	h->color = *c;
	return (0);
}

static int
article_words(struct conf *cfg, int argc, char **argv, struct err *err)
{
	struct conf_color c;
	struct filter *f;
	struct err ferr = ERR_INIT;

	if (argc < 4) {
		err_set(err, ERR_CONFIG, "usage: highlight-article EXPRESSION "
		    "FOREGROUND BACKGROUND [ATTRIBUTE...]");
		return (-1);
	}
	if ((f = filter_parse(argv[1], &ferr)) == NULL) {
		err_set(err, ERR_CONFIG, "highlight-article: %s", ferr.msg);
		return (-1);
	}
	filter_free(f);
	if (conf_color_parse(argv[0], argc - 2, argv + 2, &c, err) == -1)
		return (-1);
	return (add(cfg, CONF_HL_ARTICLES, argv[1], &c, err));
}

static int
regex_words(struct conf *cfg, int argc, char **argv, struct err *err)
{
	struct conf_color c;
	regex_t re;
	char msg[128];
	int i, rc;

	if (argc < 4) {
		err_set(err, ERR_CONFIG, "usage: highlight LOCATION REGEX "
		    "FOREGROUND [BACKGROUND [ATTRIBUTE...]]");
		return (-1);
	}
	for (i = 0; locations[i] != NULL; i++)
		if (strcmp(argv[1], locations[i]) == 0)
			break;
	if (locations[i] == NULL) {
		err_set(err, ERR_CONFIG, "highlight: unknown location '%s' "
		    "(feedlist, articlelist, article or all)", argv[1]);
		return (-1);
	}
	if ((rc = regcomp(&re, argv[2], REG_EXTENDED | REG_ICASE)) != 0) {
		regerror(rc, &re, msg, sizeof(msg));
		err_set(err, ERR_CONFIG, "highlight: %s: %s", argv[2], msg);
		return (-1);
	}
	regfree(&re);
	if (conf_color_parse(argv[0], argc - 3, argv + 3, &c, err) == -1)
		return (-1);
	return (add(cfg, (enum conf_hl_kind)(CONF_HL_FEEDLIST + i), argv[2],
	    &c, err));
}

int
conf_highlight_words(struct conf *cfg, int argc, char **argv,
    struct err *err)
{
	if (strcmp(argv[0], "highlight") == 0)
		return (regex_words(cfg, argc, argv, err));
	return (article_words(cfg, argc, argv, err));
}
