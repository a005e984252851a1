// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "builtin/BuiltinModels.h"

#include "hits/HitModel.h"
#include "images/PeakClassifierModel.h"
#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "ml/FeatureClassifierModel.h"
#include "model/ModelRegistry.h"
#include "tables/EventTableModel.h"

namespace photopeak {

void registerBuiltinModels(ModelRegistry &registry)
{
    registry.add(SpectrumClassifierModel::modelKind());
    registry.add(LatentSpectrumModel::modelKind());
    registry.add(FeatureClassifierModel::modelKind());
    registry.add(HitModel::modelKind());
    registry.add(PeakClassifierModel::modelKind());
    registry.add(EventTableModel::modelKind());
}

// Defined here, above every model kind, so that the registry itself (core/model) depends on no kind.
const ModelRegistry &ModelRegistry::instance()
{
    static const ModelRegistry registry = [] {
        ModelRegistry r;
        registerBuiltinModels(r);
        return r;
    }();
    return registry;
}

} // namespace photopeak
