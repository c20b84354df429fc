#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <utility>

// The floor of sync_bench: the same minimal request sequence as a full sync (getchallenge,
// sessiongenerate, syncitems pages with the one-second step-back, getevents multiple in batches of
// 100 pending ids, getdaycounts), sent over one keep-alive connection with blocking POSIX sockets
// and no work beyond what choosing the next request needs: replies are read whole, syncitems
// pages are split into lines, getevents replies are not parsed at all. What remains is the
// server's time to answer, plus loopback.
class BareFlatClient
{
public:
    BareFlatClient(QString host, int port, QString user, QString password);
    ~BareFlatClient();
    BareFlatClient(const BareFlatClient&) = delete;
    BareFlatClient& operator=(const BareFlatClient&) = delete;

    // Runs the whole sequence. False (and error()) on any failure.
    bool fullSync();

    int requests() const { return m_requests; }
    qint64 bytesReceived() const { return m_bytesReceived; }
    QString error() const { return m_error; }
    // Seconds spent enumerating (syncitems, authentication included), fetching and on the day
    // counts, in the last fullSync().
    double enumerateSeconds() const { return m_enumerateSeconds; }
    double fetchSeconds() const { return m_fetchSeconds; }
    double deletionsSeconds() const { return m_deletionsSeconds; }

private:
    using Fields = QList<std::pair<QByteArray, QByteArray>>;

    bool connectToServer();
    // POSTs a flat request and returns its key/value reply; a reply with success=FAIL is an error.
    // By key: a syncitems page has 1,500 of them, looked up 1,000 times.
    using Reply = QHash<QByteArray, QByteArray>;
    bool call(const QByteArray& mode, const Fields& fields, Reply* reply, bool parse = true);
    bool sendAll(const QByteArray& data);
    bool readResponse(QByteArray* body);
    bool fail(const QString& message);

    QString m_host;
    int m_port;
    QString m_user;
    QString m_password;
    QByteArray m_session;
    int m_socket = -1;
    QByteArray m_buffer; // bytes read past the previous response
    int m_requests = 0;
    qint64 m_bytesReceived = 0;
    QString m_error;
    double m_enumerateSeconds = 0;
    double m_fetchSeconds = 0;
    double m_deletionsSeconds = 0;
};
