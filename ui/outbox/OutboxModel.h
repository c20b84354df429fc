#pragma once

#include "store/Outbox.h"

#include <QAbstractTableModel>

namespace Inkwell {

// The outbox as a table: what waits, for which journal, in what state and why. The outbox is
// small (what the user queued), so the model simply reads it again on refresh().
class OutboxModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { What, Journal, State, Reason, ColumnCount };
    enum Role { ItemIdRole = Qt::UserRole + 1, StateRole };

    explicit OutboxModel(Outbox& outbox, QObject* parent = nullptr);

    void refresh();
    std::optional<OutboxItem> itemAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString stateText(OutboxState state);

private:
    Outbox& m_outbox;
    QList<OutboxItem> m_items;
};

} // namespace Inkwell
