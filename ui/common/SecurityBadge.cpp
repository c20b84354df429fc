#include "common/SecurityBadge.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <array>

namespace Inkwell {

namespace {

QColor colorOf(SecurityKind kind)
{
    switch (kind) {
    case SecurityKind::Public:
        return QColor(0x2e, 0x7d, 0x32);
    case SecurityKind::Private:
        return QColor(0xc6, 0x28, 0x28);
    case SecurityKind::Friends:
        return QColor(0xe0, 0x6c, 0x00);
    case SecurityKind::Custom:
        return QColor(0x6a, 0x1b, 0x9a);
    }
    return Qt::black;
}

void paintPerson(QPainter& p, qreal cx, qreal top, qreal scale)
{
    p.drawEllipse(QPointF(cx, top + 3.2 * scale), 2.6 * scale, 2.6 * scale);
    QPainterPath shoulders;
    shoulders.moveTo(cx - 5 * scale, top + 13.5 * scale);
    shoulders.cubicTo(cx - 5 * scale, top + 7 * scale, cx + 5 * scale, top + 7 * scale, cx + 5 * scale,
                      top + 13.5 * scale);
    shoulders.closeSubpath();
    p.drawPath(shoulders);
}

// Draws on a 16x16 design grid scaled to `size`.
QPixmap paintIcon(SecurityKind kind, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.scale(size / 16.0, size / 16.0);
    const QColor color = colorOf(kind);
    QPen pen(color, 1.4);
    pen.setCapStyle(Qt::RoundCap);
    pen.setJoinStyle(Qt::RoundJoin);
    switch (kind) {
    case SecurityKind::Public: {
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QPointF(8, 8), 6.2, 6.2);
        p.drawEllipse(QPointF(8, 8), 2.6, 6.2);
        p.drawLine(QPointF(1.8, 8), QPointF(14.2, 8));
        QPen thin(color, 0.9);
        p.setPen(thin);
        p.drawLine(QPointF(3.2, 4.6), QPointF(12.8, 4.6));
        p.drawLine(QPointF(3.2, 11.4), QPointF(12.8, 11.4));
        break;
    }
    case SecurityKind::Private: {
        p.setPen(QPen(color, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        QPainterPath shackle;
        shackle.moveTo(4.8, 7.5);
        shackle.lineTo(4.8, 5.2);
        shackle.arcTo(QRectF(4.8, 1.6, 6.4, 6.4), 180, -180);
        shackle.lineTo(11.2, 7.5);
        p.drawPath(shackle);
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        p.drawRoundedRect(QRectF(2.8, 7, 10.4, 7.8), 1.6, 1.6);
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(8, 10.4), 1.2, 1.2);
        p.drawRect(QRectF(7.5, 10.6, 1, 2.4));
        break;
    }
    case SecurityKind::Friends: {
        p.setPen(Qt::NoPen);
        p.setBrush(color.lighter(135));
        paintPerson(p, 10.6, 1.2, 0.85);
        p.setBrush(color);
        p.setPen(QPen(Qt::white, 0.9));
        paintPerson(p, 6.2, 2.2, 0.98);
        break;
    }
    case SecurityKind::Custom: {
        p.setPen(Qt::NoPen);
        p.setBrush(color);
        paintPerson(p, 5.6, 2.2, 0.95);
        p.setPen(QPen(color, 1.5, Qt::SolidLine, Qt::RoundCap));
        for (qreal y : {6.0, 9.5, 13.0})
            p.drawLine(QPointF(11.6, y), QPointF(15, y));
        break;
    }
    }
    return pixmap;
}

} // namespace

SecurityKind securityKind(Security security, quint64 allowmask)
{
    switch (security) {
    case Security::Public:
        return SecurityKind::Public;
    case Security::Private:
        return SecurityKind::Private;
    case Security::UseMask:
        if (allowmask == 0)
            return SecurityKind::Private;
        return (allowmask & 1) ? SecurityKind::Friends : SecurityKind::Custom;
    }
    return SecurityKind::Public;
}

QString SecurityBadge::label(SecurityKind kind)
{
    switch (kind) {
    case SecurityKind::Public:
        return tr("Public");
    case SecurityKind::Private:
        return tr("Private");
    case SecurityKind::Friends:
        return tr("Friends only");
    case SecurityKind::Custom:
        return tr("Custom groups");
    }
    return {};
}

QList<int> SecurityBadge::groups(quint64 allowmask)
{
    QList<int> result;
    for (int bit = 1; bit < 64; ++bit) {
        if (allowmask & (quint64(1) << bit))
            result.append(bit);
    }
    return result;
}

QString SecurityBadge::description(Security security, quint64 allowmask)
{
    const SecurityKind kind = securityKind(security, allowmask);
    switch (kind) {
    case SecurityKind::Public:
        return tr("Public: anyone can read it");
    case SecurityKind::Private:
        return security == Security::UseMask ? tr("Private: custom security without any group, only you can "
                                                  "read it")
                                             : tr("Private: only you can read it");
    case SecurityKind::Friends:
        return tr("Friends only: everyone on your friends or access list");
    case SecurityKind::Custom: {
        QStringList numbers;
        const QList<int> bits = groups(allowmask);
        for (int bit : bits)
            numbers.append(QString::number(bit));
        return tr("Custom: friend groups %1").arg(numbers.join(QStringLiteral(", ")));
    }
    }
    return {};
}

QIcon SecurityBadge::icon(SecurityKind kind)
{
    // Icons hold pixmaps, which must go before the application object does.
    static std::array<QIcon, 4> cache;
    static const bool cleanupRegistered = [] {
        qAddPostRoutine([] { cache.fill(QIcon()); });
        return true;
    }();
    Q_UNUSED(cleanupRegistered);
    QIcon& icon = cache[size_t(kind)];
    if (icon.isNull()) {
        for (int size : {16, 24, 32, 48})
            icon.addPixmap(paintIcon(kind, size));
    }
    return icon;
}

} // namespace Inkwell
