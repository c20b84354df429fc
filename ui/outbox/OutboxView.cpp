#include "outbox/OutboxView.h"

#include "common/Dialogs.h"
#include "outbox/ConflictDialog.h"
#include "outbox/OutboxModel.h"
#include "store/DraftStore.h"
#include "store/Outbox.h"
#include "sync/OutboxService.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace Inkwell {

OutboxView::OutboxView(OutboxService& service, DraftStore& drafts, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_service(service)
    , m_drafts(drafts)
    , m_dialogs(dialogs)
    , m_model(new OutboxModel(service.outbox(), this))
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_table = new QTableView(this);
    m_table->setAccessibleName(tr("Items waiting to be sent"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(OutboxModel::What, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(OutboxModel::Reason, QHeaderView::Stretch);
    m_table->setWordWrap(false);

    m_send = new QPushButton(tr("Send now"), this);
    m_resolve = new QPushButton(tr("Resolve conflict…"), this);
    m_backToDrafts = new QPushButton(tr("Back to drafts"), this);
    m_backToDrafts->setToolTip(tr("Take the entry out of the outbox to change it"));
    m_discard = new QPushButton(tr("Discard"), this);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* button : {m_send, m_resolve, m_backToDrafts, m_discard})
        buttons->addWidget(button);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_send, &QPushButton::clicked, this, &OutboxView::sendNow);
    connect(m_resolve, &QPushButton::clicked, this, &OutboxView::resolveSelected);
    connect(m_backToDrafts, &QPushButton::clicked, this, &OutboxView::moveSelectedBackToDrafts);
    connect(m_discard, &QPushButton::clicked, this, &OutboxView::discardSelected);
    connect(m_table, &QTableView::doubleClicked, this, [this] {
        const auto item = selectedItem();
        if (item && item->state == OutboxState::Conflict)
            resolveSelected();
    });
    connect(&m_service, &OutboxService::outboxChanged, this, &OutboxView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &OutboxView::updateButtons);
    refresh();
}

void OutboxView::refresh()
{
    const qint64 selected = selectedItem() ? selectedItem()->id : 0;
    m_model->refresh();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->itemAt(row)->id == selected)
            m_table->selectRow(row);
    }
    const int count = m_model->rowCount();
    m_summary->setText(count == 0 ? tr("Nothing waits to be sent.")
                                  : tr("%n items wait to be sent, oldest first.", nullptr, count));
    updateButtons();
}

std::optional<OutboxItem> OutboxView::selectedItem() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? std::nullopt : m_model->itemAt(rows.first().row());
}

void OutboxView::updateButtons()
{
    const auto item = selectedItem();
    const bool movable = item && (item->state == OutboxState::Waiting || item->state == OutboxState::Failed ||
                                  item->state == OutboxState::Conflict);
    m_send->setEnabled(m_model->rowCount() > 0);
    m_resolve->setEnabled(item && item->state == OutboxState::Conflict);
    m_backToDrafts->setEnabled(movable && item->operation != OutboxOperation::Delete);
    m_discard->setEnabled(movable);
}

void OutboxView::sendNow()
{
    // Refused items are sent again only when the user asks.
    QSet<QString> accounts;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const OutboxItem item = *m_model->itemAt(row);
        if (item.state == OutboxState::Failed)
            m_service.outbox().setState(item.id, OutboxState::Waiting);
        accounts.insert(item.account);
    }
    for (const QString& account : accounts)
        m_service.send(account);
    refresh();
}

void OutboxView::resolveSelected()
{
    const auto item = selectedItem();
    if (!item || item->state != OutboxState::Conflict || !item->server)
        return;
    const qint64 id = item->id;
    const QString account = item->account;
    m_dialogs.run(new ConflictDialog(item->entry, *item->server, this), [this, id, account](int choice) {
        if (choice == ConflictDialog::KeepMine) {
            m_service.outbox().keepMine(id);
            m_service.send(account);
        } else if (choice == ConflictDialog::KeepServers) {
            // The local edit leaves the outbox; its draft, if any, stays in the drafts list.
            m_service.outbox().remove(id);
        }
        refresh();
    });
}

void OutboxView::moveSelectedBackToDrafts()
{
    const auto item = selectedItem();
    if (!item || item->operation == OutboxOperation::Delete || item->state == OutboxState::Sending ||
        item->state == OutboxState::Unknown)
        return;
    std::optional<Draft> draft = item->draftId != 0 ? m_drafts.draft(item->draftId) : std::nullopt;
    Draft updated = draft.value_or(Draft{});
    updated.account = item->account;
    updated.journal = item->journal;
    updated.itemid = item->itemid;
    updated.entry = item->entry;
    updated.base = item->state == OutboxState::Conflict ? item->server : item->base;
    if (!m_drafts.save(updated)) {
        m_dialogs.warn(this, tr("Outbox"), m_drafts.lastError());
        return;
    }
    // The draft is saved before the item goes: nothing is lost if anything fails in between.
    m_service.outbox().remove(item->id);
    refresh();
    emit openDraftRequested(updated.id);
}

void OutboxView::discardSelected()
{
    const auto item = selectedItem();
    // What is on its way may already be on the server; it is checked, not discarded.
    if (!item || item->state == OutboxState::Sending || item->state == OutboxState::Unknown)
        return;
    const qint64 id = item->id;
    m_dialogs.confirm(this,
                      {tr("Discard"), tr("Remove this item from the outbox? It will not be sent."),
                       tr("Its draft, if it has one, stays in the drafts."), true},
                      [this, id](bool yes) {
                          // Only what still waits goes: the item may have started out meanwhile.
                          const auto current = m_service.outbox().item(id);
                          if (!yes || !current || current->state == OutboxState::Sending ||
                              current->state == OutboxState::Unknown)
                              return;
                          m_service.outbox().remove(id);
                          refresh();
                      });
}

} // namespace Inkwell
