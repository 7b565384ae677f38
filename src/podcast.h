/*
 * podcast: newsboat's podcast support -- a download queue of enclosures
 * and the downloader that empties it (newsboat's podboat).
 *
 * The queue is a text file named "queue" beside the database (as
 * newsboat keeps it beside cache.db), in podboat's format, one entry a
 * line:
 *	URL "TARGET PATH" [downloaded|played|finished]
 * no state word meaning "queued".  The path is in double quotes with
 * \" and \\ escaped.  Every change is made under an flock(2) on
 * "queue.lock" beside it: an entry is appended (O_APPEND) to enqueue it,
 * the file is replaced (a temporary file renamed over it) to change a
 * state, so a reader never sees half a file.  Lines that cannot be read
 * are kept as they are.
 *
 * Enclosure URLs are queued only when they are http or https and hold
 * no blank, quote or control character (they could not be written in
 * podboat's format); the target path is download-path, then
 * download-filename-format, their % specifiers filled from the article
 * and its feed (podcast_name.c).
 */
#ifndef GAZETTE_PODCAST_H
#define GAZETTE_PODCAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct conf;
struct store;
struct store_item_full;

enum podcast_state {
	PODCAST_QUEUED,
	PODCAST_DOWNLOADED,	/* "downloaded" */
	PODCAST_PLAYED,		/* "played" */
	PODCAST_FINISHED	/* "finished" */
};

struct podcast_entry {
	char			*url;
	char			*path;	/* NULL: a line kept as it was */
	enum podcast_state	 state;
	char			*line;	/* the raw line when unreadable */
};

struct podcast_queue {
	struct podcast_entry	*e;
	size_t			 n;
};

#define PODCAST_MAX_QUEUE	(16u * 1024 * 1024)	/* bytes of a queue */
#define PODCAST_PART		".part"

/* podcast_queue.c */
/* The queue file for a database path (a fresh string). */
char	*podcast_queue_path(const char *db_path);
const char *podcast_state_name(enum podcast_state s);
/* Take or drop the lock on the queue (flock on QUEUE.lock): fd or -1. */
int	 podcast_queue_lock(const char *queue, struct err *err);
void	 podcast_queue_unlock(int fd);
/* Read the queue (a missing file is an empty queue); caller holds the
 * lock.  -1 with err when it cannot be read. */
int	 podcast_queue_load(const char *queue, struct podcast_queue *q,
	    struct err *err);
/* Replace the queue file with q; caller holds the lock. */
int	 podcast_queue_save(const char *queue, const struct podcast_queue *q,
	    struct err *err);
void	 podcast_queue_free(struct podcast_queue *q);
/* The entry for url, or NULL. */
struct podcast_entry *podcast_queue_find(struct podcast_queue *q,
	    const char *url);
/*
 * Queue url to be saved as path (takes the lock itself).  1 when added,
 * 0 when url was queued already, -1 with err.
 */
int	 podcast_enqueue(const char *queue, const char *url, const char *path,
	    struct err *err);
/* Set url's state in the queue file (under the lock); 0 when it is not
 * there any more. */
int	 podcast_set_state(const char *queue, const char *url,
	    enum podcast_state s, struct err *err);
/* Can url go into the queue (http/https, nothing podboat cannot write)?
 * NULL if so, else why not. */
const char *podcast_url_refused(const char *url);

/* podcast_name.c */
/*
 * The target path of enclosure url of article it: download-path and
 * download-filename-format expanded (newsboat's specifiers), "~/" as
 * $HOME, a relative path made absolute.  Every value taken from the
 * feed is made a safe file name first: no '/', no control character,
 * no leading '.' or '-' (so never "." or ".."), at most
 * PODCAST_NAME_MAX bytes.  A fresh string, or NULL with err.
 */
#define PODCAST_NAME_MAX	200
char	*podcast_target(const struct conf *cfg, const struct store_item_full *it,
	    const char *url, struct err *err);
/* s made a safe file name as above (a fresh string, never empty). */
char	*podcast_safe_name(const char *s);

/* podcast_enqueue.c */
/*
 * Queue the enclosures of article item_id (audio, video or untyped when
 * all is false, as podcast-auto-enqueue does; every http one when true).
 * *added and *already count them; -1 with err (the first failure).
 * The message for the status line goes to msg.
 */
int	 podcast_enqueue_item(const struct conf *cfg, struct store *st,
	    const char *db_path, int64_t item_id, bool all, size_t *added,
	    size_t *already, struct err *err);
/* podcast-auto-enqueue: the enclosures of articles first seen at or
 * after since.  Returns how many were queued, -1 with err. */
long	 podcast_auto_enqueue(const struct conf *cfg, struct store *st,
	    const char *db_path, int64_t since, struct err *err);

#endif
