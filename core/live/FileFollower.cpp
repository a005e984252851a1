// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "live/FileFollower.h"

#include "io/ReaderRegistry.h"
#include "live/FileCompleteness.h"

#include <QFileInfo>

namespace photopeak {

FileFollower::FileFollower(QString path) : m_path(std::move(path)) {}

FileFollower::Signature FileFollower::signatureOf(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists() || !info.isFile())
        return {};
    return {info.size(), info.lastModified().toMSecsSinceEpoch()};
}

void FileFollower::markSeen()
{
    m_seen = m_delivered = signatureOf(m_path);
    m_records = 0;
    if (m_path.endsWith(QLatin1String(".sps"), Qt::CaseInsensitive)) {
        m_records = 1;  // one spectrum per file: no need to read it
    } else if (FileCompleteness::check(m_path) != FileCompleteness::State::Incomplete) {
        auto spectra = ReaderRegistry::instance().read(m_path);
        m_records = spectra ? static_cast<int>(spectra->size()) : 0;
    }
    m_waiting = false;
}

FileFollower::Outcome FileFollower::poll(qint64 nowMs, qint64 settleMs)
{
    using Kind = Outcome::Kind;
    Outcome out;
    const Signature now = signatureOf(m_path);
    if (!now.isValid()) {
        m_waiting = false;
        out.kind = Kind::Gone;
        return out;
    }
    if (now == m_delivered || now == m_failed) {
        m_waiting = false;
        return out;
    }
    if (!(now == m_seen)) {
        m_seen = now;
        m_changedAtMs = nowMs;
    }
    const FileCompleteness::State state = FileCompleteness::check(m_path);
    if (state == FileCompleteness::State::Incomplete) {
        m_waiting = true;
        out.kind = Kind::Wait;
        return out;
    }
    if (state == FileCompleteness::State::Unknown && nowMs - m_changedAtMs < settleMs) {
        m_waiting = true;
        out.kind = Kind::Wait;
        out.dueMs = m_changedAtMs + settleMs;
        return out;
    }
    const auto completeAt = std::chrono::steady_clock::now();
    auto spectra = ReaderRegistry::instance().read(m_path);
    if (!(signatureOf(m_path) == now)) {  // changed while being read: wait for the next version
        m_waiting = true;
        out.kind = Kind::Wait;
        out.dueMs = nowMs + settleMs;
        return out;
    }
    m_waiting = false;
    if (!spectra) {
        m_failed = now;
        out.kind = Kind::Failed;
        out.error = spectra.error();
        return out;
    }
    const int n = static_cast<int>(spectra->size());
    // More records than before: a growing series, deliver the new ones. Otherwise the file was rewritten.
    const int first = n > m_records ? m_records : 0;
    for (int i = first; i < n; ++i) {
        LiveSpectrum s;
        s.spectrum = std::move((*spectra)[size_t(i)]);
        s.path = m_path;
        s.record = i;
        s.completeAt = completeAt;
        out.spectra.push_back(std::move(s));
    }
    m_records = n;
    m_delivered = now;
    out.kind = Kind::Read;
    return out;
}

} // namespace photopeak
