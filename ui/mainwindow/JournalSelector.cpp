#include "mainwindow/JournalSelector.h"

#include <QSignalBlocker>

#include <algorithm>

namespace Inkwell {

namespace {

constexpr int nameRole = Qt::UserRole + 1;
constexpr int offeredAccountRole = Qt::UserRole + 2; // set on offered communities only
constexpr int accountRole = Qt::UserRole + 3;

} // namespace

JournalSelector::JournalSelector(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("journalSelector"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(14);
    setToolTip(tr("The journal to browse"));
    connect(this, &QComboBox::currentIndexChanged, this, [this](int index) {
        const QString offeredBy = itemData(index, offeredAccountRole).toString();
        if (!offeredBy.isEmpty()) {
            const OfferedJournal offered{offeredBy, itemData(index, nameRole).toString()};
            {
                const QSignalBlocker blocker(this);
                setCurrentIndex(std::max(0, findData(m_emitted)));
            }
            emit mirrorRequested(offered);
            return;
        }
        const qint64 id = currentJournalId();
        if (id != m_emitted) {
            m_emitted = id;
            emit journalChanged(id);
        }
    });
}

QString JournalSelector::currentAccountName() const
{
    return currentData(accountRole).toString();
}

void JournalSelector::reload(const JournalStore& store, const QList<OfferedJournal>& offered)
{
    const qint64 keep = currentJournalId();
    {
        const QSignalBlocker blocker(this);
        clear();
        const QList<MirroredJournal> journals = store.journals();
        QSet<QString> accounts;
        for (const MirroredJournal& journal : journals)
            accounts.insert(journal.accountName);
        for (const MirroredJournal& journal : journals) {
            // Name the account only when it says something: a community, or several accounts.
            QString text = journal.journal;
            if (!journal.isAccountsOwn)
                text = tr("%1 (community, via %2)").arg(journal.journal, journal.accountName);
            else if (accounts.size() > 1)
                text = tr("%1 (%2)").arg(journal.journal, journal.accountName);
            addItem(text, journal.id);
            setItemData(count() - 1, journal.journal, nameRole);
            setItemData(count() - 1, journal.accountName, accountRole);
        }
        // Offered once the accounts' own journals are there (an offer is never the current item).
        if (!offered.isEmpty() && count() > 0)
            insertSeparator(count());
        for (const OfferedJournal& journal : count() > 0 ? offered : QList<OfferedJournal>()) {
            // -1: never an id, so never found as the journal to keep.
            addItem(tr("%1 (community, via %2): mirror it").arg(journal.journal, journal.accountName),
                    qint64(-1));
            setItemData(count() - 1, journal.journal, nameRole);
            setItemData(count() - 1, journal.accountName, offeredAccountRole);
        }
        const int index = findData(keep);
        setCurrentIndex(index >= 0 ? index : (count() > 0 ? 0 : -1));
    }
    const qint64 id = currentJournalId();
    if (id != m_emitted) {
        m_emitted = id;
        emit journalChanged(id);
    }
}

int JournalSelector::journalCount() const
{
    int journals = 0;
    for (int i = 0; i < count(); ++i) {
        if (itemData(i).toLongLong() > 0)
            ++journals;
    }
    return journals;
}

qint64 JournalSelector::currentJournalId() const
{
    return currentIndex() >= 0 && currentData(offeredAccountRole).isNull() ? currentData().toLongLong() : 0;
}

QString JournalSelector::currentJournalName() const
{
    return currentIndex() >= 0 ? currentData(nameRole).toString() : QString();
}

bool JournalSelector::selectJournal(qint64 journalId)
{
    const int index = findData(journalId);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    return true;
}

} // namespace Inkwell
