// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Results table columns: one probability column per isotope in the order the results name them, and one activity
// column per isotope that has an estimate or a detection limit in any row, in the same order.

#include "results/ResultsModel.h"

#include <QTest>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
IsotopeFinding finding(const QString &isotope, double p, std::optional<double> bq = {}, std::optional<double> mda = {})
{
    IsotopeFinding f;
    f.isotope = isotope;
    f.probability = p;
    f.reported = p >= 0.5;
    f.activityBq = bq;
    f.activityUncBq = bq ? std::optional<double>(0.1 * *bq) : std::nullopt;
    f.mdaBq = mda;
    return f;
}

SpectrumAnalysis row(const QString &file, std::vector<IsotopeFinding> isotopes)
{
    SpectrumAnalysis a;
    a.file = file;
    a.decision = SpectrumAnalysis::Decision::Source;
    a.isotopes = std::move(isotopes);
    return a;
}
} // namespace

class TestResultsModel : public QObject {
    Q_OBJECT
private slots:
    void activityColumnsFollowProbabilityOrder();
};

void TestResultsModel::activityColumnsFollowProbabilityOrder()
{
    ResultsModel model;
    std::vector<SpectrumAnalysis> rows;
    // The first row with an estimate has Eu152; Cs137 gets one only in the second row.
    rows.push_back(row(QStringLiteral("a.sps"), {finding(QStringLiteral("Am241"), 0.1), finding(QStringLiteral("Cs137"), 0.2),
                                                 finding(QStringLiteral("Eu152"), 0.9, 5000.0)}));
    rows.push_back(row(QStringLiteral("b.sps"), {finding(QStringLiteral("Am241"), 0.1), finding(QStringLiteral("Cs137"), 0.9, 1.0e5),
                                                 finding(QStringLiteral("Eu152"), 0.1, std::nullopt, 800.0)}));
    model.setResults(std::move(rows));
    QCOMPARE(model.rowCount(), 2);
    const int pAm = model.probabilityColumn(QStringLiteral("Am241"));
    const int pCs = model.probabilityColumn(QStringLiteral("Cs137"));
    const int pEu = model.probabilityColumn(QStringLiteral("Eu152"));
    QVERIFY(pAm >= 0 && pAm < pCs && pCs < pEu);
    QCOMPARE(model.activityColumn(QStringLiteral("Am241")), -1);  // no estimate and no limit anywhere
    const int aCs = model.activityColumn(QStringLiteral("Cs137"));
    const int aEu = model.activityColumn(QStringLiteral("Eu152"));
    QVERIFY2(aCs > pEu && aEu == aCs + 1, qPrintable(QStringLiteral("A(Cs137) %1, A(Eu152) %2").arg(aCs).arg(aEu)));
    QCOMPARE(model.columnCount(), aEu + 1);
    QVERIFY(model.headerData(aCs, Qt::Horizontal).toString().contains(QLatin1String("Cs137")));
    QVERIFY(model.headerData(aEu, Qt::Horizontal).toString().contains(QLatin1String("Eu152")));
}

QTEST_MAIN(TestResultsModel)
#include "tst_resultsmodel.moc"
