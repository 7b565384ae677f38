/* test_entities: HTML5 named and numeric character references. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "entities.h"
#include "entities_table.h"

static void
test_lookup(void **state)
{
	char out[8];

	(void)state;
	assert_int_equal(entities_lookup("amp", 3, out), 1);
	assert_string_equal(out, "&");
	assert_int_equal(entities_lookup("eacute", 6, out), 2);
	assert_string_equal(out, "\xc3\xa9");
	assert_int_equal(entities_lookup("rsquo", 5, out), 3);
	assert_string_equal(out, "\xe2\x80\x99");
	/* Astral plane: U+1D504 MATHEMATICAL FRAKTUR CAPITAL A. */
	assert_int_equal(entities_lookup("Afr", 3, out), 4);
	assert_string_equal(out, "\xf0\x9d\x94\x84");
	/* Two code points: U+226B U+20D2. */
	assert_int_equal(entities_lookup("nGt", 3, out), 6);
	assert_string_equal(out, "\xe2\x89\xab\xe2\x83\x92");
	assert_int_equal(entities_lookup("CounterClockwiseContourIntegral",
	    31, out), 3);
	assert_string_equal(out, "\xe2\x88\xb3");
	/* Case matters, length matters. */
	assert_int_equal(entities_lookup("AMP", 3, out), 1);
	assert_int_equal(entities_lookup("Amp", 3, out), -1);
	assert_int_equal(entities_lookup("amp;", 4, out), -1);
	assert_int_equal(entities_lookup("ampx", 3, out), 1);
	assert_int_equal(entities_lookup("nosuch", 6, out), -1);
	assert_int_equal(entities_lookup("", 0, out), -1);
	assert_int_equal(entities_lookup("a\0mp", 4, out), -1);
}

/* The table is complete and sorted (bsearch depends on it). */
static void
test_table(void **state)
{
	size_t i, legacy = 0;
	char out[8];

	(void)state;
	assert_int_equal(entities_table_len, 2125);
	for (i = 0; i < entities_table_len; i++) {
		if (i > 0)
			assert_true(strcmp(entities_table[i - 1].name,
			    entities_table[i].name) < 0);
		assert_int_equal(entities_lookup(entities_table[i].name,
		    strlen(entities_table[i].name), out),
		    entities_table[i].value_len);
		legacy += entities_table[i].legacy;
	}
	/* 2231 keys = 2125 names with ';' + 106 legacy ones without. */
	assert_int_equal(legacy, 2231 - 2125);
}

static const struct {
	const char	*in;
	const char	*want;
} cases[] = {
	{ "plain text", "plain text" },
	{ "", "" },
	{ "caf&eacute;", "caf\xc3\xa9" },
	{ "caf&eacute", "caf\xc3\xa9" },
	{ "l&rsquo;&eacute;t&eacute;", "l\xe2\x80\x99\xc3\xa9t\xc3\xa9" },
	{ "a&nbsp;b", "a\xc2\xa0" "b" },
	{ "&lt;p&gt;&amp;&quot;&apos;", "<p>&\"'" },
	{ "&AMP;&LT;&GT;", "&<>" },
	/* Not legacy: needs its ';'. */
	{ "&rsquo x", "&rsquo x" },
	{ "&hellip", "&hellip" },
	/* Longest legacy prefix: "&notit;" is "&not" + "it;". */
	{ "&notit;", "\xc2\xac" "it;" },
	{ "&notin;", "\xe2\x88\x89" },
	{ "&copy2024", "\xc2\xa9" "2024" },
	{ "a & b", "a & b" },
	{ "a &b", "a &b" },
	{ "&;", "&;" },
	{ "&", "&" },
	{ "&&amp;", "&&" },
	{ "&unknown;", "&unknown;" },
	{ "AT&T", "AT&T" },
	{ "?a=1&b=2", "?a=1&b=2" },
	/* Numeric. */
	{ "&#65;&#x42;&#X43;", "ABC" },
	{ "&#233;", "\xc3\xa9" },
	{ "&#xe9;", "\xc3\xa9" },
	{ "&#x1F600;", "\xf0\x9f\x98\x80" },
	{ "&#128512;", "\xf0\x9f\x98\x80" },
	{ "&#x10FFFF;", "\xf4\x8f\xbf\xbf" },
	{ "&#65", "A" },
	{ "&#65x", "Ax" },
	{ "&#0;", "\xef\xbf\xbd" },
	{ "&#x0;", "\xef\xbf\xbd" },
	{ "&#xD800;", "\xef\xbf\xbd" },
	{ "&#xDFFF;", "\xef\xbf\xbd" },
	{ "&#55357;&#56832;", "\xef\xbf\xbd\xef\xbf\xbd" },
	{ "&#x110000;", "\xef\xbf\xbd" },
	{ "&#99999999999999999999;", "\xef\xbf\xbd" },
	{ "&#xFFFFFFFFFFFFFFFFFF;", "\xef\xbf\xbd" },
	/* HTML5: 0x80-0x9F are windows-1252. */
	{ "&#150;&#146;&#128;", "\xe2\x80\x93\xe2\x80\x99\xe2\x82\xac" },
	{ "&#x81;", "\xc2\x81" },
	/* Double-encoded UTF-8: references whose numbers are the bytes of
	   one UTF-8 character are that character. */
	{ "&#226;&#128;&#166;", "\xe2\x80\xa6" },
	{ "don&#226;&#128;&#153;t", "don\xe2\x80\x99t" },
	{ "&#xE2;&#x80;&#x99;", "\xe2\x80\x99" },
	{ "&#226&#128&#166", "\xe2\x80\xa6" },
	{ "&#195;&#169;t&#195;&#169;", "\xc3\xa9t\xc3\xa9" },
	{ "&#240;&#159;&#152;&#128;", "\xf0\x9f\x98\x80" },
	{ "&#194;&#146;", "\xe2\x80\x99" },
	/* ... and nothing else: incomplete, interrupted, overlong or
	   surrogate sequences are single references. */
	{ "&#226;&#128;", "\xc3\xa2\xe2\x82\xac" },
	{ "&#226;&#128; &#166;", "\xc3\xa2\xe2\x82\xac \xc2\xa6" },
	{ "&#226;A&#128;&#166;", "\xc3\xa2" "A\xe2\x82\xac\xc2\xa6" },
	{ "&#192;&#128;", "\xc3\x80\xe2\x82\xac" },
	{ "&#224;&#128;&#128;", "\xc3\xa0\xe2\x82\xac\xe2\x82\xac" },
	{ "&#237;&#160;&#128;", "\xc3\xad\xc2\xa0\xe2\x82\xac" },
	{ "&#244;&#144;&#128;&#128;",
	    "\xc3\xb4\xc2\x90\xe2\x82\xac\xe2\x82\xac" },
	{ "&#169;&#169;", "\xc2\xa9\xc2\xa9" },
	{ "&#195;&#xA9", "\xc3\xa9" },
	{ "&#195;&#0000000000169;", "\xc3\x83\xc2\xa9" },
	{ "&#;", "&#;" },
	{ "&#x;", "&#x;" },
	{ "&#xg;", "&#xg;" },
	{ "&#", "&#" },
	{ "&#-1;", "&#-1;" },
	/* Double-escaped stays single-decoded. */
	{ "&amp;lt;", "&lt;" },
	{ "&nGt;", "\xe2\x89\xab\xe2\x83\x92" },
	{ "&fjlig;", "fj" },
	{ "\xc3\xa9t\xc3\xa9 &euro;", "\xc3\xa9t\xc3\xa9 \xe2\x82\xac" },
};

static void
test_decode(void **state)
{
	size_t i, bad = 0;
	char *got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = entities_decode(cases[i].in);
		if (strcmp(got, cases[i].want) != 0) {
			print_error("decode(\"%s\") = \"%s\"\n", cases[i].in,
			    got);
			bad++;
		}
		free(got);
	}
	assert_int_equal(bad, 0);
	assert_null(entities_decode(NULL));
}

/* Every name decodes in running text, with its ';'. */
static void
test_decode_all(void **state)
{
	char in[64], want[64], *got;
	size_t i;

	(void)state;
	for (i = 0; i < entities_table_len; i++) {
		snprintf(in, sizeof(in), "x&%s;y", entities_table[i].name);
		snprintf(want, sizeof(want), "x%sy", entities_table[i].value);
		got = entities_decode(in);
		assert_string_equal(got, want);
		free(got);
	}
}

/* Growth bound: the expanding names, back to back. */
static void
test_decode_growth(void **state)
{
	char *in, *got;
	size_t i, n = 1000;

	(void)state;
	in = malloc(n * 5 + 1);
	assert_non_null(in);
	for (i = 0; i < n; i++)
		memcpy(in + i * 5, "&nGt;", 5);
	in[n * 5] = '\0';
	got = entities_decode(in);
	assert_int_equal(strlen(got), n * 6);
	free(got);
	free(in);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_all),
		cmocka_unit_test(test_decode_growth),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
