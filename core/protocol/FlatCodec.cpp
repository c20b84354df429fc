#include "protocol/FlatCodec.h"

#include "protocol/CodecText.h"
#include "protocol/FlatFields.h"

#include <algorithm>
#include <optional>

namespace Inkwell {

namespace {

struct Lines
{
    QList<QByteArrayView> lines;
    bool tooMany = false;
};

// Splits on LF. The final LF ends the last line rather than starting an empty one; a CR before
// an LF is dropped (the server deletes every CR from keys and values, 1.2, so only a proxy could
// have added it).
Lines splitLines(const QByteArray& body, qsizetype maxLines)
{
    Lines result;
    const QByteArrayView view(body);
    result.lines.reserve(qMin<qsizetype>(maxLines, std::count(body.cbegin(), body.cend(), '\n') + 1));
    qsizetype start = 0;
    while (start < view.size()) {
        if (result.lines.size() >= maxLines) {
            result.tooMany = true;
            break;
        }
        const qsizetype end = view.indexOf('\n', start);
        const qsizetype stop = end < 0 ? view.size() : end;
        QByteArrayView line = view.sliced(start, stop - start);
        if (line.endsWith('\r'))
            line.chop(1);
        result.lines.append(line);
        start = stop + 1;
    }
    // An odd count ending in an empty line: one LF too many at the end, not an empty key.
    if (result.lines.size() % 2 == 1 && result.lines.last().isEmpty())
        result.lines.removeLast();
    return result;
}

QString firstLine(const QByteArray& body)
{
    const qsizetype end = body.indexOf('\n');
    return QString::fromUtf8(body.left(qMin<qsizetype>(end < 0 ? body.size() : end, 120))).trimmed();
}

// The reply's outcome from its status keys alone; `split` gets the body's lines.
ProtocolError statusError(const QByteArray& body, const QString& mode, const DecodeLimits& limits,
                          Lines* split)
{
    if (body.size() > limits.maxBodyBytes)
        return ProtocolError::malformed(QStringLiteral("reply of %1 bytes is over the %2-byte limit")
                                            .arg(body.size())
                                            .arg(limits.maxBodyBytes),
                                        mode);
    *split = splitLines(body, limits.maxValues * 2);
    if (split->tooMany)
        return ProtocolError::malformed(QStringLiteral("more than %1 keys").arg(limits.maxValues), mode);

    // The last of repeated keys counts, as in FlatFields.
    std::optional<QByteArrayView> errmsg;
    std::optional<QByteArrayView> success;
    for (qsizetype i = 0; i + 1 < split->lines.size(); i += 2) {
        const QByteArrayView key = split->lines.at(i);
        if (key == "errmsg")
            errmsg = split->lines.at(i + 1);
        else if (key == "success")
            success = split->lines.at(i + 1);
    }
    // errmsg means failure even next to success=OK: flat sessiongenerate/sessionexpire overwrite
    // success after failing (REFERENCE.md 3.12).
    if (errmsg)
        return ProtocolError::fromFlatMessage(CodecText::toQString(*errmsg), mode);
    if (!success) {
        // Never reached the protocol code: an HTML error page, a proxy, a Perl die (1.2).
        return ProtocolError::serverFailure(
            body.isEmpty() ? QStringLiteral("empty reply")
                           : QStringLiteral("reply without a success key: \"%1\"").arg(firstLine(body)),
            mode);
    }
    if (*success == "FAIL")
        return ProtocolError::serverFailure(QStringLiteral("success=FAIL without errmsg"), mode);
    if (*success != "OK")
        return ProtocolError::malformed(
            QStringLiteral("success is \"%1\"")
                .arg(QString::fromUtf8(success->first(qMin<qsizetype>(success->size(), 40)))),
            mode);
    if (split->lines.size() % 2 != 0)
        return ProtocolError::malformed(QStringLiteral("the reply has a key without a value (truncated?)"),
                                        mode);
    return {};
}

} // namespace

QByteArray FlatCodec::formEncode(const QList<Field>& fields)
{
    QByteArray out;
    for (const Field& field : fields) {
        if (!out.isEmpty())
            out.append('&');
        CodecText::appendPercentEncoded(out, field.first);
        out.append('=');
        CodecText::appendPercentEncoded(out, field.second);
    }
    return out;
}

ProtocolResult<QByteArray> FlatCodec::encodeRequest(const QString& mode, const ProtocolValue& request) const
{
    auto fields = flattenRequest(mode, request);
    if (!fields)
        return fields.error();
    return formEncode(fields.value());
}

ProtocolResult<QList<FlatCodec::Field>> FlatCodec::parsePairs(const QByteArray& body,
                                                              const QString& mode) const
{
    const Lines split = splitLines(body, m_limits.maxValues * 2);
    if (split.tooMany)
        return ProtocolError::malformed(QStringLiteral("more than %1 keys").arg(m_limits.maxValues), mode);
    if (split.lines.size() % 2 != 0)
        return ProtocolError::malformed(
            QStringLiteral("the reply has a key without a value (truncated?): \"%1\"")
                .arg(QString::fromUtf8(
                    split.lines.last().first(qMin<qsizetype>(60, split.lines.last().size())).toByteArray())),
            mode);
    QList<Field> pairs;
    pairs.reserve(split.lines.size() / 2);
    for (qsizetype i = 0; i + 1 < split.lines.size(); i += 2)
        pairs.append({split.lines.at(i).toByteArray(), split.lines.at(i + 1).toByteArray()});
    return pairs;
}

ProtocolResult<ProtocolValue> FlatCodec::decodeResponse(const QByteArray& body, const QString& mode) const
{
    Lines split;
    if (ProtocolError error = statusError(body, mode, m_limits, &split); !error.isNull())
        return error;
    QList<FlatFields::Pair> pairs;
    pairs.reserve(split.lines.size() / 2);
    for (qsizetype i = 0; i + 1 < split.lines.size(); i += 2)
        pairs.append({split.lines.at(i), split.lines.at(i + 1)});
    FlatFields fields(std::move(pairs));
    fields.consume(fields.find("success"));
    return shapeFlatReply(mode, fields, m_limits);
}

ProtocolError FlatCodec::replyError(const QByteArray& body, const QString& mode) const
{
    Lines split;
    return statusError(body, mode, m_limits, &split);
}

} // namespace Inkwell
