#include "CallOutcome.h"
#include "SyncFixture.h"
#include "journal/ServerNormalization.h"
#include "protocol/JournalMessages.h"
#include "store/Outbox.h"
#include "sync/OutboxSender.h"

#include <QJsonArray>
#include <QTest>

using namespace Inkwell;
using namespace Qt::StringLiterals;

// An account on the Blogger API (issue 20) against the lj flavour's /interface/blogger: the modes
// the rest of Inkwell speaks, carried by blogger.* methods (BloggerCodec), the outbox's exactly
// once, and the mirror of the newest posts (RecentPosts).

namespace {

using Outcome = CallOutcome;

Outcome run(LjClient& client, const QString& mode, const ProtocolValue& request = ProtocolValue::emptyMap())
{
    return runCall(client, mode, request);
}

ProtocolValue getOne(qint64 itemid)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(u"selecttype"_s, u"one"_s);
    request.insert(u"itemid"_s, itemid);
    return request;
}

JournalEntry richEntry()
{
    JournalEntry entry;
    entry.subject = u"Заметка <b>с</b> темой & знаками"_s;
    entry.body =
        u"Первая строка\n\n<p>HTML <a href=\"https://example.org/?a=1&b=2\">link</a></p>\nlast line 雨"_s;
    entry.eventtime = u"2026-01-01 10:00:00"_s;
    entry.props.insert(Props::CurrentMood, u"задумчивый"_s);
    entry.props.insert(Props::CurrentMusic, u"Bach — Goldberg"_s);
    return entry;
}

} // namespace

class TestBloggerAccount : public QObject
{
    Q_OBJECT
private slots:
    void everyModeRoundTripsThroughTheBloggerApi()
    {
        SyncFixture f;
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s}, Interface::Blogger));
        const JournalEntry sent = richEntry();

        const Outcome posted = run(*f.client, u"postevent"_s, postEventRequest(sent));
        QVERIFY2(posted.ok, qPrintable(posted.error.toString()));
        const qint64 itemid = postResultFromReply(posted.reply).itemid;
        QVERIFY(itemid > 0);
        QCOMPARE(f.server.requestCount(u"blogger.newPost"_s), 1);
        QCOMPARE(f.server.totalRequests(), 1); // the password travels in the call: no getchallenge

        const Outcome read = run(*f.client, u"getevents"_s, getOne(itemid));
        QVERIFY2(read.ok, qPrintable(read.error.toString()));
        const QList<JournalEntry> entries = entriesFromReply(read.reply).value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].itemid, itemid);
        QCOMPARE(entries[0].subject, sent.subject);
        QCOMPARE(entries[0].body, sent.body);
        QCOMPARE(entries[0].props.value(Props::CurrentMood), sent.props.value(Props::CurrentMood));
        QCOMPARE(entries[0].props.value(Props::CurrentMusic), sent.props.value(Props::CurrentMusic));
        QVERIFY(ServerNormalization(Interface::Blogger).isStoredFormOf(entries[0], sent));
        QCOMPARE(f.server.requestCount(u"blogger.getPost"_s), 1);

        JournalEntry edited = sent;
        edited.itemid = itemid;
        edited.subject = u"Изменено"_s;
        edited.body = u"edited\r\nbody\n"_s;
        edited.props.remove(Props::CurrentMusic);
        const Outcome changed = run(*f.client, u"editevent"_s, editEventRequest(edited, sent.props));
        QVERIFY2(changed.ok, qPrintable(changed.error.toString()));
        QCOMPARE(postResultFromReply(changed.reply).itemid, itemid); // the API answers only 1
        const JournalEntry afterEdit =
            entriesFromReply(run(*f.client, u"getevents"_s, getOne(itemid)).reply).value().value(0);
        QCOMPARE(afterEdit.subject, u"Изменено"_s);
        QCOMPARE(afterEdit.body, u"edited\nbody"_s);
        // editevent keeps the props a request leaves out, and the content has no way to say "no
        // music" (an empty lj-music: line would take the body's first line): it stays.
        QCOMPARE(afterEdit.props.value(Props::CurrentMusic), sent.props.value(Props::CurrentMusic));

        ProtocolValue lastn = ProtocolValue::emptyMap();
        lastn.insert(u"selecttype"_s, u"lastn"_s);
        lastn.insert(u"howmany"_s, 5);
        const Outcome recent = run(*f.client, u"getevents"_s, lastn);
        QVERIFY2(recent.ok, qPrintable(recent.error.toString()));
        QCOMPARE(entriesFromReply(recent.reply).value().size(), 1);
        QCOMPARE(f.server.requestCount(u"blogger.getRecentPosts"_s), 1);

        const Outcome deleted = run(*f.client, u"editevent"_s, deleteEventRequest(itemid));
        QVERIFY2(deleted.ok, qPrintable(deleted.error.toString()));
        QCOMPARE(f.server.requestCount(u"blogger.deletePost"_s), 1);
        // getPost's "Post not found" is an entry that is not there, not a failure.
        const Outcome gone = run(*f.client, u"getevents"_s, getOne(itemid));
        QVERIFY2(gone.ok, qPrintable(gone.error.toString()));
        QVERIFY(entriesFromReply(gone.reply).value().isEmpty());
    }

    void loginListsTheBlogsTheUserMayPostTo()
    {
        SyncFixture f;
        QVERIFY(
            f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s, u"--community"_s, u"garden:alice"_s},
                    Interface::Blogger));
        const Outcome login = run(*f.client, u"login"_s, loginRequest({}));
        QVERIFY2(login.ok, qPrintable(login.error.toString()));
        const LoginInfo info = loginInfoFromReply(login.reply);
        QCOMPARE(info.usejournals, QStringList{u"garden"_s});
        QCOMPARE(f.server.requestCount(u"blogger.getUsersBlogs"_s), 1);

        // A community is a blog of its own: its blogid, and its posts' ids name it.
        const Outcome posted = run(*f.client, u"postevent"_s, postEventRequest(richEntry(), u"garden"_s));
        QVERIFY2(posted.ok, qPrintable(posted.error.toString()));
        const qint64 itemid = postResultFromReply(posted.reply).itemid;
        const QJsonArray inGarden =
            f.server.control("GET", u"entries?journal=garden"_s).value(u"entries"_s).toArray();
        QCOMPARE(inGarden.size(), 1);
        QCOMPARE(inGarden.first()[u"itemid"].toInteger(), itemid);
        ProtocolValue one = getOne(itemid);
        one.insert(u"usejournal"_s, u"garden"_s);
        const QList<JournalEntry> read = entriesFromReply(run(*f.client, u"getevents"_s, one).reply).value();
        QCOMPARE(read.size(), 1);
        QCOMPARE(read.first().subject, richEntry().subject);

        // The method itself, for `inkwell-cli call`: parameters by name, the rest filled in.
        const Outcome info2 = run(*f.client, u"blogger.getUserInfo"_s);
        QVERIFY2(info2.ok, qPrintable(info2.error.toString()));
        QCOMPARE(info2.reply.member(u"nickname"_s).toText(), u"alice"_s);
        // Templates are always refused, and asking again would not change that.
        const Outcome templates = run(*f.client, u"blogger.getTemplate"_s, [] {
            ProtocolValue request = ProtocolValue::emptyMap();
            request.insert(u"templateType"_s, u"main"_s);
            return request;
        }());
        QVERIFY(!templates.ok);
        QCOMPARE(templates.error.category(), ProtocolError::Category::Permanent);
        QVERIFY2(templates.error.toString().contains(u"Templates"_s), qPrintable(templates.error.toString()));
        QCOMPARE(f.server.requestCount(u"blogger.getTemplate"_s), 1);
        const Outcome missing = run(*f.client, u"blogger.getPost"_s);
        QVERIFY(!missing.ok);
        QVERIFY2(missing.error.toString().contains(u"postId"_s), qPrintable(missing.error.toString()));
        QCOMPARE(missing.requests, 0);
    }

    void aWrongPasswordIsAnAuthenticationErrorAndOthersAreNotSent()
    {
        SyncFixture f;
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:right"_s}, Interface::Blogger));
        const Outcome refused = run(*f.client, u"postevent"_s, postEventRequest(richEntry()));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.category(), ProtocolError::Category::Authentication);
        QCOMPARE(refused.error.code(), 101);
        QVERIFY(!refused.outcomeUnknown);
        QCOMPARE(f.server.totalRequests(), 1); // never retried: each failure counts towards a lockout

        // What the API has no call for fails at once, saying so, without a request.
        const Outcome friends = run(*f.client, u"getfriends"_s);
        QVERIFY(!friends.ok);
        QCOMPARE(friends.error.category(), ProtocolError::Category::Permanent);
        QVERIFY2(friends.error.toString().contains(u"Blogger API"_s), qPrintable(friends.error.toString()));
        QCOMPARE(f.server.totalRequests(), 1);
    }

    void aPostWhoseReplyIsLostArrivesOnce()
    {
        SyncFixture f;
        // Without the server's duplicate check, which would hide a second copy.
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s, u"--no-duplicate-check"_s},
                        Interface::Blogger));
        Outbox outbox(f.database->connection());
        OutboxItem item;
        item.account = u"test"_s;
        item.journal = u"alice"_s;
        item.entry = richEntry();
        QVERIFY(outbox.enqueue(item) > 0);
        f.fault(u"drop_after_commit"_s, u"blogger.newPost"_s);

        const auto send = [&] {
            OutboxSender sender(*f.client, outbox, *f.store, u"test"_s);
            std::optional<OutboxReport> report;
            QObject::connect(&sender, &OutboxSender::finished, [&](const OutboxReport& r) { report = r; });
            sender.start();
            if (!QTest::qWaitFor([&] { return report.has_value(); }, 60000))
                qWarning() << "the outbox did not finish";
            return report.value_or(OutboxReport{});
        };
        const OutboxReport first = send();
        QVERIFY(first.sent.isEmpty());
        QCOMPARE(toString(outbox.items(u"test"_s).value(0).state), toString(OutboxState::Unknown));

        const OutboxReport second = send(); // looks among the recent posts, finds it, sends nothing
        QCOMPARE(second.sent.size(), 1);
        QVERIFY(outbox.items(u"test"_s).isEmpty());
        const QJsonObject arrivals = f.server.control("GET", u"arrivals?mode=blogger.newPost"_s);
        QCOMPARE(arrivals.value(u"total"_s).toInt(), 1);
        QCOMPARE(f.server.requestCount(u"blogger.getRecentPosts"_s), 1);
        QCOMPARE(f.server.control("GET", u"entries?journal=alice"_s).value(u"entries"_s).toArray().size(), 1);
    }

    void theMirrorHoldsTheNewestFiftyPosts()
    {
        SyncFixture f;
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s, u"--seed"_s, u"60"_s},
                        Interface::Blogger));
        const SyncReport first = f.sync();
        QVERIFY2(first.succeeded(), qPrintable(first.errorText));
        QCOMPARE(first.added, 50);
        QCOMPARE(first.requests, 1);
        QCOMPARE(f.store->entryCount(f.journalId()), 50);
        QVERIFY(!f.store->entry(f.journalId(), 10)); // older than the API lists
        QVERIFY(f.store->entry(f.journalId(), 60));

        // Changed and deleted elsewhere: the next sync sees both, inside the window.
        f.server.control(
            "POST", u"entries/edit"_s,
            {{u"journal"_s, u"alice"_s}, {u"itemid"_s, 55}, {u"subject"_s, u"edited on the web"_s}});
        f.server.control("POST", u"entries/delete"_s, {{u"journal"_s, u"alice"_s}, {u"itemid"_s, 58}});
        const SyncReport second = f.sync();
        QVERIFY2(second.succeeded(), qPrintable(second.errorText));
        QCOMPARE(second.updated, 1);
        QCOMPARE(second.deleted, 1);
        QCOMPARE(second.added, 1); // itemid 10 moved into the newest fifty
        QCOMPARE(f.store->entry(f.journalId(), 55)->subject, u"edited on the web"_s);
        QVERIFY(!f.store->entry(f.journalId(), 58));
        QCOMPARE(f.store->entryCount(f.journalId()), 50);
    }

    // The list of 50 may be cut inside the minute of its oldest post: a mirrored post of that
    // minute missing from it may still be on the server, and is kept.
    void aListCutInsideAMinuteDeletesNothingOfIt()
    {
        SyncFixture f;
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s}, Interface::Blogger));
        for (int n = 0; n < 30; ++n)
            f.server.control("POST", u"entries"_s,
                             {{u"journal"_s, u"alice"_s},
                              {u"event"_s, u"crowded %1"_s.arg(n)},
                              {u"eventtime"_s, u"2020-01-01 10:00"_s}});
        const SyncReport first = f.sync();
        QVERIFY2(first.succeeded(), qPrintable(first.errorText));
        QCOMPARE(first.added, 30);
        for (int n = 0; n < 25; ++n)
            f.server.control("POST", u"entries"_s,
                             {{u"journal"_s, u"alice"_s},
                              {u"event"_s, u"newer %1"_s.arg(n)},
                              {u"eventtime"_s, u"2021-01-01 10:%1"_s.arg(n, 2, 10, QLatin1Char('0'))}});
        const SyncReport second = f.sync();
        QVERIFY2(second.succeeded(), qPrintable(second.errorText));
        QCOMPARE(second.added, 25);
        QCOMPARE(second.deleted, 0); // five posts of 2020-01-01 10:00 were not listed, and exist
        QCOMPARE(f.store->entryCount(f.journalId()), 55);
    }

    void aFewPostsAreTheWholeJournal()
    {
        SyncFixture f;
        QVERIFY(f.start({u"--flavor"_s, u"lj"_s, u"--user"_s, u"alice:pw"_s, u"--seed"_s, u"3"_s},
                        Interface::Blogger));
        QVERIFY(f.sync().succeeded());
        QCOMPARE(f.store->entryCount(f.journalId()), 3);
        f.server.control("POST", u"entries/delete"_s, {{u"journal"_s, u"alice"_s}, {u"itemid"_s, 1}});
        const SyncReport report = f.sync();
        QCOMPARE(report.deleted, 1);
        QCOMPARE(f.store->entryCount(f.journalId()), 2);
    }
};

QTEST_GUILESS_MAIN(TestBloggerAccount)
#include "TestBloggerAccount.moc"
