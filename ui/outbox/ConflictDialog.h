#pragma once

#include "journal/JournalEntry.h"

#include <QDialog>

class QPlainTextEdit;

namespace Inkwell {

// Shows an entry edited here and, beside it, the version the server has now, so the user can
// choose which one stays. Neither is thrown away silently: "Keep mine" sends this version over the
// server's, "Keep the server's" drops the local edit (its text is still shown until then).
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { KeepMine = QDialog::Accepted + 1, KeepServers };

    ConflictDialog(const JournalEntry& mine, const JournalEntry& servers, QWidget* parent = nullptr);

    QPlainTextEdit* mineView() const { return m_mine; }
    QPlainTextEdit* serversView() const { return m_servers; }

    static QString describe(const JournalEntry& entry);

private:
    QPlainTextEdit* m_mine = nullptr;
    QPlainTextEdit* m_servers = nullptr;
};

} // namespace Inkwell
