// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "model/ModelInput.h"
#include "model/ModelPrediction.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <vector>

namespace photopeak {

// A trained model of any workflow. Created by its ModelKind (train or load), immutable afterwards, and
// safe to call predict() from several threads.
class Model {
public:
    virtual ~Model() = default;

    // The kind written in the model file header; the ModelRegistry key.
    virtual QString kind() const = 0;
    // One line for users, e.g. "RBF SVM on 12 features (track, shower)".
    virtual QString description() const = 0;
    // Output labels, in the order of every prediction's findings.
    virtual QStringList labels() const = 0;
    // The options it was trained with, as validated by its kind's ParameterTable.
    virtual QJsonObject options() const = 0;
    // Validation metrics of training (cross-validated), for views and reports.
    virtual QJsonObject metrics() const { return {}; }

    // One prediction per input item, in order. Refuses an input of the wrong kind or shape, naming it.
    virtual Result<std::vector<ModelPrediction>> predict(const ModelInput &input,
                                                         const JobControl *job = nullptr) const = 0;
    // Versioned model file (core/ml/ModelFile), written atomically.
    virtual Status save(const QString &path) const = 0;
};

} // namespace photopeak
