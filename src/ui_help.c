/*
 * ui_help: the help view, generated from the key bindings in force in
 * the view it was opened from (so it never disagrees with them).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "keymap.h"
#include "ui_int.h"
#include "xmalloc.h"

struct help_view {
	struct ui_view		 base;
	enum keymap_context	 ctx;
	char			**lines;
	size_t			 n;
	size_t			 top;
};

static void
help_add(struct help_view *hv, const char *line)
{
	hv->lines = xreallocarray(hv->lines, hv->n + 1, sizeof(*hv->lines));
	hv->lines[hv->n++] = xstrdup(line);
}

/* The config's macros: the prefix and key, the description (else the
 * commands). */
static void
help_macros(struct ui *ui, struct help_view *hv, struct buf *keys,
    struct buf *line)
{
	const struct conf_macro *m;
	size_t i, c, w;

	if (ui->cfg->n_macros == 0)
		return;
	help_add(hv, "");
	help_add(hv, "Macros (macro-prefix, then the key):");
	for (i = 0; i < ui->cfg->n_macros; i++) {
		m = &ui->cfg->macros[i];
		buf_reset(keys);
		if (keymap_keys_for(&ui->cfg->keymap, hv->ctx,
		    KEYMAP_MACRO_PREFIX, keys) == 0)
			(void)buf_addstr(keys, "(none)");
		(void)buf_addch(keys, ' ');
		keymap_key_name(m->key, keys);
		buf_reset(line);
		(void)buf_addf(line, "%-14s %-28s ", buf_str(keys), "macro");
		if (m->desc != NULL)
			(void)buf_addstr(line, m->desc);
		for (c = 0; m->desc == NULL && c < m->n; c++)
			for (w = 0; m->cmds[c][w] != NULL; w++)
				(void)buf_addf(line, "%s%s", w > 0 ? " " :
				    c > 0 ? "; " : "", m->cmds[c][w]);
		help_add(hv, buf_str(line));
	}
}

/* One line of the config's notes, wrapped at the screen's width. */
static void
help_note(void *arg, const char *text)
{
	struct help_view *hv = arg;
	size_t width = COLS > 20 ? (size_t)COLS - 4 : 16, n, cut;
	struct buf b;
	const char *p = text;

	buf_init(&b, BUF_CAP_TEXT);
	while (*p != '\0') {
		n = strlen(p);
		cut = n;
		if (n > width) {
			for (cut = width; cut > 0 && p[cut] != ' '; cut--)
				continue;
			if (cut == 0)
				cut = width;
		}
		buf_reset(&b);
		(void)buf_addf(&b, "%s%.*s", p == text ? "  " : "    ",
		    (int)cut, p);
		help_add(hv, buf_str(&b));
		p += cut;
		while (*p == ' ')
			p++;
	}
	buf_free(&b);
}

/*
 * The start-up warning in full: the config's lines gazette does not
 * apply, and those it applies unlike newsboat (gazette check-config
 * lists the first ones too).
 */
static void
help_config(struct ui *ui, struct help_view *hv)
{
	if (ui->cfg->n_skips > 0) {
		help_add(hv, "Config lines not applied, and what gazette does "
		    "instead:");
		conf_skips_each(ui->cfg, help_note, hv);
	}
	if (ui->cfg->n_diffs > 0) {
		help_add(hv, "Config lines applied unlike newsboat, and what "
		    "differs:");
		conf_differs_each(ui->cfg, help_note, hv);
	}
	if (ui->cfg->n_skips > 0 || ui->cfg->n_diffs > 0)
		help_add(hv, "");
}

static void
help_build(struct ui *ui, struct help_view *hv)
{
	struct buf keys, line;
	int a;

	buf_init(&keys, 4096);
	buf_init(&line, 8192);
	help_config(ui, hv);
	for (a = 1; a < KEYMAP_NACTIONS; a++) {
		buf_reset(&keys);
		if (keymap_keys_for(&ui->cfg->keymap, hv->ctx,
		    (enum keymap_action)a, &keys) == 0)
			continue;
		buf_reset(&line);
		(void)buf_addf(&line, "%-14s %-28s %s", buf_str(&keys),
		    keymap_action_name((enum keymap_action)a),
		    keymap_action_help((enum keymap_action)a));
		help_add(hv, buf_str(&line));
	}
	if (hv->ctx == KEYMAP_CTX_ARTICLE)
		help_add(hv, "1-9, 0         "
		    "                             open links 1 to 10 (with ten "
		    "links or more, type the number then ENTER)");
	else
		help_add(hv, "0-9 then a key "
		    "                             repeat it, or select "
		    "that entry (3j, 17o)");
	help_macros(ui, hv, &keys, &line);
	buf_free(&line);
	buf_free(&keys);
}

static void
help_title(struct ui *ui, struct ui_view *v, struct buf *b,
    struct ui_title *ti)
{
	(void)ui;
	(void)ti;
	(void)buf_addf(b, "Help: keys in the %s",
	    keymap_context_name(((struct help_view *)v)->ctx));
}

static void
help_draw(struct ui *ui, struct ui_view *v, int top, int rows)
{
	struct help_view *hv = (struct help_view *)v;
	int y;

	for (y = 0; y < rows && hv->top + (size_t)y < hv->n; y++)
		ui_put(ui, top + y, 0, COLS, hv->lines[hv->top + (size_t)y],
		    UI_NORMAL);
}

static bool
help_action(struct ui *ui, struct ui_view *v, enum keymap_action a,
    long count)
{
	struct help_view *hv = (struct help_view *)v;
	struct ui_list l;
	size_t rows = (size_t)ui_body_rows(ui);

	/* Scroll like a list whose selection is the top line; text does
	   not wrap round (wrap-scroll is for lists). */
	l.count = hv->n > rows ? hv->n - rows + 1 : 1;
	l.sel = l.top = hv->top;
	if ((a == KEYMAP_UP && l.sel == 0) ||
	    (a == KEYMAP_DOWN && l.sel + 1 >= l.count))
		return (true);
	if (!ui_list_action(&l, a, count, (int)rows))
		return (a == KEYMAP_OPEN);
	hv->top = l.sel;
	return (true);
}

static void
help_free(struct ui_view *v)
{
	struct help_view *hv = (struct help_view *)v;
	size_t i;

	for (i = 0; i < hv->n; i++)
		free(hv->lines[i]);
	free(hv->lines);
	free(hv);
}

static const struct ui_view_ops help_ops = {
	KEYMAP_CTX_HELP, help_title, help_draw, help_action, NULL, NULL,
	NULL, NULL, help_free
};

struct ui_view *
ui_help_new(struct ui *ui, enum keymap_context ctx)
{
	struct help_view *hv = xcalloc(1, sizeof(*hv));

	hv->base.ops = &help_ops;
	hv->ctx = ctx;
	help_build(ui, hv);
	return (&hv->base);
}
