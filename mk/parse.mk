# Feed parsing: expat, encodings, RSS/Atom/JSON Feed, `gazette parse`.
libgazette_a_SOURCES += src/encoding.c src/encoding.h src/feed.c \
	src/feed_internal.h src/feed_xml.c src/feed_rss.c src/feed_atom.c \
	src/feed_text.c
gazette_SOURCES += src/cmd_parse.c

TESTS += tests/parse_corpus.sh
EXTRA_DIST += tests/parse_corpus.sh tests/jsoncmp.py tests/gen-corpus-list.sh \
	tests/gen-encoding-cases.py tests/gen-editorial-cases.py

# The corpus files, listed by tests/gen-corpus-list.sh.
include mk/parse-corpus.mk
