#pragma once

#include "jobs/JobControl.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentTrainer.h"
#include "spectrum/Spectrum.h"
#include "util/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <vector>

namespace photopeak {

// One test spectrum already rebinned onto the model grid.
struct LatentSample {
    std::vector<double> counts;  // on the grid
    QStringList truth;           // label set, sorted (includes "background" where the file says so)
    QString file;                // file stem it came from
    int row = 0;
};

// The GAMMA_FLOW evaluation protocol (shared/bench/README.md, issue 4): isotopes trained on
// <Isotope>_simulated.h5, background on background_<date>_<detector>.h5; single-label test on the other
// measured <stem>_<detector>.h5 files; multi-label test on multi-class_<detector>.h5 rows whose labels are
// all known components; rows with an unknown isotope (uranium) kept apart for the unknown-isotope flag.
class LatentProtocol {
public:
    QString dataDir;
    QString detector = QStringLiteral("left");
    QStringList components{QStringLiteral("Am241"), QStringLiteral("Co60"), QStringLiteral("Cs137"),
                           QStringLiteral("Eu152"), QStringLiteral("background")};
    QMap<QString, QString> trainFiles;  // component -> file stem
    QStringList singleFiles;            // file stems
    QString multiFile;

    static LatentProtocol gammaFlowDefault(const QString &dataDir);

    // Reads the training files and trains a model with `options` (which also fix the unknown thresholds).
    Result<LatentModel> train(const LatentOptions &options, const JobControl *job = nullptr) const;
    // Raw training spectra (for callers that train themselves).
    Result<std::vector<Spectrum>> trainingSpectra(const JobControl *job = nullptr) const;

    struct TestSet {
        std::vector<LatentSample> single;   // single-label test rows
        std::vector<LatentSample> multi;    // multi-label rows with only known labels
        std::vector<LatentSample> unknown;  // multi-label rows with a label outside the components
        int skipped = 0;                    // rows that cannot be analysed (all zero, NaN, bad calibration)
    };
    // Reads and rebins (count-conserving) the test files onto `grid`.
    Result<TestSet> testSet(const EnergyGrid &grid, const JobControl *job = nullptr) const;

    QString filePath(const QString &stem) const;

private:
    Result<std::vector<Spectrum>> read(const QString &stem) const;
};

} // namespace photopeak
