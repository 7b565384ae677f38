/* refresh: urls -> fetch -> parse -> store, one transaction per feed. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "feed.h"
#include "fetch.h"
#include "fetch_opts.h"
#include "item.h"
#include "paths.h"
#include "refresh.h"
#include "refresh_int.h"
#include "search.h"
#include "store.h"
#include "url.h"
#include "urls.h"
#include "xmalloc.h"

#define BACKOFF_429	(10 * 60)	/* 429 without Retry-After */

static const char why_backoff[] = "host asked to back off (Retry-After)";

/*
 * The lock belongs to the database file, whatever path names it: beside
 * the file itself, all links resolved, so that a refresh through a
 * symbolic link (to the file or a directory above it) and one through
 * the real path take the same lock.  (Hard links are still two names.)
 */
int
refresh_lock(const char *db_path, struct err *err)
{
	struct buf b;
	char *real;
	int fd;

	if (paths_mkdir_parents(db_path, err) == -1 ||
	    (real = paths_resolve(db_path, err)) == NULL)
		return (-1);
	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "%s.lock", real);
	free(real);
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

static void
item_copy(struct item *dst, const struct item *src)
{
	size_t i;

	item_init(dst);
	dst->guid = xstrdup_or_null(src->guid);
	dst->title = xstrdup_or_null(src->title);
	dst->link = xstrdup_or_null(src->link);
	dst->author = xstrdup_or_null(src->author);
	dst->published = src->published;
	dst->updated = src->updated;
	dst->content_type = src->content_type;
	dst->content = xstrdup_or_null(src->content);
	if (src->n_enclosures > 0) {
		dst->enclosures = xcalloc(src->n_enclosures,
		    sizeof(*dst->enclosures));
		for (i = 0; i < src->n_enclosures; i++) {
			dst->enclosures[i].url =
			    xstrdup_or_null(src->enclosures[i].url);
			dst->enclosures[i].type =
			    xstrdup_or_null(src->enclosures[i].type);
			dst->enclosures[i].length = src->enclosures[i].length;
		}
		dst->n_enclosures = src->n_enclosures;
	}
	if (src->n_categories > 0) {
		dst->categories = xcalloc(src->n_categories,
		    sizeof(*dst->categories));
		for (i = 0; i < src->n_categories; i++)
			dst->categories[i] = xstrdup_or_null(src->categories[i]);
		dst->n_categories = src->n_categories;
	}
}

void
refresh_job_clear_items(struct refresh_job *j)
{
	size_t i;

	for (i = 0; i < j->n_items; i++) {
		store_item_prep_clear(&j->items[i].prep);
		item_clear(&j->items[i].item);
	}
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
	item_copy(&j->items[j->n_items].item, item);
	/* The writer is the slower half: leave it only the SQL. */
	store_item_prepare(&j->items[j->n_items].item,
	    &j->items[j->n_items].prep);
	j->n_items++;
	return (0);
}

static int
on_data(void *ctx, const struct fetch_response *resp, const void *buf,
    size_t len)
{
	struct refresh_job *j = ctx;
	struct feed_parse_opts po;
	struct feed_sink sink;

	if (j->filtering)
		return (buf_add(&j->body, buf, len));
	if (j->parser == NULL) {
		memset(&po, 0, sizeof(po));
		po.base_url = resp->url != NULL ? resp->url : j->uf->url;
		/* A command's output has no address but a filter's URL. */
		if (j->command != NULL)
			po.base_url = j->filter_url != NULL ? j->http.url :
			    NULL;
		po.charset = j->uf->set.encoding != NULL ?
		    j->uf->set.encoding : resp->charset;
		po.charset_force = j->uf->set.encoding != NULL;
		po.description = j->r->opts.description;
		if (j->uf->set.max_size > (int64_t)FEED_DEFAULT_MAX_BYTES)
			po.max_bytes = (size_t)j->uf->set.max_size;
		sink.ctx = j;
		sink.item = sink_item;
		j->parser = feed_parser_new(&po, &sink);
	}
	j->bytes += len;
	return (feed_parser_push(j->parser, buf, len) == -1 ? -1 : 0);
}

static void	job_fetch(struct refresh *, struct refresh_job *);
static bool	job_filter(struct refresh *, struct refresh_job *,
		    const struct fetch_response *);
static void	job_filter_merge(struct refresh_job *,
		    struct fetch_response *);
static bool	job_retry(struct refresh *, struct refresh_job *,
		    const struct fetch_response *);

static struct refresh_msg *
msg_new(struct refresh_job *j)
{
	struct refresh_msg *m = xcalloc(1, sizeof(*m));

	m->j = j;
	return (m);
}

static void
skip_cb(void *ctx, const void *arg)
{
	struct refresh_job *j = ctx;
	struct refresh_msg *m = msg_new(j);

	m->skip_why = arg;
	refresh_post(j->r, m);
}

/*
 * The failure a 429/503 is reported as: the status, and which host is
 * left alone until when, and why that long.
 */
static char *
backoff_error(const struct fetch_response *resp, const char *host,
    int64_t until)
{
	struct buf b;
	struct tm tm;
	time_t t = (time_t)until;
	char when[64];

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(when, sizeof(when), "%Y-%m-%d %H:%M %Z", &tm) == 0)
		snprintf(when, sizeof(when), "%lld", (long long)until);
	buf_init(&b, SIZE_MAX);
	buf_addf(&b, "%s; %s is left alone until %s ",
	    resp->error != NULL ? resp->error : "HTTP error", host, when);
	if (resp->retry_after == 0)
		buf_addf(&b, "(%d minutes for a 429 without Retry-After)",
		    BACKOFF_429 / 60);
	else if (resp->retry_capped)
		buf_addf(&b, "(its Retry-After asked for longer: %d days "
		    "at most)", FETCH_MAX_RETRY_AFTER / 86400);
	else
		buf_addstr(&b, "(Retry-After)");
	return (buf_detach(&b));
}

/*
 * A transfer ended: hand the job to the writer (refresh_store.c).  Only
 * what needs the transfers stays here: a host that asked to back off
 * (the one that answered, after any redirect) has its other feeds
 * dropped from the queue.
 */
static void
on_done(void *ctx, const struct fetch_response *resp)
{
	struct refresh_job *j = ctx;
	struct refresh *r = j->r;
	struct refresh_msg *m = msg_new(j);
	const struct feed_meta *meta;
	char *host = NULL;
	int64_t until = 0;

	if (job_retry(r, j, resp) || job_filter(r, j, resp)) {
		free(m);
		return;
	}
	if (j->parser != NULL) {
		/* The last items come out of finish. */
		j->fs = feed_parser_finish(j->parser, &j->perr);
		meta = feed_parser_meta(j->parser);
		j->meta.title = xstrdup_or_null(meta->title);
		j->meta.link = xstrdup_or_null(meta->link);
		j->meta.ttl = meta->ttl;
		j->parsed = true;
		feed_parser_free(j->parser);
		j->parser = NULL;
	}
	m->resp = *resp;
	m->resp.reason = xstrdup_or_null(resp->reason);
	m->resp.error = xstrdup_or_null(resp->error);
	m->resp.url = xstrdup_or_null(resp->url);
	m->resp.etag = xstrdup_or_null(resp->etag);
	m->resp.last_modified = xstrdup_or_null(resp->last_modified);
	m->resp.charset = xstrdup_or_null(resp->charset);
	m->resp.moved_to = xstrdup_or_null(resp->moved_to);
	m->bytes = j->bytes;
	job_filter_merge(j, &m->resp);
	if (!refresh_has_document(j, resp) &&
	    (resp->http_status == 429 || resp->http_status == 503)) {
		until = resp->retry_after;
		if (until == 0 && resp->http_status == 429)
			until = r->now + BACKOFF_429;
		m->backoff_until = until;
		if (until > 0 && (host = url_host(resp->url != NULL ?
		    resp->url : j->uf->url)) != NULL) {
			m->backoff_host = xstrdup(host);
			free((char *)m->resp.error);
			m->resp.error = backoff_error(resp, host, until);
		}
	}
	refresh_post(r, m);
	if (host != NULL) {
		/* The rest of this host's feeds wait too. */
		r->backoff_skipped += fetch_drop_host(r->fetch, host, skip_cb,
		    why_backoff);
		free(host);
	}
}

/*
 * A filter: feed's URL was fetched (j->filtering): on a 200 its body
 * goes through the command (true: the job goes on); anything else ends
 * the job as for any feed (false).
 */
static bool
job_filter(struct refresh *r, struct refresh_job *j,
    const struct fetch_response *resp)
{
	if (!j->filtering)
		return (false);
	j->filtering = false;
	if (resp->status != FETCH_OK) {
		buf_free(&j->body);
		return (false);
	}
	j->http = *resp;
	j->http.reason = NULL;
	j->http.error = NULL;
	j->http.charset = NULL;
	j->http.url = xstrdup(resp->url != NULL ? resp->url : j->filter_url);
	j->http.etag = xstrdup_or_null(resp->etag);
	j->http.last_modified = xstrdup_or_null(resp->last_modified);
	j->http.moved_to = xstrdup_or_null(resp->moved_to);
	job_fetch(r, j);
	return (true);
}

/*
 * The stored row of a filter: feed follows its URL's answer (validators
 * for the next conditional GET, freshness, a permanent redirect) once
 * the command has made a document of it; the command's own outcome
 * decides the rest.
 */
static void
job_filter_merge(struct refresh_job *j, struct fetch_response *resp)
{
	if (j->filter_url == NULL || j->http.url == NULL)
		return;
	buf_free(&j->body);
	resp->http_status = j->http.http_status;
	if (resp->moved_to == NULL)
		resp->moved_to = xstrdup_or_null(j->http.moved_to);
	if (resp->status != FETCH_OK)
		return;
	free((char *)resp->etag);
	free((char *)resp->last_modified);
	resp->etag = xstrdup_or_null(j->http.etag);
	resp->last_modified = xstrdup_or_null(j->http.last_modified);
	resp->fresh_until = j->http.fresh_until;
}

static void
job_http_clear(struct refresh_job *j)
{
	free((char *)j->http.url);
	free((char *)j->http.etag);
	free((char *)j->http.last_modified);
	free((char *)j->http.moved_to);
	memset(&j->http, 0, sizeof(j->http));
}

/* Queue j's transfer: its @settings, else the config's. */
static void
job_fetch(struct refresh *r, struct refresh_job *j)
{
	const struct urls_feed *uf = j->uf;
	struct fetch_req req;

	memset(&req, 0, sizeof(req));
	req.url = uf->url;
	if (j->command != NULL && j->filter_url != NULL && j->http.url ==
	    NULL) {
		/* A filter's URL first, as any feed. */
		j->filtering = true;
		buf_init(&j->body, SIZE_MAX);
		req.url = j->filter_url;
	} else if (j->command != NULL) {
		req.command = j->command;
		if (j->filter_url != NULL) {
			req.url = j->http.url;
			req.input = j->body.data != NULL ? j->body.data : "";
			req.input_len = j->body.len;
		}
	}
	req.etag = j->etag;
	req.last_modified = j->last_modified;
	req.user_agent = uf->set.user_agent != NULL ? uf->set.user_agent :
	    r->opts.user_agent;
	req.proxy = uf->set.proxy != NULL ? uf->set.proxy : r->opts.proxy;
	if (uf->set.proxy == NULL)
		req.proxy_auth = r->opts.proxy_auth;
	req.timeout = uf->set.timeout > 0 ? uf->set.timeout :
	    r->opts.timeout;
	req.connect_timeout = uf->set.connect_timeout;
	req.low_speed_limit = uf->set.low_speed_limit;
	req.low_speed_time = uf->set.low_speed_time;
	req.max_size = uf->set.max_size;
	req.allow_file = uf->kind == URLS_FILE || (j->filtering &&
	    strncasecmp(j->filter_url, "file:", 5) == 0);
	req.ctx = j;
	j->attempts++;
	fetch_add(r->fetch, &req);
}

/*
 * download-retries: a transport failure or a 5xx other than 503 (which
 * backs off instead), before any of the body was parsed, is asked again.
 */
static bool
job_retry(struct refresh *r, struct refresh_job *j,
    const struct fetch_response *resp)
{
	if (j->attempts >= r->opts.attempts || j->parser != NULL ||
	    j->uf->kind != URLS_HTTP)
		return (false);
	if (resp->status == FETCH_FAILED ||
	    (resp->status == FETCH_HTTP_ERROR && resp->http_status >= 500 &&
	    resp->http_status != 503)) {
		job_fetch(r, j);
		return (true);
	}
	return (false);
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
host_backoff(struct store *st, struct host_cache *hc, const char *host,
    int64_t now)
{
	size_t i;

	for (i = 0; i < hc->n; i++)
		if (strcmp(hc->names[i], host) == 0)
			return (hc->until[i]);
	hc->names = xreallocarray(hc->names, hc->n + 1, sizeof(*hc->names));
	hc->until = xreallocarray(hc->until, hc->n + 1, sizeof(*hc->until));
	hc->names[hc->n] = xstrdup(host);
	hc->until[hc->n] = store_host_backoff_get(st, host, NULL);
	/* Longer than any Retry-After is let be: an older gazette stored
	   an HTTP date uncapped. */
	if (hc->until[hc->n] > now + FETCH_MAX_RETRY_AFTER)
		hc->until[hc->n] = 0;
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
	const struct urls_feed *uf;
	int64_t backoff;
	char *host;
	size_t i;

	r = xcalloc(1, sizeof(*r));
	r->st = st;
	r->pending_tail = &r->pending;
	r->cb = *cb;
	r->opts = *opts;
	if (r->opts.jobs <= 0)
		r->opts.jobs = FETCH_DEFAULT_JOBS;
	if (r->opts.per_host <= 0)
		r->opts.per_host = FETCH_DEFAULT_PER_HOST;
	r->now = (int64_t)time(NULL);
	r->fetch = fetch_new(r->opts.jobs, r->opts.per_host, &fcb);
	if (r->opts.fetch != NULL)
		fetch_set_opts(r->fetch, r->opts.fetch);
	r->jobs = xcalloc(urls->n + 1, sizeof(*r->jobs));

	if (store_host_backoff_expire(st, r->now, err) == -1 ||
	    store_feeds_list(st, &have, err) == -1)
		goto fail;
	if (have.n > 1)
		qsort(have.feeds, have.n, sizeof(*have.feeds), cmp_feed_url);

	/*
	 * Every feed gets its row, title and tags, in one transaction of
	 * its own, committed before anything is fetched: the rows exist
	 * whatever becomes of the groups that store the feeds.
	 */
	if (store_begin(st, err) == -1)
		goto fail;
	for (i = 0; i < urls->n; i++) {
		uf = &urls->feeds[i];
		if (uf->kind == URLS_QUERY || uf->kind == URLS_SEPARATOR)
			continue;
		j = &r->jobs[r->n_jobs++];
		j->r = r;
		j->uf = uf;
		sf = find_stored(&have, uf->url);
		if (sf != NULL) {
			j->feed_id = sf->id;
			j->stored_title = xstrdup_or_null(sf->title);
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
		if (uf->kind == URLS_EXEC && urls_command_split(uf->url,
		    &j->command, &j->filter_url) == -1) {
			refresh_report(r, j, REFRESH_FAILED, "not an exec: or "
			    "filter: feed gazette can run", 0, NULL, 0, 0);
			continue;
		}
		if (!r->opts.force && (uf->kind == URLS_HTTP ||
		    j->filter_url != NULL) && (host = url_host(
		    j->filter_url != NULL ? j->filter_url : uf->url)) != NULL) {
			backoff = host_backoff(st, &hc, host, r->now);
			free(host);
			if (backoff > r->now) {
				r->backoff_skipped++;
				refresh_report(r, j, REFRESH_SKIPPED, why_backoff,
				    0, NULL, 0, 0);
				continue;
			}
		}
		if (!r->opts.force && sf != NULL && sf->next_fetch > r->now) {
			if (sf->http_status != 429 && sf->http_status != 503) {
				refresh_report(r, j, REFRESH_SKIPPED, "not due "
				    "yet (ttl, max-age, Expires or @reload)", 0,
				    NULL, 0, 0);
				continue;
			}
			/* Its own back-off (from the host it is redirected
			   to, maybe), unless an older gazette stored it
			   uncapped. */
			if (sf->next_fetch <= r->now + FETCH_MAX_RETRY_AFTER) {
				r->backoff_skipped++;
				refresh_report(r, j, REFRESH_SKIPPED,
				    why_backoff, 0, NULL, 0, 0);
				continue;
			}
		}
		j->reset_unread = fetch_opts_listed(r->opts.reset_unread,
		    uf->url);
		/* always-download: no conditional request. */
		if (sf != NULL && !fetch_opts_listed(r->opts.always_download,
		    uf->url)) {
			j->etag = xstrdup_or_null(sf->etag);
			j->last_modified = xstrdup_or_null(sf->last_modified);
		}
		job_fetch(r, j);
	}
	host_cache_free(&hc);
	store_feed_list_free(&have);
	r->started = true;
	store_set_group_commit(st, true);
	(void)store_ckpt_start(st);
	refresh_indexer_start(r);
	refresh_writer_start(r);
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
	if (fetch_pending(r->fetch) > 0)
		fetch_step(r->fetch, timeout_ms, extra_fd);
	/* Every queued feed ends in done or skip: none is left behind. */
	return (fetch_pending(r->fetch));
}

void
refresh_finish(struct refresh *r, struct refresh_stats *out)
{
	struct err cerr = ERR_INIT;
	size_t i;

	if (r == NULL)
		return;
	/* Cookies are written while the refresh lock is still held. */
	(void)fetch_save_cookies(r->fetch, &cerr);
	fetch_free(r->fetch);
	/* What was fetched is stored before the counters are final. */
	refresh_writer_stop(r);
	refresh_flush_group(r);
	store_set_group_commit(r->st, false);
	/* Everything is stored: wait until it is searchable too (cheap when
	   nothing changed).  The checkpoints go on meanwhile: the indexer
	   asks for one after each batch. */
	if (r->started)
		refresh_indexer_finish(r);
	store_ckpt_stop(r->st);
	for (i = 0; i < r->n_jobs; i++) {
		if (r->jobs[i].parser != NULL)
			feed_parser_free(r->jobs[i].parser);
		feed_meta_clear(&r->jobs[i].meta);
		refresh_job_clear_items(&r->jobs[i]);
		free(r->jobs[i].stored_title);
		free(r->jobs[i].etag);
		free(r->jobs[i].last_modified);
		free(r->jobs[i].command);
		buf_free(&r->jobs[i].body);
		job_http_clear(&r->jobs[i]);
	}
	free(r->jobs);
	if (out != NULL) {
		*out = r->stats;
		out->backoff = r->backoff_skipped;
		snprintf(out->cookie_error, sizeof(out->cookie_error), "%s",
		    cerr.msg);
	}
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
	/* A damaged database takes no more: stop fetching. */
	while (refresh_step(r, 1000, -1) > 0 && !store_damaged(st))
		continue;
	refresh_finish(r, out);
	return (0);
}
