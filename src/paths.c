/* paths: XDG locations of gazette's files. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "paths.h"
#include "xmalloc.h"

static char *
xdg_file(const char *env, const char *fallback, const char *app,
    const char *name)
{
	const char *base = getenv(env);
	const char *home;
	struct buf b;

	buf_init(&b, 4096);
	if (base != NULL && base[0] == '/')
		buf_addf(&b, "%s/%s/%s", base, app, name);
	else {
		home = getenv("HOME");
		if (home == NULL || home[0] == '\0')
			return (NULL);
		buf_addf(&b, "%s/%s/%s/%s", home, fallback, app, name);
	}
	return (buf_detach(&b));
}

char *
paths_config_file(const char *name)
{
	return (xdg_file("XDG_CONFIG_HOME", ".config", "gazette", name));
}

char *
paths_data_file(const char *name)
{
	return (xdg_file("XDG_DATA_HOME", ".local/share", "gazette", name));
}

char *
paths_app_file(bool data, const char *app, const char *name)
{
	if (data)
		return (xdg_file("XDG_DATA_HOME", ".local/share", app, name));
	return (xdg_file("XDG_CONFIG_HOME", ".config", app, name));
}

int
paths_mkdir_parents(const char *file, struct err *err)
{
	char *dir = xstrdup(file);
	char *p;
	int rc = 0;

	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			err_set(err, ERR_IO, "cannot create %s: %s", dir,
			    strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return (rc);
}

const char *
paths_demo_dir(void)
{
	const char *env = getenv("GAZETTE_DEMO_DIR");
	struct stat st;

	if (env != NULL && env[0] != '\0')
		return (env);
	if (stat(DEMODIR, &st) == 0 && S_ISDIR(st.st_mode))
		return (DEMODIR);
	return (SRCDEMODIR);
}
