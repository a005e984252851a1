// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include <QString>

namespace photopeak {

// What a model trains on or predicts: spectra, feature tables, image candidates, hits. Each workflow has
// its own concrete input; a model refuses an input of another kind with a clear message.
class ModelInput {
public:
    virtual ~ModelInput() = default;
    // "features", "spectra", ...: the inputKind a ModelKind declares.
    virtual QString inputKind() const = 0;
    virtual qsizetype itemCount() const = 0;
    // How an item is named in messages and result rows (file, row, candidate id).
    virtual QString itemName(qsizetype index) const = 0;
};

} // namespace photopeak
