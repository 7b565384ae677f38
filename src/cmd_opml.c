/* cmd_opml.c: placeholder until the command lands. */
#include "config.h"

#include "cmd.h"

int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("import: not implemented yet");
	return (CMD_EXIT_USAGE);
}

int
cmd_export(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	cmd_warn("export: not implemented yet");
	return (CMD_EXIT_USAGE);
}
