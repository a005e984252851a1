// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "eval/LatentEvaluation.h"
#include "eval/LatentProtocol.h"

#include "TestData.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
// Two components with disjoint supports on a 64-bin grid.
LatentModel twoComponentModel()
{
    const int n = 64;
    std::vector<double> l(2 * n, 0.0);
    for (int i = 10; i < 30; ++i)
        l[size_t(i)] = 1.0 / 20.0;
    for (int i = 8; i < n; ++i)
        l[size_t(n + i)] = 1.0 / 56.0;
    return LatentModel::fromLoadings({QStringLiteral("Cs137"), QStringLiteral("background")},
                                     EnergyGrid::uniform(0.0, 64.0, 1.0), 2, l).value();
}

LatentSample sample(const LatentModel &m, double cs, double bg, QStringList truth, const QString &file)
{
    LatentSample s;
    s.counts.assign(64, 0.0);
    for (int i = 0; i < 64; ++i)
        s.counts[size_t(i)] = cs * m.loading(0)[i] + bg * m.loading(1)[i];
    s.truth = truth;
    s.file = file;
    return s;
}
} // namespace

class TestLatentEvaluation : public QObject {
    Q_OBJECT
private slots:
    void singleTruthIsFirstIsotope()
    {
        QCOMPARE(LatentEvaluation::singleTruth({QStringLiteral("background")}), QStringLiteral("background"));
        QCOMPARE(LatentEvaluation::singleTruth({QStringLiteral("background"), QStringLiteral("Co60")}), QStringLiteral("Co60"));
        QCOMPARE(LatentEvaluation::singleTruth({QStringLiteral("Eu152"), QStringLiteral("Cs137")}), QStringLiteral("Cs137"));
    }

    void countsCategoriesAndConfusion()
    {
        const LatentModel m = twoComponentModel();
        LatentProtocol::TestSet t;
        const QStringList csbg{QStringLiteral("Cs137"), QStringLiteral("background")};
        t.single.push_back(sample(m, 500, 500, csbg, "a"));                           // right
        t.single.push_back(sample(m, 0, 1000, {QStringLiteral("background")}, "a"));  // right
        t.single.push_back(sample(m, 50, 950, csbg, "b"));                            // 5 %: missed by the 10 % rule
        t.multi.push_back(sample(m, 300, 700, csbg, "m"));                            // perfect
        t.multi.push_back(sample(m, 50, 950, csbg, "m"));                             // incomplete
        t.unknown.push_back(sample(m, 0, 800, {QStringLiteral("UNat"), QStringLiteral("background")}, "m"));
        const LatentEvaluationResult r = LatentEvaluation::evaluate(m, LatentOptions::plain(), t);
        QCOMPARE(r.singleCount, 3);
        QCOMPARE(r.singleCorrect, 2);
        QCOMPARE(r.singleConfusion.value(QStringLiteral("Cs137")).value(QStringLiteral("background")), 1);
        QCOMPARE(r.singlePerFile.value(QStringLiteral("b")).first, 0);
        QCOMPARE(r.multi.count(), 2);
        QCOMPARE(r.multiPerfect(), 0.5);
        QCOMPARE(r.multi.relationShare(SetRelation::Incomplete).valueOr(-1), 0.5);
        // Mean accuracy: (1.0 + max(0, 0.95 - 1/2)) / 2
        QVERIFY(qAbs(r.multiAccuracy.mean() - (1.0 + 0.45) / 2.0) < 1e-9);
        QCOMPARE(r.unknownCount, 1);
        QCOMPARE(r.unknownPredicted.value(QStringLiteral("background")), 1);
        QVERIFY(LatentEvaluation::report(r).contains(QLatin1String("single-label accuracy 66.67 %")));
        QVERIFY(LatentEvaluation::comparisonTable({r}).contains(QLatin1String("plain")));
    }

    void missingProtocolFileIsNamed()
    {
        QTemporaryDir dir;
        const LatentProtocol p = LatentProtocol::gammaFlowDefault(dir.path());
        auto model = p.train(LatentOptions::plain());
        QVERIFY(!model.ok());
        QVERIFY(model.error().toString().contains(QLatin1String("_simulated.h5")));
        QVERIFY(!p.testSet(EnergyGrid::gammaFlowDefault()).ok());
    }

    void realProtocolSizes()
    {
        PHOTOPEAK_REQUIRE_DATA(dir, "gamma_flow");
        const LatentProtocol p = LatentProtocol::gammaFlowDefault(dir);
        auto t = p.testSet(EnergyGrid::gammaFlowDefault());
        QVERIFY2(t.ok(), qPrintable(t ? QString() : t.error().toString()));
        QCOMPARE(int(t->single.size()), 3503);
        QCOMPARE(int(t->multi.size()), 580);
        QCOMPARE(int(t->unknown.size()), 54);
        // The left detector found by its stems is the bench README's protocol.
        auto left = LatentProtocol::forDetector(dir, QStringLiteral("left"));
        QVERIFY(left.ok());
        QCOMPARE(left->components, p.components);
        QCOMPARE(QSet<QString>(left->trainFiles.begin(), left->trainFiles.end()), QSet<QString>(p.trainFiles.begin(), p.trainFiles.end()));
        QCOMPARE(left->singleFiles, p.singleFiles);
        QCOMPARE(left->multiFiles, p.multiFiles);
        QVERIFY(!LatentProtocol::forDetector(dir, QStringLiteral("simulated")).ok());
        QVERIFY(!LatentProtocol::forDetector(dir, QStringLiteral("nosuch")).ok());
        // Count-conserving: the rebinned totals keep the counts inside the grid's energy range.
        for (const LatentSample &s : t->multi)
            for (double v : s.counts)
                QVERIFY(v >= 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLatentEvaluation)
#include "tst_latentevaluation.moc"
