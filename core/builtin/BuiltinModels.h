// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak {

class ModelRegistry;

// Adds every model kind built into Photopeak (one line per kind in BuiltinModels.cpp).
void registerBuiltinModels(ModelRegistry &registry);

} // namespace photopeak
