#include "friends/FriendsSync.h"

#include "account/LoginRunner.h"
#include "friends/FriendRequests.h"
#include "friends/FriendsStore.h"
#include "protocol/LjClient.h"

namespace Inkwell {

FriendsSync::FriendsSync(LjClient& client, FriendsStore& store, QString account, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_store(store)
    , m_account(std::move(account))
{}

void FriendsSync::start()
{
    m_report = {};
    if (looksLikeDreamwidth(m_client.account()))
        m_flavor = Flavor::Dreamwidth;
    else if (m_client.flavor() != Flavor::Unknown)
        m_flavor = m_client.flavor();
    else
        m_flavor = m_store.fetchedFlavor(m_account);
    if (m_flavor != Flavor::Unknown) {
        sendNext();
        return;
    }
    // The modes differ per flavour (REFERENCE.md 3.0); a login tells which one this is (DW sends caps).
    LoginOptions options;
    options.moodsSince = -1;
    options.pictures = false;
    m_client.call(QStringLiteral("login"), loginRequest(options), this, [this](ProtocolCall& call) {
        if (!call.succeeded()) {
            stop(call.error());
            return;
        }
        m_flavor = m_client.flavor() == Flavor::Unknown ? Flavor::LiveJournal : m_client.flavor();
        sendNext();
    });
}

void FriendsSync::sendNext()
{
    const QList<FriendChange> waiting = m_store.waitingChanges(m_account);
    if (waiting.isEmpty()) {
        fetch();
        return;
    }
    const FriendChange change = waiting.constFirst();
    m_store.countAttempt(change.id);
    const ModeRequest request = requestForChange(change, m_flavor);
    m_client.call(request.mode, request.request, this, [this, id = change.id](ProtocolCall& call) {
        if (call.succeeded()) {
            m_store.remove(id);
            ++m_report.sent;
            emit changed();
            sendNext();
            return;
        }
        const ProtocolError error = call.error();
        // A lost reply or a server that is down: the change stays first in line and is sent again
        // next time (see the class comment); the user's credentials are not the change's fault.
        // 104 is listed as temporary, but editfriends answers it for unknown or inactive users and
        // for the friend limit (REFERENCE.md 3.11): sending it again would not help.
        const bool refused = error.code() == 104 || !error.isTemporary();
        if (call.outcomeUnknown() || !refused ||
            error.category() == ProtocolError::Category::Authentication) {
            stop(error);
            return;
        }
        m_store.markFailed(id, error.message());
        ++m_report.refused;
        emit changed();
        sendNext();
    });
}

void FriendsSync::fetch()
{
    const ModeRequest request = fetchRequest(m_flavor);
    m_client.call(request.mode, request.request, this, [this](ProtocolCall& call) {
        if (!call.succeeded()) {
            stop(call.error());
            return;
        }
        if (!m_store.replaceFromServer(m_account, snapshotFromReply(call.reply(), m_flavor), m_flavor)) {
            m_report.message = tr("The friends list could not be saved: %1").arg(m_store.lastError());
            finish(m_report);
            return;
        }
        emit changed();
        FriendsSyncReport report = m_report;
        report.ok = report.refused == 0;
        if (!report.ok)
            report.message = tr("The server refused %n changes.", nullptr, report.refused);
        finish(report);
    });
}

void FriendsSync::stop(const ProtocolError& error)
{
    FriendsSyncReport report = m_report;
    report.offline = error.isTemporary();
    report.message = error.message();
    finish(report);
}

void FriendsSync::finish(FriendsSyncReport report)
{
    emit finished(report);
}

} // namespace Inkwell
