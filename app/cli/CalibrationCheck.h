#pragma once

#include <QIODevice>
#include <QString>

namespace photopeak {
class NuclideLibrary;
}

// `photopeak-cli calibrate --check DIR`: energy-calibration check on a folder of single-source spectra.
int runCalibrationCheck(const QString &dir, const photopeak::NuclideLibrary &lib, int degree, QIODevice &csv);
