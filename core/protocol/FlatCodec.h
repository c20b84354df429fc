#pragma once

#include "protocol/ProtocolCodec.h"

#include <QList>

#include <utility>

namespace Inkwell {

// The flat interface (REFERENCE.md 1.2): form-encoded requests, `KEY\nVALUE\n` replies.
//
// Both directions are shaped per mode (REFERENCE.md 3) so that callers see the XML-RPC tree:
// the request struct is flattened (`username` -> `user`, `props` -> `prop_<name>`, editfriends
// `add`/`delete`, editfriendgroups `set`/`delete`/`groupmasks`, sessionexpire `expire`,
// consolecommand `commands`), and the reply's numbered keys are rebuilt into arrays and structs
// (`events_N_*` with the global `prop_N_*` -> `events[].props`, `frgrp_<id>_*` ->
// `friendgroups[]`, `menu_M_I_*` -> nested `menus`, date keys -> `daycounts[]`, ...). Scalars
// are typed by the rule the XML-RPC server applies to the same text (1.3.1), so even the JSON of
// a reply is the same on both interfaces, except that flat cannot tell Perl's undef (XML-RPC
// <value/>, JSON null) from an empty string (""). Keys a shaper does not know pass through.
//
// What the flat interface carries less of, and so is missing from its trees:
//   - login: no `userid` (4.9); `usejournals` is [] when the server sends no `access_*`.
//   - getusertags: no `security.public/private/protected` counts, only `security.groups`
//     (a server bug drops them, 3.8); `uses` and `display` are 0 when absent.
//   - every reply: CR and LF are deleted by the server from every value except entry bodies
//     (`events_N_event`, `entries_N_event`), the only values it URL-encodes.
//   - XML-RPC-only modes (getcircle, editcircle, getinbox, sendmessage, setmessageread,
//     addcomment) and more than one console command cannot be encoded: a Permanent error.
// Known flat quirks handled here: an `errmsg` always means failure, even with `success=OK`
// (sessiongenerate/sessionexpire, 3.12); an empty `ljsession` is a failure; a reply without
// `success` never reached the protocol code and is a Temporary error (1.2).
class FlatCodec : public ProtocolCodec
{
public:
    using Field = std::pair<QByteArray, QByteArray>;

    QString endpointPath() const override { return QStringLiteral("/interface/flat"); }
    QByteArray contentType() const override { return QByteArrayLiteral("application/x-www-form-urlencoded"); }

    ProtocolResult<QByteArray> encodeRequest(const QString& mode,
                                             const ProtocolValue& request) const override;
    ProtocolResult<ProtocolValue> decodeResponse(const QByteArray& body, const QString& mode) const override;
    // Reads only the status keys (success, errmsg): no reply tree is built.
    ProtocolError replyError(const QByteArray& body, const QString& mode) const override;

    // The two halves, for tests and tools: the flat fields of a request (mode, user, ver first),
    // and the key/value pairs of a reply body in order (nullopt-like error if it is not pairs).
    static ProtocolResult<QList<Field>> flattenRequest(const QString& mode, const ProtocolValue& request);
    static QByteArray formEncode(const QList<Field>& fields);
    ProtocolResult<QList<Field>> parsePairs(const QByteArray& body, const QString& mode) const;
    // Rebuilds the XML-RPC shape of a successful reply from its fields (success/errmsg removed).
    ProtocolResult<ProtocolValue> shapeReply(const QString& mode, const QList<Field>& fields) const;
};

} // namespace Inkwell
