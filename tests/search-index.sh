#!/bin/sh
# search-index.sh: the search index is a file of its own beside the store
# (DBFILE-search), derived data: missing, behind, damaged or another
# store's, it is made again or caught up from the store and nothing is
# lost; and a search never shows an article the store no longer has,
# even while the index is behind and cannot catch up.
. "$srcdir/tests/lib.sh"
. "$srcdir/tests/lock-lib.sh"

FILL="$builddir/tests/search_fill"
DB="$T/db"
IX="$DB-search"
TAB=$(printf '\t')

fill() {
	"$FILL" "$DB" > "$T/fill.out" 2>&1
}

# hits QUERY: how many articles a search finds
hits() {
	"$GAZETTE" -d "$DB" search --limit 1000 --json "$@" 2>"$T/err" |
	    grep -c '"guid"'
}

# guids QUERY: the guids found, sorted, on one line
guids() {
	"$GAZETTE" -d "$DB" search --limit 1000 --json "$@" 2>"$T/err" |
	    sed -n 's/.*"guid":"\([^"]*\)".*/\1/p' | sort | tr '\n' ' ' |
	    sed 's/ $//'
}

rm_index() {
	rm -f "$IX" "$IX-wal" "$IX-shm"
}

consistent() {
	"$GAZETTE" -d "$DB" reindex --check > "$T/check" 2>&1
}

printf 'gen\thttp://a.example/\t50\talpaca\nsync\n' | fill
check "50 articles stored and indexed" [ $? -eq 0 ]
check "the index is a file beside the store" [ -s "$IX" ]
n=$(python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*) FROM sqlite_master WHERE name LIKE ?",
    ("search%",)).fetchone()[0])' "$DB")
check "the store holds no index table ($n)" [ "$n" = 0 ]
check "found" [ "$(hits alpaca)" -eq 50 ]
# pagesize FILE: the page size of an SQLite file
pagesize() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute("PRAGMA page_size").fetchone()[0])' "$1"
}
# Fewer, larger pages: a quarter of the WAL and checkpoint I/O calls
# while a refresh indexes (search_index.c).
check "a new index file has 16 KiB pages ($(pagesize "$IX"))" \
    [ "$(pagesize "$IX")" = 16384 ]

# An index made before search_len (the ranking's lengths): the next
# search fills the table, without a reindex.
lens() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute("SELECT count(*) FROM search_len").fetchone()[0],
    c.execute("SELECT count(*) FROM search_state WHERE key = ?",
    ("lens",)).fetchone()[0])' "$IX" 2>/dev/null
}
check "the lengths are kept ($(lens))" [ "$(lens)" = "1 1" ]
python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("DROP TABLE search_len")
c.execute("DELETE FROM search_state WHERE key = ?", ("lens",))
c.commit()' "$IX"
check "an older index: no lengths ($(lens))" [ -z "$(lens)" ]
check "an older index: found" [ "$(hits alpaca)" -eq 50 ]
check "and the search filled the lengths ($(lens))" [ "$(lens)" = "1 1" ]

# Missing: made again from the store by the next search.
rm_index
check "missing index: every article found again" [ "$(hits alpaca)" -eq 50 ]
check "missing index: the file is back" [ -s "$IX" ]
consistent
check "missing index: consistent after" [ $? -eq 0 ]

# Behind: an older copy of the index (taken after a clean close), while
# the store went on: new articles, a deleted one, a changed one.
cp "$IX" "$T/old-index"
check "a clean close leaves no WAL" [ ! -s "$IX-wal" ]
printf 'gen\thttp://b.example/\t30\tbison\n' | fill
printf 'prune\thttp://a.example/\t40\n' | fill
printf 'item\thttp://c.example/\tcha\tChanged\t\t-\tcheetah text\n' | fill
printf 'sync\n' | fill
printf 'item\thttp://c.example/\tcha\tChanged\t\t-\tcougar text\n' | fill
printf 'sync\n' | fill
rm_index
cp "$T/old-index" "$IX"
check "behind: the new articles are found" [ "$(hits bison)" -eq 30 ]
check "behind: the pruned ones are not" [ "$(hits alpaca)" -eq 40 ]
check "behind: the changed one by its new text" [ "$(guids cougar)" = cha ]
check "behind: not by its old text" [ "$(hits cheetah)" -eq 0 ]
consistent
check "behind: consistent after catching up" [ $? -eq 0 ]

# Damaged: not a database at all, then a database with pages
# overwritten.  Both are made again; nothing is lost.
head -c 200000 /dev/urandom > "$IX"
rm -f "$IX-wal" "$IX-shm"
check "not a database: every article found" [ "$(hits alpaca)" -eq 40 ]
check "not a database: and the others" [ "$(hits bison)" -eq 30 ]
consistent
check "not a database: consistent after" [ $? -eq 0 ]
check "not a database: made again with 16 KiB pages" \
    [ "$(pagesize "$IX")" = 16384 ]
size=$(wc -c < "$IX")
check "the index has pages to damage ($size bytes)" [ "$size" -gt 16384 ]
dd if=/dev/urandom of="$IX" bs=4096 seek=2 count=$((size / 4096 - 2)) \
    conv=notrunc 2>/dev/null
"$GAZETTE" -d "$DB" reindex --check > "$T/out" 2>&1
check "damaged pages: reindex --check says so" [ $? -ne 0 ]
check "damaged pages: every article found" [ "$(hits alpaca)" -eq 40 ]
check "damaged pages: and the others" [ "$(hits bison)" -eq 30 ]
consistent
check "damaged pages: consistent after" [ $? -eq 0 ]
dd if=/dev/urandom of="$IX" bs=4096 seek=2 count=$((size / 4096 - 2)) \
    conv=notrunc 2>/dev/null
"$GAZETTE" -d "$DB" reindex > "$T/out" 2>&1
check "damaged pages: reindex makes it again" [ $? -eq 0 ]
consistent
check "damaged pages: consistent after reindex" [ $? -eq 0 ]
check "after reindex every article found" [ "$(hits alpaca)" -eq 40 ]

# Another store's index (the store made again, its index left behind):
# not trusted, made again for this store.
cp "$IX" "$T/a-index"
rm -f "$DB" "$DB-wal" "$DB-shm"
rm_index
printf 'gen\thttp://z.example/\t20\tzebu\nsync\n' | fill
rm_index
cp "$T/a-index" "$IX"
check "another store's index: this store's articles found" \
    [ "$(hits zebu)" -eq 20 ]
check "another store's index: nothing of the other store" \
    [ "$(hits alpaca)" -eq 0 ]
consistent
check "another store's index: consistent after" [ $? -eq 0 ]

# Deleted or changed articles while the index is behind and cannot catch
# up (another process holds its write lock): never shown.
cat > "$T/items" <<EOF
item${TAB}http://d.example/${TAB}del1${TAB}Narwhal news${TAB}${TAB}-${TAB}narwhal tusk
item${TAB}http://d.example/${TAB}del2${TAB}Narwhal more${TAB}${TAB}-${TAB}narwhal pod
item${TAB}http://e.example/${TAB}chg1${TAB}Walrus${TAB}${TAB}-${TAB}walrus beach
sync
EOF
fill < "$T/items"
check "before: both narwhals found" [ "$(guids narwhal)" = "del1 del2" ]
printf 'deletefeed\thttp://d.example/\n' | fill
printf 'item\thttp://e.example/\tchg1\tSeal\t\t-\tseal rock\n' | fill
# a new article may take a deleted one's id: still not found by the
# deleted one's words
printf 'item\thttp://f.example/\tnew1\tOther\t\t-\tunrelated text\n' | fill
hold_lock "$IX"
check "the index is locked by another process" [ $? -eq 0 ]
check "deleted articles are not shown" [ "$(hits narwhal)" -eq 0 ]
check "and the search says the index is behind" \
    grep -q "not indexed yet" "$T/err"
check "a changed article is not shown for its old text" \
    [ "$(hits walrus)" -eq 0 ]
check "nor for the words of the feed it lost" [ "$(hits tusk)" -eq 0 ]
release_lock
check "caught up: the changed article by its new text" \
    [ "$(guids seal)" = chg1 ]
check "caught up: still no deleted article" [ "$(hits narwhal)" -eq 0 ]
consistent
check "consistent at the end" [ $? -eq 0 ]

tap_done
