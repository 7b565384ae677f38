/*
 * fuzz_format: newsboat's % format strings (src/format.h) on arbitrary
 * bytes.  The input is two bytes of width, then the format, then the
 * values of the keys '!' to '~', one a line.  Besides memory errors,
 * these are bugs: a result longer than FORMAT_MAX_OUT, or one that
 * text_sanitize would change (a control character, an escape sequence,
 * a bidi control or invalid UTF-8 let through).  format_censor_url
 * runs on the format too: it must keep everything after the user
 * information.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct format_args a;
	char *in, *p, *nl, *fmt, *out, *clean, *at, *tail;
	size_t plen, width;
	int key = '!';

	if (size < 2)
		return (0);
	width = ((size_t)data[0] << 8 | data[1]) % 2048;
	in = malloc(size - 1);
	if (in == NULL)
		return (0);
	memcpy(in, data + 2, size - 2);
	in[size - 2] = '\0';
	format_args_init(&a);
	fmt = in;
	p = strchr(in, '\n');
	if (p != NULL) {
		*p++ = '\0';
		while (p != NULL && key <= '~') {
			if ((nl = strchr(p, '\n')) != NULL)
				*nl++ = '\0';
			format_set(&a, key++, p);
			p = nl;
		}
	}
	out = format_expand(fmt, &a, width);
	if (strlen(out) > FORMAT_MAX_OUT)
		abort();
	clean = text_sanitize(out, 0);
	if (strcmp(clean, out) != 0)
		abort();
	free(clean);
	free(out);
	/* Unchanged, or SCHEME:// then *:* then a tail of fmt from '@'. */
	out = format_censor_url(fmt);
	if ((at = strstr(fmt, "://")) == NULL) {
		if (strcmp(out, fmt) != 0)
			abort();
	} else {
		plen = (size_t)(at - fmt) + 3;
		tail = out + plen + 3;
		if (strncmp(out, fmt, plen) != 0 || (strcmp(out + plen,
		    fmt + plen) != 0 && (strncmp(out + plen, "*:*@", 4) != 0 ||
		    strlen(tail) > strlen(fmt) - plen ||
		    strcmp(tail, fmt + strlen(fmt) - strlen(tail)) != 0)))
			abort();
	}
	free(out);
	free(in);
	return (0);
}
