# Core: shared helpers, command dispatch, build and CI plumbing.
libgazette_a_SOURCES += src/buf.c src/buf.h src/err.c src/err.h \
	src/xmalloc.c src/xmalloc.h src/item.c src/item.h src/jsonw.c \
	src/jsonw.h src/paths.c src/paths.h src/cmd.c src/cmd.h src/feed.h \
	src/i18n.h src/userfile.c src/userfile.h
libgazette_a_SOURCES += src/msg.c src/msg.h

if HAVE_CMOCKA
check_PROGRAMS += tests/test_core
TESTS += tests/test_core
tests_test_core_SOURCES = tests/test_core.c
tests_test_core_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_core_LDADD = $(TEST_LIBS)
endif

TESTS += tests/cli.sh tests/banned.sh tests/i18n.sh
EXTRA_DIST += tests/cli.sh tests/banned.sh tests/i18n.sh tests/tap.sh tests/lib.sh

dist_man_MANS += man/gazette.1
dist_demo_DATA += contrib/demo/editorial-fr-windows-1252.xml \
	contrib/demo/editorial-fr-latin1.atom contrib/demo/terminal-times.xml \
	contrib/demo/tanmatsu-ja.atom contrib/demo/novosti-koi8-r.xml \
	contrib/demo/zeitung-de.json
EXTRA_DIST += contrib/demo/generate.py contrib/cron/gazette.cron \
	contrib/systemd/gazette-refresh.service \
	contrib/systemd/gazette-refresh.timer \
	contrib/completions/gazette.bash contrib/completions/_gazette
