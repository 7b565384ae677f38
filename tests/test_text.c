/* test_text: sanitising, widths, truncation, padding and wrapping. */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

#define FFFD "\xef\xbf\xbd"

struct san_case {
	const char	*in;
	size_t		 len;	/* 0: strlen */
	unsigned	 flags;
	const char	*want;
};

static const struct san_case san_cases[] = {
	/* CSI: colours, private modes, intermediates. */
	{ "a\x1b[31mred\x1b[0m b", 0, 0, "ared b" },
	{ "\x1b[?1049h\x1b[2J\x1b[1;1Hx", 0, 0, "x" },
	{ "\x1b[1 qy", 0, 0, "y" },
	/* OSC 52 clipboard write, BEL and ST terminated. */
	{ "x\x1b]52;c;aGVsbG8=\x07y", 0, 0, "xy" },
	{ "x\x1b]52;c;aGVsbG8=\x1b\\y", 0, 0, "xy" },
	/* OSC 8 hyperlink around text: the text stays. */
	{ "\x1b]8;;http://evil.example/\x1b\\link\x1b]8;;\x1b\\", 0, 0,
	    "link" },
	/* OSC 0 title, unterminated: swallowed to the end. */
	{ "a\x1b]0;owned title", 0, 0, "a" },
	/* DCS, APC, PM, SOS strings. */
	{ "\x1bPq#0;2;0;0;0#0~~\x1b\\ok", 0, 0, "ok" },
	{ "\x1b_Gf=100;AAAA\x1b\\a\x1b^pm\x1b\\b\x1bXsos\x1b\\c", 0, 0,
	    "abc" },
	{ "\x1bP1$r\x18z", 0, 0, "z" },	/* CAN aborts */
	/* 8-bit (C1, UTF-8 encoded) CSI, OSC, DCS with 8-bit ST. */
	{ "a\xc2\x9b" "31mb", 0, 0, "ab" },
	{ "a\xc2\x9d" "52;c;eA==\xc2\x9c" "b", 0, 0, "ab" },
	{ "a\xc2\x90qstuff\xc2\x9c" "b", 0, 0, "ab" },
	{ "a\xc2\x9f" "apc\x07" "b", 0, 0, "ab" },
	/* Other C1 controls: NEL, IND, ST alone. */
	{ "a\xc2\x85" "b\xc2\x84" "c\xc2\x9c" "d", 0, 0, "abcd" },
	/* Raw C1 bytes are not UTF-8: replaced, so never 8-bit CSI. */
	{ "a\x9b" "31mb", 0, 0, "a" FFFD "31mb" },
	/* Two- and three-byte escapes, lone ESC. */
	{ "\x1b" "c\x1b" "7\x1b(B\x1b#8z", 0, 0, "z" },
	{ "z\x1b", 0, 0, "z" },
	{ "\x1b\x1b[0mz", 0, 0, "z" },
	/* C0 controls and DEL. */
	{ "a\x01\x07\x08\x0e\x0f" "b\x7f", 0, 0, "ab" },
	{ "a\0b", 3, 0, "ab" },
	/* White space controls: spaces, or kept by flags. */
	{ "a\nb\r\nc\rd\te", 0, 0, "a b c d e" },
	{ "a\nb\r\nc\rd\te", 0, TEXT_KEEP_NEWLINE, "a\nb\nc\nd e" },
	{ "a\nb\te", 0, TEXT_KEEP_TAB, "a b\te" },
	{ "a\xe2\x80\xa8" "b", 0, TEXT_KEEP_NEWLINE, "a\nb" },
	/* Bidirectional overrides and isolates. */
	{ "a\xe2\x80\xae" "b\xe2\x81\xa6" "c\xe2\x81\xa9" "d\xe2\x80\xaa", 0,
	    0, "abcd" },
	{ "\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x81\xa7\xe2\x81\xa8", 0,
	    0, "" },
	/* Marks that do not override are kept (U+200F RLM). */
	{ "a\xe2\x80\x8f" "b", 0, 0, "a\xe2\x80\x8f" "b" },
	/* Invalid UTF-8. */
	{ "\xff", 0, 0, FFFD },
	{ "\xc0\xaf", 0, 0, FFFD FFFD },		/* overlong '/' */
	{ "\xe0\x80\xaf", 0, 0, FFFD FFFD FFFD },	/* overlong */
	{ "\xed\xa0\x80", 0, 0, FFFD FFFD FFFD },	/* surrogate */
	{ "\xf4\x90\x80\x80", 0, 0, FFFD FFFD FFFD FFFD },
	{ "a\xe2\x82", 0, 0, "a" FFFD },		/* truncated */
	{ "\xe2\x82z", 0, 0, FFFD "z" },
	{ "\xf0\x9f\x98", 0, 0, FFFD },
	/* Valid text untouched. */
	{ "L\xe2\x80\x99\xc3\xa9volution \xc2\xab x \xc2\xbb \xe6\x97\xa5"
	    "\xf0\x9f\x98\x80", 0, 0, "L\xe2\x80\x99\xc3\xa9volution "
	    "\xc2\xab x \xc2\xbb \xe6\x97\xa5\xf0\x9f\x98\x80" },
	{ "", 0, 0, "" },
};

static void
test_sanitize_table(void **state)
{
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(san_cases) / sizeof(san_cases[0]); i++) {
		const struct san_case *c = &san_cases[i];

		s = text_sanitize_n(c->in, c->len ? c->len : strlen(c->in),
		    c->flags);
		if (strcmp(s, c->want) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		free(s);
	}
	s = text_sanitize(NULL, 0);
	assert_string_equal(s, "");
	free(s);
}

/* Nothing that comes out holds a control or is invalid, whatever goes in. */
static void
test_sanitize_all_bytes(void **state)
{
	char in[3 * 256 * 4];
	char *s;
	size_t i, n, len;
	uint32_t cp;
	unsigned r = 12345;

	(void)state;
	for (i = 0; i < sizeof(in); i++) {
		r = r * 1103515245 + 12345;
		in[i] = (char)(i < 256 ? i : (r >> 16) & 0xff);
	}
	s = text_sanitize_n(in, sizeof(in), TEXT_KEEP_NEWLINE);
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		n = text_decode(s + i, len - i, &cp);
		assert_true(n > 0);
		if (cp == TEXT_REPLACEMENT)	/* must be a real U+FFFD */
			assert_memory_equal(s + i, FFFD, 3);
		assert_true(cp == '\n' || cp >= 0x20);
		assert_false(cp >= 0x7f && cp <= 0x9f);
		assert_false(cp >= 0x202a && cp <= 0x202e);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
	}
	free(s);
}

static void
test_decode_encode(void **state)
{
	char out[4];
	uint32_t cp;
	uint32_t cps[] = { 0x24, 0xa2, 0x939, 0x20ac, 0xd55c, 0x10348,
	    0x1f600, 0x10ffff };
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		n = text_encode(cps[i], out);
		assert_int_equal(text_decode(out, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
	assert_int_equal(text_decode("", 0, &cp), 0);
	assert_int_equal(text_encode(0xd800, out), 3);
	assert_memory_equal(out, FFFD, 3);
}

static void
test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("\xc3\xa9t\xc3\xa9"), 3);	/* été */
	/* e + U+0301 combining acute: one cell. */
	assert_int_equal(text_width("e\xcc\x81"), 1);
	/* 日本語: wide. */
	assert_int_equal(text_width("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"),
	    6);
	/* Fullwidth A U+FF21, Hangul U+D55C. */
	assert_int_equal(text_width("\xef\xbc\xa1\xed\x95\x9c"), 4);
	/* Emoji U+1F600 and U+1F44D. */
	assert_int_equal(text_width("\xf0\x9f\x98\x80\xf0\x9f\x91\x8d"), 4);
	/* Zero width space U+200B. */
	assert_int_equal(text_width("a\xe2\x80\x8b" "b"), 2);
	/* Controls measure 0, invalid bytes 1 (as U+FFFD). */
	assert_int_equal(text_width("a\x1b" "b"), 2);
	assert_int_equal(text_width("\xff"), 1);
	assert_int_equal(text_width("\xe2\x80\xa6"), 1);	/* … */
	assert_int_equal(text_width_n("\xe6\x97\xa5\xe6\x9c\xac", 3), 2);
}

struct trunc_case {
	const char	*in;
	size_t		 cells;
	const char	*want;
};

static const struct trunc_case trunc_cases[] = {
	{ "abc", 3, "abc" },
	{ "abcd", 3, "ab\xe2\x80\xa6" },
	{ "abc", 0, "" },
	/* 日本語 in 5 cells: 日本… ; in 4: 日… (本 would straddle). */
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 5,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4,
	    "\xe6\x97\xa5\xe2\x80\xa6" },
	{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
	/* Combining marks stay with their base. */
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81\xe2\x80\xa6" },
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3,
	    "e\xcc\x81" "e\xcc\x81" "e\xcc\x81" },
	/* Emoji. */
	{ "ok\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 5,
	    "ok\xf0\x9f\x98\x80\xe2\x80\xa6" },
	{ "ok\xf0\x9f\x98\x80\xf0\x9f\x98\x80", 4,
	    "ok\xe2\x80\xa6" },
};

static void
test_truncate_table(void **state)
{
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(trunc_cases) / sizeof(trunc_cases[0]); i++) {
		s = text_truncate(trunc_cases[i].in, trunc_cases[i].cells);
		if (strcmp(s, trunc_cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\"", i, s);
		free(s);
	}
	s = text_truncate("abc", 1);
	assert_string_equal(s, "\xe2\x80\xa6");
	free(s);
}

/* Every cut of a mixed string: fits, valid UTF-8, a prefix of the input. */
static void
test_truncate_never_splits(void **state)
{
	const char *in = "a\xc3\xa9\xe6\x97\xa5" "e\xcc\x81\xf0\x9f\x98\x80"
	    "b\xe6\x9c\xac\xc2\xab";
	size_t cells, n, w = text_width(in);
	char *s, *clean;

	(void)state;
	for (cells = 0; cells <= w + 2; cells++) {
		s = text_truncate(in, cells);
		assert_true(text_width(s) <= cells);
		clean = text_sanitize(s, 0);
		assert_string_equal(clean, s);	/* valid UTF-8 */
		free(clean);
		n = strlen(s);
		if (cells >= w) {
			assert_string_equal(s, in);
		} else if (cells > 0) {
			/* cut plus ellipsis, the cut a prefix of in */
			assert_true(n >= 3);
			assert_memory_equal(s + n - 3, "\xe2\x80\xa6", 3);
			assert_memory_equal(s, in, n - 3);
			assert_true(text_width(s) >= cells - 1);
		}
		free(s);
	}
}

static void
test_prefix_pad(void **state)
{
	size_t w;
	char *s;

	(void)state;
	assert_int_equal(text_prefix("a\xe6\x97\xa5" "b", 2, &w), 1);
	assert_int_equal(w, 1);
	assert_int_equal(text_prefix("a\xe6\x97\xa5" "b", 3, &w), 4);
	assert_int_equal(w, 3);
	/* The combining mark after the last base comes along. */
	assert_int_equal(text_prefix("e\xcc\x81x", 1, &w), 3);
	s = text_pad("\xe6\x97\xa5\xe6\x9c\xac", 5, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "\xe6\x97\xa5\xe6\x9c\xac ");
	free(s);
	s = text_pad("\xe6\x97\xa5\xe6\x9c\xac", 5, TEXT_ALIGN_RIGHT);
	assert_string_equal(s, " \xe6\x97\xa5\xe6\x9c\xac");
	free(s);
	s = text_pad("ab", 6, TEXT_ALIGN_CENTER);
	assert_string_equal(s, "  ab  ");
	free(s);
	/* Too wide: truncated, and padded to the exact width. */
	s = text_pad("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 4,
	    TEXT_ALIGN_LEFT);
	assert_string_equal(s, "\xe6\x97\xa5\xe2\x80\xa6 ");
	assert_int_equal(text_width(s), 4);
	free(s);
	s = text_pad("x", 0, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "");
	free(s);
}

/* s, then n copies of mark (a UTF-8 string), then t: a fresh string. */
static char *
flood(const char *s, const char *mark, size_t n, const char *t)
{
	size_t ls = strlen(s), lm = strlen(mark), lt = strlen(t), i;
	char *out = malloc(ls + n * lm + lt + 1);

	assert_non_null(out);
	memcpy(out, s, ls);
	for (i = 0; i < n; i++)
		memcpy(out + ls + i * lm, mark, lm);
	memcpy(out + ls + n * lm, t, lt + 1);
	return (out);
}

#define ACUTE	"\xcc\x81"	/* U+0301 COMBINING ACUTE ACCENT */
#define ACUTE4	ACUTE ACUTE ACUTE ACUTE

/*
 * A combining flood ("a" and thousands of U+0301) keeps TEXT_MAX_MARKS
 * marks per character when cut for the screen, and a 10,000-character
 * title is cut to the width asked for.
 */
static void
test_combining_cap(void **state)
{
	char *in, *s;
	size_t w;

	(void)state;
	assert_int_equal(TEXT_MAX_MARKS, 4);
	in = flood("a", ACUTE, 5000, "bc");
	assert_int_equal(text_width(in), 3);
	s = text_truncate(in, 10);		/* fits: only the marks go */
	assert_string_equal(s, "a" ACUTE4 "bc");
	free(s);
	s = text_pad(in, 6, TEXT_ALIGN_LEFT);
	assert_string_equal(s, "a" ACUTE4 "bc   ");
	free(s);
	s = text_fit(in, 2, &w);		/* a piece, no ellipsis */
	assert_string_equal(s, "a" ACUTE4 "b");
	assert_int_equal(w, 2);
	free(s);
	s = text_truncate(in, 2);		/* cut: the ellipsis */
	assert_string_equal(s, "a" ACUTE4 "\xe2\x80\xa6");
	free(s);
	free(in);

	/* Marks with no character before them, and on every character. */
	in = flood("", ACUTE, 9, "b" ACUTE ACUTE ACUTE ACUTE ACUTE "c");
	s = text_truncate(in, 5);
	assert_string_equal(s, ACUTE4 "b" ACUTE4 "c");
	free(s);
	free(in);
	/* Up to four marks, different ones, stay as they are. */
	s = text_truncate("e\xcc\x81\xcc\xa3\xcd\x82\xcc\x88x", 3);
	assert_string_equal(s, "e\xcc\x81\xcc\xa3\xcd\x82\xcc\x88x");
	free(s);

	/* A 10,000-character title: cut to the width, the ellipsis last. */
	in = flood("T", "L", 10000, " end");
	s = text_truncate(in, 80);
	assert_int_equal(text_width(s), 80);
	assert_int_equal(strlen(s), 79 + 3);
	assert_memory_equal(s, "TLLL", 4);
	free(s);
	free(in);
}

/* text_sanitize_buf: the same cleaning, cut to the buffer. */
static void
test_sanitize_buf(void **state)
{
	const char *in = "ab\x1b]0;pwn\x07" "c\xc2\x9b" "2J\xc3\xa9";
	char buf[16];

	(void)state;
	assert_int_equal(text_sanitize_buf(buf, sizeof(buf), in, 0), 5);
	assert_string_equal(buf, "abc\xc3\xa9");
	/* No room for the whole of the last character: it is left out. */
	assert_int_equal(text_sanitize_buf(buf, 5, in, 0), 3);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_sanitize_buf(buf, 1, in, 0), 0);
	assert_string_equal(buf, "");
	assert_int_equal(text_sanitize_buf(buf, sizeof(buf), NULL, 0), 0);
	assert_string_equal(buf, "");
}

static void
check_wrap(const char *in, size_t width, const char **want, size_t nwant)
{
	struct text_line *l;
	size_t n, i;

	n = text_wrap(in, width, &l);
	for (i = 0; i < n && i < nwant; i++) {
		if (l[i].len != strlen(want[i]) ||
		    memcmp(in + l[i].off, want[i], l[i].len) != 0)
			fail_msg("\"%s\" at %zu, line %zu: got \"%.*s\"", in,
			    width, i, (int)l[i].len, in + l[i].off);
		assert_int_equal(l[i].width, text_width(want[i]));
	}
	assert_int_equal(n, nwant);
	free(l);
}

static void
test_wrap(void **state)
{
	const char *w1[] = { "the quick", "brown fox", "jumps" };
	const char *w2[] = { "abcde", "fghij", "kl" };
	const char *w3[] = { "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",
	    "\xe3\x81\xae\xe3\x83\x86\xe3\x82\xad",
	    "\xe3\x82\xb9\xe3\x83\x88" };
	const char *w4[] = { "a", "", "b" };
	const char *w5[] = { "a", "b" };
	const char *w6[] = { "" };
	const char *w7[] = { "to", "abcd", "efgh", "ij" };
	const char *w8[] = { "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", "abc" };
	const char *wk[] = { "\xe6\xa4\x9c\xe7\xb4\xa2",
	    "\xe3\x80\x8c\xe5\x85\xa8", "\xe6\x96\x87\xe3\x80\x8d\xe3\x80\x82" };
	const char *w10[] = { "a b" };
	const char *w12[] = { "a", "" };
	const char *w11[] = { "a", "\xd8\x95" };
	const char *w9[] = { "\xc2\xab C\xe2\x80\x99" "est",
	    "un petit", "pas \xc2\xbb" };

	(void)state;
	check_wrap("the quick brown fox jumps", 10, w1, 3);
	check_wrap("abcdefghijkl", 5, w2, 3);
	/* 日本語のテキスト: breaks between wide characters. */
	check_wrap("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x83"
	    "\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88", 6, w3, 3);
	check_wrap("a\n\nb", 10, w4, 3);
	/* 検索「全文」。 at 6: "。" does not start a line, "「" does not end
	   one: the break falls before "「" and after "」。". */
	check_wrap("\xe6\xa4\x9c\xe7\xb4\xa2\xe3\x80\x8c\xe5\x85\xa8"
	    "\xe6\x96\x87\xe3\x80\x8d\xe3\x80\x82", 6, wk, 3);
	check_wrap("a    b", 3, w5, 2);
	check_wrap("   a b", 3, w10, 1);
	check_wrap("a b      ", 3, w10, 1);
	check_wrap("a\n", 3, w12, 2);
	/* Spaces then a zero-width mark (U+0615): found by fuzz_text. */
	check_wrap("a          \xd8\x95", 3, w11, 2);
	check_wrap("", 10, w6, 1);
	check_wrap("to abcdefghij", 4, w7, 4);
	check_wrap("e\xcc\x81" "e\xcc\x81" "e\xcc\x81 abc", 3, w8, 2);
	/* « C’est un petit pas » at 8: accents and quotes are one cell. */
	check_wrap("\xc2\xab C\xe2\x80\x99" "est un petit pas \xc2\xbb", 8,
	    w9, 3);
}

/* Wrapping loses nothing but spaces and never overflows. */
static void
test_wrap_property(void **state)
{
	const char *words[] = { "a", "\xc3\xa9t\xc3\xa9", "\xe6\x97\xa5",
	    "supercalifragilistic", "e\xcc\x81", "\xf0\x9f\x98\x80", "x" };
	char in[4096], joined[4096];
	struct text_line *l;
	size_t width, n, i, j, k, len;
	unsigned r = 7;

	(void)state;
	len = 0;
	for (i = 0; i < 200; i++) {
		r = r * 1103515245 + 12345;
		k = strlen(words[(r >> 16) % 7]);
		memcpy(in + len, words[(r >> 16) % 7], k);
		len += k;
		in[len++] = ' ';
	}
	in[len] = '\0';
	for (width = 1; width < 40; width++) {
		n = text_wrap(in, width, &l);
		k = 0;
		for (i = 0; i < n; i++) {
			assert_true(l[i].width <= (width < 2 ? 2 : width));
			for (j = 0; j < l[i].len; j++)
				if (in[l[i].off + j] != ' ')
					joined[k++] = in[l[i].off + j];
		}
		for (i = j = 0; i < len; i++)
			if (in[i] != ' ')
				assert_int_equal(joined[j++], in[i]);
		assert_int_equal(j, k);
		free(l);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sanitize_table),
		cmocka_unit_test(test_sanitize_all_bytes),
		cmocka_unit_test(test_decode_encode),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_truncate_table),
		cmocka_unit_test(test_truncate_never_splits),
		cmocka_unit_test(test_prefix_pad),
		cmocka_unit_test(test_combining_cap),
		cmocka_unit_test(test_sanitize_buf),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_property),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("1..0 # SKIP no C.UTF-8 locale\n");
		return (0);
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
