#include "store/WalCheckpointer.h"

#include <QSqlQuery>
#include <QTimer>
#include <QUuid>

namespace Inkwell {

namespace {

int pragmaInt(const QSqlDatabase& db, const QString& pragma, int fallback)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA ") + pragma) || !query.next())
        return fallback;
    return query.value(0).toInt();
}

} // namespace

// Lives on the checkpointer's thread, with a connection of its own made there.
class WalCheckpointWorker : public QObject
{
public:
    WalCheckpointWorker(QString path, std::chrono::milliseconds interval, int restartFrames,
                        std::atomic<int>& checkpoints, std::atomic<int>& restarts)
        : m_path(std::move(path))
        , m_connectionName(QStringLiteral("checkpointer-") +
                           QUuid::createUuid().toString(QUuid::WithoutBraces))
        , m_interval(interval)
        , m_restartFrames(restartFrames)
        , m_checkpoints(checkpoints)
        , m_restarts(restarts)
    {}

    void start()
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        m_db.setDatabaseName(m_path);
        // The busy timeout is how long a RESTART waits for the writer's transaction to end.
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        if (!m_db.open())
            return;
        m_timer = new QTimer(this);
        m_timer->setInterval(m_interval);
        QObject::connect(m_timer, &QTimer::timeout, this, [this] { checkpoint(); });
        m_timer->start();
    }

    // Before the thread ends: the connection belongs to it.
    void stop()
    {
        delete m_timer;
        m_timer = nullptr;
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
    }

private:
    void checkpoint()
    {
        // Columns: busy, frames in the WAL, frames copied into the database so far.
        QSqlQuery query(m_db);
        if (!query.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)")) || !query.next())
            return;
        const int frames = query.value(1).toInt();
        const int copied = query.value(2).toInt();
        if (copied != m_copied)
            ++m_checkpoints;
        m_copied = copied;
        if (frames <= m_restartFrames)
            return;
        query.finish();
        if (query.exec(QStringLiteral("PRAGMA wal_checkpoint(RESTART)")) && query.next() &&
            query.value(0).toInt() == 0) {
            ++m_restarts;
            m_copied = 0;
        }
    }

    QString m_path;
    QString m_connectionName;
    std::chrono::milliseconds m_interval;
    int m_restartFrames;
    std::atomic<int>& m_checkpoints;
    std::atomic<int>& m_restarts;
    QSqlDatabase m_db;
    QTimer* m_timer = nullptr;
    int m_copied = 0;
};

WalCheckpointer::WalCheckpointer(QSqlDatabase writer, std::chrono::milliseconds interval, int restartFrames)
    : m_writer(std::move(writer))
{
    QSqlQuery mode(m_writer);
    if (!mode.exec(QStringLiteral("PRAGMA journal_mode")) || !mode.next() ||
        mode.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return;
    m_writerPause.emplace(m_writer);
    if (!m_writerPause->isActive())
        return;
    m_worker =
        new WalCheckpointWorker(m_writer.databaseName(), interval, restartFrames, m_checkpoints, m_restarts);
    m_thread.setObjectName(QStringLiteral("checkpointer"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->start(); });
}

WalCheckpointer::~WalCheckpointer()
{
    if (!m_worker)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->stop(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
    m_writerPause.reset();
}

AutocheckpointPause::AutocheckpointPause(QSqlDatabase connection)
    : m_connection(std::move(connection))
{
    const int previous = pragmaInt(m_connection, QStringLiteral("wal_autocheckpoint"), -1);
    if (previous >= 0 && QSqlQuery(m_connection).exec(QStringLiteral("PRAGMA wal_autocheckpoint=0")))
        m_previous = previous;
}

AutocheckpointPause::~AutocheckpointPause()
{
    if (m_previous)
        QSqlQuery(m_connection).exec(QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(*m_previous));
}

} // namespace Inkwell
