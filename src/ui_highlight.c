/*
 * ui_highlight: highlight-article (rows of article lists that meet a
 * filter expression) and highlight (text matching a regular expression,
 * case-insensitive, in the lists and the article view), as newsboat
 * colours them.
 *
 * highlight-article is answered by the store for the rows on screen only
 * (store_items_match: their ids and the compiled condition), never by
 * reading the store through; the first rule a row meets colours it.
 * highlight runs on text already sanitised and fitted to its cells, so
 * a pattern only chooses attributes: it never lets anything from a feed
 * reach the terminal raw, nor changes what is drawn.
 */
#include "config.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

struct ui_hl_rule {
	enum conf_hl_kind kind;
	struct filter	*flt;		/* CONF_HL_ARTICLES */
	regex_t		 re;		/* the others */
	attr_t		 attr;
};

struct ui_hl {
	struct ui_hl_rule *rules;
	size_t		 n;
	bool		 any_regex;
};

static attr_t
rule_attr(struct ui *ui, const struct conf_color *c, short *next_pair)
{
	attr_t a = ui_conf_attrs(c->attrs);

	if (!ui->colour) {
		/* Without colour, attributes alone must show it. */
		return (a != A_NORMAL ? a : A_UNDERLINE);
	}
	/* Pairs from the top down: the roles take them from 1 up. */
	if (*next_pair > 16) {
		init_pair(*next_pair, (short)(c->fg < COLORS ? c->fg : -1),
		    (short)(c->bg < COLORS ? c->bg : -1));
		a |= COLOR_PAIR(*next_pair);
		(*next_pair)--;
	}
	return (a);
}

void
ui_hl_setup(struct ui *ui)
{
	const struct conf *cfg = ui->cfg;
	struct ui_hl *hl;
	struct ui_hl_rule *r;
	struct err err = ERR_INIT;
	short next_pair = (short)(COLOR_PAIRS - 1 > 32767 ? 32767 :
	    COLOR_PAIRS - 1);
	size_t i;

	hl = xcalloc(1, sizeof(*hl));
	hl->rules = xcalloc(cfg->n_hls + 1, sizeof(*hl->rules));
	for (i = 0; i < cfg->n_hls; i++) {
		r = &hl->rules[hl->n];
		r->kind = cfg->hls[i].kind;
		/* Both compiled at load already: a failure is unexpected. */
		if (r->kind == CONF_HL_ARTICLES) {
			if ((r->flt = filter_parse(cfg->hls[i].pattern,
			    &err)) == NULL)
				continue;
		} else {
			if (regcomp(&r->re, cfg->hls[i].pattern,
			    REG_EXTENDED | REG_ICASE) != 0)
				continue;
			hl->any_regex = true;
		}
		r->attr = rule_attr(ui, &cfg->hls[i].color, &next_pair);
		hl->n++;
	}
	ui->hl = hl;
}

void
ui_hl_free(struct ui *ui)
{
	struct ui_hl *hl = ui->hl;
	size_t i;

	if (hl == NULL)
		return;
	for (i = 0; i < hl->n; i++) {
		if (hl->rules[i].kind == CONF_HL_ARTICLES)
			filter_free(hl->rules[i].flt);
		else
			regfree(&hl->rules[i].re);
	}
	free(hl->rules);
	free(hl);
	ui->hl = NULL;
}

void
ui_hl_articles(struct ui *ui, const int64_t *ids, size_t n, attr_t *out)
{
	struct ui_hl *hl = ui->hl;
	struct err err = ERR_INIT;
	bool *hit;
	size_t i, k;

	memset(out, 0, n * sizeof(*out));
	if (hl == NULL || n == 0)
		return;
	hit = xcalloc(n, sizeof(*hit));
	for (i = 0; i < hl->n; i++) {
		if (hl->rules[i].kind != CONF_HL_ARTICLES)
			continue;
		if (store_items_match(ui->store, filter_where(hl->rules[i].flt),
		    ids, n, hit, &err) == -1) {
			ui_set_status(ui, true, "highlight-article: %s",
			    err.msg);
			break;
		}
		for (k = 0; k < n; k++)
			if (hit[k] && out[k] == 0)
				out[k] = hl->rules[i].attr;
	}
	free(hit);
}

static bool
applies(enum conf_hl_kind rule, enum conf_hl_kind where)
{
	return (rule == where || (rule == CONF_HL_ALL &&
	    where != CONF_HL_ARTICLES));
}

bool
ui_hl_has(struct ui *ui, enum conf_hl_kind where)
{
	size_t i;

	if (ui->hl == NULL || !ui->hl->any_regex)
		return (false);
	for (i = 0; i < ui->hl->n; i++)
		if (applies(ui->hl->rules[i].kind, where))
			return (true);
	return (false);
}

void
ui_hl_marks(struct ui *ui, enum conf_hl_kind where, const char *s,
    size_t len, attr_t base, attr_t *marks)
{
	struct ui_hl *hl = ui->hl;
	regmatch_t m;
	char *tmp;
	size_t i, off, k, end;
	int flags;

	for (k = 0; k < len; k++)
		marks[k] = base;
	if (!ui_hl_has(ui, where))
		return;
	tmp = xmalloc(len + 1);
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	for (i = 0; i < hl->n; i++) {
		if (!applies(hl->rules[i].kind, where))
			continue;
		off = 0;
		flags = 0;
		while (off < len && regexec(&hl->rules[i].re, tmp + off, 1,
		    &m, flags) == 0) {
			end = off + (size_t)m.rm_eo;
			/* The selected row stays reversed. */
			for (k = off + (size_t)m.rm_so; k < end; k++)
				marks[k] = hl->rules[i].attr |
				    (base & A_REVERSE);
			/* An empty match moves on by a byte. */
			off = m.rm_eo > m.rm_so ? end : end + 1;
			flags = REG_NOTBOL;
		}
	}
	free(tmp);
}

void
ui_hl_addn(struct ui *ui, enum conf_hl_kind where, const char *s, size_t n,
    attr_t base)
{
	attr_t *marks;
	size_t i, j;

	if (!ui_hl_has(ui, where)) {
		ui_addn(ui, s, n, base);
		return;
	}
	marks = xcalloc(n + 1, sizeof(*marks));
	ui_hl_marks(ui, where, s, n, base, marks);
	for (i = 0; i < n; i = j) {
		/* Runs of one attribute, cut on character boundaries. */
		for (j = i + 1; j < n && (marks[j] == marks[i] ||
		    ((unsigned char)s[j] & 0xc0) == 0x80); j++)
			continue;
		ui_addn(ui, s + i, j - i, marks[i]);
	}
	free(marks);
}

void
ui_hl_put(struct ui *ui, int y, int x, int width, const char *s,
    attr_t attr, enum conf_hl_kind where)
{
	char *clean, *padded;

	if (x < 0 || x >= COLS || y < 0 || y >= LINES)
		return;
	if (width > COLS - x)
		width = COLS - x;
	if (width <= 0)
		return;
	clean = text_sanitize(s != NULL ? s : "", 0);
	padded = text_pad(clean, (size_t)width, TEXT_ALIGN_LEFT);
	move(y, x);
	ui_hl_addn(ui, where, padded, strlen(padded), attr);
	free(padded);
	free(clean);
}
