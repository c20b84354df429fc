#include "store/Outbox.h"

#include "journal/EntryJson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Inkwell {

namespace {

const QString columns =
    QStringLiteral("id, account, journal, operation, itemid, entry, base, server, state, reason, "
                   "attempts, draft_id, created_at, updated_at");

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
}

QString entryJson(const JournalEntry& entry)
{
    return QString::fromUtf8(QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact));
}

std::optional<JournalEntry> optionalEntry(const QString& json)
{
    if (json.isEmpty())
        return std::nullopt;
    return entryFromJson(QJsonDocument::fromJson(json.toUtf8()).object());
}

OutboxState stateFromString(const QString& text)
{
    for (OutboxState state : {OutboxState::Waiting, OutboxState::Sending, OutboxState::Unknown,
                              OutboxState::Conflict, OutboxState::Failed}) {
        if (toString(state) == text)
            return state;
    }
    return OutboxState::Waiting;
}

OutboxOperation operationFromString(const QString& text)
{
    if (text == QLatin1String("edit"))
        return OutboxOperation::Edit;
    if (text == QLatin1String("delete"))
        return OutboxOperation::Delete;
    return OutboxOperation::Post;
}

OutboxItem itemFromRow(const QSqlQuery& query)
{
    OutboxItem item;
    item.id = query.value(0).toLongLong();
    item.account = query.value(1).toString();
    item.journal = query.value(2).toString();
    item.operation = operationFromString(query.value(3).toString());
    item.itemid = query.value(4).toLongLong();
    item.entry = optionalEntry(query.value(5).toString()).value_or(JournalEntry{});
    item.base = optionalEntry(query.value(6).toString());
    item.server = optionalEntry(query.value(7).toString());
    item.state = stateFromString(query.value(8).toString());
    item.reason = query.value(9).toString();
    item.attempts = query.value(10).toInt();
    item.draftId = query.value(11).toLongLong();
    item.createdAt = query.value(12).toString();
    item.updatedAt = query.value(13).toString();
    return item;
}

QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

} // namespace

QString toString(OutboxState state)
{
    switch (state) {
    case OutboxState::Waiting:
        return QStringLiteral("waiting");
    case OutboxState::Sending:
        return QStringLiteral("sending");
    case OutboxState::Unknown:
        return QStringLiteral("unknown");
    case OutboxState::Conflict:
        return QStringLiteral("conflict");
    case OutboxState::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QString toString(OutboxOperation operation)
{
    switch (operation) {
    case OutboxOperation::Post:
        return QStringLiteral("post");
    case OutboxOperation::Edit:
        return QStringLiteral("edit");
    case OutboxOperation::Delete:
        return QStringLiteral("delete");
    }
    return {};
}

Outbox::Outbox(QSqlDatabase connection)
    : m_db(std::move(connection))
{}

bool Outbox::exec(QSqlQuery& query)
{
    if (query.exec())
        return true;
    m_error = query.lastError().text();
    return false;
}

qint64 Outbox::enqueue(const OutboxItem& item)
{
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("INSERT INTO outbox (account, journal, operation, itemid, entry, base, state, reason, "
                       "draft_id, created_at, updated_at) VALUES (:account, :journal, :operation, :itemid, "
                       ":entry, :base, 'waiting', :reason, :draft, :now, :now)"));
    query.bindValue(QStringLiteral(":account"), item.account);
    query.bindValue(QStringLiteral(":journal"), text(item.journal));
    query.bindValue(QStringLiteral(":operation"), toString(item.operation));
    query.bindValue(QStringLiteral(":itemid"), item.itemid);
    query.bindValue(QStringLiteral(":entry"), entryJson(item.entry));
    query.bindValue(QStringLiteral(":base"), item.base ? entryJson(*item.base) : QStringLiteral(""));
    query.bindValue(QStringLiteral(":reason"), text(item.reason));
    query.bindValue(QStringLiteral(":draft"), item.draftId);
    query.bindValue(QStringLiteral(":now"), now());
    if (!exec(query))
        return 0;
    return query.lastInsertId().toLongLong();
}

std::optional<OutboxItem> Outbox::item(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM outbox WHERE id = :id").arg(columns));
    query.bindValue(QStringLiteral(":id"), id);
    if (query.exec() && query.next())
        return itemFromRow(query);
    return std::nullopt;
}

QList<OutboxItem> Outbox::items(const QString& account) const
{
    QList<OutboxItem> result;
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("SELECT %1 FROM outbox WHERE :account = '' OR account = :account ORDER BY id")
            .arg(columns));
    query.bindValue(QStringLiteral(":account"), text(account));
    if (!query.exec()) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(itemFromRow(query));
    return result;
}

int Outbox::count(const QString& account) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT count(*) FROM outbox WHERE :account = '' OR account = :account"));
    query.bindValue(QStringLiteral(":account"), text(account));
    return query.exec() && query.next() ? query.value(0).toInt() : 0;
}

bool Outbox::setState(qint64 id, OutboxState state, const QString& reason)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "UPDATE outbox SET state = :state, reason = :reason, updated_at = :now WHERE id = :id"));
    query.bindValue(QStringLiteral(":state"), toString(state));
    query.bindValue(QStringLiteral(":reason"), text(reason));
    query.bindValue(QStringLiteral(":now"), now());
    query.bindValue(QStringLiteral(":id"), id);
    return exec(query) && query.numRowsAffected() == 1;
}

bool Outbox::markSending(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE outbox SET state = 'sending', reason = '', attempts = attempts + 1, "
                                 "updated_at = :now WHERE id = :id"));
    query.bindValue(QStringLiteral(":now"), now());
    query.bindValue(QStringLiteral(":id"), id);
    return exec(query) && query.numRowsAffected() == 1;
}

bool Outbox::markConflict(qint64 id, const JournalEntry& serverVersion)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE outbox SET state = 'conflict', server = :server, reason = :reason, "
                                 "updated_at = :now WHERE id = :id"));
    query.bindValue(QStringLiteral(":server"), entryJson(serverVersion));
    query.bindValue(QStringLiteral(":reason"),
                    tr("The entry was also changed on the server. Choose which version to keep."));
    query.bindValue(QStringLiteral(":now"), now());
    query.bindValue(QStringLiteral(":id"), id);
    return exec(query) && query.numRowsAffected() == 1;
}

bool Outbox::updateEntry(qint64 id, const JournalEntry& entry)
{
    QSqlQuery query(m_db);
    // Only an item that has not left may change: what is on its way must stay as it was sent. A
    // refused item the user has corrected waits to be sent again.
    query.prepare(QStringLiteral("UPDATE outbox SET entry = :entry, updated_at = :now, "
                                 "state = CASE state WHEN 'failed' THEN 'waiting' ELSE state END, "
                                 "reason = CASE state WHEN 'failed' THEN '' ELSE reason END "
                                 "WHERE id = :id AND state IN ('waiting', 'failed', 'conflict')"));
    query.bindValue(QStringLiteral(":entry"), entryJson(entry));
    query.bindValue(QStringLiteral(":now"), now());
    query.bindValue(QStringLiteral(":id"), id);
    if (!exec(query))
        return false;
    if (query.numRowsAffected() != 1) {
        m_error = tr("This item is being sent and can no longer be changed.");
        return false;
    }
    return true;
}

bool Outbox::remove(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM outbox WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    return exec(query);
}

bool Outbox::keepMine(qint64 id)
{
    // The server's current version becomes the base, so the next send overwrites it knowingly.
    QSqlQuery query(m_db);
    query.prepare(
        QStringLiteral("UPDATE outbox SET base = server, server = '', state = 'waiting', reason = '', "
                       "updated_at = :now WHERE id = :id AND state = 'conflict'"));
    query.bindValue(QStringLiteral(":now"), now());
    query.bindValue(QStringLiteral(":id"), id);
    return exec(query) && query.numRowsAffected() == 1;
}

int Outbox::recoverInterrupted()
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("UPDATE outbox SET state = 'unknown', reason = :reason, updated_at = :now "
                                 "WHERE state = 'sending'"));
    query.bindValue(QStringLiteral(":reason"),
                    tr("Inkwell stopped while sending; the server will be asked whether it arrived."));
    query.bindValue(QStringLiteral(":now"), now());
    return exec(query) ? query.numRowsAffected() : 0;
}

} // namespace Inkwell
