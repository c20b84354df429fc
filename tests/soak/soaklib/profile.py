"""Profile folders: templates copied per case, the database's integrity read on a copy, and the
damage the soak does to files (flipped bytes in a page, a cut spool file)."""

import os
import shutil
import sqlite3
import stat
import tempfile

DB = "journal.sqlite"
SPOOL = "journal.sqlite-fetched"


def copy_profile(source, target):
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target, symlinks=True)
    return target


def quick_check(profile):
    """PRAGMA quick_check on a copy of journal.sqlite (with its -wal, so what a reader would see):
    None when it reads "ok" (or there is no database yet), else the first problem."""
    db = os.path.join(profile, DB)
    if not os.path.exists(db):
        return None
    with tempfile.TemporaryDirectory(prefix="soak-qc-") as tmp:
        for suffix in ("", "-wal"):
            if os.path.exists(db + suffix):
                shutil.copyfile(db + suffix, os.path.join(tmp, DB + suffix))
        try:
            conn = sqlite3.connect(os.path.join(tmp, DB))
            try:
                rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            return "not readable: %s" % exc
    if rows == ["ok"]:
        return None
    return "; ".join(str(r) for r in rows[:3])


def checkpoint(profile):
    """Folds the WAL into journal.sqlite, so that damage to the file lands in what is read."""
    db = os.path.join(profile, DB)
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    finally:
        conn.close()


def page_size_and_count(profile):
    db = os.path.join(profile, DB)
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return conn.execute("PRAGMA page_size").fetchone()[0], conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()


def table_pages(profile, table):
    """The pages of one table's b-tree (via the dbstat virtual table when SQLite has it)."""
    db = os.path.join(profile, DB)
    conn = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT pageno FROM dbstat WHERE name = ?", (table,))]
    except sqlite3.DatabaseError:
        return []
    finally:
        conn.close()


def flip_bytes(path, rng, start, length, count):
    """Flips `count` random bytes (xor with a non-zero value) within [start, start+length)."""
    with open(path, "r+b") as f:
        size = os.fstat(f.fileno()).st_size
        end = min(size, start + length)
        if end <= start:
            return []
        spots = sorted(rng.sample(range(start, end), min(count, end - start)))
        for spot in spots:
            f.seek(spot)
            byte = f.read(1)[0]
            f.seek(spot)
            f.write(bytes([byte ^ rng.randrange(1, 256)]))
        return spots


def spool_files(profile):
    folder = os.path.join(profile, SPOOL)
    if not os.path.isdir(folder):
        return []
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if os.path.isfile(os.path.join(folder, name)) and os.path.getsize(os.path.join(folder, name)) > 0)


def chown_tree(path, uid, gid):
    for root, dirs, files in os.walk(path):
        os.chown(root, uid, gid)
        for name in files:
            os.chown(os.path.join(root, name), uid, gid)


def make_read_only(path):
    """Root-owned and without write bits: read-only for the unprivileged user the CLI runs as."""
    for root, dirs, files in os.walk(path):
        os.chown(root, 0, 0)
        os.chmod(root, 0o755)
        for name in files:
            full = os.path.join(root, name)
            os.chown(full, 0, 0)
            os.chmod(full, 0o644)


def writable_by_all_parents(path, stop):
    """Lets another user reach `path` (search permission on every folder above it, up to `stop`)."""
    path = os.path.abspath(path)
    stop = os.path.abspath(stop)
    while True:
        mode = os.stat(path).st_mode
        os.chmod(path, stat.S_IMODE(mode) | 0o111)
        if path == stop or path == "/":
            break
        path = os.path.dirname(path)
