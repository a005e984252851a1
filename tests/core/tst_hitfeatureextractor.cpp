// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitFeatureCsv.h"
#include "hits/HitFeatureExtractor.h"

#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
double feat(const HitFeatures &f, HitFeature k) { return f[size_t(k)]; }

HitImage blank(int size = 60, quint8 background = 0) { HitImage im(size, size); std::fill(im.pixels.begin(), im.pixels.end(), background); return im; }

void fillRect(HitImage &im, int x0, int y0, int w, int h, quint8 g)
{
    for (int y = y0; y < y0 + h; ++y)
        for (int x = x0; x < x0 + w; ++x)
            im.at(x, y) = g;
}

void fillEllipse(HitImage &im, double cx, double cy, double a, double b, quint8 g)
{
    for (int y = 0; y < im.height; ++y)
        for (int x = 0; x < im.width; ++x) {
            const double u = (x - cx) / a, v = (y - cy) / b;
            if (u * u + v * v <= 1.0)
                im.at(x, y) = g;
        }
}

ThresholdOptions fixedAt(int level) { ThresholdOptions t; t.method = ThresholdMethod::Fixed; t.fixedLevel = level; return t; }
} // namespace

class TestHitFeatureExtractor : public QObject {
    Q_OBJECT
private slots:
    void rectangleHasExactMomentsAndSolidityOne()
    {
        HitImage im = blank();
        fillRect(im, 10, 20, 30, 6, 200);
        HitFeatureExtractor ex(fixedAt(50));
        const HitFeatures f = ex.compute(im);
        QCOMPARE(feat(f, HitFeature::Area), 180.0);
        QCOMPARE(feat(f, HitFeature::Components), 1.0);
        QVERIFY(std::abs(feat(f, HitFeature::Ellipticity) - 0.8) < 1e-9);   // 1 - 6/30 with the 1/12 pixel term
        QVERIFY(std::abs(feat(f, HitFeature::Elongation) - 5.0) < 1e-9);
        QVERIFY(std::abs(feat(f, HitFeature::MajorAxis) - 4.0 * std::sqrt(900.0 / 12.0)) < 1e-9);
        QVERIFY(std::abs(feat(f, HitFeature::Solidity) - 1.0) < 1e-12);
        QCOMPARE(feat(f, HitFeature::Perimeter), 72.0);
        QVERIFY(std::abs(feat(f, HitFeature::Orientation)) < 1e-9);
        QVERIFY(std::abs(feat(f, HitFeature::CentroidX) - 24.5) < 1e-9);
        QVERIFY(std::abs(feat(f, HitFeature::CentroidY) - 22.5) < 1e-9);
        QCOMPARE(feat(f, HitFeature::IntegratedBrightness), 180.0 * 200.0);
        QCOMPARE(feat(f, HitFeature::MaxBrightness), 200.0);
        // A uniform bar puts an eighth of its brightness in each bin along its length.
        double sum = 0.0;
        for (int b = 0; b < HitFeatureExtractor::profileBins; ++b) {
            const double p = f[size_t(HitFeature::Profile0) + b];
            sum += p;
            QVERIFY2(std::abs(p - 0.125) < 0.05, qPrintable(QString::number(p)));
        }
        QVERIFY(std::abs(sum - 1.0) < 1e-9);
        QVERIFY(feat(f, HitFeature::SkeletonLength) >= 20 && feat(f, HitFeature::SkeletonLength) <= 32);
    }

    void orientationFollowsTheLongAxis()
    {
        HitImage v = blank();
        fillRect(v, 20, 10, 4, 30, 200);
        HitFeatureExtractor ex(fixedAt(50));
        QVERIFY(std::abs(std::abs(feat(ex.compute(v), HitFeature::Orientation)) - 90.0) < 1e-9);
        HitImage d = blank();
        for (int i = 5; i < 45; ++i) {
            d.at(i, i) = 200;
            d.at(i + 1, i) = 200;
        }
        const HitFeatures f = ex.compute(d);
        QVERIFY2(std::abs(feat(f, HitFeature::Orientation) - 45.0) < 1.0, qPrintable(QString::number(feat(f, HitFeature::Orientation))));
        QVERIFY(feat(f, HitFeature::Ellipticity) > 0.9);
        QVERIFY2(feat(f, HitFeature::SkeletonLength) >= 38, qPrintable(QString::number(feat(f, HitFeature::SkeletonLength))));
    }

    void ellipseHasItsAxisRatio_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::newRow("20x8") << 20.0 << 8.0;
        QTest::newRow("25x5") << 25.0 << 5.0;
        QTest::newRow("circle") << 15.0 << 15.0;
    }
    void ellipseHasItsAxisRatio()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        HitImage im = blank();
        fillEllipse(im, 29.5, 29.5, a, b, 180);
        HitFeatureExtractor ex(fixedAt(50));
        const HitFeatures f = ex.compute(im);
        QVERIFY2(std::abs(feat(f, HitFeature::Ellipticity) - (1.0 - b / a)) < 0.02,
                 qPrintable(QString::number(feat(f, HitFeature::Ellipticity))));
        QVERIFY2(std::abs(feat(f, HitFeature::MajorAxis) - 2 * a) < 0.05 * 2 * a, qPrintable(QString::number(feat(f, HitFeature::MajorAxis))));
        QVERIFY(feat(f, HitFeature::Solidity) > 0.85 && feat(f, HitFeature::Solidity) <= 1.0);
    }

    void lShapeHasItsHullSolidity()
    {
        HitImage im = blank();
        fillRect(im, 10, 10, 20, 4, 150);
        fillRect(im, 10, 10, 4, 20, 150);
        HitFeatureExtractor ex(fixedAt(50));
        const HitFeatures f = ex.compute(im);
        QCOMPARE(feat(f, HitFeature::Area), 144.0);
        // Hull of the pixel squares: 20 x 20 square minus the 16 x 16 / 2 triangle = 272.
        QVERIFY(std::abs(feat(f, HitFeature::Solidity) - 144.0 / 272.0) < 1e-9);
        // Symmetric about the diagonal: the long axis runs along the anti-diagonal (y grows downwards).
        QVERIFY2(std::abs(feat(f, HitFeature::Orientation) + 45.0) < 1e-6, qPrintable(QString::number(feat(f, HitFeature::Orientation))));
    }

    void componentsAreCountedAndTheBrightestIsMeasured()
    {
        HitImage im = blank();
        fillRect(im, 5, 5, 3, 3, 100);    // 9 px, dimmer
        fillRect(im, 30, 30, 10, 2, 250); // 20 px, brighter
        HitFeatureExtractor ex(fixedAt(50));
        const HitFeatures f = ex.compute(im);
        QCOMPARE(feat(f, HitFeature::Components), 2.0);
        QCOMPARE(feat(f, HitFeature::Area), 20.0);
        QCOMPARE(feat(f, HitFeature::IntegratedBrightness), 9.0 * 100 + 20.0 * 250);
        // Diagonal neighbours are connected (8-connectivity).
        HitImage diag = blank();
        diag.at(10, 10) = diag.at(11, 11) = diag.at(12, 12) = 200;
        QCOMPARE(feat(ex.compute(diag), HitFeature::Components), 1.0);
    }

    void emptyCropGivesZeros()
    {
        HitFeatureExtractor ex;  // Otsu with its minimum level
        HitImage im = blank(60, 5);
        const HitFeatures f = ex.compute(im);
        QCOMPARE(feat(f, HitFeature::Area), 0.0);
        QCOMPARE(feat(f, HitFeature::Components), 0.0);
        QCOMPARE(feat(f, HitFeature::MaxBrightness), 5.0);
        for (double v : f)
            QVERIFY(std::isfinite(v));
    }

    void otsuSeparatesTwoLevels()
    {
        HitImage im = blank(60, 10);
        fillRect(im, 20, 20, 10, 10, 120);
        const int level = HitSegmenter::otsuLevel(im);
        QVERIFY2(level >= 10 && level < 120, qPrintable(QString::number(level)));
        HitFeatureExtractor ex;
        QCOMPARE(feat(ex.compute(im), HitFeature::Area), 100.0);
    }

    void tableOnThreadsEqualsOneByOne()
    {
        std::vector<Hit> hits;
        for (int i = 0; i < 700; ++i) {
            Hit h;
            h.id = QString::number(i);
            h.image = blank(60, quint8(i % 7));
            fillEllipse(h.image, 20 + i % 20, 30, 3 + i % 11, 2 + i % 5, quint8(100 + i % 150));
            hits.push_back(h);
        }
        const FeatureMatrix t = HitFeatureExtractor::table(hits, ThresholdOptions{}, 3);
        QCOMPARE(t.rows, 700);
        HitFeatureExtractor ex;
        for (int i : {0, 233, 467, 699}) {
            const HitFeatures f = ex.compute(hits[size_t(i)].image);
            for (int c = 0; c < t.cols; ++c)
                QCOMPARE(t.at(i, c), f[size_t(c)]);
        }
        const QString csv = QString::fromUtf8(HitFeatureCsv::format(hits, t));
        const QStringList lines = csv.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 701);
        QVERIFY(lines.front().startsWith(QStringLiteral("id,source,label,device,timestamp_ms,flags,cluster,area,brightness")));
        QCOMPARE(lines[1].split(QLatin1Char(',')).size(), 7 + int(HitFeature::Count));
        QCOMPARE(HitFeatureExtractor::indexOf(QStringLiteral("Solidity")), int(HitFeature::Solidity));
    }
};

QTEST_GUILESS_MAIN(TestHitFeatureExtractor)
#include "tst_hitfeatureextractor.moc"
