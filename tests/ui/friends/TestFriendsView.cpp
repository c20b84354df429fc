#include "FriendsFixture.h"
#include "ModelTesting.h"
#include "ScriptedDialogs.h"
#include "friends/FriendsModel.h"
#include "friends/FriendsView.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <memory>

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

    // What dragging these friends out of the table carries: the table model's own mime data for
    // their rows (the sorting proxy maps them to the friends model), as QAbstractItemView::startDrag
    // builds it.
    static std::unique_ptr<QMimeData> dragged(FriendsView& view, const QStringList& usernames)
    {
        QAbstractItemModel* model = view.table()->model();
        QModelIndexList indexes;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                if (usernames.contains(index.data(FriendsModel::UsernameRole).toString()) &&
                    (model->flags(index) & Qt::ItemIsDragEnabled))
                    indexes << index;
            }
        }
        return std::unique_ptr<QMimeData>(indexes.isEmpty() ? nullptr : model->mimeData(indexes));
    }

    // Delivers a drag to the group list's viewport as Qt does (enter, move, drop) at the centre of
    // `target`, or below the last group when there is none. Returns whether the drop was accepted;
    // an accepted drop must leave the friends where they were (a copy, never a move).
    static bool dropOnGroups(FriendsView& view, QListWidgetItem* target, const QMimeData& data,
                             Qt::DropActions actions = Qt::CopyAction)
    {
        QListWidget* list = view.groupList();
        QWidget* viewport = list->viewport();
        const QPoint at = target ? list->visualItemRect(target).center()
                                 : QPoint(viewport->width() / 2, viewport->height() - 2);
        QDragEnterEvent enter(at, actions, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &enter);
        if (!enter.isAccepted())
            return false;
        QDragMoveEvent move(at, actions, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &move);
        if (!move.isAccepted())
            return false;
        QDropEvent drop(QPointF(at), actions, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(viewport, &drop);
        if (drop.isAccepted() && drop.dropAction() != Qt::CopyAction) {
            qWarning() << "drop accepted as" << drop.dropAction();
            return false;
        }
        return drop.isAccepted();
    }

private slots:
    // The Blogger API has no friends: such an account is not offered, and the window says why.
    void anAccountOnTheBloggerApiHasNoFriends()
    {
        FriendsFixture f;
        QVERIFY(f.start(QStringLiteral("lj"), Interface::Blogger));
        ScriptedDialogs dialogs;
        FriendsView view(*f.service, *f.database, dialogs);
        view.show();
        auto* accounts = view.findChild<QComboBox*>();
        QVERIFY(accounts);
        QCOMPARE(accounts->count(), 0);
        const QList<QLabel*> labels = view.findChildren<QLabel*>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel* label) {
            return label->text().contains(QStringLiteral("Blogger API"));
        }));
        QTest::qWait(200);
        QCOMPARE(f.server.totalRequests(), 0); // nothing asked for that cannot be answered
    }

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

        ScriptedDialogs dialogs;
        FriendsView view(*f.service, *f.database, dialogs);
        testModelsUnder(view);
        QString answer;
        dialogs.textAnswer = [&](const QString&, const QString&) {
            return std::optional<QString>(answer);
        };
        dialogs.confirmAnswer = [](const Question&) {
            return true;
        };
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
        ScriptedDialogs dialogs;
        FriendsView view(*f.service, *f.database, dialogs);
        testModelsUnder(view);
        QTRY_VERIFY_WITH_TIMEOUT(!f.store().fetchedAt(QStringLiteral("test")).isEmpty(), 20000);
        dialogs.dialogAnswer = [](QDialog& dialog) {
            QTest::keyClicks(dialog.findChild<QLineEdit*>(QStringLiteral("username")),
                             QStringLiteral("dave"));
            auto* foreground = dialog.findChild<QLineEdit*>(QStringLiteral("foreground"));
            foreground->clear();
            QTest::keyClicks(foreground, QStringLiteral("#336699"));
            dialog.findChild<QCheckBox*>(QStringLiteral("trust"))->setChecked(false); // read only
            auto* buttons = dialog.findChild<QDialogButtonBox*>();
            buttons->button(QDialogButtonBox::Ok)->click();
            return dialog.result();
        };
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

    // Dropping friends dragged from the table onto a group puts them in it: recorded as waiting
    // changes, shown at once in the table and the friend's group checkboxes, sent on refresh.
    void dropFriendsOnAGroup()
    {
        FriendsFixture f;
        QVERIFY(f.start(QStringLiteral("lj"), Interface::Flat));
        f.relation(QStringLiteral("alice"), QStringLiteral("bob"), 1, 1);
        f.relation(QStringLiteral("alice"), QStringLiteral("carol"), 1, 1);
        f.relation(QStringLiteral("dave"), QStringLiteral("alice"), 1, 1); // lists alice; not hers
        ScriptedDialogs dialogs;
        FriendsView view(*f.service, *f.database, dialogs);
        testModelsUnder(view);
        dialogs.textAnswer = [](const QString&, const QString&) {
            return std::optional<QString>();
        };
        view.resize(900, 500);
        view.show();
        QTRY_VERIFY_WITH_TIMEOUT(view.model()->rowOf(QStringLiteral("dave")) >= 0, 20000);
        dialogs.textAnswer = [](const QString&, const QString&) {
            return std::optional<QString>(QStringLiteral("Close"));
        };
        view.newGroup();
        dialogs.textAnswer = [](const QString&, const QString&) {
            return std::optional<QString>(QStringLiteral("Work"));
        };
        view.newGroup();
        const QList<FriendGroup> groups = f.store().groups(QStringLiteral("test"));
        QCOMPARE(groups.size(), 2);
        const int closeId = groups[0].name == QLatin1String("Close") ? groups[0].id : groups[1].id;
        const qsizetype changesBefore = f.store().changes(QStringLiteral("test")).size();

        // Only people alice gives access can be dragged at all.
        QVERIFY(!dragged(view, {QStringLiteral("dave")}));

        // Two friends at once onto "Close".
        std::unique_ptr<QMimeData> data = dragged(view, {QStringLiteral("bob"), QStringLiteral("carol")});
        QVERIFY(data);
        QVERIFY(data->hasFormat(FriendsModel::mimeType()));
        QVERIFY(dropOnGroups(view, itemNamed(view.groupList(), QStringLiteral("Close")), *data,
                             view.table()->model()->supportedDragActions()));

        const QList<FriendChange> changes = f.store().changes(QStringLiteral("test"));
        QCOMPARE(changes.size(), changesBefore + 2);
        QStringList members;
        for (qsizetype i = changesBefore; i < changes.size(); ++i) {
            QVERIFY(changes[i].kind == FriendChangeKind::SetMembership);
            QCOMPARE(changes[i].groupMask, (quint64(1) << closeId) | 1);
            members << changes[i].username;
        }
        members.sort();
        QCOMPARE(members, QStringList({QStringLiteral("bob"), QStringLiteral("carol")}));
        for (const QString& name : {QStringLiteral("bob"), QStringLiteral("carol")}) {
            QVERIFY(f.store().findFriend(QStringLiteral("test"), name)->inGroup(closeId));
            QCOMPARE(cell(view, name, FriendsModel::GroupsColumn), QStringLiteral("Close"));
            QCOMPARE(cell(view, name, FriendsModel::StateColumn), QStringLiteral("Waiting to be sent"));
        }
        QVERIFY(
            view.statusLabel()->text().contains(QStringLiteral("%1 changes waiting").arg(changesBefore + 2)));
        view.selectFriend(QStringLiteral("carol"));
        QCOMPARE(itemNamed(view.membershipList(), QStringLiteral("Close"))->checkState(), Qt::Checked);
        QCOMPARE(itemNamed(view.membershipList(), QStringLiteral("Work"))->checkState(), Qt::Unchecked);

        // Dropped again (by a source that would also allow a move), or beside the groups: nothing new
        // to send.
        data = dragged(view, {QStringLiteral("bob")});
        QVERIFY(dropOnGroups(view, itemNamed(view.groupList(), QStringLiteral("Close")), *data,
                             Qt::CopyAction | Qt::MoveAction));
        QVERIFY(!dropOnGroups(view, nullptr, *data));
        QCOMPARE(f.store().changes(QStringLiteral("test")).size(), changesBefore + 2);

        // Names that are not on the access list (a drag from elsewhere) are refused, and the view
        // says why.
        QMimeData stranger;
        stranger.setData(FriendsModel::mimeType(), "dave");
        QVERIFY(!dropOnGroups(view, itemNamed(view.groupList(), QStringLiteral("Work")), stranger));
        QCOMPARE(f.store().changes(QStringLiteral("test")).size(), changesBefore + 2);
        QVERIFY(!f.store().findFriend(QStringLiteral("test"), QStringLiteral("dave"))->isListedByMe());
        QVERIFY2(view.statusLabel()->text().contains(QStringLiteral("access")),
                 qPrintable(view.statusLabel()->text()));

        // Sent: the server has them in the group.
        view.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(f.store().changes(QStringLiteral("test")).isEmpty() &&
                                     !f.service->isSyncing(QStringLiteral("test")),
                                 20000);
        const FriendsSnapshot server = f.serverSnapshot();
        int inClose = 0;
        const auto serverClose =
            std::find_if(server.groups.cbegin(), server.groups.cend(),
                         [](const FriendGroup& g) { return g.name == QLatin1String("Close"); });
        QVERIFY(serverClose != server.groups.cend());
        for (const Friend& person : server.friends)
            inClose += person.inGroup(serverClose->id) ? 1 : 0;
        QCOMPARE(inClose, 2);
    }
};

QTEST_MAIN(TestFriendsView)
#include "TestFriendsView.moc"
