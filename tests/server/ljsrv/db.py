"""SQLite storage.

One connection, used under the application lock (one writer; correctness first). Text that the
protocol treats as raw bytes (subjects, bodies, prop values, names) is stored as BLOB so that any
byte sequence a client sent survives (see text.py). Indexes cover every query the modes make, so a
50,000-entry journal still answers syncitems/getevents in milliseconds.
"""

import sqlite3

SCHEMA = """
CREATE TABLE IF NOT EXISTS users (
    userid        INTEGER PRIMARY KEY,
    user          TEXT UNIQUE NOT NULL,
    name          BLOB NOT NULL,
    password      TEXT NOT NULL DEFAULT '',
    journaltype   TEXT NOT NULL DEFAULT 'P',   -- P personal, C community
    paid          INTEGER NOT NULL DEFAULT 0,  -- account class: 0 free, 1 free+paid cap bits
    statusvis     TEXT NOT NULL DEFAULT 'V',
    timeupdate    INTEGER NOT NULL DEFAULT 0,  -- last post (checkfriends/checkforupdates)
    newesteventtime TEXT,                      -- LJ "posting back in time" check (153)
    dupsig        TEXT,                        -- duplicate-post signature of the last post
    dupsig_journalid INTEGER,
    dupsig_itemid INTEGER,
    next_itemid   INTEGER NOT NULL DEFAULT 1,  -- per-journal itemid counter (never reused)
    next_sessid   INTEGER NOT NULL DEFAULT 1,
    next_filterid INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS apikeys (
    userid INTEGER NOT NULL,
    apikey TEXT NOT NULL,
    PRIMARY KEY (userid, apikey)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
    userid  INTEGER NOT NULL,
    sessid  INTEGER NOT NULL,
    auth    TEXT NOT NULL,
    exptype TEXT NOT NULL,
    expires INTEGER NOT NULL,
    ipfixed TEXT,
    PRIMARY KEY (userid, sessid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS entries (
    journalid    INTEGER NOT NULL,
    jitemid      INTEGER NOT NULL,
    posterid     INTEGER NOT NULL,
    anum         INTEGER NOT NULL,
    eventtime    TEXT NOT NULL,        -- 'YYYY-MM-DD HH:MM:SS', poster's wall clock
    logtime      INTEGER NOT NULL,     -- unix seconds
    security     TEXT NOT NULL,        -- public / private / usemask
    allowmask    INTEGER NOT NULL DEFAULT 0,
    subject      BLOB NOT NULL,
    event        BLOB NOT NULL,
    revtime      INTEGER,              -- unix seconds of the last edit (prop revtime)
    revnum       INTEGER NOT NULL DEFAULT 0,
    commentalter INTEGER,              -- unix seconds of the last comment change (prop)
    synctime     TEXT NOT NULL,        -- syncitems time of the L- item: revtime if edited, else logtime
    PRIMARY KEY (journalid, jitemid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entries_eventtime ON entries (journalid, eventtime, jitemid);
CREATE INDEX IF NOT EXISTS entries_logtime ON entries (journalid, logtime, jitemid);
CREATE INDEX IF NOT EXISTS entries_synctime ON entries (journalid, synctime, jitemid);
CREATE INDEX IF NOT EXISTS entries_commentalter ON entries (journalid, commentalter)
    WHERE commentalter IS NOT NULL;
CREATE TABLE IF NOT EXISTS props (
    journalid INTEGER NOT NULL,
    jitemid   INTEGER NOT NULL,
    name      TEXT NOT NULL,
    value     BLOB NOT NULL,
    PRIMARY KEY (journalid, jitemid, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tags (
    journalid INTEGER NOT NULL,
    kwid      INTEGER NOT NULL,
    name      BLOB NOT NULL,
    display   INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (journalid, kwid)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS tags_name ON tags (journalid, name);
CREATE TABLE IF NOT EXISTS entrytags (
    journalid INTEGER NOT NULL,
    jitemid   INTEGER NOT NULL,
    kwid      INTEGER NOT NULL,
    PRIMARY KEY (journalid, jitemid, kwid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entrytags_kwid ON entrytags (journalid, kwid);
-- One relationship row per (user, target): LJ "friend" = trust + watch; DW keeps them apart.
CREATE TABLE IF NOT EXISTS edges (
    userid    INTEGER NOT NULL,
    targetid  INTEGER NOT NULL,
    trust     INTEGER NOT NULL DEFAULT 0,
    trustmask INTEGER NOT NULL DEFAULT 0,   -- bit 0 always set when trusted; bits 1.. = groups
    watch     INTEGER NOT NULL DEFAULT 0,
    fg        TEXT NOT NULL DEFAULT '#000000',
    bg        TEXT NOT NULL DEFAULT '#ffffff',
    PRIMARY KEY (userid, targetid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_target ON edges (targetid);
-- LJ friend groups / DW trust groups (ids 1-30 / 1-60).
CREATE TABLE IF NOT EXISTS groups (
    userid    INTEGER NOT NULL,
    id        INTEGER NOT NULL,
    name      BLOB NOT NULL,
    sortorder INTEGER NOT NULL DEFAULT 50,
    public    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (userid, id)
) WITHOUT ROWID;
-- DW content (reading) filters.
CREATE TABLE IF NOT EXISTS filters (
    userid    INTEGER NOT NULL,
    id        INTEGER NOT NULL,
    name      BLOB NOT NULL,
    sortorder INTEGER NOT NULL DEFAULT 0,
    public    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (userid, id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS filtermembers (
    userid   INTEGER NOT NULL,
    filterid INTEGER NOT NULL,
    targetid INTEGER NOT NULL,
    PRIMARY KEY (userid, filterid, targetid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS members (
    commid INTEGER NOT NULL,
    userid INTEGER NOT NULL,
    admin  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (commid, userid)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS members_user ON members (userid);
CREATE TABLE IF NOT EXISTS bans (
    journalid INTEGER NOT NULL,
    bannedid  INTEGER NOT NULL,
    PRIMARY KEY (journalid, bannedid)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS userpics (
    picid      INTEGER PRIMARY KEY,
    userid     INTEGER NOT NULL,
    md5        TEXT NOT NULL,
    width      INTEGER NOT NULL,
    height     INTEGER NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS userpic_keywords (
    userid  INTEGER NOT NULL,
    keyword BLOB NOT NULL,
    picid   INTEGER NOT NULL,
    PRIMARY KEY (userid, keyword)
) WITHOUT ROWID;
"""

TABLES = ("users", "apikeys", "sessions", "entries", "props", "tags", "entrytags", "edges", "groups",
          "filters", "filtermembers", "members", "bans", "userpics", "userpic_keywords")


class Database:
    def __init__(self, path=":memory:"):
        self.path = path
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                    cached_statements=256)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL" if path != ":memory:" else "PRAGMA journal_mode=MEMORY")
        self.conn.execute("PRAGMA synchronous=OFF")
        self.conn.execute("PRAGMA foreign_keys=OFF")
        self.conn.executescript(SCHEMA)

    # thin helpers -------------------------------------------------------------------------------
    def one(self, sql, args=()):
        return self.conn.execute(sql, args).fetchone()

    def all(self, sql, args=()):
        return self.conn.execute(sql, args).fetchall()

    def value(self, sql, args=(), default=None):
        row = self.conn.execute(sql, args).fetchone()
        return default if row is None or row[0] is None else row[0]

    def execute(self, sql, args=()):
        return self.conn.execute(sql, args)

    def executemany(self, sql, rows):
        return self.conn.executemany(sql, rows)

    def transaction(self):
        return _Transaction(self.conn)

    def clear(self):
        with self.transaction():
            for table in TABLES:
                self.conn.execute("DELETE FROM %s" % table)


class _Transaction:
    """BEGIN ... COMMIT (or ROLLBACK on an exception); nests by doing nothing inside an open one."""

    def __init__(self, conn):
        self.conn = conn
        self.owner = False

    def __enter__(self):
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN")
            self.owner = True
        return self.conn

    def __exit__(self, exc_type, exc, tb):
        if self.owner:
            if exc_type is None:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute("ROLLBACK")
        return False
