/* cmd_ui.c: placeholder until the interface lands. */
#include "config.h"

#include "cmd.h"

int
cmd_ui(struct cmd_ctx *ctx, bool demo)
{
	(void)ctx;
	(void)demo;
	cmd_warn("the interface is not implemented yet");
	return (CMD_EXIT_USAGE);
}
