/*
 * ui: terminal setup, the event loop, the view stack, the status line
 * and prompt, browser hand-off, OSC 52, and refreshes in a child process.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "store.h"
#include "text.h"
#include "ui.h"
#include "ui_int.h"
#include "xmalloc.h"

static volatile sig_atomic_t got_winch;
static volatile sig_atomic_t got_term;
static volatile sig_atomic_t got_chld;
static int sigpipe_fds[2] = { -1, -1 };

static void
on_signal(int sig)
{
	int saved = errno;
	char c = (char)sig;

	if (sig == SIGWINCH)
		got_winch = 1;
	else if (sig == SIGCHLD)
		got_chld = 1;
	else
		got_term = 1;
	if (sigpipe_fds[1] != -1)
		(void)write(sigpipe_fds[1], &c, 1);
	errno = saved;
}

static int
setup_signals(void)
{
	struct sigaction sa;

	if (pipe2(sigpipe_fds, O_CLOEXEC | O_NONBLOCK) == -1)
		return (-1);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_RESTART;
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	return (0);
}

static void
restore_signals(void)
{
	signal(SIGWINCH, SIG_DFL);
	signal(SIGCHLD, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (sigpipe_fds[0] != -1) {
		close(sigpipe_fds[0]);
		close(sigpipe_fds[1]);
		sigpipe_fds[0] = sigpipe_fds[1] = -1;
	}
}

/* Status line. */

void
ui_set_status(struct ui *ui, bool error, const char *fmt, ...)
{
	char raw[512], *clean;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	clean = text_sanitize(raw, 0);
	snprintf(ui->status, sizeof(ui->status), "%s", clean);
	free(clean);
	ui->status_error = error;
	ui->dirty = true;
}

/* Views. */

void
ui_push(struct ui *ui, struct ui_view *view)
{
	view->parent = ui->view;
	ui->view = view;
	ui->dirty = true;
}

void
ui_pop(struct ui *ui)
{
	struct ui_view *v = ui->view;

	if (v == NULL)
		return;
	ui->view = v->parent;
	v->ops->free(v);
	if (ui->view == NULL)
		ui->quit = true;
	else if (ui->view->ops->reload != NULL)
		ui->view->ops->reload(ui, ui->view);
	ui->dirty = true;
}

void
ui_reload_all(struct ui *ui)
{
	struct ui_view *v;

	for (v = ui->view; v != NULL; v = v->parent)
		if (v->ops->reload != NULL)
			v->ops->reload(ui, v);
	ui->dirty = true;
}

/* Drawing. */

void
ui_osc8_add(struct ui *ui, int y, int x, const char *text, size_t len,
    const char *url)
{
	struct err err = ERR_INIT;

	if (!ui->cfg->osc8_links || len == 0 || strlen(url) > 2000 ||
	    browser_check_url(url, &err) < 0)
		return;
	ui->osc8 = xreallocarray(ui->osc8, ui->nosc8 + 1, sizeof(*ui->osc8));
	ui->osc8[ui->nosc8].y = y;
	ui->osc8[ui->nosc8].x = x;
	ui->osc8[ui->nosc8].text = xstrndup(text, len);
	ui->osc8[ui->nosc8].url = xstrdup(url);
	ui->nosc8++;
}

static void
osc8_clear(struct ui *ui)
{
	size_t i;

	for (i = 0; i < ui->nosc8; i++) {
		free(ui->osc8[i].text);
		free(ui->osc8[i].url);
	}
	free(ui->osc8);
	ui->osc8 = NULL;
	ui->nosc8 = 0;
}

/*
 * curses knows nothing of OSC 8, so once the screen is up to date the
 * links are written again over themselves, wrapped in OSC 8 (underlined,
 * as drawn), and the cursor is put back where curses left it.  Text and
 * URL were sanitised; the URL was checked (no controls, http/https/file).
 */
static void
osc8_emit(struct ui *ui)
{
	struct buf b;
	size_t i, off;
	ssize_t n;
	int cy, cx;

	if (ui->nosc8 == 0)
		return;
	getyx(stdscr, cy, cx);
	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < ui->nosc8; i++)
		(void)buf_addf(&b, "\033[%d;%dH\033]8;;%s\033\\\033[0;4m%s"
		    "\033[0m\033]8;;\033\\", ui->osc8[i].y + 1,
		    ui->osc8[i].x + 1, ui->osc8[i].url, ui->osc8[i].text);
	(void)buf_addf(&b, "\033[%d;%dH", cy + 1, cx + 1);
	fflush(stdout);
	for (off = 0; off < b.len; off += (size_t)n) {
		n = write(STDOUT_FILENO, b.data + off, b.len - off);
		if (n <= 0 && errno != EINTR)
			break;
		if (n < 0)
			n = 0;
	}
	buf_free(&b);
}

attr_t
ui_attr(struct ui *ui, enum ui_role role)
{
	attr_t a = ui->attrs[role];

	if (ui->colour && ui->pairs[role] > 0)
		a |= COLOR_PAIR(ui->pairs[role]);
	return (a);
}

/* In a non-UTF-8 locale, show '?' for each non-ASCII character. */
static char *
asciify(const char *s)
{
	struct buf b;
	uint32_t cp;
	size_t n, len = strlen(s);
	char *out;

	buf_init(&b, BUF_CAP_TEXT);
	while (len > 0) {
		n = text_decode(s, len, &cp);
		(void)buf_addch(&b, cp < 0x80 ? (char)cp : '?');
		s += n;
		len -= n;
	}
	out = buf_detach(&b);
	buf_free(&b);
	return (out);
}

void
ui_addn(struct ui *ui, const char *s, size_t n, attr_t attr)
{
	char *tmp;

	if (n == 0)
		return;
	attrset(attr);
	if (ui->utf8)
		addnstr(s, (int)n);
	else {
		tmp = asciify(s);
		addnstr(tmp, (int)strlen(tmp) < (int)n ? (int)strlen(tmp) :
		    (int)n);
		free(tmp);
	}
	attrset(A_NORMAL);
}

void
ui_put(struct ui *ui, int y, int x, int width, const char *s,
    enum ui_role role)
{
	char *clean, *padded;

	if (x < 0 || x >= COLS || y < 0 || y >= LINES)
		return;
	if (width > COLS - x)
		width = COLS - x;	/* never wrap onto the next line */
	if (width <= 0)
		return;
	clean = text_sanitize(s != NULL ? s : "", 0);
	padded = text_pad(clean, (size_t)width, TEXT_ALIGN_LEFT);
	move(y, x);
	ui_addn(ui, padded, strlen(padded), ui_attr(ui, role));
	free(padded);
	free(clean);
}

/* The format is the user's datetime-format setting, on purpose. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
void
ui_date(struct ui *ui, int64_t t, char *out, size_t size)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (t == ITEM_NO_DATE || localtime_r(&tt, &tm) == NULL ||
	    strftime(out, size, ui->cfg->datetime_format, &tm) == 0)
		snprintf(out, size, "%s", "");
}
#pragma GCC diagnostic pop

int
ui_body_rows(struct ui *ui)
{
	int rows = LINES - 2 - (ui->cfg->show_keymap_hint ? 1 : 0);

	return (rows < 1 ? 1 : rows);
}

static void
draw_hint(struct ui *ui, int y)
{
	static const enum keymap_action hints[] = {
		KEYMAP_QUIT, KEYMAP_OPEN, KEYMAP_RELOAD, KEYMAP_RELOAD_ALL,
		KEYMAP_MARK_FEED_READ, KEYMAP_SEARCH, KEYMAP_HELP
	};
	static const char *const labels[] = {
		"Quit", "Open", "Reload", "Reload All", "Mark Read",
		"Search", "Help"
	};
	struct buf b, k;
	size_t i;

	buf_init(&b, 4096);
	buf_init(&k, 256);
	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		buf_reset(&k);
		if (keymap_keys_for(&ui->cfg->keymap, ui->view->ops->ctx,
		    hints[i], &k) == 0)
			continue;
		/* Only the first key of each. */
		k.len = strcspn(buf_str(&k), ",");
		k.data[k.len] = '\0';
		(void)buf_addf(&b, "%s:%s  ", buf_str(&k), labels[i]);
	}
	ui_put(ui, y, 0, COLS, buf_str(&b), UI_HINT);
	buf_free(&k);
	buf_free(&b);
}

static void
draw_prompt(struct ui *ui, int y)
{
	struct buf b;
	char enc[4];
	size_t i, lw, before = 0, start = 0, avail;
	int cx;

	lw = text_width(ui->prompt_label);
	avail = (size_t)COLS > lw + 1 ? (size_t)COLS - lw - 1 : 1;
	/* Scroll the text so the cursor stays visible. */
	for (i = 0; i < ui->pcursor; i++)
		before += (size_t)text_cp_width(ui->ptext[i]);
	while (before >= avail && start < ui->pcursor) {
		before -= (size_t)text_cp_width(ui->ptext[start]);
		start++;
	}
	buf_init(&b, BUF_CAP_TEXT);
	for (i = start; i < ui->plen; i++)
		(void)buf_add(&b, enc, text_encode(ui->ptext[i], enc));
	move(y, 0);
	clrtoeol();
	ui_put(ui, y, 0, (int)lw, ui->prompt_label, UI_NORMAL);
	ui_put(ui, y, (int)lw, COLS - (int)lw, buf_str(&b), UI_NORMAL);
	buf_free(&b);
	cx = (int)(lw + before);
	move(y, cx < COLS ? cx : COLS - 1);
}

static void
draw(struct ui *ui)
{
	struct buf t;
	int rows, y;

	erase();
	osc8_clear(ui);
	if (LINES < 3 || COLS < 10) {
		ui_put(ui, 0, 0, COLS, "window too small", UI_NORMAL);
		refresh();
		return;
	}
	buf_init(&t, 4096);
	(void)buf_addf(&t, "gazette %s - ", PACKAGE_VERSION);
	ui->view->ops->title(ui, ui->view, &t);
	ui_put(ui, 0, 0, COLS, buf_str(&t), UI_TITLE);
	buf_free(&t);
	rows = ui_body_rows(ui);
	ui->view->ops->draw(ui, ui->view, 1, rows);
	y = 1 + rows;
	if (ui->cfg->show_keymap_hint && y < LINES - 1)
		draw_hint(ui, y++);
	if (ui->prompting) {
		curs_set(1);
		draw_prompt(ui, LINES - 1);
	} else {
		curs_set(0);
		if (ui->has_count)
			ui_put(ui, LINES - 1, 0, COLS, "", UI_INFO);
		ui_put(ui, LINES - 1, 0, COLS, ui->status,
		    ui->status_error ? UI_ERROR : UI_INFO);
		if (ui->has_count) {
			char c[32];

			snprintf(c, sizeof(c), "%ld", ui->count);
			ui_put(ui, LINES - 1, COLS - 12 > 0 ? COLS - 12 : 0,
			    12, c, UI_INFO);
		}
		move(LINES - 1, COLS - 1);
	}
	refresh();
	osc8_emit(ui);
	ui->dirty = false;
}

/* Colours and attributes: nothing depends on colour. */
static void
setup_roles(struct ui *ui)
{
	static const struct {
		enum ui_role		role;
		enum conf_element	el;
		attr_t			def;
	} roles[] = {
		{ UI_NORMAL, CONF_EL_LISTNORMAL, A_NORMAL },
		{ UI_FOCUS, CONF_EL_LISTFOCUS, A_REVERSE },
		{ UI_UNREAD, CONF_EL_LISTNORMAL_UNREAD, A_BOLD },
		{ UI_FOCUS_UNREAD, CONF_EL_LISTFOCUS_UNREAD, A_REVERSE | A_BOLD },
		{ UI_INFO, CONF_EL_INFO, A_REVERSE },
		{ UI_TITLE, CONF_EL_TITLE, A_REVERSE | A_BOLD },
		{ UI_HINT, CONF_EL_HINT, A_NORMAL },
		{ UI_ARTICLE, CONF_EL_ARTICLE, A_NORMAL },
		{ UI_MATCH, CONF_EL_MATCH, A_REVERSE | A_UNDERLINE },
		{ UI_ERROR, CONF_EL_ERROR, A_REVERSE | A_BOLD },
	};
	static const struct {
		unsigned	bit;
		attr_t		attr;
	} bits[] = {
		{ CONF_ATTR_BOLD, A_BOLD },
		{ CONF_ATTR_UNDERLINE, A_UNDERLINE },
		{ CONF_ATTR_REVERSE, A_REVERSE },
		{ CONF_ATTR_STANDOUT, A_STANDOUT },
		{ CONF_ATTR_BLINK, A_BLINK },
		{ CONF_ATTR_DIM, A_DIM },
		{ CONF_ATTR_INVIS, A_INVIS },
		{ CONF_ATTR_PROTECT, A_PROTECT },
	};
	const char *nc = getenv("NO_COLOR");
	const struct conf_color *c;
	size_t i, j;
	short pair = 0;
	int fg, bg;

	ui->colour = (nc == NULL || nc[0] == '\0') && has_colors();
	if (ui->colour) {
		start_color();
		use_default_colors();
	}
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		c = &ui->cfg->colors[roles[i].el];
		/* newsboat: the _unread elements fall back on the plain
		 * ones, in bold. */
		if (!c->set && roles[i].el == CONF_EL_LISTFOCUS_UNREAD)
			c = &ui->cfg->colors[CONF_EL_LISTFOCUS];
		if (!c->set && roles[i].el == CONF_EL_LISTNORMAL_UNREAD)
			c = &ui->cfg->colors[CONF_EL_LISTNORMAL];
		ui->attrs[roles[i].role] = roles[i].def;
		ui->pairs[roles[i].role] = 0;
		if (!c->set)
			continue;
		if (c->attrs != 0 || !ui->colour) {
			/* Attributes replace the default ones; without
			 * colour, keep the defaults if none were given. */
			if (c->attrs != 0)
				ui->attrs[roles[i].role] = 0;
			for (j = 0; j < sizeof(bits) / sizeof(bits[0]); j++)
				if (c->attrs & bits[j].bit)
					ui->attrs[roles[i].role] |= bits[j].attr;
		} else
			ui->attrs[roles[i].role] = A_NORMAL;
		if (roles[i].role == UI_UNREAD ||
		    roles[i].role == UI_FOCUS_UNREAD)
			ui->attrs[roles[i].role] |= A_BOLD;
		if (!ui->colour)
			continue;
		fg = c->fg < COLORS ? c->fg : -1;
		bg = c->bg < COLORS ? c->bg : -1;
		if (pair + 1 < COLOR_PAIRS) {
			pair++;
			init_pair(pair, (short)fg, (short)bg);
			ui->pairs[roles[i].role] = pair;
		}
	}
}

/* Prompt. */

void
ui_history_add(struct ui_history *h, const char *line)
{
	if (line[0] == '\0')
		return;
	if (h->n > 0 && strcmp(h->lines[h->n - 1], line) == 0)
		return;
	if (h->n == 100) {
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
prompt_set_text(struct ui *ui, const char *s)
{
	size_t len = strlen(s), n;
	uint32_t cp;

	ui->plen = ui->pcursor = 0;
	while (len > 0) {
		n = text_decode(s, len, &cp);
		s += n;
		len -= n;
		if (cp < 0x20 || cp == 0x7f)
			continue;
		if (ui->plen == ui->pcap) {
			ui->pcap = ui->pcap == 0 ? 64 : ui->pcap * 2;
			ui->ptext = xreallocarray(ui->ptext, ui->pcap,
			    sizeof(*ui->ptext));
		}
		ui->ptext[ui->plen++] = cp;
	}
	ui->pcursor = ui->plen;
}

static char *
prompt_get_text(struct ui *ui)
{
	struct buf b;
	char enc[4], *s;
	size_t i;

	buf_init(&b, BUF_CAP_TEXT);
	for (i = 0; i < ui->plen; i++)
		(void)buf_add(&b, enc, text_encode(ui->ptext[i], enc));
	s = buf_detach(&b);
	buf_free(&b);
	return (s);
}

void
ui_prompt(struct ui *ui, const char *label, struct ui_history *h,
    const char *initial, ui_prompt_fn fn, void *arg)
{
	snprintf(ui->prompt_label, sizeof(ui->prompt_label), "%s", label);
	ui->prompting = true;
	ui->phist = h;
	ui->phist_at = h != NULL ? h->n : 0;
	ui->pfn = fn;
	ui->parg = arg;
	prompt_set_text(ui, initial != NULL ? initial : "");
	ui->dirty = true;
}

static void
prompt_key(struct ui *ui, int key)
{
	ui_prompt_fn fn;
	void *arg;
	char *text;
	size_t i;

	switch (key) {
	case KEYMAP_KEY_ENTER:
		text = prompt_get_text(ui);
		ui->prompting = false;
		fn = ui->pfn;
		arg = ui->parg;
		if (ui->phist != NULL)
			ui_history_add(ui->phist, text);
		ui->status[0] = '\0';
		fn(ui, text, arg);
		free(text);
		break;
	case KEYMAP_KEY_ESC:
	case KEYMAP_CTRL('G'):
	case KEYMAP_CTRL('C'):
		ui->prompting = false;
		ui->status[0] = '\0';
		break;
	case KEYMAP_KEY_LEFT:
	case KEYMAP_CTRL('B'):
		if (ui->pcursor > 0)
			ui->pcursor--;
		break;
	case KEYMAP_KEY_RIGHT:
	case KEYMAP_CTRL('F'):
		if (ui->pcursor < ui->plen)
			ui->pcursor++;
		break;
	case KEYMAP_KEY_HOME:
	case KEYMAP_CTRL('A'):
		ui->pcursor = 0;
		break;
	case KEYMAP_KEY_END:
	case KEYMAP_CTRL('E'):
		ui->pcursor = ui->plen;
		break;
	case KEYMAP_KEY_BACKSPACE:
	case KEYMAP_CTRL('H'):
		if (ui->pcursor == 0)
			break;
		memmove(ui->ptext + ui->pcursor - 1, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->pcursor--;
		ui->plen--;
		break;
	case KEYMAP_KEY_DELETE:
	case KEYMAP_CTRL('D'):
		if (ui->pcursor == ui->plen)
			break;
		memmove(ui->ptext + ui->pcursor, ui->ptext + ui->pcursor + 1,
		    (ui->plen - ui->pcursor - 1) * sizeof(*ui->ptext));
		ui->plen--;
		break;
	case KEYMAP_CTRL('U'):
		memmove(ui->ptext, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->plen -= ui->pcursor;
		ui->pcursor = 0;
		break;
	case KEYMAP_CTRL('K'):
		ui->plen = ui->pcursor;
		break;
	case KEYMAP_CTRL('W'):
		i = ui->pcursor;
		while (i > 0 && ui->ptext[i - 1] == ' ')
			i--;
		while (i > 0 && ui->ptext[i - 1] != ' ')
			i--;
		memmove(ui->ptext + i, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->plen -= ui->pcursor - i;
		ui->pcursor = i;
		break;
	case KEYMAP_KEY_UP:
	case KEYMAP_CTRL('P'):
		if (ui->phist != NULL && ui->phist_at > 0) {
			ui->phist_at--;
			prompt_set_text(ui, ui->phist->lines[ui->phist_at]);
		}
		break;
	case KEYMAP_KEY_DOWN:
	case KEYMAP_CTRL('N'):
		if (ui->phist != NULL && ui->phist_at < ui->phist->n) {
			ui->phist_at++;
			prompt_set_text(ui, ui->phist_at < ui->phist->n ?
			    ui->phist->lines[ui->phist_at] : "");
		}
		break;
	default:
		if (key < 0x20 || key == 0x7f || key >= KEYMAP_KEY_BASE ||
		    (key >= 0x80 && key < 0xa0) || ui->plen >= 1024)
			break;
		if (ui->plen == ui->pcap) {
			ui->pcap = ui->pcap == 0 ? 64 : ui->pcap * 2;
			ui->ptext = xreallocarray(ui->ptext, ui->pcap,
			    sizeof(*ui->ptext));
		}
		memmove(ui->ptext + ui->pcursor + 1, ui->ptext + ui->pcursor,
		    (ui->plen - ui->pcursor) * sizeof(*ui->ptext));
		ui->ptext[ui->pcursor++] = (uint32_t)key;
		ui->plen++;
		break;
	}
	ui->dirty = true;
}

/* The browser and the clipboard. */

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

void
ui_open_url(struct ui *ui, const char *url)
{
	struct err err = ERR_INIT;
	char **argv;
	bool text;
	int rc;

	if ((argv = browser_argv(ui->cfg->browser, url, &err)) == NULL) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	text = browser_is_text(argv[0], ui->cfg->text_browsers);
	if (text)
		suspend_terminal();
	rc = browser_run(argv, text, &err);
	if (text)
		resume_terminal();
	if (rc < 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (rc > 0)
		ui_set_status(ui, true, "%s exited with status %d", argv[0],
		    rc);
	else
		ui_set_status(ui, false, "opened %s", url);
	browser_argv_free(argv);
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
	size_t off;
	ssize_t n;

	if (!ui->cfg->osc52) {
		ui_set_status(ui, true, "copying is off (set osc52 yes)");
		return;
	}
	if (browser_check_url(url, &err) < 0) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	buf_init(&seq, BUF_CAP_URL * 2);
	(void)buf_addstr(&seq, "\033]52;c;");
	base64((const unsigned char *)url, strlen(url), &seq);
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

/* Refreshing in a child process. */

static char *
feed_line_urls(struct ui *ui, const char *feed_url)
{
	const char *tmp = getenv("TMPDIR");
	char path[4096];
	FILE *in, *out;
	char *line = NULL;
	size_t cap = 0, ulen = strlen(feed_url);
	bool found = false;
	int fd;

	snprintf(path, sizeof(path), "%s/gazette-urls-XXXXXX",
	    tmp != NULL && tmp[0] == '/' ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		return (NULL);
	if ((out = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(path);
		return (NULL);
	}
	/* Keep the feed's own line: its tags and "~Title" go with it. */
	if ((in = fopen(ui->urls_path, "r")) != NULL) {
		while (!found && getline(&line, &cap, in) != -1) {
			if (strncmp(line, feed_url, ulen) == 0 &&
			    (line[ulen] == ' ' || line[ulen] == '\t' ||
			    line[ulen] == '\n' || line[ulen] == '\0')) {
				fputs(line, out);
				found = true;
			}
		}
		fclose(in);
	}
	free(line);
	if (!found)
		fprintf(out, "%s\n", feed_url);
	if (fclose(out) != 0) {
		unlink(path);
		return (NULL);
	}
	return (xstrdup(path));
}

void
ui_refresh_start(struct ui *ui, const char *feed_url)
{
	char *argv[12];
	int errpipe[2], null, i = 0;
	pid_t pid;

	if (ui->refresh_pid > 0) {
		ui_set_status(ui, false, "a refresh is already running");
		return;
	}
	if (ui->urls_path == NULL) {
		ui_set_status(ui, true, "no urls file to refresh from");
		return;
	}
	if (feed_url != NULL &&
	    (ui->refresh_urls = feed_line_urls(ui, feed_url)) == NULL) {
		ui_set_status(ui, true, "cannot write a temporary file");
		return;
	}
	if (pipe2(errpipe, O_CLOEXEC) == -1) {
		ui_set_status(ui, true, "pipe: %s", strerror(errno));
		return;
	}
	argv[i++] = (char *)"gazette";
	argv[i++] = (char *)"-u";
	argv[i++] = ui->refresh_urls != NULL ? ui->refresh_urls :
	    (char *)ui->urls_path;
	argv[i++] = (char *)"-d";
	argv[i++] = (char *)ui->db_path;
	argv[i++] = (char *)"refresh";
	if (feed_url != NULL)
		argv[i++] = (char *)"--force";
	argv[i] = NULL;
	if ((pid = fork()) == -1) {
		close(errpipe[0]);
		close(errpipe[1]);
		ui_set_status(ui, true, "fork: %s", strerror(errno));
		return;
	}
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		signal(SIGINT, SIG_IGN);	/* ^C is for the interface */
		if ((null = open("/dev/null", O_RDWR)) != -1) {
			dup2(null, 0);
			dup2(null, 1);
		}
		dup2(errpipe[1], 2);
		execv("/proc/self/exe", argv);
		execvp("gazette", argv);	/* no /proc: the one in PATH */
		_exit(127);
	}
	close(errpipe[1]);
	(void)fcntl(errpipe[0], F_SETFL, O_NONBLOCK);
	ui->refresh_pid = pid;
	ui->refresh_fd = errpipe[0];
	ui->refresh_started = (int64_t)time(NULL);
	buf_reset(&ui->refresh_out);
	ui_set_status(ui, false, "refreshing %s...",
	    feed_url != NULL ? "the feed" : "every feed");
}

static void
refresh_read(struct ui *ui)
{
	char chunk[1024];
	ssize_t n;

	if (ui->refresh_fd == -1)
		return;
	while ((n = read(ui->refresh_fd, chunk, sizeof(chunk))) > 0)
		(void)buf_add(&ui->refresh_out, chunk, (size_t)n);
	if (n == 0) {
		close(ui->refresh_fd);
		ui->refresh_fd = -1;
	}
}

/* Did the refresh child end?  Report its last line. */
static void
refresh_reap(struct ui *ui)
{
	const char *out, *last, *p;
	char line[400];
	int status;
	pid_t r;

	if (ui->refresh_pid <= 0)
		return;
	r = waitpid(ui->refresh_pid, &status, WNOHANG);
	if (r == 0 || (r == -1 && errno == EINTR))
		return;
	ui->refresh_pid = 0;
	refresh_read(ui);
	if (ui->refresh_fd != -1) {
		close(ui->refresh_fd);
		ui->refresh_fd = -1;
	}
	if (ui->refresh_urls != NULL) {
		unlink(ui->refresh_urls);
		free(ui->refresh_urls);
		ui->refresh_urls = NULL;
	}
	/* The summary is the last non-empty line of its stderr. */
	out = buf_str(&ui->refresh_out);
	last = out;
	for (p = out; *p != '\0'; p++)
		if (*p == '\n' && p[1] != '\0' && p[1] != '\n')
			last = p + 1;
	snprintf(line, sizeof(line), "%.*s", (int)strcspn(last, "\n"), last);
	if (r == -1 || !WIFEXITED(status))
		ui_set_status(ui, true, "refresh failed");
	else if (WEXITSTATUS(status) == 3)
		ui_set_status(ui, true, "another refresh is running");
	else if (WEXITSTATUS(status) != 0)
		ui_set_status(ui, true, "refresh: %s", line[0] != '\0' ? line :
		    "failed");
	else
		ui_set_status(ui, false, "%s", line[0] != '\0' ? line :
		    "refresh done");
	ui_reload_all(ui);
}

static void
refresh_progress(struct ui *ui)
{
	struct store_feed_list l = { NULL, 0 };
	struct err err = ERR_INIT;
	size_t i, done = 0;

	if (ui->refresh_pid <= 0 ||
	    store_feeds_list(ui->store, &l, &err) < 0)
		return;
	for (i = 0; i < l.n; i++)
		if (l.feeds[i].last_fetch >= ui->refresh_started)
			done++;
	if (ui->refresh_urls == NULL)
		ui_set_status(ui, false, "refreshing: %zu of %zu feeds done",
		    done, l.n);
	store_feed_list_free(&l);
}

/* Input. */

static int
translate_key(int ret, wint_t wc)
{
	if (ret == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return (KEYMAP_KEY_UP);
		case KEY_DOWN: return (KEYMAP_KEY_DOWN);
		case KEY_LEFT: return (KEYMAP_KEY_LEFT);
		case KEY_RIGHT: return (KEYMAP_KEY_RIGHT);
		case KEY_PPAGE: return (KEYMAP_KEY_PPAGE);
		case KEY_NPAGE: return (KEYMAP_KEY_NPAGE);
		case KEY_HOME: return (KEYMAP_KEY_HOME);
		case KEY_END: return (KEYMAP_KEY_END);
		case KEY_ENTER: return (KEYMAP_KEY_ENTER);
		case KEY_BACKSPACE: return (KEYMAP_KEY_BACKSPACE);
		case KEY_DC: return (KEYMAP_KEY_DELETE);
		case KEY_IC: return (KEYMAP_KEY_INSERT);
		case KEY_RESIZE: return (-2);
		default:
			if (wc >= KEY_F(1) && wc <= KEY_F(12))
				return (KEYMAP_KEY_F((int)(wc - KEY_F0)));
			return (-1);
		}
	}
	if (wc == '\r' || wc == '\n')
		return (KEYMAP_KEY_ENTER);
	if (wc == 0x7f || wc == 0x08)
		return (KEYMAP_KEY_BACKSPACE);
	return ((int)wc);
}

static bool
article_matches_active(struct ui *ui)
{
	return (ui->view->ops->has_matches != NULL &&
	    ui->view->ops->has_matches(ui->view));
}

static void
handle_key(struct ui *ui, int key)
{
	enum keymap_action a;
	struct ui_view *v = ui->view;
	long count;

	if (ui->prompting) {
		prompt_key(ui, key);
		return;
	}
	if (key >= '0' && key <= '9') {
		if (v->ops->digit != NULL && !ui->has_count) {
			/* Article view: 1-9 and 0 open links 1-10. */
			ui->status[0] = '\0';
			(void)v->ops->digit(ui, v, key == '0' ? 10 :
			    key - '0');
			ui->dirty = true;
			return;
		}
		if (ui->count < 100000000)
			ui->count = ui->count * 10 + (key - '0');
		ui->has_count = true;
		ui->dirty = true;
		return;
	}
	if (key == KEYMAP_KEY_ESC && ui->has_count) {
		ui->count = 0;
		ui->has_count = false;
		ui->dirty = true;
		return;
	}
	a = keymap_lookup(&ui->cfg->keymap, v->ops->ctx, key);
	/* In an article found by search, n/N walk the matches. */
	if (article_matches_active(ui)) {
		if (a == KEYMAP_NEXT_UNREAD)
			a = KEYMAP_NEXT_MATCH;
		else if (a == KEYMAP_TOGGLE_READ)
			a = KEYMAP_PREV_MATCH;
	}
	count = ui->has_count ? ui->count : 0;
	ui->count = 0;
	ui->has_count = false;
	ui->status[0] = '\0';
	ui->status_error = false;
	ui->dirty = true;
	switch (a) {
	case KEYMAP_NONE:
		if (key != KEYMAP_KEY_ESC) {
			struct buf k;

			buf_init(&k, 64);
			keymap_key_name(key, &k);
			ui_set_status(ui, false, "%s: not bound here "
			    "(? lists the keys)", buf_str(&k));
			buf_free(&k);
		}
		return;
	case KEYMAP_HARD_QUIT:
		ui->quit = true;
		return;
	case KEYMAP_REDRAW:
		clearok(curscr, TRUE);
		return;
	case KEYMAP_HELP:
		if (v->ops->ctx != KEYMAP_CTX_HELP)
			ui_push(ui, ui_help_new(ui, v->ops->ctx));
		return;
	case KEYMAP_RELOAD_ALL:
		ui_refresh_start(ui, NULL);
		return;
	default:
		break;
	}
	if (v->ops->action(ui, v, a, count))
		return;
	switch (a) {
	case KEYMAP_QUIT:
		ui_pop(ui);
		break;
	case KEYMAP_SEARCH:
		ui_search_start(ui, 0, NULL);
		break;
	case KEYMAP_COPY_URL:
		if (v->ops->link != NULL && v->ops->link(ui, v) != NULL)
			ui_copy_url(ui, v->ops->link(ui, v));
		else
			ui_set_status(ui, true, "no link here");
		break;
	case KEYMAP_TOGGLE_READ_FEEDS:
		ui->show_read_feeds = !ui->show_read_feeds;
		ui_reload_all(ui);
		ui_set_status(ui, false, "%s read feeds",
		    ui->show_read_feeds ? "showing" : "hiding");
		break;
	case KEYMAP_TOGGLE_READ_ITEMS:
		ui->show_read_items = !ui->show_read_items;
		ui_reload_all(ui);
		ui_set_status(ui, false, "%s read articles",
		    ui->show_read_items ? "showing" : "hiding");
		break;
	case KEYMAP_MARK_ALL_READ:
	case KEYMAP_SET_TAG:
	case KEYMAP_CLEAR_TAG:
		/* The feed list knows these; elsewhere, go there first. */
		ui_set_status(ui, false, "%s: in the feed list",
		    keymap_action_name(a));
		break;
	default:
		ui_set_status(ui, false, "%s: not available here",
		    keymap_action_name(a));
		break;
	}
}

static void
read_keys(struct ui *ui)
{
	wint_t wc;
	int ret, key;

	while (!ui->quit && (ret = get_wch(&wc)) != ERR) {
		key = translate_key(ret, wc);
		if (key == -2) {
			got_winch = 1;
			continue;
		}
		if (key < 0)
			continue;
		handle_key(ui, key);
	}
}

static void
resize(struct ui *ui)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	ui_reload_all(ui);
}

static void
check_data_version(struct ui *ui)
{
	int64_t v = store_data_version(ui->store);

	if (v != ui->data_version) {
		ui->data_version = v;
		ui_reload_all(ui);
		refresh_progress(ui);
	}
}

int
ui_run(const struct ui_opts *opts)
{
	struct ui ui;
	struct pollfd pfd[3];
	const char *s;
	char drain[64];
	int nfds, timeout;

	memset(&ui, 0, sizeof(ui));
	ui.cfg = opts->cfg;
	ui.store = opts->store;
	ui.urls_path = opts->urls_path;
	ui.db_path = opts->db_path;
	ui.config_path = opts->config_path;
	ui.show_read_feeds = ui.cfg->show_read_feeds;
	ui.show_read_items = ui.cfg->show_read_articles;
	ui.refresh_fd = -1;
	buf_init(&ui.refresh_out, 64 * 1024);
	s = nl_langinfo(CODESET);
	ui.utf8 = s != NULL && (strcmp(s, "UTF-8") == 0 ||
	    strcmp(s, "utf8") == 0);
	s = getenv("GAZETTE_EXIT_AFTER_DRAW");
	ui.exit_after_draw = s != NULL && s[0] == '1';
	if (setup_signals() < 0)
		return (-1);
	if (initscr() == NULL) {
		restore_signals();
		return (-1);
	}
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	setup_roles(&ui);
	ui.data_version = store_data_version(ui.store);
	ui_push(&ui, ui_feeds_new(&ui));
	if (opts->message != NULL)
		ui_set_status(&ui, true, "%s", opts->message);
	if (ui.cfg->refresh_on_startup && !ui.exit_after_draw)
		ui_refresh_start(&ui, NULL);
	ui.dirty = true;
	while (!ui.quit && !got_term) {
		if (got_winch) {
			got_winch = 0;
			resize(&ui);
		}
		if (got_chld) {
			got_chld = 0;
			refresh_reap(&ui);
		}
		if (ui.dirty && ui.view != NULL)
			draw(&ui);
		if (ui.exit_after_draw)
			break;
		pfd[0].fd = STDIN_FILENO;
		pfd[0].events = POLLIN;
		pfd[1].fd = sigpipe_fds[0];
		pfd[1].events = POLLIN;
		nfds = 2;
		if (ui.refresh_fd != -1) {
			pfd[2].fd = ui.refresh_fd;
			pfd[2].events = POLLIN;
			nfds = 3;
		}
		/* Wake now and then to notice outside writes. */
		timeout = ui.refresh_pid > 0 ? 250 : 1000;
		if (poll(pfd, (nfds_t)nfds, timeout) == -1 && errno != EINTR)
			break;
		if (pfd[1].revents & POLLIN)
			while (read(sigpipe_fds[0], drain, sizeof(drain)) > 0)
				continue;
		if (nfds == 3 && (pfd[2].revents & (POLLIN | POLLHUP)))
			refresh_read(&ui);
		if (pfd[0].revents & (POLLHUP | POLLERR))
			break;
		if (pfd[0].revents & POLLIN)
			read_keys(&ui);
		if (ui.quit)
			break;
		if (ui.refresh_pid > 0)
			refresh_reap(&ui);
		check_data_version(&ui);
	}
	while (ui.view != NULL) {
		struct ui_view *v = ui.view;

		ui.view = v->parent;
		v->ops->free(v);
	}
	endwin();
	if (ui.refresh_pid > 0) {
		/* Let the refresh finish on its own: it holds the lock and
		 * commits one feed at a time. */
		if (ui.refresh_fd != -1)
			close(ui.refresh_fd);
	}
	if (ui.refresh_urls != NULL && ui.refresh_pid <= 0) {
		unlink(ui.refresh_urls);
		free(ui.refresh_urls);
	}
	restore_signals();
	buf_free(&ui.refresh_out);
	ui_history_free(&ui.search_history);
	ui_history_free(&ui.tag_history);
	ui_history_free(&ui.number_history);
	free(ui.ptext);
	free(ui.tag);
	free(ui.search_feed_title);
	osc8_clear(&ui);
	return (0);
}
