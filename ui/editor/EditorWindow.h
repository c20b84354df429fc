#pragma once

#include "editor/EditorChoices.h"
#include "store/DraftStore.h"

#include <QMainWindow>

#include <functional>

class QComboBox;
class QLabel;

namespace Inkwell {

class Dialogs;
class DraftAutosaver;
class EntryForm;
class Outbox;
class RemoteFetcher;

// A window for writing one entry (a new one, or an edit of a mirrored one). Everything typed is a
// draft in the database within a couple of seconds and on every focus change; "Post" puts the
// entry in the outbox (with its draft, which goes once the server took it) and closes. Sending
// is the outbox's job, online or later, so posting works the same offline.
class EditorWindow : public QMainWindow
{
    Q_OBJECT
public:
    using ChoicesProvider = std::function<EditorChoices(const QString& account)>;

    // `accounts`: the account names to post with; `draft` may be new (id 0) or a saved one;
    // `fetcher` fetches the chosen userpic; `dialogs` asks before a draft is thrown away.
    EditorWindow(DraftStore& drafts, Outbox& outbox, RemoteFetcher& fetcher, Dialogs& dialogs,
                 const QStringList& accounts, ChoicesProvider choices, const Draft& draft,
                 QWidget* parent = nullptr);
    ~EditorWindow() override;

    EntryForm* form() const { return m_form; }
    QComboBox* accountBox() const { return m_account; }
    DraftAutosaver* autosaver() const { return m_autosaver; }
    qint64 draftId() const;
    // The draft as the window holds it now.
    Draft currentDraft() const;

public slots:
    // Puts the entry in the outbox. Returns false (and tells the user) if it cannot go.
    bool post();
    void discard();

signals:
    // An item went into the outbox for `account`; the owner may send it now.
    void queued(qint64 outboxId, const QString& account);

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void accountChanged();
    void updateTitle();
    void showStatus(const QString& text, bool problem = false);
    void discardNow();

    DraftStore& m_drafts;
    Outbox& m_outbox;
    Dialogs& m_dialogs;
    ChoicesProvider m_choices;
    Draft m_draft; // as loaded: id, itemid and base of an edit
    EntryForm* m_form = nullptr;
    QComboBox* m_account = nullptr;
    QLabel* m_status = nullptr;
    DraftAutosaver* m_autosaver = nullptr;
    QMetaObject::Connection m_focusConnection;
    bool m_done = false; // posted or discarded: nothing more to save
};

} // namespace Inkwell
