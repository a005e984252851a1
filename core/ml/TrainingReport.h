// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

namespace photopeak {

class LatentModel;
class SpectrumClassifier;

// Training summaries in words, shared by the CLI (`train`, `evaluate`) and the GUI's training panel.
class TrainingReport {
public:
    // Set sizes, synthetic counts, timings, grouped cross-validated metrics per learner (accuracy, recall,
    // false-positive rate, log-loss), isotope-set match and the detection operating point. One line each.
    static QString classifier(const SpectrumClassifier &model);
    // Options, components, grid, spectra per component, unknown-isotope thresholds and the training fit.
    static QString latent(const LatentModel &model);
};

} // namespace photopeak
