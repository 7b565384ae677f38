/* cmd: helpers shared by the command implementations. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "cmd.h"
#include "err.h"
#include "msg.h"
#include "paths.h"
#include "store.h"
#include "xmalloc.h"

/* The damage of the database is said once a process. */
static bool damage_said;

char *
cmd_urls_path(const struct cmd_ctx *ctx)
{
	if (ctx->urls_path != NULL)
		return (xstrdup(ctx->urls_path));
	return (paths_config_file("urls"));
}

char *
cmd_config_path(const struct cmd_ctx *ctx)
{
	if (ctx->config_path != NULL)
		return (xstrdup(ctx->config_path));
	return (paths_config_file("config"));
}

char *
cmd_db_path(const struct cmd_ctx *ctx)
{
	if (ctx->db_path != NULL)
		return (xstrdup(ctx->db_path));
	return (paths_data_file("gazette.db"));
}

void
cmd_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	msg_vwarn(fmt, ap);
	va_end(ap);
}

static bool
tell_damage(struct store *st, const char *prefix)
{
	struct err err = ERR_INIT;

	if (st == NULL || store_damage_error(st, &err) == 0)
		return (false);
	if (!damage_said)
		cmd_warn("%s%s", prefix, err.msg);
	damage_said = true;
	return (true);
}

void
cmd_store_warn(struct store *st, const char *prefix, const struct err *err)
{
	if (!tell_damage(st, prefix))
		cmd_warn("%s%s", prefix, err->msg);
}

int
cmd_store_close(struct store *st, const char *prefix, int rc)
{
	if (tell_damage(st, prefix))
		rc = CMD_EXIT_USAGE;
	store_close(st);
	return (rc);
}
