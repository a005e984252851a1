// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/StressPerturbation.h"

#include <cmath>

namespace photopeak {

QString StressPerturbation::name() const
{
    switch (m_kind) {
    case Kind::None: return QStringLiteral("as measured");
    case Kind::Ambient: return QStringLiteral("ambient x%1").arg(m_value, 0, 'g', 3);
    case Kind::Gain: return QStringLiteral("gain %1%2 %").arg(m_value >= 1.0 ? QStringLiteral("+") : QString()).arg(100.0 * (m_value - 1.0), 0, 'g', 3);
    case Kind::Offset: return QStringLiteral("offset %1%2 keV").arg(m_value >= 0.0 ? QStringLiteral("+") : QString()).arg(m_value, 0, 'g', 3);
    }
    return {};
}

void StressPerturbation::thin(std::vector<double> &counts, double p, std::mt19937_64 &rng)
{
    for (double &c : counts) {
        const long long n = std::llround(std::max(c, 0.0));
        c = n > 0 ? static_cast<double>(std::binomial_distribution<long long>(n, p)(rng)) : 0.0;
    }
}

Spectrum StressPerturbation::apply(const Spectrum &s, const std::vector<const Spectrum *> &backgrounds, std::mt19937_64 &rng) const
{
    Spectrum out = s;
    switch (m_kind) {
    case Kind::None:
        break;
    case Kind::Ambient:
        if (m_value < 1.0) {
            thin(out.counts, m_value, rng);
        } else if (m_value > 1.0 && !backgrounds.empty()) {
            double remaining = (m_value - 1.0) * s.liveTime;
            std::uniform_int_distribution<size_t> pick(0, backgrounds.size() - 1);
            for (int guard = 0; remaining > 1e-9 && guard < 10000; ++guard) {
                const Spectrum &b = *backgrounds[pick(rng)];
                if (b.channelCount() != s.channelCount() || !(b.liveTime > 0.0))
                    continue;
                std::vector<double> add = b.counts;
                if (b.liveTime > remaining)
                    thin(add, remaining / b.liveTime, rng);
                for (size_t c = 0; c < add.size(); ++c)
                    out.counts[c] += add[c];
                remaining -= std::min(remaining, b.liveTime);
            }
        }
        break;
    case Kind::Gain: {
        std::vector<double> c(s.calibration.coefficients().begin(), s.calibration.coefficients().end());
        for (double &v : c)
            v *= m_value;
        out.calibration = EnergyCalibration::fromCoefficients(c);
        break;
    }
    case Kind::Offset: {
        std::vector<double> c(s.calibration.coefficients().begin(), s.calibration.coefficients().end());
        c[0] += m_value;
        out.calibration = EnergyCalibration::fromCoefficients(c);
        break;
    }
    }
    return out;
}

} // namespace photopeak
