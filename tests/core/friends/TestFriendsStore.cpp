#include "account/AccountStore.h"
#include "friends/FriendRequests.h"
#include "friends/FriendsStore.h"
#include "store/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Inkwell;

// The friends tables, the queue laid over fetched data, group bits, and the per-flavour requests.
class TestFriendsStore : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    const QString m_account = QStringLiteral("me");

    FriendChange group(int id, const QString& name, int sort = 50)
    {
        FriendChange change;
        change.kind = FriendChangeKind::SetGroup;
        change.group = {id, name, sort, false};
        return change;
    }

private slots:
    void init()
    {
        m_db = std::make_unique<Database>(
            m_dir.filePath(QStringLiteral("%1.sqlite").arg(QLatin1String(QTest::currentTestFunction()))));
        QVERIFY(m_db->open());
        Account account;
        account.name = m_account;
        account.serverUrl = QUrl(QStringLiteral("https://www.example.org"));
        account.username = QStringLiteral("me");
        QString error;
        QVERIFY2(AccountStore(*m_db).add(account, &error), qPrintable(error));
    }
    void cleanup() { m_db.reset(); }

    void lowestFreeBitFillsHolesAndStopsAtTheFlavoursLimit()
    {
        FriendsStore store(m_db->connection());
        QCOMPARE(store.lowestFreeGroupId(m_account, Flavor::LiveJournal), 1);
        FriendsSnapshot snapshot;
        for (int id : {1, 2, 4})
            snapshot.groups.append({id, QStringLiteral("g%1").arg(id), id, false});
        QVERIFY(store.replaceFromServer(m_account, snapshot, Flavor::LiveJournal));
        QCOMPARE(store.lowestFreeGroupId(m_account, Flavor::LiveJournal), 3);
        for (int id = 3; id <= 30; ++id)
            QVERIFY(store.enqueue(m_account, group(id, QStringLiteral("g%1").arg(id))) > 0);
        QCOMPARE(store.lowestFreeGroupId(m_account, Flavor::LiveJournal), 0); // LJ: 1-30
        QCOMPARE(store.lowestFreeGroupId(m_account, Flavor::Dreamwidth), 31); // DW trust groups: 1-60

        // A deletion that has not gone out yet keeps its bit.
        FriendChange remove;
        remove.kind = FriendChangeKind::DeleteGroup;
        remove.group.id = 2;
        QVERIFY(store.enqueue(m_account, remove) > 0);
        QVERIFY(!store.findGroup(m_account, 2));
        QCOMPARE(store.lowestFreeGroupId(m_account, Flavor::LiveJournal), 0);
    }

    void waitingChangesSurviveAFetch()
    {
        FriendsStore store(m_db->connection());
        FriendsSnapshot snapshot;
        Friend bob;
        bob.username = QStringLiteral("bob");
        bob.trusted = bob.watched = true;
        bob.groupMask = 1 | (1 << 1);
        snapshot.friends = {bob};
        snapshot.groups = {{1, QStringLiteral("Close"), 10, false}};
        QVERIFY(store.replaceFromServer(m_account, snapshot, Flavor::LiveJournal));

        FriendChange membership;
        membership.kind = FriendChangeKind::SetMembership;
        membership.username = QStringLiteral("bob");
        membership.groupMask = 1 | (1 << 2);
        QVERIFY(store.enqueue(m_account, membership) > 0);
        QVERIFY(store.enqueue(m_account, group(2, QStringLiteral("Work"), 20)) > 0);
        FriendChange deleteClose;
        deleteClose.kind = FriendChangeKind::DeleteGroup;
        deleteClose.group.id = 1;
        QVERIFY(store.enqueue(m_account, deleteClose) > 0);

        // The server still has the old state; the local view keeps the edits on top of it.
        QVERIFY(store.replaceFromServer(m_account, snapshot, Flavor::LiveJournal));
        QCOMPARE(store.findFriend(m_account, QStringLiteral("bob"))->groupMask, quint64(1 | (1 << 2)));
        QCOMPARE(store.groups(m_account).size(), 1);
        QCOMPARE(store.groups(m_account).first().name, QStringLiteral("Work"));
        QCOMPARE(store.pendingUsernames(m_account), QSet<QString>{QStringLiteral("bob")});
        QCOMPARE(store.pendingGroupIds(m_account), (QSet<int>{1, 2}));

        const QList<FriendChange> waiting = store.waitingChanges(m_account);
        QCOMPARE(waiting.size(), 3);
        QCOMPARE(toString(waiting[0].kind), toString(FriendChangeKind::SetMembership));
        QCOMPARE(waiting[0].groupMask, quint64(1 | (1 << 2)));
        QCOMPARE(waiting[1].group.name, QStringLiteral("Work"));
        QVERIFY(store.markFailed(waiting[0].id, QStringLiteral("refused")));
        QVERIFY(store.replaceFromServer(m_account, snapshot, Flavor::LiveJournal));
        // A refused change is no longer laid over the server's state; the waiting deletion of
        // group 1 still clears its bit.
        QCOMPARE(store.findFriend(m_account, QStringLiteral("bob"))->groupMask, quint64(1));
    }

    void removingSomeoneWhoListsMeKeepsTheRow()
    {
        FriendsStore store(m_db->connection());
        FriendsSnapshot snapshot;
        Friend mutual;
        mutual.username = QStringLiteral("bob");
        mutual.trusted = mutual.watched = mutual.trustedBy = mutual.watchedBy = true;
        mutual.groupMask = 1;
        Friend oneWay = mutual;
        oneWay.username = QStringLiteral("dave");
        oneWay.trustedBy = oneWay.watchedBy = false;
        snapshot.friends = {mutual, oneWay};
        QVERIFY(store.replaceFromServer(m_account, snapshot, Flavor::LiveJournal));
        for (const QString& name : {QStringLiteral("bob"), QStringLiteral("dave")}) {
            FriendChange remove;
            remove.kind = FriendChangeKind::RemoveFriend;
            remove.username = name;
            QVERIFY(store.enqueue(m_account, remove) > 0);
        }
        const auto bob = store.findFriend(m_account, QStringLiteral("bob"));
        QVERIFY(bob);
        QVERIFY(!bob->isListedByMe());
        QVERIFY(bob->listsMe());
        QVERIFY(!store.findFriend(m_account, QStringLiteral("dave")));
    }

    void requestsFollowTheFlavour()
    {
        FriendChange add;
        add.kind = FriendChangeKind::SetFriend;
        add.username = QStringLiteral("bob");
        add.fgColor = QStringLiteral("#000000");
        add.bgColor = QStringLiteral("#ffffff");
        add.groupMask = 1 | (1 << 3);
        const ModeRequest lj = requestForChange(add, Flavor::LiveJournal);
        QCOMPARE(lj.mode, QStringLiteral("editfriends"));
        QCOMPARE(lj.request[u"add"].at(0)[u"groupmask"].toInt(), 9);
        const ModeRequest dw = requestForChange(add, Flavor::Dreamwidth);
        QCOMPARE(dw.mode, QStringLiteral("editcircle"));
        QCOMPARE(dw.request[u"add"].at(0)[u"edge"].toInt(), 3);
        QCOMPARE(dw.request[u"add"].at(1)[u"groupmask"].toInt(), 9);

        const FriendChange group = this->group(4, QStringLiteral("Close"), 30);
        const ModeRequest ljGroup = requestForChange(group, Flavor::LiveJournal);
        QCOMPARE(ljGroup.mode, QStringLiteral("editfriendgroups"));
        // The sort order always travels: LJ resets an omitted one to 50.
        QCOMPARE(ljGroup.request[u"set"][u"4"][u"sort"].toInt(), 30);
        QCOMPARE(
            requestForChange(group, Flavor::Dreamwidth).request[u"settrustgroups"][u"4"][u"name"].toText(),
            QStringLiteral("Close"));
        QCOMPARE(fetchRequest(Flavor::Dreamwidth).mode, QStringLiteral("getcircle"));
        QCOMPARE(fetchRequest(Flavor::LiveJournal).mode, QStringLiteral("getfriends"));
    }

    void dreamwidthMasksLoseTheWatchBitAndNamesTheirDoubleEncoding()
    {
        ProtocolValue user = ProtocolValue::emptyMap();
        user.insert(QStringLiteral("username"), QStringLiteral("bob"));
        user.insert(QStringLiteral("fullname"), QStringLiteral("bob"));
        user.insert(QStringLiteral("groupmask"), ProtocolValue(qint64(2305843009213693955))); // xmlrpc/071
        ProtocolValue group = ProtocolValue::emptyMap();
        group.insert(QStringLiteral("id"), 2);
        group.insert(QStringLiteral("name"), QStringLiteral("WÃ¶r"));
        ProtocolValue reply = ProtocolValue::emptyMap();
        reply.insert(QStringLiteral("trustedusers"), ProtocolValue(ProtocolValue::List{user}));
        reply.insert(QStringLiteral("watchedusers"), ProtocolValue(ProtocolValue::List{user}));
        reply.insert(QStringLiteral("trustgroups"), ProtocolValue(ProtocolValue::List{group}));
        const FriendsSnapshot snapshot = snapshotFromReply(reply, Flavor::Dreamwidth);
        QCOMPARE(snapshot.friends.size(), 1);
        QCOMPARE(snapshot.friends.first().groupMask, quint64(3));
        QVERIFY(snapshot.friends.first().trusted && snapshot.friends.first().watched);
        QCOMPARE(snapshot.groups.first().name, QStringLiteral("Wör"));
        QCOMPARE(repairDoubleEncoding(QStringLiteral("Ünï")), QStringLiteral("Ünï")); // not a double encoding
        QCOMPARE(toString(friendTypeFromProtocol(QStringLiteral("syndicated"))), QStringLiteral("feed"));
    }
};

QTEST_GUILESS_MAIN(TestFriendsStore)
#include "TestFriendsStore.moc"
