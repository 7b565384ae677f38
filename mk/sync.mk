# Sync with a Google Reader API server (FreshRSS, Miniflux...), the queue
# of local changes in the store, and `gazette mark`.
libgazette_a_SOURCES += src/store_sync.c src/store_sync.h
gazette_SOURCES += src/cmd_mark.c

TESTS += tests/mark.sh
EXTRA_DIST += tests/mark.sh
