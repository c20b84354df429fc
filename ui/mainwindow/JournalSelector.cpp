#include "mainwindow/JournalSelector.h"

#include <QSignalBlocker>

namespace Inkwell {

namespace {

constexpr int nameRole = Qt::UserRole + 1;

} // namespace

JournalSelector::JournalSelector(QWidget* parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("journalSelector"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    setMinimumContentsLength(14);
    setToolTip(tr("The journal to browse"));
    connect(this, &QComboBox::currentIndexChanged, this, [this] {
        const qint64 id = currentJournalId();
        if (id != m_emitted) {
            m_emitted = id;
            emit journalChanged(id);
        }
    });
}

void JournalSelector::reload(const JournalStore& store)
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

qint64 JournalSelector::currentJournalId() const
{
    return currentIndex() >= 0 ? currentData().toLongLong() : 0;
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
