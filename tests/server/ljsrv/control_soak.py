"""Control API routes for soak tests (README "Control API"): the fuzzing mode, and entries written,
edited and deleted as if by another client (the web site) while the client under test works.
Registered into control.ROUTES (control.py imports this module at its end)."""

import re

from .clock import format_datetime
from .entries import delete_entry, parse_taglist, set_entry_tags, set_prop
from .fuzz import FuzzError
from .text import canonical_username, has_non_space, to_bytes

_EVENTTIME = re.compile(r"^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)(?::(\d\d))?$")
SECURITY = ("public", "private", "usemask")


def _error(status, message):
    from .control import ControlError
    return ControlError(status, message)


def _user(app, name, what="journal"):
    row = app.db.one("SELECT * FROM users WHERE user = ?", (canonical_username(name or "") or "",))
    if row is None:
        raise _error(404, "no such %s %r" % (what, name))
    return row


# fuzzing ------------------------------------------------------------------------------------------

def get_fuzz(server, app, query, payload):
    return app.fuzzer.state()


def set_fuzz(server, app, query, payload):
    """{"seed": n, "rate": 0-1, "modes": [...], "interface": "flat"|"xmlrpc"|"*", "process": 0-1,
    "mutations": [...]} switches fuzzing on (counting requests from 0 again); {"off": true} ends it."""
    try:
        return app.fuzzer.configure(payload)
    except FuzzError as exc:
        raise _error(400, str(exc))


def end_fuzz(server, app, query, payload):
    return app.fuzzer.configure(None)


# entries written by someone else ------------------------------------------------------------------

def _text(payload, key, default=""):
    value = payload.get(key, default)
    if not isinstance(value, str):
        raise _error(400, "%s must be a string" % key)
    return value


def _security(payload, default="public", default_mask=0):
    security = _text(payload, "security", default)
    if security not in SECURITY:
        raise _error(400, "security must be public, private or usemask")
    allowmask = int(payload.get("allowmask", 1 if security == "usemask" and default != "usemask" else default_mask))
    return security, (allowmask if security == "usemask" else 0)


def _eventtime(value):
    m = _EVENTTIME.match(value)
    if not m:
        raise _error(400, "eventtime must be YYYY-MM-DD HH:MM[:SS]")
    return "%s-%s-%s %s:%s:%s" % (m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6) or "00")


def _props(payload):
    props = payload.get("props", {})
    if not isinstance(props, dict):
        raise _error(400, "props must be an object")
    props = {str(k): "" if v is None else str(v) for k, v in props.items()}
    if "tags" in payload:
        tags = payload["tags"]
        if not isinstance(tags, list):
            raise _error(400, "tags must be a list")
        props["taglist"] = ", ".join(str(t) for t in tags)
    return props


def _store_props(app, journalid, itemid, props):
    db = app.db
    for name, value in props.items():
        if name == "taglist":
            set_entry_tags(db, journalid, itemid, parse_taglist(value, app.flavor))
        set_prop(db, journalid, itemid, name, value)


def create_entry(server, app, query, payload):
    """{"journal", "subject", "event", "poster", "security", "allowmask", "eventtime", "props", "tags"}:
    an entry posted now (server clock) from the web: a new itemid, logtime now, a syncitems item."""
    event = _text(payload, "event")
    if not has_non_space(event):
        raise _error(400, "event must not be empty")
    subject = _text(payload, "subject")
    security, allowmask = _security(payload)
    props = _props(payload)
    with app.lock, app.db.transaction():
        db = app.db
        owner = _user(app, payload.get("journal"))
        if payload.get("poster"):
            poster = _user(app, payload["poster"], "user")
        elif owner["journaltype"] == "P":
            poster = owner
        else:
            raise _error(400, "a community entry needs a poster")
        now = app.clock.now()
        eventtime = _eventtime(payload["eventtime"]) if payload.get("eventtime") else format_datetime(now)[:17] + "00"
        jitemid = owner["next_itemid"]
        anum = app.rng.randrange(256)
        db.execute("INSERT INTO entries (journalid, jitemid, posterid, anum, eventtime, logtime, security, "
                   "allowmask, subject, event, revtime, revnum, commentalter, synctime) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 0, NULL, ?)",
                   (owner["userid"], jitemid, poster["userid"], anum, eventtime, now, security, allowmask,
                    to_bytes(subject), to_bytes(event.replace("\r\n", "\n")), format_datetime(now)))
        _store_props(app, owner["userid"], jitemid, {k: v for k, v in props.items() if v not in ("", "0")})
        db.execute("UPDATE users SET next_itemid = ? WHERE userid = ?", (jitemid + 1, owner["userid"]))
        if props.get("opt_backdated") != "1":
            db.execute("UPDATE users SET timeupdate = ? WHERE userid = ?", (now, owner["userid"]))
            if not owner["newesteventtime"] or eventtime > owner["newesteventtime"]:
                db.execute("UPDATE users SET newesteventtime = ? WHERE userid = ?", (eventtime, owner["userid"]))
    return {"ok": True, "journal": owner["user"], "itemid": jitemid, "anum": anum,
            "url": app.entry_url(owner["user"], jitemid, anum), "logtime": format_datetime(now)}


def edit_entry(server, app, query, payload):
    """{"journal", "itemid", and any of "subject", "event", "security", "allowmask", "eventtime", "props"
    ("" deletes a prop), "tags"}: the entry edited now (revnum + 1, revtime and sync time now)."""
    with app.lock, app.db.transaction():
        db = app.db
        owner = _user(app, payload.get("journal"))
        itemid = int(payload.get("itemid", 0))
        old = db.one("SELECT * FROM entries WHERE journalid = ? AND jitemid = ?", (owner["userid"], itemid))
        if old is None:
            raise _error(404, "no such entry")
        subject = _text(payload, "subject") if "subject" in payload else None
        event = _text(payload, "event") if "event" in payload else None
        if event is not None and not has_non_space(event):
            raise _error(400, "event must not be empty (delete with /__control/entries/delete)")
        if "security" in payload or "allowmask" in payload:
            security, allowmask = _security(payload, old["security"], old["allowmask"])
        else:
            security, allowmask = old["security"], old["allowmask"]
        eventtime = _eventtime(_text(payload, "eventtime")) if payload.get("eventtime") else old["eventtime"]
        props = _props(payload)
        now = app.clock.now()
        db.execute("UPDATE entries SET subject = ?, event = ?, eventtime = ?, security = ?, allowmask = ?, "
                   "revnum = revnum + 1, revtime = ?, synctime = ? WHERE journalid = ? AND jitemid = ?",
                   (old["subject"] if subject is None else to_bytes(subject),
                    old["event"] if event is None else to_bytes(event.replace("\r\n", "\n")),
                    eventtime, security, allowmask, now, format_datetime(now), owner["userid"], itemid))
        _store_props(app, owner["userid"], itemid, props)
        row = db.one("SELECT revnum, revtime, synctime FROM entries WHERE journalid = ? AND jitemid = ?",
                     (owner["userid"], itemid))
    return {"ok": True, "journal": owner["user"], "itemid": itemid, "revnum": row["revnum"],
            "revtime": row["revtime"], "synctime": row["synctime"]}


def delete_entry_route(server, app, query, payload):
    """{"journal", "itemid"}: the entry deleted (as editevent with an empty event deletes it)."""
    with app.lock, app.db.transaction():
        owner = _user(app, payload.get("journal"))
        itemid = int(payload.get("itemid", 0))
        if app.db.one("SELECT 1 FROM entries WHERE journalid = ? AND jitemid = ?", (owner["userid"], itemid)) is None:
            raise _error(404, "no such entry")
        delete_entry(app.db, owner["userid"], itemid)
    return {"ok": True, "journal": owner["user"], "itemid": itemid}


ROUTES = {
    ("GET", "fuzz"): get_fuzz,
    ("POST", "fuzz"): set_fuzz,
    ("DELETE", "fuzz"): end_fuzz,
    ("POST", "entries"): create_entry,
    ("POST", "entries/edit"): edit_entry,
    ("POST", "entries/delete"): delete_entry_route,
}
