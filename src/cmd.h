/*
 * cmd: the command-line commands.  main.c parses the global options
 * (-u URLS, -c CONFIG, -d DBFILE), then runs the command named by the
 * first word with argv[0] set to that word.  Each command lives in its own
 * cmd_*.c file and returns the process exit status:
 *   0 success, 1 partial failure or "not found", 2 usage or fatal error,
 *   3 another process holds the lock (refresh).
 */
#ifndef GAZETTE_CMD_H
#define GAZETTE_CMD_H

#include <stdbool.h>

struct cmd_ctx {
	const char	*urls_path;	/* -u, or NULL for the XDG default */
	const char	*config_path;	/* -c, or NULL */
	const char	*db_path;	/* -d, or NULL */
};

struct cmd_entry {
	const char	*name;
	const char	*usage;		/* arguments after the name */
	const char	*help;		/* one line, untranslated (N_) */
	int		(*exec)(struct cmd_ctx *ctx, int argc, char **argv);
};

#define CMD_EXIT_OK	0
#define CMD_EXIT_FAIL	1
#define CMD_EXIT_USAGE	2
#define CMD_EXIT_LOCKED	3

int	cmd_parse(struct cmd_ctx *, int, char **);
int	cmd_refresh(struct cmd_ctx *, int, char **);
int	cmd_search(struct cmd_ctx *, int, char **);
int	cmd_list(struct cmd_ctx *, int, char **);
int	cmd_import(struct cmd_ctx *, int, char **);
int	cmd_export(struct cmd_ctx *, int, char **);
int	cmd_add(struct cmd_ctx *, int, char **);
int	cmd_mark(struct cmd_ctx *, int, char **);
int	cmd_cleanup(struct cmd_ctx *, int, char **);
int	cmd_render(struct cmd_ctx *, int, char **);
int	cmd_show(struct cmd_ctx *, int, char **);
int	cmd_reindex(struct cmd_ctx *, int, char **);
int	cmd_import_newsboat(struct cmd_ctx *, int, char **);
int	cmd_export_read(struct cmd_ctx *, int, char **);
int	cmd_import_read(struct cmd_ctx *, int, char **);
int	cmd_check_config(struct cmd_ctx *, int, char **);
int	cmd_podboat(struct cmd_ctx *, int, char **);
/* The interactive interface; demo runs it on the bundled feeds. */
int	cmd_ui(struct cmd_ctx *ctx, bool demo);

/* Resolve the effective paths (options, then XDG); caller frees. */
char	*cmd_urls_path(const struct cmd_ctx *ctx);
char	*cmd_config_path(const struct cmd_ctx *ctx);
char	*cmd_db_path(const struct cmd_ctx *ctx);

/*
 * Hide from st what the config's ignore-article rules match
 * (cmd_killfile.c); the config is read without warnings.  -1 (said) when
 * the store refused them.
 */
struct store;
int	cmd_set_killfile(const struct cmd_ctx *ctx, struct store *st);

/* Print "gazette: <msg>" on stderr, sanitised (msg_warn in msg.h). */
void	cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * A damaged database (store_damage_error) is fatal whatever the command
 * was doing: said once, exit status 2.  cmd_store_warn reports a store
 * failure (err, or the damage when that is what it is);
 * cmd_store_close closes the store and returns rc, or 2 when the
 * database turned out damaged.  st may be NULL.
 */
struct err;
struct store;
void	cmd_store_warn(struct store *st, const char *prefix,
	    const struct err *err);
int	cmd_store_close(struct store *st, const char *prefix, int rc);

#endif
