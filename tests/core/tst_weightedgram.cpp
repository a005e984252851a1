// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The per-spectrum normal equations of the template fit: the vector kernel (every padded width, and the plain
// fallback beyond MaxColumns) equals a direct sum over segments.

#include "numerics/WeightedGram.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

class TestWeightedGram : public QObject {
    Q_OBJECT
private slots:
    void matchesDirectSums_data();
    void matchesDirectSums();
    void zeroWeightsIgnoreSegments();
};

void TestWeightedGram::matchesDirectSums_data()
{
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("segments");
    for (int k : {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 40})
        QTest::addRow("K=%d", k) << k << (k % 3 == 0 ? 7 : 593);
}

void TestWeightedGram::matchesDirectSums()
{
    QFETCH(int, columns);
    QFETCH(int, segments);
    std::mt19937_64 rng(static_cast<unsigned>(columns * 1000 + segments));
    std::uniform_real_distribution<double> u(-1.0, 1.0), pos(0.01, 5.0);
    std::vector<double> T(static_cast<size_t>(columns) * segments), w(static_cast<size_t>(segments)), y(w.size());
    for (double &v : T)
        v = u(rng);
    for (size_t s = 0; s < w.size(); ++s) {
        w[s] = pos(rng);
        y[s] = u(rng) * 100.0;
    }
    const WeightedGram gram(T, segments, columns);
    QCOMPARE(gram.columns(), columns);
    std::vector<double> G(static_cast<size_t>(columns) * columns, std::nan("")), h(static_cast<size_t>(columns), std::nan(""));
    gram.build(w.data(), y.data(), G.data(), h.data());
    for (int j = 0; j < columns; ++j) {
        double hj = 0.0;
        for (int s = 0; s < segments; ++s)
            hj += T[static_cast<size_t>(j) * segments + s] * w[static_cast<size_t>(s)] * y[static_cast<size_t>(s)];
        QVERIFY2(std::abs(h[static_cast<size_t>(j)] - hj) <= 1e-10 * (1.0 + std::abs(hj)), qPrintable(QString::number(j)));
        for (int k = 0; k < columns; ++k) {
            double g = 0.0;
            for (int s = 0; s < segments; ++s)
                g += T[static_cast<size_t>(j) * segments + s] * w[static_cast<size_t>(s)] * T[static_cast<size_t>(k) * segments + s];
            const double got = G[static_cast<size_t>(j) * columns + k];
            QVERIFY2(std::abs(got - g) <= 1e-10 * (1.0 + std::abs(g)),
                     qPrintable(QStringLiteral("G[%1][%2] = %3, direct %4").arg(j).arg(k).arg(got).arg(g)));
        }
    }
}

void TestWeightedGram::zeroWeightsIgnoreSegments()
{
    // Two segments; the second has weight 0, so only the first contributes.
    const std::vector<double> T{1.0, 100.0, 2.0, 200.0, 3.0, 300.0, 4.0, 400.0, 5.0, 500.0};  // 5 columns x 2 segments
    const WeightedGram gram(T, 2, 5);
    const double w[] = {2.0, 0.0}, y[] = {10.0, 1e6};
    std::vector<double> G(25), h(5);
    gram.build(w, y, G.data(), h.data());
    for (int j = 0; j < 5; ++j) {
        QCOMPARE(h[static_cast<size_t>(j)], 2.0 * (j + 1) * 10.0);
        for (int k = 0; k < 5; ++k)
            QCOMPARE(G[static_cast<size_t>(j) * 5 + k], 2.0 * (j + 1) * (k + 1));
    }
}

QTEST_GUILESS_MAIN(TestWeightedGram)
#include "tst_weightedgram.moc"
