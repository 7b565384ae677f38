/*
 * cmd_config: gazette check-config [FILE...]: how much of a config
 * (newsboat's or gazette's) gazette applies.  Each file (default: the
 * config gazette reads) is loaded as the interface loads it: problems
 * are named with file and line, the lines gazette accepts without
 * applying are listed with what it does instead, and those it applies
 * unlike newsboat with what differs, then one count line per file and,
 * for several files, a total:
 *
 *	FILE: N lines: A applied, S not applied, E not understood
 *	total: N lines in F files: A applied (P%), S not applied, E not
 *	    understood; C of F files applied completely (Q%)
 *
 * Exit 0 when every line is applied, 1 otherwise, 2 when a file cannot
 * be read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "conf.h"
#include "text.h"

static void
print_problem(void *arg, const char *file, unsigned line, const char *msg)
{
	(void)arg;
	if (line == 0)
		cmd_warn("%s: %s", file, msg);
	else
		cmd_warn("%s:%u: %s", file, line, msg);
}

/* arg: the label, "not applied" or "applied unlike newsboat". */
static void
print_skip(void *arg, const char *line)
{
	char *clean = text_sanitize(line, 0);

	printf("  %s: %s\n", (const char *)arg, clean);
	free(clean);
}

static double
share(unsigned part, unsigned whole)
{
	return (whole == 0 ? 100.0 : 100.0 * part / whole);
}

int
cmd_check_config(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct conf cfg;
	struct err err = ERR_INIT;
	unsigned lines = 0, applied = 0, skipped = 0, errors = 0;
	unsigned files = 0, complete = 0;
	char *def = NULL, *clean;
	const char *path;
	int i, status = CMD_EXIT_OK;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
		fprintf(stderr, "usage: gazette check-config [FILE...]\n");
		return (CMD_EXIT_USAGE);
	}
	if (argc < 2 && (def = cmd_config_path(ctx)) == NULL) {
		cmd_warn("check-config: no config path (is HOME set?)");
		return (CMD_EXIT_USAGE);
	}
	for (i = 1; i < argc || (i == 1 && def != NULL); i++) {
		path = def != NULL ? def : argv[i];
		conf_init(&cfg);
		if (conf_load(&cfg, path, true, print_problem, NULL,
		    &err) < 0) {
			cmd_warn("check-config: %s", err.msg);
			err_clear(&err);
			conf_free(&cfg);
			status = CMD_EXIT_USAGE;
			continue;
		}
		conf_skips_each(&cfg, print_skip, (void *)"not applied");
		conf_differs_each(&cfg, print_skip,
		    (void *)"applied unlike newsboat");
		clean = text_sanitize(path, 0);
		printf("%s: %u lines: %u applied, %zu not applied, %u not "
		    "understood\n", clean, cfg.n_lines, cfg.n_applied,
		    cfg.n_skips, cfg.n_errors);
		free(clean);
		files++;
		lines += cfg.n_lines;
		applied += cfg.n_applied;
		skipped += (unsigned)cfg.n_skips;
		errors += cfg.n_errors;
		if (cfg.n_applied == cfg.n_lines)
			complete++;
		else if (status == CMD_EXIT_OK)
			status = CMD_EXIT_FAIL;
		conf_free(&cfg);
	}
	if (files > 1)
		printf("total: %u lines in %u files: %u applied (%.1f%%), %u "
		    "not applied, %u not understood; %u of %u files applied "
		    "completely (%.1f%%)\n", lines, files, applied,
		    share(applied, lines), skipped, errors, complete, files,
		    share(complete, files));
	free(def);
	return (status);
}
