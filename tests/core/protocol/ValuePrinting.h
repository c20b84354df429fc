#pragma once

#include "protocol/ProtocolValue.h"

#include <QtGlobal>

// QCOMPARE prints ProtocolValues as compact JSON (found by argument-dependent lookup).
namespace Inkwell {
inline char* toString(const ProtocolValue& value)
{
    return qstrdup(QByteArray(typeName(value.type())) + ' ' + value.toJsonText(false));
}
} // namespace Inkwell
