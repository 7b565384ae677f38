/*
 * fuzz_text: the text.h functions on arbitrary bytes.  The first byte
 * picks the sanitiser flags and a width (0 to 63).  Checked: sanitised
 * text is valid UTF-8 without controls (but the kept ones); truncation
 * fits, ends in the ellipsis when it cuts and keeps a prefix; padding is
 * exact; wrapping keeps every non-space byte in order and no line is
 * wider than the width (one wide character in one cell excepted).
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int locale_set;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_line *lines;
	const char *in;
	char *s, *t, *p;
	size_t i, j, k, n, len, slen, width, w;
	unsigned flags;
	uint32_t cp;

	if (size == 0)
		return (0);
	if (!locale_set) {
		(void)setlocale(LC_CTYPE, "C.UTF-8");
		locale_set = 1;
	}
	flags = data[0] & 3;
	width = (data[0] >> 2) & 63;
	in = (const char *)data + 1;
	len = size - 1;

	s = text_sanitize_n(in, len, flags);
	slen = strlen(s);
	for (i = 0; i < slen; i += n) {
		n = text_decode(s + i, slen - i, &cp);
		if (cp == TEXT_REPLACEMENT &&
		    (n != 3 || memcmp(s + i, "\xef\xbf\xbd", 3) != 0))
			abort();
		if (cp < 0x20 && !((flags & TEXT_KEEP_NEWLINE) && cp == '\n') &&
		    !((flags & TEXT_KEEP_TAB) && cp == '\t'))
			abort();
		if ((cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
	}
	/* Sanitising is idempotent. */
	t = text_sanitize(s, flags);
	if (strcmp(s, t) != 0)
		abort();
	free(t);

	w = text_width(s);
	t = text_truncate(s, width);
	n = strlen(t);
	if (text_width(t) > width)
		abort();
	if (width == 0) {
		if (*t != '\0')
			abort();
	} else if (w <= width) {
		if (strcmp(t, s) != 0)
			abort();
	} else {
		if (n < 3 || memcmp(t + n - 3, TEXT_ELLIPSIS, 3) != 0 ||
		    memcmp(t, s, n - 3) != 0)
			abort();
	}
	free(t);
	t = text_pad(s, width, (enum text_align)(data[0] % 3));
	if (text_width(t) != width)
		abort();
	free(t);

	if (!(flags & TEXT_KEEP_TAB)) {
		n = text_wrap(s, width, &lines);
		if (n == 0)
			abort();
		p = malloc(slen + 1);
		if (p == NULL)
			abort();
		for (i = k = 0; i < n; i++) {
			if (lines[i].off + lines[i].len > slen ||
			    lines[i].width > (width < 2 ? 2 : width))
				abort();
			for (j = 0; j < lines[i].len; j++)
				if (s[lines[i].off + j] != ' ')
					p[k++] = s[lines[i].off + j];
		}
		for (i = j = 0; i < slen; i++)
			if (s[i] != ' ' && s[i] != '\n' && p[j++] != s[i])
				abort();
		if (j != k)
			abort();
		free(p);
		free(lines);
	}
	free(s);
	return (0);
}
