// Renders the friends manager with realistic data (no server: the data is stored as if fetched,
// with two changes still waiting) to a PNG:  friends_shot OUT.png [dw]
#include "account/AccountStore.h"
#include "account/MemoryPasswordStore.h"
#include "app/ProfileServices.h"
#include "common/Dialogs.h"
#include "friends/FriendsService.h"
#include "friends/FriendsView.h"
#include "store/Database.h"

#include <QApplication>
#include <QTableView>
#include <QTemporaryDir>

using namespace Inkwell;

namespace {

Friend person(const QString& user, const QString& name, bool out, bool in, quint64 mask = 1,
              const QString& type = {}, const QString& fg = QStringLiteral("#000000"),
              const QString& bg = QStringLiteral("#ffffff"))
{
    Friend p;
    p.username = user;
    p.displayName = name;
    p.typeName = type;
    p.type = friendTypeFromProtocol(type);
    p.trusted = p.watched = out;
    p.trustedBy = p.watchedBy = in;
    p.groupMask = out ? mask : 0;
    p.fgColor = fg;
    p.bgColor = bg;
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const bool dw = argc > 2 && QString::fromLocal8Bit(argv[2]) == QLatin1String("dw");
    QTemporaryDir dir;
    MemoryPasswordStore passwords;
    const auto services = ProfileServices::open(Profile::atDirectory(dir.path()), passwords, nullptr);
    if (!services)
        return 1;
    Database& database = services->database();
    Account account;
    account.name = dw ? QStringLiteral("dreamwidth") : QStringLiteral("livejournal");
    account.serverUrl = QUrl(dw ? QStringLiteral("https://www.dreamwidth.org")
                                : QStringLiteral("https://www.livejournal.com"));
    account.username = QStringLiteral("alice");
    QString error;
    if (!AccountStore(database).add(account, &error))
        return 1;

    FriendsSnapshot snapshot;
    snapshot.groups = {{1, QStringLiteral("Close friends"), 10, false},
                       {2, QStringLiteral("Book club"), 20, true},
                       {3, QStringLiteral("Work"), 30, false}};
    snapshot.friends = {
        person(QStringLiteral("bookish_ben"), QStringLiteral("Ben Okafor"), true, true, 1 | 4, {},
               QStringLiteral("#1a4d8f"), QStringLiteral("#eef4ff")),
        person(QStringLiteral("cmdr_taco"), QStringLiteral("Rob"), true, false, 1 | 8),
        person(QStringLiteral("daily_sketch"), QStringLiteral("Daily Sketch"), true, false, 1,
               QStringLiteral("community")),
        person(QStringLiteral("eliza_w"), QStringLiteral("Eliza Wren"), true, true, 1 | 2 | 4, {},
               QStringLiteral("#7a1f3d"), QStringLiteral("#fff0f5")),
        person(QStringLiteral("marta_k"), QStringLiteral("Marta Kowalska"), false, true),
        person(QStringLiteral("nasa_feed"), QStringLiteral("NASA Breaking News"), true, false, 1,
               QStringLiteral("syndicated")),
        person(QStringLiteral("old_friend"), QStringLiteral("Sam"), true, true, 1 | 2),
        person(QStringLiteral("quiet_reader"), QStringLiteral("quiet_reader"), false, true),
    };
    if (dw) { // DW: reading without access, and access without reading
        snapshot.friends[1].trusted = false;
        snapshot.friends[1].groupMask = 0;
        snapshot.friends[4].watchedBy = false;
    }
    FriendsService& service = services->friends();
    service.setAutoSend(false);
    service.store().replaceFromServer(account.name, snapshot, dw ? Flavor::Dreamwidth : Flavor::LiveJournal);
    service.createGroup(account.name, QStringLiteral("Travel"));
    service.setMembership(account.name, QStringLiteral("old_friend"), 3, true);

    WindowDialogs dialogs;
    FriendsView view(service, database, dialogs);
    view.resize(1100, 520);
    view.show();
    view.selectFriend(QStringLiteral("old_friend"));
    view.selectGroup(2);
    app.processEvents();
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("friends.png");
    return view.grab().save(out) ? 0 : 1;
}
