// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "ml/templates/DetectorResponse.h"
#include "peaks/NuclideLibrary.h"
#include "spectrum/EnergyGrid.h"

#include <QString>
#include <QMap>
#include <QStringList>

#include <vector>

namespace photopeak {

// Full-spectrum identification with synthetic templates: every library nuclide's lines x intensity x
// efficiency folded with the detector response (DetectorResponse), fitted together to the spectrum's net rate
// (minus the reference background rate) by weighted non-negative least squares (NonNegativeFit), with the
// natural chains and three smooth scatter continua as nuisance columns (background drift, room scatter). A
// second pass adds the fitted signal's Poisson variance and a template shape uncertainty. A nuclide's
// significance is sqrt(chi2 without its template - chi2 with all). Needs no spectrum of the nuclide itself:
// it names isotopes never trained on.
class TemplateIdentifier {
public:
    struct Options {
        double shapeSystematic = 0.2;    // relative template shape uncertainty (second pass)
        bool systematicOnTemplatesOnly = true;  // false: of the whole fitted model (baseline included), as before
        // Prior odds by library category (what a lab or field spectrometer meets): ranking is by
        // delta chi2 + 2 ln prior, so that equal evidence (Na22 and F18 seen only at 511 keV) names the
        // common source. Categories not listed: 1.
        QMap<QString, double> categoryPrior{{QStringLiteral("check"), 1.0}, {QStringLiteral("natural"), 1.0},
                                            {QStringLiteral("medical"), 0.3}, {QStringLiteral("activation"), 0.1},
                                            {QStringLiteral("fission"), 0.1}};
        double minEnergyKeV = 30.0;      // bins below are not fitted
        double minSignificance = 5.0;    // a nuclide is named above this
        QStringList candidates;          // empty = every library nuclide but natural chain members
        QStringList nuisance{QStringLiteral("K40"), QStringLiteral("Th232"), QStringLiteral("Ra226")};
        // Natural nuclides that are candidates too (uranium samples); the other natural ones are not named.
        QStringList naturalCandidates{QStringLiteral("U235"), QStringLiteral("U238")};
        // Knots of the flexible baseline (triangular hats); empty = only the three smooth continua.
        std::vector<double> baselineKnotsKeV{30.0, 60.0, 90.0, 120.0, 160.0, 200.0, 250.0, 300.0, 400.0, 500.0, 600.0, 750.0,
                                              900.0, 1100.0, 1300.0, 1500.0};
    };
    struct Match {
        QString nuclide;
        double significance = 0.0;  // sqrt(delta chi2) within the selected nuclides (0 when not selected)
        double alone = 0.0;         // sqrt(delta chi2) of this nuclide alone over the nuisance columns
        double score = 0.0;         // ranking: significance^2 (alone^2 when not selected) + 2 ln prior
        double amplitude = 0.0;     // fitted template scale (relative activity)
    };

    TemplateIdentifier(const NuclideLibrary &library, DetectorResponse response, EnergyGrid grid, Options options);
    TemplateIdentifier(const NuclideLibrary &library, DetectorResponse response, EnergyGrid grid);
    // Reference background rate per bin (counts/s) and its live time; without one the natural chains and
    // continua of the nuisance columns describe the background.
    void setBackground(std::vector<double> rate, double liveTime);

    // Named candidates, in the order forward selection added them (each addition reduced chi2 by at least
    // minSignificance^2); with `all`, then every other candidate that alone reduces chi2, by that reduction.
    std::vector<Match> identify(const PreparedSpectrum &spectrum, bool all = false) const;
    const QStringList &names() const { return m_names; }
    const DetectorResponse &response() const { return m_response; }

private:
    void fitPass(const std::vector<double> &net, const std::vector<double> &weight, std::vector<double> &G,
                 std::vector<double> &h) const;

    DetectorResponse m_response;
    EnergyGrid m_grid;
    Options m_options;
    QStringList m_names;                       // candidates, then nuisance columns
    int m_candidates = 0;
    int m_templateColumns = 0;                 // candidates and natural-chain nuisance (nuclide templates)
    std::vector<std::vector<double>> m_columns;  // per column, rate per bin per unit amplitude (normalised)
    std::vector<double> m_logPrior;            // per candidate: 2 ln prior
    // Per template column and bin: shape systematic (+) the response's efficiency uncertainty relative to the
    // template's strongest line (a fitted efficiency shape only; empty: the shape systematic everywhere).
    std::vector<std::vector<double>> m_relativeUncertainty;
    std::vector<double> m_bkgRate;
    double m_bkgLiveTime = 0.0;
    int m_firstBin = 0;
};

} // namespace photopeak
