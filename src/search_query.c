/*
 * search_query.c: the query language for people, parsed into clauses
 * and filters (search_fts.c turns the clauses into FTS5 expressions).
 *
 * Safety rule: every piece of user text that reaches FTS5 is inside an
 * FTS5 string ("..." with " doubled), so FTS5 operators, column names,
 * NEAR, ^ and * typed by a person are only ever text.  The operators in
 * the output (AND, OR, NOT, parentheses, " *", column filters) are written
 * by this file from fixed strings.  Filters become bound SQL parameters
 * in search.c.  Nothing here builds SQL.
 */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "search.h"
#include "search_int.h"
#include "xmalloc.h"

static bool
is_sep(unsigned char c)
{
	return (c <= ' ' || c == 0x7f || c == '(' || c == ')');
}

static bool
ascii_ieq(const char *a, size_t alen, const char *b)
{
	size_t i;

	if (alen != strlen(b))
		return (false);
	for (i = 0; i < alen; i++) {
		char c = a[i];

		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c != b[i])
			return (false);
	}
	return (true);
}

/* Word characters in s (code points), and whether any is CJK. */
static size_t
count_word_chars(const char *s, bool *cjk)
{
	size_t i = 0, len = strlen(s), n = 0;
	uint32_t cp;

	*cjk = false;
	while (i < len) {
		cp = search_utf8_next(s, len, &i);
		if (search_cp_cjk(cp))
			*cjk = true;
		if (search_cp_word(cp))
			n++;
	}
	return (n);
}

static void
add_clause(struct search_query *q, struct search_atom *a, bool negated,
    bool join_or)
{
	struct search_clause *c;

	if (join_or && !negated && q->n > 0 && !q->clauses[q->n - 1].negated) {
		c = &q->clauses[q->n - 1];
	} else {
		q->clauses = xreallocarray(q->clauses, q->n + 1,
		    sizeof(*q->clauses));
		c = &q->clauses[q->n++];
		memset(c, 0, sizeof(*c));
		c->negated = negated;
	}
	c->atoms = xreallocarray(c->atoms, c->n + 1, sizeof(*c->atoms));
	c->atoms[c->n++] = *a;
}

/* Parse "2026-01-31" as UTC midnight. */
static int
parse_day(const char *s, size_t len, int64_t *out)
{
	long y, m, d;
	int64_t era, yoe, doy, doe;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return (-1);
	for (i = 0; i < len; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return (-1);
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1970 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return (-1);
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return (-1);
	/* days from civil (proleptic Gregorian) */
	if (m <= 2)
		y--;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	*out = (era * 146097 + doe - 719468) * 86400;
	return (0);
}

/* "7d", "12h", "2w", "3m", "1y" before now, or a day. */
static int
parse_when(const char *s, size_t len, int64_t now, int64_t *out)
{
	int64_t n = 0, unit;
	size_t i;

	if (parse_day(s, len, out) == 0)
		return (0);
	if (len < 2 || len > 7)
		return (-1);
	for (i = 0; i + 1 < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return (-1);
		n = n * 10 + (s[i] - '0');
	}
	switch (s[len - 1]) {
	case 'h': unit = 3600; break;
	case 'd': unit = 86400; break;
	case 'w': unit = 7 * 86400; break;
	case 'm': unit = 30 * 86400; break;
	case 'y': unit = 365 * 86400; break;
	default: return (-1);
	}
	*out = now - n * unit;
	return (0);
}

static int
apply_filter(struct search_query *q, const char *name, size_t nlen,
    const char *val, size_t vlen, bool negated, int64_t now, struct err *err)
{
	int64_t when;

	if (ascii_ieq(name, nlen, "is")) {
		bool yes = !negated;

		if (ascii_ieq(val, vlen, "unread"))
			q->filters.unread = yes;
		else if (ascii_ieq(val, vlen, "read"))
			q->filters.unread = !yes;
		else if (ascii_ieq(val, vlen, "flagged") ||
		    ascii_ieq(val, vlen, "starred"))
			q->filters.flagged = yes;
		else if (ascii_ieq(val, vlen, "unflagged"))
			q->filters.flagged = !yes;
		else {
			err_set(err, ERR_USAGE, "unknown filter is:%.*s (try "
			    "is:unread, is:read, is:flagged, is:unflagged)",
			    (int)(vlen > 40 ? 40 : vlen), val);
			return (-1);
		}
		return (0);
	}
	if (ascii_ieq(name, nlen, "since") || ascii_ieq(name, nlen, "until")) {
		bool since = ascii_ieq(name, nlen, "since") != negated;

		if (parse_when(val, vlen, now, &when) == -1) {
			err_set(err, ERR_USAGE, "%.*s: wants a day (2026-01-31)"
			    " or an age (12h, 7d, 2w, 3m, 1y)", (int)nlen,
			    name);
			return (-1);
		}
		if (since) {
			q->filters.has_since = true;
			if (when > q->filters.since)
				q->filters.since = when;
		} else {
			if (!q->filters.has_until || when < q->filters.until)
				q->filters.until = when;
			q->filters.has_until = true;
		}
		return (0);
	}
	/* tag: */
	if (negated) {
		err_set(err, ERR_USAGE, "-tag: is not supported; use tag:NAME");
		return (-1);
	}
	if (q->tag != NULL) {
		err_set(err, ERR_USAGE, "only one tag: per search");
		return (-1);
	}
	if (vlen == 0) {
		err_set(err, ERR_USAGE, "tag: wants a name (tag:news)");
		return (-1);
	}
	q->tag = xstrndup(val, vlen);
	q->filters.tag = q->tag;
	return (0);
}

static enum search_field
field_of(const char *name, size_t len, bool *filter)
{
	*filter = false;
	if (ascii_ieq(name, len, "title"))
		return (SEARCH_FIELD_TITLE);
	if (ascii_ieq(name, len, "author") || ascii_ieq(name, len, "by"))
		return (SEARCH_FIELD_AUTHOR);
	if (ascii_ieq(name, len, "feed"))
		return (SEARCH_FIELD_FEED);
	if (ascii_ieq(name, len, "text") || ascii_ieq(name, len, "body"))
		return (SEARCH_FIELD_TEXT);
	if (ascii_ieq(name, len, "is") || ascii_ieq(name, len, "since") ||
	    ascii_ieq(name, len, "until") || ascii_ieq(name, len, "tag"))
		*filter = true;
	return (SEARCH_FIELD_ANY);
}

static int
parse(struct search_query *q, const char *s, int64_t now, struct err *err)
{
	size_t len = strlen(s), i = 0, start, nlen, vstart;
	bool pending_or = false, pending_not = false;

	while (i < len) {
		struct search_atom a;
		bool negated, phrase = false, filter = false;
		const char *name = NULL;
		char *text;
		size_t tlen, nwords;

		while (i < len && is_sep((unsigned char)s[i]))
			i++;
		if (i >= len)
			break;
		negated = false;
		while (i < len && (s[i] == '-' || s[i] == '+')) {
			if (s[i] == '-')
				negated = !negated;
			i++;
		}
		if (i >= len || is_sep((unsigned char)s[i]))
			continue;	/* a lone '-' */
		memset(&a, 0, sizeof(a));
		nlen = 0;
		/* field: or filter: */
		if (s[i] != '"') {
			size_t j = i;

			while (j < len && !is_sep((unsigned char)s[j]) &&
			    s[j] != '"' && s[j] != ':')
				j++;
			if (j < len && s[j] == ':') {
				a.field = field_of(s + i, j - i, &filter);
				if (a.field != SEARCH_FIELD_ANY || filter) {
					name = s + i;
					nlen = j - i;
					i = j + 1;
				}
			}
		}
		if (filter) {
			vstart = i;
			while (i < len && !is_sep((unsigned char)s[i]))
				i++;
			if (q->count++ >= SEARCH_TERMS_MAX)
				goto toolong;
			if (apply_filter(q, name, nlen, s + vstart, i - vstart,
			    negated != pending_not, now, err) == -1)
				return (-1);
			pending_not = pending_or = false;
			continue;
		}
		if (i < len && s[i] == '"') {
			phrase = true;
			start = ++i;
			while (i < len && s[i] != '"')
				i++;
			tlen = i - start;
			if (i < len)
				i++;	/* closing quote */
		} else {
			start = i;
			while (i < len && !is_sep((unsigned char)s[i]) &&
			    s[i] != '"')
				i++;
			tlen = i - start;
		}
		/* trailing stars: a prefix search */
		if (phrase) {
			while (i < len && s[i] == '*') {
				a.prefix = true;
				i++;
			}
		} else {
			while (tlen > 0 && s[start + tlen - 1] == '*') {
				a.prefix = true;
				tlen--;
			}
		}
		if (!phrase && name == NULL && !negated) {
			if (tlen == 2 && memcmp(s + start, "OR", 2) == 0 &&
			    !a.prefix) {
				pending_or = true;
				continue;
			}
			if (tlen == 3 && memcmp(s + start, "AND", 3) == 0 &&
			    !a.prefix)
				continue;
			if (tlen == 3 && memcmp(s + start, "NOT", 3) == 0 &&
			    !a.prefix) {
				pending_not = true;
				continue;
			}
		}
		text = xstrndup(s + start, tlen);
		/* control characters were separators; inside a phrase too */
		for (size_t k = 0; text[k] != '\0'; k++)
			if ((unsigned char)text[k] < ' ' || text[k] == 0x7f)
				text[k] = ' ';
		nwords = count_word_chars(text, &a.cjk);
		if (nwords == 0) {
			/* nothing FTS5 would index: "^", "*", "--" */
			free(text);
			pending_or = pending_not = false;
			continue;
		}
		if (a.prefix && !a.cjk && nwords < 2) {
			err_set(err, ERR_USAGE, "prefix too short: give at "
			    "least 2 letters before *");
			free(text);
			return (-1);
		}
		if (q->count++ >= SEARCH_TERMS_MAX) {
			free(text);
			goto toolong;
		}
		a.text = text;
		negated = negated != pending_not;
		add_clause(q, &a, negated, pending_or);
		pending_or = pending_not = false;
	}
	return (0);
toolong:
	err_set(err, ERR_USAGE, "search too long: at most %d words and "
	    "filters", SEARCH_TERMS_MAX);
	return (-1);
}

static void
collect_terms(struct search_query *q)
{
	size_t i, j;

	for (i = 0; i < q->n; i++) {
		if (q->clauses[i].negated)
			continue;
		for (j = 0; j < q->clauses[i].n; j++) {
			const struct search_atom *a = &q->clauses[i].atoms[j];
			struct search_term *t;

			q->terms = xreallocarray(q->terms, q->nterms + 1,
			    sizeof(*q->terms));
			t = &q->terms[q->nterms++];
			t->text = a->text;
			t->prefix = a->prefix;
			t->cjk = a->cjk;
			t->field = a->field;
		}
	}
	q->pred_views = xcalloc(q->npreds + 1, sizeof(*q->pred_views));
	for (i = 0; i < q->npreds; i++) {
		q->pred_views[i].fts = q->preds[i].fts;
		q->pred_views[i].cjk = q->preds[i].cjk;
		q->pred_views[i].negated = q->preds[i].negated;
	}
}

struct search_query *
search_compile(const char *text, int64_t now, struct err *err)
{
	struct search_query *q;

	if (text == NULL)
		text = "";
	if (strlen(text) > SEARCH_QUERY_MAX) {
		err_set(err, ERR_USAGE, "search too long: at most %d bytes",
		    SEARCH_QUERY_MAX);
		return (NULL);
	}
	if (!search_utf8_valid(text)) {
		err_set(err, ERR_USAGE, "search is not valid UTF-8");
		return (NULL);
	}
	q = xcalloc(1, sizeof(*q));
	q->filters.unread = -1;
	q->filters.flagged = -1;
	q->filters.since = INT64_MIN;
	if (parse(q, text, now, err) == -1 ||
	    search_query_assemble(q, err) == -1) {
		search_query_free(q);
		return (NULL);
	}
	collect_terms(q);
	return (q);
}

void
search_query_free(struct search_query *q)
{
	size_t i, j;

	if (q == NULL)
		return;
	for (i = 0; i < q->n; i++) {
		for (j = 0; j < q->clauses[i].n; j++)
			free(q->clauses[i].atoms[j].text);
		free(q->clauses[i].atoms);
	}
	free(q->clauses);
	for (i = 0; i < q->npreds; i++) {
		free(q->preds[i].fts);
		free(q->preds[i].cjk);
	}
	free(q->preds);
	free(q->pred_views);
	free(q->terms);
	free(q->tag);
	free(q->fts);
	free(q->cjk);
	free(q);
}

size_t
search_query_nterms(const struct search_query *q)
{
	return (q->nterms);
}

const struct search_term *
search_query_term(const struct search_query *q, size_t i)
{
	return (i < q->nterms ? &q->terms[i] : NULL);
}

bool
search_query_filters_only(const struct search_query *q)
{
	return (q->fts == NULL && q->cjk == NULL && q->npreds == 0);
}

const char *
search_query_fts(const struct search_query *q)
{
	return (q->fts);
}

const char *
search_query_cjk(const struct search_query *q)
{
	return (q->cjk);
}

const struct search_filters *
search_query_filters(const struct search_query *q)
{
	return (&q->filters);
}

size_t
search_query_npreds(const struct search_query *q)
{
	return (q->npreds);
}

const struct search_pred *
search_query_pred(const struct search_query *q, size_t i)
{
	return (i < q->npreds ? &q->pred_views[i] : NULL);
}

void
search_query_describe(const struct search_query *q, struct buf *b)
{
	const struct search_filters *f = &q->filters;
	size_t i;

	(void)buf_addf(b, "fts=%s", q->fts != NULL ? q->fts : "-");
	(void)buf_addf(b, " cjk=%s", q->cjk != NULL ? q->cjk : "-");
	for (i = 0; i < q->npreds; i++)
		(void)buf_addf(b, " pred%s(%s|%s)",
		    q->preds[i].negated ? "!" : "",
		    q->preds[i].fts != NULL ? q->preds[i].fts : "-",
		    q->preds[i].cjk != NULL ? q->preds[i].cjk : "-");
	if (f->unread != -1)
		(void)buf_addf(b, " unread=%d", f->unread);
	if (f->flagged != -1)
		(void)buf_addf(b, " flagged=%d", f->flagged);
	if (f->has_since)
		(void)buf_addf(b, " since=%lld", (long long)f->since);
	if (f->has_until)
		(void)buf_addf(b, " until=%lld", (long long)f->until);
	if (f->tag != NULL)
		(void)buf_addf(b, " tag=%s", f->tag);
}
