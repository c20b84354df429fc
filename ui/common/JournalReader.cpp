#include "common/JournalReader.h"

#include "store/Database.h"

#include <QAtomicInteger>
#include <QSqlQuery>
#include <QTimer>

namespace Inkwell {

JournalReader::JournalReader(const Database& database)
{
    static QAtomicInteger<quint64> counter;
    m_name = QStringLiteral("inkwell-reader-%1").arg(counter.fetchAndAddRelaxed(1));
    m_store.emplace(database.openReaderConnection(m_name));
}

JournalReader::~JournalReader()
{
    QSqlDatabase connection = m_store->connection();
    m_store.reset();
    connection.close();
    connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

bool JournalReader::isOpen() const
{
    return m_store->connection().isOpen();
}

int JournalReader::dataVersion() const
{
    QSqlQuery query(m_store->connection());
    return query.exec(QStringLiteral("PRAGMA data_version")) && query.next() ? query.value(0).toInt() : 0;
}

MirrorWatcher::MirrorWatcher(const JournalReader& reader, int intervalMs, QObject* parent)
    : QObject(parent)
    , m_reader(reader)
    , m_timer(new QTimer(this))
    , m_version(reader.dataVersion())
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &MirrorWatcher::check);
    m_timer->start();
}

void MirrorWatcher::check()
{
    const int version = m_reader.dataVersion();
    if (version != m_version) {
        m_version = version;
        emit mirrorChanged();
    }
}

} // namespace Inkwell
