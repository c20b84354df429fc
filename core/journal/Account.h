#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

namespace Inkwell {

// Which interface an account talks: the protocol's two wire formats (REFERENCE.md 1.1), or the
// Blogger API 1.0 (7.1) for servers that speak only that, e.g. a WordPress blog's xmlrpc.php. The
// Blogger API carries less (no security, tags, userpic or date; the newest 50 posts at most) and
// always sends the password itself, so it needs AuthMethod::Clear.
enum class Interface { Flat, XmlRpc, Blogger };

// How requests authenticate (REFERENCE.md 2). Challenge/response is the default; the password (on
// Dreamwidth: an API key) never travels in clear unless the user picks Clear.
enum class AuthMethod { Challenge, Cookie, HPassword, Clear };

// Which server software is on the other end; decides e.g. getcircle vs getfriends.
enum class Flavor { Unknown, LiveJournal, Dreamwidth };

QString toString(Interface value);
QString toString(AuthMethod value);
QString toString(Flavor value);
std::optional<Interface> interfaceFromString(const QString& text);
std::optional<AuthMethod> authMethodFromString(const QString& text);
std::optional<Flavor> flavorFromString(const QString& text);

// One account on one server, as the user configured it. Holds no secret: the password lives in
// the PasswordStore under passwordKey().
struct Account
{
    Q_DECLARE_TR_FUNCTIONS(Account)

public:
    QString name;   // the user's label, unique in a profile ("dw", "work lj")
    QUrl serverUrl; // site root, e.g. https://www.dreamwidth.org
    QString username;
    Interface interface = Interface::Flat;
    AuthMethod authMethod = AuthMethod::Challenge;
    Flavor flavor = Flavor::Unknown;
    // A proxy for this account only, as a URL: http://[user:password@]host:port or
    // socks5://host:port. Empty: the system's proxy settings (http_proxy etc.).
    QString proxy;

    // Key under which the password is kept in the keychain: unique per server and user, so two
    // labels for the same login share one secret.
    QString passwordKey() const;

    QUrl flatEndpoint() const;
    QUrl xmlRpcEndpoint() const;
    // The Blogger API's address: the server address itself when it names a script (WordPress's
    // https://blog.example/xmlrpc.php), else LiveJournal's /interface/blogger under it.
    QUrl bloggerEndpoint() const;
    bool isBloggerEndpointGiven() const;
    // Whether the account has the protocol's modes: on the Blogger API it can only post, edit, delete
    // and list its newest posts (no friends, groups, notices, userpics, tags or security).
    bool hasFullProtocol() const { return interface != Interface::Blogger; }

    // Empty when the account can be used; otherwise a sentence saying what is wrong.
    QString validationError() const;

    // A warning for the user when every request would carry the password (clear) or its MD5,
    // which logs in as well as the password does (hpassword), over plain http:// where anyone on
    // the way can read it (REFERENCE.md 2.1, 2.2); otherwise empty. Challenge sends a one-time
    // response and cookie a short-lived session, so neither is warned about; nor is a server on
    // this machine (localhost, 127.0.0.0/8, ::1), whose traffic never leaves it.
    QString passwordExposureWarning() const;

    bool operator==(const Account&) const = default;
};

// The proxy an account's `proxy` names, checked (http or socks5, a host and a port) and trimmed;
// std::nullopt for the system's settings or a bad URL. protocol/Transport.h turns it into a
// QNetworkProxy.
std::optional<QUrl> proxyUrlFromText(const QString& text);

// A server address without trailing slashes, so "https://x.org/" and "https://x.org" are one server.
QUrl normalizedServerUrl(const QUrl& url);

// The site's canonical form of a user name (REFERENCE.md 1.2.3): trimmed, lower-case, '-' as '_'.
QString canonicalUsername(const QString& username);

} // namespace Inkwell

Q_DECLARE_METATYPE(Inkwell::Account)
