# Core: shared helpers, command dispatch, build and CI plumbing.
libgazette_a_SOURCES += src/buf.c src/buf.h src/err.c src/err.h \
	src/xmalloc.c src/xmalloc.h src/item.c src/item.h src/jsonw.c \
	src/jsonw.h src/paths.c src/paths.h src/cmd.c src/cmd.h src/feed.h

if HAVE_CMOCKA
check_PROGRAMS += tests/test_core
TESTS += tests/test_core
tests_test_core_SOURCES = tests/test_core.c
tests_test_core_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_core_LDADD = $(TEST_LIBS)
endif

TESTS += tests/cli.sh
EXTRA_DIST += tests/cli.sh tests/tap.sh tests/lib.sh
