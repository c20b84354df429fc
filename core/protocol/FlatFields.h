#pragma once

#include "protocol/ProtocolCodec.h"

#include <QByteArrayView>
#include <QList>

#include <algorithm>
#include <utility>

namespace Inkwell {

// The key/value pairs of a flat reply as views into the body (internal to core/protocol), sorted
// by key, each consumed at most once by the reply shaper. The server already sorts its keys
// (1.2), so sorting is a check in the common case; for a duplicate key the last one counts.
class FlatFields
{
public:
    using Pair = std::pair<QByteArrayView, QByteArrayView>;

    explicit FlatFields(QList<Pair> pairs)
        : m_pairs(std::move(pairs))
    {
        m_consumed.fill(false, m_pairs.size());
        // One comparison per neighbour: whether the keys are sorted, and the duplicates.
        for (qsizetype i = 0; i + 1 < m_pairs.size(); ++i) {
            const int order = m_pairs.at(i).first.compare(m_pairs.at(i + 1).first);
            if (order > 0) {
                sortAndMarkDuplicates();
                return;
            }
            if (order == 0)
                m_consumed[i] = true;
        }
    }

    qsizetype size() const { return m_pairs.size(); }
    QByteArrayView key(qsizetype i) const { return m_pairs.at(i).first; }
    QByteArrayView value(qsizetype i) const { return m_pairs.at(i).second; }
    bool isConsumed(qsizetype i) const { return m_consumed.at(i); }
    void consume(qsizetype i) { m_consumed[i] = true; }

    // The unconsumed pair with exactly this key, or -1.
    qsizetype find(QByteArrayView key) const
    {
        const auto [begin, end] = range(key);
        for (qsizetype i = begin; i < end; ++i) {
            if (m_pairs.at(i).first == key && !m_consumed.at(i))
                return i;
        }
        return -1;
    }

    // Indexes [begin, end) of the keys that start with `prefix`.
    std::pair<qsizetype, qsizetype> range(QByteArrayView prefix) const
    {
        const auto begin =
            std::lower_bound(m_pairs.cbegin(), m_pairs.cend(), prefix,
                             [](const Pair& pair, QByteArrayView p) { return pair.first < p; });
        auto end = begin;
        while (end != m_pairs.cend() && end->first.startsWith(prefix))
            ++end;
        return {begin - m_pairs.cbegin(), end - m_pairs.cbegin()};
    }

private:
    void sortAndMarkDuplicates()
    {
        std::stable_sort(m_pairs.begin(), m_pairs.end(),
                         [](const Pair& a, const Pair& b) { return a.first < b.first; });
        m_consumed.fill(false, m_pairs.size());
        for (qsizetype i = 0; i + 1 < m_pairs.size(); ++i) {
            if (m_pairs.at(i).first == m_pairs.at(i + 1).first)
                m_consumed[i] = true;
        }
    }

    QList<Pair> m_pairs;
    QList<bool> m_consumed;
};

// FlatReply.cpp: the XML-RPC tree of a successful reply from its unconsumed fields.
ProtocolResult<ProtocolValue> shapeFlatReply(const QString& mode, FlatFields& fields,
                                             const DecodeLimits& limits);

} // namespace Inkwell
