#include "TestAccounts.h"
#include "account/AccountStore.h"
#include "store/Database.h"
#include "store/JournalSearch.h"
#include "store/JournalStore.h"
#include "store/SyncStateStore.h"
#include "store/Transaction.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

namespace {

JournalEntry makeEntry(qint64 itemid, const QString& eventtime, const QString& subject, const QString& body)
{
    JournalEntry entry;
    entry.itemid = itemid;
    entry.anum = int(itemid % 256);
    entry.url = QStringLiteral("https://alice.example.org/%1.html").arg(itemid * 256 + entry.anum);
    entry.eventtime = eventtime;
    entry.logtime = eventtime;
    entry.subject = subject;
    entry.body = body;
    return entry;
}

} // namespace

class TestJournalStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JournalStore> m_store;
    std::unique_ptr<JournalSearch> m_search;
    std::unique_ptr<SyncStateStore> m_syncState;
    qint64 m_journal = 0;
    int m_counter = 0;

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("j%1.sqlite").arg(++m_counter)));
        QVERIFY(m_db->open());
        QVERIFY(addTestAccount(*m_db, QStringLiteral("dw"), QStringLiteral("alice")));
        m_store = std::make_unique<JournalStore>(m_db->connection());
        m_search = std::make_unique<JournalSearch>(m_db->connection());
        m_syncState = std::make_unique<SyncStateStore>(m_db->connection());
        m_journal = m_store->journalId(QStringLiteral("dw"), QStringLiteral("alice"));
        QVERIFY(m_journal > 0);
    }
    void cleanup()
    {
        m_syncState.reset();
        m_search.reset();
        m_store.reset();
        m_db.reset();
    }

    void journalIdsAreStablePerAccountAndJournal()
    {
        QCOMPARE(m_store->journalId(QStringLiteral("dw"), QStringLiteral("alice")), m_journal);
        const qint64 community = m_store->journalId(QStringLiteral("dw"), QStringLiteral("somecomm"));
        QVERIFY(community > 0 && community != m_journal);
        QCOMPARE(m_store->findJournalId(QStringLiteral("dw"), QStringLiteral("nobody")), 0);
        QCOMPARE(m_store->journalId(QStringLiteral("no such account"), QStringLiteral("x")), 0);
        QVERIFY(m_store->lastError().contains(QStringLiteral("no account")));
    }

    void upsertReplacesEntryPropsAndTags()
    {
        JournalEntry entry = makeEntry(7, QStringLiteral("2024-03-01 18:05:00"), QStringLiteral("Первый ✓"),
                                       QStringLiteral("body with 😀\r\nand CRLF"));
        entry.security = Security::UseMask;
        entry.allowmask = (quint64(1) << 60) | 6;
        entry.props = {{QStringLiteral("current_mood"), QStringLiteral("happy")},
                       {QStringLiteral("taglist"), QStringLiteral("cats, Rainy Days")}};
        QVERIFY2(m_store->upsertEntries(m_journal, {entry}), qPrintable(m_store->lastError()));
        auto stored = m_store->entry(m_journal, 7);
        QVERIFY(stored);
        QCOMPARE(*stored, entry);

        entry.subject = QStringLiteral("edited");
        entry.props = {{QStringLiteral("current_music"), QStringLiteral("song")}};
        QVERIFY2(m_store->upsertEntries(m_journal, {entry}), qPrintable(m_store->lastError()));
        stored = m_store->entry(m_journal, 7);
        QCOMPARE(stored->subject, QStringLiteral("edited"));
        QCOMPARE(stored->props, entry.props); // the old mood and tags are gone
        QCOMPARE(m_store->entryCount(m_journal), 1);
        QVERIFY(m_search->search(m_journal, QStringLiteral("cats")).isEmpty());
        QCOMPARE(m_search->search(m_journal, QStringLiteral("edited")).size(), 1);
    }

    void leadingByteOrderMarksAndEmptyTextsSurvive()
    {
        // SQLite drops a BOM that starts UTF-16 input; texts go in as UTF-8 so it stays.
        JournalEntry entry = makeEntry(8, QStringLiteral("2024-03-02 10:00:00"),
                                       QStringLiteral("\uFEFFsubject"), QStringLiteral("\uFEFF  body"));
        entry.props.insert(QStringLiteral("current_music"), QStringLiteral("\uFEFFsong"));
        entry.props.insert(QStringLiteral("current_location"), QString());
        QVERIFY2(m_store->upsertEntries(m_journal, {entry}), qPrintable(m_store->lastError()));
        auto stored = m_store->entry(m_journal, 8);
        QVERIFY(stored);
        QCOMPARE(stored->subject, entry.subject);
        QCOMPARE(stored->body, entry.body);
        QCOMPARE(stored->props.value(QStringLiteral("current_music")), QStringLiteral("\uFEFFsong"));
        QVERIFY(stored->props.contains(QStringLiteral("current_location")));
        QCOMPARE(m_search->search(m_journal, QStringLiteral("body")).size(), 1);

        entry.subject = QString(); // null and empty are both an empty subject
        entry.body = QStringLiteral("");
        QVERIFY2(m_store->upsertEntries(m_journal, {entry}), qPrintable(m_store->lastError()));
        QCOMPARE(m_store->entry(m_journal, 8)->subject, QStringLiteral(""));
        QCOMPARE(m_store->entry(m_journal, 8)->body, QStringLiteral(""));
    }

    void deleteRemovesEntryEverywhere()
    {
        JournalEntry entry = makeEntry(1, QStringLiteral("2024-01-01 10:00:00"), QStringLiteral("gone soon"),
                                       QStringLiteral("text"));
        entry.props.insert(QStringLiteral("taglist"), QStringLiteral("x"));
        QVERIFY2(m_store->upsertEntries(m_journal, {entry, makeEntry(2, QStringLiteral("2024-01-01 11:00:00"),
                                                                     {}, QStringLiteral("stays"))}),
                 qPrintable(m_store->lastError()));
        QVERIFY(m_store->deleteEntries(m_journal, {1}));
        QVERIFY(!m_store->entry(m_journal, 1));
        QCOMPARE(m_store->entryCount(m_journal), 1);
        QVERIFY(m_search->search(m_journal, QStringLiteral("gone")).isEmpty());
        QSqlQuery leftovers(m_db->connection());
        QVERIFY(leftovers.exec(QStringLiteral("SELECT (SELECT count(*) FROM entry_props WHERE itemid = 1) + "
                                              "(SELECT count(*) FROM entry_tags WHERE itemid = 1)")));
        QVERIFY(leftovers.next());
        QCOMPARE(leftovers.value(0).toInt(), 0);
    }

    void dayCountsFollowEventtime()
    {
        QVERIFY(m_store->upsertEntries(
            m_journal, {makeEntry(1, QStringLiteral("2023-12-31 23:59:00"), {}, QStringLiteral("a")),
                        makeEntry(2, QStringLiteral("2024-01-01 00:00:00"), {}, QStringLiteral("b")),
                        makeEntry(3, QStringLiteral("2024-01-01 22:00:00"), {}, QStringLiteral("c")),
                        makeEntry(4, QStringLiteral("2024-02-29 12:00:00"), {}, QStringLiteral("d"))}));
        const QMap<QDate, int> counts = m_store->dayCounts(m_journal);
        QCOMPARE(counts.size(), 3);
        QCOMPARE(counts.value(QDate(2023, 12, 31)), 1);
        QCOMPARE(counts.value(QDate(2024, 1, 1)), 2);
        QCOMPARE(counts.value(QDate(2024, 2, 29)), 1);
        const QMap<QDate, int> january = m_store->dayCounts(m_journal, QDate(2024, 1, 1), QDate(2024, 1, 31));
        QCOMPARE(january.keys(), QList<QDate>{QDate(2024, 1, 1)});
        QCOMPARE(m_store->itemidsOnDay(m_journal, QDate(2024, 1, 1)), (QList<qint64>{2, 3}));
    }

    void searchFindsWordsPrefixesPhrasesAndFilters()
    {
        JournalEntry a = makeEntry(1, QStringLiteral("2022-05-01 10:00:00"), QStringLiteral("Rainy day"),
                                   QStringLiteral("The cat sat by the window. Café au lait."));
        a.props.insert(QStringLiteral("taglist"), QStringLiteral("cats, weather"));
        JournalEntry b = makeEntry(2, QStringLiteral("2023-06-01 10:00:00"), QStringLiteral("Погода"),
                                   QStringLiteral("Дождь весь день"));
        b.security = Security::Private;
        JournalEntry c = makeEntry(3, QStringLiteral("2023-07-01 10:00:00"), QStringLiteral("day trip"),
                                   QStringLiteral("a sunny day by the sea"));
        QVERIFY2(m_store->upsertEntries(m_journal, {a, b, c}), qPrintable(m_store->lastError()));

        auto ids = [](const QList<SearchHit>& hits) {
            QList<qint64> result;
            for (const SearchHit& hit : hits)
                result << hit.itemid;
            std::sort(result.begin(), result.end());
            return result;
        };
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("day"))), (QList<qint64>{1, 3}));
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("win"))), QList<qint64>{1});  // as you type
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("cafe"))), QList<qint64>{1}); // diacritics
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("дождь"))), QList<qint64>{2});
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("\"sunny day\""))), QList<qint64>{3});
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("weather"))), QList<qint64>{1}); // tags
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("day"), {QStringLiteral("cats"), {}, 0})),
                 QList<qint64>{1});
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("day"), {{}, {}, 2023})), QList<qint64>{3});
        QCOMPARE(ids(m_search->search(m_journal, QStringLiteral("д"), {{}, Security::Private, 0})),
                 QList<qint64>{2});

        const QList<SearchHit> hits = m_search->search(m_journal, QStringLiteral("window"));
        QCOMPARE(hits.size(), 1);
        QVERIFY2(hits.first().snippet.contains(QStringLiteral("\x02window\x03")),
                 qPrintable(hits.first().snippet));

        // Whatever a user types is never an FTS syntax error.
        for (const char* odd :
             {"\"", "AND", "a OR", "NEAR(", "*", "-x", "col:thing", "(", "\"unterminated phrase"}) {
            m_search->search(m_journal, QString::fromLatin1(odd));
            QVERIFY2(m_store->lastError().isEmpty(),
                     qPrintable(QString::fromLatin1(odd) + m_store->lastError()));
        }
        QCOMPARE(ftsQueryFromUserText(QStringLiteral("cat \"rainy  day\" wea")),
                 QStringLiteral("\"cat\" \"rainy day\" \"wea\"*"));
        QCOMPARE(ftsQueryFromUserText(QStringLiteral("   ")), QString());
    }

    void syncStateAndPendingItemsPersist()
    {
        SyncState state = m_syncState->syncState(m_journal);
        QVERIFY(state.cursor.isEmpty());
        QVERIFY(!state.scanning);
        state.scanning = true;
        state.scanCursor = QString(); // a scan from the very beginning has an empty cursor
        state.scanMaxTime = QStringLiteral("2026-11-23 11:41:40");
        QVERIFY(m_syncState->saveSyncState(m_journal, state));
        SyncState loaded = m_syncState->syncState(m_journal);
        QVERIFY(loaded.scanning);
        QCOMPARE(loaded.scanCursor, QString());
        QCOMPARE(loaded.scanMaxTime, state.scanMaxTime);

        QVERIFY(m_syncState->addPending(m_journal, {{5, QStringLiteral("2026-01-01 00:00:02")},
                                                    {3, QStringLiteral("2026-01-01 00:00:01")}}));
        QVERIFY(m_syncState->addPending(m_journal, {{5, QStringLiteral("2026-01-01 00:00:09")},
                                                    {5, QStringLiteral("2026-01-01 00:00:00")}}));
        QCOMPARE(m_syncState->pendingCount(m_journal), 2);
        const QList<PendingItem> oldestFirst = m_syncState->pending(m_journal, 10);
        QCOMPARE(oldestFirst.size(), 2);
        QCOMPARE(oldestFirst.at(0).itemid, 3);
        QCOMPARE(oldestFirst.at(1).time, QStringLiteral("2026-01-01 00:00:09"));
        QVERIFY(m_syncState->removePending(m_journal, {{3, QStringLiteral("2026-01-01 00:00:01")}}));
        QCOMPARE(m_syncState->pending(m_journal, 10).size(), 1);
        // Listed again with a newer time since it was asked for (changed meanwhile): it stays.
        QVERIFY(m_syncState->removePending(m_journal, {{5, QStringLiteral("2026-01-01 00:00:02")}}));
        QCOMPARE(m_syncState->pendingCount(m_journal), 1);
        QVERIFY(m_syncState->removePending(m_journal, {{5, QStringLiteral("2026-01-01 00:00:09")}}));
        QCOMPARE(m_syncState->pendingCount(m_journal), 0);
    }

    void transactionRollsBackUnlessCommitted()
    {
        {
            Transaction transaction(m_store->connection());
            QVERIFY2(m_store->upsertEntries(m_journal, {makeEntry(1, QStringLiteral("2024-01-01 00:00:00"),
                                                                  {}, QStringLiteral("x"))}),
                     qPrintable(m_store->lastError()));
            QVERIFY(m_syncState->addPending(m_journal, {{9, QStringLiteral("t")}}));
        } // no commit: as if the program died here
        QCOMPARE(m_store->entryCount(m_journal), 0);
        QCOMPARE(m_syncState->pendingCount(m_journal), 0);
        {
            Transaction transaction(m_store->connection());
            QVERIFY2(m_store->upsertEntries(m_journal, {makeEntry(1, QStringLiteral("2024-01-01 00:00:00"),
                                                                  {}, QStringLiteral("x"))}),
                     qPrintable(m_store->lastError()));
            QVERIFY(transaction.commit());
        }
        QCOMPARE(m_store->entryCount(m_journal), 1);
    }

    void forEachEntryStreamsInItemidOrderWithProps()
    {
        QList<JournalEntry> entries;
        for (int i = 30; i >= 1; --i) {
            JournalEntry e =
                makeEntry(i, QStringLiteral("2024-01-01 00:00:00"), QString::number(i), QStringLiteral("b"));
            if (i % 3 == 0)
                e.props.insert(QStringLiteral("current_music"), QStringLiteral("m%1").arg(i));
            entries << e;
        }
        QVERIFY2(m_store->upsertEntries(m_journal, entries), qPrintable(m_store->lastError()));
        QList<qint64> seen;
        QVERIFY(m_store->forEachEntry(m_journal, [&](const JournalEntry& e) {
            seen << e.itemid;
            QCOMPARE(e.props.value(QStringLiteral("current_music")),
                     e.itemid % 3 == 0 ? QStringLiteral("m%1").arg(e.itemid) : QString());
        }));
        QCOMPARE(seen.size(), 30);
        QVERIFY(std::is_sorted(seen.begin(), seen.end()));
    }

    void entryPagesWalkTheHistoryByKeyset()
    {
        // Two entries share an eventtime: itemid breaks the tie, in the same direction.
        QVERIFY(m_store->upsertEntries(
            m_journal, {makeEntry(1, QStringLiteral("2024-01-01 10:00:00"), QStringLiteral("one"), {}),
                        makeEntry(2, QStringLiteral("2024-03-01 10:00:00"), {}, QStringLiteral("  body two")),
                        makeEntry(3, QStringLiteral("2024-03-01 10:00:00"), QStringLiteral("three"), {}),
                        makeEntry(4, QStringLiteral("2023-06-01 08:00:00"), QStringLiteral(" "),
                                  QStringLiteral("long body ") + QString(50, QLatin1Char('x')))}));
        auto ids = [](const QList<EntrySummary>& rows) {
            QList<qint64> result;
            for (const EntrySummary& row : rows)
                result << row.itemid;
            return result;
        };
        EntryPageRequest request;
        request.limit = 2;
        request.bodyChars = 12;
        QList<EntrySummary> page = m_store->entryPage(m_journal, request);
        QCOMPARE(ids(page), (QList<qint64>{3, 2}));
        QCOMPARE(page.at(0).subject, QStringLiteral("three"));
        QCOMPARE(page.at(0).bodyStart, QString()); // a subject: the body is not read
        QCOMPARE(page.at(1).bodyStart, QStringLiteral("  body two"));
        request.afterEventtime = page.last().eventtime;
        request.afterItemid = page.last().itemid;
        page = m_store->entryPage(m_journal, request);
        QCOMPARE(ids(page), (QList<qint64>{1, 4}));
        QCOMPARE(page.at(1).bodyStart, QStringLiteral("long body xx")); // blank subject: the body, cut
        request.afterEventtime = page.last().eventtime;
        request.afterItemid = page.last().itemid;
        QVERIFY(m_store->entryPage(m_journal, request).isEmpty());

        EntryPageRequest oldest;
        oldest.newestFirst = false;
        QCOMPARE(ids(m_store->entryPage(m_journal, oldest)), (QList<qint64>{4, 1, 2, 3}));
        oldest.afterEventtime = QStringLiteral("2024-03-01 10:00:00");
        oldest.afterItemid = 2;
        QCOMPARE(ids(m_store->entryPage(m_journal, oldest)), (QList<qint64>{3}));

        EntryPageRequest march;
        march.from = QStringLiteral("2024-03-01");
        march.to = QStringLiteral("2024-03-02");
        QCOMPARE(ids(m_store->entryPage(m_journal, march)), (QList<qint64>{3, 2}));
        QCOMPARE(m_store->entryPage(m_journal + 1, {}).size(), 0);
    }

    void entryPagesReadTheIndexWithoutSorting()
    {
        // The plan of every page shape: a search of the eventtime index, never a scan or a sort.
        const QStringList shapes{
            QStringLiteral("ORDER BY eventtime DESC, itemid DESC"),
            QStringLiteral("AND (eventtime, itemid) < ('2024', 5) ORDER BY eventtime DESC, itemid DESC"),
            QStringLiteral("AND (eventtime, itemid) > ('2024', 5) AND eventtime >= '2024-01-01' "
                           "AND eventtime < '2024-01-02' ORDER BY eventtime, itemid")};
        for (const QString& shape : shapes) {
            QSqlQuery plan(m_db->connection());
            QVERIFY(plan.exec(
                QStringLiteral("EXPLAIN QUERY PLAN SELECT itemid FROM entries WHERE journal_id = 1 ") +
                shape + QStringLiteral(" LIMIT 200")));
            QString text;
            while (plan.next())
                text += plan.value(3).toString() + QLatin1Char('\n');
            // "USING INDEX" or "USING COVERING INDEX", as SQLite sees fit; never a sort.
            QVERIFY2(text.contains(QStringLiteral("INDEX entries_by_eventtime")), qPrintable(text));
            QVERIFY2(!text.contains(QStringLiteral("TEMP B-TREE")), qPrintable(text));
        }
    }

    void tagsAndJournalsAreListed()
    {
        JournalEntry a = makeEntry(1, QStringLiteral("2024-01-01 10:00:00"), QStringLiteral("a"), {});
        a.setTags({QStringLiteral("Travel"), QStringLiteral("books")});
        JournalEntry b = makeEntry(2, QStringLiteral("2024-01-02 10:00:00"), QStringLiteral("b"), {});
        b.setTags({QStringLiteral("travel"), QStringLiteral("ünïcode")});
        QVERIFY(m_store->upsertEntries(m_journal, {a, b}));
        QCOMPARE(m_store->tags(m_journal),
                 (QStringList{QStringLiteral("books"), QStringLiteral("travel"), QStringLiteral("ünïcode")}));

        const qint64 community = m_store->journalId(QStringLiteral("dw"), QStringLiteral("a_comm"));
        QVERIFY(community > 0);
        Account other;
        other.name = QStringLiteral("Another");
        other.serverUrl = QUrl(QStringLiteral("https://example.com"));
        other.username = QStringLiteral("bob");
        QString error;
        QVERIFY2(AccountStore(*m_db).add(other, &error), qPrintable(error));
        const qint64 bob = m_store->journalId(QStringLiteral("Another"), QStringLiteral("bob"));
        QCOMPARE(
            m_store->journals(),
            (QList<MirroredJournal>{{bob, QStringLiteral("Another"), QStringLiteral("bob"), true},
                                    {m_journal, QStringLiteral("dw"), QStringLiteral("alice"), true},
                                    {community, QStringLiteral("dw"), QStringLiteral("a_comm"), false}}));
    }
};

QTEST_GUILESS_MAIN(TestJournalStore)
#include "TestJournalStore.moc"
