#include "editor/EntryForm.h"
#include "entryview/EntryBrowser.h"
#include "util/RemoteFetcher.h"

#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The editor's fields map to a JournalEntry and back without losing anything.
class TestEntryForm : public QObject
{
    Q_OBJECT
private:
    RemoteFetcher m_fetcher; // the userpic's (the profile's in the program)

    static EditorChoices choices()
    {
        EditorChoices c;
        c.ownJournal = QStringLiteral("alice");
        c.communities = {QStringLiteral("club"), QStringLiteral("writers")};
        c.groups = {{1, QStringLiteral("Family"), 10, false}, {4, QStringLiteral("Work"), 20, true}};
        c.moods = {{15, QStringLiteral("happy"), 0}, {3, QStringLiteral("angry"), 0}};
        c.pictureKeywords = {QStringLiteral("cat"), QStringLiteral("me, at the sea")};
        c.tags = {QStringLiteral("cats"), QStringLiteral("cooking"), QStringLiteral("travel")};
        return c;
    }

    static JournalEntry fullEntry()
    {
        JournalEntry e;
        e.itemid = 77;
        e.anum = 12;
        e.url = QStringLiteral("https://alice.example.org/19724.html");
        e.subject = QStringLiteral("Sea ✓ 😀");
        e.body = QStringLiteral("<p>Hello</p>\nsecond line");
        e.eventtime = QStringLiteral("2024-02-29 23:45:00");
        e.security = Security::UseMask;
        e.allowmask = (quint64(1) << 1) | (quint64(1) << 4);
        e.props = {{QStringLiteral("current_moodid"), QStringLiteral("15")},
                   {QStringLiteral("current_music"), QStringLiteral("Sea shanty")},
                   {QStringLiteral("current_location"), QStringLiteral("Brighton")},
                   {QStringLiteral("taglist"), QStringLiteral("travel, cats")},
                   {QStringLiteral("picture_keyword"), QStringLiteral("me, at the sea")},
                   {QStringLiteral("opt_backdated"), QStringLiteral("1")},
                   {QStringLiteral("opt_nocomments"), QStringLiteral("1")},
                   {QStringLiteral("opt_screening"), QStringLiteral("F")},
                   {QStringLiteral("opt_noemail"), QStringLiteral("1")},
                   {QStringLiteral("opt_preformatted"), QStringLiteral("1")},
                   {QStringLiteral("adult_content"), QStringLiteral("concepts")}}; // no field: kept
        return e;
    }

private slots:
    // On the Blogger API only the subject, the text, the mood and the music travel: the rest is
    // shown disabled with the reason, and comes back when the account is another.
    void whatTheBloggerApiCannotCarryIsDisabled()
    {
        EntryForm form(m_fetcher);
        EditorChoices blogger = choices();
        blogger.bloggerApi = true;
        form.setChoices(blogger);
        form.setEntry(fullEntry(), QStringLiteral("alice"));
        auto* note = form.findChild<QLabel*>(QStringLiteral("interfaceNote"));
        QVERIFY(note && !note->isHidden());
        for (QWidget* field : std::initializer_list<QWidget*>{
                 form.securityBox(), form.tagsEdit(), form.pictureBox(), form.backdateBox(),
                 form.locationEdit(), form.commentsBox(), form.timeEdit(), form.currentTimeBox(),
                 form.preformattedBox()}) {
            QVERIFY2(!field->isEnabled(), field->metaObject()->className());
        }
        QVERIFY(form.securityBox()->toolTip().contains(QStringLiteral("Blogger API")));
        for (QWidget* field : std::initializer_list<QWidget*>{
                 form.subjectEdit(), form.bodyEdit(), form.moodBox(), form.musicEdit(), form.journalBox()})
            QVERIFY(field->isEnabled());
        form.setChoices(choices());
        QVERIFY(note->isHidden());
        QVERIFY(form.securityBox()->isEnabled());
        QVERIFY(form.tagsEdit()->isEnabled());
        QVERIFY(form.timeEdit()->isEnabled()); // the entry has its own date
    }

    void everyFieldRoundTrips()
    {
        EntryForm form(m_fetcher);
        form.setChoices(choices());
        form.setEntry(fullEntry(), QStringLiteral("club"));
        QCOMPARE(form.journal(), QStringLiteral("club"));
        QCOMPARE(form.moodBox()->currentText(), QStringLiteral("happy"));
        QCOMPARE(form.securityBox()->currentIndex(), 3); // custom groups
        QVERIFY(form.groupList()->isVisibleTo(&form));
        QVERIFY(!form.usesCurrentTime());
        QVERIFY(form.backdateBox()->isChecked());
        QCOMPARE(form.pictureBox()->currentText(), QStringLiteral("me, at the sea"));

        JournalEntry expected = fullEntry();
        expected.setTags({QStringLiteral("travel"), QStringLiteral("cats")});
        QCOMPARE(form.entry(), expected);
    }

    void securityChoicesGiveTheServersMasks()
    {
        EntryForm form(m_fetcher);
        form.setChoices(choices());
        form.setEntry(JournalEntry{}, {});
        QCOMPARE(toString(form.entry().security), toString(Security::Public));
        form.securityBox()->setCurrentIndex(1);
        QCOMPARE(toString(form.entry().security), toString(Security::UseMask));
        QCOMPARE(form.entry().allowmask, quint64(1)); // friends / access list is bit 0
        form.securityBox()->setCurrentIndex(2);
        QCOMPARE(toString(form.entry().security), toString(Security::Private));
        QCOMPARE(form.entry().allowmask, quint64(0));
        form.securityBox()->setCurrentIndex(3);
        QCOMPARE(form.groupList()->count(), 2);
        QCOMPARE(form.groupList()->item(1)->text(), QStringLiteral("Work"));
        form.groupList()->item(1)->setCheckState(Qt::Checked);
        QCOMPARE(form.entry().allowmask, quint64(1) << 4);

        // A group the last login did not list keeps its bit.
        JournalEntry entry;
        entry.security = Security::UseMask;
        entry.allowmask = quint64(1) << 30;
        form.setEntry(entry, {});
        QCOMPARE(form.entry().allowmask, quint64(1) << 30);
        // Friends only is not shown as a custom mask.
        entry.allowmask = 1;
        form.setEntry(entry, {});
        QCOMPARE(form.securityBox()->currentIndex(), 1);
    }

    void moodsFromTheListOrFreeText()
    {
        EntryForm form(m_fetcher);
        form.setChoices(choices());
        form.moodBox()->setCurrentText(QStringLiteral("angry"));
        QCOMPARE(form.entry().props.value(QStringLiteral("current_moodid")), QStringLiteral("3"));
        QVERIFY(!form.entry().props.contains(QStringLiteral("current_mood")));
        form.moodBox()->setCurrentText(QStringLiteral("contemplative about the sea"));
        QCOMPARE(form.entry().props.value(QStringLiteral("current_mood")),
                 QStringLiteral("contemplative about the sea"));
        QVERIFY(!form.entry().props.contains(QStringLiteral("current_moodid")));

        // A mood id unknown here (never logged in) survives an edit that leaves the mood alone.
        EntryForm offline(m_fetcher);
        JournalEntry entry;
        entry.props.insert(QStringLiteral("current_moodid"), QStringLiteral("99"));
        entry.props.insert(QStringLiteral("current_mood"), QStringLiteral("sleepy"));
        offline.setEntry(entry, {});
        QCOMPARE(offline.entry().props.value(QStringLiteral("current_moodid")), QStringLiteral("99"));
        offline.moodBox()->setCurrentText(QStringLiteral("awake"));
        QVERIFY(!offline.entry().props.contains(QStringLiteral("current_moodid")));
    }

    void tagsAreTrimmedDeduplicatedAndCompleted()
    {
        EntryForm form(m_fetcher);
        form.setChoices(choices());
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        form.tagsEdit()->setText(QStringLiteral(" cats ,Cats, , new tag"));
        QCOMPARE(form.entry().tags(), (QStringList{QStringLiteral("cats"), QStringLiteral("new tag")}));

        form.tagsEdit()->clear();
        form.tagsEdit()->setFocus();
        QTest::keyClicks(form.tagsEdit(), QStringLiteral("travel, coo"));
        QCompleter* completer = form.tagsEdit()->completer();
        // Only the tag after the last comma is completed; the ones before stay.
        QCOMPARE(completer->currentCompletion(), QStringLiteral("travel, cooking"));
    }

    void aNewEntryIsDatedWhenPosted()
    {
        EntryForm form(m_fetcher);
        form.setEntry(JournalEntry{}, {});
        QVERIFY(form.usesCurrentTime());
        QVERIFY(!form.timeEdit()->isEnabled());
        QVERIFY(form.entry().eventtime.isEmpty());
        form.currentTimeBox()->setChecked(false);
        form.timeEdit()->setDateTime(QDateTime(QDate(2020, 1, 2), QTime(3, 4)));
        QCOMPARE(form.entry().eventtime, QStringLiteral("2020-01-02 03:04:00"));
    }

    // The date is edited as the locale writes it, to the minute (entries carry no seconds), with
    // the whole year (a backdated entry may be from 1999).
    void theDateFollowsTheLocaleToTheMinute_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("German") << QStringLiteral("de_DE") << QStringLiteral("02.01.1999 03:04");
        QTest::newRow("Russian") << QStringLiteral("ru_RU") << QStringLiteral("02.01.1999 03:04");
        QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("2 Jan 1999 03:04");
    }

    void theDateFollowsTheLocaleToTheMinute()
    {
        QFETCH(QString, locale);
        QFETCH(QString, shown);
        const QLocale before;
        QLocale::setDefault(QLocale(locale));
        EntryForm form(m_fetcher);
        QLocale::setDefault(before);
        form.setEntry(JournalEntry{}, {});
        form.currentTimeBox()->setChecked(false);
        form.timeEdit()->setDateTime(QDateTime(QDate(1999, 1, 2), QTime(3, 4)));
        QCOMPARE(form.timeEdit()->text(), shown);
        QCOMPARE(form.entry().eventtime, QStringLiteral("1999-01-02 03:04:00"));
    }

    void onlyTheUsersChangesCountAsEdits()
    {
        EntryForm form(m_fetcher);
        form.setChoices(choices());
        QSignalSpy edits(&form, &EntryForm::edited);
        form.setEntry(fullEntry(), QStringLiteral("alice"));
        QCOMPARE(edits.count(), 0);
        form.show();
        QVERIFY(QTest::qWaitForWindowExposed(&form));
        QTest::keyClicks(form.bodyEdit(), QStringLiteral("x"));
        QVERIFY(edits.count() >= 1);
        const int before = edits.count();
        form.musicEdit()->setText(QStringLiteral("another song"));
        QVERIFY(edits.count() > before);
    }

    void thePreviewLoadsNothingRemote()
    {
        EntryForm form(m_fetcher);
        JournalEntry entry;
        entry.subject = QStringLiteral("A <b>subject</b>");
        entry.body = QStringLiteral("line one\nline two <img src=\"https://tracker.example.com/pixel.gif\">");
        form.setEntry(entry, {});
        form.bodyTabs()->setCurrentIndex(1);
        QVERIFY(form.preview()->blockedUrls().contains(
            QUrl(QStringLiteral("https://tracker.example.com/pixel.gif"))));
        const QString shown = form.preview()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("A <b>subject</b>")), qPrintable(shown)); // subjects are text
        QVERIFY2(shown.contains(QStringLiteral("line one\nline two")),
                 qPrintable(shown)); // newlines become breaks
    }

    void thePreviewShowsMentionsAndCutsAsTheEntryViewDoes()
    {
        EntryForm form(m_fetcher);
        JournalEntry entry;
        entry.body = QStringLiteral("Lunch with <lj user=\"bob\"> and <user name=\"carol\">.\n"
                                    "<lj-cut text=\"More\">The rest</lj-cut>");
        form.setEntry(entry, {});
        form.bodyTabs()->setCurrentIndex(1);
        const QString shown = form.preview()->toPlainText();
        QVERIFY2(shown.contains(QStringLiteral("Lunch with bob and carol.")), qPrintable(shown));
        QVERIFY2(!shown.contains(QStringLiteral("lj user")), qPrintable(shown));
        QVERIFY2(shown.contains(QStringLiteral("The rest")), qPrintable(shown));
    }

    void theChosenUserpicIsShown()
    {
        // A one-shot local web server with two pictures: the default and "cat".
        QTcpServer web;
        QVERIFY(web.listen(QHostAddress::LocalHost));
        auto png = [](QColor colour) {
            QImage image(20, 10, QImage::Format_RGB32);
            image.fill(colour);
            QByteArray data;
            QBuffer buffer(&data);
            buffer.open(QIODevice::WriteOnly);
            image.save(&buffer, "PNG");
            return data;
        };
        const QHash<QByteArray, QByteArray> files{{"/default.png", png(Qt::red)},
                                                  {"/cat.png", png(Qt::blue)}};
        QStringList asked;
        connect(&web, &QTcpServer::newConnection, &web, [&] {
            QTcpSocket* socket = web.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                const QByteArray path = socket->readAll().split(' ').value(1);
                asked << QString::fromLatin1(path);
                const QByteArray body = files.value(path);
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        const QString base = QStringLiteral("http://127.0.0.1:%1").arg(web.serverPort());
        EditorChoices c = choices();
        c.defaultPictureUrl = base + QStringLiteral("/default.png");
        c.pictureUrls = {base + QStringLiteral("/cat.png")};
        EntryForm form(m_fetcher);
        form.setChoices(c);
        QTRY_VERIFY(!form.pictureView()->pixmap().isNull());
        QCOMPARE(form.pictureView()->pixmap().toImage().pixelColor(5, 5), QColor(Qt::red));
        form.pictureBox()->setCurrentIndex(form.pictureBox()->findData(QStringLiteral("cat")));
        QTRY_COMPARE(form.pictureView()->pixmap().toImage().pixelColor(5, 5), QColor(Qt::blue));
        // Back to the default: shown from memory, not fetched again.
        form.pictureBox()->setCurrentIndex(0);
        QCOMPARE(form.pictureView()->pixmap().toImage().pixelColor(5, 5), QColor(Qt::red));
        QCOMPARE(QSet<QString>(asked.cbegin(), asked.cend()),
                 (QSet<QString>{QStringLiteral("/default.png"), QStringLiteral("/cat.png")}));
        // The list shows each keyword's picture beside it.
        QTRY_VERIFY(
            !form.pictureBox()->itemIcon(form.pictureBox()->findData(QStringLiteral("cat"))).isNull());
        // A keyword without a URL shows nothing (and fetches nothing).
        form.pictureBox()->setCurrentIndex(form.pictureBox()->findData(QStringLiteral("me, at the sea")));
        QVERIFY(form.pictureView()->pixmap().isNull());
    }

    // Userpics fetched once are kept in the profile and shown offline after.
    void userpicsAreShownOfflineOnceFetched()
    {
        QTemporaryDir kept;
        QTcpServer web;
        QVERIFY(web.listen(QHostAddress::LocalHost));
        QImage image(20, 10, QImage::Format_RGB32);
        image.fill(Qt::green);
        QByteArray body;
        QBuffer buffer(&body);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        int served = 0;
        connect(&web, &QTcpServer::newConnection, &web, [&] {
            QTcpSocket* socket = web.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                socket->readAll();
                ++served;
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
                socket->disconnectFromHost();
            });
        });
        EditorChoices c = choices();
        c.defaultPictureUrl = QStringLiteral("http://127.0.0.1:%1/me.png").arg(web.serverPort());
        {
            RemoteFetcher fetcher;
            fetcher.setKeepDirectory(kept.filePath(QStringLiteral("userpics")));
            EntryForm form(fetcher);
            form.setChoices(c);
            QTRY_VERIFY(!form.pictureView()->pixmap().isNull());
        }
        QCOMPARE(served, 1);
        web.close(); // offline from here on

        RemoteFetcher fetcher;
        fetcher.setKeepDirectory(kept.filePath(QStringLiteral("userpics")));
        EntryForm form(fetcher);
        form.setChoices(c);
        QTRY_VERIFY(!form.pictureView()->pixmap().isNull());
        QCOMPARE(form.pictureView()->pixmap().toImage().pixelColor(5, 5), QColor(Qt::green));
        QCOMPARE(served, 1);
    }
};

QTEST_MAIN(TestEntryForm)
#include "TestEntryForm.moc"
