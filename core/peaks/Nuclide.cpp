// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "peaks/Nuclide.h"

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
constexpr double kSecondsPerYear = 365.2422 * 86400.0;
}

QString GammaLine::kindCode(Kind kind)
{
    switch (kind) {
    case Kind::Gamma: return QStringLiteral("g");
    case Kind::XRay: return QStringLiteral("x");
    case Kind::Annihilation: return QStringLiteral("a");
    }
    return QStringLiteral("g");
}

double Nuclide::decayConstant() const
{
    return halfLifeSeconds > 0.0 && std::isfinite(halfLifeSeconds) ? std::log(2.0) / halfLifeSeconds : 0.0;
}

double Nuclide::decayFactor(const QDateTime &from, const QDateTime &to) const
{
    if (!from.isValid() || !to.isValid())
        return 1.0;
    const double dt = static_cast<double>(from.msecsTo(to)) / 1000.0;
    return std::exp(-decayConstant() * dt);
}

std::vector<GammaLine> Nuclide::linesIn(double eMinKeV, double eMaxKeV, double minIntensity) const
{
    std::vector<GammaLine> out;
    for (const auto &l : lines)
        if (l.energyKeV >= eMinKeV && l.energyKeV <= eMaxKeV && l.intensity >= minIntensity)
            out.push_back(l);
    std::sort(out.begin(), out.end(), [](const GammaLine &a, const GammaLine &b) { return a.intensity > b.intensity; });
    return out;
}

QString Nuclide::halfLifeText() const
{
    const double s = halfLifeSeconds;
    if (s >= kSecondsPerYear)
        return QStringLiteral("%1 y").arg(s / kSecondsPerYear, 0, 'g', 5);
    if (s >= 86400.0)
        return QStringLiteral("%1 d").arg(s / 86400.0, 0, 'g', 5);
    if (s >= 3600.0)
        return QStringLiteral("%1 h").arg(s / 3600.0, 0, 'g', 5);
    if (s >= 60.0)
        return QStringLiteral("%1 min").arg(s / 60.0, 0, 'g', 5);
    return QStringLiteral("%1 s").arg(s, 0, 'g', 5);
}

} // namespace photopeak
