// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/SyntheticMixer.h"

#include "features/SpectrumPreparer.h"
#include "jobs/Parallel.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

namespace photopeak {

QJsonObject SyntheticOptions::toJson() const
{
    QJsonObject o;
    o[QStringLiteral("singles")] = singles;
    o[QStringLiteral("mixtures")] = mixtures;
    o[QStringLiteral("backgrounds")] = backgrounds;
    o[QStringLiteral("minLiveTime")] = minLiveTime;
    o[QStringLiteral("maxLiveTime")] = maxLiveTime;
    o[QStringLiteral("minStrength")] = minStrength;
    o[QStringLiteral("identificationMinStrength")] = identificationMinStrength;
    o[QStringLiteral("backgroundLevelSpread")] = backgroundLevelSpread;
    o[QStringLiteral("colocated")] = colocated;
    o[QStringLiteral("mixtureBackground")] = mixtureBackgroundName(mixtureBackground);
    o[QStringLiteral("seed")] = QString::number(seed);
    return o;
}

SyntheticOptions SyntheticOptions::fromJson(const QJsonObject &o)
{
    SyntheticOptions s;
    s.singles = o.value(QStringLiteral("singles")).toInt(s.singles);
    s.mixtures = o.value(QStringLiteral("mixtures")).toInt(s.mixtures);
    s.backgrounds = o.value(QStringLiteral("backgrounds")).toInt(s.backgrounds);
    s.minLiveTime = o.value(QStringLiteral("minLiveTime")).toDouble(s.minLiveTime);
    s.maxLiveTime = o.value(QStringLiteral("maxLiveTime")).toDouble(s.maxLiveTime);
    s.minStrength = o.value(QStringLiteral("minStrength")).toDouble(s.minStrength);
    s.identificationMinStrength = o.value(QStringLiteral("identificationMinStrength")).toDouble(0.0);
    s.backgroundLevelSpread = o.value(QStringLiteral("backgroundLevelSpread")).toDouble(s.backgroundLevelSpread);
    s.colocated = o.value(QStringLiteral("colocated")).toDouble(0.0);  // models written before it: none
    // Models written before the option kept the surplus background.
    if (!parseMixtureBackground(o.value(QStringLiteral("mixtureBackground")).toString(), &s.mixtureBackground))
        s.mixtureBackground = MixtureBackground::Surplus;
    s.seed = o.value(QStringLiteral("seed")).toString().toULongLong();
    return s;
}

QString SyntheticOptions::mixtureBackgroundName(MixtureBackground m)
{
    switch (m) {
    case MixtureBackground::Surplus: return QStringLiteral("surplus");
    case MixtureBackground::LiveTime: return QStringLiteral("live-time");
    case MixtureBackground::Subtract: return QStringLiteral("subtract");
    }
    return {};
}

bool SyntheticOptions::parseMixtureBackground(const QString &name, MixtureBackground *out)
{
    for (MixtureBackground m : {MixtureBackground::Surplus, MixtureBackground::LiveTime, MixtureBackground::Subtract})
        if (name == mixtureBackgroundName(m)) {
            *out = m;
            return true;
        }
    return false;
}

QString SyntheticMixer::settingOf(const PreparedItem &it)
{
    if (it.isotopes.size() != 1)
        return {};
    const QStringList parts = it.relativePath.split(QLatin1Char('/'));
    const qsizetype at = parts.lastIndexOf(it.isotopes.front());
    return at >= 0 && at + 2 < parts.size() ? parts.mid(at + 1, parts.size() - at - 2).join(QLatin1Char('/')) : QString();
}

SyntheticMixer::SyntheticMixer(const PreparedSet &set) : m_set(set)
{
    std::map<std::pair<int, QString>, int> seriesOfGroup;
    const auto &items = set.items();
    for (size_t i = 0; i < items.size(); ++i) {
        const PreparedItem &it = items[i];
        if (it.background && it.isotopes.isEmpty()) {
            m_backgrounds.push_back(static_cast<int>(i));
        } else if (it.isotopes.size() == 1) {
            auto [pos, inserted] = seriesOfGroup.emplace(std::make_pair(it.group, it.isotopes.front()),
                                                         static_cast<int>(m_series.size()));
            if (inserted) {
                m_series.emplace_back();
                m_seriesIsotope.push_back(it.isotopes.front());
                m_seriesSetting.push_back(settingOf(it));
                if (!m_isotopes.contains(it.isotopes.front()))
                    m_isotopes << it.isotopes.front();
            }
            m_series[static_cast<size_t>(pos->second)].push_back(static_cast<int>(i));
        }
    }
    m_isotopes.sort();
    m_backgroundRate.assign(static_cast<size_t>(set.grid().binCount()), 0.0);
    double live = 0.0;
    for (int idx : m_backgrounds) {
        const PreparedSpectrum &p = items[static_cast<size_t>(idx)].prepared;
        for (size_t b = 0; b < m_backgroundRate.size() && b < p.counts.size(); ++b)
            m_backgroundRate[b] += p.counts[b];
        live += p.liveTime;
    }
    if (live > 0.0)
        for (double &r : m_backgroundRate)
            r /= live;
}

namespace {
struct Builder {
    const PreparedSet &set;
    SpectrumPreparer preparer;
    std::mt19937_64 rng;
    std::vector<double> thinned, rebinned;

    // Adds `live` seconds of the pool's spectra (random order, the last one thinned) to acc; returns the
    // live time actually available (less than asked when the pool is too short). Reports its first item.
    double add(const std::vector<int> &pool, double live, std::vector<double> &acc, int *firstItem)
    {
        std::vector<int> order(pool);
        std::shuffle(order.begin(), order.end(), rng);
        double used = 0.0;
        for (int idx : order) {
            const PreparedItem &it = set.items()[static_cast<size_t>(idx)];
            if (firstItem && *firstItem < 0)
                *firstItem = idx;
            const double t = it.prepared.liveTime;
            if (used + t <= live) {
                for (size_t b = 0; b < acc.size(); ++b)
                    acc[b] += it.prepared.counts[b];
                used += t;
                if (used >= live)
                    return used;
                continue;
            }
            const double p = (live - used) / t;
            const Spectrum &s = it.spectrum;
            thinned.assign(s.counts.size(), 0.0);
            const double gridTop = set.grid().edges().back();
            const int lastChannel = std::min<int>(s.channelCount(),
                                                  static_cast<int>(s.calibration.channelAt(gridTop, s.channelCount())) + 2);
            for (int c = 0; c < lastChannel; ++c) {
                const double n = s.counts[static_cast<size_t>(c)];
                if (n > 0.0)
                    thinned[static_cast<size_t>(c)] =
                        std::binomial_distribution<long long>(static_cast<long long>(std::llround(n)), p)(rng);
            }
            rebinned.assign(acc.size(), 0.0);
            preparer.rebinCounts(thinned.data(), s.channelCount(), s.calibration, rebinned.data());
            for (size_t b = 0; b < acc.size(); ++b)
                acc[b] += rebinned[b];
            return live;
        }
        return used;
    }
};
} // namespace

std::vector<SyntheticSample> SyntheticMixer::generate(const SyntheticOptions &o, const JobControl *job) const
{
    const int singles = m_series.empty() ? 0 : std::max(0, o.singles);
    const int mixtures = m_isotopes.size() < 2 ? 0 : std::max(0, o.mixtures);
    const int backgrounds = m_backgrounds.empty() ? 0 : std::max(0, o.backgrounds);
    const int total = singles + mixtures + backgrounds;
    std::vector<SyntheticSample> out(static_cast<size_t>(total));
    if (m_backgrounds.empty())
        return {};
    std::map<QString, std::vector<int>> seriesOfIsotope;
    for (size_t s = 0; s < m_series.size(); ++s)
        seriesOfIsotope[m_seriesIsotope[s]].push_back(static_cast<int>(s));
    const int bins = m_set.grid().binCount();
    auto makeBuilder = [&] { return Builder{m_set, SpectrumPreparer(m_set.grid()), std::mt19937_64(), {}, {}}; };
    Parallel::forEachWithState(total, makeBuilder, [&](Builder &b, qsizetype index) {
        const int i = static_cast<int>(index);
        {
            b.rng.seed(o.seed * 0x9E3779B97F4A7C15ull + static_cast<quint64>(i));
            std::uniform_real_distribution<double> u(0.0, 1.0);
            std::normal_distribution<double> gauss(0.0, 1.0);
            const double T = std::exp(std::log(o.minLiveTime) + u(b.rng) * (std::log(o.maxLiveTime) - std::log(o.minLiveTime)));
            SyntheticSample &s = out[static_cast<size_t>(i)];
            s.prepared.counts.assign(static_cast<size_t>(bins), 0.0);
            s.prepared.liveTime = T;
            int first = -1;
            double sourceLive = 0.0;
            if (i < singles + mixtures) {
                const int n = i < singles ? 1 : (u(b.rng) < 0.7 ? 2 : std::min<int>(3, m_isotopes.size()));
                QStringList isotopes = m_isotopes;
                std::shuffle(isotopes.begin(), isotopes.end(), b.rng);
                isotopes = isotopes.mid(0, n);
                // Co-located sources (mixtures only): one setting and one strength for every component.
                const bool together = i >= singles && o.colocated > 0.0 && u(b.rng) < o.colocated;
                const double shared = together ? u(b.rng) : 0.0;
                QString setting;
                for (const QString &iso : isotopes) {
                    const std::vector<int> &all = seriesOfIsotope.at(iso);
                    std::vector<int> candidates;
                    if (together && !setting.isEmpty())
                        for (int c : all)
                            if (m_seriesSetting[static_cast<size_t>(c)] == setting)
                                candidates.push_back(c);
                    if (candidates.empty())
                        candidates = all;
                    const int series = candidates[static_cast<size_t>(b.rng() % candidates.size())];
                    if (setting.isEmpty())
                        setting = m_seriesSetting[static_cast<size_t>(series)];
                    const std::vector<int> &pool = m_series[static_cast<size_t>(series)];
                    double poolLive = 0.0;
                    for (int idx : pool)
                        poolLive += m_set.items()[static_cast<size_t>(idx)].prepared.liveTime;
                    // Up to the measured strength for every component; a mixture of strong components carries more
                    // background than T (options.mixtureBackground says what happens to it).
                    const double hi = std::min(1.0, poolLive / T);
                    const double lo = std::min(o.minStrength, hi);
                    const double a = std::exp(std::log(lo) + (together ? shared : u(b.rng)) * (std::log(hi) - std::log(lo)));
                    sourceLive += b.add(pool, a * T, s.prepared.counts, &first);
                }
                s.isotopes = isotopes;
                s.isotopes.sort();
            }
            const double level = std::max(0.5, 1.0 + o.backgroundLevelSpread * gauss(b.rng));
            const double bkgLive = std::max(0.0, T - sourceLive) * level;
            if (bkgLive > 0.0)
                b.add(m_backgrounds, bkgLive, s.prepared.counts, &first);
            const double surplus = sourceLive - T;
            if (surplus > 0.0 && o.mixtureBackground == MixtureBackground::LiveTime) {
                s.prepared.liveTime = sourceLive;
            } else if (surplus > 0.0 && o.mixtureBackground == MixtureBackground::Subtract) {
                for (size_t bin = 0; bin < s.prepared.counts.size(); ++bin)
                    s.prepared.counts[bin] = std::max(0.0, s.prepared.counts[bin] - surplus * m_backgroundRate[bin]);
            }
            s.group = first >= 0 ? m_set.items()[static_cast<size_t>(first)].group : 0;
        }
    }, job, QStringLiteral("Synthesising spectra"));
    return out;
}

} // namespace photopeak
