#pragma once

#include <QSqlDatabase>
#include <QString>

namespace Inkwell {

// One SQLite transaction on a connection, rolled back unless commit() succeeded: an early return or
// an error on the way leaves the database as it was. Every store and every caller that writes
// through several stores in one step uses it, so a crash leaves the database at a step boundary.
class Transaction
{
public:
    explicit Transaction(QSqlDatabase connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Begun, and neither committed nor rolled back yet.
    bool isOpen() const { return m_open; }
    // Rolls back if the commit fails.
    bool commit();
    // Why it did not begin, or did not commit; empty otherwise.
    QString error() const { return m_error; }

private:
    QSqlDatabase m_db;
    bool m_open = false;
    QString m_error;
};

} // namespace Inkwell
