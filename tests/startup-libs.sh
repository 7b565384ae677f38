#!/bin/sh
# startup-libs.sh: commands that never touch a URL never load libcurl
# (src/curl_load.c opens it on first use); those that do still work.
. "$srcdir/tests/lib.sh"

libs() {
	LD_DEBUG=libs "$@" 2>&1 >/dev/null | grep -c 'calling init: .*libcurl'
}
check "gazette is not linked with libcurl" \
    [ "$(ldd "$GAZETTE" 2>/dev/null | grep -c libcurl)" -eq 0 ]
# Built with the archives of its libraries (configure's static-deps),
# gazette needs no shared library but the C library's (and, in a
# sanitizer build, the sanitizers' own runtimes: not checked there).
if grep -q '^DEP_LINK_LIBS = -Wl,-Bstatic' "$builddir/Makefile" &&
    ! ldd "$GAZETTE" | grep -Eq 'lib(a|t|ub)san'; then
	check "static deps: only the C library is loaded" sh -c \
	    "! ldd '$GAZETTE' | grep -Ev 'linux-vdso|libc\.so|libm\.so|ld-linux' | grep -q ."
fi
check "--version loads no libcurl" [ "$(libs "$GAZETTE" --version)" -eq 0 ]
check "--help loads no libcurl" [ "$(libs "$GAZETTE" --help)" -eq 0 ]
"$GAZETTE" -d "$T/g.db" import-read /dev/null 2>/dev/null
check "list loads no libcurl" \
    [ "$(libs "$GAZETTE" -d "$T/g.db" list)" -eq 0 ]
check "search loads no libcurl" \
    [ "$(libs "$GAZETTE" -d "$T/g.db" search word)" -eq 0 ]

# URL resolution loads it when a feed needs it, and gets it right.
cat > "$T/f.xml" <<'XML'
<rss version="2.0"><channel><title>t</title><item><title>a</title>
<link>../b/c?d=e#f</link></item></channel></rss>
XML
check "parse of a relative link loads libcurl" \
    [ "$(libs "$GAZETTE" parse --base http://example.org/x/y/z "$T/f.xml")" -ge 1 ]
"$GAZETTE" parse --base http://example.org/x/y/z "$T/f.xml" > "$T/out"
check "and resolves the link" \
    grep -q '"link":"http://example.org/x/b/c?d=e#f"' "$T/out"

# A fetch works through the loaded library.
cat > "$T/urls" <<URLS
file://$T/f.xml
URLS
"$GAZETTE" -d "$T/g.db" -u "$T/urls" refresh --quiet 2> "$T/err"
check "refresh works with libcurl loaded on demand" [ $? -eq 0 ]
tap_done
