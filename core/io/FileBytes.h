// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

namespace photopeak {

// Reads a whole file into `into` (reusing its capacity) with plain POSIX calls: for batches of thousands
// of small files the per-file overhead of QFile dominates. Refuses files larger than `maxBytes`.
Status readFileBytes(const QString &path, QByteArray &into, qint64 maxBytes);

} // namespace photopeak
