/*
 * search_fts.c: the clauses of a parsed query (search_query.c) written
 * as FTS5 MATCH expressions for the word index and the bigram index.
 *
 * Safety rule: every piece of user text that reaches FTS5 is inside an
 * FTS5 string ("..." with " doubled), so FTS5 operators, column names,
 * NEAR, ^ and * typed by a person are only ever text.  The operators in
 * the output (AND, OR, NOT, parentheses, " *", column filters) are written
 * by this file from fixed strings.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "search.h"
#include "search_int.h"
#include "xmalloc.h"

static const char *const field_names[] = {
	[SEARCH_FIELD_ANY] = NULL,
	[SEARCH_FIELD_TITLE] = "title",
	[SEARCH_FIELD_AUTHOR] = "author",
	[SEARCH_FIELD_FEED] = "feed",
	[SEARCH_FIELD_TEXT] = "text"
};

/* Append s as one FTS5 string. */
static void
fts_quote(struct buf *b, const char *s)
{
	(void)buf_addch(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			(void)buf_addch(b, '"');
		(void)buf_addch(b, *s);
	}
	(void)buf_addch(b, '"');
}

/* The other spelling of ligatures: œ<->oe, æ<->ae, ß<->ss. */
static char *
ligature_variant(const char *s)
{
	static const char *const pairs[][2] = {
		{ "\xc5\x93", "oe" }, { "\xc5\x92", "OE" },
		{ "\xc3\xa6", "ae" }, { "\xc3\x86", "AE" },
		{ "\xc3\x9f", "ss" }
	};
	struct buf b;
	size_t i, k;
	bool changed = false, has_lig = false;

	for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++)
		if (strstr(s, pairs[k][0]) != NULL)
			has_lig = true;
	buf_init(&b, SEARCH_QUERY_MAX * 2);
	for (i = 0; s[i] != '\0';) {
		for (k = 0; k < sizeof(pairs) / sizeof(pairs[0]); k++) {
			const char *from = pairs[k][has_lig ? 0 : 1];
			const char *to = pairs[k][has_lig ? 1 : 0];

			if (strncmp(s + i, from, strlen(from)) == 0) {
				(void)buf_addstr(&b, to);
				i += strlen(from);
				changed = true;
				break;
			}
		}
		if (k == sizeof(pairs) / sizeof(pairs[0]))
			(void)buf_addch(&b, s[i++]);
	}
	if (!changed) {
		buf_free(&b);
		return (NULL);
	}
	return (buf_detach(&b));
}

static void
atom_fts(struct buf *b, const struct search_atom *a)
{
	char *alt;

	bool paren;

	alt = ligature_variant(a->text);
	paren = alt != NULL || a->field != SEARCH_FIELD_ANY;
	if (a->field != SEARCH_FIELD_ANY) {
		(void)buf_addstr(b, field_names[a->field]);
		(void)buf_addstr(b, " : ");
	}
	if (paren)
		(void)buf_addch(b, '(');
	fts_quote(b, a->text);
	if (a->prefix)
		(void)buf_addstr(b, " *");
	if (alt != NULL) {
		(void)buf_addstr(b, " OR ");
		fts_quote(b, alt);
		if (a->prefix)
			(void)buf_addstr(b, " *");
		free(alt);
	}
	if (paren)
		(void)buf_addch(b, ')');
}

/* The bigram index: each run of CJK text is a phrase of its pairs. */
static void
atom_cjk(struct buf *b, const struct search_atom *a)
{
	size_t i = 0, len = strlen(a->text), at, start = 0, n = 0, runs = 0;
	struct buf run;
	uint32_t cp;

	if (a->field != SEARCH_FIELD_ANY) {
		(void)buf_addstr(b, field_names[a->field]);
		(void)buf_addstr(b, " : ");
	}
	(void)buf_addch(b, '(');
	buf_init(&run, SEARCH_QUERY_MAX * 4);
	for (;;) {
		bool more = i < len, is = false;

		at = i;
		if (more) {
			cp = search_utf8_next(a->text, len, &i);
			is = search_cp_cjk(cp);
		}
		if (is) {
			if (n++ == 0)
				start = at;
			continue;
		}
		if (n > 0) {
			char *piece = xstrndup(a->text + start, at - start);

			buf_reset(&run);
			(void)search_cjk_bigrams(piece, &run);
			free(piece);
			if (runs++ > 0)
				(void)buf_addstr(b, " AND ");
			if (n == 1) {
				fts_quote(b, buf_str(&run));
				(void)buf_addstr(b, " *");
			} else {
				/* drop the trailing lone character */
				char *s = xstrdup(buf_str(&run));
				char *sp = strrchr(s, ' ');

				if (sp != NULL)
					*sp = '\0';
				fts_quote(b, s);
				free(s);
			}
		}
		n = 0;
		if (!more)
			break;
	}
	buf_free(&run);
	(void)buf_addch(b, ')');
}

/* Append the OR of a clause's atoms of one kind; false if none. */
static bool
clause_expr(struct buf *b, const struct search_clause *c, bool cjk)
{
	size_t i, k = 0;

	for (i = 0; i < c->n; i++) {
		if (c->atoms[i].cjk != cjk)
			continue;
		if (k++ > 0)
			(void)buf_addstr(b, " OR ");
		if (cjk)
			atom_cjk(b, &c->atoms[i]);
		else
			atom_fts(b, &c->atoms[i]);
	}
	return (k > 0);
}

static char *
detach_or_null(struct buf *b)
{
	if (b->len == 0) {
		buf_free(b);
		return (NULL);
	}
	return (buf_detach(b));
}

static void
add_pred(struct search_query *q, struct buf *fts, struct buf *cjk,
    bool negated)
{
	struct search_pred_store *p;

	q->preds = xreallocarray(q->preds, q->npreds + 1, sizeof(*q->preds));
	p = &q->preds[q->npreds++];
	p->fts = detach_or_null(fts);
	p->cjk = detach_or_null(cjk);
	p->negated = negated;
}

/* Build the MATCH expressions and predicates from the clauses. */
int
search_query_assemble(struct search_query *q, struct err *err)
{
	struct buf pos[2], neg[2], pf, pc;
	size_t i, npos[2] = { 0, 0 }, nneg[2] = { 0, 0 }, k;
	bool any_positive = false;

	for (k = 0; k < 2; k++) {
		buf_init(&pos[k], SEARCH_QUERY_MAX * 16);
		buf_init(&neg[k], SEARCH_QUERY_MAX * 16);
	}
	/* positive clauses: pure ones go to their index's expression */
	for (i = 0; i < q->n; i++) {
		const struct search_clause *c = &q->clauses[i];
		bool has[2] = { false, false };
		size_t j;

		if (c->negated)
			continue;
		any_positive = true;
		for (j = 0; j < c->n; j++)
			has[c->atoms[j].cjk] = true;
		if (has[0] && has[1]) {
			buf_init(&pf, SEARCH_QUERY_MAX * 16);
			buf_init(&pc, SEARCH_QUERY_MAX * 16);
			(void)clause_expr(&pf, c, false);
			(void)clause_expr(&pc, c, true);
			add_pred(q, &pf, &pc, false);
			continue;
		}
		k = has[1];
		if (npos[k]++ > 0)
			(void)buf_addstr(&pos[k], " AND ");
		(void)buf_addch(&pos[k], '(');
		(void)clause_expr(&pos[k], c, k == 1);
		(void)buf_addch(&pos[k], ')');
	}
	if (!any_positive && q->count == 0) {
		err_set(err, ERR_USAGE, "nothing to search for");
		goto fail;
	}
	if (!any_positive && q->tag == NULL && q->filters.unread == -1 &&
	    q->filters.flagged == -1 && !q->filters.has_since &&
	    !q->filters.has_until) {
		err_set(err, ERR_USAGE, "nothing to search for: exclusions "
		    "need a word to find or a filter (is:unread, since:7d)");
		goto fail;
	}
	/* exclusions: subtracted inside an expression when there is one */
	for (i = 0; i < q->n; i++) {
		const struct search_clause *c = &q->clauses[i];

		if (!c->negated)
			continue;
		k = c->atoms[0].cjk;
		if (npos[k] > 0) {
			if (nneg[k]++ > 0)
				(void)buf_addstr(&neg[k], " OR ");
			(void)clause_expr(&neg[k], c, k == 1);
			continue;
		}
		buf_init(&pf, SEARCH_QUERY_MAX * 16);
		buf_init(&pc, SEARCH_QUERY_MAX * 16);
		(void)clause_expr(k ? &pc : &pf, c, k == 1);
		add_pred(q, &pf, &pc, true);
	}
	for (k = 0; k < 2; k++) {
		struct buf out;

		if (npos[k] == 0)
			continue;
		buf_init(&out, SEARCH_QUERY_MAX * 40);
		if (nneg[k] > 0) {
			(void)buf_addf(&out, "(%s) NOT (%s)", buf_str(&pos[k]),
			    buf_str(&neg[k]));
		} else
			(void)buf_addstr(&out, buf_str(&pos[k]));
		if (k == 0)
			q->fts = buf_detach(&out);
		else
			q->cjk = buf_detach(&out);
	}
	for (k = 0; k < 2; k++) {
		buf_free(&pos[k]);
		buf_free(&neg[k]);
	}
	return (0);
fail:
	for (k = 0; k < 2; k++) {
		buf_free(&pos[k]);
		buf_free(&neg[k]);
	}
	return (-1);
}

