/*
 * store_schema: the SQL text of the store: the migration steps that build
 * the schema, and the statements of the statement cache (store.c).
 */
#include "config.h"

#include <stddef.h>

#include "store_int.h"

/* Now, in milliseconds since 1970, for a queued change. */
#define SYNC_NOW \
	"CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)"

/*
 * The schema, as ordered migration steps: step i takes user_version i to
 * i + 1.  Never edit a step that has shipped; add one.
 */
const char *const store_migrations[] = {
	/* 0 -> 1: feeds and items. */
	"CREATE TABLE feeds ("
	" id INTEGER PRIMARY KEY,"
	" url TEXT NOT NULL UNIQUE,"
	" title TEXT, link TEXT, etag TEXT, last_modified TEXT,"
	" last_error TEXT,"
	" last_fetch INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" guid TEXT NOT NULL,"
	" title TEXT, link TEXT, author TEXT,"
	" published INTEGER, updated INTEGER,"
	" content_type TEXT NOT NULL DEFAULT 'html', content TEXT,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" flagged INTEGER NOT NULL DEFAULT 0,"
	" first_seen INTEGER NOT NULL DEFAULT 0);"
	"CREATE UNIQUE INDEX items_guid ON items(guid, feed_id);",

	/*
	 * 1 -> 2: fetch scheduling, counters, sort date, search text,
	 * change sequence and tombstones, host back-off, tags.
	 */
	"ALTER TABLE feeds ADD COLUMN http_status INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN next_fetch INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN redirect_url TEXT;"
	"ALTER TABLE feeds ADD COLUMN user_title TEXT;"
	"ALTER TABLE feeds ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE feeds ADD COLUMN total INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN sort_date INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN content_text TEXT;"
	"ALTER TABLE items ADD COLUMN enclosures TEXT;"
	"ALTER TABLE items ADD COLUMN categories TEXT;"
	"ALTER TABLE items ADD COLUMN hash INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE items ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;"
	"UPDATE items SET sort_date = coalesce(published, updated, first_seen),"
	" seq = id;"
	"CREATE INDEX items_seq ON items(seq);"
	"CREATE INDEX items_feed_date ON items(feed_id, sort_date, id);"
	"CREATE INDEX items_date ON items(sort_date, id);"
	"CREATE INDEX items_feed_unread ON items(feed_id, sort_date, id)"
	" WHERE read = 0;"
	"CREATE INDEX items_unread ON items(sort_date, id) WHERE read = 0;"
	"CREATE INDEX items_flagged ON items(sort_date, id) WHERE flagged = 1;"
	"CREATE TABLE item_tombstones ("
	" seq INTEGER PRIMARY KEY, item_id INTEGER NOT NULL);"
	"CREATE TABLE host_backoff ("
	" host TEXT PRIMARY KEY, retry_after INTEGER NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE feed_tags ("
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" tag TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
	" PRIMARY KEY (feed_id, tag)) WITHOUT ROWID;"
	"UPDATE feeds SET"
	" total = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	" unread = (SELECT count(*) FROM items"
	"  WHERE feed_id = feeds.id AND read = 0);",

	/*
	 * 2 -> 3: fewer pages dirtied per feed transaction.  The unique
	 * index leads with feed_id so one feed's items sit together (a
	 * guid lookup without a feed goes feed by feed); the all-feeds
	 * unread index goes (all-feeds unread views filter items_date).
	 */
	"DROP INDEX items_unread;"
	"DROP INDEX items_guid;"
	"CREATE UNIQUE INDEX items_feed_guid ON items(feed_id, guid);",

	/*
	 * 3 -> 4: the items table rebuilt with the small columns first and
	 * the bodies last.  A list window reads sort_date, read, flagged,
	 * title...; SQLite keeps the start of a row in the b-tree page and
	 * the rest of a long row in overflow pages, so with the bodies in
	 * the middle a window walked each article's overflow chain.
	 */
	"CREATE TABLE items_v4 ("
	" id INTEGER PRIMARY KEY,"
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" sort_date INTEGER NOT NULL DEFAULT 0,"
	" read INTEGER NOT NULL DEFAULT 0,"
	" flagged INTEGER NOT NULL DEFAULT 0,"
	" published INTEGER, updated INTEGER,"
	" first_seen INTEGER NOT NULL DEFAULT 0,"
	" seq INTEGER NOT NULL DEFAULT 0,"
	" hash INTEGER NOT NULL DEFAULT 0,"
	" guid TEXT NOT NULL,"
	" title TEXT, link TEXT, author TEXT,"
	" content_type TEXT NOT NULL DEFAULT 'html',"
	" enclosures TEXT, categories TEXT,"
	" content_text TEXT, content TEXT);"
	"INSERT INTO items_v4 (id, feed_id, sort_date, read, flagged,"
	" published, updated, first_seen, seq, hash, guid, title, link,"
	" author, content_type, enclosures, categories, content_text, content)"
	" SELECT id, feed_id, sort_date, read, flagged, published, updated,"
	" first_seen, seq, hash, guid, title, link, author, content_type,"
	" enclosures, categories, content_text, content FROM items;"
	"DROP TABLE items;"
	"ALTER TABLE items_v4 RENAME TO items;"
	"CREATE INDEX items_seq ON items(seq);"
	"CREATE INDEX items_feed_date ON items(feed_id, sort_date, id);"
	"CREATE INDEX items_date ON items(sort_date, id);"
	"CREATE INDEX items_feed_unread ON items(feed_id, sort_date, id)"
	" WHERE read = 0;"
	"CREATE INDEX items_flagged ON items(sort_date, id) WHERE flagged = 1;"
	"CREATE UNIQUE INDEX items_feed_guid ON items(feed_id, guid);",

	/*
	 * 4 -> 5: the all-feeds date index holds the read flag too.  The
	 * unread articles of every feed are found by walking it (an index
	 * of its own would cost every new article one more insert, see
	 * 2 -> 3), and without the flag each walked entry took a lookup in
	 * the table: on a million mostly read articles, 3.6-4 s to reach
	 * the last unread one.  No more entries, one byte more each.
	 */
	"DROP INDEX items_date;"
	"CREATE INDEX items_date ON items(sort_date, id, read);",

	/*
	 * 5 -> 6: a feed no longer in the urls file is gone: its articles
	 * stay in the store but leave every view (counts of every feed,
	 * windows over every feed, query feeds, search).
	 */
	"ALTER TABLE feeds ADD COLUMN gone INTEGER NOT NULL DEFAULT 0;",

	/*
	 * 6 -> 7: newsboat's article flags (store_flags.c), letters a-z
	 * and A-Z, in a table of their own: only flagged articles have a
	 * row, and the items table is not widened.  The row goes with its
	 * article, and with its flag.
	 */
	"CREATE TABLE item_flags(item_id INTEGER PRIMARY KEY,"
	" flags TEXT NOT NULL);"
	"CREATE TRIGGER item_flags_delete AFTER DELETE ON items"
	" BEGIN DELETE FROM item_flags WHERE item_id = old.id; END;"
	"CREATE TRIGGER item_flags_unflag AFTER UPDATE OF flagged ON items"
	" WHEN new.flagged = 0"
	" BEGIN DELETE FROM item_flags WHERE item_id = new.id; END;",

	/*
	 * 7 -> 8: the search index leaves the store for a file of its own
	 * (src/search.c): its tables, view, triggers and covering index go.
	 * items_seq becomes the index through which a match (an FTS5 rowid
	 * is an article's seq) reaches its article, covering what ranking
	 * and the filters read.  store_id names this store (an index of
	 * another store is rebuilt, not trusted) and counts feed renames,
	 * which the index follows.
	 */
	"DROP TRIGGER IF EXISTS search_feeds_au;"
	"DROP TRIGGER IF EXISTS search_items_ad;"
	"DROP TRIGGER IF EXISTS search_items_au;"
	"DROP INDEX IF EXISTS search_items_rank;"
	"DROP TABLE IF EXISTS search_fts;"
	"DROP TABLE IF EXISTS search_cjk;"
	"DROP VIEW IF EXISTS search_src;"
	"DROP TABLE IF EXISTS search_feed;"
	"DROP TABLE IF EXISTS search_pending;"
	"DROP TABLE IF EXISTS search_state;"
	"DROP INDEX items_seq;"
	"CREATE INDEX items_seq ON items(seq, sort_date, read, flagged,"
	" feed_id);"
	"CREATE TABLE store_id (id TEXT NOT NULL,"
	" titles INTEGER NOT NULL DEFAULT 0);"
	"INSERT INTO store_id(id) VALUES (lower(hex(randomblob(16))));"
	"CREATE TRIGGER store_titles_au AFTER UPDATE OF title, user_title"
	" ON feeds WHEN old.title IS NOT new.title"
	" OR old.user_title IS NOT new.user_title BEGIN"
	" UPDATE store_id SET titles = titles + 1; END;",

	/*
	 * 8 -> 9: sync with a Google Reader API server (store_sync.c).
	 * sync_state holds the sync's own values (on, last sync...);
	 * while it holds "on", every change of an article's read or
	 * flagged state appends a row to sync_queue (what: 0 read, 1
	 * flagged; at: milliseconds since 1970), in the transaction that
	 * changed it, so a queued change survives whatever kills the
	 * process.  Without sync nothing is queued.
	 */
	"CREATE TABLE sync_state ("
	" key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	"CREATE TABLE sync_queue ("
	" id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL,"
	" guid TEXT NOT NULL, what INTEGER NOT NULL,"
	" value INTEGER NOT NULL, at INTEGER NOT NULL);"
	"CREATE TRIGGER sync_queue_read AFTER UPDATE OF read ON items"
	" WHEN old.read IS NOT new.read"
	"  AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'on')"
	" BEGIN INSERT INTO sync_queue(item_id, guid, what, value, at)"
	"  VALUES (new.id, new.guid, 0, new.read,"
	"  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));"
	" END;"
	"CREATE TRIGGER sync_queue_flag AFTER UPDATE OF flagged ON items"
	" WHEN old.flagged IS NOT new.flagged"
	"  AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'on')"
	" BEGIN INSERT INTO sync_queue(item_id, guid, what, value, at)"
	"  VALUES (new.id, new.guid, 1, new.flagged,"
	"  CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER));"
	" END;",

	/*
	 * 9 -> 10: the guids of articles deleted for being read or old
	 * (store_cleanup.c), so that the feed, still carrying them, does
	 * not bring them back as new (newsboat keeps such rows marked
	 * deleted).  They go with their feed.
	 */
	"CREATE TABLE item_deleted ("
	" feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
	" guid TEXT NOT NULL, PRIMARY KEY (feed_id, guid)) WITHOUT ROWID;",

	/*
	 * 10 -> 11: the server's star is one flag letter (newsboat's
	 * freshrss-flag-star), kept in sync_state as 'flag_star' by each
	 * sync: a change of an article's flags is queued (what 1, value:
	 * has the letter now) when it changes whether the article has that
	 * letter, and only then; without the key, flags stay local.  An
	 * article's letters are its item_flags row, or "s" when it is
	 * flagged without one (store_flags.c).  Flagging or unflagging is
	 * seen by one trigger, which reads the letters before it drops
	 * them; setting letters, by those of item_flags.
	 */
	"DROP TRIGGER sync_queue_flag;"
	"DROP TRIGGER item_flags_unflag;"
	"CREATE TRIGGER sync_queue_flag AFTER UPDATE OF flagged ON items"
	" WHEN old.flagged IS NOT new.flagged"
	" BEGIN INSERT INTO sync_queue(item_id, guid, what, value, at)"
	"  SELECT new.id, new.guid, 1, new.flagged, " SYNC_NOW
	"  FROM sync_state x WHERE x.key = 'flag_star'"
	"  AND EXISTS (SELECT 1 FROM sync_state WHERE key = 'on')"
	"  AND instr(coalesce((SELECT flags FROM item_flags"
	"   WHERE item_id = new.id), 's'), x.value) > 0;"
	"  DELETE FROM item_flags WHERE item_id = new.id AND new.flagged = 0;"
	" END;"
	"CREATE TRIGGER sync_queue_flags_ai AFTER INSERT ON item_flags"
	" WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'on')"
	" BEGIN INSERT INTO sync_queue(item_id, guid, what, value, at)"
	"  SELECT i.id, i.guid, 1, instr(new.flags, x.value) > 0, " SYNC_NOW
	"  FROM items i, sync_state x WHERE i.id = new.item_id"
	"  AND x.key = 'flag_star' AND (i.flagged AND instr('s', x.value) > 0)"
	"  IS NOT (instr(new.flags, x.value) > 0);"
	" END;"
	"CREATE TRIGGER sync_queue_flags_au AFTER UPDATE OF flags ON item_flags"
	" WHEN EXISTS (SELECT 1 FROM sync_state WHERE key = 'on')"
	" BEGIN INSERT INTO sync_queue(item_id, guid, what, value, at)"
	"  SELECT i.id, i.guid, 1, instr(new.flags, x.value) > 0, " SYNC_NOW
	"  FROM items i, sync_state x WHERE i.id = new.item_id"
	"  AND x.key = 'flag_star' AND (instr(old.flags, x.value) > 0)"
	"  IS NOT (instr(new.flags, x.value) > 0);"
	" END;",

	/*
	 * 11 -> 12: items_seq holds the title and the author too, so that a
	 * query feed or a killfile rule on them (title =~ "rust") reads
	 * that index and not the table, whose rows carry the bodies: at a
	 * million articles, 12 s through the table for SQLite's own count.
	 * The index is appended to in seq order and rewritten with its
	 * row's seq, as before: no new index to insert into at random.
	 * The link and the guid, as long as both of these together, stay
	 * out.
	 */
	"DROP INDEX items_seq;"
	"CREATE INDEX items_seq ON items(seq, sort_date, read, flagged,"
	" feed_id, title, author);",

	/*
	 * 12 -> 13: the feeds gone from the urls file, indexed on their
	 * own.  Search, the article lists and the counts ask "is any feed
	 * gone?" and "which?" (WHERE gone) before they start; without an
	 * index each question read every feed's whole row: 12 million
	 * instructions of a 28 million instruction search at 20,000 feeds
	 * (bench/search, 1M articles).  Only gone feeds are in it.
	 */
	"CREATE INDEX feeds_gone ON feeds(id) WHERE gone;",
};

const size_t store_n_migrations = sizeof(store_migrations) /
    sizeof(store_migrations[0]);

const char *const store_stmt_sql[N_STMTS] = {
	[S_BEGIN] = "BEGIN IMMEDIATE",
	[S_COMMIT] = "COMMIT",
	[S_ROLLBACK] = "ROLLBACK",
	[S_SAVEPOINT] = "SAVEPOINT gazette_feed",
	[S_RELEASE] = "RELEASE gazette_feed",
	[S_ROLLBACK_TO] = "ROLLBACK TO gazette_feed",
	[S_DATA_VERSION] = "PRAGMA data_version",
	[S_MAX_SEQ] = "SELECT max(coalesce((SELECT max(seq) FROM items), 0),"
	    " coalesce((SELECT max(seq) FROM item_tombstones), 0))",
	[S_FEED_FIND] = "SELECT id FROM feeds WHERE url = :url",
	[S_FEED_INSERT] = "INSERT INTO feeds(url) VALUES (:url)",
	[S_FEED_GET] = "SELECT " FEED_COLS " FROM feeds WHERE id = :id",
	[S_FEED_GET_URL] = "SELECT " FEED_COLS " FROM feeds WHERE url = :url",
	[S_FEEDS_ALL] = "SELECT " FEED_COLS " FROM feeds ORDER BY id",
	[S_TAGS_ALL] = "SELECT feed_id, tag, position FROM feed_tags"
	    " ORDER BY feed_id",
	[S_TAGS_DELETE] = "DELETE FROM feed_tags WHERE feed_id = :feed",
	[S_TAG_INSERT] = "INSERT OR IGNORE INTO feed_tags(feed_id, tag,"
	    " position) VALUES (:feed, :tag, :position)",
	[S_FEED_RECORD] = "UPDATE feeds SET http_status = :status,"
	    " last_error = :error, last_fetch = :fetched,"
	    " next_fetch = :next, redirect_url = :moved,"
	    " etag = CASE WHEN :setv THEN :etag ELSE etag END,"
	    " last_modified = CASE WHEN :setv THEN :lastmod"
	    "  ELSE last_modified END,"
	    " title = coalesce(:title, title), link = coalesce(:link, link)"
	    " WHERE id = :id",
	[S_FEED_META] = "UPDATE feeds SET title = coalesce(:title, title),"
	    " link = coalesce(:link, link) WHERE id = :id",
	[S_FEED_VALIDATORS] = "UPDATE feeds SET etag = :etag,"
	    " last_modified = :lastmod WHERE id = :id",
	[S_FEED_RESULT] = "UPDATE feeds SET http_status = :status,"
	    " last_error = :error, last_fetch = :fetched WHERE id = :id",
	[S_FEED_NEXT] = "UPDATE feeds SET next_fetch = :next WHERE id = :id",
	[S_FEED_REDIRECT] = "UPDATE feeds SET redirect_url = :url"
	    " WHERE id = :id",
	[S_FEED_USER_TITLE] = "UPDATE feeds SET user_title = :title"
	    " WHERE id = :id",
	[S_FEED_COUNTERS] = "UPDATE feeds SET total = total + :dtotal,"
	    " unread = unread + :dunread WHERE id = :id",
	[S_FEED_TOMBSTONES] = "INSERT INTO item_tombstones(seq, item_id)"
	    " SELECT :base + row_number() OVER (ORDER BY id), id FROM items"
	    " WHERE feed_id = :feed",
	[S_FEED_DELETE_ITEMS] = "DELETE FROM items WHERE feed_id = :feed",
	[S_FEED_DELETE] = "DELETE FROM feeds WHERE id = :feed",
	[S_HOST_SET] = "INSERT INTO host_backoff(host, retry_after)"
	    " VALUES (:host, :until) ON CONFLICT(host)"
	    " DO UPDATE SET retry_after = excluded.retry_after",
	[S_HOST_DELETE] = "DELETE FROM host_backoff WHERE host = :host",
	[S_HOST_GET] = "SELECT retry_after FROM host_backoff"
	    " WHERE host = :host",
	[S_HOST_EXPIRE] = "DELETE FROM host_backoff WHERE retry_after < :now",
	[S_ITEM_LOOKUP] = "SELECT id, hash FROM items"
	    " WHERE feed_id = :feed AND guid = :guid",
	[S_ITEM_DELETED] = "SELECT 1 FROM item_deleted"
	    " WHERE feed_id = :feed AND guid = :guid",
	[S_ITEM_INSERT] = "INSERT INTO items(feed_id, guid, title, link,"
	    " author, published, updated, sort_date, content_type, content,"
	    " enclosures, categories, hash, first_seen, seq)"
	    " VALUES (:feed, :guid, :title, :link, :author, :published,"
	    " :updated, coalesce(:published, :updated, :now), :ctype,"
	    " :content, :enclosures, :categories, :hash, :now, :seq)",
	[S_ITEM_UPDATE] = "UPDATE items SET"
	    " seq = CASE WHEN title IS NOT :title OR author IS NOT :author"
	    "  OR content IS NOT :content OR content_type IS NOT :ctype"
	    "  OR content_text IS NOT NULL THEN :seq ELSE seq END,"
	    " title = :title, link = :link, author = :author,"
	    " published = :published, updated = :updated,"
	    " sort_date = coalesce(:published, :updated, first_seen),"
	    " content_type = :ctype, content = :content, content_text = NULL,"
	    " enclosures = :enclosures, categories = :categories, hash = :hash"
	    " WHERE id = :id",
	[S_PRUNE] = "DELETE FROM items WHERE feed_id = :feed AND flagged = 0"
	    " AND id NOT IN (SELECT id FROM items WHERE feed_id = :feed"
	    "  ORDER BY sort_date DESC, id DESC LIMIT :keep)"
	    " RETURNING id, read",
	[S_TOMBSTONE] = "INSERT INTO item_tombstones(seq, item_id)"
	    " VALUES (:seq, :id)",
	[S_COUNTS_FEED] = "SELECT unread, total FROM feeds WHERE id = :feed",
	[S_COUNTS_ALL] = "SELECT coalesce(sum(unread), 0),"
	    " coalesce(sum(total), 0) FROM feeds WHERE gone = 0",
	[S_FEED_GONE] = "UPDATE feeds SET gone = :gone"
	    " WHERE id = :id AND gone != :gone",
	[S_FEEDS_ALL_GONE] = "UPDATE feeds SET gone = 1 WHERE gone = 0",
	[S_ITEM_GET] = "SELECT " FULL_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id WHERE i.id = :id",
	[S_ITEM_GET_GUID] = "SELECT " FULL_COLS " FROM feeds f"
	    " CROSS JOIN items i ON i.feed_id = f.id AND i.guid = :guid"
	    " ORDER BY i.sort_date DESC, i.id DESC LIMIT 1",
	[S_ITEM_GET_GUID_FEED] = "SELECT " FULL_COLS " FROM items i"
	    " JOIN feeds f ON f.id = i.feed_id"
	    " WHERE i.guid = :guid AND i.feed_id = :feed",
	[S_READ_ONE] = "UPDATE items SET read = 1 WHERE id = :id AND read = 0"
	    " RETURNING feed_id",
	[S_UNREAD_ONE] = "UPDATE items SET read = 0"
	    " WHERE id = :id AND read = 1 RETURNING feed_id",
	[S_READ_FEED] = "UPDATE items SET read = 1"
	    " WHERE feed_id = :feed AND read = 0",
	[S_UNREAD_FEED] = "UPDATE items SET read = 0"
	    " WHERE feed_id = :feed AND read = 1",
	[S_READ_ALL] = "UPDATE items SET read = 1 WHERE read = 0",
	[S_UNREAD_ALL] = "UPDATE items SET read = 0 WHERE read = 1",
	[S_COUNTERS_READ_FEED] = "UPDATE feeds SET"
	    " unread = CASE WHEN :read THEN 0 ELSE total END WHERE id = :feed",
	[S_COUNTERS_READ_ALL] = "UPDATE feeds SET"
	    " unread = CASE WHEN :read THEN 0 ELSE total END",
	[S_FLAG_SET] = "UPDATE items SET flagged = :flagged WHERE id = :id",
	[S_FLAG_TOGGLE] = "UPDATE items SET flagged = 1 - flagged"
	    " WHERE id = :id RETURNING flagged",
	[S_RECOUNT] = "UPDATE feeds SET"
	    " total = (SELECT count(*) FROM items WHERE feed_id = feeds.id),"
	    " unread = (SELECT count(*) FROM items"
	    "  WHERE feed_id = feeds.id AND read = 0)",
	[S_MARK_READ_GUID] = "UPDATE items SET read = 1"
	    " WHERE feed_id = :feed AND guid = :guid AND read = 0",
	[S_MARK_FLAG_GUID] = "UPDATE items SET flagged = 1"
	    " WHERE feed_id = :feed AND guid = :guid AND flagged = 0",
};
