// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "analysis/SpectrumAnalysis.h"
#include "metrics/BinaryMetrics.h"
#include "metrics/LabelSetMetrics.h"
#include "library/SpectrumDataset.h"
#include "ml/TrainingSetBuilder.h"
#include "modelviews/ModelViewData.h"

#include <optional>
#include <vector>

namespace photopeak::ui {

// The figures the model views show, computed from a classification run against the labels the opened
// spectra carry (from folder and file names). Spectra without labels, skipped ones and failed ones are
// left out of every figure. Label-set keys leave "background" out; an empty set reads "background".
struct ResultEvaluation {
    int labelled = 0;                 // classified spectra with a truth
    BinaryMetrics detection;          // source present?
    LabelSetMetrics isotopeSets;      // reported isotopes vs. truth
    std::vector<bool> correct;        // per labelled spectrum: exact set match
    std::vector<MisclassificationQuantity> quantities;  // confidence-like values of the same spectra
    QStringList scatterComponents;    // latent components (scores are shares), empty without latent scores
    std::vector<LatentScatterPoint> scatter;

    // `latentComponents`: the latent model's components (order of SpectrumAnalysis::latentScores).
    // `trainingSelection`: entries it selects are drawn as training points in the scatter matrix.
    static ResultEvaluation compute(const SpectrumDataset &dataset, const std::vector<SpectrumAnalysis> &results,
                                    const QStringList &latentComponents,
                                    const std::optional<TrainingSelection> &trainingSelection);
    static QString truthKey(const QStringList &labels);
};

} // namespace photopeak::ui
