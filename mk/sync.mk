# Sync with a Google Reader API server (FreshRSS, Miniflux...), the queue
# of local changes in the store, and `gazette mark`.
libgazette_a_SOURCES += src/store_sync.c src/store_sync.h
gazette_SOURCES += src/cmd_mark.c

TESTS += tests/mark.sh tests/sync.sh tests/sync-fail.sh \
	tests/sync-add.sh tests/ui_sync.sh tests/ui_sync_flags.sh \
	tests/sync-items.sh tests/sync-http.sh tests/sync-services.sh \
	tests/ui_sync_services.sh
EXTRA_DIST += tests/mark.sh tests/sync.sh tests/sync-fail.sh \
	tests/sync-add.sh tests/ui_sync.sh tests/ui_sync_flags.sh \
	tests/sync-items.sh tests/sync-http.sh tests/sync-services.sh \
	tests/ui_sync_services.sh tests/greader.py tests/greader-lib.sh \
	tests/digest_auth.py
libgazette_a_SOURCES += src/sync.h src/sync_auth.c src/sync_http.c \
	src/sync_http.h src/sync_greader.c src/sync_greader.h \
	src/sync_parse.c src/sync_parse.h src/sync_service.c \
	src/sync_service.h
gazette_SOURCES += src/sync_refresh.c
EXTRA_DIST += bench/sync
# libFuzzer target, built and run by fuzz/run.sh fuzz_greader SECONDS.
EXTRA_DIST += fuzz/fuzz_greader.c fuzz/fuzz_greader.dict \
	fuzz/greader/subscriptions.json fuzz/greader/contents.json \
	fuzz/greader/both.json fuzz/greader/ids.json fuzz/greader/login.txt \
	fuzz/greader/login-crlf.txt fuzz/greader/token.txt \
	fuzz/greader/id-decimal.txt
