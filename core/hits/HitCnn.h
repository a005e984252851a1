// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitImage.h"
#include "jobs/JobControl.h"
#include "util/Result.h"

#include <QByteArray>
#include <QJsonObject>

#include <memory>
#include <random>
#include <vector>

namespace photopeak {

struct HitCnnOptions {
    int epochs = 30;
    int batchSize = 32;
    double learningRate = 1e-3;
    bool augment = true;
    int maxShift = 8;                       // pixels, in x and y
    double minScale = 0.9, maxScale = 1.1;  // rescale range
    quint64 seed = 20260;
    // Share of the training groups held out to calibrate the softmax (HitClassifier); the network never sees them.
    double calibrationShare = 0.2;

    QJsonObject toJson() const;
};

// A small convolutional network on the grey crops (dlib), grey levels / 255: a strided 5x5 convolution (16), 2x2 max
// pooling, a 3x3 convolution (32), a global max pool (a hit counts wherever it sits in the crop), a 32-unit
// hidden layer and a softmax over the classes. Trained with Adam on crops augmented by random
// shifts, rotations by any angle, reflections and rescaling (the DECO / CREDO recipe).
class HitCnn {
public:
    // labels: 0..classes-1 for every image; all images of one size.
    static Result<HitCnn> train(const std::vector<const HitImage *> &images, const std::vector<int> &labels, int classes,
                                const HitCnnOptions &options, const JobControl *job = nullptr);

    int classes() const { return m_classes; }
    int inputSize() const { return m_size; }
    // Class probabilities (softmax), rows in input order. Images must be inputSize() square.
    Result<FeatureMatrix> predict(const std::vector<const HitImage *> &images) const;

    // Names the layer stack; a model file of another architecture is refused on load.
    static QString architecture();
    QByteArray serialize() const;
    static Result<HitCnn> deserialize(const QByteArray &bytes, int classes, int size, const QString &source);

    // One random augmentation of `image` (exposed for tests).
    static HitImage augment(const HitImage &image, const HitCnnOptions &options, std::mt19937_64 &rng);

    struct Impl;

private:
    int m_classes = 0, m_size = 0;
    std::shared_ptr<Impl> m_impl;
};

} // namespace photopeak
