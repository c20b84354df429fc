#include "sync/ListedPage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Inkwell {

namespace {

// Never a reply's format ("flat", "xmlrpc").
const QString pageFormat = QStringLiteral("syncitems");

} // namespace

FetchSpool::Batch ListedPage::toBatch() const
{
    QJsonObject body{{QStringLiteral("cursor"), stateAfter.cursor},
                     {QStringLiteral("scanCursor"), stateAfter.scanCursor},
                     {QStringLiteral("scanMaxTime"), stateAfter.scanMaxTime}};
    if (!stateAfter.scanCrowded.isEmpty())
        body.insert(QStringLiteral("scanCrowded"), stateAfter.scanCrowded);
    if (!stateAfter.scanNewest.isEmpty())
        body.insert(QStringLiteral("scanNewest"), stateAfter.scanNewest);
    FetchSpool::Batch batch;
    batch.format = pageFormat;
    batch.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    batch.requested = items;
    return batch;
}

bool ListedPage::isPage(const FetchSpool::Batch& batch)
{
    return batch.format == pageFormat;
}

std::optional<ListedPage> ListedPage::fromBatch(const FetchSpool::Batch& batch)
{
    QJsonParseError error;
    const QJsonDocument body = QJsonDocument::fromJson(batch.body, &error);
    if (!isPage(batch) || error.error != QJsonParseError::NoError || !body.isObject())
        return std::nullopt;
    ListedPage page;
    page.items = batch.requested;
    page.stateAfter.scanning = true;
    page.stateAfter.cursor = body[QStringLiteral("cursor")].toString();
    page.stateAfter.scanCursor = body[QStringLiteral("scanCursor")].toString();
    page.stateAfter.scanMaxTime = body[QStringLiteral("scanMaxTime")].toString();
    page.stateAfter.scanCrowded = body[QStringLiteral("scanCrowded")].toString();
    page.stateAfter.scanNewest = body[QStringLiteral("scanNewest")].toString();
    return page;
}

} // namespace Inkwell
