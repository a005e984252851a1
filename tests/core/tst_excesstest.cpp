// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/detect/ExcessTest.h"
#include "ml/domain/ModelDomain.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

namespace {
// Background of a small world on the 1-keV grid 0..1500 keV: a falling continuum and a line at 1460 keV.
// `gain` puts every feature at gain x its energy (calibration drift), `level` scales it (ambient).
double backgroundRate(double e, double gain = 1.0, double level = 1.0)
{
    const double t = e / gain;
    const double line = 0.8 * std::exp(-0.5 * std::pow((t - 1460.0) / 12.0, 2)) / (12.0 * std::sqrt(2 * M_PI));
    return level * (0.25 * std::exp(-t / 250.0) + 0.01 + line) / gain;
}

double peak(double e, double at, double cps)
{
    const double sigma = ModelDomain::resolutionFor(0.0).fwhmKeV(at) / 2.3548;
    return cps * std::exp(-0.5 * std::pow((e - at) / sigma, 2)) / (sigma * std::sqrt(2 * M_PI));
}

PreparedSpectrum simulate(std::mt19937_64 &rng, double live, double gain = 1.0, double level = 1.0,
                          const std::vector<std::pair<double, double>> &lines = {})
{
    PreparedSpectrum p;
    p.liveTime = live;
    p.counts.resize(1500);
    for (int b = 0; b < 1500; ++b) {
        const double e = b + 0.5;
        double rate = backgroundRate(e, gain, level);
        for (const auto &[at, cps] : lines)
            rate += peak(e, at, cps);
        p.counts[static_cast<size_t>(b)] = std::poisson_distribution<int>(rate * live)(rng);
    }
    return p;
}
} // namespace

class TestExcessTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void falseAlarmsStayLowUnderDrift();
    void detectsAnUntrainedPeak();
    void saveLoadAndSessionBackground();

private:
    std::vector<PreparedSpectrum> m_bkg, m_src;
    FeatureFitInput m_input;
    std::optional<ExcessTest> m_test;
};

void TestExcessTest::initTestCase()
{
    std::mt19937_64 rng(7);
    for (int g = 0; g < 4; ++g)
        for (int i = 0; i < 60; ++i)
            m_bkg.push_back(simulate(rng, 10.0 + 5 * g));
    for (int i = 0; i < 20; ++i)
        m_src.push_back(simulate(rng, 10.0, 1.0, 1.0, {{662.0, 20.0}}));
    for (size_t i = 0; i < m_bkg.size(); ++i) {
        m_input.backgrounds.push_back(&m_bkg[i]);
        m_input.backgroundGroups.push_back(static_cast<int>(i / 60));
    }
    for (const PreparedSpectrum &s : m_src) {
        m_input.sources.push_back(&s);
        m_input.sourceLabels.push_back(0);
        m_input.sourceGroups.push_back(9);
    }
    m_input.labels = QStringList{QStringLiteral("Cs137")};
    auto t = ExcessTest::train(EnergyGrid::xgdDefault(), m_input, ModelDomain::resolutionFor(0.0), nullptr, ExcessTestOptions());
    QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
    m_test = std::move(t.value());
    QVERIFY(m_test->templateCount() > 50);  // Cs137 plus generic peaks
    QVERIFY(m_test->strongThreshold() > m_test->gateThreshold());
}

void TestExcessTest::falseAlarmsStayLowUnderDrift()
{
    std::mt19937_64 rng(11);
    // The fitted gain follows a gain drift within the tolerated +-1 % (the background line at 1460 keV moves by 15 keV).
    for (double g : {0.99, 0.995, 1.005, 1.01})
        QVERIFY2(std::abs(m_test->test(simulate(rng, 1000.0, g, 1.0)).gain - g) <= 0.0051, qPrintable(QString::number(g)));
    struct Case { double gain, level; };
    for (const Case c : {Case{1.0, 1.0}, Case{1.0, 0.9}, Case{1.0, 1.1}, Case{1.01, 1.0}, Case{0.99, 1.1}}) {
        int strong = 0, gate = 0;
        double level = 0.0;
        const int n = 150;
        for (int i = 0; i < n; ++i) {
            const ExcessTest::Outcome o = m_test->test(simulate(rng, 30.0, c.gain, c.level));
            strong += o.strong;
            gate += o.gate;
            level += o.level / n;
        }
        if (c.gain == 1.0)  // the fitted level follows the ambient level
            QVERIFY2(std::abs(level - c.level) < 0.01, qPrintable(QString::number(level)));
        QVERIFY2(strong <= 2, qPrintable(QStringLiteral("gain %1 level %2: %3 strong").arg(c.gain).arg(c.level).arg(strong)));
        QVERIFY2(gate <= 8, qPrintable(QStringLiteral("gain %1 level %2: %3 above the gate").arg(c.gain).arg(c.level).arg(gate)));
    }
}

void TestExcessTest::detectsAnUntrainedPeak()
{
    std::mt19937_64 rng(13);
    int found = 0, trained = 0;
    for (int i = 0; i < 40; ++i) {
        // About 5 sigma over the local background: a nuclide never trained on (356 keV).
        const ExcessTest::Outcome o = m_test->test(simulate(rng, 30.0, 1.0, 1.1, {{356.0, 2.0}}));
        found += o.strong;
        trained += m_test->test(simulate(rng, 30.0, 1.01, 0.9, {{662.0, 1.5}})).strong;
        if (o.strong)
            QVERIFY2(o.best.startsWith(QStringLiteral("peak")), qPrintable(o.best));
    }
    QVERIFY2(found >= 36, qPrintable(QString::number(found)));
    QVERIFY2(trained >= 36, qPrintable(QString::number(trained)));
}

void TestExcessTest::saveLoadAndSessionBackground()
{
    std::mt19937_64 rng(17);
    const PreparedSpectrum s = simulate(rng, 20.0, 1.0, 1.0, {{200.0, 1.0}});
    auto loaded = ExcessTest::fromJson(m_test->toJson(), EnergyGrid::xgdDefault(), QStringLiteral("model.json"));
    QVERIFY(loaded);
    QCOMPARE(loaded->test(s).statistic, m_test->test(s).statistic);
    QCOMPARE(loaded->gateThreshold(), m_test->gateThreshold());
    // Thresholds per live time (held-out backgrounds of 10-25 s here): used at 20 s, saved and loaded.
    QCOMPARE(m_test->test(s).gateThreshold, m_test->gateThreshold(20.0));
    QVERIFY(m_test->strongThreshold(20.0) > m_test->gateThreshold(20.0));
    QCOMPARE(loaded->gateThreshold(20.0), m_test->gateThreshold(20.0));
    QCOMPARE(loaded->strongThreshold(20.0), m_test->strongThreshold(20.0));
    QVERIFY(!ExcessTest::fromJson(m_test->toJson(), EnergyGrid::uniform(0, 500, 1), QStringLiteral("m.json")));

    // A session background whose shape differs (a line at 900 keV the training never had): with it the line
    // is background, without it the line looks like a source.
    std::vector<double> session(1500);
    for (int b = 0; b < 1500; ++b)
        session[static_cast<size_t>(b)] = backgroundRate(b + 0.5) + peak(b + 0.5, 900.0, 1.0);
    int before = 0, after = 0;
    ExcessTest adapted = *m_test;
    QVERIFY(adapted.setBackground(session, 1e6, QStringLiteral("session")));
    QVERIFY(!adapted.setBackground(std::vector<double>(10, 1.0), 100.0, QStringLiteral("session")));
    QVERIFY(!adapted.setBackground(session, 0.0, QStringLiteral("session")));
    for (int i = 0; i < 30; ++i) {
        const PreparedSpectrum x = simulate(rng, 30.0, 1.0, 1.0, {{900.0, 1.0}});
        before += m_test->test(x).strong;
        after += adapted.test(x).strong;
    }
    QVERIFY2(before >= 25, qPrintable(QString::number(before)));
    QVERIFY2(after <= 1, qPrintable(QString::number(after)));
}

QTEST_GUILESS_MAIN(TestExcessTest)
#include "tst_excesstest.moc"
