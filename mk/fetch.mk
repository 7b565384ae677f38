# Fetching and the feed list: `gazette refresh`, urls file, OPML, `add`.
libgazette_a_SOURCES += src/urls.c src/urls.h
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
TESTS += tests/opml.sh
EXTRA_DIST += tests/opml.sh tests/data/nested.opml
