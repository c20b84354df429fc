#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

#include <map>

namespace Inkwell {

// The SQL one store runs on its connection: statements prepared once, and why the last one failed
// (the store reports it as its lastError()). The sync runs the same few statements thousands of
// times, and SQLite parses and plans on every prepare. Each store has its own: a statement belongs
// to one connection, and a store uses it on that connection's thread only.
class StatementCache
{
public:
    explicit StatementCache(QSqlDatabase connection);

    QSqlDatabase connection() const { return m_db; }

    // The statement for `sql`, prepared on first use; nullptr if it does not prepare (error() says
    // why). The caller binds, executes, and finish()es a SELECT: an unfinished one keeps its read
    // snapshot open, and the connection would not see later commits.
    QSqlQuery* statement(const QString& sql);

    // Records why `query` (or something else) failed and returns false, as in
    // `return query.exec() || sql.fail(query);`.
    bool fail(const QSqlQuery& query);
    bool fail(const QString& error);
    void clearError() { m_error.clear(); }
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    QString m_error;
    // A std::map: callers hold several of these pointers at once, and a QHash may move its values
    // when it grows.
    std::map<QString, QSqlQuery> m_statements;
};

} // namespace Inkwell
