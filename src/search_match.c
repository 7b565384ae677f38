/*
 * search_match.c: find a query's terms in text (an article body, a
 * title), with the index's idea of words: case and accents ignored, a
 * phrase matches its words in order whatever punctuation lies between,
 * a prefix term matches the start of a word.  Text written without
 * spaces is matched as a substring.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "search_int.h"
#include "xmalloc.h"

struct tokens {
	uint32_t	*cps;		/* folded code points of all tokens */
	size_t		 ncps;
	size_t		*first;		/* index into cps, per token */
	size_t		*count;		/* code points per token */
	size_t		*start;		/* byte offsets in the text */
	size_t		*end;
	size_t		 n;
	size_t		 alloc;
	size_t		 cpalloc;
};

static void
push_cp(struct tokens *t, uint32_t cp)
{
	if (t->ncps == t->cpalloc) {
		t->cpalloc = t->cpalloc ? t->cpalloc * 2 : 64;
		t->cps = xreallocarray(t->cps, t->cpalloc, sizeof(*t->cps));
	}
	t->cps[t->ncps++] = cp;
}

static void
push_token(struct tokens *t, size_t start)
{
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 16;
		t->first = xreallocarray(t->first, t->alloc, sizeof(size_t));
		t->count = xreallocarray(t->count, t->alloc, sizeof(size_t));
		t->start = xreallocarray(t->start, t->alloc, sizeof(size_t));
		t->end = xreallocarray(t->end, t->alloc, sizeof(size_t));
	}
	t->first[t->n] = t->ncps;
	t->count[t->n] = 0;
	t->start[t->n] = start;
	t->end[t->n] = start;
	t->n++;
}

/* Split s[from..] into folded words. */
static void
tokenize(const char *s, size_t from, struct tokens *t)
{
	size_t len = strlen(s), i = from, at, k, nf;
	uint32_t cp, f[2];
	bool in = false;

	memset(t, 0, sizeof(*t));
	while (i < len) {
		at = i;
		cp = search_utf8_next(s, len, &i);
		if (cp >= 0x300 && cp <= 0x36f) {	/* combining mark */
			if (in)
				t->end[t->n - 1] = i;
			continue;
		}
		if (!search_cp_word(cp)) {
			in = false;
			continue;
		}
		if (!in)
			push_token(t, at);
		in = true;
		nf = search_fold(cp, f);
		for (k = 0; k < nf; k++)
			push_cp(t, f[k]);
		t->count[t->n - 1] += nf;
		t->end[t->n - 1] = i;
	}
}

static void
tokens_free(struct tokens *t)
{
	free(t->cps);
	free(t->first);
	free(t->count);
	free(t->start);
	free(t->end);
}

/* Does term token k equal (or, prefix, begin) text token j? */
static bool
token_eq(const struct tokens *term, size_t k, const struct tokens *text,
    size_t j, bool prefix)
{
	size_t n = term->count[k];

	if (prefix ? text->count[j] < n : text->count[j] != n)
		return (false);
	return (memcmp(term->cps + term->first[k], text->cps + text->first[j],
	    n * sizeof(uint32_t)) == 0);
}

/* The first CJK run of s, as bytes. */
static bool
cjk_run(const char *s, size_t *start, size_t *end)
{
	size_t len = strlen(s), i = 0, at;
	bool in = false;

	while (i < len) {
		at = i;
		if (search_cp_cjk(search_utf8_next(s, len, &i))) {
			if (!in)
				*start = at;
			in = true;
			*end = i;
		} else if (in)
			break;
	}
	return (in);
}

int
search_query_find(const struct search_query *q, const char *text,
    size_t from, size_t *start, size_t *end)
{
	struct tokens tx, tm;
	size_t i, j, k, best_s = (size_t)-1, best_e = 0, tlen;
	bool tokenized = false;

	if (text == NULL)
		return (0);
	tlen = strlen(text);
	if (from > tlen)
		return (0);
	memset(&tx, 0, sizeof(tx));
	for (i = 0; i < search_query_nterms(q); i++) {
		const struct search_term *t = search_query_term(q, i);

		if (t->cjk) {
			size_t rs, re;
			const char *hit;
			char *needle;

			if (!cjk_run(t->text, &rs, &re))
				continue;
			needle = xstrndup(t->text + rs, re - rs);
			hit = strstr(text + from, needle);
			if (hit != NULL && (size_t)(hit - text) < best_s) {
				best_s = (size_t)(hit - text);
				best_e = best_s + strlen(needle);
			}
			free(needle);
			continue;
		}
		if (!tokenized) {
			tokenize(text, from, &tx);
			tokenized = true;
		}
		tokenize(t->text, 0, &tm);
		for (j = 0; tm.n > 0 && j + tm.n <= tx.n; j++) {
			if (tx.start[j] >= best_s)
				break;
			for (k = 0; k < tm.n; k++)
				if (!token_eq(&tm, k, &tx, j + k,
				    t->prefix && k + 1 == tm.n))
					break;
			if (k == tm.n) {
				best_s = tx.start[j];
				best_e = tx.end[j + tm.n - 1];
				break;
			}
		}
		tokens_free(&tm);
	}
	if (tokenized)
		tokens_free(&tx);
	if (best_s == (size_t)-1)
		return (0);
	*start = best_s;
	*end = best_e;
	return (1);
}
