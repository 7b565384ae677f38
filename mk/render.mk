# The HTML renderer, text utilities, `gazette render` and `gazette show`.
gazette_SOURCES += src/cmd_render.c
libgazette_a_SOURCES += src/text.c src/text.h src/html.c src/html.h \
	src/html_int.h src/html_render.c src/html_render_int.h \
	src/html_lines.c src/html_links.c src/html_marks.c \
	src/html_media.c src/html_table.c src/enclosures.c src/enclosures.h

if HAVE_CMOCKA
check_PROGRAMS += tests/test_text tests/test_html
TESTS += tests/test_text tests/test_html
tests_test_text_SOURCES = tests/test_text.c
tests_test_text_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_text_LDADD = $(TEST_LIBS)
tests_test_html_SOURCES = tests/test_html.c
tests_test_html_CFLAGS = $(AM_CFLAGS) $(CMOCKA_CFLAGS)
tests_test_html_LDADD = $(TEST_LIBS)
endif

check_PROGRAMS += tests/show_put
tests_show_put_SOURCES = tests/show_put.c
tests_show_put_LDADD = libgazette.a $(DEP_LIBS)

TESTS += tests/render.sh
EXTRA_DIST += tests/render.sh tests/html/editorial.html \
	tests/html/editorial.80.txt tests/html/editorial.40.txt \
	tests/html/kitchen.html tests/html/kitchen.60.txt \
	tests/html/cjk.html tests/html/cjk.20.txt \
	tests/html/hostile.html tests/html/hostile.60.txt \
	tests/html/media.html tests/html/media.60.txt \
	tests/html/tables.html tests/html/tables.60.txt \
	tests/html/tables.40.txt \
	tests/html/longlines.html tests/html/longlines.60.txt

# libFuzzer targets, built and run by fuzz/run.sh (see fuzz/README).
EXTRA_DIST += fuzz/fuzz_html.c fuzz/fuzz_html.dict fuzz/fuzz_text.c
