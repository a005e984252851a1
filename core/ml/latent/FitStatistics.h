// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

// The reconstruction statistics of LatentResult in two passes over the channels instead of five: the same sums in
// the same order as LatentModel::explainedVariance, ::similarity and ::cosine, so every value is bit for bit
// theirs (tst_latentfastpath); the independent sums share a loop and overlap instead of each waiting for its own
// additions.
struct FitStatistics {
    double explainedVariance = 0.0;  // channels >= c0
    double similarity = 0.0;         // Pearson, all channels
    double cosine = 0.0;             // channels >= c0

    // s: spectrum, d: reconstruction, n channels, c0 first fitted channel.
    static FitStatistics compute(const double *s, const double *d, int n, int c0);
};

} // namespace photopeak
