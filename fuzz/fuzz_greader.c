/*
 * fuzz_greader: the reading of a Google Reader API server's answers
 * (src/sync_parse.h) on arbitrary bytes: the same bytes as a JSON answer
 * (subscription/list, stream/contents, stream/items/ids, continuation),
 * as ClientLogin's and token's text answers, and as an item id.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "item.h"
#include "store.h"
#include "sync_greader.h"
#include "sync_parse.h"
#include "xmalloc.h"

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define PREFIX_LEN	(sizeof(SYNC_ITEM_PREFIX) - 1)

/* A long id: the prefix, and 16 lower-case hex digits when converted. */
static void
check_long_id(const char *in, const char *id)
{
	size_t i;

	if (id == NULL)
		return;
	if (strncmp(id, SYNC_ITEM_PREFIX, PREFIX_LEN) != 0)
		abort();
	if (strncmp(in, SYNC_ITEM_PREFIX, PREFIX_LEN) == 0) {
		if (strcmp(in, id) != 0)
			abort();
		return;
	}
	if (strlen(id) != PREFIX_LEN + 16)
		abort();
	for (i = PREFIX_LEN; id[i] != '\0'; i++)
		if (strchr("0123456789abcdef", id[i]) == NULL)
			abort();
}

static void
check_text(const char *s)
{
	if (s != NULL && strlen(s) > (size_t)1 << 30)
		abort();
}

/* The subscriptions, then the articles against the feeds they make. */
static void
subs_and_items(json_object *root)
{
	struct sync_feeds feeds;
	struct store_sub *subs;
	const char ***tags;
	json_object *list, *items;
	struct item it;
	int64_t feed_id;
	size_t n, k, i, j;

	memset(&feeds, 0, sizeof(feeds));
	if ((list = sync_json_get(root, "subscriptions", json_type_array)) !=
	    NULL) {
		n = json_object_array_length(list);
		subs = xcalloc(n + 1, sizeof(*subs));
		tags = xcalloc(n + 1, sizeof(*tags));
		feeds.stream = xcalloc(n + 1, sizeof(*feeds.stream));
		feeds.id = xcalloc(n + 1, sizeof(*feeds.id));
		k = sync_parse_subs(list, subs, tags, feeds.stream);
		if (k > n)
			abort();
		for (i = 0; i < k; i++) {
			if (subs[i].url == NULL || feeds.stream[i] == NULL ||
			    subs[i].tags != tags[i])
				abort();
			if (subs[i].user_title != NULL &&
			    subs[i].user_title[0] == '\0')
				abort();
			for (j = 0; j < i; j++)
				if (strcmp(subs[i].url, subs[j].url) == 0)
					abort();
			for (j = 0; j < subs[i].n_tags; j++)
				if (tags[i][j] == NULL || tags[i][j][0] == '\0')
					abort();
			if (tags[i][subs[i].n_tags] != NULL)
				abort();
			feeds.id[i] = (int64_t)i + 1;
		}
		feeds.n = k;
		for (i = 0; i < k; i++)
			free(tags[i]);
		free(tags);
		free(subs);
	}
	if ((items = sync_json_get(root, "items", json_type_array)) != NULL) {
		n = json_object_array_length(items);
		for (i = 0; i < n; i++) {
			item_init(&it);
			feed_id = -1;
			if (!sync_parse_item(json_object_array_get_idx(items,
			    i), &feeds, &it, &feed_id)) {
				item_clear(&it);
				continue;
			}
			if (feed_id < 1 || (size_t)feed_id > feeds.n ||
			    it.guid == NULL || strncmp(it.guid,
			    SYNC_ITEM_PREFIX, PREFIX_LEN) != 0 ||
			    it.content_type == NULL ||
			    strcmp(it.content_type, "html") != 0)
				abort();
			check_text(it.title);
			check_text(it.link);
			check_text(it.author);
			check_text(it.content);
			item_clear(&it);
		}
	}
	sync_feeds_free(&feeds);
}

static void
ids(json_object *root)
{
	struct sync_ids out;
	size_t cap = 0, n, i;
	char *cont;

	memset(&out, 0, sizeof(out));
	n = sync_parse_ids(root, &out, &cap);
	if (out.n > n || out.n > cap)
		abort();
	for (i = 0; i < out.n; i++)
		if (strncmp(out.v[i], SYNC_ITEM_PREFIX, PREFIX_LEN) != 0)
			abort();
	if ((cont = sync_parse_continuation(root, n)) != NULL &&
	    (cont[0] == '\0' || n == 0))
		abort();
	free(cont);
	sync_ids_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct err err = ERR_INIT;
	json_object *root;
	char *text, *auth, *t, *id;

	root = sync_parse_json("https://fuzz.example/api", "fuzz",
	    (const char *)data, size, &err);
	if (root == NULL) {
		if (!err_isset(&err))
			abort();
	} else {
		if (err_isset(&err) ||
		    !json_object_is_type(root, json_type_object))
			abort();
		subs_and_items(root);
		ids(root);
		json_object_put(root);
	}

	/* The text answers, up to the first NUL as buf_str gives them. */
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	t = sync_parse_token(text);
	if (strpbrk(t, "\r\n") != NULL || strncmp(t, text, strlen(t)) != 0)
		abort();
	free(t);
	id = sync_long_id(text);
	check_long_id(text, id);
	free(id);
	auth = sync_parse_auth(text);	/* last: it cuts text */
	if (auth != NULL && (auth[0] == '\0' ||
	    strpbrk(auth, "\r\n") != NULL))
		abort();
	free(auth);
	free(text);
	return (0);
}
