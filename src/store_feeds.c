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
	f->gone = sqlite3_column_int(s, 14) != 0;
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

static int
cmp_feed_id(const void *key, const void *elem)
{
	int64_t id = *(const int64_t *)key;
	const struct store_feed *f = elem;

	return (id < f->id ? -1 : id > f->id);
}

/* A feed's hidden articles leave its counts (the list is in id order). */
static void
less_hidden(void *arg, int64_t feed_id, int64_t unread, int64_t total)
{
	struct store_feed_list *l = arg;
	struct store_feed *f;

	f = bsearch(&feed_id, l->feeds, l->n, sizeof(*l->feeds),
	    cmp_feed_id);
	if (f != NULL) {
		f->unread -= unread;
		f->total -= total;
	}
}

/*
 * The tags of the feeds of l (in id order) from s (feed_id, tag,
 * position in feed_id order); the last sqlite3_step code.
 */
static int
read_tags(sqlite3_stmt *s, struct store_feed_list *l)
{
	struct store_feed *f;
	int64_t fid, p, *pos = NULL;
	size_t j = 0, k;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fid = sqlite3_column_int64(s, 0);
		while (j < l->n && l->feeds[j].id < fid)
			j++;
		if (j == l->n)
			break;
		if (l->feeds[j].id != fid)
			continue;
		f = &l->feeds[j];
		/* pos: the positions of f's tags so far */
		pos = xreallocarray(pos, f->n_tags + 1, sizeof(*pos));
		f->tags = xreallocarray(f->tags, f->n_tags + 1,
		    sizeof(*f->tags));
		p = sqlite3_column_int64(s, 2);
		for (k = f->n_tags; k > 0 && pos[k - 1] > p; k--) {
			pos[k] = pos[k - 1];
			f->tags[k] = f->tags[k - 1];
		}
		pos[k] = p;
		f->tags[k] = store_col_str(s, 1);
		f->n_tags++;
	}
	free(pos);
	return (rc);
}

int
store_feeds_list(struct store *st, struct store_feed_list *out,
    struct err *err)
{
	return (store_feeds_list_now(st, out, NULL, err));
}

int
store_feeds_list_now(struct store *st, struct store_feed_list *out,
    bool *exact, struct err *err)
{
	sqlite3_stmt *s;
	size_t alloc = 0;
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
	/*
	 * Tags: both lists are in feed id order; merge them.  A feed's tags
	 * come in the table's key order (by name) and are put in position
	 * order here: ORDER BY feed_id, position had SQLite sort each
	 * feed's few tags apart, a sorter for every feed (2.8 million
	 * instructions of the first screen for 1000 feeds).
	 */
	if ((s = store_stmt(st, S_TAGS_ALL, err)) == NULL)
		goto fail;
	rc = read_tags(s, out);
	store_done(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		goto fail;
	/* The counts, less what the killfile hides (as last counted). */
	if (exact != NULL) {
		*exact = store_hidden_stale(st, less_hidden, out);
		return (0);
	}
	if (store_hidden_counts(st, -1, less_hidden, out, err) == -1) {
		store_feed_list_free(out);
		return (-1);
	}
	return (0);
fail:
	store_db_error(st, err, "cannot list feeds");
	store_feed_list_free(out);
	return (-1);
}

int
store_feeds_first(struct store *st, size_t n, bool unread_only,
    struct store_feed_list *out, int64_t *unread, int64_t *total,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;

	out->feeds = xcalloc(n + 1, sizeof(*out->feeds));
	out->n = 0;
	*unread = *total = 0;
	if (store_hide(st) != NULL) {
		err_set(err, ERR_USAGE, "the first feeds: not with a killfile");
		goto fail;
	}
	s = store_prepare_sql(st, unread_only ?
	    "SELECT " FEED_COLS " FROM feeds WHERE gone = 0 AND unread > 0"
	    " ORDER BY id LIMIT :n" :
	    "SELECT " FEED_COLS " FROM feeds WHERE gone = 0"
	    " ORDER BY id LIMIT :n", err);
	if (s == NULL)
		goto fail;
	store_bind_int(s, ":n", (int64_t)n);
	while (out->n < n && (rc = sqlite3_step(s)) == SQLITE_ROW)
		read_feed(s, &out->feeds[out->n++]);
	sqlite3_finalize(s);
	if (out->n < n && rc != SQLITE_DONE)
		goto dberr;
	if (out->n > 0) {
		s = store_prepare_sql(st, "SELECT feed_id, tag, position"
		    " FROM feed_tags WHERE feed_id BETWEEN :lo AND :hi"
		    " ORDER BY feed_id", err);
		if (s == NULL)
			goto fail;
		store_bind_int(s, ":lo", out->feeds[0].id);
		store_bind_int(s, ":hi", out->feeds[out->n - 1].id);
		rc = read_tags(s, out);
		sqlite3_finalize(s);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			goto dberr;
	}
	if (store_counts(st, 0, unread, total, err) == -1)
		goto fail;
	return (0);
dberr:
	store_db_error(st, err, "cannot list feeds");
fail:
	store_feed_list_free(out);
	return (-1);
}

int
store_feeds_counts_each(struct store *st,
    void (*fn)(void *, const char *, int64_t, int64_t), void *arg,
    struct err *err)
{
	sqlite3_stmt *s;
	int rc;

	if (store_hide(st) != NULL) {
		err_set(err, ERR_USAGE, "feed counts: not with a killfile");
		return (-1);
	}
	if ((s = store_prepare_sql(st, "SELECT url, unread, total FROM feeds",
	    err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(arg, (const char *)sqlite3_column_text(s, 0),
		    sqlite3_column_int64(s, 1), sqlite3_column_int64(s, 2));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_db_error(st, err, "cannot count the feeds");
		return (-1);
	}
	return (0);
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

/* Subscriptions: the urls file's feeds. */

static int
cmp_feed_ptr_url(const void *a, const void *b)
{
	const struct store_feed *fa = *(const struct store_feed *const *)a;
	const struct store_feed *fb = *(const struct store_feed *const *)b;

	return (strcmp(fa->url, fb->url));
}

static struct store_feed *
find_by_url(struct store_feed **sorted, size_t n, const char *url)
{
	struct store_feed key, *kp = &key, **hit;

	key.url = (char *)url;
	hit = bsearch(&kp, sorted, n, sizeof(*sorted), cmp_feed_ptr_url);
	return (hit != NULL ? *hit : NULL);
}

static bool
same_title(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

static bool
same_tags(const struct store_feed *f, const struct store_sub *sub)
{
	size_t i;

	if (f->n_tags != sub->n_tags)
		return (false);
	for (i = 0; i < f->n_tags; i++)
		if (strcmp(f->tags[i], sub->tags[i]) != 0)
			return (false);
	return (true);
}

static int
set_gone(struct store *st, int64_t id, bool gone, struct err *err)
{
	sqlite3_stmt *s;

	if ((s = store_stmt(st, S_FEED_GONE, err)) == NULL)
		return (-1);
	store_bind_int(s, ":id", id);
	store_bind_int(s, ":gone", gone);
	return (store_run(st, s, err));
}

int
store_feeds_sync(struct store *st, const struct store_sub *subs, size_t n,
    int64_t *ids, struct err *err)
{
	struct store_feed_list have;
	struct store_feed **sorted = NULL, *f;
	bool *listed = NULL, began = false;
	size_t i;
	int rc = -1;
	bool exact;

	/* Ids, titles, tags: the killfile's counts are not waited for. */
	if (store_feeds_list_now(st, &have, &exact, err) == -1)
		return (-1);
	sorted = xcalloc(have.n + 1, sizeof(*sorted));
	listed = xcalloc(have.n + 1, sizeof(*listed));
	for (i = 0; i < have.n; i++)
		sorted[i] = &have.feeds[i];
	qsort(sorted, have.n, sizeof(*sorted), cmp_feed_ptr_url);
	if (store_auto_begin(st, &began, err) == -1)
		goto out;
	for (i = 0; i < n; i++) {
		f = find_by_url(sorted, have.n, subs[i].url);
		if (f != NULL) {
			ids[i] = f->id;
			listed[f - have.feeds] = true;
			if (f->gone && set_gone(st, f->id, false, err) == -1)
				goto out;
		} else if ((ids[i] = store_feed_ensure(st, subs[i].url,
		    err)) == -1)
			goto out;
		if ((f == NULL && subs[i].user_title != NULL) ||
		    (f != NULL && !same_title(f->user_title,
		    subs[i].user_title)))
			if (store_feed_set_user_title(st, ids[i],
			    subs[i].user_title, err) == -1)
				goto out;
		if ((f == NULL && subs[i].n_tags > 0) ||
		    (f != NULL && !same_tags(f, &subs[i])))
			if (store_feed_set_tags(st, ids[i], subs[i].tags,
			    subs[i].n_tags, err) == -1)
				goto out;
	}
	for (i = 0; i < have.n; i++)
		if (!listed[i] && !have.feeds[i].gone &&
		    set_gone(st, have.feeds[i].id, true, err) == -1)
			goto out;
	rc = 0;
out:
	if (began)
		rc = store_auto_end(st, began, rc, err);
	free(listed);
	free(sorted);
	store_feed_list_free(&have);
	return (rc);
}

/* Query feeds. */

int
store_where_counts(struct store *st, const struct store_where *w,
    int64_t *unread, int64_t *total, struct err *err)
{
	sqlite3_stmt *s;
	struct buf b;
	int64_t gone;
	int rc;

	*unread = *total = 0;
	if (store_sql_functions(st, err) == -1)
		return (-1);
	/*
	 * The feeds table only when the condition or gone feeds need it:
	 * then a test on the read flag is answered from the date index
	 * alone (100k articles: 15 ms rather than 0.9 s).
	 */
	if ((s = store_prepare_sql(st, "SELECT EXISTS (SELECT 1 FROM feeds"
	    " WHERE gone)", err)) == NULL)
		return (-1);
	gone = store_step_int(st, s, "cannot read the feeds", err);
	sqlite3_finalize(s);
	if (gone == -1)
		return (-1);
	buf_init(&b, 1 << 20);
	if (strstr(w->sql, "f.") != NULL || st->hide != NULL) {
		buf_addf(&b, "SELECT count(*), coalesce(sum(i.read = 0), 0)"
		    " FROM items i JOIN feeds f ON f.id = i.feed_id"
		    " WHERE f.gone = 0 AND (%s)", w->sql);
		store_hide_sql(st, &b);
	}
	else
		buf_addf(&b, "SELECT count(*), coalesce(sum(i.read = 0), 0)"
		    " FROM items i WHERE %s(%s)", gone ? "i.feed_id NOT IN"
		    " (SELECT id FROM feeds WHERE gone) AND " : "", w->sql);
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (s == NULL)
		return (-1);
	if (store_bind_where(st, s, w, err) == -1 ||
	    store_bind_hide(st, s, err) == -1) {
		sqlite3_finalize(s);
		return (-1);
	}
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*total = sqlite3_column_int64(s, 0);
		*unread = sqlite3_column_int64(s, 1);
	} else
		store_db_error(st, err, "cannot count a query feed");
	sqlite3_finalize(s);
	return (rc == SQLITE_ROW ? 0 : -1);
}

int
store_where_set_read(struct store *st, const struct store_where *w,
    struct err *err)
{
	sqlite3_stmt *s;
	struct buf b;
	bool began;
	int rc = -1, step;

	if (store_sql_functions(st, err) == -1)
		return (-1);
	if (store_auto_begin(st, &began, err) == -1)
		return (-1);
	buf_init(&b, 1 << 20);
	buf_addf(&b, "UPDATE items SET read = 1 WHERE read = 0 AND id IN"
	    " (SELECT i.id FROM items i JOIN feeds f ON f.id = i.feed_id"
	    " WHERE f.gone = 0 AND i.read = 0 AND (%s)", w->sql);
	store_hide_sql(st, &b);
	buf_addstr(&b, ") RETURNING feed_id");
	s = store_prepare_sql(st, buf_str(&b), err);
	buf_free(&b);
	if (s == NULL)
		goto out;
	if (store_bind_where(st, s, w, err) == -1 ||
	    store_bind_hide(st, s, err) == -1) {
		sqlite3_finalize(s);
		goto out;
	}
	/* The counters follow, one feed at a time. */
	while ((step = sqlite3_step(s)) == SQLITE_ROW)
		store_add_delta(st, sqlite3_column_int64(s, 0), 0, -1);
	if (step != SQLITE_DONE)
		store_db_error(st, err, "cannot mark a query feed read");
	sqlite3_finalize(s);
	if (step == SQLITE_DONE)
		rc = 0;
out:
	return (store_auto_end(st, began, rc, err));
}
