/* killfile: ignore-article rules joined into one condition (killfile.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filter.h"
#include "killfile.h"
#include "xmalloc.h"

struct killfile {
	struct filter	**rules;
	char		**feeds;	/* URL, or NULL for "*" */
	size_t		  n;
	int		  next;		/* the next free parameter number */
	/* The joined condition, built on demand. */
	struct buf	  sql;
	struct store_param *params;
	struct store_where where;
	bool		  built;
};

struct killfile *
killfile_new(void)
{
	struct killfile *k = xcalloc(1, sizeof(*k));

	k->next = STORE_HIDE_PARAM0;
	buf_init(&k->sql, 1 << 24);
	return (k);
}

void
killfile_free(struct killfile *k)
{
	size_t i;

	if (k == NULL)
		return;
	for (i = 0; i < k->n; i++) {
		filter_free(k->rules[i]);
		free(k->feeds[i]);
	}
	free(k->rules);
	free(k->feeds);
	free(k->params);
	buf_free(&k->sql);
	free(k);
}

int
killfile_add(struct killfile *k, const char *feed, const char *expr,
    struct err *err)
{
	struct filter *f;
	bool one = strcmp(feed, "*") != 0;

	if (feed[0] == '\0') {
		err_set(err, ERR_CONFIG, "a feed URL or * is needed");
		return (-1);
	}
	/* One value more for a feed's URL. */
	if ((f = filter_parse_at(expr, k->next + one, err)) == NULL)
		return (-1);
	if ((size_t)(k->next + one) + filter_where(f)->nparams >
	    STORE_HIDE_PARAM0 + STORE_HIDE_PARAMS) {
		filter_free(f);
		err_set(err, ERR_LIMIT, "too many ignore-article values "
		    "(at most %d in all)", STORE_HIDE_PARAMS);
		return (-1);
	}
	k->rules = xreallocarray(k->rules, k->n + 1, sizeof(*k->rules));
	k->feeds = xreallocarray(k->feeds, k->n + 1, sizeof(*k->feeds));
	k->rules[k->n] = f;
	k->feeds[k->n] = one ? xstrdup(feed) : NULL;
	k->n++;
	k->next += one + (int)filter_where(f)->nparams;
	k->built = false;
	return (0);
}

size_t
killfile_count(const struct killfile *k)
{
	return (k != NULL ? k->n : 0);
}

const struct store_where *
killfile_where(struct killfile *k)
{
	const struct store_where *w;
	size_t i, j, np = 0;

	if (k == NULL || k->n == 0)
		return (NULL);
	if (k->built)
		return (&k->where);
	free(k->params);
	k->params = xcalloc((size_t)(k->next - STORE_HIDE_PARAM0) + 1,
	    sizeof(*k->params));
	buf_reset(&k->sql);
	(void)buf_addch(&k->sql, '(');
	for (i = 0; i < k->n; i++) {
		w = filter_where(k->rules[i]);
		if (i > 0)
			(void)buf_addstr(&k->sql, " OR ");
		if (k->feeds[i] != NULL) {
			/* Through the feed index: a feed's rule reads its
			   rows only. */
			(void)buf_addf(&k->sql, "(i.feed_id IN (SELECT id FROM"
			    " feeds WHERE url = ?%zu) AND %s)",
			    (size_t)STORE_HIDE_PARAM0 + np, w->sql);
			k->params[np].is_int = false;
			k->params[np].s = k->feeds[i];
			np++;
		} else
			(void)buf_addstr(&k->sql, w->sql);
		for (j = 0; j < w->nparams; j++)
			k->params[np++] = w->params[j];
	}
	(void)buf_addch(&k->sql, ')');
	k->where.sql = buf_str(&k->sql);
	k->where.params = k->params;
	k->where.nparams = np;
	k->where.param0 = STORE_HIDE_PARAM0;
	k->built = true;
	return (&k->where);
}
