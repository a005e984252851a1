// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

namespace photopeak::ui {

// How spectra are drawn; shared by the view, the View menu and (later) PNG reports.
struct PlotOptions {
    bool logScale = true;    // logarithmic y axis
    bool countRate = false;  // counts per second (only when every plotted spectrum has a live time)
    bool energyAxis = true;  // x in keV (only when every calibration is valid), else channel number

    bool operator==(const PlotOptions &) const = default;
};

} // namespace photopeak::ui
