#pragma once

#include "protocol/ProtocolCodec.h"

// Reading a methodResponse into a value tree (internal to core/protocol; XmlRpcCodec is the API).
namespace Inkwell::XmlRpcReader {

enum class Outcome {
    Value,        // params/param/value
    Fault,        // fault/value
    Failed,       // not a valid methodResponse: `error` says why
    NotCanonical, // readCanonical() only: outside its subset, ask readWithStreamReader()
};

struct Parse
{
    Outcome outcome = Outcome::Failed;
    ProtocolValue value;
    QString error;
};

// QXmlStreamReader: any well-formed XML-RPC reply, comments, CDATA, PIs, character references
// and namespaces included, with a precise error for everything else.
Parse readWithStreamReader(const QByteArray& body, const DecodeLimits& limits);

// The form servers actually send (UTF-8, elements without attributes, the five predefined
// entities and character references, whitespace between elements), read straight from the bytes
// at several times QXmlStreamReader's speed. Anything else, every error and every limit included,
// is NotCanonical and left to readWithStreamReader(), so the two can never disagree on a tree:
// when this one succeeds, the stream reader would have built the same (operator==) value; the
// XML-RPC fuzzer checks exactly that.
Parse readCanonical(const QByteArray& body, const DecodeLimits& limits);

// readCanonical(), falling back to readWithStreamReader().
Parse read(const QByteArray& body, const DecodeLimits& limits);

// Shared by both readers so that they turn the same text into the same value.
// The type of a scalar element (<string>, <int>, <i4>, <i8>, <boolean>, <double>,
// <dateTime.iso8601>, <base64>, <nil>); false for any other name.
bool scalarElementType(QAnyStringView name, ProtocolValue::Type* type);
// The value of a scalar element from its text content (UTF-8); false with *error if the text is
// not valid for the type (a non-numeric <int>, bad base64, ...).
bool makeScalar(ProtocolValue::Type type, QByteArray text, ProtocolValue* out, QString* error);

} // namespace Inkwell::XmlRpcReader
