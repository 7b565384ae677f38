#!/usr/bin/env python3
"""gen-encoding-cases.py: write the charset cases of the parser corpus.

Each case is one small RSS 2.0 document whose text is given here in
Unicode, encoded with Python's own codecs (not iconv, not gazette), with
the expected JSON Lines written from the same Unicode text.  Run from the
top source directory; the files land in tests/feeds/enc-*.
"""
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "feeds")


def line(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def case(name, codec, title, body, declared=None, bom=b"", args=None,
         link="http://enc.example.org/", feed_title=None):
    """declared: the encoding= label (None: no XML declaration label)."""
    feed_title = feed_title or "Encoding " + name
    decl = '<?xml version="1.0"%s?>\n' % (
        ' encoding="%s"' % declared if declared else "")
    doc = (decl + '<rss version="2.0">\n<channel>\n'
           "<title>%s</title>\n<link>%s</link>\n"
           "<description>%s</description>\n"
           "<item>\n<title>%s</title>\n<link>%s1</link>\n"
           "<description>%s</description>\n"
           '<guid isPermaLink="false">%s-1</guid>\n</item>\n'
           "</channel>\n</rss>\n") % (feed_title, link, name, title, link,
                                      body, name)
    data = bom + doc.encode(codec)
    with open(os.path.join(OUT, "enc-%s.in" % name), "wb") as f:
        f.write(data)
    with open(os.path.join(OUT, "enc-%s.out" % name), "w",
              encoding="utf-8") as f:
        f.write(line({"type": "feed", "format": "rss2.0",
                      "title": feed_title, "link": link,
                      "description": name}) + "\n")
        f.write(line({"type": "item", "guid": name + "-1", "title": title,
                      "link": link + "1", "author": None, "published": None,
                      "updated": None, "content_type": "html",
                      "content": body, "enclosures": [],
                      "categories": []}) + "\n")
    if args:
        with open(os.path.join(OUT, "enc-%s.args" % name), "w") as f:
            f.write(args + "\n")


FR = "Déjà vu : «crème brûlée» façon Noël, ¿qué? ß ü"
RU = "Съешь же ещё этих мягких французских булок, да выпей чаю — №5 «ёж»"

case("utf8", "utf-8", "UTF-8 ✓ 😀 Ωmega", "Ünïcödé — 中文 — עברית",
     declared="UTF-8")
case("utf8-bom", "utf-8", "With a BOM ✓", "Straße", declared="utf-8",
     bom=b"\xef\xbb\xbf")
case("utf8-nodecl", "utf-8", "No declaration: UTF-8 by default ✓",
     "naïve café")
case("utf16le-bom", "utf-16-le", "UTF-16LE 😀 é", "Ελληνικά και 日本語",
     declared="UTF-16", bom=b"\xff\xfe")
case("utf16be-bom", "utf-16-be", "UTF-16BE 😀 é", "Ελληνικά και 日本語",
     declared="UTF-16", bom=b"\xfe\xff")
case("utf16le-nobom", "utf-16-le", "UTF-16LE without a BOM é",
     "Ελληνικά", declared="UTF-16")
case("utf16-mislabel", "utf-8", "Declared UTF-16, written in UTF-8 é",
     "ça marche", declared="UTF-16")
case("iso-8859-1", "latin-1", FR, "Ça coûte 5 £ ou 7 ¥, ½ prix.",
     declared="ISO-8859-1")
case("iso-8859-15", "iso-8859-15", "Prix : 10 € pour l'œuvre",
     "Šárka, Žofie et Ÿvonne", declared="ISO-8859-15")
case("iso-8859-2", "iso-8859-2", "Zażółć gęślą jaźń",
     "Příliš žluťoučký kůň", declared="iso-8859-2")
case("iso-8859-7", "iso-8859-7", "Ελληνικά νέα", "Καλημέρα κόσμε",
     declared="ISO-8859-7")
case("windows-1252", "cp1252", "“Smart quotes” – dash … € ™ Œ",
     "‘single’ • bullet — em dash", declared="windows-1252")
case("windows-1251", "cp1251", RU, "Привет, мир!", declared="windows-1251")
case("koi8-r", "koi8-r", RU.replace("№", "N").replace("—", "-").replace("«", "\"").replace("»", "\""), "Привет, мир!",
     declared="KOI8-R")
case("shift_jis", "cp932", "日本語のニュース：東京で桜が満開",
     "半角ｶﾀｶﾅと全角カタカナ", declared="Shift_JIS",
     link="http://jp.example.jp/~user/")
case("euc-jp", "euc-jp", "東京都の天気は晴れ", "半角ｶﾅも大丈夫",
     declared="EUC-JP")
case("gb2312", "gb2312", "中文新闻：今天天气很好", "简体中文", declared="GB2312")
case("gbk", "gbk", "中文繁體與简体：喆堃", "镕基", declared="GBK")
case("gb18030", "gb18030", "GB18030 四字节：𠀀𪚥", "欧元 €", declared="GB18030")
case("big5", "big5", "繁體中文新聞：臺灣", "香港與澳門", declared="Big5")
case("euc-kr", "euc-kr", "한국어 뉴스", "안녕하세요 세계", declared="EUC-KR")
case("hint", "koi8-r", "Подсказка из HTTP", "без объявления",
     args="--charset koi8-r")
case("hint-ignored", "cp1251", "Объявление побеждает", "windows-1251",
     declared="windows-1251", args="--charset koi8-r")
case("hint-utf8-default", "utf-8", "Sans indication : UTF-8", "été")
