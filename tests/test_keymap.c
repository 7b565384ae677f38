/* test_keymap: key names, defaults, presets, bind/unbind, help listing. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "keymap.h"

static void
test_key_names(void **state)
{
	struct buf b;
	const char *names[] = { "j", "ENTER", "^L", "PPAGE", "NPAGE", "SPACE",
	    "HOME", "END", "F5", "é", "#", "TAB", "ESC", "UP" };
	size_t i;
	int key;

	(void)state;
	assert_int_equal(keymap_key_parse("j"), 'j');
	assert_int_equal(keymap_key_parse("^L"), 12);
	assert_int_equal(keymap_key_parse("^l"), 12);
	assert_int_equal(keymap_key_parse("SPACE"), ' ');
	assert_int_equal(keymap_key_parse("é"), 0xe9);
	assert_int_equal(keymap_key_parse("F12"), KEYMAP_KEY_F(12));
	assert_int_equal(keymap_key_parse("enter"), KEYMAP_KEY_ENTER);
	assert_int_equal(keymap_key_parse(""), -1);
	assert_int_equal(keymap_key_parse("jj"), -1);
	assert_int_equal(keymap_key_parse("F13"), -1);
	assert_int_equal(keymap_key_parse("^1"), -1);
	assert_int_equal(keymap_key_parse("\x1b"), -1);
	assert_int_equal(keymap_key_parse("\xc3"), -1);	/* truncated */
	assert_int_equal(keymap_key_parse("\xc0\xaf"), -1);	/* overlong */
	/* Every name the parser accepts prints back to itself. */
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		key = keymap_key_parse(names[i]);
		assert_true(key >= 0);
		buf_init(&b, 64);
		keymap_key_name(key, &b);
		assert_string_equal(buf_str(&b), names[i]);
		buf_free(&b);
	}
}

static void
test_defaults(void **state)
{
	struct keymap km;
	enum keymap_context c;

	(void)state;
	keymap_init(&km);
	for (c = KEYMAP_CTX_FEEDS; c < KEYMAP_NCONTEXTS; c++) {
		assert_int_equal(keymap_lookup(&km, c, KEYMAP_KEY_ENTER),
		    KEYMAP_OPEN);
		assert_int_equal(keymap_lookup(&km, c, 'q'), KEYMAP_QUIT);
		assert_int_equal(keymap_lookup(&km, c, 'Q'), KEYMAP_HARD_QUIT);
	}
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'k'),
	    KEYMAP_UP);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS,
	    KEYMAP_KEY_DOWN), KEYMAP_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'J'),
	    KEYMAP_NEXT);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'K'),
	    KEYMAP_PREV);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'r'),
	    KEYMAP_RELOAD);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'R'),
	    KEYMAP_RELOAD_ALL);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'n'),
	    KEYMAP_NEXT_UNREAD);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'p'),
	    KEYMAP_PREV_UNREAD);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'N'),
	    KEYMAP_TOGGLE_READ);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'A'),
	    KEYMAP_MARK_FEED_READ);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'C'),
	    KEYMAP_MARK_ALL_READ);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'o'),
	    KEYMAP_OPEN_BROWSER);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'O'),
	    KEYMAP_OPEN_BROWSER_READ);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, '#'),
	    KEYMAP_GOTO_URL);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'u'),
	    KEYMAP_SHOW_URLS);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, '/'),
	    KEYMAP_SEARCH);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, '?'),
	    KEYMAP_HELP);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 't'),
	    KEYMAP_SET_TAG);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS,
	    KEYMAP_CTRL('T')), KEYMAP_CLEAR_TAG);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'l'),
	    KEYMAP_TOGGLE_READ_FEEDS);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS,
	    KEYMAP_CTRL('L')), KEYMAP_REDRAW);
	/* newsboat's s saves; the flag toggle moved to !, a key newsboat
	   leaves free. */
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 's'),
	    KEYMAP_SAVE);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, '!'),
	    KEYMAP_TOGGLE_FLAG);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS,
	    KEYMAP_CTRL('N')), KEYMAP_NEXT_UNREAD_FEED);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE,
	    KEYMAP_CTRL('P')), KEYMAP_PREV_UNREAD_FEED);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS,
	    KEYMAP_CTRL('K')), KEYMAP_RANDOM_UNREAD);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, ' '),
	    KEYMAP_PAGE_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE,
	    KEYMAP_KEY_HOME), KEYMAP_HOME);
	/* newsboat keeps g/G for sorting: not home/end here. */
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'g'),
	    KEYMAP_SORT);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'G'),
	    KEYMAP_REV_SORT);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'x'),
	    KEYMAP_NONE);
	keymap_free(&km);
}

static void
test_vi_preset(void **state)
{
	struct keymap km;

	(void)state;
	keymap_init(&km);
	keymap_set_preset(&km, KEYMAP_PRESET_VI);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'g'),
	    KEYMAP_HOME);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'G'),
	    KEYMAP_END);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE,
	    KEYMAP_CTRL('D')), KEYMAP_HALF_DOWN);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE,
	    KEYMAP_CTRL('U')), KEYMAP_HALF_UP);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_DOWN);
	keymap_set_preset(&km, KEYMAP_PRESET_NEWSBOAT);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'g'),
	    KEYMAP_SORT);
	keymap_free(&km);
}

static void
test_bind_words(void **state)
{
	struct keymap km;
	struct err err = ERR_INIT;
	const char *a1[] = { "x", "quit", NULL };
	const char *a2[] = { "j", "next", "article", NULL };
	const char *a3[] = { "j", "article", NULL };
	const char *bad1[] = { "x", "frobnicate", NULL };
	const char *bad2[] = { "xx", "quit", NULL };
	const char *bad3[] = { "x", "quit", "nowhere", NULL };
	const char *bad4[] = { "x", NULL };

	(void)state;
	keymap_init(&km);
	assert_int_equal(keymap_bind_words(&km, 2, a1, &err), 0);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_FEEDS, 'x'),
	    KEYMAP_QUIT);
	assert_int_equal(keymap_bind_words(&km, 3, a2, &err), 0);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'j'),
	    KEYMAP_NEXT);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_DOWN);
	assert_int_equal(keymap_unbind_words(&km, 2, a3, &err), 0);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ARTICLE, 'j'),
	    KEYMAP_NONE);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_DOWN);
	assert_int_equal(keymap_unbind_words(&km, 1, a3, &err), 0);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_NONE);
	assert_false(err_isset(&err));

	assert_int_equal(keymap_bind_words(&km, 2, bad1, &err), -1);
	assert_non_null(strstr(err.msg, "frobnicate"));
	err_clear(&err);
	assert_int_equal(keymap_bind_words(&km, 2, bad2, &err), -1);
	assert_non_null(strstr(err.msg, "xx"));
	err_clear(&err);
	assert_int_equal(keymap_bind_words(&km, 3, bad3, &err), -1);
	assert_non_null(strstr(err.msg, "nowhere"));
	err_clear(&err);
	assert_int_equal(keymap_bind_words(&km, 1, bad4, &err), -1);
	keymap_free(&km);
}

/*
 * Every operation newsboat 2.21's manual lists ("Available Operations"
 * and podboat's table) and every dialog it names is accepted by
 * bind-key: gazette's own actions silently, the others with one warning
 * per action, the binding made all the same.
 */
static void
test_newsboat_actions(void **state)
{
	static const char *const ops[] = {
		"open", "quit", "hard-quit", "reload", "reload-all",
		"mark-feed-read", "mark-all-feeds-read",
		"mark-all-above-as-read", "save", "save-all", "next-unread",
		"prev-unread", "next", "prev", "random-unread",
		"open-in-browser", "open-in-browser-and-mark-read",
		"open-all-unread-in-browser",
		"open-all-unread-in-browser-and-mark-read", "help",
		"toggle-source-view", "toggle-article-read",
		"toggle-show-read-feeds", "show-urls", "clear-tag", "set-tag",
		"open-search", "goto-url", "one", "two", "three", "four",
		"five", "six", "seven", "eight", "nine", "zero", "enqueue",
		"edit-urls", "reload-urls", "redraw", "cmdline", "set-filter",
		"select-filter", "clear-filter", "bookmark", "edit-flags",
		"next-unread-feed", "prev-unread-feed", "next-feed",
		"prev-feed", "delete-article", "delete-all-articles",
		"purge-deleted", "view-dialogs", "close-dialog",
		"next-dialog", "prev-dialog", "pipe-to", "sort", "rev-sort",
		"up", "down", "pageup", "pagedown", "home", "end",
		"macro-prefix", "switch-focus", "pb-download", "pb-cancel",
		"pb-play", "pb-mark-as-finished", "pb-delete", "pb-purge",
		"pb-toggle-download-all", "pb-increase-max-dls",
		"pb-decrease-max-dls",
	};
	static const char *const dialogs[] = {
		"all", "feedlist", "filebrowser", "help", "articlelist",
		"article", "tagselection", "filterselection", "urlview",
		"podboat", "dirbrowser", "search", "dialogs",
	};
	struct keymap km;
	struct err err = ERR_INIT;
	const char *argv[4];
	enum keymap_action a;
	size_t i;
	int rc, warned = 0;

	(void)state;
	keymap_init(&km);
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		a = keymap_action_parse(ops[i]);
		if (a == KEYMAP_NONE)
			fail_msg("newsboat's %s is unknown", ops[i]);
		argv[0] = "x";
		argv[1] = ops[i];
		argv[2] = "articlelist";
		rc = keymap_bind_words(&km, 3, argv, &err);
		assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'x'), a);
		if (keymap_action_implemented(a)) {
			assert_int_equal(rc, 0);
			continue;
		}
		/* A warning naming the action, the first time only. */
		assert_int_equal(rc, -1);
		assert_non_null(strstr(err.msg, ops[i]));
		err_clear(&err);
		warned++;
		argv[0] = "y";
		assert_int_equal(keymap_bind_words(&km, 2, argv, &err), 0);
		assert_string_equal(keymap_action_name(a), ops[i]);
	}
	assert_true(warned > 0);
	for (i = 0; i < sizeof(dialogs) / sizeof(dialogs[0]); i++) {
		argv[0] = "z";
		argv[1] = "quit";
		argv[2] = dialogs[i];
		rc = keymap_bind_words(&km, 3, argv, &err);
		if (rc < 0) {
			/* A dialog gazette lacks: said once, not an error
			   the second time. */
			assert_non_null(strstr(err.msg, dialogs[i]));
			err_clear(&err);
			assert_int_equal(keymap_bind_words(&km, 3, argv, &err),
			    0);
		}
	}
	/* A binding in a dialog gazette lacks changes no view. */
	argv[0] = "j";
	argv[1] = "pb-download";
	argv[2] = "podboat";
	(void)keymap_bind_words(&km, 3, argv, &err);
	err_clear(&err);
	assert_int_equal(keymap_lookup(&km, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_DOWN);
	keymap_free(&km);
}

static void
test_keys_for(void **state)
{
	struct keymap km;
	struct buf b;
	const char *rebind[] = { "x", "down", "feedlist", NULL };
	const char *unbind[] = { "j", "feedlist", NULL };
	struct err err = ERR_INIT;

	(void)state;
	keymap_init(&km);
	buf_init(&b, 256);
	assert_int_equal(keymap_keys_for(&km, KEYMAP_CTX_FEEDS, KEYMAP_DOWN,
	    &b), 2);
	assert_string_equal(buf_str(&b), "j, DOWN");
	(void)keymap_bind_words(&km, 3, rebind, &err);
	(void)keymap_unbind_words(&km, 2, unbind, &err);
	buf_reset(&b);
	/* The help view shows what is really in force, per view. */
	assert_int_equal(keymap_keys_for(&km, KEYMAP_CTX_FEEDS, KEYMAP_DOWN,
	    &b), 2);
	assert_string_equal(buf_str(&b), "DOWN, x");
	buf_reset(&b);
	assert_int_equal(keymap_keys_for(&km, KEYMAP_CTX_ITEMS, KEYMAP_DOWN,
	    &b), 2);
	assert_string_equal(buf_str(&b), "j, DOWN");
	buf_free(&b);
	keymap_free(&km);
}

static void
test_action_names(void **state)
{
	int i;

	(void)state;
	for (i = 1; i < KEYMAP_NACTIONS; i++) {
		assert_int_equal(keymap_action_parse(
		    keymap_action_name((enum keymap_action)i)), i);
		assert_true(strlen(keymap_action_help(
		    (enum keymap_action)i)) > 0);
	}
	assert_int_equal(keymap_action_parse("none"), KEYMAP_NONE);
	assert_int_equal(keymap_context_parse("feedlist"), KEYMAP_CTX_FEEDS);
	assert_int_equal(keymap_context_parse("bogus"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_names),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_vi_preset),
		cmocka_unit_test(test_bind_words),
		cmocka_unit_test(test_newsboat_actions),
		cmocka_unit_test(test_keys_for),
		cmocka_unit_test(test_action_names),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
