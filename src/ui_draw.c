/*
 * ui_draw: drawing the screen (title, body, key hints, status line or
 * prompt), the drawing primitives the views use, OSC 8 hyperlinks and
 * the colour and attribute roles.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "browser.h"
#include "buf.h"
#include "item.h"
#include "text.h"
#include "ui_int.h"
#include "xmalloc.h"

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

void
ui_osc8_clear(struct ui *ui)
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
	int rows = LINES - 1 - (ui->cfg->show_title_bar ? 1 : 0) -
	    (ui->cfg->show_keymap_hint ? 1 : 0);

	return (rows < 1 ? 1 : rows);
}

/*
 * The rows of the title line and the hints (-1 when not shown) and the
 * first row of the body: show-title-bar, show-keymap-hint and
 * swap-title-and-hints.
 */
static void
layout(struct ui *ui, int rows, int *title_y, int *hint_y, int *top)
{
	bool title = ui->cfg->show_title_bar, hint = ui->cfg->show_keymap_hint;
	bool swap = ui->cfg->swap_title_and_hints;

	*top = (swap ? hint : title) ? 1 : 0;
	*title_y = !title ? -1 : swap ? *top + rows : 0;
	*hint_y = !hint ? -1 : swap ? 0 : *top + rows;
	if (*title_y >= LINES - 1)
		*title_y = -1;
	if (*hint_y >= LINES - 1)
		*hint_y = -1;
}

/* Draw s at (y, x) if it fits; the column after it. */
static int
hint_part(struct ui *ui, int y, int x, const char *s, enum ui_role role)
{
	int w = (int)text_width(s);

	if (x >= COLS)
		return (x);
	ui_put(ui, y, x, w < COLS - x ? w : COLS - x, s, role);
	return (x + w);
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
	struct buf k;
	size_t i;
	int x = 0;

	/* Key, delimiter, description, separator: each its own colour. */
	ui_put(ui, y, 0, COLS, "", UI_HINT);
	buf_init(&k, 256);
	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		buf_reset(&k);
		if (keymap_keys_for(&ui->cfg->keymap, ui->view->ops->ctx,
		    hints[i], &k) == 0)
			continue;
		/* Only the first key of each. */
		k.len = strcspn(buf_str(&k), ",");
		k.data[k.len] = '\0';
		x = hint_part(ui, y, x, buf_str(&k), UI_HINT_KEY);
		x = hint_part(ui, y, x, ":", UI_HINT_DELIM);
		x = hint_part(ui, y, x, labels[i], UI_HINT_DESC);
		x = hint_part(ui, y, x, "  ", UI_HINT_SEP);
	}
	buf_free(&k);
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

void
ui_draw(struct ui *ui)
{
	struct buf t;
	int rows, top, title_y, hint_y;

	erase();
	ui_osc8_clear(ui);
	if (LINES < 3 || COLS < 10) {
		ui_put(ui, 0, 0, COLS, "window too small", UI_NORMAL);
		refresh();
		ui->dirty = false;
		return;
	}
	/*
	 * No cap: a title quotes feed text of any length (a 10,000-character
	 * title), which a capped buffer would drop whole; ui_put cuts it to
	 * the screen by display width.
	 */
	buf_init(&t, SIZE_MAX);
	ui_title_line(ui, &t);
	rows = ui_body_rows(ui);
	/* The title above the body and the hints below it, or the other
	   way round (swap-title-and-hints); either may be off. */
	layout(ui, rows, &title_y, &hint_y, &top);
	if (title_y >= 0)
		ui_put(ui, title_y, 0, COLS, buf_str(&t), UI_TITLE);
	buf_free(&t);
	ui->view->ops->draw(ui, ui->view, top, rows);
	if (hint_y >= 0)
		draw_hint(ui, hint_y);
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

/* The curses attributes of a config line's CONF_ATTR_* bits. */
attr_t
ui_conf_attrs(unsigned attrs)
{
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
	attr_t a = A_NORMAL;
	size_t j;

	for (j = 0; j < sizeof(bits) / sizeof(bits[0]); j++)
		if (attrs & bits[j].bit)
			a |= bits[j].attr;
	return (a);
}

/* Colours and attributes: nothing depends on colour. */
void
ui_setup_roles(struct ui *ui)
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
		{ UI_END_OF_TEXT, CONF_EL_END_OF_TEXT, A_NORMAL },
		{ UI_HINT_KEY, CONF_EL_HINT_KEY, A_NORMAL },
		{ UI_HINT_DELIM, CONF_EL_HINT_KEYS_DELIMITER, A_NORMAL },
		{ UI_HINT_SEP, CONF_EL_HINT_SEPARATOR, A_NORMAL },
		{ UI_HINT_DESC, CONF_EL_HINT_DESCRIPTION, A_NORMAL },
	};
	const char *nc = getenv("NO_COLOR");
	const struct conf_color *c;
	size_t i;
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
		/* The parts of the hint line fall back on hint; the filler
		 * lines on article. */
		if (!c->set && roles[i].role >= UI_HINT_KEY &&
		    roles[i].role <= UI_HINT_DESC)
			c = &ui->cfg->colors[CONF_EL_HINT];
		if (!c->set && roles[i].el == CONF_EL_END_OF_TEXT)
			c = &ui->cfg->colors[CONF_EL_ARTICLE];
		ui->attrs[roles[i].role] = roles[i].def;
		ui->pairs[roles[i].role] = 0;
		if (!c->set)
			continue;
		if (c->attrs != 0 || !ui->colour) {
			/* Attributes replace the default ones; without
			 * colour, keep the defaults if none were given. */
			if (c->attrs != 0)
				ui->attrs[roles[i].role] = 0;
			ui->attrs[roles[i].role] |= ui_conf_attrs(c->attrs);
		} else
			ui->attrs[roles[i].role] = A_NORMAL;
		if (roles[i].role == UI_UNREAD ||
		    roles[i].role == UI_FOCUS_UNREAD)
			ui->attrs[roles[i].role] |= A_BOLD;
		/* Without colour only reverse video shows where the focus
		 * is, whatever the configured attributes say. */
		if (!ui->colour && (roles[i].role == UI_FOCUS ||
		    roles[i].role == UI_FOCUS_UNREAD))
			ui->attrs[roles[i].role] |= A_REVERSE;
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
	/* background: what every blank cell and uncoloured text gets. */
	c = &ui->cfg->colors[CONF_EL_BACKGROUND];
	if (ui->colour && c->set && pair + 1 < COLOR_PAIRS) {
		pair++;
		init_pair(pair, (short)(c->fg < COLORS ? c->fg : -1),
		    (short)(c->bg < COLORS ? c->bg : -1));
		bkgd((chtype)COLOR_PAIR(pair));
	}
}
