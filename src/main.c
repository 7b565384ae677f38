/*
 * gazette: a terminal news reader.  main parses the global options and
 * hands over to one command (see cmd.h) or to the interactive interface.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"

static const struct cmd_entry commands[] = {
	{ "parse", "[--charset CS] [--base URL] FILE", cmd_parse },
	{ "refresh", "[--quiet] [--jobs N] [--force]", cmd_refresh },
	{ "search", "[--json] [--limit N] QUERY", cmd_search },
	{ "list", "[--unread] [--feed URL] [--json]", cmd_list },
	{ "import", "FILE.opml", cmd_import },
	{ "export", "", cmd_export },
	{ "add", "URL [TAG...]", cmd_add },
	{ "render", "[--width N] [FILE|-]", cmd_render },
	{ "show", "[--width N] GUID", cmd_show },
	{ "reindex", "", cmd_reindex },
};

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: gazette [-u URLS] [-c CONFIG] [-d DBFILE]"
	    "            interactive interface\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "       gazette %s %s\n", commands[i].name,
		    commands[i].usage);
	fprintf(fp, "       gazette --demo\n"
	    "       gazette --help | --version\n");
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "demo", no_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_ctx ctx = { NULL, NULL, NULL };
	bool demo = false;
	size_t i;
	int ch;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "+u:c:d:hV", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'u':
			ctx.urls_path = optarg;
			break;
		case 'c':
			ctx.config_path = optarg;
			break;
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'D':
			demo = true;
			break;
		case 'h':
			usage(stdout);
			return (CMD_EXIT_OK);
		case 'V':
			printf("gazette %s\n", PACKAGE_VERSION);
			return (CMD_EXIT_OK);
		default:
			usage(stderr);
			return (CMD_EXIT_USAGE);
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		return (cmd_ui(&ctx, demo));
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[0], commands[i].name) == 0) {
			optind = 0;	/* glibc: reinitialise for the command */
			return (commands[i].exec(&ctx, argc, argv));
		}
	}
	cmd_warn("unknown command '%s'", argv[0]);
	usage(stderr);
	return (CMD_EXIT_USAGE);
}
