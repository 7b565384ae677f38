# The SQLite store and `gazette list`.
gazette_SOURCES += src/cmd_list.c
