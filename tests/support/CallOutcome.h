#pragma once

#include "protocol/LjClient.h"
#include "protocol/ProtocolCall.h"

#include <QTest>

#include <optional>

// One protocol call made and waited for, and what it left behind (the call object itself is the
// client's and goes): for tests that drive an LjClient directly.
struct CallOutcome
{
    bool ok = false;
    Inkwell::ProtocolValue reply;
    Inkwell::ProtocolError error;
    bool outcomeUnknown = false;
    int requests = 0;
};

inline CallOutcome runCall(Inkwell::LjClient& client, const QString& mode,
                           const Inkwell::ProtocolValue& request = Inkwell::ProtocolValue::emptyMap())
{
    std::optional<CallOutcome> outcome;
    QObject context;
    client.call(mode, request, &context, [&](Inkwell::ProtocolCall& call) {
        outcome = CallOutcome{call.succeeded(), call.reply(), call.error(), call.outcomeUnknown(),
                              call.requestCount()};
    });
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 60000);
    }();
    return outcome.value_or(CallOutcome{});
}
