// Fills a profile with realistic entries (SampleJournal.h): ui_seed DIR [COUNT] [COMMUNITY_COUNT]
#include "SampleJournal.h"
#include "util/Profile.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Inkwell;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    QTextStream err(stderr);
    if (args.size() < 2) {
        err << "usage: ui_seed DIR [COUNT] [COMMUNITY_COUNT]\n";
        return 2;
    }
    const Profile profile = Profile::atDirectory(args.at(1));
    QString error;
    if (!profile.ensureExists(&error)) {
        err << error << '\n';
        return 1;
    }
    Database db(profile.databasePath());
    const qint64 journal = Sample::prepare(db, &error);
    if (journal == 0) {
        err << error << '\n';
        return 1;
    }
    const int count = args.size() > 2 ? args.at(2).toInt() : 400;
    const QDateTime newest = QDateTime::currentDateTime().addSecs(-3600);
    if (!Sample::fill(db, journal, count, newest, 4 * 24 * 60, 42, &error)) {
        err << error << '\n';
        return 1;
    }
    const int communityCount = args.size() > 3 ? args.at(3).toInt() : 0;
    if (communityCount > 0) {
        JournalStore store(db.connection());
        const qint64 community = store.journalId(QStringLiteral("dw"), QStringLiteral("bookclub"));
        if (!community || !Sample::fill(db, community, communityCount, newest, 7 * 24 * 60, 7, &error)) {
            err << error << store.lastError() << '\n';
            return 1;
        }
    }
    QTextStream(stdout) << "seeded " << count << " entries in " << profile.databasePath() << '\n';
    return 0;
}
