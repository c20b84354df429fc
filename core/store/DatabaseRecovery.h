#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

namespace Inkwell {

// Starts a profile afresh from a damaged journal database (Database::Problem::Damaged). The
// damaged file moves aside with its -wal and -shm files and the sync's spool folder, and is kept,
// never deleted; a new database takes its place, holding every account, saved login, draft, outbox
// item and queued friends change that can still be read from the old one. The mirror is not
// carried over: the next sync fetches the journals from the server again, and the outbox goes out
// first as usual. The programs call it only when the user asks (inkwell-cli repair, the GUI's
// dialog); nothing may have the database open meanwhile.
class DatabaseRecovery
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseRecovery)

public:
    struct Report
    {
        QString keptAt; // where the damaged database now is
        int accounts = 0;
        int drafts = 0; // an outbox item whose account could not be read becomes a draft
        int outboxItems = 0;
        int friendChanges = 0;
        int unreadableTables = 0; // tables of these kinds that could not be read to their end
    };

    explicit DatabaseRecovery(QString databasePath);

    // Moves the damaged database aside and builds the new one. On failure returns false and says
    // why in error(): the damaged database is then back in its place, or where error() says.
    bool run();
    const Report& report() const { return m_report; }
    QString error() const { return m_error; }

private:
    bool moveAside();
    bool carryOver(const QString& damagedPath);
    // Copies every carried table's readable rows; counts the tables that could not be read whole.
    void copyTables(const QSqlDatabase& from, QSqlDatabase& to);
    // Drops what refers to an account that was lost (an outbox item's text becomes a draft).
    static bool mendOrphans(QSqlDatabase& to, QString* error);

    QString m_path;
    Report m_report;
    QString m_error;
};

} // namespace Inkwell
