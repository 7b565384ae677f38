/* keymap: key names, actions, bindings per view. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keymap.h"
#include "xmalloc.h"

static const struct {
	const char	*name;
	const char	*help;
} actions[KEYMAP_NACTIONS] = {
	{ "none", "" },
#define KEYMAP_ROW(e, n, h) { n, h },
	KEYMAP_ACTIONS(KEYMAP_ROW)
#undef KEYMAP_ROW
};

static const struct {
	const char	*name;
	const char	*instead;
} missing[KEYMAP_NALL - KEYMAP_NACTIONS] = {
	{ "none", "" },
#define KEYMAP_MISSING_ROW(e, n, h) { n, h },
	KEYMAP_MISSING(KEYMAP_MISSING_ROW)
#undef KEYMAP_MISSING_ROW
};

static const char *const contexts[KEYMAP_NALLCONTEXTS] = {
	"all", "feedlist", "articlelist", "article", "searchresults",
	"urlview", "help", "filterselection", "podboat", "tagselection",
	"dialogs", "dirbrowser", "filebrowser"
};

static const struct {
	const char	*name;
	int		 key;
} keynames[] = {
	{ "ENTER", KEYMAP_KEY_ENTER },
	{ "SPACE", ' ' },
	{ "TAB", KEYMAP_KEY_TAB },
	{ "ESC", KEYMAP_KEY_ESC },
	{ "BACKSPACE", KEYMAP_KEY_BACKSPACE },
	{ "DEL", KEYMAP_KEY_DELETE },
	{ "INSERT", KEYMAP_KEY_INSERT },
	{ "UP", KEYMAP_KEY_UP },
	{ "DOWN", KEYMAP_KEY_DOWN },
	{ "LEFT", KEYMAP_KEY_LEFT },
	{ "RIGHT", KEYMAP_KEY_RIGHT },
	{ "PPAGE", KEYMAP_KEY_PPAGE },
	{ "NPAGE", KEYMAP_KEY_NPAGE },
	{ "PAGEUP", KEYMAP_KEY_PPAGE },
	{ "PAGEDOWN", KEYMAP_KEY_NPAGE },
	{ "HOME", KEYMAP_KEY_HOME },
	{ "END", KEYMAP_KEY_END },
};

/*
 * newsboat's default keys, as (key, action, context) names: they go
 * through the same name parsers as bind-key in the config file.
 */
static const char *const defaults[][3] = {
	{ "ENTER", "open", "all" },
	{ "RIGHT", "open", "all" },
	{ "q", "quit", "all" },
	{ "LEFT", "quit", "all" },
	{ "Q", "hard-quit", "all" },
	{ "k", "up", "all" },
	{ "UP", "up", "all" },
	{ "j", "down", "all" },
	{ "DOWN", "down", "all" },
	{ "PPAGE", "pageup", "all" },
	{ "NPAGE", "pagedown", "all" },
	{ "SPACE", "pagedown", "all" },
	{ "HOME", "home", "all" },
	{ "END", "end", "all" },
	{ "J", "next", "all" },
	{ "K", "prev", "all" },
	{ "n", "next-unread", "all" },
	{ "p", "prev-unread", "all" },
	{ "r", "reload", "all" },
	{ "R", "reload-all", "all" },
	{ "N", "toggle-article-read", "all" },
	{ "^N", "next-unread-feed", "all" },
	{ "^P", "prev-unread-feed", "all" },
	{ "^K", "random-unread", "all" },
	{ "s", "save", "all" },
	{ "!", "toggle-flagged", "all" },
	{ "A", "mark-feed-read", "all" },
	{ "C", "mark-all-feeds-read", "all" },
	{ "o", "open-in-browser", "all" },
	{ "O", "open-in-browser-and-mark-read", "all" },
	{ "#", "goto-url", "all" },
	{ "u", "show-urls", "all" },
	{ "y", "copy-url", "all" },
	{ "/", "open-search", "all" },
	{ "f", "open-search-feed", "all" },
	{ "?", "help", "all" },
	{ "t", "set-tag", "all" },
	{ "^T", "clear-tag", "all" },
	{ "l", "toggle-show-read-feeds", "all" },
	{ "L", "toggle-show-read-articles", "all" },
	{ "e", "show-error", "all" },
	{ "e", "enqueue", "articlelist" },
	{ "e", "enqueue", "article" },
	{ "e", "enqueue", "searchresults" },
	{ "V", "view-downloads", "all" },
	{ "d", "pb-download", "podboat" },
	{ "c", "pb-cancel", "podboat" },
	{ "D", "pb-delete", "podboat" },
	{ "P", "pb-purge", "podboat" },
	{ "p", "pb-play", "podboat" },
	{ "m", "pb-mark-as-finished", "podboat" },
	{ "a", "pb-toggle-download-all", "podboat" },
	{ "+", "pb-increase-max-dls", "podboat" },
	{ "-", "pb-decrease-max-dls", "podboat" },
	{ "E", "edit-urls", "all" },
	{ "^R", "reload-urls", "all" },
	{ "|", "pipe-to", "all" },
	{ "^B", "bookmark", "all" },
	{ "^E", "edit-flags", "all" },
	{ "^L", "redraw", "all" },
	{ ",", "macro-prefix", "all" },
	{ ":", "cmdline", "all" },
	{ "g", "sort", "all" },
	{ "G", "rev-sort", "all" },
	{ "F", "set-filter", "articlelist" },
	{ "f", "select-filter", "articlelist" },
	{ "^F", "clear-filter", "articlelist" },
	{ "D", "delete-article", "all" },
	{ "^D", "delete-all-articles", "articlelist" },
	{ "$", "purge-deleted", "articlelist" },
	{ "^U", "toggle-source-view", "article" },
};

/* The vi preset, where it differs: g/G, ^D/^U (newsboat: g/G sort). */
static const char *const vi_keys[][3] = {
	{ "g", "home", "all" },
	{ "G", "end", "all" },
	{ "^D", "halfpagedown", "all" },
	{ "^U", "halfpageup", "all" },
	{ "^F", "pagedown", "all" },
	{ "^F", "pagedown", "articlelist" },	/* not clear-filter */
	{ "^B", "pageup", "all" },
};

static void
apply_table(struct keymap *km, const char *const table[][3], size_t n)
{
	size_t i;
	int key, ctx;
	enum keymap_action action;

	for (i = 0; i < n; i++) {
		key = keymap_key_parse(table[i][0]);
		action = keymap_action_parse(table[i][1]);
		ctx = keymap_context_parse(table[i][2]);
		if (key < 0 || action == KEYMAP_NONE || ctx < 0)
			abort();	/* a typo in the tables above */
		keymap_bind(km, (enum keymap_context)ctx, key, action);
	}
}

void
keymap_init(struct keymap *km)
{
	km->bindings = NULL;
	km->n = 0;
	km->alloc = 0;
	km->preset = KEYMAP_PRESET_NEWSBOAT;
	memset(km->warned, 0, sizeof(km->warned));
	memset(km->warned_ctx, 0, sizeof(km->warned_ctx));
	apply_table(km, defaults, sizeof(defaults) / sizeof(defaults[0]));
}

void
keymap_free(struct keymap *km)
{
	free(km->bindings);
	km->bindings = NULL;
	km->n = km->alloc = 0;
}

void
keymap_set_preset(struct keymap *km, enum keymap_preset preset)
{
	km->n = 0;
	apply_table(km, defaults, sizeof(defaults) / sizeof(defaults[0]));
	if (preset == KEYMAP_PRESET_VI)
		apply_table(km, vi_keys, sizeof(vi_keys) / sizeof(vi_keys[0]));
	km->preset = preset;
}

static struct keymap_binding *
find(const struct keymap *km, enum keymap_context ctx, int key)
{
	size_t i;

	for (i = 0; i < km->n; i++)
		if (km->bindings[i].context == ctx &&
		    km->bindings[i].key == key)
			return (&km->bindings[i]);
	return (NULL);
}

enum keymap_action
keymap_lookup(const struct keymap *km, enum keymap_context ctx, int key)
{
	const struct keymap_binding *b;

	if (ctx != KEYMAP_CTX_ALL && (b = find(km, ctx, key)) != NULL)
		return (b->action);
	if ((b = find(km, KEYMAP_CTX_ALL, key)) != NULL)
		return (b->action);
	return (KEYMAP_NONE);
}

static void
remove_key_everywhere(struct keymap *km, int key)
{
	size_t i, j;

	for (i = j = 0; i < km->n; i++)
		if (km->bindings[i].key != key)
			km->bindings[j++] = km->bindings[i];
	km->n = j;
}

void
keymap_bind(struct keymap *km, enum keymap_context ctx, int key,
    enum keymap_action action)
{
	struct keymap_binding *b;

	if (ctx == KEYMAP_CTX_ALL)
		remove_key_everywhere(km, key);
	if ((b = find(km, ctx, key)) != NULL) {
		b->action = action;
		return;
	}
	if (km->n == km->alloc) {
		km->alloc = km->alloc == 0 ? 64 : km->alloc * 2;
		km->bindings = xreallocarray(km->bindings, km->alloc,
		    sizeof(km->bindings[0]));
	}
	km->bindings[km->n].context = ctx;
	km->bindings[km->n].key = key;
	km->bindings[km->n].action = action;
	km->n++;
}

void
keymap_unbind(struct keymap *km, enum keymap_context ctx, int key)
{
	/* An explicit "nothing" shadows a binding for every view. */
	keymap_bind(km, ctx, key, KEYMAP_NONE);
}

static int
context_word(int argc, const char *const *argv, int at, struct err *err)
{
	int ctx;

	if (argc <= at)
		return (KEYMAP_CTX_ALL);
	if (argc > at + 1) {
		err_set(err, ERR_CONFIG, "too many arguments");
		return (-1);
	}
	if ((ctx = keymap_context_parse(argv[at])) < 0) {
		err_set(err, ERR_CONFIG, "unknown context '%s'", argv[at]);
		return (-1);
	}
	return (ctx);
}

/*
 * A binding gazette keeps but cannot honour: warn once per newsboat view
 * gazette lacks, else once per missing action.
 */
static int
warn_once(struct keymap *km, enum keymap_context ctx,
    enum keymap_action action, struct err *err)
{
	if (ctx >= KEYMAP_NCONTEXTS) {
		if (km->warned_ctx[ctx])
			return (0);
		km->warned_ctx[ctx] = true;
		err_set(err, ERR_CONFIG, "bind-key: gazette has no %s view "
		    "(newsboat's); its bindings are ignored",
		    contexts[ctx]);
		return (-1);
	}
	if (keymap_action_implemented(action) || km->warned[action])
		return (0);
	km->warned[action] = true;
	err_set(err, ERR_CONFIG, "bind-key: newsboat's action '%s': %s; its "
	    "keys say so when pressed", keymap_action_name(action),
	    keymap_action_help(action));
	return (-1);
}

int
keymap_bind_words(struct keymap *km, int argc,
    const char *const *argv, struct err *err)
{
	enum keymap_action action;
	int key, ctx;

	if (argc < 2) {
		err_set(err, ERR_CONFIG, "usage: bind-key KEY ACTION [CONTEXT]");
		return (-1);
	}
	if ((key = keymap_key_parse(argv[0])) < 0) {
		err_set(err, ERR_CONFIG, "unknown key '%s'", argv[0]);
		return (-1);
	}
	if ((action = keymap_action_parse(argv[1])) == KEYMAP_NONE) {
		err_set(err, ERR_CONFIG, "unknown action '%s'", argv[1]);
		return (-1);
	}
	if ((ctx = context_word(argc, argv, 2, err)) < 0)
		return (-1);
	keymap_bind(km, (enum keymap_context)ctx, key, action);
	return (warn_once(km, (enum keymap_context)ctx, action, err));
}

int
keymap_unbind_words(struct keymap *km, int argc,
    const char *const *argv, struct err *err)
{
	int key, ctx;

	if (argc < 1) {
		err_set(err, ERR_CONFIG, "usage: unbind-key KEY [CONTEXT]");
		return (-1);
	}
	if (strcmp(argv[0], "-a") == 0 && argc == 1) {
		km->n = 0;	/* newsboat: unbind-key -a drops every key */
		return (0);
	}
	if ((key = keymap_key_parse(argv[0])) < 0) {
		err_set(err, ERR_CONFIG, "unknown key '%s'", argv[0]);
		return (-1);
	}
	if ((ctx = context_word(argc, argv, 1, err)) < 0)
		return (-1);
	keymap_unbind(km, (enum keymap_context)ctx, key);
	return (0);
}

/* One UTF-8 character making up the whole string, or -1. */
static int
utf8_single(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int cp, n, i;

	if (p[0] < 0x80)
		return (p[0] != '\0' && p[1] == '\0' ? p[0] : -1);
	if ((p[0] & 0xe0) == 0xc0) {
		cp = p[0] & 0x1f;
		n = 1;
	} else if ((p[0] & 0xf0) == 0xe0) {
		cp = p[0] & 0x0f;
		n = 2;
	} else if ((p[0] & 0xf8) == 0xf0) {
		cp = p[0] & 0x07;
		n = 3;
	} else
		return (-1);
	for (i = 1; i <= n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return (-1);
		cp = (cp << 6) | (p[i] & 0x3f);
	}
	if (p[n + 1] != '\0')
		return (-1);
	if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) ||
	    (n == 3 && cp < 0x10000) || cp > 0x10ffff ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return (-1);
	return (cp);
}

int
keymap_key_parse(const char *name)
{
	size_t i;
	int cp, n;
	char *end;

	if (name == NULL || name[0] == '\0')
		return (-1);
	if (name[0] == '^' && name[1] != '\0' && name[2] == '\0') {
		if (name[1] >= 'A' && name[1] <= 'Z')
			return (KEYMAP_CTRL(name[1]));
		if (name[1] >= 'a' && name[1] <= 'z')
			return (KEYMAP_CTRL(name[1]));
		return (-1);
	}
	for (i = 0; i < sizeof(keynames) / sizeof(keynames[0]); i++)
		if (strcasecmp(name, keynames[i].name) == 0)
			return (keynames[i].key);
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' &&
	    name[1] <= '9') {
		n = (int)strtol(name + 1, &end, 10);
		if (*end == '\0' && n >= 1 && n <= 12)
			return (KEYMAP_KEY_F(n));
	}
	cp = utf8_single(name);
	if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
		return (-1);
	return (cp);
}

void
keymap_key_name(int key, struct buf *b)
{
	char u[5];
	size_t i;

	for (i = 0; i < sizeof(keynames) / sizeof(keynames[0]); i++) {
		if (keynames[i].key == key) {
			(void)buf_addstr(b, keynames[i].name);
			return;
		}
	}
	if (key > KEYMAP_KEY_F0 && key <= KEYMAP_KEY_MAX) {
		(void)buf_addf(b, "F%d", key - KEYMAP_KEY_F0);
		return;
	}
	if (key >= 1 && key <= 26) {
		(void)buf_addf(b, "^%c", 'A' + key - 1);
		return;
	}
	if (key < 0x20 || key == 0x7f || key > 0x10ffff) {
		(void)buf_addf(b, "<%d>", key);
		return;
	}
	if (key < 0x80) {
		u[0] = (char)key;
		u[1] = '\0';
	} else if (key < 0x800) {
		u[0] = (char)(0xc0 | (key >> 6));
		u[1] = (char)(0x80 | (key & 0x3f));
		u[2] = '\0';
	} else if (key < 0x10000) {
		u[0] = (char)(0xe0 | (key >> 12));
		u[1] = (char)(0x80 | ((key >> 6) & 0x3f));
		u[2] = (char)(0x80 | (key & 0x3f));
		u[3] = '\0';
	} else {
		u[0] = (char)(0xf0 | (key >> 18));
		u[1] = (char)(0x80 | ((key >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((key >> 6) & 0x3f));
		u[3] = (char)(0x80 | (key & 0x3f));
		u[4] = '\0';
	}
	(void)buf_addstr(b, u);
}

enum keymap_action
keymap_action_parse(const char *name)
{
	int i;

	for (i = 1; i < KEYMAP_NACTIONS; i++)
		if (strcmp(name, actions[i].name) == 0)
			return ((enum keymap_action)i);
	for (i = KEYMAP_NACTIONS + 1; i < KEYMAP_NALL; i++)
		if (strcmp(name, missing[i - KEYMAP_NACTIONS].name) == 0)
			return ((enum keymap_action)i);
	return (KEYMAP_NONE);
}

bool
keymap_action_implemented(enum keymap_action action)
{
	return ((int)action >= 0 && action < KEYMAP_NACTIONS);
}

const char *
keymap_action_name(enum keymap_action action)
{
	if ((int)action > KEYMAP_NACTIONS && action < KEYMAP_NALL)
		return (missing[action - KEYMAP_NACTIONS].name);
	if ((int)action < 0 || action >= KEYMAP_NACTIONS)
		return ("none");
	return (actions[action].name);
}

const char *
keymap_action_help(enum keymap_action action)
{
	if ((int)action > KEYMAP_NACTIONS && action < KEYMAP_NALL)
		return (missing[action - KEYMAP_NACTIONS].instead);
	if ((int)action < 0 || action >= KEYMAP_NACTIONS)
		return ("");
	return (actions[action].help);
}

int
keymap_context_parse(const char *name)
{
	int i;

	for (i = 0; i < KEYMAP_NALLCONTEXTS; i++)
		if (strcmp(name, contexts[i]) == 0)
			return (i);
	/* newsboat's names of the search results view. */
	if (strcmp(name, "search") == 0 ||
	    strcmp(name, "searchresultslist") == 0)
		return (KEYMAP_CTX_SEARCH);
	return (-1);
}

const char *
keymap_context_name(enum keymap_context ctx)
{
	if ((int)ctx < 0 || ctx >= KEYMAP_NALLCONTEXTS)
		return ("all");
	return (contexts[ctx]);
}

size_t
keymap_keys_for(const struct keymap *km, enum keymap_context ctx,
    enum keymap_action action, struct buf *b)
{
	size_t i, j, count = 0;
	int key;
	bool seen;

	for (i = 0; i < km->n; i++) {
		key = km->bindings[i].key;
		if (km->bindings[i].context != ctx &&
		    km->bindings[i].context != KEYMAP_CTX_ALL)
			continue;
		/* Each key once, and only where it is really in force. */
		for (seen = false, j = 0; j < i; j++)
			if (km->bindings[j].key == key &&
			    (km->bindings[j].context == ctx ||
			    km->bindings[j].context == KEYMAP_CTX_ALL))
				seen = true;
		if (seen || keymap_lookup(km, ctx, key) != action)
			continue;
		if (count++ > 0)
			(void)buf_addstr(b, ", ");
		keymap_key_name(key, b);
	}
	return (count);
}
