/*
 * sync_greader: the Google Reader API calls of a sync (sync_greader.h).
 * Answers are JSON, read with json-c at a bounded depth; anything of
 * the wrong type is skipped, never trusted.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json-c/json.h>

#include "conf.h"
#include "feed_internal.h"
#include "item.h"
#include "store.h"
#include "store_sync.h"
#include "sync.h"
#include "sync_greader.h"
#include "sync_http.h"
#include "sync_parse.h"
#include "xmalloc.h"

#define PAGE_ITEMS	1000	/* articles a page */
#define PAGE_IDS	10000	/* ids a page */
#define PUSH_BATCH	250	/* ids an edit-tag call */
#define NEWEST_KEY	"newest_us"	/* sync_state: newest crawl time pulled */

static json_object *
parse(const struct sync_session *s, const char *what, const struct buf *b,
    struct err *err)
{
	return (sync_parse_json(s->api, what, b->data, b->len, err));
}

static json_object *
get(json_object *o, const char *key, json_type type)
{
	return (sync_json_get(o, key, type));
}

void
sync_feeds_free(struct sync_feeds *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->stream[i]);
	free(f->stream);
	free(f->id);
	free(f->fresh);
	free(f->since);
	memset(f, 0, sizeof(*f));
}

int
sync_pull_subs(struct sync_session *s, const struct conf *cfg,
    struct store *st, struct sync_feeds *out, struct err *err)
{
	struct store_sub *subs = NULL;
	const char ***tags = NULL;
	json_object *root = NULL, *list;
	struct buf body;
	size_t n, i, k;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	buf_init(&body, BUF_CAP_BODY);
	if (sync_call(s, cfg, "subscription/list?output=json", NULL, &body,
	    err) == -1 || (root = parse(s, "subscription/list", &body,
	    err)) == NULL)
		goto out;
	if ((list = get(root, "subscriptions", json_type_array)) == NULL) {
		err_set(err, ERR_NET, "server %s: subscription/list: no "
		    "subscriptions", s->api);
		goto out;
	}
	n = json_object_array_length(list);
	subs = xcalloc(n + 1, sizeof(*subs));
	tags = xcalloc(n + 1, sizeof(*tags));
	out->stream = xcalloc(n + 1, sizeof(*out->stream));
	out->id = xcalloc(n + 1, sizeof(*out->id));
	out->fresh = xcalloc(n + 1, sizeof(*out->fresh));
	out->since = xcalloc(n + 1, sizeof(*out->since));
	k = sync_parse_subs(list, subs, tags, out->stream);
	out->n = k;
	if (store_feeds_sync(st, subs, k, out->id, err) == -1)
		goto out;
	/* The stream of each feed, for mark-all-as-read (sync_push). */
	if (store_begin(st, err) == -1)
		goto out;
	for (i = 0; i < k; i++) {
		char key[64];
		int64_t pulled;

		/* A feed whose articles were never pulled is new. */
		snprintf(key, sizeof(key), "pulled/%" PRId64, out->id[i]);
		if (store_sync_get_int(st, key, &pulled, err) == -1) {
			store_rollback(st);
			goto out;
		}
		out->fresh[i] = pulled == 0;
		out->since[i] = pulled;
		snprintf(key, sizeof(key), "stream/%" PRId64, out->id[i]);
		if (store_sync_set_text(st, key, out->stream[i], err) == -1) {
			store_rollback(st);
			goto out;
		}
	}
	if (store_commit(st, err) == -1)
		goto out;
	rc = 0;
out:
	if (tags != NULL)
		for (i = 0; i < out->n; i++)
			free(tags[i]);
	free(tags);
	free(subs);
	json_object_put(root);
	buf_free(&body);
	if (rc == -1)
		sync_feeds_free(out);
	return (rc);
}

/* Is o older than its feed's first pull (already pulled, or left)? */
static bool
is_old(const struct sync_feeds *feeds, int64_t feed_id, json_object *o)
{
	json_object *v;
	size_t i;

	if ((v = get(o, "timestampUsec", json_type_string)) == NULL)
		return (false);
	for (i = 0; i < feeds->n; i++)
		if (feeds->id[i] == feed_id)
			return (strtoll(json_object_get_string(v), NULL, 10) <
			    feeds->since[i]);
	return (false);
}

/* Store one article of a stream/contents page. */
static int
store_one(struct store *st, const struct sync_feeds *feeds, json_object *o,
    bool skip_old, int64_t now, size_t *new_items, struct err *err)
{
	enum store_upsert res;
	struct item it;
	int64_t feed_id;
	int rc;

	item_init(&it);
	if (!sync_parse_item(o, feeds, &it, &feed_id))
		return (0);
	if (skip_old && is_old(feeds, feed_id, o)) {
		item_clear(&it);
		return (0);
	}
	rc = store_item_upsert(st, feed_id, &it, now, &res, err);
	if (rc == 0 && res == STORE_UPSERT_NEW)
		(*new_items)++;
	item_clear(&it);
	return (rc);
}

int
sync_pull_items(struct sync_session *s, const struct conf *cfg,
    struct store *st, const struct sync_feeds *feeds, const char *stream,
    int64_t ot, long limit, bool skip_old, size_t *new_items,
    int64_t *server_time, struct err *err)
{
	json_object *root = NULL, *items, *v;
	struct buf body, path;
	char *cont = NULL;
	int64_t now = (int64_t)time(NULL), newest = 0, t;
	long left = limit > 0 ? limit : -1;
	size_t i, n;
	int rc = -1;

	buf_init(&body, BUF_CAP_BODY * 4);
	buf_init(&path, BUF_CAP_TEXT);
	do {
		buf_reset(&path);
		buf_addstr(&path, "stream/contents/");
		sync_http_path(&path, stream);
		buf_addf(&path, "?output=json&n=%ld", left > 0 &&
		    left < PAGE_ITEMS ? left : (long)PAGE_ITEMS);
		if (ot > 0)
			buf_addf(&path, "&ot=%" PRId64, ot);
		if (cont != NULL) {
			buf_addch(&path, '&');
			sync_http_form(&path, "c", cont);
			free(cont);
			cont = NULL;
		}
		if (sync_call(s, cfg, buf_str(&path), NULL, &body, err) == -1 ||
		    (root = parse(s, "stream/contents", &body, err)) == NULL)
			goto out;
		if (*server_time == 0 &&
		    (v = get(root, "updated", json_type_int)) != NULL)
			*server_time = json_object_get_int64(v);
		items = get(root, "items", json_type_array);
		n = items != NULL ? json_object_array_length(items) : 0;
		if (store_begin(st, err) == -1)
			goto out;
		if (left > 0 && n > (size_t)left)
			n = (size_t)left;
		for (i = 0; i < n; i++) {
			v = json_object_array_get_idx(items, i);
			if (store_one(st, feeds, v, skip_old, now, new_items,
			    err) == -1) {
				store_rollback(st);
				goto out;
			}
			if ((v = get(v, "timestampUsec", json_type_string)) !=
			    NULL && (t = strtoll(json_object_get_string(v),
			    NULL, 10)) > newest)
				newest = t;
		}
		if (store_commit(st, err) == -1)
			goto out;
		if (left > 0)
			left -= (long)n;
		cont = left != 0 ? sync_parse_continuation(root, n) : NULL;
		json_object_put(root);
		root = NULL;
	} while (cont != NULL);
	if (store_sync_get_int(st, NEWEST_KEY, &t, err) == -1 ||
	    (newest > t && store_sync_set_int(st, NEWEST_KEY, newest,
	    err) == -1))
		goto out;
	rc = 0;
out:
	free(cont);
	json_object_put(root);
	buf_free(&body);
	buf_free(&path);
	return (rc);
}

void
sync_ids_free(struct sync_ids *ids)
{
	size_t i;

	for (i = 0; i < ids->n; i++)
		free(ids->v[i]);
	free(ids->v);
	memset(ids, 0, sizeof(*ids));
}

int
sync_pull_ids(struct sync_session *s, const struct conf *cfg,
    const char *query, struct sync_ids *out, struct err *err)
{
	json_object *root = NULL;
	struct buf body, path;
	char *cont = NULL;
	size_t n, cap = 0;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	buf_init(&body, BUF_CAP_BODY * 4);
	buf_init(&path, BUF_CAP_TEXT);
	do {
		buf_reset(&path);
		buf_addf(&path, "stream/items/ids?output=json&n=%d&%s",
		    PAGE_IDS, query);
		if (cont != NULL) {
			buf_addch(&path, '&');
			sync_http_form(&path, "c", cont);
			free(cont);
			cont = NULL;
		}
		if (sync_call(s, cfg, buf_str(&path), NULL, &body, err) == -1 ||
		    (root = parse(s, "stream/items/ids", &body, err)) == NULL)
			goto out;
		n = sync_parse_ids(root, out, &cap);
		cont = sync_parse_continuation(root, n);
		json_object_put(root);
		root = NULL;
	} while (cont != NULL);
	rc = 0;
out:
	free(cont);
	json_object_put(root);
	buf_free(&body);
	buf_free(&path);
	if (rc == -1)
		sync_ids_free(out);
	return (rc);
}

/* The T= token for the calls that change state, asked once a run. */
int
sync_action_token(struct sync_session *s, const struct conf *cfg,
    struct err *err)
{
	struct buf body;
	int rc;

	if (s->t != NULL)
		return (0);
	buf_init(&body, BUF_CAP_TEXT);
	if ((rc = sync_call(s, cfg, "token", NULL, &body, err)) == 0) {
		s->t = sync_parse_token(buf_str(&body));
	}
	buf_free(&body);
	return (rc);
}

/* One edit-tag call: tag added (add) or removed to ids[0..n-1]. */
static int
edit_tag(struct sync_session *s, const struct conf *cfg, const char *tag,
    bool add, char **ids, size_t n, struct err *err)
{
	struct buf form, body;
	size_t i;
	int rc;

	buf_init(&form, BUF_CAP_BODY);
	buf_init(&body, BUF_CAP_TEXT);
	for (i = 0; i < n; i++)
		sync_http_form(&form, "i", ids[i]);
	sync_http_form(&form, add ? "a" : "r", tag);
	sync_http_form(&form, "T", s->t);
	rc = sync_call(s, cfg, "edit-tag", buf_str(&form), &body, err);
	buf_free(&form);
	buf_free(&body);
	return (rc);
}

/*
 * mark-all-as-read of a feed (0: the reading list) up to the server's
 * time of the last pull: the articles gazette has, not newer ones.  That
 * time is in whole seconds, so the newest article pulled (its crawl time,
 * in microseconds like ts=) moves the mark past articles pulled later in
 * the same second; articles added after the pull stay unread.
 */
static int
mark_all_read(struct sync_session *s, const struct conf *cfg,
    struct store *st, int64_t feed_id, struct err *err)
{
	struct buf form, body;
	char key[64], *stream = NULL, ts[32];
	int64_t ot, newest;
	int rc = -1;

	if (store_sync_get_int(st, "ot", &ot, err) == -1 ||
	    store_sync_get_int(st, NEWEST_KEY, &newest, err) == -1)
		return (-1);
	if (ot <= 0)
		return (0);	/* nothing pulled yet: nothing to mark */
	if (feed_id != 0) {
		snprintf(key, sizeof(key), "stream/%" PRId64, feed_id);
		if ((stream = store_sync_get_text(st, key, err)) == NULL)
			return (err_isset(err) ? -1 : 0);
	}
	buf_init(&form, BUF_CAP_TEXT);
	buf_init(&body, BUF_CAP_TEXT);
	snprintf(ts, sizeof(ts), "%" PRId64, newest > ot * 1000000 ?
	    newest : ot * 1000000);
	sync_http_form(&form, "s", stream != NULL ? stream : SYNC_READING);
	sync_http_form(&form, "ts", ts);
	sync_http_form(&form, "T", s->t);
	rc = sync_call(s, cfg, "mark-all-as-read", buf_str(&form), &body,
	    err);
	free(stream);
	buf_free(&form);
	buf_free(&body);
	return (rc);
}

int
sync_push(struct sync_session *s, const struct conf *cfg, struct store *st,
    size_t *pushed, struct err *err)
{
	static const char *const tags[2] = { SYNC_READ, SYNC_STARRED };
	struct store_sync_queue q;
	char **ids;
	size_t i, n, done;
	int what, val, rc = -1;

	*pushed = 0;
	if (store_sync_queue_take(st, &q, err) == -1)
		return (-1);
	if (q.n == 0) {
		store_sync_queue_free(&q);
		return (0);
	}
	ids = xcalloc(q.n, sizeof(*ids));
	if (sync_action_token(s, cfg, err) == -1)
		goto out;
	/* Whole feeds first: a later change of one article comes after. */
	for (i = 0; i < q.n; i++) {
		if (q.c[i].what != STORE_SYNC_FEED_READ)
			continue;
		if (mark_all_read(s, cfg, st, q.c[i].item_id, err) == -1)
			goto out;
		(*pushed)++;
	}
	/* Four groups: read added, read removed, starred added, removed. */
	for (what = STORE_SYNC_READ; what <= STORE_SYNC_FLAG; what++) {
		if (what == STORE_SYNC_FLAG && s->svc.flag_star[0] ==
		    '\0')
			continue;	/* flags stay local */
		for (val = 0; val < 2; val++) {
			bool add = val != 0;

			n = 0;
			for (i = 0; i < q.n; i++)
				if (q.c[i].what == what &&
				    q.c[i].value == (val != 0) &&
				    strncmp(q.c[i].guid, SYNC_ITEM_PREFIX,
				    strlen(SYNC_ITEM_PREFIX)) == 0)
					ids[n++] = q.c[i].guid;
			for (done = 0; done < n; done += PUSH_BATCH) {
				if (edit_tag(s, cfg, tags[what], add,
				    ids + done, n - done < PUSH_BATCH ?
				    n - done : PUSH_BATCH, err) == -1)
					goto out;
			}
			*pushed += n;
		}
	}
	/* Only now: a push cut short is sent again, the same. */
	if (store_sync_queue_drop(st, q.upto, err) == -1)
		goto out;
	rc = 0;
out:
	free(ids);
	store_sync_queue_free(&q);
	return (rc);
}
