-- A gazette database as schema version 1 wrote it (the first migration
-- step of src/store.c), with a few rows: tests/test_store.c opens it
-- with the current store and checks the migration kept everything.
CREATE TABLE feeds (
 id INTEGER PRIMARY KEY,
 url TEXT NOT NULL UNIQUE,
 title TEXT, link TEXT, etag TEXT, last_modified TEXT,
 last_error TEXT,
 last_fetch INTEGER NOT NULL DEFAULT 0);
CREATE TABLE items (
 id INTEGER PRIMARY KEY,
 feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
 guid TEXT NOT NULL,
 title TEXT, link TEXT, author TEXT,
 published INTEGER, updated INTEGER,
 content_type TEXT NOT NULL DEFAULT 'html', content TEXT,
 read INTEGER NOT NULL DEFAULT 0,
 flagged INTEGER NOT NULL DEFAULT 0,
 first_seen INTEGER NOT NULL DEFAULT 0);
CREATE UNIQUE INDEX items_guid ON items(guid, feed_id);
INSERT INTO feeds(id, url, title, etag) VALUES
 (1, 'http://a.example/feed', 'Feed A', '"v1"'),
 (2, 'http://b.example/feed', 'Feed B', NULL);
INSERT INTO items(id, feed_id, guid, title, published, updated, content,
 read, flagged, first_seen) VALUES
 (10, 1, 'a1', 'A one', 1700000000, NULL, '<p>one</p>', 1, 0, 1700000100),
 (11, 1, 'a2', 'A two', NULL, 1700000500, '<p>two</p>', 0, 1, 1700000600),
 (12, 1, 'a3', 'A three', NULL, NULL, '<p>three</p>', 0, 0, 1700000900),
 (20, 2, 'b1', 'B one', 1600000000, NULL, NULL, 0, 0, 1600000100);
PRAGMA user_version = 1;
