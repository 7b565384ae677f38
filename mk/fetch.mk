# Fetching and the feed list: `gazette refresh`, urls file, OPML, `add`.
libgazette_a_SOURCES += src/curl_load.c
TESTS += tests/startup-libs.sh
EXTRA_DIST += tests/startup-libs.sh
libgazette_a_SOURCES += src/urls.c src/urls.h src/urls_store.c src/urls_store.h \
	src/fetch.c src/fetch.h \
	src/fetch_file.c src/fetch_file.h src/fetch_cmd.c src/fetch_cmd.h \
	src/fetch_opts.c src/fetch_opts.h \
	src/refresh.c src/refresh.h src/refresh_int.h src/refresh_store.c \
	src/refresh_index.c
gazette_SOURCES += src/cmd_refresh.c src/cmd_add.c src/cmd_opml.c

if HAVE_CMOCKA
check_PROGRAMS += tests/test_urls
TESTS += tests/test_urls
tests_test_urls_SOURCES = tests/test_urls.c
tests_test_urls_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_urls_LDADD = $(TEST_LIBS)
endif

TESTS += tests/urls.sh
EXTRA_DIST += tests/urls.sh

libgazette_a_SOURCES += src/opml.c src/opml.h
TESTS += tests/opml.sh tests/opml-hostile.sh
EXTRA_DIST += tests/opml.sh tests/opml-hostile.sh tests/data/nested.opml

# End-to-end refresh tests against tests/httpd.py (127.0.0.1, port 0).
# refresh-br.sh needs Debian's brotli; refresh-h2.sh nginx-light, openssl
# and a private mount namespace (skipped without them).
TESTS += tests/refresh.sh tests/refresh-fail.sh tests/refresh-retry.sh \
	tests/refresh-tty.sh tests/refresh-settings.sh tests/refresh-config.sh \
	tests/refresh-br.sh \
	tests/refresh-encoding.sh tests/refresh-h2.sh tests/refresh-index.sh \
	tests/refresh-stall.sh tests/refresh-file.sh tests/refresh-garbage.sh \
	tests/refresh-exec.sh tests/refresh-fetchopts.sh
EXTRA_DIST += tests/refresh.sh tests/refresh-fail.sh tests/refresh-retry.sh \
	tests/refresh-tty.sh tests/refresh-settings.sh tests/refresh-config.sh \
	tests/refresh-br.sh \
	tests/refresh-encoding.sh tests/refresh-h2.sh tests/refresh-index.sh \
	tests/refresh-stall.sh tests/refresh-file.sh tests/refresh-garbage.sh \
	tests/refresh-exec.sh tests/refresh-fetchopts.sh tests/httpd.py \
	tests/httpd-lib.sh

# The locks a refresh holds: SQLite's write lock only while it writes
# (refresh-lock.sh, ui_lock.sh), its own lock on the resolved database.
# A full disk, for real: refresh-full.sh mounts a small tmpfs in a
# private mount namespace (skipped where that is not allowed).
TESTS += tests/refresh-lock.sh tests/refresh-full.sh
EXTRA_DIST += tests/refresh-lock.sh tests/refresh-full.sh

# No raw control character in any message (refresh, parse, import, add).
TESTS += tests/messages.sh
EXTRA_DIST += tests/messages.sh

# libFuzzer targets (fuzz/run.sh fuzz_urls|fuzz_opml SECONDS).
EXTRA_DIST += fuzz/fuzz_urls.c fuzz/fuzz_opml.c

# bench/refresh: gazette vs newsboat, sfeed and curl on nginx (not run by
# make check).
EXTRA_DIST += bench/refresh bench/gen-feeds.py bench/nginx.sh \
	bench/refresh-times.py
# bench/refresh-wait: how long another process's writes wait during a
# cold refresh (bench/write_wait does the writes; not run by make check).
check_PROGRAMS += bench/write_wait
bench_write_wait_SOURCES = bench/write_wait.c
bench_write_wait_LDADD = libgazette.a $(DEP_LIBS)
EXTRA_DIST += bench/refresh-wait

# Keyset paging of item windows (store_items.c read side, ui_items.c).
if HAVE_CMOCKA
check_PROGRAMS += tests/test_items_page
TESTS += tests/test_items_page
tests_test_items_page_SOURCES = tests/test_items_page.c
tests_test_items_page_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_items_page_LDADD = $(TEST_LIBS)
endif
TESTS += tests/list-paging.sh
EXTRA_DIST += tests/list-paging.sh
# article-sort-order, feed-sort-order, g/G, gazette list --sort.
TESTS += tests/list-sort.sh
EXTRA_DIST += tests/list-sort.sh
# bench/items_jump DB [FEED]: cost of deep jumps in a list (not run).
check_PROGRAMS += bench/items_jump
bench_items_jump_SOURCES = bench/items_jump.c
bench_items_jump_LDADD = libgazette.a $(DEP_LIBS)
