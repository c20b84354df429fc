#include "FriendsFixture.h"

#include <QTest>

using namespace Inkwell;

// The friends service against the local server: both flavours, both interfaces.
class TestFriendsSync : public QObject
{
    Q_OBJECT

    static std::optional<Friend> find(const QList<Friend>& people, const QString& username)
    {
        for (const Friend& person : people) {
            if (person.username == username)
                return person;
        }
        return std::nullopt;
    }

    static QStringList groupNames(const QList<FriendGroup>& groups)
    {
        QStringList names;
        for (const FriendGroup& group : groups)
            names << QStringLiteral("%1:%2:%3")
                         .arg(group.id)
                         .arg(group.name)
                         .arg(group.isPublic ? QStringLiteral("public") : QString());
        return names;
    }

private slots:
    void fetchShowsTypesColoursAndDirections_data() { addInterfaceRows(); }
    void fetchShowsTypesColoursAndDirections()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        f.relation(QStringLiteral("alice"), QStringLiteral("bob"), 1, 1, 1, QStringLiteral("#112233"),
                   QStringLiteral("#ffeedd"));
        f.relation(QStringLiteral("bob"), QStringLiteral("alice"), 1, 1);   // mutual
        f.relation(QStringLiteral("carol"), QStringLiteral("alice"), 1, 1); // lists alice, one way
        f.relation(QStringLiteral("alice"), QStringLiteral("dave"), 1, 1);  // alice lists dave, one way

        const FriendsSyncReport report = f.sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(int(f.store().fetchedFlavor(QStringLiteral("test"))), int(f.flavor()));
        const QList<Friend> people = f.store().friends(QStringLiteral("test"));

        const auto bob = find(people, QStringLiteral("bob"));
        QVERIFY(bob);
        QVERIFY(bob->isMutual());
        QCOMPARE(bob->fgColor, QStringLiteral("#112233"));
        QCOMPARE(bob->bgColor, QStringLiteral("#ffeedd"));
        QCOMPARE(toString(bob->type), QStringLiteral("person"));
        const auto carol = find(people, QStringLiteral("carol"));
        QVERIFY(carol);
        QVERIFY(!carol->isListedByMe());
        QVERIFY(carol->listsMe());
        const auto dave = find(people, QStringLiteral("dave"));
        QVERIFY(dave);
        QVERIFY(dave->isListedByMe());
        QVERIFY(!dave->isMutual());
        // The maintainer watches her community; it does not trust her back.
        const auto makers = find(people, QStringLiteral("makers"));
        QVERIFY(makers);
        QCOMPARE(toString(makers->type), QStringLiteral("community"));
        QVERIFY(makers->watched);
    }

    // Groups and friends edited locally, sent, and read back from the server.
    void editsRoundTrip_data() { addInterfaceRows(); }
    void editsRoundTrip()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        QVERIFY(f.sync().ok); // learns the flavour
        const QString account = QStringLiteral("test");
        FriendsService& service = *f.service;

        const int close = service.createGroup(account, QStringLiteral("Close"));
        const int work = service.createGroup(account, QStringLiteral("Work"), true);
        const int spare = service.createGroup(account, QStringLiteral("Spare"));
        QCOMPARE(close, 1);
        QCOMPARE(work, 2);
        QCOMPARE(spare, 3);
        FriendChange bob;
        bob.username = QStringLiteral("Bob");
        bob.fgColor = QStringLiteral("#aa0000");
        bob.bgColor = QStringLiteral("#00ffcc");
        bob.groupMask = (1 << close) | 1;
        QVERIFY(service.setFriend(account, bob));
        FriendChange carol;
        carol.username = QStringLiteral("carol");
        QVERIFY(service.setFriend(account, carol));
        QVERIFY(service.setMembership(account, QStringLiteral("bob"), work, true));
        QVERIFY(service.setMembership(account, QStringLiteral("carol"), spare, true));
        QVERIFY(service.renameGroup(account, close, QStringLiteral("Inner circle")));
        QVERIFY(service.setGroupPublic(account, close, true));
        QVERIFY(service.moveGroup(account, work, -1)); // Work, Inner circle, Spare
        QVERIFY(service.deleteGroup(account, spare));
        QVERIFY(service.removeFriend(account, QStringLiteral("carol")));

        // Applied at once, before anything was sent.
        const QStringList expected{QStringLiteral("2:Work:public"), QStringLiteral("1:Inner circle:public")};
        QCOMPARE(groupNames(f.store().groups(account)), expected);
        QVERIFY(f.store().pendingUsernames(account).contains(QStringLiteral("bob")));
        QVERIFY(!f.store().waitingChanges(account).isEmpty());
        QCOMPARE(f.server.requestCount(QStringLiteral("editfriendgroups")) +
                     f.server.requestCount(QStringLiteral("editcircle")),
                 0);

        const FriendsSyncReport report = f.sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QVERIFY(f.store().waitingChanges(account).isEmpty());
        QCOMPARE(groupNames(f.store().groups(account)), expected);

        const FriendsSnapshot server = f.serverSnapshot();
        QCOMPARE(groupNames(server.groups), expected);
        const auto onServer = find(server.friends, QStringLiteral("bob"));
        QVERIFY(onServer);
        QCOMPARE(onServer->groupMask, quint64((1 << close) | (1 << work) | 1));
        QCOMPARE(onServer->fgColor, QStringLiteral("#aa0000"));
        QCOMPARE(onServer->bgColor, QStringLiteral("#00ffcc"));
        QVERIFY(!find(server.friends, QStringLiteral("carol")));
        QCOMPARE(f.store().friends(account), server.friends);
        // The freed bit is the next one taken.
        QCOMPARE(f.store().lowestFreeGroupId(account, f.flavor()), spare);
    }

    void offlineChangesWaitThenGoOut_data() { addInterfaceRows(); }
    void offlineChangesWaitThenGoOut()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        f.relation(QStringLiteral("alice"), QStringLiteral("bob"), 1, 1);
        QVERIFY(f.sync().ok);
        const QString account = QStringLiteral("test");

        f.setOnline(false);
        const int group = f.service->createGroup(account, QStringLiteral("Offline group"));
        QVERIFY(group > 0);
        QVERIFY(f.service->setMembership(account, QStringLiteral("bob"), group, true));
        FriendChange dave;
        dave.username = QStringLiteral("dave");
        QVERIFY(f.service->setFriend(account, dave));
        FriendsSyncReport report = f.sync();
        QVERIFY(!report.ok);
        QVERIFY(report.offline);
        QCOMPARE(f.store().waitingChanges(account).size(), 3);
        QVERIFY(f.store().findFriend(account, QStringLiteral("bob"))->inGroup(group));
        QVERIFY(f.store().findFriend(account, QStringLiteral("dave")));
        QVERIFY(f.serverSnapshot().groups.isEmpty());

        f.setOnline(true);
        report = f.sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.sent, 3);
        QVERIFY(f.store().waitingChanges(account).isEmpty());
        const FriendsSnapshot server = f.serverSnapshot();
        QCOMPARE(server.groups.size(), 1);
        QCOMPARE(server.groups.first().name, QStringLiteral("Offline group"));
        QVERIFY(find(server.friends, QStringLiteral("bob"))->inGroup(group));
        QVERIFY(find(server.friends, QStringLiteral("dave")));
    }

    // The server took the change but the reply never came: it is sent again and lands on the same
    // state, once.
    void lostReplyIsResentHarmlessly_data() { addInterfaceRows(); }
    void lostReplyIsResentHarmlessly()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        QVERIFY(f.sync().ok);
        const QString account = QStringLiteral("test");
        const QString mode =
            flavor == QLatin1String("dw") ? QStringLiteral("editcircle") : QStringLiteral("editfriendgroups");
        QVERIFY(f.service->createGroup(account, QStringLiteral("Close")) == 1);
        QVERIFY(f.service->createGroup(account, QStringLiteral("Later")) == 2);
        // Twice: a friend edit sets a state, so the client sends one that met a closed connection
        // again at once, with a new challenge (LjClient); the second drop ends the round.
        f.fault(QStringLiteral("drop_after_commit"), mode, 2);
        FriendsSyncReport report = f.sync();
        QVERIFY(!report.ok);
        QCOMPARE(f.store().waitingChanges(account).size(), 2); // the first is unanswered, so both wait
        QCOMPARE(f.serverSnapshot().groups.size(), 1);         // yet the server has the first

        report = f.sync();
        QVERIFY2(report.ok, qPrintable(report.message));
        QCOMPARE(report.sent, 2);
        const QStringList expected{QStringLiteral("1:Close:"), QStringLiteral("2:Later:")};
        QCOMPARE(groupNames(f.serverSnapshot().groups), expected);
        QCOMPARE(groupNames(f.store().groups(account)), expected);
    }

    void refusedChangeIsKeptAsFailed_data() { addInterfaceRows(); }
    void refusedChangeIsKeptAsFailed()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        QVERIFY(f.sync().ok);
        const QString account = QStringLiteral("test");
        FriendChange ghost;
        ghost.username = QStringLiteral("nobody_here");
        QVERIFY(f.service->setFriend(account, ghost));
        QVERIFY(f.store().findFriend(account, QStringLiteral("nobody_here")));
        QVERIFY(f.service->createGroup(account, QStringLiteral("After")) > 0);

        const FriendsSyncReport report = f.sync();
        QVERIFY(!report.ok);
        QVERIFY(!report.offline);
        QCOMPARE(report.refused, 1);
        QCOMPARE(report.sent, 1); // the group behind it still went out
        const QList<FriendChange> changes = f.store().changes(account);
        QCOMPARE(changes.size(), 1);
        QVERIFY(changes.first().state == FriendChangeState::Failed);
        QVERIFY(!changes.first().reason.isEmpty());
        // No longer shown as a friend: the fetch replaced the local view.
        QVERIFY(!f.store().findFriend(account, QStringLiteral("nobody_here")));
        QVERIFY(f.service->dismissFailed(account));
        QVERIFY(f.store().changes(account).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFriendsSync)
#include "TestFriendsSync.moc"
