/*
 * ui_podcast: podcasts in the interface -- newsboat's enqueue (e) puts
 * the article's enclosures in the download queue that gazette podboat
 * empties.
 */
#include "config.h"

#include <stdint.h>

#include "podcast.h"
#include "ui_int.h"

void
ui_enqueue_article(struct ui *ui, int64_t item_id)
{
	struct err err = ERR_INIT;
	size_t added = 0, already = 0;
	int rc;

	rc = podcast_enqueue_item(ui->cfg, ui->store, ui->db_path, item_id,
	    true, &added, &already, &err);
	if (rc == -1 && added == 0)
		ui_set_status(ui, true, "%s", err.msg);
	else if (added + already == 0)
		ui_set_status(ui, true, "the article has no podcast to queue");
	else if (added == 0)
		ui_set_status(ui, false, "already in the download queue");
	else
		ui_set_status(ui, false, "%zu podcast%s queued for download "
		    "(gazette podboat)%s", added, added == 1 ? "" : "s",
		    rc == -1 ? "; some refused" : "");
}
