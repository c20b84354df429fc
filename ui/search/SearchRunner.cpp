#include "search/SearchRunner.h"

#include "common/JournalReader.h"

#include <QMetaObject>

namespace Inkwell {

SearchRunner::SearchRunner(const Database& database, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_generation(std::make_shared<std::atomic<quint64>>(0))
{
    m_pool.setMaxThreadCount(1); // one search at a time; a newer one replaces what waits
    qRegisterMetaType<Inkwell::SearchRequest>();
    qRegisterMetaType<Inkwell::JournalFacts>();
    qRegisterMetaType<Inkwell::SearchOrder>();
}

SearchRunner::~SearchRunner()
{
    cancel();
    m_pool.waitForDone();
}

void SearchRunner::cancel()
{
    ++*m_generation;
    m_pool.clear();
}

void SearchRunner::runOnWorker(std::function<void(const JournalStore&)> work)
{
    const Database* database = &m_database;
    m_pool.start([database, work = std::move(work)] {
        const JournalReader reader(*database);
        work(reader.store());
    });
}

void SearchRunner::search(const SearchRequest& request)
{
    const quint64 generation = ++*m_generation;
    m_pool.clear(); // queued searches are out of date now
    std::shared_ptr<std::atomic<quint64>> latest = m_generation;
    runOnWorker([this, request, generation, latest](const JournalStore& store) {
        QList<SearchHit> hits;
        QString error;
        SearchOrder order = SearchOrder::Relevance;
        if (*latest == generation) {
            const JournalSearch journalSearch(store.connection());
            hits =
                journalSearch.search(request.journalId, request.text, request.filter, request.limit, &order);
            error = journalSearch.lastError();
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, generation, hits, order, error] {
                if (*m_generation == generation)
                    emit finished(request, hits, order, error);
            },
            Qt::QueuedConnection);
    });
}

void SearchRunner::loadFacts(qint64 journalId)
{
    runOnWorker([this, journalId](const JournalStore& store) {
        JournalFacts facts;
        facts.journalId = journalId;
        facts.tags = store.tags(journalId);
        EntryPageRequest edge;
        edge.limit = 1;
        edge.bodyChars = 0;
        const QList<EntrySummary> newest = store.entryPage(journalId, edge);
        edge.newestFirst = false;
        const QList<EntrySummary> oldest = store.entryPage(journalId, edge);
        if (!newest.isEmpty() && !oldest.isEmpty()) {
            facts.firstYear = oldest.first().eventtime.left(4).toInt();
            facts.lastYear = newest.first().eventtime.left(4).toInt();
        }
        QMetaObject::invokeMethod(
            this, [this, facts] { emit factsLoaded(facts); }, Qt::QueuedConnection);
    });
}

} // namespace Inkwell
