/*
 * fuzz_store_text: store_text_from_html (src/store_text.h), the HTML to
 * plain text pass every stored article's body goes through for search.
 * Checked: the text is valid UTF-8 without controls but '\n', C1
 * controls, bidirectional controls or line/paragraph separators (what
 * the index and the snippets may show), and it is never more than three
 * times the input (an invalid byte becomes U+FFFD, three bytes).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "store_text.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const unsigned char *p;
	unsigned int cp;
	char *t;
	size_t n, i;

	t = store_text_from_html((const char *)data, size);
	if (t == NULL || strlen(t) > 3 * size)
		abort();
	for (p = (const unsigned char *)t; *p != '\0'; p += n) {
		if ((n = fuzz_utf8_seq(p)) == 0)
			abort();
		cp = n == 1 ? p[0] : (unsigned int)(p[0] & (0x7f >> n));
		for (i = 1; i < n; i++)
			cp = (cp << 6) | (p[i] & 0x3f);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 ||
		    cp == 0x2029)
			abort();
	}
	free(t);
	return (0);
}
