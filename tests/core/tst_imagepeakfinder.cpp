// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/PeakFinder.h"
#include "images/SyntheticImageGenerator.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
// Background 10 with a fixed pseudo-random -1/0/+1 pattern (no periodicity a sampling step could alias; sigma
// about 0.8) and square spots written on top.
ImageFrame patterned(int w, int h)
{
    ImageFrame f(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            f.at(x, y) = 10.0f + float((unsigned(x * 73856093) ^ unsigned(y * 19349663)) % 3u) - 1.0f;
    return f;
}

void addSpot(ImageFrame &f, int cx, int cy, float height)
{
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx)
            if (f.contains(cx + dx, cy + dy))
                f.at(cx + dx, cy + dy) += (dx == 0 && dy == 0) ? height : height / 2;
}

const SyntheticSpot *nearest(const std::vector<SyntheticSpot> &truth, const BraggCandidate &c, double maxDistance)
{
    const SyntheticSpot *best = nullptr;
    double bestD = maxDistance;
    for (const SyntheticSpot &s : truth)
        if (s.frame == c.frame) {
            const double d = std::hypot(s.x - c.x, s.y - c.y);
            if (d <= bestD) {
                bestD = d;
                best = &s;
            }
        }
    return best;
}
} // namespace

class TestImagePeakFinder : public QObject {
    Q_OBJECT
private slots:
    void findsSyntheticSpots();
    void noWrapAcrossRowEnds();
    void maskedPixelsNeverJoin();
    void twoDimensionalMaximum();
    void sizeLimits();
    void optionsRoundTrip();
};

void TestImagePeakFinder::findsSyntheticSpots()
{
    SyntheticImageOptions o;
    o.width = 512;
    o.height = 512;
    o.frames = 3;
    o.spotsPerFrame = 50;
    o.moduleSize = 128;
    const SyntheticImageGenerator gen(o);
    PeakFinderOptions fo;
    fo.centerX = gen.beamX();
    fo.centerY = gen.beamY();
    PeakFinder finder(fo);
    finder.setGeometry(o.width, o.height, gen.mask());
    int strong = 0, strongFound = 0, bright = 0;
    double centroidError = 0.0;
    for (int i = 0; i < o.frames; ++i) {
        std::vector<SyntheticSpot> truth;
        const ImageFrame frame = gen.frame(i, &truth);
        const auto candidates = finder.find(frame);
        for (const BraggCandidate &c : candidates) {
            QVERIFY(gen.mask().isGood(c.peakX, c.peakY));
            QCOMPARE(c.frame, i);
            QVERIFY(c.pixels >= 1);
            QVERIFY(c.snr >= fo.minSnr);
        }
        for (const SyntheticSpot &s : truth) {
            if (s.snr < 8.0)
                continue;
            ++strong;
            const BraggCandidate *match = nullptr;
            for (const BraggCandidate &c : candidates)
                if (std::hypot(c.x - s.x, c.y - s.y) <= 2.0)
                    match = &c;
            if (!match)
                continue;
            ++strongFound;
            if (s.snr > 30 && !s.saturated) {
                ++bright;
                centroidError += std::hypot(match->x - s.x, match->y - s.y);
                QVERIFY(match->pixels >= 2);
                QVERIFY(match->mxx > 0.2 && match->myy > 0.2);  // a spread spot, not a single pixel
            }
        }
        // A hot pixel (one pixel near saturation) comes as a candidate of at most a few pixels centred on itself
        // (a noise pixel beside it may join).
        for (const BraggCandidate &c : candidates)
            if (!nearest(truth, c, 3.0) && c.snr > 1000) {
                QVERIFY(c.pixels <= 3);
                QVERIFY(std::hypot(c.x - c.peakX, c.y - c.peakY) < 0.05);
            }
    }
    QVERIFY(strong > 60);
    QVERIFY2(strongFound >= 0.97 * strong, qPrintable(QStringLiteral("%1 of %2").arg(strongFound).arg(strong)));
    QVERIFY(bright > 20);
    QVERIFY2(centroidError / bright < 0.25, qPrintable(QString::number(centroidError / bright)));
}

void TestImagePeakFinder::noWrapAcrossRowEnds()
{
    // A spot at the right edge of row 10 and one at the left edge of row 11: in a flattened image these are
    // neighbours; in 2-D they are a frame width apart.
    ImageFrame f = patterned(40, 30);
    addSpot(f, 39, 10, 200.0f);
    addSpot(f, 0, 11, 100.0f);
    PeakFinderOptions o;
    o.border = 0;
    PeakFinder finder(o);
    const auto c = finder.find(f);
    QCOMPARE(int(c.size()), 2);
    for (const BraggCandidate &p : c) {
        QVERIFY(p.nearMask);  // touches the frame edge
        QVERIFY(p.pixels <= 6);
    }
    o.border = 2;
    QCOMPARE(int(PeakFinder(o).find(f).size()), 0);
}

void TestImagePeakFinder::maskedPixelsNeverJoin()
{
    ImageFrame f = patterned(40, 30);
    addSpot(f, 10, 10, 200.0f);  // fully masked
    addSpot(f, 25, 15, 200.0f);  // left column masked
    PixelMask mask(40, 30);
    for (int y = 8; y <= 12; ++y)
        for (int x = 8; x <= 12; ++x)
            mask.setBad(x, y);
    for (int y = 0; y < 30; ++y)
        mask.setBad(24, y);
    PeakFinder finder;
    finder.setGeometry(40, 30, mask);
    const auto c = finder.find(f);
    QCOMPARE(int(c.size()), 1);
    QVERIFY(c[0].nearMask);
    QCOMPARE(c[0].peakX, 25);
    QCOMPARE(c[0].pixels, 6);
    QVERIFY(c[0].x > 25.0);  // centroid on the unmasked side
}

void TestImagePeakFinder::twoDimensionalMaximum()
{
    ImageFrame f = patterned(50, 50);
    addSpot(f, 20, 20, 100.0f);
    addSpot(f, 30, 33, 400.0f);
    PeakFinder finder;
    const auto c = finder.find(f);
    QCOMPARE(int(c.size()), 2);
    for (const BraggCandidate &p : c) {
        QVERIFY(std::abs(p.x - p.peakX) < 0.05 && std::abs(p.y - p.peakY) < 0.05);  // symmetric spots
        QCOMPARE(p.pixels, 9);
        QVERIFY(p.integrated > 2.5 * p.maxIntensity);
        QVERIFY(std::abs(p.background - 10.0) < 0.5);
    }
}

void TestImagePeakFinder::sizeLimits()
{
    ImageFrame f = patterned(50, 50);
    addSpot(f, 20, 20, 100.0f);
    PeakFinderOptions o;
    o.minPixels = 10;
    QCOMPARE(int(PeakFinder(o).find(f).size()), 0);
    o.minPixels = 2;
    o.maxPixels = 8;
    QCOMPARE(int(PeakFinder(o).find(f).size()), 0);
    o.maxPixels = 9;
    QCOMPARE(int(PeakFinder(o).find(f).size()), 1);
}

void TestImagePeakFinder::optionsRoundTrip()
{
    PeakFinderOptions o;
    o.minSnr = 6.5;
    o.centerX = 100.5;
    o.centerY = 90.0;
    auto back = PeakFinderOptions::fromJson(o.toJson(), QStringLiteral("x"));
    QVERIFY(back.ok());
    QCOMPARE(back->minSnr, 6.5);
    QCOMPARE(back->centerX, 100.5);
    QJsonObject bad = o.toJson();
    bad[QStringLiteral("minPixels")] = 0;
    QVERIFY(!PeakFinderOptions::fromJson(bad, QStringLiteral("x")).ok());
}

QTEST_GUILESS_MAIN(TestImagePeakFinder)
#include "tst_imagepeakfinder.moc"
