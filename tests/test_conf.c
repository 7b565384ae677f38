/* test_conf: the config file parser, the option table and its man page. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "buf.h"
#include "conf.h"

struct warnings {
	unsigned	 n;
	unsigned	 lines[16];
	char		 text[4096];
};

static void
collect(void *arg, const char *file, unsigned line, const char *msg)
{
	struct warnings *w = arg;
	size_t len = strlen(w->text);

	if (w->n < 16)
		w->lines[w->n] = line;
	w->n++;
	snprintf(w->text + len, sizeof(w->text) - len, "%s:%u: %s\n", file,
	    line, msg);
}

static void
test_defaults(void **state)
{
	struct conf cfg;

	(void)state;
	conf_init(&cfg);
	assert_string_equal(cfg.browser, "");
	assert_false(cfg.refresh_on_startup);
	assert_true(cfg.show_read_feeds);
	assert_true(cfg.show_read_articles);
	assert_true(cfg.osc52);
	assert_false(cfg.osc8_links);
	assert_int_equal(cfg.max_items, 0);
	assert_string_equal(cfg.datetime_format, "%b %d");
	assert_int_equal(cfg.keymap_preset, KEYMAP_PRESET_NEWSBOAT);
	assert_false(cfg.colors[CONF_EL_LISTFOCUS].set);
	conf_free(&cfg);
}

static void
test_words(void **state)
{
	struct err err = ERR_INIT;
	char **argv;
	int argc;

	(void)state;
	assert_int_equal(conf_split_words("  browser \"w3m -o x %u\" # c",
	    &argc, &argv, &err), 0);
	assert_int_equal(argc, 2);
	assert_string_equal(argv[0], "browser");
	assert_string_equal(argv[1], "w3m -o x %u");
	assert_null(argv[2]);
	conf_words_free(argv);

	assert_int_equal(conf_split_words("a 'b \"c' \"d\\\"e\" f\\ g \"\"",
	    &argc, &argv, &err), 0);
	assert_int_equal(argc, 5);
	assert_string_equal(argv[1], "b \"c");
	assert_string_equal(argv[2], "d\"e");
	assert_string_equal(argv[3], "f g");
	assert_string_equal(argv[4], "");
	conf_words_free(argv);

	assert_int_equal(conf_split_words("# only a comment", &argc, &argv,
	    &err), 0);
	assert_int_equal(argc, 0);
	conf_words_free(argv);

	assert_int_equal(conf_split_words("bind-key \"#\" goto-url", &argc,
	    &argv, &err), 0);
	assert_int_equal(argc, 3);
	assert_string_equal(argv[1], "#");
	conf_words_free(argv);

	assert_int_equal(conf_split_words("browser \"open", &argc, &argv,
	    &err), -1);
	assert_null(argv);
	assert_non_null(strstr(err.msg, "unterminated"));
}

static void
test_lines(void **state)
{
	struct conf cfg;
	struct warnings w;
	static const char *good[] = {
		"browser \"lynx -accept_all_cookies %u\"",
		"refresh-on-startup yes",
		"show-read-feeds no",
		"show-read-articles false",
		"max-items 50",
		"datetime-format \"%Y-%m-%d %H:%M\"",
		"osc52 off",
		"osc8-links on",
		"bind-key x quit",
		"unbind-key j articlelist",
		"color listfocus black yellow bold underline",
		"color info color123 default",
		"",
		"   # a comment",
	};
	size_t i;

	(void)state;
	memset(&w, 0, sizeof(w));
	conf_init(&cfg);
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		assert_int_equal(conf_parse_line(&cfg, "t", (unsigned)i + 1,
		    good[i], collect, &w), 0);
	assert_int_equal(w.n, 0);
	assert_string_equal(cfg.browser, "lynx -accept_all_cookies %u");
	assert_true(cfg.refresh_on_startup);
	assert_false(cfg.show_read_feeds);
	assert_false(cfg.show_read_articles);
	assert_int_equal(cfg.max_items, 50);
	assert_string_equal(cfg.datetime_format, "%Y-%m-%d %H:%M");
	assert_false(cfg.osc52);
	assert_true(cfg.osc8_links);
	assert_int_equal(keymap_lookup(&cfg.keymap, KEYMAP_CTX_FEEDS, 'x'),
	    KEYMAP_QUIT);
	assert_int_equal(keymap_lookup(&cfg.keymap, KEYMAP_CTX_ITEMS, 'j'),
	    KEYMAP_NONE);
	assert_int_equal(keymap_lookup(&cfg.keymap, KEYMAP_CTX_FEEDS, 'j'),
	    KEYMAP_DOWN);
	assert_true(cfg.colors[CONF_EL_LISTFOCUS].set);
	assert_int_equal(cfg.colors[CONF_EL_LISTFOCUS].fg, 0);
	assert_int_equal(cfg.colors[CONF_EL_LISTFOCUS].bg, 3);
	assert_int_equal(cfg.colors[CONF_EL_LISTFOCUS].attrs,
	    CONF_ATTR_BOLD | CONF_ATTR_UNDERLINE);
	assert_int_equal(cfg.colors[CONF_EL_INFO].fg, 123);
	assert_int_equal(cfg.colors[CONF_EL_INFO].bg, CONF_COLOR_DEFAULT);
	/* Unquoted words of a text option are joined back. */
	assert_int_equal(conf_parse_line(&cfg, "t", 1,
	    "browser firefox --new-tab %u", collect, &w), 0);
	assert_string_equal(cfg.browser, "firefox --new-tab %u");
	conf_free(&cfg);
}

static void
test_bad_lines(void **state)
{
	struct conf cfg;
	struct warnings w;
	static const char *bad[] = {
		"frobnicate yes",
		"show-read-feeds maybe",
		"max-items -1",
		"max-items 12abc",
		"max-items 99999999999999999999",
		"keymap emacs",
		"bind-key x frobnicate",
		"bind-key",
		"color nowhere red blue",
		"color info pink blue",
		"color info red blue sparkle",
		"browser \"unterminated",
		"refresh-on-startup",
		"refresh-on-startup yes no",
		"datetime-format \"\"",
	};
	size_t i;

	(void)state;
	memset(&w, 0, sizeof(w));
	conf_init(&cfg);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(conf_parse_line(&cfg, "f", (unsigned)i + 1,
		    bad[i], collect, &w), -1);
	assert_int_equal(w.n, sizeof(bad) / sizeof(bad[0]));
	for (i = 0; i < 16 && i < w.n; i++)
		assert_int_equal(w.lines[i], i + 1);
	assert_non_null(strstr(w.text, "f:1: unknown option 'frobnicate'"));
	assert_non_null(strstr(w.text, "f:2: show-read-feeds: expected"));
	/* Nothing bad changed a setting. */
	assert_true(cfg.show_read_feeds);
	assert_int_equal(cfg.max_items, 0);
	assert_false(cfg.refresh_on_startup);
	assert_string_equal(cfg.datetime_format, "%b %d");
	assert_false(cfg.colors[CONF_EL_INFO].set);
	conf_free(&cfg);
}

static void
test_load_file(void **state)
{
	struct conf cfg;
	struct warnings w;
	struct err err = ERR_INIT;
	char path[] = "/tmp/gazette-conf-XXXXXX";
	FILE *fp;
	int fd;

	(void)state;
	memset(&w, 0, sizeof(w));
	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	fputs("keymap vi\n"
	    "bogus-option 1\n"
	    "bind-key \"#\" help\n"
	    "show-read-articles no\n"
	    "max-items ten\n"
	    "osc52 no\n", fp);
	fclose(fp);
	conf_init(&cfg);
	assert_int_equal(conf_load(&cfg, path, true, collect, &w, &err), 0);
	/* Two warnings, with their lines; the rest applied. */
	assert_int_equal(w.n, 2);
	assert_int_equal(w.lines[0], 2);
	assert_int_equal(w.lines[1], 5);
	assert_non_null(strstr(w.text, path));
	assert_int_equal(cfg.keymap_preset, KEYMAP_PRESET_VI);
	assert_int_equal(keymap_lookup(&cfg.keymap, KEYMAP_CTX_ITEMS, 'G'),
	    KEYMAP_END);
	assert_int_equal(keymap_lookup(&cfg.keymap, KEYMAP_CTX_ITEMS, '#'),
	    KEYMAP_HELP);
	assert_false(cfg.show_read_articles);
	assert_false(cfg.osc52);
	conf_free(&cfg);
	unlink(path);

	conf_init(&cfg);
	assert_int_equal(conf_load(&cfg, path, false, collect, &w, &err), 0);
	assert_false(err_isset(&err));
	assert_int_equal(conf_load(&cfg, path, true, collect, &w, &err), -1);
	assert_true(err_isset(&err));
	conf_free(&cfg);
}

/*
 * Only regular files are read, at most CONF_MAX_FILE bytes; warnings stop
 * at USERFILE_MAX_WARNINGS, then a count; a line over CONF_MAX_LINE is
 * one warning.
 */
static void
test_load_limits(void **state)
{
	struct conf cfg;
	struct warnings w;
	struct err err = ERR_INIT;
	char path[] = "/tmp/gazette-conf-XXXXXX";
	FILE *fp;
	size_t i;
	int fd;

	(void)state;
	conf_init(&cfg);
	assert_int_equal(conf_load(&cfg, "/dev/zero", true, collect, &w,
	    &err), -1);
	assert_string_equal(err.msg,
	    "/dev/zero: not a regular file (a character device)");
	err_clear(&err);
	/* Even when the file need not exist. */
	assert_int_equal(conf_load(&cfg, "/dev/urandom", false, collect, &w,
	    &err), -1);
	err_clear(&err);

	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	for (i = 0; i < 30; i++)
		fprintf(fp, "bogus-%zu 1\n", i);
	for (i = 0; i < CONF_MAX_LINE; i++)
		fputc('x', fp);
	fputs("\nosc52 no\n", fp);
	fclose(fp);
	memset(&w, 0, sizeof(w));
	assert_int_equal(conf_load(&cfg, path, true, collect, &w, &err), 0);
	assert_int_equal(w.n, 21);
	assert_int_equal(w.lines[0], 1);
	assert_non_null(strstr(w.text, ":20: unknown option 'bogus-19'"));
	assert_non_null(strstr(w.text, ":0: ... and 11 more problems\n"));
	assert_false(cfg.osc52);	/* the line after the long one */

	fp = fopen(path, "w");
	assert_non_null(fp);
	for (i = 0; i <= CONF_MAX_FILE / 8; i++)
		fputs("osc52 y\n", fp);
	fclose(fp);
	assert_int_equal(conf_load(&cfg, path, true, collect, &w, &err), -1);
	assert_non_null(strstr(err.msg, "larger than 4 MiB"));
	unlink(path);
	conf_free(&cfg);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/*
 * include: relative to the including file, ~ is HOME, a loop is refused
 * with a warning and the rest still applies.
 */
static void
test_include(void **state)
{
	struct conf cfg;
	struct warnings w;
	struct err err = ERR_INIT;
	char dir[] = "/tmp/gazette-incl-XXXXXX", path[600], home[600];
	char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/sub/colors", dir);
	write_file(path, "color info red blue\ninclude ../main\n");
	snprintf(path, sizeof(path), "%s/fromhome", dir);
	write_file(path, "reload-time 15\n");
	snprintf(path, sizeof(path), "%s/main", dir);
	write_file(path, "include sub/colors\ninclude ~/fromhome\n"
	    "include nowhere\nauto-reload yes\n");
	snprintf(home, sizeof(home), "%s", dir);
	setenv("HOME", home, 1);
	memset(&w, 0, sizeof(w));
	conf_init(&cfg);
	assert_int_equal(conf_load(&cfg, path, true, collect, &w, &err), 0);
	assert_true(cfg.colors[CONF_EL_INFO].set);
	assert_int_equal(cfg.reload_time, 15);
	assert_true(cfg.auto_reload);
	/* The loop back to main, and the missing file. */
	assert_int_equal(w.n, 2);
	assert_non_null(strstr(w.text, "included from itself"));
	assert_non_null(strstr(w.text, "main:3: include: "));
	assert_int_equal(cfg.n_errors, 2);
	assert_int_equal(cfg.n_lines, 7);
	assert_int_equal(cfg.n_applied, 5);
	conf_free(&cfg);
	if (old_home != NULL)
		setenv("HOME", old_home, 1);
	free(old_home);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

struct lines {
	unsigned	 n;
	char		 text[4096];
};

static void
collect_line(void *arg, const char *line)
{
	struct lines *l = arg;
	size_t len = strlen(l->text);

	l->n++;
	snprintf(l->text + len, sizeof(l->text) - len, "%s\n", line);
}

/*
 * newsboat's commands gazette does not apply are accepted, counted and
 * grouped with what gazette does instead; one asking for gazette's own
 * behaviour is applied; the fetcher settings are stored.
 */
static void
test_newsboat_lines(void **state)
{
	struct conf cfg;
	struct warnings w;
	struct lines l;
	static const char *lines[] = {
		"highlight article \"foo\" red default",
		"ssl-verifyhost no",
		"highlight feedlist \"x\" blue default bold",
		"goto-next-feed no",
		"goto-next-feed yes",
		"bind-key N view-dialogs articlelist",
		"bind-key t next tagselection",
		"color end-of-text-marker color8 default",
		"ttrss-login \"me\"",
		"dialogs-title-format \"%u\"",
		"search-highlight-colors white black bold",
		"reload-threads 3",
		"download-retries 4",
		"download-timeout 20",
		"user-agent \"Lynx/2.8\"",
		"use-proxy yes",
		"proxy localhost:3128",
		"proxy-type socks5h",
		"proxy-auth \"u:p\"",
		"confirm-exit yes",
		"inoreader-login \"me\"",
		"feedhq-flag-share \"a\"",
		"oldreader-flag-share \"\"",
	};
	char *proxy;
	size_t i;

	(void)state;
	memset(&w, 0, sizeof(w));
	memset(&l, 0, sizeof(l));
	conf_init(&cfg);
	assert_int_equal(cfg.download_retries, 1);
	assert_int_equal(cfg.reload_time, 60);
	assert_null(conf_proxy_url(&cfg));
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		assert_int_equal(conf_parse_line(&cfg, "c", (unsigned)i + 1,
		    lines[i], collect, &w), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(cfg.n_lines, 23);
	assert_int_equal(cfg.n_skips, 6);
	assert_int_equal(cfg.n_applied, 17);
	conf_skips_each(&cfg, collect_line, &l);
	assert_int_equal(l.n, 6);
	/* highlight is applied: kept in the order read. */
	assert_null(strstr(l.text, "highlight"));
	assert_int_equal(cfg.n_hls, 2);
	assert_int_equal(cfg.hls[0].kind, CONF_HL_ARTICLE);
	assert_string_equal(cfg.hls[0].pattern, "foo");
	assert_int_equal(cfg.hls[0].color.fg, 1);
	assert_int_equal(cfg.hls[1].kind, CONF_HL_FEEDLIST);
	assert_int_equal(cfg.hls[1].color.attrs, CONF_ATTR_BOLD);
	assert_null(strstr(l.text, "goto-next-feed"));
	assert_non_null(strstr(l.text, "bind-key view-dialogs (c:6): "
	    "gazette's views are one stack"));
	assert_non_null(strstr(l.text, "bind-key ... tagselection (c:7): "
	    "gazette has no such view"));
	/* Every colour element newsboat documents is applied. */
	assert_null(strstr(l.text, "color end-of-text-marker"));
	assert_true(cfg.colors[CONF_EL_END_OF_TEXT].set);
	assert_int_equal(cfg.colors[CONF_EL_END_OF_TEXT].fg, 8);
	assert_non_null(strstr(l.text, "ttrss-login (c:9): not applied: "
	    "gazette syncs through"));
	/* Inoreader, The Old Reader and FeedHQ sync, but for sharing. */
	assert_null(strstr(l.text, "inoreader-login"));
	assert_string_equal(cfg.inoreader.login, "me");
	assert_non_null(strstr(l.text, "feedhq-flag-share (c:22): not "
	    "applied: sharing"));
	assert_null(strstr(l.text, "oldreader-flag-share"));
	assert_non_null(strstr(l.text, "dialogs-title-format (c:10): "));
	assert_true(cfg.colors[CONF_EL_MATCH].set);
	assert_int_equal(cfg.colors[CONF_EL_MATCH].fg, 7);
	assert_int_equal(cfg.reload_threads, 3);
	assert_int_equal(cfg.download_retries, 4);
	assert_int_equal(cfg.download_timeout, 20);
	assert_string_equal(cfg.user_agent, "Lynx/2.8");
	assert_true(cfg.confirm_exit);
	proxy = conf_proxy_url(&cfg);
	assert_string_equal(proxy, "socks5h://localhost:3128");
	free(proxy);
	assert_string_equal(cfg.proxy_auth, "u:p");
	/* Still an error: a command nobody has. */
	assert_int_equal(conf_parse_line(&cfg, "c", 21, "bind-key x fly",
	    collect, &w), -1);
	assert_int_equal(cfg.n_errors, 1);
	conf_free(&cfg);
}

/* newsboat's format strings are applied, kept as written. */
static void
test_formats(void **state)
{
	struct conf cfg;
	struct warnings w;

	(void)state;
	memset(&w, 0, sizeof(w));
	conf_init(&cfg);
	assert_string_equal(cfg.feedlist_format, "");
	assert_string_equal(cfg.articlelist_format, "");
	assert_int_equal(conf_parse_line(&cfg, "c", 1,
	    "feedlist-format \"%4i %n %11u %t\"", collect, &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 2,
	    "articlelist-format \"%4i %f %D   %?T?|%-17T|  ?%t\"", collect,
	    &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 3,
	    "itemview-title-format \"Article '%T'\"", collect, &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 4,
	    "feedlist-title-format Feeds", collect, &w), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(cfg.n_applied, 4);
	assert_int_equal(cfg.n_skips, 0);
	assert_string_equal(cfg.feedlist_format, "%4i %n %11u %t");
	assert_string_equal(cfg.articlelist_format,
	    "%4i %f %D   %?T?|%-17T|  ?%t");
	assert_string_equal(cfg.itemview_title_format, "Article '%T'");
	assert_string_equal(cfg.feedlist_title_format, "Feeds");
	conf_free(&cfg);
}

/* macro lines: commands cut at ';' outside quotes, a description. */
static void
test_macros(void **state)
{
	struct conf cfg;
	struct warnings w;
	const struct conf_macro *m;

	(void)state;
	memset(&w, 0, sizeof(w));
	conf_init(&cfg);
	assert_int_equal(conf_parse_line(&cfg, "c", 1,
	    "macro v set browser \"mpv %u; echo\";open-in-browser ; "
	    "set browser 'w3m %u' -- \"play; the video\"", collect, &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 2,
	    "macro ^R toggle-article-read # a comment; not a command",
	    collect, &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 3,
	    "macro , set browser \"lynx\"\\; ; open-in-browser", collect,
	    &w), 0);
	assert_int_equal(w.n, 0);
	assert_int_equal(cfg.n_applied, 3);
	assert_int_equal(cfg.n_skips, 0);
	m = conf_macro_find(&cfg, 'v');
	assert_non_null(m);
	assert_int_equal(m->n, 3);
	assert_string_equal(m->cmds[0][0], "set");
	assert_string_equal(m->cmds[0][1], "browser");
	assert_string_equal(m->cmds[0][2], "mpv %u; echo");
	assert_null(m->cmds[0][3]);
	assert_string_equal(m->cmds[1][0], "open-in-browser");
	assert_null(m->cmds[1][1]);
	assert_string_equal(m->cmds[2][2], "w3m %u");
	assert_string_equal(m->desc, "play; the video");
	m = conf_macro_find(&cfg, KEYMAP_CTRL('R'));
	assert_non_null(m);
	assert_int_equal(m->n, 1);
	assert_null(m->desc);
	m = conf_macro_find(&cfg, ',');
	assert_non_null(m);
	assert_int_equal(m->n, 2);
	assert_string_equal(m->cmds[0][2], "lynx;");
	assert_null(conf_macro_find(&cfg, 'x'));
	/* A later macro on the same key replaces the first. */
	assert_int_equal(conf_parse_line(&cfg, "c", 4,
	    "macro v open-in-browser-and-mark-read", collect, &w), 0);
	m = conf_macro_find(&cfg, 'v');
	assert_int_equal(m->n, 1);
	assert_int_equal(cfg.n_macros, 3);
	/* Bad macros: warned about with what is wrong, not kept. */
	assert_int_equal(conf_parse_line(&cfg, "c", 5, "macro", collect, &w),
	    -1);
	assert_int_equal(conf_parse_line(&cfg, "c", 6, "macro q",
	    collect, &w), -1);
	assert_int_equal(conf_parse_line(&cfg, "c", 7,
	    "macro q fly-away", collect, &w), -1);
	assert_int_equal(conf_parse_line(&cfg, "c", 8,
	    "macro q set no-such-option 1", collect, &w), -1);
	assert_int_equal(conf_parse_line(&cfg, "c", 9,
	    "macro q set max-items lots", collect, &w), -1);
	assert_int_equal(conf_parse_line(&cfg, "c", 10,
	    "macro q set browser \"unterminated", collect, &w), -1);
	assert_int_equal(w.n, 6);
	assert_non_null(strstr(w.text, "c:7: macro: unknown command "
	    "'fly-away'"));
	assert_non_null(strstr(w.text, "c:8: macro: set: unknown option "
	    "'no-such-option'"));
	assert_non_null(strstr(w.text, "c:9: macro: set max-items: "));
	assert_null(conf_macro_find(&cfg, 'q'));
	/* newsboat's documented toggle-article-read "read". */
	assert_int_equal(conf_parse_line(&cfg, "c", 12,
	    "macro o open-in-browser; toggle-article-read \"read\"", collect,
	    &w), 0);
	assert_int_equal(conf_parse_line(&cfg, "c", 13,
	    "macro o toggle-article-read maybe", collect, &w), -1);
	/* newsboat's settings gazette does not apply are accepted. */
	assert_int_equal(conf_parse_line(&cfg, "c", 11,
	    "macro p set notify-beep yes ; reload-all", collect, &w), 0);
	conf_free(&cfg);
}

/* Every option of the table, action and element is in the man page. */
static void
test_man_page(void **state)
{
	const char *srcdir = getenv("srcdir");
	char path[4096], *text;
	struct buf b, needle;
	FILE *fp;
	size_t i, n;
	int k;
	char chunk[4096];

	(void)state;
	snprintf(path, sizeof(path), "%s/man/gazette.conf.5",
	    srcdir != NULL ? srcdir : ".");
	fp = fopen(path, "r");
	assert_non_null(fp);
	buf_init(&b, 1 << 20);
	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		assert_int_equal(buf_add(&b, chunk, n), 0);
	fclose(fp);
	text = (char *)buf_str(&b);
	buf_init(&needle, 256);
	for (i = 0; i < conf_options_count(); i++) {
		buf_reset(&needle);
		(void)buf_addf(&needle, ".It Ic %s", conf_option_at(i)->name);
		if (strstr(text, buf_str(&needle)) == NULL)
			fail_msg("option %s is not in gazette.conf.5",
			    conf_option_at(i)->name);
	}
	for (k = 1; k < KEYMAP_NACTIONS; k++) {
		buf_reset(&needle);
		(void)buf_addf(&needle, ".It Cm %s",
		    keymap_action_name((enum keymap_action)k));
		if (strstr(text, buf_str(&needle)) == NULL)
			fail_msg("action %s is not in gazette.conf.5",
			    keymap_action_name((enum keymap_action)k));
	}
	for (k = 0; k < CONF_NELEMENTS; k++)
		if (strstr(text, conf_element_name(
		    (enum conf_element)k)) == NULL)
			fail_msg("element %s is not in gazette.conf.5",
			    conf_element_name((enum conf_element)k));
	buf_free(&needle);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_bad_lines),
		cmocka_unit_test(test_load_file),
		cmocka_unit_test(test_load_limits),
		cmocka_unit_test(test_include),
		cmocka_unit_test(test_newsboat_lines),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_macros),
		cmocka_unit_test(test_man_page),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
