#include "writing/DraftsView.h"

#include "store/DraftStore.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Inkwell {

DraftsView::DraftsView(DraftStore& drafts, QWidget* parent)
    : QWidget(parent)
    , m_drafts(drafts)
{
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Drafts"));
    m_list->setAlternatingRowColors(true);
    auto* newEntry = new QPushButton(tr("New entry"), this);
    m_open = new QPushButton(tr("Open"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(newEntry);
    buttons->addWidget(m_open);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(newEntry, &QPushButton::clicked, this, &DraftsView::newEntryRequested);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem* item = m_list->currentItem())
            emit openRequested(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit openRequested(item->data(Qt::UserRole).toLongLong()); });
    connect(m_list, &QListWidget::currentItemChanged, this,
            [this] { m_open->setEnabled(m_list->currentItem()); });
    refresh();
}

void DraftsView::refresh()
{
    const qint64 current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toLongLong() : 0;
    m_list->clear();
    for (const Draft& draft : m_drafts.drafts()) {
        QString title = draft.entry.subject.trimmed();
        if (title.isEmpty())
            title = draft.entry.body.simplified().left(80);
        if (title.isEmpty())
            title = tr("(empty)");
        if (draft.itemid != 0)
            title = tr("Edit: %1").arg(title);
        const QDateTime saved = QDateTime::fromString(draft.updatedAt, Qt::ISODate).toLocalTime();
        const QString where = draft.account.isEmpty()
                                  ? tr("no account")
                                  : QStringLiteral("%1 (%2)").arg(draft.journal, draft.account);
        auto* item = new QListWidgetItem(
            QStringLiteral("%1\n%2 · %3").arg(title, where, QLocale().toString(saved, QLocale::ShortFormat)),
            m_list);
        item->setData(Qt::UserRole, draft.id);
        if (draft.id == current)
            m_list->setCurrentItem(item);
    }
    if (m_list->count() == 0) {
        auto* item = new QListWidgetItem(
            tr("No drafts. Everything you write is kept here until it is posted."), m_list);
        item->setFlags(Qt::NoItemFlags);
    }
    m_open->setEnabled(m_list->currentItem());
}

} // namespace Inkwell
