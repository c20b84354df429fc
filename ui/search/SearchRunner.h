#pragma once

#include "store/JournalSearch.h"
#include "store/JournalStore.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace Inkwell {

class Database;

struct SearchRequest
{
    qint64 journalId = 0;
    QString text;
    SearchFilter filter;
    int limit = 200;
};

// What the search filters offer for one journal.
struct JournalFacts
{
    qint64 journalId = 0;
    QStringList tags;
    int firstYear = 0; // 0: no entries
    int lastYear = 0;
};

// Runs full-text searches off the GUI thread: a prefix typed into a 50,000-entry journal can match
// most of it, and ranking every match takes longer than a frame. Each search opens its own reader
// connection on a worker thread (WAL lets it read while a sync writes); only the newest request's
// answer is delivered, and requests still queued behind a newer one never run.
class SearchRunner : public QObject
{
    Q_OBJECT
public:
    explicit SearchRunner(const Database& database, QObject* parent = nullptr);
    ~SearchRunner() override;

    void search(const SearchRequest& request);
    // The journal's tags and first and last year, for the filters.
    void loadFacts(qint64 journalId);
    // Drops what is queued, and the answer of what runs (a new journal).
    void cancel();

signals:
    void finished(const Inkwell::SearchRequest& request, const QList<Inkwell::SearchHit>& hits,
                  Inkwell::SearchOrder order, const QString& error);
    void factsLoaded(const Inkwell::JournalFacts& facts);

private:
    void runOnWorker(std::function<void(const JournalStore&)> work);

    const Database& m_database;
    QThreadPool m_pool;
    std::shared_ptr<std::atomic<quint64>> m_generation;
};

} // namespace Inkwell
