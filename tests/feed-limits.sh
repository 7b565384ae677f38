#!/bin/sh
# feed-limits.sh: hostile documents cost bounded time and memory.
# An item keeps at most 64 distinct categories and 32 distinct enclosures,
# the first ones in document order, however many it holds (they used to
# be deduplicated by an unbounded linear scan: minutes for 200k), and a
# JSON Feed whose parsed tree would be huge (30 MB of empty arrays made
# 1.5 GB) is refused with a clear message instead of exhausting memory.
# The time bounds below are hang guards only, far above the real cost.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/httpd-lib.sh"

GUARD=60	# seconds

# gen KIND FILE: write a hostile document with python3.
gen() {
	python3 - "$1" "$2" <<'EOF'
import json, sys
kind, path = sys.argv[1], sys.argv[2]
V = '"version":"https://jsonfeed.org/version/1.1"'
with open(path, "w") as f:
    if kind == "rss":
        # 100k categories and 200k enclosures in one item; each name
        # comes back later (c0 c0 c1 c0 c2 c1 ...), the enclosures first
        # without a type, then again with one.
        f.write('<?xml version="1.0"?><rss version="2.0"><channel>'
                '<title>many</title><item><guid>g</guid><title>x</title>\n')
        for k in range(50000):
            f.write('<category>c%d</category><category> c%d </category>\n'
                    % (k, k // 2))
        for k in range(100000):
            f.write('<enclosure url="http://e.example/%d.mp3"/>'
                    '<enclosure url="http://e.example/%d.mp3" '
                    'type="audio/mpeg" length="%d"/>\n' % (k, k // 2, k // 2))
        f.write('</item></channel></rss>\n')
    elif kind == "atom":
        f.write('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title>'
                '<entry><id>e</id><title>x</title>\n')
        for k in range(20000):
            f.write('<category term="c%d"/><category term="c%d"/>'
                    '<link rel="enclosure" href="http://e.example/%d.mp3"/>\n'
                    % (k, k // 2, k))
        f.write('</entry></feed>\n')
    elif kind == "json":
        tags = []
        att = []
        for k in range(50000):
            tags += ["c%d" % k, " c%d" % (k // 2)]
        for k in range(10000):
            att += [{"url": "http://e.example/%d.mp3" % k},
                    {"url": "http://e.example/%d.mp3" % (k // 2),
                     "mime_type": "audio/mpeg", "size_in_bytes": k // 2}]
        json.dump({"version": "https://jsonfeed.org/version/1.1",
                   "items": [{"id": "g", "tags": tags,
                              "attachments": att}]}, f)
    elif kind == "arrays":
        # 30 MB of empty arrays: 10 million of them.
        f.write('{' + V + ',"items":[],"x":[' +
                ','.join(['[]'] * 10000000) + ']}')
    elif kind == "nested":
        f.write('{' + V + ',"items":[],"x":' + '[' * 30000000)
    elif kind == "hidden":
        # The arrays again, behind a double quote in single quotes and
        # one in a comment (json-c reads both): still counted.
        f.write('{' + V + ',"a":\'"\',"items":[],/*"*/"x":[' +
                ','.join(['[]'] * 1000000) + '],"b":\'"\'/*"*/}')
    elif kind == "items":
        # A real-looking feed of 5000 items is well under the limit.
        items = [{"id": str(i), "title": "Item %d" % i,
                  "url": "http://example.org/%d" % i,
                  "content_html": "<p>Text of item %d</p>" % i,
                  "date_published": "2024-01-01T00:00:00Z",
                  "tags": ["a", "b"], "authors": [{"name": "A"}]}
                 for i in range(5000)]
        json.dump({"version": "https://jsonfeed.org/version/1.1",
                   "title": "Many", "items": items}, f)
EOF
}

# caps OUT: the item holds c0..c63 and e.example/0..31, typed and sized.
caps() {
	python3 - "$1" <<'EOF'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 2, len(lines)
it = json.loads(lines[1])
cats, encs = it["categories"], it["enclosures"]
assert cats == ["c%d" % i for i in range(64)], (len(cats), cats[:70])
want = [{"url": "http://e.example/%d.mp3" % i, "type": "audio/mpeg",
         "length": i} for i in range(32)]
assert encs == want, (len(encs), encs[:34])
EOF
}

gen rss "$T/many.xml"
timeout $GUARD "$GAZETTE" parse "$T/many.xml" > "$T/out" 2> "$T/err"
check "rss: 100k categories, 200k enclosures parsed in time, exit 0" \
    [ $? -eq 0 ]
check "rss: the first 64 categories and 32 enclosures, deduplicated" \
    caps "$T/out"

gen atom "$T/many.atom"
timeout $GUARD "$GAZETTE" parse "$T/many.atom" > "$T/out" 2> "$T/err"
check "atom: categories and enclosure links capped" python3 -c '
import json, sys
it = json.loads(open(sys.argv[1]).read().splitlines()[1])
cats, urls = it["categories"], [e["url"] for e in it["enclosures"]]
assert cats == ["c%d" % i for i in range(64)], (len(cats), cats[:70])
assert urls == ["http://e.example/%d.mp3" % i for i in range(32)], \
    (len(urls), urls[:34])
' "$T/out"

gen json "$T/many.json"
timeout $GUARD "$GAZETTE" parse "$T/many.json" > "$T/out" 2> "$T/err"
check "json feed: tags and attachments capped the same way" caps "$T/out"

# The memory-hungry documents, parsed with 300 MB of address space
# (not under the sanitizers: they reserve terabytes of address space, so
# there only the outcome is checked).
# limited FILE: gazette parse FILE under the limit; $rc its status.
case $(ldd "$GAZETTE" 2>/dev/null) in
*libasan*|*libtsan*) vlimit=unlimited ;;
*) vlimit=300000 ;;
esac
limited() {
	(ulimit -v "$vlimit" && exec "$GAZETTE" parse "$1") > "$T/out" \
	    2> "$T/err"
	rc=$?
}
gen arrays "$DOCS/arrays.json"
limited "$DOCS/arrays.json"
check "30 MB of empty arrays in 300 MB: exit 1, not killed" [ $rc -eq 1 ]
check "... with a message naming the limit" \
    grep -q 'arrays.json: json feed: too many values (more than 64 MiB' \
    "$T/err"
gen nested "$T/nested.json"
limited "$T/nested.json"
grep -qi 'nested.json: .*json feed' "$T/err"
check "30 MB of nested arrays in 300 MB: exit 1 with a message" \
    [ $rc -eq 1 -a $? -eq 0 ]
gen hidden "$T/hidden.json"
limited "$T/hidden.json"
check "arrays behind quotes and comments json-c reads are counted" \
    grep -q 'hidden.json: json feed: too many values' "$T/err"
gen items "$T/items.json"
limited "$T/items.json"
check "a feed of 5000 items still parses" \
    [ $rc -eq 0 -a "$(grep -c '"type":"item"' "$T/out")" -eq 5000 ]

# Through refresh, served gzip (a few dozen KB on the wire): the feed
# fails, named with the reason, and the others are stored.
mkfeed "$DOCS/a.xml" a 3
mkfeed "$DOCS/b.xml" b 2
cat > "$T/urls" <<URLS
$BASE/feed/a.xml
$BASE/gzip/arrays.json
$BASE/feed/b.xml
URLS
timeout $GUARD "$GAZETTE" -u "$T/urls" -d "$T/db" refresh > "$T/out" \
    2> "$T/err"
check "refresh: exit 1" [ $? -eq 1 ]
check "refresh: the JSON feed is named with the limit" grep -q \
    "refresh: $BASE/gzip/arrays.json: json feed: too many values" "$T/err"
check "refresh: the other feeds are stored" \
    [ "$(count_items "$T/db" "$BASE/feed/a.xml")" -eq 3 -a \
    "$(count_items "$T/db" "$BASE/feed/b.xml")" -eq 2 ]

tap_done
