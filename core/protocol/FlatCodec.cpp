#include "protocol/FlatCodec.h"

#include "protocol/CodecText.h"
#include "protocol/FlatFields.h"

#include <cstring>
#include <optional>

namespace Inkwell {

namespace {

struct Split
{
    QList<FlatFields::Pair> pairs;
    std::optional<QByteArrayView> dangling; // a last key without its value
    bool tooMany = false;
};

// Splits on LF into key/value pairs, straight into the list FlatFields keeps (one list, no copy).
// The final LF ends the last line rather than starting an empty one; a CR before an LF is dropped
// (the server deletes every CR from keys and values, 1.2, so only a proxy could have added it).
Split splitPairs(const QByteArray& body, qsizetype maxLines)
{
    Split result;
    const QByteArrayView view(body);
    // A guess, not a count (counting the LFs first cost a tenth of the decode): getevents pairs
    // average ~28 bytes; a reply of shorter ones grows the list.
    result.pairs.reserve(qMin<qsizetype>(maxLines / 2, body.size() / 24) + 1);
    std::optional<QByteArrayView> key;
    qsizetype count = 0;
    const char* start = view.data();
    const char* const end = start + view.size();
    while (start < end) {
        if (count >= maxLines) {
            result.tooMany = true;
            break;
        }
        const auto* newline = static_cast<const char*>(std::memchr(start, '\n', size_t(end - start)));
        const char* const stop = newline ? newline : end;
        QByteArrayView line(start, stop - start);
        if (line.endsWith('\r'))
            line.chop(1);
        ++count;
        if (key) {
            result.pairs.append({*key, line});
            key.reset();
        } else {
            key = line;
        }
        start = stop + 1;
    }
    // An odd count ending in an empty line: one LF too many at the end, not an empty key.
    if (key && !key->isEmpty())
        result.dangling = key;
    return result;
}

QString firstLine(const QByteArray& body)
{
    const qsizetype end = body.indexOf('\n');
    return QString::fromUtf8(body.left(qMin<qsizetype>(end < 0 ? body.size() : end, 120))).trimmed();
}

// The reply's outcome from its status keys alone; `split` gets the body's key/value pairs.
ProtocolError statusError(const QByteArray& body, const QString& mode, const DecodeLimits& limits,
                          Split* split)
{
    if (body.size() > limits.maxBodyBytes)
        return ProtocolError::malformed(QStringLiteral("reply of %1 bytes is over the %2-byte limit")
                                            .arg(body.size())
                                            .arg(limits.maxBodyBytes),
                                        mode);
    *split = splitPairs(body, limits.maxValues * 2);
    if (split->tooMany)
        return ProtocolError::malformed(QStringLiteral("more than %1 keys").arg(limits.maxValues), mode);

    // The last of repeated keys counts, as in FlatFields.
    std::optional<QByteArrayView> errmsg;
    std::optional<QByteArrayView> success;
    for (const FlatFields::Pair& pair : std::as_const(split->pairs)) {
        if (pair.first == "errmsg")
            errmsg = pair.second;
        else if (pair.first == "success")
            success = pair.second;
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
    if (split->dangling)
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
    const Split split = splitPairs(body, m_limits.maxValues * 2);
    if (split.tooMany)
        return ProtocolError::malformed(QStringLiteral("more than %1 keys").arg(m_limits.maxValues), mode);
    if (split.dangling)
        return ProtocolError::malformed(
            QStringLiteral("the reply has a key without a value (truncated?): \"%1\"")
                .arg(QString::fromUtf8(
                    split.dangling->first(qMin<qsizetype>(60, split.dangling->size())).toByteArray())),
            mode);
    QList<Field> pairs;
    pairs.reserve(split.pairs.size());
    for (const FlatFields::Pair& pair : split.pairs)
        pairs.append({pair.first.toByteArray(), pair.second.toByteArray()});
    return pairs;
}

ProtocolResult<ProtocolValue> FlatCodec::decodeResponse(const QByteArray& body, const QString& mode) const
{
    Split split;
    if (ProtocolError error = statusError(body, mode, m_limits, &split); !error.isNull())
        return error;
    FlatFields fields(std::move(split.pairs));
    fields.consume(fields.find("success"));
    return shapeFlatReply(mode, fields, m_limits);
}

ProtocolError FlatCodec::replyError(const QByteArray& body, const QString& mode) const
{
    Split split;
    return statusError(body, mode, m_limits, &split);
}

} // namespace Inkwell
