// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/SigmaTest.h"

#include "util/JsonNumbers.h"

#include <QJsonArray>

#include <cmath>
#include <limits>

namespace photopeak {

QJsonObject SigmaTestOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("k")] = k;
    QJsonArray w;
    for (const auto &[lo, hi] : windowsKeV)
        w.append(QJsonArray{lo, hi});
    o[QStringLiteral("windowsKeV")] = w;
    return o;
}

SigmaTestOptions SigmaTestOptions::fromJson(const QJsonObject &o)
{
    SigmaTestOptions s;
    s.k = o.value(QStringLiteral("k")).toDouble(3.0);
    for (const auto &v : o.value(QStringLiteral("windowsKeV")).toArray())
        s.windowsKeV.emplace_back(v.toArray().at(0).toDouble(), v.toArray().at(1).toDouble());
    return s;
}

SigmaTest::SigmaTest(SigmaTestOptions options, EnergyGrid grid, std::vector<double> referenceRatePerBin,
                     double referenceLiveTime)
    : m_options(std::move(options)), m_grid(std::move(grid)), m_referenceRate(std::move(referenceRatePerBin)),
      m_referenceLive(referenceLiveTime)
{
    buildWindows();
}

Result<SigmaTest> SigmaTest::fromReference(SigmaTestOptions options, const EnergyGrid &grid,
                                           const PreparedSpectrum &reference, const QString &source)
{
    if (!(reference.liveTime > 0.0))
        return makeError(source, QStringLiteral("reference background has no live time"));
    if (static_cast<int>(reference.counts.size()) != grid.binCount())
        return makeError(source, QStringLiteral("reference background is not on the analysis grid"));
    std::vector<double> rate(reference.counts.size());
    for (size_t b = 0; b < rate.size(); ++b)
        rate[b] = reference.counts[b] / reference.liveTime;
    SigmaTest t(std::move(options), grid, std::move(rate), reference.liveTime);
    if (t.m_windowBins.empty())
        return makeError(source, QStringLiteral("no sigma-test window overlaps the energy grid"));
    return t;
}

void SigmaTest::buildWindows()
{
    m_windowBins.clear();
    const int n = m_grid.binCount();
    if (n <= 0)
        return;
    if (m_options.windowsKeV.empty()) {
        m_windowBins.emplace_back(0, n);
        return;
    }
    for (const auto &[lo, hi] : m_options.windowsKeV) {
        int first = -1, last = -1;
        for (int b = 0; b < n; ++b) {
            const double c = m_grid.center(b);
            if (c >= lo && c < hi) {
                if (first < 0)
                    first = b;
                last = b + 1;
            }
        }
        if (first >= 0)
            m_windowBins.emplace_back(first, last);
    }
}

SigmaTest::Outcome SigmaTest::test(const PreparedSpectrum &s) const
{
    Outcome best;
    best.significance = -std::numeric_limits<double>::infinity();
    for (const auto &[first, last] : m_windowBins) {
        double counts = 0.0, B = 0.0;
        for (int b = first; b < last; ++b) {
            counts += s.counts[static_cast<size_t>(b)];
            B += m_referenceRate[static_cast<size_t>(b)];
        }
        const double S = counts / s.liveTime;
        // Poisson variance of each rate; never zero (an empty window of a short spectrum is not a source).
        const double var = std::max(S, 0.0) / s.liveTime + std::max(B, 0.0) / m_referenceLive;
        const double sigma = std::sqrt(std::max(var, 1e-300));
        Outcome o;
        o.excessCps = S - B;
        o.sigmaCps = sigma;
        o.significance = (S - B) / sigma;
        o.source = o.excessCps > m_options.k * sigma;  // one-sided: a deficit is never a source
        if (o.significance > best.significance)
            best = o;
    }
    if (m_windowBins.empty())
        best.significance = 0.0;
    return best;
}

QJsonObject SigmaTest::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("options")] = m_options.toJson();
    o[QStringLiteral("referenceRate")] = JsonNumbers::encodeDoubles(m_referenceRate);
    o[QStringLiteral("referenceLiveTime")] = m_referenceLive;
    return o;
}

Result<SigmaTest> SigmaTest::fromJson(const QJsonObject &o, const EnergyGrid &grid, const QString &source)
{
    auto rate = JsonNumbers::readDoubles(o, QStringLiteral("referenceRate"), source, 0.0, 1e12);
    if (!rate)
        return rate.error();
    auto live = JsonNumbers::readNumber(o, QStringLiteral("referenceLiveTime"), source, 1e-9, 1e12);
    if (!live)
        return live.error();
    if (static_cast<int>(rate->size()) != grid.binCount())
        return makeError(source, QStringLiteral("sigma-test reference does not match the model's energy grid"));
    const SigmaTestOptions options = SigmaTestOptions::fromJson(o.value(QStringLiteral("options")).toObject());
    if (!(options.k > 0.0 && options.k < 1000.0))
        return makeError(source, QStringLiteral("field 'options.k' = %1 is not a usable sigma-test threshold").arg(options.k));
    SigmaTest t(options, grid, std::move(rate).value(), *live);
    if (t.m_windowBins.empty())
        return makeError(source, QStringLiteral("no sigma-test window overlaps the energy grid"));
    return t;
}

} // namespace photopeak
