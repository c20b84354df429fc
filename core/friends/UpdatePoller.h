#pragma once

#include "journal/Account.h"

#include <QObject>
#include <QString>

#include <functional>

class QTimer;

namespace Inkwell {

class LjClient;

// Asks the server whether anyone on the account's reading list posted (REFERENCE.md 3.9):
// checkfriends on classic LiveJournal, checkforupdates on Dreamwidth (where checkfriends answers 504).
//
// Never polls faster than the server allows: the next poll is due `interval` seconds (as the server
// last said, and at least minimumInterval()) after the previous one was sent, and pollIfDue() before
// then does nothing but re-arm the timer. Like LogJam, it keeps `lastupdate` in memory only and stops
// once there is something new, until the user has looked (acknowledge()).
class UpdatePoller : public QObject
{
    Q_OBJECT
public:
    UpdatePoller(LjClient& client, QString account, QObject* parent = nullptr);
    ~UpdatePoller() override;

    // A monotonic clock in milliseconds (tests move it by hand); QElapsedTimer by default.
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Our own floor, for servers that answer interval 0 (DW free+paid accounts, flat/107).
    void setMinimumInterval(int seconds) { m_minimumSeconds = seconds; }
    int minimumInterval() const { return m_minimumSeconds; }

    void start();
    void stop();
    bool isRunning() const { return m_running; }
    // The user has seen the friends page: forget "new" and poll again when due.
    void acknowledge();
    bool hasNewPosts() const { return m_new; }

    // Polls if one is due and none is under way; otherwise (re)arms the timer for when it is.
    void pollIfDue();

    QString account() const { return m_account; }
    int serverInterval() const { return m_serverSeconds; }
    // Milliseconds until the next poll may be sent (0: now).
    qint64 msUntilDue() const;
    QString lastUpdate() const { return m_lastUpdate; }

signals:
    void newPostsAvailable(const QString& account);
    void pollFailed(const QString& account, const QString& message);
    // After every answered poll (for status displays and tests).
    void polled(const QString& account, bool hasNew, int intervalSeconds);

private:
    void poll();
    void arm();
    qint64 intervalMs() const;

    LjClient& m_client;
    QString m_account;
    QTimer* m_timer;
    std::function<qint64()> m_now;
    int m_minimumSeconds = 60;
    int m_serverSeconds = 0;
    qint64 m_lastSentMs = -1; // -1: never polled
    bool m_running = false;
    bool m_inFlight = false;
    bool m_new = false;
    bool m_useCheckForUpdates = false;
    QString m_lastUpdate;
};

} // namespace Inkwell
