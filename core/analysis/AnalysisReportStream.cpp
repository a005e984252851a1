// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "analysis/AnalysisReportStream.h"

#include "analysis/AnalysisTable.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace photopeak {

Status AnalysisReportStream::open(const QString &csvPath, QIODevice *csvDevice, const QString &jsonPath,
                                  const QStringList &isotopes, const QJsonObject &header, bool hasLatent)
{
    m_isotopes = isotopes;
    m_hasLatent = hasLatent;
    m_rows = 0;
    const QByteArray csvHeader = AnalysisTable::csvColumns(isotopes).join(QLatin1Char(',')).toUtf8() + '\n';
    if (!csvPath.isEmpty()) {
        if (Status st = m_csvFile.open(csvPath, OutputKind::table()); !st)
            return st;
        m_csv = true;
        if (Status st = m_csvFile.write(csvHeader); !st)
            return st;
    } else if (csvDevice) {
        m_csvDevice = csvDevice;
        m_csv = true;
        m_csvDevice->write(csvHeader);
    }
    if (!jsonPath.isEmpty()) {
        // The document with an empty "spectra" array, split where the rows go.
        QJsonObject doc = header;
        if (!doc.contains(QStringLiteral("isotopes")))
            doc[QStringLiteral("isotopes")] = QJsonArray::fromStringList(isotopes);
        doc[QStringLiteral("spectra")] = QJsonArray{};
        const QByteArray text = QJsonDocument(doc).toJson(QJsonDocument::Indented);
        const QByteArray marker = "\"spectra\": [";
        const qsizetype at = text.indexOf(marker);
        if (at < 0)
            return makeError(jsonPath, QStringLiteral("internal error: no place for the rows in the report"));
        const qsizetype close = text.indexOf(']', at + marker.size());
        if (Status st = m_jsonFile.open(jsonPath, OutputKind::report()); !st)
            return st;
        m_json = true;
        m_jsonTail = "\n    " + text.mid(close);
        if (Status st = m_jsonFile.write(text.left(at + marker.size())); !st)
            return st;
    }
    return Ok{};
}

Status AnalysisReportStream::append(const std::vector<SpectrumAnalysis> &rows)
{
    if (m_csv) {
        QByteArray text;
        for (const SpectrumAnalysis &r : rows)
            text += AnalysisTable::csvRow(r, m_isotopes, m_hasLatent).toUtf8() + '\n';
        if (m_csvDevice) {
            if (m_csvDevice->write(text) != text.size())
                return makeError(QStringLiteral("standard output"), QStringLiteral("write failed"));
        } else if (Status st = m_csvFile.write(text); !st) {
            return st;
        }
    }
    if (m_json) {
        QByteArray text;
        for (size_t i = 0; i < rows.size(); ++i) {
            text += m_rows + qint64(i) == 0 ? "\n        " : ",\n        ";
            text += QJsonDocument(AnalysisTable::jsonRow(rows[i])).toJson(QJsonDocument::Compact);
        }
        if (Status st = m_jsonFile.write(text); !st)
            return st;
    }
    m_rows += static_cast<qint64>(rows.size());
    return Ok{};
}

Status AnalysisReportStream::finish()
{
    if (m_csv && !m_csvDevice)
        if (Status st = m_csvFile.commit(); !st)
            return st;
    if (m_json) {
        if (Status st = m_jsonFile.write(m_jsonTail); !st)
            return st;
        if (Status st = m_jsonFile.commit(); !st)
            return st;
    }
    return Ok{};
}

} // namespace photopeak
