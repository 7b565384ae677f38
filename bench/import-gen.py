#!/usr/bin/env python3
"""import-gen.py: big synthetic feeds for bench/import (standard library).

    import-gen.py DIR FEEDS ITEMS [SEED]

Writes DIR/feedNNNN.xml, FEEDS files of ITEMS articles each (about 1.2 KB
an article: 1000 x 1000 is about 1.2 GB), RSS 2.0 (60%), Atom 1.0 (30%)
and RSS 1.0 (10%), French or English text with accents, entities and
HTML markup in the bodies, every feed in UTF-8 except one in twenty in
ISO-8859-1.  Dates are spread over the last years, newest first, so the
store sees the order a real history has.  Output depends only on the
arguments.
"""

import os
import random
import sys
import time
from xml.sax.saxutils import escape

EN = ("the of and to in is was for on that with as by at from they this "
      "which have had not are but were been one their all when would there "
      "who will more if out so up what about into than them only other new "
      "some could time these two may then first any like now such make over "
      "council report market river village harbour railway election summer "
      "winter garden library museum science weather economy parliament "
      "festival orchestra evolution history network engine").split()
FR = ("le la les de des du un une et est en que qui dans pour pas sur au "
      "avec ce il elle ne se plus par son sa ses nous vous ils leur mais "
      "été être avoir fait comme où même aussi bien après très tout tous "
      "ville pays année état gouvernement élection rivière forêt château "
      "musée bibliothèque économie hiver printemps député réforme théâtre "
      "événement société école hôpital évolution numérique première "
      "dernière déjà voilà garçon français naïf noël côte île fenêtre "
      "mère père frère cœur œuvre façon reçu leçon ça à cité café").split()


def words(rng, pool, n):
    return " ".join(rng.choice(pool) for _ in range(n))


def body(rng, pool):
    parts = []
    for _ in range(rng.randint(2, 4)):
        s = words(rng, pool, rng.randint(28, 50))
        if rng.random() < 0.3:
            s += ' <a href="https://example.org/%d">%s</a>' % (
                rng.randint(1, 99999), words(rng, pool, 2))
        if rng.random() < 0.2:
            s = "<em>%s</em> %s" % (words(rng, pool, 2), s)
        parts.append("<p>%s &amp; %s.</p>" % (s, words(rng, pool, 3)))
    return "".join(parts)


def rfc822(t):
    return time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(t))


def rfc3339(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def make_feed(i, n_items, rng):
    r = rng.random()
    fmt = "rss" if r < 0.6 else ("atom" if r < 0.9 else "rdf")
    enc = "iso-8859-1" if rng.random() < 0.05 else "utf-8"
    lang = "fr" if rng.random() < 0.5 else "en"
    pool = FR if lang == "fr" else EN
    if enc == "iso-8859-1":
        pool = [w for w in pool if all(ord(c) < 256 for c in w)]
    out = []
    for n in range(1, n_items + 1):
        t = 1780000000 - i * 37 - n * 5400
        title = escape(words(rng, pool, rng.randint(5, 11)))
        link = "https://news%d.example.org/%s/%d" % (i, lang, n)
        guid = "urn:import:%d:%d" % (i, n)
        author = rng.choice(["Émile Zola", "Jane Austen", "Anaïs Nin",
                             "George Orwell", "Françoise Sagan"])
        text = escape(body(rng, pool))
        if fmt == "rss":
            out.append("<item><title>%s</title><link>%s</link><guid "
                       "isPermaLink=\"false\">%s</guid><pubDate>%s</pubDate>"
                       "<author>%s</author><description>%s</description>"
                       "</item>\n" % (title, link, guid, rfc822(t),
                                      escape(author), text))
        elif fmt == "atom":
            out.append("<entry><title>%s</title><link href=\"%s\"/>"
                       "<id>%s</id><updated>%s</updated><author><name>%s"
                       "</name></author><content type=\"html\">%s</content>"
                       "</entry>\n" % (title, link, guid, rfc3339(t),
                                       escape(author), text))
        else:
            out.append("<item rdf:about=\"%s\"><title>%s</title><link>%s"
                       "</link><dc:date>%s</dc:date><dc:creator>%s"
                       "</dc:creator><description>%s</description></item>\n"
                       % (link, title, link, rfc3339(t), escape(author),
                          text))
    decl = '<?xml version="1.0" encoding="%s"?>\n' % enc
    name = escape("%s %d" % (words(rng, pool, 3), i))
    if fmt == "rss":
        head = ('<rss version="2.0"><channel><title>%s</title><link>'
                "https://news%d.example.org/</link><description>%s"
                "</description>\n" % (name, i, name))
        tail = "</channel></rss>\n"
    elif fmt == "atom":
        head = ('<feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title>'
                "<id>urn:import:%d</id><updated>%s</updated>\n"
                % (name, i, rfc3339(1780000000)))
        tail = "</feed>\n"
    else:
        head = ('<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax'
                '-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://'
                'purl.org/dc/elements/1.1/"><channel rdf:about="https://'
                'news%d.example.org/"><title>%s</title><link>https://news%d.'
                'example.org/</link><description>%s</description></channel>\n'
                % (i, name, i, name))
        tail = "</rdf:RDF>\n"
    return (decl + head + "".join(out) + tail).encode(enc)


def main():
    if len(sys.argv) < 4:
        sys.stderr.write("usage: import-gen.py DIR FEEDS ITEMS [SEED]\n")
        return 2
    out, feeds, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(out, exist_ok=True)
    for i in range(1, feeds + 1):
        rng = random.Random(seed * 1000003 + i)
        with open(os.path.join(out, "feed%04d.xml" % i), "wb") as fp:
            fp.write(make_feed(i, items, rng))
    return 0


if __name__ == "__main__":
    sys.exit(main())
