#include "sync/MirrorPipeline.h"

#include "protocol/ProtocolCall.h"
#include "store/SyncStateStore.h"
#include "sync/ListedPage.h"
#include "sync/MirrorCommitter.h"
#include "sync/MirrorWriter.h"

namespace Inkwell {

MirrorPipeline::MirrorPipeline(const QString& databasePath, SyncedJournal journal, MirrorCommitter& committer,
                               const SyncStateStore& state)
    : m_databasePath(databasePath)
    , m_journal(std::move(journal))
    , m_committer(committer)
    , m_state(state)
    , m_spool(databasePath)
    , m_lastSpooled(std::max(state.lastStoredFetch(m_journal.id), m_spool.lastSequence(m_journal.id)))
{}

MirrorPipeline::~MirrorPipeline() = default;

std::optional<StoredCounts> MirrorPipeline::storeLeftovers()
{
    StoredCounts counts;
    // What this pipeline spooled before is read back like the rest; a new file is begun after.
    m_spool.closeFile();
    const QStringList files = m_spool.files(m_journal.id);
    for (const FetchSpool::Batch& batch : m_spool.kept(m_journal.id, m_state.lastStoredFetch(m_journal.id))) {
        // A file of a deleted journal whose id was given again is not ours.
        if (batch.format.isEmpty() || batch.owner != m_journal.spoolOwner())
            continue;
        if (ListedPage::isPage(batch)) {
            const std::optional<ListedPage> page = ListedPage::fromBatch(batch);
            if (page && !m_committer.storePage(*page, batch.sequence))
                return std::nullopt;
        } else if (const auto entries = spooledEntries(batch)) {
            const std::optional<StoredCounts> stored =
                m_committer.storeEntries(entries.value(), batch.requested, batch.sequence);
            if (!stored)
                return std::nullopt;
            counts.added += stored->added;
            counts.updated += stored->updated;
        }
    }
    // Everything in them is stored now, or does not read, or is not this journal's.
    for (const QString& file : files)
        m_spool.drop(file);
    return counts;
}

bool MirrorPipeline::keepPage(const ListedPage& page)
{
    return keep(page.toBatch());
}

bool MirrorPipeline::keepReply(const ProtocolCall& call, const QList<PendingItem>& requested)
{
    FetchSpool::Batch batch;
    batch.format = call.replyFormat();
    batch.body = call.replyBody();
    batch.requested = requested;
    return keep(std::move(batch));
}

bool MirrorPipeline::keep(FetchSpool::Batch batch)
{
    batch.sequence = m_lastSpooled + 1;
    batch.owner = m_journal.spoolOwner();
    batch.file =
        m_spool.keep(m_journal.id, batch.sequence, batch.owner, batch.format, batch.body, batch.requested);
    if (batch.file.isEmpty())
        return false;
    m_lastSpooled = batch.sequence;
    if (!m_writer)
        startWriter();
    m_writer->hold(batch);
    return true;
}

void MirrorPipeline::startWriter()
{
    m_writer = std::make_unique<MirrorWriter>(m_databasePath, m_journal.id);
    connect(m_writer.get(), &MirrorWriter::stored, this, [this](int added, int updated) {
        // It stores in order, so everything but its backlog is stored: spool files filled with
        // such batches go.
        m_spool.dropStored(m_lastSpooled - m_writer->backlog());
        emit stored(added, updated);
    });
    connect(m_writer.get(), &MirrorWriter::failed, this, &MirrorPipeline::failed);
}

void MirrorPipeline::releaseOnceSent(ProtocolCall* call)
{
    connect(call, &ProtocolCall::requestSent, this, [this] {
        if (m_writer)
            m_writer->release();
    });
}

bool MirrorPipeline::waitingForWriter(int batches)
{
    if (!m_writer || m_writer->backlog() < batches)
        return false;
    m_writer->release();
    return true;
}

StoredCounts MirrorPipeline::stopWriter()
{
    if (!m_writer)
        return {};
    const StoredCounts rest = m_writer->finish();
    m_writer.reset();
    // Files whose batches are all stored go; any with a batch not stored stay for the next sync.
    m_spool.closeFile();
    m_spool.dropStored(m_state.lastStoredFetch(m_journal.id));
    return rest;
}

} // namespace Inkwell
