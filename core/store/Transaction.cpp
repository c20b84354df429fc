#include "store/Transaction.h"

#include <QSqlError>

namespace Inkwell {

Transaction::Transaction(QSqlDatabase connection)
    : m_db(std::move(connection))
    , m_open(m_db.transaction())
{
    if (!m_open)
        m_error = m_db.lastError().text();
}

Transaction::~Transaction()
{
    if (m_open)
        m_db.rollback();
}

bool Transaction::commit()
{
    if (!m_open)
        return false;
    m_open = false;
    if (m_db.commit())
        return true;
    m_error = m_db.lastError().text();
    m_db.rollback();
    return false;
}

} // namespace Inkwell
