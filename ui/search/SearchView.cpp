#include "search/SearchView.h"

#include "common/SecurityBadge.h"
#include "search/SearchResultDelegate.h"
#include "search/SearchResultsModel.h"

#include <QComboBox>
#include <QCompleter>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStringListModel>
#include <QTimer>
#include <QVBoxLayout>

namespace Inkwell {

namespace {

constexpr int resultLimit = 200;

} // namespace

SearchView::SearchView(const Database& database, QWidget* parent)
    : QWidget(parent)
    , m_runner(new SearchRunner(database, this))
{
    m_query = new QLineEdit(this);
    m_query->setObjectName(QStringLiteral("searchField"));
    m_query->setAccessibleName(tr("Search"));
    m_query->setPlaceholderText(tr("Search subjects, text and tags"));
    m_query->setClearButtonEnabled(true);

    m_tag = new QLineEdit(this);
    m_tag->setObjectName(QStringLiteral("tagFilter"));
    m_tag->setAccessibleName(tr("Tag"));
    m_tag->setPlaceholderText(tr("Any tag"));
    m_tag->setClearButtonEnabled(true);
    m_tagModel = new QStringListModel(this);
    m_completer = new QCompleter(m_tagModel, this);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchContains);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_tag->setCompleter(m_completer);

    m_security = new QComboBox(this);
    m_security->setObjectName(QStringLiteral("securityFilter"));
    m_security->addItem(tr("Any security"), -1);
    m_security->addItem(SecurityBadge::icon(SecurityKind::Public), tr("Public"), int(Security::Public));
    m_security->addItem(SecurityBadge::icon(SecurityKind::Private), tr("Private"), int(Security::Private));
    m_security->addItem(SecurityBadge::icon(SecurityKind::Friends), tr("Friends or groups"),
                        int(Security::UseMask));

    m_year = new QComboBox(this);
    m_year->setObjectName(QStringLiteral("yearFilter"));
    m_year->addItem(tr("Any year"), 0);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_model = new SearchResultsModel(this);
    m_results = new QListView(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setAccessibleName(tr("Search results"));
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setAlternatingRowColors(true);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    auto* filters = new QGridLayout;
    filters->addWidget(m_tag, 0, 0);
    filters->addWidget(m_security, 0, 1);
    filters->addWidget(m_year, 0, 2);
    filters->setColumnStretch(0, 2);
    filters->setColumnStretch(1, 2);
    filters->setColumnStretch(2, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->addWidget(m_query);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &SearchView::startSearch);
    connect(m_query, &QLineEdit::textChanged, this, [this] { scheduleSearch(debounceMilliseconds); });
    connect(m_query, &QLineEdit::returnPressed, this, [this] { scheduleSearch(0); });
    connect(m_tag, &QLineEdit::textChanged, this, [this] { scheduleSearch(debounceMilliseconds); });
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this] { scheduleSearch(0); });
    connect(m_security, &QComboBox::currentIndexChanged, this, [this] { scheduleSearch(0); });
    connect(m_year, &QComboBox::currentIndexChanged, this, [this] { scheduleSearch(0); });
    connect(m_runner, &SearchRunner::finished, this, &SearchView::onFinished);
    connect(m_runner, &SearchRunner::factsLoaded, this, &SearchView::onFacts);
    connect(m_results->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SearchView::onCurrentChanged);
    setFocusProxy(m_query);
    startSearch();
}

void SearchView::setJournal(qint64 journalId)
{
    m_runner->cancel();
    m_journalId = journalId;
    m_tagModel->setStringList({});
    while (m_year->count() > 1)
        m_year->removeItem(m_year->count() - 1);
    if (m_journalId)
        m_runner->loadFacts(m_journalId);
    startSearch();
}

void SearchView::reload()
{
    if (m_journalId)
        m_runner->loadFacts(m_journalId);
    startSearch();
}

void SearchView::focusSearch()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

SearchRequest SearchView::currentRequest() const
{
    SearchRequest request;
    request.journalId = m_journalId;
    request.text = m_query->text();
    request.limit = resultLimit;
    request.filter.tag = m_tag->text().trimmed();
    const int security = m_security->currentData().toInt();
    if (security >= 0)
        request.filter.security = Security(security);
    request.filter.year = m_year->currentData().toInt();
    return request;
}

void SearchView::scheduleSearch(int delay)
{
    m_debounce->start(delay);
}

void SearchView::startSearch()
{
    m_debounce->stop();
    const SearchRequest request = currentRequest();
    if (m_journalId == 0 || ftsQueryFromUserText(request.text).isEmpty()) {
        m_runner->cancel();
        m_model->setResults(m_journalId, {});
        m_status->setText(m_journalId ? tr("Type a word or a \"phrase\"; the last word may be a beginning.")
                                      : QString());
        emit searchFinished(0);
        return;
    }
    m_status->setText(tr("Searching…"));
    m_runner->search(request);
}

void SearchView::onFinished(const SearchRequest& request, const QList<SearchHit>& hits, SearchOrder order,
                            const QString& error)
{
    if (request.journalId != m_journalId)
        return;
    m_model->setResults(request.journalId, hits);
    if (!error.isEmpty())
        m_status->setText(tr("The search failed: %1").arg(error));
    else if (hits.isEmpty())
        m_status->setText(tr("No entries match."));
    else if (order == SearchOrder::Recent)
        m_status->setText(tr("Too many matches to rank: the %n most recent, newest first. Add words or "
                             "filters to narrow them down.",
                             nullptr, int(hits.size())));
    else if (hits.size() >= request.limit)
        m_status->setText(
            tr("The best %n matches; add words or filters to narrow them down.", nullptr, int(hits.size())));
    else
        m_status->setText(hits.size() == 1
                              ? tr("1 matching entry")
                              : tr("%n matching entries, best first", nullptr, int(hits.size())));
    emit searchFinished(int(hits.size()));
}

void SearchView::onFacts(const JournalFacts& facts)
{
    if (facts.journalId != m_journalId)
        return;
    m_tagModel->setStringList(facts.tags);
    const int selected = m_year->currentData().toInt();
    QSignalBlocker blocker(m_year);
    while (m_year->count() > 1)
        m_year->removeItem(m_year->count() - 1);
    for (int year = facts.lastYear; year >= facts.firstYear && year > 0; --year)
        m_year->addItem(QString::number(year), year);
    const int keep = m_year->findData(selected);
    m_year->setCurrentIndex(keep < 0 ? 0 : keep);
    if (keep < 0 && selected != 0)
        scheduleSearch(0); // the year filtered by is gone
}

void SearchView::onCurrentChanged(const QModelIndex& current)
{
    if (current.isValid())
        emit entrySelected(m_model->journalId(), m_model->itemidAt(current.row()));
}

} // namespace Inkwell
