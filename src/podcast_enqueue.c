/*
 * podcast_enqueue: an article's enclosures into the download queue
 * (newsboat's enqueue, the e key) and, with podcast-auto-enqueue, those
 * of the articles a refresh brought.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "conf.h"
#include "enclosures.h"
#include "podcast.h"
#include "store.h"
#include "xmalloc.h"

/* newsboat's podcast types: audio, video, Ogg; an untyped one too. */
static bool
podcast_type(const char *type)
{
	return (type == NULL || type[0] == '\0' ||
	    strncasecmp(type, "audio/", 6) == 0 ||
	    strncasecmp(type, "video/", 6) == 0 ||
	    strcasecmp(type, "application/ogg") == 0);
}

static int
enqueue_full(const struct conf *cfg, const struct store_item_full *it,
    const char *queue, bool all, size_t *added, size_t *already,
    struct err *err)
{
	struct enclosure *e;
	size_t i, n, typed = 0;
	char *path;
	int rc = 0, r;

	n = enclosures_parse(it->enclosures, &e);
	for (i = 0; i < n; i++)
		if (podcast_type(e[i].type))
			typed++;
	for (i = 0; i < n; i++) {
		/* e takes every enclosure when none is audio or video. */
		if (!podcast_type(e[i].type) && !(all && typed == 0))
			continue;
		if (podcast_url_refused(e[i].url) != NULL) {
			err_set(err, ERR_PARSE, "not queued: %s: %s",
			    e[i].url, podcast_url_refused(e[i].url));
			rc = -1;
			continue;
		}
		if ((path = podcast_target(cfg, it, e[i].url, err)) == NULL) {
			rc = -1;
			continue;
		}
		r = podcast_enqueue(queue, e[i].url, path, err);
		free(path);
		if (r == -1)
			rc = -1;
		else if (r == 1)
			(*added)++;
		else
			(*already)++;
	}
	enclosures_free(e, n);
	return (rc);
}

int
podcast_enqueue_item(const struct conf *cfg, struct store *st,
    const char *db_path, int64_t item_id, bool all, size_t *added,
    size_t *already, struct err *err)
{
	struct store_item_full it;
	char *queue;
	int rc;

	*added = *already = 0;
	memset(&it, 0, sizeof(it));
	if ((rc = store_item_get(st, item_id, &it, err)) != 0) {
		if (rc == 1)
			err_set(err, ERR_IO, "the article is gone");
		return (-1);
	}
	queue = podcast_queue_path(db_path);
	rc = enqueue_full(cfg, &it, queue, all, added, already, err);
	free(queue);
	store_item_full_clear(&it);
	return (rc);
}

long
podcast_auto_enqueue(const struct conf *cfg, struct store *st,
    const char *db_path, int64_t since, struct err *err)
{
	struct store_param p = { true, since, NULL };
	struct store_where w = { "i.first_seen >= ?100 AND i.enclosures "
	    "IS NOT NULL AND i.enclosures <> '[]'", &p, 1, 0 };
	struct store_query q;
	struct store_item_list l;
	struct store_item_full it;
	struct err one = ERR_INIT;
	size_t i, added = 0, already = 0;
	char *queue;
	int rc = 0;

	memset(&q, 0, sizeof(q));
	q.ascending = true;	/* oldest first, as they were published */
	q.where = &w;
	if (store_items_window(st, &q, &l, err) == -1)
		return (-1);
	queue = podcast_queue_path(db_path);
	for (i = 0; i < l.n; i++) {
		memset(&it, 0, sizeof(it));
		if (store_item_get(st, l.rows[i].id, &it, &one) != 0)
			continue;
		if (enqueue_full(cfg, &it, queue, false, &added, &already,
		    &one) == -1 && rc == 0) {
			err_set(err, one.code, "%s", one.msg);
			rc = -1;
		}
		err_clear(&one);
		store_item_full_clear(&it);
	}
	free(queue);
	store_item_list_free(&l);
	return (rc == -1 ? -1 : (long)added);
}
