// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "tables/EventClassifier.h"
#include "tables/EventEvaluation.h"
#include "util/Result.h"

#include <QString>

namespace photopeak {

// Applies an event classifier to a table file. Predictions go to a new file beside the input, never into
// it: CSV (streamed chunk by chunk into a temporary file renamed at the end) or an HDF5 PyTables table
// "/predictions" (.h5). A model without joins reads the input chunk by chunk, so a table of millions of
// rows is never in memory whole. Columns: row, the key columns the table has, probability, predicted class.
class EventPrediction {
public:
    struct Summary {
        QString output;
        qint64 rows = 0;
        qint64 predicted = 0;   // rows with every feature present
        qint64 positive = 0;    // called positive at the model's threshold
    };

    // "<folder>/<input base name>.predictions.csv" (or .h5).
    static QString defaultOutput(const QString &input, bool hdf5);
    static Result<Summary> run(const EventClassifier &model, const TableQuery &query, const QString &input,
                               const QString &output, const JobControl *job = nullptr);
    // Metrics of the model on a labelled file: the model's filter, then `label` (empty = the model's own
    // label expression); `weightColumn` optional.
    static Result<EventEvaluation> evaluate(const EventClassifier &model, const TableQuery &query, const QString &input,
                                            const QString &label, const QString &weightColumn, QStringList *notes,
                                            const JobControl *job = nullptr);
};

} // namespace photopeak
