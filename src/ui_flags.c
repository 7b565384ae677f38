/*
 * ui_flags: newsboat's edit-flags (^E).  The article's flags (letters
 * a-z and A-Z, see store.h) are offered on the prompt line to edit;
 * ENTER keeps what was typed, ordered and each letter once, ESC
 * changes nothing.  Other characters are dropped, and the status line
 * says so.
 */
#include "config.h"

#include <stdint.h>

#include "store.h"
#include "ui_int.h"

static void
flags_cb(struct ui *ui, const char *text, void *arg)
{
	int64_t id = (int64_t)(intptr_t)arg;
	char norm[STORE_FLAGS_MAX + 1];
	struct err err = ERR_INIT;
	size_t dropped;

	dropped = store_flags_normalize(text, norm);
	if (store_item_flags_set(ui->store, id, norm, &err) == -1) {
		ui_set_status(ui, true, "%s", err.msg);
		return;
	}
	ui_reload_all(ui);
	ui->dirty = true;
	if (dropped > 0)
		ui_set_status(ui, true, "flags: %s (only the letters a-z and "
		    "A-Z are flags)", norm[0] != '\0' ? norm : "none");
	else
		ui_set_status(ui, false, "flags: %s", norm[0] != '\0' ? norm :
		    "none");
}

void
ui_edit_flags(struct ui *ui, int64_t item_id)
{
	char flags[STORE_FLAGS_MAX + 1];
	struct err err = ERR_INIT;
	int rc;

	if ((rc = store_item_flags_get(ui->store, item_id, flags, &err)) !=
	    0) {
		ui_set_status(ui, true, "%s", rc < 0 ? err.msg :
		    "the article is gone");
		return;
	}
	ui_prompt(ui, "Flags: ", NULL, flags, flags_cb,
	    (void *)(intptr_t)item_id);
}
