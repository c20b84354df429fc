#pragma once

#include <QStyledItemDelegate>

namespace Inkwell {

// Paints a search result as a card: the subject in bold with the date at the right, and below it
// two lines of the snippet with the matches highlighted.
class SearchResultDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace Inkwell
