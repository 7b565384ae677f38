/*
 * paths: where gazette keeps its files (XDG base directories).
 * urls and config under $XDG_CONFIG_HOME/gazette (~/.config/gazette),
 * the database under $XDG_DATA_HOME/gazette (~/.local/share/gazette).
 * Returned strings belong to the caller.
 */
#ifndef GAZETTE_PATHS_H
#define GAZETTE_PATHS_H

#include <stdbool.h>

#include "err.h"

char	*paths_config_file(const char *name);	/* NULL without $HOME */
char	*paths_data_file(const char *name);
/* Another program's file, as XDG places it (data or config). */
char	*paths_app_file(bool data, const char *app, const char *name);
/* mkdir -p with mode 0700 for the directories created. */
int	 paths_mkdir_parents(const char *file, struct err *err);
/*
 * FILE with every symbolic link, "." and ".." resolved (realpath); a FILE
 * that does not exist yet keeps its last name in its resolved directory.
 * NULL and err set when that cannot be done.
 */
char	*paths_resolve(const char *file, struct err *err);
/* The bundled demo feeds directory. */
const char *paths_demo_dir(void);

#endif
