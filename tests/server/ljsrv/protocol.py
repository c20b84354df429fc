"""Dispatch of protocol requests for both interfaces and both flavours (REFERENCE §1-3).

Each mode is one function taking (ctx, request) with the request in XML-RPC shape and returning the
XML-RPC result (or raising ProtocolError). The flat interface wraps them like the real servers do:
``upgrade_flat_request`` turns flat keys into the XML-RPC shape (user -> username, prop_X -> props,
numbered keys -> lists) and a per-mode ``flat_*`` function flattens the result.
"""

import hashlib

from . import flatcodec, xmlrpccodec
from . import modes_account as acct
from . import modes_entries as ent
from . import modes_circle as dw
from . import modes_friends as fr
from . import modes_sync as sync
from .app import Context
from .errors import ProtocolError, ServerDie, error_text
from .text import canonical_username


class Mode:
    def __init__(self, handler, flat=None, flat_request=None, flat_quirk=None, sites=None):
        self.handler = handler
        self.flat = flat or (lambda result, req: dict(result))
        self.flat_request = flat_request
        self.flat_quirk = flat_quirk      # sessiongenerate/sessionexpire report success=OK on failure
        self.sites = sites                # {"lj": {"flat", "xmlrpc"}, "dw": {...}}


BOTH = {"flat", "xmlrpc"}
ALL = {"lj": BOTH, "dw": BOTH}


def _commands_from_flat(req):
    req["commands"] = [req.get("command", "")]


MODES = {
    "getchallenge": Mode(acct.getchallenge, sites=ALL),
    "login": Mode(acct.login, flat=acct.flat_login, sites=ALL),
    "postevent": Mode(ent.postevent, sites=ALL),
    "editevent": Mode(ent.editevent, sites=ALL),
    "getevents": Mode(sync.getevents, flat=sync.flat_getevents, sites=ALL),
    "syncitems": Mode(sync.syncitems, flat=sync.flat_syncitems, sites=ALL),
    "getdaycounts": Mode(ent.getdaycounts, flat=ent.flat_getdaycounts, sites=ALL),
    "getusertags": Mode(ent.getusertags, flat=ent.flat_getusertags, sites=ALL),
    "sessiongenerate": Mode(acct.sessiongenerate, flat_quirk="sessiongenerate", sites=ALL),
    "sessionexpire": Mode(acct.sessionexpire, flat_request=acct.flat_sessionexpire_request,
                          flat_quirk="sessionexpire", sites=ALL),
    "consolecommand": Mode(acct.consolecommand, flat=acct.flat_consolecommand,
                           flat_request=_commands_from_flat, sites=ALL),
    "getfriends": Mode(fr.getfriends, flat=fr.flat_getfriends, sites=ALL),
    "friendof": Mode(fr.friendof, flat=fr.flat_friendof, sites=ALL),
    "checkfriends": Mode(fr.checkfriends, flat=fr.flat_checkupdates, sites=ALL),
    "getfriendgroups": Mode(fr.getfriendgroups, flat=fr.flat_getfriendgroups, sites={"lj": BOTH}),
    "editfriends": Mode(fr.editfriends, flat=fr.flat_editfriends, flat_request=fr.flat_editfriends_request,
                        sites={"lj": BOTH}),
    "editfriendgroups": Mode(fr.editfriendgroups, flat_request=fr.flat_editfriendgroups_request,
                             sites={"lj": BOTH}),
    "uploadpic": Mode(acct.uploadpic, sites={"lj": {"flat"}}),
    # Dreamwidth
    "checkforupdates": Mode(dw.checkforupdates, flat=fr.flat_checkupdates, sites={"dw": BOTH}),
    "gettrustgroups": Mode(dw.gettrustgroups, flat=dw.flat_gettrustgroups, sites={"dw": BOTH}),
    "getreadpage": Mode(dw.getreadpage, flat=dw.flat_getreadpage, sites={"dw": BOTH}),
    "getcircle": Mode(dw.getcircle, sites={"dw": {"xmlrpc"}}),
    "editcircle": Mode(dw.editcircle, sites={"dw": {"xmlrpc"}}),
}

# Modes Dreamwidth still dispatches but retired: 504 (REFERENCE §3.0).
DW_DEPRECATED = {
    "getfriendgroups": None,
    "editfriends": None,
    "editfriendgroups": None,
    "getfriendspage": "Use 'getreadpage' instead.",
}


def find_mode(flavor, interface, name):
    if flavor == "dw" and name in DW_DEPRECATED:
        return Mode(dw.deprecated(DW_DEPRECATED[name]), sites={"dw": BOTH})
    mode = MODES.get(name)
    if mode is None or interface not in mode.sites.get(flavor, ()):
        return None
    return mode


def mode_names(flavor, interface):
    names = [n for n in MODES if find_mode(flavor, interface, n)]
    if flavor == "dw":
        names += [n for n in DW_DEPRECATED if n not in names]
    return sorted(names)


# ---------------------------------------------------------------------------------------------
# flat

def upgrade_flat_request(params):
    """Flat keys -> the XML-RPC request shape (LJ::Protocol::upgrade_request)."""
    req = dict(params)
    if "user" in params:
        req["username"] = params["user"]
    props = {k[5:]: v for k, v in params.items() if k.startswith("prop_")}
    if props:
        req["props"] = props
    return req


def _with_version(req):
    """``version`` is an alias of ``ver`` (REFERENCE §1.4)."""
    if req.get("ver") in (None, "") and req.get("version") not in (None, ""):
        req["ver"] = req["version"]
    return req


def flat_mode_name(params):
    return params.get("mode", "")


POST_MODES = ("postevent", "editevent")


def request_summary(mode, req):
    """What tells two posts apart in the request log and the arrival counts: ``subject``, ``itemid``,
    ``usejournal`` and ``event_md5`` (the first 12 hex digits of the MD5 of the event text's bytes as
    received, after URL/XML decoding, before any line-ending conversion). Empty for other modes."""
    if mode not in POST_MODES or not isinstance(req, dict):
        return {}

    def text(value):
        if isinstance(value, bytes):
            return value.decode("utf-8", "surrogateescape")
        return value if isinstance(value, str) else None

    event = req.get("event")
    if isinstance(event, str):
        event = event.encode("utf-8", "surrogateescape")
    itemid = text(req.get("itemid")) if not isinstance(req.get("itemid"), int) else str(req.get("itemid"))
    return {
        "subject": text(req.get("subject")),
        "itemid": int(itemid) if itemid is not None and itemid.strip().lstrip("-").isdigit() else itemid,
        "usejournal": text(req.get("usejournal")),
        "event_md5": hashlib.md5(event).hexdigest()[:12] if isinstance(event, bytes) else None,
    }


class Outcome:
    """What the HTTP layer sends: status, content type, body; plus a summary for the request log."""

    def __init__(self, status, content_type, body, mode="", result="ok"):
        self.status = status
        self.content_type = content_type
        self.body = body
        self.mode = mode
        self.result = result


def flat_content_type(flavor):
    return "text/plain; charset=utf-8" if flavor == "dw" else "text/plain"


def handle_flat(app, params, headers, client_ip, web=None, transform=None):
    """Process a decoded flat request; returns an Outcome. ``transform(result)``, if given, may change
    a successful result before it is rendered (faults)."""
    flavor = app.flavor
    ctype = flat_content_type(flavor)
    mode_name = flat_mode_name(params)

    def fail(text, result):
        return Outcome(200, ctype, _flat_body(params, {"success": "FAIL", "errmsg": text}), mode_name, result)

    if not mode_name:
        return fail("Client error: No mode specified.", "no-mode")
    if mode_name != "getchallenge":
        if canonical_username(params.get("user")) is None:
            return fail("Client error: No username sent.", "no-user")
    mode = find_mode(flavor, "flat", mode_name)
    if mode is None:
        return fail("Client error: Unknown mode (%s)" % mode_name, "unknown-mode")
    req = upgrade_flat_request(params)
    if mode.flat_request:
        mode.flat_request(req)
    try:
        with app.lock:
            # The request's time is read under the lock, so itemids and logtimes grow together.
            ctx = Context(app, "flat", client_ip, headers, web)
            result = mode.handler(ctx, _with_version(req))
        if transform is not None:
            result = transform(result)
        out = mode.flat(result, req)
        out["success"] = "OK"
        return Outcome(200, ctype, _flat_body(params, out), mode_name, "ok")
    except ProtocolError as exc:
        text = exc.text(flavor)
        if mode.flat_quirk:
            # The real flat wrappers set FAIL and errmsg, then fall through and overwrite success
            # with OK (transcripts flat/022; REFERENCE §3.12).
            out = {"errmsg": text, "success": "OK"}
            if mode.flat_quirk == "sessiongenerate":
                out["ljsession"] = ""
            return Outcome(200, ctype, _flat_body(params, out), mode_name, exc.code)
        return fail(text, exc.code)
    except ServerDie as die:
        return Outcome(500, "text/plain", die.flat_body, mode_name, "die")


def _flat_body(params, pairs):
    if params.get("responseenc") == "urlenc":
        return flatcodec.encode_urlenc(pairs)
    return flatcodec.encode_response(pairs)


# ---------------------------------------------------------------------------------------------
# XML-RPC

PREFIX = "LJ.XMLRPC."


def xmlrpc_mode_name(method):
    return method[len(PREFIX):] if method.startswith(PREFIX) else method


def handle_xmlrpc(app, method, params, headers, client_ip, web=None, transform=None):
    """Process a parsed XML-RPC call; returns an Outcome (faults are HTTP 200, REFERENCE §1.3).
    ``transform`` as for handle_flat."""
    flavor = app.flavor
    name = xmlrpc_mode_name(method)

    def fault(code, text, result):
        return Outcome(200, "text/xml", xmlrpccodec.encode_fault(code, text), name, result)

    if not method.startswith(PREFIX):
        return fault("Client", "Failed to locate method (%s) in class" % method, "bad-method")
    if ":" in name or "'" in name:
        return fault("Client", "Access denied", "bad-method")
    mode = find_mode(flavor, "xmlrpc", name)
    if mode is None:
        return fault(201, error_text(201, None, flavor), 201)
    if len(params) > 1:
        return fault(202, error_text(202, None, flavor), 202)
    req = params[0] if params and isinstance(params[0], dict) else {}
    try:
        with app.lock:
            ctx = Context(app, "xmlrpc", client_ip, headers, web)
            result = mode.handler(ctx, _with_version(dict(req)))
    except ProtocolError as exc:
        return fault(exc.code, exc.text(flavor), exc.code)
    except ServerDie as die:
        return fault("Server", die.message, "die")
    if transform is not None:
        result = transform(result)
    forced = xmlrpccodec.DW_FORCED_STRING_KEYS if flavor == "dw" else frozenset()
    return Outcome(200, "text/xml", xmlrpccodec.encode_response(result, forced), name, "ok")
