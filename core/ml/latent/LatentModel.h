// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/latent/LatentOptions.h"
#include "numerics/NnlsSolver.h"
#include "spectrum/EnergyGrid.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Thresholds of the unknown-isotope flag, chosen on the training spectra (LatentTrainer documents the rule).
struct UnknownThresholds {
    // Flag when the largest line-shaped excess over the fit (LineExcess, z) exceeds this: the largest value of
    // the training background spectra. 0 = off (models trained before it: the deviance rule applies).
    double lineExcess = 0.0;
    double lineSigma2PerKeV = 0.0;  // detector resolution b (sigma^2 = b E) of the LineExcess filter
    double deviancePerDof = 0.0;  // flag when the fit's deviance per degree of freedom exceeds this (0 = off)
    double similarity = -1.0;     // the old tool's cut: flag when the Pearson similarity is below this
    double quantile = 0.99;       // the training quantile both were taken at
};

// The GAMMA_FLOW latent model: one loading (mean normalised spectrum) per component on a fixed energy grid,
// spectra decomposed into non-negative scores by NNLS over channels >= minChannel. Immutable after
// construction; thread-safe for scoring. Decisions and improvements live in LatentAnalyser.
class LatentModel {
public:
    LatentModel() = default;
    // `loadings`: components.size() rows of grid.binCount() values.
    static Result<LatentModel> fromLoadings(QStringList components, EnergyGrid grid, int minChannel,
                                            std::vector<double> loadings);
    // The old tool's CSV (header "isotope,ch0,...", one row per component) on the GAMMA_FLOW grid.
    static Result<LatentModel> fromReferenceCsv(const QString &path, int minChannel = 7);

    static Result<LatentModel> load(const QString &path);
    Status save(const QString &path) const;

    bool isValid() const { return m_solver.isValid(); }
    const QStringList &components() const { return m_components; }
    int componentCount() const { return static_cast<int>(m_components.size()); }
    int channelCount() const { return m_grid.binCount(); }
    int minChannel() const { return m_minChannel; }
    const EnergyGrid &grid() const { return m_grid; }
    const std::vector<double> &loadings() const { return m_loadings; }
    const double *loading(int component) const { return m_loadings.data() + size_t(component) * channelCount(); }
    int backgroundIndex() const { return m_components.indexOf(QStringLiteral("background")); }
    const NnlsSolver &solver() const { return m_solver; }

    LatentOptions options() const { return m_options; }
    void setOptions(const LatentOptions &options) { m_options = options; }
    UnknownThresholds unknownThresholds() const { return m_unknown; }
    void setUnknownThresholds(const UnknownThresholds &t) { m_unknown = t; }
    QString trainingHash() const { return m_trainingHash; }
    void setTrainingHash(const QString &hash) { m_trainingHash = hash; }
    QJsonObject metrics() const { return m_metrics; }
    void setMetrics(const QJsonObject &metrics) { m_metrics = metrics; }
    QJsonObject trainingInfo() const { return m_trainingInfo; }
    void setTrainingInfo(const QJsonObject &info) { m_trainingInfo = info; }

    // Plain (unweighted) NNLS scores of one spectrum on the grid; x gets componentCount() values.
    int score(const double *spectrum, double *x) const { return m_solver.solve(spectrum, x); }
    // d = x^T L over all channels.
    void denoise(const double *x, double *d) const;
    std::vector<double> denoise(const std::vector<double> &x) const;

    // Whether a raw spectrum can be judged by this model at all (empty: yes). Out of domain when its calibrated
    // energy range covers less than 90 % of the fitted part of the grid, or its channels are more than 3 times
    // finer or coarser than the grid's bins (another detector, e.g. a high-resolution one: the loadings' line
    // shapes do not apply). The message names both. Models carry no training ranges yet; this is the grid's rule.
    QString domainProblem(const Spectrum &spectrum) const;

    // Statistics of a spectrum s against its reconstruction d (channelCount() values each).
    double explainedVariance(const double *s, const double *d) const;  // channels >= minChannel
    double similarity(const double *s, const double *d) const;        // Pearson, all channels (old tool)
    double cosine(const double *s, const double *d) const;            // plain cosine, channels >= minChannel

private:
    QStringList m_components;
    EnergyGrid m_grid;
    int m_minChannel = 7;
    std::vector<double> m_loadings;
    NnlsSolver m_solver;
    LatentOptions m_options;
    UnknownThresholds m_unknown;
    QString m_trainingHash;
    QJsonObject m_metrics;
    QJsonObject m_trainingInfo;
};

} // namespace photopeak
