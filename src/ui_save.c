/*
 * ui_save: newsboat's save action.  The article becomes plain text (its
 * header, the body wrapped at text-width, 80 columns when that is 0, and
 * the numbered links) in a file of save-path named after its title as
 * newsboat names it: ASCII letters and digits kept, '/', spaces and line
 * breaks turned into '_', anything else dropped, ".txt" appended
 * ("article.txt" when nothing is left).  The path is offered on the
 * prompt line to accept with ENTER or edit; a file that exists is only
 * replaced after a one-key yes.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "html.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

/* "~" and "~/..." against $HOME; a copy of anything else. */
static char *
expand_home(const char *p)
{
	const char *home = getenv("HOME");
	struct buf b;
	char *s;

	if (p[0] != '~' || (p[1] != '\0' && p[1] != '/') || home == NULL ||
	    home[0] == '\0')
		return (xstrdup(p));
	buf_init(&b, SIZE_MAX);
	(void)buf_addf(&b, "%s%s", home, p + 1);
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

char *
ui_save_expand(const char *path)
{
	return (expand_home(path));
}

char *
ui_save_name(const char *title)
{
	struct buf name;
	char *s;

	buf_init(&name, 4096);
	for (; title != NULL && *title != '\0'; title++) {
		if ((*title >= 'a' && *title <= 'z') ||
		    (*title >= 'A' && *title <= 'Z') ||
		    (*title >= '0' && *title <= '9'))
			(void)buf_addch(&name, *title);
		else if (*title == '/' || *title == ' ' || *title == '\r' ||
		    *title == '\n')
			(void)buf_addch(&name, '_');
		if (name.len >= 200)	/* well under NAME_MAX */
			break;
	}
	(void)buf_addstr(&name, name.len == 0 ? "article.txt" : ".txt");
	s = buf_detach(&name);
	buf_free(&name);
	return (s);
}

/* The file save offers for an article titled title. */
static char *
suggest(struct ui *ui, const char *title)
{
	struct buf b;
	struct stat st;
	char *dir, *s, *name;
	size_t n;

	name = ui_save_name(title);
	dir = expand_home(ui->cfg->save_path);
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(dir);
		dir = xstrdup(".");
	}
	n = strlen(dir);
	buf_init(&b, SIZE_MAX);
	(void)buf_addf(&b, "%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" :
	    "/", name);
	s = buf_detach(&b);
	buf_free(&b);
	free(name);
	free(dir);
	return (s);
}

static void
put_hdr(FILE *fp, const char *label, const char *value)
{
	char *clean;

	if (value == NULL || value[0] == '\0')
		return;
	clean = text_sanitize(value, 0);
	fprintf(fp, "%s%s\n", label, clean);
	free(clean);
}

int
ui_article_text(struct ui *ui, int64_t id, FILE *fp, struct err *err)
{
	struct store_item_full it;
	struct html_opts opts;
	struct html_doc *doc;
	struct tm tm;
	time_t t;
	char date[128];
	const char *body;
	size_t i;
	int rc;

	memset(&it, 0, sizeof(it));
	if ((rc = store_item_get(ui->store, id, &it, err)) != 0) {
		if (rc > 0)
			err_set(err, ERR_IO, "the article is gone");
		return (-1);
	}
	put_hdr(fp, "Feed: ", it.row.feed_title);
	put_hdr(fp, "Title: ", it.row.title);
	put_hdr(fp, "Author: ", it.row.author);
	date[0] = '\0';
	t = (time_t)it.row.date;
	if (it.row.date != ITEM_NO_DATE && localtime_r(&t, &tm) != NULL)
		strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S %z", &tm);
	put_hdr(fp, "Date: ", date);
	put_hdr(fp, "Link: ", it.row.link);
	fputc('\n', fp);
	memset(&opts, 0, sizeof(opts));
	opts.width = ui->cfg->text_width > 0 ? (size_t)ui->cfg->text_width :
	    80;
	opts.base = it.row.link;
	opts.flags = HTML_RENDER_LINK_LIST;
	body = it.content != NULL ? it.content : "";
	if (it.content_type != NULL && strcmp(it.content_type, "text") == 0)
		doc = html_render_text(body, strlen(body), &opts);
	/* html-renderer's text, as newsboat's pager shows it. */
	else if ((doc = ui_viewer_doc(ui, body, &opts)) == NULL)
		doc = html_render(body, strlen(body), &opts);
	for (i = 0; i < doc->nlines; i++)
		fprintf(fp, "%s\n", doc->lines[i].text);
	html_doc_free(doc);
	store_item_full_clear(&it);
	return (0);
}

int
ui_save_write(struct ui *ui, int64_t id, const char *path, struct err *err)
{
	FILE *fp;
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return (-1);
	}
	if (ui_article_text(ui, id, fp, err) == -1) {
		fclose(fp);
		(void)unlink(path);
		return (-1);
	}
	if (ferror(fp) | (fclose(fp) != 0)) {
		err_set(err, ERR_IO, "%s: %s", path, strerror(errno));
		return (-1);
	}
	return (0);
}

static void
save_now(struct ui *ui)
{
	struct err err = ERR_INIT;

	if (ui_save_write(ui, ui->save_id, ui->save_file, &err) < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else
		ui_set_status(ui, false, "saved to %s", ui->save_file);
}

static void
overwrite_cb(struct ui *ui, const char *answer, void *arg)
{
	(void)arg;
	if (answer[0] == 'y')
		save_now(ui);
	else
		ui_set_status(ui, false, "not saved");
}

static void
path_cb(struct ui *ui, const char *text, void *arg)
{
	struct stat st;

	(void)arg;
	if (text[0] == '\0') {
		ui_set_status(ui, false, "not saved");
		return;
	}
	free(ui->save_file);
	ui->save_file = expand_home(text);
	if (stat(ui->save_file, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			ui_set_status(ui, true, "%s is a directory",
			    ui->save_file);
			return;
		}
		ui_confirm(ui, "The file exists: overwrite it? (y/n)",
		    overwrite_cb, NULL);
		return;
	}
	save_now(ui);
}

void
ui_save_article(struct ui *ui, int64_t item_id)
{
	struct store_item_full it;
	struct err err = ERR_INIT;
	char *path;
	int rc;

	memset(&it, 0, sizeof(it));
	if ((rc = store_item_get(ui->store, item_id, &it, &err)) != 0) {
		ui_set_status(ui, true, "%s", rc < 0 ? err.msg :
		    "the article is gone");
		return;
	}
	path = suggest(ui, it.row.title);
	store_item_full_clear(&it);
	ui->save_id = item_id;
	ui_prompt(ui, "Save to: ", NULL, path, path_cb, NULL);
	free(path);
}
