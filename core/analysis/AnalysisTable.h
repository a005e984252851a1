// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// SpectrumAnalysis rows as CSV text and as a JSON document: the CLI's classify reports and the GUI's
// "Export CSV" write the same columns and keys.
//
// CSV columns, in order:
//   file, decision, source_probability, sigma_significance, sigma_source, isotopes (reported, '+' joined),
//   p_<iso> per isotope, activity_bq (sum of the estimated activities of the reported isotopes),
//   live_time_s, flags (';' joined), message (or the notes when there is no message),
//   unknown_isotope (1/0 for rows a latent model analysed, i.e. with latentScores; else empty), distance_cm,
//   A_<iso>_bq, A_<iso>_unc_bq, A_<iso>_mda_bq per isotope, peak_nuclides (classical ranking from the
//   fitted peaks, "Cs137 0.93" ';' joined; empty when not run), out_of_domain, domain_reason,
//   detection_threshold, excess_statistic, excess_template, library_nuclides (LibraryEvidence: "Ba133 41.2"
//   ';' joined, for rows out of the domain or "Source" with no trained isotope), evidence (which evidence decided).
// Empty field = not applicable or not computed (e.g. the sigma columns with a latent model alone). Fields are quoted (RFC 4180) when they hold a comma, a quote
// or a line break. Numbers use '.' whatever the locale.
class AnalysisTable {
public:
    // Isotope columns of a set of rows: the union of their isotope labels in first-seen order.
    static QStringList isotopesOf(const std::vector<SpectrumAnalysis> &rows);
    // Header of the CSV for these isotopes.
    static QStringList csvColumns(const QStringList &isotopes);
    // One CSV line (without line break); `isotopes` gives the column order.
    static QString csvRow(const SpectrumAnalysis &row, const QStringList &isotopes, bool hasLatent = true);
    // Header line plus one line per row, '\n' line ends, UTF-8. Empty `isotopes` = isotopesOf(rows).
    // `hasLatent` false leaves unknown_isotope empty even for rows with latent scores.
    static QByteArray toCsv(const std::vector<SpectrumAnalysis> &rows, const QStringList &isotopes = {},
                            bool hasLatent = true);

    // One row as a JSON object: file, entryIndex, decision, flags, liveTime, distanceCm, message, notes,
    // sourceProbability, sigma {significance, excessCps, source} (not without a sigma test), isotopes, isotopeProbabilities,
    // activity ({iso: {bq, uncBq} or {mdaBq}} or null), unknownIsotope and latentScores (rows a latent model
    // analysed), libraryNuclides and evidence (rows with library evidence), model.
    static QJsonObject jsonRow(const SpectrumAnalysis &row);
    // {header keys (e.g. SpectrumAnalyzer::describe()), "isotopes" when the header has none, "spectra": rows}.
    static QJsonDocument toJson(const std::vector<SpectrumAnalysis> &rows, const QJsonObject &header = {});

    // RFC 4180 quoting of one field.
    static QString csvField(const QString &text);
};

} // namespace photopeak
