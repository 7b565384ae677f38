/* test_conf_dump: conf_get and conf_dump (dumpconfig) read back. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "conf.h"
#include "sync_service.h"

static void
count_warn(void *arg, const char *file, unsigned line, const char *msg)
{
	(void)file;
	(void)line;
	(void)msg;
	(*(int *)arg)++;
}

/* The dump of cfg, as a string (freed by the caller). */
static char *
dump(const struct conf *cfg)
{
	char *text = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	assert_int_equal(conf_dump(cfg, fp), 0);
	fclose(fp);
	return (text);
}

static void
load_text(struct conf *cfg, const char *text, int *warns)
{
	char path[] = "/tmp/test_conf_dump.XXXXXX";
	struct err err = ERR_INIT;
	FILE *fp;
	int fd;

	fd = mkstemp(path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	assert_int_equal(conf_load(cfg, path, true, count_warn, warns, &err),
	    0);
	unlink(path);
}

static void
test_get(void **state)
{
	struct conf cfg;
	struct buf b;

	(void)state;
	conf_init(&cfg);
	buf_init(&b, 1024);
	assert_int_equal(conf_get(&cfg, "show-read-feeds", &b), 0);
	assert_string_equal(buf_str(&b), "yes");
	buf_reset(&b);
	assert_int_equal(conf_get(&cfg, "history-limit", &b), 0);
	assert_string_equal(buf_str(&b), "100");
	buf_reset(&b);
	assert_int_equal(conf_get(&cfg, "keymap", &b), 0);
	assert_string_equal(buf_str(&b), "newsboat");
	buf_reset(&b);
	assert_int_equal(conf_set(&cfg, "browser", "w3m %u", NULL), 0);
	assert_int_equal(conf_get(&cfg, "browser", &b), 0);
	assert_string_equal(buf_str(&b), "w3m %u");
	assert_int_equal(conf_get(&cfg, "no-such-option", &b), -1);
	buf_free(&b);
	conf_free(&cfg);
}

static const char full[] =
    "keymap vi\n"
    "show-read-feeds no\n"
    "max-items 7\n"
    "browser \"firefox --new-tab %u\"\n"
    "datetime-format \"%Y-%m-%d # not a comment\"\n"
    "notify-format 'say \"hi\" \\\\ there'\n"
    "run-on-startup next-unread ; open\n"
    "bind-key x open articlelist\n"
    "bind-key ^X toggle-show-read-feeds\n"
    "unbind-key J\n"
    "bind-key SPACE pagedown article\n"
    "color listfocus yellow blue bold\n"
    "color info color123 default underline reverse\n"
    "highlight all \"a;b\" red\n"
    "highlight-article \"title =~ \\\"x\\\"\" green default bold\n"
    "define-filter \"only x\" \"title =~ \\\"x\\\"\"\n"
    "macro v set browser \"mpv %u\" ; open-in-browser -- \"play it\"\n"
    "macro r toggle-article-read \"read\"\n";

/* A dump read back gives the same dump, without a warning. */
static void
test_round_trip(void **state)
{
	struct conf a, b;
	char *da, *db;
	int warns = 0;

	(void)state;
	conf_init(&a);
	load_text(&a, full, &warns);
	assert_int_equal(warns, 0);
	assert_int_equal(a.n_skips, 0);
	da = dump(&a);
	assert_non_null(strstr(da, "\nmax-items 7\n"));
	assert_non_null(strstr(da, "\nbrowser \"firefox --new-tab %u\"\n"));
	assert_non_null(strstr(da, "\nbind-key x open articlelist\n"));
	assert_non_null(strstr(da, "\nunbind-key J all\n"));
	assert_non_null(strstr(da, "\ncolor info color123 default underline "
	    "reverse\n"));
	assert_non_null(strstr(da, "\nmacro v set browser \"mpv %u\" ; "
	    "open-in-browser -- \"play it\"\n"));
	/* The vi preset's own keys are not written. */
	assert_null(strstr(da, "bind-key g home"));
	conf_init(&b);
	load_text(&b, da, &warns);
	assert_int_equal(warns, 0);
	assert_int_equal(b.n_skips, 0);
	assert_int_equal(b.n_errors, 0);
	db = dump(&b);
	assert_string_equal(da, db);
	assert_int_equal(b.max_items, 7);
	assert_string_equal(b.datetime_format, "%Y-%m-%d # not a comment");
	assert_string_equal(b.notify_format, "say \"hi\" \\\\ there");
	assert_int_equal(keymap_lookup(&b.keymap, KEYMAP_CTX_ITEMS, 'x'),
	    KEYMAP_OPEN);
	assert_int_equal(keymap_lookup(&b.keymap, KEYMAP_CTX_FEEDS, 'J'),
	    KEYMAP_NONE);
	assert_int_equal(b.n_macros, 2);
	assert_int_equal(b.n_hls, 2);
	free(da);
	free(db);
	conf_free(&a);
	conf_free(&b);
}

/* The defaults: every line applied, none warned about. */
static void
test_defaults(void **state)
{
	struct conf a;
	char *d;
	int warns = 0;

	(void)state;
	conf_init(&a);
	d = dump(&a);
	conf_free(&a);
	conf_init(&a);
	load_text(&a, d, &warns);
	assert_int_equal(warns, 0);
	assert_int_equal(a.n_applied, a.n_lines);
	assert_int_equal(a.n_lines, conf_options_count());
	free(d);
	conf_free(&a);
}

/* The sync services' rows as a dump writes their defaults: every name,
 * in the table's order. */
static const char sync_defaults[] =
    "freshrss-url \"\"\n"
    "freshrss-login \"\"\n"
    "freshrss-password \"\"\n"
    "freshrss-passwordfile \"\"\n"
    "freshrss-passwordeval \"\"\n"
    "freshrss-min-items 20\n"
    "freshrss-flag-star \"\"\n"
    "freshrss-show-special-feeds yes\n"
    "inoreader-url https://www.inoreader.com\n"
    "inoreader-login \"\"\n"
    "inoreader-password \"\"\n"
    "inoreader-passwordfile \"\"\n"
    "inoreader-passwordeval \"\"\n"
    "inoreader-app-id \"\"\n"
    "inoreader-app-key \"\"\n"
    "inoreader-min-items 20\n"
    "inoreader-flag-star \"\"\n"
    "inoreader-show-special-feeds yes\n"
    "oldreader-url https://theoldreader.com\n"
    "oldreader-login \"\"\n"
    "oldreader-password \"\"\n"
    "oldreader-passwordfile \"\"\n"
    "oldreader-passwordeval \"\"\n"
    "oldreader-min-items 20\n"
    "oldreader-flag-star \"\"\n"
    "oldreader-show-special-feeds yes\n"
    "feedhq-url https://feedhq.org/\n"
    "feedhq-login \"\"\n"
    "feedhq-password \"\"\n"
    "feedhq-passwordfile \"\"\n"
    "feedhq-passwordeval \"\"\n"
    "feedhq-min-items 20\n"
    "feedhq-flag-star \"\"\n"
    "feedhq-show-special-feeds yes\n";

/* A config that sets every one of them to a value of its own: its dump
 * is the same text. */
static const char sync_set[] =
    "freshrss-url \"freshrss url\"\n"
    "freshrss-login \"freshrss login\"\n"
    "freshrss-password \"freshrss password\"\n"
    "freshrss-passwordfile \"freshrss passwordfile\"\n"
    "freshrss-passwordeval \"freshrss passwordeval\"\n"
    "freshrss-min-items 11\n"
    "freshrss-flag-star a\n"
    "freshrss-show-special-feeds no\n"
    "inoreader-url \"inoreader url\"\n"
    "inoreader-login \"inoreader login\"\n"
    "inoreader-password \"inoreader password\"\n"
    "inoreader-passwordfile \"inoreader passwordfile\"\n"
    "inoreader-passwordeval \"inoreader passwordeval\"\n"
    "inoreader-app-id \"the id\"\n"
    "inoreader-app-key \"the key\"\n"
    "inoreader-min-items 22\n"
    "inoreader-flag-star b\n"
    "inoreader-show-special-feeds no\n"
    "oldreader-url \"oldreader url\"\n"
    "oldreader-login \"oldreader login\"\n"
    "oldreader-password \"oldreader password\"\n"
    "oldreader-passwordfile \"oldreader passwordfile\"\n"
    "oldreader-passwordeval \"oldreader passwordeval\"\n"
    "oldreader-min-items 33\n"
    "oldreader-flag-star c\n"
    "oldreader-show-special-feeds no\n"
    "feedhq-url \"feedhq url\"\n"
    "feedhq-login \"feedhq login\"\n"
    "feedhq-password \"feedhq password\"\n"
    "feedhq-passwordfile \"feedhq passwordfile\"\n"
    "feedhq-passwordeval \"feedhq passwordeval\"\n"
    "feedhq-min-items 44\n"
    "feedhq-flag-star d\n"
    "feedhq-show-special-feeds no\n";

/* The lines of dump d from freshrss-url to feedhq-show-special-feeds. */
static char *
sync_rows(const char *d)
{
	const char *b, *e;

	b = strstr(d, "\nfreshrss-url ");
	e = strstr(d, "\nfeedhq-show-special-feeds ");
	assert_non_null(b);
	assert_non_null(e);
	e = strchr(e + 1, '\n');
	assert_non_null(e);
	return (strndup(b + 1, (size_t)(e - b)));
}

/* Each service's rows: names, defaults, and the fields they set (as
 * sync_service_get hands them on). */
static void
test_sync_services(void **state)
{
	static const char *const svcs[] = { "freshrss", "inoreader",
	    "oldreader", "feedhq" };
	struct conf cfg;
	struct sync_service svc;
	char *d, *rows, want[64];
	size_t i;
	int warns = 0;

	(void)state;
	conf_init(&cfg);
	d = dump(&cfg);
	rows = sync_rows(d);
	assert_string_equal(rows, sync_defaults);
	free(rows);
	free(d);
	load_text(&cfg, sync_set, &warns);
	assert_int_equal(warns, 0);
	assert_int_equal(cfg.n_applied, 34);
	d = dump(&cfg);
	rows = sync_rows(d);
	assert_string_equal(rows, sync_set);
	free(rows);
	free(d);
	for (i = 0; i < 4; i++) {
		free(cfg.urls_source);
		cfg.urls_source = strdup(svcs[i]);
		assert_true(sync_service_get(&cfg, &svc));
		assert_string_equal(svc.prefix, svcs[i]);
		snprintf(want, sizeof(want), "%s url", svcs[i]);
		assert_string_equal(svc.url, want);
		snprintf(want, sizeof(want), "%s login", svcs[i]);
		assert_string_equal(svc.login, want);
		snprintf(want, sizeof(want), "%s password", svcs[i]);
		assert_string_equal(svc.password, want);
		snprintf(want, sizeof(want), "%s passwordfile", svcs[i]);
		assert_string_equal(svc.passwordfile, want);
		snprintf(want, sizeof(want), "%s passwordeval", svcs[i]);
		assert_string_equal(svc.passwordeval, want);
		assert_int_equal(svc.min_items, (int)(i + 1) * 11);
		want[0] = (char)('a' + i);
		want[1] = '\0';
		assert_string_equal(svc.flag_star, want);
		assert_false(svc.show_special_feeds);
	}
	assert_string_equal(svc.app_id, "");
	free(cfg.urls_source);
	cfg.urls_source = strdup("inoreader");
	assert_true(sync_service_get(&cfg, &svc));
	assert_string_equal(svc.app_id, "the id");
	assert_string_equal(svc.app_key, "the key");
	conf_free(&cfg);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_sync_services),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
