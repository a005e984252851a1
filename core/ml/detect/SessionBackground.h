// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/PreparedSpectrum.h"
#include "spectrum/EnergyGrid.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QString>

#include <vector>

namespace photopeak {

// The background a physicist measured at the start of a session (the old tool's -b), summed on a model's
// grid: one file, a folder of them, or the spectra selected in the window. A file holding a measurement with
// its embedded background (RadiaCode XML: the reader labels it background) contributes only that background.
class SessionBackground {
public:
    // Sums the usable spectra; fails naming `source` when none is usable.
    static Result<SessionBackground> fromSpectra(const std::vector<const Spectrum *> &spectra, const EnergyGrid &grid,
                                                 const QString &source);
    // A file or a folder (recursively).
    static Result<SessionBackground> load(const QString &path, const EnergyGrid &grid);

    const PreparedSpectrum &spectrum() const { return m_sum; }
    int count() const { return m_count; }
    QString source() const { return m_source; }
    QString describe() const;  // "3 spectra, 1800 s from bkg"

private:
    PreparedSpectrum m_sum;
    int m_count = 0;
    QString m_source;
};

} // namespace photopeak
