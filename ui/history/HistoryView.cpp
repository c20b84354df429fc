#include "history/HistoryView.h"

#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace Inkwell {

HistoryView::HistoryView(QWidget* parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
{
    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Entries"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setItemsExpandable(false);
    m_list->setUniformRowHeights(true); // lets the view size 50,000 rows without asking each one
    m_list->setAllColumnsShowFocus(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setIconSize(QSize(16, 16));

    QHeaderView* header = m_list->header();
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
    header->setSectionResizeMode(HistoryModel::SecurityColumn, QHeaderView::Fixed);
    // Fixed widths from the font: ResizeToContents would measure rows.
    const QFontMetrics metrics(m_list->font());
    header->resizeSection(HistoryModel::DateColumn,
                          metrics.horizontalAdvance(HistoryModel::formatDate(
                              QStringLiteral("2025-09-24 22:58:00"), HistoryModel::DateStyle::DateAndTime)) +
                              20);
    header->resizeSection(HistoryModel::SecurityColumn, 28);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("historyEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    m_emptyLabel->setText(tr("No entries in this journal yet."));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_list);
    m_stack->addWidget(m_emptyLabel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::onCurrentChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &HistoryView::updateEmptyState);
    updateEmptyState();
}

void HistoryView::setJournal(const JournalStore* store, qint64 journalId)
{
    m_model->setJournal(store, journalId);
}

void HistoryView::setEmptyText(const QString& text)
{
    m_emptyLabel->setText(text);
}

bool HistoryView::selectEntry(qint64 itemid)
{
    const int row = m_model->rowOf(itemid, m_list->currentIndex().row());
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, HistoryModel::EntryColumn);
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return true;
}

void HistoryView::reload()
{
    const int currentRow = m_list->currentIndex().row();
    const qint64 current = currentRow >= 0 ? m_model->itemidAt(currentRow) : 0;
    const int scroll = m_list->verticalScrollBar()->value();
    m_model->reload();
    if (current == 0)
        return;
    // The entry being read stays current without being selected again: a sync that adds entries
    // above it must not reset the reader's place. Entries a sync added shift it down a little.
    const int row = m_model->rowOf(current, currentRow);
    if (row < 0)
        return;
    m_restoring = true;
    m_list->setCurrentIndex(m_model->index(row, HistoryModel::EntryColumn));
    m_restoring = false;
    // A reader at the top (the newest entries) stays there and sees what came; one further down
    // keeps the rows in view where they were.
    m_list->verticalScrollBar()->setValue(scroll == 0 ? 0 : scroll + (row - currentRow));
}

void HistoryView::updateEmptyState()
{
    m_stack->setCurrentWidget(m_model->rowCount() == 0 ? static_cast<QWidget*>(m_emptyLabel) : m_list);
}

void HistoryView::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid() || m_restoring)
        return;
    emit entrySelected(m_model->journalId(), m_model->itemidAt(current.row()));
}

} // namespace Inkwell
