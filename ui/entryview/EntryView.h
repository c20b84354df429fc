#pragma once

#include <QHash>
#include <QSet>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QPushButton;
class QStackedWidget;
class QToolBar;

namespace Inkwell {

class EntryBrowser;
class JournalStore;
class RemoteFetcher;

// Shows one mirrored entry: subject, date, security and metadata above the body rendered as HTML.
// Remote content (images, stylesheets) stays blocked until the user allows it for that entry in
// the bar above the text, so opening an entry tells no server that it was read. Links open in
// the system browser. Edit and Delete are offered as signals for the editor to take up
// (setEntryActionsAvailable).
class EntryView : public QWidget
{
    Q_OBJECT
public:
    // `fetcher` fetches the remote content the user allows (the profile's, or one a test records
    // with). Not owned.
    explicit EntryView(RemoteFetcher& fetcher, QWidget* parent = nullptr);

    // The store entries are read from (a GUI-thread reader); `journalName` labels them.
    void setJournal(const JournalStore* store, qint64 journalId, const QString& journalName);
    // The server's moods by id, for entries that name theirs by number (a mood picked from the
    // list in the editor).
    void setMoodNames(const QHash<int, QString>& names) { m_moodNames = names; }
    // Shows the entry, or says it is not in the mirror. Journal 0 or itemid 0 clears the view.
    void showEntry(qint64 journalId, qint64 itemid);
    void clear();
    // Shows the current entry again from the store (after a sync).
    void reload();

    qint64 journalId() const { return m_journalId; }
    qint64 itemid() const { return m_itemid; }
    bool hasEntry() const { return m_itemid != 0; }

    EntryBrowser* browser() const { return m_browser; }
    QWidget* remoteContentBar() const { return m_remoteBar; }
    QPushButton* loadRemoteButton() const { return m_loadRemote; }
    QAction* editAction() const { return m_edit; }
    QAction* deleteAction() const { return m_delete; }
    // Whether something takes up editRequested/deleteRequested. Until then (the editor is not
    // there yet) Edit and Delete stay disabled and their tooltips say why: no action that does
    // nothing.
    void setEntryActionsAvailable(bool available);
    bool entryActionsAvailable() const { return m_actionsAvailable; }

    // Entries load images and styles from other sites without asking (a preference; off by
    // default, when each entry asks first).
    void setLoadsRemoteContent(bool always);
    bool loadsRemoteContent() const { return m_alwaysRemote; }

    // How a clicked link is opened; QDesktopServices::openUrl by default (tests record instead).
    void setLinkOpener(std::function<void(const QUrl&)> opener);

signals:
    void editRequested(qint64 journalId, qint64 itemid);
    void deleteRequested(qint64 journalId, qint64 itemid);
    // The link under the mouse, empty when it leaves one (for a status bar).
    void linkHovered(const QString& url);

private:
    void onBlockedContentChanged(int count);
    void loadRemoteContent();
    void openLink(const QUrl& url);
    void updateActions();

    const JournalStore* m_store = nullptr;
    qint64 m_storeJournalId = 0;
    QString m_journalName;
    QHash<int, QString> m_moodNames;
    qint64 m_journalId = 0;
    qint64 m_itemid = 0;
    bool m_actionsAvailable = false;
    QSet<QPair<qint64, qint64>> m_remoteAllowed; // entries whose remote content the user allowed
    bool m_alwaysRemote = false;
    std::function<void(const QUrl&)> m_openLink;

    QToolBar* m_toolBar = nullptr;
    QAction* m_edit = nullptr;
    QAction* m_delete = nullptr;
    QWidget* m_remoteBar = nullptr;
    QLabel* m_remoteText = nullptr;
    QPushButton* m_loadRemote = nullptr;
    EntryBrowser* m_browser = nullptr;
    QLabel* m_placeholder = nullptr;
    QStackedWidget* m_stack = nullptr;
};

} // namespace Inkwell
