// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFilter.h"

#include <QHash>

#include <algorithm>
#include <cstdlib>

namespace photopeak {

namespace {
const char *const kRuleNames[] = {"hot-pixel", "near-hot-pixel", "too-dark", "too-bright", "too-frequent"};

struct Peak {
    int x, y;      // brightest pixel in frame coordinates
    quint8 value;
};

Peak brightest(const Hit &h)
{
    const HitImage &im = h.image;
    const auto it = std::max_element(im.pixels.begin(), im.pixels.end());
    const int i = int(it - im.pixels.begin());
    return {h.frameX - im.width / 2 + i % im.width, h.frameY - im.height / 2 + i / im.width, *it};
}
} // namespace

QString HitFilterOptions::ruleName(Rule r) { return QString::fromLatin1(kRuleNames[r]); }

bool HitFilterOptions::parseRule(const QString &name, Rule *out)
{
    for (int r = 0; r < RuleCount; ++r)
        if (name.trimmed().compare(QLatin1String(kRuleNames[r]), Qt::CaseInsensitive) == 0) {
            *out = Rule(r);
            return true;
        }
    return false;
}

QString HitFilterOptions::flagNames(quint32 flags)
{
    QStringList names;
    for (int r = 0; r < RuleCount; ++r)
        if (flags & bit(Rule(r)))
            names << ruleName(Rule(r));
    return names.join(QLatin1Char('+'));
}

QString HitFilterReport::summary() const
{
    QStringList parts;
    for (int r = 0; r < HitFilterOptions::RuleCount; ++r)
        parts << QStringLiteral("%1 %2").arg(HitFilterOptions::ruleName(HitFilterOptions::Rule(r))).arg(counts[size_t(r)]);
    return QStringLiteral("%1 hits, %2 clean; marked: %3").arg(total).arg(clean).arg(parts.join(QStringLiteral(", ")));
}

HitFilterReport HitFilter::apply(std::vector<Hit> &hits, const HitFilterOptions &o)
{
    using R = HitFilterOptions;
    HitFilterReport report;
    report.total = int(hits.size());
    std::vector<Peak> peaks;
    peaks.reserve(hits.size());
    for (Hit &h : hits) {
        h.flags = 0;
        peaks.push_back(h.image.isEmpty() ? Peak{-1, -1, 0} : brightest(h));
    }

    // Hot pixels: frame positions that are the brightest pixel of >= hotPixelHits hits of one device.
    if (o.enabled[R::HotPixel] || o.enabled[R::NearHotPixel]) {
        QHash<QString, QHash<qint64, int>> perDevice;
        auto key = [](int x, int y) { return (qint64(x) << 32) | quint32(y); };
        for (size_t i = 0; i < hits.size(); ++i)
            if (hits[i].frameX >= 0 && hits[i].frameY >= 0)
                ++perDevice[hits[i].deviceKey()][key(peaks[i].x, peaks[i].y)];
        QHash<QString, std::vector<std::pair<int, int>>> hot;
        for (auto d = perDevice.cbegin(); d != perDevice.cend(); ++d)
            for (auto p = d->cbegin(); p != d->cend(); ++p)
                if (p.value() >= o.hotPixelHits)
                    hot[d.key()].push_back({int(p.key() >> 32), int(qint32(quint32(p.key())))});
        for (size_t i = 0; i < hits.size(); ++i) {
            if (hits[i].frameX < 0 || hits[i].frameY < 0)
                continue;
            const auto positions = hot.constFind(hits[i].deviceKey());
            if (positions == hot.constEnd())
                continue;
            bool same = false, near = false;
            for (const auto &[x, y] : *positions) {
                const int d = std::max(std::abs(x - peaks[i].x), std::abs(y - peaks[i].y));
                same = same || d == 0;
                near = near || (d > 0 && d <= o.nearHotRadius);
            }
            if (same && o.enabled[R::HotPixel])
                hits[i].flags |= R::bit(R::HotPixel);
            else if (near && o.enabled[R::NearHotPixel])
                hits[i].flags |= R::bit(R::NearHotPixel);
        }
    }

    QHash<QString, int> perMinute;
    auto minuteKey = [](const Hit &h) { return h.deviceKey() + QLatin1Char('|') + QString::number(h.timestampMs / 60000); };
    if (o.enabled[R::TooFrequent])
        for (const Hit &h : hits)
            if (h.timestampMs >= 0)
                ++perMinute[minuteKey(h)];

    for (size_t i = 0; i < hits.size(); ++i) {
        Hit &h = hits[i];
        if (o.enabled[R::TooDark] && peaks[i].value < o.darkMaxBrightness)
            h.flags |= R::bit(R::TooDark);
        if (o.enabled[R::TooBright]) {
            const auto bright = std::count_if(h.image.pixels.begin(), h.image.pixels.end(),
                                              [&](quint8 g) { return g > o.brightLevel; });
            if (double(bright) > o.brightShare * double(h.image.pixels.size()))
                h.flags |= R::bit(R::TooBright);
        }
        if (o.enabled[R::TooFrequent] && h.timestampMs >= 0 && perMinute.value(minuteKey(h)) > o.maxPerMinute)
            h.flags |= R::bit(R::TooFrequent);
        for (int r = 0; r < R::RuleCount; ++r)
            report.counts[size_t(r)] += (h.flags & R::bit(R::Rule(r))) != 0;
        report.clean += h.flags == 0;
    }
    return report;
}

} // namespace photopeak
