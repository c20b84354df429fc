// libFuzzer target: FlatCodec::decodeResponse on arbitrary bytes. The first byte picks the mode
// whose shaper runs (FuzzModes.h); the rest is the reply body.
//
// Oracles beyond "no crash, no leak, no UB, no hang": a successful reply has no `success` key left
// and survives a trip through the XML-RPC encoder and decoder unchanged (the two codecs agree on
// every tree the flat decoder can build); replyError(), the status-only check, agrees with it: no
// error for a reply that decodes, the decoder's own error for one that fails on its status; the
// mode's reader in JournalMessages takes the tree (FuzzMessages.h); a body that
// syncItemsFromPlainFlatReply reads gives the same page the generic way.

#include "FuzzMessages.h"
#include "FuzzModes.h"
#include "protocol/FlatCodec.h"
#include "protocol/XmlRpcCodec.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace Inkwell;

namespace {

[[noreturn]] void finding(const char* what)
{
    std::fprintf(stderr, "ORACLE FAILED: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const QString mode = fuzzMode(data[0]);
    const QByteArray body(reinterpret_cast<const char*>(data + 1), qsizetype(size - 1));

    const auto result = FlatCodec().decodeResponse(body, mode);
    const ProtocolError status = FlatCodec().replyError(body, mode);
    if (result ? !status.isNull() : !status.isNull() && !(status == result.error()))
        finding("replyError and decodeResponse disagree");
    if (const auto plain =
            mode == QLatin1String("syncitems") ? syncItemsFromPlainFlatReply(body) : std::nullopt) {
        const auto page = result ? syncItemsFromReply(result.value()) : result.error();
        if (!page || !(page.value() == *plain))
            finding("a plain syncitems page reads otherwise the generic way");
    }
    if (!result) {
        if (result.error().mode() != mode)
            finding("the error does not name the mode");
        (void)result.error().toString();
        return 0;
    }
    const ProtocolValue& tree = result.value();
    if (!tree.isStruct())
        finding("a reply that is not a struct");
    if (tree.contains(QStringLiteral("success")))
        finding("success left in the tree");
    (void)tree.toJsonText(false);
    checkMessages(mode, tree, finding);

    const auto call = XmlRpcCodec::encodeCall(QStringLiteral("LJ.XMLRPC.x"), {tree});
    if (!call)
        return 0; // a key XML cannot name (control characters): fine, the tree is still valid
    const QByteArray& text = call.value();
    const qsizetype start = text.indexOf("<param>") + 7;
    const QByteArray reply = "<methodResponse><params><param>" +
                             text.mid(start, text.lastIndexOf("</param>") - start) +
                             "</param></params></methodResponse>";
    const auto again = XmlRpcCodec().decodeResponse(reply, mode);
    if (!again || !again.value().isEquivalent(tree))
        finding("the XML-RPC codec does not carry the flat tree");
    return 0;
}
