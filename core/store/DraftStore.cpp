#include "store/DraftStore.h"

#include "journal/EntryJson.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace Inkwell {

namespace {

QString json(const JournalEntry& entry)
{
    return QString::fromUtf8(QJsonDocument(toJson(entry)).toJson(QJsonDocument::Compact));
}

Draft draftFromRow(const QSqlQuery& query)
{
    Draft draft;
    draft.id = query.value(0).toLongLong();
    draft.account = query.value(1).toString();
    draft.journal = query.value(2).toString();
    draft.itemid = query.value(3).toLongLong();
    draft.entry = entryFromJson(QJsonDocument::fromJson(query.value(4).toString().toUtf8()).object());
    const QString base = query.value(5).toString();
    if (!base.isEmpty())
        draft.base = entryFromJson(QJsonDocument::fromJson(base.toUtf8()).object());
    draft.createdAt = query.value(6).toString();
    draft.updatedAt = query.value(7).toString();
    return draft;
}

const QString columns = QStringLiteral("id, account, journal, itemid, entry, base, created_at, updated_at");

} // namespace

DraftStore::DraftStore(QSqlDatabase connection)
    : m_db(std::move(connection))
{}

bool DraftStore::save(Draft& draft)
{
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    QSqlQuery query(m_db);
    if (draft.id == 0) {
        query.prepare(QStringLiteral(
            "INSERT INTO drafts (account, journal, itemid, entry, base, created_at, updated_at) "
            "VALUES (:account, :journal, :itemid, :entry, :base, :now, :now)"));
    } else {
        query.prepare(
            QStringLiteral("UPDATE drafts SET account = :account, journal = :journal, itemid = :itemid, "
                           "entry = :entry, base = :base, updated_at = :now WHERE id = :id"));
        query.bindValue(QStringLiteral(":id"), draft.id);
    }
    query.bindValue(QStringLiteral(":account"),
                    draft.account.isEmpty() ? QVariant() : QVariant(draft.account));
    query.bindValue(QStringLiteral(":journal"), draft.journal.isNull() ? QStringLiteral("") : draft.journal);
    query.bindValue(QStringLiteral(":itemid"), draft.itemid);
    query.bindValue(QStringLiteral(":entry"), json(draft.entry));
    query.bindValue(QStringLiteral(":base"), draft.base ? json(*draft.base) : QStringLiteral(""));
    query.bindValue(QStringLiteral(":now"), now);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    if (draft.id == 0) {
        draft.id = query.lastInsertId().toLongLong();
        draft.createdAt = now;
    } else if (query.numRowsAffected() != 1) {
        m_error = tr("The draft no longer exists.");
        return false;
    }
    draft.updatedAt = now;
    return true;
}

std::optional<Draft> DraftStore::draft(qint64 id) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT %1 FROM drafts WHERE id = :id").arg(columns));
    query.bindValue(QStringLiteral(":id"), id);
    if (query.exec() && query.next())
        return draftFromRow(query);
    return std::nullopt;
}

QList<Draft> DraftStore::drafts() const
{
    QList<Draft> result;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("SELECT %1 FROM drafts ORDER BY updated_at DESC, id DESC").arg(columns))) {
        m_error = query.lastError().text();
        return result;
    }
    while (query.next())
        result.append(draftFromRow(query));
    return result;
}

bool DraftStore::remove(qint64 id)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("DELETE FROM drafts WHERE id = :id"));
    query.bindValue(QStringLiteral(":id"), id);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

} // namespace Inkwell
