#pragma once

#include "search/SearchRunner.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QListView;
class QStringListModel;
class QTimer;

namespace Inkwell {

class SearchResultsModel;

// The Search tab: full-text search over the mirror (subject, body, tags) with results as you type,
// filters by tag (completed from the journal's tags), security and year, and snippets with the
// matches highlighted. Searches run on a SearchRunner's worker thread.
class SearchView : public QWidget
{
    Q_OBJECT
public:
    explicit SearchView(const Database& database, QWidget* parent = nullptr);

    void setJournal(qint64 journalId);
    void focusSearch();
    void reload();

    QLineEdit* searchField() const { return m_query; }
    QLineEdit* tagFilter() const { return m_tag; }
    QComboBox* securityFilter() const { return m_security; }
    QComboBox* yearFilter() const { return m_year; }
    QListView* resultList() const { return m_results; }
    SearchResultsModel* results() const { return m_model; }
    QCompleter* tagCompleter() const { return m_completer; }
    QLabel* statusLabel() const { return m_status; }
    // How long typing must pause before a search starts.
    static constexpr int debounceMilliseconds = 150;

signals:
    void entrySelected(qint64 journalId, qint64 itemid);
    // Each search's outcome, after the list shows it (tests, status).
    void searchFinished(int results);

private:
    SearchRequest currentRequest() const;
    void scheduleSearch(int delay);
    void startSearch();
    void onFinished(const SearchRequest& request, const QList<SearchHit>& hits, SearchOrder order,
                    const QString& error);
    void onFacts(const JournalFacts& facts);
    void onCurrentChanged(const QModelIndex& current);

    SearchRunner* m_runner = nullptr;
    qint64 m_journalId = 0;
    QLineEdit* m_query = nullptr;
    QLineEdit* m_tag = nullptr;
    QComboBox* m_security = nullptr;
    QComboBox* m_year = nullptr;
    QCompleter* m_completer = nullptr;
    QStringListModel* m_tagModel = nullptr;
    QLabel* m_status = nullptr;
    QListView* m_results = nullptr;
    SearchResultsModel* m_model = nullptr;
    QTimer* m_debounce = nullptr;
};

} // namespace Inkwell
