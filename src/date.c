/*
 * date: RFC 822 and RFC 3339 dates to UNIX seconds UTC.
 *
 * Why not curl_getdate(): it returns time_t through timegm-like code, it
 * knows neither RFC 3339 nor fractional seconds, it guesses missing
 * fields (a lone "12" or "Jan 2024" becomes a date), and it rejects
 * unknown zone words instead of following RFC 5322.  A small hand-written
 * scanner is easier to make strict where we want (ranges, garbage) and
 * lenient where feeds need it.
 *
 * Calendar arithmetic is done here (days_from_civil), so neither the
 * locale, the TZ variable nor timegm/mktime is involved.
 *
 * Decisions, for the record:
 * - Military one-letter zones follow RFC 822 as written (A=-1 .. M=-12,
 *   N=+1 .. Y=+12, Z=0; J is no zone).  RFC 1123 5.2.14 warns that
 *   RFC 822 got their signs backwards, so that mail software disagreed
 *   and the letters carry no information, and RFC 5322 4.3 has them read
 *   as -0000.  A feed that writes one took it from RFC 822's table (the
 *   only place that lists them), so that table is the better guess; Z,
 *   the only letter met in practice, means UTC either way.
 * - AT, ET, CT, MT and PT (a US zone without its season) are standard
 *   time (-4 .. -8): the name does not say, and standard time is what
 *   the other readers assume.
 * - tz database names: Etc/GMT, Etc/UTC and Etc/GMT+5 (POSIX's sign:
 *   five hours behind UTC) are read; any other Area/Location is an
 *   unknown zone, because its offset depends on rules not kept here.
 * - An unknown alphabetic zone ("CHAST") counts as UTC, as RFC 5322 4.3
 *   says; a date with no zone at all is UTC as well.
 * - A comma after the month ("13 Feb, 2012") is skipped.
 * - W3C-DTF's reduced precisions are read: "2003" is 1 January 2003 and
 *   "2003-12" 1 December 2003, midnight UTC.
 * - Two-digit years: 00-49 are 20xx, 50-99 are 19xx; three-digit years
 *   add 1900 (RFC 2822 4.3).
 * - The weekday is checked to be a weekday name but not against the date:
 *   feeds get it wrong often and the date is what matters.
 * - Second 60 (leap second) is accepted and counted like POSIX does
 *   (it lands on the next minute's first second).
 */
#include "config.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "date.h"
#include "item.h"

static const char *const month_names[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static const char *const weekday_names[7] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday"
};

/* Named zones, minutes east of UTC. */
static const struct {
	const char	*name;
	int		 minutes;
} zone_names[] = {
	{ "ut", 0 }, { "utc", 0 }, { "gmt", 0 }, { "z", 0 },
	{ "est", -300 }, { "edt", -240 }, { "cst", -360 }, { "cdt", -300 },
	{ "mst", -420 }, { "mdt", -360 }, { "pst", -480 }, { "pdt", -420 },
	{ "at", -240 }, { "et", -300 }, { "ct", -360 }, { "mt", -420 },
	{ "pt", -480 },
	/* Common beyond RFC 822. */
	{ "ast", -240 }, { "adt", -180 }, { "akst", -540 }, { "akdt", -480 },
	{ "hst", -600 }, { "nst", -210 }, { "ndt", -150 },
	{ "wet", 0 }, { "west", 60 }, { "bst", 60 }, { "cet", 60 },
	{ "cest", 120 }, { "met", 60 }, { "mest", 120 }, { "eet", 120 },
	{ "eest", 180 }, { "msk", 180 }, { "ist", 330 }, { "sgt", 480 },
	{ "hkt", 480 }, { "awst", 480 }, { "jst", 540 }, { "kst", 540 },
	{ "acst", 570 }, { "acdt", 630 }, { "aest", 600 }, { "aedt", 660 },
	{ "nzst", 720 }, { "nzdt", 780 },
};

static bool
is_digit(char c)
{
	return (c >= '0' && c <= '9');
}

static bool
is_alpha(char c)
{
	return ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

static bool
is_space(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

static char
lower(char c)
{
	return ((c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c);
}

static const char *
skip_space(const char *p)
{
	while (is_space(*p))
		p++;
	return (p);
}

/* Read between min and max digits; returns the new position or NULL. */
static const char *
read_num(const char *p, int min, int max, int *out, int *ndigits)
{
	int n = 0, v = 0;

	while (n < max && is_digit(p[n])) {
		v = v * 10 + (p[n] - '0');
		n++;
	}
	if (n < min || is_digit(p[n]))
		return (NULL);
	*out = v;
	if (ndigits != NULL)
		*ndigits = n;
	return (p + n);
}

/* Length of the alphabetic word at p. */
static size_t
word_len(const char *p)
{
	size_t n = 0;

	while (is_alpha(p[n]))
		n++;
	return (n);
}

/* A word of at least 3 letters that starts full (case-insensitively). */
static bool
word_abbreviates(const char *w, size_t len, const char *full)
{
	size_t i;

	if (len < 3 || len > strlen(full))
		return (false);
	for (i = 0; i < len; i++)
		if (lower(w[i]) != full[i])
			return (false);
	return (true);
}

static int
month_index(const char *w, size_t len)
{
	int i;

	for (i = 0; i < 12; i++)
		if (word_abbreviates(w, len, month_names[i]))
			return (i + 1);
	return (0);
}

static bool
is_weekday(const char *w, size_t len)
{
	int i;

	for (i = 0; i < 7; i++)
		if (word_abbreviates(w, len, weekday_names[i]))
			return (true);
	return (false);
}

static bool
is_leap(int64_t y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

static int
days_in_month(int64_t y, int m)
{
	static const int days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && is_leap(y))
		return (29);
	return (days[m - 1]);
}

/*
 * Howard Hinnant's days_from_civil: days since 1970-01-01 in the
 * proleptic Gregorian calendar, exact for any year.
 */
int64_t
date_days_from_civil(int64_t y, int m, int d)
{
	int64_t era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

struct date_fields {
	int	year, month, day;
	int	hour, minute, second;
	int	offset;		/* minutes east of UTC */
};

static int64_t
fields_to_time(const struct date_fields *f)
{
	if (f->year < 0 || f->year > 9999 || f->month < 1 || f->month > 12 ||
	    f->day < 1 || f->day > days_in_month(f->year, f->month) ||
	    f->hour > 23 || f->minute > 59 || f->second > 60)
		return (ITEM_NO_DATE);
	return (date_days_from_civil(f->year, f->month, f->day) * 86400 +
	    f->hour * 3600 + f->minute * 60 + f->second -
	    (int64_t)f->offset * 60);
}

/* Is the word w (len letters) name, case-insensitively? */
static bool
word_is(const char *w, size_t len, const char *name)
{
	size_t i;

	if (strlen(name) != len)
		return (false);
	for (i = 0; i < len; i++)
		if (lower(w[i]) != name[i])
			return (false);
	return (true);
}

/* Minutes east of UTC for a zone word; 0 when unknown. */
static int
zone_lookup(const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(zone_names) / sizeof(zone_names[0]); i++)
		if (word_is(w, len, zone_names[i].name))
			return (zone_names[i].minutes);
	return (0);
}

/*
 * A numeric offset after its sign: "hh", "hhmm", "hh:mm" or "hmm".
 * Returns the new position or NULL.
 */
static const char *
read_offset(const char *p, int *minutes)
{
	int sign, h, m = 0, n;

	if (*p != '+' && *p != '-')
		return (NULL);
	sign = (*p == '-') ? -1 : 1;
	p++;
	if ((p = read_num(p, 1, 4, &h, &n)) == NULL)
		return (NULL);
	if (n >= 3) {
		m = h % 100;
		h /= 100;
	} else if (*p == ':') {
		if ((p = read_num(p + 1, 2, 2, &m, NULL)) == NULL)
			return (NULL);
	}
	if (h > 23 || m > 59)
		return (NULL);
	*minutes = sign * (h * 60 + m);
	return (p);
}

/*
 * An optional 12-hour clock suffix after a time ("3:04 PM", "03:04am"):
 * 12 AM is 00, 1-11 PM add 12.  Returns the new position, or NULL when
 * the suffix is there but the hour is not 1-12.
 */
static const char *
read_ampm(const char *p, struct date_fields *f)
{
	const char *q = skip_space(p);
	char c;

	c = lower(q[0]);
	if ((c != 'a' && c != 'p') || lower(q[1]) != 'm' || is_alpha(q[2]))
		return (p);
	if (f->hour < 1 || f->hour > 12)
		return (NULL);
	if (c == 'a' && f->hour == 12)
		f->hour = 0;
	else if (c == 'p' && f->hour != 12)
		f->hour += 12;
	return (q + 2);
}

/* A time "H:MM[:SS[.frac]]" with an optional AM/PM; the new position or
   NULL. */
static const char *
read_time(const char *p, struct date_fields *f, int hour_digits)
{
	if ((p = read_num(p, hour_digits, 2, &f->hour, NULL)) == NULL ||
	    *p != ':')
		return (NULL);
	if ((p = read_num(p + 1, 2, 2, &f->minute, NULL)) == NULL)
		return (NULL);
	f->second = 0;
	if (*p == ':') {
		if ((p = read_num(p + 1, 2, 2, &f->second, NULL)) == NULL)
			return (NULL);
		if ((*p == '.' || *p == ',') && is_digit(p[1])) {
			p++;
			while (is_digit(*p))
				p++;
		}
	}
	return (read_ampm(p, f));
}

/*
 * A tz database name at p ("Etc/GMT+5", "Europe/Paris"; the first word
 * is followed by '/').  Returns the position after it, or NULL.
 */
static const char *
read_tz_name(const char *p, int *offset)
{
	static const char *const utc[] = { "gmt", "utc", "uct", "ut",
	    "zulu", "universal", "greenwich" };
	size_t len = word_len(p), i;
	int h, sign;

	*offset = 0;
	if (!word_is(p, len, "etc")) {
		/* Area/Location[/Location]: unknown, so UTC. */
		if (!is_alpha(p[len + 1]))
			return (NULL);
		while (is_alpha(*p) || *p == '_' || (*p == '/' &&
		    is_alpha(p[1])) || (*p == '-' && is_alpha(p[1])))
			p++;
		return (p);
	}
	p += len + 1;
	len = word_len(p);
	for (i = 0; i < sizeof(utc) / sizeof(utc[0]); i++)
		if (word_is(p, len, utc[i]))
			break;
	if (i == sizeof(utc) / sizeof(utc[0]))
		return (NULL);
	p += len;
	if ((*p == '+' || *p == '-') && is_digit(p[1])) {
		/* POSIX: the sign is west of Greenwich. */
		sign = *p == '+' ? -1 : 1;
		if ((p = read_num(p + 1, 1, 2, &h, NULL)) == NULL || h > 14)
			return (NULL);
		*offset = sign * h * 60;
	}
	return (p);
}

/*
 * An RFC 822 zone and what may follow it.  Accepts: nothing, a numeric
 * offset, a zone word (optionally "GMT+hh:mm"), each optionally followed
 * by white space and anything (a comment such as "(UTC)").
 */
static bool
read_zone_822(const char *p, int *offset)
{
	size_t len;

	p = skip_space(p);
	*offset = 0;
	if (*p == '\0' || *p == '(')
		return (true);
	if (*p == '+' || *p == '-') {
		if ((p = read_offset(p, offset)) == NULL)
			return (false);
	} else if (is_alpha(*p) && p[word_len(p)] == '/') {
		if ((p = read_tz_name(p, offset)) == NULL)
			return (false);
	} else if (is_alpha(*p)) {
		len = word_len(p);
		if (len == 1 && lower(*p) != 'j') {
			char c = lower(*p);

			if (c == 'z')
				*offset = 0;
			else if (c <= 'i')
				*offset = -60 * (c - 'a' + 1);
			else if (c <= 'm')
				*offset = -60 * (c - 'a');
			else
				*offset = 60 * (c - 'n' + 1);
		} else {
			/* Unknown words stay UTC (RFC 5322 4.3). */
			*offset = zone_lookup(p, len);
		}
		p += len;
		/* "GMT+0200", "UTC-5": an offset glued to the name. */
		if ((*p == '+' || *p == '-') && is_digit(p[1])) {
			int extra;

			if ((p = read_offset(p, &extra)) == NULL)
				return (false);
			*offset += extra;
		}
	} else
		return (false);
	return (*p == '\0' || is_space(*p) || *p == '(');
}

/* Year token: 2, 3 or 4 digits, with the RFC 2822 century rules. */
static const char *
read_year(const char *p, int *year)
{
	int n;

	if ((p = read_num(p, 2, 4, year, &n)) == NULL)
		return (NULL);
	if (n == 2)
		*year += (*year < 50) ? 2000 : 1900;
	else if (n == 3)
		*year += 1900;
	return (p);
}

static const char *
skip_date_sep(const char *p)
{
	const char *q = skip_space(p);

	if (*q == '-' || *q == '/')
		q = skip_space(q + 1);
	return (q);
}

/* Month first: "Nov  6 08:49:37 1994" (asctime) or "Nov 6, 1994 08:49". */
static int64_t
rfc822_month_first(const char *p, struct date_fields *f)
{
	const char *q;

	p = skip_space(p);
	if ((p = read_num(p, 1, 2, &f->day, NULL)) == NULL)
		return (ITEM_NO_DATE);
	if (*p == ',')
		p++;
	p = skip_space(p);
	q = read_num(p, 1, 2, &f->hour, NULL);
	if (q != NULL && *q == ':') {
		/* asctime: time, then year, then maybe a zone. */
		if ((p = read_time(p, f, 1)) == NULL)
			return (ITEM_NO_DATE);
		p = skip_space(p);
		if (!is_digit(*p)) {
			/* "Sun Nov 6 08:49:37 UTC 1994" (date(1)). */
			size_t len = word_len(p);

			if (len == 0 || !read_zone_822(p, &f->offset))
				return (ITEM_NO_DATE);
			p = skip_space(p + len);
			if ((p = read_year(p, &f->year)) == NULL)
				return (ITEM_NO_DATE);
			p = skip_space(p);
			if (*p != '\0' && *p != '(')
				return (ITEM_NO_DATE);
			return (fields_to_time(f));
		}
		if ((p = read_year(p, &f->year)) == NULL)
			return (ITEM_NO_DATE);
	} else {
		if ((p = read_year(p, &f->year)) == NULL)
			return (ITEM_NO_DATE);
		p = skip_space(p);
		if (*p != '\0' && (p = read_time(p, f, 1)) == NULL)
			return (ITEM_NO_DATE);
	}
	if (!read_zone_822(p, &f->offset))
		return (ITEM_NO_DATE);
	return (fields_to_time(f));
}

int64_t
date_parse_rfc822(const char *s)
{
	struct date_fields f;
	const char *p;
	size_t len;

	if (s == NULL)
		return (ITEM_NO_DATE);
	memset(&f, 0, sizeof(f));
	p = skip_space(s);
	if (is_alpha(*p)) {
		len = word_len(p);
		if ((f.month = month_index(p, len)) != 0)
			return (rfc822_month_first(p + len, &f));
		if (!is_weekday(p, len))
			return (ITEM_NO_DATE);
		p = skip_space(p + len);
		if (*p == '.')
			p = skip_space(p + 1);
		if (*p == ',')
			p = skip_space(p + 1);
		if (is_alpha(*p)) {
			len = word_len(p);
			if ((f.month = month_index(p, len)) == 0)
				return (ITEM_NO_DATE);
			return (rfc822_month_first(p + len, &f));
		}
	}
	if ((p = read_num(p, 1, 2, &f.day, NULL)) == NULL)
		return (ITEM_NO_DATE);
	p = skip_date_sep(p);
	len = word_len(p);
	if ((f.month = month_index(p, len)) == 0)
		return (ITEM_NO_DATE);
	p += len;
	if (*p == '.')
		p++;
	if (*p == ',')
		p++;
	p = skip_date_sep(p);
	if ((p = read_year(p, &f.year)) == NULL)
		return (ITEM_NO_DATE);
	p = skip_space(p);
	if (*p == '\0')
		return (fields_to_time(&f));
	if (is_digit(*p) && (p = read_time(p, &f, 1)) == NULL)
		return (ITEM_NO_DATE);
	if (!read_zone_822(p, &f.offset))
		return (ITEM_NO_DATE);
	return (fields_to_time(&f));
}

int64_t
date_parse_rfc3339(const char *s)
{
	struct date_fields f;
	const char *p;

	if (s == NULL)
		return (ITEM_NO_DATE);
	memset(&f, 0, sizeof(f));
	p = skip_space(s);
	if ((p = read_num(p, 4, 4, &f.year, NULL)) == NULL)
		return (ITEM_NO_DATE);
	if (*p != '-') {
		/* W3C-DTF's year alone: "2003". */
		f.month = f.day = 1;
		return (*skip_space(p) == '\0' ? fields_to_time(&f) :
		    ITEM_NO_DATE);
	}
	if ((p = read_num(p + 1, 1, 2, &f.month, NULL)) == NULL)
		return (ITEM_NO_DATE);
	if (*p != '-') {
		/* W3C-DTF (dc:date) allows a month alone: "2003-12". */
		f.day = 1;
		return (*skip_space(p) == '\0' ? fields_to_time(&f) :
		    ITEM_NO_DATE);
	}
	if ((p = read_num(p + 1, 1, 2, &f.day, NULL)) == NULL)
		return (ITEM_NO_DATE);
	if (*p == 'T' || *p == 't')
		p++;
	else if (is_space(*p)) {
		p = skip_space(p);
		if (*p == 'T' || *p == 't')
			p = skip_space(p + 1);
	}
	if (*p == '\0')
		return (fields_to_time(&f));
	if ((p = read_time(p, &f, 2)) == NULL)
		return (ITEM_NO_DATE);
	p = skip_space(p);
	if (*p == 'Z' || *p == 'z')
		p++;
	else if (*p == '+' || *p == '-') {
		if ((p = read_offset(p, &f.offset)) == NULL)
			return (ITEM_NO_DATE);
	} else if (is_alpha(*p)) {
		/* "2024-01-02 10:00:00 UTC" and friends. */
		if (!read_zone_822(p, &f.offset))
			return (ITEM_NO_DATE);
		return (fields_to_time(&f));
	}
	p = skip_space(p);
	if (*p != '\0')
		return (ITEM_NO_DATE);
	return (fields_to_time(&f));
}

int64_t
date_parse(const char *s)
{
	int64_t t;

	if ((t = date_parse_rfc822(s)) != ITEM_NO_DATE)
		return (t);
	return (date_parse_rfc3339(s));
}
