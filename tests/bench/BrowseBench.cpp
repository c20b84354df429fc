// browse_bench: the browsing views on a mirror of 50,000 entries. Prints figures; it is not a test.
// See README.md.
//
//   browse_bench [--entries N] [--profile DIR] [--gui PATH_TO_INKWELL] [--rounds R]
//
// Without --profile, a temporary profile is seeded (by a child run of this program, so that the
// seeding does not count in this process's peak memory). With --gui, the cold start of the real
// program on that profile is timed too.

#include "SampleJournal.h"
#include "calendar/JournalCalendar.h"
#include "common/JournalReader.h"
#include "history/HistoryView.h"
#include "search/SearchRunner.h"
#include "util/Profile.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>

#include <algorithm>
#include <cstdio>

using namespace Inkwell;

namespace {

// "VmRSS" or "VmHWM" of this process, in MB.
double memoryMb(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(int(qstrlen(field)) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double ms(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

int seed(const QString& directory, int entries)
{
    const Profile profile = Profile::atDirectory(directory);
    QString error;
    if (!profile.ensureExists(&error))
        return 1;
    Database db(profile.databasePath());
    const qint64 journal = Sample::prepare(db, &error);
    QElapsedTimer timer;
    timer.start();
    // One entry every ~8 hours: 50,000 entries span about 45 years, so calendar months hold ~90.
    if (!journal ||
        !Sample::fill(db, journal, entries, QDateTime(QDate(2025, 6, 30), QTime(22, 0)), 480, 42, &error)) {
        std::fprintf(stderr, "browse_bench: seeding failed: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("seeded %d entries in %.1f s\n", entries, ms(timer) / 1000);
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    if (argc == 4 && qstrcmp(argv[1], "--seed") == 0) {
        QCoreApplication app(argc, argv);
        return seed(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt());
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const auto option = [&args](const char* name, const QString& fallback) {
        const qsizetype at = args.indexOf(QString::fromLatin1(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
    };
    const int entries = option("--entries", QStringLiteral("50000")).toInt();
    const int rounds = option("--rounds", QStringLiteral("7")).toInt();
    const QString gui = option("--gui", QString());
    QTemporaryDir temp;
    QString directory = option("--profile", QString());
    if (directory.isEmpty()) {
        directory = temp.path();
        QProcess seeder;
        seeder.setProcessChannelMode(QProcess::ForwardedChannels);
        seeder.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--seed"), directory, QString::number(entries)});
        if (!seeder.waitForFinished(-1) || seeder.exitCode() != 0)
            return 1;
    }
    const Profile profile = Profile::atDirectory(directory);
    Database database(profile.databasePath());
    if (!database.open()) {
        std::fprintf(stderr, "browse_bench: %s\n", qPrintable(database.error()));
        return 1;
    }
    JournalReader reader(database);
    const JournalStore& store = reader.store();
    const QList<MirroredJournal> journals = store.journals();
    if (journals.isEmpty()) {
        std::fprintf(stderr, "browse_bench: no journal in %s\n", qPrintable(directory));
        return 1;
    }
    const qint64 journal = journals.first().id;
    std::printf("profile %s: %d entries, rss at start %.1f MB\n", qPrintable(directory),
                store.entryCount(journal), memoryMb("VmRSS:"));

    // 1. History: a new view to its first rows painted.
    QList<double> firstRows;
    QList<double> modelOnly;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        HistoryView view;
        view.resize(520, 700);
        QElapsedTimer model;
        model.start();
        view.setJournal(&store, journal);
        view.model()->itemidAt(0); // the count and the first page
        modelOnly.append(ms(model));
        view.show();
        const QImage painted = view.grab().toImage(); // every visible row's data asked for and drawn
        firstRows.append(ms(timer));
        if (painted.isNull() || view.model()->rowCount() != store.entryCount(journal))
            return 1;
    }
    std::printf("history: first rows painted       first %7.2f ms  median %7.2f ms  (target < 100 ms); count "
                "and first page alone: median %.2f ms\n",
                firstRows.first(), median(firstRows), median(modelOnly));

    // 2. History: page down to the end, painting every screen, then jump back to the top.
    {
        HistoryView view;
        view.resize(520, 700);
        view.setJournal(&store, journal);
        view.show();
        QTreeView* list = view.list();
        QScrollBar* bar = list->verticalScrollBar();
        // grab() paints the viewport as the screen would, exposed or not.
        list->viewport()->grab();
        const double rssBefore = memoryMb("VmRSS:");
        double rssMiddle = 0;
        QList<double> steps;
        QElapsedTimer total;
        total.start();
        int screens = 0;
        while (bar->value() < bar->maximum()) {
            QElapsedTimer step;
            step.start();
            bar->setValue(bar->value() + bar->pageStep());
            list->viewport()->grab();
            steps.append(ms(step));
            if (++screens == 500)
                rssMiddle = memoryMb("VmRSS:");
        }
        const double totalMs = ms(total);
        const double rssAfter = memoryMb("VmRSS:");
        QElapsedTimer jump;
        jump.start();
        bar->setValue(0);
        list->viewport()->grab();
        const double jumpMs = ms(jump);
        QElapsedTimer middle;
        middle.start();
        bar->setValue(bar->maximum() / 2);
        list->viewport()->grab();
        std::printf(
            "history: scroll to end            %d screens in %.0f ms, median %.2f ms, max %.2f ms per "
            "screen\n",
            screens, totalMs, median(steps), *std::max_element(steps.cbegin(), steps.cend()));
        std::printf(
            "history: memory while scrolling   rss %.1f MB before, %.1f MB after 500 screens, %.1f MB "
            "at the end; pages in memory %d (read %d)\n",
            rssBefore, rssMiddle, rssAfter, view.model()->cachedPageCount(), view.model()->pagesRead());
        std::printf("history: jump to top / to middle  %.2f ms / %.2f ms\n", jumpMs, ms(middle));
    }

    // 3. Calendar: a month's counts read and its grid painted, over 120 different months.
    {
        JournalCalendar calendar;
        calendar.resize(420, 320);
        calendar.setJournal(&store, journal);
        calendar.show();
        QList<double> months;
        QList<double> queries;
        EntryPageRequest edge;
        edge.limit = 1;
        edge.bodyChars = 0;
        const QDate newest =
            QDate::fromString(store.entryPage(journal, edge).value(0).eventtime.left(10), Qt::ISODate);
        edge.newestFirst = false;
        const QDate oldest =
            QDate::fromString(store.entryPage(journal, edge).value(0).eventtime.left(10), Qt::ISODate);
        const int span = (newest.year() - oldest.year()) * 12 + newest.month() - oldest.month() + 1;
        // Up to 120 months spread over the journal's span, newest first.
        for (int i = 0; i < qMin(120, span); ++i) {
            const QDate month =
                QDate(newest.year(), newest.month(), 1).addMonths(-i * span / qMin(120, span));
            QElapsedTimer timer;
            timer.start();
            calendar.setCurrentPage(month.year(), month.month());
            months.append(ms(timer));
            QElapsedTimer query;
            query.start();
            const QMap<QDate, int> counts = store.dayCounts(journal, month, month.addMonths(1).addDays(-1));
            queries.append(ms(query));
            Q_UNUSED(counts);
        }
        QElapsedTimer paint;
        paint.start();
        const QImage painted = calendar.grab().toImage();
        std::printf(
            "calendar: month page               median %.2f ms, max %.2f ms (counts query alone: median "
            "%.2f ms); painting it %.2f ms  (target < 5 ms)\n",
            median(months), *std::max_element(months.cbegin(), months.cend()), median(queries), ms(paint));
    }

    // 4. Search: FTS5 over subject, body and tags, on this thread and through SearchRunner's worker.
    {
        const JournalSearch search(store.connection());
        const QList<QPair<QString, SearchFilter>> queries{
            {QStringLiteral("river"), {}},
            {QStringLiteral("middlemarch"), {}},
            {QStringLiteral("rai"), {}},
            {QStringLiteral("снег"), {}},
            {QStringLiteral("\"the long part\""), {}},
            {QStringLiteral("soup walk"), {}},
            {QStringLiteral("kitchen"), {QStringLiteral("books"), std::nullopt, 0}},
            {QStringLiteral("light"), {QString(), Security::Private, 2001}},
            {QStringLiteral("the"), {}},
        };
        QList<double> all;
        for (const auto& [text, filter] : queries) {
            QList<double> times;
            int hits = 0;
            for (int round = 0; round < rounds; ++round) {
                QElapsedTimer timer;
                timer.start();
                hits = int(search.search(journal, text, filter, 200).size());
                times.append(ms(timer));
            }
            all.append(median(times));
            std::printf("search: %-22s %4d hits  median %7.2f ms\n", qPrintable(text), hits, median(times));
        }
        std::printf("search: median over the queries   %.2f ms  (target < 20 ms)\n", median(all));

        SearchRunner runner(database);
        QSignalSpy finished(&runner, &SearchRunner::finished);
        QList<double> endToEnd;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            runner.search({journal, QStringLiteral("river"), {}, 200});
            if (!finished.wait(10000))
                return 1;
            endToEnd.append(ms(timer));
        }
        std::printf("search: typed to results (worker, own connection) median %.2f ms\n", median(endToEnd));
    }
    std::printf("memory: this process peak (VmHWM) %.1f MB\n", memoryMb("VmHWM:"));

    // 5. The real program: process start to the main window shown on this profile.
    if (!gui.isEmpty()) {
        QList<double> starts;
        double guiPeak = 0;
        for (int round = 0; round < qMin(rounds, 5); ++round) {
            QProcess program;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            environment.insert(QStringLiteral("INKWELL_REPORT_SHOWN"), QStringLiteral("1"));
            program.setProcessEnvironment(environment);
            QElapsedTimer timer;
            timer.start();
            program.start(gui, {QStringLiteral("--profile"), directory});
            double shown = -1;
            while (program.waitForReadyRead(10000)) {
                if (program.readAll().contains("shown")) {
                    shown = ms(timer);
                    break;
                }
            }
            // The program keeps running after it reported: read its peak memory, then end it.
            QFile status(QStringLiteral("/proc/%1/status").arg(program.processId()));
            if (status.open(QIODevice::ReadOnly)) {
                for (const QByteArray& line : status.readAll().split('\n')) {
                    if (line.startsWith("VmHWM:"))
                        guiPeak =
                            qMax(guiPeak, line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0);
                }
            }
            program.terminate();
            program.waitForFinished(10000);
            if (shown < 0) {
                std::fprintf(stderr, "browse_bench: %s never reported its window\n", qPrintable(gui));
                return 1;
            }
            starts.append(shown);
        }
        std::printf(
            "gui: cold start to shown window    first %.0f ms  median %.0f ms  (target < 500 ms); peak "
            "memory of the program %.1f MB (target < 150 MB)\n",
            starts.first(), median(starts), guiPeak);
    }
    return 0;
}
