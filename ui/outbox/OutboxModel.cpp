#include "outbox/OutboxModel.h"

#include "common/ProblemText.h"

#include <QColor>
#include <QGuiApplication>

namespace Inkwell {

OutboxModel::OutboxModel(Outbox& outbox, QObject* parent)
    : QAbstractTableModel(parent)
    , m_outbox(outbox)
{
    refresh();
}

void OutboxModel::refresh()
{
    beginResetModel();
    m_items = m_outbox.items();
    endResetModel();
}

std::optional<OutboxItem> OutboxModel::itemAt(int row) const
{
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items.at(row);
}

int OutboxModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int OutboxModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxModel::stateText(OutboxState state)
{
    switch (state) {
    case OutboxState::Waiting:
        return tr("Waiting");
    case OutboxState::Sending:
        return tr("Sending");
    case OutboxState::Unknown:
        return tr("Checking whether it arrived");
    case OutboxState::Conflict:
        return tr("Conflict: choose a version");
    case OutboxState::Failed:
        return tr("Refused by the server");
    }
    return {};
}

QVariant OutboxModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const OutboxItem& item = m_items.at(index.row());
    if (role == ItemIdRole)
        return item.id;
    if (role == StateRole)
        return int(item.state);
    if (role == Qt::ForegroundRole && index.column() == State &&
        (item.state == OutboxState::Conflict || item.state == OutboxState::Failed))
        return problemColor(QGuiApplication::palette());
    if (role == Qt::ToolTipRole && index.column() == Reason)
        return item.reason;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case What: {
        QString subject = item.entry.subject.trimmed();
        if (subject.isEmpty())
            subject = item.entry.body.simplified().left(60);
        if (subject.isEmpty())
            subject = tr("(no subject)");
        switch (item.operation) {
        case OutboxOperation::Post:
            return tr("New: %1").arg(subject);
        case OutboxOperation::Edit:
            return tr("Edit: %1").arg(subject);
        case OutboxOperation::Delete:
            return tr("Delete: %1").arg(subject);
        }
        return subject;
    }
    case Journal:
        return QStringLiteral("%1 (%2)").arg(item.journal, item.account);
    case State:
        return stateText(item.state);
    case Reason:
        return item.reason;
    default:
        return {};
    }
}

QVariant OutboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case What:
        return tr("Entry");
    case Journal:
        return tr("Journal");
    case State:
        return tr("State");
    case Reason:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace Inkwell
