#pragma once

#include "journal/Account.h"

#include <QObject>
#include <QProcess>
#include <QUrl>

namespace Inkwell {

// The demo journal (`inkwell --demo`, the empty window's Try the Demo Journal): the local journal
// server that comes with Inkwell (tests/server, Python's standard library only) on 127.0.0.1 with a
// port the system picks, seeded with a sample journal (demo / demo on a Dreamwidth-like server:
// 320 entries, friends, groups, a community), its data in a folder of its own. A newcomer can
// browse, search, write, post and manage friends without an account anywhere. The server runs as
// long as this object.
class DemoServer : public QObject
{
    Q_OBJECT
public:
    // `script`: the server's ljserver.py (locateScript()); `dataDirectory`: where it keeps its data.
    DemoServer(QString script, QString dataDirectory, QObject* parent = nullptr);
    ~DemoServer() override;

    // ready() once the server listens, or failed() with the reason.
    void start();

    // The server's ljserver.py: $INKWELL_DEMO_SERVER if set, else installed beside the program
    // (../share/inkwell/server), else this build's source tree; empty when there is none.
    static QString locateScript();
    // The demo account on the server at `url`; its password is demoPassword.
    static Account account(const QUrl& url);
    static inline const QString demoPassword = QStringLiteral("demo");

signals:
    void ready(const QUrl& url);
    void failed(const QString& why);

private:
    void readOutput();

    QString m_script;
    QString m_dataDirectory;
    QProcess m_process;
    QByteArray m_output;
    bool m_ready = false;
};

} // namespace Inkwell
