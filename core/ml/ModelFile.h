#pragma once

#include "spectrum/EnergyGrid.h"
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
};

// Versioned JSON model files, written atomically. Numeric arrays are stored as base64 of little-endian
// float64 so that a saved model predicts bit-identically after loading.
class ModelFile {
public:
    static Status save(const QString &path, const ModelDocument &document);
    // Refuses files of another kind, of a newer format version, or damaged, with a message naming the file.
    static Result<ModelDocument> load(const QString &path, const QString &expectedKind);

    static QString encodeDoubles(const std::vector<double> &values);
    static std::vector<double> decodeDoubles(const QString &text);
};

} // namespace photopeak
