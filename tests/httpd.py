#!/usr/bin/env python3
"""httpd.py: the test HTTP server for gazette (python3 standard library only).

    httpd.py --docs DIR --port-file FILE --log FILE

Binds 127.0.0.1 on port 0 and writes the port it got to FILE (written
atomically, once listening).  Every request is logged as one JSON object a
line to the log: path, If-None-Match, If-Modified-Since, Accept-Encoding,
User-Agent and the status sent, so tests can assert on the conditional
headers the client really sent.

Documents come from DIR: /SCENARIO/NAME serves DIR/NAME with the behaviour
of SCENARIO.  Every 200 carries an ETag (a hash of the body) and a
Last-Modified (the file's mtime), and a request whose If-None-Match or
If-Modified-Since matches gets a 304.

  /feed/NAME          200 (or 304), identity
  /gzip/NAME          Content-Encoding: gzip
  /deflate/NAME       Content-Encoding: deflate (zlib stream)
  /br/NAME            DIR/NAME.br with Content-Encoding: br (the standard
                      library cannot write brotli: the test makes NAME.br
                      with Debian's `brotli` tool)
  /truncbr/NAME       the first half of DIR/NAME.br (Content-Length right)
  /r301/K/NAME        K permanent (301) redirects, then /feed/NAME
  /r302/K/NAME        K temporary (302) redirects, then /feed/NAME
  /r308/K/NAME        K permanent (308) redirects, then /feed/NAME
  /loop/NAME          redirects to itself, for ever
  /tofile/NAME        redirects to file:///etc/passwd
  /status/CODE/NAME   that status with a small HTML body
  /reset/NAME         announces the whole body, sends half, then resets
                      the connection (RST)
  /cut/NAME           announces the whole body, sends half, then closes
  /slow/NAME          announces the body, then drips one byte a second
  /hold/NAME          announces the body, sends half, then the rest once
                      DIR/NAME.go exists (the test says when; 120 s at most)
  /drip/NAME          announces the body, then sends two bytes a second
  /endless/NAME       an RSS document that never ends (chunked)
  /bomb/NAME          a gzip body that inflates to 40 MiB
  /charset/NAME       Content-Type says charset=utf-8, whatever the body is
  /truncgzip/NAME     a gzip stream cut in the middle (Content-Length right)
  /retry/429/NAME     429 with Retry-After: 3600 (seconds)
  /retry/503/NAME     503 with Retry-After as an HTTP date one hour ahead
  /retry/far/NAME     503 with Retry-After: Fri, 31 Dec 9999 23:59:59 GMT
  /goto/HOST/PATH...  302 to http://HOST:PORT/PATH... (this server's port
                      under another name: 127.0.0.1 or localhost)
  /cache/NAME         200 (or 304) with Cache-Control: max-age=3600
  /raw/KIND/NAME      bytes no HTTP server would send, then closes:
                      KIND http09: DIR/NAME with no status line (HTTP/0.9);
                      garbage: a line of binary and escape bytes;
                      099: "HTTP/1.1 099 X" with a small body
  /stall/NAME         reads the request, logs it (status 0) and never
                      answers: holds the connection until the client
                      closes it or DIR/release exists, then closes it
  /evil/reason/NAME   500 whose reason phrase holds terminal escapes (OSC 0,
                      OSC 52, CSI), C1 controls as UTF-8 (U+009B, U+0085)
                      and as raw bytes (0x9b), a bidi override and DEL
  /digest/NAME        DIR/NAME behind HTTP Digest authentication (user
                      "feeduser", password "feedpass", MD5, qop=auth):
                      401 with a Digest challenge otherwise (a Basic
                      Authorization header gets the 401 too)
  /setcookie/NAME     DIR/NAME with Set-Cookie: gz_session=OPEN-SESAME
  /needcookie/NAME    DIR/NAME if the request carries the gz_session
                      cookie, else 403
  http://digestproxy.invalid/...  (a request through this server as a
                      proxy to that host) needs Proxy-Authorization by
                      Digest ("proxyuser", "proxypass"): 407 otherwise,
                      then is served as the path it names
  Every request's log line also has "cookie" (the Cookie header) and
  "auth" / "proxy_auth" (the scheme of Authorization and
  Proxy-Authorization, or null).
  /media/NAME         DIR/NAME as audio/mpeg, honouring "Range: bytes=N-"
                      (206, or 416 with Content-Range */LEN past the end)
  /cutmedia/NAME      as /media/NAME, but a request without Range gets
                      the whole length announced, half the body, a close
  /evil/charset/NAME  DIR/NAME, its Content-Type charset holding the same
"""

import argparse
import email.utils
import gzip
import hashlib
import json
import os
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from digest_auth import digest_challenge, digest_ok

DOCS = "."
# Terminal escapes for /evil/: sent as latin-1, so "\xc2\x9b" is UTF-8
# U+009B on the wire and "\x9b" the raw byte.
EVIL = ("\x1b]0;pwned\x07\x1b]52;c;aGFja2Vk\x07\x1b[2J \xc2\x9b31m "
        "\x9b2J \xc2\x85 \xe2\x80\xae \x7f end")
LOG = None
LOG_LOCK = threading.Lock()
BOMB = None
BOMB_LOCK = threading.Lock()


def bomb_body():
    global BOMB
    with BOMB_LOCK:
        if BOMB is None:
            z = zlib.compressobj(9, zlib.DEFLATED, 31)
            head = (b'<?xml version="1.0"?><rss version="2.0"><channel>'
                    b'<title>bomb</title>')
            parts = [z.compress(head)]
            chunk = b" " * (1 << 20)
            for _ in range(40):
                parts.append(z.compress(chunk))
            parts.append(z.compress(b"</channel></rss>"))
            parts.append(z.flush())
            BOMB = b"".join(parts)
        return BOMB


def scheme(value):
    return value.split(" ", 1)[0] if value else None


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "gazette-test-httpd"

    def log_message(self, fmt, *args):
        pass

    def log_request_json(self, status):
        rec = {
            "path": self.path,
            "if_none_match": self.headers.get("If-None-Match"),
            "if_modified_since": self.headers.get("If-Modified-Since"),
            "accept_encoding": self.headers.get("Accept-Encoding"),
            "user_agent": self.headers.get("User-Agent"),
            "range": self.headers.get("Range"),
            "status": status,
            "cookie": self.headers.get("Cookie"),
            "auth": scheme(self.headers.get("Authorization")),
            "proxy_auth": scheme(self.headers.get("Proxy-Authorization")),
        }
        with LOG_LOCK:
            with open(LOG, "a", encoding="utf-8") as fp:
                fp.write(json.dumps(rec) + "\n")

    def send(self, status, body=b"", headers=None, ctype="application/xml"):
        self.log_request_json(status)
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def doc(self, name):
        path = os.path.join(DOCS, os.path.basename(name))
        try:
            with open(path, "rb") as fp:
                body = fp.read()
            mtime = os.stat(path).st_mtime
        except OSError:
            return None, None, None
        etag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        lm = email.utils.formatdate(mtime, usegmt=True)
        return body, etag, lm

    def not_modified(self, etag, lm):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm is not None:
            return etag in [t.strip() for t in inm.split(",")]
        if ims is not None:
            return ims == lm
        return False

    def serve_doc(self, name, encoding=None, extra=None, ctype=None):
        body, etag, lm = self.doc(name)
        if body is None:
            self.send(404, b"<h1>no such document</h1>", ctype="text/html")
            return
        headers = {"ETag": etag, "Last-Modified": lm}
        headers.update(extra or {})
        if self.not_modified(etag, lm):
            self.log_request_json(304)
            self.send_response(304)
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            return
        if encoding == "gzip":
            body = gzip.compress(body)
            headers["Content-Encoding"] = "gzip"
        elif encoding == "deflate":
            body = zlib.compress(body)
            headers["Content-Encoding"] = "deflate"
        self.send(200, body, headers, ctype or "application/rss+xml")

    def serve_media(self, name, cut):
        body, etag, lm = self.doc(name)
        if body is None:
            self.send(404, b"<h1>no such document</h1>", ctype="text/html")
            return
        rng = self.headers.get("Range")
        if rng is None and cut:
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "audio/mpeg")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
            return
        if rng is None or not rng.startswith("bytes="):
            self.send(200, body, {"ETag": etag}, ctype="audio/mpeg")
            return
        start = int(rng[6:].split("-")[0])
        if start >= len(body):
            self.send(416, b"", {"Content-Range": "bytes */%d" % len(body)},
                      ctype="text/plain")
            return
        self.send(206, body[start:], {
            "Content-Range": "bytes %d-%d/%d" % (start, len(body) - 1,
                                                len(body))},
            ctype="audio/mpeg")

    def redirect(self, status, location):
        self.send(status, b"", {"Location": location}, ctype="text/html")

    def reset(self):
        try:
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass
        self.close_connection = True

    def do_GET(self):
        proxied = "http://digestproxy.invalid/"
        if self.path.startswith(proxied):
            if not digest_ok(self.headers.get("Proxy-Authorization"),
                             self.command, "proxyuser", "proxypass",
                             "gazette-proxy"):
                self.send(407, b"proxy auth", {
                    "Proxy-Authenticate": digest_challenge("gazette-proxy")},
                    ctype="text/plain")
                return
            self.path = self.path[len(proxied) - 1:]
        parts = self.path.split("?")[0].strip("/").split("/")
        kind = parts[0] if parts else ""
        try:
            self.route(kind, parts)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, kind, parts):
        name = parts[-1] if len(parts) > 1 else ""
        if kind == "feed":
            self.serve_doc(name)
        elif kind == "digest":
            if digest_ok(self.headers.get("Authorization"), self.command,
                         "feeduser", "feedpass", "gazette-feeds"):
                self.serve_doc(name)
            else:
                self.send(401, b"authenticate", {
                    "WWW-Authenticate": digest_challenge("gazette-feeds")},
                    ctype="text/plain")
        elif kind == "setcookie":
            self.serve_doc(name, extra={
                "Set-Cookie": "gz_session=OPEN-SESAME; Path=/; "
                              "Max-Age=86400"})
        elif kind == "needcookie":
            if "gz_session=OPEN-SESAME" in (self.headers.get("Cookie") or ""):
                self.serve_doc(name)
            else:
                self.send(403, b"no cookie", ctype="text/plain")
        elif kind in ("gzip", "deflate"):
            self.serve_doc(name, encoding=kind)
        elif kind == "cache":
            self.serve_doc(name, extra={"Cache-Control": "max-age=3600"})
        elif kind == "charset":
            self.serve_doc(name, ctype="text/xml; charset=utf-8")
        elif kind == "evil" and len(parts) == 3 and parts[1] == "reason":
            self.log_request_json(500)
            self.send_response(500, EVIL)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif kind == "evil" and len(parts) == 3 and parts[1] == "charset":
            self.serve_doc(name, ctype="text/xml; charset=" + EVIL)
        elif kind in ("r301", "r302", "r308") and len(parts) == 3:
            k = int(parts[1])
            status = int(kind[1:])
            if k <= 1:
                self.redirect(status, "/feed/%s" % name)
            else:
                self.redirect(status, "/%s/%d/%s" % (kind, k - 1, name))
        elif kind == "goto" and len(parts) >= 3:
            self.redirect(302, "http://%s:%d/%s" % (
                parts[1], self.server.server_address[1],
                "/".join(parts[2:])))
        elif kind == "loop":
            self.redirect(302, self.path)
        elif kind == "tofile":
            self.redirect(302, "file:///etc/passwd")
        elif kind == "status" and len(parts) == 3:
            self.send(int(parts[1]), b"<html><body>error</body></html>",
                      ctype="text/html")
        elif kind == "retry" and len(parts) == 3:
            status = 503 if parts[1] == "far" else int(parts[1])
            if status == 429:
                after = "3600"
            elif parts[1] == "far":
                after = "Fri, 31 Dec 9999 23:59:59 GMT"
            else:
                after = email.utils.formatdate(time.time() + 3600,
                                               usegmt=True)
            self.send(status, b"slow down", {"Retry-After": after},
                      ctype="text/plain")
        elif kind == "reset":
            body, etag, lm = self.doc(name)
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            # Let the client read the half before the reset discards it.
            time.sleep(0.3)
            self.reset()
        elif kind == "cut":
            body, etag, lm = self.doc(name)
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            self.close_connection = True
        elif kind in ("media", "cutmedia"):
            self.serve_media(name, kind == "cutmedia")
        elif kind == "truncgzip":
            body, etag, lm = self.doc(name)
            z = gzip.compress(body)
            z = z[:len(z) // 2]
            self.send(200, z, {"Content-Encoding": "gzip"})
        elif kind in ("slow", "drip"):
            body, etag, lm = self.doc(name)
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.flush()
            step = 1 if kind == "slow" else 2
            for i in range(0, len(body), step):
                self.wfile.write(body[i:i + step])
                self.wfile.flush()
                time.sleep(1)
        elif kind == "hold":
            body, etag, lm = self.doc(name)
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[:len(body) // 2])
            self.wfile.flush()
            go = os.path.join(DOCS, os.path.basename(name) + ".go")
            deadline = time.monotonic() + 120
            while not os.path.exists(go) and time.monotonic() < deadline:
                time.sleep(0.05)
            self.wfile.write(body[len(body) // 2:])
            self.wfile.flush()
        elif kind == "endless":
            self.log_request_json(200)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()

            def chunk(data):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))

            chunk(b'<?xml version="1.0"?><rss version="2.0"><channel>'
                  b'<title>endless</title>')
            i = 0
            while True:
                items = b"".join(
                    b"<item><guid>e%d</guid><title>Endless %d</title>"
                    b"<description>%s</description></item>"
                    % (n, n, b"x" * 900) for n in range(i, i + 64))
                chunk(items)
                i += 64
        elif kind == "raw" and len(parts) == 3:
            self.log_request_json(0)
            if parts[1] == "http09":
                body, etag, lm = self.doc(name)
                out = body or b""
            elif parts[1] == "099":
                out = b"HTTP/1.1 099 X\r\nContent-Length: 2\r\n\r\nhi"
            else:
                out = b"\x00\x01\xff\x1b]0;owned\x07 garbage\r\n\r\n"
            self.wfile.write(out)
            self.wfile.flush()
            self.close_connection = True
        elif kind == "stall":
            self.log_request_json(0)
            self.connection.settimeout(0.1)
            release = os.path.join(DOCS, "release")
            while not os.path.exists(release):
                try:
                    if self.connection.recv(1) == b"":
                        break
                except socket.timeout:
                    continue
            self.close_connection = True
        elif kind == "bomb":
            self.send(200, bomb_body(), {"Content-Encoding": "gzip"})
        elif kind in ("br", "truncbr"):
            z, etag, lm = self.doc(name + ".br")
            if z is None:
                self.send(404, b"<h1>no such document</h1>",
                          ctype="text/html")
                return
            if kind == "truncbr":
                z = z[:len(z) // 2]
            self.send(200, z, {"Content-Encoding": "br", "ETag": etag,
                               "Last-Modified": lm})
        else:
            self.send(404, b"<h1>unknown scenario</h1>", ctype="text/html")

    do_HEAD = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


def main():
    global DOCS, LOG
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", required=True)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--log", required=True)
    args = ap.parse_args()
    DOCS = args.docs
    LOG = args.log
    open(LOG, "a").close()
    srv = Server(("127.0.0.1", 0), Handler)
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
