#pragma once

#include <QList>
#include <QString>

#include <chrono>

namespace Inkwell {

class ProtocolError;

// When LjClient tries a failed call again by itself: only temporary failures (REFERENCE.md 5:
// E_TEMP, transport errors), never 402 (login failures: waiting is the cure, not hammering), 405 or
// 406 (rate limits that repeated requests make worse), and never a non-idempotent call whose
// outcome is unknown (the caller must find out from the server first).
struct RetryPolicy
{
    // Pause before each further attempt; its length is the number of retries.
    QList<std::chrono::milliseconds> delays{std::chrono::seconds(1), std::chrono::seconds(4),
                                            std::chrono::seconds(15)};

    static RetryPolicy none() { return RetryPolicy{{}}; }

    bool shouldRetry(const ProtocolError& error, bool idempotent, bool outcomeUnknown, int retriesDone) const;
};

// Modes whose repetition cannot change anything on the server (reads, the session/challenge
// machinery, and the friend edits, which set a state); everything else posts, edits or deletes.
bool isIdempotentMode(const QString& mode);

// Modes only the XML-RPC interface carries (REFERENCE.md 3.0); a flat account uses XML-RPC for them.
bool isXmlRpcOnlyMode(const QString& mode);
// Modes only the flat interface has (uploadpic, from the LJ seed), used even by XML-RPC accounts.
bool isFlatOnlyMode(const QString& mode);

} // namespace Inkwell
