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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_defaults),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
