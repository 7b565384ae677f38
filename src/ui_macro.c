/*
 * ui_macro: newsboat's macros in the interface.  After the macro-prefix
 * key (',' by default) the next key runs the config's macro for it: its
 * commands one after the other, "set OPTION VALUE" changing a setting
 * for the rest of the session and an action running as its key would.
 * A macro's commands come from the user's own config, like the browser
 * they may set; the link opened is still passed to it as an argument,
 * never as shell text (browser.c).
 */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "conf.h"
#include "ui_int.h"

/* set OPTION VALUE...: the words after the option, joined by spaces. */
static bool
macro_set(struct ui *ui, char **argv)
{
	struct err err = ERR_INIT;
	struct buf v;
	size_t i;
	int rc;

	if (!conf_option_known(argv[1])) {
		ui_set_status(ui, false, "macro: set %s: newsboat's setting, "
		    "not applied by gazette", argv[1]);
		return (true);
	}
	buf_init(&v, BUF_CAP_TEXT);
	for (i = 2; argv[i] != NULL; i++)
		(void)buf_addf(&v, "%s%s", i > 2 ? " " : "", argv[i]);
	rc = conf_set(ui->cfg, argv[1], buf_str(&v), &err);
	buf_free(&v);
	if (rc < 0) {
		ui_set_status(ui, true, "macro: set %s", err.msg);
		return (false);
	}
	ui_setting_changed(ui, argv[1]);
	return (true);
}

bool
ui_macro_run(struct ui *ui, char ***cmds, size_t n)
{
	size_t i;

	for (i = 0; i < n && !ui->quit; i++) {
		if (strcmp(cmds[i][0], "set") == 0) {
			if (!macro_set(ui, cmds[i]))
				return (false);
		} else {
			/* toggle-article-read "read": set, not toggle. */
			if (cmds[i][1] != NULL)
				ui->set_read = strcmp(cmds[i][1], "read") ==
				    0 ? 1 : -1;
			ui_run_action(ui, keymap_action_parse(cmds[i][0]), 0);
			ui->set_read = 0;
		}
	}
	return (true);
}

void
ui_macro_key(struct ui *ui, int key)
{
	const struct conf_macro *m;
	struct buf k;

	if (key == KEYMAP_KEY_ESC)
		return;
	if ((m = conf_macro_find(ui->cfg, key)) == NULL) {
		buf_init(&k, 64);
		keymap_key_name(key, &k);
		ui_set_status(ui, false, "no macro on %s", buf_str(&k));
		buf_free(&k);
		return;
	}
	(void)ui_macro_run(ui, m->cmds, m->n);
}
