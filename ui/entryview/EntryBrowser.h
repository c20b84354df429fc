#pragma once

#include <QHash>
#include <QSet>
#include <QTextBrowser>
#include <QUrl>

#include <functional>
#include <optional>

class QTimer;

namespace Inkwell {

class RemoteFetcher;

// A QTextBrowser that never reaches outside the entry on its own: every resource the HTML names
// (images, stylesheets, table backgrounds) comes through loadResource(), which serves Inkwell's
// own icons, and refuses anything else (remote, local files, relative paths) unless remote
// content is allowed. Then, and only then, http(s) resources are fetched with the RemoteFetcher
// given (none: nothing remote is ever loaded, as in the editor's preview), and the page is laid
// out again as they arrive. Blocked images
// show as a small placeholder. Links are not followed here: anchorClicked() reaches the owner.
class EntryBrowser : public QTextBrowser
{
    Q_OBJECT
public:
    // `fetcher`: the profile's (ProfileServices::remoteFetcher()), or nullptr. Not owned.
    explicit EntryBrowser(RemoteFetcher* fetcher, QWidget* parent = nullptr);

    // Shows `html`, blocking remote content unless `allowRemote`; resets what was blocked.
    void showHtml(const QString& html, bool allowRemote);
    // Allows the remote content of the page shown and fetches it.
    void allowRemoteContent();
    bool remoteContentAllowed() const { return m_allowRemote; }
    // The remote resources the page names that were not loaded.
    QSet<QUrl> blockedUrls() const { return m_blocked; }

    QVariant loadResource(int type, const QUrl& name) override;

    static bool isRemote(const QUrl& url);

signals:
    // After showHtml(): how many remote resources were blocked (0: none).
    void blockedContentChanged(int count);
    // Every resource the document asks for, and whether it was served (tests, diagnostics).
    void resourceRequested(const QUrl& url, bool served);

private:
    void collectImageUrls();
    void fetch(const QUrl& url, int type);
    void onFetched(const QUrl& url, int type, const std::optional<QByteArray>& body);
    void relayout();
    void noteBlocked(const QUrl& url);

    QString m_html;
    bool m_allowRemote = false;
    QSet<QUrl> m_blocked;
    QHash<QUrl, int> m_remoteTypes;  // resource type of each remote URL seen
    QHash<QUrl, QVariant> m_fetched; // remote resources loaded for this page
    QSet<QUrl> m_inFlight;
    RemoteFetcher* m_fetcher;
    QTimer* m_relayoutTimer = nullptr;
    QTimer* m_blockedTimer = nullptr;
    quint64 m_page = 0; // replies for an earlier page are ignored
};

} // namespace Inkwell
