#include "CallOutcome.h"
#include "TestServer.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"

#include <QTest>

using namespace Inkwell;

namespace {

using Outcome = CallOutcome;

Outcome run(LjClient& client, const QString& mode, const ProtocolValue& request = ProtocolValue::emptyMap())
{
    return runCall(client, mode, request);
}

ProtocolValue fields(std::initializer_list<std::pair<QString, ProtocolValue>> members)
{
    ProtocolValue value = ProtocolValue::emptyMap();
    for (const auto& [key, member] : members)
        value.insert(key, member);
    return value;
}

Account accountFor(const TestServer& server, Interface interface, AuthMethod auth, const QString& user)
{
    Account account;
    account.name = QStringLiteral("test");
    account.serverUrl = server.baseUrl();
    account.username = user;
    account.interface = interface;
    account.authMethod = auth;
    return account;
}

RetryPolicy quickRetries()
{
    return RetryPolicy{
        {std::chrono::milliseconds(20), std::chrono::milliseconds(20), std::chrono::milliseconds(20)}};
}

} // namespace

class TestLjClient : public QObject
{
    Q_OBJECT
private slots:
    void journalModesRoundTrip_data()
    {
        QTest::addColumn<QString>("flavor");
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<AuthMethod>("auth");
        QTest::newRow("lj flat challenge") << "lj" << Interface::Flat << AuthMethod::Challenge;
        QTest::newRow("lj xmlrpc challenge") << "lj" << Interface::XmlRpc << AuthMethod::Challenge;
        QTest::newRow("lj flat hpassword") << "lj" << Interface::Flat << AuthMethod::HPassword;
        QTest::newRow("lj xmlrpc clear") << "lj" << Interface::XmlRpc << AuthMethod::Clear;
        QTest::newRow("dw flat cookie") << "dw" << Interface::Flat << AuthMethod::Cookie;
        QTest::newRow("dw xmlrpc challenge") << "dw" << Interface::XmlRpc << AuthMethod::Challenge;
        QTest::newRow("dw xmlrpc cookie") << "dw" << Interface::XmlRpc << AuthMethod::Cookie;
    }

    void journalModesRoundTrip()
    {
        QFETCH(QString, flavor);
        QFETCH(Interface, interface);
        QFETCH(AuthMethod, auth);
        TestServer server;
        QVERIFY2(server.start({QStringLiteral("--flavor"), flavor, QStringLiteral("--user"),
                               QStringLiteral("alice:secret"), QStringLiteral("--community"),
                               QStringLiteral("club:alice")}),
                 qPrintable(server.errorString()));
        LjClient client(accountFor(server, interface, auth, QStringLiteral("Alice")));
        client.setPassword(QStringLiteral("secret"));

        Outcome login = run(client, QStringLiteral("login"), loginRequest({}));
        QVERIFY2(login.ok, qPrintable(login.error.toString()));
        QVERIFY(client.flavor() ==
                (flavor == QLatin1String("dw") ? Flavor::Dreamwidth : Flavor::LiveJournal));
        const LoginInfo info = loginInfoFromReply(login.reply);
        QVERIFY(info.usejournals.contains(QStringLiteral("club")));
        QVERIFY(info.moods.size() > 100);

        // A body that exercises every encoding path: emoji, CRLF turned into LF, HTML, '%', '+',
        // and about 64 kB (classic LJ's limit is 65535 bytes).
        JournalEntry entry;
        entry.subject = QStringLiteral("Round trip ✓ 😀 <b>&amp;</b> 100%+");
        QString body = QStringLiteral("<p>Привет, 世界 😀</p>\r\nline two & 50% + more\n");
        while (body.toUtf8().size() < 60000)
            body += QStringLiteral("Lorem ipsum dolor sit amet, ünïcödé 🎉 %2B+&amp;\n");
        entry.body = body;
        entry.eventtime = QStringLiteral("2025-02-03 04:05:00");
        entry.security = Security::UseMask;
        entry.allowmask = 1;
        entry.props = {{QStringLiteral("current_mood"), QStringLiteral("chipper")},
                       {QStringLiteral("current_music"), QStringLiteral("Björk — Jóga")},
                       {QStringLiteral("taglist"), QStringLiteral("tests, ünïcode")}};
        Outcome posted = run(client, QStringLiteral("postevent"), postEventRequest(entry));
        QVERIFY2(posted.ok, qPrintable(posted.error.toString()));
        const PostResult result = postResultFromReply(posted.reply);
        QVERIFY(result.itemid > 0);
        QVERIFY(result.url.startsWith(QStringLiteral("http")));

        Outcome fetched = run(client, QStringLiteral("getevents"),
                              fields({{QStringLiteral("selecttype"), QStringLiteral("one")},
                                      {QStringLiteral("itemid"), result.itemid},
                                      {QStringLiteral("lineendings"), QStringLiteral("unix")}}));
        QVERIFY2(fetched.ok, qPrintable(fetched.error.toString()));
        const auto entries = entriesFromReply(fetched.reply);
        QVERIFY(entries.isOk());
        QCOMPARE(entries->size(), 1);
        const JournalEntry& back = entries->first();
        QString expectedBody = body;
        expectedBody.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        QCOMPARE(back.body, expectedBody.trimmed());
        QCOMPARE(back.subject, entry.subject);
        QCOMPARE(back.eventtime, entry.eventtime);
        QVERIFY(back.security == Security::UseMask);
        QCOMPARE(back.allowmask, quint64(1));
        QCOMPARE(back.props.value(QStringLiteral("current_music")), QStringLiteral("Björk — Jóga"));
        QCOMPARE(back.tags(), (QStringList{QStringLiteral("tests"), QStringLiteral("ünïcode")}));

        // Edit: the whole entry goes again; the mood removed here disappears on the server.
        JournalEntry edited = back;
        edited.subject = QStringLiteral("Edited ✓");
        edited.props.remove(QStringLiteral("current_mood"));
        Outcome edit = run(client, QStringLiteral("editevent"), editEventRequest(edited, back.props));
        QVERIFY2(edit.ok, qPrintable(edit.error.toString()));
        fetched = run(client, QStringLiteral("getevents"),
                      fields({{QStringLiteral("selecttype"), QStringLiteral("one")},
                              {QStringLiteral("itemid"), result.itemid}}));
        const JournalEntry afterEdit = entriesFromReply(fetched.reply)->first();
        QCOMPARE(afterEdit.subject, QStringLiteral("Edited ✓"));
        QVERIFY(!afterEdit.props.contains(QStringLiteral("current_mood")));
        QCOMPARE(afterEdit.allowmask, quint64(1));

        Outcome sync = run(client, QStringLiteral("syncitems"));
        QVERIFY2(sync.ok, qPrintable(sync.error.toString()));
        const auto page = syncItemsFromReply(sync.reply);
        QVERIFY(page.isOk());
        QCOMPARE(page->count, page->total);
        // Without lastsync the server lists every entry once as "create" at its logtime, edited or
        // not (transcripts flat/083 and flat/084).
        QVERIFY(std::any_of(page->items.cbegin(), page->items.cend(), [&](const SyncItem& item) {
            return item.kind == QLatin1Char('L') && item.itemid == result.itemid && item.time.size() == 19;
        }));

        Outcome days = run(client, QStringLiteral("getdaycounts"));
        QVERIFY2(days.ok, qPrintable(days.error.toString()));
        QVERIFY(dayCountsFromReply(days.reply)->contains(DayCount{QDate(2025, 2, 3), 1}));

        Outcome tags = run(client, QStringLiteral("getusertags"));
        QVERIFY2(tags.ok, qPrintable(tags.error.toString()));
        QCOMPARE(tags.reply[u"tags"].size(), 2);

        Outcome community =
            run(client, QStringLiteral("postevent"), postEventRequest(entry, QStringLiteral("club")));
        QVERIFY2(community.ok, qPrintable(community.error.toString()));

        Outcome removed = run(client, QStringLiteral("editevent"), deleteEventRequest(result.itemid));
        QVERIFY2(removed.ok, qPrintable(removed.error.toString()));
        fetched = run(client, QStringLiteral("getevents"),
                      fields({{QStringLiteral("selecttype"), QStringLiteral("one")},
                              {QStringLiteral("itemid"), result.itemid}}));
        QVERIFY(fetched.ok);
        QCOMPARE(entriesFromReply(fetched.reply)->size(), 0);
        Outcome again = run(client, QStringLiteral("editevent"), deleteEventRequest(result.itemid));
        QCOMPARE(again.error.code(), 302); // already gone
    }

    void sessionAuthenticatesOnceForManyCalls()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw:APIKEY123")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("APIKEY123"));
        client.setPreferSession(true);
        for (int i = 0; i < 5; ++i)
            QVERIFY(run(client, QStringLiteral("syncitems")).ok);
        QVERIFY(client.hasSession());
        QCOMPARE(client.requestsSent(), 5 + 2); // one getchallenge, one sessiongenerate
        QCOMPARE(server.requestCount(QStringLiteral("getchallenge")), 1);
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 1);

        // Without a session every call costs a fresh challenge.
        LjClient perRequest(
            accountFor(server, Interface::XmlRpc, AuthMethod::Challenge, QStringLiteral("alice")));
        perRequest.setPassword(QStringLiteral("APIKEY123"));
        QVERIFY(run(perRequest, QStringLiteral("getdaycounts")).ok);
        QVERIFY(run(perRequest, QStringLiteral("getdaycounts")).ok);
        QCOMPARE(perRequest.requestsSent(), 4);

        // Ending the session makes the server forget it; the next call builds a new one.
        std::optional<bool> ended;
        QObject context;
        client.endSession(&context, [&] { ended = true; });
        QTRY_VERIFY(ended.has_value());
        QVERIFY(!client.hasSession());
        QCOMPARE(server.requestCount(QStringLiteral("sessionexpire")), 1);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);
        QVERIFY(run(client, QStringLiteral("syncitems")).ok);
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 2);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 1);
    }

    void endingASessionTheServerNoLongerHasOpensNoOther()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Cookie, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        QVERIFY(run(client, QStringLiteral("getdaycounts")).ok);
        QVERIFY(client.hasSession());
        // Another program ended every session of the user meanwhile.
        LjClient other(accountFor(server, Interface::Flat, AuthMethod::Clear, QStringLiteral("alice")));
        other.setPassword(QStringLiteral("pw"));
        QVERIFY(run(other, QStringLiteral("sessionexpire"), fields({{QStringLiteral("expireall"), 1}})).ok);
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);

        bool ended = false;
        QObject context;
        client.endSession(&context, [&] { ended = true; });
        // Twice: the second finds nothing left to end and sends nothing.
        bool endedAgain = false;
        client.endSession(&context, [&] { endedAgain = true; });
        QTRY_VERIFY(ended && endedAgain);
        QVERIFY(!client.hasSession());
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 1);
        QCOMPARE(server.requestCount(QStringLiteral("sessionexpire")), 2); // other's, and client's one
        QCOMPARE(server.control("GET", QStringLiteral("sessions"))[u"count"].toInt(), 0);
    }

    void aRefusedSessionIsNotAWrongPassword()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::XmlRpc, AuthMethod::Cookie, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(RetryPolicy::none());
        // The session is refused, renewed once, and refused again.
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("error")},
                        {QStringLiteral("code"), 101},
                        {QStringLiteral("mode"), QStringLiteral("getdaycounts")},
                        {QStringLiteral("count"), 2}});
        const Outcome refused = run(client, QStringLiteral("getdaycounts"));
        QVERIFY(!refused.ok);
        QCOMPARE(refused.error.code(), 101);
        QVERIFY(refused.error.isSessionRefused());
        QVERIFY2(refused.error.advice().contains(QStringLiteral("not the problem")),
                 qPrintable(refused.error.advice()));
        QCOMPARE(server.requestCount(QStringLiteral("sessiongenerate")), 2);

        // A password the server refuses is one: sessiongenerate's 101 says so.
        LjClient wrong(accountFor(server, Interface::XmlRpc, AuthMethod::Cookie, QStringLiteral("alice")));
        wrong.setPassword(QStringLiteral("wrong"));
        const Outcome badPassword = run(wrong, QStringLiteral("getdaycounts"));
        QCOMPARE(badPassword.error.code(), 101);
        QVERIFY(!badPassword.error.isSessionRefused());
        QVERIFY2(badPassword.error.advice().contains(QStringLiteral("did not accept the password")),
                 qPrintable(badPassword.error.advice()));
    }

    void aReadWhoseConnectionClosedUnansweredGoesAgainWithANewChallenge()
    {
        // The server read the request and closed the connection: a copy of the same single-use
        // challenge would be refused as a wrong password, so the client asks for a new one.
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(RetryPolicy::none());
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("drop_after_commit")},
                        {QStringLiteral("mode"), QStringLiteral("getdaycounts")}});
        const Outcome outcome = run(client, QStringLiteral("getdaycounts"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
        QCOMPARE(outcome.requests, 4);
        QCOMPARE(server.requestCount(QStringLiteral("getchallenge")), 2);
        QCOMPARE(server.requestCount(QStringLiteral("getdaycounts")), 2);
    }

    void failuresAtTheLoginStepsAreTemporary_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("step");
        for (const char* kind : {"http500", "http503", "malformed", "proxy_page", "drop_after_commit"}) {
            QTest::addRow("%s at getchallenge", kind) << kind << "getchallenge";
            QTest::addRow("%s at sessiongenerate", kind) << kind << "sessiongenerate";
        }
    }

    void failuresAtTheLoginStepsAreTemporary()
    {
        // The call itself never went out: whatever broke getchallenge or sessiongenerate is retried
        // like any temporary failure, and never reads as a refusal of the call.
        QFETCH(QString, kind);
        QFETCH(QString, step);
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setPreferSession(step == QLatin1String("sessiongenerate"));
        client.setRetryPolicy(quickRetries());
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), kind}, {QStringLiteral("mode"), step}});
        const Outcome outcome = run(client, QStringLiteral("getdaycounts"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error.toString()));
        QCOMPARE(server.requestCount(QStringLiteral("getdaycounts")), 1);
        QCOMPARE(server.requestCount(step), 2);

        // Without retries the error says what it is: temporary, not a refusal, outcome known.
        LjClient once(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        once.setPassword(QStringLiteral("pw"));
        once.setPreferSession(step == QLatin1String("sessiongenerate"));
        once.setRetryPolicy(RetryPolicy::none());
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), kind}, {QStringLiteral("mode"), step}});
        const Outcome failed = run(once, QStringLiteral("postevent"), postEventRequest([] {
                                       JournalEntry entry;
                                       entry.body = QStringLiteral("not sent");
                                       entry.eventtime = QStringLiteral("2026-01-01 10:00:00");
                                       return entry;
                                   }()));
        // A getchallenge (no secret in it, changes nothing) whose connection closed unanswered is sent
        // again by the HTTP layer itself, so that one goes through.
        const bool resentByHttp =
            kind == QLatin1String("drop_after_commit") && step == QLatin1String("getchallenge");
        QCOMPARE(failed.ok, resentByHttp);
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), resentByHttp ? 1 : 0);
        if (!resentByHttp) {
            QVERIFY2(failed.error.isTemporary() && !failed.error.isRefusal(),
                     qPrintable(failed.error.toString()));
            QVERIFY(!failed.outcomeUnknown);
        }
    }

    void aChallengeThatIsNoChallengeIsNotSentBack()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        LjClient client(
            accountFor(server, Interface::XmlRpc, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(RetryPolicy::none());
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("huge_field")},
                        {QStringLiteral("mode"), QStringLiteral("getchallenge")},
                        {QStringLiteral("mb"), 2}});
        const Outcome outcome = run(client, QStringLiteral("getdaycounts"));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.message().contains(QStringLiteral("no usable challenge")),
                 qPrintable(outcome.error.toString()));
        QCOMPARE(server.requestCount(QStringLiteral("getdaycounts")), 0);

        // Nor is one of another shape: sent back, the server would call it a wrong password (and
        // count it towards the failed-login stall). It is a temporary failure of the server.
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("bad_challenge")},
                        {QStringLiteral("variant"), QStringLiteral("garbage")}});
        const Outcome garbage = run(client, QStringLiteral("getdaycounts"));
        QVERIFY(!garbage.ok);
        QVERIFY2(garbage.error.message().contains(QStringLiteral("no usable challenge")) &&
                     garbage.error.isTemporary() && !garbage.error.isRefusal(),
                 qPrintable(garbage.error.toString()));
        QCOMPARE(server.requestCount(QStringLiteral("getdaycounts")), 0);
        QVERIFY(run(client, QStringLiteral("getdaycounts")).ok); // the recorded shape is one
    }

    void wrongPasswordIsAnAuthenticationErrorAndNotRetried()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:right")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("wrong"));
        client.setRetryPolicy(quickRetries());
        const Outcome outcome = run(client, QStringLiteral("login"), loginRequest({}));
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.error.code(), 101);
        QVERIFY(outcome.error.category() == ProtocolError::Category::Authentication);
        QCOMPARE(outcome.requests, 2); // getchallenge + login, once
        QVERIFY(!outcome.outcomeUnknown);

        LjClient noPassword(
            accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        const Outcome missing = run(noPassword, QStringLiteral("login"));
        QVERIFY(!missing.ok);
        QVERIFY2(missing.error.message().contains(QStringLiteral("No password")),
                 qPrintable(missing.error.message()));
        QCOMPARE(server.totalRequests(), 2);
    }

    void temporaryFailuresOfReadsAreRetried()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::XmlRpc, AuthMethod::Clear, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(quickRetries());
        for (const char* kind : {"http500", "drop_before", "malformed", "truncate"}) {
            server.control("POST", QStringLiteral("faults"),
                           {{QStringLiteral("kind"), QString::fromLatin1(kind)},
                            {QStringLiteral("mode"), QStringLiteral("getdaycounts")}});
            const int before = server.requestCount(QStringLiteral("getdaycounts"));
            const Outcome outcome = run(client, QStringLiteral("getdaycounts"));
            QVERIFY2(outcome.ok, kind);
            // The server saw the failed attempt and the one that worked (a dropped connection may be
            // re-sent by Qt's HTTP layer itself, so the client's own count can be 1).
            QVERIFY2(server.requestCount(QStringLiteral("getdaycounts")) - before == 2, kind);
        }
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("http500")},
                        {QStringLiteral("mode"), QStringLiteral("syncitems")},
                        {QStringLiteral("count"), 10}});
        const Outcome givenUp = run(client, QStringLiteral("syncitems"));
        QVERIFY(!givenUp.ok);
        QCOMPARE(givenUp.requests, 4); // the first try and three retries
        QCOMPARE(givenUp.error.httpStatus(), 500);
    }

    void postWithUnknownOutcomeIsNotResent_data()
    {
        QTest::addColumn<Interface>("interface");
        QTest::addColumn<AuthMethod>("auth");
        QTest::addColumn<QString>("connection");
        QTest::addColumn<int>("requests");
        // The post is the first request of a new client (clear), follows its getchallenge on the same
        // connection (challenge), or a read that opened the session (cookie).
        for (const Interface interface : {Interface::Flat, Interface::XmlRpc}) {
            const char* name = interface == Interface::Flat ? "flat" : "xmlrpc";
            QTest::addRow("%s, fresh connection", name) << interface << AuthMethod::Clear << "fresh" << 1;
            QTest::addRow("%s, after getchallenge", name)
                << interface << AuthMethod::Challenge << "reused" << 2;
            QTest::addRow("%s, in a session", name) << interface << AuthMethod::Cookie << "reused" << 1;
        }
    }

    void postWithUnknownOutcomeIsNotResent()
    {
        QFETCH(Interface, interface);
        QFETCH(AuthMethod, auth);
        QFETCH(QString, connection);
        QFETCH(int, requests);
        // Without the server's duplicate check, which would hide a second copy.
        TestServer server;
        QVERIFY(server.start(
            {QStringLiteral("--user"), QStringLiteral("alice:pw"), QStringLiteral("--no-duplicate-check")}));
        LjClient client(accountFor(server, interface, auth, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        client.setRetryPolicy(quickRetries());
        JournalEntry entry;
        entry.body = QStringLiteral("exactly once");
        entry.eventtime = QStringLiteral("2026-01-01 10:00:00");
        if (auth == AuthMethod::Cookie)
            QVERIFY(run(client, QStringLiteral("getdaycounts")).ok);

        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("drop_after_commit")},
                        {QStringLiteral("mode"), QStringLiteral("postevent")},
                        {QStringLiteral("connection"), connection}});
        const int requestsBefore = client.requestsSent();
        const Outcome dropped = run(client, QStringLiteral("postevent"), postEventRequest(entry));
        // Counted where it matters, at the server as requests arrive: one postevent, whatever the
        // HTTP layer would have liked to do, and the client says it cannot know the outcome.
        QCOMPARE(server.requestCount(QStringLiteral("postevent")), 1);
        QVERIFY(!dropped.ok);
        QVERIFY2(dropped.outcomeUnknown, qPrintable(dropped.error.toString()));
        QCOMPARE(server.control("GET", QStringLiteral("faults"))[u"fired"].toInt(), 1);
        QCOMPARE(client.requestsSent() - requestsBefore, requests);
        const Outcome check = run(client, QStringLiteral("getevents"),
                                  fields({{QStringLiteral("selecttype"), QStringLiteral("lastn")},
                                          {QStringLiteral("howmany"), 5}}));
        QCOMPARE(entriesFromReply(check.reply).value().size(), 1);

        // Refused before processing: a post can safely go again.
        const int postsBefore = server.requestCount(QStringLiteral("postevent"));
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("ratelimit")},
                        {QStringLiteral("mode"), QStringLiteral("postevent")}});
        const Outcome limited = run(client, QStringLiteral("postevent"), postEventRequest(entry));
        QVERIFY(!limited.ok);
        QCOMPARE(limited.error.code(), 405);
        QVERIFY(!limited.outcomeUnknown);
        QCOMPARE(server.requestCount(QStringLiteral("postevent")) - postsBefore,
                 1); // rate limits are never retried
    }

    void xmlRpcOnlyModesUseXmlRpcOnAFlatAccount()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                              QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Challenge, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        const Outcome circle =
            run(client, QStringLiteral("getcircle"), fields({{QStringLiteral("includetrustgroups"), 1}}));
        QVERIFY2(circle.ok, qPrintable(circle.error.toString()));
        const QJsonObject stats = server.control("GET", QStringLiteral("stats"));
        QCOMPARE(stats[u"interfaces"][u"xmlrpc"].toInt(), 1);
    }

    void cancellingAQueuedCallNeverSendsIt()
    {
        TestServer server;
        QVERIFY(server.start({QStringLiteral("--user"), QStringLiteral("alice:pw")}));
        LjClient client(accountFor(server, Interface::Flat, AuthMethod::Clear, QStringLiteral("alice")));
        client.setPassword(QStringLiteral("pw"));
        server.control("POST", QStringLiteral("faults"),
                       {{QStringLiteral("kind"), QStringLiteral("delay")}, {QStringLiteral("ms"), 300}});
        std::optional<bool> firstOk;
        std::optional<ProtocolError> secondError;
        QObject context;
        client.call(QStringLiteral("getdaycounts"), ProtocolValue::emptyMap(), &context,
                    [&](ProtocolCall& call) { firstOk = call.succeeded(); });
        ProtocolCall* second = client.call(QStringLiteral("syncitems"), ProtocolValue::emptyMap(), &context,
                                           [&](ProtocolCall& call) { secondError = call.error(); });
        second->cancel();
        QTRY_VERIFY(firstOk.has_value() && secondError.has_value());
        QVERIFY(*firstOk);
        QVERIFY(secondError->message().contains(QStringLiteral("Cancelled")));
        QCOMPARE(server.requestCount(QStringLiteral("syncitems")), 0);
    }
};

QTEST_GUILESS_MAIN(TestLjClient)
#include "TestLjClient.moc"
