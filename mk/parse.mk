# Feed parsing: expat, encodings, RSS/Atom/JSON Feed, `gazette parse`.
gazette_SOURCES += src/cmd_parse.c
