/*
 * fuzz_text: the text.h functions on arbitrary bytes.  The first byte
 * picks the sanitiser flags and a width (0 to 63).  Checked: sanitised
 * text is valid UTF-8 without controls (but the kept ones), and
 * text_sanitize_buf gives a prefix of it at a character boundary;
 * truncation fits, keeps at most TEXT_MAX_MARKS zero-width characters
 * after each character, ends in the ellipsis when it cuts and keeps a
 * prefix (of the text with the extra marks left out); text_fit is the
 * same without the ellipsis; padding is exact; wrapping keeps every
 * non-space byte in order and no line is wider than the width (one wide
 * character in one cell excepted).
 */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int locale_set;

/* s with the zero-width characters past TEXT_MAX_MARKS in a run left out. */
static char *
cap_marks(const char *s)
{
	size_t len = strlen(s), i, n, o = 0, marks = 0;
	uint32_t cp;
	char *out = malloc(len + 1);

	if (out == NULL)
		abort();
	for (i = 0; i < len; i += n) {
		n = text_decode(s + i, len - i, &cp);
		if (text_cp_width(cp) > 0)
			marks = 0;
		else if (marks++ >= TEXT_MAX_MARKS)
			continue;
		memcpy(out + o, s + i, n);
		o += n;
	}
	out[o] = '\0';
	return (out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text_line *lines;
	const char *in;
	char *s, *t, *p, *c, small[64];
	size_t i, j, k, n, len, slen, width, w, fw;
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
	/* Into a small buffer: a prefix, cut before a character that does
	 * not fit. */
	n = text_sanitize_buf(small, width + 1, s, flags);
	if (n > width || n != strlen(small) || memcmp(small, s, n) != 0)
		abort();
	if (n < slen && n + text_decode(s + n, slen - n, &cp) <= width)
		abort();
	/* Into a big one: text_sanitize (of the input up to a NUL). */
	p = malloc(len + 1);
	if (p == NULL)
		abort();
	memcpy(p, in, len);
	p[len] = '\0';
	t = text_sanitize(p, flags);
	c = malloc(strlen(p) * 3 + 1);
	if (c == NULL)
		abort();
	if (text_sanitize_buf(c, strlen(p) * 3 + 1, p, flags) != strlen(t) ||
	    strcmp(c, t) != 0)
		abort();
	free(c);
	free(t);
	free(p);

	w = text_width(s);
	c = cap_marks(s);
	t = text_truncate(s, width);
	n = strlen(t);
	if (text_width(t) > width)
		abort();
	if (width == 0) {
		if (*t != '\0')
			abort();
	} else if (w <= width) {
		if (strcmp(t, c) != 0)
			abort();
	} else {
		if (n < 3 || memcmp(t + n - 3, TEXT_ELLIPSIS, 3) != 0 ||
		    memcmp(t, c, n - 3) != 0)
			abort();
	}
	free(t);
	t = text_fit(s, width, &fw);
	n = strlen(t);
	if (fw != text_width(t) || fw > width || memcmp(t, c, n) != 0 ||
	    (w <= width && strcmp(t, c) != 0))
		abort();
	free(t);
	free(c);
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
