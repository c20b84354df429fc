#include "SampleJournal.h"
#include "entryview/EntryBrowser.h"
#include "entryview/EntryHtml.h"
#include "entryview/EntryView.h"
#include "util/RemoteFetcher.h"

#include <QAction>
#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace Inkwell;

namespace {

// Records every request and answers it with a 2x2 PNG from a data: URL, so nothing leaves the
// machine and a test sees exactly what the view asked the network for.
class RecordingNetwork : public QNetworkAccessManager
{
public:
    using QNetworkAccessManager::QNetworkAccessManager;
    QList<QUrl> requested;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* data) override
    {
        requested.append(request.url());
        QImage image(2, 2, QImage::Format_RGB32);
        image.fill(Qt::red);
        QBuffer png;
        png.open(QIODevice::WriteOnly);
        image.save(&png, "PNG");
        const QNetworkRequest local(
            QUrl(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.data().toBase64())));
        return QNetworkAccessManager::createRequest(op, local, data);
    }
};

} // namespace

class TestEntryView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<JournalStore> m_store;
    qint64 m_journal = 0;
    int m_counter = 0;
    RemoteFetcher m_fetcher; // nothing here allows remote content but the test that brings its own
    const QUrl m_photo{QStringLiteral("https://pics.example.com/hike.jpg")};

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(m_temp.filePath(QStringLiteral("e%1.sqlite").arg(++m_counter)));
        QString error;
        m_journal = Sample::prepare(*m_db, &error);
        QVERIFY2(m_journal > 0, qPrintable(error));
        m_store = std::make_unique<JournalStore>(m_db->connection());
        JournalEntry photo = Sample::entry(
            1, QStringLiteral("2024-03-02 18:05:00"), QStringLiteral("Hike <script>alert(1)</script>"),
            QStringLiteral(
                "Look: <img src=\"https://pics.example.com/hike.jpg\">\n"
                "<img src=\"file:///etc/passwd\"> <img src=\"secret.png\">"
                "<table background=\"http://tracker.example.net/t.gif\"><tr><td>x</td></tr></table>"
                "<script>document.write('owned')</script>"
                "<a href=\"https://example.org/essay\">essay</a>"),
            Security::UseMask, 1);
        photo.props.insert(QStringLiteral("current_mood"), QStringLiteral("cheerful"));
        photo.setTags({QStringLiteral("hiking"), QStringLiteral("photos")});
        JournalEntry other =
            Sample::entry(2, QStringLiteral("2024-03-03 09:00:00"), QString(),
                          QStringLiteral("Another <img src=\"https://pics.example.com/b.png\">"));
        JournalEntry plain = Sample::entry(3, QStringLiteral("2024-03-04 09:00:00"), QStringLiteral("Plain"),
                                           QStringLiteral("line one\nline two"));
        QVERIFY(m_store->upsertEntries(m_journal, {photo, other, plain}));
    }
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void remoteImagesWaitForConsent()
    {
        RecordingNetwork network;
        RemoteFetcher fetcher(&network);
        EntryView view(fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.resize(700, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy resources(view.browser(), &EntryBrowser::resourceRequested);
        view.showEntry(m_journal, 1);
        QTRY_VERIFY(view.remoteContentBar()->isVisible());
        QTest::qWait(50); // a layout pass that could have fetched something
        QVERIFY2(network.requested.isEmpty(), qPrintable(network.requested.value(0).toString()));
        QVERIFY(view.browser()->blockedUrls().contains(m_photo));
        QVERIFY(
            view.browser()->blockedUrls().contains(QUrl(QStringLiteral("http://tracker.example.net/t.gif"))));
        // Local files and relative paths are never read, allowed or not.
        for (const QList<QVariant>& request : std::as_const(resources)) {
            const QUrl url = request.at(0).toUrl();
            if (url.scheme() == QLatin1String("file") || url.isRelative())
                QVERIFY2(!request.at(1).toBool(), qPrintable(url.toString()));
        }

        view.loadRemoteButton()->click();
        QVERIFY(!view.remoteContentBar()->isVisible());
        QTRY_VERIFY(network.requested.contains(m_photo));
        QVERIFY(!network.requested.contains(QUrl(QStringLiteral("file:///etc/passwd"))));
        QTRY_VERIFY(view.browser()
                        ->document()
                        ->resource(QTextDocument::ImageResource, m_photo)
                        .value<QImage>()
                        .size() == QSize(2, 2));

        // Consent is per entry: the next one is blocked again, the first stays allowed.
        network.requested.clear();
        view.showEntry(m_journal, 2);
        QTRY_VERIFY(view.remoteContentBar()->isVisible());
        QTest::qWait(50);
        QVERIFY(network.requested.isEmpty());
        view.showEntry(m_journal, 1);
        QTRY_VERIFY(network.requested.contains(m_photo));
        QVERIFY(!view.remoteContentBar()->isVisible());
    }

    // Preferences → "Show pictures and styles from other sites without asking": every entry loads
    // them, no bar asks; turned off again, entries ask again.
    void remoteImagesLoadWithoutAskingWhenTheUserSaysSo()
    {
        RecordingNetwork network;
        RemoteFetcher fetcher(&network);
        EntryView view(fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.resize(700, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showEntry(m_journal, 2);
        QTRY_VERIFY(view.remoteContentBar()->isVisible());
        QVERIFY(network.requested.isEmpty());

        view.setLoadsRemoteContent(true); // the entry shown loads at once
        const QUrl other(QStringLiteral("https://pics.example.com/b.png"));
        QTRY_VERIFY(network.requested.contains(other));
        QVERIFY(!view.remoteContentBar()->isVisible());
        view.showEntry(m_journal, 1);
        QTRY_VERIFY(network.requested.contains(m_photo));
        QVERIFY(!view.remoteContentBar()->isVisible());
        QVERIFY(!network.requested.contains(QUrl(QStringLiteral("file:///etc/passwd")))); // never

        network.requested.clear();
        view.setLoadsRemoteContent(false);
        view.showEntry(m_journal, 2);
        QTRY_VERIFY(view.remoteContentBar()->isVisible());
        QTest::qWait(50);
        QVERIFY(network.requested.isEmpty());
    }

    void anEntryWithoutRemoteContentShowsNoBar()
    {
        EntryView view(m_fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.showEntry(m_journal, 3);
        QTest::qWait(20);
        QVERIFY(!view.remoteContentBar()->isVisible());
        // Newlines are line breaks, as on the site.
        QVERIFY(view.browser()->toPlainText().contains(QStringLiteral("line one\nline two")));
    }

    void showsHeaderAndMetadataAsText()
    {
        EntryView view(m_fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.showEntry(m_journal, 1);
        const QString text = view.browser()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Hike")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("alert(1)")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("owned")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("cheerful")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("hiking")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Friends only")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("alice")), qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(QDate(2024, 3, 2), QLocale::LongFormat)), qPrintable(text));
        // To the minute: entries are written to the minute, the seconds are noise.
        QVERIFY2(text.contains(QStringLiteral("18:05")) || text.contains(QStringLiteral("6:05")),
                 qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("18:05:00")) && !text.contains(QStringLiteral("6:05:00")),
                 qPrintable(text));
        // The subject is text, never markup.
        QVERIFY(!EntryHtml::page(*m_store->entry(m_journal, 1), QString(), view.palette())
                     .contains(QStringLiteral("<script>alert")));
    }

    void aMoodPickedFromTheListShowsItsName()
    {
        JournalEntry entry = *m_store->entry(m_journal, 3);
        entry.props.insert(QStringLiteral("current_moodid"), QStringLiteral("44"));
        QVERIFY(m_store->upsertEntries(m_journal, {entry}));
        EntryView view(m_fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.showEntry(m_journal, 3);
        QVERIFY2(view.browser()->toPlainText().contains(QStringLiteral("mood #44")),
                 qPrintable(view.browser()->toPlainText())); // no list known: the number
        view.setMoodNames({{44, QStringLiteral("nostalgic")}});
        view.showEntry(m_journal, 3);
        const QString text = view.browser()->toPlainText();
        QVERIFY2(text.contains(QStringLiteral("nostalgic")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("#44")), qPrintable(text));
    }

    void linksOpenOutsideOnlyForTheWeb()
    {
        EntryView view(m_fetcher);
        QList<QUrl> opened;
        view.setLinkOpener([&opened](const QUrl& url) { opened.append(url); });
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.showEntry(m_journal, 1);
        emit view.browser()->anchorClicked(QUrl(QStringLiteral("https://example.org/essay")));
        emit view.browser()->anchorClicked(QUrl(QStringLiteral("javascript:alert(1)")));
        emit view.browser()->anchorClicked(QUrl(QStringLiteral("file:///etc/passwd")));
        QCOMPARE(opened, QList<QUrl>{QUrl(QStringLiteral("https://example.org/essay"))});
    }

    void editAndDeleteWaitForTheEditor()
    {
        EntryView view(m_fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.showEntry(m_journal, 1);
        QVERIFY(!view.editAction()->isEnabled());
        QVERIFY(!view.deleteAction()->isEnabled());
        QVERIFY(view.editAction()->toolTip().contains(QStringLiteral("editor")));
        QSignalSpy edit(&view, &EntryView::editRequested);
        QSignalSpy remove(&view, &EntryView::deleteRequested);
        view.editAction()->trigger();
        QCOMPARE(edit.count(), 0);

        view.setEntryActionsAvailable(true);
        QVERIFY(view.editAction()->isEnabled());
        view.editAction()->trigger();
        view.deleteAction()->trigger();
        QCOMPARE(edit.count(), 1);
        QCOMPARE(edit.last().at(0).toLongLong(), m_journal);
        QCOMPARE(edit.last().at(1).toLongLong(), 1);
        QCOMPARE(remove.count(), 1);
        view.clear();
        QVERIFY(!view.editAction()->isEnabled());
    }

    void anEntryGoneFromTheMirrorSaysSo()
    {
        EntryView view(m_fetcher);
        view.setJournal(m_store.get(), m_journal, QStringLiteral("alice"));
        view.showEntry(m_journal, 1);
        QVERIFY(m_store->deleteEntries(m_journal, {1}));
        view.reload();
        QVERIFY(!view.hasEntry());
        auto* placeholder = view.findChild<QLabel*>(QStringLiteral("entryPlaceholder"));
        QVERIFY(placeholder->text().contains(QStringLiteral("no longer")));
    }
};

QTEST_MAIN(TestEntryView)
#include "TestEntryView.moc"
