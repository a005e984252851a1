// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Activity of synthetic spectra with known truth, and coverage of the reported uncertainty.
#include "peaks/ActivityEstimator.h"
#include "peaks/NuclideLibrary.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

class TestActivityEstimator : public QObject {
    Q_OBJECT
private:
    NuclideLibrary m_lib;
    EfficiencyCurve m_eff;
    ResolutionModel m_res{80.0, 0.13, 5e-5};

    // Expected counts: exponential continuum plus every Cs137/Co60 line of activity A at distance d.
    std::vector<double> expected(const Nuclide &n, double activity, double live, double d, const EnergyCalibration &cal) const
    {
        std::vector<double> mu(4096);
        for (int i = 0; i < 4096; ++i)
            mu[i] = 40.0 * std::exp(-cal.energyAt(i + 0.5) / 400.0) + 2.0;
        const double df = ActivityEstimator::distanceFactor(d, 15.0, 7.0);
        for (const auto &l : n.lines) {
            const double area = activity * live * m_eff.efficiency(l.energyKeV) * l.intensity / df;
            const double c = cal.channelAt(l.energyKeV, 4096), s = m_res.fwhmChannels(c, cal) / 2.3548;
            for (int i = std::max(0, int(c - 6 * s)); i < std::min(4096, int(c + 6 * s)); ++i)
                mu[i] += area * 0.5 * (std::erf((i + 1 - c) / (s * std::sqrt(2.0))) - std::erf((i - c) / (s * std::sqrt(2.0))));
        }
        return mu;
    }

private slots:
    void initTestCase()
    {
        auto lib = NuclideLibrary::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv"));
        QVERIFY(lib.ok());
        m_lib = *lib;
        std::vector<EfficiencyCurve::Point> pts;
        for (double e : {100.0, 200.0, 400.0, 700.0, 1000.0, 1400.0})
            pts.push_back({e, 0.05 * std::pow(e / 100.0, -1.2), 0.0005, QString()});
        auto eff = EfficiencyCurve::fit(pts, 2, 15.0);
        QVERIFY(eff.ok());
        m_eff = *eff;
        QVERIFY(std::abs(m_eff.efficiency(662.0) / (0.05 * std::pow(6.62, -1.2)) - 1.0) < 0.01);
    }

    void distanceAndDecay()
    {
        QCOMPARE(ActivityEstimator::distanceFactor(15.0, 15.0, 7.0), 1.0);
        QVERIFY(std::abs(ActivityEstimator::distanceFactor(50.0, 15.0, 7.0) - std::pow(57.0 / 22.0, 2)) < 1e-12);
        const Nuclide *tc = m_lib.find(QStringLiteral("Tc99m"));
        QVERIFY(tc);
        // Over one half-life the mean activity is 1/(2 ln 2) of the start activity.
        QVERIFY(std::abs(ActivityEstimator::inAcquisitionDecayCorrection(*tc, tc->halfLifeSeconds) - 2.0 * std::log(2.0)) < 1e-9);
    }

    // Known truth recovered; over Poisson copies about 68 % of the 1-sigma intervals cover it.
    void syntheticTruthAndCoverage_data()
    {
        QTest::addColumn<QString>("nuclide");
        QTest::addColumn<double>("activity");
        QTest::addColumn<double>("distance");
        QTest::newRow("Cs137 15 cm") << "Cs137" << 40e3 << 15.0;
        QTest::newRow("Co60 50 cm") << "Co60" << 60e3 << 50.0;
    }
    void syntheticTruthAndCoverage()
    {
        QFETCH(QString, nuclide);
        QFETCH(double, activity);
        QFETCH(double, distance);
        const Nuclide *n = m_lib.find(nuclide);
        QVERIFY(n);
        const EnergyCalibration cal = EnergyCalibration::linear(1.32, 0.5);
        const double live = 60.0;
        const std::vector<double> mu = expected(*n, activity, live, distance, cal);
        const ActivityEstimator est(m_eff, m_res);
        std::mt19937 rng(7);
        int covered = 0, detected = 0;
        const int copies = 150;
        double sum = 0.0;
        for (int k = 0; k < copies; ++k) {
            Spectrum s;
            s.counts.resize(mu.size());
            for (size_t i = 0; i < mu.size(); ++i)
                s.counts[i] = std::poisson_distribution<int>(mu[i])(rng);
            s.liveTime = s.realTime = live;
            s.calibration = cal;
            auto a = est.estimate(s, *n, distance);
            QVERIFY2(a.ok(), a.ok() ? "" : qPrintable(a.error().toString()));
            sum += a->activityBq;
            covered += std::abs(a->activityBq - activity) <= a->uncCountingBq ? 1 : 0;
            detected += a->detected ? 1 : 0;
            QVERIFY(a->mdaBq > 0.0 && a->mdaBq < activity);
        }
        const double mean = sum / copies;
        QVERIFY2(std::abs(mean / activity - 1.0) < 0.02, qPrintable(QStringLiteral("mean %1").arg(mean / activity)));
        const double share = double(covered) / copies;
        QVERIFY2(share > 0.55 && share < 0.82, qPrintable(QStringLiteral("coverage %1").arg(share)));
        QCOMPARE(detected, copies);
    }

    // Without the source the estimate is compatible with zero and the MDA is reported.
    void backgroundOnlyGivesMda()
    {
        const Nuclide *n = m_lib.find(QStringLiteral("Cs137"));
        const EnergyCalibration cal = EnergyCalibration::linear(1.32, 0.5);
        const std::vector<double> mu = expected(*n, 0.0, 60.0, 15.0, cal);
        std::mt19937 rng(11);
        Spectrum s;
        s.counts.resize(mu.size());
        for (size_t i = 0; i < mu.size(); ++i)
            s.counts[i] = std::poisson_distribution<int>(mu[i])(rng);
        s.liveTime = s.realTime = 60.0;
        s.calibration = cal;
        auto a = ActivityEstimator(m_eff, m_res).estimate(s, *n, 15.0);
        QVERIFY(a.ok());
        QVERIFY(std::abs(a->activityBq) < 3.0 * a->uncCountingBq);
        QVERIFY(a->mdaBq > 0.0);
        QVERIFY(!ActivityEstimator(m_eff, m_res).estimate(s, *n, 0.0).ok());
    }
};

QTEST_GUILESS_MAIN(TestActivityEstimator)
#include "tst_activityestimator.moc"
