/*
 * cmd_opml: gazette import FILE.opml and gazette export.
 * import adds the feeds it finds to the urls file, skipping those already
 * listed: exit 0, or 1 when the document was cut short by an XML error
 * (the feeds before it are added), 2 when it is not OPML or unreadable.
 * export prints the urls file as OPML 2.0 on stdout.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "opml.h"
#include "urls.h"

int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct urls_list list;
	size_t added, skipped;
	char *path;
	int rc, status = CMD_EXIT_OK;

	if (argc != 2) {
		fprintf(stderr, "usage: gazette import FILE.opml\n");
		return (CMD_EXIT_USAGE);
	}
	if ((path = cmd_urls_path(ctx)) == NULL) {
		cmd_warn("import: no urls file (set HOME or use -u)");
		return (CMD_EXIT_USAGE);
	}
	urls_list_init(&list);
	rc = opml_load(argv[1], &list, NULL, NULL, &err);
	if (rc == -1) {
		cmd_warn("import: %s", err.msg);
		status = CMD_EXIT_USAGE;
		goto out;
	}
	if (rc == 1) {
		cmd_warn("import: %s (the feeds before it are imported)",
		    err.msg);
		status = CMD_EXIT_FAIL;
		err_clear(&err);
	}
	if (urls_append_list(path, &list, &added, &skipped, &err) == -1) {
		cmd_warn("import: %s", err.msg);
		status = CMD_EXIT_USAGE;
		goto out;
	}
	fprintf(stderr, "gazette: import: %zu feed%s added, %zu already "
	    "listed\n", added, added == 1 ? "" : "s", skipped);
out:
	urls_list_free(&list);
	free(path);
	return (status);
}

int
cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct urls_list list;
	struct buf out;
	char *path;
	int status = CMD_EXIT_OK;

	(void)argv;
	if (argc != 1) {
		fprintf(stderr, "usage: gazette export\n");
		return (CMD_EXIT_USAGE);
	}
	if ((path = cmd_urls_path(ctx)) == NULL) {
		cmd_warn("export: no urls file (set HOME or use -u)");
		return (CMD_EXIT_USAGE);
	}
	urls_list_init(&list);
	if (urls_load(path, &list, NULL, NULL, NULL, &err) == -1) {
		cmd_warn("export: %s", err.msg);
		urls_list_free(&list);
		free(path);
		return (CMD_EXIT_USAGE);
	}
	buf_init(&out, SIZE_MAX);
	opml_export(&list, &out);
	if (fwrite(buf_str(&out), 1, out.len, stdout) != out.len ||
	    fflush(stdout) != 0) {
		cmd_warn("export: cannot write to standard output");
		status = CMD_EXIT_USAGE;
	}
	buf_free(&out);
	urls_list_free(&list);
	free(path);
	return (status);
}
