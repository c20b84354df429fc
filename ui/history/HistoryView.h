#pragma once

#include "history/HistoryModel.h"

#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace Inkwell {

// A list of a journal's entries over a HistoryModel: the whole history in the History tab, one
// day in the calendar. Moving the current row (mouse or keys) selects that entry.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(QWidget* parent = nullptr);

    HistoryModel* model() const { return m_model; }
    QTreeView* list() const { return m_list; }

    void setJournal(const JournalStore* store, qint64 journalId);
    // Text shown instead of the list when there are no rows.
    void setEmptyText(const QString& text);
    // Makes `itemid` the current row if it is among the rows in memory or near the current row;
    // returns whether it was.
    bool selectEntry(qint64 itemid);
    void reload();

signals:
    void entrySelected(qint64 journalId, qint64 itemid);

private:
    void updateEmptyState();
    void onCurrentChanged(const QModelIndex& current);

    HistoryModel* m_model = nullptr;
    QTreeView* m_list = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    bool m_restoring = false;
};

} // namespace Inkwell
