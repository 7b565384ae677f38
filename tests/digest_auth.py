"""digest_auth: HTTP Digest (RFC 7616, MD5) for the test servers,
tests/httpd.py and tests/greader.py: the challenge they send and the
check of the client's answer."""
import hashlib
import os


def md5(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def digest_ok(header, method, user, password, realm):
    """Check an RFC 7616 MD5 Digest answer (qop=auth or none)."""
    if not header or not header.startswith("Digest "):
        return False
    fields = {}
    for part in header[7:].split(","):
        if "=" in part:
            k, v = part.strip().split("=", 1)
            fields[k.strip()] = v.strip().strip('"')
    if fields.get("username") != user or fields.get("realm") != realm:
        return False
    ha1 = md5("%s:%s:%s" % (user, realm, password))
    ha2 = md5("%s:%s" % (method, fields.get("uri", "")))
    if fields.get("qop") == "auth":
        want = md5(":".join([ha1, fields.get("nonce", ""),
                             fields.get("nc", ""), fields.get("cnonce", ""),
                             "auth", ha2]))
    else:
        want = md5("%s:%s:%s" % (ha1, fields.get("nonce", ""), ha2))
    return fields.get("response") == want


def digest_challenge(realm):
    return ('Digest realm="%s", qop="auth", algorithm=MD5, nonce="%s"'
            % (realm, hashlib.sha1(os.urandom(8)).hexdigest()))
