#include "entryview/EntryBrowser.h"

#include "common/SecurityBadge.h"
#include "util/RemoteFetcher.h"

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTimer>

namespace Inkwell {

namespace {

constexpr int blockedImageSize = 22;
constexpr qint64 maxRemoteBytes = 8 * 1024 * 1024;
constexpr int remoteTimeoutMs = 20000;

QImage blockedImage(const QPalette& palette)
{
    // A framed square with a diagonal: something was here and was not loaded.
    QImage image(blockedImageSize, blockedImageSize, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    QColor line = palette.color(QPalette::PlaceholderText);
    p.setPen(QPen(line, 1.2));
    p.setBrush(palette.color(QPalette::AlternateBase));
    p.drawRoundedRect(QRectF(1.5, 1.5, 19, 19), 3, 3);
    p.drawLine(QPointF(6, 16), QPointF(16, 6));
    return image;
}

} // namespace

EntryBrowser::EntryBrowser(RemoteFetcher* fetcher, QWidget* parent)
    : QTextBrowser(parent)
    , m_fetcher(fetcher)
{
    setObjectName(QStringLiteral("entryBrowser"));
    setAccessibleName(tr("Entry"));
    setOpenLinks(false); // the owner decides; nothing is followed inside the view
    setOpenExternalLinks(false);
    m_relayoutTimer = new QTimer(this);
    m_relayoutTimer->setSingleShot(true);
    m_relayoutTimer->setInterval(50);
    connect(m_relayoutTimer, &QTimer::timeout, this, &EntryBrowser::relayout);
    m_blockedTimer = new QTimer(this);
    m_blockedTimer->setSingleShot(true);
    m_blockedTimer->setInterval(0);
    connect(m_blockedTimer, &QTimer::timeout, this,
            [this] { emit blockedContentChanged(int(m_blocked.size())); });
}

bool EntryBrowser::isRemote(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https") ||
           scheme == QLatin1String("ftp") || url.toString().startsWith(QLatin1String("//"));
}

void EntryBrowser::showHtml(const QString& html, bool allowRemote)
{
    ++m_page;
    m_html = html;
    m_allowRemote = allowRemote;
    m_blocked.clear();
    m_remoteTypes.clear();
    m_fetched.clear();
    m_inFlight.clear();
    document()->clear(); // drops the resources of the page before
    setHtml(html);
    collectImageUrls();
    if (m_allowRemote) {
        for (auto it = m_remoteTypes.cbegin(); it != m_remoteTypes.cend(); ++it)
            fetch(it.key(), it.value());
    }
    m_blockedTimer->start();
}

void EntryBrowser::allowRemoteContent()
{
    if (m_allowRemote)
        return;
    m_allowRemote = true;
    const QHash<QUrl, int> remote = m_remoteTypes;
    m_blocked.clear();
    for (auto it = remote.cbegin(); it != remote.cend(); ++it)
        fetch(it.key(), it.value());
    m_blockedTimer->start();
}

void EntryBrowser::collectImageUrls()
{
    // Images are asked for only when laid out; find them now so the page knows what it blocks.
    QList<QPair<int, int>> blockedImages; // position, length
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (!format.isImageFormat())
                continue;
            const QUrl url(format.toImageFormat().name());
            if (isRemote(url)) {
                m_remoteTypes.insert(url, QTextDocument::ImageResource);
                if (!m_allowRemote) {
                    m_blocked.insert(url);
                    blockedImages.append({it.fragment().position(), it.fragment().length()});
                }
            } else if (url.scheme() != QLatin1String("data") && url.scheme() != QLatin1String("inkwell")) {
                blockedImages.append({it.fragment().position(), it.fragment().length()}); // never served
            }
        }
    }
    // A blocked image keeps the placeholder's own size: stretched to the width the entry asks
    // for, it would be a big blurred box. Allowing remote content lays the page out anew.
    for (const auto& [position, length] : std::as_const(blockedImages)) {
        QTextCursor cursor(document());
        cursor.setPosition(position);
        cursor.setPosition(position + length, QTextCursor::KeepAnchor);
        QTextImageFormat format = cursor.charFormat().toImageFormat();
        format.setWidth(blockedImageSize);
        format.setHeight(blockedImageSize);
        cursor.setCharFormat(format);
    }
}

void EntryBrowser::noteBlocked(const QUrl& url)
{
    if (!m_blocked.contains(url)) {
        m_blocked.insert(url);
        m_blockedTimer->start();
    }
}

QVariant EntryBrowser::loadResource(int type, const QUrl& name)
{
    if (name.scheme() == QLatin1String("inkwell")) {
        // inkwell:security/<kind>.png
        const QString path = name.path();
        if (path.startsWith(QLatin1String("security/"))) {
            const int kind = path.mid(9).section(QLatin1Char('.'), 0, 0).toInt();
            emit resourceRequested(name, true);
            return SecurityBadge::icon(SecurityKind(qBound(0, kind, 3)))
                .pixmap(QSize(16, 16), devicePixelRatioF())
                .toImage();
        }
        emit resourceRequested(name, false);
        return {};
    }
    if (name.scheme() == QLatin1String("data") && type == QTextDocument::ImageResource) {
        // An image inside the entry itself reveals nothing to anyone.
        const QString text = name.toString(QUrl::FullyEncoded);
        const qsizetype comma = text.indexOf(QLatin1Char(','));
        const bool base64 = comma > 0 && text.left(comma).endsWith(QLatin1String(";base64"));
        const QByteArray payload = text.mid(comma + 1).toLatin1();
        const QImage image =
            QImage::fromData(base64 ? QByteArray::fromBase64(QByteArray::fromPercentEncoding(payload))
                                    : QByteArray::fromPercentEncoding(payload));
        emit resourceRequested(name, !image.isNull());
        return image.isNull() ? QVariant(blockedImage(palette())) : QVariant(image);
    }
    if (isRemote(name)) {
        m_remoteTypes.insert(name, type);
        if (const auto it = m_fetched.constFind(name); it != m_fetched.cend()) {
            emit resourceRequested(name, true);
            return *it;
        }
        if (m_allowRemote) {
            fetch(name, type);
            emit resourceRequested(name, false);
        } else {
            noteBlocked(name);
            emit resourceRequested(name, false);
        }
        return type == QTextDocument::ImageResource ? QVariant(blockedImage(palette())) : QVariant();
    }
    // Local files, relative paths, anything else: an entry must not read this computer's files.
    emit resourceRequested(name, false);
    return type == QTextDocument::ImageResource ? QVariant(blockedImage(palette())) : QVariant();
}

void EntryBrowser::fetch(const QUrl& url, int type)
{
    if (!m_fetcher || !m_allowRemote || m_inFlight.contains(url) || m_fetched.contains(url))
        return;
    QUrl target = url;
    if (target.scheme().isEmpty())
        target.setScheme(QStringLiteral("https")); // protocol-relative
    if (target.scheme().toLower() == QLatin1String("ftp"))
        return;
    m_inFlight.insert(url);
    const quint64 page = m_page;
    m_fetcher->fetch(target, {maxRemoteBytes, remoteTimeoutMs}, this,
                     [this, page, url, type](const std::optional<QByteArray>& body) {
                         if (page == m_page)
                             onFetched(url, type, body);
                     });
}

void EntryBrowser::onFetched(const QUrl& url, int type, const std::optional<QByteArray>& body)
{
    m_inFlight.remove(url);
    QVariant resource;
    if (body) {
        if (type == QTextDocument::ImageResource) {
            const QImage image = QImage::fromData(*body);
            if (!image.isNull())
                resource = image;
        } else if (type == QTextDocument::StyleSheetResource) {
            resource = QString::fromUtf8(*body);
        }
    }
    if (!resource.isValid())
        resource =
            type == QTextDocument::ImageResource ? QVariant(blockedImage(palette())) : QVariant(QString());
    m_fetched.insert(url, resource);
    document()->addResource(type, url, resource);
    m_relayoutTimer->start();
}

void EntryBrowser::relayout()
{
    // Lay the page out again with what arrived, where the reader was.
    const int scroll = verticalScrollBar()->value();
    setHtml(m_html);
    verticalScrollBar()->setValue(scroll);
}

} // namespace Inkwell
