#pragma once

#include "journal/JournalEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace Inkwell {

struct Draft
{
    qint64 id = 0;   // 0 until saved
    QString account; // empty until the user picks one
    QString journal;
    qint64 itemid = 0; // the entry being edited, 0 for a new one
    JournalEntry entry;
    std::optional<JournalEntry> base; // edits: the mirrored version the edit started from
    QString createdAt;
    QString updatedAt;
};

// Drafts saved while the user types. Each save is one small committed transaction, so a killed
// program loses at most what was typed since the last save (the editor saves every couple of
// seconds and on focus changes).
class DraftStore
{
    Q_DECLARE_TR_FUNCTIONS(DraftStore)

public:
    explicit DraftStore(QSqlDatabase connection);

    QString lastError() const { return m_error; }

    // Inserts (id 0: the new id is written back) or updates the draft.
    bool save(Draft& draft);
    std::optional<Draft> draft(qint64 id) const;
    // Newest first.
    QList<Draft> drafts() const;
    bool remove(qint64 id);

private:
    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace Inkwell
