// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QLoggingCategory>

// Enable with QT_LOGGING_RULES="photopeak.ui.*=true".
Q_DECLARE_LOGGING_CATEGORY(lcLoad)
