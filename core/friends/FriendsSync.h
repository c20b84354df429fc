#pragma once

#include "friends/Friend.h"
#include "journal/Account.h"

#include <QObject>
#include <QPointer>

namespace Inkwell {

class FriendsStore;
class LjClient;
class ProtocolCall;
class ProtocolError;

struct FriendsSyncReport
{
    bool ok = false;
    bool offline = false; // the server could not be reached (or failed for now): changes still wait
    int sent = 0;         // changes the server took
    int refused = 0;      // changes the server refused (kept as failed, with the reason)
    QString message;      // for the user when !ok
};

// One round for one account: sends the waiting changes in the order they were made, then fetches the
// friends (or circle) and groups and stores them with any changes still waiting laid over them.
//
// Exactly once in effect: every change sets a state (a friend's colours and whole mask, a group's
// whole name/sort/public, a deletion) rather than toggling it, so a change whose reply was lost
// (outcome unknown) is simply sent again, before any later change, and lands on the same state.
// A change is removed from the queue only after the server's answer. Nothing later in the queue is
// sent while an earlier change is unanswered, so order holds.
class FriendsSync : public QObject
{
    Q_OBJECT
public:
    FriendsSync(LjClient& client, FriendsStore& store, QString account, QObject* parent = nullptr);

    void start();
    Flavor flavor() const { return m_flavor; }

signals:
    // Something in the store changed (a change went out, or a fetch was stored).
    void changed();
    void finished(const Inkwell::FriendsSyncReport& report);

private:
    void sendNext();
    void fetch();
    void stop(const ProtocolError& error);
    void finish(FriendsSyncReport report);

    LjClient& m_client;
    FriendsStore& m_store;
    QString m_account;
    Flavor m_flavor = Flavor::Unknown;
    FriendsSyncReport m_report;
};

} // namespace Inkwell
