// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One class (isotope, "peak", "track") a model considered for one item.
struct ModelFinding {
    QString label;
    double probability = 0.0;  // calibrated
    bool reported = false;     // at or above the model's threshold
};

// What one model says about one item. An item outside the model's training domain is marked and its
// findings are not to be shown as confident.
struct ModelPrediction {
    QString item;
    QString decision;                    // the reported label, or "unknown" when out of domain
    std::vector<ModelFinding> findings;  // every label the model knows, in its order
    bool outOfDomain = false;
    QString domainNote;                  // why it is outside (which feature, how far)

    const ModelFinding *best() const
    {
        const ModelFinding *b = nullptr;
        for (const ModelFinding &f : findings)
            if (!b || f.probability > b->probability)
                b = &f;
        return b;
    }
};

} // namespace photopeak
