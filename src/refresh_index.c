/*
 * refresh_index: the search index follows a refresh on a thread of its
 * own (see refresh_int.h).  The thread opens its own read-only handle on
 * the store and, through it, its own connection to the index file
 * (search.c), so it takes neither the store's write lock nor the
 * writer's time: after each group commit the writer wakes it, and it
 * indexes what is committed, in batches, on the other core, while the
 * fetch side and the writer go on.
 *
 * refresh_indexer_finish, once everything is stored, wakes it a last
 * time and waits until it has indexed every committed article: `gazette
 * refresh` exits with its articles searchable, so a script (or cron
 * job) that searches next finds them, and a search never pays for a
 * refresh's indexing.  The wait is the last batch only: the rest was
 * indexed while the refresh fetched.
 *
 * That last batch is the tail of a cold refresh: on bench/refresh
 * (1000 feeds) 10,000-20,000 articles wait when the writer is done,
 * 0.3-0.5 s of FTS5 on one core with the batch's reader beside it.
 * Waking the indexer sooner does not shorten it (see INDEX_ROWS), and
 * checkpointing the index on a thread of its own, as the store is
 * (store_ckpt.c), changed the wall time by -5% to +2%: no more than two
 * builds of the same code differ by.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "refresh.h"
#include "refresh_int.h"
#include "search.h"
#include "store.h"

static void
record(struct refresh *r, const struct err *err)
{
	if (err_isset(err)) {
		snprintf(r->stats.search_error, sizeof(r->stats.search_error),
		    "%s", err->msg);
		r->stats.search_full = err->code == ERR_FULL;
	} else {
		r->stats.search_error[0] = '\0';
		r->stats.search_full = false;
	}
}

/*
 * A batch is indexed: its read transaction on the store has ended, and
 * the next one sees everything committed.  Have the store's WAL copied
 * now (store_ckpt.c): a read transaction holds the checkpoint back to
 * what it sees, so without this the last articles' pages were copied
 * by the store's close, after the indexing, on the refresh's way out.
 */
static void
batch_done(void *arg, int64_t indexed)
{
	struct refresh *r = arg;

	(void)indexed;
	store_ckpt_kick(r->st);
}

static void *
indexer_main(void *arg)
{
	struct refresh *r = arg;
	struct search_sync_opts so;
	struct store *st;
	struct err err = ERR_INIT;
	bool last;

	memset(&so, 0, sizeof(so));
	so.progress = batch_done;
	so.arg = r;

	st = store_open(store_path(r->st), STORE_READONLY, &err);
	pthread_mutex_lock(&r->imu);
	for (;;) {
		while (!r->ikick && !r->iclosing)
			pthread_cond_wait(&r->iwake, &r->imu);
		last = r->iclosing;
		r->ikick = false;
		pthread_mutex_unlock(&r->imu);
		if (st != NULL) {
			err_clear(&err);
			(void)search_sync_with(st, &so, &err);
		}
		pthread_mutex_lock(&r->imu);
		r->ierr = err;
		if (last)
			break;
	}
	pthread_mutex_unlock(&r->imu);
	store_close(st);
	return (NULL);
}

void
refresh_indexer_start(struct refresh *r)
{
	err_clear(&r->ierr);
	/* A first sync at once, before anything is stored: it opens the
	   index (makes it, on the first refresh) while the fetch begins,
	   not when the first articles wait for it. */
	r->ikick = true;
	if (pthread_mutex_init(&r->imu, NULL) != 0)
		return;
	if (pthread_cond_init(&r->iwake, NULL) != 0)
		goto fail_mu;
	/* Without a thread the index is brought up to date at the end. */
	if (pthread_create(&r->indexer, NULL, indexer_main, r) != 0)
		goto fail_cond;
	r->indexing = true;
	return;
fail_cond:
	pthread_cond_destroy(&r->iwake);
fail_mu:
	pthread_mutex_destroy(&r->imu);
}

void
refresh_indexer_kick(struct refresh *r)
{
	if (!r->indexing)
		return;
	pthread_mutex_lock(&r->imu);
	r->ikick = true;
	pthread_cond_signal(&r->iwake);
	pthread_mutex_unlock(&r->imu);
}

void
refresh_indexer_finish(struct refresh *r)
{
	struct err err = ERR_INIT;

	if (!r->indexing) {
		(void)search_sync(r->st, &err);
		record(r, &err);
		return;
	}
	pthread_mutex_lock(&r->imu);
	r->iclosing = true;
	pthread_cond_signal(&r->iwake);
	pthread_mutex_unlock(&r->imu);
	pthread_join(r->indexer, NULL);
	r->indexing = false;
	pthread_cond_destroy(&r->iwake);
	pthread_mutex_destroy(&r->imu);
	/* It failed (or could not open the store): once more, here. */
	if (err_isset(&r->ierr))
		(void)search_sync(r->st, &err);
	record(r, &err);
}
