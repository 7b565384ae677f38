/*
 * store_ckpt.c: WAL checkpoints on a thread of their own, for a writer
 * that commits a lot at once (refresh).
 *
 * In WAL mode every page is written twice: into the WAL by the commit,
 * then into the database file by a checkpoint.  SQLite runs that
 * checkpoint in the committing thread once the WAL holds 1000 pages,
 * which put 0.07-0.2 s of copying into each group commit of a cold
 * refresh, on the thread every other write waits for.  Here a second
 * connection copies the WAL after each commit (PASSIVE: it never waits
 * for a lock and never holds up the writer), while the writer goes on;
 * the writer's own automatic checkpoint only runs as a backstop
 * (STORE_CKPT_BACKSTOP), which keeps the WAL from growing without bound.
 * store_ckpt_open does the same for any database file (the search
 * index's, search.c).
 */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "err.h"
#include "store.h"
#include "store_int.h"
#include "xmalloc.h"


struct store_ckpt {
	sqlite3		*db;
	pthread_t	 thread;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	bool		 kicked;
	bool		 stopping;
	bool		 other;		/* not the store's file */
};

static void *
ckpt_main(void *arg)
{
	struct store_ckpt *c = arg;

	/* Another file's damage is not the store's (store_damage.c). */
	(void)store_damage_ignore(c->other);
	pthread_mutex_lock(&c->mu);
	for (;;) {
		while (!c->kicked && !c->stopping)
			pthread_cond_wait(&c->cv, &c->mu);
		if (!c->kicked)
			break;
		c->kicked = false;
		pthread_mutex_unlock(&c->mu);
		(void)sqlite3_wal_checkpoint_v2(c->db, NULL,
		    SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->mu);
	}
	pthread_mutex_unlock(&c->mu);
	return (NULL);
}

static struct store_ckpt *
ckpt_new(const char *path, bool other)
{
	struct store_ckpt *c;

	c = xcalloc(1, sizeof(*c));
	c->other = other;
	if (sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
		goto fail_db;
	/* A connection learns that the file is in WAL mode by reading. */
	if (sqlite3_exec(c->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL) != SQLITE_OK)
		goto fail_db;
	if (pthread_mutex_init(&c->mu, NULL) != 0)
		goto fail_db;
	if (pthread_cond_init(&c->cv, NULL) != 0)
		goto fail_mu;
	if (pthread_create(&c->thread, NULL, ckpt_main, c) != 0)
		goto fail_cv;
	return (c);
fail_cv:
	pthread_cond_destroy(&c->cv);
fail_mu:
	pthread_mutex_destroy(&c->mu);
fail_db:
	sqlite3_close(c->db);
	free(c);
	return (NULL);
}

struct store_ckpt *
store_ckpt_open(const char *path)
{
	return (ckpt_new(path, true));
}

void
store_ckpt_poke(struct store_ckpt *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->kicked = true;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

void
store_ckpt_close(struct store_ckpt *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->stopping = true;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	sqlite3_close(c->db);
	free(c);
}

int
store_ckpt_start(struct store *st)
{
	if (st->ckpt != NULL || st->readonly)
		return (0);
	/* Without the thread the writer checkpoints, as SQLite does. */
	if ((st->ckpt = ckpt_new(st->path, false)) == NULL)
		return (-1);
	(void)sqlite3_wal_autocheckpoint(st->db, STORE_CKPT_BACKSTOP);
	return (0);
}

void
store_ckpt_kick(struct store *st)
{
	store_ckpt_poke(st->ckpt);
}

void
store_ckpt_stop(struct store *st)
{
	if (st->ckpt == NULL)
		return;
	store_ckpt_close(st->ckpt);
	st->ckpt = NULL;
	(void)sqlite3_wal_autocheckpoint(st->db, STORE_CKPT_AUTO);
}
