// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace photopeak {

class H5DatasetListing;
struct H5DatasetInfo;

// Which dataset of an HDF5 table plays which role. Paths are absolute ("/counts", "/run1/labels");
// an empty path means the role is absent. Set roles explicitly for layouts the common names miss.
//
// Shapes, with n = number of spectra (rows of `counts`):
//   counts       [n, channels] any integer or float type (required)
//   labels       [n] strings ("Co60;background", "Cs137,Co60") or numbers; or one value for all rows
//   detector, description, startTime (ISO 8601 text or Unix seconds)   [n] or one value
//   calibration  [n, k] or one [k] vector, k = 2..4 coefficients offset, slope, quad, cubic (keV)
//   liveTime, realTime (seconds), distance (cm)                          [n] numbers or one value
struct H5Layout {
    QString counts;
    QString labels;
    QString detector;
    QString calibration;
    QString liveTime;
    QString realTime;
    QString startTime;
    QString distance;
    QString description;

    bool isEmpty() const;
    // "counts=/counts, labels=/labels, ..." for messages and the CLI.
    QString toString() const;

    // Fills the roles left empty in `overrides` from common dataset names, preferring datasets in the
    // same group as the counts and with one row per spectrum. Explicit paths are checked to exist.
    static Result<H5Layout> resolve(const H5DatasetListing &listing, const H5Layout &overrides = {});

    // Leaf names tried for each role, in order of preference (lower case).
    static const QStringList &countsNames();
    static const QStringList &labelNames();
};

} // namespace photopeak
