// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/SyntheticMixer.h"

#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

namespace {
// 256 channels of 6 keV, flat background of 1 cps per channel; sources as Gaussian lines far above 500 keV.
Spectrum simulate(std::mt19937_64 &rng, double lineKeV, double lineCps, double live)
{
    Spectrum s;
    s.calibration = EnergyCalibration::linear(6.0, 0.0);
    s.liveTime = live;
    s.counts.resize(256);
    for (int c = 0; c < 256; ++c) {
        const double e = 6.0 * c + 3.0;
        double rate = 1.0;
        if (lineCps > 0.0)
            rate += lineCps * 6.0 * std::exp(-0.5 * std::pow((e - lineKeV) / 15.0, 2)) / (15.0 * std::sqrt(2 * M_PI));
        s.counts[static_cast<size_t>(c)] = std::poisson_distribution<int>(rate * live)(rng);
    }
    return s;
}

PreparedSet world()
{
    std::mt19937_64 rng(7);
    SpectrumDataset ds;
    auto add = [&](const QString &folder, const QStringList &labels, double line, double cps) {
        for (int i = 0; i < 10; ++i) {
            DatasetEntry e;
            e.spectrum = simulate(rng, line, cps, 20.0);
            e.spectrum.labels = labels;
            e.relativePath = folder + QStringLiteral("/%1.sps").arg(i);
            ds.entries().push_back(std::move(e));
        }
    };
    add(QStringLiteral("bkgs/20s"), {QStringLiteral("background")}, 0.0, 0.0);
    add(QStringLiteral("srcs/Cs137/20s/15cm"), {QStringLiteral("Cs137")}, 662.0, 200.0);
    add(QStringLiteral("srcs/Co60/20s/15cm"), {QStringLiteral("Co60")}, 1250.0, 200.0);
    std::vector<SpectrumDataset> list;
    list.push_back(std::move(ds));
    return PreparedSet::fromDatasets(std::move(list), EnergyGrid::uniform(0, 1500, 1));
}

// Mixtures of two full-strength components (every component thinned to the spectrum's live time T).
SyntheticOptions fullStrengthPairs(MixtureBackground mode)
{
    SyntheticOptions o;
    o.singles = 0;
    o.backgrounds = 0;
    o.mixtures = 200;
    o.minStrength = 1.0;
    o.minLiveTime = 5.0;
    o.maxLiveTime = 10.0;
    o.backgroundLevelSpread = 0.0;
    o.mixtureBackground = mode;
    return o;
}

// Counts per second in 100-500 keV (background only) over all samples, relative to the true 1/6 cps per keV.
double backgroundRatio(const std::vector<SyntheticSample> &samples)
{
    double counts = 0.0, live = 0.0;
    for (const SyntheticSample &s : samples) {
        for (int b = 100; b < 500; ++b)
            counts += s.prepared.counts[static_cast<size_t>(b)];
        live += s.prepared.liveTime;
    }
    return counts / live / (400.0 / 6.0);
}
} // namespace

class TestSyntheticMixer : public QObject {
    Q_OBJECT
private slots:
    void settingIsTheFoldersBelowTheIsotope();
    void liveTimeModeHoldsTheBackgroundOfItsLiveTime();
    void subtractModeRemovesTheSurplusBackground();
    void surplusModeDoublesTheBackgroundOfPairs();
    void optionRoundTripsAndOldModelsKeepTheSurplus();
};

void TestSyntheticMixer::settingIsTheFoldersBelowTheIsotope()
{
    PreparedItem it;
    it.isotopes = {QStringLiteral("Am241")};
    it.relativePath = QStringLiteral("srcs/Am241/5s/50cm/a.sps");
    QCOMPARE(SyntheticMixer::settingOf(it), QStringLiteral("5s/50cm"));
    it.relativePath = QStringLiteral("srcs/Am241/a.sps");
    QCOMPARE(SyntheticMixer::settingOf(it), QString());
    it.isotopes.clear();
    QCOMPARE(SyntheticMixer::settingOf(it), QString());
}

void TestSyntheticMixer::liveTimeModeHoldsTheBackgroundOfItsLiveTime()
{
    const PreparedSet set = world();
    const auto samples = SyntheticMixer(set).generate(fullStrengthPairs(MixtureBackground::LiveTime));
    QCOMPARE(samples.size(), size_t(200));
    for (const SyntheticSample &s : samples) {
        QCOMPARE(s.isotopes.size(), 2);
        // Two components of live time T each: the spectrum's live time is 2 T (T was drawn in 5..10 s).
        QVERIFY2(s.prepared.liveTime >= 10.0 - 1e-9 && s.prepared.liveTime <= 20.0 + 1e-9,
                 qPrintable(QString::number(s.prepared.liveTime)));
    }
    QVERIFY2(std::abs(backgroundRatio(samples) - 1.0) < 0.02, qPrintable(QString::number(backgroundRatio(samples))));
}

void TestSyntheticMixer::subtractModeRemovesTheSurplusBackground()
{
    const PreparedSet set = world();
    const auto samples = SyntheticMixer(set).generate(fullStrengthPairs(MixtureBackground::Subtract));
    for (const SyntheticSample &s : samples)
        QVERIFY(s.prepared.liveTime >= 5.0 - 1e-9 && s.prepared.liveTime <= 10.0 + 1e-9);
    QVERIFY2(std::abs(backgroundRatio(samples) - 1.0) < 0.03, qPrintable(QString::number(backgroundRatio(samples))));
}

void TestSyntheticMixer::surplusModeDoublesTheBackgroundOfPairs()
{
    const PreparedSet set = world();
    const auto samples = SyntheticMixer(set).generate(fullStrengthPairs(MixtureBackground::Surplus));
    QVERIFY2(std::abs(backgroundRatio(samples) - 2.0) < 0.04, qPrintable(QString::number(backgroundRatio(samples))));
}

void TestSyntheticMixer::optionRoundTripsAndOldModelsKeepTheSurplus()
{
    SyntheticOptions o;
    QCOMPARE(o.mixtureBackground, MixtureBackground::LiveTime);
    o.mixtureBackground = MixtureBackground::Subtract;
    QCOMPARE(SyntheticOptions::fromJson(o.toJson()).mixtureBackground, MixtureBackground::Subtract);
    QJsonObject old = o.toJson();
    old.remove(QStringLiteral("mixtureBackground"));
    QCOMPARE(SyntheticOptions::fromJson(old).mixtureBackground, MixtureBackground::Surplus);
    MixtureBackground parsed = MixtureBackground::Surplus;
    QVERIFY(SyntheticOptions::parseMixtureBackground(QStringLiteral("live-time"), &parsed));
    QCOMPARE(parsed, MixtureBackground::LiveTime);
    QVERIFY(!SyntheticOptions::parseMixtureBackground(QStringLiteral("double"), &parsed));
}

QTEST_GUILESS_MAIN(TestSyntheticMixer)
#include "tst_syntheticmixer.moc"
