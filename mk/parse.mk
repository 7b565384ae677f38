# Feed parsing: expat, encodings, RSS/Atom/JSON Feed, `gazette parse`.
libgazette_a_SOURCES += src/encoding.c src/encoding.h src/feed.c \
	src/feed_internal.h src/feed_xml.c src/feed_filter.c src/feed_rss.c \
	src/feed_atom.c src/feed_links.c \
	src/feed_text.c
gazette_SOURCES += src/cmd_parse.c

TESTS += tests/parse_corpus.sh tests/feed-limits.sh
EXTRA_DIST += tests/parse_corpus.sh tests/feed-limits.sh tests/jsoncmp.py tests/gen-corpus-list.sh \
	tests/gen-encoding-cases.py tests/gen-editorial-cases.py

# The corpus files, listed by tests/gen-corpus-list.sh.
include mk/parse-corpus.mk

if HAVE_CMOCKA
check_PROGRAMS += tests/test_encoding
TESTS += tests/test_encoding
tests_test_encoding_SOURCES = tests/test_encoding.c
tests_test_encoding_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_encoding_LDADD = $(TEST_LIBS)
endif

if HAVE_CMOCKA
check_PROGRAMS += tests/test_feed
TESTS += tests/test_feed
tests_test_feed_SOURCES = tests/test_feed.c
tests_test_feed_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_feed_LDADD = $(TEST_LIBS)
endif

# bench/parse's in-process helpers share this header (bench/*.c are in
# mk/support.mk's EXTRA_DIST).
EXTRA_DIST += bench/readfiles.h
