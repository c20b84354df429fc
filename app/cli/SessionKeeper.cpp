#include "SessionKeeper.h"

#include "CliOutput.h"
#include "account/PasswordStore.h"
#include "protocol/LjClient.h"

namespace Inkwell::Cli {

SessionKeeper::SessionKeeper(PasswordStore& keychain, LjClient& client, QObject* parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_client(&client)
    , m_key(sessionKey(client.account().passwordKey()))
{
    connect(&client, &LjClient::sessionChanged, this, &SessionKeeper::onSessionChanged);
}

QString SessionKeeper::sessionKey(const QString& passwordKey)
{
    return QStringLiteral("session:") + passwordKey;
}

void SessionKeeper::restore(std::function<void()> done)
{
    m_keychain.readPassword(m_key, this, [this, done](const PasswordResult& result) {
        switch (result.status) {
        case PasswordStatus::Ok:
            m_keep = true;
            // A session the server no longer accepts is renewed by the client (and kept again).
            if (m_client && !result.password.isEmpty() && !m_client->hasSession())
                m_client->setSession(result.password);
            break;
        case PasswordStatus::NotFound:
            m_keep = true;
            break;
        case PasswordStatus::Unavailable:
            m_keep = false; // no keychain: log in for this run only, and say nothing about it
            break;
        case PasswordStatus::Denied:
        case PasswordStatus::Failed:
            m_keep = false;
            printError(
                QStringLiteral("The session of an earlier run could not be read from the keychain (%1); "
                               "logging in anew for this run.")
                    .arg(result.message));
            break;
        }
        done();
    });
}

void SessionKeeper::onSessionChanged(const QString& session)
{
    if (!m_keep)
        return;
    m_toWrite = session;
    writeNext();
}

void SessionKeeper::writeNext()
{
    if (m_writing || !m_toWrite)
        return;
    const QString session = *m_toWrite;
    m_toWrite.reset();
    m_writing = true;
    auto written = [this](const PasswordResult& result) {
        m_writing = false;
        if (result.status != PasswordStatus::Ok && result.status != PasswordStatus::NotFound && m_keep) {
            m_keep = false;
            m_toWrite.reset();
            printError(QStringLiteral("The session could not be kept in the keychain (%1); it ends with this "
                                      "run.")
                           .arg(result.message));
        }
        writeNext();
        checkIdle();
    };
    if (session.isEmpty())
        m_keychain.deletePassword(m_key, this, written);
    else
        m_keychain.writePassword(m_key, session, this, written);
}

void SessionKeeper::finish(std::function<void()> done)
{
    m_whenIdle = [this, done] {
        if (m_keep || !m_client || !m_client->hasSession()) {
            done();
            return;
        }
        // Kept nowhere, so of no use to anyone: end it rather than leave it open for 60 days. One
        // attempt only; an unreachable server lets it expire by itself.
        m_client->setRetryPolicy(RetryPolicy::none());
        ProtocolCall* expire = m_client->endSession();
        if (!expire) {
            done();
            return;
        }
        connect(expire, &ProtocolCall::finished, this, [done] { done(); });
    };
    checkIdle();
}

void SessionKeeper::checkIdle()
{
    if (m_writing || m_toWrite || !m_whenIdle)
        return;
    const std::function<void()> whenIdle = std::move(m_whenIdle);
    m_whenIdle = nullptr;
    whenIdle();
}

} // namespace Inkwell::Cli
