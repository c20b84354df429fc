#include "sync/AccountSync.h"

#include "store/Outbox.h"

namespace Inkwell {

AccountSync::AccountSync(LjClient& client, Outbox& outbox, JournalStore& mirror, QString account,
                         QString journal, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_outbox(outbox)
    , m_mirror(mirror)
    , m_account(std::move(account))
    , m_journal(std::move(journal))
{}

AccountSync::~AccountSync() = default;

void AccountSync::start()
{
    if (m_running)
        return;
    m_running = true;
    m_cancelled = false;
    m_engine.reset();
    m_sender.reset();
    if (m_outbox.count(m_account) == 0) {
        mirror();
        return;
    }
    m_sender = std::make_unique<OutboxSender>(m_client, m_outbox, m_mirror, m_account);
    connect(m_sender.get(), &OutboxSender::itemChanged, this, &AccountSync::outboxItemChanged);
    connect(m_sender.get(), &OutboxSender::finished, this, [this](const OutboxReport& report) {
        emit outboxSent(report);
        // From the event loop: the sender emits from inside its own call chain.
        QMetaObject::invokeMethod(this, &AccountSync::mirror, Qt::QueuedConnection);
    });
    m_sender->start();
}

void AccountSync::mirror()
{
    if (m_cancelled) {
        SyncReport report;
        report.cancelled = true;
        m_running = false;
        emit finished(report);
        return;
    }
    m_engine = std::make_unique<SyncEngine>(m_client, m_mirror, m_account, m_journal);
    m_engine->setCheckDeletions(m_checkDeletions);
    connect(m_engine.get(), &SyncEngine::progress, this, &AccountSync::progress);
    connect(m_engine.get(), &SyncEngine::finished, this, [this](const SyncReport& report) {
        m_running = false;
        emit finished(report);
    });
    m_engine->start();
}

void AccountSync::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (isMirroring())
        m_engine->cancel(); // finishes with report.cancelled at the next step boundary
}

} // namespace Inkwell
