// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"

#include <QString>

namespace photopeak {

// One spectrum of an opened dataset, or one file that could not be read (then `spectrum` holds only the
// path and `problems`/`message` say why). Problem entries stay in the list: nothing is silently dropped.
struct DatasetEntry {
    Spectrum spectrum;
    QString relativePath;  // to the dataset root, '/' separated
    QString message;       // reader's error for unreadable files, else empty

    bool isReadable() const { return message.isEmpty(); }
    bool isUsable() const { return isReadable() && !spectrum.problems.blocksAnalysis(); }
    // Every problem in words, for tables and reports.
    QString problemText() const;
};

} // namespace photopeak
