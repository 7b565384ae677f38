# The interface, the HTML renderer, `gazette render` and `show`.
gazette_SOURCES += src/cmd_ui.c src/cmd_config.c
libgazette_a_SOURCES += src/conf.c src/conf.h src/conf_newsboat.c src/conf_highlight.c src/keymap.c src/keymap.h \
	src/conf_macro.c src/conf_dump.c src/ui_macro.c src/ui_cmdline.c src/ui_history.c src/notify.c src/notify.h src/conf_filters.c \
	src/browser.c src/browser.h src/ui.c src/ui.h src/ui_int.h \
	src/ui_draw.c src/ui_prompt.c src/ui_link.c src/ui_refresh.c \
	src/ui_list.c src/ui_sort.c src/ui_highlight.c src/ui_feeds.c src/ui_items.c src/ui_article.c \
	src/ui_urls.c src/ui_help.c \
	src/ui_search.c src/ui_items_nav.c src/ui_save.c src/ui_extern.c \
	src/ui_viewer.c \
	src/ui_flags.c src/format.c src/format.h src/ui_format.c src/ui_filter.c \
	src/ui_delete.c src/ui_bulk.c src/ui_source.c
dist_man_MANS += man/gazette.conf.5

if HAVE_CMOCKA
check_PROGRAMS += tests/test_keymap tests/test_conf tests/test_browser \
	tests/test_format
TESTS += tests/test_keymap tests/test_conf tests/test_browser \
	tests/test_format
tests_test_format_SOURCES = tests/test_format.c
tests_test_format_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_format_LDADD = $(TEST_LIBS)
tests_test_keymap_SOURCES = tests/test_keymap.c
tests_test_keymap_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_keymap_LDADD = $(TEST_LIBS)
tests_test_conf_SOURCES = tests/test_conf.c
tests_test_conf_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_conf_LDADD = $(TEST_LIBS)
check_PROGRAMS += tests/test_conf_dump
TESTS += tests/test_conf_dump
tests_test_conf_dump_SOURCES = tests/test_conf_dump.c
tests_test_conf_dump_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_conf_dump_LDADD = $(TEST_LIBS)
tests_test_browser_SOURCES = tests/test_browser.c
tests_test_browser_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_browser_LDADD = $(TEST_LIBS)
endif

check_PROGRAMS += bench/ui_fill
bench_ui_fill_SOURCES = bench/ui_fill.c
bench_ui_fill_LDADD = libgazette.a $(DEP_LIBS)
EXTRA_DIST += bench/startup bench/ui-keys
# bench/startup's clocks (whole processes; first screens) and its floor.
check_PROGRAMS += bench/spawn_time bench/firstscreen bench/empty
bench_firstscreen_SOURCES = bench/firstscreen.c
bench_firstscreen_LDADD = -lutil
bench_spawn_time_SOURCES = bench/spawn_time.c
bench_empty_SOURCES = bench/empty.c

TESTS += tests/ui_nav.sh tests/ui_hostile.sh tests/ui_browser.sh \
	tests/ui_refresh.sh tests/ui_demo.sh tests/ui_config.sh \
	tests/ui_article.sh tests/ui_mono.sh tests/ui_newsboat_config.sh \
	tests/ui_firstscreen.sh
EXTRA_DIST += tests/ui_firstscreen.sh tests/firstscreen-faults.py
EXTRA_DIST += tests/ui_nav.sh tests/ui_lib.sh tests/ui_hostile.sh \
	tests/ui_browser.sh tests/ui_refresh.sh tests/ui_demo.sh \
	tests/ui_config.sh tests/ui_article.sh tests/ui_mono.sh \
	tests/ui_newsboat_config.sh

# newsboat configs: what gazette applies, and names what it does not.
TESTS += tests/newsboat-config.sh
EXTRA_DIST += tests/newsboat-config.sh tests/newsboat-configs/README \
	tests/newsboat-configs/classic.conf tests/newsboat-configs/minimal.conf \
	tests/newsboat-configs/power.conf tests/newsboat-configs/proxy.conf \
	tests/newsboat-configs/reader.conf \
	tests/newsboat-configs/formats.conf \
	tests/newsboat-configs/macros.conf \
	tests/newsboat-configs/notify.conf \
	tests/newsboat-configs/colors-solarized

# newsboat's keys: n/p across feeds, N, ^N/^P, ^K, s, bind-key.
TESTS += tests/ui_keys.sh tests/ui_extern.sh tests/ui_flags.sh tests/ui_exec.sh
# newsboat's pager, external-url-viewer and html-renderer (ui_viewer.c).
TESTS += tests/ui_viewer.sh
EXTRA_DIST += tests/ui_viewer.sh
EXTRA_DIST += tests/ui_keys.sh tests/ui_extern.sh tests/ui_flags.sh \
	tests/ui_exec.sh
# newsboat's command line (':'), run-on-startup, history-limit.
TESTS += tests/ui_cmdline.sh
EXTRA_DIST += tests/ui_cmdline.sh

# newsboat's D, ^D, $; mark-all-above-as-read, open-all-unread-in-
# browser(-and-mark-read), save-all; ^U (toggle-source-view).
TESTS += tests/ui_delete.sh tests/ui_bulk.sh
EXTRA_DIST += tests/ui_delete.sh tests/ui_bulk.sh

# A refresh started from the interface outlives it (q while it runs).
TESTS += tests/ui_refresh_quit.sh
EXTRA_DIST += tests/ui_refresh_quit.sh
TESTS += tests/ui_cleanup_quit.sh
EXTRA_DIST += tests/ui_cleanup_quit.sh

# The interface on a damaged database.
TESTS += tests/ui_damage.sh
EXTRA_DIST += tests/ui_damage.sh

# newsboat's format strings: list lines and title lines.
TESTS += tests/ui_formats.sh
EXTRA_DIST += tests/ui_formats.sh
# newsboat's notify-program after gazette refresh and R.
TESTS += tests/notify.sh
EXTRA_DIST += tests/notify.sh

# newsboat's macros: the ',' key, set and actions.
TESTS += tests/ui_macro.sh
EXTRA_DIST += tests/ui_macro.sh
# libFuzzer target, built and run by fuzz/run.sh fuzz_format SECONDS.
EXTRA_DIST += fuzz/fuzz_format.c fuzz/fuzz_format.dict

# Titles of 10,000 characters and combining floods, cut to the screen.
TESTS += tests/ui_flood.sh
EXTRA_DIST += tests/ui_flood.sh

# Marking read while a refresh waits on a slow server.
TESTS += tests/ui_lock.sh
EXTRA_DIST += tests/ui_lock.sh

EXTRA_DIST += fuzz/fuzz_config.c fuzz/fuzz_config.dict

# Keys typed while the interface is kept busy are dropped, not replayed.
TESTS += tests/ui_stall.sh
EXTRA_DIST += tests/ui_stall.sh

# The urls file in the interface: query feeds, hidden feeds, separators.
TESTS += tests/ui_query.sh
EXTRA_DIST += tests/ui_query.sh
# highlight-article, highlight, colour elements.
TESTS += tests/ui_highlight.sh
EXTRA_DIST += tests/ui_highlight.sh tests/sgr_at.py
# The killfile in the interface, through a refresh.
TESTS += tests/ui_killfile.sh
EXTRA_DIST += tests/ui_killfile.sh
# The article list's filters: F, f (define-filter), ^F.
TESTS += tests/ui_filter.sh
EXTRA_DIST += tests/ui_filter.sh
# Search query feeds (query:TITLE:search:WORDS).
TESTS += tests/ui_query_search.sh
EXTRA_DIST += tests/ui_query_search.sh

# newsboat's list and screen settings, the cursor kept across reloads,
# the config lines applied unlike newsboat.
libgazette_a_SOURCES += src/ui_scroll.c src/conf_differs.c
TESTS += tests/ui_scroll.sh tests/ui_settings.sh tests/ui_reload_keep.sh \
	tests/ui_config_warning.sh
EXTRA_DIST += tests/ui_scroll.sh tests/ui_settings.sh \
	tests/ui_reload_keep.sh tests/ui_config_warning.sh
