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
		/* ASCII, most of most text: no decoding, folding by hand */
		cp = (unsigned char)s[i];
		if (cp < 0x80) {
			i++;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			else if (!((cp >= 'a' && cp <= 'z') ||
			    (cp >= '0' && cp <= '9'))) {
				in = false;
				continue;
			}
			if (!in)
				push_token(t, at);
			in = true;
			push_cp(t, cp);
			t->count[t->n - 1]++;
			t->end[t->n - 1] = i;
			continue;
		}
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

#define SNIPPET_BEFORE	60	/* bytes of context before the first match */
#define SNIPPET_BYTES	220	/* bytes of text in a snippet */
#define SNIPPET_SCAN	(256 * 1024)	/* bytes of an article looked at */

/*
 * Text fit for one line: markup dropped (a '<' that opens a tag up to
 * its '>'), control characters and runs of white space made one space,
 * invalid UTF-8 replaced.
 */
static bool
opens_tag(char c)
{
	return (c == '/' || c == '!' || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z'));
}

static char *
clean_text(const char *text)
{
	size_t len = strlen(text), i = 0, at;
	struct buf b;
	bool space = true;
	uint32_t cp;

	if (len > SNIPPET_SCAN)
		len = SNIPPET_SCAN;
	buf_init(&b, SNIPPET_SCAN * 2);
	while (i < len) {
		unsigned char c = (unsigned char)text[i];

		if (c == '<' && i + 1 < len && opens_tag(text[i + 1])) {
			const char *gt = memchr(text + i, '>', len - i);

			if (gt != NULL) {
				i = (size_t)(gt - text) + 1;
				if (!space)
					(void)buf_addch(&b, ' ');
				space = true;
				continue;
			}
		}
		/* a run of printable ASCII at once */
		for (at = i; i < len && text[i] > ' ' && text[i] < 0x7f &&
		    text[i] != '<'; i++)
			;
		if (i > at) {
			(void)buf_add(&b, text + at, i - at);
			space = false;
			continue;
		}
		cp = search_utf8_next(text, len, &i);
		if (cp <= ' ' || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
		    cp == 0x2028 || cp == 0x2029) {
			if (!space)
				(void)buf_addch(&b, ' ');
			space = true;
			continue;
		}
		space = false;
		if (cp == 0xfffd && i - at != 3)
			(void)buf_addstr(&b, "\xef\xbf\xbd");
		else
			(void)buf_add(&b, text + at, i - at);
	}
	return (buf_detach(&b));
}

/* Move back to the start of a UTF-8 character. */
static size_t
char_start(const char *s, size_t i)
{
	while (i > 0 && ((unsigned char)s[i] & 0xc0) == 0x80)
		i--;
	return (i);
}

char *
search_snippet(const struct search_query *q, const char *text,
    const char *title)
{
	struct buf out;
	char *clean, *w;
	size_t len, s = 0, e = 0, start, end, pos, ms, me, k;

	(void)title;
	if (text == NULL)
		text = "";
	clean = clean_text(text);
	len = strlen(clean);
	if (search_query_find(q, clean, 0, &s, &e) != 1)
		s = 0;
	start = s > SNIPPET_BEFORE ? char_start(clean, s - SNIPPET_BEFORE) : 0;
	if (start > 0) {
		/* begin at a word if one starts near */
		for (k = start; k < s && k < start + 20; k++)
			if (clean[k] == ' ') {
				start = k + 1;
				break;
			}
	}
	end = start + SNIPPET_BYTES < len ? char_start(clean,
	    start + SNIPPET_BYTES) : len;
	if (end < len) {
		for (k = end; k > start + SNIPPET_BYTES / 2; k--)
			if (clean[k] == ' ') {
				end = k;
				break;
			}
	}
	w = xstrndup(clean + start, end - start);
	buf_init(&out, SNIPPET_BYTES * 4);
	if (start > 0)
		(void)buf_addstr(&out, "\xe2\x80\xa6");
	pos = 0;
	while (search_query_find(q, w, pos, &ms, &me) == 1) {
		(void)buf_add(&out, w + pos, ms - pos);
		(void)buf_addch(&out, SEARCH_MARK_ON);
		(void)buf_add(&out, w + ms, me - ms);
		(void)buf_addch(&out, SEARCH_MARK_OFF);
		pos = me;
	}
	(void)buf_addstr(&out, w + pos);
	if (end < len)
		(void)buf_addstr(&out, "\xe2\x80\xa6");
	free(w);
	free(clean);
	return (buf_detach(&out));
}
