"""Accounts, presets and generated journals.

* ``create_user`` / ``create_community``: what ``--user`` and ``--community`` do.
* ``apply_preset(app, "dw-transcripts")``: exactly the accounts of tests/data/transcripts/README.txt
  (user ids, API keys, account classes, the ljcomm community maintained by ljalice) plus ljalice's
  pre-existing itemid 1 "hello world" (eventtime 2026-11-23 12:00, logtime 11:33:51).
* ``seed_entries(app, user, n)``: n generated entries in one transaction with executemany
  (10,000 entries take well under a second).
* ``seed_rich(app, user, n)``: n entries that stress a client's mirror: Cyrillic, CJK, emoji and
  other scripts, CRLF bodies stored as such, a few 100 kB bodies, props, several tags per entry,
  edits, itemid gaps and logtimes shared by two entries. ``python3 -m ljsrv.seed`` writes such a
  journal into a database file that ``ljserver.py --db FILE`` then serves.
* ``seed_burst(app, user, n, at, seconds)``: n entries written within one or two seconds (an import, a
  script, a busy community): more items in one second than a syncitems page lists.
* ``seed_demo(app)``: the demo journal for the GUI's demo mode (README "Seeding").

Everything generated is deterministic (fixed random seeds).
"""

import random

from .clock import format_datetime, parse_datetime
from .text import canonical_username, to_bytes

TRANSCRIPT_ACCOUNTS = [
    # name, password, API key, paid class (1 = free+paid cap bits like ljbob, caps=10)
    ("ljalice", "alicepass1", "fttjTvuhC3c2W9bXYdpoV95qkty1vjtN", 0),
    ("ljbob", "bobpass22", "FxzTahdJLBNxfpZp7eAsF6O8LIES4Rgd", 1),
    ("ljcarol", "carolpass3", "kGGbdyZeYLUCF3b0u9eQASfH0CGkDc4B", 0),
    ("ljdave", "davepass44", "kpSKZyDofbWE6ttJdzIdszkFOCJ8F1O3", 0),
]


class SeedError(ValueError):
    pass


def _next_userid(db):
    # user id 1 is the site's system account on the real servers; accounts start at 2 (ljalice = 2).
    return max(db.value("SELECT MAX(userid) FROM users", (), 1), 1) + 1


def create_user(db, name, password, apikeys=None, fullname=None, paid=0, journaltype="P"):
    canon = canonical_username(name)
    if canon is None:
        raise SeedError("invalid username %r" % name)
    if db.one("SELECT 1 FROM users WHERE user = ?", (canon,)):
        raise SeedError("user %s already exists" % canon)
    userid = _next_userid(db)
    if fullname is None:
        fullname = "Test " + canon.capitalize()
    db.execute("INSERT INTO users (userid, user, name, password, journaltype, paid) VALUES (?, ?, ?, ?, ?, ?)",
               (userid, canon, to_bytes(fullname), password if journaltype == "P" else "", journaltype, int(paid)))
    if journaltype == "P":
        # Without an explicit API key the password also serves as one (dw flavour).
        for key in (apikeys if apikeys else [password]):
            db.execute("INSERT OR IGNORE INTO apikeys (userid, apikey) VALUES (?, ?)", (userid, key))
    return userid


def create_community(db, name, maintainer, fullname=None, members=()):
    owner = db.one("SELECT userid FROM users WHERE user = ?", (canonical_username(maintainer) or "",))
    if owner is None:
        raise SeedError("maintainer %s does not exist" % maintainer)
    commid = create_user(db, name, "", fullname=fullname, journaltype="C")
    db.execute("INSERT INTO members (commid, userid, admin) VALUES (?, ?, 1)", (commid, owner["userid"]))
    # Joining a community also puts it on the member's reading list (DW; transcripts xmlrpc/071).
    db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch) VALUES (?, ?, 0, 0, 1)",
               (owner["userid"], commid))
    for member in members:
        row = db.one("SELECT userid FROM users WHERE user = ?", (member,))
        db.execute("INSERT OR IGNORE INTO members (commid, userid, admin) VALUES (?, ?, 0)", (commid, row["userid"]))
        db.execute("INSERT OR REPLACE INTO edges (userid, targetid, trust, trustmask, watch) VALUES (?, ?, 0, 0, 1)",
                   (row["userid"], commid))
    return commid


def insert_entries(db, journalid, rows, props=(), tags=()):
    """Bulk insert. rows: (jitemid, posterid, anum, eventtime, logtime, security, allowmask, subject, event,
    revtime, revnum, commentalter); props: (jitemid, name, value); tags: (jitemid, tagname)."""
    db.executemany(
        "INSERT INTO entries (journalid, jitemid, posterid, anum, eventtime, logtime, security, allowmask, "
        "subject, event, revtime, revnum, commentalter, synctime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(journalid, r[0], r[1], r[2], r[3], r[4], r[5], r[6], to_bytes(r[7]), to_bytes(r[8]), r[9], r[10], r[11],
          format_datetime(r[9] if r[9] is not None else r[4])) for r in rows])
    db.executemany("INSERT OR REPLACE INTO props (journalid, jitemid, name, value) VALUES (?, ?, ?, ?)",
                   [(journalid, p[0], p[1], to_bytes(p[2])) for p in props])
    kwids = {bytes(row["name"]): row["kwid"]
             for row in db.all("SELECT kwid, name FROM tags WHERE journalid = ?", (journalid,))}
    next_kwid = max(kwids.values(), default=0) + 1
    links = []
    for jitemid, tag in tags:
        raw = to_bytes(tag)
        if raw not in kwids:
            kwids[raw] = next_kwid
            next_kwid += 1
            db.execute("INSERT INTO tags (journalid, kwid, name, display) VALUES (?, ?, ?, 1)",
                       (journalid, kwids[raw], raw))
        links.append((journalid, jitemid, kwids[raw]))
    db.executemany("INSERT OR IGNORE INTO entrytags (journalid, jitemid, kwid) VALUES (?, ?, ?)", links)
    if rows:
        last = max(r[0] for r in rows)
        db.execute("UPDATE users SET next_itemid = MAX(next_itemid, ?) WHERE userid = ?", (last + 1, journalid))
        newest_log = max(r[4] for r in rows)
        newest_event = max(r[3] for r in rows)
        db.execute("UPDATE users SET timeupdate = MAX(timeupdate, ?), "
                   "newesteventtime = MAX(COALESCE(newesteventtime, ''), ?) WHERE userid = ?",
                   (newest_log, newest_event, journalid))


def apply_preset(app, name):
    if name == "dw-http-transcripts":
        from . import presets_http
        return presets_http.apply(app)
    if name != "dw-transcripts":
        raise SeedError("unknown preset %r (known: dw-transcripts, dw-http-transcripts)" % name)
    db = app.db
    with db.transaction():
        for user, password, key, paid in TRANSCRIPT_ACCOUNTS:
            create_user(db, user, password, [key], paid=paid)
        create_community(db, "ljcomm", "ljalice")
        alice = db.value("SELECT userid FROM users WHERE user = 'ljalice'")
        insert_entries(db, alice, [(1, alice, 221, "2026-11-23 12:00:00", parse_datetime("2026-11-23 11:33:51"),
                                    "public", 0, "t", "hello world", None, 0, None)])


# ---------------------------------------------------------------------------------------------
# generated journals

WORDS = ("tea garden river window morning letter quiet train autumn paper lamp music city rain book "
         "kitchen bicycle harbour coffee winter market bridge candle forest dream journey evening").split()
UNICODE_SNIPPETS = ["Grüße aus Köln", "Привет, мир", "日本語のテキスト", "café crème", "emoji 🎉😀", "ça va ?",
                    "naïve résumé", "Ελληνικά", "שלום", "zażółć gęślą jaźń"]
MOODS = [("happy", 15), ("tired", 0), ("contemplative", 101), ("cheerful", 125), ("busy", 0), ("nerdy", 102),
         ("calm", 0), ("grateful", 132)]
MUSIC = ["Nick Drake – Pink Moon", "Björk – Jóga", "Miles Davis – So What", "Radiohead – Reckoner", "Bach – Goldberg Variations"]
PLACES = ["Home", "Office", "Train to Berlin", "Café Müller", "Lisbon", "Kyoto"]
TAGS = ["travel", "books", "music", "work", "family", "cooking", "photos", "thoughts", "garden", "ünïcode"]


def _sentence(rng, words=12):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def seed_entries(app, username, count, seed=1):
    """``--seed N``: N generated entries for ``username`` (one transaction, executemany)."""
    db = app.db
    user = db.one("SELECT * FROM users WHERE user = ?", (canonical_username(username) or "",))
    if user is None:
        raise SeedError("no such user %s" % username)
    rng = random.Random(seed)
    start = user["next_itemid"]
    base_event = parse_datetime("2010-01-01 08:00:00")
    base_log = parse_datetime("2020-01-01 00:00:00")
    rows, props, tags = [], [], []
    for i in range(count):
        jitemid = start + i
        eventtime = format_datetime(base_event + i * 10800 + rng.randrange(60) * 60)[:16] + ":00"
        logtime = base_log + i * 7 + rng.randrange(7)
        roll = rng.random()
        security, mask = ("public", 0) if roll < 0.75 else ("private", 0) if roll < 0.85 else ("usemask", 1)
        subject = "Entry %d" % jitemid if rng.random() < 0.9 else ""
        body = "%s\n\n%s" % (_sentence(rng), _sentence(rng, 20))
        if rng.random() < 0.1:
            body += "\n" + rng.choice(UNICODE_SNIPPETS)
        rows.append((jitemid, user["userid"], rng.randrange(256), eventtime, logtime, security, mask, subject, body,
                     None, 0, None))
        if rng.random() < 0.3:
            mood, moodid = rng.choice(MOODS)
            props.append((jitemid, "current_mood", mood))
        if rng.random() < 0.3:
            tags.append((jitemid, rng.choice(TAGS)))
    with db.transaction():
        insert_entries(db, user["userid"], rows, props, tags)
    return count


# rich journals ----------------------------------------------------------------------------------

RICH_TEXTS = ["Съешь же ещё этих мягких французских булок, да выпей чаю.", "Ёлка, щука, объём — юг; «кавычки»",
              "日本語のテキストと漢字、ひらがな、カタカナ。", "中文：你好，世界！繁體字與简体字。", "한국어 문장입니다.",
              "emoji 🎉😀 and a family 👨‍👩‍👧‍👦", "👩🏽‍💻 at work, 🇺🇦🇯🇵 flags, ❤️‍🔥", "e\u0301 combining, ﬁ ligature, ß",
              "שלום עולם (right to left)", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 outside the BMP: 𝄞 𠜎", "<p>HTML &amp; <b>bold</b> <lj user=\"alice\"></p>",
              "tab\tseparated\tcolumns", "line\u2028separator and \u00a0no-break space", "Grüße, ça va, zażółć gęślą jaźń"]
RICH_SUBJECTS = ["Запись {n}", "日記 {n}", "Entry {n} 🎉", "", "<i>{n}</i> & more", "Ünïcödé {n}", "\ufeffBOM {n}",
                 "Κείμενο {n}", "emoji only 😀😀"]
RICH_TAGS = ["travel", "книги", "日本", "road trip", "ünïcode", "emoji 🎉", "work", "family", "c++", "a/b"]
RICH_MUSIC = ["Björk – Jóga", "Кино – Группа крови", "坂本龍一 – Merry Christmas Mr. Lawrence", "Sigur Rós – Hoppípolla"]
RICH_LOCATIONS = ["Москва", "東京", "Café Müller", "🏠 home"]


def _rich_body(rng, n, big=False, big_size=100 * 1024):
    newline = "\r\n" if n % 5 == 0 else "\n"          # every fifth body keeps CRLF line ends
    paragraphs = []
    target = big_size if big else rng.randrange(40, 900)
    size = 0
    while size < target:
        paragraph = rng.choice(RICH_TEXTS) + " " + _sentence(rng, rng.randrange(4, 16))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + len(newline) * 2
    body = (newline * 2).join(paragraphs)
    if n % 23 == 0:
        body = "  " + body + " \t"                      # surrounding whitespace is part of the text
    if n % 101 == 0:
        body = "\ufeff" + body
    return body


def seed_rich(app, username, count, seed=1):
    """n entries for ``username`` in one transaction, deterministic for a given seed (module docstring).

    Times: eventtimes about three hours apart from 2004 (so no day holds more than a dozen), logtimes
    about seven seconds apart from 2019 with every 97th entry sharing its predecessor's second.
    Itemids skip one after every 250th entry. Every fifth body uses CRLF; one entry in 2,000 (at least
    one, at most five) has a body of 100 kB."""
    db = app.db
    user = db.one("SELECT * FROM users WHERE user = ?", (canonical_username(username) or "",))
    if user is None:
        raise SeedError("no such user %s" % username)
    rng = random.Random(seed)
    big = set(rng.sample(range(count), min(5, max(1, count // 2000)))) if count else set()
    base_event = parse_datetime("2004-01-01 06:00:00")
    logtime = parse_datetime("2019-01-01 00:00:00")
    jitemid = user["next_itemid"] - 1
    rows, props, tags = [], [], []
    for i in range(count):
        jitemid += 2 if i and i % 250 == 0 else 1
        if i % 97 != 1:
            logtime += rng.randrange(3, 12)
        eventtime = format_datetime(base_event + i * 10800 + rng.randrange(120) * 60)[:16] + ":00"
        roll = rng.random()
        if roll < 0.6:
            security, mask = "public", 0
        elif roll < 0.75:
            security, mask = "private", 0
        else:
            security, mask = "usemask", rng.choice((1, 1, 2, 6))
        subject = rng.choice(RICH_SUBJECTS).format(n=jitemid)
        body = _rich_body(rng, i, big=i in big)
        edited = i % 17 == 0
        revtime = logtime + rng.randrange(60, 86400) if edited else None
        rows.append((jitemid, user["userid"], rng.randrange(256), eventtime, logtime, security, mask, subject,
                     body, revtime, rng.randrange(1, 4) if edited else 0, None))
        if rng.random() < 0.5:
            mood, moodid = rng.choice(MOODS)
            props.append((jitemid, "current_mood", mood))
            if moodid:
                props.append((jitemid, "current_moodid", str(moodid)))
        if rng.random() < 0.3:
            props.append((jitemid, "current_music", rng.choice(RICH_MUSIC)))
        if rng.random() < 0.2:
            props.append((jitemid, "current_location", rng.choice(RICH_LOCATIONS)))
        if rng.random() < 0.05:
            props.append((jitemid, "opt_preformatted", "1"))
        if rng.random() < 0.03:
            props.append((jitemid, "opt_backdated", "1"))
        for tag in rng.sample(RICH_TAGS, rng.choice((0, 0, 1, 1, 2, 3, 5))):
            tags.append((jitemid, tag))
    with db.transaction():
        insert_entries(db, user["userid"], rows, props, tags)
    return count


def seed_burst(app, username, count, at, seconds=1, seed=1):
    """``POST /__control/seed {"burst": ...}``: n entries for ``username`` whose logtimes are packed into
    ``seconds`` (1 or 2) consecutive seconds from ``at`` ('YYYY-MM-DD HH:MM:SS'), as an import, a script or
    a busy community writes them; consecutive itemids, eventtimes about five hours apart from 2012 (each
    day holds a few). Texts as in seed_rich (scripts, emoji, CRLF in every fifth body) with three bodies of
    60 kB, under the 65,535 bytes LJ takes. One transaction, deterministic for a given seed."""
    db = app.db
    user = db.one("SELECT * FROM users WHERE user = ?", (canonical_username(username) or "",))
    if user is None:
        raise SeedError("no such user %s" % username)
    if seconds not in (1, 2):
        raise SeedError("a burst is packed into 1 or 2 seconds, not %r" % seconds)
    first_log = parse_datetime(at)
    rng = random.Random(seed)
    big = set(rng.sample(range(count), min(3, count)))
    base_event = parse_datetime("2012-01-01 07:00:00")
    rows, props, tags = [], [], []
    for i in range(count):
        jitemid = user["next_itemid"] + i
        eventtime = format_datetime(base_event + i * 18000 + rng.randrange(120) * 60)[:16] + ":00"
        roll = rng.random()
        security, mask = ("public", 0) if roll < 0.7 else ("private", 0) if roll < 0.85 else ("usemask", 1)
        rows.append((jitemid, user["userid"], rng.randrange(256), eventtime, first_log + i * seconds // count,
                     security, mask, rng.choice(RICH_SUBJECTS).format(n=jitemid),
                     _rich_body(rng, i, big=i in big, big_size=60 * 1024), None, 0, None))
        if rng.random() < 0.4:
            props.append((jitemid, "current_mood", rng.choice(MOODS)[0]))
        if rng.random() < 0.2:
            props.append((jitemid, "current_music", rng.choice(RICH_MUSIC)))
        for tag in rng.sample(RICH_TAGS, rng.choice((0, 1, 1, 2))):
            tags.append((jitemid, tag))
    with db.transaction():
        insert_entries(db, user["userid"], rows, props, tags)
    return count


def main(argv=None):
    """``python3 -m ljsrv.seed --db FILE --user NAME:PASSWORD[:APIKEY] --rich N [--seed S]`` (run in
    tests/server): creates the account and its rich journal in a new database file."""
    import argparse
    import os
    from .db import Database

    parser = argparse.ArgumentParser(prog="python3 -m ljsrv.seed", description=main.__doc__)
    parser.add_argument("--db", required=True, help="database file to create (must not exist)")
    parser.add_argument("--user", required=True, metavar="NAME:PASSWORD[:APIKEY]")
    parser.add_argument("--rich", type=int, required=True, metavar="N", help="number of entries")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    if os.path.exists(args.db):
        parser.error("%s exists; the journal is only written into a new file" % args.db)
    parts = args.user.split(":")
    if len(parts) < 2 or args.rich < 0:
        parser.error("expected --user NAME:PASSWORD[:APIKEY] and --rich N >= 0")

    class _App:
        db = Database(args.db)

    with _App.db.transaction():
        create_user(_App.db, parts[0], parts[1], parts[2].split(",") if len(parts) > 2 else None)
    seed_rich(_App, parts[0], args.rich, args.seed)
    _App.db.conn.close()
    return 0


TINY_GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
            b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def seed_demo(app):
    """``--seed demo``: journal ``demo`` (password ``demo``) with a few hundred entries over several
    years, every security level, moods, music, locations, tags, icons, edits, deletions, comment
    activity, friends with groups, and the community ``demo_comm``."""
    db = app.db
    rng = random.Random(20261123)
    with db.transaction():
        demo = create_user(db, "demo", "demo", fullname="Demo Writer")
        others = {}
        for name, full in (("alex", "Alex Example"), ("sam", "Sam Sample"), ("robin", "Robin Reader")):
            others[name] = create_user(db, name, name, fullname=full)
        comm = create_community(db, "demo_comm", "demo", fullname="Demo Community", members=("alex", "sam"))
        for gid, name, sort, public in ((1, "Close friends", 10, 0), (2, "Work", 20, 0), (3, "Family", 30, 1)):
            db.execute("INSERT INTO groups (userid, id, name, sortorder, public) VALUES (?, ?, ?, ?, ?)",
                       (demo, gid, to_bytes(name), sort, public))
        for target, trust, mask, watch, fg, bg in (("alex", 1, 1 | 2, 1, "#000000", "#ffffff"),
                                                   ("sam", 1, 1 | 4 | 8, 1, "#112233", "#ffeedd"),
                                                   ("robin", 0, 0, 1, "#000000", "#ffffff")):
            db.execute("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (demo, others[target], trust, mask, watch, fg, bg))
        for name in ("alex", "sam"):
            db.execute("INSERT OR REPLACE INTO edges VALUES (?, ?, 1, 1, 1, '#000000', '#ffffff')", (others[name], demo))
        db.execute("INSERT INTO filters (userid, id, name, sortorder, public) VALUES (?, 1, ?, 1, 0)",
                   (demo, to_bytes("Favourites")))
        db.execute("INSERT INTO filtermembers VALUES (?, 1, ?)", (demo, others["alex"]))
        db.execute("UPDATE users SET next_filterid = 2 WHERE userid = ?", (demo,))
        for n, keywords in enumerate((["default", "smile"], ["thinking"], ["travel icon", "Ünï"])):
            picid = db.execute("INSERT INTO userpics (userid, md5, width, height, is_default) VALUES (?, ?, 1, 1, ?)",
                               (demo, "demo%d" % n, 1 if n == 0 else 0)).lastrowid
            for kw in keywords:
                db.execute("INSERT INTO userpic_keywords VALUES (?, ?, ?)", (demo, to_bytes(kw), picid))

        # the demo journal: ~320 items over 2019-2025 (some deleted afterwards, leaving itemid gaps)
        rows, props, tags = [], [], []
        start = parse_datetime("2019-01-03 09:00:00")
        end = parse_datetime("2025-12-20 21:00:00")
        count = 320
        deleted = set(rng.sample(range(1, count + 1), 12))
        for jitemid in range(1, count + 1):
            when = start + (end - start) * (jitemid - 1) // count + rng.randrange(0, 3 * 86400)
            eventtime = format_datetime(when)[:16] + ":00"
            backdated = rng.random() < 0.05
            logtime = when + rng.randrange(60, 3600) + (rng.randrange(30, 400) * 86400 if backdated else 0)
            roll = rng.random()
            if roll < 0.62:
                security, mask = "public", 0
            elif roll < 0.74:
                security, mask = "private", 0
            elif roll < 0.88:
                security, mask = "usemask", 1
            else:
                security, mask = "usemask", rng.choice((2, 4, 8, 6))
            subject = rng.choice(["", "", _sentence(rng, 4)[:-1], rng.choice(UNICODE_SNIPPETS),
                                  "On %s" % rng.choice(WORDS)])
            paragraphs = [_sentence(rng, rng.randrange(8, 30)) for _ in range(rng.randrange(1, 5))]
            if rng.random() < 0.25:
                paragraphs.insert(1, rng.choice(UNICODE_SNIPPETS) + " — " + _sentence(rng, 6))
            if rng.random() < 0.15:
                paragraphs.append("<b>Note:</b> <i>%s</i> <a href=\"https://example.org/\">link</a>" % _sentence(rng, 5))
            body = "\n\n".join(paragraphs)
            edited = rng.random() < 0.1
            revtime = logtime + rng.randrange(3600, 90 * 86400) if edited else None
            commentalter = logtime + rng.randrange(600, 86400) if rng.random() < 0.15 else None
            rows.append((jitemid, demo, rng.randrange(256), eventtime, logtime, security, mask, subject, body,
                         revtime, 1 if edited else 0, commentalter))
            if rng.random() < 0.6:
                mood, moodid = rng.choice(MOODS)
                props.append((jitemid, "current_mood", mood))
                if moodid:
                    props.append((jitemid, "current_moodid", str(moodid)))
            if rng.random() < 0.4:
                props.append((jitemid, "current_music", rng.choice(MUSIC)))
            if rng.random() < 0.3:
                props.append((jitemid, "current_location", rng.choice(PLACES)))
            if rng.random() < 0.3:
                props.append((jitemid, "picture_keyword", rng.choice(["smile", "thinking", "travel icon", "Ünï"])))
            if backdated:
                props.append((jitemid, "opt_backdated", "1"))
            if rng.random() < 0.05:
                props.append((jitemid, "opt_nocomments", "1"))
            if rng.random() < 0.1:
                props.append((jitemid, "opt_preformatted", "1"))
            for tag in rng.sample(TAGS, rng.randrange(0, 4)):
                tags.append((jitemid, tag))
        insert_entries(db, demo, rows, props, tags)
        for jitemid in deleted:
            db.execute("DELETE FROM entries WHERE journalid = ? AND jitemid = ?", (demo, jitemid))
            db.execute("DELETE FROM props WHERE journalid = ? AND jitemid = ?", (demo, jitemid))
            db.execute("DELETE FROM entrytags WHERE journalid = ? AND jitemid = ?", (demo, jitemid))

        # the community and the friends' journals
        crows = []
        posters = [demo, others["alex"], others["sam"]]
        for jitemid in range(1, 41):
            when = parse_datetime("2022-03-01 12:00:00") + jitemid * 5 * 86400 + rng.randrange(86400)
            crows.append((jitemid, rng.choice(posters), rng.randrange(256), format_datetime(when)[:16] + ":00",
                          when + 120, "usemask" if rng.random() < 0.2 else "public", 0, "Community post %d" % jitemid,
                          _sentence(rng, 25) + "\n\n" + rng.choice(UNICODE_SNIPPETS), None, 0, None))
        crows = [r if r[5] == "public" else r[:6] + (1,) + r[7:] for r in crows]
        insert_entries(db, comm, crows, [(r[0], "current_mood", "cheerful") for r in crows[::5]],
                       [(r[0], "meetup") for r in crows[::4]])
        for name, n in (("alex", 25), ("sam", 15), ("robin", 5)):
            frows = []
            for jitemid in range(1, n + 1):
                when = parse_datetime("2024-01-01 10:00:00") + jitemid * 9 * 86400 + rng.randrange(86400)
                frows.append((jitemid, others[name], rng.randrange(256), format_datetime(when)[:16] + ":00",
                              when + 60, "public", 0, "%s's post %d" % (name.capitalize(), jitemid),
                              _sentence(rng, 18), None, 0, None))
            insert_entries(db, others[name], frows)
    return demo


if __name__ == "__main__":
    import sys
    sys.exit(main())
