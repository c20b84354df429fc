// libFuzzer target: XmlRpcCodec::decodeResponse on arbitrary bytes.
//
// Oracles beyond "no crash, no leak, no UB, no hang":
//  - the canonical reader and the QXmlStreamReader reader never disagree on a document the
//    canonical reader accepts (same outcome, same tree);
//  - a decoded tree re-encoded by our encoder and decoded again is equivalent to itself;
//  - the flat encoder copes with whatever tree the decoder produced;
//  - replyError(), the cheap status check, gives no error for a reply that decodes and the
//    decoder's own error for any it reports;
//  - entriesFromReply takes the tree, and its entries survive their JSON form (FuzzMessages.h);
//  - the Blogger API's codec (LiveJournal's and WordPress's post ids) reads the same bytes as a
//    reply to each mode it maps, and what it makes of them passes the same checks.

#include "FuzzMessages.h"
#include "FuzzModes.h"
#include "protocol/BloggerCodec.h"
#include "protocol/FlatCodec.h"
#include "protocol/XmlRpcCodec.h"
#include "protocol/XmlRpcReader.h"

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
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));
    const DecodeLimits limits;
    const QString mode = QStringLiteral("getevents");

    const XmlRpcCodec codec;
    const auto result = codec.decodeResponse(body, mode);
    if (!result && result.error().mode() != mode)
        finding("the error does not name the mode");
    const ProtocolError status = codec.replyError(body, mode);
    if (result ? !status.isNull() : !status.isNull() && !(status == result.error()))
        finding("replyError and decodeResponse disagree");

    const auto canonical = XmlRpcReader::readCanonical(body, limits);
    if (canonical.outcome != XmlRpcReader::Outcome::NotCanonical) {
        const auto stream = XmlRpcReader::readWithStreamReader(body, limits);
        if (stream.outcome != canonical.outcome)
            finding("canonical and stream readers disagree on the outcome");
        if (!(stream.value == canonical.value))
            finding("canonical and stream readers build different trees");
    }

    if (result) {
        const ProtocolValue& tree = result.value();
        (void)tree.toJsonText(false);
        checkMessages(mode, tree, finding);
        for (auto it = tree.members().cbegin(); it != tree.members().cend(); ++it)
            (void)it.value().toText(), (void)it.value().toInt(), (void)it.value().toDouble();

        const auto call = XmlRpcCodec::encodeCall(QStringLiteral("LJ.XMLRPC.x"), {tree});
        if (!call)
            finding("a decoded tree cannot be encoded");
        const QByteArray& text = call.value();
        const qsizetype start = text.indexOf("<param>") + 7;
        const QByteArray reply = "<methodResponse><params><param>" +
                                 text.mid(start, text.lastIndexOf("</param>") - start) +
                                 "</param></params></methodResponse>";
        const auto again = codec.decodeResponse(reply, mode);
        if (!again || !again.value().isEquivalent(tree))
            finding("decode(encode(tree)) differs from tree");

        (void)FlatCodec().encodeRequest(fuzzMode(size ? data[0] : 0), tree);
    }

    // Every mode the Blogger codec reads a reply of its own way (the first byte of an XML-RPC
    // body says nothing of a mode).
    ProtocolValue request = ProtocolValue::emptyMap();
    request.insert(QStringLiteral("username"), QStringLiteral("alice"));
    request.insert(QStringLiteral("itemid"), 7);
    for (const char16_t* blogMode :
         {u"login", u"getevents", u"postevent", u"editevent", u"blogger.getPost"}) {
        const QString picked = QString::fromUtf16(blogMode);
        for (const auto ids : {BloggerCodec::PostIds::JournalAndItem, BloggerCodec::PostIds::Number}) {
            const auto read = BloggerCodec(QString(), ids).decodeReply(body, picked, request);
            if (!read && read.error().mode() != picked)
                finding("the Blogger codec's error does not name the mode");
            if (read) {
                (void)read.value().toJsonText(false);
                checkMessages(picked, read.value(), finding);
            }
        }
    }
    return 0;
}
