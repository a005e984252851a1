// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "util/Result.h"

#include <QByteArray>

#include <memory>
#include <vector>

namespace photopeak {

// A small dlib CNN on candidate patches (PatchFeatures::patch, PatchSize^2 values each): two 3 x 3
// convolution + ReLU + 2 x 2 max-pool stages (8 and 16 filters), a 32-unit dense layer and two outputs,
// trained with Adam on class-balanced batches (positives repeated to the number of negatives). score() is
// log(p_peak / p_not) of the softmax, to be calibrated on held-out frames. Thread-safe (forward passes are
// serialised). dlib's headers stay in PatchCnn.cpp.
class PatchCnn {
public:
    struct Training {
        int epochs = 30;
        int batch = 64;
        double learningRate = 1e-3;
        quint64 seed = 17;
    };

    PatchCnn();
    ~PatchCnn();
    PatchCnn(const PatchCnn &) = delete;
    PatchCnn &operator=(const PatchCnn &) = delete;

    // rows: which patches (and labels, 1 / 0) to train on.
    static Result<std::shared_ptr<PatchCnn>> train(const std::vector<float> &patches, const std::vector<int> &labels,
                                                   const std::vector<int> &rows, const Training &options,
                                                   const JobControl *job = nullptr);
    // One score per patch; `patches` holds count * PatchSize^2 values.
    std::vector<double> scores(const float *patches, size_t count) const;

    QByteArray serialize() const;
    static Result<std::shared_ptr<PatchCnn>> deserialize(const QByteArray &bytes, const QString &source);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace photopeak
