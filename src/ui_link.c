/*
 * ui_link: handing a link to the browser (suspending the screen for a
 * text browser) and copying it to the clipboard with OSC 52.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "ui_int.h"

static void
suspend_terminal(void)
{
	def_prog_mode();
	endwin();
}

static void
resume_terminal(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/*
 * Run the commands of the plan in turn until one starts: a program that
 * cannot be executed, or a shell that could not find its command (127),
 * passes to the next, as the $BROWSER convention asks.
 */
void
ui_open_url(struct ui *ui, const char *url)
{
	struct browser_plan plan;
	struct browser_cmd *c;
	struct err err = ERR_INIT;
	bool text;
	size_t i;
	int rc = -1;

	if (browser_plan(&plan, ui->cfg->browser, getenv("BROWSER"), url,
	    &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	for (i = 0, c = plan.cmds; i < plan.n; i++, c++) {
		err_clear(&err);
		text = browser_is_text(c->name, ui->cfg->text_browsers);
		if (text)
			suspend_terminal();
		rc = browser_run(c->argv, text, &err);
		if (text)
			resume_terminal();
		if (rc != -1 && !(rc == 127 && text))
			break;
	}
	if (i == plan.n)
		i--, c--;
	if (rc == 127 && text)
		ui_set_status(ui, true, "%s: command not found", c->name);
	else if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc > 0)
		ui_set_status(ui, true, "%s exited with status %d", c->name,
		    rc);
	else
		ui_set_status(ui, false, "opened %s", url);
	browser_plan_free(&plan);
	ui->dirty = true;
}

static void
base64(const unsigned char *in, size_t len, struct buf *out)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v;
	size_t i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8 | in[i + 2];
		(void)buf_addch(out, tab[v >> 18 & 63]);
		(void)buf_addch(out, tab[v >> 12 & 63]);
		(void)buf_addch(out, tab[v >> 6 & 63]);
		(void)buf_addch(out, tab[v & 63]);
	}
	if (len - i == 1) {
		v = (unsigned)in[i] << 16;
		(void)buf_addch(out, tab[v >> 18 & 63]);
		(void)buf_addch(out, tab[v >> 12 & 63]);
		(void)buf_addstr(out, "==");
	} else if (len - i == 2) {
		v = (unsigned)in[i] << 16 | (unsigned)in[i + 1] << 8;
		(void)buf_addch(out, tab[v >> 18 & 63]);
		(void)buf_addch(out, tab[v >> 12 & 63]);
		(void)buf_addch(out, tab[v >> 6 & 63]);
		(void)buf_addch(out, '=');
	}
}

void
ui_copy_url(struct ui *ui, const char *url)
{
	struct buf seq;
	struct err err = ERR_INIT;
	size_t off, len;
	ssize_t n;

	if (!ui->cfg->osc52) {
		ui_set_status(ui, true, "copying is off (set osc52 yes)");
		return;
	}
	if (browser_check_url(url, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	/* Room for the whole URL, however long: a cut one is a wrong one. */
	len = strlen(url);
	buf_init(&seq, (len + 2) / 3 * 4 + 16);
	(void)buf_addstr(&seq, "\033]52;c;");
	base64((const unsigned char *)url, len, &seq);
	(void)buf_addstr(&seq, "\a");
	/* Straight to the terminal, between two curses updates. */
	fflush(stdout);
	for (off = 0; off < seq.len; off += (size_t)n) {
		n = write(STDOUT_FILENO, seq.data + off, seq.len - off);
		if (n <= 0 && errno != EINTR)
			break;
		if (n < 0)
			n = 0;
	}
	buf_free(&seq);
	ui_set_status(ui, false, "copied %s", url);
}
