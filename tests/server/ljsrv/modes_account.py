"""getchallenge, login, sessiongenerate, sessionexpire, consolecommand, uploadpic
(REFERENCE §2.3, §3.1, §3.2, §3.12-3.14, §3.16)."""

import base64
import hashlib
import struct

from . import console
from .auth import authenticate, random_token, session_cookie, SESSION_LENGTH
from .entries import perl_int
from .errors import ProtocolError
from .moods import MOODS
from .text import from_bytes, is_valid_utf8, to_bytes


def _true(value):
    return isinstance(value, str) and value not in ("", "0")


def getchallenge(ctx, req):
    now = ctx.now
    return {"challenge": ctx.app.auth.make_challenge(now), "server_time": now, "expire_time": now + 60,
            "auth_scheme": "c0"}


def _menus(ctx, user):
    """The default web menu (DW LJ::Protocol::hash_menus; DW answers site-relative URLs)."""
    root = "" if ctx.flavor == "dw" else ctx.app.site_url
    u = user["user"]
    return [
        {"text": "Recent Entries", "url": "%s/users/%s/" % (root, u)},
        {"text": "Calendar View", "url": "%s/users/%s/archive" % (root, u)},
        {"text": "Friends View", "url": "%s/users/%s/read" % (root, u)},
        {"text": "-", "url": None},
        {"text": "Your Profile", "url": "%s/profile?user=%s" % (root, u)},
        {"text": "-", "url": None},
        {"text": "Change Settings", "url": None, "sub": [
            {"text": "Personal Info", "url": "%s/manage/profile/" % root},
            {"text": "Customize Journal", "url": "%s/customize/" % root}]},
        {"text": "-", "url": None},
        {"text": "Support", "url": "%s/support/" % root},
    ]


def friend_groups(db, userid):
    return [{"id": r["id"], "name": from_bytes(r["name"]), "sortorder": r["sortorder"], "public": r["public"]}
            for r in db.all("SELECT * FROM groups WHERE userid = ? ORDER BY sortorder, id", (userid,))]


def _userpics(ctx, user):
    """(keywords, urls, default url) of the user's icons: keywords sorted case-insensitively, icons
    without a keyword listed as ``pic#<picid>``."""
    db = ctx.app.db
    entries = []
    with_kw = set()
    for row in db.all("SELECT keyword, picid FROM userpic_keywords WHERE userid = ?", (user["userid"],)):
        entries.append((from_bytes(row["keyword"]), row["picid"]))
        with_kw.add(row["picid"])
    for row in db.all("SELECT picid FROM userpics WHERE userid = ?", (user["userid"],)):
        if row["picid"] not in with_kw:
            entries.append(("pic#%d" % row["picid"], row["picid"]))
    entries.sort(key=lambda e: (e[0].lower(), e[0]))
    url = lambda picid: "%s/userpic/%d/%d" % (ctx.app.site_url, picid, user["userid"])
    default = db.value("SELECT picid FROM userpics WHERE userid = ? AND is_default = 1", (user["userid"],))
    return [e[0] for e in entries], [url(e[1]) for e in entries], (url(default) if default else None)


def login(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    ver = perl_int(req.get("ver"))
    clientversion = req.get("clientversion")
    if ver >= 1 and isinstance(clientversion, str) and not is_valid_utf8(clientversion):
        raise ProtocolError(208, "Bad clientversion string")
    res = {"fullname": from_bytes(user["name"]), "userid": user["userid"]}
    journals = [r[0] for r in db.all("SELECT u.user FROM members m JOIN users u ON u.userid = m.commid "
                                     "WHERE m.userid = ? ORDER BY u.user", (user["userid"],))]
    if journals or ctx.flavor == "dw":
        res["usejournals"] = journals
    res["friendgroups"] = [] if ctx.flavor == "dw" else friend_groups(db, user["userid"])
    if "getmoods" in req:
        since = perl_int(req.get("getmoods"))
        res["moods"] = [{"id": i, "name": n, "parent": p} for i, n, p in MOODS if i > since]
    if "getpickws" in req and _true(req.get("getpickws")):
        keywords, urls, default = _userpics(ctx, user)
        res["pickws"] = keywords
        if _true(req.get("getpickwurls")):
            res["pickwurls"] = urls
            res["defaultpicurl"] = default
    if _true(req.get("getmenus")):
        res["menus"] = _menus(ctx, user)
    if user["paid"]:
        res["fastserver"] = 1
    if ctx.flavor == "dw" and _true(req.get("getcaps")):
        res["caps"] = 10 if user["paid"] else 2
    return res


def flat_login(result, req):
    out = {"name": result["fullname"]}
    journals = result.get("usejournals", [])
    for n, journal in enumerate(journals, 1):
        out["access_%d" % n] = journal
    if journals:
        out["access_count"] = len(journals)
    maxnum = 0
    for group in result["friendgroups"]:
        gid = group["id"]
        out["frgrp_%d_name" % gid] = group["name"]
        out["frgrp_%d_sortorder" % gid] = group["sortorder"]
        if group["public"]:
            out["frgrp_%d_public" % gid] = 1
        maxnum = max(maxnum, gid)
    out["frgrp_maxnum"] = maxnum
    if result.get("moods"):
        for n, mood in enumerate(result["moods"], 1):
            out["mood_%d_id" % n] = mood["id"]
            out["mood_%d_name" % n] = mood["name"]
            out["mood_%d_parent" % n] = mood["parent"]
        out["mood_count"] = len(result["moods"])
    # pickw_count / pickwurl_count appear whenever the request carries the key, even "=0" (§3.2).
    if "getpickws" in req:
        for n, kw in enumerate(result.get("pickws", []), 1):
            out["pickw_%d" % n] = kw
        out["pickw_count"] = len(result.get("pickws", []))
    if "getpickwurls" in req:
        for n, url in enumerate(result.get("pickwurls", []), 1):
            out["pickwurl_%d" % n] = url
        out["pickwurl_count"] = len(result.get("pickwurls", []))
    if result.get("defaultpicurl"):
        out["defaultpicurl"] = result["defaultpicurl"]
    if "menus" in result:
        _flat_menu(out, result["menus"], [0])
    if result.get("fastserver"):
        out["fastserver"] = 1
    if "caps" in result:
        out["caps"] = result["caps"]
    if result.get("message"):
        out["message"] = result["message"]
    return out


def _flat_menu(out, items, counter, num=None):
    if num is None:
        num = 0
    for i, item in enumerate(items, 1):
        out["menu_%d_%d_text" % (num, i)] = item["text"]
        if item.get("url"):
            out["menu_%d_%d_url" % (num, i)] = item["url"]
        if item.get("sub"):
            counter[0] += 1
            sub = counter[0]
            out["menu_%d_%d_sub" % (num, i)] = sub
            _flat_menu(out, item["sub"], counter, sub)
    out["menu_%d_count" % num] = len(items)


def sessiongenerate(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    exptype = "long" if req.get("expiration") == "long" else "short"
    ipfixed = ctx.client_ip if _true(req.get("bindtoip")) else None
    with db.transaction():
        sessid = db.value("SELECT next_sessid FROM users WHERE userid = ?", (user["userid"],))
        auth = random_token(10)
        db.execute("INSERT INTO sessions (userid, sessid, auth, exptype, expires, ipfixed) VALUES (?, ?, ?, ?, ?, ?)",
                   (user["userid"], sessid, auth, exptype, ctx.now + SESSION_LENGTH[exptype], ipfixed))
        db.execute("UPDATE users SET next_sessid = ? WHERE userid = ?", (sessid + 1, user["userid"]))
    return {"ljsession": session_cookie(user["userid"], sessid, auth)}


def sessionexpire(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    with db.transaction():
        if _true(req.get("expireall")):
            db.execute("DELETE FROM sessions WHERE userid = ?", (user["userid"],))
        else:
            ids = req.get("expire")
            for sessid in ids if isinstance(ids, list) else []:
                db.execute("DELETE FROM sessions WHERE userid = ? AND sessid = ?", (user["userid"], perl_int(sessid)))
    return {}


def flat_sessionexpire_request(req):
    """flat ``expire_id_<sessid>=...`` keys -> the XML-RPC ``expire`` list."""
    req["expire"] = [k[len("expire_id_"):] for k in req if k.startswith("expire_id_")]


def consolecommand(ctx, req):
    """Authentication is optional: commands run as anonymous when it fails. XML-RPC still reports the
    authentication failure as a fault (after running the commands), flat does not (§3.14)."""
    remote = None
    auth_error = None
    try:
        remote = authenticate(ctx, req)
    except ProtocolError as exc:
        auth_error = exc
    commands = req.get("commands")
    results = []
    for command in commands if isinstance(commands, list) else []:
        success, lines = console.run(ctx, remote, command)
        results.append({"success": success, "output": [[t, text] for t, text in lines]})
    if auth_error is not None and ctx.interface == "xmlrpc":
        raise auth_error
    return {"results": results}


def flat_consolecommand(result, req):
    out = {}
    first = result["results"][0] if result["results"] else {"success": 1, "output": []}
    out["cmd_success"] = first["success"]
    for n, (kind, text) in enumerate(first["output"], 1):
        if kind:
            out["cmd_line_%d_type" % n] = kind
        out["cmd_line_%d" % n] = text
    out["cmd_line_count"] = len(first["output"])
    return out


# uploadpic (classic LiveJournal, flat only; seed 002) ---------------------------------------------

MAX_USERPIC_BYTES = 40 * 1024
MAX_USERPIC_SIZE = 100


def image_size(data):
    """(width, height) of a GIF, PNG or JPEG image, or None."""
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24 and data[12:16] == b"IHDR":
        return struct.unpack(">II", data[16:24])
    if data[:2] == b"\xff\xd8":
        i = 2
        while i + 9 < len(data):
            if data[i] != 0xFF:
                i += 1
                continue
            marker = data[i + 1]
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
                height, width = struct.unpack(">HH", data[i + 5:i + 9])
                return width, height
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                i += 2
                continue
            length = struct.unpack(">H", data[i + 2:i + 4])[0]
            i += 2 + length
    return None


def uploadpic(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    data = req.get("data") if isinstance(req.get("data"), str) else ""
    url = req.get("url") if isinstance(req.get("url"), str) else ""
    if bool(data) == bool(url):
        raise ProtocolError(200, "Either data or url must be given, but not both")
    if url:
        raise ProtocolError(203, "Fetching pictures by URL is not supported by this test server")
    raw = to_bytes(data)
    size = image_size(raw)
    if size is None:
        try:
            decoded = base64.b64decode(raw, validate=False)
        except ValueError:
            decoded = b""
        if image_size(decoded):
            raw, size = decoded, image_size(decoded)
    if size is None:
        raise ProtocolError(203, "Unsupported image format (GIF, PNG or JPEG expected)")
    if len(raw) > MAX_USERPIC_BYTES:
        raise ProtocolError(409, "Picture larger than 40 KB")
    width, height = size
    if width > MAX_USERPIC_SIZE or height > MAX_USERPIC_SIZE or width < 1 or height < 1:
        raise ProtocolError(203, "Picture dimensions must be at most 100x100")
    digest = hashlib.md5(raw).hexdigest()
    keywords = [k.strip() for k in (req.get("keywords") or "").split(",") if k.strip()] \
        if isinstance(req.get("keywords"), str) else []
    with db.transaction():
        picid = db.value("SELECT picid FROM userpics WHERE userid = ? AND md5 = ?", (user["userid"], digest))
        if picid is None:
            picid = db.execute("INSERT INTO userpics (userid, md5, width, height) VALUES (?, ?, ?, ?)",
                               (user["userid"], digest, width, height)).lastrowid
        for keyword in keywords:
            db.execute("INSERT OR REPLACE INTO userpic_keywords (userid, keyword, picid) VALUES (?, ?, ?)",
                       (user["userid"], to_bytes(keyword), picid))
        if _true(req.get("default")):
            db.execute("UPDATE userpics SET is_default = (picid = ?) WHERE userid = ?", (picid, user["userid"]))
    row = db.one("SELECT width, height FROM userpics WHERE picid = ?", (picid,))
    return {"picid": picid, "width": row["width"], "height": row["height"]}
