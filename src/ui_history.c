/*
 * ui_history: the lines typed at the prompts, and the two histories kept
 * between runs as newsboat keeps them: the searches (history.search) and
 * the command lines (history.cmdline), one line each, oldest first, in
 * gazette's data directory (~/.local/share/gazette, not newsboat's).
 * history-limit says how many lines are kept in memory and written at
 * quit; 0 writes none and reads none.  A file is replaced whole (a
 * temporary file renamed over it), readable by its owner only.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "paths.h"
#include "userfile.h"
#include "ui_int.h"
#include "xmalloc.h"

/* A history file larger than this is not read. */
#define HISTORY_MAX_FILE	(4u * 1024 * 1024)
/* Nor a line longer than the prompt takes. */
#define HISTORY_MAX_LINE	4096

void
ui_history_add(struct ui_history *h, const char *line)
{
	size_t max = h->max > 0 ? h->max : 100;

	if (line[0] == '\0')
		return;
	if (h->n > 0 && strcmp(h->lines[h->n - 1], line) == 0)
		return;
	while (h->n >= max) {
		free(h->lines[0]);
		memmove(h->lines, h->lines + 1, (h->n - 1) * sizeof(char *));
		h->n--;
	}
	h->lines = xreallocarray(h->lines, h->n + 1, sizeof(char *));
	h->lines[h->n++] = xstrdup(line);
}

void
ui_history_free(struct ui_history *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->lines[i]);
	free(h->lines);
	h->lines = NULL;
	h->n = 0;
}

static void
history_load(struct ui_history *h, const char *name)
{
	struct err err = ERR_INIT;
	struct buf b;
	const char *p, *end, *nl;
	char *path, *line;
	bool missing;

	if ((path = paths_data_file(name)) == NULL)
		return;
	buf_init(&b, HISTORY_MAX_FILE);
	if (userfile_read(path, HISTORY_MAX_FILE, &b, &missing, &err) == 0) {
		p = buf_str(&b);
		end = p + b.len;
		for (; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			if (nl - p > HISTORY_MAX_LINE ||
			    memchr(p, '\0', (size_t)(nl - p)) != NULL)
				continue;
			line = xstrndup(p, (size_t)(nl - p));
			ui_history_add(h, line);
			free(line);
		}
	}
	buf_free(&b);
	free(path);
}

static void
history_save(const struct ui_history *h, const char *name, size_t limit)
{
	struct err err = ERR_INIT;
	struct buf tmp;
	char *path;
	size_t i;
	FILE *fp;
	int fd;

	if (h->n == 0 || (path = paths_data_file(name)) == NULL)
		return;
	if (paths_mkdir_parents(path, &err) < 0) {
		free(path);
		return;
	}
	buf_init(&tmp, 8192);
	(void)buf_addf(&tmp, "%s.%ld.tmp", path, (long)getpid());
	fd = open(buf_str(&tmp), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC |
	    O_NOFOLLOW, 0600);
	if (fd >= 0 && (fp = fdopen(fd, "w")) != NULL) {
		for (i = h->n > limit ? h->n - limit : 0; i < h->n; i++)
			fprintf(fp, "%s\n", h->lines[i]);
		if ((ferror(fp) | (fclose(fp) != 0)) ||
		    rename(buf_str(&tmp), path) < 0)
			(void)unlink(buf_str(&tmp));
	} else if (fd >= 0) {
		close(fd);
		(void)unlink(buf_str(&tmp));
	}
	buf_free(&tmp);
	free(path);
}

void
ui_histories_load(struct ui *ui)
{
	size_t limit = (size_t)ui->cfg->history_limit;

	ui->search_history.max = ui->cmdline_history.max = limit;
	if (limit == 0)
		return;
	history_load(&ui->search_history, "history.search");
	history_load(&ui->cmdline_history, "history.cmdline");
}

void
ui_histories_save(struct ui *ui)
{
	size_t limit = (size_t)ui->cfg->history_limit;

	if (limit == 0)
		return;
	history_save(&ui->search_history, "history.search", limit);
	history_save(&ui->cmdline_history, "history.cmdline", limit);
}
