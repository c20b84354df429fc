// The Blogger API's content mapping (REFERENCE.md 7.1): a subject, mood and music folded into the
// one content string and read back as the server reads them; post ids and dates as LiveJournal and
// WordPress send them.

#include "journal/BloggerContent.h"

#include <QTest>

using namespace Inkwell;

namespace QTest {
template <>
char* toString(const BloggerContent& c)
{
    return qstrdup(QStringLiteral("{subject=%1 mood=%2 music=%3 body=%4}")
                       .arg(c.subject, c.mood, c.music, c.body)
                       .toUtf8()
                       .constData());
}
} // namespace QTest

class TestBloggerContent : public QObject
{
    Q_OBJECT
private slots:
    void everythingTheContentCarriesComesBack_data()
    {
        QTest::addColumn<BloggerContent>("content");
        QTest::newRow("all of it") << BloggerContent{
            QStringLiteral("Café <b>bold</b> ☕"), QStringLiteral("calm"), QStringLiteral("Bach — Goldberg"),
            QStringLiteral("Line one\n<p>two</p>\n\nthree ✓")};
        QTest::newRow("body only") << BloggerContent{
            {}, {}, {}, QStringLiteral("Just <i>words</i>,\nnothing else.")};
        QTest::newRow("subject only")
            << BloggerContent{QStringLiteral("Только тема"), {}, {}, QStringLiteral("тело")};
        QTest::newRow("music, no mood")
            << BloggerContent{{}, {}, QStringLiteral("雨の音"), QStringLiteral("x")};
    }

    void everythingTheContentCarriesComesBack()
    {
        QFETCH(BloggerContent, content);
        QCOMPARE(fromBloggerContent(toBloggerContent(content)), content);
    }

    void theContentIsWrittenAsTheServerWritesIt()
    {
        // No line break between the title and the first header line; one after the headers.
        QCOMPARE(toBloggerContent({QStringLiteral("S"), QStringLiteral("happy"), QStringLiteral("song"),
                                   QStringLiteral("body")}),
                 QStringLiteral("<title>S</title>lj-mood: happy\nlj-music: song\n\nbody"));
        QCOMPARE(toBloggerContent({QStringLiteral("S"), {}, {}, QStringLiteral("body")}),
                 QStringLiteral("<title>S</title>\nbody"));
        QCOMPARE(toBloggerContent({{}, {}, {}, QStringLiteral("body")}), QStringLiteral("body"));
        // "0" is false to the server's Perl: left out, as the server would leave it out.
        QCOMPARE(toBloggerContent({QStringLiteral("0"), QStringLiteral("0"), {}, QStringLiteral("b")}),
                 QStringLiteral("b"));
    }

    void theContentIsReadAsTheServerReadsIt()
    {
        // The first one-line title anywhere; the rest trimmed.
        QCOMPARE(fromBloggerContent(QStringLiteral("  Before <title>Mid</title> after \n")),
                 (BloggerContent{QStringLiteral("Mid"), {}, {}, QStringLiteral("Before  after")}));
        QCOMPARE(fromBloggerContent(QStringLiteral("<title>a\nb</title>x")).subject, QString());
        QCOMPARE(fromBloggerContent(QStringLiteral("<title>One</title><title>Two</title>")).body,
                 QStringLiteral("<title>Two</title>"));
        // Header lines in any case, at the start or after a line break, ended by one; both line
        // breaks go with the line, as on the server (lj-r26 blogger_deserialize).
        QCOMPARE(fromBloggerContent(QStringLiteral("text\nLJ-MOOD:   tired\nmore")),
                 (BloggerContent{{}, QStringLiteral("tired"), {}, QStringLiteral("textmore")}));
        QCOMPARE(fromBloggerContent(QStringLiteral("not a header lj-mood: x\n")).mood, QString());
        QCOMPARE(fromBloggerContent(QStringLiteral("lj-music: no line break after it")).music, QString());
    }

    void postIdsOfLiveJournalAndWordPress()
    {
        QVERIFY(parseBloggerPostId(QStringLiteral("alice:42")) ==
                (BloggerPostId{QStringLiteral("alice"), 42}));
        QVERIFY(parseBloggerPostId(QStringLiteral("book-club:7")) ==
                (BloggerPostId{QStringLiteral("book-club"), 7}));
        QVERIFY(parseBloggerPostId(QStringLiteral("123")) == (BloggerPostId{QString(), 123}));
        QCOMPARE(toString(BloggerPostId{QStringLiteral("alice"), 42}), QStringLiteral("alice:42"));
        QCOMPARE(toString(BloggerPostId{QString(), 123}), QStringLiteral("123"));
        for (const QString& bad :
             {QStringLiteral("alice:"), QStringLiteral("alice:0"), QStringLiteral("a b:1"),
              QStringLiteral(":5"), QStringLiteral("alice:5x"), QString()})
            QVERIFY2(!parseBloggerPostId(bad), qPrintable(bad));
    }

    void datesAsTheServersSendThem()
    {
        QCOMPARE(serverTimeFromBloggerDate(QStringLiteral("20261207T10:00:00")),
                 QStringLiteral("2026-12-07 10:00:00"));
        QCOMPARE(serverTimeFromBloggerDate(QStringLiteral("2026-12-07T10:00:05Z")),
                 QStringLiteral("2026-12-07 10:00:05"));
        QCOMPARE(serverTimeFromBloggerDate(QStringLiteral("20261207T23:59:59+01:00")),
                 QStringLiteral("2026-12-07 23:59:59"));
        QCOMPARE(serverTimeFromBloggerDate(QStringLiteral("yesterday")), QString());
        QCOMPARE(serverTimeFromBloggerDate(QStringLiteral("2026-12-07 10:00:00")), QString());
    }
};

QTEST_GUILESS_MAIN(TestBloggerContent)
#include "TestBloggerContent.moc"
