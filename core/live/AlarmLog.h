// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "live/AlarmRecord.h"
#include "util/Result.h"

#include <QByteArray>

#include <vector>

namespace photopeak {

// Every alarm of a monitoring session, exportable as CSV.
class AlarmLog {
public:
    // Adds a raised alarm; returns its id.
    int raise(AlarmRecord record);
    // Updates the active alarm (peak significance, intervals) or clears it.
    void update(int id, double sigma, bool alarming);
    void clear(int id, const QDateTime &at);
    void reset() { m_records.clear(); }

    const std::vector<AlarmRecord> &records() const { return m_records; }
    const AlarmRecord *find(int id) const;

    // id,raised,cleared,measured,file,isotopes,trigger,sigma,peak_sigma,excess_cps,background_cps,intervals
    QByteArray toCsv() const;
    // Atomically, recorded as a table in the folder's output ledger; whether `path` may be written is the
    // caller's OutputGuard question.
    Status save(const QString &path) const;

private:
    AlarmRecord *findMutable(int id);
    std::vector<AlarmRecord> m_records;
};

} // namespace photopeak
