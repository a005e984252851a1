// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "session/ResultEvaluation.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace photopeak::ui {

namespace {
const QString kBackground = QStringLiteral("background");

QSet<QString> isotopeSet(const QStringList &labels)
{
    QSet<QString> s(labels.begin(), labels.end());
    s.remove(kBackground);
    return s;
}

QString keyOf(const QSet<QString> &isotopes)
{
    return isotopes.isEmpty() ? kBackground : labelSetKey(isotopes);
}

std::vector<double> sharesOf(const std::vector<double> &scores)
{
    double sum = 0.0;
    for (double s : scores)
        sum += std::abs(s);
    std::vector<double> shares(scores.size(), 0.0);
    if (sum > 0.0)
        std::transform(scores.begin(), scores.end(), shares.begin(), [sum](double s) { return s / sum; });
    return shares;
}
} // namespace

QString ResultEvaluation::truthKey(const QStringList &labels)
{
    return keyOf(isotopeSet(labels));
}

ResultEvaluation ResultEvaluation::compute(const SpectrumDataset &dataset, const std::vector<SpectrumAnalysis> &results,
                                           const QStringList &latentComponents,
                                           const std::optional<TrainingSelection> &trainingSelection)
{
    ResultEvaluation r;
    QStringList universe;
    for (const SpectrumAnalysis &a : results)
        for (const IsotopeFinding &f : a.isotopes)
            if (!universe.contains(f.isotope))
                universe << f.isotope;
    r.isotopeSets = LabelSetMetrics(universe);
    std::vector<double> decisionCertainty, sourceProbability, totalCounts;
    const bool withLatent = !latentComponents.isEmpty();
    if (withLatent)
        r.scatterComponents = latentComponents;
    const auto &entries = dataset.entries();
    for (const SpectrumAnalysis &a : results) {
        using D = SpectrumAnalysis::Decision;
        if (a.decision != D::Source && a.decision != D::Background)
            continue;
        if (a.entryIndex < 0 || a.entryIndex >= static_cast<int>(entries.size()))
            continue;
        const DatasetEntry &entry = entries[static_cast<size_t>(a.entryIndex)];
        if (entry.spectrum.labels.isEmpty())
            continue;
        const QSet<QString> truth = isotopeSet(entry.spectrum.labels);
        const QStringList reported = a.reportedIsotopes();
        const QSet<QString> predicted(reported.begin(), reported.end());
        ++r.labelled;
        r.detection.add(!truth.isEmpty(), a.decision == D::Source);
        r.isotopeSets.add(truth, predicted);
        r.correct.push_back(truth == predicted);
        // Certainty of the least certain isotope decision (present or absent): 1 = every call is sure.
        double certainty = 1.0;
        for (const IsotopeFinding &f : a.isotopes)
            certainty = std::min(certainty, std::max(f.probability, 1.0 - f.probability));
        decisionCertainty.push_back(certainty);
        sourceProbability.push_back(a.sourceProbability.value_or(std::nan("")));
        totalCounts.push_back(entry.spectrum.totalCounts());
        if (withLatent && a.latentScores.size() == static_cast<size_t>(latentComponents.size())) {
            LatentScatterPoint p;
            p.scores = sharesOf(a.latentScores);
            p.trueKey = keyOf(truth);
            p.predictedKey = keyOf(predicted);
            p.test = !(trainingSelection && TrainingSetBuilder::isSelected(entry, *trainingSelection));
            p.entryIndex = a.entryIndex;
            r.scatter.push_back(std::move(p));
        }
    }
    const auto tr = [](const char *text) { return QCoreApplication::translate("photopeak::ui::ResultEvaluation", text); };
    r.quantities.push_back({tr("Certainty of the least certain isotope"), std::move(decisionCertainty), false});
    if (std::any_of(sourceProbability.begin(), sourceProbability.end(), [](double v) { return std::isfinite(v); }))
        r.quantities.push_back({tr("Source probability"), std::move(sourceProbability), false});
    r.quantities.push_back({tr("Total counts"), std::move(totalCounts), true});
    return r;
}

} // namespace photopeak::ui
