#pragma once

#include "store/JournalStore.h"

#include <QComboBox>

namespace Inkwell {

// Picks the journal to browse among the accounts' mirrored journals (their own and communities).
class JournalSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit JournalSelector(QWidget* parent = nullptr);

    // Lists the journals of `store`, keeping the current one when it is still there.
    void reload(const JournalStore& store);
    qint64 currentJournalId() const;
    QString currentJournalName() const;
    bool selectJournal(qint64 journalId);

signals:
    // 0 when there is no journal.
    void journalChanged(qint64 journalId);

private:
    qint64 m_emitted = -1;
};

} // namespace Inkwell
