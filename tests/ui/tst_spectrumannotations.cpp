// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// SpectrumAnnotations: legend and activity text, marker and region positions on both axes, background
// scaling, fitted-peak curves, info box, clear().

#include "peaks/NuclideLibrary.h"
#include "plot/SpectrumAnnotations.h"
#include "plot/SpectrumPlotter.h"

#include <QLocale>
#include <QTest>
#include <qcustomplot.h>

#include <cmath>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
Spectrum flatSpectrum(int channels, double slope, double liveTime, double level = 50.0)
{
    Spectrum s;
    s.counts.assign(static_cast<size_t>(channels), level);
    s.liveTime = liveTime;
    s.realTime = liveTime * 1.25;
    s.distanceCm = 15;
    s.startTime = QDateTime(QDate(2022, 6, 29), QTime(15, 25, 14));
    s.calibration = EnergyCalibration::linear(slope, 0.0);
    s.sourcePath = QStringLiteral("/data/flat.sps");
    return s;
}

template <typename T>
QList<T *> itemsOf(QCustomPlot &plot)
{
    QList<T *> out;
    for (int i = 0; i < plot.itemCount(); ++i)
        if (auto *item = qobject_cast<T *>(plot.item(i)))
            out << item;
    return out;
}

QStringList legendTexts(QCustomPlot &plot)
{
    QStringList out;
    for (int i = 0; i < plot.legend->itemCount(); ++i) {
        QCPAbstractLegendItem *item = plot.legend->item(i);
        if (auto *p = qobject_cast<QCPPlottableLegendItem *>(item))
            out << p->plottable()->name();
        else
            out << QStringLiteral("<swatch>");
    }
    return out;
}
} // namespace

class TestSpectrumAnnotations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void legendText();
    void activityUnits_data();
    void activityUnits();
    void probabilityText_data();
    void probabilityText();
    void isotopeNames_data();
    void isotopeNames();
    void markersAtLineEnergies_data();
    void markersAtLineEnergies();
    void isotopeRegionsAndLegend();
    void regionsFollowResolution();
    void backgroundScaledByLiveTime();
    void fittedPeakCurves();
    void infoBoxAndClear();

private:
    std::optional<NuclideLibrary> m_library;
};

void TestSpectrumAnnotations::initTestCase()
{
    QLocale::setDefault(QLocale::c());
    auto lib = NuclideLibrary::load(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/nuclides/nuclides.tsv"));
    QVERIFY2(lib.ok(), lib.ok() ? "" : qPrintable(lib.error().toString()));
    m_library = std::move(lib.value());
}

void TestSpectrumAnnotations::legendText()
{
    IsotopeFinding f;
    f.isotope = QStringLiteral("Cs137");
    f.probability = 0.97;
    f.activityBq = 104.2e3;
    f.activityUncBq = 8.1e3;
    QCOMPARE(SpectrumAnnotations::legendText(f), QStringLiteral("Caesium-137: 97 % ~104 ± 8 kBq"));
    f.activityBq.reset();
    f.activityUncBq.reset();
    QCOMPARE(SpectrumAnnotations::legendText(f), QStringLiteral("Caesium-137: 97 %"));
    f.mdaBq = 300;  // a detection limit is no activity: the legend stays without one
    QCOMPARE(SpectrumAnnotations::legendText(f), QStringLiteral("Caesium-137: 97 %"));
    f.isotope = QStringLiteral("Am241");
    f.probability = 0.42;
    f.activityBq = 2.5e6;
    QCOMPARE(SpectrumAnnotations::legendText(f), QStringLiteral("Americium-241: 42 % ~2.50 MBq"));
}

void TestSpectrumAnnotations::activityUnits_data()
{
    QTest::addColumn<double>("bq");
    QTest::addColumn<double>("unc");  // <= 0: none
    QTest::addColumn<QString>("text");
    QTest::newRow("kBq, one digit") << 104.2e3 << 8.1e3 << QStringLiteral("104 ± 8 kBq");
    QTest::newRow("MBq, leading 1 keeps two digits") << 1.2534e6 << 0.132e6 << QStringLiteral("1.25 ± 0.13 MBq");
    QTest::newRow("Bq with decimals") << 7.34 << 0.42 << QStringLiteral("7.3 ± 0.4 Bq");
    QTest::newRow("Bq rounded to tens") << 512.0 << 23.0 << QStringLiteral("510 ± 20 Bq");
    QTest::newRow("uncertainty chooses the unit") << 400.0 << 1200.0 << QStringLiteral("0.4 ± 1.2 kBq");
    QTest::newRow("GBq without uncertainty") << 2.5e9 << 0.0 << QStringLiteral("2.50 GBq");
    QTest::newRow("below 1 kBq stays in Bq") << 999.0 << 0.0 << QStringLiteral("999 Bq");
    QTest::newRow("1 kBq") << 1000.0 << 0.0 << QStringLiteral("1.00 kBq");
    QTest::newRow("negative net activity") << -3.0 << 5.0 << QStringLiteral("-3 ± 5 Bq");
}

void TestSpectrumAnnotations::activityUnits()
{
    QFETCH(double, bq);
    QFETCH(double, unc);
    QFETCH(QString, text);
    QCOMPARE(SpectrumAnnotations::formatActivity(bq, unc > 0 ? std::optional<double>(unc) : std::nullopt), text);
}

void TestSpectrumAnnotations::probabilityText_data()
{
    QTest::addColumn<double>("p");
    QTest::addColumn<QString>("text");
    QTest::newRow("97") << 0.97 << QStringLiteral("97 %");
    QTest::newRow("rounds") << 0.064 << QStringLiteral("6 %");
    QTest::newRow("tiny") << 0.001 << QStringLiteral("< 1 %");
    QTest::newRow("near certain") << 0.9996 << QStringLiteral("> 99 %");
}

void TestSpectrumAnnotations::probabilityText()
{
    QFETCH(double, p);
    QFETCH(QString, text);
    QCOMPARE(SpectrumAnnotations::formatProbability(p), text);
}

void TestSpectrumAnnotations::isotopeNames_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("name");
    QTest::newRow("Cs137") << QStringLiteral("Cs137") << QStringLiteral("Caesium-137");
    QTest::newRow("Am-241") << QStringLiteral("Am-241") << QStringLiteral("Americium-241");
    QTest::newRow("60Co") << QStringLiteral("60Co") << QStringLiteral("Cobalt-60");
    QTest::newRow("metastable") << QStringLiteral("Tc99m") << QStringLiteral("Technetium-99m");
    QTest::newRow("chain") << QStringLiteral("Th232") << QStringLiteral("Thorium-232");
    QTest::newRow("no nuclide") << QStringLiteral("background") << QStringLiteral("background");
}

void TestSpectrumAnnotations::isotopeNames()
{
    QFETCH(QString, label);
    QFETCH(QString, name);
    QCOMPARE(SpectrumAnnotations::isotopeName(label), name);
}

void TestSpectrumAnnotations::markersAtLineEnergies_data()
{
    QTest::addColumn<bool>("energyAxis");
    QTest::newRow("energy axis") << true;
    QTest::newRow("channel axis") << false;
}

void TestSpectrumAnnotations::markersAtLineEnergies()
{
    QFETCH(bool, energyAxis);
    QCustomPlot plot;
    SpectrumPlotter::setupPlot(&plot);
    const Spectrum s = flatSpectrum(1500, 2.0, 10.0);  // 0 - 3000 keV, 2 keV per channel
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{true, false, energyAxis});
    const SpectrumAnnotations::Frame frame{&s, summary.effective};
    const Nuclide *co60 = m_library->find(QStringLiteral("Co60"));
    const Nuclide *cs137 = m_library->find(QStringLiteral("Cs137"));
    QVERIFY(co60 && cs137);
    const int n = SpectrumAnnotations::addNuclideLines(&plot, frame, {cs137, co60});
    QVERIFY(n >= 3);
    QList<double> keys;
    QMap<double, double> heights;  // key -> top (axis rect ratio, smaller = taller)
    for (QCPItemLine *line : itemsOf<QCPItemLine>(plot)) {
        QCOMPARE(line->start->coords().x(), line->end->coords().x());
        keys << line->start->coords().x();
        heights[line->start->coords().x()] = line->end->coords().y();
    }
    const double scale = energyAxis ? 1.0 : 0.5;  // keV -> channel
    auto has = [&](double keV) {
        return std::any_of(keys.begin(), keys.end(), [&](double k) { return std::abs(k - keV * scale) < 1e-6; });
    };
    QVERIFY(has(661.657));
    QVERIFY(has(1173.228));
    QVERIFY(has(1332.492));
    // The 662 keV line (85 %) is drawn taller than Cs137's Ba X-rays (a few %) when those are listed.
    for (auto it = heights.begin(); it != heights.end(); ++it)
        if (it.key() < 40 * scale)
            QVERIFY(it.value() > heights.value(661.657 * scale, 0.0));
    // Labels name the nuclide and energy.
    bool labelled = false;
    for (QCPItemText *t : itemsOf<QCPItemText>(plot))
        labelled = labelled || t->text() == QStringLiteral("Cs-137 661.7");
    QVERIFY(labelled);
    for (QCPItemLine *line : itemsOf<QCPItemLine>(plot))
        QCOMPARE(line->layer()->name(), SpectrumAnnotations::markerLayer());
}

void TestSpectrumAnnotations::isotopeRegionsAndLegend()
{
    QCustomPlot plot;
    SpectrumPlotter::setupPlot(&plot);
    const Spectrum s = flatSpectrum(1500, 2.0, 10.0);
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{true, false, true});
    const SpectrumAnnotations::Frame frame{&s, summary.effective};
    IsotopeFinding cs{QStringLiteral("Cs137"), 0.97, true, 104e3, 8e3, std::nullopt};
    IsotopeFinding co{QStringLiteral("Co60"), 0.02, false, std::nullopt, std::nullopt, std::nullopt};  // below 5 %
    IsotopeFinding am{QStringLiteral("Am241"), 0.40, false, std::nullopt, std::nullopt, std::nullopt};
    QCOMPARE(SpectrumAnnotations::addIsotopes(&plot, frame, {am, co, cs}, *m_library), 2);
    const auto rects = itemsOf<QCPItemRect>(plot);
    bool csRegion = false, amRegion = false;
    for (QCPItemRect *r : rects) {
        QCOMPARE(r->layer()->name(), SpectrumAnnotations::shadingLayer());
        const double lo = r->topLeft->coords().x(), hi = r->bottomRight->coords().x();
        QVERIFY(!(lo < 1173.2 && hi > 1173.2));  // no Co60 region
        if (lo < 661.657 && hi > 661.657) {
            csRegion = true;
            QCOMPARE(lo, 661.657 - 20.0);  // fixed window without a resolution model
            QCOMPARE(hi, 661.657 + 20.0);
            QVERIFY(std::abs(r->brush().color().alphaF() - 0.97 * 0.5) < 0.01);
            QCOMPARE(r->brush().color().rgb(), SpectrumAnnotations::isotopeColor(2).rgb());
        }
        if (lo < 59.54 && hi > 59.54) {
            amRegion = true;
            QVERIFY(std::abs(r->brush().color().alphaF() - 0.40 * 0.5) < 0.01);
        }
    }
    QVERIFY(csRegion);
    QVERIFY(amRegion);
    const QStringList legend = legendTexts(plot);
    QCOMPARE(legend.size(), 3);  // the spectrum + two isotopes
    QCOMPARE(legend.count(QStringLiteral("<swatch>")), 2);
}

void TestSpectrumAnnotations::regionsFollowResolution()
{
    QCustomPlot plot;
    const Spectrum s = flatSpectrum(1500, 2.0, 10.0);
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, true, false});  // channels, rate
    const SpectrumAnnotations::Frame frame{&s, summary.effective};
    SpectrumAnnotations::IsotopeOptions options;
    options.resolution = ResolutionModel::fromFraction(0.07);
    IsotopeFinding cs{QStringLiteral("Cs137"), 0.8, true, std::nullopt, std::nullopt, std::nullopt};
    QCOMPARE(SpectrumAnnotations::addIsotopes(&plot, frame, {cs}, *m_library, options), 1);
    const double half = 1.5 * options.resolution.fwhmKeV(661.657);
    bool found = false;
    for (QCPItemRect *r : itemsOf<QCPItemRect>(plot)) {
        const double lo = r->topLeft->coords().x(), hi = r->bottomRight->coords().x();
        if (lo < 330.8 && hi > 330.8) {  // channel axis: keV / 2
            found = true;
            QVERIFY(std::abs(lo - (661.657 - half) / 2.0) < 1e-6);
            QVERIFY(std::abs(hi - (661.657 + half) / 2.0) < 1e-6);
        }
    }
    QVERIFY(found);
}

void TestSpectrumAnnotations::backgroundScaledByLiveTime()
{
    QCustomPlot plot;
    const Spectrum s = flatSpectrum(100, 3.0, 10.0);
    Spectrum bkg = flatSpectrum(100, 3.0, 100.0, 200.0);
    auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, false, true});
    QCPGraph *g = SpectrumAnnotations::addBackground(&plot, {&s, summary.effective}, bkg);
    QVERIFY(g);
    QCOMPARE(g->dataCount(), 101);
    QCOMPARE(g->data()->constBegin()->value, 20.0);  // 200 counts in 100 s -> 20 in 10 s
    QCOMPARE((g->data()->constBegin() + 1)->key, 3.0);
    QVERIFY(g->name().contains(QStringLiteral("Background")));

    summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, true, true});  // count rate
    g = SpectrumAnnotations::addBackground(&plot, {&s, summary.effective}, bkg);
    QVERIFY(g);
    QCOMPARE(g->data()->constBegin()->value, 2.0);

    bkg.liveTime = 0;  // nothing to scale by
    summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, false, true});
    QVERIFY(!SpectrumAnnotations::addBackground(&plot, {&s, summary.effective}, bkg));
}

void TestSpectrumAnnotations::fittedPeakCurves()
{
    QCustomPlot plot;
    const Spectrum s = flatSpectrum(400, 2.0, 10.0);
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{false, false, true});
    PeakAnalysis analysis;
    PeakRegion region;
    region.low = 300;
    region.high = 362;
    region.pivot = 331;
    region.continuum = {50.0, 0.0};
    FittedPeak peak;
    peak.centroid = 331.0;
    peak.fwhm = 10.0;
    peak.area = 5000.0;
    region.peaks.push_back(peak);
    analysis.regions.push_back(region);
    QCOMPARE(SpectrumAnnotations::addFittedPeaks(&plot, {&s, summary.effective}, analysis), 1);
    QCPCurve *model = nullptr;
    for (int i = 0; i < plot.plottableCount(); ++i)
        if (auto *c = qobject_cast<QCPCurve *>(plot.plottable(i)); c && c->pen().style() == Qt::SolidLine)
            model = c;
    QVERIFY(model);
    double maxValue = 0, keyAtMax = 0;
    for (auto it = model->data()->constBegin(); it != model->data()->constEnd(); ++it)
        if (it->value > maxValue) {
            maxValue = it->value;
            keyAtMax = it->key;
        }
    const double sigma = 10.0 / 2.354820045;
    QVERIFY(std::abs(maxValue - (50.0 + 5000.0 / (sigma * std::sqrt(2 * M_PI)))) < 1.0);
    QVERIFY(std::abs(keyAtMax - 662.0) < 0.5);  // channel 331 at 2 keV per channel
    QCOMPARE(plot.graphCount(), 1);  // curves stay out of fitValueAxis and the view's readout
}

void TestSpectrumAnnotations::infoBoxAndClear()
{
    QCustomPlot plot;
    SpectrumPlotter::setupPlot(&plot);
    const Spectrum s = flatSpectrum(1024, 3.0, 15.0);
    const auto summary = SpectrumPlotter::draw(&plot, {&s}, PlotOptions{});
    const SpectrumAnnotations::Frame frame{&s, summary.effective};
    QCPItemText *box = SpectrumAnnotations::addInfoBox(&plot, s);
    QVERIFY(box);
    const QString text = box->text();
    QVERIFY2(text.contains(QStringLiteral("Channels: 1024 (0.0 – 3072.0 keV)")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Live time: 15.000 s")));
    QVERIFY(text.contains(QStringLiteral("Real time: 18.750 s (dead time 20.0 %)")));
    QVERIFY(text.contains(QStringLiteral("Distance: 15 cm")));
    QVERIFY(text.contains(QStringLiteral("Calibration: E = 0 + 3 ch keV")));
    QVERIFY(text.contains(QStringLiteral("Start time: 2022-06-29 15:25:14")));
    // Placed below the legend once laid out.
    plot.resize(900, 500);
    plot.replot();
    QVERIFY(box->position->pixelPosition().y() > plot.legend->outerRect().bottom());

    IsotopeFinding cs{QStringLiteral("Cs137"), 0.9, true, std::nullopt, std::nullopt, std::nullopt};
    SpectrumAnnotations::addIsotopes(&plot, frame, {cs}, *m_library);
    SpectrumAnnotations::addNuclideLines(&plot, frame, {m_library->find(QStringLiteral("Co60"))});
    Spectrum bkg = flatSpectrum(1024, 3.0, 60.0);
    QVERIFY(SpectrumAnnotations::addBackground(&plot, frame, bkg));
    QVERIFY(plot.itemCount() > 3);
    QCOMPARE(plot.graphCount(), 2);
    SpectrumAnnotations::clear(&plot);
    QCOMPARE(plot.itemCount(), 0);
    QCOMPARE(plot.graphCount(), 1);
    QCOMPARE(plot.legend->itemCount(), 1);
    plot.replot();  // no dangling connection to the removed info box
}

QTEST_MAIN(TestSpectrumAnnotations)
#include "tst_spectrumannotations.moc"
