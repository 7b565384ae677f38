# Full-text search: the FTS5 index, query translation, `gazette search`.
libgazette_a_SOURCES += src/search.h src/search_int.h src/search_text.c \
	src/search.c src/search_index.c src/search_run.c src/search_rank.c \
	src/search_query.c src/search_fts.c src/search_match.c
gazette_SOURCES += src/cmd_search.c

if HAVE_CMOCKA
check_PROGRAMS += tests/test_search
TESTS += tests/test_search
tests_test_search_SOURCES = tests/test_search.c
tests_test_search_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_search_LDADD = $(TEST_LIBS)
check_PROGRAMS += tests/test_search_run
TESTS += tests/test_search_run
tests_test_search_run_SOURCES = tests/test_search_run.c
tests_test_search_run_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_search_run_LDADD = $(TEST_LIBS)
endif

check_PROGRAMS += tests/search_fill
tests_search_fill_SOURCES = tests/search_fill.c
tests_search_fill_LDADD = libgazette.a $(DEP_LIBS)

TESTS += tests/search.sh tests/search-index.sh tests/ui_search.sh tests/gone.sh \
	tests/cleanup.sh
EXTRA_DIST += tests/search.sh tests/search-index.sh tests/ui_search.sh \
	tests/lock-lib.sh tests/hold_lock.py \
	tests/gone.sh tests/cleanup.sh

# libFuzzer target, built and run by fuzz/run.sh fuzz_search_query SECONDS.
EXTRA_DIST += fuzz/fuzz_search_query.c fuzz/fuzz_search_query.dict

# bench/search: index options, query latency, index size (not run by make).
EXTRA_DIST += bench/search bench/search-gen.c bench/search-query.py \
	bench/search-newsboat.py
