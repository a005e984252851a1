// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

#include <vector>

namespace photopeak::ui {

// One spectrum in the latent score space (LatentScatterMatrixView).
struct LatentScatterPoint {
    std::vector<double> scores;  // one per component, in the view's component order
    QString trueKey;             // label-set key of the truth ("Am241+background", "(none)")
    QString predictedKey;        // label-set key of the prediction
    bool test = false;           // test spectrum (large, black edge) or training spectrum (small)
    int entryIndex = -1;         // the caller's index, reported by pointActivated()

    bool isError() const { return trueKey != predictedKey; }
};

// One classified spectrum for MisclassificationView: a confidence-like value and whether it was right.
struct MisclassificationSample {
    double confidence = 0.0;  // e.g. max share, explained variance, similarity, total counts
    bool correct = false;
};

// A named quantity over the same spectra (one value per spectrum, in the order of the correct flags).
struct MisclassificationQuantity {
    QString name;                // shown in the chooser and on the x axis, e.g. "Explained variance"
    std::vector<double> values;  // one per spectrum; non-finite values are left out
    bool logScale = false;       // log x axis and log-spaced bins (for total counts)
};

} // namespace photopeak::ui
