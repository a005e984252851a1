// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "app/Logging.h"

Q_LOGGING_CATEGORY(lcLoad, "photopeak.ui.load", QtWarningMsg)
