/*
 * search_match.c: find a query's terms in text (an article body, a
 * title), with the index's idea of words: case and accents ignored, a
 * phrase matches its words in order whatever punctuation lies between,
 * a prefix term matches the start of a word.  Text written without
 * spaces is matched as a substring.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "search_int.h"
#include "xmalloc.h"

/* A word: its folded code points in cps, its bytes in the text. */
struct token {
	size_t		 first;		/* index into cps */
	size_t		 count;		/* code points */
	size_t		 start;		/* byte offsets in the text */
	size_t		 end;
};

/*
 * The words of a text, split as they are asked for (tokens_have): a
 * search for the first match of a word need not fold what follows it.
 */
struct tokens {
	const char	*s;
	size_t		 len;
	size_t		 i;		/* where splitting goes on */
	bool		 in;		/* inside the last token */
	uint32_t	*cps;		/* folded code points of all tokens */
	size_t		 ncps;
	size_t		 cpalloc;
	struct token	*tok;
	size_t		 n;
	size_t		 alloc;
};

static void
tokens_init(struct tokens *t, const char *s, size_t len, size_t from)
{
	memset(t, 0, sizeof(*t));
	t->s = s;
	t->len = len;
	t->i = from;
}

/* Room for two more code points (a fold gives at most two). */
static void
cp_room(struct tokens *t)
{
	if (t->ncps + 2 > t->cpalloc) {
		t->cpalloc = t->cpalloc ? t->cpalloc * 2 : 64;
		t->cps = xreallocarray(t->cps, t->cpalloc, sizeof(*t->cps));
	}
}

static struct token *
push_token(struct tokens *t, size_t start)
{
	struct token *k;

	if (t->n == t->alloc) {
		t->alloc = t->alloc ? t->alloc * 2 : 16;
		t->tok = xreallocarray(t->tok, t->alloc, sizeof(*t->tok));
	}
	k = &t->tok[t->n++];
	k->first = t->ncps;
	k->count = 0;
	k->start = start;
	k->end = start;
	t->in = true;
	return (k);
}

/*
 * Are the first n tokens known (split up to where token n begins, or to
 * the end of the text)?  A token ends where the next begins: combining
 * marks after it are its own.
 */
static bool
tokens_have(struct tokens *t, size_t n)
{
	const char *s = t->s;
	struct token *k = t->n > 0 ? &t->tok[t->n - 1] : NULL;
	size_t at, j, nf;
	uint32_t cp, f[2];

	while (t->i < t->len && t->n <= n) {
		at = t->i;
		/* ASCII, most of most text: no decoding, folding by hand */
		cp = (unsigned char)s[t->i];
		if (cp < 0x80) {
			t->i++;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			else if (!((cp >= 'a' && cp <= 'z') ||
			    (cp >= '0' && cp <= '9'))) {
				t->in = false;
				continue;
			}
			if (!t->in)
				k = push_token(t, at);
			cp_room(t);
			t->cps[t->ncps++] = cp;
			k->count++;
			k->end = t->i;
			continue;
		}
		cp = search_utf8_next(s, t->len, &t->i);
		if (cp >= 0x300 && cp <= 0x36f) {	/* combining mark */
			if (t->in)
				k->end = t->i;
			continue;
		}
		if (!search_cp_word(cp)) {
			t->in = false;
			continue;
		}
		if (!t->in)
			k = push_token(t, at);
		cp_room(t);
		nf = search_fold(cp, f);
		for (j = 0; j < nf; j++)
			t->cps[t->ncps++] = f[j];
		k->count += nf;
		k->end = t->i;
	}
	return (t->n >= n);
}

static void
tokens_free(struct tokens *t)
{
	free(t->cps);
	free(t->tok);
}

/* Does term token k equal (or, prefix, begin) text token j? */
static bool
token_eq(const struct tokens *term, size_t k, const struct tokens *text,
    size_t j, bool prefix)
{
	size_t n = term->tok[k].count;

	if (prefix ? text->tok[j].count < n : text->tok[j].count != n)
		return (false);
	return (memcmp(term->cps + term->tok[k].first, text->cps +
	    text->tok[j].first, n * sizeof(uint32_t)) == 0);
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

	if (text == NULL)
		return (0);
	tlen = strlen(text);
	if (from > tlen)
		return (0);
	tokens_init(&tx, text, tlen, from);
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
		tokens_init(&tm, t->text, strlen(t->text), 0);
		(void)tokens_have(&tm, SIZE_MAX);
		for (j = 0; tm.n > 0 && tokens_have(&tx, j + tm.n); j++) {
			if (tx.tok[j].start >= best_s)
				break;
			for (k = 0; k < tm.n; k++)
				if (!token_eq(&tm, k, &tx, j + k,
				    t->prefix && k + 1 == tm.n))
					break;
			if (k == tm.n) {
				best_s = tx.tok[j].start;
				best_e = tx.tok[j + tm.n - 1].end;
				break;
			}
		}
		tokens_free(&tm);
	}
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
