// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// The models a SpectrumAnalyzer composes, from a classifier and/or a latent model as tests hold them.
#include "analysis/SpectrumAnalyzer.h"
#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"

namespace photopeak::testing {

inline SpectrumAnalyzer::Models analyzerModels(std::shared_ptr<const SpectrumClassifier> classifier,
                                               std::shared_ptr<const LatentModel> latent = nullptr)
{
    SpectrumAnalyzer::Models models;
    if (classifier)
        models.push_back(std::make_shared<const SpectrumClassifierModel>(std::move(classifier)));
    if (latent)
        models.push_back(std::make_shared<const LatentSpectrumModel>(std::move(latent)));
    return models;
}

} // namespace photopeak::testing
