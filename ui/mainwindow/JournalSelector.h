#pragma once

#include "store/JournalStore.h"

#include <QComboBox>

namespace Inkwell {

// A journal an account may read but that is not mirrored (a community from the account's login).
struct OfferedJournal
{
    QString accountName;
    QString journal;
    bool operator==(const OfferedJournal&) const = default;
};

// Picks the journal to browse among the accounts' mirrored journals (their own and communities),
// and offers the communities the accounts may read but that are not mirrored yet.
class JournalSelector : public QComboBox
{
    Q_OBJECT
public:
    explicit JournalSelector(QWidget* parent = nullptr);

    // Lists the journals of `store`, then `offered`, keeping the current one when it is still
    // there.
    void reload(const JournalStore& store, const QList<OfferedJournal>& offered = {});
    // The mirrored journals listed (offers and separators not counted).
    int journalCount() const;
    qint64 currentJournalId() const;
    QString currentJournalName() const;
    QString currentAccountName() const; // whose mirror the current journal is
    bool selectJournal(qint64 journalId);

signals:
    // 0 when there is no journal.
    void journalChanged(qint64 journalId);
    // The user picked an offered community: it should be mirrored from now on. The selection
    // goes back to the journal shown before until it is.
    void mirrorRequested(const Inkwell::OfferedJournal& journal);

private:
    qint64 m_emitted = -1;
};

} // namespace Inkwell
