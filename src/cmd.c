/* cmd: helpers shared by the command implementations. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"
#include "msg.h"
#include "paths.h"
#include "xmalloc.h"

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
