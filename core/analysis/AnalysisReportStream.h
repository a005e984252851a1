// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "io/AtomicFile.h"
#include "util/Result.h"

#include <QIODevice>
#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

// The classify reports (AnalysisTable's CSV and JSON) written a chunk of rows at a time, so that a batch of any
// size needs memory for one chunk only. Files are written atomically (AtomicFileStream): they appear complete at
// finish() or not at all. The JSON is the document AnalysisTable::toJson makes, with one row per line.
class AnalysisReportStream {
public:
    // `csvPath` empty: the CSV goes to `csvDevice` (standard output) when given. `jsonPath` empty: no JSON.
    // `isotopes` fixes the CSV columns and the JSON "isotopes" (unless `header` has them).
    Status open(const QString &csvPath, QIODevice *csvDevice, const QString &jsonPath, const QStringList &isotopes,
                const QJsonObject &header, bool hasLatent = true);
    Status append(const std::vector<SpectrumAnalysis> &rows);
    Status finish();
    qint64 rowCount() const { return m_rows; }

private:
    AtomicFileStream m_csvFile, m_jsonFile;
    QIODevice *m_csvDevice = nullptr;
    bool m_csv = false, m_json = false, m_hasLatent = true;
    QStringList m_isotopes;
    QByteArray m_jsonTail;
    qint64 m_rows = 0;
};

} // namespace photopeak
