// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {
class LatentAnalyser;
class LatentModel;
struct Spectrum;
}

namespace photopeak::ui {

// One spectrum as the latent model sees it, for the denoised-spectrum and misclassified-spectra views: the
// counts on the model's grid, the reconstruction, the loadings it was fitted with and its scores.
struct LatentExample {
    QString name;
    int entryIndex = -1;
    QString trueKey, predictedKey;   // label-set keys (ResultEvaluation), "(none)" = background only
    QStringList components;
    std::vector<double> edgesKeV;    // grid edges (channels + 1)
    int minChannel = 0;
    std::vector<double> counts;      // on the grid
    std::vector<double> denoised;    // x^T L of the fitted loadings
    std::vector<double> loadings;    // components x channels, the fitted loadings
    std::vector<double> scores, shares;
    double cosine = 0.0, similarity = 0.0, explainedVariance = 0.0;

    bool isValid() const { return !counts.empty(); }
    int channels() const { return static_cast<int>(counts.size()); }
    const double *loading(int k) const { return loadings.data() + size_t(k) * counts.size(); }

    // Rebins `spectrum` onto the analyser's model grid and analyses it (invalid without counts or calibration).
    static LatentExample analyse(LatentAnalyser &analyser, const Spectrum &spectrum, const QString &name);
};

// Cosine similarity of every pair of loadings over the fitted channels (K x K, row-major): which components
// the fit can confuse.
std::vector<double> loadingsSimilarity(const LatentModel &model);

} // namespace photopeak::ui
