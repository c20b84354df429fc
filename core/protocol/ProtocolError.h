#pragma once

#include <QCoreApplication>
#include <QString>

#include <span>

namespace Inkwell {

// Why a protocol call failed, the same whichever interface carried it: the server's error number
// (REFERENCE.md 5; 0 when the failure has none), its table message, the free-text detail the
// server appended, the mode, and what the caller should do about it (category()).
class ProtocolError
{
    Q_DECLARE_TR_FUNCTIONS(ProtocolError)

public:
    enum class Category {
        Temporary,      // E_TEMP, or the server failed before the protocol code ran: retry later
        Permanent,      // E_PERM: the same request will fail again
        Authentication, // 100, 101, 105, 402: the credentials (or the login rate) are the problem
        Transport,      // HTTP status, connection, TLS, timeout: never reached the protocol
        Malformed,      // the reply could not be decoded (or a request could not be encoded)
    };

    // One row of the 5 table. The table itself lives in ProtocolError.cpp, nowhere else.
    struct TableEntry
    {
        int code;
        const char* message; // exact server text, double spaces included; "" for 156 (ToS text)
        bool temporary;      // TEMP vs PERM class
    };
    static std::span<const TableEntry> table();

    ProtocolError() = default;

    // A numbered server error; the message comes from the table.
    static ProtocolError fromCode(int code, const QString& detail = {}, const QString& mode = {});
    // A flat `errmsg` (1.2.2): the prefix is stripped and the longest table message that starts
    // the rest gives the number; what follows ": " is the detail. The flat pre-dispatch errors
    // (1.2.3) map to their XML-RPC equivalents.
    static ProtocolError fromFlatMessage(const QString& errmsg, const QString& mode = {});
    // An XML-RPC fault (1.3): a numeric faultCode is the error number; SOAP-style codes such as
    // "Server" (a Perl die on the server) or "Client" have none.
    static ProtocolError fromFault(const QString& faultCode, const QString& faultString,
                                   const QString& mode = {});
    static ProtocolError malformed(const QString& what, const QString& mode = {});
    // The server answered but not from the protocol code (flat reply without `success`, a 5xx
    // page): temporary, no number.
    static ProtocolError serverFailure(const QString& what, const QString& mode = {});
    static ProtocolError transport(const QString& what, int httpStatus = 0, const QString& mode = {});
    // A request the chosen interface cannot express (e.g. getcircle over flat).
    static ProtocolError unsupported(const QString& what, const QString& mode = {});

    bool isNull() const { return m_null; }
    int code() const { return m_code; }
    QString message() const { return m_message; }
    QString detail() const { return m_detail; }
    QString mode() const { return m_mode; }
    Category category() const { return m_category; }
    // errmsg or faultString exactly as the server sent it (empty for local errors).
    QString serverText() const { return m_serverText; }
    // faultCode when it was not a number ("Server", "Client").
    QString faultCode() const { return m_faultCode; }
    int httpStatus() const { return m_httpStatus; }

    bool isTemporary() const
    {
        return m_category == Category::Temporary || m_category == Category::Transport;
    }
    // The server refused this request for a reason of its own (user, request or access errors,
    // 1xx-3xx), even where it calls the error temporary (300 no access, 151 banned, 155 email not
    // validated): sending it again unchanged waits on the user, not on the network. Not 306 (read-only
    // for a couple of minutes) or 311 (access temporarily disabled): those pass by themselves.
    bool isRefusal() const
    {
        return m_category != Category::Authentication && m_code >= 100 && m_code < 400 && m_code != 306 &&
               m_code != 311;
    }
    void setMode(const QString& mode) { m_mode = mode; }
    // A 101 that came on a request authenticated by a session cookie: the server did not accept
    // the session (expired, ended, or the cookie did not reach it), which says nothing about the
    // password.
    bool isSessionRefused() const { return m_sessionRefused; }
    void setSessionRefused(bool refused) { m_sessionRefused = refused; }
    // What the user should do about this error, in a sentence or two; empty when there is nothing
    // better to say than the error itself. `account` names the account in the advice.
    QString advice(const QString& account = {}) const;
    // "getevents: Invalid argument(s): Invalid year value (error 203, permanent)".
    QString toString() const;

    // The table's view of a number: its message ("" if unknown) and category (unknown numbers are
    // classed by range: 1xx/2xx permanent, 3xx-5xx temporary).
    static QString tableMessage(int code);
    static Category categoryForCode(int code);

    bool operator==(const ProtocolError&) const = default;

private:
    bool m_null = true;
    bool m_sessionRefused = false;
    int m_code = 0;
    int m_httpStatus = 0;
    Category m_category = Category::Malformed;
    QString m_message;
    QString m_detail;
    QString m_mode;
    QString m_serverText;
    QString m_faultCode;
};

// "temporary", "permanent", "authentication", "transport", "malformed reply".
QString categoryName(ProtocolError::Category category);

} // namespace Inkwell
