#include "model/BuiltinModels.h"

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

} // namespace photopeak
