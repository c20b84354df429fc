"""Entry storage helpers shared by the entry modes: tags, props, visibility and the event records
getevents returns (REFERENCE §3.3-3.8, §6)."""

from .auth import is_admin, is_member
from .clock import format_datetime
from .errors import ProtocolError
from .text import PERL_SPACE, from_bytes, to_bytes

CANNOT_BE_SHOWN = "(cannot be shown)"


def perl_int(value):
    """Perl's numeric conversion of a string (``"12abc"+0`` is 12, ``"x"+0`` is 0)."""
    if value is None or isinstance(value, (dict, list)):
        return 0
    text = str(value).lstrip(PERL_SPACE)
    sign = 1
    if text[:1] in "+-" and text[:1]:
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    digits = ""
    for ch in text:
        if ch.isdigit() and ch.isascii():
            digits += ch
        else:
            break
    return sign * int(digits) if digits else 0


# tags ----------------------------------------------------------------------------------------------

def parse_taglist(value, flavor):
    """Split and canonicalise a taglist (LJ::Tags::is_valid_tagstring / canonical_tag): commas
    separate tags; each is trimmed, whitespace runs collapsed, lower-cased and cut to 40 characters /
    80 bytes. Returns the list of tags or raises 211."""
    tags = []
    for raw in value.split(","):
        tag = " ".join(raw.split())
        if not tag:
            continue
        if any(c in tag for c in "<>\r\n\t"):
            raise ProtocolError(211)
        if flavor == "dw" and tag.startswith("_"):
            raise ProtocolError(211)
        tag = tag.lower()
        out = ""
        size = 0
        for ch in tag:
            b = len(ch.encode("utf-8", "surrogateescape"))
            if len(out) >= 40 or size + b > 80:
                break
            out += ch
            size += b
        tag = out.rstrip()
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def set_entry_tags(db, journalid, jitemid, tags):
    db.execute("DELETE FROM entrytags WHERE journalid = ? AND jitemid = ?", (journalid, jitemid))
    for tag in tags:
        raw = to_bytes(tag)
        kwid = db.value("SELECT kwid FROM tags WHERE journalid = ? AND name = ?", (journalid, raw))
        if kwid is None:
            kwid = db.value("SELECT COALESCE(MAX(kwid), 0) + 1 FROM tags WHERE journalid = ?", (journalid,))
            db.execute("INSERT INTO tags (journalid, kwid, name, display) VALUES (?, ?, ?, 1)",
                       (journalid, kwid, raw))
        db.execute("INSERT OR IGNORE INTO entrytags (journalid, jitemid, kwid) VALUES (?, ?, ?)",
                   (journalid, jitemid, kwid))


def entry_taglists(db, journalid, itemids):
    """{jitemid: "a, b"} - the synthetic taglist prop, tags sorted by name (transcripts xmlrpc/087)."""
    if not itemids:
        return {}
    result = {}
    for chunk in _chunks(itemids):
        rows = db.all("SELECT et.jitemid, t.name FROM entrytags et JOIN tags t "
                      "ON t.journalid = et.journalid AND t.kwid = et.kwid "
                      "WHERE et.journalid = ? AND et.jitemid IN (%s)" % ",".join("?" * len(chunk)),
                      [journalid] + list(chunk))
        for row in rows:
            result.setdefault(row[0], []).append(bytes(row[1]))
    return {k: from_bytes(b", ".join(sorted(v))) for k, v in result.items()}


def _chunks(seq, size=500):
    seq = list(seq)
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


def entry_props(db, journalid, itemids):
    """{jitemid: {name: value}} from the props table."""
    result = {}
    for chunk in _chunks(itemids):
        rows = db.all("SELECT jitemid, name, value FROM props WHERE journalid = ? AND jitemid IN (%s)"
                      % ",".join("?" * len(chunk)), [journalid] + list(chunk))
        for row in rows:
            result.setdefault(row[0], {})[row[1]] = from_bytes(row[2])
    return result


def set_prop(db, journalid, jitemid, name, value):
    if value is None or value == "" or value == "0":
        db.execute("DELETE FROM props WHERE journalid = ? AND jitemid = ? AND name = ?",
                   (journalid, jitemid, name))
    else:
        db.execute("INSERT OR REPLACE INTO props (journalid, jitemid, name, value) VALUES (?, ?, ?, ?)",
                   (journalid, jitemid, name, to_bytes(value)))


def valid_picture_keyword(db, userid, keyword):
    return db.one("SELECT picid FROM userpic_keywords WHERE userid = ? AND keyword = ?",
                  (userid, to_bytes(keyword))) is not None


def delete_entry(db, journalid, jitemid):
    db.execute("DELETE FROM entries WHERE journalid = ? AND jitemid = ?", (journalid, jitemid))
    db.execute("DELETE FROM props WHERE journalid = ? AND jitemid = ?", (journalid, jitemid))
    db.execute("DELETE FROM entrytags WHERE journalid = ? AND jitemid = ?", (journalid, jitemid))


# visibility ----------------------------------------------------------------------------------------

def access_level(ctx, user, owner):
    """'all' (owner, community admins; and everyone on LJ, which does not filter), 'member' (DW
    community members: public + usemask entries with the membership bit) or 'public'."""
    if ctx.flavor == "lj" or owner["userid"] == user["userid"]:
        return "all"
    db = ctx.app.db
    if owner["journaltype"] == "C":
        if is_admin(db, owner["userid"], user["userid"]):
            return "all"
        if is_member(db, owner["userid"], user["userid"]):
            return "member"
    return "public"


def visibility_sql(level):
    if level == "all":
        return ""
    if level == "member":
        return " AND (security = 'public' OR (security = 'usemask' AND (allowmask & 1) = 1))"
    return " AND security = 'public'"


# event records ---------------------------------------------------------------------------------

def convert_lineendings(text, style):
    if style == "unix":
        return text
    if style == "mac":
        return text.replace("\n", "\r")
    if style == "space":
        return text.replace("\n", " ")
    if style == "dots":
        return text.replace("\n", " ... ")
    return text.replace("\n", "\r\n")       # pc, the default


def truncate_text(text, limit, ver):
    """getevents ``truncate`` (>= 4): cut to limit-3 characters (bytes with ver > 1) without splitting
    a character, drop trailing whitespace, append "..." (transcripts flat/076, xmlrpc/048-049)."""
    if limit < 4:
        return text
    measure = (lambda s: len(to_bytes(s))) if ver > 1 else len
    if measure(text) <= limit:
        return text
    keep = limit - 3
    out = []
    size = 0
    for ch in text:
        step = len(ch.encode("utf-8", "surrogateescape")) if ver > 1 else 1
        if size + step > keep:
            break
        out.append(ch)
        size += step
    return "".join(out).rstrip(PERL_SPACE) + "..."


def build_events(ctx, req, owner, rows, selecttype):
    """Turn entry rows into getevents event structs (XML-RPC shape)."""
    db = ctx.app.db
    dw = ctx.flavor == "dw"
    ver = perl_int(req.get("ver"))
    noprops = _true(req.get("noprops"))
    notags = _true(req.get("notags"))
    prefer = _true(req.get("prefersubject"))
    truncate = perl_int(req.get("truncate"))
    lineendings = req.get("lineendings") if isinstance(req.get("lineendings"), str) else "pc"
    itemids = [row["jitemid"] for row in rows]
    props = entry_props(db, owner["userid"], itemids)
    # taglist: synthesised from the entry's tags (the real server joins them in Perl hash order; we
    # sort them) unless notags; with notags the stored taglist prop shows through (flat/078).
    taglists = {} if (noprops or notags) else entry_taglists(db, owner["userid"], itemids)
    posters = {}
    events = []
    for row in rows:
        jitemid = row["jitemid"]
        eprops = props.get(jitemid, {})
        subject = from_bytes(row["subject"])
        event = from_bytes(row["event"])
        unknown8bit = eprops.get("unknown8bit") == "1"
        if ver < 1 and not unknown8bit and not (_ascii(subject) and _ascii(event)):
            if selecttype == "day":
                subject = event = CANNOT_BE_SHOWN
            else:
                raise ProtocolError(207, "Cannot display/edit a Unicode post with a non-Unicode client. "
                                         "Please see /support/encodings for more information.")
        if ver >= 1 and unknown8bit:
            subject = _legacy_to_utf8(subject)
            event = _legacy_to_utf8(event)
        subject = subject.replace("\r", " ").replace("\n", " ")
        if prefer and subject:
            event = subject
            subject = ""
        if truncate >= 4:
            event = truncate_text(event, truncate, ver)
        event = convert_lineendings(event, lineendings)
        evt = {"itemid": jitemid, "eventtime": row["eventtime"]}
        if dw:
            evt["logtime"] = format_datetime(row["logtime"])
        if row["security"] != "public":
            evt["security"] = row["security"]
            if row["security"] == "usemask":
                evt["allowmask"] = row["allowmask"]
        if subject:
            evt["subject"] = subject
        evt["event"] = event
        evt["anum"] = row["anum"]
        evt["url"] = ctx.app.entry_url(owner["user"], jitemid, row["anum"])
        if row["posterid"] != owner["userid"]:
            if row["posterid"] not in posters:
                posters[row["posterid"]] = db.value("SELECT user FROM users WHERE userid = ?",
                                                    (row["posterid"],), "")
            evt["poster"] = posters[row["posterid"]]
        if dw and ver >= 1 and unknown8bit:
            evt["converted_with_loss"] = 1
        if not noprops:
            out = {}
            for name, value in eprops.items():
                if name in ("replycount", "xpost") and dw:
                    continue
                out[name] = value.replace("\n", " ")
            if row["revnum"]:
                out["revnum"] = str(row["revnum"])
            if row["revtime"] is not None:
                out["revtime"] = str(row["revtime"])
            if row["commentalter"] is not None:
                out["commentalter"] = str(row["commentalter"])
            if jitemid in taglists:
                out["taglist"] = taglists[jitemid]
            if dw:
                # DW derives picture_keyword from picture_mapid for every entry: present, maybe undef.
                out.setdefault("picture_keyword", None)
            if out or dw:
                evt["props"] = out
        events.append(evt)
    return events


def _ascii(text):
    return all(ord(c) < 128 for c in text)


def _legacy_to_utf8(text):
    """Legacy 8-bit text is taken to be ISO-8859-1 (the journal's configured legacy encoding)."""
    return to_bytes(text).decode("latin-1")


def _true(value):
    return bool(value) and isinstance(value, str) and value not in ("0",)
