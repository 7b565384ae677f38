/* test_encoding: charset detection and streaming conversion to UTF-8. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "encoding.h"

/* enc_sniff */

static void
sniff_ok(const char *head, size_t len, const char *hint, const char *label,
    size_t bom, enum enc_source source)
{
	struct enc_sniff sn;

	assert_int_equal(enc_sniff(head, len, true, hint, &sn), 0);
	assert_string_equal(sn.label, label);
	assert_int_equal(sn.bom_len, bom);
	assert_int_equal(sn.source, source);
}

static void
test_sniff_bom(void **state)
{
	(void)state;
	sniff_ok("\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"koi8-r\"?>", 40,
	    NULL, "UTF-8", 3, ENC_FROM_BOM);
	sniff_ok("\xff\xfe<\0?\0", 6, NULL, "UTF-16LE", 2, ENC_FROM_BOM);
	sniff_ok("\xfe\xff\0<\0?", 6, NULL, "UTF-16BE", 2, ENC_FROM_BOM);
	sniff_ok("\xff\xfe\0\0<\0\0\0", 8, NULL, "UTF-32LE", 4, ENC_FROM_BOM);
	sniff_ok("\0\0\xfe\xff\0\0\0<", 8, NULL, "UTF-32BE", 4, ENC_FROM_BOM);
}

static void
test_sniff_utf16_without_bom(void **state)
{
	(void)state;
	sniff_ok("<\0?\0x\0m\0", 8, NULL, "UTF-16LE", 0, ENC_FROM_UTF16_GUESS);
	sniff_ok("\0<\0?\0x\0m", 8, NULL, "UTF-16BE", 0, ENC_FROM_UTF16_GUESS);
}

static void
test_sniff_declaration(void **state)
{
	static const char d1[] =
	    "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss/>";
	static const char d2[] =
	    "\n\n  <?xml version='1.0' encoding = ' Shift_JIS ' ?><rss/>";
	static const char d3[] = "<?xml version=\"1.0\"?><rss/>";
	static const char d4[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>";

	(void)state;
	sniff_ok(d1, sizeof(d1) - 1, NULL, "windows-1251", 0, ENC_FROM_DECL);
	/* Blank lines before the declaration, single quotes, blanks. */
	sniff_ok(d2, sizeof(d2) - 1, NULL, "Shift_JIS", 0, ENC_FROM_DECL);
	/* No encoding=: the hint, else UTF-8. */
	sniff_ok(d3, sizeof(d3) - 1, "koi8-r", "koi8-r", 0, ENC_FROM_HINT);
	sniff_ok(d3, sizeof(d3) - 1, NULL, "UTF-8", 0, ENC_FROM_DEFAULT);
	sniff_ok("<rss/>", 6, "iso-8859-2", "iso-8859-2", 0, ENC_FROM_HINT);
	/* The declaration beats the hint. */
	sniff_ok(d1, sizeof(d1) - 1, "koi8-r", "windows-1251", 0,
	    ENC_FROM_DECL);
	/* A 16-bit label on 8-bit bytes is a mislabel: UTF-8. */
	sniff_ok(d4, sizeof(d4) - 1, NULL, "UTF-8", 0, ENC_FROM_DECL);
}

static void
forced_ok(const char *head, size_t len, const char *force, const char *label,
    size_t bom, enum enc_source source)
{
	struct enc_sniff sn;

	assert_int_equal(enc_sniff_forced(head, len, true, force, &sn), 0);
	assert_string_equal(sn.label, label);
	assert_int_equal(sn.bom_len, bom);
	assert_int_equal(sn.source, source);
}

static void
test_sniff_forced(void **state)
{
	static const char lie[] =
	    "<?xml version=\"1.0\" encoding=\"ISO-8859-2\"?><rss/>";
	static const char bom[] =
	    "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"koi8-r\"?><rss/>";
	struct enc_sniff sn;

	(void)state;
	/* The override beats the declaration, and nothing is skipped. */
	forced_ok(lie, sizeof(lie) - 1, "windows-1252", "windows-1252", 0,
	    ENC_FROM_FORCED);
	forced_ok("<rss/>", 6, "koi8-r", "koi8-r", 0, ENC_FROM_FORCED);
	/* A BOM beats the override. */
	forced_ok(bom, sizeof(bom) - 1, "windows-1252", "UTF-8", 3,
	    ENC_FROM_BOM);
	forced_ok("\xff\xfe<\0?\0", 6, "koi8-r", "UTF-16LE", 2, ENC_FROM_BOM);
	forced_ok("\xff\xfe\0\0<\0\0\0", 8, "koi8-r", "UTF-32LE", 4,
	    ENC_FROM_BOM);
	/* A 16-bit override on 8-bit bytes: the usual detection. */
	forced_ok(lie, sizeof(lie) - 1, "UTF-16", "ISO-8859-2", 0,
	    ENC_FROM_DECL);
	forced_ok("<\0?\0x\0m\0", 8, "utf-16le", "UTF-16LE", 0,
	    ENC_FROM_UTF16_GUESS);
	/* No override: as enc_sniff without a hint. */
	forced_ok(lie, sizeof(lie) - 1, NULL, "ISO-8859-2", 0, ENC_FROM_DECL);
	forced_ok(lie, sizeof(lie) - 1, "", "ISO-8859-2", 0, ENC_FROM_DECL);
	/* Fewer than four bytes: wait for a possible BOM, unless at eof. */
	assert_int_equal(enc_sniff_forced("\xff\xfe\0", 3, false, "koi8-r",
	    &sn), 1);
	assert_int_equal(enc_sniff_forced("<a", 2, false, "koi8-r", &sn), 1);
	forced_ok("<a", 2, "koi8-r", "koi8-r", 0, ENC_FROM_FORCED);
	forced_ok("\xff\xfe", 2, "koi8-r", "UTF-16LE", 2, ENC_FROM_BOM);
}

static void
test_sniff_needs_more(void **state)
{
	struct enc_sniff sn;
	static const char d[] = "<?xml version=\"1.0\" encoding=\"KOI8-R\"?>";

	(void)state;
	assert_int_equal(enc_sniff("<?", 2, false, NULL, &sn), 1);
	assert_int_equal(enc_sniff(d, 20, false, NULL, &sn), 1);
	assert_int_equal(enc_sniff(d, sizeof(d) - 1, false, NULL, &sn), 0);
	assert_string_equal(sn.label, "KOI8-R");
	/* At the end of input it decides with what there is. */
	assert_int_equal(enc_sniff(d, 20, true, NULL, &sn), 0);
	assert_string_equal(sn.label, "UTF-8");
}

static void
test_canonical(void **state)
{
	char out[64];

	(void)state;
	assert_true(enc_canonical("utf-8", out, sizeof(out)));
	assert_string_equal(out, "UTF-8");
	assert_true(enc_canonical("UTF8", out, sizeof(out)));
	assert_false(enc_canonical("ISO-8859-1", out, sizeof(out)));
	assert_string_equal(out, "WINDOWS-1252");
	assert_false(enc_canonical("us-ascii", out, sizeof(out)));
	assert_string_equal(out, "WINDOWS-1252");
	assert_false(enc_canonical("Shift_JIS", out, sizeof(out)));
	assert_string_equal(out, "CP932");
	assert_false(enc_canonical("gb2312", out, sizeof(out)));
	assert_string_equal(out, "GB18030");
	assert_false(enc_canonical("KOI8-R", out, sizeof(out)));
	assert_string_equal(out, "KOI8-R");
}

/* Conversion */

/* Convert in[0..n) from label in chunks of the given sizes (0 ends). */
static char *
convert_chunks(const char *label, const char *in, size_t n,
    const size_t *sizes)
{
	struct enc_conv *c;
	struct enc_out o = { NULL, 0, 0 };
	struct err err = ERR_INIT;
	size_t off = 0, k;

	c = enc_conv_new(label, &err);
	assert_non_null(c);
	for (k = 0; off < n; k++) {
		size_t take = sizes[k] == 0 ? n - off : sizes[k];

		if (take > n - off)
			take = n - off;
		enc_conv_push(c, in + off, take, &o);
		off += take;
		if (sizes[k] == 0)
			break;
	}
	enc_conv_finish(c, &o);
	enc_conv_free(c);
	enc_out_add(&o, "", 1);
	return (o.data);
}

static char *
convert(const char *label, const char *in, size_t n)
{
	static const size_t whole[] = { 0 };

	return (convert_chunks(label, in, n, whole));
}

static void
expect(const char *label, const char *in, size_t n, const char *want)
{
	char *got = convert(label, in, n);

	assert_string_equal(got, want);
	free(got);
}

static void
test_convert_charsets(void **state)
{
	(void)state;
	expect("windows-1252", "caf\xe9 \x93q\x94 \x80", 10,
	    "caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xe2\x82\xac");
	/* ISO-8859-1 is read as windows-1252, as browsers do. */
	expect("ISO-8859-1", "\x92", 1, "\xe2\x80\x99");
	expect("KOI8-R", "\xf0\xd2\xc9\xd7\xc5\xd4", 6,
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82");
	expect("Shift_JIS", "\x93\xfa\x96\x7b", 4, "\xe6\x97\xa5\xe6\x9c\xac");
	/* Shift_JIS 0x5C and 0x7E stay ASCII (URLs keep their ~). */
	expect("Shift_JIS", "~\\", 2, "~\\");
	expect("EUC-JP", "\xc6\xfc\xcb\xdc\x8e\xb6", 6,
	    "\xe6\x97\xa5\xe6\x9c\xac\xef\xbd\xb6");
	expect("GB18030", "\x95\x32\x82\x36", 4, "\xf0\xa0\x80\x80");
	expect("gb2312", "\xa2\xe3", 2, "\xe2\x82\xac");
	expect("Big5", "\xa4\xa4\xa4\xe5", 4, "\xe4\xb8\xad\xe6\x96\x87");
	expect("UTF-16LE", "\x3d\xd8\x00\xde" "A\0", 6, "\xf0\x9f\x98\x80" "A");
	expect("UTF-16BE", "\xd8\x3d\xde\x00\0A", 6, "\xf0\x9f\x98\x80" "A");
}

static void
test_convert_invalid_bytes(void **state)
{
	(void)state;
	/* Undefined in windows-1252: U+FFFD, and conversion goes on. */
	expect("windows-1252", "a\x81z", 3, "a\xef\xbf\xbdz");
	/* A lone UTF-16 surrogate. */
	expect("UTF-16LE", "\x3d\xd8" "A\0", 4, "\xef\xbf\xbd" "A");
	/* Input cut inside a multibyte sequence. */
	expect("Shift_JIS", "a\x93", 2, "a\xef\xbf\xbd");
}

static void
test_unknown_charset(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	assert_null(enc_conv_new("x-klingon", &err));
	assert_int_equal(err.code, ERR_ENCODING);
	assert_non_null(strstr(err.msg, "x-klingon"));
}

static void
test_utf8_repair(void **state)
{
	(void)state;
	expect("UTF-8", "caf\xc3\xa9", 5, "caf\xc3\xa9");
	/* Latin-1 bytes in a UTF-8 document: read as windows-1252. */
	expect("UTF-8", "caf\xe9 \x92", 6, "caf\xc3\xa9 \xe2\x80\x99");
	/* Undefined windows-1252 bytes become U+FFFD. */
	expect("UTF-8", "\x81", 1, "\xef\xbf\xbd");
	/* Overlong, surrogate, beyond U+10FFFF: byte by byte. */
	expect("UTF-8", "\xc0\xaf", 2, "\xc3\x80\xc2\xaf");
	expect("UTF-8", "\xed\xa0\x80", 3, "\xc3\xad\xc2\xa0\xe2\x82\xac");
	expect("UTF-8", "\xf4\x90\x80\x80", 4,
	    "\xc3\xb4\xef\xbf\xbd\xe2\x82\xac\xe2\x82\xac");
	/* A sequence cut by the end of input. */
	expect("UTF-8", "ok\xe2\x82", 4, "ok\xc3\xa2\xe2\x80\x9a");
	/* Astral characters pass. */
	expect("UTF-8", "\xf0\x9f\x98\x80", 4, "\xf0\x9f\x98\x80");
}

/* Every split of the input into two chunks, and byte-at-a-time. */
static void
splits(const char *label, const char *in, size_t n, const char *want)
{
	size_t sizes[3], i, ones[64];
	char *got;

	for (i = 0; i <= n; i++) {
		sizes[0] = i;
		sizes[1] = 0;
		if (i == 0) {
			sizes[0] = 0;
		}
		got = i == 0 ? convert(label, in, n) :
		    convert_chunks(label, in, n, sizes);
		assert_string_equal(got, want);
		free(got);
	}
	assert_true(n < 64);
	for (i = 0; i < n; i++)
		ones[i] = 1;
	ones[n] = 0;
	got = convert_chunks(label, in, n, ones);
	assert_string_equal(got, want);
	free(got);
}

static void
test_chunk_boundaries(void **state)
{
	(void)state;
	splits("UTF-8", "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z", 11,
	    "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z");
	splits("UTF-8", "a\xe9\xe2\x82z", 5, "a\xc3\xa9\xc3\xa2\xe2\x80\x9az");
	splits("Shift_JIS", "x\x93\xfa\x96\x7by", 6,
	    "x\xe6\x97\xa5\xe6\x9c\xacy");
	splits("EUC-JP", "\xc6\xfc\x8e\xb6\xcb\xdc", 6,
	    "\xe6\x97\xa5\xef\xbd\xb6\xe6\x9c\xac");
	splits("GB18030", "a\x95\x32\x82\x36\xa2\xe3", 7,
	    "a\xf0\xa0\x80\x80\xe2\x82\xac");
	splits("Big5", "\xa4\xa4\xa4\xe5", 4, "\xe4\xb8\xad\xe6\x96\x87");
	splits("UTF-16LE", "<\0\x3d\xd8\x00\xde>\0", 8,
	    "<\xf0\x9f\x98\x80>");
	splits("UTF-16BE", "\0<\xd8\x3d\xde\x00\0>", 8,
	    "<\xf0\x9f\x98\x80>");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sniff_bom),
		cmocka_unit_test(test_sniff_utf16_without_bom),
		cmocka_unit_test(test_sniff_declaration),
		cmocka_unit_test(test_sniff_forced),
		cmocka_unit_test(test_sniff_needs_more),
		cmocka_unit_test(test_canonical),
		cmocka_unit_test(test_convert_charsets),
		cmocka_unit_test(test_convert_invalid_bytes),
		cmocka_unit_test(test_unknown_charset),
		cmocka_unit_test(test_utf8_repair),
		cmocka_unit_test(test_chunk_boundaries),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
