#include "search/SearchResultDelegate.h"

#include "search/SearchResultsModel.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>

namespace Inkwell {

namespace {

constexpr int padding = 6;
constexpr int snippetLines = 2;

QString dateText(const QString& eventtime)
{
    const QDate date = QDate::fromString(eventtime.left(10), Qt::ISODate);
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : eventtime;
}

} // namespace

void SearchResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, opt.widget);

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorGroup group =
        opt.state & QStyle::State_Active ? QPalette::Active : QPalette::Inactive;
    const QColor textColor = opt.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    const QColor dimColor = selected ? textColor : opt.palette.color(group, QPalette::PlaceholderText);
    const QRect area = opt.rect.adjusted(padding, padding / 2, -padding, -padding / 2);

    painter->save();
    QFont bold = opt.font;
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    const QString date = dateText(index.data(SearchResultsModel::EventTimeRole).toString());
    const int dateWidth = opt.fontMetrics.horizontalAdvance(date) + padding;
    const QRect titleRect(area.left(), area.top(), area.width() - dateWidth, boldMetrics.height());
    painter->setFont(bold);
    painter->setPen(textColor);
    painter->drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                      boldMetrics.elidedText(index.data(SearchResultsModel::SubjectRole).toString(),
                                             Qt::ElideRight, titleRect.width()));
    painter->setFont(opt.font);
    painter->setPen(dimColor);
    painter->drawText(QRect(area.right() - dateWidth, area.top(), dateWidth, boldMetrics.height()),
                      Qt::AlignRight | Qt::AlignVCenter, date);

    // The snippet, as rich text clipped to its lines.
    QTextDocument doc;
    doc.setDocumentMargin(0);
    doc.setDefaultFont(opt.font);
    const QColor mark = selected ? opt.palette.color(group, QPalette::HighlightedText)
                                 : opt.palette.color(group, QPalette::Highlight);
    doc.setDefaultStyleSheet(
        QStringLiteral("body { color: %1; } b.match { color: %2; background-color: %3; }")
            .arg(textColor.name(), selected ? textColor.name() : QStringLiteral("#000000"),
                 selected ? QColor(mark).darker(140).name() : QStringLiteral("#ffe480")));
    doc.setHtml(QStringLiteral("<body>") + index.data(SearchResultsModel::SnippetHtmlRole).toString() +
                QStringLiteral("</body>"));
    const int snippetTop = titleRect.bottom() + 3;
    doc.setTextWidth(area.width());
    const QRect snippetRect(area.left(), snippetTop, area.width(),
                            opt.fontMetrics.lineSpacing() * snippetLines);
    painter->translate(snippetRect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), snippetRect.size()));
    QAbstractTextDocumentLayout::PaintContext context;
    context.palette = opt.palette;
    context.palette.setColor(QPalette::Text, textColor);
    context.clip = QRect(QPoint(0, 0), snippetRect.size());
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize SearchResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    Q_UNUSED(index);
    QFont bold = option.font;
    bold.setBold(true);
    const int height =
        QFontMetrics(bold).height() + 3 + option.fontMetrics.lineSpacing() * snippetLines + padding + 2;
    return {200, height};
}

} // namespace Inkwell
