#pragma once

#include "editor/EditorChoices.h"

#include <QObject>
#include <QPointer>

class QWidget;

namespace Inkwell {

class Dialogs;
class DraftStore;
class EditorWindow;
class EntryForm;
class OutboxService;
class ProfileServices;
struct Draft;

// Everything about writing that the main window offers: new entries, reopening drafts, editing
// and deleting mirrored entries, and sending the outbox. It opens editor windows with what the
// account's last login and the mirror know (moods, userpics, groups, communities, tags), and hands
// what they queue to the profile's OutboxService, which sends it now or when the server is
// reachable.
class WritingDesk : public QObject
{
    Q_OBJECT
public:
    // `dialogs`: how the editors it opens ask the user.
    WritingDesk(ProfileServices& services, Dialogs& dialogs, QObject* parent = nullptr);
    ~WritingDesk() override;

    DraftStore& drafts();
    OutboxService& outbox();

    // Each returns the editor it opened (or raised), owned by itself (it deletes on close).
    // A new entry for `journal` of `account` (a community's, or empty: the account's own); without
    // an account, for the first one.
    EditorWindow* newEntry(const QString& account = {}, const QString& journal = {});
    EditorWindow* openDraft(qint64 draftId);
    EditorWindow* editEntry(const QString& account, const QString& journal, qint64 itemid);
    // Queues a deletion of a mirrored entry (the caller has asked the user). Returns the outbox id.
    qint64 deleteEntry(const QString& account, const QString& journal, qint64 itemid);

    EditorChoices choicesFor(const QString& account) const;
    QList<QPointer<EditorWindow>> openEditors() const { return m_editors; }
    // Closes every editor; each keeps what it holds as a draft (quitting).
    void closeEditors();

signals:
    void draftsChanged();
    void outboxChanged();
    // A message for the status bar (a post went out, something needs the user).
    void message(const QString& text);

private:
    void rememberSpelling(EntryForm* form);
    EditorWindow* open(const Draft& draft);

    ProfileServices& m_services;
    Dialogs& m_dialogs;
    QList<QPointer<EditorWindow>> m_editors;
};

} // namespace Inkwell
