#pragma once

#include "protocol/ProtocolValue.h"

#include <QStringList>

#include <optional>

namespace Inkwell::Cli {

// The request of `inkwell-cli call NAME MODE FIELD...`, built from its FIELD arguments:
//
//   key=value     a string (everything after the first '=', may be empty)
//   key:=JSON     any JSON value (numbers become Int or Double, null Nil; ProtocolValue::fromJson)
//   a.b.c=value   a member of nested structs, made as needed; with := too
//
// Each key path may be given once, and a path cannot go through a value that is not a struct.
// Returns nullopt and a sentence naming the bad argument in *error.
std::optional<ProtocolValue> requestFromArguments(const QStringList& fields, QString* error);

} // namespace Inkwell::Cli
