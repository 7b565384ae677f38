/*
 * search_text.c: the text rules search shares between the query compiler,
 * the indexer and highlighting: UTF-8 decoding, which characters make
 * words, folding of case and accents, and the bigram form of text written
 * without spaces (CJK, Thai, Lao, Khmer, Myanmar).
 */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "search.h"
#include "search_int.h"

/*
 * Decode one UTF-8 sequence at s[*i] (len bytes in all).  Returns the code
 * point and advances *i; an invalid or truncated sequence yields U+FFFD
 * and advances by one byte.
 */
uint32_t
search_utf8_next(const char *s, size_t len, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = len - *i, n, k;
	uint32_t cp, min;

	if (p[0] < 0x80) {
		*i += 1;
		return (p[0]);
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		n = 2;
		cp = p[0] & 0x1f;
		min = 0x80;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		n = 3;
		cp = p[0] & 0x0f;
		min = 0x800;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		n = 4;
		cp = p[0] & 0x07;
		min = 0x10000;
	} else
		goto bad;
	if (left < n)
		goto bad;
	for (k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80)
			goto bad;
		cp = (cp << 6) | (p[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		goto bad;
	*i += n;
	return (cp);
bad:
	*i += 1;
	return (0xfffd);
}

bool
search_utf8_valid(const char *s)
{
	size_t i = 0, len = strlen(s), before;

	while (i < len) {
		before = i;
		if (search_utf8_next(s, len, &i) == 0xfffd &&
		    !(i - before == 3 && memcmp(s + before, "\xef\xbf\xbd",
		    3) == 0))
			return (false);
	}
	return (true);
}

/* Scripts written without spaces between words. */
bool
search_cp_cjk(uint32_t cp)
{
	return ((cp >= 0x0e00 && cp <= 0x0eff) ||	/* Thai, Lao */
	    (cp >= 0x1000 && cp <= 0x109f) ||		/* Myanmar */
	    (cp >= 0x1780 && cp <= 0x17ff) ||		/* Khmer */
	    (cp >= 0x3005 && cp <= 0x3007) ||		/* 々 〆 〇 */
	    (cp >= 0x3040 && cp <= 0x30ff) ||		/* kana */
	    (cp >= 0x31f0 && cp <= 0x31ff) ||
	    (cp >= 0x3400 && cp <= 0x4dbf) ||		/* CJK ext. A */
	    (cp >= 0x4e00 && cp <= 0x9fff) ||		/* CJK */
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xff66 && cp <= 0xff9f) ||		/* half-width kana */
	    (cp >= 0x20000 && cp <= 0x3134f));
}

/*
 * Characters that are part of words, close to FTS5's unicode61 (letters,
 * digits, private use); everything else separates words.
 */
bool
search_cp_word(uint32_t cp)
{
	if (cp < 0x80)
		return ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z'));
	if (cp < 0xc0)
		return (cp == 0xaa || cp == 0xb5 || cp == 0xba ||
		    cp == 0xb2 || cp == 0xb3 || cp == 0xb9 ||
		    (cp >= 0xbc && cp <= 0xbe));
	if (cp == 0xd7 || cp == 0xf7)
		return (false);
	if (cp >= 0x2000 && cp <= 0x2bff)	/* punctuation, symbols */
		return (cp >= 0x2070 && cp <= 0x209f);
	if (cp >= 0x2e00 && cp <= 0x2e7f)
		return (false);
	if (cp >= 0x3000 && cp <= 0x303f)
		return (cp >= 0x3005 && cp <= 0x3007);
	if (cp >= 0xfe10 && cp <= 0xfe6f)
		return (false);
	if (cp >= 0xff00 && cp <= 0xff65)
		return ((cp >= 0xff10 && cp <= 0xff19) ||
		    (cp >= 0xff21 && cp <= 0xff3a) ||
		    (cp >= 0xff41 && cp <= 0xff5a));
	if (cp == 0xfffd || cp == 0xfeff)
		return (false);
	if (cp >= 0x1f000 && cp <= 0x1faff)	/* emoji */
		return (false);
	return (true);
}

/* Base letters of U+00C0..U+017F ('\0': keep; '1': ae, '2': oe, '3': ss). */
static const char latin_base[] =
	"aaaaaa1ceeeeiiiidnooooo\0ouuuuyt3"	/* C0..DF */
	"aaaaaa1ceeeeiiiidnooooo\0ouuuuyty"	/* E0..FF */
	"aaaaaaccccccccdd"			/* 100.. */
	"ddeeeeeeeeeegggg"
	"gggghhhhiiiiiiii"
	"iiiijjkkklllllll"
	"lllnnnnnnnnnoooo"
	"oo22rrrrrrssssss"
	"ssttttttuuuuuuuu"
	"uuuuwwyyyzzzzzzs";

/*
 * Fold one code point for matching: lower case, accents removed.  Writes
 * one or two code points to out (ligatures æ œ ß become two letters, so
 * that "oeuvre" and "œuvre" fold alike) and returns how many; 0 for
 * combining marks, which are dropped.
 */
_Static_assert(sizeof(latin_base) == 0x180 - 0xc0 + 1,
    "one base letter for each of U+00C0..U+017F");

size_t
search_fold(uint32_t cp, uint32_t out[2])
{
	char c;

	if (cp >= 'A' && cp <= 'Z')
		cp += 32;
	else if (cp >= 0x300 && cp <= 0x36f)
		return (0);
	else if (cp >= 0xc0 && cp <= 0x17f) {
		c = latin_base[cp - 0xc0];
		if (c == '1' || c == '2' || c == '3') {
			out[0] = c == '1' ? 'a' : c == '2' ? 'o' : 's';
			out[1] = c == '3' ? 's' : 'e';
			return (2);
		}
		if (c != '\0')
			cp = (uint32_t)(unsigned char)c;
	} else if (cp >= 0x391 && cp <= 0x3a9)
		cp += 0x20;
	else if (cp >= 0x386 && cp <= 0x38f) {
		static const uint32_t tonos[] = { 0x3b1, 0x387, 0x3b5, 0x3b7,
		    0x3b9, 0x38b, 0x3bf, 0x38d, 0x3c5, 0x3c9 };
		cp = tonos[cp - 0x386];
	} else if (cp >= 0x3ac && cp <= 0x3af) {
		static const uint32_t tonos2[] = { 0x3b1, 0x3b5, 0x3b7, 0x3b9 };
		cp = tonos2[cp - 0x3ac];
	} else if (cp >= 0x3cc && cp <= 0x3ce) {
		static const uint32_t tonos3[] = { 0x3bf, 0x3c5, 0x3c9 };
		cp = tonos3[cp - 0x3cc];
	} else if (cp >= 0x410 && cp <= 0x42f)
		cp += 0x20;
	else if (cp >= 0x400 && cp <= 0x40f)
		cp += 0x50;
	if (cp == 0x451)	/* ё */
		cp = 0x435;
	else if (cp == 0x439)	/* й */
		cp = 0x438;
	out[0] = cp;
	return (1);
}

bool
search_has_cjk(const char *text)
{
	size_t i = 0, len;

	if (text == NULL)
		return (false);
	len = strlen(text);
	while (i < len)
		if (search_cp_cjk(search_utf8_next(text, len, &i)))
			return (true);
	return (false);
}

/* Flush one run (start..end byte offsets, n code points) as bigrams. */
static void
flush_run(const char *text, size_t len, size_t start, size_t end, size_t n,
    struct buf *out)
{
	size_t i = start, prev, cur;

	if (n == 0)
		return;
	if (out->len > 0 && buf_addch(out, ' ') == -1)
		return;
	prev = i;
	(void)search_utf8_next(text, len, &i);
	while (i < end) {
		cur = i;
		(void)search_utf8_next(text, len, &i);
		/* the pair prev..i, then a space */
		if (buf_add(out, text + prev, i - prev) == -1 ||
		    buf_addch(out, ' ') == -1)
			return;
		prev = cur;
	}
	/* the last character on its own */
	(void)buf_add(out, text + prev, end - prev);
}

size_t
search_cjk_bigrams(const char *text, struct buf *out)
{
	size_t i = 0, len, at, start = 0, n = 0, runs = 0;
	uint32_t cp;

	if (text == NULL)
		return (0);
	len = strlen(text);
	while (i < len) {
		at = i;
		cp = search_utf8_next(text, len, &i);
		if (search_cp_cjk(cp)) {
			if (n++ == 0)
				start = at;
			continue;
		}
		if (n > 0) {
			flush_run(text, len, start, at, n, out);
			runs++;
		}
		n = 0;
	}
	if (n > 0) {
		flush_run(text, len, start, len, n, out);
		runs++;
	}
	return (runs);
}
