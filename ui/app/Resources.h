// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak::ui {

// Registers the icons compiled into the static photopeak_ui library (resources/photopeak.qrc).
// Idempotent; the main window calls it, so applications and tests need not.
void initResources();

} // namespace photopeak::ui
