# Sync with a Google Reader API server (FreshRSS, Miniflux...), the queue
# of local changes in the store, and `gazette mark`.
libgazette_a_SOURCES += src/store_sync.c src/store_sync.h
gazette_SOURCES += src/cmd_mark.c

TESTS += tests/mark.sh tests/sync.sh tests/sync-fail.sh \
	tests/sync-add.sh tests/ui_sync.sh
EXTRA_DIST += tests/mark.sh tests/sync.sh tests/sync-fail.sh \
	tests/sync-add.sh tests/ui_sync.sh tests/greader.py \
	tests/greader-lib.sh
libgazette_a_SOURCES += src/sync.h src/sync_auth.c src/sync_http.c \
	src/sync_http.h src/sync_greader.c src/sync_greader.h
gazette_SOURCES += src/sync_refresh.c
EXTRA_DIST += bench/sync
