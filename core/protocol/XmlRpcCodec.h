#pragma once

#include "protocol/ProtocolCodec.h"

namespace Inkwell {

// The XML-RPC interface (REFERENCE.md 1.3): `LJ.XMLRPC.<mode>` with one struct param.
//
// Encoding: text goes out as <string> in UTF-8 with &, <, > escaped and CR as &#13; (an XML
// parser would turn a raw CR into LF); text that XML cannot carry (control characters, invalid
// UTF-8) goes out as <base64>, which the server decodes to the same bytes. Integers within 32
// bits are <int>, larger ones <string> (the server takes any scalar type for any field, and
// strict XML-RPC has no 64-bit int).
//
// Decoding (QXmlStreamReader, one pass): every XML-RPC type, plus <i8>, <nil/> and the empty
// <value/> the server sends for undef; comments, CDATA, processing instructions, character
// references and whitespace between elements are accepted; a DTD, unknown elements, text mixed
// with elements, bad numbers or base64 and anything past the limits are a Malformed error.
// Faults become ProtocolErrors (numeric or SOAP-style faultCode).
class XmlRpcCodec : public ProtocolCodec
{
public:
    QString endpointPath() const override { return QStringLiteral("/interface/xmlrpc"); }
    QByteArray contentType() const override { return QByteArrayLiteral("text/xml"); }

    ProtocolResult<QByteArray> encodeRequest(const QString& mode,
                                             const ProtocolValue& request) const override;
    ProtocolResult<ProtocolValue> decodeResponse(const QByteArray& body, const QString& mode) const override;

    // A methodCall for any method name and params (tests, other XML-RPC APIs).
    static ProtocolResult<QByteArray> encodeCall(const QString& methodName,
                                                 const ProtocolValue::List& params);
};

} // namespace Inkwell
