"""Cookies as the real servers send and read them (tests/data/transcripts-http, cookies/).

Reading (DW::Request / BML cookie parsing): the Cookie header lines are joined with ", ", split on ";"
and ",", leading white space is dropped (trailing white space stays part of the value), names and values
are URL-decoded. A name may occur several times.

Writing, dw flavour (every response the application produces; not Starman's or Plack's own answers):

* ``ljuniq=<15 alphanumerics>:<unix time>`` (URL-encoded: ``%3A``), ``path=/``, expires = now + 60 days
  in the short weekday form, ``SameSite=Lax``; host-only (no Domain). LJ::UniqCookie reads the value
  with ``/^([a-zA-Z0-9]{15}):(\\d+)(.+)$/`` - the ``(.+)`` takes the timestamp's last digit, so a cookie
  sent back as received always looks older than a day and is re-issued (same id, new time) on every
  response. Only a value with something after a complete, less than a day old timestamp (e.g.
  ``<id>:<now>x``) is left alone. A value that does not match gets a brand-new id.
* ``ljtrust=v1:u<userid>:t<hour>:g<40 hex>//`` (HttpOnly, 60 days, long weekday form) when the request
  carries a valid session cookie but no usable ljuniq - written before ljuniq (cookies/025, 031).
* Long-session renewal: a long session with less than 30 days left that authenticates a request is
  extended to 60 days, and the answer sets - after ljuniq - ``ljmastersession=<session>``,
  ``ljloggedin=u<userid>:s<sessid>`` (both HttpOnly, expiring with the session), deletes
  ``BMLschemepref`` (empty value, ``expires=Thursday, 01-Jan-1970 00:00:05 GMT``) and sets ljtrust
  (cookies/075).

lj flavour: ``ljuniq`` only (same code, LJ::UniqCookie came from LiveJournal), without ``SameSite``.
"""

import hashlib
import os
import re
import string
import urllib.parse

from .httpwire import cookie_date

SIXTY_DAYS = 60 * 86400
RENEW_BELOW = 30 * 86400
_UNIQ_RE = re.compile(r"^([a-zA-Z0-9]{15}):(\d+)(.+)$")
_ALNUM = string.ascii_letters + string.digits
SESSION_RE = re.compile(r"^v1:u(\d+):s(\d+):a([A-Za-z0-9]+)(?::f\w*)?//$")


def parse_cookie_header(value):
    """{name: [values]} from a (joined) Cookie header."""
    jar = {}
    if not value:
        return jar
    for part in re.split(r"[;,]", value):
        part = part.lstrip(" \t")
        if not part:
            continue
        name, sep, val = part.partition("=")
        if not sep:
            continue
        jar.setdefault(urllib.parse.unquote(name), []).append(urllib.parse.unquote(val))
    return jar


def _quote(value):
    return urllib.parse.quote(value, safe="")


def session_string(userid, sessid, auth):
    return "v1:u%d:s%d:a%s//" % (userid, sessid, auth)


def find_session(app, jar, client_ip, now, userid=None):
    """The first valid session the cookies name: ljmastersession with a matching ljloggedin first, then
    ljsession (REFERENCE §2.4). ``userid`` restricts the search to that user's sessions. Returns the
    sessions row or None. The caller holds app.lock."""
    candidates = []
    loggedin = jar.get("ljloggedin", [])
    for value in jar.get("ljmastersession", []):
        m = SESSION_RE.match(value)
        if m and "u%s:s%s" % (m.group(1), m.group(2)) in loggedin:
            candidates.append(m)
    for value in jar.get("ljsession", []):
        m = SESSION_RE.match(value)
        if m:
            candidates.append(m)
    for m in candidates:
        uid, sessid, auth = int(m.group(1)), int(m.group(2)), m.group(3)
        if userid is not None and uid != userid:
            continue
        row = app.db.one("SELECT * FROM sessions WHERE userid = ? AND sessid = ?", (uid, sessid))
        if row is None or row["auth"] != auth or row["expires"] <= now:
            continue
        if row["ipfixed"] and row["ipfixed"] != client_ip:
            continue
        return row
    return None


class WebRequest:
    """The cookie side of one request: what came in, and the Set-Cookie lines of the answer."""

    def __init__(self, app, headers, client_ip, now):
        self.app = app
        self.dw = app.flavor == "dw"
        self.client_ip = client_ip
        self.now = now
        self.jar = parse_cookie_header(headers.get("Cookie"))
        uniq = self.jar.get("ljuniq")
        self.uniq = _UNIQ_RE.match(uniq[0]) if uniq else None
        self.session = None          # the session the web layer recognises (any user)
        self.early = []              # Set-Cookie values written before ljuniq
        self.late = []               # ... and after it
        self.renewed = False
        if self.jar.get("ljsession") or self.jar.get("ljmastersession"):
            with app.lock:
                self.session = find_session(app, self.jar, client_ip, now)
        if self.dw and self.session is not None and self.uniq is None:
            self.early.append(self._trust_cookie(self.session["userid"]))

    # cookies -----------------------------------------------------------------------------------
    def _attrs(self, expires, long_weekday, http_only):
        attrs = "; path=/; expires=" + cookie_date(expires, long_weekday)
        if http_only:
            attrs += "; HttpOnly"
        if self.dw:
            attrs += "; SameSite=Lax"
        return attrs

    def _trust_cookie(self, userid):
        hour = self.now - self.now % 3600
        value = "v1:u%d:t%d:g%s//" % (userid, hour, hashlib.sha1(os.urandom(16)).hexdigest())
        return "ljtrust=" + _quote(value) + self._attrs(self.now + SIXTY_DAYS, True, True)

    def uniq_cookie(self):
        if self.uniq is not None and self.now - int(self.uniq.group(2)) < 86400:
            return None
        ident = self.uniq.group(1) if self.uniq is not None else "".join(self.app.rng.choices(_ALNUM, k=15))
        return "ljuniq=" + _quote("%s:%d" % (ident, self.now)) + self._attrs(self.now + SIXTY_DAYS, False, False)

    def set_cookies(self):
        uniq = self.uniq_cookie()
        return self.early + ([uniq] if uniq else []) + self.late

    # sessions ----------------------------------------------------------------------------------
    def session_for(self, userid):
        """The valid session of this user named by the cookies (protocol cookie auth). Caller holds
        app.lock."""
        return find_session(self.app, self.jar, self.client_ip, self.now, userid)

    def authenticated(self, row):
        """A session authenticated this request: renew a long one with less than 30 days left (LJ::Session
        try_renew) and send the master cookies. Caller holds app.lock."""
        if not self.dw or self.renewed or row["exptype"] != "long" or row["expires"] - self.now >= RENEW_BELOW:
            return
        self.renewed = True
        expires = self.now + SIXTY_DAYS
        self.app.db.execute("UPDATE sessions SET expires = ? WHERE userid = ? AND sessid = ?",
                            (expires, row["userid"], row["sessid"]))
        value = session_string(row["userid"], row["sessid"], row["auth"])
        self.late.append("ljmastersession=" + _quote(value) + self._attrs(expires, True, True))
        self.late.append("ljloggedin=" + _quote("u%d:s%d" % (row["userid"], row["sessid"]))
                         + self._attrs(expires, True, True))
        self.late.append("BMLschemepref=; path=/; expires=Thursday, 01-Jan-1970 00:00:05 GMT; SameSite=Lax")
        self.late.append(self._trust_cookie(row["userid"]))
