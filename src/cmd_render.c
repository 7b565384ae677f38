/* cmd_render.c: placeholder until the command lands. */
#include "config.h"

#include "cmd.h"

int
cmd_render(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("render: not implemented yet");
	return (CMD_EXIT_USAGE);
}

int
cmd_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("show: not implemented yet");
	return (CMD_EXIT_USAGE);
}
