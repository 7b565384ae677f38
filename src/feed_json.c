/*
 * feed_json: JSON Feed to struct item.
 *
 * Field mapping (JSON Feed 1.1, with the 1.0 names still accepted):
 *   title            item title (white space collapsed; already text)
 *   url, else external_url        link, resolved against the base
 *   id (string or number), else feed_guid_hash(link, title, body)
 *   authors[].name (1.1), else author.name (1.0), else the feed's
 *                    authors/author (as the spec says), names joined ", "
 *   date_published / date_modified  published / updated (date_parse)
 *   content_html over content_text, else summary (as text)
 *   attachments[]    enclosures (url, mime_type, size_in_bytes)
 *   tags[]           categories
 * The base for relative URLs is opts->base_url (the feed's own URL or
 * --base), else the feed's home_page_url, else its feed_url; the
 * home_page_url itself is resolved against opts->base_url or feed_url.
 * Values of the wrong JSON type are ignored, never fatal.
 */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "buf.h"
#include "date.h"
#include "feed_json.h"
#include "guid.h"
#include "url.h"
#include "xmalloc.h"

static struct json_object *
get(struct json_object *obj, const char *key, enum json_type type)
{
	struct json_object *v;

	if (!json_object_object_get_ex(obj, key, &v) || v == NULL ||
	    !json_object_is_type(v, type))
		return (NULL);
	return (v);
}

/* A string member, or NULL when absent, empty or not a string. */
static const char *
get_str(struct json_object *obj, const char *key)
{
	struct json_object *v = get(obj, key, json_type_string);
	const char *s;

	if (v == NULL || (s = json_object_get_string(v)) == NULL || *s == '\0')
		return (NULL);
	return (s);
}

static bool
is_space(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v');
}

/* A copy with white-space runs collapsed to one space and trimmed. */
static char *
collapse(const char *s)
{
	char *out, *w;
	bool space = false;

	if (s == NULL)
		return (NULL);
	out = w = xmalloc(strlen(s) + 1);
	while (is_space(*s))
		s++;
	for (; *s != '\0'; s++) {
		if (is_space(*s)) {
			space = true;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *s;
	}
	*w = '\0';
	return (out);
}

static char *
resolve(const char *base, const char *ref)
{
	if (ref == NULL)
		return (NULL);
	return (url_resolve(base, ref));
}

/* Names of an author object (1.0) or authors array (1.1), ", "-joined. */
static char *
author_names(struct json_object *obj)
{
	struct json_object *arr, *one;
	const char *name;
	struct buf b;
	size_t i, n;
	char *out;

	buf_init(&b, BUF_CAP_TEXT);
	if ((arr = get(obj, "authors", json_type_array)) != NULL) {
		n = json_object_array_length(arr);
		for (i = 0; i < n; i++) {
			one = json_object_array_get_idx(arr, i);
			if (one == NULL ||
			    !json_object_is_type(one, json_type_object) ||
			    (name = get_str(one, "name")) == NULL)
				continue;
			if (b.len > 0)
				buf_addstr(&b, ", ");
			buf_addstr(&b, name);
		}
	}
	if (b.len == 0 &&
	    (one = get(obj, "author", json_type_object)) != NULL &&
	    (name = get_str(one, "name")) != NULL)
		buf_addstr(&b, name);
	out = b.len > 0 ? collapse(buf_str(&b)) : NULL;
	buf_free(&b);
	return (out);
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t
utf8_seq(const unsigned char *p, size_t n)
{
	uint32_t cp;
	size_t len, i;

	if (p[0] < 0x80)
		return (1);
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		len = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		len = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		len = 4;
	else
		return (0);
	if (len > n)
		return (0);
	cp = p[0] & (0x7f >> len);
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (0);
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return (0);
	return (len);
}

/*
 * JSON text must be UTF-8 but json-c does not check: make *s valid,
 * each byte of an invalid sequence becoming U+FFFD (the XML side repairs
 * the same way, see encoding.c).
 */
static void
fix_utf8(char **s)
{
	const unsigned char *p;
	size_t n, len;
	char *out, *w;

	if (*s == NULL)
		return;
	p = (const unsigned char *)*s;
	len = strlen(*s);
	for (n = len; n > 0 && (len = utf8_seq(p, n)) > 0; n -= len)
		p += len;
	if (n == 0)
		return;
	len = strlen(*s);
	out = w = xreallocarray(NULL, len + 1, 3);
	for (p = (const unsigned char *)*s, n = len; n > 0;) {
		if ((len = utf8_seq(p, n)) == 0) {
			memcpy(w, "\xef\xbf\xbd", 3);
			w += 3;
			p++;
			n--;
			continue;
		}
		memcpy(w, p, len);
		w += len;
		p += len;
		n -= len;
	}
	*w = '\0';
	free(*s);
	*s = out;
}

static void
add_enclosures(struct item *item, struct json_object *obj,
    const char *base)
{
	struct json_object *arr, *att, *size;
	const char *url, *type;
	char *u, *t;
	size_t i, n;
	int64_t length;
	double d;

	if ((arr = get(obj, "attachments", json_type_array)) == NULL)
		return;
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		att = json_object_array_get_idx(arr, i);
		if (att == NULL || !json_object_is_type(att, json_type_object) ||
		    (url = get_str(att, "url")) == NULL)
			continue;
		type = get_str(att, "mime_type");
		length = -1;
		if ((size = get(att, "size_in_bytes", json_type_int)) != NULL) {
			length = json_object_get_int64(size);
		} else if ((size = get(att, "size_in_bytes",
		    json_type_double)) != NULL) {
			d = json_object_get_double(size);
			if (d >= 0 && d < 9e18 && d == (double)(int64_t)d)
				length = (int64_t)d;
		}
		u = url_resolve(base, url);
		t = type != NULL ? xstrdup(type) : NULL;
		fix_utf8(&u);
		fix_utf8(&t);
		item_add_enclosure(item, u, t, length);
	}
}

static void
add_categories(struct item *item, struct json_object *obj)
{
	struct json_object *arr, *tag;
	size_t i, n;
	char *s;

	if ((arr = get(obj, "tags", json_type_array)) == NULL)
		return;
	n = json_object_array_length(arr);
	for (i = 0; i < n; i++) {
		tag = json_object_array_get_idx(arr, i);
		if (tag == NULL || !json_object_is_type(tag, json_type_string))
			continue;
		s = collapse(json_object_get_string(tag));
		fix_utf8(&s);
		item_add_category(item, s);
	}
}

static void
fill_item(struct item *item, struct json_object *obj, const char *base,
    const char *feed_author)
{
	struct json_object *id;
	const char *s;

	item->title = collapse(get_str(obj, "title"));
	if ((s = get_str(obj, "url")) == NULL)
		s = get_str(obj, "external_url");
	item->link = resolve(base, s);
	if ((item->author = author_names(obj)) == NULL && feed_author != NULL)
		item->author = xstrdup(feed_author);
	item->published = date_parse(get_str(obj, "date_published"));
	item->updated = date_parse(get_str(obj, "date_modified"));
	if ((s = get_str(obj, "content_html")) != NULL) {
		item->content = xstrdup(s);
		item->content_type = "html";
	} else if ((s = get_str(obj, "content_text")) != NULL ||
	    (s = get_str(obj, "summary")) != NULL) {
		item->content = xstrdup(s);
		item->content_type = "text";
	}
	add_enclosures(item, obj, base);
	add_categories(item, obj);
	if ((s = get_str(obj, "id")) != NULL)
		item->guid = xstrdup(s);
	else if (((id = get(obj, "id", json_type_int)) != NULL ||
	    (id = get(obj, "id", json_type_double)) != NULL) &&
	    (s = json_object_get_string(id)) != NULL)
		item->guid = xstrdup(s);
	else
		item->guid = feed_guid_hash(item->link, item->title,
		    item->content);
}

static void
fix_item_utf8(struct item *item)
{
	fix_utf8(&item->guid);
	fix_utf8(&item->title);
	fix_utf8(&item->link);
	fix_utf8(&item->author);
	fix_utf8(&item->content);
}

/*
 * json-c builds the whole document as a tree, and a small document can
 * make a large one: "[]," is 3 bytes and an array of about 150, "{}," an
 * object of about 800 (json-c 0.16 on 64-bit).  A lexical pass counts the
 * values and prices them so; a document whose tree would pass
 * FEED_JSON_MAX_TREE is refused before json-c allocates anything.  The
 * pass only counts (json-c still judges the syntax), but it reads strings
 * and comments as json-c does, single quotes included, so that nothing
 * json-c builds goes uncounted.
 */
#define COST_OBJECT	800
#define COST_ARRAY	160
#define COST_VALUE	80	/* a string (key or value), number or literal */

static bool
is_delim(char c)
{
	return (is_space(c) || (c != '\0' && strchr(",:[]{}\"'/", c) != NULL));
}

static bool
tree_fits(const char *s, size_t n)
{
	size_t i, cost = 0;
	char q;

	for (i = 0; i < n && cost <= FEED_JSON_MAX_TREE; i++) {
		switch (s[i]) {
		case '{':
			cost += COST_OBJECT;
			break;
		case '[':
			cost += COST_ARRAY;
			break;
		case '"':
		case '\'':
			cost += COST_VALUE;
			for (q = s[i++]; i < n && s[i] != q; i++)
				if (s[i] == '\\')
					i++;
			break;
		case '/':
			if (i + 1 < n && s[i + 1] == '*') {
				for (i += 2; i + 1 < n && !(s[i] == '*' &&
				    s[i + 1] == '/'); i++)
					;
				i++;
			} else
				while (i < n && s[i] != '\n')
					i++;
			break;
		default:
			if (is_delim(s[i]))
				break;
			cost += COST_VALUE;
			while (i + 1 < n && !is_delim(s[i + 1]))
				i++;
			break;
		}
	}
	return (cost <= FEED_JSON_MAX_TREE);
}

static bool
is_jsonfeed(struct json_object *root)
{
	const char *v = get_str(root, "version");

	return (v != NULL && (strncmp(v, "https://jsonfeed.org/version/",
	    29) == 0 || strncmp(v, "http://jsonfeed.org/version/", 28) == 0));
}

enum feed_status
feed_json_parse(const char *data, size_t len,
    const struct feed_parse_opts *opts, struct feed_meta *meta,
    const struct feed_sink *sink, struct err *err)
{
	struct json_tokener *tok = NULL;
	struct json_object *root = NULL, *items, *obj;
	enum feed_status status = FEED_FAILED;
	enum json_tokener_error jerr;
	size_t max_bytes, max_items, i, n, end;
	char *base = NULL, *feed_author = NULL;
	const char *feed_url;
	struct item item;

	feed_meta_clear(meta);
	meta->format = "jsonfeed";
	max_bytes = opts != NULL && opts->max_bytes > 0 ? opts->max_bytes :
	    FEED_DEFAULT_MAX_BYTES;
	max_items = opts != NULL && opts->max_items > 0 ? opts->max_items :
	    FEED_DEFAULT_MAX_ITEMS;
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (len > max_bytes || len > INT_MAX) {
		err_set(err, ERR_LIMIT, "json feed: document larger than %zu "
		    "bytes", max_bytes < INT_MAX ? max_bytes : (size_t)INT_MAX);
		return (FEED_FAILED);
	}
	if (!tree_fits(data, len)) {
		err_set(err, ERR_LIMIT, "json feed: too many values (more "
		    "than %u MiB once parsed)", FEED_JSON_MAX_TREE >> 20);
		return (FEED_FAILED);
	}
	if ((tok = json_tokener_new_ex(FEED_JSON_MAX_DEPTH)) == NULL) {
		err_set(err, ERR_PARSE, "json feed: cannot create a parser");
		return (FEED_FAILED);
	}
	root = json_tokener_parse_ex(tok, data, (int)len);
	jerr = json_tokener_get_error(tok);
	if (root == NULL || jerr != json_tokener_success) {
		err_set(err, jerr == json_tokener_error_depth ? ERR_LIMIT :
		    ERR_NOTFEED, "not a JSON feed: %s at byte %zu",
		    jerr == json_tokener_continue ? "unexpected end of data" :
		    json_tokener_error_desc(jerr),
		    json_tokener_get_parse_end(tok));
		goto out;
	}
	for (end = json_tokener_get_parse_end(tok); end < len; end++) {
		if (!is_space(data[end]) && data[end] != '\0') {
			err_set(err, ERR_NOTFEED, "not a JSON feed: trailing "
			    "data at byte %zu", end);
			goto out;
		}
	}
	if (!json_object_is_type(root, json_type_object)) {
		err_set(err, ERR_NOTFEED, "not a JSON feed: the top level is "
		    "not an object");
		goto out;
	}
	if (!is_jsonfeed(root)) {
		err_set(err, ERR_NOTFEED, "not a JSON feed: no "
		    "\"version\" naming https://jsonfeed.org/version/");
		goto out;
	}

	feed_url = get_str(root, "feed_url");
	if (feed_url != NULL && !url_has_scheme(feed_url))
		feed_url = NULL;
	if (opts != NULL && opts->base_url != NULL && *opts->base_url != '\0')
		base = xstrdup(opts->base_url);
	meta->link = resolve(base != NULL ? base : feed_url,
	    get_str(root, "home_page_url"));
	if (base == NULL && meta->link != NULL && url_has_scheme(meta->link))
		base = xstrdup(meta->link);
	if (base == NULL && feed_url != NULL)
		base = xstrdup(feed_url);
	meta->title = collapse(get_str(root, "title"));
	if (get_str(root, "description") != NULL)
		meta->description = xstrdup(get_str(root, "description"));
	feed_author = author_names(root);
	fix_utf8(&meta->title);
	fix_utf8(&meta->link);
	fix_utf8(&meta->description);

	status = FEED_OK;
	if ((items = get(root, "items", json_type_array)) == NULL)
		goto out;
	n = json_object_array_length(items);
	for (i = 0; i < n; i++) {
		obj = json_object_array_get_idx(items, i);
		if (obj == NULL || !json_object_is_type(obj, json_type_object))
			continue;
		if (max_items == 0) {
			err_set(err, ERR_LIMIT, "json feed: more than %zu "
			    "items, the rest ignored", opts != NULL &&
			    opts->max_items > 0 ? opts->max_items :
			    FEED_DEFAULT_MAX_ITEMS);
			status = FEED_PARTIAL;
			break;
		}
		max_items--;
		item_init(&item);
		fill_item(&item, obj, base, feed_author);
		fix_item_utf8(&item);
		if (sink != NULL && sink->item != NULL &&
		    sink->item(sink->ctx, &item) != 0) {
			item_clear(&item);
			break;
		}
		item_clear(&item);
	}
out:
	free(feed_author);
	free(base);
	json_object_put(root);
	json_tokener_free(tok);
	return (status);
}
