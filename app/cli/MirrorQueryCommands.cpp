#include "MirrorQueryCommands.h"

#include "CliArguments.h"
#include "store/JournalSearch.h"
#include "store/JournalStore.h"

namespace Inkwell::Cli {

QString displayedSnippet(const QString& snippet)
{
    QString text = snippet;
    text.replace(QChar(0x2), u'[').replace(QChar(0x3), u']');
    return oneLine(text);
}

void MirrorQueryCommands::start()
{
    if (m_context.arguments.command() == QLatin1String("search"))
        search();
    else
        dayCounts();
}

std::optional<int> MirrorQueryCommands::year()
{
    if (!m_context.arguments.isSet(QStringLiteral("year")))
        return 0;
    bool ok = false;
    const QString text = m_context.arguments.value(QStringLiteral("year"));
    const int value = text.toInt(&ok);
    if (!ok || value < 1 || value > 9998) {
        fail(ExitUsage, tr("--year needs a year such as 2024, not '%1'.").arg(text));
        return std::nullopt;
    }
    return value;
}

void MirrorQueryCommands::search()
{
    const CliArguments& arguments = m_context.arguments;
    SearchFilter filter;
    const std::optional<int> y = year();
    if (!y)
        return;
    filter.year = *y;
    filter.tag = arguments.value(QStringLiteral("tag"));
    if (arguments.isSet(QStringLiteral("security"))) {
        const QString security = arguments.value(QStringLiteral("security"));
        static const QStringList known{QStringLiteral("public"), QStringLiteral("private"),
                                       QStringLiteral("usemask")};
        if (!known.contains(security)) {
            fail(ExitUsage, tr("--security is public, private or usemask, not '%1'.").arg(security));
            return;
        }
        filter.security = securityFromString(security);
    }
    int limit = 100;
    if (arguments.isSet(QStringLiteral("limit"))) {
        bool ok = false;
        limit = arguments.value(QStringLiteral("limit")).toInt(&ok);
        if (!ok || limit < 1) {
            fail(ExitUsage, tr("--limit needs a number of at least 1, not '%1'.")
                                .arg(arguments.value(QStringLiteral("limit"))));
            return;
        }
    }
    // The words of the query may come as one argument or as several.
    const QString query = arguments.positional().mid(1).join(u' ');
    if (arguments.positional().size() < 2 && filter.isEmpty()) {
        fail(ExitUsage, tr("search needs words to look for, or a filter (--tag, --year, --security)."));
        return;
    }
    if (!openMirror())
        return;
    const JournalSearch journalSearch(m_store->connection());
    const QList<SearchHit> hits = journalSearch.search(m_journalId, query, filter, limit);
    if (!journalSearch.lastError().isEmpty()) {
        fail(ExitFailure, tr("The search failed: %1").arg(journalSearch.lastError()));
        return;
    }
    if (hits.isEmpty()) // a note for the reader; standard output stays empty for a script
        printError(arguments.positional().size() < 2 ? tr("No entries pass the filters.")
                                                     : tr("No entries match \"%1\".").arg(query));
    QString out;
    for (const SearchHit& hit : hits) {
        const QString subject = oneLine(hit.subject);
        out += QStringLiteral("%1  %2  %3  %4\n")
                   .arg(hit.itemid)
                   .arg(hit.eventtime, subject.isEmpty() ? QStringLiteral("(no subject)") : subject,
                        displayedSnippet(hit.snippet));
    }
    printOut(out);
    finish(ExitOk);
}

void MirrorQueryCommands::dayCounts()
{
    const std::optional<int> y = year();
    if (!y || !openMirror())
        return;
    const QMap<QDate, int> counts = *y > 0
                                        ? m_store->dayCounts(m_journalId, QDate(*y, 1, 1), QDate(*y, 12, 31))
                                        : m_store->dayCounts(m_journalId);
    QString out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out += it.key().toString(Qt::ISODate) + u' ' + QString::number(it.value()) + u'\n';
    printOut(out);
    finish(ExitOk);
}

} // namespace Inkwell::Cli
