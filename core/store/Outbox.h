#pragma once

#include "journal/JournalEntry.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace Inkwell {

// Where an outbox item stands. The states make a post go out exactly once:
//   Waiting   not sent yet, or known not to have reached the server (reason says why it waits)
//   Sending   being sent now; found in this state at start-up it means the program died mid-send
//   Unknown   sent, but no reply said whether the server took it: the server is asked (the entry
//             is looked for on its day) before anything is sent again
//   Conflict  an offline edit whose entry was also changed on the server: the user chooses
//   Failed    refused by the server for good (reason has its message); kept for the user to fix
// Items the server took are removed from the outbox (the mirror holds the entry).
enum class OutboxState { Waiting, Sending, Unknown, Conflict, Failed };
enum class OutboxOperation { Post, Edit, Delete };

QString toString(OutboxState state);
QString toString(OutboxOperation operation);

struct OutboxItem
{
    qint64 id = 0;
    QString account;
    QString journal; // the journal's user name (own or a community)
    OutboxOperation operation = OutboxOperation::Post;
    qint64 itemid = 0;                  // edit/delete target
    JournalEntry entry;                 // what to send (for a delete, the entry as it was, for display)
    std::optional<JournalEntry> base;   // edits: the server's version the edit started from
    std::optional<JournalEntry> server; // conflicts: the server's version now
    OutboxState state = OutboxState::Waiting;
    QString reason;
    int attempts = 0;
    qint64 draftId = 0; // the draft to remove once the server took the item
    QString createdAt;
    QString updatedAt;
};

// The queue of posts, edits and deletions of a profile, persisted so that nothing waits only in
// memory. Works on the connection it is given, on that connection's thread.
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(Outbox)

public:
    explicit Outbox(QSqlDatabase connection);

    QString lastError() const { return m_error; }
    QSqlDatabase connection() const { return m_db; }

    // Returns the new item's id, 0 on failure. The item starts Waiting.
    qint64 enqueue(const OutboxItem& item);
    std::optional<OutboxItem> item(qint64 id) const;
    // Items of an account (or of all accounts when empty), oldest first.
    QList<OutboxItem> items(const QString& account = {}) const;
    int count(const QString& account = {}) const;

    bool setState(qint64 id, OutboxState state, const QString& reason = {});
    // Sending, with one more attempt counted; committed before the request goes out.
    bool markSending(qint64 id);
    bool markConflict(qint64 id, const JournalEntry& serverVersion);
    // Replaces what a Waiting item will send (the user edited a queued entry again).
    bool updateEntry(qint64 id, const JournalEntry& entry);
    bool remove(qint64 id);

    // The user's answer to a conflict: keep their version (sent over the server's) or the server's
    // (the item is dropped).
    bool keepMine(qint64 id);

    // Start-up: items left Sending by a program that died mid-send become Unknown. Returns how many.
    int recoverInterrupted();

private:
    bool exec(class QSqlQuery& query);

    QSqlDatabase m_db;
    mutable QString m_error;
};

} // namespace Inkwell
