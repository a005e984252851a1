// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/ClassifierOptions.h"
#include "ml/PreparedSet.h"
#include "ml/detect/ExcessTest.h"
#include "ml/detect/SigmaTest.h"
#include "ml/domain/ModelDomain.h"
#include "ml/detect/SourceDetector.h"
#include "ml/identify/IsotopeIdentifier.h"

#include <QJsonObject>

#include <optional>

namespace photopeak {

struct Classification {
    bool source = false;
    std::optional<double> sourceProbability;  // none when detection is the sigma test
    SigmaTest::Outcome sigma;                 // always computed against the model's reference background
    std::vector<double> isotopeProbabilities; // in isotopeLabels() order (empty without identification)
    QStringList isotopes;                     // reported isotopes: probability >= threshold, only for sources
    bool learnedSource = false;               // the learned detector (or sigma test) alone
    std::optional<ExcessTest::Outcome> excess; // drift-robust excess test (models trained since it exists)
};

// The two-stage classifier of methods.md 1.4-1.5 done properly: detection (calibrated learner or the
// one-sided sigma test) then identification (calibrated one-vs-rest per isotope), trained on measured
// spectra plus seeded synthetic ones, saved as one versioned model file.
class SpectrumClassifier {
public:
    static constexpr const char *Kind = "spectrum-classifier";

    static Result<SpectrumClassifier> train(const PreparedSet &set, const ClassifierOptions &options,
                                            const JobControl *job = nullptr);

    Classification classify(const PreparedSpectrum &spectrum) const;
    // Replace the sigma test's reference (the mean training background by default), e.g. by a user's file.
    void setSigmaTest(SigmaTest test) { m_sigma = std::move(test); }
    // Session background: the sigma test's reference and the excess test's background shape become `reference`
    // (level and drift are still fitted per spectrum); nothing is retrained.
    Status setSessionBackground(const PreparedSpectrum &reference, const QString &source);
    // What the model was trained for (unknown for models written before domains).
    const ModelDomain &domain() const { return m_domain; }
    const std::optional<ExcessTest> &excessTest() const { return m_excess; }

    const ClassifierOptions &options() const { return m_options; }
    // Probability at which detection calls a source (operating point for the target false-alarm rate).
    double detectionThreshold() const;
    const EnergyGrid &grid() const { return m_grid; }
    QStringList isotopeLabels() const { return m_identifier ? m_identifier->labels() : QStringList{}; }
    const QString &trainingHash() const { return m_trainingHash; }
    // Training summary: set sizes, synthetic counts, timings, cross-validated metrics.
    const QJsonObject &report() const { return m_report; }
    const std::optional<SourceDetector> &detector() const { return m_detector; }
    const std::optional<IsotopeIdentifier> &identifier() const { return m_identifier; }

    Status save(const QString &path) const;
    // Refuses files of another kind or version, damaged files, and files whose header does not match their
    // payload (labels, features, grid), naming the file.
    static Result<SpectrumClassifier> load(const QString &path);

private:
    ClassifierOptions m_options;
    EnergyGrid m_grid;
    std::optional<SourceDetector> m_detector;
    std::optional<IsotopeIdentifier> m_identifier;
    SigmaTest m_sigma;
    std::optional<ExcessTest> m_excess;
    ModelDomain m_domain;
    QString m_trainingHash;
    QJsonObject m_report;
};

} // namespace photopeak
