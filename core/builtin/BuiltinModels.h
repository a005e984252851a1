#pragma once

namespace photopeak {

class ModelRegistry;

// Adds every model kind built into Photopeak (one line per kind in BuiltinModels.cpp).
void registerBuiltinModels(ModelRegistry &registry);

} // namespace photopeak
