"""The JSON control API under ``/__control/`` (documented in tests/server/README.md).

Every handler returns (HTTP status, JSON object). Errors are ``{"error": "..."}`` with status 400/404.
"""

from . import blogger, protocol, seed
from .clock import format_datetime, parse_datetime
from .faults import FaultError
from .text import canonical_username, from_bytes


class ControlError(Exception):
    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


def handle(server, method, path, query, payload):
    app = server.app
    route = ROUTES.get((method, path))
    if route is None:
        known = sorted({p for (_, p) in ROUTES})
        if any(p == path for (_, p) in ROUTES):
            return 405, {"error": "method %s not allowed for /__control/%s" % (method, path)}
        return 404, {"error": "unknown control path /__control/%s" % path, "paths": known}
    try:
        return 200, route(server, app, query, payload if isinstance(payload, dict) else {})
    except ControlError as exc:
        return exc.status, {"error": exc.message}
    except (FaultError, seed.SeedError, ValueError, TypeError) as exc:
        return 400, {"error": str(exc)}


# stats ------------------------------------------------------------------------------------------

def get_stats(server, app, query, payload):
    return app.stats()


def reset_stats(server, app, query, payload):
    with app.lock:
        app.reset_stats()
    return {"ok": True}


def get_pings(server, app, query, payload):
    return {"pings": list(app.pings)}


def get_requests(server, app, query, payload):
    return {"requests": list(app.request_log)}


def clear_requests(server, app, query, payload):
    app.request_log.clear()
    return {"ok": True}


# faults -----------------------------------------------------------------------------------------

def add_fault(server, app, query, payload):
    specs = payload.get("faults") if isinstance(payload.get("faults"), list) else [payload]
    added = [app.faults.add(spec) for spec in specs]
    return {"ok": True, "added": added, "faults": app.faults.list()}


def list_faults(server, app, query, payload):
    return {"faults": app.faults.list(), "fired": app.faults.fired}


def clear_faults(server, app, query, payload):
    app.faults.clear()
    return {"ok": True, "faults": []}


# clock ------------------------------------------------------------------------------------------

def get_clock(server, app, query, payload):
    return app.clock.describe()


def set_clock(server, app, query, payload):
    clock = app.clock
    if payload.get("real"):
        clock.real()
    if "set" in payload:
        value = payload["set"]
        clock.set(value if isinstance(value, (int, float)) else parse_datetime(str(value)))
    if "advance" in payload:
        clock.advance(float(payload["advance"]))
    if "frozen" in payload:
        clock.freeze(bool(payload["frozen"]))
    return clock.describe()


# data -------------------------------------------------------------------------------------------

def reset(server, app, query, payload):
    """Empty the database and forget runtime state (faults; fuzzing back to the command line's); unless
    {"empty": true}, recreate the accounts, communities, preset and seed given on the command line."""
    with app.lock:
        app.db.clear()
        app.reset_runtime_state()
        app.faults.clear()
        app.fuzzer.configure(app.config.fuzz)
        if not payload.get("empty"):
            populate(app)
    return {"ok": True, "users": _user_names(app)}


def populate(app):
    """Create what the command line asked for (also used at startup)."""
    config = app.config
    db = app.db
    if config.preset:
        seed.apply_preset(app, config.preset)
    with db.transaction():
        for name, password, keys in config.users:
            seed.create_user(db, name, password, keys, paid=1 if name in config.paid else 0)
        for name, maintainer in config.communities:
            seed.create_community(db, name, maintainer)
    if config.seed == "demo":
        seed.seed_demo(app)
    elif config.seed is not None:
        if not config.users:
            raise seed.SeedError("--seed N needs a --user to own the entries")
        seed.seed_entries(app, config.users[0][0], int(config.seed))


def _user_names(app):
    return [r[0] for r in app.db.all("SELECT user FROM users ORDER BY userid")]


def _journal(app, name):
    row = app.db.one("SELECT * FROM users WHERE user = ?", (canonical_username(name or "") or "",))
    if row is None:
        raise ControlError(404, "no such journal %r" % name)
    return row


def get_entries(server, app, query, payload):
    """Dump a journal (all entries, regardless of security) for "mirror equals server" checks."""
    with app.lock:
        owner = _journal(app, query.get("journal") or payload.get("journal"))
        db = app.db
        jid = owner["userid"]
        props = {}
        for row in db.all("SELECT jitemid, name, value FROM props WHERE journalid = ?", (jid,)):
            props.setdefault(row[0], {})[row[1]] = from_bytes(row[2])
        tags = {}
        for row in db.all("SELECT et.jitemid, t.name FROM entrytags et JOIN tags t ON t.journalid = et.journalid "
                          "AND t.kwid = et.kwid WHERE et.journalid = ? ORDER BY t.name", (jid,)):
            tags.setdefault(row[0], []).append(from_bytes(row[1]))
        users = {r[0]: r[1] for r in db.all("SELECT userid, user FROM users")}
        entries = []
        for row in db.all("SELECT * FROM entries WHERE journalid = ? ORDER BY jitemid", (jid,)):
            entries.append({
                "itemid": row["jitemid"], "anum": row["anum"], "poster": users.get(row["posterid"]),
                "eventtime": row["eventtime"], "logtime": format_datetime(row["logtime"]),
                "security": row["security"], "allowmask": row["allowmask"],
                "subject": from_bytes(row["subject"]), "event": from_bytes(row["event"]),
                "revnum": row["revnum"],
                "revtime": row["revtime"], "commentalter": row["commentalter"], "synctime": row["synctime"],
                "props": props.get(row["jitemid"], {}), "tags": tags.get(row["jitemid"], []),
                "url": app.entry_url(owner["user"], row["jitemid"], row["anum"]),
            })
        return {"journal": owner["user"], "count": len(entries), "entries": entries}


def create_users(server, app, query, payload):
    """{"user": name, "password": pw, "apikeys": [...], "name": full name, "paid": 0|1|2,
    "community": true, "maintainer": name, "members": [...]}"""
    with app.lock, app.db.transaction():
        if payload.get("community"):
            seed.create_community(app.db, payload["user"], payload.get("maintainer", ""),
                                  fullname=payload.get("name"), members=payload.get("members", ()))
        else:
            seed.create_user(app.db, payload["user"], payload.get("password", ""), payload.get("apikeys"),
                             fullname=payload.get("name"), paid=int(payload.get("paid", 0)))
    return {"ok": True, "users": _user_names(app)}


def add_relation(server, app, query, payload):
    """{"user": a, "target": b, "trust": 0|1, "groupmask": n, "watch": 0|1} (LJ friend = trust+watch)."""
    with app.lock, app.db.transaction():
        user = _journal(app, payload.get("user"))
        target = _journal(app, payload.get("target"))
        trust = 1 if payload.get("trust", 1) else 0
        watch = 1 if payload.get("watch", 1) else 0
        mask = (int(payload.get("groupmask", 1)) | 1) if trust else 0
        if trust or watch:
            app.db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch, fg, bg) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", (user["userid"], target["userid"], trust, mask, watch,
                                                            payload.get("fg", "#000000"), payload.get("bg", "#ffffff")))
        else:
            app.db.execute("DELETE FROM edges WHERE userid = ? AND targetid = ?", (user["userid"], target["userid"]))
    return {"ok": True}


def touch_comments(server, app, query, payload):
    """{"journal": j, "itemid": n}: mark the entry's comments as changed now (a C- syncitems item)."""
    with app.lock, app.db.transaction():
        owner = _journal(app, payload.get("journal"))
        cur = app.db.execute("UPDATE entries SET commentalter = ? WHERE journalid = ? AND jitemid = ?",
                             (app.clock.now(), owner["userid"], int(payload.get("itemid", 0))))
        if cur.rowcount == 0:
            raise ControlError(404, "no such entry")
    return {"ok": True, "commentalter": app.clock.now()}


def run_seed(server, app, query, payload):
    """{"demo": true} or {"user": name, "count": n, "seed": s}; with "burst": "YYYY-MM-DD HH:MM:SS" (and
    "seconds": 1 or 2) the entries' logtimes are packed into that many seconds from that time (seed_burst)."""
    with app.lock:
        if payload.get("demo"):
            seed.seed_demo(app)
            return {"ok": True}
        if payload.get("burst"):
            count = seed.seed_burst(app, payload.get("user", ""), int(payload.get("count", 0)), str(payload["burst"]),
                                    int(payload.get("seconds", 1)), int(payload.get("seed", 1)))
            return {"ok": True, "count": count}
        count = seed.seed_entries(app, payload.get("user", ""), int(payload.get("count", 0)), int(payload.get("seed", 1)))
    return {"ok": True, "count": count}


def info(server, app, query, payload):
    with app.lock:
        return _info(server, app)


def _info(server, app):
    modes = {"flat": protocol.mode_names(app.flavor, "flat"), "xmlrpc": protocol.mode_names(app.flavor, "xmlrpc")}
    if app.flavor == "lj":
        modes["blogger"] = blogger.method_names()      # /interface/blogger (lj only)
    return {"flavor": app.flavor, "url": server.base_url, "site_url": app.site_url, "users": _user_names(app),
            "modes": modes, "clock": app.clock.describe()}


ROUTES = {
    ("GET", "stats"): get_stats,
    ("POST", "stats/reset"): reset_stats,
    ("GET", "requests"): get_requests,
    ("DELETE", "requests"): clear_requests,
    ("GET", "faults"): list_faults,
    ("POST", "faults"): add_fault,
    ("DELETE", "faults"): clear_faults,
    ("GET", "clock"): get_clock,
    ("POST", "clock"): set_clock,
    ("POST", "reset"): reset,
    ("GET", "entries"): get_entries,
    ("POST", "users"): create_users,
    ("POST", "relations"): add_relation,
    ("POST", "comments"): touch_comments,
    ("POST", "seed"): run_seed,
    ("GET", "info"): info,
    ("GET", "pings"): get_pings,
}

# Arrivals, sessions, settings, account class and entry props (control_extra.py); fuzzing and entries
# written by another client (control_soak.py).
from . import control_extra, control_soak  # noqa: E402
ROUTES.update(control_extra.ROUTES)
ROUTES.update(control_soak.ROUTES)
