/*
 * refresh_store: the store side of a refresh (see refresh_int.h).  Every
 * database write of a refresh happens here, on the writer thread, in
 * grouped commits.  A group (one transaction, a savepoint per feed) is
 * open only while the writer stores what the fetch side queued: it is
 * committed as soon as the queue is empty, before the writer waits for
 * more, and at the latest GROUP_MS after it began.  So the database's
 * write lock is never held while the refresh waits on the network, and
 * other writers (the interface marking read, a second program) get it
 * between groups.  The search index is not written here: a commit wakes
 * the indexer thread (refresh_index.c) once INDEX_ROWS articles wait.
 * WAL checkpoints run on a thread of their own meanwhile (store_ckpt.c).
 *
 * A feed's report waits for the commit of the group that stored it: the
 * counters say what the database holds, not what was attempted.  When a
 * group is lost (its commit failed, or SQLite rolled it back, as a full
 * disk can), the feeds it held are reported failed and "unsaved", and
 * the error is kept once in stats.flush_error.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "feed.h"
#include "fetch.h"
#include "item.h"
#include "refresh.h"
#include "refresh_int.h"
#include "store.h"
#include "xmalloc.h"

#define FRESH_CAP	(24 * 3600)	/* never trust a feed for longer */

/* A feed's report, held until its group is committed. */
struct refresh_pending {
	struct refresh_pending	*next;
	struct refresh_job	*j;
	enum refresh_outcome	 outcome;
	char			*error;
	int			 http_status;
	char			*moved_to;
	size_t			 new_items;
	size_t			 updated;
};
/* Body bytes the fetch side may get ahead of the writer by: enough to go
   on parsing (about 14 MB on the bench) while the writer commits; 4 MB
   made it wait. */
#define QUEUE_BYTES	(16 * 1024 * 1024)
/*
 * Articles committed before the indexer is woken: each wake is an index
 * transaction, a new FTS5 segment to merge later.  Waking it at every
 * commit (a few hundred articles) cost 1.5 times the CPU of the whole
 * cold refresh on bench/refresh; the rest is indexed at the end.
 *
 * Waking it sooner does not make a refresh searchable sooner: on
 * bench/refresh (1000 feeds, alternated runs) a first batch at 2,000
 * articles after a first group of 100 ms, with the threshold counted
 * from what the indexer last took rather than from the last wake, came
 * out 2-6% slower with 0-9% more CPU, and a wake at every commit once
 * the fetch side had nothing left 3% slower.  While feeds are fetched
 * the fetch side, this writer, the indexer and its reader want about
 * three cores of the two: what the indexer does earlier, the fetch
 * side does later, and the smaller early batches cost CPU.
 */
#define INDEX_ROWS	10000

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

/*
 * The database lost stored work (a group, or a feed's savepoint on a
 * full disk): keep the first reason.  A full disk is not the database's
 * fault (the next refresh recovers); anything else is.
 */
static void
lost(struct refresh *r, const struct err *err)
{
	if (r->stats.flush_error[0] == '\0')
		snprintf(r->stats.flush_error, sizeof(r->stats.flush_error),
		    "%s", err->msg[0] != '\0' ? err->msg :
		    "the database lost what was stored");
	if (err->code != ERR_FULL)
		r->stats.db_failed = true;
	else
		r->stats.disk_full = true;
}

/* Hold a report until the group storing the feed commits. */
static void
defer(struct refresh *r, struct refresh_job *j, enum refresh_outcome o,
    const char *error, int http_status, const char *moved_to,
    size_t new_items, size_t updated)
{
	struct refresh_pending *p = xcalloc(1, sizeof(*p));

	p->j = j;
	p->outcome = o;
	p->error = xstrdup_or_null(error);
	p->http_status = http_status;
	p->moved_to = xstrdup_or_null(moved_to);
	p->new_items = new_items;
	p->updated = updated;
	*r->pending_tail = p;
	r->pending_tail = &p->next;
}

/* The group holding the pending reports ended: committed (err NULL) or
   lost (err says why).  Report them. */
static void
settle(struct refresh *r, const struct err *err)
{
	struct refresh_pending *p;

	if (err != NULL && r->pending != NULL)
		lost(r, err);
	while ((p = r->pending) != NULL) {
		r->pending = p->next;
		if (err == NULL)
			refresh_report(r, p->j, p->outcome, p->error,
			    p->http_status, p->moved_to, p->new_items,
			    p->updated);
		else if (p->outcome == REFRESH_FAILED)
			/* failed anyway: its own reason says more */
			refresh_report(r, p->j, REFRESH_FAILED, p->error,
			    p->http_status, p->moved_to, 0, 0);
		else
			refresh_report_unsaved(r, p->j, err->msg,
			    p->http_status, p->moved_to);
		free(p->error);
		free(p->moved_to);
		free(p);
	}
	r->pending_tail = &r->pending;
}

void
refresh_flush_group(struct refresh *r)
{
	struct err err = ERR_INIT;

	r->dirty = false;
	if (store_flush(r->st, &err) == -1)
		settle(r, &err);
	else {
		settle(r, NULL);
		/* the index in steps of INDEX_ROWS: fewer, larger segments */
		if (r->written - r->index_mark >= INDEX_ROWS) {
			r->index_mark = r->written;
			refresh_indexer_kick(r);
		}
	}
}

static void
report(struct refresh *r, struct refresh_job *j, enum refresh_outcome o,
    const char *error, int http_status, const char *moved_to,
    size_t new_items, size_t updated, bool unsaved)
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
	rep.unsaved = unsaved;
	r->cb.feed_done(r->cb.ctx, &rep, &r->stats);
}

void
refresh_report(struct refresh *r, struct refresh_job *j, enum refresh_outcome o,
    const char *error, int http_status, const char *moved_to,
    size_t new_items, size_t updated)
{
	report(r, j, o, error, http_status, moved_to, new_items, updated,
	    false);
}

/* Fetched but not stored: the database lost it (stats.flush_error). */
void
refresh_report_unsaved(struct refresh *r, struct refresh_job *j,
    const char *why, int http_status, const char *moved_to)
{
	struct buf msg;

	r->stats.unsaved++;
	buf_init(&msg, 1024);
	buf_addf(&msg, "not stored: %s", why);
	report(r, j, REFRESH_FAILED, buf_str(&msg), http_status, moved_to, 0,
	    0, true);
	buf_free(&msg);
}

static int
cmp_date_desc(const void *a, const void *b)
{
	const struct item *x = &((const struct refresh_item *)a)->item;
	const struct item *y = &((const struct refresh_item *)b)->item;
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

/*
 * Writing a feed's outcome failed (serr; that feed's savepoint is rolled
 * back): report it now.  A full disk is said once (stats.flush_error),
 * not per feed; the feed's own failure (fetch_error), if any, is named.
 */
static void
store_failed(struct refresh *r, struct refresh_job *j, const struct err *serr,
    const char *fetch_error, const struct fetch_response *resp)
{
	struct buf msg;

	r->db_err = *serr;
	if (serr->code == ERR_FULL) {
		lost(r, serr);
		if (fetch_error != NULL)
			refresh_report(r, j, REFRESH_FAILED, fetch_error,
			    resp->http_status, resp->moved_to, 0, 0);
		else
			refresh_report_unsaved(r, j, serr->msg,
			    resp->http_status, resp->moved_to);
		return;
	}
	r->stats.db_failed = true;
	buf_init(&msg, 1024);
	buf_addf(&msg, "database: %s", serr->msg);
	refresh_report(r, j, REFRESH_FAILED, buf_str(&msg), resp->http_status,
	    resp->moved_to, 0, 0);
	buf_free(&msg);
}

/* keep-articles-days: articles dated before this are not kept. */
static int64_t
keep_since(const struct refresh *r)
{
	return (r->now - (int64_t)r->opts.keep_days * 86400);
}

/* Dated before keep-articles-days allows (newsboat does not store it). */
static bool
too_old(const struct refresh *r, const struct item *it)
{
	int64_t d = it->published != ITEM_NO_DATE ? it->published :
	    it->updated;

	return (r->opts.keep_days > 0 && d != ITEM_NO_DATE &&
	    d < keep_since(r));
}

/* Parse result and items into the store, in one transaction. */

/* reset-unread-on-update: a changed article of j's feed is unread again. */
static int
reset_unread(struct refresh *r, struct refresh_job *j, const struct item *it,
    struct err *err)
{
	struct store_item_full full;
	int rc;

	memset(&full, 0, sizeof(full));
	if (store_item_get_guid(r->st, j->feed_id, it->guid, &full, err) == -1)
		return (-1);
	rc = full.row.id != 0 && full.row.read ? store_item_set_read(r->st,
	    full.row.id, false, err) : 0;
	store_item_full_clear(&full);
	return (rc);
}

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
	size_t i, n, news = 0, upd = 0, maxi, ignored = 0;
	bool kill, had;

	buf_init(&msg, 1024);
	if (j->parsed) {
		fs = j->fs;
		perr = j->perr;
		meta = &j->meta;
	} else if (fetch_error == NULL)
		err_set(&perr, ERR_NOTFEED, "empty document");
	if (fetch_error != NULL)
		buf_addstr(&msg, fetch_error);
	else if (fs == FEED_FAILED && perr.code == ERR_LIMIT)
		buf_addstr(&msg, perr.msg);	/* a feed, but too big */
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
			if (too_old(r, &j->items[i].item))
				continue;
			if (r->opts.ignore != NULL) {
				if (store_item_ignored(r->st, j->feed_id,
				    &j->items[i].item, &j->items[i].prep,
				    r->now, r->opts.ignore, &kill, &had,
				    &serr) == -1)
					break;
				if (kill) {
					/* Counted when it would have been new. */
					ignored += !had;
					continue;
				}
			}
			if (store_item_upsert_prepared(r->st, j->feed_id,
			    &j->items[i].item, &j->items[i].prep, r->now, &up,
			    &serr) == -1)
				break;
			if (up == STORE_UPSERT_NEW)
				news++;
			else if (up == STORE_UPSERT_UPDATED)
				upd++;
			if (up == STORE_UPSERT_UPDATED && j->reset_unread &&
			    reset_unread(r, j, &j->items[i].item, &serr) == -1)
				break;
		}
		if (!err_isset(&serr) && r->opts.keep_days > 0)
			(void)store_feed_expire(r->st, j->feed_id,
			    keep_since(r), &serr);
		if (!err_isset(&serr))
			(void)store_feed_record(r->st, j->feed_id, &res, &serr);
		if (!err_isset(&serr))
			(void)store_commit(r->st, &serr);
		mark_dirty(r);
		if (err_isset(&serr))
			store_rollback(r->st);
	}
	refresh_job_clear_items(j);
	if (err_isset(&serr))
		store_failed(r, j, &serr, NULL, resp);
	else {
		r->written += news + upd;
		r->stats.ignored += ignored;
		defer(r, j, msg.len > 0 ? REFRESH_FAILED : REFRESH_FETCHED,
		    msg.len > 0 ? buf_str(&msg) : NULL, resp->http_status,
		    resp->moved_to, news, upd);
	}
	buf_free(&msg);
}


bool
refresh_has_document(const struct refresh_job *j,
    const struct fetch_response *resp)
{
	switch (resp->status) {
	case FETCH_OK:
	case FETCH_STOPPED:
		return (true);
	case FETCH_FAILED:
		/* what was parsed before the failure is kept */
		return (j->parsed && j->n_items > 0);
	case FETCH_NOT_MODIFIED:
	case FETCH_HTTP_ERROR:
		break;
	}
	return (false);
}

/* The database half of a transfer's end (the fetch side did the rest). */
static void
store_outcome(struct refresh *r, struct refresh_msg *m)
{
	struct refresh_job *j = m->j;
	const struct fetch_response *resp = &m->resp;
	struct store_fetch_result res;
	struct err serr = ERR_INIT;

	if (m->skip_why != NULL) {
		refresh_report(r, j, REFRESH_SKIPPED, m->skip_why, 0, NULL, 0,
		    0);
		return;
	}
	if (refresh_has_document(j, resp)) {
		store_document(r, j, resp, resp->status == FETCH_FAILED ?
		    resp->error : NULL);
	} else {
		memset(&res, 0, sizeof(res));
		res.http_status = resp->http_status;
		res.error = resp->status == FETCH_NOT_MODIFIED ? NULL :
		    resp->error;
		res.fetched_at = r->now;
		res.moved_to = resp->moved_to;
		if (resp->status == FETCH_NOT_MODIFIED)
			res.next_fetch = next_fetch(r, j, resp->fresh_until,
			    -1);
		if (m->backoff_until > 0)
			res.next_fetch = m->backoff_until;
		(void)store_feed_record(r->st, j->feed_id, &res, &serr);
		mark_dirty(r);
		if (m->backoff_host != NULL && !err_isset(&serr))
			(void)store_host_backoff_set(r->st, m->backoff_host,
			    m->backoff_until, &serr);
		if (err_isset(&serr))
			store_failed(r, j, &serr, resp->status ==
			    FETCH_NOT_MODIFIED ? NULL : resp->error, resp);
		else if (resp->status == FETCH_NOT_MODIFIED)
			defer(r, j, REFRESH_NOT_MODIFIED, NULL,
			    resp->http_status, resp->moved_to, 0, 0);
		else
			defer(r, j, REFRESH_FAILED, resp->error,
			    resp->http_status, resp->moved_to, 0, 0);
	}
	refresh_job_clear_items(j);
}

void
refresh_msg_free(struct refresh_msg *m)
{
	if (m == NULL)
		return;
	free((char *)m->resp.reason);
	free((char *)m->resp.error);
	free((char *)m->resp.url);
	free((char *)m->resp.etag);
	free((char *)m->resp.last_modified);
	free((char *)m->resp.charset);
	free((char *)m->resp.moved_to);
	free(m->backoff_host);
	free(m);
}

/*
 * A group ended while more waits to be written: leave the lock free a
 * moment, so that another writer waiting for it (the interface marking
 * read, polling every 2 ms) gets in before the next group.
 */
static void
yield(void)
{
	struct timespec ts = { 0, YIELD_MS * 1000000L };

	(void)nanosleep(&ts, NULL);
}

static void
handle(struct refresh *r, struct refresh_msg *m)
{
	store_outcome(r, m);
	refresh_msg_free(m);
	if (r->dirty && !store_group_pending(r->st)) {
		/* SQLite rolled the whole group back (a full disk). */
		r->dirty = false;
		settle(r, &r->db_err);
	} else if (r->dirty && ms_since(&r->dirty_since) >= GROUP_MS) {
		refresh_flush_group(r);
		yield();
	}
}

void
refresh_post(struct refresh *r, struct refresh_msg *m)
{
	if (!r->threaded) {
		/* Stored and committed before the network again. */
		handle(r, m);
		if (r->dirty)
			refresh_flush_group(r);
		return;
	}
	m->next = NULL;
	pthread_mutex_lock(&r->mu);
	/* Only an empty queue can have the writer waiting on it. */
	if (r->head == NULL)
		pthread_cond_signal(&r->wake);
	*r->tail = m;
	r->tail = &m->next;
	r->queued += m->bytes;
	while (r->queued > QUEUE_BYTES && r->head != NULL)
		pthread_cond_wait(&r->room, &r->mu);
	pthread_mutex_unlock(&r->mu);
}

/* Wait on wake until deadline (mu held) or until closing. */
static void
wait_until(struct refresh *r, const struct timespec *deadline)
{
	while (!r->closing && pthread_cond_timedwait(&r->wake, &r->mu,
	    deadline) == 0)
		continue;
}

static void *
writer_main(void *arg)
{
	struct refresh *r = arg;
	struct refresh_msg *batch, *m;
	struct timespec t;
	bool idle = false;

	pthread_mutex_lock(&r->mu);
	for (;;) {
		if (r->head == NULL && r->dirty) {
			/*
			 * Nothing left to write: commit before waiting for
			 * more, never holding the write lock while the
			 * fetch side waits on the network.
			 */
			pthread_mutex_unlock(&r->mu);
			refresh_flush_group(r);
			pthread_mutex_lock(&r->mu);
			continue;
		}
		if (r->head == NULL) {
			if (r->closing)
				break;
			pthread_cond_wait(&r->wake, &r->mu);
			idle = true;
			continue;
		}
		if (idle) {
			/*
			 * Woken from idle: let GATHER_MS of results come in
			 * before opening a group (no lock is held yet), so
			 * that a run of 304s is one commit, not one each.
			 */
			idle = false;
			clock_gettime(CLOCK_MONOTONIC, &t);
			t.tv_nsec += GATHER_MS * 1000000L;
			if (t.tv_nsec >= 1000000000L) {
				t.tv_sec++;
				t.tv_nsec -= 1000000000L;
			}
			wait_until(r, &t);
		}
		batch = r->head;
		r->head = NULL;
		r->tail = &r->head;
		r->queued = 0;
		pthread_cond_broadcast(&r->room);
		pthread_mutex_unlock(&r->mu);
		while ((m = batch) != NULL) {
			batch = m->next;
			handle(r, m);
		}
		pthread_mutex_lock(&r->mu);
	}
	pthread_mutex_unlock(&r->mu);
	return (NULL);
}

void
refresh_writer_start(struct refresh *r)
{
	pthread_condattr_t ca;
	int rc;

	r->head = NULL;
	r->tail = &r->head;
	if (pthread_mutex_init(&r->mu, NULL) != 0)
		return;
	if (pthread_condattr_init(&ca) != 0)
		goto fail_mu;
	(void)pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	rc = pthread_cond_init(&r->wake, &ca);
	pthread_condattr_destroy(&ca);
	if (rc != 0)
		goto fail_mu;
	if (pthread_cond_init(&r->room, NULL) != 0)
		goto fail_wake;
	/* Without a thread everything still works, on one core. */
	if (pthread_create(&r->writer, NULL, writer_main, r) != 0)
		goto fail_room;
	r->threaded = true;
	return;
fail_room:
	pthread_cond_destroy(&r->room);
fail_wake:
	pthread_cond_destroy(&r->wake);
fail_mu:
	pthread_mutex_destroy(&r->mu);
}

void
refresh_writer_stop(struct refresh *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->mu);
	r->closing = true;
	pthread_cond_signal(&r->wake);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->writer, NULL);
	r->threaded = false;
	pthread_cond_destroy(&r->room);
	pthread_cond_destroy(&r->wake);
	pthread_mutex_destroy(&r->mu);
}
