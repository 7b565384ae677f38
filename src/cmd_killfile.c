/*
 * cmd_killfile: the config's ignore-article rules for the commands that
 * read articles (gazette list, gazette search): what the interface hides
 * they do not print.  The config is read quietly: its problems are the
 * interface's and check-config's to report.
 */
#include "config.h"

#include <stdlib.h>

#include "cmd.h"
#include "conf.h"
#include "killfile.h"
#include "store.h"

int
cmd_set_killfile(const struct cmd_ctx *ctx, struct store *st)
{
	struct err err = ERR_INIT;
	struct conf cfg;
	char *path;
	int rc = 0;

	if ((path = cmd_config_path(ctx)) == NULL)
		return (0);
	conf_init(&cfg);
	(void)conf_load(&cfg, path, false, NULL, NULL, &err);
	if (killfile_count(cfg.killfile) > 0 &&
	    store_set_hide(st, killfile_where(cfg.killfile), &err) == -1) {
		cmd_warn("%s", err.msg);
		rc = -1;
	}
	conf_free(&cfg);
	free(path);
	return (rc);
}
