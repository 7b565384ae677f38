#!/usr/bin/env python3
"""gen-editorial-cases.py SEED: the French editorial in two legacy charsets.

SEED is the editorial as UTF-8 text (first line blank, then the title,
then one paragraph a line).  Writes tests/feeds/editorial-windows-1252.*
(RSS 2.0 in windows-1252: ’ is byte 0x92) and
tests/feeds/editorial-iso-8859-1.* (Atom 1.0 in ISO-8859-1, every
character Latin-1 lacks written as a character reference).  The expected
output comes from the Unicode text, not from gazette.
"""
import calendar
import html
import json
import os
import sys

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "feeds")
text = open(sys.argv[1], encoding="utf-8").read()
lines = [l.strip() for l in text.splitlines() if l.strip()]
title, paras = lines[0], lines[1:]
body = "\n".join("<p>%s</p>" % html.escape(p, quote=False) for p in paras)
link = "https://editorial.example.fr/2025/03/concurrence-ia"
when = calendar.timegm((2025, 3, 3, 8, 0, 0))


def dump(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def xml_text(s):
    return html.escape(s, quote=False)


def latin1_refs(s):
    return "".join(c if ord(c) < 256 else "&#%d;" % ord(c) for c in s)


# windows-1252 RSS 2.0
doc = ('<?xml version="1.0" encoding="windows-1252"?>\n'
       '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
       "<channel>\n<title>Éditoriaux</title>\n"
       "<link>https://editorial.example.fr/</link>\n"
       "<description>Opinions et débats</description>\n"
       "<item>\n<title>%s</title>\n<link>%s</link>\n<guid>%s</guid>\n"
       "<dc:creator>Rédaction</dc:creator>\n"
       "<pubDate>Mon, 03 Mar 2025 09:00:00 +0100</pubDate>\n"
       "<description>%s</description>\n</item>\n</channel>\n</rss>\n"
       ) % (xml_text(title), link, link, xml_text(body))
with open(os.path.join(OUT, "editorial-windows-1252.in"), "wb") as f:
    f.write(doc.encode("cp1252"))
with open(os.path.join(OUT, "editorial-windows-1252.out"), "w",
          encoding="utf-8") as f:
    f.write(dump({"type": "feed", "format": "rss2.0", "title": "Éditoriaux",
                  "link": "https://editorial.example.fr/",
                  "description": "Opinions et débats"}) + "\n")
    f.write(dump({"type": "item", "guid": link, "title": title,
                  "link": link, "author": "Rédaction", "published": when,
                  "updated": None, "content_type": "html", "content": body,
                  "enclosures": [], "categories": []}) + "\n")

# ISO-8859-1 Atom 1.0 with character references
extra = "Cœur de l’IA… « œuvre » — fin"
doc = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n'
       '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">\n'
       "<title>Éditoriaux</title>\n"
       '<link href="https://editorial.example.fr/"/>\n'
       "<id>tag:editorial.example.fr,2025:feed</id>\n"
       "<updated>2025-03-03T08:00:00Z</updated>\n"
       "<author><name>Rédaction</name></author>\n"
       "<entry>\n<title>%s</title>\n<link href=\"%s\"/>\n"
       "<id>tag:editorial.example.fr,2025:1</id>\n"
       "<published>2025-03-03T09:00:00+01:00</published>\n"
       "<updated>2025-03-03T09:00:00+01:00</updated>\n"
       '<content type="html">%s</content>\n</entry>\n'
       "<entry>\n<title>%s</title>\n"
       "<id>tag:editorial.example.fr,2025:2</id>\n"
       "<updated>2025-03-03T09:00:00+01:00</updated>\n"
       '<summary type="text">%s</summary>\n</entry>\n</feed>\n'
       ) % (latin1_refs(xml_text(title)), link,
            latin1_refs(xml_text(body)), latin1_refs(xml_text(extra)),
            latin1_refs(xml_text(extra)))
with open(os.path.join(OUT, "editorial-iso-8859-1.in"), "wb") as f:
    f.write(doc.encode("latin-1"))
with open(os.path.join(OUT, "editorial-iso-8859-1.out"), "w",
          encoding="utf-8") as f:
    f.write(dump({"type": "feed", "format": "atom1.0", "title": "Éditoriaux",
                  "link": "https://editorial.example.fr/",
                  "description": None}) + "\n")
    f.write(dump({"type": "item", "guid": "tag:editorial.example.fr,2025:1",
                  "title": title, "link": link, "author": "Rédaction",
                  "published": when, "updated": when,
                  "content_type": "html", "content": body,
                  "enclosures": [], "categories": []}) + "\n")
    f.write(dump({"type": "item", "guid": "tag:editorial.example.fr,2025:2",
                  "title": extra, "link": None, "author": "Rédaction",
                  "published": None, "updated": when,
                  "content_type": "text", "content": extra,
                  "enclosures": [], "categories": []}) + "\n")
