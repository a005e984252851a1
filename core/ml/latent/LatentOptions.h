// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QJsonObject>
#include <QString>

namespace photopeak {

// How a latent model decides which components are present.
enum class DetectionRule {
    ShareThreshold,  // the old tool: share > shareThreshold (0.1)
    Significance,    // score > z * its standard error from the Poisson Fisher information
    // Two stages: a source alarm, then which. Alarm: the isotopes significant at z hold together more than
    // shareThreshold of the scores (the old tool's 10 %, asked of the sources together instead of each
    // isotope alone). With an alarm every significant isotope is present; without one none is. The background
    // follows the significance rule.
    TwoStage,
};

// Switchable parts of inference. The defaults are the old GAMMA_FLOW method (plain, unweighted NNLS,
// no gain adjustment, fixed 10 % share threshold); each improvement can be turned on alone.
struct LatentOptions {
    bool poissonWeighted = false;  // one re-weighted step: weights 1 / max(model, 1) from the plain fit
    int poissonSteps = 1;          // re-weighted steps (IRLS towards the Poisson fit; 1 = the first round's)
    bool gainAdjust = false;       // per-spectrum energy-scale factor, chosen by the best fit
    double gainRange = 0.06;       // factors 1 - range .. 1 + range
    double gainStep = 0.01;        // coarse step; the best factor is refined once with step / 4
    // Per-spectrum resolution: isotope loadings Gaussian-broadened by an extra sigma (keV at 661.657 keV,
    // sigma^2 proportional to E) on the lattice 0, step, ..., max; the best deviance per dof wins.
    bool resolutionAdjust = false;
    double resolutionMax = 24.0;   // keV: about the measured NaI sigma at 662 keV (FWHM 7 %), fixed a priori
    double resolutionStep = 3.0;   // keV
    // Training time: broaden the isotope loadings once by the resolution difference between the measured
    // background's lines and the templates' own lines (LineWidth::estimate, training data only).
    bool resolutionMatch = false;
    // Training time: move the isotope loadings by the templates' line offset relative to the background's
    // lines (LineWidth::estimate; the simulated templates sit half a channel high).
    bool alignTemplates = false;
    DetectionRule detection = DetectionRule::ShareThreshold;
    double shareThreshold = 0.1;   // min_scores_norm of the old tool (TwoStage: the alarm level)
    double significance = 5.0;     // z of the significance rule (5 sigma, fixed a priori)
    // Significance rule only: standard errors scaled by sqrt(max(1, deviance per dof)) (quasi-Poisson),
    // so that template mismatch in strong spectra does not count as evidence for extra components.
    bool overdispersion = false;
    // Significance rule only: an isotope must also hold more than this share (0 = off; 'minshare' in the CLI
    // takes the old tool's 0.1, fixed a priori). The background needs significance only.
    double minShare = 0.0;

    static LatentOptions plain() { return {}; }
    // The default of `latent train` and the window (docs/latent-model.md: "The default").
    static LatentOptions recommended();
    bool usesSignificance() const { return detection != DetectionRule::ShareThreshold; }
    // Every improvement on.
    static LatentOptions improved();
    QString describe() const;  // e.g. "plain" or "poisson+gain+significance(z=5)"
    QJsonObject toJson() const;
    static LatentOptions fromJson(const QJsonObject &o);
    bool operator==(const LatentOptions &other) const = default;
};

} // namespace photopeak
