// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/Model.h"
#include "model/ModelPrediction.h"
#include "spectrum/EnergyGrid.h"
#include "spectrum/Spectrum.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <vector>

namespace photopeak {

// What one spectrum model says about one spectrum, as analysis/SpectrumAnalyzer fuses it into a SpectrumAnalysis.
struct SpectrumVerdict {
    bool analysed = true;                  // false: this model could not analyse the spectrum (`problem` says why)
    QString problem;                       // as the deciding model: why the row is skipped; otherwise a note
    bool outOfDomain = false;              // outside what the model was made for (never shown as confident)
    QString domainReason;
    bool source = false;                   // the decision (deciding model)
    std::optional<double> sourceProbability;
    std::optional<double> detectionThreshold;
    bool sigmaTest = false;                // the sigma fields below were computed
    double sigmaSignificance = 0.0, sigmaExcessCps = 0.0;
    bool sigmaSource = false;
    std::optional<double> excessStatistic;
    QString excessTemplate;
    std::vector<ModelFinding> isotopes;    // isotopeLabels() order
    bool unknownIsotope = false;           // fit worse than any training spectrum allows (decomposition models)
    std::vector<double> scores;            // decomposition scores in the model's component order
};

// Per-thread state of one spectrum model (rebin plans, work buffers): SpectrumAnalyzer keeps one per thread.
class SpectrumPredictor {
public:
    virtual ~SpectrumPredictor() = default;
    // `decides`: this model's verdict is the row's decision (else it only adds its flags and notes).
    virtual SpectrumVerdict predict(const Spectrum &spectrum, bool decides) = 0;
};

// A model that analyses single spectra (kinds "spectrum-classifier", "latent"): what SpectrumAnalyzer composes.
// Fusion (SpectrumAnalyzer): the first Detector decides (the first model when there is none); every other model
// adds its unknown-isotope flag, scores and notes.
class SpectrumModel : public Model {
public:
    enum class Role {
        Detector,       // detection and identification (decides whenever present)
        Decomposition,  // decomposition into components: decides alone, else flags unknown isotopes
    };

    virtual Role role() const = 0;
    // Short name in the analysis' model column, e.g. "logistic+logistic" or "latent poisson+gain".
    virtual QString analysisName() const = 0;
    // Isotope columns when this model decides, in order.
    virtual QStringList isotopeLabels() const = 0;
    virtual const EnergyGrid &grid() const = 0;
    // Checked on every readable spectrum before anything else, so that rows skipped later still say that
    // they are outside the model's stored training domain (default: no such check).
    virtual std::optional<QString> trainingDomainProblem(const Spectrum &) const { return std::nullopt; }
    // Adds this model's part to the analysis document's header (AnalysisTable::toJson).
    virtual void describe(QJsonObject &header, bool decides) const = 0;
    virtual std::unique_ptr<SpectrumPredictor> predictor() const = 0;
};

} // namespace photopeak
