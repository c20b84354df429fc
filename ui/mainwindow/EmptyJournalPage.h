#pragma once

#include <QWidget>

namespace Inkwell {

// What the main window shows while the local journal holds no entries: a short explanation
// instead of a blank list, so a first start without an account or network is not a dead end.
class EmptyJournalPage : public QWidget
{
    Q_OBJECT
public:
    explicit EmptyJournalPage(QWidget* parent = nullptr);

signals:
    void addAccountRequested();
    void newEntryRequested();
    void demoRequested();
};

} // namespace Inkwell
