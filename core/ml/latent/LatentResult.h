// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Everything a latent model says about one spectrum (on the model's grid).
struct LatentResult {
    std::vector<double> scores;    // NNLS coefficients, one per component
    std::vector<double> shares;    // scores / sum |scores| (all 0 when the sum is 0)
    std::vector<double> standardErrors;  // of the scores (Poisson Fisher information); 0 where score = 0
    std::vector<bool> present;     // decision per component
    QStringList predicted;         // present components in the old tool's order: by share, background last
    QString singleLabel;           // highest-share present non-background component, else "background",
                                   // else "(none)"
    double explainedVariance = 0.0;  // 1 - Var(s - d) / Var(s) over channels >= min channel
    double similarity = 0.0;         // mean-centred cosine (Pearson) of s and d over all channels (old tool)
    double cosine = 0.0;             // plain cosine over channels >= min channel
    double deviancePerDof = 0.0;     // Poisson deviance / (channels - active components), channels >= c0
    double gain = 1.0;               // energy-scale factor applied (1 without gain adjustment)
    double broadening = 0.0;         // extra sigma (keV at 662 keV) of the isotope loadings used (0 without)
    double lineExcess = 0.0;         // largest line-shaped excess over the fit (z, LineExcess); 0 without
    double lineExcessEnergy = 0.0;   // keV of that excess (0 without)
    bool unknown = false;            // an isotope unknown to the model (rule: LatentTrainer)
    int iterations = 0;              // active-set iterations (-1: limit reached)

    QString predictedKey() const;  // sorted '+'-joined, "(none)" if empty
};

} // namespace photopeak
