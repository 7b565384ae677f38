/*
 * fuzz_entities: entities_decode and entities_lookup on arbitrary bytes.
 * The decoded string never grows past twice its input.
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
	free(s);
	return (0);
}
