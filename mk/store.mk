# The SQLite store and `gazette list`.
libgazette_a_SOURCES += src/store.c src/store.h src/store_int.h \
	src/store_schema.c src/store_feeds.c src/store_items.c src/store_flags.c \
	src/store_text.c src/store_text.h src/store_ckpt.c \
	src/store_readlist.c src/store_sqlfn.c src/store_sort.c src/store_match.c \
	src/store_idlist.c src/filter.c src/filter.h \
	src/store_damage.c src/store_hide.c src/killfile.c src/killfile.h \
	src/store_cleanup.c
# libFuzzer target, built and run by fuzz/run.sh fuzz_store_text SECONDS.
EXTRA_DIST += fuzz/fuzz_store_text.c
check_PROGRAMS += bench/store_synth
bench_store_synth_SOURCES = bench/store_synth.c
bench_store_synth_LDADD = libgazette.a $(DEP_LIBS)
gazette_SOURCES += src/cmd_list.c src/cmd_killfile.c

# Moving in from newsboat: import-newsboat, export-read, import-read,
# tested against a cache written by Debian's newsboat (skipped without).
gazette_SOURCES += src/cmd_newsboat.c src/cmd_cleanup.c
TESTS += tests/newsboat.sh
EXTRA_DIST += tests/newsboat.sh bench/import-newsboat

# newsboat's filter language (src/filter.c) against an evaluator of its own.
TESTS += tests/filter.sh
EXTRA_DIST += tests/filter.sh tests/filter_eval.py
# The killfile (ignore-article, ignore-mode) through refresh, list, search.
TESTS += tests/killfile.sh
EXTRA_DIST += tests/killfile.sh

if HAVE_CMOCKA
check_PROGRAMS += tests/test_store
TESTS += tests/test_store
tests_test_store_SOURCES = tests/test_store.c
tests_test_store_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_store_LDADD = $(TEST_LIBS)
endif

TESTS += tests/list.sh tests/store_damage.sh
EXTRA_DIST += tests/list.sh tests/store_v1.sql bench/import bench/import-gen.py \
	tests/store_damage.sh tests/damage-lib.sh tests/damage.py
check_PROGRAMS += tests/store_fill
tests_store_fill_SOURCES = tests/store_fill.c
tests_store_fill_LDADD = libgazette.a $(DEP_LIBS)

# bench/query-feeds: issue 12's speed proof on the whole interface (tmux),
# bench/query-newsboat: newsboat's query feeds beside it (not run by make).
EXTRA_DIST += bench/query-feeds bench/query-newsboat
# What a query feed costs the feed list (store_where_counts, first window).
check_PROGRAMS += bench/query_counts
bench_query_counts_SOURCES = bench/query_counts.c
bench_query_counts_LDADD = libgazette.a $(DEP_LIBS)
# test_query_cost: query feeds' cost in SQLite's steps (age, id lists).
check_PROGRAMS += tests/test_query_cost
TESTS += tests/test_query_cost
tests_test_query_cost_SOURCES = tests/test_query_cost.c
tests_test_query_cost_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_query_cost_LDADD = $(TEST_LIBS)
