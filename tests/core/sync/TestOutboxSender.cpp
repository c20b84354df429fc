#include "TestServer.h"
#include "account/AccountStore.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/OutboxSender.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;

// Outbox states and operations are compared by name (QTest cannot print the enums).

namespace {

// A profile (database, outbox, mirror) for account "test" = alice on a local server.
class Harness
{
public:
    bool start(const QStringList& serverArgs)
    {
        if (!server.start(serverArgs)) {
            qWarning() << server.errorString();
            return false;
        }
        database = std::make_unique<Database>(dir.filePath(QStringLiteral("journal.sqlite")));
        if (!database->open())
            return false;
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = server.baseUrl();
        account.username = QStringLiteral("alice");
        QString error;
        if (!AccountStore(*database).add(account, &error))
            return false;
        outbox = std::make_unique<Outbox>(database->connection());
        mirror = std::make_unique<JournalStore>(database->connection());
        return true;
    }

    std::unique_ptr<LjClient> client(const QUrl& url, const QString& user = QStringLiteral("alice"))
    {
        Account account;
        account.name = QStringLiteral("test");
        account.serverUrl = url;
        account.username = user;
        account.interface = interface;
        auto c = std::make_unique<LjClient>(account);
        c->setPassword(QStringLiteral("pw"));
        c->setRetryPolicy(RetryPolicy{{std::chrono::milliseconds(10), std::chrono::milliseconds(10)}});
        c->setPreferSession(session);
        return c;
    }

    // One run of the sender with a fresh client, as a program start or a reconnect would do.
    OutboxReport send(const QUrl& url)
    {
        auto c = client(url);
        OutboxSender sender(*c, *outbox, *mirror, QStringLiteral("test"));
        std::optional<OutboxReport> report;
        QObject::connect(&sender, &OutboxSender::finished, [&](const OutboxReport& r) { report = r; });
        sender.start();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(report.has_value(), 60000);
        }();
        return report.value_or(OutboxReport{});
    }
    OutboxReport send() { return send(server.baseUrl()); }

    // A call outside the outbox (another client changing the journal), waited for.
    ProtocolValue direct(const QString& mode, const ProtocolValue& request,
                         const QString& user = QStringLiteral("alice"))
    {
        auto c = client(server.baseUrl(), user);
        ProtocolValue reply;
        bool done = false;
        c->call(mode, request, c.get(), [&](ProtocolCall& call) {
            if (!call.succeeded())
                qWarning() << mode << call.error().toString();
            reply = call.reply();
            done = true;
        });
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        }();
        return reply;
    }

    QJsonArray serverEntries(const QString& journal = QStringLiteral("alice"))
    {
        return server.control("GET", QStringLiteral("entries?journal=") + journal)
            .value(QStringLiteral("entries"))
            .toArray();
    }

    void fault(const QString& kind, const QString& mode, int count)
    {
        server.control("POST", QStringLiteral("faults"),
                       QJsonObject{{QStringLiteral("kind"), kind},
                                   {QStringLiteral("mode"), mode},
                                   {QStringLiteral("count"), count}});
    }

    // Arrivals of postevent at the server (each request counted as it came, whatever became of it).
    int postArrivals()
    {
        return server.control("GET", QStringLiteral("arrivals?mode=postevent"))
            .value(QStringLiteral("total"))
            .toInt();
    }

    Interface interface = Interface::Flat;
    bool session = false; // log in once with getchallenge and sessiongenerate, as sync does
    TestServer server;
    QTemporaryDir dir;
    std::unique_ptr<Database> database;
    std::unique_ptr<Outbox> outbox;
    std::unique_ptr<JournalStore> mirror;
};

JournalEntry entry(const QString& subject, const QString& eventtime = QStringLiteral("2026-11-20 09:30:00"))
{
    JournalEntry e;
    e.subject = subject;
    e.body = QStringLiteral("Written offline ✓ 😀\nsecond line <b>bold</b>");
    e.eventtime = eventtime;
    e.props.insert(QStringLiteral("current_mood"), QStringLiteral("hopeful"));
    e.props.insert(QStringLiteral("taglist"), QStringLiteral("offline, tests"));
    return e;
}

OutboxItem post(const JournalEntry& e, const QString& journal = QStringLiteral("alice"))
{
    OutboxItem item;
    item.account = QStringLiteral("test");
    item.journal = journal;
    item.entry = e;
    return item;
}

QJsonObject entryWithSubject(const QJsonArray& entries, const QString& subject)
{
    for (const QJsonValue& value : entries) {
        if (value.toObject().value(QStringLiteral("subject")).toString() == subject)
            return value.toObject();
    }
    return {};
}

// One entry of each kind of content a server stores differently from how it was sent (see
// journal/ServerNormalization.h), with eventtimes a minute apart (LiveJournal refuses a post
// dated before the newest one).
QList<std::pair<QString, JournalEntry>> kindsOfContent()
{
    QList<std::pair<QString, JournalEntry>> kinds;
    const auto add = [&](const char* name, const QString& subject, const QString& body,
                         const QMap<QString, QString>& props = {}) -> JournalEntry& {
        JournalEntry e;
        e.subject = subject;
        e.body = body;
        e.props = props;
        e.eventtime = QStringLiteral("2026-11-20 10:%1:00").arg(kinds.size(), 2, 10, QLatin1Char('0'));
        kinds.append({QString::fromLatin1(name), e});
        return kinds.last().second;
    };
    add("plain", u"plain"_s, u"Just text."_s);
    add("CRLF body", u"CRLF body"_s, u"first line\r\nsecond line\r\n\r\nthird\r\n"_s);
    add("lone CR body", u"lone CR body"_s, u"one\rtwo\rthree"_s);
    add("blank edges", u"blank edges"_s, u"\n\n  indented start\tand a tab \n \n"_s);
    add("two-line subject", u"two-line\nsubject"_s, u"b"_s);
    add("CRLF subject with blanks", u"  CRLF\r\nsubject  "_s, u"b"_s);
    add("prop with LF", u"prop with LF"_s, u"b"_s, {{u"current_music"_s, u"song\nby someone"_s}});
    add("prop with CRLF", u"prop with CRLF"_s, u"b"_s, {{u"current_location"_s, u"here\r\nand there"_s}});
    add("prop with blanks", u"prop with blanks"_s, u"b"_s, {{u"current_mood"_s, u"  calm \t"_s}});
    add("repeated tags", u"repeated tags"_s, u"b"_s,
        {{u"taglist"_s, u"Travel, travel, TRAVEL , food,  food"_s}});
    add("long tags", u"long tags"_s, u"b"_s, {{u"taglist"_s, QString(50, u't') + u", New   York"_s}});
    add("unknown userpic", u"unknown userpic"_s, u"b"_s, {{u"picture_keyword"_s, u"no such icon"_s}});
    add("zero props", u"zero props"_s, u"b"_s,
        {{u"opt_nocomments"_s, u"0"_s},
         {u"current_moodid"_s, u"0"_s},
         {u"opt_noemail"_s, u"0"_s},
         {u"current_mood"_s, u"fine"_s}});
    add("300-character subject", u"long subject "_s + QString(287, u's'), u"b"_s);
    add("unicode", u"Ünïcödé тема 日本 😀"_s, u"Grüße — “quotes” — Привет — 日本語 — 🎉 e\u0301"_s);
    add("html", u"html"_s,
        u"<p class=\"x\">Hi &amp; <b>bye</b></p>\n<lj-cut text=\"more\">hidden</lj-cut>"
        u"<img src=\"http://example.org/a.png\">"_s);
    add("long prop", u"long prop"_s, u"b"_s, {{u"current_location"_s, QString(150, u'l')}});
    JournalEntry& lastly = add("private, with seconds", u"private"_s, u"b"_s);
    lastly.security = Security::Private;
    lastly.eventtime.replace(17, 2, u"42"_s);
    return kinds;
}

} // namespace

// Posts, edits and deletions leave the outbox exactly once, whatever the network does.
class TestOutboxSender : public QObject
{
    Q_OBJECT
private slots:
    void queuedWhileOfflineThenSentInOrderWhenOnline()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        Draft draft;
        draft.account = QStringLiteral("test");
        draft.entry = entry(QStringLiteral("first"));
        DraftStore drafts(h.database->connection());
        QVERIFY(drafts.save(draft));
        OutboxItem first = post(entry(QStringLiteral("first")));
        first.draftId = draft.id;
        const qint64 a = h.outbox->enqueue(first);
        const qint64 b =
            h.outbox->enqueue(post(entry(QStringLiteral("second"), QStringLiteral("2026-11-21 08:00:00"))));

        // Nothing listens on port 1: the network is "down".
        OutboxReport offline = h.send(QUrl(QStringLiteral("http://127.0.0.1:1/")));
        QVERIFY(offline.sent.isEmpty());
        QCOMPARE(offline.waiting, 2);
        QVERIFY(!offline.stopReason.isEmpty());
        QCOMPARE(toString(h.outbox->item(a)->state), toString(OutboxState::Waiting));
        QVERIFY2(!h.outbox->item(a)->reason.isEmpty(), "the user sees why it waits");
        QCOMPARE(h.outbox->item(b)->attempts, 0); // the run stopped at the first item
        QCOMPARE(h.serverEntries().size(), 0);

        const OutboxReport online = h.send();
        QCOMPARE(online.sent, (QList<qint64>{a, b}));
        QCOMPARE(online.waiting, 0);
        QCOMPARE(h.outbox->count(), 0);
        const QJsonArray onServer = h.serverEntries();
        QCOMPARE(onServer.size(), 2);
        QCOMPARE(onServer.at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("first"));
        QCOMPARE(onServer.at(1).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("second"));
        QCOMPARE(online.posts.size(), 2);
        QVERIFY(online.posts.at(0).itemid > 0);
        QVERIFY(!online.posts.at(0).url.isEmpty());
        // The mirror shows the posts at once, and the draft they came from is gone.
        const qint64 journalId = h.mirror->findJournalId(QStringLiteral("test"), QStringLiteral("alice"));
        const auto mirrored = h.mirror->entry(journalId, online.posts.at(0).itemid);
        QVERIFY(mirrored);
        QCOMPARE(mirrored->subject, QStringLiteral("first"));
        QVERIFY(!drafts.draft(draft.id));
    }

    void aPostWhoseReplyWasLostIsNotSentTwice()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("exactly once"))));
        // The server commits the post, then the connection drops (every re-send too).
        h.fault(QStringLiteral("drop_after_commit"), QStringLiteral("postevent"), 5);
        const OutboxReport lost = h.send();
        QVERIFY(lost.sent.isEmpty());
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));
        QCOMPARE(h.serverEntries().size(), 1); // it did arrive
        h.server.control("DELETE", QStringLiteral("faults"));

        const int postsBefore = h.server.requestCount(QStringLiteral("postevent"));
        const OutboxReport resolved = h.send();
        QCOMPARE(resolved.sent, QList<qint64>{id});
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), postsBefore); // found, not re-sent
        QCOMPARE(h.serverEntries().size(), 1);
        QCOMPARE(h.outbox->count(), 0);
        const qint64 itemid = h.serverEntries().at(0).toObject().value(QStringLiteral("itemid")).toInteger();
        const qint64 journalId = h.mirror->findJournalId(QStringLiteral("test"), QStringLiteral("alice"));
        QVERIFY(h.mirror->entry(journalId, itemid));
    }

    // A post whose reply is lost is looked for on the server, which stores it a little differently
    // from how it was sent: found, whatever the content, and never sent twice.
    void everyKindOfContentArrivesExactlyOnce_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<QString>("interface");
        QTest::newRow("lj flat") << u"lj"_s << u"flat"_s;
        QTest::newRow("lj xmlrpc") << u"lj"_s << u"xmlrpc"_s;
        QTest::newRow("dw flat") << u"dw"_s << u"flat"_s;
        QTest::newRow("dw xmlrpc") << u"dw"_s << u"xmlrpc"_s;
    }

    void everyKindOfContentArrivesExactlyOnce()
    {
        QFETCH(QString, flavor);
        QFETCH(QString, interface);
        Harness h;
        h.interface = *interfaceFromString(interface);
        // The server's own duplicate check would hide a second copy: off.
        QVERIFY(h.start({u"--flavor"_s, flavor, u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s}));
        int posted = 0;
        QStringList missed;
        for (const auto& [kind, content] : kindsOfContent()) {
            h.server.control("DELETE", u"arrivals"_s);
            const qint64 id = h.outbox->enqueue(post(content));
            h.fault(u"drop_after_commit"_s, u"postevent"_s, 1);
            const OutboxReport lost = h.send();
            QVERIFY2(lost.sent.isEmpty(), qPrintable(kind));
            QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));

            const OutboxReport resolved = h.send();
            const int arrivals = h.postArrivals();
            const bool tooLong = content.subject.size() > 100;
            if (tooLong && flavor == u"dw") {
                // Dreamwidth refuses it (411); the refusal was lost with the reply, so the look-up
                // finds nothing, and the second copy is refused too.
                QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Failed));
                QCOMPARE(arrivals, 2);
                QCOMPARE(h.serverEntries().size(), posted);
                continue;
            }
            if (arrivals != 1)
                missed << u"%1 (%2 arrivals)"_s.arg(kind).arg(arrivals);
            QVERIFY2(resolved.sent == QList<qint64>{id}, qPrintable(kind));
            QVERIFY2(!h.outbox->item(id), qPrintable(kind));
            const QJsonArray onServer = h.serverEntries();
            posted = int(onServer.size());
            qint64 newest = 0;
            for (const QJsonValue& entry : onServer)
                newest = std::max(newest, entry.toObject().value(u"itemid"_s).toInteger());
            QVERIFY2(resolved.postsByOutboxId.value(id).itemid == newest, qPrintable(kind));
        }
        QVERIFY2(missed.isEmpty(), qPrintable(u"sent twice: "_s + missed.join(u", "_s)));
        QCOMPARE(posted, int(kindsOfContent().size()) - (flavor == u"dw" ? 1 : 0));
    }

    // A look-up whose reply says success but does not read (an entry without an itemid) tells
    // nothing: the item is asked about again later, never sent blindly, never taken as done.
    void anUnreadableLookUpOfAPostIsAskedAgainLater()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s}));
        const qint64 id = h.outbox->enqueue(post(entry(u"asked about"_s)));
        h.fault(u"drop_after_commit"_s, u"postevent"_s, 1);
        h.send();
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));

        h.fault(u"damaged"_s, u"getevents"_s, 1);
        const OutboxReport unread = h.send(); // used to abort: std::bad_variant_access
        QVERIFY(unread.sent.isEmpty());
        QCOMPARE(unread.waiting, 1);
        QVERIFY2(unread.stopError.isTemporary(), qPrintable(unread.stopError.toString()));
        QVERIFY(!unread.stopReason.isEmpty());
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));
        QCOMPARE(h.postArrivals(), 1);

        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.postArrivals(), 1);
        QCOMPARE(h.serverEntries().size(), 1);
    }

    void anUnreadableLookUpOfADeletionIsNotTakenAsGone()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s}));
        JournalEntry mirrored = entry(u"to delete"_s);
        mirrored.itemid = postResultFromReply(h.direct(u"postevent"_s, postEventRequest(mirrored))).itemid;
        OutboxItem del = post(mirrored);
        del.operation = OutboxOperation::Delete;
        del.itemid = mirrored.itemid;
        const qint64 id = h.outbox->enqueue(del);
        h.fault(u"drop_before"_s, u"editevent"_s, 1); // lost on the way: the entry stays
        h.send();
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));

        h.fault(u"damaged"_s, u"getevents"_s, 1);
        const OutboxReport unread = h.send();
        QVERIFY(unread.sent.isEmpty());
        QVERIFY(h.outbox->item(id));
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Unknown));
        QCOMPARE(h.serverEntries().size(), 1);

        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().size(), 0);
    }

    void anUnreadableLookUpBeforeAnEditWaits()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s}));
        JournalEntry original = entry(u"before"_s);
        original.itemid = postResultFromReply(h.direct(u"postevent"_s, postEventRequest(original))).itemid;
        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.subject = u"after"_s;
        const qint64 id = h.outbox->enqueue(edit);

        h.fault(u"damaged"_s, u"getevents"_s, 1);
        const OutboxReport unread = h.send();
        QCOMPARE(unread.failed, 0); // it was not "deleted on the server"
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Waiting));
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().at(0).toObject().value(u"subject"_s).toString(), u"after"_s);
    }

    // A captive portal's or proxy's page with status 200 instead of the reply: the post may have
    // gone through it, so it is asked about, never sent again blindly.
    void aPageThatIsNotAReplyIsAnUnknownOutcome_data()
    {
        QTest::addColumn<QString>("interface");
        QTest::newRow("flat") << u"flat"_s;
        QTest::newRow("xmlrpc") << u"xmlrpc"_s;
    }

    void aPageThatIsNotAReplyIsAnUnknownOutcome()
    {
        QFETCH(QString, interface);
        Harness h;
        h.interface = *interfaceFromString(interface);
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s}));
        const qint64 id = h.outbox->enqueue(post(entry(u"behind a portal"_s)));
        h.fault(u"proxy_page"_s, u"postevent"_s, 1);
        const OutboxReport first = h.send();
        QVERIFY(first.sent.isEmpty());
        QCOMPARE(h.postArrivals(), 1); // not sent again behind the user's back
        const OutboxItem unknown = *h.outbox->item(id);
        QCOMPARE(toString(unknown.state), toString(OutboxState::Unknown));
        QVERIFY2(unknown.reason.contains(u"ask the server whether it arrived"_s), qPrintable(unknown.reason));

        const int lookUps = h.server.requestCount(u"getevents"_s);
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QVERIFY(h.server.requestCount(u"getevents"_s) > lookUps); // asked before it was sent again
        QCOMPARE(h.postArrivals(), 2);                            // the portal had kept the first
        QCOMPARE(h.serverEntries().size(), 1);
    }

    // "success OK" without an itemid does not say which entry the server made, or whether: the
    // entry is looked up at once, and item and draft stay until the server says.
    void aSuccessWithoutAnItemidIsLookedUp()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s}));
        DraftStore drafts(h.database->connection());
        const auto queue = [&](const QString& subject) {
            Draft draft;
            draft.account = u"test"_s;
            draft.entry = entry(subject);
            drafts.save(draft);
            OutboxItem item = post(draft.entry);
            item.draftId = draft.id;
            return std::pair{h.outbox->enqueue(item), draft.id};
        };

        const auto [found, foundDraft] = queue(u"named later"_s);
        h.fault(u"no_itemid"_s, u"postevent"_s, 1);
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, QList<qint64>{found});
        const qint64 itemid = h.serverEntries().at(0).toObject().value(u"itemid"_s).toInteger();
        QCOMPARE(report.postsByOutboxId.value(found).itemid, itemid);
        QVERIFY(!report.postsByOutboxId.value(found).url.isEmpty());
        QVERIFY(!drafts.draft(foundDraft));
        QCOMPARE(h.postArrivals(), 1);

        // The look-up fails: the item and its draft wait.
        const auto [waiting, waitingDraft] = queue(u"not known yet"_s);
        h.fault(u"no_itemid"_s, u"postevent"_s, 1);
        h.fault(u"http500"_s, u"getevents"_s, 50);
        const OutboxReport unknown = h.send();
        QVERIFY(unknown.sent.isEmpty());
        QCOMPARE(toString(h.outbox->item(waiting)->state), toString(OutboxState::Unknown));
        QVERIFY(drafts.draft(waitingDraft));
        QCOMPARE(h.postArrivals(), 2);

        h.server.control("DELETE", u"faults"_s);
        QCOMPARE(h.send().sent, QList<qint64>{waiting});
        QVERIFY(!drafts.draft(waitingDraft));
        QCOMPARE(h.postArrivals(), 2);
        QCOMPARE(h.serverEntries().size(), 2);
    }

    // The same for an edit and a deletion: the server is asked whether it happened (one getevents
    // after the answer), and what it shows settles it without a second send.
    void anEditOrDeletionAnsweredWithoutAnItemidIsCheckedOnce()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s}));
        JournalEntry original = entry(u"v1"_s);
        original.itemid = postResultFromReply(h.direct(u"postevent"_s, postEventRequest(original))).itemid;
        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.subject = u"v2"_s;
        const qint64 edited = h.outbox->enqueue(edit);
        h.fault(u"no_itemid"_s, u"editevent"_s, 1);
        QCOMPARE(h.send().sent, QList<qint64>{edited});
        QCOMPARE(h.server.requestCount(u"editevent"_s), 1);
        QCOMPARE(h.server.requestCount(u"getevents"_s), 2); // the check before the edit, and after

        OutboxItem del = edit;
        del.operation = OutboxOperation::Delete;
        const qint64 deleted = h.outbox->enqueue(del);
        h.fault(u"no_itemid"_s, u"editevent"_s, 1);
        QCOMPARE(h.send().sent, QList<qint64>{deleted});
        QCOMPARE(h.server.requestCount(u"editevent"_s), 2);
        QCOMPARE(h.server.requestCount(u"getevents"_s), 3);
        QCOMPARE(h.serverEntries().size(), 0);
    }

    void anUnknownPostThatNeverArrivedIsSentAgain()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("lost on the way"))));
        QVERIFY(h.outbox->markSending(id)); // the program died while sending...
        // ...and the request never reached the server. The next start asks, finds nothing, sends.
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, QList<qint64>{id});
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), 1);
        QCOMPARE(h.serverEntries().size(), 1);
    }

    void anOfflineEditSendsTheWholeEntryAndClearsRemovedProps()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        JournalEntry original = entry(QStringLiteral("original subject"));
        original.props.insert(QStringLiteral("current_music"), QStringLiteral("a song"));
        const ProtocolValue posted = h.direct(QStringLiteral("postevent"), postEventRequest(original));
        original.itemid = postResultFromReply(posted).itemid;
        QVERIFY(original.itemid > 0);

        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.body = QStringLiteral("edited body");
        edit.entry.props.remove(QStringLiteral("current_music")); // the user cleared the music
        const qint64 id = h.outbox->enqueue(edit);
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, QList<qint64>{id});
        const QJsonObject onServer = h.serverEntries().at(0).toObject();
        QCOMPARE(onServer.value(QStringLiteral("event")).toString(), QStringLiteral("edited body"));
        QCOMPARE(onServer.value(QStringLiteral("subject")).toString(), QStringLiteral("original subject"));
        const QJsonObject props = onServer.value(QStringLiteral("props")).toObject();
        QVERIFY2(!props.contains(QStringLiteral("current_music")), "the cleared prop is gone on the server");
        QCOMPARE(props.value(QStringLiteral("current_mood")).toString(), QStringLiteral("hopeful"));
    }

    void anEntryChangedOnBothSidesBecomesAConflictUntilTheUserChooses()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        JournalEntry original = entry(QStringLiteral("v1"));
        original.itemid =
            postResultFromReply(h.direct(QStringLiteral("postevent"), postEventRequest(original))).itemid;

        OutboxItem edit = post(original);
        edit.operation = OutboxOperation::Edit;
        edit.itemid = original.itemid;
        edit.base = original;
        edit.entry.subject = QStringLiteral("mine, offline");
        const qint64 id = h.outbox->enqueue(edit);

        JournalEntry theirs = original;
        theirs.subject = QStringLiteral("theirs, on the web");
        h.direct(QStringLiteral("editevent"), editEventRequest(theirs, original.props));

        const int editsBefore = h.server.requestCount(QStringLiteral("editevent"));
        const OutboxReport report = h.send();
        QCOMPARE(report.conflicts, 1);
        QVERIFY(report.sent.isEmpty());
        QCOMPARE(h.server.requestCount(QStringLiteral("editevent")), editsBefore); // nothing overwritten
        const OutboxItem conflict = *h.outbox->item(id);
        QCOMPARE(toString(conflict.state), toString(OutboxState::Conflict));
        QCOMPARE(conflict.server->subject, QStringLiteral("theirs, on the web"));
        QCOMPARE(conflict.entry.subject, QStringLiteral("mine, offline"));
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("theirs, on the web"));

        // A second run leaves the conflict alone; choosing "mine" sends it.
        QVERIFY(h.send().sent.isEmpty());
        QVERIFY(h.outbox->keepMine(id));
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("subject")).toString(),
                 QStringLiteral("mine, offline"));
    }

    void deletionsGoOutOnceAndAnAlreadyDeletedEntryIsDone()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 keep = postResultFromReply(h.direct(QStringLiteral("postevent"),
                                                         postEventRequest(entry(QStringLiteral("keep")))))
                                .itemid;
        const qint64 gone = postResultFromReply(h.direct(QStringLiteral("postevent"),
                                                         postEventRequest(entry(QStringLiteral("gone")))))
                                .itemid;
        const qint64 journalId = h.mirror->journalId(QStringLiteral("test"), QStringLiteral("alice"));
        JournalEntry mirrored = entry(QStringLiteral("gone"));
        mirrored.itemid = gone;
        QVERIFY(h.mirror->upsertEntries(journalId, {mirrored}));

        OutboxItem del = post(mirrored);
        del.operation = OutboxOperation::Delete;
        del.itemid = gone;
        const qint64 first = h.outbox->enqueue(del);
        const qint64 again = h.outbox->enqueue(del); // deleted twice (two windows, say)
        const OutboxReport report = h.send();
        QCOMPARE(report.sent, (QList<qint64>{first, again}));
        QCOMPARE(h.serverEntries().size(), 1);
        QCOMPARE(h.serverEntries().at(0).toObject().value(QStringLiteral("itemid")).toInteger(), keep);
        QVERIFY(!h.mirror->entry(journalId, gone));
    }

    void aRefusedItemIsKeptWithTheServersMessageAndTheRestGoOut()
    {
        Harness h;
        QVERIFY(
            h.start({QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--user"),
                     QStringLiteral("bob:pw"), QStringLiteral("--community"), QStringLiteral("club:bob")}));
        // alice is not a member of bob's community: the server refuses for good.
        const qint64 refused =
            h.outbox->enqueue(post(entry(QStringLiteral("to the club")), QStringLiteral("club")));
        const qint64 fine = h.outbox->enqueue(post(entry(QStringLiteral("to my journal"))));
        const OutboxReport report = h.send();
        QCOMPARE(report.failed, 1);
        QCOMPARE(report.sent, QList<qint64>{fine});
        const OutboxItem failed = *h.outbox->item(refused);
        QCOMPARE(toString(failed.state), toString(OutboxState::Failed));
        QVERIFY2(!failed.reason.isEmpty(), qPrintable(failed.reason));
        QCOMPARE(h.serverEntries(QStringLiteral("club")).size(), 0);
        QVERIFY(!entryWithSubject(h.serverEntries(), QStringLiteral("to my journal")).isEmpty());
        // Refused items are not retried by themselves.
        const int posts = h.server.requestCount(QStringLiteral("postevent"));
        h.send();
        QCOMPARE(h.server.requestCount(QStringLiteral("postevent")), posts);
    }

    // getchallenge or sessiongenerate answered with something that is no usable answer, however
    // often: the entry never went out, so it was not refused; it waits and goes with the next run.
    void aFailedLoginStepIsNoRefusalOfTheEntry_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<QJsonObject>("fault");
        const auto error200 = QJsonObject{{u"kind"_s, u"error"_s}, {u"code"_s, 200}};
        for (const QString& step : {u"getchallenge"_s, u"sessiongenerate"_s}) {
            QTest::addRow("%s malformed", qPrintable(step))
                << step << QJsonObject{{u"kind"_s, u"malformed"_s}};
            QTest::addRow("%s proxy page", qPrintable(step))
                << step << QJsonObject{{u"kind"_s, u"proxy_page"_s}};
            // A refusal of the login step, not of the entry (what a fuzzing server or a broken proxy
            // may answer).
            QTest::addRow("%s error 200", qPrintable(step)) << step << error200;
        }
        for (const QString& variant : {u"garbage"_s, u"empty"_s, u"missing"_s, u"scheme"_s}) {
            QTest::addRow("getchallenge %s", qPrintable(variant))
                << u"getchallenge"_s << QJsonObject{{u"kind"_s, u"bad_challenge"_s}, {u"variant"_s, variant}};
        }
    }

    void aFailedLoginStepIsNoRefusalOfTheEntry()
    {
        QFETCH(QString, step);
        QFETCH(QJsonObject, fault);
        Harness h;
        h.session = step == u"sessiongenerate";
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s}));
        const qint64 id = h.outbox->enqueue(post(entry(u"after the login"_s)));
        fault.insert(u"mode"_s, step);
        fault.insert(u"count"_s, 50); // every try and retry of the run
        h.server.control("POST", u"faults"_s, fault);
        const OutboxReport report = h.send();
        QCOMPARE(report.failed, 0);
        QCOMPARE(report.waiting, 1);
        QVERIFY(!report.stopReason.isEmpty());
        const OutboxItem waiting = *h.outbox->item(id);
        QCOMPARE(toString(waiting.state), toString(OutboxState::Waiting));
        // Nothing was sent back that the server would take for a wrong password.
        QVERIFY2(report.stopError.category() != ProtocolError::Category::Authentication,
                 qPrintable(report.stopError.toString()));
        QCOMPARE(h.postArrivals(), 0);

        h.server.control("DELETE", u"faults"_s);
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.postArrivals(), 1);
        QCOMPARE(h.serverEntries().size(), 1);
    }

    // The reply to sessiongenerate is lost after the server made the session: the login is done
    // again with a new challenge (a copy of the spent one would read as a wrong password), and the
    // entry goes out once, in the same run.
    void aLostSessionReplyLogsInAgainWithANewChallenge()
    {
        Harness h;
        h.session = true;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s}));
        const qint64 id = h.outbox->enqueue(post(entry(u"after a lost session"_s)));
        h.fault(u"drop_after_commit"_s, u"sessiongenerate"_s, 1);
        const OutboxReport report = h.send();
        QVERIFY2(report.stopError.isNull(), qPrintable(report.stopReason));
        QCOMPARE(report.sent, QList<qint64>{id});
        QCOMPARE(h.server.requestCount(u"sessiongenerate"_s), 2);
        QCOMPARE(h.server.requestCount(u"getchallenge"_s), 2);
        QCOMPARE(h.postArrivals(), 1);
    }

    // The journal is read-only for a couple of minutes (306): the entry waits, it is not refused.
    void aJournalReadOnlyForAWhileKeepsTheEntryWaiting()
    {
        Harness h;
        QVERIFY(h.start({u"--user"_s, u"alice:pw"_s}));
        const qint64 id = h.outbox->enqueue(post(entry(u"read-only for a while"_s)));
        h.server.control(
            "POST", u"faults"_s,
            QJsonObject{
                {u"kind"_s, u"error"_s}, {u"code"_s, 306}, {u"mode"_s, u"postevent"_s}, {u"count"_s, 50}});
        const OutboxReport report = h.send();
        QCOMPARE(report.failed, 0);
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Waiting));
        QVERIFY2(report.stopReason.contains(u"error 306"_s), qPrintable(report.stopReason));
        h.server.control("DELETE", u"faults"_s);
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().size(), 1);
    }

    void temporaryServerErrorsKeepItemsWaiting()
    {
        Harness h;
        QVERIFY(h.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        const qint64 id = h.outbox->enqueue(post(entry(QStringLiteral("later"))));
        h.fault(QStringLiteral("http500"), QStringLiteral("*"), 50);
        const OutboxReport report = h.send();
        QCOMPARE(report.waiting, 1);
        QCOMPARE(toString(h.outbox->item(id)->state), toString(OutboxState::Waiting));
        QCOMPARE(h.serverEntries().size(), 0);
        h.server.control("DELETE", QStringLiteral("faults"));
        QCOMPARE(h.send().sent, QList<qint64>{id});
        QCOMPARE(h.serverEntries().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOutboxSender)
#include "TestOutboxSender.moc"
