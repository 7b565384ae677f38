#!/usr/bin/env python3
"""greader.py: a Google Reader API test server for gazette's sync tests
(python3 standard library only), behaving as FreshRSS 1.25 does.

    greader.py --port-file FILE [--log FILE] [--user U] [--password P]
               [--service freshrss|inoreader|oldreader|feedhq]
               [--app-id ID --app-key KEY]

Binds 127.0.0.1 on port 0 and writes the port to FILE once listening.
State lives in memory.  The API sits under /api/greader.php (FreshRSS,
the default), or at the root with --service, where it behaves as that
service documents its API where it differs:

  inoreader   every request, ClientLogin too, needs the AppId and AppKey
              headers (--app-id, --app-key): 403 without them or with
              others; stream/contents pages hold at most 100 items
  oldreader   ClientLogin needs client= and service=reader; item ids are
              24-digit hex ObjectIds (itemRefs: the bare ObjectId,
              contents: the tag:google.com,2005:reader/item/ prefix and
              it)
  feedhq      as freshrss, at the root
  and all three take only the real T= token on a POST (not "" or "x").

The API:

  accounts/ClientLogin        Email + Passwd (form or query) -> SID=, LSID=,
                              Auth= lines; a wrong one: 401
  reader/api/0/token          a 57-character T= token
  reader/api/0/user-info
  reader/api/0/subscription/list, tag/list, unread-count
  reader/api/0/subscription/edit  ac=subscribe|edit|unsubscribe, s=feed/URL
                              or feed/ID, a=/r=user/-/label/NAME, t=title;
                              subscribing fetches the feed during the call
                              (400 when unreachable, not a feed, or
                              already subscribed)
  reader/api/0/subscription/quickadd  quickadd=URL
  reader/api/0/stream/contents/STREAM  n=, c=, ot=, r=o, xt=, it=
  reader/api/0/stream/items/ids       s=, n=, c=, ot=, r=o, xt=, it=
  reader/api/0/stream/items/contents  i= (repeated; long or decimal ids)
  reader/api/0/edit-tag               i= (repeated), a=, r= (one each)
  reader/api/0/mark-all-as-read       s=, ts= (microseconds)

Every reader/ call needs "Authorization: GoogleLogin auth=TOKEN" (401
otherwise, with Google-Bad-Token: true); POSTs that change state need
T=TOKEN (401 otherwise; FreshRSS accepts "" and "x" too).  Streams:
user/-/state/com.google/reading-list, .../starred, feed/ID,
user/-/label/NAME; as in FreshRSS, .../read is not a stream (it returns
everything).  Item ids are the time they were added, in microseconds
(FreshRSS's entry ids): ot= (seconds) keeps items added at or after it.
API requests are served one at a time, like PHP's built-in server.

The control endpoint (no authentication), for tests, under /control/:

  POST /control/feed    {"url", "title", "label"}: a feed, without fetch
  POST /control/items   {"feed": URL, "items": [{"title", "link",
                        "content", "published", "author"}], or "count": N,
                        "prefix": P, "ago": S (added S seconds ago, for
                        ids; 0 default)}: new articles, ids returned
  POST /control/state   {"ids": [decimal...] or "all": true, "read": bool,
                        "starred": bool}: change state server-side
  POST /control/mode    {"mode": "up" | "down" (every API request gets its
                        connection closed unanswered) | "500" | "junk"
                        (every API answer but the login: hostile bytes)
                        | "blank_auth" (ClientLogin answers "Auth=\\r\\n")
                        | "stall" (every API request waits, unanswered,
                        until the mode changes)
                        | "proxy_digest" (as a proxy, it asks for Digest
                        "proxyuser", "proxypass": 407 otherwise)
                        | "cookie" (ClientLogin sets the cookie
                        "grsession"; the last Cookie header is in stats),
                        "hold_edit_tag": K (the K+1th and later edit-tag
                        calls apply, then wait until mode changes again)}
  POST /control/clock   {"now": S}: the server's time stands at S (UNIX
                        seconds, fractional) for ids and "updated"; null:
                        the real time again
  POST /control/password {"password"}: a new API password (old tokens die)
  GET  /control/dump    the whole state as JSON
  GET  /control/stats   {"requests", "bytes_in", "bytes_out", "paths",
                        "agent" (the last User-Agent), "proxied" (requests
                        with an absolute URL: as a proxy), "proxy_auth",
                        "cookie", "login_form" (the last ClientLogin's
                        fields but Passwd), "app" (the last AppId,
                        AppKey seen)}

As a proxy (use-proxy to its port), it serves API requests whatever the
host of their absolute URL.
"""

import argparse
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from digest_auth import digest_challenge, digest_ok

READ = "user/-/state/com.google/read"
STARRED = "user/-/state/com.google/starred"
READING = "user/-/state/com.google/reading-list"
LABEL = "user/-/label/"
ITEM = "tag:google.com,2005:reader/item/"


class State:
    def __init__(self, user, password, service="freshrss", app=None):
        self.user = user
        self.password = password
        self.service = service
        self.app = app
        self.feeds = []          # dicts: id, url, title, label, html
        self.items = {}          # id -> dict
        self.last_id = 0
        self.mode = "up"
        self.hold = None
        self.clock = None
        self.edit_tags = 0
        self.cond = threading.Condition()
        self.api = threading.Lock()
        self.stats = {"requests": 0, "bytes_in": 0, "bytes_out": 0,
                      "paths": {}}

    def auth(self):
        h = hashlib.sha1((self.user + self.password).encode()).hexdigest()
        return self.user + "/" + h

    def token(self):
        return hashlib.sha1(("T" + self.auth()).encode()).hexdigest() \
            .ljust(57, "Z")

    def now(self):
        return self.clock if self.clock is not None else time.time()

    def new_id(self, ago=0):
        i = int((self.now() - ago) * 1000000)
        if i <= self.last_id:
            i = self.last_id + 1
        self.last_id = i
        return i

    def feed_by(self, key):
        for f in self.feeds:
            if key in (f["url"], "feed/%d" % f["id"], str(f["id"])):
                return f
        return None

    def add_feed(self, url, title, label):
        f = {"id": len(self.feeds) + 1 if not self.feeds else
             max(x["id"] for x in self.feeds) + 1,
             "url": url, "title": title or url, "label": label or "Uncategorized",
             "html": url}
        self.feeds.append(f)
        return f

    def add_item(self, feed, it, ago=0):
        i = self.new_id(ago)
        self.items[i] = {
            "id": i, "feed": feed["id"], "title": it.get("title", ""),
            "link": it.get("link", ""), "content": it.get("content", ""),
            "author": it.get("author", ""),
            "published": int(it.get("published") or i // 1000000),
            "read": False, "starred": False}
        return i


def short_id(st, i):
    """An item's id as stream/items/ids gives it."""
    if st.service == "oldreader":
        return "%08x%016x" % ((i // 1000000) & 0xffffffff, i)
    return str(i)


def long_id(st, i):
    if st.service == "oldreader":
        return ITEM + short_id(st, i)
    return ITEM + "%016x" % i


def item_json(st, it):
    f = st.feed_by(str(it["feed"]))
    cats = [READING, LABEL + f["label"]]
    if it["read"]:
        cats.append(READ)
    if it["starred"]:
        cats.append(STARRED)
    d = {"id": long_id(st, it["id"]),
         "crawlTimeMsec": str(it["id"] // 1000),
         "timestampUsec": str(it["id"]),
         "published": it["published"],
         "title": it["title"],
         "canonical": [{"href": it["link"]}],
         "alternate": [{"href": it["link"], "type": "text/html"}],
         "categories": cats,
         "origin": {"streamId": "feed/%d" % f["id"], "htmlUrl": f["html"],
                    "title": f["title"]},
         "summary": {"content": it["content"]}}
    if it["author"]:
        d["author"] = it["author"]
    return d


def parse_id(s):
    try:
        if s.startswith(ITEM):
            s = s[len(ITEM):]
            if len(s) == 24:
                return int(s[8:], 16)
            return int(s, 16)
        if len(s) == 24:
            return int(s[8:], 16)
        if s.startswith("-"):
            return int(s) & 0xffffffffffffffff
        return int(s)
    except ValueError:
        return None


def in_stream(st, it, s):
    if s in (READING, READ, ""):
        return True
    if s == STARRED:
        return it["starred"]
    if s.startswith("feed/"):
        f = st.feed_by(s)
        return f is not None and f["id"] == it["feed"]
    if s.startswith(LABEL):
        f = st.feed_by(str(it["feed"]))
        return f["label"] == s[len(LABEL):]
    return False


def has_tag(it, t):
    if t == READ:
        return it["read"]
    if t == STARRED:
        return it["starred"]
    return False


def select(st, s, q):
    """The items of stream s under q's n, c, ot, r, xt, it: (list, next)."""
    n = int(q.get("n", ["20"])[0])
    ot = int(q.get("ot", ["0"])[0]) * 1000000
    oldest = q.get("r", [""])[0] == "o"
    xts = q.get("xt", [])
    its = q.get("it", [])
    ids = sorted(st.items, reverse=not oldest)
    out = []
    for i in ids:
        it = st.items[i]
        if i < ot or not in_stream(st, it, s):
            continue
        if any(has_tag(it, t) for t in xts):
            continue
        if any(not has_tag(it, t) for t in its):
            continue
        out.append(it)
    c = q.get("c", [""])[0]
    if c:
        try:
            ci = int(c)
        except ValueError:
            ci = 0
        out = [it for it in out if (it["id"] >= ci if oldest
                                    else it["id"] <= ci)]
    more = out[n:]
    return out[:n], (str(more[0]["id"]) if more else None)


def fetch_feed(url):
    """Fetch and read an RSS or Atom feed: (title, [items]) or None."""
    try:
        with urllib.request.urlopen(url, timeout=10) as r:
            body = r.read(4 << 20)
        root = ET.fromstring(body)
    except Exception:
        return None
    atom = "{http://www.w3.org/2005/Atom}"
    if root.tag == "rss":
        ch = root.find("channel")
        items = [{"title": i.findtext("title", ""),
                  "link": i.findtext("link", ""),
                  "content": i.findtext("description", "")}
                 for i in ch.findall("item")]
        return ch.findtext("title", url), items
    if root.tag == atom + "feed":
        items = []
        for e in root.findall(atom + "entry"):
            ln = e.find(atom + "link")
            items.append({"title": e.findtext(atom + "title", ""),
                          "link": ln.get("href", "") if ln is not None
                          else "",
                          "content": e.findtext(atom + "content", "")})
        return root.findtext(atom + "title", url), items
    return None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="text/plain; charset=UTF-8",
             headers=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body, ensure_ascii=False) + "\n"
            ctype = "application/json; charset=UTF-8"
        data = body.encode("utf-8")
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)
        if self.path.startswith("/api/"):
            st = self.server.st
            st.stats["bytes_out"] += len(data) + 120

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n).decode("utf-8", "replace") if n else ""

    def do_GET(self):
        self.handle_any("GET")

    def do_POST(self):
        self.handle_any("POST")

    def handle_any(self, method):
        st = self.server.st
        body = self.read_body() if method == "POST" else ""
        url = urllib.parse.urlsplit(self.path)
        if url.path.startswith("/control/"):
            return self.control(url.path[9:], body)
        st.stats["requests"] += 1
        # As a proxy (an absolute URL), and who asked.
        if self.path.startswith("http://"):
            st.stats["proxied"] = st.stats.get("proxied", 0) + 1
        st.stats["agent"] = self.headers.get("User-Agent", "")
        if self.headers.get("Proxy-Authorization"):
            st.stats["proxy_auth"] = self.headers["Proxy-Authorization"]
        st.stats["cookie"] = self.headers.get("Cookie")
        if self.headers.get("AppId") or self.headers.get("AppKey"):
            st.stats["app"] = [self.headers.get("AppId"),
                               self.headers.get("AppKey")]
        if st.mode == "proxy_digest" and self.path.startswith("http://") \
                and not digest_ok(self.headers.get("Proxy-Authorization"),
                                  method, "proxyuser", "proxypass",
                                  "greader-proxy"):
            st.stats["proxy_407"] = st.stats.get("proxy_407", 0) + 1
            return self.send(407, "proxy auth\n", headers=[
                ("Proxy-Authenticate", digest_challenge("greader-proxy"))])
        st.stats["bytes_in"] += len(body) + len(self.path) + 100
        key = url.path.split("/api/0/")[-1]
        st.stats["paths"][key] = st.stats["paths"].get(key, 0) + 1
        if st.mode == "down":
            self.close_connection = True
            return
        if st.mode == "stall":
            with st.cond:
                st.cond.wait_for(lambda: st.mode != "stall", timeout=60)
            self.close_connection = True
            return
        if st.service == "inoreader" and (
                self.headers.get("AppId") != st.app[0] or
                self.headers.get("AppKey") != st.app[1]):
            # As Inoreader documents it: app credentials not accepted.
            return self.send(403, "Forbidden: invalid AppId or AppKey\n")
        if st.mode == "500":
            return self.send(500, "Internal Server Error\n")
        if st.mode == "junk" and "ClientLogin" not in url.path:
            return self.send(200, "[" * 5000 + "\x1b]52;c;aGk=\x07",
                             ctype="application/json")
        q = urllib.parse.parse_qs(url.query, keep_blank_values=True)
        form = urllib.parse.parse_qs(body, keep_blank_values=True)
        for k, v in form.items():
            q.setdefault(k, []).extend(v)
        with st.api:
            self.api(url.path, q, method)

    def unauthorized(self):
        self.send(401, "Unauthorized!", headers=[("Google-Bad-Token",
                                                  "true")])

    def api(self, path, q, method):
        st = self.server.st
        pre = "/api/greader.php/" if st.service == "freshrss" else "/"
        if not path.startswith(pre):
            return self.send(404, "Not Found\n")
        path = path[len(pre):]
        if path == "accounts/ClientLogin":
            st.stats["login_form"] = {k: v[0] for k, v in q.items()
                                      if k != "Passwd"}
            if st.service == "oldreader" and (
                    not q.get("client", [""])[0] or
                    q.get("service", [""])[0] != "reader"):
                return self.send(400, "Bad Request: client and "
                                 "service=reader needed\n")
            if (q.get("Email", [""])[0] == st.user and
                    q.get("Passwd", [""])[0] == st.password):
                a = st.auth()
                if st.mode == "cookie":
                    return self.send(200, "SID=%s\nLSID=null\nAuth=%s\n"
                                     % (a, a), headers=[
                                         ("Set-Cookie", "grsession=abc123; "
                                          "Path=/; Max-Age=86400")])
                if st.mode == "blank_auth":
                    return self.send(200, "SID=%s\r\nAuth=\r\n" % a)
                return self.send(200, "SID=%s\nLSID=null\nAuth=%s\n" % (a, a))
            return self.unauthorized()
        h = self.headers.get("Authorization", "")
        if h != "GoogleLogin auth=" + st.auth():
            return self.unauthorized()
        if not path.startswith("reader/api/0/"):
            return self.send(400, "Bad Request!")
        path = path[len("reader/api/0/"):]
        if method == "POST" and path not in ("stream/items/ids",
                                             "stream/items/contents") \
                and not path.startswith("stream/contents"):
            t = q.get("T", [None])[0]
            lax = ("", "x") if st.service == "freshrss" else ()
            if t is None or (t not in lax and t != st.token()):
                return self.unauthorized()
        if path == "token":
            return self.send(200, st.token() + "\n")
        if path == "user-info":
            return self.send(200, {"userId": st.user, "userName": st.user})
        if path == "subscription/list":
            return self.send(200, {"subscriptions": [
                {"id": "feed/%d" % f["id"], "title": f["title"],
                 "categories": [{"id": LABEL + f["label"],
                                 "label": f["label"]}],
                 "url": f["url"], "htmlUrl": f["html"], "iconUrl": ""}
                for f in st.feeds]})
        if path == "tag/list":
            labels = sorted({f["label"] for f in st.feeds})
            return self.send(200, {"tags": [{"id": STARRED}] + [
                {"id": LABEL + x, "type": "folder"} for x in labels]})
        if path == "unread-count":
            counts = [{"id": "feed/%d" % f["id"], "count": sum(
                1 for it in st.items.values()
                if it["feed"] == f["id"] and not it["read"])}
                for f in st.feeds]
            return self.send(200, {"max": 0, "unreadcounts": counts})
        if path == "subscription/edit":
            return self.sub_edit(q)
        if path == "subscription/quickadd":
            u = q.get("quickadd", [""])[0]
            if u.startswith("feed/"):
                u = u[5:]
            f = self.subscribe(u, "", "")
            if f is None:
                return self.send(200, {"numResults": 0,
                                       "error": "cannot add " + u})
            return self.send(200, {"numResults": 1, "query": u,
                                   "streamId": "feed/%d" % f["id"],
                                   "streamName": f["title"]})
        if path.startswith("stream/contents"):
            s = urllib.parse.unquote(path[len("stream/contents"):]
                                     .lstrip("/")) or \
                q.get("s", [READING])[0]
            if st.service == "inoreader" and \
                    int(q.get("n", ["20"])[0]) > 100:
                q["n"] = ["100"]
            items, c = select(st, s, q)
            d = {"id": s, "updated": int(st.now()),
                 "items": [item_json(st, it) for it in items]}
            if c:
                d["continuation"] = c
            return self.send(200, d)
        if path == "stream/items/ids":
            items, c = select(st, q.get("s", [READING])[0], q)
            d = {"itemRefs": [{"id": short_id(st, it["id"])}
                              for it in items]}
            if c:
                d["continuation"] = c
            return self.send(200, d)
        if path == "stream/items/contents":
            ids = [parse_id(x) for x in q.get("i", [])]
            return self.send(200, {"id": READING, "items": [
                item_json(st, st.items[i]) for i in ids if i in st.items]})
        if path == "edit-tag":
            return self.edit_tag(q)
        if path == "mark-all-as-read":
            s = q.get("s", [READING])[0]
            ts = int(q.get("ts", ["0"])[0] or 0)
            for it in st.items.values():
                if in_stream(st, it, s) and (ts == 0 or it["id"] <= ts):
                    it["read"] = True
            return self.send(200, "OK")
        return self.send(400, "Bad Request!")

    def subscribe(self, url, title, label):
        st = self.server.st
        if st.feed_by(url) is not None:
            return None
        got = fetch_feed(url)
        if got is None:
            return None
        f = st.add_feed(url, title or got[0], label)
        for it in got[1]:
            st.add_item(f, it)
        return f

    def sub_edit(self, q):
        st = self.server.st
        ac = q.get("ac", [""])[0]
        ss = q.get("s", [])
        a = q.get("a", [""])[0]
        t = q.get("t", [""])[0]
        if ac not in ("subscribe", "unsubscribe", "edit") or not ss:
            return self.send(400, "Bad Request!")
        label = a[len(LABEL):] if a.startswith(LABEL) else ""
        for s in ss:
            key = s[5:] if s.startswith("feed/") else s
            if ac == "subscribe":
                if self.subscribe(key, t, label) is None:
                    return self.send(400, "Bad Request!")
                continue
            f = st.feed_by(s) or st.feed_by(key)
            if f is None:
                return self.send(400, "Bad Request!")
            if ac == "unsubscribe":
                st.feeds.remove(f)
                for i in [i for i, it in st.items.items()
                          if it["feed"] == f["id"]]:
                    del st.items[i]
            else:
                if label:
                    f["label"] = label
                if t:
                    f["title"] = t
        return self.send(200, "OK")

    def edit_tag(self, q):
        st = self.server.st
        ids = [parse_id(x) for x in q.get("i", [])]
        if not ids or None in ids:
            return self.send(400, "Bad Request!")
        for tag, val in ((q.get("a", [""])[0], True),
                         (q.get("r", [""])[0], False)):
            for i in ids:
                if i not in st.items:
                    continue
                if tag == READ:
                    st.items[i]["read"] = val
                elif tag == STARRED:
                    st.items[i]["starred"] = val
        st.edit_tags += 1
        if st.hold is not None and st.edit_tags > st.hold:
            with st.cond:
                st.cond.wait_for(lambda: st.hold is None, timeout=120)
        return self.send(200, "OK")

    def control(self, what, body):
        st = self.server.st
        try:
            d = json.loads(body) if body else {}
        except ValueError:
            return self.send(400, "bad JSON\n")
        if what == "feed":
            f = st.add_feed(d["url"], d.get("title"), d.get("label"))
            return self.send(200, {"id": "feed/%d" % f["id"]})
        if what == "items":
            f = st.feed_by(d["feed"])
            if f is None:
                return self.send(404, "no such feed\n")
            items = d.get("items") or []
            p = d.get("prefix", "Article")
            for k in range(int(d.get("count", 0))):
                items.append({"title": "%s %d" % (p, k + 1),
                              "link": "http://example.org/%s/%d" % (p, k + 1),
                              "content": "<p>Text of %s number %d, with "
                              "some words.</p>" % (p, k + 1)})
            ids = [st.add_item(f, it, float(d.get("ago", 0)))
                   for it in items]
            return self.send(200, {"ids": [str(i) for i in ids]})
        if what == "state":
            ids = list(st.items) if d.get("all") else \
                [parse_id(str(x)) for x in d.get("ids", [])]
            for i in ids:
                if i in st.items:
                    for k in ("read", "starred"):
                        if k in d:
                            st.items[i][k] = bool(d[k])
            return self.send(200, "OK")
        if what == "mode":
            with st.cond:
                st.mode = d.get("mode", "up")
                st.hold = d.get("hold_edit_tag")
                st.edit_tags = 0
                st.cond.notify_all()
            return self.send(200, "OK")
        if what == "clock":
            st.clock = d.get("now")
            return self.send(200, "OK")
        if what == "password":
            st.password = d["password"]
            return self.send(200, "OK")
        if what == "dump":
            return self.send(200, {
                "feeds": st.feeds,
                "items": [dict(it, id=str(it["id"]))
                          for it in sorted(st.items.values(),
                                           key=lambda x: x["id"])],
                "edit_tags": st.edit_tags})
        if what == "stats":
            return self.send(200, st.stats)
        return self.send(404, "Not Found\n")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--user", default="alice")
    ap.add_argument("--password", default="s3cret-api")
    ap.add_argument("--service", default="freshrss",
                    choices=("freshrss", "inoreader", "oldreader", "feedhq"))
    ap.add_argument("--app-id", default="")
    ap.add_argument("--app-key", default="")
    args = ap.parse_args()
    srv = Server(("127.0.0.1", 0), Handler)
    srv.st = State(args.user, args.password, args.service,
                   (args.app_id, args.app_key))
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as fp:
        fp.write("%d\n" % srv.server_address[1])
    os.rename(tmp, args.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
