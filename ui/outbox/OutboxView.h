#pragma once

#include "store/Outbox.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace Inkwell {

class Dialogs;
class DraftStore;
class OutboxModel;
class OutboxService;

// What waits to be sent, and why: the user can send now, resolve a conflict, take an item back
// into the drafts to change it, or discard it. Items that are on their way (sending, or being
// checked after a lost reply) cannot be taken back: they may already be on the server.
class OutboxView : public QWidget
{
    Q_OBJECT
public:
    OutboxView(OutboxService& service, DraftStore& drafts, Dialogs& dialogs, QWidget* parent = nullptr);

    OutboxModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QPushButton* sendButton() const { return m_send; }
    QPushButton* resolveButton() const { return m_resolve; }
    QPushButton* backToDraftsButton() const { return m_backToDrafts; }
    QPushButton* discardButton() const { return m_discard; }

public slots:
    void refresh();
    void sendNow();
    void resolveSelected();
    void moveSelectedBackToDrafts();
    void discardSelected();

signals:
    // The user wants to keep writing this draft (the owner opens an editor).
    void openDraftRequested(qint64 draftId);

private:
    std::optional<OutboxItem> selectedItem() const;
    void updateButtons();

    OutboxService& m_service;
    DraftStore& m_drafts;
    Dialogs& m_dialogs;
    OutboxModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_send = nullptr;
    QPushButton* m_resolve = nullptr;
    QPushButton* m_backToDrafts = nullptr;
    QPushButton* m_discard = nullptr;
};

} // namespace Inkwell
