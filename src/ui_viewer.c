/*
 * ui_viewer: newsboat's pager, external-url-viewer and html-renderer,
 * the user's own programs from the config.  Each is a command line of
 * the user's, run as sh -c 'COMMAND' sh ARG...: what comes from a feed
 * (the article's text, its links, its HTML) reaches it only on its
 * standard input or in a file gazette writes, never in the command.
 *
 * pager: the article, rendered as text as pipe-to and save write it,
 * goes to a private temporary file; %f in the command stands for its
 * name ("$1"), else the name is the last argument, as newsboat does; the
 * file is also the command's standard input.  The pager gets the
 * terminal, then the article list is back.
 *
 * external-url-viewer: show-urls hands the terminal to it with the
 * article's links on its standard input, one a line.
 *
 * html-renderer: the article's HTML on its standard input, in a session
 * of its own (no terminal: fetch_cmd.h), at most VIEWER_TIMEOUT seconds
 * and VIEWER_MAX_OUTPUT bytes; its output, with every control character
 * and escape sequence removed, is shown in the article view, gazette's
 * numbered list of the article's links after it.  When it
 * fails, gazette's own renderer shows the article and the status line
 * says why.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fetch_cmd.h"
#include "html.h"
#include "store.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

#define VIEWER_TIMEOUT		10	/* seconds */
#define VIEWER_MAX_OUTPUT	HTML_MAX_INPUT

/* "" and "internal" mean gazette's own. */
static bool
internal(const char *cmd)
{
	return (cmd == NULL || cmd[0] == '\0' || strcmp(cmd, "internal") == 0);
}

/* A private temporary file, its name in path; the stream, or NULL. */
static FILE *
temp_file(struct buf *path, struct err *err)
{
	const char *tmp;
	FILE *fp;
	int fd;

	if ((tmp = getenv("TMPDIR")) == NULL || tmp[0] != '/')
		tmp = "/tmp";
	(void)buf_addf(path, "%s/gazette-article.XXXXXX", tmp);
	if ((fd = mkstemp(path->data)) == -1) {
		err_set(err, ERR_IO, "%s: %s", buf_str(path), strerror(errno));
		return (NULL);
	}
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	if ((fp = fdopen(fd, "w+")) == NULL) {
		err_set(err, ERR_IO, "%s: %s", buf_str(path), strerror(errno));
		close(fd);
		(void)unlink(buf_str(path));
	}
	return (fp);
}

/*
 * The pager's command: every %f becomes "$1"; without one, "$1" is
 * added at the end.  Empty: $PAGER, else more (newsboat's choice).
 */
static char *
pager_command(const char *pager)
{
	const char *p;
	struct buf b;
	bool has_f = false;
	char *s;

	if (pager[0] == '\0' && ((pager = getenv("PAGER")) == NULL ||
	    pager[0] == '\0'))
		pager = "more";
	buf_init(&b, SIZE_MAX);
	for (p = pager; *p != '\0'; p++) {
		if (p[0] == '%' && p[1] == 'f') {
			(void)buf_addstr(&b, "\"$1\"");
			has_f = true;
			p++;
		} else
			(void)buf_addch(&b, *p);
	}
	if (!has_f)
		(void)buf_addstr(&b, " \"$1\"");
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

bool
ui_viewer_pager(struct ui *ui, int64_t item_id, struct ui_view *list)
{
	struct err err = ERR_INIT;
	struct buf path;
	const char *args[1];
	char *cmd;
	FILE *fp;
	int rc;

	/* "" is $PAGER here, as in newsboat. */
	if (strcmp(ui->cfg->pager, "internal") == 0)
		return (false);
	buf_init(&path, SIZE_MAX);
	if ((fp = temp_file(&path, &err)) == NULL) {
		ui_set_status(ui, true, "pager: %s", err.msg);
		buf_free(&path);
		return (true);
	}
	if (ui_article_text(ui, item_id, fp, &err) == -1 || fflush(fp) != 0 ||
	    fseek(fp, 0L, SEEK_SET) != 0) {
		ui_set_status(ui, true, "pager: %s", err.msg[0] != '\0' ?
		    err.msg : strerror(errno));
		goto out;
	}
	/* Opened: read, as the article view would have it. */
	if (store_item_set_read(ui->store, item_id, true, &err) == -1)
		ui_set_status(ui, true, "%s", err.msg);
	else
		ui_items_set_read(list, item_id, true);
	cmd = pager_command(ui->cfg->pager);
	args[0] = buf_str(&path);
	rc = ui_extern_run(ui, cmd, args, 1, fileno(fp), &err);
	free(cmd);
	if (rc < 0)
		ui_set_status(ui, true, "pager: %s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "the pager exited with status %d", rc);
out:
	fclose(fp);
	(void)unlink(buf_str(&path));
	buf_free(&path);
	return (true);
}

bool
ui_viewer_urls(struct ui *ui, const struct html_doc *doc)
{
	struct err err = ERR_INIT;
	struct buf path;
	const char *viewer = ui->cfg->external_url_viewer;
	char *u;
	FILE *fp;
	size_t i;
	int rc;

	if (viewer[0] == '\0')
		return (false);
	buf_init(&path, SIZE_MAX);
	if ((fp = temp_file(&path, &err)) == NULL) {
		ui_set_status(ui, true, "external-url-viewer: %s", err.msg);
		buf_free(&path);
		return (true);
	}
	/* Nobody else opens it: it is standard input only. */
	(void)unlink(buf_str(&path));
	buf_free(&path);
	for (i = 0; doc != NULL && i < doc->nlinks; i++) {
		/* Resolved and sanitised already; one a line whatever. */
		u = text_sanitize(doc->links[i], 0);
		fprintf(fp, "%s\n", u);
		free(u);
	}
	if (fflush(fp) != 0 || fseek(fp, 0L, SEEK_SET) != 0) {
		ui_set_status(ui, true, "external-url-viewer: %s",
		    strerror(errno));
		fclose(fp);
		return (true);
	}
	rc = ui_extern_run(ui, viewer, NULL, 0, fileno(fp), &err);
	fclose(fp);
	if (rc < 0)
		ui_set_status(ui, true, "external-url-viewer: %s", err.msg);
	else if (rc != 0)
		ui_set_status(ui, true, "external-url-viewer exited with "
		    "status %d", rc);
	return (true);
}

static double
now_secs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

/* Run the renderer on html; its output, or NULL with err set. */
static char *
run_renderer(const char *command, const char *html, struct err *err)
{
	struct fetch_cmd c;
	struct pollfd pfd[3];
	struct buf out;
	char chunk[16384], why[512], *s;
	const char *fail;
	double deadline = now_secs() + VIEWER_TIMEOUT;
	ssize_t n;
	nfds_t np;
	int left;

	if (fetch_cmd_start(&c, command, html, strlen(html), err) == -1)
		return (NULL);
	buf_init(&out, VIEWER_MAX_OUTPUT);
	for (;;) {
		fetch_cmd_io(&c);
		while ((n = fetch_cmd_read(&c, chunk, sizeof(chunk))) > 0)
			if (buf_add(&out, chunk, (size_t)n) == -1) {
				err_set(err, ERR_LIMIT, "more than %u bytes of "
				    "output", VIEWER_MAX_OUTPUT);
				goto fail;
			}
		if (n == 0)
			break;
		if (n == -2) {
			err_set(err, ERR_IO, "reading its output: %s",
			    strerror(errno));
			goto fail;
		}
		if ((left = (int)((deadline - now_secs()) * 1000)) <= 0) {
			err_set(err, ERR_LIMIT, "no answer in %d seconds",
			    VIEWER_TIMEOUT);
			goto fail;
		}
		np = 0;
		pfd[np].fd = c.out;
		pfd[np++].events = POLLIN;
		if (c.in != -1) {
			pfd[np].fd = c.in;
			pfd[np++].events = POLLOUT;
		}
		if (c.err != -1) {
			pfd[np].fd = c.err;
			pfd[np++].events = POLLIN;
		}
		(void)poll(pfd, np, left < 200 ? left : 200);
	}
	/* Its output is over: wait for it to exit, as long as it may. */
	while (!fetch_cmd_reaped(&c)) {
		if (now_secs() >= deadline) {
			err_set(err, ERR_LIMIT, "did not exit in %d seconds",
			    VIEWER_TIMEOUT);
			goto fail;
		}
		fetch_cmd_io(&c);
		(void)poll(NULL, 0, 20);
	}
	if ((fail = fetch_cmd_failure(&c, why, sizeof(why))) != NULL) {
		err_set(err, ERR_IO, "%s", fail);
		fetch_cmd_close(&c);
		buf_free(&out);
		return (NULL);
	}
	fetch_cmd_close(&c);
	if (out.data == NULL)
		(void)buf_add(&out, "", 0);
	s = buf_detach(&out);
	buf_free(&out);
	return (s);
fail:
	fetch_cmd_kill(&c);
	buf_free(&out);
	return (NULL);
}

static char *
viewer_html(struct ui *ui, const char *html)
{
	struct err err = ERR_INIT;
	struct buf b;
	const char *p;
	char *raw, *clean, *s;

	if (internal(ui->cfg->html_renderer))
		return (NULL);
	if ((raw = run_renderer(ui->cfg->html_renderer, html, &err)) == NULL) {
		ui_set_status(ui, true, "html-renderer: %s; gazette's own "
		    "renderer used", err.msg);
		return (NULL);
	}
	/* Nothing of it reaches the terminal raw. */
	clean = text_sanitize(raw, TEXT_KEEP_NEWLINE | TEXT_KEEP_TAB);
	free(raw);
	/* As preformatted text: its lines and spaces are the layout. */
	buf_init(&b, HTML_MAX_INPUT);
	(void)buf_addstr(&b, "<pre>");
	for (p = clean; *p != '\0'; p++) {
		switch (*p) {
		case '<': (void)buf_addstr(&b, "&lt;"); break;
		case '>': (void)buf_addstr(&b, "&gt;"); break;
		case '&': (void)buf_addstr(&b, "&amp;"); break;
		default: (void)buf_addch(&b, *p); break;
		}
	}
	(void)buf_addstr(&b, "</pre>");
	free(clean);
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

/*
 * The renderer's text, then gazette's list of the article's links and
 * enclosures (the lines html_render adds for HTML_RENDER_LINK_LIST) and
 * the links themselves: show-urls, the digits and external-url-viewer
 * keep working.
 */
struct html_doc *
ui_viewer_doc(struct ui *ui, const char *html, const struct html_opts *opts)
{
	struct html_opts o = *opts;
	struct html_doc *doc, *body, *all;
	char *text;
	size_t i, from;

	if ((text = viewer_html(ui, html)) == NULL)
		return (NULL);
	o.flags &= ~HTML_RENDER_LINK_LIST;
	doc = html_render(text, strlen(text), &o);
	free(text);
	if (!(opts->flags & HTML_RENDER_LINK_LIST))
		return (doc);
	/* The list is what rendering with it adds to rendering without. */
	body = html_render(html, strlen(html), &o);
	all = html_render(html, strlen(html), opts);
	from = body->nlines;
	if (all->nlinks > 0 && all->nlines > from) {
		for (i = 0; i < doc->nlinks; i++) {
			free(doc->links[i]);
			free(doc->notes[i]);
		}
		free(doc->links);
		free(doc->notes);
		doc->links = all->links;
		doc->notes = all->notes;
		doc->nlinks = all->nlinks;
		all->links = all->notes = NULL;
		all->nlinks = 0;
		doc->lines = xreallocarray(doc->lines, doc->nlines +
		    (all->nlines - from), sizeof(*doc->lines));
		for (i = from; i < all->nlines; i++)
			doc->lines[doc->nlines++] = all->lines[i];
		all->nlines = from;
	}
	html_doc_free(body);
	html_doc_free(all);
	return (doc);
}
