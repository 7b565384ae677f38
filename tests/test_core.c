/* test_core: buf, err and jsonw. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "err.h"
#include "jsonw.h"

static void
test_buf_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_addstr(&b, "12345678"), 0);
	assert_int_equal(buf_addch(&b, '9'), -1);
	assert_string_equal(buf_str(&b), "12345678");
	buf_reset(&b);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_addf(&b, "%d-%s", 42, "x"), 0);
	assert_string_equal(buf_str(&b), "42-x");
	buf_free(&b);
	assert_string_equal(buf_str(&b), "");
}

static void
test_buf_growth(void **state)
{
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < 10000; i++)
		assert_int_equal(buf_addstr(&b, "abc"), 0);
	assert_int_equal(b.len, 30000);
	assert_int_equal(strlen(buf_str(&b)), 30000);
	buf_free(&b);
}

static void
test_err_first_wins(void **state)
{
	struct err e = ERR_INIT;

	(void)state;
	assert_false(err_isset(&e));
	err_set(&e, ERR_NET, "feed %s: HTTP %d", "x", 404);
	err_set(&e, ERR_IO, "second");
	assert_int_equal(e.code, ERR_NET);
	assert_string_equal(e.msg, "feed x: HTTP 404");
	err_set(NULL, ERR_IO, "ignored");
}

/*
 * A message quoting outside text (an encoding label, a reason phrase)
 * holds no control character: err_set sanitises what it formats.
 */
static void
test_err_sanitised(void **state)
{
	struct err e = ERR_INIT;
	char big[1000];
	size_t i, n;

	(void)state;
	err_set(&e, ERR_ENCODING, "unknown encoding '%s'",
	    "x\033]0;pwn\007\033]52;c;aGk=\007\xc2\x9b" "2J\x9b" "2J"
	    "\xc2\x85\xe2\x80\xae\x7f\ty\nz");
	assert_string_equal(e.msg, "unknown encoding 'x\xef\xbf\xbd" "2J y z'");
	/* Cut to the record at a character boundary, still valid UTF-8. */
	err_clear(&e);
	for (i = 0; i + 2 < sizeof(big); i += 2)
		memcpy(big + i, "\xc3\xa9", 2);
	big[i] = '\0';
	err_set(&e, ERR_PARSE, "x%s", big);
	n = strlen(e.msg);
	assert_true(n > 200 && n < sizeof(e.msg));
	assert_int_equal(n % 2, 1);
	assert_int_equal((unsigned char)e.msg[n - 1], 0xa9);
}

static const struct {
	const char *in;
	const char *out;
} json_cases[] = {
	{ "plain", "\"plain\"" },
	{ "q\"b\\", "\"q\\\"b\\\\\"" },
	{ "esc\x1b[31m", "\"esc\\u001b[31m\"" },
	{ "nl\ntab\t", "\"nl\\ntab\\t\"" },
	{ "caf\xc3\xa9", "\"caf\xc3\xa9\"" },
	{ "bad\xff", "\"bad\xef\xbf\xbd\"" },
	{ "c1\xc2\x9b", "\"c1\\u009b\"" },
	{ "rlo\xe2\x80\xae.gpj", "\"rlo\\u202e.gpj\"" },
	{ "\xe2\x80\xaa\xe2\x81\xa6\xe2\x81\xa9",
	    "\"\\u202a\\u2066\\u2069\"" },
	{ "\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5",
	    "\"\xe2\x80\xa9\xe2\x80\xaf\xe2\x81\xa5\"" },
	{ "cut\xe2\x82", "\"cut\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "\xf0\x9f\x98\x80", "\"\xf0\x9f\x98\x80\"" },
	{ "surrogate\xed\xa0\x80", "\"surrogate\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
};

static void
test_jsonw_escaping(void **state)
{
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b, 4096);
	for (i = 0; i < sizeof(json_cases) / sizeof(json_cases[0]); i++) {
		buf_reset(&b);
		jsonw_str(&b, json_cases[i].in);
		assert_string_equal(buf_str(&b), json_cases[i].out);
	}
	buf_reset(&b);
	jsonw_str(&b, NULL);
	assert_string_equal(buf_str(&b), "null");
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_cap),
		cmocka_unit_test(test_buf_growth),
		cmocka_unit_test(test_err_first_wins),
		cmocka_unit_test(test_err_sanitised),
		cmocka_unit_test(test_jsonw_escaping),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
