// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "model/ModelInput.h"
#include "spectrum/Spectrum.h"

#include <vector>

namespace photopeak {

// Spectra handed to a spectrum model through the generic Model interface (the window and the CLI use
// SpectrumAnalyzer, which fuses several models; this is the plain per-model path).
struct SpectrumBatch final : ModelInput {
    static constexpr const char *Kind = "spectra";

    std::vector<const Spectrum *> spectra;
    QStringList names;

    QString inputKind() const override { return QString::fromLatin1(Kind); }
    qsizetype itemCount() const override { return static_cast<qsizetype>(spectra.size()); }
    QString itemName(qsizetype index) const override
    {
        return index < names.size() ? names[index] : QStringLiteral("spectrum %1").arg(index + 1);
    }
};

} // namespace photopeak
