#include "protocol/ProtocolError.h"

#include <QDateTime>
#include <QStringList>

#include <array>

namespace Inkwell {

namespace {

// REFERENCE.md 5, verbatim (dreamwidth: cgi-bin/LJ/Protocol.pm %e). The only copy in Inkwell.
constexpr std::array kErrorTable = std::to_array<ProtocolError::TableEntry>({
    {100, "Invalid username", false},
    {101, "Invalid password", false},
    {102, "Can't use custom/private security on shared/community journals.", false}, // LJ
    {102, "Can't use custom security on community journals.", false},                // DW
    {103, "Poll error", false},
    {104, "Error adding one or more friends", true},
    {105, "Challenge expired", false},
    {106, "Can only use administrator-locked security on community journals you manage.", false},
    {150, "Can't post as non-user", false},
    {151, "Banned from journal", true},
    {152, "Can't make back-dated entries in non-personal journal.", false},
    {153, "Incorrect time value", false},
    {154, "Can't add a redirected account as a friend", false},
    {155, "Non-authenticated email address", true},
    {156, "", true}, // the site's Terms-of-Service text: not matchable
    {157, "Tags error", true},
    {158, "Comment error", false},
    {200, "Missing required argument(s)", false},
    {201, "Unknown method", false},
    {202, "Too many arguments", false},
    {203, "Invalid argument(s)", false},
    {204, "Invalid metadata datatype", false},
    {205, "Unknown metadata", false},
    {206, "Invalid destination journal username.", false},
    {207, "Protocol version mismatch", false},
    {208, "Invalid text encoding", false},
    {209, "Parameter out of range", false},
    {210, "Client tried to edit with corrupt data.  Preventing.", false},
    {211, "Invalid or malformed tag list", false},
    {212, "Message body is too long", false},
    {213, "Message body is empty", false},
    {214, "Message looks like spam", false},
    {300, "Don't have access to requested journal", true},
    {301, "Access of restricted feature", true},
    {302, "Can't edit post from requested journal", true},
    {303, "Can't edit post in community journal", true},
    {304, "Can't delete post in this community journal", true},
    {305, "Action forbidden; account is suspended.", true},
    {306, "This journal is temporarily in read-only mode.  Try again in a couple minutes.", true},
    {307, "Selected journal no longer exists.", false},
    {308, "Account is locked and cannot be used.", true},
    {309, "Account is marked as a memorial.", false},
    {310, "Account needs to be age verified before use.", true},
    {311, "Access temporarily disabled.", true},
    {312, "Not allowed to add tags to entries in this journal", true},
    {313, "Must use existing tags for entries in this journal (can't create new ones)", true},
    {314, "Only paid users allowed to use this request", false},
    {315, "User messaging is currently disabled", false},
    {316, "Poster is read-only and cannot post entries.", true},
    {317, "Journal is read-only and entries cannot be posted to it.", true},
    {318, "Poster is read-only and cannot edit entries.", true},
    {319, "Journal is read-only and its entries cannot be edited.", true},
    {402, "Your IP address is temporarily banned for exceeding the login failure rate.", true},
    {404, "Cannot post", true},
    {405, "Post frequency limit.", true},
    {406, "Client is making repeated requests.  Perhaps it's broken?", true},
    {407, "Moderation queue full", true},
    {408, "Maximum queued posts for this community+poster combination reached.", true},
    {409, "Post too large.", false},
    {410, "Your trial account has expired.  Posting now disabled.", false},
    {411, "Subject too long.", false},
    {412, "Maximum number of comments reached", false},
    {500, "Internal server error", true},
    {501, "Database error", true},
    {502, "Database temporarily unavailable", true},
    {503, "Error obtaining necessary database lock", true},
    {504, "Protocol mode no longer supported.", false},
    {505, "Account data format on server is old and needs to be upgraded.", true},
    {506, "Journal sync temporarily unavailable.", true},
    {507, "Method temporarily disabled; try again later.", true},
});

// The flat wrapper's own failures (REFERENCE.md 1.2.3), which carry no number. Each maps to what
// XML-RPC answers for the same request, so both interfaces report the same error.
struct PreDispatchError
{
    const char* text; // after "Client error: "
    int code;
    bool detailInParentheses; // "Unknown mode (<mode>)"
};
constexpr std::array kPreDispatchErrors = std::to_array<PreDispatchError>({
    {"No mode specified.", 200, false},
    // Inkwell always sends `user`; the server says this when the name is not a valid username
    // (transcripts flat/006), which XML-RPC reports as 100 (xmlrpc/005).
    {"No username sent.", 100, false},
    {"Unknown mode", 201, true}, // XML-RPC: fault 201 "Unknown method"
});

const QString kClientPrefix = QStringLiteral("Client error: ");
const QString kServerPrefix = QStringLiteral("Server error: ");

bool isAuthenticationCode(int code)
{
    return code == 100 || code == 101 || code == 105 || code == 402;
}

// What follows a matched message: "" or ": detail" (the server's format); anything else means
// the message only happened to be a prefix.
bool splitAfterMessage(QStringView rest, QString* detail)
{
    if (rest.isEmpty()) {
        detail->clear();
        return true;
    }
    if (rest.startsWith(u':')) {
        *detail = rest.mid(1).trimmed().toString();
        return true;
    }
    return false;
}

QStringView stripPrefix(QStringView text)
{
    if (text.startsWith(kClientPrefix))
        return text.mid(kClientPrefix.size());
    if (text.startsWith(kServerPrefix))
        return text.mid(kServerPrefix.size());
    return text;
}

// Longest table message at the start of `text` (prefix already stripped). Returns the entry or
// nullptr; `restrictCode` limits the search to one number (XML-RPC faults).
const ProtocolError::TableEntry* matchTable(QStringView text, int restrictCode, QString* detail)
{
    const ProtocolError::TableEntry* best = nullptr;
    qsizetype bestLength = -1;
    bool bestAtBoundary = false;
    for (const auto& entry : kErrorTable) {
        if (restrictCode != 0 && entry.code != restrictCode)
            continue;
        const QLatin1StringView message(entry.message);
        if (message.isEmpty() || !text.startsWith(message))
            continue;
        QString entryDetail;
        const bool atBoundary = splitAfterMessage(text.mid(message.size()), &entryDetail);
        // A match followed by the ": detail" format beats a longer accidental prefix.
        if ((atBoundary && !bestAtBoundary) ||
            (atBoundary == bestAtBoundary && message.size() > bestLength)) {
            best = &entry;
            bestLength = message.size();
            bestAtBoundary = atBoundary;
            *detail = atBoundary ? entryDetail : text.mid(message.size()).trimmed().toString();
        }
    }
    return best;
}

} // namespace

std::span<const ProtocolError::TableEntry> ProtocolError::table()
{
    return kErrorTable;
}

QString ProtocolError::tableMessage(int code)
{
    for (const auto& entry : kErrorTable) {
        if (entry.code == code)
            return QString::fromLatin1(entry.message);
    }
    return {};
}

ProtocolError::Category ProtocolError::categoryForCode(int code)
{
    if (isAuthenticationCode(code))
        return Category::Authentication;
    for (const auto& entry : kErrorTable) {
        if (entry.code == code)
            return entry.temporary ? Category::Temporary : Category::Permanent;
    }
    return code >= 300 && code < 600 ? Category::Temporary : Category::Permanent;
}

ProtocolError ProtocolError::fromCode(int code, const QString& detail, const QString& mode)
{
    ProtocolError error;
    error.m_null = false;
    error.m_code = code;
    error.m_category = categoryForCode(code);
    error.m_message = tableMessage(code);
    error.m_detail = detail;
    error.m_mode = mode;
    return error;
}

ProtocolError ProtocolError::fromFlatMessage(const QString& errmsg, const QString& mode)
{
    ProtocolError error;
    error.m_null = false;
    error.m_serverText = errmsg;
    error.m_mode = mode;
    const QStringView rest = stripPrefix(errmsg);

    QString detail;
    if (const TableEntry* entry = matchTable(rest, 0, &detail)) {
        error.m_code = entry->code;
        error.m_category = categoryForCode(entry->code);
        error.m_message = QString::fromLatin1(entry->message);
        error.m_detail = detail;
        return error;
    }
    if (errmsg.startsWith(kClientPrefix)) {
        for (const auto& pre : kPreDispatchErrors) {
            const QLatin1StringView text(pre.text);
            if (!rest.startsWith(text))
                continue;
            error.m_code = pre.code;
            error.m_category = categoryForCode(pre.code);
            error.m_message = rest.toString();
            if (pre.detailInParentheses) {
                error.m_message = text;
                QStringView inner = rest.mid(text.size()).trimmed();
                if (inner.startsWith(u'(') && inner.endsWith(u')'))
                    inner = inner.mid(1, inner.size() - 2);
                error.m_detail = inner.toString();
            }
            return error;
        }
    }
    // Not in the table (another site's text, 156's ToS text): keep the words, class by prefix.
    error.m_message = rest.toString();
    error.m_category = errmsg.startsWith(kServerPrefix) ? Category::Temporary : Category::Permanent;
    return error;
}

ProtocolError ProtocolError::fromFault(const QString& faultCode, const QString& faultString,
                                       const QString& mode)
{
    bool numeric = false;
    const int code = faultCode.trimmed().toInt(&numeric);
    if (!numeric) {
        // SOAP::Lite faults: "Server" for a die inside the server (a bug or an outage: the flat
        // interface answers the same request with an HTTP 500 page), "Client" for a request the
        // toolkit could not dispatch.
        ProtocolError error;
        error.m_null = false;
        error.m_faultCode = faultCode;
        error.m_serverText = faultString;
        error.m_message = faultString.trimmed();
        error.m_mode = mode;
        error.m_category =
            faultCode.trimmed().startsWith(u"Client") ? Category::Permanent : Category::Temporary;
        return error;
    }
    ProtocolError error = fromCode(code, {}, mode);
    error.m_serverText = faultString;
    const QStringView rest = stripPrefix(faultString);
    QString detail;
    if (const TableEntry* entry = matchTable(rest, code, &detail)) {
        error.m_message = QString::fromLatin1(entry->message); // 102 has an LJ and a DW text
        error.m_detail = detail;
    } else if (error.m_message.isEmpty()) {
        error.m_message = rest.trimmed().toString(); // 156, or a number the table lacks
    } else if (rest.trimmed() != error.m_message) {
        error.m_detail = rest.trimmed().toString();
    }
    return error;
}

ProtocolError ProtocolError::malformed(const QString& what, const QString& mode)
{
    ProtocolError error;
    error.m_null = false;
    error.m_category = Category::Malformed;
    error.m_message = what;
    error.m_mode = mode;
    return error;
}

ProtocolError ProtocolError::serverFailure(const QString& what, const QString& mode)
{
    ProtocolError error = malformed(what, mode);
    error.m_category = Category::Temporary;
    return error;
}

ProtocolError ProtocolError::transport(const QString& what, int httpStatus, const QString& mode)
{
    ProtocolError error = malformed(what, mode);
    error.m_category = Category::Transport;
    error.m_httpStatus = httpStatus;
    return error;
}

ProtocolError ProtocolError::unsupported(const QString& what, const QString& mode)
{
    ProtocolError error = malformed(what, mode);
    error.m_category = Category::Permanent;
    return error;
}

QString ProtocolError::toString() const
{
    if (m_null)
        return QStringLiteral("no error");
    QString text;
    if (!m_mode.isEmpty())
        text += m_mode + QStringLiteral(": ");
    text += m_message;
    if (!m_detail.isEmpty())
        text += QStringLiteral(": ") + m_detail;
    QStringList notes;
    if (m_code != 0)
        notes << QStringLiteral("error %1").arg(m_code);
    if (m_httpStatus != 0)
        notes << QStringLiteral("HTTP %1").arg(m_httpStatus);
    if (!m_faultCode.isEmpty())
        notes << QStringLiteral("fault %1").arg(m_faultCode);
    notes << categoryName(m_category);
    return text + QStringLiteral(" (") + notes.join(QStringLiteral(", ")) + u')';
}

QString ProtocolError::advice(const QString& account) const
{
    const QString who = account.isEmpty() ? tr("this account") : QStringLiteral("'%1'").arg(account);
    if (m_sessionRefused) {
        return tr("The server accepted the password but not the session it had just granted, so the "
                  "password is not the problem. Try again; if it keeps happening, something between "
                  "Inkwell and the server (a proxy?) drops the session cookie.");
    }
    switch (m_code) {
    case 100:
        return tr("The server has no user of that name: check the user name of %1.").arg(who);
    case 101:
        return tr("The server did not accept the password of %1. On Dreamwidth the password is an "
                  "API key (made under Account Settings on the site), not the password of the web "
                  "site.")
            .arg(who);
    case 105:
        return tr("The login took longer than the server allows (60 seconds); try again.");
    case 402:
        // REFERENCE.md 2.1: the stall lasts the configured period after the failures (5 minutes on
        // Dreamwidth and LiveJournal); meanwhile no password is even checked.
        return tr("After too many failed logins the server refuses every login of %1 from this "
                  "address for about 5 minutes, without checking the password: try again after %2, "
                  "and check the password first.")
            .arg(who, QDateTime::currentDateTime().addSecs(5 * 60).toString(QStringLiteral("HH:mm")));
    case 406:
        return tr("The server refuses this request for up to an hour; sync again later.");
    default:
        return {};
    }
}

QString categoryName(ProtocolError::Category category)
{
    switch (category) {
    case ProtocolError::Category::Temporary:
        return QStringLiteral("temporary");
    case ProtocolError::Category::Permanent:
        return QStringLiteral("permanent");
    case ProtocolError::Category::Authentication:
        return QStringLiteral("authentication");
    case ProtocolError::Category::Transport:
        return QStringLiteral("transport");
    case ProtocolError::Category::Malformed:
        return QStringLiteral("malformed reply");
    }
    return {};
}

} // namespace Inkwell
