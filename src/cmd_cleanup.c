/*
 * cmd_cleanup: `gazette cleanup` (newsboat's -X, and what its
 * cleanup-on-quit does): the feeds no longer in the urls file are marked
 * gone as a full refresh would mark them, then they and all their
 * articles, flagged ones too, as newsboat removes them, are deleted in
 * one transaction; the count is printed.  In sync mode the feeds come
 * from the server: only those already marked gone are removed.  A
 * missing or empty urls file removes nothing (it would remove every
 * feed).  Exit 0 done, 2 on a usage error or an unusable database.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "cmd.h"
#include "conf.h"
#include "store.h"
#include "sync.h"
#include "urls.h"
#include "urls_store.h"

int
cmd_cleanup(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct err err = ERR_INIT;
	struct urls_list urls;
	struct conf cfg;
	struct store *st = NULL;
	char *urls_path = NULL, *db_path = NULL, *config_path;
	int64_t feeds, items;
	bool missing = false, synced;
	int rc = CMD_EXIT_USAGE;

	(void)argv;
	if (argc != 1) {
		cmd_warn("usage: gazette cleanup");
		return (CMD_EXIT_USAGE);
	}
	conf_init(&cfg);
	urls_list_init(&urls);
	if ((config_path = cmd_config_path(ctx)) != NULL &&
	    conf_load(&cfg, config_path, ctx->config_path != NULL, NULL, NULL,
	    &err) == -1) {
		cmd_warn("cleanup: %s", err.msg);
		free(config_path);
		if (ctx->config_path != NULL)
			goto out;
		err_clear(&err);
	} else
		free(config_path);
	synced = sync_enabled(&cfg);
	urls_path = cmd_urls_path(ctx);
	if ((db_path = cmd_db_path(ctx)) == NULL || urls_path == NULL) {
		cmd_warn("cleanup: no urls file or database path (set HOME)");
		goto out;
	}
	if (!synced) {
		if (urls_load(urls_path, &urls, &missing, NULL, NULL,
		    &err) == -1) {
			cmd_warn("cleanup: %s: nothing removed", missing ?
			    "no urls file" : err.msg);
			goto out;
		}
		if (urls.n == 0) {
			cmd_warn("cleanup: no feeds in %s: nothing removed",
			    urls_path);
			goto out;
		}
	}
	if ((st = store_open(db_path, 0, &err)) == NULL) {
		cmd_warn("cleanup: %s", err.msg);
		goto out;
	}
	if ((!synced && urls_store_sync(st, &urls, NULL, &err) == -1) ||
	    store_cleanup_gone(st, &feeds, &items, &err) == -1) {
		cmd_store_warn(st, "cleanup: ", &err);
		goto out;
	}
	printf("cleanup: removed %" PRId64 " article%s of %" PRId64
	    " feed%s no longer in the urls file\n", items,
	    items == 1 ? "" : "s", feeds, feeds == 1 ? "" : "s");
	rc = CMD_EXIT_OK;
out:
	if (st != NULL)
		rc = cmd_store_close(st, "cleanup: ", rc);
	urls_list_free(&urls);
	conf_free(&cfg);
	free(urls_path);
	free(db_path);
	return (rc);
}
