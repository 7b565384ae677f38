/*
 * sync_parse: reading a Google Reader API server's answers
 * (sync_parse.h).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "feed_internal.h"
#include "item.h"
#include "store.h"
#include "sync_greader.h"
#include "sync_parse.h"
#include "xmalloc.h"

#define JSON_DEPTH	32

json_object *
sync_parse_json(const char *api, const char *what, const char *data,
    size_t len, struct err *err)
{
	struct json_tokener *tok;
	json_object *o;

	if ((tok = json_tokener_new_ex(JSON_DEPTH)) == NULL)
		abort();
	o = json_tokener_parse_ex(tok, data != NULL ? data : "", (int)len);
	if (o == NULL || json_tokener_get_error(tok) != json_tokener_success ||
	    !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		o = NULL;
		err_set(err, ERR_NET, "server %s: %s: not the JSON expected",
		    api, what);
	}
	json_tokener_free(tok);
	return (o);
}

json_object *
sync_json_get(json_object *o, const char *key, json_type type)
{
	json_object *v;

	if (o == NULL || !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, type))
		return (NULL);
	return (v);
}

const char *
sync_json_str(json_object *o, const char *key)
{
	json_object *v = sync_json_get(o, key, json_type_string);

	return (v != NULL ? json_object_get_string(v) : NULL);
}

/* "href" of the first object of the array key. */
static const char *
first_href(json_object *o, const char *key)
{
	json_object *a = sync_json_get(o, key, json_type_array);

	if (a == NULL || json_object_array_length(a) == 0)
		return (NULL);
	return (sync_json_str(json_object_array_get_idx(a, 0), "href"));
}

char *
sync_long_id(const char *id)
{
	unsigned long long v;
	char *end, out[64];

	if (strncmp(id, SYNC_ITEM_PREFIX, strlen(SYNC_ITEM_PREFIX)) == 0)
		return (xstrdup(id));
	/*
	 * The Old Reader's ids are BSON ObjectIds, 24 hex digits, longer
	 * than any decimal 64-bit id: the long form is the prefix and them.
	 */
	if (strlen(id) == 24 && strspn(id, "0123456789abcdefABCDEF") == 24) {
		snprintf(out, sizeof(out), SYNC_ITEM_PREFIX "%s", id);
		return (xstrdup(out));
	}
	if (id[0] == '-')
		v = (unsigned long long)strtoll(id, &end, 10);
	else
		v = strtoull(id, &end, 10);
	if (*id == '\0' || *end != '\0')
		return (NULL);
	snprintf(out, sizeof(out), SYNC_ITEM_PREFIX "%016llx", v);
	return (xstrdup(out));
}

size_t
sync_parse_subs(json_object *list, struct store_sub *subs,
    const char ***tags, char **stream)
{
	json_object *sub, *cats;
	size_t n, i, j, k, ncat;

	n = json_object_array_length(list);
	for (i = 0, k = 0; i < n; i++) {
		const char *id, *url, *title;

		sub = json_object_array_get_idx(list, i);
		if ((id = sync_json_str(sub, "id")) == NULL)
			continue;
		if ((url = sync_json_str(sub, "url")) == NULL || url[0] == '\0')
			url = strncmp(id, "feed/", 5) == 0 ? id + 5 : id;
		for (j = 0; j < k; j++)
			if (strcmp(subs[j].url, url) == 0)
				break;
		if (j < k)
			continue;	/* the same feed twice */
		title = sync_json_str(sub, "title");
		memset(&subs[k], 0, sizeof(subs[k]));
		subs[k].url = url;
		subs[k].user_title = title != NULL && title[0] != '\0' ?
		    title : NULL;
		cats = sync_json_get(sub, "categories", json_type_array);
		ncat = cats != NULL ? json_object_array_length(cats) : 0;
		tags[k] = xcalloc(ncat + 1, sizeof(**tags));
		for (j = 0; j < ncat; j++) {
			const char *label = sync_json_str(
			    json_object_array_get_idx(cats, j), "label");

			if (label != NULL && label[0] != '\0')
				tags[k][subs[k].n_tags++] = label;
		}
		subs[k].tags = tags[k];
		stream[k] = xstrdup(id);
		k++;
	}
	return (k);
}

static int64_t
feed_of(const struct sync_feeds *feeds, const char *stream)
{
	size_t i;

	if (stream == NULL)
		return (0);
	for (i = 0; i < feeds->n; i++)
		if (strcmp(feeds->stream[i], stream) == 0)
			return (feeds->id[i]);
	return (0);
}

bool
sync_parse_item(json_object *o, const struct sync_feeds *feeds,
    struct item *it, int64_t *feed_id)
{
	json_object *v;
	const char *id, *s;

	if ((id = sync_json_str(o, "id")) == NULL ||
	    (*feed_id = feed_of(feeds, sync_json_str(sync_json_get(o,
	    "origin", json_type_object), "streamId"))) == 0)
		return (false);	/* a feed subscribed since: next time */
	if ((it->guid = sync_long_id(id)) == NULL)
		return (false);
	if ((s = sync_json_str(o, "title")) != NULL)
		it->title = fx_plain_from_html(s);
	if ((s = first_href(o, "canonical")) != NULL ||
	    (s = first_href(o, "alternate")) != NULL)
		it->link = xstrdup(s);
	if ((s = sync_json_str(o, "author")) != NULL && s[0] != '\0')
		it->author = xstrdup(s);
	if ((v = sync_json_get(o, "published", json_type_int)) != NULL)
		it->published = json_object_get_int64(v);
	if ((v = sync_json_get(o, "updated", json_type_int)) != NULL)
		it->updated = json_object_get_int64(v);
	if ((s = sync_json_str(sync_json_get(o, "content", json_type_object),
	    "content")) != NULL || (s = sync_json_str(sync_json_get(o,
	    "summary", json_type_object), "content")) != NULL)
		it->content = xstrdup(s);
	it->content_type = "html";
	return (true);
}

size_t
sync_parse_ids(json_object *root, struct sync_ids *out, size_t *cap)
{
	json_object *refs, *v;
	char *id;
	size_t i, n;

	refs = sync_json_get(root, "itemRefs", json_type_array);
	n = refs != NULL ? json_object_array_length(refs) : 0;
	for (i = 0; i < n; i++) {
		json_object *r = json_object_array_get_idx(refs, i);

		if ((v = sync_json_get(r, "id", json_type_string)) == NULL ||
		    (id = sync_long_id(json_object_get_string(v))) == NULL)
			continue;
		if (out->n == *cap) {
			*cap = *cap == 0 ? 1024 : *cap * 2;
			out->v = xreallocarray(out->v, *cap, sizeof(*out->v));
		}
		out->v[out->n++] = id;
	}
	return (n);
}

char *
sync_parse_continuation(json_object *root, size_t n)
{
	json_object *v;

	if ((v = sync_json_get(root, "continuation", json_type_string)) !=
	    NULL && json_object_get_string_len(v) > 0 && n > 0)
		return (xstrdup(json_object_get_string(v)));
	return (NULL);
}

char *
sync_parse_auth(char *text)
{
	char *p, *line;

	for (p = text; (line = strsep(&p, "\n")) != NULL;) {
		line[strcspn(line, "\r")] = '\0';
		if (strncmp(line, "Auth=", 5) == 0 && line[5] != '\0')
			return (xstrdup(line + 5));
	}
	return (NULL);
}

char *
sync_parse_token(const char *text)
{
	char *t = xstrdup(text);

	t[strcspn(t, "\r\n")] = '\0';
	return (t);
}
