// sync_bench: a full sync of a seeded journal on the local server (a separate process), against the
// floor: the same minimal request sequence sent by a bare HTTP client (BareFlatClient.h). Prints
// requests against the budget, wall time, client CPU time, client peak memory, the floor, and the
// ratio client/floor. Then the GUI-thread stall: a rich journal (tests/server/ljsrv/seed.py --rich:
// Unicode, CRLF, 100 kB bodies, many props and tags) synced once with the engine on the main thread
// and once through SyncRunner (worker thread), while a 5-ms timer on the main thread records the
// longest gap between its ticks. Prints figures; it is not a test. See README.md.
//
//   sync_bench [--entries 10000,50000] [--rounds N] [--server-db memory|file] [--interface flat|xmlrpc]
//              [--stall-entries N (default 3000, 0: skip)]

#include "BareFlatClient.h"
#include "TestServer.h"
#include "account/AccountStore.h"
#include "protocol/LjClient.h"
#include "store/Database.h"
#include "store/JournalStore.h"
#include "sync/SyncEngine.h"
#include "sync/SyncRunner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

using namespace Inkwell;

namespace {

double cpuSeconds(const rusage& usage)
{
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double processCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return cpuSeconds(usage);
}

// CPU seconds of another process (utime + stime from /proc/PID/stat).
double otherProcessCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14, stime 15 (1-based).
    return double(fields.value(11).toLongLong() + fields.value(12).toLongLong()) /
           double(sysconf(_SC_CLK_TCK));
}

// The server runs as our child (TestServer starts it); find it among our children.
qint64 serverPid()
{
    const QString self = QString::number(getpid());
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.value(1) == self.toLatin1() && line.contains("(python3"))
            return entry.toLongLong();
    }
    return 0;
}

// Peak resident memory of this process in MB since the last resetPeakMemory().
double peakMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
        }
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

bool resetPeakMemory()
{
    // "5" resets VmHWM to the current resident size (proc(5), clear_refs).
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    return clear.open(QIODevice::WriteOnly) && clear.write("5") == 1;
}

struct Figures
{
    int requests = 0;
    double wall = 0;      // seconds
    double cpu = 0;       // client (this process) CPU seconds
    double serverCpu = 0; // the server's CPU seconds meanwhile
    double peakMb = 0;
    QString phases; // seconds per sync phase
    bool ok = false;
};

Figures runClient(TestServer& server, qint64 pid, int entries, Interface interface)
{
    Figures figures;
    QTemporaryDir temp;
    Database database(temp.filePath(QStringLiteral("journal.sqlite")));
    if (!database.open()) {
        std::fprintf(stderr, "sync_bench: %s\n", qPrintable(database.error()));
        return figures;
    }
    Account account;
    account.name = QStringLiteral("bench");
    account.serverUrl = server.baseUrl();
    account.username = QStringLiteral("bench");
    account.interface = interface;
    QString error;
    AccountStore(database).add(account, &error);
    JournalStore store(database.connection());
    LjClient client(account);
    client.setPassword(QStringLiteral("pw"));
    client.setPreferSession(true);
    SyncEngine engine(client, store, QStringLiteral("bench"), {});

    QList<std::pair<SyncEngine::Phase, qint64>> phaseStarts;
    QElapsedTimer timer;
    QObject::connect(&engine, &SyncEngine::progress, [&](SyncEngine::Phase phase, int, int) {
        if (phaseStarts.isEmpty() || phaseStarts.last().first != phase)
            phaseStarts.append({phase, timer.nsecsElapsed()});
    });
    QEventLoop loop;
    SyncReport report;
    QObject::connect(&engine, &SyncEngine::finished, [&](const SyncReport& r) {
        report = r;
        loop.quit();
    });

    server.control("POST", QStringLiteral("stats/reset"));
    resetPeakMemory();
    const double cpuBefore = processCpuSeconds();
    const double serverBefore = otherProcessCpuSeconds(pid);
    timer.start();
    QMetaObject::invokeMethod(&engine, &SyncEngine::start, Qt::QueuedConnection);
    loop.exec();
    figures.wall = double(timer.nsecsElapsed()) / 1e9;
    figures.cpu = processCpuSeconds() - cpuBefore;
    figures.serverCpu = otherProcessCpuSeconds(pid) - serverBefore;
    figures.peakMb = peakMegabytes();
    figures.requests = server.totalRequests();
    figures.ok =
        report.succeeded() && report.added == entries &&
        store.entryCount(store.findJournalId(QStringLiteral("bench"), QStringLiteral("bench"))) == entries;
    if (!figures.ok)
        std::fprintf(stderr, "sync_bench: sync failed or incomplete: %s (added %d)\n",
                     qPrintable(report.errorText), report.added);
    for (qsizetype i = 0; i < phaseStarts.size(); ++i) {
        const qint64 end =
            i + 1 < phaseStarts.size() ? phaseStarts.at(i + 1).second : qint64(figures.wall * 1e9);
        if (phaseStarts.at(i).first == SyncEngine::Phase::Finished)
            continue;
        const char* names[] = {"idle", "enumerate", "fetch", "deletions", "finished"};
        figures.phases += QStringLiteral("%1 %2s ")
                              .arg(QLatin1String(names[int(phaseStarts.at(i).first)]))
                              .arg(double(end - phaseStarts.at(i).second) / 1e9, 0, 'f', 2);
    }
    return figures;
}

Figures runFloor(TestServer& server, qint64 pid)
{
    Figures figures;
    server.control("POST", QStringLiteral("stats/reset"));
    BareFlatClient bare(server.baseUrl().host(), server.baseUrl().port(), QStringLiteral("bench"),
                        QStringLiteral("pw"));
    const double cpuBefore = processCpuSeconds();
    const double serverBefore = otherProcessCpuSeconds(pid);
    QElapsedTimer timer;
    timer.start();
    figures.ok = bare.fullSync();
    figures.wall = double(timer.nsecsElapsed()) / 1e9;
    figures.cpu = processCpuSeconds() - cpuBefore;
    figures.serverCpu = otherProcessCpuSeconds(pid) - serverBefore;
    figures.requests = server.totalRequests();
    figures.phases = QStringLiteral("enumerate %1s fetch %2s deletions %3s")
                         .arg(bare.enumerateSeconds(), 0, 'f', 2)
                         .arg(bare.fetchSeconds(), 0, 'f', 2)
                         .arg(bare.deletionsSeconds(), 0, 'f', 2);
    if (!figures.ok)
        std::fprintf(stderr, "sync_bench: floor client failed: %s\n", qPrintable(bare.error()));
    return figures;
}

Figures median(QList<Figures> runs)
{
    std::sort(runs.begin(), runs.end(), [](const Figures& a, const Figures& b) { return a.wall < b.wall; });
    return runs.at(runs.size() / 2);
}

// The longest gap between two ticks of a 5-ms timer on the calling (GUI) thread while `run` goes
// on until `done` says so: how long the thread could not repaint or take input.
struct Stall
{
    double worstMs = 0;
    int ticks = 0;
};

Stall measureStall(const std::function<void(QEventLoop&)>& run)
{
    Stall stall;
    QEventLoop loop;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QElapsedTimer sinceTick;
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        stall.worstMs = std::max(stall.worstMs, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
        ++stall.ticks;
    });
    sinceTick.start();
    ticker.start();
    run(loop);
    loop.exec();
    ticker.stop();
    return stall;
}

bool makeRichServerDatabase(const QString& path, int count)
{
    QProcess seed;
    seed.setWorkingDirectory(QFileInfo(qEnvironmentVariable("INKWELL_TEST_SERVER")).absolutePath());
    seed.setProcessChannelMode(QProcess::MergedChannels);
    seed.start(qEnvironmentVariable("INKWELL_PYTHON"),
               {QStringLiteral("-m"), QStringLiteral("ljsrv.seed"), QStringLiteral("--db"), path,
                QStringLiteral("--user"), QStringLiteral("bench:pw"), QStringLiteral("--rich"),
                QString::number(count)});
    if (!seed.waitForFinished(300000) || seed.exitStatus() != QProcess::NormalExit || seed.exitCode() != 0) {
        std::fprintf(stderr, "sync_bench: seeding failed: %s\n", seed.readAll().constData());
        return false;
    }
    return true;
}

Account benchAccount(TestServer& server)
{
    Account account;
    account.name = QStringLiteral("bench");
    account.serverUrl = server.baseUrl();
    account.username = QStringLiteral("bench");
    account.interface = Interface::Flat;
    return account;
}

// Worst GUI-thread stall of a full sync of the rich journal: engine on the main thread, then through
// SyncRunner. Returns false if a sync failed.
bool runStall(int entries)
{
    QTemporaryDir serverDir;
    const QString serverDb = serverDir.filePath(QStringLiteral("server.sqlite"));
    if (!makeRichServerDatabase(serverDb, entries))
        return false;
    TestServer server;
    if (!server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--db"), serverDb})) {
        std::fprintf(stderr, "sync_bench: %s\n", qPrintable(server.errorString()));
        return false;
    }
    bool ok = true;
    double mainWall = 0, workerWall = 0;

    // 1. The engine on the main thread.
    QTemporaryDir mainProfile;
    Stall onMain;
    {
        Database database(mainProfile.filePath(QStringLiteral("journal.sqlite")));
        QString error;
        if (!database.open() || !AccountStore(database).add(benchAccount(server), &error))
            return false;
        JournalStore store(database.connection());
        LjClient client(benchAccount(server));
        client.setPassword(QStringLiteral("pw"));
        client.setPreferSession(true);
        SyncEngine engine(client, store, QStringLiteral("bench"), {});
        SyncReport report;
        QElapsedTimer wall;
        wall.start();
        onMain = measureStall([&](QEventLoop& loop) {
            QObject::connect(&engine, &SyncEngine::finished, &loop, [&](const SyncReport& r) {
                report = r;
                loop.quit();
            });
            engine.start();
        });
        mainWall = double(wall.elapsed()) / 1000.0;
        ok = ok && report.succeeded() && report.added == entries;
    }

    // 2. Through SyncRunner: the main thread only receives progress and the report.
    QTemporaryDir workerProfile;
    Stall onWorker;
    {
        const QString path = workerProfile.filePath(QStringLiteral("journal.sqlite"));
        {
            Database database(path);
            QString error;
            if (!database.open() || !AccountStore(database).add(benchAccount(server), &error))
                return false;
        }
        SyncRunner runner(path, benchAccount(server), QStringLiteral("pw"));
        SyncReport report;
        int progressSignals = 0;
        QObject::connect(&runner, &SyncRunner::progress, [&] { ++progressSignals; });
        QElapsedTimer wall;
        wall.start();
        onWorker = measureStall([&](QEventLoop& loop) {
            QObject::connect(&runner, &SyncRunner::finished, &loop, [&](const SyncReport& r) {
                report = r;
                loop.quit();
            });
            runner.start();
        });
        workerWall = double(wall.elapsed()) / 1000.0;
        ok = ok && report.succeeded() && report.added == entries;
    }
    std::printf(
        "\nGUI-thread stall, rich journal of %d entries (worst gap between 5-ms ticks; target <= 16 ms):\n",
        entries);
    std::printf("  engine on the main thread:  %7.1f ms  (%d ticks, sync %.2f s)\n", onMain.worstMs,
                onMain.ticks, mainWall);
    std::printf("  SyncRunner (worker thread): %7.1f ms  (%d ticks, sync %.2f s)\n", onWorker.worstMs,
                onWorker.ticks, workerWall);
    if (!ok)
        std::fprintf(stderr, "sync_bench: a stall sync failed or was incomplete\n");
    std::fflush(stdout);
    return ok;
}

int ceilDiv(int n, int d)
{
    return (n + d - 1) / d;
}

// A full sync with `busy` processes spinning on the CPU meanwhile (another program compiling, say),
// against the same sync on an otherwise idle machine: a sync's threads must not starve when the
// machine is busy (at SCHED_IDLE priority the mirror writer did: 6 s instead of 0.1 s).
bool runBusy(int entries, int busy)
{
    TestServer server;
    if (!server.start({QStringLiteral("--flavor"), QStringLiteral("dw"), QStringLiteral("--user"),
                       QStringLiteral("bench:pw"), QStringLiteral("--seed"), QString::number(entries)})) {
        std::fprintf(stderr, "sync_bench: %s\n", qPrintable(server.errorString()));
        return false;
    }
    const qint64 pid = serverPid();
    const Figures idle = runClient(server, pid, entries, Interface::Flat);
    std::vector<std::unique_ptr<QProcess>> spinners;
    for (int i = 0; i < busy; ++i) {
        auto spinner = std::make_unique<QProcess>();
        spinner->start(qEnvironmentVariable("INKWELL_PYTHON"),
                       {QStringLiteral("-c"), QStringLiteral("while True: pass")});
        if (!spinner->waitForStarted())
            return false;
        spinners.push_back(std::move(spinner));
    }
    const Figures loaded = runClient(server, pid, entries, Interface::Flat);
    for (auto& spinner : spinners) {
        spinner->kill();
        spinner->waitForFinished();
    }
    if (!idle.ok || !loaded.ok)
        return false;
    std::printf(
        "\nFull sync of %d entries while %d processes spin on the CPU: %.2f s (idle machine: %.2f s)\n",
        entries, busy, loaded.wall, idle.wall);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("entries"), QStringLiteral("Journal sizes (default 10000,50000)."),
         QStringLiteral("N,..."), QStringLiteral("10000,50000")},
        {QStringLiteral("rounds"),
         QStringLiteral("Client and floor runs per size; the median is shown (default 3)."),
         QStringLiteral("N"), QStringLiteral("3")},
        {QStringLiteral("server-db"), QStringLiteral("memory or file (default memory)."),
         QStringLiteral("KIND"), QStringLiteral("memory")},
        {QStringLiteral("interface"), QStringLiteral("flat or xmlrpc for the client (default flat)."),
         QStringLiteral("NAME"), QStringLiteral("flat")},
        {QStringLiteral("stall-entries"),
         QStringLiteral("Rich journal size for the GUI-thread stall (default 3000; 0: skip)."),
         QStringLiteral("N"), QStringLiteral("3000")},
        {QStringLiteral("busy-entries"),
         QStringLiteral("Journal size for the sync on a busy machine (default 3000; 0: skip)."),
         QStringLiteral("N"), QStringLiteral("3000")},
    });
    parser.addHelpOption();
    parser.process(app);
    if (qEnvironmentVariableIsEmpty("INKWELL_TEST_SERVER"))
        qputenv("INKWELL_TEST_SERVER", INKWELL_TEST_SERVER_SCRIPT);
    if (qEnvironmentVariableIsEmpty("INKWELL_PYTHON"))
        qputenv("INKWELL_PYTHON", INKWELL_PYTHON_PATH);
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const Interface interface =
        interfaceFromString(parser.value(QStringLiteral("interface"))).value_or(Interface::Flat);

    std::printf("%8s  %-14s %8s %8s %8s %8s %9s %9s %7s\n", "entries", "requests/fmla", "wall s", "cpu s",
                "peak MB", "floor s", "ratio", "srv cpu", "");
    for (const QString& size : parser.value(QStringLiteral("entries")).split(QLatin1Char(','))) {
        const int entries = size.toInt();
        QTemporaryDir serverDir;
        QStringList args{QStringLiteral("--flavor"), QStringLiteral("dw"),     QStringLiteral("--user"),
                         QStringLiteral("bench:pw"), QStringLiteral("--seed"), QString::number(entries)};
        if (parser.value(QStringLiteral("server-db")) == QLatin1String("file"))
            args << QStringLiteral("--db") << serverDir.filePath(QStringLiteral("server.sqlite"));
        TestServer server;
        if (!server.start(args)) {
            std::fprintf(stderr, "sync_bench: %s\n", qPrintable(server.errorString()));
            return 1;
        }
        const qint64 pid = serverPid();
        runFloor(server, pid); // warm-up: the server's caches and the page cache
        QList<Figures> clients, floors;
        for (int round = 0; round < rounds; ++round) {
            clients.append(runClient(server, pid, entries, interface));
            floors.append(runFloor(server, pid));
            if (!clients.last().ok || !floors.last().ok)
                return 1;
        }
        const Figures client = median(clients);
        const Figures floor = median(floors);
        const int formula = ceilDiv(entries, 500) + ceilDiv(entries, 100) + 4;
        std::printf("%8d  %4d/%-4d%s %8.2f %8.2f %8.1f %8.2f %8.2fx %9.2f\n", entries, client.requests,
                    formula, client.requests <= formula ? " ok  " : " OVER", client.wall, client.cpu,
                    client.peakMb, floor.wall, client.wall / floor.wall, client.serverCpu);
        std::printf("          client phases: %s\n", qPrintable(client.phases));
        std::printf("          floor phases:  %s\n", qPrintable(floor.phases));
        std::printf(
            "          floor: %d requests, server cpu %.2f s, bare client cpu %.2f s; server cpu during "
            "the client's sync %.2f s\n",
            floor.requests, floor.serverCpu, floor.cpu, client.serverCpu);
        std::fflush(stdout);
    }
    const int stallEntries = parser.value(QStringLiteral("stall-entries")).toInt();
    if (stallEntries > 0 && !runStall(stallEntries))
        return 1;
    const int busyEntries = parser.value(QStringLiteral("busy-entries")).toInt();
    if (busyEntries > 0 && !runBusy(busyEntries, QThread::idealThreadCount()))
        return 1;
    return 0;
}
