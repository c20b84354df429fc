#pragma once

#include "protocol/ProtocolResult.h"
#include "protocol/ProtocolValue.h"

#include <QByteArray>
#include <QString>

namespace Inkwell {

// Bounds a decoder holds a reply to, so that a hostile or broken server cannot make it allocate
// without limit or recurse without end. The defaults are far above anything a real server sends
// (a 100-entry getevents reply is ~80 kB and ~3,000 values; Dreamwidth caps one body at 450 kB).
struct DecodeLimits
{
    qsizetype maxBodyBytes = 64 * 1024 * 1024;
    int maxDepth = 64;               // nested arrays/structs; real replies nest 6 deep at most
    qsizetype maxValues = 2'000'000; // tree nodes (XML-RPC) or key/value pairs (flat)
};

// One of the protocol's two wire formats (REFERENCE.md 1.1). Pure: bytes in, bytes or a value
// tree out, no I/O, safe to use from any thread.
//
// Requests are given XML-RPC-shaped whatever the interface (a struct of fields, `username`,
// `props` as a nested struct, ...); replies come back XML-RPC-shaped too, so code above the codec
// never needs to know which interface an account uses. Differences that the flat interface
// cannot hide are documented on FlatCodec.
class ProtocolCodec
{
public:
    virtual ~ProtocolCodec() = default;

    virtual QString endpointPath() const = 0; // "/interface/flat", "/interface/xmlrpc"
    virtual QByteArray contentType() const = 0;

    // The HTTP body for `mode` with the given request struct. `ver` is set to 1 unless the
    // request carries its own (REFERENCE.md 1.4).
    virtual ProtocolResult<QByteArray> encodeRequest(const QString& mode,
                                                     const ProtocolValue& request) const = 0;

    // The reply struct, or the error the server reported (or that the body is not a valid reply).
    // `mode` shapes flat replies and names the mode in errors.
    virtual ProtocolResult<ProtocolValue> decodeResponse(const QByteArray& body,
                                                         const QString& mode) const = 0;

    // decodeResponse() for a reply to `request`, for an interface whose replies do not say all the
    // mode's reply says (the Blogger API answers an edit with 1, not with the entry's itemid).
    virtual ProtocolResult<ProtocolValue> decodeReply(const QByteArray& body, const QString& mode,
                                                      const ProtocolValue& request) const
    {
        Q_UNUSED(request)
        return decodeResponse(body, mode);
    }

    // What decodeResponse() would say of the reply's outcome, read as cheaply as the format
    // allows: a null error when the server reports success, else the error decodeResponse() would
    // give. A reply that passes may still fail decodeResponse() later (damaged content behind a
    // good status); the check exists so that a caller can act on a reply's outcome (retry, renew
    // the session, send the next request) and decode the body afterwards.
    virtual ProtocolError replyError(const QByteArray& body, const QString& mode) const
    {
        const auto decoded = decodeResponse(body, mode);
        return decoded ? ProtocolError() : decoded.error();
    }

    const DecodeLimits& limits() const { return m_limits; }
    void setLimits(const DecodeLimits& limits) { m_limits = limits; }

protected:
    DecodeLimits m_limits;
};

} // namespace Inkwell
