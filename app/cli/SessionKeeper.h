#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <optional>

namespace Inkwell {
struct Account;
class LjClient;
class PasswordStore;
} // namespace Inkwell

namespace Inkwell::Cli {

// Keeps the session LjClient obtains (a long one: 60 days, REFERENCE.md 2.4) from one run of the
// CLI to the next, so that the next run need not log in again. The cookie lives in the keychain
// under sessionKey(account) and nowhere else; whenever the client's session changes (first login,
// renewal after the server rejected a kept one) the keychain follows. Without a usable keychain the
// session lasts for the run only: finish() ends it on the server.
class SessionKeeper : public QObject
{
    Q_OBJECT
public:
    SessionKeeper(PasswordStore& keychain, LjClient& client, QObject* parent = nullptr);

    // Where the session of the login with this password key is kept: "session:" + the key.
    static QString sessionKey(const QString& passwordKey);

    // Gives the client the session kept by an earlier run, if any, then runs `done`.
    void restore(std::function<void()> done);
    // Waits until the keychain holds the current session, or ends the session on the server when it
    // cannot be kept; then runs `done`.
    void finish(std::function<void()> done);

    // Whether the session outlives this run (a keychain took it).
    bool keepsSession() const { return m_keep; }

private:
    void onSessionChanged(const QString& session);
    void writeNext();
    void checkIdle();

    PasswordStore& m_keychain;
    QPointer<LjClient> m_client;
    QString m_key;
    bool m_keep = false;
    bool m_writing = false;
    std::optional<QString> m_toWrite; // newest session not yet handed to the keychain
    std::function<void()> m_whenIdle;
};

} // namespace Inkwell::Cli
