#!/usr/bin/env python3
"""bench/parse-gen.py [OUTDIR] [COUNT]: generate the bench/parse corpus.

COUNT feeds (default 300) of about 60 KB each, in a fixed rotation of
formats (RSS 2.0, RSS 1.0, Atom 1.0, JSON Feed) and, for the XML ones,
encodings (UTF-8, ISO-8859-1, windows-1252, KOI8-R, UTF-16).  French and
English prose (Russian for KOI8-R), HTML bodies, entities, CDATA, dates
in several shapes.  Deterministic: the same files on every run.
"""
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone
from xml.sax.saxutils import escape

FRENCH = """La ville a présenté mardi son nouveau plan de circulation, qui prévoit davantage de pistes cyclables le long des quais.
Les habitants du quartier réclament depuis des années une école plus proche et des trottoirs élargis.
Selon l'étude publiée cette semaine, la consommation d'énergie des ménages a baissé de près de huit pour cent.
Le festival d'été accueillera cette année une quarantaine de compagnies venues de toute l'Europe.
À la fermeture de la bourse, l'indice a gagné un peu plus d'un point, porté par les valeurs bancaires.
Les chercheurs de l'université ont mis au point une méthode plus économe pour recycler les batteries.
Le conseil municipal a voté à l'unanimité la rénovation de la bibliothèque et de la piscine.
Dans les vignobles, la récolte s'annonce précoce après un printemps doux et un été très sec.
La grève des contrôleurs aériens a provoqué l'annulation de plusieurs centaines de vols vendredi.
Le ministre a défendu son projet de réforme devant une assemblée partagée et souvent houleuse.
Élèves et enseignants se sont mobilisés pour planter des arbres dans la cour du lycée.
Les prix de l'immobilier continuent de grimper dans les grandes métropoles, mais ralentissent ailleurs.
Une exposition consacrée aux peintres impressionnistes ouvre ses portes au musée des Beaux-Arts.
Le club a remporté son troisième match d'affilée grâce à un but inscrit dans les arrêts de jeu.
Les associations de consommateurs dénoncent une hausse des tarifs jugée « injustifiée ».
Ce n'est pas la première fois que la rivière sort de son lit au cœur de l'hiver.
La société a annoncé l'embauche de cent cinquante ingénieurs d'ici la fin de l'année.
Les bénévoles ont distribué plus de deux mille repas pendant les fêtes de fin d'année.
Météo : des averses sont attendues sur le nord du pays, tandis que le sud profitera d'un franc soleil.
Le débat sur l'intelligence artificielle s'invite jusque dans les salles de classe.
L'œuvre, longtemps oubliée dans une réserve, a été restaurée pendant près de deux ans.
Les agriculteurs s'inquiètent de la sécheresse et demandent des aides d'urgence.
Le tribunal rendra sa décision à la mi-septembre, après trois semaines d'audiences.
Un nouveau pont reliera bientôt les deux rives, réduisant de moitié le temps de trajet.""".split("\n")

ENGLISH = """The council approved the new budget on Tuesday after a long and sometimes heated debate.
Researchers say the findings could change how hospitals schedule night shifts.
Shares rose sharply in early trading as investors welcomed the quarterly results.
The museum will reopen next spring after a two-year renovation of its east wing.
Residents have complained for months about noise from the construction site.
Local farmers expect a smaller harvest this year because of the unusually dry summer.
The team secured its place in the final with a late goal in extra time.
Officials said the bridge would remain closed until engineers complete their inspection.
A new report suggests that remote work is here to stay for many office employees.
The festival drew more than forty thousand visitors over the long weekend.
Critics argue that the proposal does little to address the shortage of affordable homes.
The company announced it would hire two hundred engineers before the end of the year.
Heavy rain is forecast for the north, while the south should stay mostly dry and sunny.
Volunteers handed out meals and blankets at the station throughout the cold snap.
The library has launched an evening program to help adults learn to code.
Negotiations are expected to resume next week, according to people close to the talks.
Scientists have mapped the seabed off the coast in unprecedented detail.
The mayor promised to plant ten thousand trees across the city by 2030.""".split("\n")

RUSSIAN = """Городской совет во вторник утвердил новый бюджет после долгих споров.
Учёные считают, что это открытие изменит подход к лечению многих болезней.
Музей откроется весной после двухлетней реконструкции восточного крыла.
Жители района давно просят построить новую школу и расширить тротуары.
Фермеры ожидают небольшой урожай из-за необычно сухого лета.
Команда вышла в финал благодаря голу на последних минутах матча.
Синоптики обещают дожди на севере и солнечную погоду на юге страны.
Волонтёры раздали более двух тысяч обедов во время праздников.
Новый мост соединит два берега и вдвое сократит время в пути.
Библиотека запустила вечернюю программу для взрослых.""".split("\n")

# Characters only some encodings have.
CP1252_EXTRA = "\u2019\u201c\u201d\u2013\u2014\u2026\u20ac\u0153"


def sentence_pool(encoding, rnd):
    if encoding == "koi8-r":
        return RUSSIAN + ENGLISH
    pool = FRENCH + ENGLISH
    return pool


def paragraph(pool, rnd, n):
    return " ".join(rnd.choice(pool) for _ in range(n))


def fit(text, encoding):
    """Make text encodable: typographic punctuation where the charset
    has it (UTF-*, windows-1252), plain ASCII look-alikes elsewhere."""
    if encoding in ("utf-8", "utf-16", "windows-1252"):
        text = text.replace("'", "\u2019")
    if encoding == "iso-8859-1":
        text = text.replace("\u0153", "oe").replace("\u0152", "OE")
    return text


def html_body(pool, rnd, encoding):
    parts = []
    for _ in range(rnd.randint(2, 5)):
        p = fit(paragraph(pool, rnd, rnd.randint(2, 5)), encoding)
        p = escape(p)
        if rnd.random() < 0.3:
            words = p.split(" ")
            i = rnd.randrange(len(words))
            words[i] = "<em>%s</em>" % words[i]
            p = " ".join(words)
        parts.append("<p>%s</p>" % p)
    if rnd.random() < 0.3:
        parts.append('<p><a href="/related/%d">Lire aussi</a> &amp; '
                     '<img src="img/%d.jpg" alt=""/></p>'
                     % (rnd.randint(1, 999), rnd.randint(1, 999)))
    return "\n".join(parts)


def rfc822(dt, rnd):
    shapes = ["%a, %d %b %Y %H:%M:%S +0000", "%a, %d %b %Y %H:%M:%S GMT",
              "%d %b %Y %H:%M %Z", "%a, %d %b %Y %H:%M:%S +0200"]
    return dt.strftime(rnd.choice(shapes)).replace(" UTC", " UT")


def rfc3339(dt, rnd):
    if rnd.random() < 0.5:
        return dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    return dt.strftime("%Y-%m-%dT%H:%M:%S.%f") + "+01:00"


def xml_decl(encoding):
    return '<?xml version="1.0" encoding="%s"?>\n' % encoding.upper()


def encode(doc, encoding):
    if encoding == "utf-16":
        return doc.encode("utf-16")  # with BOM, little-endian here
    return doc.encode(encoding, errors="xmlcharrefreplace")


def items(rnd, pool, encoding, target, render):
    out, size, n = [], 0, 0
    base = datetime(2024, 6, 1, 8, 0, tzinfo=timezone.utc)
    while size < target:
        n += 1
        title = fit(paragraph(pool, rnd, 1).rstrip("."), encoding)
        title = " ".join(title.split(" ")[:rnd.randint(5, 11)])
        body = html_body(pool, rnd, encoding)
        dt = base - timedelta(minutes=37 * n + rnd.randint(0, 30))
        chunk = render(n, title, body, dt)
        out.append(chunk)
        size += len(chunk.encode("utf-8"))
    return out


def rss2(i, rnd, encoding, target):
    pool = sentence_pool(encoding, rnd)

    def render(n, title, body, dt):
        desc = ("<![CDATA[%s]]>" % body) if n % 3 == 0 else escape(body)
        extra = ""
        if n % 4 == 0:
            extra += ("<content:encoded><![CDATA[%s<p>%s</p>]]>"
                      "</content:encoded>\n" % (body, escape(title)))
        if n % 5 == 0:
            extra += ('<enclosure url="https://media.example.com/%d/%d.mp3" '
                      'length="%d" type="audio/mpeg"/>\n'
                      % (i, n, rnd.randint(10**5, 10**8)))
        return ("<item>\n<title>%s</title>\n"
                "<link>https://news%d.example.com/articles/%d</link>\n"
                '<guid isPermaLink="false">urn:bench:%d:%d</guid>\n'
                "<pubDate>%s</pubDate>\n<dc:creator>%s</dc:creator>\n"
                "<category>%s</category>\n<description>%s</description>\n"
                "%s</item>\n"
                % (escape(title), i, n, i, n, rfc822(dt, rnd),
                   rnd.choice(["Marie Dupont", "John Smith", "Léa Martin",
                               "Ivan Petrov"]) if encoding != "iso-8859-1"
                   or True else "", rnd.choice(["Société", "World",
                                                 "Économie", "Sport"]),
                   desc, extra))
    body = "".join(items(rnd, pool, encoding, target, render))
    return (xml_decl(encoding) +
            '<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n<channel>\n'
            "<title>Le Journal %d</title>\n"
            "<link>https://news%d.example.com/</link>\n"
            "<description>Actualités et analyses</description>\n%s"
            "</channel>\n</rss>\n" % (i, i, body))


def rss1(i, rnd, encoding, target):
    pool = sentence_pool(encoding, rnd)

    def render(n, title, body, dt):
        return ('<item rdf:about="https://rdf%d.example.org/%d">\n'
                "<title>%s</title>\n<link>https://rdf%d.example.org/%d</link>\n"
                "<dc:date>%s</dc:date>\n<dc:subject>Science</dc:subject>\n"
                "<description>%s</description>\n</item>\n"
                % (i, n, escape(title), i, n, rfc3339(dt, rnd),
                   escape(body)))
    body = "".join(items(rnd, pool, encoding, target, render))
    return (xml_decl(encoding) +
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
            '<channel rdf:about="https://rdf%d.example.org/">\n'
            "<title>Revue %d</title>\n<link>https://rdf%d.example.org/</link>\n"
            "<description>Sciences et techniques</description>\n</channel>\n"
            "%s</rdf:RDF>\n" % (i, i, i, body))


def atom(i, rnd, encoding, target):
    pool = sentence_pool(encoding, rnd)

    def render(n, title, body, dt):
        if n % 2:
            content = '<content type="html">%s</content>' % escape(body)
        else:
            content = ('<content type="xhtml"><div '
                       'xmlns="http://www.w3.org/1999/xhtml">%s</div>'
                       "</content>" % body)
        return ("<entry>\n<title>%s</title>\n"
                '<link rel="alternate" href="entries/%d.html"/>\n'
                "<id>tag:atom%d.example.org,2024:%d</id>\n"
                "<updated>%s</updated>\n<published>%s</published>\n"
                "<author><name>%s</name></author>\n"
                '<category term="blog"/>\n<summary>%s</summary>\n%s\n'
                "</entry>\n"
                % (escape(title), n, i, n, rfc3339(dt, rnd),
                   rfc3339(dt, rnd), rnd.choice(["Camille", "Alex", "Sam"]),
                   escape(title), content))
    body = "".join(items(rnd, pool, encoding, target, render))
    return (xml_decl(encoding) +
            '<feed xmlns="http://www.w3.org/2005/Atom" '
            'xml:base="https://atom%d.example.org/blog/">\n'
            "<title>Carnet %d</title>\n"
            '<link rel="alternate" href="https://atom%d.example.org/"/>\n'
            "<id>tag:atom%d.example.org,2024:feed</id>\n"
            "<updated>2024-06-01T08:00:00Z</updated>\n%s</feed>\n"
            % (i, i, i, i, body))


def jsonfeed(i, rnd, target):
    pool = FRENCH + ENGLISH
    feed = {"version": "https://jsonfeed.org/version/1.1",
            "title": "Flux %d" % i,
            "home_page_url": "https://json%d.example.net/" % i,
            "feed_url": "https://json%d.example.net/feed.json" % i,
            "items": []}
    size, n = 0, 0
    base = datetime(2024, 6, 1, 8, 0, tzinfo=timezone.utc)
    while size < target:
        n += 1
        body = html_body(pool, rnd, "utf-8")
        dt = base - timedelta(minutes=41 * n)
        it = {"id": "https://json%d.example.net/%d" % (i, n),
              "url": "posts/%d" % n,
              "title": fit(paragraph(pool, rnd, 1), "utf-8")[:70],
              "content_html": body,
              "date_published": rfc3339(dt, rnd),
              "authors": [{"name": rnd.choice(["Zoé", "Hugo", "Ada"])}],
              "tags": ["actualité", "bench"]}
        feed["items"].append(it)
        size += len(json.dumps(it, ensure_ascii=rnd.random() < 0.5))
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "out")
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    os.makedirs(outdir, exist_ok=True)
    formats = ["rss2", "rss1", "atom", "json"]
    encodings = ["utf-8", "iso-8859-1", "windows-1252", "koi8-r", "utf-16"]
    total = 0
    for i in range(count):
        rnd = random.Random(i)
        fmt = formats[i % 4]
        target = 60 * 1024 - 1500
        if fmt == "json":
            data, enc = jsonfeed(i, rnd, target), "utf-8"
        else:
            enc = encodings[(i // 4) % 5]
            doc = {"rss2": rss2, "rss1": rss1, "atom": atom}[fmt](
                i, rnd, enc, target * (0.5 if enc == "utf-16" else 1))
            data = encode(doc, enc)
        name = "%03d-%s-%s.%s" % (i, fmt, enc,
                                  "json" if fmt == "json" else "xml")
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        total += len(data)
    print("bench/parse-gen.py: %d feeds, %.1f MB in %s"
          % (count, total / 1e6, outdir))


main()
