#include "sync/SyncRunner.h"

#include "account/AccountClients.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/AccountSync.h"

#include <QEventLoop>

#include <memory>

namespace Inkwell {

// Lives on the runner's worker thread; everything it owns is made and destroyed there. It reports
// through callbacks that the runner gives it, which queue onto the runner's thread.
class SyncRunnerWorker : public QObject
{
public:
    SyncRunnerWorker(QString databasePath, Account account, QString password)
        : m_databasePath(std::move(databasePath))
        , m_account(std::move(account))
        , m_password(std::move(password))
    {}

    std::function<void()> onOutboxChanged;
    std::function<void(const OutboxReport&)> onOutboxSent;
    std::function<void(SyncEngine::Phase, int, int)> onProgress;
    std::function<void(const SyncReport&)> onFinished;

    void run(const QString& journal, bool checkDeletions, const std::function<void(LjClient&)>& clientSetup)
    {
        if (!m_database) {
            m_database = std::make_unique<Database>(m_databasePath);
            if (!m_database->open()) {
                SyncReport report;
                report.errorText = m_database->error();
                m_database.reset();
                onFinished(report);
                return;
            }
            m_store = std::make_unique<JournalStore>(m_database->connection());
            m_outbox = std::make_unique<Outbox>(m_database->connection());
            m_client = AccountClients::makeClient(m_account, m_password);
            m_client->setPreferSession(true);
            if (clientSetup)
                clientSetup(*m_client);
        }
        m_sync = std::make_unique<AccountSync>(*m_client, *m_outbox, *m_store, m_account.name, journal);
        m_sync->setCheckDeletions(checkDeletions);
        connect(m_sync.get(), &AccountSync::outboxItemChanged, this, [this] { onOutboxChanged(); });
        connect(m_sync.get(), &AccountSync::outboxSent, this,
                [this](const OutboxReport& report) { onOutboxSent(report); });
        connect(m_sync.get(), &AccountSync::progress, this,
                [this](SyncEngine::Phase phase, int done, int total) { onProgress(phase, done, total); });
        connect(m_sync.get(), &AccountSync::finished, this,
                [this](const SyncReport& report) { onFinished(report); });
        m_sync->start();
    }

    void cancel()
    {
        if (m_sync)
            m_sync->cancel();
    }

    // Before the thread ends: the engine, client (its network manager) and connection belong here.
    // The session the syncs shared is ended first, within LjClient::sessionEndTimeout: the runner
    // goes when the app quits, and no session outlives the app.
    void shutdown()
    {
        if (m_client && m_client->hasSession()) {
            m_sync.reset();
            QEventLoop loop;
            m_client->endSession(&loop, [&loop] { loop.quit(); });
            loop.exec();
        }
        m_sync.reset();
        m_client.reset();
        m_outbox.reset();
        m_store.reset();
        m_database.reset();
    }

private:
    QString m_databasePath;
    Account m_account;
    QString m_password;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<JournalStore> m_store;
    std::unique_ptr<Outbox> m_outbox;
    std::unique_ptr<LjClient> m_client;
    std::unique_ptr<AccountSync> m_sync;
};

SyncRunner::SyncRunner(QString databasePath, Account account, QString password, QObject* parent)
    : QObject(parent)
    , m_worker(new SyncRunnerWorker(std::move(databasePath), std::move(account), std::move(password)))
{
    m_thread.setObjectName(QStringLiteral("sync"));
    m_worker->moveToThread(&m_thread);
    // The callbacks run on the worker thread; what they emit arrives queued on this one.
    m_worker->onOutboxChanged = [this] {
        QMetaObject::invokeMethod(this, [this] { emit outboxChanged(); });
    };
    m_worker->onOutboxSent = [this](const OutboxReport& report) {
        QMetaObject::invokeMethod(this, [this, report] { emit outboxSent(report); });
    };
    m_worker->onProgress = [this](SyncEngine::Phase phase, int done, int total) {
        QMetaObject::invokeMethod(this, [this, phase, done, total] { emit progress(phase, done, total); });
    };
    m_worker->onFinished = [this](const SyncReport& report) {
        QMetaObject::invokeMethod(this, [this, report] {
            m_running = false;
            emit finished(report);
        });
    };
    m_thread.start();
}

SyncRunner::~SyncRunner()
{
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->cancel();
            worker->shutdown();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker; // its thread has ended and it owns nothing any more
}

void SyncRunner::start(const QString& journal, bool checkDeletions)
{
    if (m_running)
        return;
    m_running = true;
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, journal, checkDeletions, setup = m_clientSetup] {
        worker->run(journal, checkDeletions, setup);
    });
}

void SyncRunner::cancel()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->cancel(); });
}

} // namespace Inkwell
