#include "protocol/ProtocolCall.h"

namespace Inkwell {

ProtocolCall::ProtocolCall(QString mode, ProtocolValue request, bool idempotent, QObject* parent)
    : QObject(parent)
    , m_mode(std::move(mode))
    , m_request(std::move(request))
    , m_idempotent(idempotent)
{}

void ProtocolCall::cancel()
{
    if (m_finished || m_cancelled)
        return;
    m_cancelled = true;
    emit cancelRequested();
}

void ProtocolCall::finish(ProtocolValue reply, ProtocolError error, bool outcomeUnknown)
{
    if (m_finished)
        return;
    m_finished = true;
    m_reply = std::move(reply);
    m_error = std::move(error);
    if (!m_error.isNull() && m_error.mode().isEmpty())
        m_error.setMode(m_mode);
    m_outcomeUnknown = !m_error.isNull() && outcomeUnknown;
    emit finished();
    deleteLater();
}

} // namespace Inkwell
