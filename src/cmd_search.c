/* cmd_search.c: placeholder until the command lands. */
#include "config.h"

#include "cmd.h"

int
cmd_search(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("search: not implemented yet");
	return (CMD_EXIT_USAGE);
}

int
cmd_reindex(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("reindex: not implemented yet");
	return (CMD_EXIT_USAGE);
}
