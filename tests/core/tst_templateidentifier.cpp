// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Library templates (DetectorResponse + TemplateIdentifier): synthetic spectra drawn from one response are
// identified with templates of every library nuclide; the continuum fit recovers known ratios; a real XGD
// spectrum of an isotope never trained on (long/Ba_133) is named from the library.
#include "TestData.h"
#include "features/SpectrumPreparer.h"
#include "io/ReaderRegistry.h"
#include "ml/templates/DetectorResponse.h"
#include "ml/templates/TemplateIdentifier.h"
#include "peaks/NuclideLibrary.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

class TestTemplateIdentifier : public QObject {
    Q_OBJECT
private:
    NuclideLibrary m_lib;

    // Poisson sample of background + a nuclide's template scaled to `sourceCounts`, on `grid`.
    PreparedSpectrum sample(const DetectorResponse &r, const EnergyGrid &grid, const QString &nuclide, double sourceCounts,
                            const std::vector<double> &bkgRate, double liveTime, unsigned seed)
    {
        std::mt19937 rng(seed);
        auto t = r.nuclideTemplate(*m_lib.find(nuclide), grid);
        double s = 0.0;
        for (double v : t)
            s += v;
        PreparedSpectrum p;
        p.liveTime = liveTime;
        for (size_t b = 0; b < t.size(); ++b) {
            std::poisson_distribution<int> pd(std::max(1e-9, sourceCounts * t[b] / s + bkgRate[b] * liveTime));
            p.counts.push_back(pd(rng));
        }
        return p;
    }

    static std::vector<double> flatBackground(const EnergyGrid &grid, double level)
    {
        std::vector<double> b;
        for (int i = 0; i < grid.binCount(); ++i)
            b.push_back(level * std::exp(-grid.center(i) / 400.0));
        return b;
    }

private slots:
    void initTestCase()
    {
        auto lib = NuclideLibrary::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv"));
        QVERIFY(lib.ok());
        m_lib = *lib;
    }

    // Each detector type's generic response: a source drawn from it is named first among ~60 candidates.
    void namesSyntheticSources_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("nuclide");
        for (const char *type : {"hpge", "nai", "csi", "labr"})
            for (const char *n : {"Ba133", "Co57", "Mn54", "I131", "Ir192", "Tc99m", "Eu154", "Co60"})
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(type), QLatin1String(n))))
                    << QString::fromLatin1(type) << QString::fromLatin1(n);
    }
    void namesSyntheticSources()
    {
        QFETCH(QString, type);
        QFETCH(QString, nuclide);
        auto t = DetectorResponse::typeFromName(type);
        QVERIFY(t.ok());
        const DetectorResponse r = DetectorResponse::generic(*t);
        const EnergyGrid grid = EnergyGrid::uniform(0.0, 1500.0, type == QLatin1String("hpge") ? 0.5 : 2.0);
        const auto bkg = flatBackground(grid, type == QLatin1String("hpge") ? 0.01 : 0.5);
        TemplateIdentifier id(m_lib, r, grid);
        id.setBackground(bkg, 3600.0);
        const auto p = sample(r, grid, nuclide, 20000.0, bkg, 300.0, 7u);
        // The most significant template; nuclides sharing lines (Ba133 and Xe133 at 81 keV) split the
        // significance, so the naming threshold is not asserted here.
        const auto m = id.identify(p, true);
        QVERIFY2(!m.empty(), "nothing fitted");
        QVERIFY(m.front().significance > 3.0);
        QVERIFY2(m.front().nuclide == nuclide, qPrintable(QStringLiteral("%1 (z %2)").arg(m.front().nuclide).arg(m.front().significance)));
        // Background alone: nothing named.
        const auto none = id.identify(sample(r, grid, nuclide, 0.0, bkg, 300.0, 8u));
        QVERIFY2(none.empty(), qPrintable(none.empty() ? QString() : none.front().nuclide));
    }

    // The continuum fit recovers the ratio used to draw the spectra (NaI, Cs137 + Co60 + Na22 + Mn54).
    void fitRecoversContinuumRatio()
    {
        DetectorResponse truth = DetectorResponse::generic(DetectorResponse::Type::NaI);
        for (double &c : truth.compton)
            c *= 1.5;
        const EnergyGrid grid = EnergyGrid::uniform(0.0, 1500.0, 2.0);
        std::vector<DetectorResponse::Measured> measured;
        const std::vector<double> zero(static_cast<size_t>(grid.binCount()), 0.0);
        unsigned seed = 1;
        for (const char *n : {"Cs137", "Co60", "Na22", "Mn54"}) {
            const auto p = sample(truth, grid, QString::fromLatin1(n), 2.0e6, zero, 100.0, seed++);
            DetectorResponse::Measured m;
            m.nuclide = m_lib.find(QString::fromLatin1(n));
            for (double c : p.counts) {
                m.netRate.push_back(c / 100.0);
                m.variance.push_back(std::max(c, 1.0) / 1e4);
            }
            measured.push_back(std::move(m));
        }
        DetectorResponse fitted = DetectorResponse::generic(DetectorResponse::Type::NaI);
        auto used = fitted.fitContinuum(measured, grid);
        QVERIFY2(used.ok(), used.ok() ? "" : qPrintable(used.error().toString()));
        QCOMPARE(*used, 4);
        const double at662 = fitted.comptonRatio(661.657), expected = truth.comptonRatio(661.657);
        QVERIFY2(std::abs(at662 / expected - 1.0) < 0.15, qPrintable(QStringLiteral("%1 vs %2").arg(at662).arg(expected)));
    }

    // The efficiency shape from two single sources (Co60, Na22: nothing below 511 keV) and a background whose
    // natural chains have unknown activities (Pb214, Bi214, Pb212 measured together): the shape between 240 and
    // 1400 keV is recovered, and below the lines the knee prior keeps the low energies from a power-law rise.
    // Xenon resolution (2 % at 662 keV), as the XGD's leave-one-isotope-out fits.
    void fitEfficiencyFromSourcesAndBackgroundChains()
    {
        DetectorResponse truth = DetectorResponse::generic(DetectorResponse::Type::Xenon);
        truth.efficiencyParams = {-1.2, 0.0, -0.4};
        const EnergyGrid grid = EnergyGrid::uniform(0.0, 1500.0, 2.0);
        const size_t nb = static_cast<size_t>(grid.binCount());
        const std::vector<double> zero(nb, 0.0);
        std::vector<DetectorResponse::Measured> measured;
        unsigned seed = 11;
        for (const char *n : {"Co60", "Na22"}) {
            const auto p = sample(truth, grid, QString::fromLatin1(n), 2.0e6, zero, 100.0, seed++);
            DetectorResponse::Measured m;
            m.nuclide = m_lib.find(QString::fromLatin1(n));
            for (double c : p.counts) {
                m.netRate.push_back(c / 100.0);
                m.variance.push_back(std::max(c, 1.0) / 1e4);
            }
            measured.push_back(std::move(m));
        }
        DetectorResponse::Measured bkg;
        std::vector<double> rate(nb, 0.0);
        const std::pair<const char *, double> chains[] = {{"Pb214", 3.0e5}, {"Bi214", 5.0e5}, {"Pb212", 2.0e5}};
        for (const auto &[n, counts] : chains) {
            const auto p = sample(truth, grid, QString::fromLatin1(n), counts, zero, 1000.0, seed++);
            for (size_t b = 0; b < nb; ++b)
                rate[b] += p.counts[b] / 1000.0;
            bkg.components.push_back(m_lib.find(QString::fromLatin1(n)));
        }
        bkg.netRate = rate;
        for (double r : rate)
            bkg.variance.push_back(std::max(r, 1e-3) / 1000.0);
        bkg.minEnergyKeV = 200.0;
        measured.push_back(std::move(bkg));
        DetectorResponse fitted = DetectorResponse::generic(DetectorResponse::Type::Xenon);
        const auto used = fitted.fitEfficiency(measured, grid);
        QVERIFY2(used.ok(), used.ok() ? "" : qPrintable(used.error().toString()));
        QVERIFY(*used >= 6);
        auto ratio = [](const DetectorResponse &r, double e) { return r.efficiencyShape(e) / r.efficiencyShape(1332.5); };
        for (const double e : {352.0, 609.0, 1120.0})
            QVERIFY2(std::abs(ratio(fitted, e) / ratio(truth, e) - 1.0) < 0.15,
                     qPrintable(QStringLiteral("%1 keV: %2 vs %3").arg(e).arg(ratio(fitted, e)).arg(ratio(truth, e))));
        // Extrapolated below the lowest line: within a factor 2.5 at 60 keV, and no rise from 122 to 60 keV.
        QVERIFY2(ratio(fitted, 60.0) < 2.5 * ratio(truth, 60.0) && ratio(fitted, 60.0) > ratio(truth, 60.0) / 2.5,
                 qPrintable(QStringLiteral("60 keV: %1 vs %2").arg(ratio(fitted, 60.0)).arg(ratio(truth, 60.0))));
        QVERIFY(ratio(fitted, 60.0) < ratio(fitted, 122.0));
    }

    // A real XGD spectrum of an isotope with no training folder: Ba133 is named from the library with the
    // XGD efficiency curve and a generic xenon response.
    void namesXgdBa133()
    {
        PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("xgd/long/Ba_133_15cm.sps"));
        auto r = ReaderRegistry::instance().read(path);
        QVERIFY(r.ok());
        SpectrumPreparer prep;
        auto p = prep.prepare(r->front());
        QVERIFY(p.ok());
        DetectorResponse resp = DetectorResponse::generic(DetectorResponse::Type::Xenon);
        auto eff = EfficiencyCurve::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json"));
        QVERIFY(eff.ok());
        resp.efficiency = *eff;
        resp.resolution = ResolutionModel::fromString(eff->resolution);
        TemplateIdentifier id(m_lib, resp, prep.grid());
        const auto m = id.identify(*p);
        QVERIFY(!m.empty());
        QCOMPARE(m.front().nuclide, QStringLiteral("Ba133"));
    }

    void unknownTypeIsRefused()
    {
        auto t = DetectorResponse::typeFromName(QStringLiteral("bgo?"));
        QVERIFY(!t.ok());
        QVERIFY(t.error().toString().contains(QLatin1String("hpge")));
    }
};

QTEST_GUILESS_MAIN(TestTemplateIdentifier)
#include "tst_templateidentifier.moc"
