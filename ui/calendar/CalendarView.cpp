#include "calendar/CalendarView.h"

#include "calendar/JournalCalendar.h"
#include "history/HistoryView.h"
#include "store/JournalStore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace Inkwell {

CalendarView::CalendarView(QWidget* parent)
    : QWidget(parent)
{
    m_calendar = new JournalCalendar(this);
    m_calendar->setMinimumSize(320, 240);

    m_earlier = new QToolButton(this);
    m_earlier->setObjectName(QStringLiteral("earlierEntriesButton"));
    m_earlier->setText(tr("◀ Earlier entries"));
    m_earlier->setToolTip(tr("Go to the nearest earlier month with entries"));
    m_earlier->setAutoRaise(true);
    m_later = new QToolButton(this);
    m_later->setObjectName(QStringLiteral("laterEntriesButton"));
    m_later->setText(tr("Later entries ▶"));
    m_later->setToolTip(tr("Go to the nearest later month with entries"));
    m_later->setAutoRaise(true);
    m_monthSummary = new QLabel(this);
    m_monthSummary->setObjectName(QStringLiteral("monthSummary"));
    m_monthSummary->setAlignment(Qt::AlignCenter);
    m_monthSummary->setForegroundRole(QPalette::PlaceholderText);

    auto* jumps = new QHBoxLayout;
    jumps->addWidget(m_earlier);
    jumps->addWidget(m_monthSummary, 1);
    jumps->addWidget(m_later);

    m_dayTitle = new QLabel(this);
    m_dayTitle->setObjectName(QStringLiteral("dayTitle"));
    QFont titleFont = m_dayTitle->font();
    titleFont.setBold(true);
    m_dayTitle->setFont(titleFont);
    m_dayTitle->setContentsMargins(4, 6, 4, 2);

    m_dayList = new HistoryView(this);
    m_dayList->setObjectName(QStringLiteral("dayList"));
    m_dayList->model()->setDateStyle(HistoryModel::DateStyle::TimeOnly);
    m_dayList->model()->setOrder(Qt::AscendingOrder); // a day reads like getevents' selecttype=day
    m_dayList->setEmptyText(tr("No entries on this day."));
    m_dayList->list()->setHeaderHidden(true);
    m_dayList->list()->header()->resizeSection(
        HistoryModel::DateColumn,
        m_dayList->list()->fontMetrics().horizontalAdvance(HistoryModel::formatDate(
            QStringLiteral("2025-09-24 22:58:00"), HistoryModel::DateStyle::TimeOnly)) +
            20);

    auto* top = new QWidget(this);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_calendar, 1);
    topLayout->addLayout(jumps);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->setSpacing(2);
    bottomLayout->addWidget(m_dayTitle);
    bottomLayout->addWidget(m_dayList, 1);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_calendar, &QCalendarWidget::selectionChanged, this, &CalendarView::onDaySelected);
    connect(m_calendar, &JournalCalendar::countsChanged, this, &CalendarView::updateMonthSummary);
    connect(m_earlier, &QToolButton::clicked, this, [this] { jumpToEntryMonth(true); });
    connect(m_later, &QToolButton::clicked, this, [this] { jumpToEntryMonth(false); });
    connect(m_dayList, &HistoryView::entrySelected, this, &CalendarView::entrySelected);
    onDaySelected();
}

void CalendarView::setJournal(const JournalStore* store, qint64 journalId)
{
    m_store = store;
    m_journalId = journalId;
    m_dayList->setJournal(store, journalId);
    m_calendar->setJournal(store, journalId);
    QDate newest;
    if (m_store && m_journalId) {
        EntryPageRequest request;
        request.limit = 1;
        request.bodyChars = 0;
        const QList<EntrySummary> latest = m_store->entryPage(m_journalId, request);
        if (!latest.isEmpty())
            newest = QDate::fromString(latest.first().eventtime.left(10), Qt::ISODate);
    }
    showDay(newest.isValid() ? newest : QDate::currentDate());
}

void CalendarView::showDay(const QDate& day)
{
    m_calendar->setCurrentPage(day.year(), day.month());
    if (m_calendar->selectedDate() == day)
        onDaySelected(); // selectionChanged would not come
    else
        m_calendar->setSelectedDate(day);
}

void CalendarView::reload()
{
    m_calendar->reloadCounts();
    m_dayList->reload();
}

void CalendarView::onDaySelected()
{
    const QDate day = m_calendar->selectedDate();
    const int count = m_calendar->entryCount(day);
    const QString date = QLocale().toString(day, QLocale::LongFormat);
    const QString entries = tr("%n entries", nullptr, count);
    m_dayTitle->setText(count > 0 ? date + QStringLiteral(" · ") + entries : date);
    m_dayList->model()->setRange(day, day.addDays(1));
}

void CalendarView::updateMonthSummary()
{
    const int entries = m_calendar->monthEntryCount();
    m_monthSummary->setText(entries == 0 ? tr("No entries this month")
                                         : tr("%n entries", nullptr, entries) + QStringLiteral(" · ") +
                                               tr("%n days", nullptr, m_calendar->monthDayCount()));
    const bool journal = m_store && m_journalId;
    m_earlier->setEnabled(journal && neighbourEntryDate(true).isValid());
    m_later->setEnabled(journal && neighbourEntryDate(false).isValid());
}

QDate CalendarView::neighbourEntryDate(bool earlier) const
{
    if (!m_store || !m_journalId)
        return {};
    const QDate first(m_calendar->yearShown(), m_calendar->monthShown(), 1);
    EntryPageRequest request;
    request.limit = 1;
    request.bodyChars = 0;
    request.newestFirst = earlier;
    if (earlier)
        request.to = first.toString(Qt::ISODate);
    else
        request.from = first.addMonths(1).toString(Qt::ISODate);
    const QList<EntrySummary> found = m_store->entryPage(m_journalId, request);
    return found.isEmpty() ? QDate() : QDate::fromString(found.first().eventtime.left(10), Qt::ISODate);
}

void CalendarView::jumpToEntryMonth(bool earlier)
{
    const QDate target = neighbourEntryDate(earlier);
    if (target.isValid())
        showDay(target);
}

} // namespace Inkwell
