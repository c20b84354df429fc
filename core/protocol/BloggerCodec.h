#pragma once

#include "journal/Account.h"
#include "journal/BloggerContent.h"
#include "protocol/ProtocolCodec.h"

#include <QCoreApplication>

namespace Inkwell {

// The Blogger API 1.0 (REFERENCE.md 7.1) behind the protocol's own modes: the reverse of what
// LiveJournal's server does with it (7.2). LjClient hands this codec the same requests as the
// other two (with `username` and, as clear authentication adds it, `password`); it sends the
// blogger.* method LiveJournal maps onto that mode and reads the answer back in the mode's shape,
// so the outbox, the look-up of a post whose reply was lost, and the mirror work on a Blogger
// account unchanged, on what the API can carry:
//   login             getUsersBlogs: fullname (the first blog's name), usejournals (the others)
//   postevent         newPost to `usejournal` or the user's blog; the content carries subject,
//                     current_mood, current_music and the body (BloggerContent); the server dates
//                     it "now", and keeps no security, tags or other props
//   editevent         editPost, or deletePost when the body is empty
//   getevents one     getPost ("Post not found" is an empty `events` list)
//   getevents         any other selecttype: getRecentPosts of `howmany`, at most 50 (all the
//                     API lists), newest first
//   blogger.<method>  the method itself, for `inkwell-cli call`: its parameters by name from the
//                     request (appkey, blogid, postId, content, publish, numberOfPosts,
//                     templateType, template), username and password filled in; the reply as sent
// Any other mode is an error saying that the Blogger API has no such call.
//
// Post ids are LiveJournal's "journal:itemid", or bare numbers where the account's address names
// a script (WordPress's xmlrpc.php).
class BloggerCodec : public ProtocolCodec
{
    Q_DECLARE_TR_FUNCTIONS(BloggerCodec)

public:
    enum class PostIds { JournalAndItem, Number };
    BloggerCodec(QString endpointPath, PostIds postIds);
    // As the account's address says: LiveJournal's /interface/blogger below it, or the script itself.
    static BloggerCodec forAccount(const Account& account);

    static constexpr int maxRecentPosts = bloggerRecentPosts;

    QString endpointPath() const override { return m_endpointPath; }
    QByteArray contentType() const override { return QByteArrayLiteral("text/xml"); }
    ProtocolResult<QByteArray> encodeRequest(const QString& mode,
                                             const ProtocolValue& request) const override;
    // Without the request: an edit's reply reads as success without an itemid.
    ProtocolResult<ProtocolValue> decodeResponse(const QByteArray& body, const QString& mode) const override;
    ProtocolResult<ProtocolValue> decodeReply(const QByteArray& body, const QString& mode,
                                              const ProtocolValue& request) const override;

    QString postId(const QString& journal, qint64 itemid) const;

private:
    // A fault as this API means it: a wrong password, no such post, a refusal that will not pass;
    // any other error (or why the reply did not read) as it is.
    ProtocolResult<ProtocolValue> meaningOf(const ProtocolError& error, const QString& mode) const;

    QString m_endpointPath;
    PostIds m_postIds;
};

} // namespace Inkwell
