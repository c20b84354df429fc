#include "protocol/Userpics.h"

#include <QCoreApplication>
#include <QtEndian>

namespace Inkwell {

namespace {

quint16 be16(const QByteArray& data, qsizetype at)
{
    return qFromBigEndian<quint16>(data.constData() + at);
}

QSize jpegSize(const QByteArray& data)
{
    qsizetype at = 2;
    while (at + 9 < data.size()) {
        if (uchar(data.at(at)) != 0xFF) {
            ++at;
            continue;
        }
        const uchar marker = uchar(data.at(at + 1));
        // Start-of-frame markers carry the size (not DHT 0xC4, JPG 0xC8, DAC 0xCC).
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
            return QSize(be16(data, at + 7), be16(data, at + 5));
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;
            continue;
        }
        at += 2 + be16(data, at + 2);
    }
    return {};
}

} // namespace

QSize userpicImageSize(const QByteArray& image)
{
    if ((image.startsWith("GIF87a") || image.startsWith("GIF89a")) && image.size() >= 10)
        return QSize(qFromLittleEndian<quint16>(image.constData() + 6),
                     qFromLittleEndian<quint16>(image.constData() + 8));
    if (image.startsWith("\x89PNG\r\n\x1a\n") && image.size() >= 24 && image.mid(12, 4) == "IHDR")
        return QSize(int(qFromBigEndian<quint32>(image.constData() + 16)),
                     int(qFromBigEndian<quint32>(image.constData() + 20)));
    if (image.startsWith("\xff\xd8"))
        return jpegSize(image);
    return {};
}

QString userpicProblem(const QByteArray& image)
{
    if (image.isEmpty())
        return QCoreApplication::translate("Userpics", "The file is empty.");
    if (image.size() > maxUserpicBytes)
        return QCoreApplication::translate(
                   "Userpics",
                   "The picture is %1 KB; the server accepts at most %2 KB. Make it smaller first.")
            .arg((image.size() + 1023) / 1024)
            .arg(maxUserpicBytes / 1024);
    const QSize size = userpicImageSize(image);
    if (!size.isValid())
        return QCoreApplication::translate("Userpics", "Userpics must be GIF, PNG or JPEG images.");
    if (size.width() > maxUserpicPixels || size.height() > maxUserpicPixels || size.isEmpty())
        return QCoreApplication::translate("Userpics",
                                           "The picture is %1x%2 pixels; userpics are at most %3x%3.")
            .arg(size.width())
            .arg(size.height())
            .arg(maxUserpicPixels);
    return {};
}

ProtocolValue uploadPicRequest(const QByteArray& image, const QStringList& keywords, bool makeDefault)
{
    ProtocolValue request = ProtocolValue::emptyMap();
    // The seed's "encoded image data": base64 keeps the form field text.
    request.insert(QStringLiteral("data"), QString::fromLatin1(image.toBase64()));
    QStringList cleaned;
    for (const QString& keyword : keywords) {
        const QString trimmed = QString(keyword).remove(QLatin1Char(',')).trimmed();
        if (!trimmed.isEmpty())
            cleaned.append(trimmed);
    }
    if (!cleaned.isEmpty())
        request.insert(QStringLiteral("keywords"), cleaned.join(QStringLiteral(", ")));
    request.insert(QStringLiteral("default"), makeDefault ? 1 : 0);
    return request;
}

UploadedUserpic uploadedUserpicFromReply(const ProtocolValue& reply)
{
    UploadedUserpic pic;
    pic.picid = reply.member(u"picid").toText().toLongLong();
    pic.size = QSize(reply.member(u"width").toText().toInt(), reply.member(u"height").toText().toInt());
    return pic;
}

} // namespace Inkwell
