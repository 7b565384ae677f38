/* enclosures: the store's JSON enclosure list read back (json-c). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include <json-c/json.h>

#include "enclosures.h"
#include "xmalloc.h"

size_t
enclosures_parse(const char *json, struct enclosure **out)
{
	struct json_object *arr, *o, *v;
	struct enclosure *e = NULL;
	size_t i, len, n = 0;

	*out = NULL;
	if (json == NULL || (arr = json_tokener_parse(json)) == NULL)
		return (0);
	len = json_object_is_type(arr, json_type_array) ?
	    json_object_array_length(arr) : 0;
	for (i = 0; i < len && n < ENCLOSURES_MAX; i++) {
		o = json_object_array_get_idx(arr, i);
		if (!json_object_object_get_ex(o, "url", &v) ||
		    !json_object_is_type(v, json_type_string))
			continue;
		e = xreallocarray(e, n + 1, sizeof(*e));
		e[n].url = xstrdup(json_object_get_string(v));
		e[n].type = NULL;
		e[n].length = -1;
		if (json_object_object_get_ex(o, "type", &v) &&
		    json_object_is_type(v, json_type_string))
			e[n].type = xstrdup(json_object_get_string(v));
		if (json_object_object_get_ex(o, "length", &v) &&
		    json_object_is_type(v, json_type_int))
			e[n].length = json_object_get_int64(v);
		n++;
	}
	json_object_put(arr);
	*out = e;
	return (n);
}

void
enclosures_free(struct enclosure *e, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(e[i].url);
		free(e[i].type);
	}
	free(e);
}
