#include "CliArguments.h"

#include <QCommandLineParser>

#include <algorithm>
#include <span>

namespace Inkwell::Cli {

namespace {

struct OptionSpec
{
    const char* name;
    const char* shortName; // "" for none
    const char* valueName; // "" for a flag
    const char* description;
};

// Options every command accepts.
constexpr const char* globalOptions[] = {"profile", "help", "version"};

constexpr OptionSpec optionTable[] = {
    {"profile", "", "DIR",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Keep local data in DIR instead of the platform's application-data folder.")},
    {"help", "h", "",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Show the help (of the command, when one is named) and exit.")},
    {"version", "v", "", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Show the version and exit.")},
    {"server", "", "URL",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "The site's root address, e.g. https://www.dreamwidth.org.")},
    {"user", "", "USER", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Your user name on that site.")},
    {"interface", "", "flat|xmlrpc|blogger",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "The protocol's wire format (default flat), or the Blogger API (a WordPress blog: --server "
         "https://HOST/xmlrpc.php; clear authentication).")},
    {"auth", "", "challenge|cookie|hpassword|clear",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "How requests authenticate (default challenge: the secret never travels).")},
    {"rename", "", "NEWNAME",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Give the account a new name.")},
    {"proxy", "", "URL",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "Reach the server through this proxy: http://[user:password@]host:port or socks5://host:port "
         "(\"\" for the system's proxy settings, the default).")},
    {"password-stdin", "", "",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "Read the password (on Dreamwidth: an API key) from the first line of standard input.")},
    {"compact", "", "",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Print the reply as one line of JSON instead of indented.")},
    {"journal", "", "J",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "A community (or other journal) the account may read, instead of the account's own journal.")},
    {"format", "", "jsonl|ljxml|html",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "What to write: JSON lines, ljdump's XML files, or a small web site.")},
    {"output", "", "PATH",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Write to this file (jsonl; default standard output) or folder (ljxml, html).")},
    {"tag", "", "T", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Only entries with this tag.")},
    {"year", "", "Y", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Only entries dated in this year.")},
    {"security", "", "S",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "search: only entries with this security (public, private, usemask). post, edit: who may read it "
         "(public, private, friends, or groups:G1,G2 for custom friend groups).")},
    {"subject", "", "S", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "The entry's subject.")},
    {"body-file", "", "FILE|-",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Read the entry's text (HTML welcome) from FILE, or from standard input with -.")},
    {"prop", "", "K=V",
     QT_TRANSLATE_NOOP(
         "Inkwell::Cli::CliArguments",
         "An entry prop, e.g. current_mood=happy or taglist='a, b'; may be given more than once. K= with "
         "nothing after the = removes the prop.")},
    {"backdate", "", "",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "Date the entry in the past and keep it off friends pages (opt_backdated).")},
    {"date", "", "YYYY-MM-DD HH:MM",
     QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                       "The entry's date and time, in local time (post: default now; edit: unchanged).")},
    {"limit", "", "N", QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "At most N results (default 100).")},
};

struct CommandSpec
{
    const char* name;
    const char* arguments;       // positional arguments and required options, for the synopsis
    QStringList options;         // the options that apply besides the global ones
    QStringList requiredOptions; // subset of options
    QStringList argumentNames;   // positional arguments, in order (for "needs X" messages)
    bool moreArguments = false;  // any number of further arguments
    const char* summary;
    const char* details = "";
};

const QList<CommandSpec>& commandTable()
{
    static const QList<CommandSpec> table{
        {"info",
         "",
         {},
         {},
         {},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Show the profile folder, its journal database and the database's schema version.")},
        {"account list",
         "",
         {},
         {},
         {},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "List the profile's accounts: name, server, user, interface, authentication, flavour.")},
        {"account add",
         "NAME --server URL --user USER",
         {QStringLiteral("server"), QStringLiteral("user"), QStringLiteral("interface"),
          QStringLiteral("auth"), QStringLiteral("proxy"), QStringLiteral("password-stdin")},
         {QStringLiteral("server"), QStringLiteral("user")},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Add an account named NAME (the flat interface and challenge authentication by default)."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "With --password-stdin the password (on Dreamwidth: an API key) is stored in the operating\n"
             "system's keychain, and only there: if no keychain is available, the command says so and\n"
             "adds nothing. Without it, commands that talk to the server take --password-stdin.")},
        {"account edit",
         "NAME",
         {QStringLiteral("rename"), QStringLiteral("server"), QStringLiteral("user"),
          QStringLiteral("interface"), QStringLiteral("auth"), QStringLiteral("proxy"),
          QStringLiteral("password-stdin")},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Change an account: only what the options name changes."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "--password-stdin replaces the password kept in the keychain. A stored password follows the\n"
             "account to a new server address or user name. A new server address forgets the flavour\n"
             "learnt at login.")},
        {"account remove",
         "NAME",
         {},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Remove an account and its password from the keychain."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "The password stays when another account uses the same login on the same server.")},
        {"login",
         "NAME",
         {QStringLiteral("password-stdin")},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Log in and show what the server said about the account."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Prints the full name, the server's message if it has one, the journals you may post to,\n"
             "the number of moods and userpics, and the flavour of the server (Dreamwidth or\n"
             "LiveJournal), which is saved with the account.")},
        {"call",
         "NAME MODE [KEY=VALUE | KEY:=JSON ...]",
         {QStringLiteral("password-stdin"), QStringLiteral("compact")},
         {},
         {QStringLiteral("NAME"), QStringLiteral("MODE")},
         true,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Run one protocol mode and print the server's decoded reply as JSON."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "The request holds the given fields; the user name, protocol version and authentication\n"
             "are added. Fields:\n"
             "  key=value         a string (may be empty: key=)\n"
             "  key:=JSON         a JSON value: 42, true, null, \"text\", [1, 2], {\"a\": 1}\n"
             "  a.b=value         a member of a nested struct (structs are made as needed; works\n"
             "                    with := too), e.g. props.current_mood=happy\n"
             "A field may be given once. Arrays are written as JSON: deletetrustgroups:=[3,4].\n"
             "Keys cannot contain '.'; a whole struct given as JSON can hold any key.\n"
             "Examples:\n"
             "  inkwell-cli call dw getchallenge\n"
             "  inkwell-cli call dw getevents selecttype=one itemid:=42\n"
             "  inkwell-cli call dw postevent event='Hello ✓' subject=Hi year:=2025 mon:=2 day:=3 \\\n"
             "      hour:=4 min:=5 props.current_mood=happy props.opt_backdated:=1\n"
             "Errors go to standard error as one line: the protocol error and the server's own text.")},
        {"sync",
         "NAME",
         {QStringLiteral("journal"), QStringLiteral("password-stdin")},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Bring the local mirror of a journal up to date with the server."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Mirrors the account's own journal, or with --journal a community it may read. The first\n"
             "run fetches everything; later runs fetch only what changed (new, edited and deleted\n"
             "entries). Progress goes to standard error; at the end one line goes to standard output:\n"
             "  added A updated U deleted D requests R seconds S\n"
             "With challenge authentication (the default) one short session (getchallenge, then\n"
             "sessiongenerate) serves the whole run; it is ended on the server (sessionexpire) before the\n"
             "command leaves, on every path, and never kept.\n"
             "The outbox (posts, edits and deletions waiting to be sent) goes out first.\n"
             "A failed or interrupted sync (Ctrl-C) keeps everything fetched so far; run it again to\n"
             "continue where it stopped. Exit 1 when it did not complete.")},
        {"export",
         "NAME --format jsonl|ljxml|html",
         {QStringLiteral("format"), QStringLiteral("journal"), QStringLiteral("output")},
         {QStringLiteral("format")},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Write the local mirror of a journal out, without going online."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Formats:\n"
             "  jsonl   one JSON object a line, by itemid, with the keys itemid, eventtime, logtime,\n"
             "          subject, event, security, allowmask, poster and props (prop name -> value);\n"
             "          logtime is empty where the server does not give it (LiveJournal), poster is the\n"
             "          journal's own name for the owner's entries. To standard output, or --output FILE.\n"
             "  ljxml   --output DIR: one file L-<itemid> per entry, as the ljdump archiver writes them\n"
             "          (an <event> element with one element per field of getevents, props inside\n"
             "          <props>).\n"
             "  html    --output DIR: index.html (every entry, newest first, with date and subject) and\n"
             "          one page <itemid>.html per entry with its HTML, tags, mood, music, location and a\n"
             "          link to the original; <script> elements are removed and the pages forbid scripts.\n"
             "Files are replaced atomically. In a folder, files of entries no longer in the mirror\n"
             "(L-<itemid>, <itemid>.html) are removed.")},
        {"search",
         "NAME [QUERY...]",
         {QStringLiteral("journal"), QStringLiteral("tag"), QStringLiteral("year"),
          QStringLiteral("security"), QStringLiteral("limit")},
         {},
         {QStringLiteral("NAME")},
         true,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Search the local mirror of a journal (subjects, bodies and tags), without going online."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "QUERY holds words, all of which must occur (the last one may be the start of a word), and\n"
             "\"quoted phrases\" (quote them for the shell too: '\"rainy day\"'). Case and accents do not\n"
             "matter: cafe finds Café. Nothing in QUERY is an operator. A QUERY that starts with '-' goes\n"
             "after '--': inkwell-cli search NAME -- -word. Best matches first, one a line:\n"
             "  itemid  eventtime  subject  snippet\n"
             "with the matching words of the snippet in [brackets]; when nothing matches, standard output\n"
             "stays empty and a note says so on standard error. The filters narrow the hits down;\n"
             "--tag takes a whole tag (as shown by the entry), --year the year of the entry's date.\n"
             "Without QUERY, a filter lists every entry it lets through, newest first:\n"
             "inkwell-cli search NAME --tag travel.")},
        {"post",
         "NAME --body-file FILE|-",
         {QStringLiteral("journal"), QStringLiteral("subject"), QStringLiteral("body-file"),
          QStringLiteral("security"), QStringLiteral("prop"), QStringLiteral("date"),
          QStringLiteral("backdate"), QStringLiteral("password-stdin")},
         {QStringLiteral("body-file")},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Post an entry, now or as soon as the server can be reached."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "The entry goes into the same outbox as the GUI's, behind whatever already waits there,\n"
             "and the outbox is sent at once. Prints one line:\n"
             "  posted ITEMID URL       the server took it\n"
             "  queued ID: REASON       it waits in the outbox (no network, server trouble, no password);\n"
             "                          'inkwell-cli sync NAME' or the GUI sends it later, exactly once\n"
             "Both exit 0. A refusal by the server (a bad prop, no access to the community) exits 1 with\n"
             "the server's message; the entry stays in the outbox as refused, for 'outbox' to show.\n"
             "--body-file - reads the text from standard input, so it cannot be combined with\n"
             "--password-stdin (store the password first: account edit NAME --password-stdin).\n"
             "Example:\n"
             "  inkwell-cli post dw --subject 'Hello ✓' --body-file note.html --security friends \\\n"
             "      --prop current_mood=happy --prop taglist='garden, tea'")},
        {"edit",
         "NAME ITEMID",
         {QStringLiteral("journal"), QStringLiteral("subject"), QStringLiteral("body-file"),
          QStringLiteral("security"), QStringLiteral("prop"), QStringLiteral("date"),
          QStringLiteral("backdate"), QStringLiteral("password-stdin")},
         {},
         {QStringLiteral("NAME"), QStringLiteral("ITEMID")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "Edit an entry of the local mirror, now or as soon as the server can be reached."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Starts from the entry as the local mirror has it (run 'sync' first if it is not there) and\n"
             "changes only what the options name; --prop K= removes the prop K. The edit goes into the\n"
             "outbox, like the GUI's, and the outbox is sent at once. Prints one line:\n"
             "  edited ITEMID           the server took it\n"
             "  queued ID: REASON       it waits in the outbox (no network, server trouble, no password);\n"
             "                          'inkwell-cli sync NAME' or the GUI sends it later, exactly once\n"
             "Both exit 0. The edit is sent only if the server still has the version the mirror had: if\n"
             "the entry was changed elsewhere since (on the web, by another client), it stays in the\n"
             "outbox as a conflict and the command exits 1; 'outbox' shows it. A refusal by the server\n"
             "exits 1 too. Editing an entry whose earlier edit still waits in the outbox changes that\n"
             "edit. --body-file - cannot be combined with --password-stdin.\n"
             "Example:\n"
             "  inkwell-cli edit dw 42 --subject 'Better title' --prop current_mood= --security private")},
        {"delete",
         "NAME ITEMID",
         {QStringLiteral("journal"), QStringLiteral("password-stdin")},
         {},
         {QStringLiteral("NAME"), QStringLiteral("ITEMID")},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Delete an entry of the local mirror, now or as soon as the server can be reached."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "The deletion goes into the outbox, like the GUI's, and the outbox is sent at once; the\n"
             "entry must be in the local mirror (run 'sync' first). Prints one line:\n"
             "  deleted ITEMID          the server deleted it (or it was gone already)\n"
             "  queued ID: REASON       it waits in the outbox; 'inkwell-cli sync NAME' sends it later\n"
             "Both exit 0; a refusal by the server exits 1.")},
        {"outbox",
         "NAME",
         {},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments",
                           "List what waits to be sent for an account, and why."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "One line per item, oldest first: ID, state (waiting, sending, unknown, conflict, failed),\n"
             "what it is (post, edit, delete), the journal, the subject and the reason it waits.\n"
             "'unknown' means the connection was lost after sending: the next send asks the server\n"
             "whether it arrived before sending it again. Works offline.")},
        {"daycounts",
         "NAME",
         {QStringLiteral("journal"), QStringLiteral("year")},
         {},
         {QStringLiteral("NAME")},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Show how many entries the local mirror holds per day, as YYYY-MM-DD COUNT lines."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Days are those of the entries' own dates (eventtime), as the server's getdaycounts counts\n"
             "them; days without entries are left out. Works offline.")},
        {"repair",
         "",
         {},
         {},
         {},
         false,
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "Start afresh from a damaged journal database, keeping accounts, drafts and the outbox."),
         QT_TRANSLATE_NOOP(
             "Inkwell::Cli::CliArguments",
             "When SQLite finds the profile's journal database damaged, every other command stops and\n"
             "says so. repair moves the damaged file aside (it is kept, never deleted: the new name is\n"
             "printed) and makes a new database holding every account, draft, outbox item and queued\n"
             "friends change that can still be read from it. The mirrors are not carried over: run\n"
             "'inkwell-cli sync NAME' to fetch each journal from the server again (the outbox goes out\n"
             "first). A sound database is left alone. Nothing else may use the profile meanwhile.")},
        {"help",
         "[COMMAND]",
         {},
         {},
         {},
         true,
         QT_TRANSLATE_NOOP("Inkwell::Cli::CliArguments", "Show the help of one command, or of all.")},
    };
    return table;
}

const CommandSpec* findCommand(const QString& name)
{
    for (const CommandSpec& spec : commandTable()) {
        if (name == QLatin1String(spec.name))
            return &spec;
    }
    return nullptr;
}

const OptionSpec* findOption(const QString& name)
{
    for (const OptionSpec& option : optionTable) {
        if (name == QLatin1String(option.name) ||
            (*option.shortName && name == QLatin1String(option.shortName)))
            return &option;
    }
    return nullptr;
}

QString optionSynopsis(const OptionSpec& option)
{
    QString text = QStringLiteral("--") + QLatin1String(option.name);
    if (*option.valueName)
        text += u' ' + QLatin1String(option.valueName);
    return text;
}

QString synopsis(const CommandSpec& spec)
{
    QString text = QLatin1String(spec.name);
    if (*spec.arguments)
        text += u' ' + QLatin1String(spec.arguments);
    for (const QString& name : spec.options) {
        if (!spec.requiredOptions.contains(name))
            text += QStringLiteral(" [") + optionSynopsis(*findOption(name)) + u']';
    }
    return text;
}

// Breaks `text` into lines of at most `width` columns at spaces; continuation lines are indented.
QString wrapped(const QString& text, int indent, int continuationIndent, int width = 100)
{
    QString result(indent, u' ');
    int column = indent;
    // Words, with a bracketed group ("[--auth challenge|cookie]") kept whole.
    QStringList words;
    int depth = 0;
    for (const QString& word : text.split(u' ')) {
        if (depth > 0)
            words.last() += u' ' + word;
        else
            words.append(word);
        depth += int(word.count(u'[')) - int(word.count(u']'));
    }
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (i > 0 && column + 1 + words[i].size() > width) {
            result += u'\n' + QString(continuationIndent, u' ');
            column = continuationIndent;
        } else if (i > 0) {
            result += u' ';
            ++column;
        }
        result += words[i];
        column += int(words[i].size());
    }
    return result + u'\n';
}

// The tables' texts in the user's language (they are marked with QT_TRANSLATE_NOOP).
QString translated(const char* text)
{
    return QCoreApplication::translate("Inkwell::Cli::CliArguments", text);
}

QString optionHelp(const OptionSpec& option)
{
    QString names = *option.shortName ? QStringLiteral("-%1, ").arg(QLatin1String(option.shortName))
                                      : QStringLiteral("    ");
    names += optionSynopsis(option);
    constexpr int column = 32;
    const QString description = translated(option.description);
    if (names.size() + 4 > column)
        return wrapped(names, 2, 6) + wrapped(description, column, column);
    return wrapped(names.leftJustified(column - 2) + description, 2, column);
}

} // namespace

QString CliArguments::commandList()
{
    //: %1 is the list of commands, which are typed as they are.
    return tr("Commands: %1.")
        .arg(QStringLiteral(
            "info, account list|add|edit|remove, login, call, sync, export, search, daycounts, "
            "post, edit, delete, outbox, repair, help"));
}

QString CliArguments::helpText(const QString& command)
{
    if (command == QLatin1String("account")) {
        QStringList parts;
        for (const CommandSpec& spec : commandTable()) {
            if (QLatin1String(spec.name).startsWith(QLatin1String("account ")))
                parts.append(helpText(QLatin1String(spec.name)));
        }
        return parts.join(QStringLiteral("\n"));
    }
    const QString exitCodes =
        tr("Exit codes: 0 ok, 1 server, network, keychain or profile error, 2 usage error.") + u'\n';
    //: %1 is the command line as it is typed, e.g. "inkwell-cli [--profile DIR] login NAME".
    const QString usage = tr("Usage: %1");
    if (const CommandSpec* spec = command.isEmpty() ? nullptr : findCommand(command)) {
        // Continuation lines of a long synopsis line up under the command line.
        const int indent = int(std::max<qsizetype>(usage.indexOf(QLatin1String("%1")), 0));
        QString text =
            wrapped(usage.arg(QStringLiteral("inkwell-cli [--profile DIR] ") + synopsis(*spec)), 0, indent) +
            u'\n' + translated(spec->summary) + u'\n';
        if (*spec->details)
            text += u'\n' + translated(spec->details) + u'\n';
        text += u'\n' + tr("Options:") + u'\n';
        for (const QString& name : spec->options)
            text += optionHelp(*findOption(name));
        for (const char* name : globalOptions)
            text += optionHelp(*findOption(QLatin1String(name)));
        return text + u'\n' + exitCodes;
    }
    QString text = usage.arg(QStringLiteral("inkwell-cli [--profile DIR] COMMAND [ARGUMENTS] [OPTIONS]")) +
                   QStringLiteral("\n\n") +
                   tr("Inkwell's headless client: the same accounts, journal database and protocol client "
                      "as the\nGUI, without widgets.") +
                   QStringLiteral("\n\n") + tr("Commands:") + u'\n';
    for (const CommandSpec& spec : commandTable())
        text += wrapped(synopsis(spec), 2, 8) + wrapped(translated(spec.summary), 6, 6);
    text += u'\n' + tr("Options:") + u'\n';
    for (const OptionSpec& option : optionTable)
        text += optionHelp(option);
    return text + u'\n' +
           tr("NAME is the account's name in this profile. Passwords: commands that talk to the\n"
              "server read it from the keychain, or from standard input with --password-stdin.\n"
              "'inkwell-cli help COMMAND' (or COMMAND --help) tells more about one command.") +
           QStringLiteral("\n\n") + exitCodes;
}

CliArguments CliArguments::usageError(const QString& message)
{
    CliArguments result;
    result.m_action = Action::UsageError;
    result.m_error = message;
    return result;
}

CliArguments CliArguments::parse(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const OptionSpec& option : optionTable) {
        QStringList names{QLatin1String(option.name)};
        if (*option.shortName)
            names.prepend(QLatin1String(option.shortName));
        parser.addOption(
            QCommandLineOption(names, QLatin1String(option.description), QLatin1String(option.valueName)));
    }
    if (!parser.parse(arguments)) {
        // "-word" is read as the short options -w -o -r -d; say what was typed instead, and how to
        // pass such a word as an argument (a search for "-word").
        const QStringList unknown = parser.unknownOptionNames();
        for (const QString& argument : arguments.mid(1)) {
            if (argument == QLatin1String("--"))
                break;
            if (argument.size() > 2 && argument.startsWith(u'-') &&
                !argument.startsWith(QLatin1String("--")) &&
                std::any_of(argument.cbegin() + 1, argument.cend(),
                            [&](QChar c) { return unknown.contains(QString(c)); }))
                return usageError(tr("Unknown option '%1': an argument that starts with '-' goes after '--' "
                                     "(see inkwell-cli --help)")
                                      .arg(argument));
        }
        //: %1 is Qt's own message about the command line, e.g. "Unknown option 'x'.".
        return usageError(tr("%1 (see inkwell-cli --help)").arg(parser.errorText()));
    }

    CliArguments result;
    for (const QString& given : parser.optionNames()) {
        const OptionSpec* option = findOption(given);
        result.m_options.insert(QLatin1String(option->name),
                                *option->valueName ? parser.value(QLatin1String(option->name)) : QString());
        if (*option->valueName)
            result.m_multi.insert(QLatin1String(option->name), parser.values(QLatin1String(option->name)));
    }

    QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        if (result.isSet(QStringLiteral("version")))
            result.m_action = Action::ShowVersion;
        else if (result.isSet(QStringLiteral("help")))
            result.m_action = Action::ShowHelp;
        else
            //: %1 is the sentence that lists the commands ("Commands: info, ...").
            return usageError(tr("no command given. %1").arg(commandList()));
        return result;
    }
    QString name = words.takeFirst();
    if (name == QLatin1String("account")) {
        if (words.isEmpty() && result.isSet(QStringLiteral("help"))) {
            result.m_action = Action::ShowHelp;
            result.m_command = name;
            return result;
        }
        if (words.isEmpty())
            //: The words in quotes and after "one of" are command names, typed as they are.
            return usageError(tr("'account' needs one of list, add, edit, remove."));
        name += u' ' + words.takeFirst();
    }
    const CommandSpec* spec = findCommand(name);
    if (!spec)
        //: %2 is the sentence that lists the commands ("Commands: info, ...").
        return usageError(tr("unknown command '%1'. %2").arg(name, commandList()));

    if (name == QLatin1String("help")) {
        const QString topic = words.join(u' ');
        if (!topic.isEmpty() && topic != QLatin1String("account") && !findCommand(topic))
            return usageError(tr("unknown command '%1'. %2").arg(topic, commandList()));
        result.m_action = Action::ShowHelp;
        result.m_command = topic;
        return result;
    }
    result.m_command = name;
    if (result.isSet(QStringLiteral("version"))) {
        result.m_action = Action::ShowVersion;
        return result;
    }
    if (result.isSet(QStringLiteral("help"))) {
        result.m_action = Action::ShowHelp;
        return result;
    }

    // How the command is written, for the messages below.
    const QString usage = QStringLiteral("inkwell-cli ") + synopsis(*spec);
    for (auto it = result.m_options.cbegin(); it != result.m_options.cend(); ++it) {
        if (!spec->options.contains(it.key()) &&
            std::find_if(std::begin(globalOptions), std::end(globalOptions), [&](const char* global) {
                return it.key() == QLatin1String(global);
            }) == std::end(globalOptions)) {
            //: %1 is a command, %2 an option's name, %3 how the command is written.
            return usageError(tr("'%1' has no option --%2 (usage: %3)").arg(name, it.key(), usage));
        }
    }
    for (const QString& required : spec->requiredOptions) {
        if (!result.isSet(required))
            //: %1 is a command, %2 what it lacks: an argument ("NAME") or an option with its value
            //: ("--server URL"), %3 how the command is written.
            return usageError(
                tr("'%1' needs %2 (usage: %3)").arg(name, optionSynopsis(*findOption(required)), usage));
    }
    if (words.size() < spec->argumentNames.size())
        //: %1 is a command, %2 what it lacks: an argument ("NAME") or an option with its value
        //: ("--server URL"), %3 how the command is written.
        return usageError(
            tr("'%1' needs %2 (usage: %3)").arg(name, spec->argumentNames.at(words.size()), usage));
    if (!spec->moreArguments && words.size() > spec->argumentNames.size())
        //: %1 is the argument given, %2 the command, %3 how the command is written.
        return usageError(tr("unexpected argument '%1' for '%2' (usage: %3)")
                              .arg(words.at(spec->argumentNames.size()), name, usage));
    result.m_positional = words;
    return result;
}

} // namespace Inkwell::Cli
