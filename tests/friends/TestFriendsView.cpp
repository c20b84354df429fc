#include "FriendsFixture.h"
#include "friends/FriendsModel.h"
#include "friends/FriendsView.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace Inkwell;

// The friends manager driven like a user would, with group edits round-tripping through the local
// server on both flavours and both interfaces.
class TestFriendsView : public QObject
{
    Q_OBJECT

    static QListWidgetItem* itemNamed(QListWidget* list, const QString& prefix)
    {
        for (int row = 0; row < list->count(); ++row) {
            if (list->item(row)->text().startsWith(prefix))
                return list->item(row);
        }
        return nullptr;
    }

    static QString cell(FriendsView& view, const QString& username, int column)
    {
        const int row = view.model()->rowOf(username);
        return row < 0 ? QString() : view.model()->index(row, column).data().toString();
    }

private slots:
    void groupEditingRoundTrips_data() { addInterfaceRows(); }
    void groupEditingRoundTrips()
    {
        QFETCH(QString, flavor);
        QFETCH(int, interface);
        FriendsFixture f;
        QVERIFY(f.start(flavor, Interface(interface)));
        f.relation(QStringLiteral("alice"), QStringLiteral("bob"), 1, 1);
        f.relation(QStringLiteral("bob"), QStringLiteral("alice"), 1, 1);
        f.relation(QStringLiteral("carol"), QStringLiteral("alice"), 1, 1);

        FriendsView view(*f.service, *f.database);
        QString answer;
        view.setTextPrompt([&](const QString&, const QString&) { return std::optional<QString>(answer); });
        view.setConfirm([](const QString&) { return true; });
        view.resize(900, 500);
        view.show();
        // Never fetched: opening the account fetches.
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(QStringLiteral("bob")) >= 0, 20000);
        QCOMPARE(cell(view, QStringLiteral("bob"), FriendsModel::RelationColumn),
                 flavor == QLatin1String("dw") ? QStringLiteral("access both ways, read each other")
                                               : QStringLiteral("Mutual"));
        QCOMPARE(cell(view, QStringLiteral("carol"), FriendsModel::RelationColumn),
                 flavor == QLatin1String("dw") ? QStringLiteral("gives you access, reads you")
                                               : QStringLiteral("Lists you"));

        // Two groups; the second moves up. Shown at once, marked as waiting.
        answer = QStringLiteral("Close");
        view.newGroup();
        answer = QStringLiteral("Work");
        view.newGroup();
        QVERIFY(itemNamed(view.groupList(), QStringLiteral("Close")));
        QVERIFY(
            itemNamed(view.groupList(), QStringLiteral("Work"))->text().contains(QStringLiteral("waiting")));
        QCOMPARE(view.groupList()->currentItem()->text().section(QLatin1Char(' '), 0, 0),
                 QStringLiteral("Work"));
        view.moveSelectedGroup(-1);
        QVERIFY(view.groupList()->item(0)->text().startsWith(QStringLiteral("Work")));
        view.publicBox()->click();
        QVERIFY(view.groupList()->item(0)->text().contains(QStringLiteral("(public)")));

        // Membership by checkbox.
        view.selectFriend(QStringLiteral("bob"));
        QListWidgetItem* close = itemNamed(view.membershipList(), QStringLiteral("Close"));
        QVERIFY(close);
        QCOMPARE(close->checkState(), Qt::Unchecked);
        close->setCheckState(Qt::Checked);
        QCOMPARE(cell(view, QStringLiteral("bob"), FriendsModel::GroupsColumn), QStringLiteral("Close"));
        QCOMPARE(cell(view, QStringLiteral("bob"), FriendsModel::StateColumn),
                 QStringLiteral("Waiting to be sent"));
        QVERIFY(view.statusLabel()->text().contains(QStringLiteral("waiting to be sent")));

        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f.store().changes(QStringLiteral("test")).isEmpty() &&
                                     !f.service->isSyncing(QStringLiteral("test")),
                                 20000);
        QTRY_COMPARE(cell(view, QStringLiteral("bob"), FriendsModel::StateColumn), QString());
        FriendsSnapshot server = f.serverSnapshot();
        QCOMPARE(server.groups.size(), 2);
        QCOMPARE(server.groups[0].name, QStringLiteral("Work"));
        QVERIFY(server.groups[0].isPublic);
        QCOMPARE(server.groups[1].name, QStringLiteral("Close"));
        const int closeId = server.groups[1].id;
        auto bob = std::find_if(server.friends.begin(), server.friends.end(),
                                [](const Friend& p) { return p.username == QLatin1String("bob"); });
        QVERIFY(bob != server.friends.end());
        QVERIFY(bob->inGroup(closeId));

        // Rename, then delete the other group and remove bob.
        view.selectGroup(closeId);
        answer = QStringLiteral("Inner circle");
        view.renameSelectedGroup();
        view.selectGroup(server.groups[0].id);
        view.deleteSelectedGroup();
        view.selectFriend(QStringLiteral("bob"));
        view.removeSelectedFriend();
        QCOMPARE(view.model()->rowOf(QStringLiteral("bob")) >= 0, true); // bob still lists alice
        QCOMPARE(cell(view, QStringLiteral("bob"), FriendsModel::StateColumn),
                 QStringLiteral("Waiting to be sent"));
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f.store().changes(QStringLiteral("test")).isEmpty() &&
                                     !f.service->isSyncing(QStringLiteral("test")),
                                 20000);
        server = f.serverSnapshot();
        QCOMPARE(server.groups.size(), 1);
        QCOMPARE(server.groups[0].name, QStringLiteral("Inner circle"));
        bob = std::find_if(server.friends.begin(), server.friends.end(),
                           [](const Friend& p) { return p.username == QLatin1String("bob"); });
        QVERIFY(bob == server.friends.end() || !bob->isListedByMe());
        QCOMPARE(view.groupList()->count(), 1);
    }

    void addFriendThroughTheEditorAndFilter()
    {
        FriendsFixture f;
        QVERIFY(f.start(QStringLiteral("dw"), Interface::Flat));
        FriendsView view(*f.service, *f.database);
        QTRY_VERIFY_WITH_TIMEOUT(!f.store().fetchedAt(QStringLiteral("test")).isEmpty(), 20000);
        view.setFriendEditor([](const std::optional<Friend>&) {
            FriendChange change;
            change.username = QStringLiteral("dave");
            change.fgColor = QStringLiteral("#336699");
            change.bgColor = QStringLiteral("#ffffff");
            change.trust = false; // read only
            change.watch = true;
            return std::optional<FriendChange>(change);
        });
        view.addFriend();
        QCOMPARE(cell(view, QStringLiteral("dave"), FriendsModel::RelationColumn),
                 QStringLiteral("you read them"));
        view.filterEdit()->setText(QStringLiteral("makers"));
        QCOMPARE(view.table()->model()->rowCount(), 1);
        view.filterEdit()->clear();
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f.store().changes(QStringLiteral("test")).isEmpty() &&
                                     !f.service->isSyncing(QStringLiteral("test")),
                                 20000);
        const FriendsSnapshot server = f.serverSnapshot();
        const auto dave = std::find_if(server.friends.begin(), server.friends.end(),
                                       [](const Friend& p) { return p.username == QLatin1String("dave"); });
        QVERIFY(dave != server.friends.end());
        QVERIFY(dave->watched);
        QVERIFY(!dave->trusted);
        QCOMPARE(dave->fgColor, QStringLiteral("#336699"));
    }
};

QTEST_MAIN(TestFriendsView)
#include "TestFriendsView.moc"
