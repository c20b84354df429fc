#pragma once

#include "journal/JournalEntry.h"
#include "store/StatementCache.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace Inkwell {

// One row of a journal's history: enough for a list, without whole bodies (see entryPage()).
struct EntrySummary
{
    qint64 itemid = 0;
    QString eventtime;
    QString subject;
    QString bodyStart; // the body's first characters when the subject is blank, else empty
    Security security = Security::Public;
    quint64 allowmask = 0;
};

// A page of a journal's entries in (eventtime, itemid) order, by keyset: only rows strictly past
// (afterEventtime, afterItemid) in the chosen direction, so every page is one bounded range read of
// the (journal_id, eventtime, itemid) index however deep into the journal it is.
struct EntryPageRequest
{
    bool newestFirst = true;
    QString afterEventtime; // empty: from the first row
    qint64 afterItemid = 0;
    QString from; // only eventtime >= from (empty: unbounded)
    QString to;   // only eventtime < to (empty: unbounded)
    int limit = 200;
    int offset = 0;       // rows skipped first: a page reached without reading the ones before it
    int bodyChars = 1000; // how much of a subject-less body to read
};

// A journal the profile mirrors (or has begun to), with its account.
struct MirroredJournal
{
    qint64 id = 0;
    QString accountName;
    QString journal;
    bool isAccountsOwn = false; // the account's own journal, not a community
    bool operator==(const MirroredJournal&) const = default;
};

// The local mirror of the journals of one profile: the journals, their entries with props and
// tags, and per-day counts. Full-text search is JournalSearch's, the sync's own state
// SyncStateStore's; all three work on the same tables. The writes of one sync step go through one
// Transaction, so a crash leaves the database at a step boundary, never in between.
//
// Works on whatever connection it is given, on that connection's thread: the sync engine gives it
// its writer connection, views give it a reader connection.
class JournalStore
{
    Q_DECLARE_TR_FUNCTIONS(JournalStore)

public:
    explicit JournalStore(QSqlDatabase connection);

    QSqlDatabase connection() const { return m_sql.connection(); }
    QString lastError() const { return m_sql.error(); }

    // The id of `journal` of account `accountName`, created if needed (the account must exist).
    // 0 on failure.
    qint64 journalId(const QString& accountName, const QString& journal);
    // 0 if not mirrored yet.
    qint64 findJournalId(const QString& accountName, const QString& journal) const;
    // Every journal of every account, by account name, the account's own journal first.
    QList<MirroredJournal> journals() const;

    // Entries.
    bool upsertEntries(qint64 journalId, const QList<JournalEntry>& entries);
    bool deleteEntries(qint64 journalId, const QList<qint64>& itemids);
    std::optional<JournalEntry> entry(qint64 journalId, qint64 itemid) const;
    // Every entry, by itemid (exports, tests). Streams through `visit` to bound memory. False when
    // the read stopped short (a damaged database): what was visited is then only a part.
    bool forEachEntry(qint64 journalId, const std::function<void(const JournalEntry&)>& visit) const;
    int entryCount(qint64 journalId) const;
    // Entries with from <= eventtime < to (empty: unbounded), as EntryPageRequest bounds them.
    int entryCount(qint64 journalId, const QString& from, const QString& to) const;
    // Which of `itemids` the mirror already holds.
    QSet<qint64> existingItemids(qint64 journalId, const QList<qint64>& itemids) const;
    // The mirrored itemids from `first` to `last`, ascending.
    QList<qint64> itemidsBetween(qint64 journalId, qint64 first, qint64 last) const;
    QList<qint64> itemidsOnDay(qint64 journalId, const QDate& day) const;
    // One page of the history (see EntryPageRequest).
    QList<EntrySummary> entryPage(qint64 journalId, const EntryPageRequest& request) const;
    // The journal's distinct tags (lower case, as stored), sorted.
    QStringList tags(qint64 journalId) const;

    // Per-day entry counts by eventtime date, like getdaycounts.
    QMap<QDate, int> dayCounts(qint64 journalId) const;
    QMap<QDate, int> dayCounts(qint64 journalId, const QDate& from, const QDate& to) const;

private:
    mutable StatementCache m_sql;
};

} // namespace Inkwell
