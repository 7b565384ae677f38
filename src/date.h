/*
 * date: feed dates to UNIX seconds UTC.
 *
 * RFC 822 / RFC 2822 (RSS pubDate, with all the real-world sloppiness:
 * named and military zones, numeric offsets with or without a colon,
 * missing weekday or seconds, two-digit years, full or lower-case names,
 * trailing comments) and RFC 3339 / ISO 8601 (Atom, JSON Feed, dc:date:
 * fractional seconds, Z or offsets, date only, a space instead of T).
 *
 * Every function returns ITEM_NO_DATE (item.h) for anything it cannot
 * read completely and validly: never a guess, never "now".  No locale,
 * no TZ environment, no libc time conversion is involved.
 */
#ifndef GAZETTE_DATE_H
#define GAZETTE_DATE_H

#include <stdint.h>

/* RFC 822 first, then RFC 3339; s may be NULL. */
int64_t	date_parse(const char *s);
int64_t	date_parse_rfc822(const char *s);
int64_t	date_parse_rfc3339(const char *s);
/* Days since 1970-01-01 of a proleptic Gregorian date (no validation). */
int64_t	date_days_from_civil(int64_t year, int month, int day);

#endif
