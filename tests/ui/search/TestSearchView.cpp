#include "ModelTesting.h"
#include "SampleJournal.h"
#include "search/SearchResultsModel.h"
#include "search/SearchView.h"

#include <QComboBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

class TestSearchView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    qint64 m_journal = 0;
    int m_counter = 0;

    static QSet<qint64> resultIds(SearchView& view)
    {
        QSet<qint64> ids;
        for (int row = 0; row < view.results()->rowCount(); ++row)
            ids.insert(view.results()->itemidAt(row));
        return ids;
    }
    // Runs the search the fields ask for now and waits for its answer.
    static bool searched(SearchView& view)
    {
        QSignalSpy finished(&view, &SearchView::searchFinished);
        return finished.wait(5000);
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("s%1.sqlite").arg(++m_counter)));
        QString error;
        m_journal = Sample::prepare(*m_db, &error);
        QVERIFY2(m_journal > 0, qPrintable(error));
        JournalStore store(m_db->connection());
        JournalEntry rain =
            Sample::entry(1, QStringLiteral("2021-04-01 10:00:00"), QStringLiteral("Rainy walk"),
                          QStringLiteral("We walked in the <b>rain</b> by the river."));
        rain.setTags({QStringLiteral("weather"), QStringLiteral("walks")});
        JournalEntry cat =
            Sample::entry(2, QStringLiteral("2022-05-02 11:00:00"), QStringLiteral("Кошка"),
                          QStringLiteral("The cat sat in the rainy window all day."), Security::Private);
        cat.setTags({QStringLiteral("cats")});
        JournalEntry friends =
            Sample::entry(3, QStringLiteral("2022-06-03 12:00:00"), QString(),
                          QStringLiteral("Rainbows & <lj user=\"bob\"> on the hill"), Security::UseMask, 1);
        friends.setTags({QStringLiteral("weather")});
        JournalEntry snow = Sample::entry(4, QStringLiteral("2023-01-04 13:00:00"), QStringLiteral("Снег"),
                                          QStringLiteral("Первый снег выпал ночью."));
        QVERIFY(store.upsertEntries(m_journal, {rain, cat, friends, snow}));
    }
    void cleanup() { m_db.reset(); }

    void resultsComeAsYouType()
    {
        SearchView view(*m_db);
        testModelsUnder(view);
        view.setJournal(m_journal);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy finished(&view, &SearchView::searchFinished);
        QTest::keyClicks(view.searchField(), QStringLiteral("rai"));
        // The last word is a prefix: rain, rainy and rainbows all match.
        QTRY_COMPARE_WITH_TIMEOUT(resultIds(view), (QSet<qint64>{1, 2, 3}), 5000);
        QVERIFY(finished.count() >= 1);
        QVERIFY(finished.count() <= 3); // typing pauses debounce the searches
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("3")));

        QTest::keyClicks(view.searchField(), QStringLiteral("ny"));
        QTRY_COMPARE_WITH_TIMEOUT(resultIds(view), (QSet<qint64>{1, 2}), 5000);
        // The match is highlighted in the snippet; the entry's markup is not.
        const int row = view.results()->itemidAt(0) == 1 ? 0 : 1;
        const QString snippet =
            view.results()->index(row).data(SearchResultsModel::SnippetHtmlRole).toString();
        QVERIFY2(snippet.contains(QStringLiteral("<b class=\"match\">")), qPrintable(snippet));
        QVERIFY2(!snippet.contains(QStringLiteral("<b>rain")), qPrintable(snippet));
    }

    void unicodeAndTagsAreSearched()
    {
        SearchView view(*m_db);
        testModelsUnder(view);
        view.setJournal(m_journal);
        view.searchField()->setText(QStringLiteral("снег"));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{4});
        view.searchField()->setText(QStringLiteral("walks"));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{1}); // only in its tags
        view.searchField()->setText(QStringLiteral("\"by the river\""));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{1});
        view.searchField()->setText(QStringLiteral("nothing-like-this"));
        QVERIFY(searched(view));
        QCOMPARE(view.results()->rowCount(), 0);
        QCOMPARE(view.statusLabel()->text(), SearchView::tr("No entries match."));
    }

    void filtersByTagSecurityAndYear()
    {
        SearchView view(*m_db);
        testModelsUnder(view);
        view.setJournal(m_journal);
        // The filters offer the journal's tags and years once its facts are read.
        QTRY_COMPARE_WITH_TIMEOUT(view.yearFilter()->count(), 4, 5000); // any, 2023, 2022, 2021
        QCOMPARE(view.yearFilter()->itemText(1), QStringLiteral("2023"));
        QTRY_VERIFY(view.tagCompleter()->model()->rowCount() == 3);

        view.searchField()->setText(QStringLiteral("rain"));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), (QSet<qint64>{1, 2, 3}));

        view.tagFilter()->setText(QStringLiteral("Weather"));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), (QSet<qint64>{1, 3}));

        view.securityFilter()->setCurrentIndex(view.securityFilter()->findData(int(Security::UseMask)));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{3});

        view.tagFilter()->clear();
        view.securityFilter()->setCurrentIndex(view.securityFilter()->findData(int(Security::Private)));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{2});

        view.securityFilter()->setCurrentIndex(0);
        view.yearFilter()->setCurrentIndex(view.yearFilter()->findData(2021));
        QVERIFY(searched(view));
        QCOMPARE(resultIds(view), QSet<qint64>{1});
    }

    void choosingAResultSelectsTheEntry()
    {
        SearchView view(*m_db);
        testModelsUnder(view);
        view.setJournal(m_journal);
        view.searchField()->setText(QStringLiteral("cat"));
        QVERIFY(searched(view));
        QCOMPARE(view.results()->rowCount(), 1);
        QSignalSpy selected(&view, &SearchView::entrySelected);
        view.resultList()->setCurrentIndex(view.results()->index(0));
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.last().at(0).toLongLong(), m_journal);
        QCOMPARE(selected.last().at(1).toLongLong(), 2);
    }

    void noJournalOrNoWordsSearchesNothing()
    {
        SearchView view(*m_db);
        testModelsUnder(view);
        view.searchField()->setText(QStringLiteral("rain"));
        QVERIFY(searched(view));
        QCOMPARE(view.results()->rowCount(), 0);
        QSignalSpy finished(&view, &SearchView::searchFinished);
        view.setJournal(m_journal); // searches what was typed, in the journal now chosen
        QVERIFY(finished.wait(5000));
        QCOMPARE(view.results()->rowCount(), 3);
        view.searchField()->setText(QStringLiteral("   \"\" "));
        QVERIFY(searched(view));
        QCOMPARE(view.results()->rowCount(), 0);
    }

    void tooManyMatchesComeRecentFirstInsteadOfRanked()
    {
        JournalStore store(m_db->connection());
        const JournalSearch search(m_db->connection());
        QList<JournalEntry> many;
        for (int i = 0; i <= JournalSearch::rankedMatches; ++i)
            many.append(Sample::entry(
                100 + i, QStringLiteral("2010-01-01 00:00:00").replace(0, 4, QString::number(1500 + i % 500)),
                QStringLiteral("Common %1").arg(i), QStringLiteral("a common word")));
        QVERIFY(store.upsertEntries(m_journal, many));
        SearchOrder order = SearchOrder::Relevance;
        const QList<SearchHit> hits = search.search(m_journal, QStringLiteral("common"), {}, 200, &order);
        QCOMPARE(order, SearchOrder::Recent);
        QCOMPARE(hits.size(), 200);
        // The last 200 mirrored, shown newest first.
        for (const SearchHit& hit : hits)
            QVERIFY2(hit.itemid >= 100 + JournalSearch::rankedMatches + 1 - 200,
                     qPrintable(QString::number(hit.itemid)));
        for (int i = 1; i < hits.size(); ++i)
            QVERIFY(hits.at(i - 1).eventtime >= hits.at(i).eventtime);
        QVERIFY(hits.first().snippet.contains(QChar(0x02)));
        // Fewer matches are ranked.
        search.search(m_journal, QStringLiteral("rain"), {}, 200, &order);
        QCOMPARE(order, SearchOrder::Relevance);
        // What counts is what passes the filters: the year 1500 has four of them, ranked.
        SearchFilter year1500;
        year1500.year = 1500;
        const QList<SearchHit> filtered =
            search.search(m_journal, QStringLiteral("common"), year1500, 200, &order);
        QCOMPARE(order, SearchOrder::Relevance);
        QCOMPARE(filtered.size(), 4);
        // ... and only this journal's matches: another journal's many do not stop ranking here.
        const qint64 other = store.journalId(QStringLiteral("dw"), QStringLiteral("community"));
        QVERIFY(other != 0);
        QList<JournalEntry> few{Sample::entry(1, QStringLiteral("2020-01-01 00:00:00"),
                                              QStringLiteral("Common"), QStringLiteral("common"))};
        QVERIFY(store.upsertEntries(other, few));
        QCOMPARE(search.search(other, QStringLiteral("common"), {}, 200, &order).size(), 1);
        QCOMPARE(order, SearchOrder::Relevance);

        SearchView view(*m_db);
        testModelsUnder(view);
        view.setJournal(m_journal);
        view.searchField()->setText(QStringLiteral("common"));
        QVERIFY(searched(view));
        QCOMPARE(view.results()->rowCount(), 200);
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("most recent")),
                 qPrintable(view.statusLabel()->text()));
    }

    void snippetsAreEscapedText()
    {
        const QString html =
            snippetToHtml(QStringLiteral("ef=\"https://x/\">link <img src=x onerror=y> a \x02"
                                         "cat\x03 & <i>dog</i>"));
        QVERIFY2(!html.contains(QStringLiteral("<img")), qPrintable(html));
        QVERIFY2(!html.contains(QStringLiteral("href")), qPrintable(html));
        QVERIFY2(html.contains(QStringLiteral("<b class=\"match\">cat</b> &amp; dog")), qPrintable(html));
    }
};

QTEST_MAIN(TestSearchView)
#include "TestSearchView.moc"
