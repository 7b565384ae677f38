#!/usr/bin/env python3
"""Regenerate the bundled offline demo feeds in contrib/demo/.

The demo shows what gazette is for: feeds in several formats, languages
and legacy encodings.  The French editorial the project started from
(shared/seeds/) appears twice: as RSS 2.0 in windows-1252, and as Atom in
ISO-8859-1, where the characters Latin-1 lacks (the apostrophe U+2019)
are written as character references.

Usage: contrib/demo/generate.py SEED.txt   (writes next to this script)
"""
import html
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def editorial(seed_path):
    with open(seed_path, encoding="utf-8") as f:
        lines = [l.strip() for l in f.read().split("\n") if l.strip()]
    title, body = lines[0], lines[1:]
    # The page's own chrome ("leave a comment") is not part of the text.
    body = [l for l in body if l != "Laisser un commentaire"]
    parts = []
    for line in body:
        # Section headings are the short lines without final punctuation.
        if len(line) < 80 and not line.endswith("."):
            if line.startswith("Image via"):
                parts.append("<p><em>%s</em></p>" % html.escape(line, False))
            else:
                parts.append("<h2>%s</h2>" % html.escape(line, False))
        else:
            parts.append("<p>%s</p>" % html.escape(line, False))
    return title, "\n".join(parts)


def charrefs(text, encoding):
    """Encode text, writing what the charset lacks as &#NNNN; references."""
    return text.encode(encoding, errors="xmlcharrefreplace")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def rss_1252(title, body):
    doc = """<?xml version="1.0" encoding="windows-1252"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>Le Gazetier — éditoriaux</title>
<link>https://gazetier.example/</link>
<description>Éditoriaux en français (flux en windows-1252)</description>
<language>fr</language>
<item>
<title>{title}</title>
<link>https://gazetier.example/2025/02/evolution-concurrence-espace-ia</link>
<guid isPermaLink="false">gazetier-editorial-2025-02</guid>
<dc:creator>La rédaction</dc:creator>
<pubDate>Mon, 17 Feb 2025 08:30:00 +0100</pubDate>
<category>Technologie</category>
<description><![CDATA[{body}]]></description>
</item>
<item>
<title>Pourquoi lire ses flux dans un terminal ?</title>
<link>https://gazetier.example/2025/01/terminal</link>
<guid isPermaLink="false">gazetier-terminal-2025-01</guid>
<dc:creator>Élise Fournier</dc:creator>
<pubDate>Fri, 10 Jan 2025 18:00:00 +0100</pubDate>
<description>&lt;p&gt;Un lecteur de flux en mode texte démarre à l’instant, fonctionne à travers SSH et ne vous suit pas à la trace. Voir &lt;a href="/a-propos"&gt;la page « à propos »&lt;/a&gt;.&lt;/p&gt;</description>
</item>
</channel>
</rss>
""".format(title=html.escape(title, False), body=body)
    return doc.encode("cp1252")


def atom_latin1(title, body):
    doc = """<?xml version="1.0" encoding="ISO-8859-1"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<title>Revue des idées (Atom, ISO-8859-1)</title>
<id>tag:revue.example,2025:feed</id>
<link href="https://revue.example/"/>
<updated>2025-02-18T09:00:00Z</updated>
<entry>
<title>{title}</title>
<id>tag:revue.example,2025:editorial-ia</id>
<link href="https://revue.example/articles/ia-espace"/>
<author><name>Rédaction de la revue</name></author>
<published>2025-02-18T09:00:00+01:00</published>
<updated>2025-02-18T09:00:00+01:00</updated>
<content type="html">{body}</content>
</entry>
</feed>
""".format(title=html.escape(title, False),
           body=html.escape(body, False))
    return charrefs(doc, "latin-1")


TECH = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Terminal Times</title>
<link>https://terminal-times.example/</link>
<description>News for people who live in a shell</description>
<item>
<title>Reading the news over SSH, fast</title>
<link>https://terminal-times.example/2025/03/ssh-reading</link>
<guid>https://terminal-times.example/2025/03/ssh-reading</guid>
<author>ada@terminal-times.example (Ada Byron)</author>
<pubDate>Tue, 04 Mar 2025 07:15:00 GMT</pubDate>
<description>Why a local database beats re-downloading everything.</description>
<content:encoded><![CDATA[<p>A feed reader that keeps every article in a <strong>local database</strong> starts instantly, even with a million articles.</p>
<ul><li>Conditional GET: unchanged feeds cost a few hundred bytes.</li><li>Full-text search answers from an index.</li><li>Nothing from a feed reaches the terminal raw.</li></ul>
<p>See <a href="https://sqlite.org/fts5.html">the FTS5 documentation</a> and <a href="/2025/02/wal">our piece on WAL mode</a>.</p>
<pre>gazette refresh --jobs 16
gazette search 'évolution concurrence'</pre>]]></content:encoded>
<category>software</category>
</item>
<item>
<title>Cron, locks and a reader that stays open</title>
<link>https://terminal-times.example/2025/02/cron</link>
<guid>https://terminal-times.example/2025/02/cron</guid>
<pubDate>Thu, 20 Feb 2025 12:00:00 GMT</pubDate>
<description><![CDATA[<p>Run <code>gazette refresh</code> every fifteen minutes; the interface notices new articles on its own.</p><blockquote><p>Quiet unless something fails.</p></blockquote>]]></description>
</item>
<item>
<title>Podcast: the terminal renaissance</title>
<link>https://terminal-times.example/2025/01/podcast-1</link>
<guid>https://terminal-times.example/2025/01/podcast-1</guid>
<pubDate>Wed, 15 Jan 2025 06:00:00 GMT</pubDate>
<description>Episode one, with a table of contents.</description>
<enclosure url="https://terminal-times.example/media/ep1.mp3" type="audio/mpeg" length="31415926"/>
</item>
</channel>
</rss>
"""

JAPANESE = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">
<title>端末ニュース</title>
<id>tag:tanmatsu.example,2025:feed</id>
<link href="https://tanmatsu.example/"/>
<updated>2025-03-01T10:00:00+09:00</updated>
<entry>
<title>端末でニュースを読む理由</title>
<id>tag:tanmatsu.example,2025:1</id>
<link href="https://tanmatsu.example/2025/03/01/terminal"/>
<author><name>山田 花子</name></author>
<published>2025-03-01T10:00:00+09:00</published>
<content type="html">&lt;p&gt;全角文字は画面上で二つ分の幅を取ります。gazette は表示幅を正しく測ります。&lt;/p&gt;&lt;p&gt;検索も日本語で動きます：「全文検索」。&lt;/p&gt;</content>
</entry>
<entry>
<title>絵文字と幅 🎌</title>
<id>tag:tanmatsu.example,2025:2</id>
<link href="https://tanmatsu.example/2025/02/20/emoji"/>
<published>2025-02-20T08:30:00+09:00</published>
<summary>絵文字も二桁の幅です。</summary>
</entry>
</feed>
"""

RUSSIAN = """<?xml version="1.0" encoding="KOI8-R"?>
<rss version="2.0">
<channel>
<title>Новости терминала</title>
<link>https://novosti.example/</link>
<description>Лента в кодировке KOI8-R</description>
<item>
<title>Читать новости в терминале удобно</title>
<link>https://novosti.example/2025/03/terminal</link>
<guid>novosti-2025-03-terminal</guid>
<pubDate>Sat, 01 Mar 2025 09:00:00 +0300</pubDate>
<description>&lt;p&gt;Программа сама переводит старые кодировки в UTF-8.&lt;/p&gt;</description>
</item>
</channel>
</rss>
"""

GERMAN = {
    "version": "https://jsonfeed.org/version/1.1",
    "title": "Zeitungsschau (JSON Feed)",
    "home_page_url": "https://zeitung.example/",
    "feed_url": "https://zeitung.example/feed.json",
    "language": "de",
    "items": [
        {
            "id": "zeitung-2025-03-02",
            "url": "https://zeitung.example/2025/03/02/groessen",
            "title": "Größenordnungen: eine Million Artikel",
            "content_html": "<p>Eine Datenbank mit einer Million Artikeln "
                            "öffnet sich sofort, weil die Ansicht nur ein "
                            "Fenster von Zeilen liest.</p>",
            "date_published": "2025-03-02T11:00:00+01:00",
            "authors": [{"name": "Jürgen Weiß"}],
            "tags": ["Technik"],
        },
        {
            "id": "zeitung-2025-02-27",
            "url": "https://zeitung.example/2025/02/27/umlaute",
            "title": "Umlaute, Akzente und die Suche",
            "content_text": "Die Suche findet „Übersetzung“ auch als "
                            "„Ubersetzung“.",
            "date_published": "2025-02-27T16:45:00+01:00",
        },
    ],
}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: generate.py SEED.txt")
    title, body = editorial(sys.argv[1])
    write("editorial-fr-windows-1252.xml", rss_1252(title, body))
    write("editorial-fr-latin1.atom", atom_latin1(title, body))
    write("terminal-times.xml", TECH.encode("utf-8"))
    write("tanmatsu-ja.atom", JAPANESE.encode("utf-8"))
    write("novosti-koi8-r.xml", RUSSIAN.encode("koi8-r"))
    write("zeitung-de.json",
          (json.dumps(GERMAN, ensure_ascii=False, indent=1) + "\n")
          .encode("utf-8"))


if __name__ == "__main__":
    main()
