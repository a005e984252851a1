// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/latent/LatentTrainer.h"

#include "ml/latent/LineWidth.h"
#include "ml/latent/ResolutionAdjuster.h"

#include "library/ContentHash.h"
#include "ml/latent/LatentAnalyser.h"
#include "spectrum/Rebinner.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>

namespace photopeak {

LatentTrainingSpec LatentTrainingSpec::simulatedPlusBackground(const QStringList &components, const QString &detector)
{
    LatentTrainingSpec s;
    s.components = components;
    for (const QString &c : components)
        s.detectorFilter[c] = c == QLatin1String("background") ? detector : QStringLiteral("simulated");
    return s;
}

double LatentTrainer::quantile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0.0;
    std::sort(v.begin(), v.end());
    const double pos = std::clamp(q, 0.0, 1.0) * double(v.size() - 1);
    const size_t lo = size_t(std::floor(pos)), hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - double(lo)) * (v[hi] - v[lo]);
}

Result<LatentModel> LatentTrainer::train(const std::vector<Spectrum> &spectra, const LatentTrainingSpec &spec,
                                         const JobControl *job)
{
    const QString src = QStringLiteral("latent training");
    const int K = static_cast<int>(spec.components.size()), n = spec.grid.binCount();
    if (K == 0 || !spec.grid.isValid())
        return makeError(src, QStringLiteral("no components or an invalid grid"));
    Rebinner rebinner(spec.grid);
    std::vector<std::vector<double>> sums(size_t(K), std::vector<double>(size_t(n), 0.0));
    std::vector<int> used(size_t(K), 0);
    std::vector<const Spectrum *> members;
    std::vector<std::vector<double>> rebinned;
    int skipped = 0;
    for (size_t i = 0; i < spectra.size(); ++i) {
        if (JobControl::cancelled(job))
            return makeError(src, QStringLiteral("cancelled"));
        if (i % 512 == 0)
            JobControl::report(job, qint64(i), qint64(spectra.size()), QStringLiteral("rebinning training spectra"));
        const Spectrum &s = spectra[i];
        QStringList labels = s.labels;
        labels.removeDuplicates();
        if (labels.size() != 1)
            continue;
        const int k = static_cast<int>(spec.components.indexOf(labels.front()));
        if (k < 0)
            continue;
        const QString det = spec.detectorFilter.value(labels.front());
        if (!det.isEmpty() && s.detector.compare(det, Qt::CaseInsensitive) != 0)
            continue;
        bool finite = s.channelCount() > 0;
        double total = 0.0;
        for (double c : s.counts) {
            finite = finite && std::isfinite(c);
            total += c;
        }
        if (!finite || !(total > 0.0) || !s.calibration.isValid(s.channelCount())) {
            ++skipped;
            continue;
        }
        std::vector<double> r = rebinner.rebin(s);
        for (int c = 0; c < n; ++c)
            sums[size_t(k)][size_t(c)] += r[size_t(c)];
        ++used[size_t(k)];
        members.push_back(&s);
        rebinned.push_back(std::move(r));
    }
    std::vector<double> loadings(size_t(K) * size_t(n));
    QJsonObject info;
    for (int k = 0; k < K; ++k) {
        if (used[size_t(k)] == 0)
            return makeError(src, QStringLiteral("no training spectra for component '%1'%2")
                                      .arg(spec.components[k],
                                           spec.detectorFilter.value(spec.components[k]).isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (detector '%1')").arg(spec.detectorFilter.value(spec.components[k]))));
        double area = 0.0;
        for (int c = spec.minChannel; c < n; ++c)
            area += std::abs(sums[size_t(k)][size_t(c)] / used[size_t(k)]);
        if (!(area > 0.0))
            return makeError(src, QStringLiteral("component '%1' has no counts above channel %2").arg(spec.components[k]).arg(spec.minChannel));
        for (int c = 0; c < n; ++c)
            loadings[size_t(k) * n + c] = sums[size_t(k)][size_t(c)] / used[size_t(k)] / area;
        info[spec.components[k]] = used[size_t(k)];
    }
    auto model = LatentModel::fromLoadings(spec.components, spec.grid, spec.minChannel, std::move(loadings));
    if (!model)
        return model.error();
    // Template match (training data only): line positions and widths of the templates against the
    // measured background's lines, estimated once on the unmodified loadings.
    ResolutionMatch match;
    const bool matching = spec.options.resolutionMatch || spec.options.alignTemplates;
    if (matching) {
        match = LineWidth::estimate(*model);
        if (spec.options.alignTemplates && match.shift != 0.0) {
            model = LatentModel::fromLoadings(spec.components, spec.grid, spec.minChannel,
                                              ResolutionAdjuster::shiftedLoadings(*model, match.shift));
            if (!model)
                return model.error();
        }
        if (spec.options.resolutionMatch && match.extraSigma > 0.0) {
            model = LatentModel::fromLoadings(spec.components, spec.grid, spec.minChannel,
                                              ResolutionAdjuster::broadenedLoadings(*model, match.extraSigma));
            if (!model)
                return model.error();
        }
    }
    model->setOptions(spec.options);
    // The unknown-isotope filter's line width: the measured background's lines (else the templates', else a
    // NaI-like sigma = 0.8 sqrt(E) keV, the line fits' own prior).
    const ResolutionMatch widths = matching ? match : LineWidth::estimate(*model);
    UnknownThresholds u;
    u.lineSigma2PerKeV = widths.detectorB > 0.0 ? widths.detectorB : widths.templateB > 0.0 ? widths.templateB : 0.64;
    model->setUnknownThresholds(u);
    model->setTrainingHash(datasetContentHash(members));
    QJsonObject training;
    training[QStringLiteral("spectraPerComponent")] = info;
    training[QStringLiteral("skipped")] = skipped;
    QJsonObject filters;
    for (auto it = spec.detectorFilter.begin(); it != spec.detectorFilter.end(); ++it)
        filters[it.key()] = it.value();
    training[QStringLiteral("detectorFilter")] = filters;
    if (matching)
        training[QStringLiteral("resolutionMatch")] = match.toJson();
    // The channel widths the model was trained on: its domain (LatentModel::domainProblem), not the grid's bins.
    double minKeV = std::numeric_limits<double>::infinity(), maxKeV = 0.0;
    for (const Spectrum *m : members) {
        const int channels = m->channelCount();
        const double width = std::abs(m->calibration.energyAt(double(channels)) - m->calibration.energyAt(0.0)) / channels;
        if (std::isfinite(width) && width > 0.0) {
            minKeV = std::min(minKeV, width);
            maxKeV = std::max(maxKeV, width);
        }
    }
    if (maxKeV > 0.0)
        training[QStringLiteral("channelKeV")] = QJsonObject{{QStringLiteral("min"), minKeV}, {QStringLiteral("max"), maxKeV}};
    model->setTrainingInfo(training);

    // Unknown-isotope thresholds from the training spectra themselves (rule in the header).
    LatentAnalyser analyser(*model, spec.options);
    std::vector<double> dev, sim;
    double backgroundExcess = 0.0;  // largest line-shaped excess of a training background spectrum
    const int bg = model->backgroundIndex();
    dev.reserve(rebinned.size());
    sim.reserve(rebinned.size());
    double spuriousZ = 0.0;  // largest z of a component absent from its training spectrum
    for (size_t i = 0; i < rebinned.size(); ++i) {
        if (JobControl::cancelled(job))
            return makeError(src, QStringLiteral("cancelled"));
        const LatentResult r = analyser.analyse(rebinned[i]);
        dev.push_back(r.deviancePerDof);
        sim.push_back(r.similarity);
        if (bg >= 0 && members[i]->labels.front() == spec.components[bg])
            backgroundExcess = std::max(backgroundExcess, r.lineExcess);
        for (size_t k = 0; k < r.standardErrors.size(); ++k)
            if (spec.components[qsizetype(k)] != members[i]->labels.front() && r.standardErrors[k] > 0.0)
                spuriousZ = std::max(spuriousZ, r.scores[k] / r.standardErrors[k]);
    }
    u.lineExcess = backgroundExcess;
    u.quantile = spec.unknownQuantile;
    u.deviancePerDof = quantile(dev, spec.unknownQuantile);
    u.similarity = quantile(sim, 1.0 - spec.unknownQuantile);
    model->setUnknownThresholds(u);
    QJsonObject metrics;
    metrics[QStringLiteral("trainingSpectra")] = int(rebinned.size());
    metrics[QStringLiteral("trainingDeviancePerDofMedian")] = quantile(dev, 0.5);
    metrics[QStringLiteral("trainingSimilarityMedian")] = quantile(sim, 0.5);
    metrics[QStringLiteral("gramConditionEstimate")] = model->solver().conditionEstimate();
    if (spec.options.usesSignificance()) {
        // Reported, not used: the largest z a component absent from its training spectrum reached. On GAMMA_FLOW
        // it is far above 5 (simulated spectra differ from their mean), so the training data give no reason
        // for a lower detection level than the a-priori z = 5.
        metrics[QStringLiteral("trainingSpuriousZMax")] = spuriousZ;
    }
    model->setMetrics(metrics);
    JobControl::report(job, qint64(spectra.size()), qint64(spectra.size()), QStringLiteral("trained"));
    return model;
}

} // namespace photopeak
