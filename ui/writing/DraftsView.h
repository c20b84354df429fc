#pragma once

#include <QWidget>

class QListWidget;
class QPushButton;

namespace Inkwell {

class DraftStore;

// The drafts kept in the profile, newest first: subject (or the start of the text), account and
// when it was last saved. Opening one continues writing it; drafts survive crashes and restarts.
class DraftsView : public QWidget
{
    Q_OBJECT
public:
    explicit DraftsView(DraftStore& drafts, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }

public slots:
    void refresh();

signals:
    void openRequested(qint64 draftId);
    void newEntryRequested();

private:
    DraftStore& m_drafts;
    QListWidget* m_list = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace Inkwell
