// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "metrics/BinaryMetrics.h"
#include "metrics/LabelSetMetrics.h"

#include <QMap>
#include <QStringList>

namespace photopeak {

// Detection and identification results collected per test folder (acquisition series, live time,
// distance), with totals. The truth comes from folder labels; nothing here knows about models.
class FolderEvaluation {
public:
    explicit FolderEvaluation(QStringList isotopeUniverse = {});

    void add(const QString &folder, bool truthSource, const QStringList &truthIsotopes, bool calledSource,
             const QStringList &calledIsotopes);

    const BinaryMetrics &overall() const { return m_overall; }
    const LabelSetMetrics &identification() const { return m_identification; }
    QStringList folders() const { return m_order; }
    const BinaryMetrics &binary(const QString &folder) const { return m_binary[folder]; }
    // Exact-set match of the spectra of one folder that contain isotopes (n/a for background folders).
    Ratio exactSetMatch(const QString &folder) const { return m_exact.value(folder); }
    bool folderHasSources(const QString &folder) const { return m_binary[folder].positives() > 0; }

    // One line per folder: n, share called Source (detection rate or false-alarm rate), exact-set match.
    QString folderTable(const QString &title) const;
    // TP / FP / FN / TN per isotope over the spectra added (binary confusion per isotope).
    QString perIsotopeConfusion() const;

private:
    QStringList m_universe;
    QStringList m_order;
    mutable QMap<QString, BinaryMetrics> m_binary;
    QMap<QString, Ratio> m_exact;
    BinaryMetrics m_overall;
    LabelSetMetrics m_identification;
};

} // namespace photopeak
