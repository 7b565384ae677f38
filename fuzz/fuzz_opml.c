/*
 * fuzz_opml: opml_parse on arbitrary bytes.  Besides memory errors, these
 * are bugs: an imported feed that is not http(s) or that cannot be
 * written as one urls line (urls_feed_check), and an export of what was
 * imported that does not import back to as many feeds (export then
 * import must be lossless).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "opml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
quiet(void *ctx, const char *file, unsigned line, const char *msg)
{
	(void)ctx;
	(void)file;
	(void)line;
	(void)msg;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct urls_list l, again;
	struct buf out;
	const char *why;
	size_t i;

	urls_list_init(&l);
	(void)opml_parse((const char *)data, size, "fuzz", &l, quiet, NULL,
	    NULL);
	for (i = 0; i < l.n; i++)
		if (l.feeds[i].kind != URLS_HTTP ||
		    urls_feed_check(&l.feeds[i], &why) == -1)
			abort();
	buf_init(&out, SIZE_MAX);
	opml_export(&l, &out);
	urls_list_init(&again);
	if (opml_parse(buf_str(&out), out.len, "fuzz", &again, quiet, NULL,
	    NULL) != 0 || again.n != l.n)
		abort();
	for (i = 0; i < l.n; i++)
		if (strcmp(l.feeds[i].url, again.feeds[i].url) != 0 ||
		    l.feeds[i].n_tags != again.feeds[i].n_tags)
			abort();
	urls_list_free(&again);
	urls_list_free(&l);
	buf_free(&out);
	return (0);
}
