// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/LiveSpectrum.h"
#include "util/Result.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace photopeak {

// One file an instrument writes, followed until each version of it is complete: new files, files written in
// chunks, multi-record files that grow (N42 series: new <RadMeasurement> elements) and files rewritten in
// place. Reads through ReaderRegistry; never writes.
class FileFollower {
public:
    // Size and modification time: a version of the file.
    struct Signature {
        qint64 size = -1;
        qint64 mtimeMs = -1;
        bool operator==(const Signature &) const = default;
        bool isValid() const { return size >= 0; }
    };
    struct Outcome {
        enum class Kind { Nothing, Wait, Read, Failed, Gone } kind = Kind::Nothing;
        std::vector<LiveSpectrum> spectra;  // Read: the new records
        Error error;                        // Failed: why this version cannot be read (reported once)
        qint64 dueMs = -1;                  // Wait: when to look again without a change notice (-1: on change only)
    };

    explicit FileFollower(QString path);

    // Looks at the file at steady time `nowMs`; reads it when this version is complete (format marker) or,
    // for formats without one, when size and modification time have not changed for `settleMs`.
    Outcome poll(qint64 nowMs, qint64 settleMs);
    // Takes the current version as already delivered (files present before watching started): counts its
    // records so that only records added later are delivered.
    void markSeen();
    // A renamed file keeps what was delivered.
    void rename(const QString &path) { m_path = path; }

    const QString &path() const { return m_path; }
    Signature delivered() const { return m_delivered; }
    bool waiting() const { return m_waiting; }
    int records() const { return m_records; }

    static Signature signatureOf(const QString &path);

private:
    QString m_path;
    Signature m_seen, m_delivered, m_failed;
    qint64 m_changedAtMs = 0;
    int m_records = 0;
    bool m_waiting = false;
};

} // namespace photopeak
