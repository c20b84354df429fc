#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

// One recorded HTTP exchange of tests/data/{transcripts,fixtures} (format: transcripts/README.txt).
// Bodies are sliced by Content-Length, never by searching for the markers.
struct Transcript
{
    QString path;
    QString interface; // "flat" or "xmlrpc"
    QString mode;
    int status = 0;
    QByteArray requestBody;
    QByteArray responseBody;
    QString error; // why the file could not be read

    static Transcript load(const QString& path)
    {
        Transcript t;
        t.path = path;
        t.interface = QFileInfo(path).dir().dirName();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            t.error = file.errorString();
            return t;
        }
        const QByteArray data = file.readAll();
        qsizetype at = 0;
        if (!readSection(data, "=== REQUEST ===\n", &at, nullptr, &t.requestBody, &t.error) ||
            !readSection(data, "=== RESPONSE ===\n", &at, &t.status, &t.responseBody, &t.error))
            return t;
        t.mode = modeOf(t.interface, t.requestBody);
        return t;
    }

    // All *.txt files of <root>/<interface>, sorted.
    static QStringList files(const QString& root, const QString& interface)
    {
        QDir dir(root + u'/' + interface);
        QStringList paths;
        for (const QString& name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
            paths << dir.filePath(name);
        return paths;
    }

private:
    static bool readSection(const QByteArray& data, const char* marker, qsizetype* at, int* status,
                            QByteArray* body, QString* error)
    {
        const qsizetype start = data.indexOf(marker, *at);
        if (start < 0) {
            *error = QStringLiteral("no %1").arg(QString::fromLatin1(marker).trimmed());
            return false;
        }
        const qsizetype headerStart = start + qstrlen(marker);
        const qsizetype headerEnd = data.indexOf("\n\n", headerStart);
        if (headerEnd < 0) {
            *error = QStringLiteral("no blank line after the headers");
            return false;
        }
        const QString headers = QString::fromLatin1(data.mid(headerStart, headerEnd - headerStart));
        const auto length = QRegularExpression(QStringLiteral("Content-Length: (\\d+)")).match(headers);
        if (!length.hasMatch()) {
            *error = QStringLiteral("no Content-Length");
            return false;
        }
        if (status)
            *status = headers.section(u' ', 1, 1).toInt();
        *body = data.mid(headerEnd + 2, length.captured(1).toLongLong());
        *at = headerEnd + 2 + body->size();
        return true;
    }

    static QString modeOf(const QString& interface, const QByteArray& request)
    {
        if (interface == u"flat") {
            const auto match =
                QRegularExpression(QStringLiteral("(?:^|&)mode=([^&]*)")).match(QString::fromLatin1(request));
            return match.hasMatch() ? match.captured(1) : QString();
        }
        const auto match =
            QRegularExpression(QStringLiteral("<methodName>LJ\\.XMLRPC\\.([^<]*)</methodName>"))
                .match(QString::fromUtf8(request));
        return match.hasMatch() ? match.captured(1) : QString();
    }
};
