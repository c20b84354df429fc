#include "PostCommand.h"

#include "CliArguments.h"
#include "PasswordSource.h"
#include "account/AccountStore.h"
#include "account/LoginInfoStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "store/Outbox.h"
#include "sync/OutboxSender.h"

#include <QFile>

#include <cstdio>

namespace Inkwell::Cli {

PostCommand::PostCommand(CliContext& context, QObject* parent)
    : CliCommand(context, parent)
{}

PostCommand::~PostCommand() = default;

void PostCommand::start()
{
    const CliArguments& arguments = m_context.arguments;
    const QString name = arguments.positional().first();
    const std::optional<Account> account = namedAccount(name);
    if (!account)
        return;
    m_account = *account;
    m_journal = chosenJournal(m_account);
    const QString bodyFile = arguments.value(QStringLiteral("body-file"));
    const bool passwordFromStdin = arguments.isSet(QStringLiteral("password-stdin"));
    if (bodyFile == QLatin1String("-") && passwordFromStdin) {
        fail(ExitUsage,
             QStringLiteral("--body-file - and --password-stdin both want standard input: store the "
                            "password with 'inkwell-cli account edit %1 --password-stdin', or give "
                            "the text in a file.")
                 .arg(name));
        return;
    }
    QFile file;
    const bool opened = bodyFile == QLatin1String("-")
                            ? file.open(stdin, QIODevice::ReadOnly)
                            : (file.setFileName(bodyFile), file.open(QIODevice::ReadOnly));
    if (!opened) {
        fail(ExitUsage, QStringLiteral("Cannot read '%1': %2").arg(bodyFile, file.errorString()));
        return;
    }
    const QByteArray body = file.readAll();
    std::optional<JournalEntry> entry = entryFromOptions(body);
    if (!entry)
        return;

    m_outbox = std::make_unique<Outbox>(m_context.database.connection());
    m_mirror = std::make_unique<JournalStore>(m_context.database.connection());
    OutboxItem item;
    item.account = m_account.name;
    item.journal = m_journal;
    item.entry = *entry;
    m_outboxId = m_outbox->enqueue(item);
    if (m_outboxId == 0) {
        fail(ExitFailure,
             QStringLiteral("Could not put the entry in the outbox: %1").arg(m_outbox->lastError()));
        return;
    }
    // From here on the entry is safe in the outbox; whatever happens next, it is not lost.
    PasswordSource::obtain(
        m_context.passwords, m_account, passwordFromStdin, this,
        [this](const PasswordSource::Outcome& outcome) { send(outcome.password, outcome.error); });
}

std::optional<JournalEntry> PostCommand::entryFromOptions(const QByteArray& body)
{
    const CliArguments& arguments = m_context.arguments;
    JournalEntry entry;
    entry.subject = arguments.value(QStringLiteral("subject"));
    entry.body = QString::fromUtf8(body);
    if (entry.body.trimmed().isEmpty() && entry.subject.trimmed().isEmpty()) {
        fail(ExitUsage, QStringLiteral("The entry is empty: give a subject or some text."));
        return std::nullopt;
    }
    for (const QString& prop : arguments.values(QStringLiteral("prop"))) {
        const qsizetype equals = prop.indexOf(u'=');
        if (equals <= 0) {
            fail(ExitUsage, QStringLiteral("--prop takes NAME=VALUE, not '%1'.").arg(prop));
            return std::nullopt;
        }
        entry.props.insert(prop.left(equals).trimmed(), prop.mid(equals + 1));
    }
    if (arguments.isSet(QStringLiteral("backdate")))
        entry.props.insert(QStringLiteral("opt_backdated"), QStringLiteral("1"));
    QDateTime when = QDateTime::currentDateTime();
    if (arguments.isSet(QStringLiteral("date"))) {
        when = QDateTime::fromString(arguments.value(QStringLiteral("date")),
                                     QStringLiteral("yyyy-MM-dd HH:mm"));
        if (!when.isValid()) {
            fail(ExitUsage, QStringLiteral("--date takes YYYY-MM-DD HH:MM, not '%1'.")
                                .arg(arguments.value(QStringLiteral("date"))));
            return std::nullopt;
        }
    }
    entry.setEventDateTime(when);

    const QString security = arguments.isSet(QStringLiteral("security"))
                                 ? arguments.value(QStringLiteral("security"))
                                 : QStringLiteral("public");
    if (security == QLatin1String("public")) {
        entry.security = Security::Public;
    } else if (security == QLatin1String("private")) {
        entry.security = Security::Private;
    } else if (security == QLatin1String("friends")) {
        entry.security = Security::UseMask;
        entry.allowmask = 1;
    } else if (security.startsWith(QLatin1String("groups:"))) {
        entry.security = Security::UseMask;
        if (!resolveGroups(entry, security.mid(7).split(u',', Qt::SkipEmptyParts)))
            return std::nullopt;
    } else {
        fail(ExitUsage, QStringLiteral("--security is public, private, friends or groups:G1,G2, not '%1'.")
                            .arg(security));
        return std::nullopt;
    }
    return entry;
}

bool PostCommand::resolveGroups(JournalEntry& entry, const QStringList& groups)
{
    // Group names as the last login listed them (the GUI's Accounts dialog or 'login' refreshes it).
    const std::optional<StoredLogin> login = LoginInfoStore(m_context.database).load(m_account.name);
    for (const QString& wanted : groups) {
        bool found = false;
        for (const FriendGroup& group : login ? login->info.friendGroups : QList<FriendGroup>{}) {
            if (group.name.compare(wanted.trimmed(), Qt::CaseInsensitive) == 0) {
                entry.allowmask |= quint64(1) << group.id;
                found = true;
            }
        }
        if (!found) {
            fail(ExitUsage,
                 QStringLiteral("No friend group '%1' is known for '%2'%3.")
                     .arg(wanted.trimmed(), m_account.name,
                          login ? QString() : QStringLiteral(" (log in once to fetch the groups)")));
            return false;
        }
    }
    return true;
}

void PostCommand::send(const std::optional<QString>& password, const QString& whyNot)
{
    if (!password) {
        m_outbox->setState(m_outboxId, OutboxState::Waiting, whyNot);
        report(whyNot, {});
        return;
    }
    m_client = new LjClient(m_account, this);
    m_client->setPassword(*password);
    m_sender = new OutboxSender(*m_client, *m_outbox, *m_mirror, m_account.name, this);
    connect(m_sender, &OutboxSender::finished, this, [this](const OutboxReport& sent) {
        if (sent.postsByOutboxId.contains(m_outboxId)) {
            const PostResult result = sent.postsByOutboxId.value(m_outboxId);
            printOut(QStringLiteral("posted %1 %2\n").arg(result.itemid).arg(result.url));
            finishAfterSession(m_client, ExitOk);
            return;
        }
        report(sent.stopReason, sent.stopError);
    });
    m_sender->start();
}

void PostCommand::report(const QString& waitReason, const ProtocolError& error)
{
    const std::optional<OutboxItem> item = m_outbox->item(m_outboxId);
    if (item && item->state == OutboxState::Failed) {
        printError(QStringLiteral("The server refused the entry: %1 (it stays in the outbox as refused; "
                                  "'inkwell-cli outbox %2' shows it).")
                       .arg(item->reason, m_account.name));
        finishAfterSession(m_client, ExitFailure);
        return;
    }
    const QString reason = item && !item->reason.isEmpty() ? item->reason : waitReason;
    // Waiting does not help when the server refused the login: the user has to act.
    if (error.category() == ProtocolError::Category::Authentication) {
        printError(QStringLiteral("Not sent: %1 The entry waits in the outbox (id %2) and goes out with the "
                                  "next 'inkwell-cli sync %3' once the login works.")
                       .arg(reason)
                       .arg(m_outboxId)
                       .arg(m_account.name));
        finishAfterSession(m_client, ExitFailure);
        return;
    }
    printOut(QStringLiteral("queued %1: %2\n")
                 .arg(m_outboxId)
                 .arg(reason.isEmpty() ? QStringLiteral("waiting") : reason));
    finishAfterSession(m_client, ExitOk);
}

void OutboxCommand::start()
{
    const QString name = m_context.arguments.positional().first();
    if (!namedAccount(name))
        return;
    const QList<OutboxItem> items = Outbox(m_context.database.connection()).items(name);
    if (items.isEmpty()) {
        printOut(QStringLiteral("The outbox of '%1' is empty.\n").arg(name));
        finish(ExitOk);
        return;
    }
    for (const OutboxItem& item : items) {
        QString subject = item.entry.subject.simplified();
        if (subject.isEmpty())
            subject = item.entry.body.simplified().left(40);
        printOut(
            QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                .arg(item.id)
                .arg(toString(item.state), toString(item.operation), item.journal, subject, item.reason));
    }
    finish(ExitOk);
}

} // namespace Inkwell::Cli
