"""getevents and syncitems (REFERENCE §3.5, §3.6, §4.1-4.3).

Sync times: an entry's L- item time is its revtime once edited, else its logtime (stored as the
``synctime`` column, a 'YYYY-MM-DD HH:MM:SS' string compared as a string like the real servers do).
syncitems lists items sharing one second in a random order (``app.rng``), as the real server sorts the
values of a Perl hash by time only: which items of a second a page cut keeps differs from call to call.
Limits: syncitems 500 per page; getevents syncitems 100, lastn 50 (silently clamped, default 20),
day 200, multiple 100 ids (209). ``selecttype=syncitems`` refuses the third request within an hour
that carries the same ``lastsync`` (406); the history is keyed by unix second, so repeats within
one second count once (transcripts flat/130-132 vs flat/143-145).
"""

import re

from .auth import authenticate, check_altusage
from .clock import format_datetime, parse_datetime
from .entries import access_level, build_events, perl_int, visibility_sql
from .errors import ProtocolError
from .text import eurl

SYNCITEMS_LIMIT = 500
GETEVENTS_SYNC_LIMIT = 100
LASTN_MAX, LASTN_DEFAULT = 50, 20
DAY_LIMIT = 200
MULTIPLE_LIMIT = 100
LOOP_WINDOW = 3600

_DATE_PREFIX = re.compile(r"^\d\d\d\d-\d\d-\d\d \d\d:\d\d:\d\d")
_DATE_EXACT = re.compile(r"^\d\d\d\d-\d\d-\d\d \d\d:\d\d:\d\d$")
_COLUMNS = ("jitemid, posterid, anum, eventtime, logtime, security, allowmask, subject, event, "
            "revtime, revnum, commentalter")


def _text(value):
    return value if isinstance(value, str) else ""


def _loop_check(ctx, user, lastsync):
    """rl_syncitems_getevents_loop: (second -> lastsync) pairs of the authenticated user from the last
    hour; the request fails when this lastsync already occurs twice."""
    history = ctx.app.loop_history.setdefault(user["userid"], {})
    for stamp in [s for s in history if s < ctx.now - LOOP_WINDOW]:
        del history[stamp]
    count = sum(1 for value in history.values() if value == lastsync)
    history[ctx.now] = lastsync
    if count >= 2:
        raise ProtocolError(406)


def getevents(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user)
    level = access_level(ctx, user, owner)
    vis = visibility_sql(level)
    community = owner["journaltype"] == "C"
    journalid = owner["userid"]
    selecttype = _text(req.get("selecttype"))
    base = "SELECT " + _COLUMNS + " FROM entries WHERE journalid = ?"

    if selecttype == "one" and _text(req.get("itemid")).strip() == "-1":
        selecttype_eff, howmany, beforedate = "lastn", 1, ""
    else:
        selecttype_eff = selecttype
        howmany = perl_int(req.get("howmany")) or LASTN_DEFAULT
        beforedate = _text(req.get("beforedate"))

    if selecttype_eff == "one":
        rows = db.all(base + " AND jitemid = ?" + vis, (journalid, perl_int(req.get("itemid"))))
    elif selecttype_eff == "lastn":
        howmany = min(max(howmany, 1), LASTN_MAX)
        where, args = "", [journalid]
        if beforedate:
            if not _DATE_EXACT.match(beforedate):
                raise ProtocolError(203, "Invalid beforedate format.")
            if community:
                where, args = " AND logtime < ?", [journalid, _unix_or_fail(beforedate)]
            else:
                where, args = " AND eventtime < ?", [journalid, beforedate]
        order = " ORDER BY logtime DESC, jitemid ASC" if community else " ORDER BY eventtime DESC, jitemid ASC"
        rows = db.all(base + where + vis + order + " LIMIT ?", args + [howmany])
    elif selecttype_eff == "day":
        year, month, day = (_text(req.get(k)) for k in ("year", "month", "day"))
        if not (re.fullmatch(r"\d\d\d\d", year) and re.fullmatch(r"\d\d?", month) and re.fullmatch(r"\d\d?", day)
                and 1 <= int(month) <= 12 and 1 <= int(day) <= 31):
            raise ProtocolError(203)
        date = "%s-%02d-%02d" % (year, int(month), int(day))
        order = " ORDER BY logtime, jitemid" if community else " ORDER BY eventtime, jitemid"
        rows = db.all(base + " AND eventtime >= ? AND eventtime <= ?" + vis + order + " LIMIT ?",
                      (journalid, date + " 00:00:00", date + " 23:59:59", DAY_LIMIT))
    elif selecttype_eff == "syncitems":
        lastsync = _text(req.get("lastsync"))
        if lastsync and not _DATE_PREFIX.match(lastsync):
            raise ProtocolError(203, "Invalid syncitems date format")
        if lastsync:
            _loop_check(ctx, user, lastsync)
        # The 100 items with the earliest sync time, then the security filter (DW), then by itemid.
        # Without lastsync the real server compares revtimes with UNIX_TIMESTAMP('0000-00-00 00:00:00'),
        # which is NULL: only logtimes count (see syncitems below).
        if lastsync:
            ids = [r[0] for r in db.all("SELECT jitemid FROM entries WHERE journalid = ? AND synctime > ? "
                                        "ORDER BY synctime, jitemid LIMIT ?",
                                        (journalid, lastsync[:19], GETEVENTS_SYNC_LIMIT))]
        else:
            ids = [r[0] for r in db.all("SELECT jitemid FROM entries WHERE journalid = ? "
                                        "ORDER BY logtime, jitemid LIMIT ?", (journalid, GETEVENTS_SYNC_LIMIT))]
        rows = _rows_by_ids(db, base, vis, journalid, ids)
    elif selecttype_eff == "multiple":
        ids = []
        for part in re.split(r"\s*,\s*", _text(req.get("itemids")).strip()):
            if not re.fullmatch(r"\d+", part):
                raise ProtocolError(203, "Non-numeric itemid")
            ids.append(int(part))
        if len(ids) > MULTIPLE_LIMIT:
            raise ProtocolError(209, "Can't retrieve more than %d entries at once" % MULTIPLE_LIMIT)
        rows = _rows_by_ids(db, base, vis, journalid, ids)
    else:
        raise ProtocolError(200, "Invalid selecttype.")
    return {"events": build_events(ctx, req, owner, rows, selecttype_eff)}


def _unix_or_fail(stamp):
    try:
        return parse_datetime(stamp)
    except ValueError:
        raise ProtocolError(203, "Invalid beforedate format.")


def _rows_by_ids(db, base, vis, journalid, ids):
    if not ids:
        return []
    ids = sorted(set(ids))
    return db.all(base + " AND jitemid IN (%s)" % ",".join("?" * len(ids)) + vis + " ORDER BY jitemid",
                  [journalid] + ids)


EVENT_FIELDS = ("itemid", "eventtime", "logtime", "security", "allowmask", "subject", "event", "anum", "url",
                "poster", "converted_with_loss")


def flat_getevents(result, req):
    out = {}
    events = result["events"]
    nprop = 0
    for n, evt in enumerate(events, 1):
        for field in EVENT_FIELDS:
            if field in evt:
                value = evt[field]
                out["events_%d_%s" % (n, field)] = eurl(value) if field == "event" else value
        for name in sorted(evt.get("props", {})):
            nprop += 1
            value = evt["props"][name]
            out["prop_%d_itemid" % nprop] = evt["itemid"]
            out["prop_%d_name" % nprop] = name
            out["prop_%d_value" % nprop] = "" if value is None else value
    out["events_count"] = len(events)
    noprops = req.get("noprops")
    if not (isinstance(noprops, str) and noprops not in ("", "0")):
        out["prop_count"] = nprop
    return out


def syncitems(ctx, req):
    db = ctx.app.db
    user = authenticate(ctx, req)
    owner = check_altusage(ctx, req, user)
    lastsync = _text(req.get("lastsync"))
    if lastsync and not _DATE_PREFIX.match(lastsync):
        raise ProtocolError(203, "Invalid date format")
    journalid = owner["userid"]
    comments = []
    if not lastsync:
        # No lastsync: every entry once, as "create" at its logtime, and no C- items - the real server
        # compares revtime/commentalter with UNIX_TIMESTAMP('0000-00-00 00:00:00'), which is NULL
        # (transcripts flat/083 vs flat/084: edited entries show up as updates only with a lastsync).
        total_l = db.value("SELECT COUNT(*) FROM entries WHERE journalid = ?", (journalid,), 0)
        items = [(format_datetime(r[1]), "L-%d" % r[0], "create")
                 for r in _earliest(db, "jitemid, logtime", "logtime", "journalid = ?", [journalid])]
    else:
        since = lastsync[:19]
        total_l = db.value("SELECT COUNT(*) FROM entries WHERE journalid = ? AND synctime > ?", (journalid, since), 0)
        items = [(r[1], "L-%d" % r[0], "update" if r[2] is not None else "create")
                 for r in _earliest(db, "jitemid, synctime, revtime", "synctime", "journalid = ? AND synctime > ?",
                                    [journalid, since])]
        for r in db.all("SELECT jitemid, commentalter FROM entries WHERE journalid = ? AND commentalter IS NOT NULL",
                        (journalid,)):
            stamp = format_datetime(r[1])
            if stamp > since:
                comments.append((stamp, "C-%d" % r[0], "update"))
    # Sorted by time only, L- and C- items of one second mixed at random (LJ::Protocol::syncitems sorts
    # the values of two Perl hashes with `$a->[2] cmp $b->[2]`).
    rng = ctx.app.rng
    merged = sorted(items + comments, key=lambda it: (it[0], rng.random()))[:SYNCITEMS_LIMIT]
    return {"syncitems": [{"item": item, "action": action, "time": stamp} for stamp, item, action in merged],
            "count": len(merged), "total": total_l + len(comments)}


def _earliest(db, columns, time_column, where, args):
    """The rows (``columns``, the time second) of the SYNCITEMS_LIMIT earliest entries by ``time_column``,
    and every other row of the last of those seconds: the page cut then falls among all of that second's
    items, at random."""
    sql = "SELECT %s FROM entries WHERE %s" % (columns, where)
    rows = db.all(sql + " ORDER BY %s LIMIT ?" % time_column, args + [SYNCITEMS_LIMIT])
    if len(rows) < SYNCITEMS_LIMIT:
        return rows
    last = rows[-1][1]
    return [r for r in rows if r[1] != last] + db.all(sql + " AND %s = ?" % time_column, args + [last])


def flat_syncitems(result, req):
    out = {}
    for n, item in enumerate(result["syncitems"], 1):
        out["sync_%d_item" % n] = item["item"]
        out["sync_%d_action" % n] = item["action"]
        out["sync_%d_time" % n] = item["time"]
    out["sync_count"] = result["count"]
    out["sync_total"] = result["total"]
    return out
