#include "ProtocolCommands.h"

#include "CliArguments.h"
#include "PasswordSource.h"
#include "RequestArguments.h"
#include "account/AccountClients.h"
#include "account/AccountStore.h"
#include "protocol/JournalMessages.h"
#include "protocol/LjClient.h"

#include <QCoreApplication>

namespace Inkwell::Cli {

namespace {

QString flavorName(Flavor flavor)
{
    switch (flavor) {
    case Flavor::Dreamwidth:
        return QStringLiteral("Dreamwidth");
    case Flavor::LiveJournal:
        return QStringLiteral("LiveJournal");
    case Flavor::Unknown:
        break;
    }
    //: The flavour of a server that is neither Dreamwidth nor LiveJournal, as far as Inkwell can tell.
    return QCoreApplication::translate("Inkwell::Cli::ProtocolCommands", "unknown");
}

} // namespace

QString describeFailure(const ProtocolError& error, const QString& requestedMode, const QString& account)
{
    // The error names the server's words already (its message and detail), so they come once.
    QString text = oneLine(error.toString());
    // Challenge authentication fails in getchallenge or sessiongenerate when the server is away.
    if (!error.mode().isEmpty() && error.mode() != requestedMode)
        //: %1 is the protocol mode that was asked for (e.g. getevents), %2 why it failed.
        text = QCoreApplication::translate("Inkwell::Cli::ProtocolCommands", "%1 failed: %2")
                   .arg(requestedMode, text);
    if (const QString advice = error.advice(account); !advice.isEmpty())
        text += u' ' + advice;
    return text;
}

void ProtocolCommands::start()
{
    const CliArguments& arguments = m_context.arguments;
    const QString name = arguments.positional().first();
    const std::optional<Account> account = namedAccount(name);
    if (!account)
        return;
    m_account = *account;
    if (arguments.command() == QLatin1String("login")) {
        m_mode = QStringLiteral("login");
        m_request = loginRequest({});
    } else {
        m_mode = arguments.positional().at(1);
        if (m_mode.isEmpty() || m_mode.contains(u'=')) {
            fail(ExitUsage,
                 tr("'%1' is not a mode; write: inkwell-cli call NAME MODE [FIELD...]").arg(m_mode));
            return;
        }
        QString error;
        const std::optional<ProtocolValue> request =
            requestFromArguments(arguments.positional().mid(2), &error);
        if (!request) {
            fail(ExitUsage, error);
            return;
        }
        m_request = *request;
    }
    // getchallenge is the one mode that needs no authentication (REFERENCE.md 3.1).
    if (m_mode == QLatin1String("getchallenge") && !arguments.isSet(QStringLiteral("password-stdin"))) {
        send({});
        return;
    }
    PasswordSource::obtain(m_context.services.clients(), m_account,
                           arguments.isSet(QStringLiteral("password-stdin")), this,
                           [this](const PasswordSource::Outcome& outcome) {
                               if (!outcome.password) {
                                   fail(outcome.exitCode, outcome.error);
                                   return;
                               }
                               send(*outcome.password);
                           });
}

void ProtocolCommands::send(const QString& password)
{
    m_client = m_context.services.clients().clientFor(m_account, password);
    cancelOnInterrupt(m_client.get());
    m_client->setRetryPolicy(RetryPolicy::none());
    connect(m_client.get(), &LjClient::flavorChanged, this, &ProtocolCommands::rememberFlavor);
    m_client->call(m_mode, m_request, this, [this](ProtocolCall& call) {
        if (!call.succeeded()) {
            printError(describeFailure(call.error(), m_mode, m_account.name));
            finishAfterSession(m_client.get(), ExitFailure);
            return;
        }
        if (m_context.arguments.command() == QLatin1String("login")) {
            printLogin(call.reply());
        } else {
            QByteArray json = call.reply().toJsonText(!m_context.arguments.isSet(QStringLiteral("compact")));
            if (!json.endsWith('\n'))
                json += '\n';
            printOutBytes(json);
        }
        finishAfterSession(m_client.get(), ExitOk);
    });
}

void ProtocolCommands::printLogin(const ProtocolValue& reply)
{
    const LoginInfo info = loginInfoFromReply(reply);
    const QStringList journals = QStringList{canonicalUsername(m_account.username)} + info.usejournals;
    //: %1 is the server's address, %2 the user name, %3 the account's name.
    QString text = tr("Logged in to %1 as %2 (account '%3').")
                       .arg(normalizedServerUrl(m_account.serverUrl).toString(),
                            canonicalUsername(m_account.username), m_account.name) +
                   u'\n';
    //: This line and the five after it are a table: spaces after each label make the values start
    //: in one column (the 15th here), after the longest label.
    text += tr("Full name:    %1").arg(info.fullName) + u'\n';
    if (!info.message.isEmpty())
        //: The server's message to the user.
        text += tr("Message:      %1").arg(oneLine(info.message)) + u'\n';
    //: %1 lists the journals.
    text += tr("May post to:  %1").arg(journals.join(QStringLiteral(", "))) + u'\n';
    //: %1 is how many moods the server knows.
    text += tr("Moods:        %1").arg(info.moods.size()) + u'\n';
    // Several keywords may name one picture: count the pictures, then the keywords.
    QStringList pictures = info.pictureUrls;
    if (!info.defaultPictureUrl.isEmpty())
        pictures.append(info.defaultPictureUrl);
    pictures.removeAll(QString());
    pictures.removeDuplicates();
    //: %1 is how many pictures there are, %n how many keywords name them.
    text +=
        tr("Userpics:     %1 (%n keywords)", nullptr, int(info.pictureKeywords.size())).arg(pictures.size()) +
        u'\n';
    //: %1 is Dreamwidth, LiveJournal or unknown.
    text += tr("Flavour:      %1").arg(flavorName(m_client->flavor())) + u'\n';
    printOut(text);
}

void ProtocolCommands::rememberFlavor(Flavor flavor)
{
    if (flavor == Flavor::Unknown || flavor == m_account.flavor)
        return;
    Account updated = m_account;
    updated.flavor = flavor;
    QString error;
    if (!m_context.services.accounts().update(m_account.name, updated, &error)) {
        printError(tr("The server's flavour could not be saved with the account: %1").arg(error));
        return;
    }
    m_account = updated;
}

} // namespace Inkwell::Cli
