"""Control API routes for client tests that check accounting and sessions (README "Control API"):
arrivals of postevent/editevent and of the Blogger API's newPost/editPost/deletePost, live sessions,
server settings, account class, raw entry props. Registered into control.ROUTES (control.py imports
this module at its end)."""

from .clock import format_datetime, parse_datetime
from .cookies import session_string
from .text import canonical_username, to_bytes

# postevent/editevent on flat and XML-RPC, and the Blogger API's posting methods (blogger.py).
POST_MODES = ("postevent", "editevent", "blogger.newPost", "blogger.editPost", "blogger.deletePost")


def _error(status, message):
    from .control import ControlError
    return ControlError(status, message)


def _user(app, name, what="user"):
    row = app.db.one("SELECT * FROM users WHERE user = ?", (canonical_username(name or "") or "",))
    if row is None:
        raise _error(404, "no such %s %r" % (what, name))
    return row


# arrivals ---------------------------------------------------------------------------------------

def get_arrivals(server, app, query, payload):
    """Every postevent/editevent that reached the server, grouped by what tells posts apart."""
    modes = [m for m in (query.get("mode") or ",".join(POST_MODES)).split(",") if m]
    for mode in modes:
        if mode not in POST_MODES:
            raise _error(400, "arrivals are counted for %s only, not %r" % (", ".join(POST_MODES), mode))
    with app.lock:
        records = [dict(r, requests=[dict(q) for q in r["requests"]]) for r in app.arrivals.values()
                   if r["mode"] in modes and (not query.get("user") or r["user"] == query.get("user"))]
    records.sort(key=lambda r: r["requests"][0]["seq"])
    return {"arrivals": records, "total": sum(r["count"] for r in records),
            "duplicates": sum(1 for r in records if r["count"] > 1)}


def clear_arrivals(server, app, query, payload):
    with app.lock:
        app.arrivals = {}
    return {"ok": True}


# sessions ---------------------------------------------------------------------------------------

def _session_json(row, name):
    return {"user": name, "userid": row["userid"], "sessid": row["sessid"], "exptype": row["exptype"],
            "expires": format_datetime(row["expires"]), "expires_unix": row["expires"],
            "bindtoip": row["ipfixed"], "ljsession": session_string(row["userid"], row["sessid"], row["auth"])}


def get_sessions(server, app, query, payload):
    """The live (unexpired, not expired by sessionexpire) sessions, optionally of one user."""
    with app.lock:
        now = app.clock.now()
        sql = "SELECT s.*, u.user AS name FROM sessions s JOIN users u ON u.userid = s.userid WHERE s.expires > ?"
        args = [now]
        if query.get("user"):
            sql += " AND s.userid = ?"
            args.append(_user(app, query["user"])["userid"])
        rows = app.db.all(sql + " ORDER BY s.userid, s.sessid", args)
        sessions = [_session_json(r, r["name"]) for r in rows]
    return {"sessions": sessions, "count": len(sessions)}


def change_session(server, app, query, payload):
    """{"user", "sessid", "expires": "YYYY-MM-DD HH:MM:SS" | unix} or {"user", "sessid", "expires_in": s}:
    move a session's expiry (what the recordings did through the server's Perl API)."""
    with app.lock, app.db.transaction():
        user = _user(app, payload.get("user"))
        row = app.db.one("SELECT * FROM sessions WHERE userid = ? AND sessid = ?",
                         (user["userid"], int(payload.get("sessid", -1))))
        if row is None:
            raise _error(404, "no such session")
        if "expires_in" in payload:
            expires = app.clock.now() + int(payload["expires_in"])
        elif isinstance(payload.get("expires"), (int, float)):
            expires = int(payload["expires"])
        elif "expires" in payload:
            expires = parse_datetime(str(payload["expires"]))
        else:
            raise _error(400, "give expires or expires_in")
        app.db.execute("UPDATE sessions SET expires = ? WHERE userid = ? AND sessid = ?",
                       (expires, row["userid"], row["sessid"]))
        row = app.db.one("SELECT * FROM sessions WHERE userid = ? AND sessid = ?", (row["userid"], row["sessid"]))
        return _session_json(row, user["user"])


def delete_sessions(server, app, query, payload):
    with app.lock, app.db.transaction():
        if query.get("user"):
            app.db.execute("DELETE FROM sessions WHERE userid = ?", (_user(app, query["user"])["userid"],))
        else:
            app.db.execute("DELETE FROM sessions")
    return {"ok": True}


# settings, accounts, props ------------------------------------------------------------------------

def _settings(app):
    return {"duplicate_check": app.duplicate_check}


def get_settings(server, app, query, payload):
    return _settings(app)


def change_settings(server, app, query, payload):
    """{"duplicate_check": false}: postevent no longer returns the previous item for a repeated post."""
    with app.lock:
        if "duplicate_check" in payload:
            if not isinstance(payload["duplicate_check"], bool):
                raise _error(400, "duplicate_check must be true or false")
            app.duplicate_check = payload["duplicate_check"]
        return _settings(app)


def change_account(server, app, query, payload):
    """{"user", "paid": 0|1|2}: change an account's class (0 free, 1 free+paid cap bits, 2 paid)."""
    with app.lock, app.db.transaction():
        user = _user(app, payload.get("user"))
        if "paid" in payload:
            paid = int(payload["paid"])
            if paid not in (0, 1, 2):
                raise _error(400, "paid must be 0, 1 or 2")
            app.db.execute("UPDATE users SET paid = ? WHERE userid = ?", (paid, user["userid"]))
        row = app.db.one("SELECT user, userid, paid FROM users WHERE userid = ?", (user["userid"],))
    return {"user": row["user"], "userid": row["userid"], "paid": row["paid"]}


def set_props(server, app, query, payload):
    """{"journal", "itemid", "props": {name: value}}: store raw entry props ("" deletes), e.g.
    hasscreened, which this server has no comments to derive from."""
    props = payload.get("props")
    if not isinstance(props, dict):
        raise _error(400, "props must be an object")
    with app.lock, app.db.transaction():
        owner = _user(app, payload.get("journal"), "journal")
        itemid = int(payload.get("itemid", 0))
        if app.db.one("SELECT 1 FROM entries WHERE journalid = ? AND jitemid = ?", (owner["userid"], itemid)) is None:
            raise _error(404, "no such entry")
        for name, value in props.items():
            if value in ("", None):
                app.db.execute("DELETE FROM props WHERE journalid = ? AND jitemid = ? AND name = ?",
                               (owner["userid"], itemid, name))
            else:
                app.db.execute("INSERT OR REPLACE INTO props (journalid, jitemid, name, value) VALUES (?, ?, ?, ?)",
                               (owner["userid"], itemid, name, to_bytes(str(value))))
    return {"ok": True}


ROUTES = {
    ("GET", "arrivals"): get_arrivals,
    ("DELETE", "arrivals"): clear_arrivals,
    ("GET", "sessions"): get_sessions,
    ("POST", "sessions"): change_session,
    ("DELETE", "sessions"): delete_sessions,
    ("GET", "settings"): get_settings,
    ("POST", "settings"): change_settings,
    ("POST", "account"): change_account,
    ("POST", "props"): set_props,
}
