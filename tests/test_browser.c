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

static void
test_argv(void **state)
{
	struct err err = ERR_INIT;
	const char *url = "https://example.org/a;b&c=$(reboot)'\"";
	char **argv;

	(void)state;
	argv = browser_argv("w3m -o 'a b' %u", url, &err);
	assert_non_null(argv);
	assert_string_equal(argv[0], "w3m");
	assert_string_equal(argv[1], "-o");
	assert_string_equal(argv[2], "a b");
	assert_string_equal(argv[3], url);
	assert_null(argv[4]);
	browser_argv_free(argv);

	/* No %u: the URL goes last, as its own word. */
	argv = browser_argv("firefox --new-tab", url, &err);
	assert_non_null(argv);
	assert_string_equal(argv[2], url);
	assert_null(argv[3]);
	browser_argv_free(argv);

	/* %u inside a word, %% a percent sign. */
	argv = browser_argv("b --url=%u 100%%", "http://x/", &err);
	assert_non_null(argv);
	assert_string_equal(argv[1], "--url=http://x/");
	assert_string_equal(argv[2], "100%");
	assert_null(argv[3]);
	browser_argv_free(argv);

	setenv("BROWSER", "lynx -dump:firefox", 1);
	argv = browser_argv("", "http://x/", &err);
	assert_non_null(argv);
	assert_string_equal(argv[0], "lynx");
	assert_string_equal(argv[1], "-dump");
	assert_string_equal(argv[2], "http://x/");
	browser_argv_free(argv);
	unsetenv("BROWSER");
	argv = browser_argv(NULL, "http://x/", &err);
	assert_non_null(argv);
	assert_string_equal(argv[0], "xdg-open");
	browser_argv_free(argv);

	assert_null(browser_argv("w3m", "--help", &err));
	assert_null(browser_argv("   ", "http://x/", &err));
	assert_null(browser_argv("w3m \"x", "http://x/", &err));
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
		cmocka_unit_test(test_argv),
		cmocka_unit_test(test_is_text),
		cmocka_unit_test(test_run),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
