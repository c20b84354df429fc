#pragma once

#include "sync/OutboxSender.h"
#include "sync/SyncEngine.h"

#include <QObject>

#include <memory>

namespace Inkwell {

class JournalStore;
class LjClient;
class Outbox;

// The user's "Sync" for one account, the same in both programs (the GUI runs it on SyncRunner's
// worker thread, the CLI in-process): the account's outbox goes out first, so that what was
// written offline reaches the server exactly once and before anything else (OutboxSender), then
// one journal is mirrored (SyncEngine). Both steps go through the one client given, so under
// session authentication one session serves the whole run; ending it is the caller's.
class AccountSync : public QObject
{
    Q_OBJECT
public:
    // `journal`: the journal to mirror, as for SyncEngine (empty: the account's own).
    AccountSync(LjClient& client, Outbox& outbox, JournalStore& mirror, QString account, QString journal,
                QObject* parent = nullptr);
    ~AccountSync() override;

    // As SyncEngine's (on by default). Before start().
    void setCheckDeletions(bool check) { m_checkDeletions = check; }

    // outboxSent() follows if the outbox had items, then finished(), once.
    void start();
    // Stops the mirror at the engine's next step boundary, or keeps it from starting while the
    // outbox is being sent (the item on its way is not pulled back); finished() says cancelled.
    void cancel();
    bool isRunning() const { return m_running; }
    // The mirror is under way (a cancel() is then answered by the engine).
    bool isMirroring() const { return m_engine && m_engine->isRunning(); }

signals:
    // An outbox item changed state (views refresh).
    void outboxItemChanged();
    void outboxSent(const Inkwell::OutboxReport& report);
    void progress(Inkwell::SyncEngine::Phase phase, int done, int total);
    void finished(const Inkwell::SyncReport& report);

private:
    void mirror();

    LjClient& m_client;
    Outbox& m_outbox;
    JournalStore& m_mirror;
    QString m_account;
    QString m_journal;
    bool m_checkDeletions = true;
    bool m_running = false;
    bool m_cancelled = false;
    // Kept until the next start(): each emits its end from inside its own call chain.
    std::unique_ptr<OutboxSender> m_sender;
    std::unique_ptr<SyncEngine> m_engine;
};

} // namespace Inkwell
