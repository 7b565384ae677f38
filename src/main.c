/*
 * gazette: a terminal news reader.  main parses the global options and
 * hands over to one command (see cmd.h) or to the interactive interface.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "i18n.h"

static const struct cmd_entry commands[] = {
	{ "refresh", "[--quiet] [--jobs N] [--force] [URL...]",
	    N_("fetch every feed (for cron)"), cmd_refresh },
	{ "parse", "[--charset CS] [--base URL] FILE",
	    N_("parse one feed file, print JSON Lines"), cmd_parse },
	{ "search", "[--json] [--limit N] QUERY",
	    N_("ranked full-text search"), cmd_search },
	{ "list", "[--unread] [--feed URL] [--query EXPR] [--sort ORDER] [--json]",
	    N_("articles, newest first"), cmd_list },
	{ "import", "FILE.opml", N_("add the feeds of an OPML file"),
	    cmd_import },
	{ "export", "", N_("print the feeds as OPML"), cmd_export },
	{ "add", "URL [TAG...]", N_("append a feed to the urls file"),
	    cmd_add },
	{ "mark", "--read|--unread|--flag|--unflag [--feed URL] GUID...|--all",
	    N_("mark articles read, unread, flagged or not"), cmd_mark },
	{ "cleanup", "", N_("delete the feeds no longer in the urls file, "
	    "and their articles"), cmd_cleanup },
	{ "render", "[--width N] [--base URL] [FILE|-]",
	    N_("print HTML as the article view shows it"), cmd_render },
	{ "show", "[--width N] GUID", N_("print a stored article"),
	    cmd_show },
	{ "reindex", "", N_("rebuild the full-text index"), cmd_reindex },
	{ "import-newsboat", "[DIR]",
	    N_("take newsboat's urls, config, articles and read state"),
	    cmd_import_newsboat },
	{ "export-read", "FILE",
	    N_("write the guids of read articles (newsboat -E)"),
	    cmd_export_read },
	{ "import-read", "FILE",
	    N_("mark read the articles of a guid list (newsboat -I)"),
	    cmd_import_read },
	{ "podboat", "[--quiet] [--jobs N] [URL...] | --list | --purge",
	    N_("download the queued podcasts"), cmd_podboat },
	{ "check-config", "[FILE...]",
	    N_("say which config lines gazette applies, and what not"),
	    cmd_check_config },
};

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "%s gazette [-u URLS] [-c CONFIG] [-d DBFILE]\n"
	    "         %s\n", _("usage:"), _("the interactive interface"));
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "       gazette %s%s%s\n         %s\n",
		    commands[i].name, commands[i].usage[0] != '\0' ? " " : "",
		    commands[i].usage, _(commands[i].help));
	fprintf(fp, "       gazette --demo\n         %s\n"
	    "       gazette --help | --version\n",
	    _("the interface on the bundled offline demo feeds"));
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

	/*
	 * Only the categories gazette uses: characters (UTF-8 or not, for
	 * the terminal), messages and dates.  Each category is a file or two
	 * to open at every start, and LC_NUMERIC must stay "C" for the
	 * numbers of --json output.
	 */
	setlocale(LC_CTYPE, "");
	setlocale(LC_MESSAGES, "");
	setlocale(LC_TIME, "");
#ifdef ENABLE_NLS
	/* TEXTDOMAINDIR (gettext.sh's convention) overrides the catalogue
	   directory, for running uninstalled and for the tests. */
	bindtextdomain(PACKAGE, getenv("TEXTDOMAINDIR") != NULL ?
	    getenv("TEXTDOMAINDIR") : LOCALEDIR);
	textdomain(PACKAGE);
#endif
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
	cmd_warn(_("unknown command '%s'"), argv[0]);
	usage(stderr);
	return (CMD_EXIT_USAGE);
}
