#pragma once

#include "protocol/ProtocolCodec.h"

namespace Inkwell {

// The XML-RPC interface (REFERENCE.md 1.3): `LJ.XMLRPC.<mode>` with one struct param.
//
// Encoding: text goes out as <string> in UTF-8 with &, <, > escaped and CR as &#13; (an XML
// parser would turn a raw CR into LF); text that XML cannot carry (control characters, invalid
// UTF-8) goes out as <base64>, which the server decodes to the same bytes. Numbers go out as
// <int>/<double> when their lexeme is a canonical 32-bit integer or a plain decimal, otherwise as
// <string> holding the lexeme (64-bit masks, a subject "007" the server once typed as <int>):
// the server takes any scalar type for any field, and no character is lost.
//
// Decoding (one pass, no DOM): the compact form servers send is read straight from the bytes
// (XmlRpcReader::readCanonical, ~3x QXmlStreamReader's speed); anything else goes through
// QXmlStreamReader, which also gives every error. Accepted: every XML-RPC type, plus <i8>, <nil/> and the
// empty <value/> the server sends for undef; comments, CDATA, processing instructions, character references
// and whitespace between elements are accepted; a DTD, unknown elements, text mixed with elements, bad
// numbers or base64 and anything past the limits are a Malformed error. Faults become ProtocolErrors (numeric
// or SOAP-style faultCode).
class XmlRpcCodec : public ProtocolCodec
{
public:
    QString endpointPath() const override { return QStringLiteral("/interface/xmlrpc"); }
    QByteArray contentType() const override { return QByteArrayLiteral("text/xml"); }

    ProtocolResult<QByteArray> encodeRequest(const QString& mode,
                                             const ProtocolValue& request) const override;
    ProtocolResult<ProtocolValue> decodeResponse(const QByteArray& body, const QString& mode) const override;
    // Reads up to the reply's first element (and looks at its end) unless it is a fault.
    ProtocolError replyError(const QByteArray& body, const QString& mode) const override;

    // A methodResponse's value, whatever its type, or the fault it carries (ProtocolError::fromFault)
    // or why it does not read: what decodeResponse() checks before it asks for a struct, for other
    // XML-RPC APIs (BloggerCodec).
    static ProtocolResult<ProtocolValue> decodeValue(const QByteArray& body, const QString& mode,
                                                     const DecodeLimits& limits);
    // A methodCall for any method name and params (tests, other XML-RPC APIs).
    static ProtocolResult<QByteArray> encodeCall(const QString& methodName,
                                                 const ProtocolValue::List& params);
};

} // namespace Inkwell
