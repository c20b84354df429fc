#pragma once

#include "friends/Friend.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Inkwell {

class Database;
class Dialogs;
class FriendsModel;
class FriendsService;
struct FriendsSyncReport;

// The friends manager: an account's friends (or Dreamwidth circle) with their kind, colours,
// groups and which way the relation goes; adding, editing and removing them; the groups (create,
// rename, delete, reorder, public) and who is in them (checkboxes, or dragging friends onto a group).
// Every change shows at once, marked "waiting to be sent", and goes out through FriendsService.
class FriendsView : public QWidget
{
    Q_OBJECT
public:
    // `service`: the profile's.
    FriendsView(FriendsService& service, Database& database, Dialogs& dialogs, QWidget* parent = nullptr);

    FriendsService& service() { return m_service; }
    void setAccount(const QString& account);
    QString account() const { return m_account; }

    QComboBox* accountBox() const { return m_accounts; }
    QLineEdit* filterEdit() const { return m_filter; }
    QTableView* table() const { return m_table; }
    FriendsModel* model() const { return m_model; }
    QListWidget* groupList() const { return m_groups; }
    QListWidget* membershipList() const { return m_membership; }
    QCheckBox* publicBox() const { return m_public; }
    QLabel* statusLabel() const { return m_status; }

public slots:
    void refresh();
    void addFriend();
    void editSelectedFriend();
    void removeSelectedFriend();
    void newGroup();
    void renameSelectedGroup();
    void deleteSelectedGroup();
    void moveSelectedGroup(int delta);
    // Selects a friend by user name (for tests and for the owner, e.g. after a search).
    void selectFriend(const QString& username);
    void selectGroup(int id);

private:
    void build();
    void reloadAccounts();
    void reload();
    void reloadGroups();
    void reloadMembership();
    void updateButtons();
    void showStatus();
    void syncFinished(const QString& account, const FriendsSyncReport& report);
    void membershipToggled(int groupId, bool member);
    bool dropFriends(const QStringList& usernames, int groupId);
    std::optional<Friend> selectedFriend() const;
    int selectedGroupId() const;
    void ask(const QString& question, std::function<void()> ifYes);
    void askName(const QString& label, const QString& current, std::function<void(const QString&)> then);
    void editFriend(const std::optional<Friend>& person);
    bool eventFilter(QObject* watched, QEvent* event) override;

    FriendsService& m_service;
    Database& m_database;
    Dialogs& m_dialogs;
    QString m_account;
    QString m_lastMessage;
    bool m_reloading = false;

    QComboBox* m_accounts = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_table = nullptr;
    FriendsModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QListWidget* m_groups = nullptr;
    QListWidget* m_membership = nullptr;
    QCheckBox* m_public = nullptr;
    QLabel* m_membershipTitle = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_refresh = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_newGroup = nullptr;
    QPushButton* m_renameGroup = nullptr;
    QPushButton* m_deleteGroup = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
};

} // namespace Inkwell
