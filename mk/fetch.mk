# Fetching and the feed list: `gazette refresh`, urls file, OPML, `add`.
gazette_SOURCES += src/cmd_refresh.c src/cmd_add.c src/cmd_opml.c
