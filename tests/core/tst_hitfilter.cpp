// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFilter.h"

#include <QTest>

using namespace photopeak;

namespace {
// A 20 x 20 crop centred at frame (fx, fy) whose brightest pixel is at crop (px, py).
Hit hit(const QString &device, int fx, int fy, int px, int py, quint8 peak, qint64 t)
{
    Hit h;
    h.device = device;
    h.frameX = fx;
    h.frameY = fy;
    h.timestampMs = t;
    h.image = HitImage(20, 20);
    h.image.at(px, py) = peak;
    return h;
}
constexpr qint64 kMinute = 60000;
} // namespace

class TestHitFilter : public QObject {
    Q_OBJECT
private slots:
    void hotAndNearHotPixelsPerDevice()
    {
        std::vector<Hit> hits;
        // Device A: the same frame pixel (105, 205) is brightest in three hits (crops at different places).
        hits.push_back(hit("A", 100, 200, 15, 15, 200, 0));
        hits.push_back(hit("A", 110, 210, 5, 5, 200, 10 * kMinute));
        hits.push_back(hit("A", 102, 204, 13, 11, 200, 20 * kMinute));
        hits.push_back(hit("A", 100, 200, 16, 14, 200, 30 * kMinute));  // one pixel away: near-hot
        hits.push_back(hit("A", 100, 200, 2, 2, 200, 40 * kMinute));    // elsewhere: clean
        // Device B: the same position once only: not hot.
        hits.push_back(hit("B", 100, 200, 15, 15, 200, 0));
        const HitFilterReport r = HitFilter::apply(hits, HitFilterOptions{});
        QCOMPARE(hits[0].flags, HitFilterOptions::bit(HitFilterOptions::HotPixel));
        QCOMPARE(hits[1].flags, HitFilterOptions::bit(HitFilterOptions::HotPixel));
        QCOMPARE(hits[2].flags, HitFilterOptions::bit(HitFilterOptions::HotPixel));
        QCOMPARE(hits[3].flags, HitFilterOptions::bit(HitFilterOptions::NearHotPixel));
        QCOMPARE(hits[4].flags, 0u);
        QCOMPARE(hits[5].flags, 0u);
        QCOMPARE(r.counts[HitFilterOptions::HotPixel], 3);
        QCOMPARE(r.counts[HitFilterOptions::NearHotPixel], 1);
        QCOMPARE(r.clean, 2);
        QCOMPARE(r.total, 6);
        QCOMPARE(int(hits.size()), 6);  // marked, never removed
        QCOMPARE(HitFilterOptions::flagNames(hits[3].flags), QStringLiteral("near-hot-pixel"));

        HitFilterOptions off;
        off.enabled[HitFilterOptions::HotPixel] = false;
        off.enabled[HitFilterOptions::NearHotPixel] = false;
        const HitFilterReport r2 = HitFilter::apply(hits, off);
        QCOMPARE(r2.clean, 6);
        QCOMPARE(hits[0].flags, 0u);
    }

    void darkBrightAndFrequent()
    {
        std::vector<Hit> hits;
        hits.push_back(hit("C", 50, 50, 3, 3, 30, 0));            // too dark
        Hit bright = hit("C", 300, 50, 3, 3, 255, 5 * kMinute);
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 10; ++x)
                bright.image.at(x, y) = 180;                       // 100 of 400 pixels bright: 25 % > 10 %
        hits.push_back(bright);
        for (int i = 0; i < 11; ++i)                               // 11 hits of device D in one minute
            hits.push_back(hit("D", 20 * i + 40, 300, 1 + i % 15, 7, 200, 60 * kMinute + 1000 * i));
        hits.push_back(hit("D", 500, 300, 9, 9, 200, 62 * kMinute));  // another minute: fine
        const HitFilterReport r = HitFilter::apply(hits, HitFilterOptions{});
        QCOMPARE(hits[0].flags, HitFilterOptions::bit(HitFilterOptions::TooDark));
        QCOMPARE(hits[1].flags, HitFilterOptions::bit(HitFilterOptions::TooBright));
        for (int i = 2; i < 13; ++i)
            QCOMPARE(hits[size_t(i)].flags, HitFilterOptions::bit(HitFilterOptions::TooFrequent));
        QCOMPARE(hits[13].flags, 0u);
        QCOMPARE(r.counts[HitFilterOptions::TooFrequent], 11);
        QCOMPARE(r.counts[HitFilterOptions::TooDark], 1);
        QCOMPARE(r.counts[HitFilterOptions::TooBright], 1);
        QVERIFY(r.summary().contains(QStringLiteral("too-frequent 11")));
        HitFilterOptions::Rule rule;
        QVERIFY(HitFilterOptions::parseRule(QStringLiteral("Too-Bright"), &rule));
        QCOMPARE(rule, HitFilterOptions::TooBright);
        QVERIFY(!HitFilterOptions::parseRule(QStringLiteral("noise"), &rule));
    }
};

QTEST_GUILESS_MAIN(TestHitFilter)
#include "tst_hitfilter.moc"
