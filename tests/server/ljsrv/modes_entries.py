"""postevent, editevent, getdaycounts, getusertags (REFERENCE §3.3, §3.4, §3.7, §3.8)."""

import calendar
import hashlib
import re

from . import props as propdefs
from .auth import authenticate, check_altusage, is_admin
from .clock import format_datetime
from .entries import (CANNOT_BE_SHOWN, access_level, delete_entry, parse_taglist, perl_int, set_entry_tags,
                      set_prop, valid_picture_keyword, visibility_sql)
from .errors import ProtocolError
from .text import byte_length, from_bytes, has_non_space, is_ascii, is_valid_utf8, perl_trim, text_trim, to_bytes

# Size limits (lj-r26 cgi-bin/LJ/Constants.pm; dreamwidth cgi-bin/LJ/Global/Constants.pm).
BMAX_EVENT = {"lj": 65535, "dw": 450000}
CMAX_EVENT = {"lj": 65535, "dw": 300000}
BMAX_SUBJECT, CMAX_SUBJECT = 255, 100
BMAX_PROP, CMAX_PROP = 255, 100

COMMUNITY_207 = ("Posting in a community with international or special characters require a "
                 "Unicode-capable LiveJournal client.  Download one at http://www.livejournal.com/download/.")
TIME_153 = ("You have an entry which was posted at a later date than this one.  If you want to post this "
            "entry anyway, mark it as \"backdated\" (\"Date out of order\" in some clients), which will "
            "prevent it from showing up on friends pages.")


def _text(value):
    return value if isinstance(value, str) else ""


def _props_of(req):
    """The request's props as {name: str}; DW XML-RPC may send taglist as an array of tags."""
    value = req.get("props")
    if not isinstance(value, dict):
        return {}
    props = {}
    for name, val in value.items():
        if isinstance(val, list) and name == "taglist":
            val = ", ".join(v for v in val if isinstance(v, str))
        elif val is None:
            val = ""
        elif not isinstance(val, str):
            val = ""
        props[name] = val
    return props


def _date_fields(req, now, tz):
    """postevent: with ``tz`` and no date fields, the server fills them with "now" in that offset.
    Returns True when it did (the time was "faked": no back-in-time check then)."""
    if tz is None or any(req.get(k) not in (None, "") for k in ("year", "mon", "day", "hour", "min")):
        return False
    if tz == "guess":
        offset = 0
    else:
        m = re.match(r"^([+-])(\d\d)(\d\d)$", tz)
        if not m:
            raise ProtocolError(203, "Invalid tz")
        offset = (int(m.group(2)) * 60 + int(m.group(3))) * 60 * (-1 if m.group(1) == "-" else 1)
    stamp = format_datetime(now + offset)
    req["year"], req["mon"], req["day"] = stamp[0:4], str(int(stamp[5:7])), str(int(stamp[8:10]))
    req["hour"], req["min"] = str(int(stamp[11:13])), str(int(stamp[14:16]))
    return True


def event_validation(ctx, req, owner, props):
    """common_event_validation: body clean-up, date checks, lengths, text encoding, props, tags.
    Returns (subject, event, props) with props cleaned; raises ProtocolError."""
    flavor = ctx.flavor
    ver = perl_int(req.get("ver"))
    event = perl_trim(_text(req.get("event")))
    if _text(req.get("lineendings")) == "mac":
        event = event.replace("\r", "\n")
    else:
        event = event.replace("\r", "")
    subject = _text(req.get("subject"))

    def field(name):
        return str(req.get(name)) if isinstance(req.get(name), str) else ""

    year, mon, day, hour, minute = (field(k) for k in ("year", "mon", "day", "hour", "min"))
    if not re.fullmatch(r"\d\d\d\d", year) or not 1970 <= int(year) <= 2037:
        raise ProtocolError(203, "Invalid year value (must be in the range 1970-2037).")
    if not re.fullmatch(r"\d{1,2}", mon) or not 1 <= int(mon) <= 12:
        raise ProtocolError(203, "Invalid month value.")
    if not re.fullmatch(r"\d{1,2}", day) or not 1 <= int(day) <= calendar.monthrange(int(year), int(mon))[1]:
        raise ProtocolError(203, "Invalid day of month value.")
    if not re.fullmatch(r"\d{1,2}", hour) or int(hour) > 23:
        raise ProtocolError(203, "Invalid hour value.")
    if not re.fullmatch(r"\d{1,2}", minute) or int(minute) > 59:
        raise ProtocolError(203, "Invalid minute value.")

    if ver >= 1:
        if flavor == "dw":
            subject = perl_trim(subject)
            if len(subject) > CMAX_SUBJECT or byte_length(subject) > BMAX_SUBJECT:
                raise ProtocolError(411)
            if byte_length(event) >= BMAX_EVENT["dw"] or len(event) > CMAX_EVENT["dw"]:
                raise ProtocolError(409)
        else:
            subject = text_trim(subject, BMAX_SUBJECT, CMAX_SUBJECT)
            event = text_trim(event, BMAX_EVENT["lj"], CMAX_EVENT["lj"])
        for name in list(props):
            if name == "taglist" or not isinstance(props[name], str):
                continue
            if name in ("syn_link", "syn_id"):
                props[name] = text_trim(props[name], BMAX_PROP)
            else:
                props[name] = text_trim(props[name], BMAX_PROP, CMAX_PROP)
    else:
        subject = perl_trim(subject)

    props["unknown8bit"] = "0"
    if to_bytes(event)[:2] == b"\x1f\x8b":
        raise ProtocolError(208, "Cannot send gzipped data")
    texts = [event, subject] + [v for v in props.values() if isinstance(v, str)]
    if not all(is_ascii(t) for t in texts):
        all_utf8 = all(is_valid_utf8(t) for t in texts)
        if ver < 1:
            if owner["journaltype"] != "P":
                raise ProtocolError(207, COMMUNITY_207)
            if not all_utf8:
                if flavor == "dw":
                    raise ProtocolError(208, "The text entered is not a valid UTF-8 stream")
                props["unknown8bit"] = "1"
        elif not all_utf8:
            raise ProtocolError(208, "The text entered is not a valid UTF-8 stream")

    for name, value in props.items():
        spec = propdefs.lookup(name, flavor)
        if spec is None or spec[1]:
            raise ProtocolError(205, re.sub(r"[^\w]", "", name))
        if not value or not isinstance(value, str) or value == "0":
            continue
        datatype = spec[0]
        if datatype == "bool" and value not in ("0", "1"):
            raise ProtocolError(204, 'Property "%s" should be 0 or 1' % name)
        if datatype == "num" and re.search(r"[^\d]", value):
            raise ProtocolError(204, 'Property "%s" should be numeric' % name)
        if name == "current_coords" and not propdefs.valid_coords(value):
            raise ProtocolError(204, 'Property "current_coords" has invalid value')
    if props.get("taglist"):
        parse_taglist(props["taglist"], flavor)
    return subject, event, props


def _security(ctx, req, user, owner, old_security=None):
    """(security, allowmask) with the community rules (102/106) and the mask check (203)."""
    allowmask = perl_int(req.get("allowmask"))
    requested = _text(req.get("security"))
    if requested in ("public", "private", "usemask"):
        security = requested
    else:
        security = old_security or "public"        # unknown values: public (transcripts flat/036)
    if allowmask > 1 and allowmask % 2:
        raise ProtocolError(203, "Invalid friends group security set")
    if owner["userid"] != user["userid"]:
        if ctx.flavor == "lj":
            if security == "private" or (security == "usemask" and allowmask != 1):
                raise ProtocolError(102)
        else:
            if security == "usemask" and allowmask != 1:
                raise ProtocolError(102)
            if security == "private" and not is_admin(ctx.app.db, owner["userid"], user["userid"]):
                raise ProtocolError(106)
    if security != "usemask":
        allowmask = 0
    return security, allowmask


def _store_props(ctx, owner, poster, jitemid, props, editing):
    db = ctx.app.db
    for name, value in props.items():
        if name in propdefs.SERVER_PROPS:
            continue                      # LJ: known but server-maintained; the client value is ignored
        if name == "taglist":
            # The tags are indexed, and the taglist string is also kept as a prop: getevents with
            # notags=1 still returns it (transcripts flat/078).
            if editing or value:
                set_entry_tags(db, owner["userid"], jitemid, parse_taglist(value or "", ctx.flavor))
        if name == "picture_keyword" and value and not valid_picture_keyword(db, poster["userid"], value):
            value = ""                    # unknown or inactive icon: silently dropped (§3.3)
        if not editing and (not value or value == "0"):
            continue
        set_prop(db, owner["userid"], jitemid, name, value)


def postevent(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user)
    event = _text(req.get("event"))
    if not has_non_space(event):
        raise ProtocolError(200)
    if user["journaltype"] != "P":
        raise ProtocolError(150)
    event = event.replace("\r\n", "\n")
    if byte_length(event) >= BMAX_EVENT[ctx.flavor]:
        raise ProtocolError(409)
    tz = req.get("tz") if isinstance(req.get("tz"), str) else None
    faked = _date_fields(req, ctx.now, tz)
    props = _props_of(req)
    if ctx.interface == "flat" and ctx.flavor == "dw":
        props["interface"] = "flat"      # DW's flat wrapper marks entries posted through it
    subject, event, props = event_validation(ctx, dict(req, event=event), owner, props)
    eventtime = "%04d-%02d-%02d %02d:%02d:00" % tuple(int(req[k]) for k in ("year", "mon", "day", "hour", "min"))
    backdated = props.get("opt_backdated") == "1"
    if ctx.flavor == "lj" and owner["userid"] == user["userid"] and not backdated and not faked \
            and user["newesteventtime"] and eventtime < user["newesteventtime"]:
        raise ProtocolError(153, TIME_153)
    security, allowmask = _security(ctx, req, user, owner)
    if owner["journaltype"] == "C" and db.one("SELECT 1 FROM bans WHERE journalid = ? AND bannedid = ?",
                                              (owner["userid"], user["userid"])):
        raise ProtocolError(151)
    if backdated and owner["journaltype"] != "P":
        raise ProtocolError(152)

    # Duplicate suppression: the same subject/event/usejournal/security/allowmask as this poster's
    # previous post returns that post (transcripts xmlrpc/023-024 got flat/026-027's items). Tests can
    # switch this off (--no-duplicate-check, POST /__control/settings) so a client cannot pass a
    # "posted exactly once" test thanks to it.
    usejournal = _text(req.get("usejournal"))
    dupsig = hashlib.md5(to_bytes("\x00".join([subject, event, usejournal, _text(req.get("security")),
                                               _text(req.get("allowmask"))]))).hexdigest()
    if ctx.app.duplicate_check and user["dupsig"] == dupsig:
        prev = db.one("SELECT jitemid, anum FROM entries WHERE journalid = ? AND jitemid = ?",
                      (user["dupsig_journalid"], user["dupsig_itemid"]))
        if prev is not None:
            journal = db.value("SELECT user FROM users WHERE userid = ?", (user["dupsig_journalid"],))
            return {"itemid": prev["jitemid"], "anum": prev["anum"],
                    "url": ctx.app.entry_url(journal, prev["jitemid"], prev["anum"])}

    with db.transaction():
        owner = db.one("SELECT * FROM users WHERE userid = ?", (owner["userid"],))
        jitemid = owner["next_itemid"]
        anum = ctx.app.rng.randrange(256)
        db.execute("INSERT INTO entries (journalid, jitemid, posterid, anum, eventtime, logtime, security, "
                   "allowmask, subject, event, revtime, revnum, commentalter, synctime) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, ?)",
                   (owner["userid"], jitemid, user["userid"], anum, eventtime, ctx.now, security, allowmask,
                    to_bytes(subject), to_bytes(event), format_datetime(ctx.now)))
        _store_props(ctx, owner, user, jitemid, props, editing=False)
        db.execute("UPDATE users SET next_itemid = ? WHERE userid = ?", (jitemid + 1, owner["userid"]))
        db.execute("UPDATE users SET dupsig = ?, dupsig_journalid = ?, dupsig_itemid = ? WHERE userid = ?",
                   (dupsig, owner["userid"], jitemid, user["userid"]))
        if not backdated:
            db.execute("UPDATE users SET timeupdate = ? WHERE userid = ?", (ctx.now, owner["userid"]))
            if not owner["newesteventtime"] or eventtime > owner["newesteventtime"]:
                db.execute("UPDATE users SET newesteventtime = ? WHERE userid = ?", (eventtime, owner["userid"]))
    return {"itemid": jitemid, "anum": anum, "url": ctx.app.entry_url(owner["user"], jitemid, anum)}


def editevent(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user, ignore_canuse=True)
    if owner is None:
        raise ProtocolError(302)
    itemid = perl_int(req.get("itemid"))
    allowmask = perl_int(req.get("allowmask"))
    if allowmask > 1 and allowmask % 2:
        raise ProtocolError(203, "Invalid friends group security set.")
    requested = _text(req.get("security"))
    if owner["userid"] != user["userid"]:
        if ctx.flavor == "lj" and (requested == "private" or (requested == "usemask" and allowmask != 1)):
            raise ProtocolError(102)
        if ctx.flavor == "dw" and requested == "usemask" and allowmask != 1:
            raise ProtocolError(102)
    event = _text(req.get("event"))
    if byte_length(event) >= BMAX_EVENT[ctx.flavor]:
        raise ProtocolError(409)
    old = db.one("SELECT * FROM entries WHERE journalid = ? AND jitemid = ?", (owner["userid"], itemid))
    if old is None:
        raise ProtocolError(302)
    deleting = not has_non_space(event)
    if user["userid"] != old["posterid"]:
        if deleting:
            if not (owner["userid"] == user["userid"] or is_admin(db, owner["userid"], user["userid"])):
                raise ProtocolError(304)
        else:
            raise ProtocolError(303)
    if deleting:
        with db.transaction():
            delete_entry(db, owner["userid"], itemid)
            db.execute("UPDATE users SET dupsig = NULL WHERE userid = ?", (user["userid"],))
        return {"itemid": itemid, "anum": old["anum"]}
    if event == CANNOT_BE_SHOWN:
        raise ProtocolError(210)
    props = _props_of(req)
    if props.get("opt_backdated") not in (None, "", "0") and owner["journaltype"] != "P":
        raise ProtocolError(152)
    fields = dict(req)
    m = re.match(r"^(\d\d\d\d)-(\d\d)-(\d\d) (\d\d):(\d\d)", old["eventtime"])
    for key, value in zip(("year", "mon", "day", "hour", "min"), m.groups()):
        if fields.get(key) is None:
            fields[key] = value if key == "year" else str(int(value))
    subject, event, props = event_validation(ctx, fields, owner, props)
    security, allowmask = _security(ctx, req, user, owner, old_security=old["security"])
    eventtime = "%04d-%02d-%02d %02d:%02d:00" % tuple(int(fields[k]) for k in ("year", "mon", "day", "hour", "min"))
    with db.transaction():
        db.execute("UPDATE entries SET subject = ?, event = ?, eventtime = ?, security = ?, allowmask = ?, "
                   "revnum = revnum + 1, revtime = ?, synctime = ? WHERE journalid = ? AND jitemid = ?",
                   (to_bytes(subject), to_bytes(event), eventtime, security, allowmask, ctx.now,
                    format_datetime(ctx.now), owner["userid"], itemid))
        _store_props(ctx, owner, user, itemid, props, editing=True)
    return {"itemid": itemid, "anum": old["anum"], "url": ctx.app.entry_url(owner["user"], itemid, old["anum"])}


def getdaycounts(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user)
    level = access_level(ctx, user, owner)
    rows = db.all("SELECT substr(eventtime, 1, 10) AS day, COUNT(*) AS n FROM entries WHERE journalid = ?"
                  + visibility_sql(level) + " GROUP BY day ORDER BY day", (owner["userid"],))
    if not rows:
        return {}
    return {"daycounts": [{"date": r["day"], "count": r["n"]} for r in rows]}


def flat_getdaycounts(result, req):
    return {d["date"]: d["count"] for d in result.get("daycounts", [])}


def getusertags(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user)
    level = access_level(ctx, user, owner)
    friends_key = "protected" if ctx.flavor == "dw" else "friends"
    tags = {}
    for row in db.all("SELECT kwid, name, display FROM tags WHERE journalid = ? ORDER BY kwid", (owner["userid"],)):
        tags[row["kwid"]] = {"name": from_bytes(row["name"]), "display": row["display"],
                             "public": 0, "private": 0, "protected": 0, "groups": {}, "uses": 0}
    for row in db.all("SELECT et.kwid, e.security, e.allowmask FROM entrytags et JOIN entries e "
                      "ON e.journalid = et.journalid AND e.jitemid = et.jitemid WHERE et.journalid = ?",
                      (owner["userid"],)):
        tag = tags.get(row["kwid"])
        if tag is None:
            continue
        tag["uses"] += 1
        if row["security"] == "public":
            tag["public"] += 1
        elif row["security"] == "usemask" and row["allowmask"] == 1:
            tag["protected"] += 1
        elif row["security"] == "usemask" and row["allowmask"] > 1:
            mask = row["allowmask"]
            for bit in range(1, 64):
                if mask >> bit & 1:
                    tag["groups"][str(bit)] = tag["groups"].get(str(bit), 0) + 1
        else:
            tag["private"] += 1
    result = []
    for tag in tags.values():
        if level == "public" and not tag["public"]:
            continue
        if level == "member" and not (tag["public"] or tag["protected"]):
            continue
        if tag["public"]:
            sec_level = "public"
        elif tag["protected"]:
            sec_level = friends_key
        elif tag["groups"]:
            sec_level = "group"
        else:
            sec_level = "private"
        result.append({"name": tag["name"], "security_level": sec_level, "uses": tag["uses"],
                       "display": tag["display"],
                       "security": {"public": tag["public"], "private": tag["private"],
                                    friends_key: tag["protected"], "groups": tag["groups"]}})
    return {"tags": result}


def flat_getusertags(result, req):
    # The documented tag_N_sb_public/_private/_friends keys are never emitted by the real flat
    # wrapper (its loop variable is unused, REFERENCE §3.8); only the group breakdown is.
    out = {}
    for n, tag in enumerate(result["tags"], 1):
        out["tag_%d_name" % n] = tag["name"]
        out["tag_%d_security" % n] = tag["security_level"]
        if tag["uses"]:
            out["tag_%d_uses" % n] = tag["uses"]
        if tag["display"]:
            out["tag_%d_display" % n] = tag["display"]
        groups = tag["security"]["groups"]
        if groups:
            for m, (gid, count) in enumerate(sorted(groups.items(), key=lambda kv: int(kv[0])), 1):
                out["tag_%d_sb_group_%d_id" % (n, m)] = gid
                out["tag_%d_sb_group_%d_count" % (n, m)] = count
            out["tag_%d_sb_group_count" % n] = len(groups)
    out["tag_count"] = len(result["tags"])
    return out


def flat_postevent(result, req):
    return dict(result)
