"""Relationship modes.

Classic LiveJournal (REFERENCE §3.9-3.11): getfriends, friendof, editfriends, getfriendgroups,
editfriendgroups, checkfriends. A friend is a user you both trust (read access, with a group mask) and
watch (reading list), so one ``edges`` row serves both sites.

Dreamwidth (§3.0, §3.10-3.11): getfriends/friendof answer empty lists (the friends tables are
dropped), getfriendgroups/editfriends/editfriendgroups/checkfriends/getfriendspage answer 504, and
gettrustgroups, getcircle, editcircle (XML-RPC only) and checkforupdates replace them.
"""

import re

from .auth import authenticate, load_user
from .clock import format_datetime
from .entries import perl_int
from .errors import ProtocolError
from .modes_account import friend_groups
from .text import canonical_username, from_bytes, to_bytes

LJ_MAX_GROUP, DW_MAX_GROUP = 30, 60
WATCH_BIT = 1 << 61              # DW reports watched users with this bit in their groupmask (xmlrpc/071)
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


def checkforupdates(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    lastupdate = req.get("lastupdate") if isinstance(req.get("lastupdate"), str) else ""
    can_use, _ = _interval(ctx, user)
    if not can_use:
        return _check_updates(ctx, user, lastupdate, [], None)
    if lastupdate and not DATE_PREFIX.match(lastupdate):
        raise ProtocolError(203)
    filter_name = req.get("filter") if isinstance(req.get("filter"), str) else ""
    if filter_name:
        row = db.one("SELECT id FROM filters WHERE userid = ? AND name = ?", (user["userid"], to_bytes(filter_name)))
        if row is None:
            raise ProtocolError(203, "Invalid filter name. Trying to check updates for a filter that does not exist.")
        ids = [r[0] for r in db.all("SELECT targetid FROM filtermembers WHERE userid = ? AND filterid = ?",
                                    (user["userid"], row["id"]))]
        key = (user["userid"], "filter", row["id"])
    else:
        ids = [r[0] for r in db.all("SELECT targetid FROM edges WHERE userid = ? AND watch = 1", (user["userid"],))]
        key = (user["userid"], "filter", 0)
    return _check_updates(ctx, user, lastupdate, ids, key)


# ---------------------------------------------------------------------------------------------
# Dreamwidth circle

def deprecated(detail=None):
    def handler(ctx, req):
        raise ProtocolError(504, detail)
    return handler


def _trust_groups(db, userid):
    return [{"id": r["id"], "name": from_bytes(r["name"]), "public": r["public"], "sortorder": r["sortorder"]}
            for r in db.all("SELECT * FROM groups WHERE userid = ? ORDER BY sortorder, id", (userid,))]


def gettrustgroups(ctx, req):
    user = authenticate(ctx, req)
    return {"trustgroups": _trust_groups(ctx.app.db, user["userid"])}


def flat_gettrustgroups(result, req):
    out = {}
    _flat_groups(out, result["trustgroups"], prefix="tr")
    return out


def _filters(db, userid):
    result = []
    for f in db.all("SELECT * FROM filters WHERE userid = ? ORDER BY sortorder, id", (userid,)):
        names = [r[0] for r in db.all("SELECT u.user FROM filtermembers m JOIN users u ON u.userid = m.targetid "
                                      "WHERE m.userid = ? AND m.filterid = ? ORDER BY u.user", (userid, f["id"]))]
        result.append({"id": f["id"], "name": from_bytes(f["name"]), "public": f["public"],
                       "sortorder": f["sortorder"], "data": " ".join(names)})
    return result


def getcircle(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    uid = user["userid"]
    limit = perl_int(req.get("limit"))
    res = {}

    def cap(rows):
        return rows[:limit] if limit > 0 else rows

    if _true(req.get("includetrustgroups")):
        res["trustgroups"] = _trust_groups(db, uid)
    if _true(req.get("includecontentfilters")):
        res["contentfilters"] = _filters(db, uid)
    if _true(req.get("includewatchedusers")):
        rows = db.all("SELECT u.*, e.fg, e.bg, e.trust, e.trustmask, e.watch FROM edges e JOIN users u "
                      "ON u.userid = e.targetid WHERE e.userid = ? AND e.watch = 1 ORDER BY u.user", (uid,))
        res["watchedusers"] = [_friend_record(r, r["fg"], r["bg"], _dw_mask(r), dw_display=True) for r in cap(rows)]
    if _true(req.get("includetrustedusers")):
        rows = db.all("SELECT u.*, e.fg, e.bg, e.trust, e.trustmask, e.watch FROM edges e JOIN users u "
                      "ON u.userid = e.targetid WHERE e.userid = ? AND e.trust = 1 ORDER BY u.user", (uid,))
        res["trustedusers"] = [_friend_record(r, r["fg"], r["bg"], _dw_mask(r), dw_display=True) for r in cap(rows)]
    for flag, key, column in (("includewatchedby", "watchedbys", "watch"), ("includetrustedby", "trustedbys", "trust")):
        if _true(req.get(flag)):
            rows = db.all("SELECT u.* FROM edges e JOIN users u ON u.userid = e.userid "
                          "WHERE e.targetid = ? AND e.%s = 1 ORDER BY u.user" % column, (uid,))
            out = []
            for r in cap(rows):
                rec = {"username": r["user"], "fullname": r["user"]}
                if _type_name(r):
                    rec["type"] = _type_name(r)
                out.append(rec)
            res[key] = out
    return res


def _dw_mask(row):
    return (row["trustmask"] if row["trust"] else 0) | (WATCH_BIT if row["watch"] else 0)


def _nested_name(name):
    """DW bug (transcripts xmlrpc/061, */gettrustgroups): a name inside a nested XML-RPC struct is not
    converted to bytes before it is trimmed, so the stored value is its UTF-8 encoding cut to as many
    bytes as it has characters: "Wörk" -> "Wör"."""
    return from_bytes(to_bytes(name)[:len(name)])


def editcircle(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    uid = user["userid"]
    res = {}
    adds = req.get("add") if isinstance(req.get("add"), list) else []
    targets = []
    for item in adds:
        if not isinstance(item, dict):
            raise ProtocolError(203)
        target = load_user(db, canonical_username(item.get("username") or "") or "")
        if target is None:
            raise ProtocolError(203)
        targets.append((item, target))
    with db.transaction():
        groups = req.get("settrustgroups") if isinstance(req.get("settrustgroups"), dict) else {}
        for key, spec in groups.items():
            gid = perl_int(key)
            if not 1 <= gid <= DW_MAX_GROUP or not isinstance(spec, dict):
                continue
            name = _nested_name(spec.get("name") if isinstance(spec.get("name"), str) else "")
            sort = perl_int(spec["sort"]) if spec.get("sort") not in (None, "") else None
            public = _true(spec.get("public")) if spec.get("public") not in (None, "") else None
            save_group(db, uid, gid, name, sort, public)
        for gid in (perl_int(g) for g in (req.get("deletetrustgroups") or []) if isinstance(req.get("deletetrustgroups"), list)):
            db.execute("DELETE FROM groups WHERE userid = ? AND id = ?", (uid, gid))
            clear_group_bit(db, uid, gid)
        filters = req.get("setcontentfilters") if isinstance(req.get("setcontentfilters"), dict) else {}
        added_filters = []
        for key, spec in filters.items():
            if not isinstance(spec, dict):
                continue
            fid = perl_int(key)
            name = _nested_name(spec.get("name") if isinstance(spec.get("name"), str) else "")
            existing = db.one("SELECT * FROM filters WHERE userid = ? AND id = ?", (uid, fid))
            public = perl_int(spec.get("public")) if spec.get("public") not in (None, "") else None
            sort = perl_int(spec.get("sort")) if spec.get("sort") not in (None, "") else None
            if existing:
                db.execute("UPDATE filters SET name = ?, public = ?, sortorder = ? WHERE userid = ? AND id = ?",
                           (to_bytes(name) if name else existing["name"],
                            existing["public"] if public is None else (1 if public else 0),
                            existing["sortorder"] if sort is None else sort, uid, fid))
            else:
                new_id = db.value("SELECT next_filterid FROM users WHERE userid = ?", (uid,))
                db.execute("INSERT INTO filters (userid, id, name, sortorder, public) VALUES (?, ?, ?, ?, ?)",
                           (uid, new_id, to_bytes(name), sort or 0, 1 if public else 0))
                db.execute("UPDATE users SET next_filterid = ? WHERE userid = ?", (new_id + 1, uid))
                added_filters.append({"id": new_id, "name": name})
        for fid in (perl_int(f) for f in (req.get("deletecontentfilters") or []) if isinstance(req.get("deletecontentfilters"), list)):
            db.execute("DELETE FROM filters WHERE userid = ? AND id = ?", (uid, fid))
            db.execute("DELETE FROM filtermembers WHERE userid = ? AND filterid = ?", (uid, fid))
        added = []
        for item, target in targets:
            old = db.one("SELECT * FROM edges WHERE userid = ? AND targetid = ?", (uid, target["userid"]))
            trust, mask, watch = (old["trust"], old["trustmask"], old["watch"]) if old else (0, 0, 0)
            fg = old["fg"] if old else "#000000"
            bg = old["bg"] if old else "#ffffff"
            if item.get("groupmask") not in (None, ""):
                trust, mask = 1, perl_int(item["groupmask"]) | 1
            else:
                edge = perl_int(item.get("edge"))
                if edge & 1:
                    if not trust:
                        trust, mask = 1, 1
                else:
                    trust, mask = 0, 0
                watch = 1 if edge & 2 else 0
                if isinstance(item.get("fgcolor"), str) and COLOR_RE.match(item["fgcolor"]):
                    fg = item["fgcolor"]
                if isinstance(item.get("bgcolor"), str) and COLOR_RE.match(item["bgcolor"]):
                    bg = item["bgcolor"]
            if trust or watch:
                db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch, fg, bg) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", (uid, target["userid"], trust, mask, watch, fg, bg))
            else:
                db.execute("DELETE FROM edges WHERE userid = ? AND targetid = ?", (uid, target["userid"]))
            if item.get("groupmask") in (None, "") and perl_int(item.get("edge")):
                back = db.one("SELECT trust, watch FROM edges WHERE userid = ? AND targetid = ?", (target["userid"], uid))
                added.append({"username": target["user"], "fullname": from_bytes(target["name"]),
                              "trusted": trust, "watched": watch,
                              "trustedby": back["trust"] if back else 0, "watchedby": back["watch"] if back else 0})
        for key, table_op in (("addtocontentfilters", "add"), ("deletefromcontentfilters", "delete")):
            for item in req.get(key) if isinstance(req.get(key), list) else []:
                if not isinstance(item, dict):
                    continue
                target = load_user(db, canonical_username(item.get("username") or "") or "")
                fid = perl_int(item.get("id"))
                if target is None or not db.one("SELECT 1 FROM filters WHERE userid = ? AND id = ?", (uid, fid)):
                    raise ProtocolError(203)
                if table_op == "add":
                    db.execute("INSERT OR IGNORE INTO filtermembers (userid, filterid, targetid) VALUES (?, ?, ?)",
                               (uid, fid, target["userid"]))
                else:
                    db.execute("DELETE FROM filtermembers WHERE userid = ? AND filterid = ? AND targetid = ?",
                               (uid, fid, target["userid"]))
    if added:
        res["added"] = added
    if added_filters:
        res["addedcontentfilters"] = added_filters
    return res


# ---------------------------------------------------------------------------------------------
# Dreamwidth reading page (REFERENCE §3.15)

READPAGE_MAX = 50


def getreadpage(ctx, req):
    """Recent entries of the journals the user watches that the user may read, newest logtime first,
    backdated entries excluded. ``itemshow`` 1-100 (default 100; at most 50 are returned), ``skip``
    0-100 (209 outside), ``lastsync`` unix time: only newer entries."""
    db = ctx.app.db
    user = authenticate(ctx, req)
    itemshow = perl_int(req.get("itemshow")) if req.get("itemshow") not in (None, "") else 100
    skip = perl_int(req.get("skip")) if req.get("skip") not in (None, "") else 0
    if not 1 <= itemshow <= 100 or not 0 <= skip <= 100:
        raise ProtocolError(209)
    since = perl_int(req.get("lastsync"))
    uid = user["userid"]
    rows = db.all(
        "SELECT e.jitemid, e.anum, e.logtime, e.security, e.allowmask, e.subject, e.event, "
        "j.user AS journal, j.journaltype AS jtype, p.user AS poster, p.journaltype AS ptype, "
        "COALESCE(t.trustmask, 0) AS mytrust, m.userid IS NOT NULL AS member, COALESCE(m.admin, 0) AS admin "
        "FROM edges w JOIN entries e ON e.journalid = w.targetid "
        "JOIN users j ON j.userid = e.journalid JOIN users p ON p.userid = e.posterid "
        "LEFT JOIN edges t ON t.userid = e.journalid AND t.targetid = ? AND t.trust = 1 "
        "LEFT JOIN members m ON m.commid = e.journalid AND m.userid = ? "
        "WHERE w.userid = ? AND w.watch = 1 AND e.logtime > ? "
        "AND NOT EXISTS (SELECT 1 FROM props b WHERE b.journalid = e.journalid AND b.jitemid = e.jitemid "
        "                AND b.name = 'opt_backdated' AND b.value = X'31') "
        "ORDER BY e.logtime DESC, e.journalid, e.jitemid DESC", (uid, uid, uid, since))
    visible = []
    for row in rows:
        if row["security"] == "public":
            ok = True
        elif row["jtype"] == "C":
            ok = bool(row["admin"]) if row["security"] == "private" else bool(row["member"]) and row["allowmask"] & 1
        else:
            ok = row["security"] == "usemask" and bool(row["mytrust"] & row["allowmask"])
        if ok:
            visible.append(row)
    entries = []
    for row in visible[skip:skip + min(itemshow, READPAGE_MAX)]:
        entries.append({"subject_raw": from_bytes(row["subject"]), "event_raw": from_bytes(row["event"]),
                        "journalname": row["journal"], "journaltype": row["jtype"], "postername": row["poster"],
                        "postertype": row["ptype"], "ditemid": row["jitemid"] * 256 + row["anum"],
                        "security": row["security"], "logtime": row["logtime"]})
    return {"entries": entries}


def flat_getreadpage(result, req):
    from .text import eurl
    out = {}
    for n, entry in enumerate(result["entries"], 1):
        for key in ("subject_raw", "journalname", "journaltype", "postername", "postertype", "ditemid", "security"):
            out["entries_%d_%s" % (n, key)] = entry[key]
        out["entries_%d_event" % n] = eurl(entry["event_raw"])
    out["entries_count"] = len(result["entries"])
    return out
