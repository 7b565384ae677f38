/*
 * fuzz_urls: urls_parse on arbitrary bytes.  Besides memory errors, a
 * parsed feed that urls_feed_check lets through and that does not read
 * back as itself, on one line, once formatted (urls_format_line) is a
 * bug: `gazette add` and `import` write lines with that function.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "urls.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
quiet(void *ctx, const char *file, unsigned line, const char *msg)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)msg;
}

static int
same(const struct urls_feed *a, const struct urls_feed *b)
{
	size_t i;

	if (strcmp(a->url, b->url) != 0 || a->hidden != b->hidden ||
	    a->n_tags != b->n_tags)
		return (0);
	if ((a->title == NULL) != (b->title == NULL) ||
	    (a->title != NULL && strcmp(a->title, b->title) != 0))
		return (0);
	for (i = 0; i < a->n_tags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			return (0);
	return (a->set.timeout == b->set.timeout &&
	    a->set.max_items == b->set.max_items &&
	    a->set.max_size == b->set.max_size);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct urls_list l, again;
	const char *why;
	char *line;
	size_t i;

	urls_list_init(&l);
	urls_parse((const char *)data, size, "fuzz", &l, quiet, NULL);
	for (i = 0; i < l.n; i++) {
		if (urls_feed_check(&l.feeds[i], &why) == -1)
			continue;	/* never written */
		line = urls_format_line(&l.feeds[i]);
		if (strchr(line, '\n') != NULL || strchr(line, '\r') != NULL)
			abort();
		urls_list_init(&again);
		urls_parse(line, strlen(line), "fuzz", &again, quiet, NULL);
		if (again.n != 1 || !same(&l.feeds[i], &again.feeds[0]))
			abort();
		urls_list_free(&again);
		free(line);
	}
	urls_list_free(&l);
	return (0);
}
