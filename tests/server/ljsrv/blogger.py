"""The Blogger API 1.0 as classic LiveJournal served it at ``/interface/blogger`` (REFERENCE §7.1-7.2;
lj flavour only, Dreamwidth has no such route).

Every method takes positional XML-RPC parameters. The ones that touch entries are thin wrappers that
build a protocol request (``ver=1``, clear password) and call the normal mode over the same entry
store, so a Blogger post is an ordinary entry for flat/XML-RPC clients and the other way round:

* ``newPost``     -> postevent (``tz=guess``, ``usejournal=blogid`` when blogid differs from username)
* ``editPost``    -> editevent (postId ``^[\\w-]+:\\d+$``)
* ``deletePost``  -> editevent with an empty body
* ``getRecentPosts`` -> getevents ``lastn`` (numberOfPosts clamped to 1-50)
* ``getPost``     -> getevents ``one`` (postId ``^\\w+:\\d+$``: no hyphen)
* ``getUsersBlogs``, ``getUserInfo``: direct lookups, clear password only
* ``getTemplate``, ``setTemplate``: always a fault

Protocol errors become faults with the numeric faultCode and the flat errmsg text; the wrapper's own
failures are Perl ``die``s, i.e. faults with the string faultCode ``Server`` and the die text, which
ends in a newline as in the real server's faults (transcripts xmlrpc/054).

Content mapping (Blogger 1.0 has no title): ``<title>SUBJECT</title>`` plus ``lj-mood:``/``lj-music:``
header lines, see ``deserialize`` and ``serialize``.
"""

import hashlib
import re

from . import modes_entries as ent
from . import modes_sync as sync
from . import xmlrpccodec
from .app import Context
from .auth import load_user
from .errors import ProtocolError, ServerDie, error_text
from .text import PERL_SPACE, canonical_username, from_bytes, perl_trim, to_bytes

PREFIX = "blogger."
PACKAGE = "Apache::LiveJournal::Interface::Blogger"
SITENAME = "LiveJournal.com"           # $LJ::SITENAME of the site the lj flavour stands in for
TEMPLATE_FAULT = ("%s doesn't support Blogger Templates.  To customize your journal, visit %s/customize/"
                  % (SITENAME, SITENAME))
RECENT_MIN, RECENT_MAX = 1, 50

# The methods whose requests are counted as arrivals (README "Control API", arrivals) and summarised in
# the request log like postevent/editevent.
POST_METHODS = ("blogger.newPost", "blogger.editPost", "blogger.deletePost")

# Position of the username among each method's parameters (for the request log).
_USER_INDEX = {"newPost": 2, "editPost": 2, "deletePost": 2, "getRecentPosts": 2, "getPost": 2,
               "getUsersBlogs": 1, "getUserInfo": 1}

_SPACE = "[" + re.escape(PERL_SPACE) + "]"
_TITLE = re.compile(r"<title>(.*?)</title>")
_MOOD = re.compile(r"(^|\n)lj-mood:" + _SPACE + r"*(.*)\n", re.I)
_MUSIC = re.compile(r"(^|\n)lj-music:" + _SPACE + r"*(.*)\n", re.I)
# Perl's ``$`` also matches before a final newline, as Python's does without re.MULTILINE.
_EDIT_POSTID = re.compile(r"^([A-Za-z0-9_-]+):([0-9]+)$")
_GET_POSTID = re.compile(r"^([A-Za-z0-9_]+):([0-9]+)$")
_PERL_NUMBER = re.compile(_SPACE + r"*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)")


class BloggerDie(Exception):
    """A plain ``die`` in the Blogger wrapper: a fault with faultCode "Server" and the die text."""

    def __init__(self, text):
        super().__init__(text)
        self.text = text


# content mapping ---------------------------------------------------------------------------------

def deserialize(content):
    """blogger_deserialize: (subject or None, body, props). The first ``<title>...</title>`` on one line
    anywhere becomes the subject and is cut out; then a line ``lj-mood: ...`` (at the start or after a
    newline, case-insensitive, ending in a newline) becomes current_mood and is cut out together with
    the newline before it, the same for ``lj-music:``; the rest, trimmed, is the body."""
    subject = None
    props = {}
    m = _TITLE.search(content)
    if m:
        subject = m.group(1)
        content = content[:m.start()] + content[m.end():]
    for name, pattern in (("current_mood", _MOOD), ("current_music", _MUSIC)):
        m = pattern.search(content)
        if m:
            props[name] = m.group(2)
            content = content[:m.start()] + content[m.end():]
    return subject, perl_trim(content), props


def _perl_true(value):
    return value is not None and value != "" and value != "0"


def serialize(event):
    """blogger_serialize of a getevents event: ``<title>SUBJECT</title>`` (no newline after it), then
    ``lj-mood: MOOD\\n`` and ``lj-music: MUSIC\\n`` when set, one ``\\n`` if any header was written, then
    the body (with getevents' default CRLF line endings)."""
    props = event.get("props") or {}
    header = ""
    if _perl_true(event.get("subject")):
        header += "<title>%s</title>" % event["subject"]
    if _perl_true(props.get("current_mood")):
        header += "lj-mood: %s\n" % props["current_mood"]
    if _perl_true(props.get("current_music")):
        header += "lj-music: %s\n" % props["current_music"]
    return (header + "\n" if header else "") + event.get("event", "")


def iso_date(eventtime):
    """mysql_date_to_iso: "YYYY-MM-DD HH:MM:SS" -> "YYYYMMDDTHH:MM:SS" (sent as dateTime.iso8601 by the
    content-based typing of the serializer)."""
    return eventtime.replace(" ", "T", 1).replace("-", "")


def _post_struct(journal, event):
    return {"content": serialize(event),
            "userID": event.get("poster") or journal,
            "postId": "%s:%s" % (journal or "", event["itemid"]),
            "dateCreated": iso_date(event["eventtime"])}


# parameters ---------------------------------------------------------------------------------------

def _arg(params, index):
    """Positional parameter ``index`` as Perl sees it: a string, or None (undef) when missing or nil.
    A struct or array where a string belongs is no string the wrapper could use: ""."""
    if index >= len(params) or params[index] is None:
        return None
    value = params[index]
    return value if isinstance(value, str) else ""


def _perl_int(value):
    """Perl's int() of a string: the leading number (with fraction/exponent), truncated; else 0."""
    m = _PERL_NUMBER.match(value or "")
    if not m:
        return 0
    try:
        number = float(m.group(1))
    except (OverflowError, ValueError):
        return 0
    if number != number or number in (float("inf"), float("-inf")):
        return RECENT_MAX if number > 0 else 0
    return int(number)


def _base_request(journal, user, password):
    """The protocol request every wrapper starts from: ``usejournal`` only when the journal named
    differs (as a string) from the username sent."""
    req = {"ver": "1", "username": user, "password": password}
    if journal != user and journal is not None:
        req["usejournal"] = journal
    return req


# methods ----------------------------------------------------------------------------------------

def new_post(ctx, params):
    journal, user, password, content = (_arg(params, i) for i in (1, 2, 3, 4))
    subject, body, props = deserialize(content or "")
    req = _base_request(journal, user, password)
    req.update({"event": body, "props": props, "tz": "guess"})
    if subject is not None:
        req["subject"] = subject
    result = ent.postevent(ctx, req)
    return "%s:%d" % (journal or "", result["itemid"])


def edit_post(ctx, params, content=None):
    postid, user, password = (_arg(params, i) for i in (1, 2, 3))
    m = _EDIT_POSTID.match(postid or "")
    if not m:
        raise BloggerDie("Invalid postid\n")
    if content is None:
        content = _arg(params, 4) or ""
    subject, body, props = deserialize(content)
    req = _base_request(m.group(1), user, password)
    req.update({"event": body, "props": props, "itemid": m.group(2)})
    if subject is not None:
        req["subject"] = subject
    ent.editevent(ctx, req)
    return 1


def delete_post(ctx, params):
    return edit_post(ctx, params, content="")


def get_recent_posts(ctx, params):
    journal, user, password, count = (_arg(params, i) for i in (1, 2, 3, 4))
    howmany = min(max(_perl_int(count), RECENT_MIN), RECENT_MAX)
    req = _base_request(journal, user, password)
    req.update({"selecttype": "lastn", "howmany": str(howmany)})
    return [_post_struct(journal, event) for event in sync.getevents(ctx, req)["events"]]


def get_post(ctx, params):
    postid, user, password = (_arg(params, i) for i in (1, 2, 3))
    m = _GET_POSTID.match(postid or "")
    if not m:
        raise BloggerDie("Invalid postid\n")
    journal = m.group(1)
    req = _base_request(journal, user, password)
    req.update({"selecttype": "one", "itemid": m.group(2)})
    events = sync.getevents(ctx, req)["events"]
    if not events:
        raise BloggerDie("Post not found\n")
    return _post_struct(journal, events[0])


def _direct_login(ctx, user, password):
    """LJ::load_user + LJ::auth_okay with the clear password only (no hpassword, challenge or
    cookie): "Invalid login" for an unknown user, a wrong password or a stalled user+IP (LJ's
    login_ip_banned); a wrong password counts as a failed login like the protocol's."""
    canon = canonical_username(user or "")
    row = load_user(ctx.app.db, canon) if canon else None
    if row is None:
        raise BloggerDie("Invalid login\n")
    state = ctx.app.auth
    if state.is_stalled(row["userid"], ctx.client_ip, ctx.now):
        raise BloggerDie("Invalid login\n")
    if not row["password"]:
        raise BloggerDie("Invalid login\n")       # no password (a community): refused, not counted
    if (password or "") != row["password"]:
        state.record_failure(row["userid"], ctx.client_ip, ctx.now)
        raise BloggerDie("Invalid login\n")
    return row


def _journal_url(ctx, name):
    return "%s/~%s/" % (ctx.app.site_url, name)


def get_users_blogs(ctx, params):
    user = _direct_login(ctx, _arg(params, 1), _arg(params, 2))
    rows = [user] + ctx.app.db.all(
        "SELECT u.* FROM members m JOIN users u ON u.userid = m.commid "
        "WHERE m.userid = ? AND u.statusvis = 'V' ORDER BY u.user", (user["userid"],))
    return [{"url": _journal_url(ctx, row["user"]), "blogid": row["user"], "blogName": from_bytes(row["name"])}
            for row in rows]


def get_user_info(ctx, params):
    user = _direct_login(ctx, _arg(params, 1), _arg(params, 2))
    name = from_bytes(user["name"])
    # This server keeps no e-mail addresses and no "url" user prop: email is empty, url undef.
    return {"userid": user["userid"], "nickname": user["user"], "firstname": name, "lastname": name,
            "email": "", "url": None}


def template(ctx, params):
    raise BloggerDie(TEMPLATE_FAULT)


METHODS = {
    "newPost": new_post,
    "editPost": edit_post,
    "deletePost": delete_post,
    "getUsersBlogs": get_users_blogs,
    "getRecentPosts": get_recent_posts,
    "getPost": get_post,
    "getUserInfo": get_user_info,
    "getTemplate": template,
    "setTemplate": template,
}


def method_names():
    return sorted(PREFIX + name for name in METHODS)


# request summary (request log, arrivals) ------------------------------------------------------------

def request_user(method, params):
    index = _USER_INDEX.get(method[len(PREFIX):]) if method.startswith(PREFIX) else None
    if index is None:
        return None
    return _arg(params, index)


def request_summary(method, params):
    """For newPost/editPost/deletePost, what tells two posts apart, like postevent's: ``subject`` (the
    ``<title>`` found in the content, null without one), ``itemid`` (from the postId; null for newPost
    or a postId that does not parse), ``usejournal`` (the journal the wrapper passes on: the blogid or
    the postId's journal when it differs from the username, else null) and ``event_md5`` (first 12 hex
    digits of the MD5 of the ``content`` parameter as received, title and lj- lines included; deletePost
    sends "")."""
    if method not in POST_METHODS:
        return {}
    user = _arg(params, 2)
    if method == "blogger.newPost":
        journal, itemid, content = _arg(params, 1), None, _arg(params, 4) or ""
    else:
        m = _EDIT_POSTID.match(_arg(params, 1) or "")
        journal, itemid = (m.group(1), int(m.group(2))) if m else (None, None)
        content = "" if method == "blogger.deletePost" else _arg(params, 4) or ""
    subject = deserialize(content)[0]
    return {"subject": subject, "itemid": itemid,
            "usejournal": journal if journal is not None and journal != user else None,
            "event_md5": hashlib.md5(to_bytes(content)).hexdigest()[:12]}


# dispatch ---------------------------------------------------------------------------------------

class Outcome:
    """What the HTTP layer sends (same shape as protocol.Outcome)."""

    def __init__(self, status, content_type, body, mode="", result="ok"):
        self.status = status
        self.content_type = content_type
        self.body = body
        self.mode = mode
        self.result = result


def fault_outcome(method, code, text, result):
    return Outcome(200, "text/xml", xmlrpccodec.encode_fault(code, text), method, result)


def protocol_fault(app, method, code, detail=None):
    """A protocol error as the wrapper turns it into a fault (numeric code, flat errmsg text)."""
    return fault_outcome(method, code, error_text(code, detail, app.flavor), code)


def _transformed(result, transform):
    """Apply a fault's result change (huge_field's marker) also to the scalar results: newPost's postId
    is grown as the field ``postId``; editPost/deletePost's ``1`` has no string to grow."""
    if transform is None:
        return result
    if isinstance(result, (dict, list)):
        return transform(result)
    if isinstance(result, str):
        return transform({"postId": result})["postId"]
    return result


def handle(app, method, params, headers, client_ip, web=None, transform=None):
    """Process a parsed call to /interface/blogger; returns an Outcome (faults are HTTP 200)."""
    if ":" in method or "'" in method:
        return fault_outcome(method, "Client", "Access denied", "bad-method")
    name = method[len(PREFIX):] if method.startswith(PREFIX) else None
    handler = METHODS.get(name) if name else None
    if handler is None:
        shown = name if name else method
        return fault_outcome(method, "Client", "Failed to locate method (%s) in class (%s)" % (shown, PACKAGE),
                             "bad-method")
    try:
        with app.lock:
            ctx = Context(app, "blogger", client_ip, headers, web)
            result = handler(ctx, params)
    except ProtocolError as exc:
        return fault_outcome(method, exc.code, exc.text(app.flavor), exc.code)
    except BloggerDie as die:
        return fault_outcome(method, "Server", die.text, "die")
    except ServerDie as die:
        return fault_outcome(method, "Server", die.message, "die")
    return Outcome(200, "text/xml", xmlrpccodec.encode_response(_transformed(result, transform)), method, "ok")


# HTTP ----------------------------------------------------------------------------------------------

_XMLRPC_TYPES = re.compile(r"^(?:text/xml|multipart/(?:related|form-data)|application/soap\+xml|application/dime)")


def http_request(conn, request, web, place):
    """``POST /interface/blogger`` on the lj flavour: the same transport rules as /interface/xmlrpc
    (SOAP::Lite served both), then the request goes through the server's accounting, faults and
    fuzzing like any protocol request, with the interface name ``blogger`` and the method name
    (``blogger.newPost``) as its mode."""
    app = conn.server.app
    if request.method != "POST":
        return conn.app_empty(web, 405)
    ctype = (request.headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and not _XMLRPC_TYPES.match(ctype):
        app.count_request("blogger", "")
        text = ("Content-Type must be 'text/xml,' 'multipart/*,' 'application/soap+xml,' 'or "
                "'application/dime' instead of '%s'" % ctype)
        return conn.app_response(web, 200, "text/xml", xmlrpccodec.encode_fault("Client", text), soap=True)
    try:
        method, params = xmlrpccodec.parse_call(request.body)
    except xmlrpccodec.XmlRpcParseError as exc:
        app.count_request("blogger", "")
        return conn.app_response(web, 200, "text/xml", xmlrpccodec.encode_fault("Client", str(exc)), soap=True)
    return conn.protocol_request(
        request, web, place, "blogger", method, request_user(method, params), request_summary(method, params),
        lambda transform: handle(app, method, params, request.headers, conn.client_ip, web, transform),
        lambda code, detail: protocol_fault(app, method, code, detail))
