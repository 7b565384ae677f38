/* paths: XDG locations of gazette's files. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
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

char *
paths_resolve(const char *file, struct err *err)
{
	const char *slash = strrchr(file, '/'), *name;
	char *dir, *rdir, *r;
	struct buf b;

	if ((r = realpath(file, NULL)) != NULL)
		return (r);
	if (errno != ENOENT) {
		err_set(err, ERR_IO, "cannot resolve %s: %s", file,
		    strerror(errno));
		return (NULL);
	}
	/* Not there yet: its directory is, resolved; the name is kept. */
	if (slash == NULL) {
		dir = xstrdup(".");
		name = file;
	} else {
		dir = slash == file ? xstrdup("/") :
		    xstrndup(file, (size_t)(slash - file));
		name = slash + 1;
	}
	if ((rdir = realpath(dir, NULL)) == NULL) {
		err_set(err, ERR_IO, "cannot resolve %s: %s", dir,
		    strerror(errno));
		free(dir);
		return (NULL);
	}
	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "%s/%s", strcmp(rdir, "/") == 0 ? "" : rdir, name);
	free(rdir);
	free(dir);
	return (buf_detach(&b));
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
