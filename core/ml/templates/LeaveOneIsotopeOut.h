// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "jobs/JobControl.h"
#include "peaks/EfficiencyCurve.h"
#include "peaks/NuclideLibrary.h"
#include "util/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// Leave-one-isotope-out identification from library templates on the XGD folders: for each isotope X of
// srcs/ and Dataset/, the detector response (resolution, efficiency shape, continuum) is fitted on the other
// isotopes' single-source spectra and the backgrounds of bkgs/ only, and every spectrum of X is identified
// from the library (named top-1 = the first nuclide forward selection adds). Ba133, Co57 and Mn54 of long/
// (never trained) use the response fitted on all five. Reads only training folders and long/.
// Used by `identify --leave-one-out-xgd` and `evaluate --xgd --stress`.
class LeaveOneIsotopeOut {
public:
    struct Options {
        bool fitEfficiency = true;   // efficiency shape from the training spectra; false: `efficiency` below
        bool fitResolution = true;   // FWHM(E) from the training spectra's peaks; false: the curve's resolution
        // The natural lines of the summed training backgrounds (Pb214, Bi214, Ac228, Pb212 with Tl208, above
        // 200 keV) inform the fitted efficiency shape as well: ratios within a chain need no source.
        bool backgroundLines = true;
        EfficiencyCurve efficiency;  // the shipped curve (used when not fitted; not blind: fitted on all five)
        int stride = 1;              // every stride-th spectrum of each isotope (a quick subset for tests)
        QStringList isotopes;        // left-out isotopes to run (empty: all)
        bool includeLong = true;
        bool genericColumn = true;   // also the generic xenon response (not fitted) for comparison
    };
    struct Row {
        QString isotope, setting;
        int n = 0, top1 = 0, generic = 0;
        QMap<QString, int> wrong;  // top-1 name of the misses
        QString response;          // DetectorResponse::describe() of the response used
    };
    struct Result {
        std::vector<Row> rows;
        int backgrounds = 0;
        double backgroundLiveTime = 0.0;
        int total() const;
        int hits() const;
    };

    static photopeak::Result<Result> run(const QString &root, const NuclideLibrary &library, const Options &options,
                                         const JobControl *job = nullptr);
    // The table as text (one line per isotope and the total).
    static QString format(const Result &result, bool genericColumn);
};

} // namespace photopeak
