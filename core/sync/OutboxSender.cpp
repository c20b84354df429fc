#include "sync/OutboxSender.h"

#include "journal/ServerNormalization.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"
#include "store/DraftStore.h"
#include "store/JournalStore.h"
#include "store/Transaction.h"

#include <QCoreApplication>

namespace Inkwell {

namespace {

QString unknownReason()
{
    return QCoreApplication::translate("Inkwell::OutboxSender",
                                       "The connection was lost after sending. Inkwell will ask the server "
                                       "whether it arrived before sending it again.");
}

// Why an item waits that went out without a reply saying whether the server took it.
QString unknownReasonAfter(const ProtocolError& error)
{
    if (error.category() == ProtocolError::Category::Transport && error.httpStatus() == 0)
        return unknownReason();
    return QCoreApplication::translate(
               "Inkwell::OutboxSender",
               "Sent, but the reply did not say whether the server took it (%1). "
               "Inkwell will ask the server whether it arrived before sending it again.")
        .arg(error.toString());
}

// A successful reply whose content does not read, as a temporary failure: the server (or a proxy
// before it) is in trouble now; asking again later may well work.
ProtocolError unreadable(const ProtocolError& error)
{
    return ProtocolError::serverFailure(error.message(), error.mode());
}

} // namespace

OutboxSender::OutboxSender(LjClient& client, Outbox& outbox, JournalStore& mirror, QString accountName,
                           QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_outbox(outbox)
    , m_mirror(mirror)
    , m_account(std::move(accountName))
{}

void OutboxSender::start()
{
    if (m_running)
        return;
    m_running = true;
    m_report = {};
    m_tried.clear();
    m_lookedUpAtOnce.clear();
    m_outbox.recoverInterrupted();
    next();
}

QString OutboxSender::usejournal(const OutboxItem& item) const
{
    const QString own = canonicalUsername(m_client.account().username);
    return item.journal.isEmpty() || canonicalUsername(item.journal) == own ? QString() : item.journal;
}

qint64 OutboxSender::mirrorJournal(const OutboxItem& item)
{
    const QString journal = item.journal.isEmpty() ? canonicalUsername(m_client.account().username)
                                                   : canonicalUsername(item.journal);
    return m_mirror.journalId(m_account, journal);
}

void OutboxSender::setState(const OutboxItem& item, OutboxState state, const QString& reason)
{
    m_outbox.setState(item.id, state, reason);
    emit itemChanged(item.id);
}

void OutboxSender::next()
{
    for (const OutboxItem& item : m_outbox.items(m_account)) {
        if (m_tried.contains(item.id))
            continue;
        if (item.state != OutboxState::Waiting && item.state != OutboxState::Unknown)
            continue;
        m_tried.insert(item.id);
        handle(item);
        return;
    }
    stop(QString());
}

void OutboxSender::handle(const OutboxItem& item)
{
    if (item.operation == OutboxOperation::Post && item.state == OutboxState::Unknown)
        resolveUnknownPost(item);
    else if (item.operation == OutboxOperation::Delete && item.state == OutboxState::Unknown)
        resolveUnknownDelete(item);
    else if (item.operation == OutboxOperation::Edit)
        checkBeforeEdit(item);
    else
        send(item);
}

void OutboxSender::resolveUnknownPost(const OutboxItem& item)
{
    // The entry, if the server took it, is among the entries of its day (REFERENCE.md 3.5: day
    // selects by eventtime date, backdated ones included).
    const QDate day = QDate::fromString(item.entry.eventtime.left(10), Qt::ISODate);
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("day"));
    request.insert(QStringLiteral("year"), day.year());
    request.insert(QStringLiteral("month"), day.month());
    request.insert(QStringLiteral("day"), day.day());
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    if (const QString journal = usejournal(item); !journal.isEmpty())
        request.insert(QStringLiteral("usejournal"), journal);
    m_client.call(QStringLiteral("getevents"), request, this, [this, item](ProtocolCall& call) {
        if (!call.succeeded()) {
            setState(item, OutboxState::Unknown, item.reason.isEmpty() ? unknownReason() : item.reason);
            stop(call.error());
            return;
        }
        const auto entries = entriesFromReply(call.reply());
        if (!entries) { // nothing to go by: ask again later, never send blindly
            setState(item, OutboxState::Unknown, item.reason.isEmpty() ? unknownReason() : item.reason);
            stop(unreadable(entries.error()));
            return;
        }
        const QString me = canonicalUsername(m_client.account().username);
        const ServerNormalization server(m_client.account().interface);
        for (const JournalEntry& entry : entries.value()) {
            if ((entry.poster.isEmpty() || canonicalUsername(entry.poster) == me) &&
                server.isStoredFormOf(entry, item.entry)) {
                // It arrived: never send it again.
                succeeded(item, {entry.itemid, entry.anum, entry.url, {}});
                return;
            }
        }
        send(item);
    });
}

void OutboxSender::resolveUnknownDelete(const OutboxItem& item)
{
    // Sending it again would be harmless (302) but is a second arrival: ask first, as for a post.
    fetchOne(item, [this, item](const ProtocolError& error, std::optional<JournalEntry> onServer) {
        if (!error.isNull()) {
            setState(item, OutboxState::Unknown, item.reason.isEmpty() ? unknownReason() : item.reason);
            stop(error);
            return;
        }
        if (!onServer) { // it arrived
            succeeded(item, {item.itemid, 0, {}, {}});
            return;
        }
        send(item);
    });
}

void OutboxSender::fetchOne(const OutboxItem& item,
                            std::function<void(const ProtocolError&, std::optional<JournalEntry>)> done)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("selecttype"), QStringLiteral("one"));
    request.insert(QStringLiteral("itemid"), item.itemid);
    request.insert(QStringLiteral("lineendings"), QStringLiteral("unix"));
    if (const QString journal = usejournal(item); !journal.isEmpty())
        request.insert(QStringLiteral("usejournal"), journal);
    m_client.call(QStringLiteral("getevents"), request, this, [done = std::move(done)](ProtocolCall& call) {
        if (!call.succeeded()) {
            done(call.error(), std::nullopt);
            return;
        }
        // A reply that does not read says nothing about the entry: never "gone".
        const auto entries = entriesFromReply(call.reply());
        if (!entries) {
            done(unreadable(entries.error()), std::nullopt);
            return;
        }
        done({}, entries->isEmpty() ? std::nullopt : std::optional<JournalEntry>(entries->first()));
    });
}

void OutboxSender::checkBeforeEdit(const OutboxItem& item)
{
    fetchOne(item, [this, item](const ProtocolError& error, std::optional<JournalEntry> onServer) {
        if (!error.isNull()) {
            setState(item, item.state, explained(error));
            stop(error);
            return;
        }
        if (!onServer) {
            setState(item, OutboxState::Failed,
                     tr("The entry was deleted on the server; the edit was not sent."));
            ++m_report.failed;
            next();
            return;
        }
        const ServerNormalization server(m_client.account().interface);
        if (server.isStoredFormOf(*onServer, item.entry)) { // already there (an earlier send did arrive)
            succeeded(item, {onServer->itemid, onServer->anum, onServer->url, {}});
            return;
        }
        if (item.base && !server.isStoredFormOf(*onServer, *item.base)) {
            m_outbox.markConflict(item.id, *onServer);
            emit itemChanged(item.id);
            ++m_report.conflicts;
            next();
            return;
        }
        OutboxItem withServerProps = item;
        withServerProps.base = onServer; // props the edit removed are cleared against these
        send(withServerProps);
    });
}

void OutboxSender::send(const OutboxItem& item)
{
    if (!m_outbox.markSending(item.id)) {
        stop(m_outbox.lastError());
        return;
    }
    emit itemChanged(item.id);
    const QString journal = usejournal(item);
    QString mode = QStringLiteral("editevent");
    ProtocolValue request;
    switch (item.operation) {
    case OutboxOperation::Post:
        mode = QStringLiteral("postevent");
        request = postEventRequest(item.entry, journal);
        break;
    case OutboxOperation::Edit: {
        JournalEntry entry = item.entry;
        entry.itemid = item.itemid;
        request = editEventRequest(entry, item.base ? item.base->props : QMap<QString, QString>{}, journal);
        break;
    }
    case OutboxOperation::Delete:
        request = deleteEventRequest(item.itemid, journal);
        break;
    }
    m_client.call(mode, request, this, [this, item](ProtocolCall& call) { onSent(item, call); });
}

void OutboxSender::onSent(const OutboxItem& item, ProtocolCall& call)
{
    if (call.succeeded()) {
        PostResult result = postResultFromReply(call.reply());
        // A success that names no entry says neither which one the server made nor whether it
        // made one; only a moderated community's queue answers so, with its message
        // (REFERENCE.md 3.3).
        const bool moderated = item.operation == OutboxOperation::Post && !result.message.isEmpty();
        if (result.itemid <= 0 && !moderated) {
            unknownAfterSuccess(item);
            return;
        }
        if (item.operation != OutboxOperation::Post)
            result.itemid = item.itemid;
        succeeded(item, result);
        return;
    }
    const ProtocolError& error = call.error();
    if (item.operation == OutboxOperation::Delete && error.code() == 302) { // already gone
        succeeded(item, {item.itemid, 0, {}, {}});
        return;
    }
    if (call.outcomeUnknown()) {
        setState(item, OutboxState::Unknown, unknownReasonAfter(error));
        stop(error);
        return;
    }
    // Network, server and rate-limit trouble stops the run, and so does anything that went wrong
    // while logging in (getchallenge, sessiongenerate): the item never went out, so whatever the
    // server said there refuses the login, not the item. A refusal of this one item does not.
    const bool atLogin = !error.mode().isEmpty() && error.mode() != call.mode();
    if ((error.isTemporary() && !error.isRefusal()) || atLogin ||
        error.category() == ProtocolError::Category::Authentication) {
        setState(item, OutboxState::Waiting, explained(error));
        stop(error);
        return;
    }
    setState(item, OutboxState::Failed, explained(error));
    ++m_report.failed;
    next();
}

void OutboxSender::unknownAfterSuccess(const OutboxItem& item)
{
    const QString reason = tr("The server said it took it, but not which entry it made. Inkwell will ask "
                              "the server whether it arrived before sending it again.");
    setState(item, OutboxState::Unknown, reason);
    // The server answers, so it is asked at once; but only once a run, should it keep answering so.
    if (m_lookedUpAtOnce.contains(item.id)) {
        stop(reason);
        return;
    }
    m_lookedUpAtOnce.insert(item.id);
    OutboxItem unknown = item;
    unknown.state = OutboxState::Unknown;
    unknown.reason = reason;
    handle(unknown);
}

void OutboxSender::succeeded(const OutboxItem& item, const PostResult& result)
{
    const qint64 journalId = mirrorJournal(item);
    if (journalId != 0) {
        Transaction transaction(m_mirror.connection());
        if (item.operation == OutboxOperation::Delete) {
            m_mirror.deleteEntries(journalId, {item.itemid});
        } else if (result.itemid != 0) {
            // What the server made of it, until the next sync brings the server's own copy
            // (logtime, revnum...).
            JournalEntry entry = ServerNormalization(m_client.account().interface).storedForm(item.entry);
            entry.itemid = result.itemid;
            if (item.operation == OutboxOperation::Post) {
                entry.anum = result.anum;
                entry.url = result.url;
            } else if (const auto mirrored = m_mirror.entry(journalId, item.itemid)) {
                entry.anum = mirrored->anum;
                entry.url = mirrored->url;
                entry.logtime = mirrored->logtime;
            }
            m_mirror.upsertEntries(journalId, {entry});
        }
        transaction.commit();
    }
    if (item.draftId != 0)
        DraftStore(m_outbox.connection()).remove(item.draftId);
    m_outbox.remove(item.id);
    m_report.sent.append(item.id);
    if (item.operation == OutboxOperation::Post) {
        m_report.posts.append(result);
        m_report.postsByOutboxId.insert(item.id, result);
        if (item.entry.security == Security::Public && !item.entry.isBackdated() && !result.url.isEmpty())
            m_report.publicPostUrls.append(result.url);
    }
    emit itemChanged(item.id);
    next();
}

QString OutboxSender::explained(const ProtocolError& error) const
{
    const QString advice = error.advice(m_account);
    return advice.isEmpty() ? error.toString() : error.toString() + u' ' + advice;
}

void OutboxSender::stop(const ProtocolError& error)
{
    m_report.stopError = error;
    stop(explained(error));
}

void OutboxSender::stop(const QString& reason)
{
    m_report.stopReason = reason;
    for (const OutboxItem& item : m_outbox.items(m_account)) {
        if (item.state == OutboxState::Waiting || item.state == OutboxState::Unknown)
            ++m_report.waiting;
    }
    m_running = false;
    emit finished(m_report);
}

} // namespace Inkwell
