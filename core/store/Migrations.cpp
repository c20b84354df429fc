#include "store/Migrations.h"

namespace Inkwell {

namespace {

// Version 1: accounts (no secrets: passwords live only in the keychain), the journals each account
// mirrors, and the mirrored entries with their props and tags. Times are kept as the server sends
// them (REFERENCE.md 4.5: eventtime is the poster's wall clock, logtime is opaque server time).
Migration version1()
{
    return {1,
            {
                QStringLiteral("CREATE TABLE accounts ("
                               " id INTEGER PRIMARY KEY,"
                               " name TEXT NOT NULL UNIQUE,"
                               " server_url TEXT NOT NULL,"
                               " username TEXT NOT NULL,"
                               " interface TEXT NOT NULL DEFAULT 'flat',"
                               " auth_method TEXT NOT NULL DEFAULT 'challenge',"
                               " flavor TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE journals ("
                               " id INTEGER PRIMARY KEY,"
                               " account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,"
                               " name TEXT NOT NULL,"
                               " UNIQUE (account_id, name))"),
                QStringLiteral("CREATE TABLE entries ("
                               " journal_id INTEGER NOT NULL REFERENCES journals(id) ON DELETE CASCADE,"
                               " itemid INTEGER NOT NULL,"
                               " anum INTEGER NOT NULL DEFAULT 0,"
                               " url TEXT NOT NULL DEFAULT '',"
                               " eventtime TEXT NOT NULL,"
                               " logtime TEXT NOT NULL DEFAULT '',"
                               " subject TEXT NOT NULL DEFAULT '',"
                               " body TEXT NOT NULL DEFAULT '',"
                               " security TEXT NOT NULL DEFAULT 'public',"
                               " allowmask INTEGER NOT NULL DEFAULT 0,"
                               " poster TEXT NOT NULL DEFAULT '',"
                               " PRIMARY KEY (journal_id, itemid))"),
                QStringLiteral(
                    "CREATE INDEX entries_by_eventtime ON entries (journal_id, eventtime DESC, itemid DESC)"),
                QStringLiteral("CREATE TABLE entry_props ("
                               " journal_id INTEGER NOT NULL,"
                               " itemid INTEGER NOT NULL,"
                               " name TEXT NOT NULL,"
                               " value TEXT NOT NULL,"
                               " PRIMARY KEY (journal_id, itemid, name),"
                               " FOREIGN KEY (journal_id, itemid) REFERENCES entries (journal_id, itemid)"
                               " ON DELETE CASCADE)"),
                QStringLiteral("CREATE TABLE entry_tags ("
                               " journal_id INTEGER NOT NULL,"
                               " itemid INTEGER NOT NULL,"
                               " tag TEXT NOT NULL,"
                               " PRIMARY KEY (journal_id, itemid, tag),"
                               " FOREIGN KEY (journal_id, itemid) REFERENCES entries (journal_id, itemid)"
                               " ON DELETE CASCADE)"),
                QStringLiteral("CREATE INDEX entry_tags_by_tag ON entry_tags (journal_id, tag)"),
            }};
}

// Version 2: what the sync engine needs. Full-text search over subject, body and tags (FTS5 with
// the entries table as external content, kept current by triggers), the journal's committed sync
// cursor, and the enumeration state that makes an interrupted sync resumable.
Migration version2()
{
    return {2,
            {
                QStringLiteral("ALTER TABLE entries ADD COLUMN tags TEXT NOT NULL DEFAULT ''"),
                QStringLiteral("CREATE VIRTUAL TABLE entries_fts USING fts5("
                               " subject, body, tags,"
                               " content='entries', content_rowid='rowid',"
                               " tokenize='unicode61 remove_diacritics 2')"),
                QStringLiteral("CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN"
                               " INSERT INTO entries_fts (rowid, subject, body, tags)"
                               " VALUES (new.rowid, new.subject, new.body, new.tags); END"),
                QStringLiteral("CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN"
                               " INSERT INTO entries_fts (entries_fts, rowid, subject, body, tags)"
                               " VALUES ('delete', old.rowid, old.subject, old.body, old.tags); END"),
                QStringLiteral("CREATE TRIGGER entries_fts_update AFTER UPDATE ON entries BEGIN"
                               " INSERT INTO entries_fts (entries_fts, rowid, subject, body, tags)"
                               " VALUES ('delete', old.rowid, old.subject, old.body, old.tags);"
                               " INSERT INTO entries_fts (rowid, subject, body, tags)"
                               " VALUES (new.rowid, new.subject, new.body, new.tags); END"),
                // Entries mirrored under version 1 become searchable too.
                QStringLiteral("INSERT INTO entries_fts (entries_fts) VALUES ('rebuild')"),
                QStringLiteral("CREATE TABLE sync_state ("
                               " journal_id INTEGER PRIMARY KEY REFERENCES journals(id) ON DELETE CASCADE,"
                               " cursor TEXT NOT NULL DEFAULT ''," // committed: all up to here is mirrored
                               " scan_cursor TEXT,"                // enumeration in progress (NULL: none)
                               " scan_max_time TEXT NOT NULL DEFAULT '',"
                               " last_full_check TEXT NOT NULL DEFAULT '')"),
                QStringLiteral("CREATE TABLE sync_pending ("
                               " journal_id INTEGER NOT NULL REFERENCES journals(id) ON DELETE CASCADE,"
                               " itemid INTEGER NOT NULL,"
                               " time TEXT NOT NULL,"
                               " PRIMARY KEY (journal_id, itemid))"),
            }};
}

// Version 3: writing offline. Drafts autosave here while the user types; the outbox holds posts,
// edits and deletions until the server has taken them, with the state that makes them go out
// exactly once (see core/store/Outbox.h).
Migration version3()
{
    return {3,
            {
                QStringLiteral(
                    "CREATE TABLE drafts ("
                    " id INTEGER PRIMARY KEY,"
                    // NULL until the user picks an account; follows renames
                    " account TEXT REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE SET NULL,"
                    " journal TEXT NOT NULL DEFAULT '',"
                    " itemid INTEGER NOT NULL DEFAULT 0," // 0: a new entry
                    " entry TEXT NOT NULL,"               // JSON of the entry as typed
                    " base TEXT NOT NULL DEFAULT '',"     // JSON of the mirrored entry an edit started from
                    " created_at TEXT NOT NULL,"
                    " updated_at TEXT NOT NULL)"),
                QStringLiteral(
                    "CREATE TABLE outbox ("
                    " id INTEGER PRIMARY KEY,"
                    // An account with unsent work cannot be removed (RESTRICT).
                    " account TEXT NOT NULL REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE RESTRICT,"
                    " journal TEXT NOT NULL,"
                    " operation TEXT NOT NULL,"           // post, edit, delete
                    " itemid INTEGER NOT NULL DEFAULT 0," // target; for a post once known
                    " entry TEXT NOT NULL,"               // JSON of the entry to send
                    " base TEXT NOT NULL DEFAULT '',"     // JSON of the server version an edit started from
                    " server TEXT NOT NULL DEFAULT '',"   // JSON of the server's version in a conflict
                    " state TEXT NOT NULL,"               // see OutboxState
                    " reason TEXT NOT NULL DEFAULT '',"
                    " attempts INTEGER NOT NULL DEFAULT 0,"
                    " url TEXT NOT NULL DEFAULT '',"
                    " draft_id INTEGER NOT NULL DEFAULT 0,"
                    " created_at TEXT NOT NULL,"
                    " updated_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX outbox_by_account ON outbox (account, state, id)"),
            }};
}

// Version 4: what the server said at an account's last login (core/account/LoginInfoStore.h), so
// the editor can offer userpics, moods, groups and journals offline. Goes with its account.
Migration version4()
{
    return {4,
            {
                QStringLiteral(
                    "CREATE TABLE account_login ("
                    " account TEXT PRIMARY KEY REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                    " fetched_at TEXT NOT NULL," // ISO 8601 UTC
                    " fullname TEXT NOT NULL DEFAULT '',"
                    " message TEXT NOT NULL DEFAULT '',"
                    " info TEXT NOT NULL)"), // JSON: usejournals, groups, moods, userpics, caps
            }};
}

// Version 5: each account's friends (classic LiveJournal) or circle (Dreamwidth) and its groups as
// last fetched, with the user's changes laid over them, and the queue of those changes until the
// server has taken them (core/friends/FriendsStore.h). All go with their account.
Migration version5()
{
    return {5,
            {
                QStringLiteral(
                    "CREATE TABLE friends ("
                    " account TEXT NOT NULL REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                    " username TEXT NOT NULL,"
                    " display_name TEXT NOT NULL DEFAULT '',"
                    " type TEXT NOT NULL DEFAULT ''," // as the server names it; '' for a person
                    " fg TEXT NOT NULL DEFAULT '#000000',"
                    " bg TEXT NOT NULL DEFAULT '#ffffff',"
                    " groupmask INTEGER NOT NULL DEFAULT 0,"
                    " trusted INTEGER NOT NULL DEFAULT 0,"
                    " watched INTEGER NOT NULL DEFAULT 0,"
                    " trusted_by INTEGER NOT NULL DEFAULT 0,"
                    " watched_by INTEGER NOT NULL DEFAULT 0,"
                    " status TEXT NOT NULL DEFAULT '',"
                    " PRIMARY KEY (account, username))"),
                QStringLiteral(
                    "CREATE TABLE friend_groups ("
                    " account TEXT NOT NULL REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                    " id INTEGER NOT NULL," // the group's bit: 1-30 (LJ), 1-60 (DW)
                    " name TEXT NOT NULL,"
                    " sortorder INTEGER NOT NULL DEFAULT 50,"
                    " public INTEGER NOT NULL DEFAULT 0,"
                    " PRIMARY KEY (account, id))"),
                QStringLiteral(
                    "CREATE TABLE friend_changes ("
                    " id INTEGER PRIMARY KEY," // sent in this order
                    " account TEXT NOT NULL REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                    " kind TEXT NOT NULL,"
                    " change TEXT NOT NULL," // JSON
                    " state TEXT NOT NULL DEFAULT 'waiting',"
                    " reason TEXT NOT NULL DEFAULT '',"
                    " attempts INTEGER NOT NULL DEFAULT 0,"
                    " created_at TEXT NOT NULL)"),
                QStringLiteral("CREATE INDEX friend_changes_by_account ON friend_changes (account, id)"),
                QStringLiteral(
                    "CREATE TABLE friends_fetched ("
                    " account TEXT PRIMARY KEY REFERENCES accounts(name) ON UPDATE CASCADE ON DELETE CASCADE,"
                    " flavor TEXT NOT NULL DEFAULT '',"
                    " fetched_at TEXT NOT NULL)"), // ISO 8601 UTC
            }};
}

// Version 6: a fetched getevents batch kept as received until its entries are stored. The sync
// engine commits a batch here (and takes its ids off the pending list) before it asks for the next
// one, then stores the entries while that request is on its way; a sync stopped in between stores
// what is kept here when it resumes instead of fetching it again (core/sync/SyncEngine.h).
Migration version6()
{
    return {6,
            {
                QStringLiteral("CREATE TABLE sync_fetched ("
                               " id INTEGER PRIMARY KEY,"
                               " journal_id INTEGER NOT NULL REFERENCES journals(id) ON DELETE CASCADE,"
                               " entries BLOB NOT NULL)"), // JSON array of entries (toJson)
                QStringLiteral("CREATE INDEX sync_fetched_by_journal ON sync_fetched (journal_id, id)"),
            }};
}

// v7: an account may reach its server through a proxy of its own (empty: the system's settings).
Migration version7()
{
    return {7, {QStringLiteral("ALTER TABLE accounts ADD COLUMN proxy TEXT NOT NULL DEFAULT ''")}};
}

// v8: a kept getevents batch is the reply's body as it came ("flat" or "xmlrpc", decoded again
// when a stopped sync resumes) with the itemids it answered, which leave the pending list when its
// entries are stored. Keeping it is one small insert before the next request may go out, instead
// of a JSON rendering of every entry and a delete per id. Batches kept by v6/v7 stay readable as
// "json" (their ids already left the pending list).
Migration version8()
{
    return {8,
            {
                QStringLiteral("ALTER TABLE sync_fetched ADD COLUMN format TEXT NOT NULL DEFAULT 'json'"),
                QStringLiteral("ALTER TABLE sync_fetched ADD COLUMN itemids TEXT NOT NULL DEFAULT ''"),
            }};
}

// v9: getevents replies are kept in files beside the database (sync/FetchSpool.h), numbered per
// journal; the number of the last one whose entries were committed is committed with them, so a
// file left behind (a stop between the commit and its removal) is never stored twice.
Migration version9()
{
    return {9,
            {QStringLiteral("ALTER TABLE sync_state ADD COLUMN fetched_stored INTEGER NOT NULL DEFAULT 0")}};
}

// v10: the seconds an enumeration in progress could not list whole (more than a syncitems page of
// items in one second) and what the sync asked for in their place (sync/CrowdedSeconds.h), so that
// a stopped sync goes on finding their entries.
Migration version10()
{
    return {10, {QStringLiteral("ALTER TABLE sync_state ADD COLUMN scan_crowded TEXT NOT NULL DEFAULT ''")}};
}

// v11: a fetched batch waits in the sync's spool files only (v9); the table where v6 to v8 kept
// them is gone, as no release ever wrote it.
Migration version11()
{
    return {11, {QStringLiteral("DROP TABLE sync_fetched")}};
}

// v12: the entries an enumeration in progress listed in its newest second (sync/Lister.h), so that
// a stopped sync lists that second again without fetching them twice.
Migration version12()
{
    return {12, {QStringLiteral("ALTER TABLE sync_state ADD COLUMN scan_newest TEXT NOT NULL DEFAULT ''")}};
}

} // namespace

const QList<Migration>& journalMigrations()
{
    static const QList<Migration> steps{version1(), version2(),  version3(),  version4(),
                                        version5(), version6(),  version7(),  version8(),
                                        version9(), version10(), version11(), version12()};
    return steps;
}

int latestJournalSchemaVersion()
{
    return journalMigrations().isEmpty() ? 0 : journalMigrations().constLast().version;
}

} // namespace Inkwell
