#pragma once

#include <QFile>
#include <QString>

namespace photopeak {
class NuclideLibrary;
}

// `photopeak-cli calibrate --check DIR`: energy-calibration check on a folder of single-source spectra.
int runCalibrationCheck(const QString &dir, const photopeak::NuclideLibrary &lib, int degree, QFile &csv);
