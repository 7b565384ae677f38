# Full-text search: the FTS5 index, query translation, `gazette search`.
gazette_SOURCES += src/cmd_search.c
