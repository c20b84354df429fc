"""Classic LiveJournal relationship modes (REFERENCE §3.9-3.11): getfriends, friendof, editfriends,
getfriendgroups, editfriendgroups, checkfriends, plus the update check shared with DW's checkforupdates.

A friend is a user you both trust (read access, with a group mask) and watch (reading list), so one
``edges`` row serves both sites. On Dreamwidth getfriends/friendof still dispatch but answer empty
lists (the friends tables are dropped); the other modes answer 504 there (see modes_circle.py).
"""

import re

from .auth import authenticate, load_user
from .clock import format_datetime
from .entries import perl_int
from .errors import ProtocolError
from .modes_account import friend_groups
from .text import canonical_username, from_bytes, to_bytes

LJ_MAX_GROUP = 30
DATE_PREFIX = re.compile(r"^\d\d\d\d-\d\d-\d\d \d\d:\d\d:\d\d")
COLOR_RE = re.compile(r"^#[0-9a-fA-F]{6}$")
NEVER = "0000-00-00 00:00:00"


def _true(value):
    return isinstance(value, str) and value not in ("", "0")


def _type_name(row):
    return {"C": "community", "Y": "syndicated", "N": "news", "S": "shared", "I": "identity"}.get(row["journaltype"])


def _friend_record(row, fg, bg, groupmask=None, dw_display=False):
    rec = {"username": row["user"], "fullname": row["user"] if dw_display else from_bytes(row["name"])}
    rec["fgcolor"], rec["bgcolor"] = fg, bg
    if groupmask is not None:
        rec["groupmask"] = groupmask
    if _type_name(row):
        rec["type"] = _type_name(row)
    if row["statusvis"] != "V":
        rec["status"] = {"D": "deleted", "S": "suspended", "X": "purged"}.get(row["statusvis"], "deleted")
    return rec


# ---------------------------------------------------------------------------------------------
# classic LiveJournal

def _friends(db, userid, limit=0):
    rows = db.all("SELECT u.*, e.fg, e.bg, e.trustmask FROM edges e JOIN users u ON u.userid = e.targetid "
                  "WHERE e.userid = ? AND (e.trust = 1 OR e.watch = 1) ORDER BY u.user", (userid,))
    return rows[:limit] if limit else rows


def _friendofs(db, userid, limit=0):
    rows = db.all("SELECT u.* FROM edges e JOIN users u ON u.userid = e.userid "
                  "WHERE e.targetid = ? AND (e.trust = 1 OR e.watch = 1) AND u.statusvis = 'V' "
                  "AND NOT EXISTS (SELECT 1 FROM bans b WHERE b.journalid = ? AND b.bannedid = u.userid) "
                  "ORDER BY u.user", (userid, userid))
    return rows[:limit] if limit else rows


def getfriends(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    res = {}
    if ctx.flavor == "dw":
        res["friends"] = []
        if _true(req.get("includefriendof")):
            res["friendofs"] = []
        if _true(req.get("includegroups")):
            res["friendgroups"] = []
        return res
    res["friends"] = [_friend_record(r, r["fg"], r["bg"], (r["trustmask"] | 1) if (r["trustmask"] | 1) != 1 else None)
                      for r in _friends(db, user["userid"], perl_int(req.get("friendlimit")))]
    if _true(req.get("includefriendof")):
        res["friendofs"] = [_friend_record(r, "#000000", "#ffffff")
                            for r in _friendofs(db, user["userid"], perl_int(req.get("friendoflimit")))]
    if _true(req.get("includegroups")):
        res["friendgroups"] = friend_groups(db, user["userid"])
    return res


def _flat_people(out, prefix, people):
    for n, rec in enumerate(people, 1):
        out["%s_%d_user" % (prefix, n)] = rec["username"]
        out["%s_%d_name" % (prefix, n)] = rec["fullname"]
        out["%s_%d_fg" % (prefix, n)] = rec["fgcolor"]
        out["%s_%d_bg" % (prefix, n)] = rec["bgcolor"]
        for key in ("groupmask", "type", "status", "birthday"):
            if key in rec:
                out["%s_%d_%s" % (prefix, n, key)] = rec[key]
    out["%s_count" % prefix] = len(people)


def _flat_groups(out, groups, prefix="frgrp"):
    maxnum = 0
    for group in groups:
        out["%s_%d_name" % (prefix, group["id"])] = group["name"]
        out["%s_%d_sortorder" % (prefix, group["id"])] = group["sortorder"]
        if group["public"]:
            out["%s_%d_public" % (prefix, group["id"])] = 1
        maxnum = max(maxnum, group["id"])
    out["%s_maxnum" % prefix] = maxnum


def flat_getfriends(result, req):
    out = {}
    _flat_people(out, "friend", result["friends"])
    if "friendofs" in result:
        _flat_people(out, "friendof", result["friendofs"])
    if "friendgroups" in result:
        _flat_groups(out, result["friendgroups"])
    return out


def friendof(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    if ctx.flavor == "dw":
        return {"friendofs": []}
    return {"friendofs": [_friend_record(r, "#000000", "#ffffff")
                          for r in _friendofs(db, user["userid"], perl_int(req.get("friendoflimit")))]}


def flat_friendof(result, req):
    out = {}
    _flat_people(out, "friendof", result["friendofs"])
    return out


def getfriendgroups(ctx, req):
    user = authenticate(ctx, req)
    return {"friendgroups": friend_groups(ctx.app.db, user["userid"])}


def flat_getfriendgroups(result, req):
    out = {}
    _flat_groups(out, result["friendgroups"])
    return out


def flat_editfriends_request(req):
    """flat editfriend_delete_<user>=1 and editfriend_add_<i>_user/_fg/_bg/_groupmask -> XML-RPC shape."""
    req["delete"] = [k[len("editfriend_delete_"):] for k, v in req.items()
                     if k.startswith("editfriend_delete_") and _true(v)]
    adds = {}
    for key, value in req.items():
        m = re.match(r"^editfriend_add_(\w+?)_(user|fg|bg|groupmask)$", key)
        if m:
            adds.setdefault(m.group(1), {})[m.group(2)] = value
    req["add"] = [{"username": a.get("user", ""), "fgcolor": a.get("fg"), "bgcolor": a.get("bg"),
                   "groupmask": a.get("groupmask")} for _, a in sorted(adds.items())]


def editfriends(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    if user["journaltype"] not in ("P", "S", "I"):
        raise ProtocolError(104, "Journal type cannot add friends")
    deletes = req.get("delete") if isinstance(req.get("delete"), list) else []
    adds = req.get("add") if isinstance(req.get("add"), list) else []
    added, failed = [], False
    for item in adds:
        spec = item if isinstance(item, dict) else {"username": item}
        for key in ("fgcolor", "bgcolor"):
            if spec.get(key) and not COLOR_RE.match(str(spec[key])):
                raise ProtocolError(203, "Invalid color values")
    with db.transaction():
        for name in deletes:
            friend = load_user(db, canonical_username(name) or "") if isinstance(name, str) else None
            if friend:
                db.execute("DELETE FROM edges WHERE userid = ? AND targetid = ?", (user["userid"], friend["userid"]))
        for item in adds:
            spec = item if isinstance(item, dict) else {"username": item}
            name = spec.get("username")
            if not isinstance(name, str) or not name:
                continue
            friend = load_user(db, canonical_username(name) or "")
            if friend is None or friend["statusvis"] != "V":
                failed = True
                continue
            old = db.one("SELECT * FROM edges WHERE userid = ? AND targetid = ?", (user["userid"], friend["userid"]))
            if spec.get("groupmask") not in (None, ""):
                mask = perl_int(spec["groupmask"]) | 1
            else:
                mask = (old["trustmask"] | 1) if old else 1
            fg = spec.get("fgcolor") or (old["fg"] if old else "#000000")
            bg = spec.get("bgcolor") or (old["bg"] if old else "#FFFFFF")
            db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch, fg, bg) "
                       "VALUES (?, ?, 1, ?, 1, ?, ?)", (user["userid"], friend["userid"], mask, fg, bg))
            added.append({"username": friend["user"], "fullname": from_bytes(friend["name"])})
    if failed:
        raise ProtocolError(104)
    return {"added": added}


def flat_editfriends(result, req):
    out = {}
    for n, rec in enumerate(result["added"], 1):
        out["friend_%d_user" % n] = rec["username"]
        out["friend_%d_name" % n] = rec["fullname"]
    out["friends_added"] = len(result["added"])
    return out


def flat_editfriendgroups_request(req):
    sets = {}
    for key, value in req.items():
        m = re.match(r"^efg_set_(\d+)_(name|sort|public)$", key)
        if m:
            sets.setdefault(m.group(1), {})[m.group(2)] = value
    req["set"] = sets
    req["delete"] = [k[len("efg_delete_"):] for k, v in req.items() if k.startswith("efg_delete_") and _true(v)]
    req["groupmasks"] = {k[len("editfriend_groupmask_"):]: v for k, v in req.items()
                         if k.startswith("editfriend_groupmask_")}


def clear_group_bit(db, userid, gid):
    bit = 1 << gid
    db.execute("UPDATE edges SET trustmask = trustmask & ~? WHERE userid = ?", (bit, userid))
    db.execute("UPDATE entries SET allowmask = allowmask & ~? WHERE journalid = ? AND security = 'usemask'",
               (bit, userid))


def save_group(db, userid, gid, name, sort, public):
    """Create/update a friend/trust group. ``sort`` None -> 50 (also for an existing group, the LJ
    quirk); ``public`` None -> unchanged (0 for a new group)."""
    old = db.one("SELECT * FROM groups WHERE userid = ? AND id = ?", (userid, gid))
    if public is None:
        public = old["public"] if old else 0
    db.execute("INSERT OR REPLACE INTO groups (userid, id, name, sortorder, public) VALUES (?, ?, ?, ?, ?)",
               (userid, gid, to_bytes(name), 50 if sort is None else sort, 1 if public else 0))


def editfriendgroups(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    sets = req.get("set") if isinstance(req.get("set"), dict) else {}
    with db.transaction():
        for key, spec in sets.items():
            gid = perl_int(key)
            if not 1 <= gid <= LJ_MAX_GROUP or not isinstance(spec, dict):
                continue
            name = (spec.get("name") or "") if isinstance(spec.get("name"), str) else ""
            name = name.strip().rstrip("/")
            if not name:
                db.execute("DELETE FROM groups WHERE userid = ? AND id = ?", (user["userid"], gid))
                clear_group_bit(db, user["userid"], gid)
                continue
            name = name[:40]
            sort = perl_int(spec["sort"]) if spec.get("sort") not in (None, "") else None
            public = _true(spec.get("public")) if spec.get("public") not in (None, "") else None
            save_group(db, user["userid"], gid, name, sort, public)
        deletes = req.get("delete") if isinstance(req.get("delete"), list) else []
        for gid in (perl_int(g) for g in deletes):
            if 1 <= gid <= LJ_MAX_GROUP:
                db.execute("DELETE FROM groups WHERE userid = ? AND id = ?", (user["userid"], gid))
                clear_group_bit(db, user["userid"], gid)
        masks = req.get("groupmasks") if isinstance(req.get("groupmasks"), dict) else {}
        for name, mask in masks.items():
            friend = load_user(db, canonical_username(name) or "")
            if friend:
                db.execute("UPDATE edges SET trustmask = ? WHERE userid = ? AND targetid = ? AND trust = 1",
                           (perl_int(mask) | 1, user["userid"], friend["userid"]))
    return {}


# checkfriends (LJ) / checkforupdates (DW) -------------------------------------------------------

def _interval(ctx, user):
    """(can use, interval). DW: free accounts cannot (interval 36000); the interval is the MINIMUM
    over the account's cap classes, so a free+paid account gets 0 (transcripts flat/107)."""
    if ctx.flavor == "lj":
        return True, 60
    if not user["paid"]:
        return False, 36000
    return True, 0 if user["paid"] == 1 else 600


def _check_updates(ctx, user, lastupdate, watched_ids, cache_key):
    res = {}
    can_use, interval = _interval(ctx, user)
    if not can_use:
        return {"new": 0, "interval": interval}
    if lastupdate and not DATE_PREFIX.match(lastupdate):
        raise ProtocolError(203)
    res["interval"] = interval
    cache = ctx.app.update_cache
    cached = cache.get(cache_key)
    if cached and cached[1] > ctx.now:
        update = cached[0]
    else:
        update = None
        if watched_ids:
            marks = ",".join("?" * len(watched_ids))
            newest = ctx.app.db.value("SELECT MAX(timeupdate) FROM users WHERE userid IN (%s)" % marks,
                                      list(watched_ids), 0)
            update = format_datetime(newest) if newest else None
        if interval:
            cache[cache_key] = (update, ctx.now + interval)
    if update is None:
        res["new"] = 0
        res["lastupdate"] = lastupdate or NEVER
        return res
    res["new"] = 1 if lastupdate and update > lastupdate else 0
    res["lastupdate"] = update
    return res


def checkfriends(ctx, req):
    if ctx.flavor == "dw":
        raise ProtocolError(504, "Use 'checkforupdates' instead.")
    db = ctx.app.db
    user = authenticate(ctx, req)
    lastupdate = req.get("lastupdate") if isinstance(req.get("lastupdate"), str) else ""
    mask = req.get("mask") if isinstance(req.get("mask"), str) else ""
    if mask and not mask.isdigit():
        raise ProtocolError(203)
    mask = int(mask) if mask else 0
    rows = db.all("SELECT targetid, trustmask FROM edges WHERE userid = ? AND watch = 1", (user["userid"],))
    if mask > 1:
        ids = [r[0] for r in rows if r[1] & mask & ~1]
    else:
        ids = [r[0] for r in rows]
    return _check_updates(ctx, user, lastupdate, ids, (user["userid"], "mask", mask))


def flat_checkupdates(result, req):
    return {"new": result["new"], "interval": result["interval"], "lastupdate": result.get("lastupdate", "")}
