// codec_bench: parse throughput of both codecs on a 100-entry getevents reply (the recorded
// fixtures 005-getevents-multiple-100), plus the XML-RPC reply through QXmlStreamReader alone and
// the encoders on a 100 kB postevent. Prints figures; it is not a test. See README.md.
//
//   codec_bench [--seconds S] [--rounds N] [--only TEXT] [FIXTURES_DIR]
//
// --only runs just the lines whose name contains TEXT (to profile one of them).

#include "Transcript.h"
#include "protocol/FlatCodec.h"
#include "protocol/JournalMessages.h"
#include "protocol/XmlRpcCodec.h"
#include "protocol/XmlRpcReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Inkwell;

namespace {

struct Figure
{
    double mbPerSecond;
    double microsecondsPerRun;
};

// Runs `work` for `seconds` per round, `rounds` times; reports the median round.
Figure measure(qsizetype bytes, double seconds, int rounds, const std::function<bool()>& work)
{
    for (int i = 0; i < 20; ++i) // warm-up: caches, allocator
        work();
    QList<Figure> figures;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        qint64 runs = 0;
        while (timer.nsecsElapsed() < qint64(seconds * 1e9)) {
            if (!work()) {
                std::fprintf(stderr, "codec_bench: the work failed\n");
                std::exit(1);
            }
            ++runs;
        }
        const double elapsed = timer.nsecsElapsed() / 1e9;
        figures.append({double(bytes) * double(runs) / 1e6 / elapsed, elapsed * 1e6 / double(runs)});
    }
    std::sort(figures.begin(), figures.end(),
              [](const Figure& a, const Figure& b) { return a.mbPerSecond < b.mbPerSecond; });
    return figures.at(figures.size() / 2);
}

void print(const char* name, qsizetype bytes, const Figure& figure)
{
    std::printf("%-40s %8lld bytes  %8.1f MB/s  %9.1f us/run\n", name, static_cast<long long>(bytes),
                figure.mbPerSecond, figure.microsecondsPerRun);
}

struct Options
{
    double seconds = 1.0;
    int rounds = 5;
    QString only; // --only
};

// Measures and prints one line, unless --only leaves it out.
void run(const Options& options, const char* name, qsizetype bytes, const std::function<bool()>& work)
{
    if (QString::fromUtf8(name).contains(options.only))
        print(name, bytes, measure(bytes, options.seconds, options.rounds, work));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    Options options;
    QString fixtures = qEnvironmentVariable("INKWELL_FIXTURES", QStringLiteral(INKWELL_FIXTURES_DIR));
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        if (arg == u"--seconds" && !args.isEmpty())
            options.seconds = args.takeFirst().toDouble();
        else if (arg == u"--rounds" && !args.isEmpty())
            options.rounds = std::max(1, args.takeFirst().toInt());
        else if (arg == u"--only" && !args.isEmpty())
            options.only = args.takeFirst();
        else if (!arg.startsWith(u'-'))
            fixtures = arg;
        else {
            std::fprintf(stderr,
                         "usage: codec_bench [--seconds S] [--rounds N] [--only TEXT] [FIXTURES_DIR]\n");
            return 2;
        }
    }

    const QString name = QStringLiteral("005-getevents-multiple-100.txt");
    const Transcript flat = Transcript::load(fixtures + QStringLiteral("/flat/") + name);
    const Transcript xmlrpc = Transcript::load(fixtures + QStringLiteral("/xmlrpc/") + name);
    if (!flat.error.isEmpty() || !xmlrpc.error.isEmpty()) {
        std::fprintf(stderr, "codec_bench: cannot read the fixtures in %s: %s\n", qPrintable(fixtures),
                     qPrintable(flat.error + xmlrpc.error));
        return 1;
    }
#ifdef QT_DEBUG
    std::printf("warning: a debug build; measure in a RelWithDebInfo build without sanitizers\n");
#endif
    std::printf("codec_bench: median of %d rounds of %.1f s, fixtures %s\n\n", options.rounds,
                options.seconds, qPrintable(fixtures));

    const FlatCodec flatCodec;
    const XmlRpcCodec xmlRpcCodec;
    const auto events = [](const ProtocolResult<ProtocolValue>& result) {
        return result && result.value().member(u"events").size() == 100;
    };
    run(options, "flat decode (getevents, 100 entries)", flat.responseBody.size(),
        [&] { return events(flatCodec.decodeResponse(flat.responseBody, flat.mode)); });
    run(options, "xml-rpc decode (getevents, 100 entries)", xmlrpc.responseBody.size(),
        [&] { return events(xmlRpcCodec.decodeResponse(xmlrpc.responseBody, xmlrpc.mode)); });
    // What a sync pays per getevents page: the decode and the tree -> JournalEntry step.
    const auto entries = [](const ProtocolResult<ProtocolValue>& result) {
        if (!result)
            return false;
        const auto list = entriesFromReply(result.value());
        return list && list.value().size() == 100;
    };
    run(options, "flat reply -> entries", flat.responseBody.size(),
        [&] { return entries(flatCodec.decodeResponse(flat.responseBody, flat.mode)); });
    run(options, "xml-rpc reply -> entries", xmlrpc.responseBody.size(),
        [&] { return entries(xmlRpcCodec.decodeResponse(xmlrpc.responseBody, xmlrpc.mode)); });
    const auto tree = flatCodec.decodeResponse(flat.responseBody, flat.mode);
    run(options, "  of which entriesFromReply alone", flat.responseBody.size(), [&] {
        const auto list = entriesFromReply(tree.value());
        return list && list.value().size() == 100;
    });
    run(options, "  of which QXmlStreamReader alone", xmlrpc.responseBody.size(), [&] {
        const auto parse = XmlRpcReader::readWithStreamReader(xmlrpc.responseBody, DecodeLimits());
        return parse.outcome == XmlRpcReader::Outcome::Value;
    });

    QString body;
    while (body.size() < 100 * 1024)
        body += QStringLiteral("<p>Fish &amp; chips — “quotes” 😀 日本語 Кириллица</p>\r\n");
    const ProtocolValue post(ProtocolValue::Map{
        {QStringLiteral("username"), QStringLiteral("alice")},
        {QStringLiteral("event"), body},
        {QStringLiteral("subject"), QStringLiteral("Benchmark")},
        {QStringLiteral("props"),
         ProtocolValue(ProtocolValue::Map{{QStringLiteral("current_mood"), QStringLiteral("busy")}})},
    });
    const qsizetype postBytes = body.toUtf8().size();
    run(options, "flat encode (postevent, 100 kB body)", postBytes,
        [&] { return bool(flatCodec.encodeRequest(QStringLiteral("postevent"), post)); });
    run(options, "xml-rpc encode (postevent, 100 kB body)", postBytes,
        [&] { return bool(xmlRpcCodec.encodeRequest(QStringLiteral("postevent"), post)); });
    return 0;
}
