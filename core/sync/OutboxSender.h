#pragma once

#include "journal/PostResult.h"
#include "protocol/ProtocolError.h"
#include "store/Outbox.h"

#include <QHash>
#include <QObject>
#include <QSet>

#include <functional>

namespace Inkwell {

class JournalStore;
class LjClient;
class ProtocolCall;

struct OutboxReport
{
    QList<qint64> sent;                        // outbox ids the server took
    QList<PostResult> posts;                   // for each sent post: itemid and URL
    QHash<qint64, PostResult> postsByOutboxId; // the same, by the outbox item that was sent
    QStringList publicPostUrls;                // posts anyone may read and that are not backdated (for pings)
    int waiting = 0;                           // items still waiting (network down, temporary errors)
    int failed = 0;                            // refused for good this run
    int conflicts = 0;
    QString stopReason;      // why sending stopped early (empty: everything sendable was tried)
    ProtocolError stopError; // the server's or the network's error behind stopReason, if any
};

// Sends one account's outbox, oldest item first, exactly once:
//  - before an item goes out it is marked Sending (committed), so a crash leaves it Unknown;
//  - an Unknown post is looked for on the server (getevents for its day, matched by what the
//    server makes of its content: ServerNormalization) before it is sent again; the server's
//    duplicate-post check is a second guard. A reply that is lost, does not read, is not the
//    protocol's (a proxy's page), or says success without naming the entry leaves it Unknown;
//    a look-up whose reply does not read leaves it so too;
//  - an offline edit is sent only if the server's version is still the one the edit started from,
//    otherwise it becomes a Conflict for the user; an Unknown edit counts as done when the server
//    already shows it;
//  - a delete of an entry that is already gone (302) counts as done; an Unknown delete is looked
//    for first, and counts as done without being sent again when the entry is gone.
// Temporary failures stop the run (the network or the server is down; the items keep waiting with
// the reason); permanent refusals mark the item Failed and the run goes on.
class OutboxSender : public QObject
{
    Q_OBJECT
public:
    OutboxSender(LjClient& client, Outbox& outbox, JournalStore& mirror, QString accountName,
                 QObject* parent = nullptr);

    void start();
    bool isRunning() const { return m_running; }

signals:
    void itemChanged(qint64 id);
    void finished(const Inkwell::OutboxReport& report);

private:
    void next();
    // Sends the item, or first asks the server about it (unknown outcome, edit).
    void handle(const OutboxItem& item);
    void send(const OutboxItem& item);
    void resolveUnknownPost(const OutboxItem& item);
    void resolveUnknownDelete(const OutboxItem& item);
    void checkBeforeEdit(const OutboxItem& item);
    void onSent(const OutboxItem& item, ProtocolCall& call);
    // The server said success without naming the entry: as unknown, looked up at once.
    void unknownAfterSuccess(const OutboxItem& item);
    void succeeded(const OutboxItem& item, const PostResult& result);
    // getevents for the item's entry: `done` gets the entry, nullopt when the server has none, or
    // the error when the call failed or its reply did not read.
    void fetchOne(const OutboxItem& item,
                  std::function<void(const ProtocolError&, std::optional<JournalEntry>)> done);
    void stop(const QString& reason);
    void stop(const ProtocolError& error);
    // The error and what to do about it, for an item's reason.
    QString explained(const ProtocolError& error) const;
    void setState(const OutboxItem& item, OutboxState state, const QString& reason);
    QString usejournal(const OutboxItem& item) const;
    qint64 mirrorJournal(const OutboxItem& item);

    LjClient& m_client;
    Outbox& m_outbox;
    JournalStore& m_mirror;
    QString m_account;
    bool m_running = false;
    QSet<qint64> m_tried;          // items handled in this run (failed or conflict ones are not retried)
    QSet<qint64> m_lookedUpAtOnce; // items unknownAfterSuccess() looked up in this run
    OutboxReport m_report;
};

} // namespace Inkwell
