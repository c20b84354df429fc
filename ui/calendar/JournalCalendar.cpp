#include "calendar/JournalCalendar.h"

#include "store/JournalStore.h"

#include <QPainter>
#include <QTableView>
#include <QTextCharFormat>

namespace Inkwell {

JournalCalendar::JournalCalendar(QWidget* parent)
    : QCalendarWidget(parent)
{
    setObjectName(QStringLiteral("journalCalendar"));
    setGridVisible(false);
    setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    setHorizontalHeaderFormat(QCalendarWidget::ShortDayNames);
    setDateEditEnabled(false);
    setFirstDayOfWeek(locale().firstDayOfWeek());
    // Weekends keep the text colour: red Saturdays compete with the entry marks.
    QTextCharFormat weekend;
    weekend.setForeground(palette().text());
    setWeekdayTextFormat(Qt::Saturday, weekend);
    setWeekdayTextFormat(Qt::Sunday, weekend);
    connect(this, &QCalendarWidget::currentPageChanged, this, &JournalCalendar::reloadCounts);
}

void JournalCalendar::setJournal(const JournalStore* store, qint64 journalId)
{
    m_store = store;
    m_journalId = journalId;
    reloadCounts();
}

void JournalCalendar::reloadCounts()
{
    m_counts.clear();
    if (m_store && m_journalId) {
        // The grid shows up to six weeks: the days of the neighbouring months that fill it too.
        const QDate first(yearShown(), monthShown(), 1);
        m_counts = m_store->dayCounts(m_journalId, first.addDays(-7), first.addMonths(1).addDays(14));
    }
    m_busiestDay = 1;
    for (int count : std::as_const(m_counts))
        m_busiestDay = qMax(m_busiestDay, count);
    updateCells();
    emit countsChanged();
}

int JournalCalendar::monthEntryCount() const
{
    int total = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key().year() == yearShown() && it.key().month() == monthShown())
            total += it.value();
    }
    return total;
}

int JournalCalendar::monthDayCount() const
{
    int days = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it) {
        if (it.key().year() == yearShown() && it.key().month() == monthShown())
            ++days;
    }
    return days;
}

void JournalCalendar::paintCell(QPainter* painter, const QRect& rect, QDate date) const
{
    const int count = m_counts.value(date);
    const bool inMonth = date.month() == monthShown() && date.year() == yearShown();
    const bool selected = date == selectedDate();
    const QPalette pal = palette();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    const QRectF cell = QRectF(rect).adjusted(2, 2, -2, -2);
    if (count > 0) {
        // Busier days are a deeper tint of the highlight colour.
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlphaF(float(0.14 + 0.32 * qMin(1.0, (count - 1) / qMax(1.0, m_busiestDay - 1.0))));
        if (!inMonth)
            tint.setAlphaF(tint.alphaF() * 0.4f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        painter->drawRoundedRect(cell, 5, 5);
    }
    if (selected) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 5, 5);
    }
    if (date == QDate::currentDate()) {
        painter->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(3, 3, -3, -3), 4, 4);
    }

    QFont dayFont = font();
    dayFont.setBold(count > 0);
    painter->setFont(dayFont);
    QColor text = pal.color(QPalette::Text);
    if (!inMonth)
        text = pal.color(QPalette::PlaceholderText);
    painter->setPen(text);
    painter->drawText(cell, Qt::AlignCenter, QString::number(date.day()));

    if (count > 0) {
        // The count in a small pill at the bottom right.
        QFont countFont = font();
        countFont.setPointSizeF(qMax(6.0, countFont.pointSizeF() * 0.72));
        countFont.setBold(true);
        const QFontMetricsF metrics(countFont);
        const QString label = QString::number(count);
        const qreal height = metrics.height();
        const qreal width = qMax(height, metrics.horizontalAdvance(label) + 6);
        const QRectF pill(cell.right() - width - 1, cell.bottom() - height - 1, width, height);
        painter->setPen(Qt::NoPen);
        QColor pillColor = pal.color(QPalette::Highlight);
        if (!inMonth)
            pillColor.setAlphaF(0.45f);
        painter->setBrush(pillColor);
        painter->drawRoundedRect(pill, height / 2, height / 2);
        painter->setFont(countFont);
        painter->setPen(pal.color(QPalette::HighlightedText));
        painter->drawText(pill, Qt::AlignCenter, label);
    }
    painter->restore();
}

} // namespace Inkwell
