#!/usr/bin/env python3
"""gen-feeds.py: N synthetic feeds for bench/refresh (standard library only).

    gen-feeds.py DIR N [SEED]

Writes DIR/feedNNNN.xml (about 60 KB each, about 50 articles), and
DIR/manifest.tsv with one line per feed: file, format, encoding, items.
Formats are mixed (RSS 2.0 60%, Atom 1.0 30%, RSS 1.0/RDF 10%); so are
encodings (UTF-8 90%, ISO-8859-1 5%, windows-1252 5%: the last with the
typographic quotes and euro sign only windows-1252 has).  Text is French
or English sentences drawn from word lists, with accents, entities and
HTML markup in the bodies, so that a reader that gets the encoding wrong
stores visibly wrong text.  The output depends only on N and SEED.
"""

import os
import random
import sys
from xml.sax.saxutils import escape

EN = ("the of and to in is was for on that with as by at from his her "
      "they this which have had not are but were been one their all when "
      "would there who will more if out so up what about into than them "
      "only other new some could time these two may then first any like "
      "now such make over our even most after also made many before must "
      "through back years where much your way well down should because "
      "each just those people how too little state good very world still "
      "own see men work long here between both life being under never day "
      "same another know while last might great old year off come since "
      "against go came right used take three council report market river "
      "village harbour railway election summer winter garden library "
      "museum science weather economy parliament festival orchestra").split()
FR = ("le la les de des du un une et est en que qui dans pour pas sur au "
      "avec ce il elle ne se plus par son sa ses nous vous ils leur mais "
      "été être avoir fait comme où même aussi bien après très tout tous "
      "deux entre sans sous ville pays année état gouvernement élection "
      "rivière forêt château musée bibliothèque économie été hiver "
      "printemps député réforme théâtre événement société école hôpital "
      "médecin numérique première dernière déjà là-bas voilà garçon "
      "français naïf noël côte île forêt fenêtre mère père frère sœur "
      "cœur œuvre œil déçu façon reçu leçon ça à où cité café crème").split()
CP1252 = ["\u2019", "\u201c", "\u201d", "\u2026", "\u20ac", "\u2013", "\u0153"]


def sentence(rng, words, extra=None):
    n = rng.randint(6, 18)
    w = [rng.choice(words) for _ in range(n)]
    if extra and rng.random() < 0.5:
        w.insert(rng.randint(0, n - 1), rng.choice(extra))
    s = " ".join(w)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, words, extra=None):
    return " ".join(sentence(rng, words, extra)
                    for _ in range(rng.randint(2, 5)))


def body(rng, words, extra, target):
    parts = []
    size = 0
    while size < target:
        p = paragraph(rng, words, extra)
        if rng.random() < 0.3:
            p = p.replace(" ", " <em>", 1).replace(".", "</em>.", 1) \
                if "." in p else p
        chunk = "<p>%s</p>" % p
        if rng.random() < 0.2:
            chunk += '<p><a href="https://example.org/%d">%s</a></p>' % (
                rng.randint(1, 10**6), escape(sentence(rng, words)))
        parts.append(chunk)
        size += len(chunk)
    return "".join(parts)


def rfc822(t):
    import email.utils
    return email.utils.formatdate(t, usegmt=True)


def rfc3339(t):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def make_feed(i, rng):
    r = rng.random()
    fmt = "rss" if r < 0.6 else ("atom" if r < 0.9 else "rdf")
    r = rng.random()
    enc = "utf-8" if r < 0.9 else ("iso-8859-1" if r < 0.95
                                   else "windows-1252")
    lang = "fr" if rng.random() < 0.5 else "en"
    words = FR if lang == "fr" else EN
    if enc == "iso-8859-1":
        # Latin-1 cannot hold the oe ligature: keep to what it can.
        words = [w for w in words if all(ord(c) < 256 for c in w)]
    extra = CP1252 if enc == "windows-1252" else None
    if enc == "utf-8" and rng.random() < 0.3:
        extra = ["\u65e5\u672c\u8a9e", "\u041c\u043e\u0441\u043a\u0432\u0430",
                 "\u2014", "\u00ab\u00a0citation\u00a0\u00bb"]
    title = "%s %d" % (sentence(rng, words).rstrip(".?!"), i)
    base_t = 1700000000 + i * 3600
    items = []
    target = 60000
    size = 0
    n = 0
    while size < target:
        n += 1
        t = base_t - n * 7200
        it_title = sentence(rng, words, extra).rstrip(".?!")
        text = body(rng, words, extra, rng.randint(400, 1000))
        link = "https://news%d.example.org/%s/%d" % (i, lang, n)
        guid = "urn:bench:%d:%d" % (i, n)
        author = rng.choice(["Émile Zola", "Jane Austen", "Anaïs Nin",
                             "George Orwell", "Françoise Sagan",
                             "Mark Twain"])
        if fmt == "rss":
            s = ("<item><title>%s</title><link>%s</link>"
                 "<guid isPermaLink=\"false\">%s</guid><pubDate>%s</pubDate>"
                 "<author>%s</author><category>%s</category>"
                 "<description>%s</description></item>\n" % (
                     escape(it_title), link, guid, rfc822(t),
                     escape(author), rng.choice(words), escape(text)))
        elif fmt == "atom":
            s = ("<entry><title>%s</title><link href=\"%s\"/><id>%s</id>"
                 "<updated>%s</updated><author><name>%s</name></author>"
                 "<content type=\"html\">%s</content></entry>\n" % (
                     escape(it_title), link, guid, rfc3339(t),
                     escape(author), escape(text)))
        else:
            s = ("<item rdf:about=\"%s\"><title>%s</title><link>%s</link>"
                 "<dc:date>%s</dc:date><dc:creator>%s</dc:creator>"
                 "<description>%s</description></item>\n" % (
                     link, escape(it_title), link, rfc3339(t),
                     escape(author), escape(text)))
        items.append(s)
        size += len(s.encode("utf-8"))
    decl = '<?xml version="1.0" encoding="%s"?>\n' % enc
    if fmt == "rss":
        doc = (decl + '<rss version="2.0"><channel><title>%s</title>'
               "<link>https://news%d.example.org/</link>"
               "<description>%s</description><language>%s</language>\n"
               % (escape(title), i, escape(sentence(rng, words)), lang)
               + "".join(items) + "</channel></rss>\n")
    elif fmt == "atom":
        doc = (decl + '<feed xmlns="http://www.w3.org/2005/Atom">'
               "<title>%s</title><id>urn:bench:%d</id><updated>%s</updated>"
               '<link href="https://news%d.example.org/"/>\n'
               % (escape(title), i, rfc3339(base_t), i)
               + "".join(items) + "</feed>\n")
    else:
        seq = "".join('<rdf:li rdf:resource="https://news%d.example.org/%s/%d"/>'
                      % (i, lang, k) for k in range(1, n + 1))
        doc = (decl + '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
               'xmlns="http://purl.org/rss/1.0/" '
               'xmlns:dc="http://purl.org/dc/elements/1.1/">'
               '<channel rdf:about="https://news%d.example.org/">'
               "<title>%s</title><link>https://news%d.example.org/</link>"
               "<description>%s</description><items><rdf:Seq>%s</rdf:Seq>"
               "</items></channel>\n" % (i, escape(title), i,
                                         escape(sentence(rng, words)), seq)
               + "".join(items) + "</rdf:RDF>\n")
    return fmt, enc, n, doc.encode(enc)


def main():
    out = sys.argv[1]
    count = int(sys.argv[2])
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "manifest.tsv"), "w") as man:
        for i in range(1, count + 1):
            rng = random.Random(seed * 1000003 + i)
            fmt, enc, n, data = make_feed(i, rng)
            name = "feed%04d.xml" % i
            with open(os.path.join(out, name), "wb") as fp:
                fp.write(data)
            man.write("%s\t%s\t%s\t%d\n" % (name, fmt, enc, n))
    return 0


if __name__ == "__main__":
    sys.exit(main())
