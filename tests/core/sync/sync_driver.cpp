// sync_driver: one sync of one journal as a real process, for tests that kill it (SIGKILL) at any
// moment and run it again (TestSyncKillResume). Not a user-facing program: inkwell-cli is.
//
//   sync_driver --profile DIR [--account NAME] [--server URL --user USER [--interface flat|xmlrpc]]
//               [--journal NAME] [--log FILE] [--retry-ms MS,MS,...] [--no-deletions]
//
// The password is the first line of standard input. The account is added to the profile when it
// does not exist yet (then --server and --user are needed). --log appends one line per HTTP
// request as it leaves, written straight to the file (no user-space buffer survives a SIGKILL):
//   <mode>                                  every request, authentication included
//   getevents multiple <id>,<id>,...        the itemids a getevents multiple asks for
//   getevents <selecttype> <detail>         the other selecttypes (day: the date; syncitems: lastsync)
//   syncitems <lastsync>
// Prints the report as one JSON line. Exit status: 0 the sync completed, 1 it failed, 2 usage or
// profile error.

#include "account/AccountStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "sync/SyncEngine.h"
#include "util/Profile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>

using namespace Inkwell;

namespace {

int usage(const QString& message)
{
    std::fprintf(stderr, "sync_driver: %s\n", qPrintable(message));
    return 2;
}

// The request of `mode` in flight: the client sends one call at a time, so it is the one unfinished
// call of that mode (authentication requests belong to the call they authenticate).
QString describe(const LjClient& client, const QString& mode)
{
    const auto calls = client.findChildren<ProtocolCall*>(Qt::FindDirectChildrenOnly);
    for (const ProtocolCall* call : calls) {
        if (call->isFinished() || call->mode() != mode)
            continue;
        const ProtocolValue& request = call->request();
        if (mode == QLatin1String("syncitems"))
            return QStringLiteral("syncitems %1").arg(request.member(QStringLiteral("lastsync")).toText());
        const QString selecttype = request.member(QStringLiteral("selecttype")).toText();
        QString detail;
        if (selecttype == QLatin1String("multiple"))
            detail = request.member(QStringLiteral("itemids")).toText();
        else if (selecttype == QLatin1String("day"))
            detail = QStringLiteral("%1-%2-%3")
                         .arg(request.member(QStringLiteral("year")).toText(),
                              request.member(QStringLiteral("month")).toText(),
                              request.member(QStringLiteral("day")).toText());
        else
            detail = request.member(QStringLiteral("lastsync")).toText();
        return QStringLiteral("getevents %1 %2").arg(selecttype, detail);
    }
    return mode;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("profile"), QStringLiteral("Profile folder."), QStringLiteral("DIR")},
        {QStringLiteral("account"), QStringLiteral("Account name (default: test)."), QStringLiteral("NAME"),
         QStringLiteral("test")},
        {QStringLiteral("server"), QStringLiteral("Server URL, for a new account."), QStringLiteral("URL")},
        {QStringLiteral("user"), QStringLiteral("User name, for a new account."), QStringLiteral("USER")},
        {QStringLiteral("interface"), QStringLiteral("flat or xmlrpc, for a new account."),
         QStringLiteral("NAME"), QStringLiteral("flat")},
        {QStringLiteral("journal"), QStringLiteral("Journal to mirror (default: the user's own)."),
         QStringLiteral("NAME")},
        {QStringLiteral("log"), QStringLiteral("Append a line per HTTP request to FILE."),
         QStringLiteral("FILE")},
        {QStringLiteral("retry-ms"), QStringLiteral("Retry pauses in milliseconds (default 50,50)."),
         QStringLiteral("MS,..."), QStringLiteral("50,50")},
        {QStringLiteral("no-deletions"), QStringLiteral("Skip the day-count comparison.")},
    });
    if (!parser.parse(app.arguments()))
        return usage(parser.errorText());
    if (!parser.isSet(QStringLiteral("profile")))
        return usage(QStringLiteral("--profile is required"));

    const Profile profile = Profile::atDirectory(parser.value(QStringLiteral("profile")));
    QString error;
    if (!profile.ensureExists(&error))
        return usage(error);
    Database database(profile.databasePath());
    if (!database.open())
        return usage(database.error());

    AccountStore accounts(database);
    const QString accountName = parser.value(QStringLiteral("account"));
    std::optional<Account> account = accounts.find(accountName);
    if (!account) {
        if (!parser.isSet(QStringLiteral("server")) || !parser.isSet(QStringLiteral("user")))
            return usage(QStringLiteral("no account %1: give --server and --user").arg(accountName));
        Account added;
        added.name = accountName;
        added.serverUrl = QUrl(parser.value(QStringLiteral("server")));
        added.username = parser.value(QStringLiteral("user"));
        const auto interface = interfaceFromString(parser.value(QStringLiteral("interface")));
        if (!interface)
            return usage(QStringLiteral("unknown interface"));
        added.interface = *interface;
        if (!accounts.add(added, &error))
            return usage(error);
        account = added;
    }

    QTextStream in(stdin);
    const QString password = in.readLine();

    QList<std::chrono::milliseconds> delays;
    for (const QString& part :
         parser.value(QStringLiteral("retry-ms")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        delays.append(std::chrono::milliseconds(part.toInt()));

    LjClient client(*account);
    client.setPassword(password);
    client.setPreferSession(true);
    client.setRetryPolicy(RetryPolicy{delays});

    QFile log;
    if (parser.isSet(QStringLiteral("log"))) {
        log.setFileName(parser.value(QStringLiteral("log")));
        if (!log.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
            return usage(log.errorString());
        // requestSent comes just before the bytes leave, so the log holds every request that
        // reached the server (and at most one more that a kill stopped on its way).
        QObject::connect(&client, &LjClient::requestSent, &client, [&](const QString& mode) {
            const bool detailed = mode == QLatin1String("getevents") || mode == QLatin1String("syncitems");
            const QString line = detailed ? describe(client, mode) : mode;
            log.write((line + QLatin1Char('\n')).toUtf8());
        });
    }

    JournalStore store(database.connection());
    SyncEngine engine(client, store, accountName, parser.value(QStringLiteral("journal")));
    engine.setCheckDeletions(!parser.isSet(QStringLiteral("no-deletions")));
    int status = 1;
    QObject::connect(&engine, &SyncEngine::finished, &app, [&](const SyncReport& report) {
        const QJsonObject json{{QStringLiteral("added"), report.added},
                               {QStringLiteral("updated"), report.updated},
                               {QStringLiteral("deleted"), report.deleted},
                               {QStringLiteral("requests"), report.requests},
                               {QStringLiteral("milliseconds"), report.milliseconds},
                               {QStringLiteral("error"), report.errorText}};
        std::printf("%s\n", QJsonDocument(json).toJson(QJsonDocument::Compact).constData());
        std::fflush(stdout);
        status = report.succeeded() ? 0 : 1;
        app.quit();
    });
    QMetaObject::invokeMethod(&engine, &SyncEngine::start, Qt::QueuedConnection);
    app.exec();
    return status;
}
