/* refresh: urls -> fetch -> parse -> store, one transaction per feed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "fetch.h"
#include "item.h"
#include "paths.h"
#include "refresh.h"
#include "search.h"
#include "store.h"
#include "url.h"
#include "urls.h"
#include "xmalloc.h"

#define FRESH_CAP	(24 * 3600)	/* never trust a feed for longer */
/*
 * Group commit (store_set_group_commit): feeds are committed together at
 * most GROUP_MS apart; while a group is open the write lock is held, so
 * the network is never waited on for more than GROUP_POLL_MS, and the
 * group is flushed as soon as a step stores nothing (waiting on slow
 * servers) or it is GROUP_MS old.
 */
#define GROUP_MS	250
#define GROUP_POLL_MS	50
#define BACKOFF_429	(10 * 60)	/* 429 without Retry-After */

struct refresh_job {
	struct refresh		*r;
	const struct urls_feed	*uf;
	int64_t			 feed_id;
	char			*stored_title;
	struct feed_parser	*parser;
	struct item		*items;
	size_t			 n_items, a_items;
	bool			 done;
};

struct refresh {
	struct store		*st;
	struct fetch		*fetch;
	struct refresh_cb	 cb;
	struct refresh_opts	 opts;
	struct refresh_job	*jobs;
	size_t			 n_jobs;
	struct refresh_stats	 stats;
	int64_t			 now;
	bool			 started;
	bool			 dirty;		/* a group may be open */
	struct timespec		 dirty_since;
};

static void
mark_dirty(struct refresh *r)
{
	if (!r->dirty) {
		r->dirty = true;
		clock_gettime(CLOCK_MONOTONIC, &r->dirty_since);
	}
}

static long
ms_since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return ((now.tv_sec - t->tv_sec) * 1000 +
	    (now.tv_nsec - t->tv_nsec) / 1000000);
}

static void
flush_group(struct refresh *r)
{
	struct err err = ERR_INIT;

	if (!r->dirty)
		return;
	r->dirty = false;
	if (store_flush(r->st, &err) == -1) {
		r->stats.db_failed = true;
		snprintf(r->stats.flush_error, sizeof(r->stats.flush_error),
		    "%s", err.msg);
	}
}

int
refresh_lock(const char *db_path, struct err *err)
{
	struct buf b;
	int fd;

	if (paths_mkdir_parents(db_path, err) == -1)
		return (-1);
	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "%s.lock", db_path);
	fd = open(buf_str(&b), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1) {
		err_set(err, ERR_IO, "cannot open %s: %s", buf_str(&b),
		    strerror(errno));
		buf_free(&b);
		return (-1);
	}
	if (flock(fd, LOCK_EX | LOCK_NB) == -1) {
		if (errno == EWOULDBLOCK)
			err_set(err, ERR_LOCKED, "another refresh is running "
			    "(%s is locked)", buf_str(&b));
		else
			err_set(err, ERR_IO, "cannot lock %s: %s",
			    buf_str(&b), strerror(errno));
		close(fd);
		buf_free(&b);
		return (-1);
	}
	buf_free(&b);
	return (fd);
}

void
refresh_unlock(int fd)
{
	if (fd >= 0)
		close(fd);
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static void
item_copy(struct item *dst, const struct item *src)
{
	size_t i;

	item_init(dst);
	dst->guid = dup_or_null(src->guid);
	dst->title = dup_or_null(src->title);
	dst->link = dup_or_null(src->link);
	dst->author = dup_or_null(src->author);
	dst->published = src->published;
	dst->updated = src->updated;
	dst->content_type = src->content_type;
	dst->content = dup_or_null(src->content);
	if (src->n_enclosures > 0) {
		dst->enclosures = xcalloc(src->n_enclosures,
		    sizeof(*dst->enclosures));
		for (i = 0; i < src->n_enclosures; i++) {
			dst->enclosures[i].url =
			    dup_or_null(src->enclosures[i].url);
			dst->enclosures[i].type =
			    dup_or_null(src->enclosures[i].type);
			dst->enclosures[i].length = src->enclosures[i].length;
		}
		dst->n_enclosures = src->n_enclosures;
	}
	if (src->n_categories > 0) {
		dst->categories = xcalloc(src->n_categories,
		    sizeof(*dst->categories));
		for (i = 0; i < src->n_categories; i++)
			dst->categories[i] = dup_or_null(src->categories[i]);
		dst->n_categories = src->n_categories;
	}
}

static void
job_clear_items(struct refresh_job *j)
{
	size_t i;

	for (i = 0; i < j->n_items; i++)
		item_clear(&j->items[i]);
	free(j->items);
	j->items = NULL;
	j->n_items = j->a_items = 0;
}

static int
sink_item(void *ctx, const struct item *item)
{
	struct refresh_job *j = ctx;

	if (j->n_items == j->a_items) {
		j->a_items = j->a_items ? j->a_items * 2 : 32;
		j->items = xreallocarray(j->items, j->a_items,
		    sizeof(*j->items));
	}
	item_copy(&j->items[j->n_items++], item);
	return (0);
}

static void
report(struct refresh *r, struct refresh_job *j, enum refresh_outcome o,
    const char *error, int http_status, const char *moved_to,
    size_t new_items, size_t updated)
{
	struct refresh_report rep;

	j->done = true;
	r->stats.done++;
	switch (o) {
	case REFRESH_FETCHED:
		r->stats.fetched++;
		break;
	case REFRESH_NOT_MODIFIED:
		r->stats.not_modified++;
		break;
	case REFRESH_SKIPPED:
		r->stats.skipped++;
		break;
	case REFRESH_FAILED:
		r->stats.failed++;
		break;
	}
	r->stats.new_items += new_items;
	r->stats.updated_items += updated;
	if (moved_to != NULL)
		r->stats.moved++;
	if (r->cb.feed_done == NULL)
		return;
	memset(&rep, 0, sizeof(rep));
	rep.url = j->uf->url;
	rep.title = j->uf->title != NULL ? j->uf->title : j->stored_title;
	rep.outcome = o;
	rep.error = error;
	rep.http_status = http_status;
	rep.moved_to = moved_to;
	rep.new_items = new_items;
	rep.updated_items = updated;
	rep.feed_id = j->feed_id;
	r->cb.feed_done(r->cb.ctx, &rep, &r->stats);
}

static int
on_data(void *ctx, const struct fetch_response *resp, const void *buf,
    size_t len)
{
	struct refresh_job *j = ctx;
	struct feed_parse_opts po;
	struct feed_sink sink;

	if (j->parser == NULL) {
		memset(&po, 0, sizeof(po));
		po.base_url = resp->url != NULL ? resp->url : j->uf->url;
		po.charset = j->uf->set.encoding != NULL ?
		    j->uf->set.encoding : resp->charset;
		po.charset_force = j->uf->set.encoding != NULL;
		if (j->uf->set.max_size > (int64_t)FEED_DEFAULT_MAX_BYTES)
			po.max_bytes = (size_t)j->uf->set.max_size;
		sink.ctx = j;
		sink.item = sink_item;
		j->parser = feed_parser_new(&po, &sink);
	}
	return (feed_parser_push(j->parser, buf, len) == -1 ? -1 : 0);
}

static int
cmp_date_desc(const void *a, const void *b)
{
	const struct item *x = a, *y = b;
	int64_t dx = x->published != ITEM_NO_DATE ? x->published : x->updated;
	int64_t dy = y->published != ITEM_NO_DATE ? y->published : y->updated;

	return (dx < dy ? 1 : dx > dy ? -1 : 0);
}

static int64_t
cap_fresh(int64_t now, int64_t t)
{
	if (t <= now)
		return (0);
	return (t > now + FRESH_CAP ? now + FRESH_CAP : t);
}

/* When the feed may be fetched again. */
static int64_t
next_fetch(struct refresh *r, struct refresh_job *j, int64_t fresh_until,
    int64_t ttl_minutes)
{
	int64_t next = 0, t;

	if (!j->uf->set.ignore_cache) {
		next = cap_fresh(r->now, fresh_until);
		if (ttl_minutes > 0) {
			t = cap_fresh(r->now, r->now + ttl_minutes * 60);
			if (t > next)
				next = t;
		}
	}
	if (j->uf->set.reload > 0) {
		t = r->now + (int64_t)j->uf->set.reload * 60;
		if (t > next)
			next = t;
	}
	return (next);
}

/* Parse result and items into the store, in one transaction. */
static void
store_document(struct refresh *r, struct refresh_job *j,
    const struct fetch_response *resp, const char *fetch_error)
{
	struct store_fetch_result res;
	struct err perr = ERR_INIT, serr = ERR_INIT;
	const struct feed_meta *meta = NULL;
	enum feed_status fs = FEED_FAILED;
	enum store_upsert up;
	struct buf msg;
	size_t i, n, news = 0, upd = 0, maxi;

	buf_init(&msg, 1024);
	if (j->parser != NULL) {
		fs = feed_parser_finish(j->parser, &perr);
		meta = feed_parser_meta(j->parser);
	} else if (fetch_error == NULL)
		err_set(&perr, ERR_NOTFEED, "empty document");
	if (fetch_error != NULL)
		buf_addstr(&msg, fetch_error);
	else if (fs == FEED_FAILED)
		buf_addf(&msg, "not a feed: %s", perr.msg);
	else if (fs == FEED_PARTIAL)
		buf_addf(&msg, "document cut short: %s", perr.msg);
	if (msg.len > 0 && j->n_items > 0)
		buf_addf(&msg, " (%zu item%s before it kept)", j->n_items,
		    j->n_items == 1 ? "" : "s");

	memset(&res, 0, sizeof(res));
	res.http_status = resp->http_status;
	res.error = msg.len > 0 ? buf_str(&msg) : NULL;
	res.fetched_at = r->now;
	res.moved_to = resp->moved_to;
	maxi = j->uf->set.max_items > 0 ? (size_t)j->uf->set.max_items : 0;
	res.max_items = maxi;
	if (msg.len == 0) {
		/* A complete document: keep its validators. */
		res.set_validators = true;
		res.etag = resp->etag;
		res.last_modified = resp->last_modified;
		res.next_fetch = next_fetch(r, j, resp->fresh_until,
		    meta != NULL ? meta->ttl : -1);
	} else if (j->n_items > 0) {
		/* Something stored but not all: fetch it whole next time. */
		res.set_validators = true;
	}
	if (meta != NULL && fs != FEED_FAILED) {
		res.title = meta->title;
		res.link = meta->link;
		if (meta->title != NULL && j->stored_title == NULL)
			j->stored_title = xstrdup(meta->title);
	}
	n = j->n_items;
	if (maxi > 0 && n > maxi) {
		/* Only the newest max_items, so pruned ones stay away. */
		qsort(j->items, n, sizeof(*j->items), cmp_date_desc);
		n = maxi;
	}
	if (store_begin(r->st, &serr) == 0) {
		for (i = 0; i < n; i++) {
			if (store_item_upsert(r->st, j->feed_id, &j->items[i],
			    r->now, &up, &serr) == -1)
				break;
			if (up == STORE_UPSERT_NEW)
				news++;
			else if (up == STORE_UPSERT_UPDATED)
				upd++;
		}
		if (!err_isset(&serr))
			(void)store_feed_record(r->st, j->feed_id, &res, &serr);
		if (!err_isset(&serr))
			(void)store_commit(r->st, &serr);
		mark_dirty(r);
		if (err_isset(&serr))
			store_rollback(r->st);
	}
	job_clear_items(j);
	if (err_isset(&serr)) {
		r->stats.db_failed = true;
		buf_reset(&msg);
		buf_addf(&msg, "database: %s", serr.msg);
		report(r, j, REFRESH_FAILED, buf_str(&msg), resp->http_status,
		    resp->moved_to, 0, 0);
	} else if (msg.len > 0)
		report(r, j, REFRESH_FAILED, buf_str(&msg), resp->http_status,
		    resp->moved_to, news, upd);
	else
		report(r, j, REFRESH_FETCHED, NULL, resp->http_status,
		    resp->moved_to, news, upd);
	buf_free(&msg);
}

static void
skip_cb(void *ctx, const void *arg)
{
	struct refresh_job *j = ctx;
	struct refresh *r = j->r;
	const char *why = arg;

	report(r, j, REFRESH_SKIPPED, why, 0, NULL, 0, 0);
}

static void
on_done(void *ctx, const struct fetch_response *resp)
{
	struct refresh_job *j = ctx;
	struct refresh *r = j->r;
	struct store_fetch_result res;
	struct err serr = ERR_INIT;
	char *host;
	int64_t until;

	switch (resp->status) {
	case FETCH_OK:
	case FETCH_STOPPED:
		store_document(r, j, resp, NULL);
		break;
	case FETCH_FAILED:
		if (j->parser != NULL && j->n_items > 0) {
			store_document(r, j, resp, resp->error);
			break;
		}
		/* FALLTHROUGH */
	case FETCH_NOT_MODIFIED:
	case FETCH_HTTP_ERROR:
		memset(&res, 0, sizeof(res));
		res.http_status = resp->http_status;
		res.error = resp->status == FETCH_NOT_MODIFIED ? NULL :
		    resp->error;
		res.fetched_at = r->now;
		res.moved_to = resp->moved_to;
		if (resp->status == FETCH_NOT_MODIFIED)
			res.next_fetch = next_fetch(r, j, resp->fresh_until,
			    -1);
		until = 0;
		if (resp->http_status == 429 || resp->http_status == 503) {
			until = resp->retry_after;
			if (until == 0 && resp->http_status == 429)
				until = r->now + BACKOFF_429;
			res.next_fetch = until;
		}
		(void)store_feed_record(r->st, j->feed_id, &res, &serr);
		mark_dirty(r);
		if (until > 0 && (host = url_host(j->uf->url)) != NULL) {
			(void)store_host_backoff_set(r->st, host, until,
			    &serr);
			/* The rest of this host's feeds wait too. */
			fetch_drop_host(r->fetch, host, skip_cb,
			    "host asked to back off (Retry-After)");
			free(host);
		}
		if (err_isset(&serr))
			r->stats.db_failed = true;
		if (resp->status == FETCH_NOT_MODIFIED && !err_isset(&serr))
			report(r, j, REFRESH_NOT_MODIFIED, NULL,
			    resp->http_status, resp->moved_to, 0, 0);
		else
			report(r, j, REFRESH_FAILED, err_isset(&serr) ?
			    serr.msg : resp->error, resp->http_status,
			    resp->moved_to, 0, 0);
		break;
	}
	if (j->parser != NULL) {
		feed_parser_free(j->parser);
		j->parser = NULL;
	}
	job_clear_items(j);
}

static int
cmp_feed_url(const void *a, const void *b)
{
	const struct store_feed *x = a, *y = b;

	return (strcmp(x->url, y->url));
}

static bool
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == b);
	return (strcmp(a, b) == 0);
}

static bool
same_tags(const struct urls_feed *uf, const struct store_feed *sf)
{
	size_t i;

	if (uf->n_tags != sf->n_tags)
		return (false);
	for (i = 0; i < uf->n_tags; i++)
		if (strcmp(uf->tags[i], sf->tags[i]) != 0)
			return (false);
	return (true);
}

/* Back-off per host, asked of the store once per host. */
struct host_cache {
	char	**names;
	int64_t	 *until;
	size_t	  n;
};

static int64_t
host_backoff(struct store *st, struct host_cache *hc, const char *host)
{
	size_t i;

	for (i = 0; i < hc->n; i++)
		if (strcmp(hc->names[i], host) == 0)
			return (hc->until[i]);
	hc->names = xreallocarray(hc->names, hc->n + 1, sizeof(*hc->names));
	hc->until = xreallocarray(hc->until, hc->n + 1, sizeof(*hc->until));
	hc->names[hc->n] = xstrdup(host);
	hc->until[hc->n] = store_host_backoff_get(st, host, NULL);
	return (hc->until[hc->n++]);
}

static void
host_cache_free(struct host_cache *hc)
{
	size_t i;

	for (i = 0; i < hc->n; i++)
		free(hc->names[i]);
	free(hc->names);
	free(hc->until);
}

static struct store_feed *
find_stored(const struct store_feed_list *have, const char *url)
{
	struct store_feed key;

	if (have->n == 0)
		return (NULL);
	memset(&key, 0, sizeof(key));
	key.url = (char *)(uintptr_t)url;
	return (bsearch(&key, have->feeds, have->n, sizeof(*have->feeds),
	    cmp_feed_url));
}

struct refresh *
refresh_start(struct store *st, const struct urls_list *urls,
    const struct refresh_opts *opts, const struct refresh_cb *cb,
    struct err *err)
{
	struct fetch_cb fcb = { on_data, on_done };
	struct store_feed_list have = { NULL, 0 };
	struct store_feed *sf;
	struct host_cache hc = { NULL, NULL, 0 };
	struct refresh *r;
	struct refresh_job *j;
	struct fetch_req req;
	const struct urls_feed *uf;
	int64_t backoff;
	char *host;
	size_t i;

	r = xcalloc(1, sizeof(*r));
	r->st = st;
	r->cb = *cb;
	r->opts = *opts;
	if (r->opts.jobs <= 0)
		r->opts.jobs = FETCH_DEFAULT_JOBS;
	if (r->opts.per_host <= 0)
		r->opts.per_host = FETCH_DEFAULT_PER_HOST;
	r->now = (int64_t)time(NULL);
	r->fetch = fetch_new(r->opts.jobs, r->opts.per_host, &fcb);
	store_set_group_commit(st, GROUP_MS);
	r->jobs = xcalloc(urls->n + 1, sizeof(*r->jobs));

	if (store_host_backoff_expire(st, r->now, err) == -1 ||
	    store_feeds_list(st, &have, err) == -1)
		goto fail;
	if (have.n > 1)
		qsort(have.feeds, have.n, sizeof(*have.feeds), cmp_feed_url);

	/* Every feed gets its row, title and tags, in one transaction. */
	if (store_begin(st, err) == -1)
		goto fail;
	for (i = 0; i < urls->n; i++) {
		uf = &urls->feeds[i];
		if (uf->kind == URLS_QUERY)
			continue;
		j = &r->jobs[r->n_jobs++];
		j->r = r;
		j->uf = uf;
		sf = find_stored(&have, uf->url);
		if (sf != NULL) {
			j->feed_id = sf->id;
			j->stored_title = dup_or_null(sf->title);
		} else if ((j->feed_id = store_feed_ensure(st, uf->url,
		    err)) == -1)
			goto fail_tx;
		if ((sf == NULL && uf->title != NULL) ||
		    (sf != NULL && !same_str(sf->user_title, uf->title)))
			if (store_feed_set_user_title(st, j->feed_id,
			    uf->title, err) == -1)
				goto fail_tx;
		if ((sf == NULL && uf->n_tags > 0) ||
		    (sf != NULL && !same_tags(uf, sf)))
			if (store_feed_set_tags(st, j->feed_id,
			    (const char *const *)uf->tags, uf->n_tags,
			    err) == -1)
				goto fail_tx;
	}
	if (store_commit(st, err) == -1)
		goto fail_tx;
	r->stats.total = r->n_jobs;

	for (i = 0; i < r->n_jobs; i++) {
		j = &r->jobs[i];
		uf = j->uf;
		sf = find_stored(&have, uf->url);
		if (uf->kind == URLS_EXEC) {
			report(r, j, REFRESH_SKIPPED, "exec: and filter: "
			    "feeds are not supported by gazette", 0, NULL,
			    0, 0);
			continue;
		}
		if (!r->opts.force && sf != NULL && sf->next_fetch > r->now) {
			report(r, j, REFRESH_SKIPPED, "not due yet (ttl, "
			    "max-age, Expires, @reload or Retry-After)", 0,
			    NULL, 0, 0);
			continue;
		}
		if (!r->opts.force && uf->kind == URLS_HTTP &&
		    (host = url_host(uf->url)) != NULL) {
			backoff = host_backoff(st, &hc, host);
			free(host);
			if (backoff > r->now) {
				report(r, j, REFRESH_SKIPPED, "host asked to "
				    "back off (Retry-After)", 0, NULL, 0, 0);
				continue;
			}
		}
		memset(&req, 0, sizeof(req));
		req.url = uf->url;
		if (sf != NULL) {
			req.etag = sf->etag;
			req.last_modified = sf->last_modified;
		}
		req.user_agent = uf->set.user_agent;
		req.proxy = uf->set.proxy;
		req.timeout = uf->set.timeout;
		req.connect_timeout = uf->set.connect_timeout;
		req.low_speed_limit = uf->set.low_speed_limit;
		req.low_speed_time = uf->set.low_speed_time;
		req.max_size = uf->set.max_size;
		req.allow_file = uf->kind == URLS_FILE;
		req.ctx = j;
		fetch_add(r->fetch, &req);
	}
	host_cache_free(&hc);
	store_feed_list_free(&have);
	r->started = true;
	return (r);

fail_tx:
	store_rollback(st);
fail:
	store_feed_list_free(&have);
	refresh_finish(r, NULL);
	return (NULL);
}

size_t
refresh_step(struct refresh *r, int timeout_ms, int extra_fd)
{
	size_t before = r->stats.done;

	if (r->dirty && (timeout_ms < 0 || timeout_ms > GROUP_POLL_MS))
		timeout_ms = GROUP_POLL_MS;
	if (fetch_pending(r->fetch) > 0)
		fetch_step(r->fetch, timeout_ms, extra_fd);
	if (r->dirty && (r->stats.done == before ||
	    ms_since(&r->dirty_since) >= GROUP_MS ||
	    fetch_pending(r->fetch) == 0))
		flush_group(r);
	/* Every queued feed ends in done or skip: none is left behind. */
	if (fetch_pending(r->fetch) == 0)
		return (0);
	return (r->stats.total - r->stats.done);
}

void
refresh_wakeup(struct refresh *r)
{
	fetch_wakeup(r->fetch);
}

const struct refresh_stats *
refresh_stats(const struct refresh *r)
{
	return (&r->stats);
}

void
refresh_finish(struct refresh *r, struct refresh_stats *out)
{
	size_t i;

	struct err err = ERR_INIT;

	if (r == NULL)
		return;
	fetch_free(r->fetch);
	flush_group(r);
	store_set_group_commit(r->st, 0);
	/* Everything is stored: bring the search index up to date, in its
	   own batches (cheap when nothing changed). */
	if (r->started && search_sync(r->st, &err) == -1)
		snprintf(r->stats.search_error, sizeof(r->stats.search_error),
		    "%s", err.msg);
	for (i = 0; i < r->n_jobs; i++) {
		if (r->jobs[i].parser != NULL)
			feed_parser_free(r->jobs[i].parser);
		job_clear_items(&r->jobs[i]);
		free(r->jobs[i].stored_title);
	}
	free(r->jobs);
	if (out != NULL)
		*out = r->stats;
	free(r);
}

int
refresh_run(struct store *st, const struct urls_list *urls,
    const struct refresh_opts *opts, const struct refresh_cb *cb,
    struct refresh_stats *out, struct err *err)
{
	struct refresh *r;

	if ((r = refresh_start(st, urls, opts, cb, err)) == NULL)
		return (-1);
	while (refresh_step(r, 1000, -1) > 0)
		continue;
	refresh_finish(r, out);
	return (0);
}
