// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/domain/ModelDomain.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace photopeak {

namespace {
double kevPerChannel(const Spectrum &s)
{
    const int mid = s.channelCount() / 2;
    return s.calibration.energyAt(mid + 1.0) - s.calibration.energyAt(mid);
}

// Counts per second in the channels whose centre lies in [lo, hi) keV.
double rateInRange(const Spectrum &s, double lo, double hi)
{
    double sum = 0.0;
    for (int c = 0; c < s.channelCount(); ++c) {
        const double e = s.calibration.energyAt(c + 0.5);
        if (e >= lo && e < hi)
            sum += s.counts[static_cast<size_t>(c)];
    }
    return sum / s.liveTime;
}

QString num(double v, int prec = 3) { return QString::number(v, 'g', prec); }
} // namespace

ModelDomain ModelDomain::learn(const std::vector<const Spectrum *> &spectra,
                               const std::vector<const PreparedSpectrum *> &prepared, const EnergyGrid &grid,
                               double minSyntheticLiveTime, double maxSyntheticLiveTime)
{
    ModelDomain d;
    if (!grid.isValid())
        return d;
    d.m_gridLowKeV = grid.edges().front();
    d.m_gridHighKeV = grid.edges().back();
    bool first = true;
    for (size_t i = 0; i < spectra.size(); ++i) {
        const Spectrum &s = *spectra[i];
        if (s.counts.empty() || !s.calibration.isValid(s.channelCount()) || !(s.liveTime > 0.0))
            continue;
        if (std::find(d.m_channels.begin(), d.m_channels.end(), s.channelCount()) == d.m_channels.end())
            d.m_channels.push_back(s.channelCount());
        if (!s.detector.trimmed().isEmpty() && !d.m_detectors.contains(s.detector.trimmed()))
            d.m_detectors << s.detector.trimmed();
        const double k = kevPerChannel(s);
        const double live = i < prepared.size() && prepared[i] ? prepared[i]->liveTime : s.liveTime;
        const double rate = rateInRange(s, d.m_gridLowKeV, d.m_gridHighKeV);
        if (first) {
            d.m_kevPerChannelMin = d.m_kevPerChannelMax = k;
            d.m_liveMin = d.m_liveMax = live;
            d.m_rateMin = d.m_rateMax = rate;
            first = false;
        }
        d.m_kevPerChannelMin = std::min(d.m_kevPerChannelMin, k);
        d.m_kevPerChannelMax = std::max(d.m_kevPerChannelMax, k);
        d.m_liveMin = std::min(d.m_liveMin, live);
        d.m_liveMax = std::max(d.m_liveMax, live);
        d.m_rateMin = std::min(d.m_rateMin, rate);
        d.m_rateMax = std::max(d.m_rateMax, rate);
    }
    std::sort(d.m_channels.begin(), d.m_channels.end());
    if (maxSyntheticLiveTime > 0.0) {
        d.m_liveMin = std::min(d.m_liveMin, minSyntheticLiveTime);
        d.m_liveMax = std::max(d.m_liveMax, maxSyntheticLiveTime);
    }
    return d;
}

double ModelDomain::measureFwhm662(const FeatureFitInput &input, const std::vector<double> &bkg, const EnergyGrid &grid)
{
    const int label = static_cast<int>(input.labels.indexOf(QStringLiteral("Cs137")));
    if (label < 0 || static_cast<int>(bkg.size()) != grid.binCount())
        return 0.0;
    std::vector<double> net(bkg.size(), 0.0);
    double live = 0.0;
    for (size_t i = 0; i < input.sources.size(); ++i) {
        if (input.sourceLabels[i] != label)
            continue;
        for (size_t k = 0; k < net.size(); ++k)
            net[k] += input.sources[i]->counts[k];
        live += input.sources[i]->liveTime;
    }
    if (!(live > 0.0))
        return 0.0;
    constexpr double E = 661.657;
    std::vector<double> e, y;
    double side[2] = {0.0, 0.0}, sideE[2] = {0.0, 0.0};
    int sideN[2] = {0, 0};
    for (int b = 0; b < grid.binCount(); ++b) {
        const double c = grid.center(b), d = (c - E) / E;
        const double v = (net[static_cast<size_t>(b)] / live - bkg[static_cast<size_t>(b)]) / grid.width(b);
        if (std::abs(d) <= 0.10) {
            e.push_back(c);
            y.push_back(v);
        } else if (std::abs(d) <= 0.15) {
            const int k = d < 0 ? 0 : 1;
            side[k] += v;
            sideE[k] += c;
            ++sideN[k];
        }
    }
    if (e.size() < 5 || sideN[0] == 0 || sideN[1] == 0)
        return 0.0;
    const double y0 = side[0] / sideN[0], y1 = side[1] / sideN[1], e0 = sideE[0] / sideN[0], e1 = sideE[1] / sideN[1];
    size_t peak = 0;
    for (size_t i = 0; i < y.size(); ++i) {
        y[i] -= y0 + (y1 - y0) * (e[i] - e0) / (e1 - e0);
        if (y[i] > y[peak])
            peak = i;
    }
    if (!(y[peak] > 0.0) || peak == 0 || peak + 1 >= y.size())
        return 0.0;
    const double half = 0.5 * y[peak];
    size_t l = peak, r = peak;
    while (l > 0 && y[l] > half)
        --l;
    while (r + 1 < y.size() && y[r] > half)
        ++r;
    if (y[l] > half || y[r] > half)
        return 0.0;
    const double el = e[l] + (half - y[l]) / (y[l + 1] - y[l]) * (e[l + 1] - e[l]);
    const double er = e[r - 1] + (y[r - 1] - half) / (y[r - 1] - y[r]) * (e[r] - e[r - 1]);
    return er > el ? er - el : 0.0;
}

ResolutionModel ModelDomain::resolutionFor(double fwhm662)
{
    // XGD shape FWHM^2 = a + b E (10 keV at 122 keV, 14 keV at 662 keV), scaled to the measured value.
    constexpr double b = 96.0 / 540.0, a = 100.0 - 122.0 * b;
    const double f2 = fwhm662 > 0.0 ? fwhm662 * fwhm662 / (a + b * 661.657) : 1.0;
    return ResolutionModel(a * f2, b * f2, 0.0);
}

DomainCheck ModelDomain::check(const Spectrum &s, std::optional<double> fwhm662) const
{
    DomainCheck out;
    if (!isKnown())
        return out;
    auto fail = [&](const QString &why) {
        out.inside = false;
        out.reasons << why;
    };
    if (std::find(m_channels.begin(), m_channels.end(), s.channelCount()) == m_channels.end()) {
        QStringList ch;
        for (int c : m_channels)
            ch << QString::number(c);
        fail(QStringLiteral("%1 channels (model trained on %2)").arg(s.channelCount()).arg(ch.join(QLatin1Char('/'))));
    }
    const QString det = s.detector.trimmed();
    if (!det.isEmpty() && !m_detectors.isEmpty() && !m_detectors.contains(det))
        fail(QStringLiteral("detector \"%1\" (model trained on %2)").arg(det, m_detectors.join(QStringLiteral(", "))));
    const bool calibrated = !s.counts.empty() && s.calibration.isValid(s.channelCount())
        && !s.problems.has(SpectrumProblem::InvalidCalibration);
    if (!calibrated) {
        fail(QStringLiteral("no valid energy calibration"));
    } else {
        const double k = kevPerChannel(s);
        if (k < m_kevPerChannelMin / KevPerChannelFactor || k > m_kevPerChannelMax * KevPerChannelFactor)
            fail(QStringLiteral("energy scale %1 keV/channel (model %2-%3)").arg(num(k), num(m_kevPerChannelMin), num(m_kevPerChannelMax)));
        const double hi = s.calibration.energyAt(s.channelCount());
        const double lo = s.calibration.energyAt(0.0);
        const double span = m_gridHighKeV - m_gridLowKeV;
        if (hi < m_gridHighKeV - 0.1 * span || lo > m_gridLowKeV + 0.1 * span)
            fail(QStringLiteral("energy range %1-%2 keV does not cover the model's %3-%4 keV")
                     .arg(num(lo, 4), num(hi, 4), num(m_gridLowKeV, 4), num(m_gridHighKeV, 4)));
    }
    if (!(s.liveTime > 0.0)) {
        fail(QStringLiteral("no live time"));
    } else {
        if (s.liveTime < m_liveMin * LiveTimeLowFactor || s.liveTime > m_liveMax * LiveTimeHighFactor)
            fail(QStringLiteral("live time %1 s (model trained on %2-%3 s)").arg(num(s.liveTime), num(m_liveMin), num(m_liveMax)));
        if (calibrated) {
            const double rate = rateInRange(s, m_gridLowKeV, m_gridHighKeV);
            if (rate < m_rateMin * RateLowFactor || rate > m_rateMax * RateHighFactor)
                fail(QStringLiteral("count rate %1 /s in %2-%3 keV (model trained on %4-%5 /s)")
                         .arg(num(rate), num(m_gridLowKeV, 4), num(m_gridHighKeV, 4), num(m_rateMin), num(m_rateMax)));
        }
    }
    if (fwhm662 && *fwhm662 > 0.0 && m_fwhm662 > 0.0
        && (*fwhm662 < m_fwhm662 / ResolutionFactor || *fwhm662 > m_fwhm662 * ResolutionFactor))
        fail(QStringLiteral("resolution %1 keV FWHM at 662 keV (model %2 keV)").arg(num(*fwhm662), num(m_fwhm662)));
    return out;
}

QString ModelDomain::describe() const
{
    if (!isKnown())
        return QStringLiteral("domain not stored (model written before domains)");
    QStringList ch;
    for (int c : m_channels)
        ch << QString::number(c);
    QString text = QStringLiteral("%1 channels, %2-%3 keV/channel, %4-%5 keV analysed, live time %6-%7 s, %8-%9 counts/s")
                       .arg(ch.join(QLatin1Char('/')), num(m_kevPerChannelMin, 4), num(m_kevPerChannelMax, 4),
                            num(m_gridLowKeV, 4), num(m_gridHighKeV, 4), num(m_liveMin), num(m_liveMax), num(m_rateMin),
                            num(m_rateMax));
    if (m_fwhm662 > 0.0)
        text += QStringLiteral(", FWHM %1 keV at 662 keV").arg(num(m_fwhm662));
    if (!m_detectors.isEmpty())
        text += QStringLiteral(", detector %1").arg(m_detectors.join(QStringLiteral(", ")));
    return text;
}

QJsonObject ModelDomain::toJson() const
{
    if (!isKnown())
        return {};
    QJsonArray ch;
    for (int c : m_channels)
        ch.append(c);
    return QJsonObject{{QStringLiteral("detectors"), QJsonArray::fromStringList(m_detectors)},
                       {QStringLiteral("channels"), ch},
                       {QStringLiteral("kevPerChannel"), QJsonArray{m_kevPerChannelMin, m_kevPerChannelMax}},
                       {QStringLiteral("energyRangeKeV"), QJsonArray{m_gridLowKeV, m_gridHighKeV}},
                       {QStringLiteral("fwhm662KeV"), m_fwhm662},
                       {QStringLiteral("liveTimeS"), QJsonArray{m_liveMin, m_liveMax}},
                       {QStringLiteral("countRateCps"), QJsonArray{m_rateMin, m_rateMax}}};
}

ModelDomain ModelDomain::fromJson(const QJsonObject &o)
{
    ModelDomain d;
    for (const auto &v : o.value(QStringLiteral("channels")).toArray())
        if (v.toInt() > 0)
            d.m_channels.push_back(v.toInt());
    for (const auto &v : o.value(QStringLiteral("detectors")).toArray())
        d.m_detectors << v.toString();
    auto pair = [&](const char *key, double &a, double &b) {
        const QJsonArray arr = o.value(QLatin1String(key)).toArray();
        a = arr.at(0).toDouble();
        b = arr.at(1).toDouble();
    };
    pair("kevPerChannel", d.m_kevPerChannelMin, d.m_kevPerChannelMax);
    pair("energyRangeKeV", d.m_gridLowKeV, d.m_gridHighKeV);
    pair("liveTimeS", d.m_liveMin, d.m_liveMax);
    pair("countRateCps", d.m_rateMin, d.m_rateMax);
    d.m_fwhm662 = o.value(QStringLiteral("fwhm662KeV")).toDouble();
    if (!(d.m_kevPerChannelMax > 0.0) || !(d.m_liveMax > 0.0) || !(d.m_rateMax > 0.0) || !(d.m_gridHighKeV > d.m_gridLowKeV))
        d.m_channels.clear();  // damaged: treat as unknown
    return d;
}

} // namespace photopeak
