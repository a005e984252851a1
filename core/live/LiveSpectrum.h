// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "spectrum/Spectrum.h"

#include <QString>

#include <chrono>

namespace photopeak {

// One spectrum as a live source delivers it: the record, the file it came from and when the source saw the
// file complete (steady clock, for the latency from "file complete" to "decision").
struct LiveSpectrum {
    Spectrum spectrum;
    QString path;        // file it was read from (the replayed original when a replay emits directly)
    int record = 0;      // index of the record inside the file (N42 series: the n-th <RadMeasurement>)
    std::chrono::steady_clock::time_point completeAt = std::chrono::steady_clock::now();
};

} // namespace photopeak
