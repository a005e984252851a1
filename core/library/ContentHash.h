// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"

#include <QString>

#include <vector>

namespace photopeak {

// SHA-256 over what a model learns from: counts, live time, calibration and labels of each spectrum.
// Independent of the order of the spectra and of file names, so a moved or renamed training set keeps
// its hash, and any change of content changes it. Used to key caches and to record training sets.
QString spectrumContentHash(const Spectrum &spectrum);
QString datasetContentHash(const std::vector<const Spectrum *> &spectra);

} // namespace photopeak
