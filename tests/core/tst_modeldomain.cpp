// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ml/domain/ModelDomain.h"

#include <QTest>

using namespace photopeak;

namespace {
Spectrum xgdLike(double live, double cps, int channels = 4096, double slope = 1.31778, double offset = 0.13)
{
    Spectrum s;
    s.counts.assign(static_cast<size_t>(channels), 0.0);
    const double perChannel = cps * live / 1100.0;  // spread over the channels below 1500 keV
    for (int c = 0; c < 1100 && c < channels; ++c)
        s.counts[static_cast<size_t>(c)] = perChannel;
    s.liveTime = live;
    s.calibration = EnergyCalibration::linear(slope, offset);
    return s;
}
} // namespace

class TestModelDomain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void insideAndOutside();
    void jsonRoundTripAndUnknown();

private:
    ModelDomain m_domain;
    std::vector<Spectrum> m_training;
};

void TestModelDomain::initTestCase()
{
    for (double live : {5.0, 15.0, 60.0})
        for (double cps : {300.0, 900.0})
            m_training.push_back(xgdLike(live, cps));
    std::vector<const Spectrum *> raw;
    for (const Spectrum &s : m_training)
        raw.push_back(&s);
    m_domain = ModelDomain::learn(raw, {}, EnergyGrid::xgdDefault(), 1.0, 300.0);
    m_domain.setFwhm662KeV(14.0);
    QVERIFY(m_domain.isKnown());
    QVERIFY(m_domain.describe().contains(QStringLiteral("4096 channels")));
}

void TestModelDomain::insideAndOutside()
{
    QVERIFY(m_domain.check(xgdLike(10.0, 500.0)).inside);
    QVERIFY(m_domain.check(xgdLike(2.0, 350.0)).inside);  // synthetic live times reach 1 s

    const DomainCheck hpge = m_domain.check(xgdLike(600.0, 500.0, 8192, 0.3, 0.0));
    QVERIFY(!hpge.inside);
    QVERIFY2(hpge.reason().contains(QStringLiteral("8192 channels")), qPrintable(hpge.reason()));
    QVERIFY2(hpge.reason().contains(QStringLiteral("keV/channel")), qPrintable(hpge.reason()));

    const DomainCheck range = m_domain.check(xgdLike(10.0, 500.0, 4096, 0.3, 0.0));
    QVERIFY(!range.inside);
    QVERIFY2(range.reason().contains(QStringLiteral("does not cover")), qPrintable(range.reason()));

    const DomainCheck longOne = m_domain.check(xgdLike(5000.0, 500.0));
    QVERIFY(!longOne.inside);
    QVERIFY2(longOne.reason().contains(QStringLiteral("live time")), qPrintable(longOne.reason()));

    const DomainCheck hot = m_domain.check(xgdLike(10.0, 10000.0));
    QVERIFY(!hot.inside);
    QVERIFY2(hot.reason().contains(QStringLiteral("count rate")), qPrintable(hot.reason()));

    Spectrum noLive = xgdLike(10.0, 500.0);
    noLive.liveTime = 0.0;
    QVERIFY(!m_domain.check(noLive).inside);

    QVERIFY(m_domain.check(xgdLike(10.0, 500.0), 15.0).inside);
    const DomainCheck sharp = m_domain.check(xgdLike(10.0, 500.0), 1.5);  // HPGe-like resolution
    QVERIFY(!sharp.inside);
    QVERIFY2(sharp.reason().contains(QStringLiteral("resolution")), qPrintable(sharp.reason()));
}

void TestModelDomain::jsonRoundTripAndUnknown()
{
    const ModelDomain back = ModelDomain::fromJson(m_domain.toJson());
    QCOMPARE(back.toJson(), m_domain.toJson());
    QCOMPARE(back.check(xgdLike(600.0, 500.0, 8192, 0.3, 0.0)).reason(),
             m_domain.check(xgdLike(600.0, 500.0, 8192, 0.3, 0.0)).reason());
    // Models written before domains: nothing is refused.
    const ModelDomain unknown = ModelDomain::fromJson({});
    QVERIFY(!unknown.isKnown());
    QVERIFY(unknown.check(xgdLike(600.0, 500.0, 8192, 0.3, 0.0)).inside);
    QJsonObject damaged = m_domain.toJson();
    damaged.remove(QStringLiteral("liveTimeS"));
    QVERIFY(!ModelDomain::fromJson(damaged).isKnown());
}

QTEST_GUILESS_MAIN(TestModelDomain)
#include "tst_modeldomain.moc"
