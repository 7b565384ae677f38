/*
 * sync_parse: reading a Google Reader API server's answers, with no
 * network and no store (sync_greader.c and sync_auth.c do the calls;
 * fuzz/fuzz_greader.c drives these with arbitrary bytes).  JSON is read
 * with json-c at a bounded depth; a value of the wrong type is skipped,
 * never trusted.
 */
#ifndef GAZETTE_SYNC_PARSE_H
#define GAZETTE_SYNC_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "err.h"

struct item;
struct store_sub;
struct sync_feeds;
struct sync_ids;

/* The JSON object of an answer, or NULL with err naming api and what. */
json_object	*sync_parse_json(const char *api, const char *what,
		    const char *data, size_t len, struct err *err);
/* The member key of o when it has that type, else NULL. */
json_object	*sync_json_get(json_object *o, const char *key,
		    json_type type);
const char	*sync_json_str(json_object *o, const char *key);
/*
 * An item id in the long form, from either form (or a 24-digit hex
 * ObjectId, The Old Reader's); NULL when none of these.
 */
char		*sync_long_id(const char *id);
/*
 * The subscriptions of a subscription/list answer, each feed once:
 * subs, tags and stream have room for one more than the array list
 * holds; subs point into list, tags[i] and stream[i] are the caller's
 * to free.  Returns the number filled.
 */
size_t		 sync_parse_subs(json_object *list, struct store_sub *subs,
		    const char ***tags, char **stream);
/*
 * One article of a stream/contents page into it (item_init'ed) and
 * *feed_id, its feed in feeds; false (it untouched) to skip it.
 */
bool		 sync_parse_item(json_object *o,
		    const struct sync_feeds *feeds, struct item *it,
		    int64_t *feed_id);
/* Append the ids of a stream/items/ids page; the refs it had. */
size_t		 sync_parse_ids(json_object *root, struct sync_ids *out,
		    size_t *cap);
/* The continuation of a page of n entries (caller frees); NULL: done. */
char		*sync_parse_continuation(json_object *root, size_t n);
/* ClientLogin's text answer (changed in place): the Auth= value or NULL. */
char		*sync_parse_auth(char *text);
/* The token answer: its first line (caller frees). */
char		*sync_parse_token(const char *text);

#endif
