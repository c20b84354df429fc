#include "store/StatementCache.h"

#include <QSqlError>

namespace Inkwell {

StatementCache::StatementCache(QSqlDatabase connection)
    : m_db(std::move(connection))
{}

QSqlQuery* StatementCache::statement(const QString& sql)
{
    if (const auto it = m_statements.find(sql); it != m_statements.end())
        return &it->second;
    QSqlQuery query(m_db);
    if (!query.prepare(sql)) {
        fail(query);
        return nullptr;
    }
    return &m_statements.emplace(sql, query).first->second;
}

bool StatementCache::fail(const QSqlQuery& query)
{
    return fail(query.lastError().text());
}

bool StatementCache::fail(const QString& error)
{
    m_error = error;
    return false;
}

} // namespace Inkwell
