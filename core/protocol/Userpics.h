#pragma once

#include "protocol/ProtocolValue.h"

#include <QByteArray>
#include <QSize>
#include <QStringList>

namespace Inkwell {

// uploadpic (REFERENCE.md 3.16, from the LJ seed; flat only, and many servers answer "Unknown
// mode"): a GIF, PNG or JPEG of at most 40 KB and 100x100 pixels.
constexpr qint64 maxUserpicBytes = 40 * 1024;
constexpr int maxUserpicPixels = 100;

// The image's size from its header, or an invalid size for anything but GIF, PNG or JPEG.
QSize userpicImageSize(const QByteArray& image);
// Why the server would refuse `image` (for the user, before anything is sent), or empty.
QString userpicProblem(const QByteArray& image);

ProtocolValue uploadPicRequest(const QByteArray& image, const QStringList& keywords, bool makeDefault);

struct UploadedUserpic
{
    qint64 picid = 0;
    QSize size;
};
UploadedUserpic uploadedUserpicFromReply(const ProtocolValue& reply);

} // namespace Inkwell
