/*
 * test_date: RFC 822 and RFC 3339 dates, table-driven.  Expected values
 * were computed independently (Python's datetime), not by this code.
 */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "date.h"
#include "item.h"

#define ND	ITEM_NO_DATE

static const struct {
	const char	*in;
	int64_t		 want;
} cases[] = {
	{ "Mon, 02 Jan 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 +0000", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 -0000", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 -0700", INT64_C(1136239445) },
	{ "Mon, 02 Jan 2006 15:04:05 +02:00", INT64_C(1136207045) },
	{ "Mon, 02 Jan 2006 15:04:05 +0530", INT64_C(1136194445) },
	{ "Mon, 02 Jan 2006 15:04:05 -03:30", INT64_C(1136226845) },
	{ "Mon, 02 Jan 2006 15:04:05 +01", INT64_C(1136210645) },
	{ "Mon, 02 Jan 2006 15:04:05 UT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 UTC", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 Z", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 EST", INT64_C(1136232245) },
	{ "Mon, 02 Jan 2006 15:04:05 EDT", INT64_C(1136228645) },
	{ "Mon, 02 Jan 2006 15:04:05 CST", INT64_C(1136235845) },
	{ "Mon, 02 Jan 2006 15:04:05 CDT", INT64_C(1136232245) },
	{ "Mon, 02 Jan 2006 15:04:05 MST", INT64_C(1136239445) },
	{ "Mon, 02 Jan 2006 15:04:05 MDT", INT64_C(1136235845) },
	{ "Mon, 02 Jan 2006 15:04:05 PST", INT64_C(1136243045) },
	{ "Mon, 02 Jan 2006 15:04:05 PDT", INT64_C(1136239445) },
	{ "Mon, 02 Jan 2006 15:04:05 pdt", INT64_C(1136239445) },
	{ "Mon, 02 Jan 2006 15:04:05 CEST", INT64_C(1136207045) },
	{ "Mon, 02 Jan 2006 15:04:05 A", INT64_C(1136217845) },
	{ "Mon, 02 Jan 2006 15:04:05 I", INT64_C(1136246645) },
	{ "Mon, 02 Jan 2006 15:04:05 K", INT64_C(1136250245) },
	{ "Mon, 02 Jan 2006 15:04:05 M", INT64_C(1136257445) },
	{ "Mon, 02 Jan 2006 15:04:05 N", INT64_C(1136210645) },
	{ "Mon, 02 Jan 2006 15:04:05 Y", INT64_C(1136171045) },
	{ "Mon, 02 Jan 2006 15:04:05 XYZT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 GMT+0200", INT64_C(1136207045) },
	{ "Mon, 02 Jan 2006 15:04:05 UTC-5", INT64_C(1136232245) },
	{ "02 Jan 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04 GMT", INT64_C(1136214240) },
	{ "02 Jan 2006 15:04 +0100", INT64_C(1136210640) },
	{ "Mon, 02 Jan 06 15:04:05 GMT", INT64_C(1136214245) },
	{ "Sat, 02 Jan 99 15:04:05 GMT", INT64_C(915289445) },
	{ "02 Jan 49 15:04:05 GMT", INT64_C(2493212645) },
	{ "02 Jan 50 15:04:05 GMT", INT64_C(-631011355) },
	{ "02 Jan 00 00:00:00 GMT", INT64_C(946771200) },
	{ "02 Jan 106 15:04:05 GMT", INT64_C(1136214245) },
	{ "  Mon,   02   Jan   2006   15:04:05   GMT  ", INT64_C(1136214245) },
	{ "\tMon,\t02 Jan 2006\n15:04:05 GMT\n", INT64_C(1136214245) },
	{ "mon, 02 jan 2006 15:04:05 gmt", INT64_C(1136214245) },
	{ "MON, 02 JAN 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Monday, 02 January 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon, 2 Jan 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon,02 Jan 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon 02 Jan 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 GMT (UTC)", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 +0000 (Coordinated Universal Time)", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05 +0100 (CET)", INT64_C(1136210645) },
	{ "Mon, 02 Jan 2006 15:04:05 +0000 GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05(UTC)", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05Z", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 15:04:05", INT64_C(1136214245) },
	{ "Monday, 02-Jan-06 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon Jan  2 15:04:05 2006", INT64_C(1136214245) },
	{ "Mon Jan 2 15:04:05 UTC 2006", INT64_C(1136214245) },
	{ "Jan 2, 2006 15:04:05 GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006", INT64_C(1136160000) },
	{ "02 Jan 2006", INT64_C(1136160000) },
	{ "Mon, 02 Jan 2006 9:04:05 GMT", INT64_C(1136192645) },
	{ "Sun, 29 Feb 2004 12:00:00 GMT", INT64_C(1078056000) },
	{ "Tue, 29 Feb 2000 12:00:00 GMT", INT64_C(951825600) },
	{ "Wed, 31 Dec 1969 23:59:59 GMT", INT64_C(-1) },
	{ "Thu, 01 Jan 1970 00:00:00 GMT", INT64_C(0) },
	{ "Tue, 01 Jan 1970 00:00:00 GMT", INT64_C(0) },
	{ "Fri, 31 Dec 9999 23:59:59 GMT", INT64_C(253402300799) },
	{ "Sat, 02 Sept 2006 15:04:05 GMT", INT64_C(1157209445) },
	{ "Sat, 02 Sep 2006 15:04:05 GMT", INT64_C(1157209445) },
	{ "Mon, 02 Jan 2006 15:04:05.123 GMT", INT64_C(1136214245) },
	{ "Sat, 31 Dec 2016 23:59:60 GMT", INT64_C(1483228800) },
	{ "Mon, 02 Jan 2006 00:00:00 +1400", INT64_C(1136109600) },
	{ "Mon, 02 Jan 2006 23:59:59 -1200", INT64_C(1136289599) },
	{ "Tue, 19 Jan 2038 03:14:08 GMT", INT64_C(2147483648) },
	{ "Sun, 06 Nov 1994 08:49:37 GMT", INT64_C(784111777) },
	{ "2006-01-02T15:04:05Z", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05z", INT64_C(1136214245) },
	{ "2006-01-02t15:04:05Z", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05.999999999Z", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05,5Z", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05+07:00", INT64_C(1136189045) },
	{ "2006-01-02T15:04:05-03:30", INT64_C(1136226845) },
	{ "2006-01-02T15:04:05-0330", INT64_C(1136226845) },
	{ "2006-01-02T15:04:05+07", INT64_C(1136189045) },
	{ "2006-01-02T15:04:05.123+01:00", INT64_C(1136210645) },
	{ "2006-01-02T15:04Z", INT64_C(1136214240) },
	{ "2006-01-02T15:04+02:00", INT64_C(1136207040) },
	{ "2006-01-02", INT64_C(1136160000) },
	{ "2006-1-2", INT64_C(1136160000) },
	{ "2006-01-02 15:04:05Z", INT64_C(1136214245) },
	{ "2006-01-02 15:04:05", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05", INT64_C(1136214245) },
	{ "2006-01-02 15:04:05 +0100", INT64_C(1136210645) },
	{ "2006-01-02 15:04:05 UTC", INT64_C(1136214245) },
	{ "2006-01-02 15:04:05 EST", INT64_C(1136232245) },
	{ "  2006-01-02T15:04:05Z  ", INT64_C(1136214245) },
	{ "2006-01-02T15:04:05-00:00", INT64_C(1136214245) },
	{ "2004-02-29T00:00:00Z", INT64_C(1078012800) },
	{ "1969-12-31T23:59:59Z", INT64_C(-1) },
	{ "1900-01-01T00:00:00Z", INT64_C(-2208988800) },
	{ "0001-01-01T00:00:00Z", INT64_C(-62135596800) },
	{ "2016-12-31T23:59:60Z", INT64_C(1483228800) },
	{ "2006-01-02T00:00:00+14:00", INT64_C(1136109600) },
	{ "Mon, 02 Jan 2006 03:04:05 PM GMT", INT64_C(1136214245) },
	{ "Mon, 02 Jan 2006 3:04 pm +0000", INT64_C(1136214240) },
	{ "Mon, 02 Jan 2006 12:04:05 AM GMT", INT64_C(1136160245) },
	{ "Mon, 02 Jan 2006 12:04:05 PM GMT", INT64_C(1136203445) },
	{ "Jan 2, 2006 3:04 PM EST", INT64_C(1136232240) },
	{ "Mon, 02 Jan 2006 13:04:05 PM GMT", ND },
	{ "Mon, 02 Jan 2006 00:04:05 AM GMT", ND },
	/* US zones without a season say (AT, ET, CT, MT, PT): standard
	   time. */
	{ "Mon, 26 January 2004 16:31:00 AT", INT64_C(1075149060) },
	{ "Mon, 26 January 2004 16:31:00 ET", INT64_C(1075152660) },
	{ "Mon, 26 January 2004 16:31:00 CT", INT64_C(1075156260) },
	{ "Mon, 26 January 2004 16:31:00 MT", INT64_C(1075159860) },
	{ "Mon, 26 January 2004 16:31:00 PT", INT64_C(1075163460) },
	{ "Mon, 26 January 2004 16:31:00 pt", INT64_C(1075163460) },
	/* tz database names: Etc/ ones (POSIX signs: Etc/GMT+5 is UTC-5),
	   any other Area/Location is an unknown zone, so UTC. */
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMT", INT64_C(1250706480) },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/UTC", INT64_C(1250706480) },
	{ "Wed, 19 Aug 2009 18:28:00 etc/gmt", INT64_C(1250706480) },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMT+5", INT64_C(1250724480) },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMT-3", INT64_C(1250695680) },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMT-3 (x)", INT64_C(1250695680) },
	{ "Wed, 19 Aug 2009 18:28:00 America/New_York", INT64_C(1250706480) },
	{ "Wed, 19 Aug 2009 18:28:00 America/Port-au-Prince", INT64_C(1250706480) },
	{ "Wed, 19 Aug 2009 18:28:00 America/Argentina/Buenos_Aires", INT64_C(1250706480) },
	{ "2009-08-19 18:28:00 Etc/GMT+5", INT64_C(1250724480) },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMT+15", ND },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/", ND },
	{ "Wed, 19 Aug 2009 18:28:00 Etc/GMTjunk!", ND },
	{ "Wed, 19 Aug 2009 18:28:00 /GMT", ND },
	/* A comma after the month. */
	{ "Mon, 13 Feb, 2012 06:28:00 UTC", INT64_C(1329114480) },
	{ "13 Feb, 2012", INT64_C(1329091200) },
	{ "13 Feb,2012 06:28:00 GMT", INT64_C(1329114480) },
	{ "13 Feb,, 2012", ND },
	/* W3C-DTF year and year-month precision. */
	{ "2003", INT64_C(1041379200) },
	{ " 2003 ", INT64_C(1041379200) },
	{ "2003-12", INT64_C(1070236800) },
	{ " 2003-12 ", INT64_C(1070236800) },
	{ "2003-13", ND },
	{ "2003-12x", ND },
	{ "", ND },
	{ "   ", ND },
	{ "garbage", ND },
	{ "now", ND },
	{ "yesterday", ND },
	{ "12", ND },
	{ "2006", INT64_C(1136073600) },
	{ "2006x", ND },
	{ "2006-", ND },
	{ "02006", ND },
	{ "1136214245", ND },
	{ "Jan 2006", ND },
	{ "Mon", ND },
	{ "Mon,", ND },
	{ "Mon, 32 Jan 2006 15:04:05 GMT", ND },
	{ "Mon, 00 Jan 2006 15:04:05 GMT", ND },
	{ "Tue, 31 Feb 2006 15:04:05 GMT", ND },
	{ "Tue, 29 Feb 2006 15:04:05 GMT", ND },
	{ "Mon, 29 Feb 2100 15:04:05 GMT", ND },
	{ "Mon, 31 Apr 2006 15:04:05 GMT", ND },
	{ "Mon, 02 Foo 2006 15:04:05 GMT", ND },
	{ "Mon, 02 Ja 2006 15:04:05 GMT", ND },
	{ "Mon, 02 Jan 2006 24:00:00 GMT", ND },
	{ "Mon, 02 Jan 2006 23:60:00 GMT", ND },
	{ "Mon, 02 Jan 2006 23:59:61 GMT", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +9999", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +2400", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +0060", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +0000xyz", ND },
	{ "Mon, 02 Jan 2006 15:04:05 GMTjunk!", ND },
	{ "Mon, 02 Jan 20066 15:04:05 GMT", ND },
	{ "Mon, 02 Jan 2 15:04:05 GMT", ND },
	{ "Funday, 02 Jan 2006 15:04:05 GMT", ND },
	{ "Mo, 02 Jan 2006 15:04:05 GMT", ND },
	{ "Mon, 02 Jan 2006 15 GMT", ND },
	{ "Mon, 02 Jan 2006 15:4:05 GMT", ND },
	{ "Mon, 02 Jan 2006 15:04:5 GMT", ND },
	{ "Mon, 002 Jan 2006 15:04:05 GMT", ND },
	{ "Mon, 02 Jan 2006 15:04:05 @", ND },
	{ "Mon, 02 Jan 2006 15:04:05 +01:6", ND },
	{ "2006-13-02T00:00:00Z", ND },
	{ "2006-00-02T00:00:00Z", ND },
	{ "2006-02-30", ND },
	{ "2006-01-32", ND },
	{ "2006-01-02T25:00:00Z", ND },
	{ "2006-01-02T15:60:00Z", ND },
	{ "2006-01-02T15:04:05+24:00", ND },
	{ "2006-01-02T15:04:05+07:0", ND },
	{ "2006-01-02T15:04:05Zjunk", ND },
	{ "2006-01-02T15:04:05Z junk", ND },
	{ "2006-01-02Tgarbage", ND },
	{ "2006-01-02 garbage", ND },
	{ "2006/01/02", ND },
	{ "06-01-02", ND },
	{ "20060102", ND },
	{ "2006-01-02T1:04:05Z", ND },
	{ "2006-01-02T15:04:05.Z", ND },
	{ "-2006-01-02", ND },
	{ "\377\376\000", ND },
	{ "Mon, 02 Jan 2006 15:04:05 GMT\001", ND },
};

static void
test_table(void **state)
{
	size_t i, bad = 0;
	int64_t got;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = date_parse(cases[i].in);
		if (got != cases[i].want) {
			print_error("date_parse(\"%s\") = %lld, want %lld\n",
			    cases[i].in, (long long)got,
			    (long long)cases[i].want);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static void
test_null(void **state)
{
	(void)state;
	assert_true(date_parse(NULL) == ND);
	assert_true(date_parse_rfc822(NULL) == ND);
	assert_true(date_parse_rfc3339(NULL) == ND);
}

/* Each entry point reads its own format only. */
static void
test_entry_points(void **state)
{
	(void)state;
	assert_true(date_parse_rfc822("Mon, 02 Jan 2006 15:04:05 GMT") ==
	    1136214245);
	assert_true(date_parse_rfc3339("Mon, 02 Jan 2006 15:04:05 GMT") ==
	    ND);
	assert_true(date_parse_rfc3339("2006-01-02T15:04:05Z") ==
	    1136214245);
	assert_true(date_parse_rfc822("2006-01-02T15:04:05Z") == ND);
}

static void
test_days_from_civil(void **state)
{
	(void)state;
	assert_true(date_days_from_civil(1970, 1, 1) == 0);
	assert_true(date_days_from_civil(2000, 3, 1) == 11017);
	assert_true(date_days_from_civil(1969, 12, 31) == -1);
	assert_true(date_days_from_civil(1600, 2, 29) == -135081);
}

/* Every second-of-day and every day of a 400-year cycle round-trips. */
static void
test_calendar_sweep(void **state)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	char s822[64], s3339[64];
	int64_t expect = INT64_C(-5364662400);	/* 1800-01-01 */
	int y, m, d, n;

	(void)state;
	for (y = 1800; y < 2200; y++) {
		for (m = 0; m < 12; m++) {
			n = mdays[m] + (m == 1 && ((y % 4 == 0 &&
			    y % 100 != 0) || y % 400 == 0));
			for (d = 1; d <= n; d++) {
				snprintf(s822, sizeof(s822),
				    "%d %s %d 01:02:03 +0100", d, mon[m], y);
				snprintf(s3339, sizeof(s3339),
				    "%04d-%02d-%02dT00:02:03Z", y, m + 1, d);
				assert_true(date_parse(s822) ==
				    expect + 123);
				assert_true(date_parse(s3339) ==
				    expect + 123);
				expect += 86400;
			}
			snprintf(s3339, sizeof(s3339), "%04d-%02d-%02d",
			    y, m + 1, n + 1);
			assert_true(date_parse(s3339) == ND);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_null),
		cmocka_unit_test(test_entry_points),
		cmocka_unit_test(test_days_from_civil),
		cmocka_unit_test(test_calendar_sweep),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
