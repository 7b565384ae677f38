/*
 * fuzz_entities: entities_decode, entities_lookup, entities_fix_utf8_refs
 * and entities_fix_c1 on arbitrary bytes.  The decoded string never grows
 * past twice its input, the references fixed in place never grow it, the
 * C1 repair never past one and a half times.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s, *out, u[8];
	size_t len;
	int n;

	if ((s = malloc(size + 1)) == NULL)
		return (0);
	memcpy(s, data, size);
	s[size] = '\0';
	out = entities_decode(s);
	if (out == NULL || strlen(out) > 2 * strlen(s))
		abort();
	free(out);
	n = entities_lookup(s, strlen(s), u);
	if (n > 7 || (n >= 0 && (size_t)n != strlen(u)))
		abort();
	len = strlen(s);
	entities_fix_utf8_refs(s);
	if (strlen(s) > len)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	if ((s = entities_fix_c1(s)) == NULL || strlen(s) > len + len / 2)
		abort();
	free(s);
	return (0);
}
