// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "app/Resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initPhotopeakResource() { Q_INIT_RESOURCE(photopeak); }

namespace photopeak::ui {

void initResources()
{
    static const bool done = [] {
        initPhotopeakResource();
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace photopeak::ui
