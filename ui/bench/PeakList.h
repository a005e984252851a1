// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "peaks/PeakRegion.h"

#include <QString>

#include <vector>

namespace photopeak::ui {

// A library line a peak is assigned to (for calibration and identification).
struct LineAssignment {
    QString nuclide;         // e.g. "Cs137"; empty for a typed energy
    double energyKeV = 0.0;  // 0 = not assigned
    bool isSet() const { return energyKeV > 0.0; }
    bool operator==(const LineAssignment &) const = default;
};

// The peaks of one spectrum as the window shows and edits them: fitted regions (channel domain, a
// multiplet shares its region's continuum), per peak an assigned line and a shape remark ("a Compton
// edge?"). Peaks are numbered over all regions in channel order. A plain value: an undoable edit swaps
// one PeakList for another.
struct PeakList {
    struct Row {
        PeakRegion region;
        std::vector<LineAssignment> lines;  // one per region.peaks
        std::vector<QString> notes;         // one per region.peaks
    };
    std::vector<Row> rows;  // by region start
    bool automatic = true;  // as the automatic fit left it (no edit yet)

    int count() const;
    const FittedPeak *peak(int index) const;
    const PeakRegion *regionOf(int index) const;
    LineAssignment line(int index) const;
    QString note(int index) const;
    std::vector<FittedPeak> peaks() const;
    std::vector<PeakRegion> regions() const;
    // The peak whose centroid is nearest `channel`, if within maxDistance channels; else -1.
    int nearest(double channel, double maxDistance) const;
    // Index of the first peak with this centroid (exactly), -1 if none.
    int indexOfCentroid(double centroid) const;

    // Adds a fitted region; peaks of other regions whose centroids fall inside it are replaced by it.
    void addRegion(PeakRegion region, std::vector<QString> notes = {});
    // Removes one peak; a region left without peaks goes. The region's other peaks keep their fit.
    void removePeak(int index);
    void setLine(int index, const LineAssignment &line);
};

} // namespace photopeak::ui
