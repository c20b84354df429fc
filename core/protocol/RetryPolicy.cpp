#include "protocol/RetryPolicy.h"

#include "protocol/ProtocolError.h"

#include <QSet>

namespace Inkwell {

bool RetryPolicy::shouldRetry(const ProtocolError& error, bool idempotent, bool outcomeUnknown,
                              int retriesDone) const
{
    if (retriesDone >= delays.size())
        return false;
    // A garbled reply (a proxy's error page, a cut connection) says nothing about the request; a
    // read may simply be asked again.
    const bool garbledRead = idempotent && error.category() == ProtocolError::Category::Malformed;
    if ((!error.isTemporary() || error.isRefusal()) && !garbledRead)
        return false;
    switch (error.code()) {
    case 402: // IP banned for failed logins
    case 405: // post frequency limit
    case 406: // repeated getevents cursor: every retry spends the hourly allowance
        return false;
    default:
        break;
    }
    return idempotent || !outcomeUnknown;
}

bool isIdempotentMode(const QString& mode)
{
    static const QSet<QString> reads{
        QStringLiteral("getchallenge"),
        QStringLiteral("login"),
        QStringLiteral("getevents"),
        QStringLiteral("syncitems"),
        QStringLiteral("getdaycounts"),
        QStringLiteral("getusertags"),
        QStringLiteral("getfriends"),
        QStringLiteral("friendof"),
        QStringLiteral("getfriendgroups"),
        QStringLiteral("checkfriends"),
        QStringLiteral("checkforupdates"),
        QStringLiteral("getcircle"),
        QStringLiteral("gettrustgroups"),
        QStringLiteral("getreadpage"),
        QStringLiteral("getinbox"),
        QStringLiteral("blogger.getRecentPosts"),
        QStringLiteral("blogger.getPost"),
        QStringLiteral("blogger.getUsersBlogs"),
        QStringLiteral("blogger.getUserInfo"),
        QStringLiteral("blogger.getTemplate"),
        // These set a state (a friend, a group's name, a circle edge): sent twice, the second
        // finds it set already.
        QStringLiteral("editfriends"),
        QStringLiteral("editfriendgroups"),
        QStringLiteral("editcircle"),
    };
    return reads.contains(mode);
}

bool isXmlRpcOnlyMode(const QString& mode)
{
    static const QSet<QString> xmlRpcOnly{QStringLiteral("getcircle"),      QStringLiteral("editcircle"),
                                          QStringLiteral("getinbox"),       QStringLiteral("sendmessage"),
                                          QStringLiteral("setmessageread"), QStringLiteral("addcomment")};
    return xmlRpcOnly.contains(mode);
}

bool isFlatOnlyMode(const QString& mode)
{
    return mode == QLatin1String("uploadpic");
}

} // namespace Inkwell
