#pragma once

#include "TestServer.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// What the local journal server tells a CLI test besides its dump (ExportCheck.h): the sessions
// left open, the posts and edits that reached it, and a restart at the same address.

// Sessions neither expired nor ended by sessionexpire; -1 when the server does not answer.

// Every postevent or editevent (`mode`) that arrived since the server started, one record per
// distinct (user, usejournal, itemid, subject, event_md5) with its `count` (README "Control API").
inline QJsonArray arrivals(TestServer& server, const QString& mode)
{
    return server.control("GET", QStringLiteral("arrivals?mode=") + mode)
        .value(QStringLiteral("arrivals"))
        .toArray();
}

// The arrivals of `mode` for entry `itemid` (editevent; a deletion is an editevent with an empty
// event).
inline QJsonArray arrivalsFor(TestServer& server, const QString& mode, qint64 itemid)
{
    QJsonArray found;
    for (const QJsonValue& record : arrivals(server, mode)) {
        if (record[u"itemid"].toInteger() == itemid)
            found.append(record);
    }
    return found;
}

// Stops the server and starts it again on the same port with `args`, which name the same --db
// file, so clients find it where it was with everything it stored (arrivals and statistics start
// from zero). False when it does not come back.
inline bool restartOnSamePort(TestServer& server, const QStringList& args)
{
    const int port = server.baseUrl().port();
    server.stop();
    return server.start(args + QStringList{QStringLiteral("--port"), QString::number(port)});
}
