#include "spectrum/Spectrum.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace photopeak {

double Spectrum::totalCounts() const { return std::accumulate(counts.begin(), counts.end(), 0.0); }

std::vector<double> Spectrum::countRate() const
{
    if (!hasLiveTime())
        return {};
    std::vector<double> rate(counts.size());
    const double inv = 1.0 / liveTime;
    std::transform(counts.begin(), counts.end(), rate.begin(), [inv](double c) { return c * inv; });
    return rate;
}

QString Spectrum::labelKey() const
{
    QStringList sorted = labels;
    sorted.sort(Qt::CaseInsensitive);
    return sorted.join(QLatin1Char('+'));
}

void Spectrum::checkValues()
{
    bool anyNonZero = false, anyNonFinite = false, anyNegative = false;
    for (double c : counts) {
        if (!std::isfinite(c))
            anyNonFinite = true;
        else if (c != 0.0) {
            anyNonZero = true;
            if (c < 0.0)
                anyNegative = true;
        }
    }
    if (!anyNonZero && !anyNonFinite)
        problems.add(SpectrumProblem::AllZeroCounts);
    if (anyNonFinite)
        problems.add(SpectrumProblem::NonFiniteCounts);
    if (anyNegative)
        problems.add(SpectrumProblem::NegativeCounts);
    if (!problems.has(SpectrumProblem::NoLiveTime) && !(liveTime > 0.0 && std::isfinite(liveTime)))
        problems.add(SpectrumProblem::NonPositiveLiveTime);
    if (!calibration.isValid(channelCount()))
        problems.add(SpectrumProblem::InvalidCalibration);
}

QString Spectrum::displayName() const
{
    const QString name = QFileInfo(sourcePath).fileName();
    return indexInSource > 0 || sourcePath.endsWith(QLatin1String(".h5"), Qt::CaseInsensitive)
        ? QStringLiteral("%1 #%2").arg(name).arg(indexInSource)
        : name;
}

} // namespace photopeak
