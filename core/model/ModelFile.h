// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/EnergyGrid.h"
#include "util/JsonNumbers.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// What every model file carries besides its learned numbers (architecture.md, "Files the project owns").
struct ModelHeader {
    static constexpr int CurrentFormatVersion = 1;

    QString kind;          // "detector", "identifier", "latent", ...
    QString method;        // "rbf-svm", "random-forest", "loadings-nnls", ...
    QJsonObject parameters;
    QJsonObject features;  // feature configuration: what prediction must compute exactly as training did
    QStringList labels;    // label order of the outputs
    EnergyGrid grid;       // energy grid the model expects its spectra on
    QString trainingHash;  // content hash of the training set (library/ContentHash)
    QJsonObject metrics;   // validation metrics at training time
    QString appVersion = QStringLiteral(PHOTOPEAK_VERSION);
    int formatVersion = CurrentFormatVersion;
};

struct ModelDocument {
    ModelHeader header;
    QJsonObject payload;  // learned numbers, model-specific
    QStringList warnings; // load: what the caller should tell the user (e.g. a file without checksum)
};

// Versioned JSON model files, written atomically, with a checksum of their content (JsonChecksum). Numeric
// arrays are stored as base64 of little-endian float64 so that a saved model predicts bit-identically after
// loading (util/JsonNumbers). A damaged model is refused, never used: see load() and JsonNumbers::readDoubles.
class ModelFile {
public:
    // Larger files are refused before they are read (the largest real models are a few MB).
    static constexpr qint64 MaxFileBytes = 256LL * 1024 * 1024;

    static Status save(const QString &path, const ModelDocument &document);
    // Refuses, with a message naming the file (and the field): a file over MaxFileBytes, not JSON, of another
    // kind or a newer format version, whose content does not match its checksum, with a non-finite or huge
    // number anywhere, or a bad energy grid. Files written before checksums load with a warning (printed and
    // in ModelDocument::warnings).
    static Result<ModelDocument> load(const QString &path, const QString &expectedKind);
};

} // namespace photopeak
