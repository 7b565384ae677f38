/*
 * store_feeds: feeds (find, create, read, list, delete), their fetch
 * records, validators and tags, and the per-host back-off (see store.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "store.h"
#include "store_int.h"
#include "xmalloc.h"

/* Feeds. */

int64_t
store_feed_find(struct store *st, const char *url, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_FIND, err)) == NULL)
		return (-1);
	store_bind_static(s, ":url", url);
	return (store_step_int(st, s, "cannot look up a feed", err));
}

int64_t
store_feed_ensure(struct store *st, const char *url, struct err *err)
{
	sqlite3_stmt *s;
	int64_t id;

	if ((id = store_feed_find(st, url, err)) != 0)
		return (id);
	if ((s = store_stmt(st, S_FEED_INSERT, err)) == NULL)
		return (-1);
	store_bind_static(s, ":url", url);
	if (store_run(st, s, err) == -1)
		return (-1);
	return (sqlite3_last_insert_rowid(st->db));
}

static void
read_feed(sqlite3_stmt *s, struct store_feed *f)
{
	memset(f, 0, sizeof(*f));
	f->id = sqlite3_column_int64(s, 0);
	f->url = store_col_str(s, 1);
	f->title = store_col_str(s, 2);
	f->link = store_col_str(s, 3);
	f->etag = store_col_str(s, 4);
	f->last_modified = store_col_str(s, 5);
	f->http_status = sqlite3_column_int(s, 6);
	f->last_error = store_col_str(s, 7);
	f->last_fetch = sqlite3_column_int64(s, 8);
	f->next_fetch = sqlite3_column_int64(s, 9);
	f->redirect_url = store_col_str(s, 10);
	f->user_title = store_col_str(s, 11);
	f->unread = sqlite3_column_int64(s, 12);
	f->total = sqlite3_column_int64(s, 13);
}

static int
get_feed(struct store *st, sqlite3_stmt *s, struct store_feed *out,
    struct err *err)
{
	int rc = sqlite3_step(s);

	memset(out, 0, sizeof(*out));
	if (rc == SQLITE_ROW)
		read_feed(s, out);
	else if (rc != SQLITE_DONE)
		store_db_error(st, err, "cannot read a feed");
	store_done(s);
	return (rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1);
}

int
store_feed_get(struct store *st, int64_t feed_id, struct store_feed *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = store_stmt(st, S_FEED_GET, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	return (get_feed(st, s, out, err));
}

int
store_feed_get_url(struct store *st, const char *url, struct store_feed *out,
    struct err *err)
{
	sqlite3_stmt *s;

	memset(out, 0, sizeof(*out));
	if ((s = store_stmt(st, S_FEED_GET_URL, err)) == NULL)
		return (-1);
	store_bind_static(s, ":url", url);
	return (get_feed(st, s, out, err));
}

void
store_feed_clear(struct store_feed *f)
{
	size_t i;

	free(f->url);
	free(f->title);
	free(f->link);
	free(f->etag);
	free(f->last_modified);
	free(f->last_error);
	free(f->redirect_url);
	free(f->user_title);
	for (i = 0; i < f->n_tags; i++)
		free(f->tags[i]);
	free(f->tags);
	memset(f, 0, sizeof(*f));
}

int
store_feeds_list(struct store *st, struct store_feed_list *out,
    struct err *err)
{
	sqlite3_stmt *s;
	size_t alloc = 0, j = 0;
	struct store_feed *f;
	int64_t fid;
	int rc;

	out->feeds = NULL;
	out->n = 0;
	if ((s = store_stmt(st, S_FEEDS_ALL, err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (out->n == alloc) {
			alloc = alloc ? alloc * 2 : 64;
			out->feeds = xreallocarray(out->feeds, alloc,
			    sizeof(*out->feeds));
		}
		read_feed(s, &out->feeds[out->n++]);
	}
	store_done(s);
	if (rc != SQLITE_DONE)
		goto fail;
	/* Tags: both lists are in feed id order; merge them. */
	if ((s = store_stmt(st, S_TAGS_ALL, err)) == NULL)
		goto fail;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fid = sqlite3_column_int64(s, 0);
		while (j < out->n && out->feeds[j].id < fid)
			j++;
		if (j == out->n)
			break;
		if (out->feeds[j].id != fid)
			continue;
		f = &out->feeds[j];
		f->tags = xreallocarray(f->tags, f->n_tags + 1,
		    sizeof(*f->tags));
		f->tags[f->n_tags++] = store_col_str(s, 1);
	}
	store_done(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	return (0);
fail:
	store_db_error(st, err, "cannot list feeds");
	store_feed_list_free(out);
	return (-1);
}

void
store_feed_list_free(struct store_feed_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		store_feed_clear(&l->feeds[i]);
	free(l->feeds);
	l->feeds = NULL;
	l->n = 0;
}

int
store_feed_set_meta(struct store *st, int64_t feed_id, const char *title,
    const char *link, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_META, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_static(s, ":title", title);
	store_bind_static(s, ":link", link);
	return (store_run(st, s, err));
}

int
store_feed_set_validators(struct store *st, int64_t feed_id,
    const char *etag, const char *last_modified, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_VALIDATORS, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_static(s, ":etag", etag);
	store_bind_static(s, ":lastmod", last_modified);
	return (store_run(st, s, err));
}

int
store_feed_set_result(struct store *st, int64_t feed_id, int http_status,
    const char *error, int64_t fetched_at, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_RESULT, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_int(s, ":status", http_status);
	store_bind_static(s, ":error", error);
	store_bind_int(s, ":fetched", fetched_at);
	return (store_run(st, s, err));
}

int
store_feed_set_next_fetch(struct store *st, int64_t feed_id,
    int64_t not_before, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_NEXT, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_int(s, ":next", not_before);
	return (store_run(st, s, err));
}

int
store_feed_set_redirect(struct store *st, int64_t feed_id, const char *url,
    struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_REDIRECT, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_static(s, ":url", url);
	return (store_run(st, s, err));
}

int
store_feed_set_user_title(struct store *st, int64_t feed_id,
    const char *title, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_USER_TITLE, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", feed_id);
	store_bind_static(s, ":title", title);
	return (store_run(st, s, err));
}

int
store_feed_set_tags(struct store *st, int64_t feed_id,
    const char *const *tags, size_t n_tags, struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	size_t i;
	int rc = -1;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, S_TAGS_DELETE, err)) == NULL)
		goto out;
	store_bind_int(s, ":feed", feed_id);
	if (store_run(st, s, err) == -1)
		goto out;
	for (i = 0; i < n_tags; i++) {
		if ((s = store_stmt(st, S_TAG_INSERT, err)) == NULL)
			goto out;
		store_bind_int(s, ":feed", feed_id);
		store_bind_static(s, ":tag", tags[i]);
		store_bind_int(s, ":position", (int64_t)i);
		if (store_run(st, s, err) == -1)
			goto out;
	}
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

int
store_feed_record(struct store *st, int64_t feed_id,
    const struct store_fetch_result *r, struct err *err)
{
	sqlite3_stmt *s;
	bool began;
	int rc = -1;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((s = store_stmt(st, S_FEED_RECORD, err)) == NULL)
		goto out;
	store_bind_int(s, ":id", feed_id);
	store_bind_int(s, ":status", r->http_status);
	store_bind_static(s, ":error", r->error);
	store_bind_int(s, ":fetched", r->fetched_at);
	store_bind_int(s, ":next", r->next_fetch);
	store_bind_static(s, ":moved", r->moved_to);
	store_bind_int(s, ":setv", r->set_validators);
	store_bind_static(s, ":etag", r->etag);
	store_bind_static(s, ":lastmod", r->last_modified);
	store_bind_static(s, ":title", r->title);
	store_bind_static(s, ":link", r->link);
	if (store_run(st, s, err) == -1)
		goto out;
	if (r->max_items > 0 &&
	    store_feed_prune(st, feed_id, r->max_items, err) == -1)
		goto out;
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

int
store_feed_delete(struct store *st, int64_t feed_id, struct err *err)
{
	sqlite3_stmt *s;
	int64_t base;
	bool began;
	int rc = -1;

	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	if ((base = store_take_seq(st, err)) == -1)
		goto out;
	if ((s = store_stmt(st, S_FEED_TOMBSTONES, err)) == NULL)
		goto out;
	store_bind_int(s, ":base", base - 1);
	store_bind_int(s, ":feed", feed_id);
	if (store_run(st, s, err) == -1)
		goto out;
	st->next_seq = base + sqlite3_changes64(st->db);
	if ((s = store_stmt(st, S_FEED_DELETE_ITEMS, err)) == NULL)
		goto out;
	store_bind_int(s, ":feed", feed_id);
	if (store_run(st, s, err) == -1)
		goto out;
	if ((s = store_stmt(st, S_FEED_DELETE, err)) == NULL)
		goto out;
	store_bind_int(s, ":feed", feed_id);
	if (store_run(st, s, err) == -1)
		goto out;
	rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}

/* Host back-off. */

int
store_host_backoff_set(struct store *st, const char *host,
    int64_t retry_after, struct err *err)
{
	sqlite3_stmt *s;

	s = store_stmt(st, retry_after > 0 ? S_HOST_SET : S_HOST_DELETE, err);
	if (s == NULL)
		return (-1);
	store_bind_static(s, ":host", host);
	if (retry_after > 0)
		store_bind_int(s, ":until", retry_after);
	return (store_run(st, s, err));
}

int64_t
store_host_backoff_get(struct store *st, const char *host, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_HOST_GET, err)) == NULL)
		return (-1);
	store_bind_static(s, ":host", host);
	return (store_step_int(st, s, "cannot read host back-off", err));
}

int
store_host_backoff_expire(struct store *st, int64_t now, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_HOST_EXPIRE, err)) == NULL)
		return (-1);
	store_bind_int(s, ":now", now);
	return (store_run(st, s, err));
}
