"""Authentication (REFERENCE §2) and the journal-access rule for ``usejournal`` (§1.5).

Methods: ``clear`` (password / hpassword), ``challenge`` (getchallenge tokens: single use, 60 s,
105 when expired, 101 when reused or forged), ``cookie`` (``X-LJ-Auth: cookie`` plus an ``ljsession``
cookie from sessiongenerate). Dreamwidth checks API keys where classic LiveJournal checks the
password: a DW account's password, any of its API keys or the MD5 of an API key pass clear auth,
and only API keys pass challenge/response (transcripts flat/010-016).

Failed logins are counted per (user, client IP); the failure that makes the count exceed 3 within 5
minutes still answers 101 and stalls that user+IP for 5 minutes, during which every attempt, even
with the right password, answers 402 (transcripts flat/018-020, xmlrpc/014-016).
"""

import hashlib
import hmac
import secrets
import string

from .cookies import find_session, parse_cookie_header, session_string
from .errors import ProtocolError, ServerDie
from .text import canonical_username, md5_hex

CHALLENGE_LIFETIME = 60
FAILED_LOGINS_ALLOWED = 3
FAILED_LOGIN_PERIOD = 300
SESSION_LENGTH = {"short": 36 * 3600, "long": 60 * 86400, "once": 2 * 3600}

_ALNUM = string.ascii_letters + string.digits


def random_token(length):
    return "".join(secrets.choice(_ALNUM) for _ in range(length))


class AuthState:
    """In-memory authentication state: challenge secret and use counts, failed-login windows."""

    def __init__(self):
        self.secret = secrets.token_hex(16)
        self.challenge_uses = {}      # challenge -> times checked
        self.challenge_hours = {}     # hour start (the challenge's own) -> [challenges], for pruning
        self.failures = {}            # (userid, ip) -> [unix times]
        self.stalled_until = {}       # (userid, ip) -> unix time

    # challenges --------------------------------------------------------------------------------
    def make_challenge(self, now):
        hour_start = now - now % 3600
        body = "c0:%d:%d:%d:%s" % (hour_start, now - hour_start, CHALLENGE_LIFETIME, random_token(20))
        return body + ":" + self._sign(body)

    def _sign(self, body):
        return hmac.new(self.secret.encode(), body.encode("utf-8", "surrogateescape"), hashlib.md5).hexdigest()

    def check_challenge(self, challenge, now):
        """None if usable, else the error code: 101 forged/malformed/reused, 105 expired. Every check
        of a well-formed challenge consumes it (DW::Auth::Challenge::check)."""
        parts = challenge.split(":")
        if len(parts) != 6 or parts[0] != "c0":
            return 101
        body = ":".join(parts[:5])
        if not hmac.compare_digest(self._sign(body), parts[5]):
            return 101
        try:
            hour = int(parts[1])
            server_time = hour + int(parts[2])
            goodfor = int(parts[3])
        except ValueError:
            return 101
        self._prune_challenges(now)
        uses = self.challenge_uses.get(challenge, 0) + 1
        self.challenge_uses[challenge] = uses
        if uses == 1:
            self.challenge_hours.setdefault(hour, []).append(challenge)
        if now - server_time >= goodfor:
            return 105
        if uses > 1:
            return 101
        return None

    def _prune_challenges(self, now):
        """Forget the use counts of challenges issued in hours that ended more than an hour ago (every
        challenge lives 60 s; an expired one answers 105 whatever its count). Each challenge is dropped
        once, so a check costs O(1) amortised however many challenges were issued."""
        if len(self.challenge_hours) < 3:
            return
        for hour in [h for h in self.challenge_hours if h + 7200 <= now]:
            for chal in self.challenge_hours.pop(hour):
                self.challenge_uses.pop(chal, None)

    # failed logins -----------------------------------------------------------------------------
    def is_stalled(self, userid, ip, now):
        return self.stalled_until.get((userid, ip), 0) > now

    def record_failure(self, userid, ip, now):
        key = (userid, ip)
        recent = [t for t in self.failures.get(key, []) if now - t < FAILED_LOGIN_PERIOD]
        recent.append(now)
        self.failures[key] = recent
        if len(recent) > FAILED_LOGINS_ALLOWED:
            self.stalled_until[key] = now + FAILED_LOGIN_PERIOD


def load_user(db, name):
    return db.one("SELECT * FROM users WHERE user = ?", (name,))


def api_keys(db, userid):
    return [r[0] for r in db.all("SELECT apikey FROM apikeys WHERE userid = ?", (userid,))]


def authenticate(ctx, req):
    """Run the request's auth method; return the user row or raise ProtocolError."""
    username = req.get("username")
    if not username:
        raise ProtocolError(200)
    canon = canonical_username(username)
    if canon is None:
        raise ProtocolError(100)
    db = ctx.app.db
    user = load_user(db, canon)
    if user is None or user["statusvis"] == "X":
        raise ProtocolError(100)
    method = (req.get("auth_method") or "clear")
    if not isinstance(method, str):
        method = "clear"
    now = ctx.now
    ip = ctx.client_ip
    state = ctx.app.auth
    dw = ctx.flavor == "dw"

    if method == "cookie":
        # A failed cookie authentication is not a failed login (no count, no stall; cookies/054-060).
        if (ctx.headers.get("X-LJ-Auth") or "").strip().lower() != "cookie":
            raise ProtocolError(101)
        web = getattr(ctx, "web", None)
        if web is not None:
            row = web.session_for(user["userid"])
        else:
            row = find_session(ctx.app, parse_cookie_header(ctx.headers.get("Cookie")), ctx.client_ip, ctx.now,
                               user["userid"])
        if row is None:
            raise ProtocolError(101)
        if web is not None:
            web.authenticated(row)
        return user

    if method == "challenge":
        secrets_ = api_keys(db, user["userid"]) if dw else [user["password"]]
        if dw and not secrets_:
            raise ProtocolError(101)
        if state.is_stalled(user["userid"], ip, now):
            raise ProtocolError(402)
        problem = state.check_challenge(_text(req.get("auth_challenge")), now)
        if problem is not None:
            raise ProtocolError(problem)
        chal = _text(req.get("auth_challenge"))
        response = _text(req.get("auth_response")).lower()
        if user["journaltype"] == "P" and user["password"] and any(
                md5_hex(chal + md5_hex(secret)) == response for secret in secrets_):
            return user
        state.record_failure(user["userid"], ip, now)
        raise ProtocolError(101)

    if method != "clear":
        raise ProtocolError(101)
    if state.is_stalled(user["userid"], ip, now):
        raise ProtocolError(402)
    if user["journaltype"] == "P" and user["password"] and _clear_ok(db, user, req, dw):
        return user
    state.record_failure(user["userid"], ip, now)
    raise ProtocolError(101)


def _text(value):
    return value if isinstance(value, str) else ""


def _clear_ok(db, user, req, dw):
    password = _text(req.get("password"))
    hpassword = _text(req.get("hpassword")).lower()
    if dw:
        # DW::Auth::Password: only one value is looked at: password if present, else hpassword.
        value = password if password else hpassword
        if not value:
            return False
        if value == user["password"]:
            return True
        for key in api_keys(db, user["userid"]):
            if value == key or value.lower() == md5_hex(key):
                return True
        return False
    # lj-r26 LJ::auth_okay: hpassword = md5_hex(password), or the clear password.
    if hpassword and hpassword == md5_hex(user["password"]):
        return True
    return bool(password) and password == user["password"]


# sessions ----------------------------------------------------------------------------------------

def session_cookie(userid, sessid, auth):
    return session_string(userid, sessid, auth)


# journal access ----------------------------------------------------------------------------------

CAN_POST_TO_DIE = "Invalid users passed to LJ::User->can_post_to. at <LJHOME>/cgi-bin/LJ/Protocol.pm line 3428.\n"


def is_member(db, commid, userid):
    return db.one("SELECT admin FROM members WHERE commid = ? AND userid = ?", (commid, userid)) is not None


def is_admin(db, commid, userid):
    row = db.one("SELECT admin FROM members WHERE commid = ? AND userid = ?", (commid, userid))
    return bool(row and row["admin"])


def can_post_to(db, user, owner):
    if owner["userid"] == user["userid"]:
        return True
    if owner["journaltype"] == "C":
        return is_member(db, owner["userid"], user["userid"])
    return False


def check_altusage(ctx, req, user, ignore_canuse=False):
    """Resolve ``usejournal`` (REFERENCE §1.5): returns the journal owner row. 206 for an invalid
    name, 300 without posting access. The dw flavour reproduces the real server's die for a valid
    but unknown name (transcripts flat/082, xmlrpc/054-055)."""
    alt = req.get("usejournal")
    if not alt or not isinstance(alt, str):
        return user
    canon = canonical_username(alt)
    if canon is None:
        raise ProtocolError(206)
    owner = load_user(ctx.app.db, canon)
    if owner is None:
        if ignore_canuse:
            return None
        if ctx.flavor == "dw":
            raise ServerDie(CAN_POST_TO_DIE,
                            b"Error: " + CAN_POST_TO_DIE.rstrip("\n").encode() + b" @ vm")
        raise ProtocolError(206)
    if ignore_canuse or can_post_to(ctx.app.db, user, owner):
        return owner
    raise ProtocolError(300)
