#include "journal/Account.h"

#include <QRegularExpression>

namespace Inkwell {

QString toString(Interface value)
{
    switch (value) {
    case Interface::Flat:
        return QStringLiteral("flat");
    case Interface::XmlRpc:
        return QStringLiteral("xmlrpc");
    case Interface::Blogger:
        return QStringLiteral("blogger");
    }
    return {};
}

QString toString(AuthMethod value)
{
    switch (value) {
    case AuthMethod::Challenge:
        return QStringLiteral("challenge");
    case AuthMethod::Cookie:
        return QStringLiteral("cookie");
    case AuthMethod::HPassword:
        return QStringLiteral("hpassword");
    case AuthMethod::Clear:
        return QStringLiteral("clear");
    }
    return {};
}

QString toString(Flavor value)
{
    switch (value) {
    case Flavor::Unknown:
        return QStringLiteral(""); // empty but not null: it is stored in a NOT NULL column
    case Flavor::LiveJournal:
        return QStringLiteral("lj");
    case Flavor::Dreamwidth:
        return QStringLiteral("dw");
    }
    return {};
}

std::optional<Interface> interfaceFromString(const QString& text)
{
    if (text == QLatin1String("flat"))
        return Interface::Flat;
    if (text == QLatin1String("xmlrpc"))
        return Interface::XmlRpc;
    if (text == QLatin1String("blogger"))
        return Interface::Blogger;
    return std::nullopt;
}

std::optional<AuthMethod> authMethodFromString(const QString& text)
{
    for (AuthMethod method :
         {AuthMethod::Challenge, AuthMethod::Cookie, AuthMethod::HPassword, AuthMethod::Clear}) {
        if (toString(method) == text)
            return method;
    }
    return std::nullopt;
}

std::optional<Flavor> flavorFromString(const QString& text)
{
    for (Flavor flavor : {Flavor::Unknown, Flavor::LiveJournal, Flavor::Dreamwidth}) {
        if (toString(flavor) == text)
            return flavor;
    }
    return std::nullopt;
}

QString Account::passwordKey() const
{
    return QStringLiteral("%1@%2").arg(canonicalUsername(username),
                                       normalizedServerUrl(serverUrl).toString());
}

static QUrl endpoint(const QUrl& root, const QString& path)
{
    QUrl url = root;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + path);
    return url;
}

QUrl Account::flatEndpoint() const
{
    return endpoint(serverUrl, QStringLiteral("/interface/flat"));
}

QUrl Account::xmlRpcEndpoint() const
{
    return endpoint(serverUrl, QStringLiteral("/interface/xmlrpc"));
}

bool Account::isBloggerEndpointGiven() const
{
    return normalizedServerUrl(serverUrl).path().endsWith(QLatin1String(".php"));
}

QUrl Account::bloggerEndpoint() const
{
    return isBloggerEndpointGiven() ? normalizedServerUrl(serverUrl)
                                    : endpoint(serverUrl, QStringLiteral("/interface/blogger"));
}

QString Account::validationError() const
{
    if (name.trimmed().isEmpty())
        return tr("The account needs a name.");
    if (!serverUrl.isValid() || serverUrl.host().isEmpty())
        return tr("The server address is not a valid URL.");
    const QString scheme = serverUrl.scheme();
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return tr("The server address must start with https:// (or http://).");
    static const QRegularExpression validUser(QStringLiteral("^[a-z0-9_]{1,25}$"));
    if (!validUser.match(canonicalUsername(username)).hasMatch())
        return tr("The user name may only contain letters, digits, '_' and '-' (at most 25).");
    if (!proxy.trimmed().isEmpty() && !proxyUrlFromText(proxy))
        return tr("The proxy must look like http://host:port or socks5://host:port.");
    if (interface == Interface::Blogger && flavor == Flavor::Dreamwidth)
        return tr("Dreamwidth does not speak the Blogger API; choose the flat or XML-RPC interface.");
    if (interface == Interface::Blogger && authMethod != AuthMethod::Clear)
        return tr("The Blogger API sends the password itself with every request: choose clear "
                  "authentication for it.");
    return {};
}

QString Account::passwordExposureWarning() const
{
    if (authMethod != AuthMethod::Clear && authMethod != AuthMethod::HPassword)
        return {};
    if (serverUrl.scheme() != QLatin1String("http"))
        return {};
    // By name, as journal/ has no QtNetwork: "localhost", 127.0.0.0/8 and ::1 (QUrl normalises the
    // host's case and IPv6 form).
    static const QRegularExpression loopback(
        QStringLiteral("^(localhost|127\\.[0-9]+\\.[0-9]+\\.[0-9]+|::1)$"));
    if (loopback.match(serverUrl.host()).hasMatch())
        return {};
    return tr("The account '%1' sends %2 to %3 without encryption (http://): anyone on the way can read it "
              "and log in as you. Use the server's https:// address, or challenge authentication.")
        .arg(name,
             authMethod == AuthMethod::Clear ? tr("the password with every request")
                                             : tr("an MD5 of the password, which logs in as "
                                                  "well as the password, with every request"),
             normalizedServerUrl(serverUrl).toString());
}

std::optional<QUrl> proxyUrlFromText(const QString& text)
{
    const QUrl url(text.trimmed());
    if (text.trimmed().isEmpty() || !url.isValid() || url.host().isEmpty() || url.port() <= 0)
        return std::nullopt;
    if (url.scheme() != QLatin1String("socks5") && url.scheme() != QLatin1String("http"))
        return std::nullopt;
    return url;
}

QUrl normalizedServerUrl(const QUrl& url)
{
    QUrl result = url;
    QString path = result.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    result.setPath(path);
    return result;
}

QString canonicalUsername(const QString& username)
{
    QString result = username.trimmed().toLower();
    result.replace(QLatin1Char('-'), QLatin1Char('_'));
    return result;
}

} // namespace Inkwell
