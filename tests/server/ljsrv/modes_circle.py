"""Dreamwidth's replacements for the friends modes (REFERENCE §3.9-3.11, §3.15): checkforupdates,
gettrustgroups, getcircle and editcircle (XML-RPC only), getreadpage, and the 504 answers of the retired
modes. "Trust" is the access half of an LJ friend (with trust groups 1-60), "watch" the reading half;
both live in the ``edges`` table shared with the LJ modes."""


from .auth import authenticate, load_user
from .entries import perl_int
from .errors import ProtocolError
from .modes_friends import (COLOR_RE, DATE_PREFIX, _check_updates, _friend_record, _flat_groups, _interval, _true,
                            _type_name, clear_group_bit, save_group)
from .text import canonical_username, eurl, from_bytes, to_bytes

DW_MAX_GROUP = 60
WATCH_BIT = 1 << 61              # DW reports watched users with this bit in their groupmask (xmlrpc/071)

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
    """Recent entries of the journals the user watches that the user may read, newest logtime first
    (entries of the same second: higher journal id first - the real server's order for such ties is not
    specified, this one reproduces transcripts-http modes/009-015),
    backdated entries excluded. ``itemshow`` 1-100 (default 100; at most 50 are returned), ``skip``
    0-100 (209 outside), ``lastsync`` unix time: only newer entries."""
    db = ctx.app.db
    user = authenticate(ctx, req)
    itemshow = perl_int(req.get("itemshow")) if req.get("itemshow") not in (None, "") else 100
    skip = perl_int(req.get("skip")) if req.get("skip") not in (None, "") else 0
    if not 1 <= itemshow <= 100:
        raise ProtocolError(209, "Bad itemshow value")         # transcripts-http modes/017-018
    if not 0 <= skip <= 100:
        raise ProtocolError(209, "Bad skip value")
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
        "ORDER BY e.logtime DESC, e.journalid DESC, e.jitemid DESC", (uid, uid, uid, since))
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
    out = {}
    for n, entry in enumerate(result["entries"], 1):
        for key in ("subject_raw", "journalname", "journaltype", "postername", "postertype", "ditemid", "security"):
            out["entries_%d_%s" % (n, key)] = entry[key]
        out["entries_%d_event" % n] = eurl(entry["event_raw"])
    out["entries_count"] = len(result["entries"])
    return out
