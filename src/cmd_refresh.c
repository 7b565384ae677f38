/* cmd_refresh.c: placeholder until the command lands. */
#include "config.h"

#include "cmd.h"

int
cmd_refresh(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("refresh: not implemented yet");
	return (CMD_EXIT_USAGE);
}
