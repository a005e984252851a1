// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "hits/HitImage.h"

#include <vector>

namespace photopeak {

// Crops side by side in rows (a contact sheet), for cluster and misclassification sheets written without a
// window. Gaps are mid-grey so dark crop borders stay visible.
class HitSheet {
public:
    static HitImage compose(const std::vector<const HitImage *> &crops, int columns = 10, int gap = 2);
};

} // namespace photopeak
