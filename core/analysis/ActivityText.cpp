#include "analysis/ActivityText.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
struct Unit {
    double scale;
    QString name;
};

Unit unitFor(double magnitude)
{
    if (magnitude >= 1e9)
        return {1e9, QStringLiteral("GBq")};
    if (magnitude >= 1e6)
        return {1e6, QStringLiteral("MBq")};
    if (magnitude >= 1e3)
        return {1e3, QStringLiteral("kBq")};
    return {1.0, QStringLiteral("Bq")};
}
} // namespace

QString formatActivity(double bq, double uncBq)
{
    const Unit u = unitFor(std::max(std::abs(bq), std::abs(uncBq)));
    const double v = bq / u.scale, s = uncBq / u.scale;
    int decimals = 0;
    if (s > 0.0 && std::isfinite(s))
        decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(s))), 0, 3);
    return QStringLiteral("%1 ± %2 %3").arg(v, 0, 'f', decimals).arg(s, 0, 'f', decimals).arg(u.name);
}

QString formatBecquerel(double bq)
{
    const Unit u = unitFor(std::abs(bq));
    return QStringLiteral("%1 %2").arg(QString::number(bq / u.scale, 'g', 3), u.name);
}

} // namespace photopeak
