/* filter: newsboat's filter language to SQL (see filter.h). */
#include "config.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "filter.h"
#include "xmalloc.h"

#define FILTER_MAX_DEPTH	64	/* nested parentheses */
#define FILTER_MAX_TERMS	1024	/* comparisons in one expression */

enum attr_kind { A_TEXT, A_INT };

/*
 * SQL for each attribute: items i, feeds f; never NULL.  Only the
 * columns store_hide.c gives a candidate article (store_item_ignored)
 * may be read from i.
 */
static const struct attr {
	const char	*name;
	enum attr_kind	 kind;
	const char	*sql;
} attrs[] = {
	{ "title", A_TEXT, "coalesce(i.title, '')" },
	{ "link", A_TEXT, "coalesce(i.link, '')" },
	{ "author", A_TEXT, "coalesce(i.author, '')" },
	{ "content", A_TEXT, "coalesce(i.content, '')" },
	{ "guid", A_TEXT, "i.guid" },
	{ "date", A_TEXT,
	    "strftime('%Y-%m-%d %H:%M:%S', i.sort_date, 'unixepoch')" },
	{ "unread", A_TEXT, "CASE WHEN i.read THEN 'no' ELSE 'yes' END" },
	{ "enqueued", A_TEXT, "'no'" },
	{ "flags", A_TEXT, "coalesce((SELECT g.flags FROM item_flags g"
	    " WHERE g.item_id = i.id), CASE WHEN i.flagged THEN 's' ELSE ''"
	    " END)" },
	{ "age", A_INT,
	    "((CAST(strftime('%s', 'now') AS INTEGER) - i.sort_date) / 86400)" },
	{ "articleindex", A_INT,
	    "(SELECT count(*) FROM items j WHERE j.feed_id = i.feed_id AND"
	    " (j.sort_date, j.id) >= (i.sort_date, i.id))" },
	{ "enclosure_url", A_TEXT,
	    "coalesce(json_extract(i.enclosures, '$[0].url'), '')" },
	{ "enclosure_type", A_TEXT,
	    "coalesce(json_extract(i.enclosures, '$[0].type'), '')" },
	{ "feedtitle", A_TEXT, "coalesce(f.user_title, f.title, '')" },
	{ "description", A_TEXT, "''" },
	{ "feedlink", A_TEXT, "coalesce(f.link, '')" },
	{ "feeddate", A_TEXT,
	    "coalesce(strftime('%Y-%m-%d %H:%M:%S', (SELECT max(k.sort_date)"
	    " FROM items k WHERE k.feed_id = f.id), 'unixepoch'), '')" },
	{ "rssurl", A_TEXT, "f.url" },
	{ "unread_count", A_INT, "f.unread" },
	{ "total_count", A_INT, "f.total" },
	{ "tags", A_TEXT,
	    "coalesce((SELECT group_concat(t.tag, ' ') FROM (SELECT tag FROM"
	    " feed_tags WHERE feed_id = f.id ORDER BY position) t), '')" },
	{ "feedindex", A_INT, "(SELECT count(*) FROM feeds g WHERE g.id <= f.id)" },
};

enum tok {
	T_END, T_LPAREN, T_RPAREN, T_WORD, T_STRING, T_NUMBER, T_RANGE,
	T_OP, T_AND, T_OR, T_BETWEEN, T_BAD
};

struct filter {
	struct store_where where;
	struct store_param *params;
	size_t		 nparams, alloc;
	int		 param0;	/* the first parameter's number */
	struct buf	 sql;
	/* the parser */
	const char	*text, *p;
	enum tok	 tok;
	const char	*tok_at;
	size_t		 tok_len;
	char		*val;		/* T_STRING, T_NUMBER: the value */
	int64_t		 lo, hi;	/* T_RANGE */
	int		 depth;
	size_t		 terms;
};

static const char *const ops[] = {
	"==", "!=", "=~", "!~", "!#", "<=", ">=", "=", "#", "<", ">"
};

static bool
is_int(const char *s)
{
	const char *p = s + (*s == '-');

	return (*p != '\0' && strspn(p, "0123456789") == strlen(p) &&
	    strlen(p) <= 18);
}

/* Read the next token into f->tok. */
static void
next(struct filter *f)
{
	const char *p = f->p;
	struct buf b;
	size_t i, n;

	free(f->val);
	f->val = NULL;
	while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		p++;
	f->tok_at = p;
	f->tok_len = 1;
	if (*p == '\0') {
		f->tok = T_END;
		f->tok_len = 0;
	} else if (*p == '(' || *p == ')') {
		f->tok = *p == '(' ? T_LPAREN : T_RPAREN;
		p++;
	} else if (*p == '"') {
		buf_init(&b, 1 << 20);
		for (p++; *p != '"' && *p != '\0'; p++) {
			if (*p == '\\' && p[1] != '\0')
				p++;
			(void)buf_addch(&b, *p);
		}
		if (*p == '"') {
			f->tok = T_STRING;
			f->val = buf_detach(&b);
			p++;
		} else
			f->tok = T_BAD;
		buf_free(&b);
	} else if ((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' &&
	    p[1] <= '9')) {
		n = strspn(p + 1, "0123456789") + 1;
		f->val = xstrndup(p, n);
		f->tok = is_int(f->val) ? T_NUMBER : T_BAD;
		p += n;
		if (*p == ':' && f->tok == T_NUMBER) {
			f->lo = strtoll(f->val, NULL, 10);
			n = strspn(p + 1 + (p[1] == '-'), "0123456789") +
			    (p[1] == '-');
			free(f->val);
			f->val = xstrndup(p + 1, n);
			f->tok = n > 0 && is_int(f->val) ? T_RANGE : T_BAD;
			f->hi = strtoll(f->val, NULL, 10);
			p += 1 + n;
		}
	} else if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
	    *p == '_') {
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
		f->tok = T_WORD;
		if (n == 3 && strncmp(p, "and", 3) == 0)
			f->tok = T_AND;
		else if (n == 2 && strncmp(p, "or", 2) == 0)
			f->tok = T_OR;
		else if (n == 7 && strncmp(p, "between", 7) == 0)
			f->tok = T_BETWEEN;
		p += n;
	} else {
		f->tok = T_BAD;
		for (i = 0; i < sizeof(ops) / sizeof(*ops); i++) {
			n = strlen(ops[i]);
			if (strncmp(p, ops[i], n) == 0) {
				f->tok = T_OP;
				f->val = xstrdup(ops[i]);
				break;
			}
		}
		p += f->tok == T_OP ? n : 1;
	}
	f->tok_len = (size_t)(p - f->tok_at);
	f->p = p;
}

/* "position N: expected X, found Y" (the token shown sanitised). */
static void
expected(struct filter *f, const char *what, struct err *err)
{
	char found[40];
	size_t i, n = f->tok_len < 24 ? f->tok_len : 24;

	if (f->tok == T_END)
		snprintf(found, sizeof(found), "the end");
	else {
		found[0] = '\'';
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)f->tok_at[i];

			found[i + 1] = c < 0x20 || c == 0x7f ? '?' : (char)c;
		}
		snprintf(found + n + 1, sizeof(found) - n - 1, "%s'",
		    f->tok_len > n ? "..." : "");
	}
	err_set(err, ERR_PARSE, "filter: position %zu: expected %s, found %s",
	    (size_t)(f->tok_at - f->text) + 1, what, found);
}

/* Add a parameter; its SQL is ?N. */
static void
param(struct filter *f, bool is_int, const char *s)
{
	struct store_param *p;

	if (f->nparams == f->alloc) {
		f->alloc = f->alloc ? f->alloc * 2 : 8;
		f->params = xreallocarray(f->params, f->alloc,
		    sizeof(*f->params));
	}
	p = &f->params[f->nparams++];
	p->is_int = is_int;
	p->i = is_int ? strtoll(s, NULL, 10) : 0;
	p->s = is_int ? NULL : xstrdup(s);
	(void)buf_addf(&f->sql, "?%zu", (size_t)f->param0 + f->nparams - 1);
}

static int	parse_or(struct filter *, struct err *);

/*
 * age is (now - sort_date) / 86400 truncated toward zero, which no index
 * answers.  age OP n (or between lo:hi) also implies a range of
 * sort_date: with x = now - sort_date and q its truncated quotient,
 * (q - 1) * 86400 < x < (q + 1) * 86400 for any sign, so q <= n implies
 * sort_date > now - (n + 1) * 86400 and q >= n implies sort_date <
 * now - (n - 1) * 86400.  The range is added beside the exact test, which
 * still decides: the set is the same, and the date index reads only the
 * days that can match (at 1M articles, age < 7 read every row).
 */
#define AGE_DAY		86400
#define AGE_MAX		1000000000LL	/* days: no overflow below */

static void
age_range(struct filter *f, const char *op, int64_t lo, int64_t hi)
{
	bool le, ge;

	le = strcmp(op, "<") == 0 || strcmp(op, "<=") == 0 ||
	    op[0] == '=' || strcmp(op, "between") == 0;
	ge = strcmp(op, ">") == 0 || strcmp(op, ">=") == 0 ||
	    op[0] == '=' || strcmp(op, "between") == 0;
	/* q < n is q <= n - 1, q > n is q >= n + 1. */
	if (strcmp(op, "<") == 0)
		hi--;
	if (strcmp(op, ">") == 0)
		lo++;
	if (le && hi > -AGE_MAX && hi < AGE_MAX)
		(void)buf_addf(&f->sql, " AND i.sort_date > CAST(strftime("
		    "'%%s', 'now') AS INTEGER) - %lld", (long long)((hi + 1) *
		    AGE_DAY));
	if (ge && lo > -AGE_MAX && lo < AGE_MAX)
		(void)buf_addf(&f->sql, " AND i.sort_date < CAST(strftime("
		    "'%%s', 'now') AS INTEGER) - %lld", (long long)((lo - 1) *
		    AGE_DAY));
}

static int
parse_comparison(struct filter *f, struct err *err)
{
	const struct attr *a = NULL;
	const char *op;
	regex_t re;
	size_t i;
	bool num;

	for (i = 0; i < sizeof(attrs) / sizeof(*attrs); i++)
		if (f->tok_len == strlen(attrs[i].name) &&
		    strncmp(f->tok_at, attrs[i].name, f->tok_len) == 0)
			a = &attrs[i];
	if (a == NULL) {
		expected(f, "an attribute (title, author, unread, age...)",
		    err);
		return (-1);
	}
	if (++f->terms > FILTER_MAX_TERMS) {
		err_set(err, ERR_LIMIT, "filter: more than %d comparisons",
		    FILTER_MAX_TERMS);
		return (-1);
	}
	next(f);
	if (f->tok == T_BETWEEN) {
		next(f);
		if (f->tok != T_RANGE) {
			expected(f, "a range such as 0:10", err);
			return (-1);
		}
		if (a->kind != A_INT) {
			err_set(err, ERR_PARSE, "filter: %s is not a number: "
			    "between needs age, unread_count, total_count, "
			    "articleindex or feedindex", a->name);
			return (-1);
		}
		(void)buf_addf(&f->sql, "(%s BETWEEN %lld AND %lld", a->sql,
		    (long long)f->lo, (long long)f->hi);
		if (strcmp(a->name, "age") == 0)
			age_range(f, "between", f->lo, f->hi);
		(void)buf_addch(&f->sql, ')');
		next(f);
		return (0);
	}
	if (f->tok != T_OP) {
		expected(f, "an operator (= != =~ !~ # !# < > <= >= between)",
		    err);
		return (-1);
	}
	op = ops[0];
	for (i = 0; i < sizeof(ops) / sizeof(*ops); i++)
		if (strcmp(f->val, ops[i]) == 0)
			op = ops[i];
	next(f);
	if (f->tok != T_STRING && f->tok != T_NUMBER) {
		expected(f, "a quoted string or a number", err);
		return (-1);
	}
	num = a->kind == A_INT && is_int(f->val);
	if (op[0] == '=' && op[1] == '~') {
		if (regcomp(&re, f->val, REG_EXTENDED | REG_ICASE |
		    REG_NOSUB) != 0) {
			expected(f, "a valid regular expression", err);
			return (-1);
		}
		regfree(&re);
	}
	if (strcmp(op, "=~") == 0 || strcmp(op, "!~") == 0) {
		(void)buf_addstr(&f->sql, op[0] == '!' ? "NOT " : "");
		(void)buf_addstr(&f->sql, "gazette_regexp(");
		param(f, false, f->val);
		(void)buf_addf(&f->sql, ", %s)", a->sql);
	} else if (strcmp(op, "#") == 0 || strcmp(op, "!#") == 0) {
		(void)buf_addf(&f->sql, "%sgazette_hasword(CAST(%s AS TEXT), ",
		    op[0] == '!' ? "NOT " : "", a->sql);
		param(f, false, f->val);
		(void)buf_addch(&f->sql, ')');
	} else if (strcmp(a->name, "unread") == 0 && (op[0] == '=' ||
	    op[0] == '!') && (strcmp(f->val, "yes") == 0 ||
	    strcmp(f->val, "no") == 0)) {
		/* The same test the read flag's indexes answer. */
		(void)buf_addf(&f->sql, "(i.read %s 0)", (op[0] == '=') ==
		    (strcmp(f->val, "yes") == 0) ? "=" : "<>");
	} else {
		if (strcmp(op, "==") == 0)
			op = "=";
		if (num)
			(void)buf_addf(&f->sql, "(%s %s ", a->sql, op);
		else
			(void)buf_addf(&f->sql, "(CAST(%s AS TEXT) %s ", a->sql,
			    op);
		param(f, num, f->val);
		if (num && strcmp(a->name, "age") == 0)
			age_range(f, op, strtoll(f->val, NULL, 10),
			    strtoll(f->val, NULL, 10));
		(void)buf_addch(&f->sql, ')');
	}
	next(f);
	return (0);
}

static int
parse_primary(struct filter *f, struct err *err)
{
	if (f->tok == T_LPAREN) {
		if (++f->depth > FILTER_MAX_DEPTH) {
			err_set(err, ERR_LIMIT, "filter: parentheses nested "
			    "deeper than %d", FILTER_MAX_DEPTH);
			return (-1);
		}
		next(f);
		(void)buf_addch(&f->sql, '(');
		if (parse_or(f, err) == -1)
			return (-1);
		if (f->tok != T_RPAREN) {
			expected(f, "')'", err);
			return (-1);
		}
		(void)buf_addch(&f->sql, ')');
		f->depth--;
		next(f);
		return (0);
	}
	if (f->tok != T_WORD) {
		expected(f, "an attribute or '('", err);
		return (-1);
	}
	return (parse_comparison(f, err));
}

static int
parse_and(struct filter *f, struct err *err)
{
	if (parse_primary(f, err) == -1)
		return (-1);
	while (f->tok == T_AND) {
		next(f);
		(void)buf_addstr(&f->sql, " AND ");
		if (parse_primary(f, err) == -1)
			return (-1);
	}
	return (0);
}

static int
parse_or(struct filter *f, struct err *err)
{
	if (parse_and(f, err) == -1)
		return (-1);
	while (f->tok == T_OR) {
		next(f);
		(void)buf_addstr(&f->sql, " OR ");
		if (parse_and(f, err) == -1)
			return (-1);
	}
	return (0);
}

struct filter *
filter_parse(const char *text, struct err *err)
{
	return (filter_parse_at(text, STORE_WHERE_PARAM0, err));
}

struct filter *
filter_parse_at(const char *text, int param0, struct err *err)
{
	struct filter *f = xcalloc(1, sizeof(*f));

	f->param0 = param0;
	buf_init(&f->sql, 1 << 20);
	f->text = f->p = text;
	(void)buf_addch(&f->sql, '(');
	next(f);
	if (parse_or(f, err) == -1)
		goto fail;
	if (f->tok != T_END) {
		expected(f, "'and', 'or' or the end", err);
		goto fail;
	}
	(void)buf_addch(&f->sql, ')');
	free(f->val);
	f->val = NULL;
	f->where.sql = buf_str(&f->sql);
	f->where.params = f->params;
	f->where.nparams = f->nparams;
	f->where.param0 = param0;
	return (f);
fail:
	filter_free(f);
	return (NULL);
}

void
filter_free(struct filter *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->nparams; i++)
		free((char *)f->params[i].s);
	free(f->params);
	free(f->val);
	buf_free(&f->sql);
	free(f);
}

const struct store_where *
filter_where(const struct filter *f)
{
	return (&f->where);
}
