/* test_browser: URL checks, argv building, running without a shell. */
#include "config.h"

#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "browser.h"
#include "conf.h"

static void
test_check_url(void **state)
{
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(browser_check_url("https://example.org/a?b=c", &err),
	    0);
	assert_int_equal(browser_check_url("HTTP://example.org/", &err), 0);
	assert_int_equal(browser_check_url("file:///tmp/x.html", &err), 0);
	assert_int_equal(browser_check_url("-oProxyCommand=x", &err), -1);
	assert_int_equal(browser_check_url("javascript:alert(1)", &err), -1);
	assert_int_equal(browser_check_url("ftp://example.org/", &err), -1);
	assert_int_equal(browser_check_url("", &err), -1);
	assert_int_equal(browser_check_url(NULL, &err), -1);
	assert_int_equal(browser_check_url("http://a/b c", &err), -1);
	assert_int_equal(browser_check_url("http://a/\x1b]52;c;x\a", &err),
	    -1);
}

/* The plan's only command, checked word by word (NULL ends words). */
static void
assert_argv(const struct browser_cmd *c, const char *const *words)
{
	size_t i;

	for (i = 0; words[i] != NULL; i++) {
		assert_non_null(c->argv[i]);
		assert_string_equal(c->argv[i], words[i]);
	}
	assert_null(c->argv[i]);
}

static void
test_plan(void **state)
{
	struct browser_plan plan;
	struct err err = ERR_INIT;
	const char *url = "https://example.org/a;b&c=$(reboot)'\"";

	(void)state;
	assert_int_equal(browser_plan(&plan, "w3m -o 'a b' %u", NULL, url,
	    &err), 0);
	assert_int_equal(plan.n, 1);
	assert_argv(&plan.cmds[0],
	    (const char *[]){ "w3m", "-o", "a b", url, NULL });
	assert_string_equal(plan.cmds[0].name, "w3m");
	browser_plan_free(&plan);

	/* No %u: the URL goes last, as its own word. */
	assert_int_equal(browser_plan(&plan, "firefox --new-tab", NULL, url,
	    &err), 0);
	assert_argv(&plan.cmds[0],
	    (const char *[]){ "firefox", "--new-tab", url, NULL });
	browser_plan_free(&plan);

	/* %u inside a word, %% a percent sign. */
	assert_int_equal(browser_plan(&plan, "b --url=%u 100%%", NULL,
	    "http://x/", &err), 0);
	assert_argv(&plan.cmds[0],
	    (const char *[]){ "b", "--url=http://x/", "100%", NULL });
	browser_plan_free(&plan);

	/* The setting wins over $BROWSER. */
	assert_int_equal(browser_plan(&plan, "w3m", "lynx", "http://x/",
	    &err), 0);
	assert_int_equal(plan.n, 1);
	assert_string_equal(plan.cmds[0].name, "w3m");
	browser_plan_free(&plan);

	assert_int_equal(browser_plan(&plan, "w3m", NULL, "--help", &err),
	    -1);
	assert_int_equal(browser_plan(&plan, "   ", NULL, "http://x/", &err),
	    -1);
	assert_int_equal(browser_plan(&plan, "w3m \"x", NULL, "http://x/",
	    &err), -1);
}

/* $BROWSER: every ':'-separated entry in turn, %s for the URL. */
/* browser_argv: a command of the user's, its argument last, never
 * spliced into shell text. */
static void
test_argv(void **state)
{
	struct err err = ERR_INIT;
	char **argv;

	(void)state;
	argv = browser_argv("notify-send -u low", "2 new; $(rm -rf x)", &err);
	assert_non_null(argv);
	assert_string_equal(argv[0], "notify-send");
	assert_string_equal(argv[1], "-u");
	assert_string_equal(argv[2], "low");
	assert_string_equal(argv[3], "2 new; $(rm -rf x)");
	assert_null(argv[4]);
	conf_words_free(argv);
	/* No %u mark here: a % stays as written. */
	argv = browser_argv("prog %u 50%%", "m", &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "%u");
	assert_string_equal(argv[2], "50%");
	assert_string_equal(argv[3], "m");
	conf_words_free(argv);
	argv = browser_argv("~/bin/n.sh", "it's \"$1\"", &err);
	assert_non_null(argv);
	assert_string_equal(argv[0], "/bin/sh");
	assert_string_equal(argv[2], "~/bin/n.sh \"$1\"");
	assert_string_equal(argv[4], "it's \"$1\"");
	assert_null(argv[5]);
	conf_words_free(argv);
	assert_null(browser_argv("  ", "m", &err));
}

static void
test_plan_env(void **state)
{
	struct browser_plan plan;
	struct err err = ERR_INIT;

	(void)state;
	assert_int_equal(browser_plan(&plan, "", "lynx -dump:: firefox %s",
	    "http://x/", &err), 0);
	assert_int_equal(plan.n, 2);
	assert_argv(&plan.cmds[0],
	    (const char *[]){ "lynx", "-dump", "http://x/", NULL });
	assert_argv(&plan.cmds[1], (const char *[]){ "firefox", "http://x/",
	    NULL });
	assert_string_equal(plan.cmds[1].name, "firefox");
	browser_plan_free(&plan);

	/* %u means nothing in $BROWSER: it is %s there. */
	assert_int_equal(browser_plan(&plan, NULL, "b --u=%s%%%u",
	    "http://x/", &err), 0);
	assert_argv(&plan.cmds[0],
	    (const char *[]){ "b", "--u=http://x/%%u", NULL });
	browser_plan_free(&plan);
}

/* Shell syntax: sh -c with the URL as "$1", quoted for where %u stood. */
static void
test_plan_shell(void **state)
{
	struct browser_plan plan;
	struct err err = ERR_INIT;
	const char *url = "http://x/'$(id)";

	(void)state;
	assert_int_equal(browser_plan(&plan, "firefox %u &>/dev/null &", NULL,
	    url, &err), 0);
	assert_argv(&plan.cmds[0], (const char *[]){ "/bin/sh", "-c",
	    "firefox \"$1\" &>/dev/null &", "sh", url, NULL });
	assert_string_equal(plan.cmds[0].name, "firefox");
	browser_plan_free(&plan);

	assert_int_equal(browser_plan(&plan, "$B '%u' \"<%u>\" x\\'%u", NULL,
	    url, &err), 0);
	assert_string_equal(plan.cmds[0].argv[2],
	    "$B ''\"$1\"'' \"<$1>\" x\\'\"$1\"");
	browser_plan_free(&plan);

	/* Run for real: the URL arrives whole and runs nothing. */
	{
		char dir[] = "/tmp/gazette-sh-XXXXXX", cmd[512], out[256];
		char inj[256], line[512];
		const char *evil = "http://x/'$(touch${IFS}INJ)`touch${IFS}INJ`";
		FILE *fp;

		assert_non_null(mkdtemp(dir));
		snprintf(out, sizeof(out), "%s/out", dir);
		snprintf(inj, sizeof(inj), "%s/INJ", dir);
		snprintf(cmd, sizeof(cmd), "cd %s && printf '%%%%s\\n' '%%u' "
		    ">out; exit 3", dir);
		assert_int_equal(browser_plan(&plan, cmd, NULL, evil, &err), 0);
		assert_int_equal(browser_run(plan.cmds[0].argv, true, &err), 3);
		browser_plan_free(&plan);
		assert_non_null(fp = fopen(out, "r"));
		assert_non_null(fgets(line, sizeof(line), fp));
		fclose(fp);
		line[strcspn(line, "\n")] = '\0';
		assert_string_equal(line, evil);
		assert_int_not_equal(access(inj, F_OK), 0);
		unlink(out);
		rmdir(dir);
	}

	/* No %u: "$1" is added, as newsboat adds the URL. */
	assert_int_equal(browser_plan(&plan, NULL, "$HOME/bin/b", url, &err),
	    0);
	assert_string_equal(plan.cmds[0].argv[2], "$HOME/bin/b \"$1\"");
	browser_plan_free(&plan);
}

/* With neither setting nor $BROWSER: installed text browsers first. */
static void
test_plan_default(void **state)
{
	struct browser_plan plan;
	struct err err = ERR_INIT;
	char dir[] = "/tmp/gazette-path-XXXXXX", file[256], *path;
	const char *names[] = { "xdg-open", "links", "lynx" };
	size_t i;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = getenv("PATH") != NULL ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", dir, 1);
	assert_int_equal(browser_plan(&plan, NULL, NULL, "http://x/", &err),
	    -1);
	assert_non_null(strstr(err.msg, "no browser found"));
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, names[i]);
		assert_non_null(fp = fopen(file, "w"));
		fclose(fp);
		chmod(file, i == 1 ? 0600 : 0700);	/* links: not runnable */
	}
	assert_int_equal(browser_plan(&plan, "", "", "http://x/", &err), 0);
	assert_int_equal(plan.n, 2);
	assert_argv(&plan.cmds[0], (const char *[]){ "lynx", "http://x/",
	    NULL });
	assert_argv(&plan.cmds[1], (const char *[]){ "xdg-open",
	    "http://x/", NULL });
	browser_plan_free(&plan);
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		snprintf(file, sizeof(file), "%s/%s", dir, names[i]);
		unlink(file);
	}
	rmdir(dir);
	if (path != NULL) {
		setenv("PATH", path, 1);
		free(path);
	}
}

static void
test_is_text(void **state)
{
	(void)state;
	assert_true(browser_is_text("w3m", "w3m lynx"));
	assert_true(browser_is_text("/usr/bin/lynx", "w3m lynx"));
	assert_false(browser_is_text("firefox", "w3m lynx"));
	assert_false(browser_is_text("w3", "w3m lynx"));
	assert_false(browser_is_text("w3m", ""));
}

static void
test_run(void **state)
{
	struct err err = ERR_INIT;
	char dir[] = "/tmp/gazette-browser-XXXXXX", script[256], out[256];
	char line[512];
	FILE *fp;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(script, sizeof(script), "%s/fake", dir);
	snprintf(out, sizeof(out), "%s/argv", dir);
	fp = fopen(script, "w");
	assert_non_null(fp);
	fprintf(fp, "#!/bin/sh\nfor a in \"$@\"; do printf '%%s\\n' \"$a\";"
	    " done > '%s'\nexit 3\n", out);
	fclose(fp);
	chmod(script, 0700);

	/* Foreground: waited for, its status returned, argv exact. */
	{
		char *v[] = { script, (char *)"--",
		    (char *)"https://e.org/;$(x)|`y`", NULL };

		assert_int_equal(browser_run(v, true, &err), 3);
	}
	fp = fopen(out, "r");
	assert_non_null(fp);
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_string_equal(line, "--\n");
	assert_non_null(fgets(line, sizeof(line), fp));
	assert_string_equal(line, "https://e.org/;$(x)|`y`\n");
	assert_null(fgets(line, sizeof(line), fp));
	fclose(fp);
	unlink(out);

	/* Detached: returns once started; the output file appears. */
	{
		char *v[] = { script, (char *)"one", NULL };

		assert_int_equal(browser_run(v, false, &err), 0);
	}
	for (i = 0; i < 500 && access(out, R_OK) != 0; i++)
		usleep(10000);
	assert_int_equal(access(out, R_OK), 0);

	/* A program that does not exist is an error, not a silent 127. */
	{
		char *v[] = { (char *)"/nonexistent/browser",
		    (char *)"http://x/", NULL };

		assert_int_equal(browser_run(v, true, &err), -1);
		assert_non_null(strstr(err.msg, "cannot run"));
		err_clear(&err);
		assert_int_equal(browser_run(v, false, &err), -1);
		assert_non_null(strstr(err.msg, "cannot run"));
	}
	unlink(out);
	unlink(script);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_url),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_plan_env),
		cmocka_unit_test(test_plan_shell),
		cmocka_unit_test(test_plan_default),
		cmocka_unit_test(test_is_text),
		cmocka_unit_test(test_run),
		cmocka_unit_test(test_argv),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
