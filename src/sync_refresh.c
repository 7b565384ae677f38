/*
 * sync_refresh: `gazette refresh` and `gazette add` in sync mode (see
 * sync.h for the order of a sync and its conflict rule).
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "conf.h"
#include "refresh.h"
#include "search.h"
#include "store.h"
#include "store_sync.h"
#include "sync.h"
#include "sync_greader.h"
#include "sync_http.h"
#include "xmalloc.h"

/* The ot= of the next pull is the server's time of this one, less this
   margin (seconds) for a clock that moved or an article stored late. */
#define OT_MARGIN	120

struct sync_run {
	struct sync_session	 s;
	struct store		*st;
	size_t			 pushed;
	size_t			 new_items;
	int64_t			 changed;
	size_t			 feeds;
};

static int
exit_for(const struct err *err)
{
	return (err->code == ERR_CONFIG ? CMD_EXIT_USAGE : CMD_EXIT_FAIL);
}

/* Pull the ids of one state and apply it. */
static int
pull_state(struct sync_run *r, const struct conf *cfg, int what,
    struct err *err)
{
	struct sync_ids ids;
	int64_t changed = 0;
	int rc;

	/* The unread ones (read is not a stream), or the starred ones. */
	if (sync_pull_ids(&r->s, cfg, what == STORE_SYNC_READ ?
	    "s=" SYNC_READING "&xt=" SYNC_READ : "s=" SYNC_STARRED, &ids,
	    err) == -1)
		return (-1);
	rc = store_sync_apply(r->st, SYNC_ITEM_PREFIX, what,
	    what == STORE_SYNC_READ ? false : true, r->s.svc.flag_star[0],
	    ids.v, ids.n, &changed, err);
	sync_ids_free(&ids);
	r->changed += changed;
	return (rc);
}

/*
 * The articles.  A feed new to the sync (the first time, every feed)
 * brings its newest PREFIX-min-items articles (newsboat's: the
 * articles loaded of each feed; 0: all the server keeps), from its own
 * stream: a server may keep old articles of a feed added there since.
 * After that, every article added since the last sync comes, so none
 * is missed.
 */
static int
pull_items(struct sync_run *r, const struct conf *cfg,
    struct sync_feeds *feeds, int64_t ot, int64_t *server_time,
    struct err *err)
{
	char key[64];
	int64_t at;
	size_t i;

	*server_time = 0;
	r->new_items = 0;
	for (i = 0; i < feeds->n; i++) {
		if (!feeds->fresh[i])
			continue;
		at = 0;
		if (sync_pull_items(&r->s, cfg, r->st, feeds, feeds->stream[i],
		    0, r->s.svc.min_items, false, &r->new_items, &at,
		    err) == -1)
			return (-1);
		/* What the reading list holds from before is left. */
		feeds->since[i] = (at > 0 ? at : (int64_t)time(NULL)) *
		    1000000;
		snprintf(key, sizeof(key), "pulled/%" PRId64, feeds->id[i]);
		if (store_sync_set_int(r->st, key, feeds->since[i], err) == -1)
			return (-1);
		if (*server_time == 0)
			*server_time = at;
	}
	if (ot > 0 && sync_pull_items(&r->s, cfg, r->st, feeds, SYNC_READING,
	    ot > OT_MARGIN ? ot - OT_MARGIN : 0, 0, true, &r->new_items,
	    server_time, err) == -1)
		return (-1);
	if (*server_time == 0)
		*server_time = (int64_t)time(NULL);
	return (0);
}

static int
sync_all(struct sync_run *r, const struct conf *cfg, struct err *err)
{
	struct sync_feeds feeds;
	int64_t ot = 0, server_time = 0;
	int rc = -1;

	memset(&feeds, 0, sizeof(feeds));
	if (store_sync_set_on(r->st, true, err) == -1 ||
	    store_sync_set_flag_star(r->st, r->s.svc.flag_star[0],
	    err) == -1)
		return (-1);
	/* Local changes first: pending ones win (sync.h). */
	if (sync_push(&r->s, cfg, r->st, &r->pushed, err) == -1)
		return (-1);
	if (sync_pull_subs(&r->s, cfg, r->st, &feeds, err) == -1)
		return (-1);
	r->feeds = feeds.n;
	if (store_sync_get_int(r->st, "ot", &ot, err) == -1)
		goto out;
	if (pull_items(r, cfg, &feeds, ot, &server_time, err) == -1)
		goto out;
	if (pull_state(r, cfg, STORE_SYNC_READ, err) == -1)
		goto out;
	if (r->s.svc.flag_star[0] != '\0' &&
	    pull_state(r, cfg, STORE_SYNC_FLAG, err) == -1)
		goto out;
	if (store_sync_set_int(r->st, "ot", server_time, err) == -1)
		goto out;
	rc = 0;
out:
	sync_feeds_free(&feeds);
	return (rc);
}

int
sync_refresh(struct cmd_ctx *ctx, const struct conf *cfg, bool quiet)
{
	struct sync_http_stats hs;
	struct sync_run r;
	struct err err = ERR_INIT;
	char *db_path;
	int64_t left;
	int lockfd = -1, status = CMD_EXIT_USAGE;

	memset(&r, 0, sizeof(r));
	if ((db_path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("refresh: no database path (set HOME or use -d)");
		return (CMD_EXIT_USAGE);
	}
	if ((lockfd = refresh_lock(db_path, &err)) == -1) {
		cmd_warn("refresh: %s", err.msg);
		status = err.code == ERR_LOCKED ? CMD_EXIT_LOCKED :
		    CMD_EXIT_USAGE;
		goto out;
	}
	if ((r.st = store_open(db_path, STORE_CREATE, &err)) == NULL) {
		cmd_warn("refresh: %s", err.msg);
		goto out;
	}
	if (sync_session_open(&r.s, cfg, db_path, &err) == -1 ||
	    sync_all(&r, cfg, &err) == -1) {
		if (store_damaged(r.st))
			goto out;
		left = store_sync_queue_count(r.st, NULL);
		if (err.code == ERR_DB || err.code == ERR_FULL) {
			cmd_store_warn(r.st, "refresh: ", &err);
			status = CMD_EXIT_USAGE;
		} else {
			cmd_warn("refresh: %s", err.msg);
			status = exit_for(&err);
		}
		if (left > 0)
			cmd_warn("refresh: %" PRId64 " local change%s kept "
			    "for the next sync", left, left == 1 ? "" : "s");
		goto out;
	}
	err_clear(&err);
	if (sync_http_save_cookies(r.s.http, &err) == -1) {
		cmd_warn("refresh: %s", err.msg);
		err_clear(&err);
	}
	if (search_sync(r.st, &err) == -1)
		cmd_warn("refresh: search index not updated: %s", err.msg);
	if (!quiet) {
		sync_http_stats(r.s.http, &hs);
		fprintf(stderr, "gazette: refresh: synced with %s: %zu "
		    "feed%s, %zu new article%s, %zu change%s pushed, %" PRId64
		    " pulled (%" PRIu64 " requests, %" PRIu64 " bytes in, %"
		    PRIu64 " out)\n", r.s.api, r.feeds, r.feeds == 1 ? "" : "s",
		    r.new_items, r.new_items == 1 ? "" : "s", r.pushed,
		    r.pushed == 1 ? "" : "s", r.changed, hs.requests,
		    hs.bytes_in, hs.bytes_out);
	}
	status = err_isset(&err) ? CMD_EXIT_FAIL : CMD_EXIT_OK;
out:
	sync_session_close(&r.s);
	status = cmd_store_close(r.st, "refresh: ", status);
	refresh_unlock(lockfd);
	free(db_path);
	return (status);
}

int
sync_add(struct cmd_ctx *ctx, const struct conf *cfg, const char *url,
    const char *title, const char *label)
{
	struct sync_session s;
	struct err err = ERR_INIT;
	struct buf form, body, tag;
	char *db_path;
	int rc = CMD_EXIT_OK;

	if ((db_path = cmd_db_path(ctx)) == NULL) {
		cmd_warn("add: no database path (set HOME or use -d)");
		return (CMD_EXIT_USAGE);
	}
	buf_init(&form, BUF_CAP_TEXT);
	buf_init(&body, BUF_CAP_TEXT);
	buf_init(&tag, BUF_CAP_TEXT);
	buf_addstr(&tag, "feed/");
	buf_addstr(&tag, url);
	sync_http_form(&form, "ac", "subscribe");
	sync_http_form(&form, "s", buf_str(&tag));
	if (label != NULL) {
		buf_reset(&tag);
		buf_addstr(&tag, SYNC_LABEL);
		buf_addstr(&tag, label);
		sync_http_form(&form, "a", buf_str(&tag));
	}
	if (title != NULL)
		sync_http_form(&form, "t", title);
	if (sync_session_open(&s, cfg, db_path, &err) == -1 ||
	    sync_action_token(&s, cfg, &err) == -1) {
		cmd_warn("add: %s", err.msg);
		rc = exit_for(&err);
		goto out;
	}
	sync_http_form(&form, "T", s.t);
	if (sync_call(&s, cfg, "subscription/edit", buf_str(&form), &body,
	    &err) == -1) {
		/* A GReader server says 400 for all of these. */
		if (strstr(err.msg, "HTTP 400") != NULL)
			cmd_warn("add: server %s could not subscribe to %s "
			    "(HTTP 400: unreachable, not a feed, or already "
			    "subscribed)", s.api, url);
		else
			cmd_warn("add: %s", err.msg);
		rc = exit_for(&err);
	}
out:
	sync_session_close(&s);
	buf_free(&form);
	buf_free(&body);
	buf_free(&tag);
	free(db_path);
	return (rc);
}
