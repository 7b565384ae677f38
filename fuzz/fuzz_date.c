/*
 * fuzz_date: date_parse and friends on arbitrary bytes.  Besides memory
 * errors, a date outside years 0..9999 (after a +-24h offset) is a bug.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "item.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MIN_T	(INT64_C(-62167219200) - 86400)	/* 0000-01-01 */
#define MAX_T	(INT64_C(253402300799) + 86400)	/* 9999-12-31 */

static void
check(int64_t t)
{
	if (t != ITEM_NO_DATE && (t < MIN_T || t > MAX_T + 1))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s;
	int64_t a, b, c;

	if ((s = malloc(size + 1)) == NULL)
		return (0);
	memcpy(s, data, size);
	s[size] = '\0';
	a = date_parse_rfc822(s);
	b = date_parse_rfc3339(s);
	c = date_parse(s);
	check(a);
	check(b);
	/* date_parse is RFC 822, then RFC 3339. */
	if (c != (a != ITEM_NO_DATE ? a : b))
		abort();
	free(s);
	return (0);
}
