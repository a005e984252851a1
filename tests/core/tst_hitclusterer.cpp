// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/GaussianMixture.h"
#include "hits/HitClusterer.h"
#include "hits/HitFeatureExtractor.h"

#include <QTest>

#include <cmath>
#include <map>
#include <random>

using namespace photopeak;

namespace {
// Three separated groups in (ellipticity, solidity), the other feature columns zero.
FeatureMatrix threeGroups(std::vector<int> *truth)
{
    std::mt19937 rng(7);
    std::normal_distribution<double> noise(0.0, 0.03);
    const double centres[3][2] = {{0.1, 0.9}, {0.8, 0.9}, {0.5, 0.4}};
    FeatureMatrix f(300, int(HitFeature::Count));
    for (int i = 0; i < 300; ++i) {
        const int g = i % 3;
        f.at(i, int(HitFeature::Ellipticity)) = centres[g][0] + noise(rng);
        f.at(i, int(HitFeature::Solidity)) = centres[g][1] + noise(rng);
        truth->push_back(g);
    }
    return f;
}

// Rows of one true group all carry one cluster label, and different groups different labels.
bool samePartition(const std::vector<int> &a, const std::vector<int> &truth)
{
    std::map<int, int> map, back;
    for (size_t i = 0; i < a.size(); ++i) {
        if (map.count(truth[i]) && map[truth[i]] != a[i])
            return false;
        if (back.count(a[i]) && back[a[i]] != truth[i])
            return false;
        map[truth[i]] = a[i];
        back[a[i]] = truth[i];
    }
    return true;
}
} // namespace

class TestHitClusterer : public QObject {
    Q_OBJECT
private slots:
    void bicFindsThreeGroups_data()
    {
        QTest::addColumn<int>("method");
        QTest::newRow("kmeans") << int(ClusterMethod::KMeans);
        QTest::newRow("gmm") << int(ClusterMethod::GaussianMixture);
    }
    void bicFindsThreeGroups()
    {
        QFETCH(int, method);
        std::vector<int> truth;
        const FeatureMatrix f = threeGroups(&truth);
        ClusterOptions o;
        o.method = ClusterMethod(method);
        o.features = {QStringLiteral("ellipticity"), QStringLiteral("solidity")};
        o.kMin = 1;
        o.kMax = 6;
        auto r = HitClusterer::run(f, o);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
        QCOMPARE(int(r->scores.size()), 6);
        QCOMPARE(r->chosenK, 3);
        QVERIFY(samePartition(r->assignments, truth));
        // Elbow: the within-cluster sum of squares falls steeply to k = 3, slowly after.
        QVERIFY(r->scores[0].withinSS > r->scores[2].withinSS * 10);
        QVERIFY(r->scores[2].withinSS < r->scores[3].withinSS * 2);
        QVERIFY(r->curveTable().contains(QStringLiteral("<- chosen")));
        QCOMPARE(r->membership.cols, 3);
        for (int i = 0; i < r->membership.rows; ++i) {
            double s = 0;
            for (int c = 0; c < 3; ++c)
                s += r->membership.at(i, c);
            QVERIFY(std::abs(s - 1.0) < 1e-9);
        }
    }

    void fixedKAndBadOptions()
    {
        std::vector<int> truth;
        const FeatureMatrix f = threeGroups(&truth);
        ClusterOptions o;
        o.features = {QStringLiteral("ellipticity"), QStringLiteral("solidity")};
        o.k = 2;
        o.kMax = 4;
        auto r = HitClusterer::run(f, o);
        QVERIFY(r.ok());
        QCOMPARE(r->chosenK, 2);
        o.features = {QStringLiteral("colour")};
        auto bad = HitClusterer::run(f, o);
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("colour")));
    }

    void mixtureLikelihoodIsThatOfOneGaussian()
    {
        // k = 1: the maximum-likelihood Gaussian; log-likelihood = -n/2 (d log 2 pi + log det S + d).
        FeatureMatrix x(4, 1);
        x.data = {-1.0, 1.0, -1.0, 1.0};
        auto g = GaussianMixture::fit(x, 1, {0, 0, 0, 0});
        QVERIFY(g.ok());
        const double expected = -2.0 * (std::log(2.0 * 3.14159265358979323846) + std::log(1.0 + 1e-6 * 4.0 / 3.0) + 1.0);
        QVERIFY2(std::abs(g->logLikelihood() - expected) < 1e-4, qPrintable(QString::number(g->logLikelihood())));
        QCOMPARE(g->parameterCount(), 2);
    }
};

QTEST_GUILESS_MAIN(TestHitClusterer)
#include "tst_hitclusterer.moc"
