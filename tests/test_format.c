/* test_format: newsboat's % format strings (src/format.c). */
#include "config.h"

#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "format.h"
#include "text.h"

struct fcase {
	const char	*fmt;
	size_t		 width;
	const char	*want;
};

/* a: ASCII, r: Cyrillic (one cell each), k: CJK (two cells each). */
static void
args(struct format_args *a)
{
	format_args_init(a);
	format_set(a, 'a', "hello");
	format_set(a, 'r', "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	format_set(a, 'k', "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	format_set(a, 'e', "");
	format_set(a, 'w', "  \t ");
	format_set(a, 'n', "3");
}

static const struct fcase cases[] = {
	{ "", 0, "" },
	{ "plain text", 0, "plain text" },
	{ "%a", 0, "hello" },
	{ "%a-%n", 0, "hello-3" },
	{ "%%%a%%", 0, "%hello%" },
	{ "%", 0, "" },
	{ "abc%", 0, "abc" },
	{ "%z", 0, "" },			/* no value */
	/* Widths: padding and cutting, in cells. */
	{ "%8a", 0, "   hello" },
	{ "%-8a|", 0, "hello   |" },
	{ "%5a", 0, "hello" },
	{ "%3a", 0, "hel" },
	{ "%-3a|", 0, "hel|" },
	{ "%4z|", 0, "    |" },
	{ "%-4z|", 0, "    |" },
	{ "%=9a|", 0, "  hello  |" },
	{ "%=8a|", 0, " hello  |" },
	{ "%8r", 0, "  \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82" },
	{ "%3r", 0, "\xd0\xbf\xd1\x80\xd0\xb8" },
	/* CJK: two cells each; a half character is left out, padded. */
	{ "%-8k|", 0, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e  |" },
	{ "%8k|", 0, "  \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e|" },
	{ "%-5k|", 0, "\xe6\x97\xa5\xe6\x9c\xac |" },
	{ "%4k|", 0, "\xe6\x97\xa5\xe6\x9c\xac|" },
	{ "%-1k|", 0, " |" },
	/* Conditionals. */
	{ "%?a?yes&no?", 0, "yes" },
	{ "%?e?yes&no?", 0, "no" },
	{ "%?w?yes&no?", 0, "no" },		/* blank is empty */
	{ "%?z?yes&no?", 0, "no" },
	{ "%?e?yes?", 0, "" },
	{ "%?a?yes?!", 0, "yes!" },
	{ "%?a?[%-7a]&none?", 0, "[hello  ]" },
	{ "%?e?[%a]&<%n>?", 0, "<3>" },
	{ "x%?a?%?e?1&2?&3?y", 0, "x2y" },	/* nested */
	{ "%?e?%?a?1&2?&3?", 0, "3" },
	{ "a?b&c", 0, "a?b&c" },		/* literal outside */
	{ "%?", 0, "" },
	{ "%?a", 0, "" },
	{ "%?a?unfinished", 0, "unfinished" },
	/* Right fill. */
	{ "%>X", 3, "XXX" },
	{ "%a%> %n", 10, "hello    3" },
	{ "%a%> %n", 0, "hello 3" },
	{ "%a%>.%n", 4, "hello3" },		/* no room: no fill */
	{ "%a%>-%n%>+", 10, "hello---3+" },	/* only the first fills */
	{ "%a%>\xe6\x97\xa5%n", 11, "hello\xe6\x97\xa5\xe6\x97\xa5 3" },
	{ "[%a%>_]", 10, "[hello___]" },
	{ "%?a?%a%>.&x?%n", 8, "hello..3" },
	/* newsboat's own examples. */
	{ "%4n %a", 0, "   3 hello" },
};

static void
test_cases(void **state)
{
	struct format_args a;
	size_t i;
	char *s;

	(void)state;
	args(&a);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = format_expand(cases[i].fmt, &a, cases[i].width);
		if (strcmp(s, cases[i].want) != 0)
			fail_msg("case %zu: \"%s\" width %zu: got \"%s\", "
			    "want \"%s\"", i, cases[i].fmt, cases[i].width, s,
			    cases[i].want);
		free(s);
	}
}

/* Feed text with escapes and controls comes out clean, widths right. */
static void
test_sanitised(void **state)
{
	struct format_args a;
	char *s;

	(void)state;
	format_args_init(&a);
	format_set(&a, 't', "ev\x1b[2Jil\x07\xc2\x9b" "31m\ttab");
	s = format_expand("%t", &a, 0);
	assert_string_equal(s, "evil tab");
	free(s);
	s = format_expand("[%-10t]", &a, 0);
	assert_string_equal(s, "[evil tab  ]");
	free(s);
	/* The format itself too (a raw ESC in the config file). */
	s = format_expand("a\x1b]52;c;eA==\x07" "b%>\x1b", &a, 5);
	assert_null(strchr(s, '\x1b'));
	free(s);
}

/* Huge widths and floods are bounded. */
static void
test_bounds(void **state)
{
	struct format_args a;
	char *fmt, *s;
	size_t i;

	(void)state;
	args(&a);
	s = format_expand("%99999999999999999999a|", &a, 0);
	assert_int_equal(text_width(s), FORMAT_MAX_WIDTH + 1);
	free(s);
	fmt = malloc(60001);
	for (i = 0; i < 60000; i += 6)
		memcpy(fmt + i, "%-999a", 6);
	fmt[60000] = '\0';
	s = format_expand(fmt, &a, 0);
	assert_true(strlen(s) <= FORMAT_MAX_OUT);
	free(s);
	/* Nesting past the limit stops, it does not recurse on. */
	for (i = 0; i < 60000; i += 4)
		memcpy(fmt + i, "%?a?", 4);
	s = format_expand(fmt, &a, 0);
	assert_string_equal(s, "");
	free(s);
	free(fmt);
	s = format_expand("%>x", &a, 99999999);
	assert_true(strlen(s) <= FORMAT_MAX_OUT);
	free(s);
}

static void
test_censor(void **state)
{
	static const char *const urls[][2] = {
		{ "https://me:secret@h.example/feed", "https://*:*@h.example/feed" },
		{ "https://me@h.example/a@b", "https://*:*@h.example/a@b" },
		{ "http://a@b:c@h.example?x@y", "http://*:*@h.example?x@y" },
		{ "https://h.example/a@b", "https://h.example/a@b" },
		{ "file:///tmp/f.xml", "file:///tmp/f.xml" },
		{ "no scheme@all", "no scheme@all" },
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
		s = format_censor_url(urls[i][0]);
		assert_string_equal(s, urls[i][1]);
		free(s);
	}
	assert_null(format_censor_url(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_sanitised),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_censor),
	};

	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		print_message("1..0 # SKIP no C.UTF-8 locale\n");
		return (0);
	}
	return (cmocka_run_group_tests(tests, NULL, NULL));
}
