// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "results/ResultsModel.h"
#include "data/ProblemText.h"

#include "plot/SpectrumAnnotations.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

ResultsModel::ResultsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ResultsModel::setResults(std::vector<SpectrumAnalysis> results)
{
    beginResetModel();
    m_results = std::move(results);
    m_isotopes.clear();
    m_activityIsotopes.clear();
    QStringList withActivity;
    for (const SpectrumAnalysis &a : m_results) {
        for (const IsotopeFinding &f : a.isotopes) {
            if (!m_isotopes.contains(f.isotope))
                m_isotopes << f.isotope;
            if ((f.activityBq || f.mdaBq) && !withActivity.contains(f.isotope))
                withActivity << f.isotope;
        }
    }
    // Activity columns in the order of the probability columns, whichever row first had an estimate.
    for (const QString &isotope : std::as_const(m_isotopes))
        if (withActivity.contains(isotope))
            m_activityIsotopes << isotope;
    endResetModel();
}

const SpectrumAnalysis *ResultsModel::result(int row) const
{
    return row >= 0 && row < static_cast<int>(m_results.size()) ? &m_results[static_cast<size_t>(row)] : nullptr;
}

int ResultsModel::rowOfEntry(int entryIndex) const
{
    const auto it = std::find_if(m_results.begin(), m_results.end(),
                                 [entryIndex](const SpectrumAnalysis &a) { return a.entryIndex == entryIndex; });
    return it == m_results.end() || entryIndex < 0 ? -1 : static_cast<int>(it - m_results.begin());
}

int ResultsModel::probabilityColumn(const QString &isotope) const
{
    const int i = m_isotopes.indexOf(isotope);
    return i < 0 ? -1 : FixedColumnCount + i;
}

int ResultsModel::activityColumn(const QString &isotope) const
{
    const int i = m_activityIsotopes.indexOf(isotope);
    return i < 0 ? -1 : FixedColumnCount + static_cast<int>(m_isotopes.size()) + i;
}

int ResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_results.size());
}

int ResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FixedColumnCount + static_cast<int>(m_isotopes.size() + m_activityIsotopes.size());
}

QString ResultsModel::decisionText(SpectrumAnalysis::Decision d) const
{
    switch (d) {
    case SpectrumAnalysis::Decision::Source: return tr("Source");
    case SpectrumAnalysis::Decision::Background: return tr("Background");
    case SpectrumAnalysis::Decision::Skipped: return tr("Skipped");
    case SpectrumAnalysis::Decision::Error: return tr("Error");
    case SpectrumAnalysis::Decision::OutOfDomain: return tr("Unknown (out of domain)");
    }
    return {};
}

QVariant ResultsModel::data(const QModelIndex &index, int role) const
{
    const SpectrumAnalysis *a = index.isValid() ? result(index.row()) : nullptr;
    if (!a)
        return {};
    switch (role) {
    case EntryIndexRole:
        return a->entryIndex;
    case DecisionRole:
        return static_cast<int>(a->decision);
    case FilterTextRole:
        return QStringList{a->file, decisionText(a->decision), a->reportedIsotopes().join(QLatin1Char(' ')),
                           a->peakNuclides.join(QLatin1Char(' ')),
                           a->flags.join(QLatin1Char(' ')), problemLabels(a->flags).join(QLatin1Char(' ')), a->message}
            .join(QLatin1Char(' '))
            .toLower();
    default:
        return cellData(*a, index.column(), role);
    }
}

QVariant ResultsModel::cellData(const SpectrumAnalysis &a, int column, int role) const
{
    const bool failed = a.decision == SpectrumAnalysis::Decision::Skipped
                        || a.decision == SpectrumAnalysis::Decision::Error;
    if (role == Qt::ForegroundRole && failed)
        return QBrush(QColor(150, 150, 150));
    if (column >= FixedColumnCount) {
        const int k = column - FixedColumnCount;
        const bool isActivity = k >= m_isotopes.size();
        const QString isotope = isActivity ? m_activityIsotopes.value(k - static_cast<int>(m_isotopes.size()))
                                           : m_isotopes.value(k);
        const auto f = std::find_if(a.isotopes.begin(), a.isotopes.end(),
                                    [&](const IsotopeFinding &x) { return x.isotope == isotope; });
        if (f == a.isotopes.end())
            return role == SortRole ? QVariant(-1.0) : QVariant();
        if (!isActivity) {
            // Isotope probabilities are conditional on a source: shown grey (and never bold) when the spectrum is
            // not called a source, so that a background row never carries a confident-looking isotope.
            const bool conditional = a.decision != SpectrumAnalysis::Decision::Source;
            if (role == Qt::DisplayRole)
                return QStringLiteral("%1 %").arg(100.0 * f->probability, 0, 'f', 1);
            if (role == Qt::ForegroundRole && conditional)
                return QBrush(QColor(150, 150, 150));
            if (role == Qt::ToolTipRole)
                return conditional ? tr("Probability of %1 if a source were present; this spectrum is not called a source")
                                         .arg(isotope)
                                   : tr("Probability of %1 given the detected source").arg(isotope);
            if (conditional && role != SortRole && role != Qt::TextAlignmentRole)
                return {};  // no bold, no green: not a finding of this spectrum
            if (role == SortRole)
                return f->probability;
            if (role == Qt::TextAlignmentRole)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            if (role == Qt::FontRole && f->reported) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            if (role == Qt::BackgroundRole && !failed)
                return QBrush(QColor::fromHsvF(0.33, 0.55 * f->probability, 1.0));
            return {};
        }
        if (role == Qt::DisplayRole) {
            if (f->activityBq)
                return SpectrumAnnotations::formatActivity(*f->activityBq, f->activityUncBq);
            if (f->mdaBq)
                return tr("< %1").arg(SpectrumAnnotations::formatActivity(*f->mdaBq));
            return {};
        }
        if (role == SortRole)
            return f->activityBq.value_or(-1.0);
        if (role == Qt::ToolTipRole && f->mdaBq && !f->activityBq)
            return tr("Not detected; minimum detectable activity %1").arg(SpectrumAnnotations::formatActivity(*f->mdaBq));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    switch (column) {
    case FileColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return a.file;
        if (role == Qt::ToolTipRole)
            return a.message.isEmpty() ? a.file : a.file + QLatin1Char('\n') + a.message;
        if (role == Qt::DecorationRole && failed)
            return QIcon::fromTheme(QStringLiteral("dialog-warning"));
        return {};
    case DecisionColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return decisionText(a.decision);
        if (role == Qt::ToolTipRole && failed)
            return a.message;
        if (role == Qt::ToolTipRole && a.outOfDomain)
            return tr("Outside what the model was trained for: %1. The classical peak evidence is shown instead.")
                .arg(a.domainReason);
        if (role == Qt::ForegroundRole && a.outOfDomain)
            return QBrush(QColor(0xb0, 0x5a, 0x00));
        if (role == Qt::FontRole && a.decision == SpectrumAnalysis::Decision::Source) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case SourceProbabilityColumn:
        if (role == Qt::DisplayRole)
            return a.sourceProbability ? QStringLiteral("%1 %").arg(100.0 * *a.sourceProbability, 0, 'f', 1)
                                       : (failed ? QString() : tr("%1 σ").arg(a.sigmaSignificance, 0, 'f', 1));
        if (role == SortRole)
            return a.sourceProbability.value_or(failed ? -1.0 : 0.0);
        if (role == Qt::ToolTipRole && !failed)
            return tr("Detection threshold: P(source) ≥ %1 %\nExcess test: %2 (best template %3)\nSigma test: %4 σ excess over the reference background")
                .arg(a.detectionThreshold ? QString::number(100.0 * *a.detectionThreshold, 'f', 1) : QStringLiteral("—"))
                .arg(a.excessStatistic ? QString::number(*a.excessStatistic, 'f', 1) : QStringLiteral("—"))
                .arg(a.excessTemplate.isEmpty() ? QStringLiteral("—") : a.excessTemplate)
                .arg(a.sigmaSignificance, 0, 'f', 2);
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IsotopesColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return a.reportedIsotopes().join(QStringLiteral(" + "));
        return {};
    case PeakNuclidesColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return a.peakNuclides.mid(0, 3).join(QStringLiteral(", "));
        if (role == Qt::ToolTipRole && !a.peakNuclides.isEmpty())
            return tr("Classical identification from the fitted peaks (score 0–1): %1")
                .arg(a.peakNuclides.join(QStringLiteral(", ")));
        return {};
    case UnknownColumn:
        if (role == Qt::DisplayRole)
            return a.unknownIsotope ? tr("unknown") : QString();
        if (role == SortRole)
            return a.unknownIsotope ? 1 : 0;
        if (role == Qt::ToolTipRole && a.unknownIsotope)
            return tr("The latent model fits this spectrum worse than any training spectrum: an isotope it does "
                      "not know may be present.");
        return {};
    case FlagsColumn:
        if (role == Qt::DisplayRole || role == SortRole)
            return problemLabels(a.flags).join(QStringLiteral(", "));
        if (role == Qt::ToolTipRole)
            return a.message;
        return {};
    default:
        return {};
    }
}

QVariant ResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    if (section >= FixedColumnCount) {
        const int k = section - FixedColumnCount;
        if (k < m_isotopes.size())
            return role == Qt::DisplayRole ? tr("P(%1)").arg(m_isotopes[k])
                                           : tr("Calibrated probability that %1 is present").arg(m_isotopes[k]);
        const QString iso = m_activityIsotopes.value(k - static_cast<int>(m_isotopes.size()));
        return role == Qt::DisplayRole ? tr("A(%1)").arg(iso)
                                       : tr("Activity of %1 ± 1σ, or the detection limit when not detected").arg(iso);
    }
    switch (section) {
    case FileColumn: return tr("File");
    case DecisionColumn: return tr("Decision");
    case SourceProbabilityColumn:
        return role == Qt::DisplayRole ? tr("P(source)")
                                       : tr("Calibrated probability that a source is present (or the sigma-test "
                                            "significance when detection is the sigma test)");
    case IsotopesColumn: return tr("Isotopes");
    case PeakNuclidesColumn:
        return role == Qt::DisplayRole ? tr("From peaks")
                                       : tr("Nuclides ranked from the fitted peaks (energies and line ratios), "
                                            "beside the model's result");
    case UnknownColumn: return tr("Unknown");
    case FlagsColumn: return tr("Problems");
    default: return {};
    }
}

} // namespace photopeak::ui
