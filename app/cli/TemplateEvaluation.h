#pragma once

#include "peaks/EfficiencyCurve.h"
#include "peaks/NuclideLibrary.h"

#include <QString>
#include <QTextStream>

namespace TemplateEvaluation {

// Leave-one-isotope-out identification on the XGD data (`identify --leave-one-out-xgd ROOT`): for each
// isotope X of srcs/ and Dataset/, the detector response is fitted on the other isotopes' single-source
// spectra and the background of bkgs/, and X's spectra are identified with library templates only (named
// top-1 = X); Ba133, Co57 and Mn54 of long/ are identified with the response fitted on all five. Reads only
// training folders and long/. Returns the exit code.
int run(const QString &root, const photopeak::NuclideLibrary &library, const photopeak::EfficiencyCurve &curve,
        QTextStream &out);

} // namespace TemplateEvaluation
