// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Model views (ui/modelviews): loadings panels, latent scatter matrix, confusion matrix, misclassification
// statistics. Hand-made data for exact checks; the real GAMMA_FLOW reference model and test files for a
// rendered smoke test (PNG written to a temporary folder, or to $PHOTOPEAK_MODELVIEWS_PNG_DIR when set).

#include "TestData.h"

#include "metrics/BinaryMetrics.h"
#include "metrics/LabelSetMetrics.h"
#include "eval/LatentProtocol.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentModel.h"
#include "modelviews/ConfusionMatrixView.h"
#include "modelviews/LatentScatterMatrixView.h"
#include "modelviews/LoadingsView.h"
#include "modelviews/MisclassificationView.h"
#include "plot/SpectrumPlotter.h"
#include "spectrum/Rebinner.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QLocale>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
// Three components on a 3-keV grid of 100 bins: a peak each, shifted.
LatentModel handMadeModel(int minChannel)
{
    const int bins = 100;
    const QStringList components{QStringLiteral("Am241"), QStringLiteral("Cs137"), QStringLiteral("background")};
    std::vector<double> loadings(components.size() * bins, 0.0);
    for (int k = 0; k < components.size(); ++k)
        for (int c = 0; c < bins; ++c)
            loadings[k * bins + c] = 0.001 + std::exp(-0.5 * std::pow((c - 20.0 - 30.0 * k) / 3.0, 2));
    auto model = LatentModel::fromLoadings(components, EnergyGrid::uniform(0.0, 300.0, 3.0), minChannel, loadings);
    if (!model)
        qFatal("fromLoadings failed: %s", qPrintable(model.error().message));
    return std::move(model).value();
}

// Test points and training points in 3 components; the test point at index 4 is an error.
std::vector<LatentScatterPoint> handMadePoints()
{
    std::vector<LatentScatterPoint> p;
    auto add = [&](std::vector<double> s, const char *truth, const char *predicted, bool test, int entry) {
        p.push_back({std::move(s), QString::fromLatin1(truth), QString::fromLatin1(predicted), test, entry});
    };
    add({10, 0, 1}, "Am241", "Am241", false, 100);
    add({0, 12, 1}, "Cs137", "Cs137", false, 101);
    add({0, 0, 9}, "background", "background", false, 102);
    add({8, 1, 2}, "Am241+background", "Am241+background", true, 200);
    add({2, 3, 5}, "Cs137+background", "Am241+background", true, 201);
    add({1, 9, 3}, "Cs137+background", "Cs137+background", true, 202);
    return p;
}

int dataPoints(const QCustomPlot *plot, const QCPAxisRect *rect, bool largeScatter)
{
    int n = 0;
    for (int i = 0; i < plot->graphCount(); ++i) {
        const QCPGraph *g = plot->graph(i);
        if (g->keyAxis()->axisRect() != rect || g->lineStyle() != QCPGraph::lsNone)
            continue;
        const bool large = g->scatterStyle().size() >= 8 && g->scatterStyle().size() < 12;
        if (large == largeScatter)
            n += g->dataCount();
    }
    return n;
}

// Share of pixels that are not (near) white: an empty or blank view has almost none.
double inkShare(const QImage &image)
{
    const QImage img = image.convertToFormat(QImage::Format_RGB32);
    qint64 ink = 0;
    for (int y = 0; y < img.height(); ++y) {
        const QRgb *line = reinterpret_cast<const QRgb *>(img.constScanLine(y));
        for (int x = 0; x < img.width(); ++x)
            ink += (qRed(line[x]) < 235 || qGreen(line[x]) < 235 || qBlue(line[x]) < 235) ? 1 : 0;
    }
    return double(ink) / (double(img.width()) * img.height());
}

void sendMouse(QWidget *w, QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), w->mapToGlobal(QPointF(pos)), Qt::LeftButton, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}
} // namespace

class TestModelViews : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void loadingsPanelsAndGreyedChannels();
    void loadingsFromReferenceCsv();
    void scatterPanelsErrorsOnlyAndClick();
    void scatterPanelCountGrows_data();
    void scatterPanelCountGrows();
    void confusionByLabelSet();
    void confusionBinaryAndPerIsotope();
    void misclassificationThresholdText();
    void misclassificationDragMovesThreshold();
    void renderRealData();
};

void TestModelViews::initTestCase()
{
    // Percent texts are compared literally.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestModelViews::loadingsPanelsAndGreyedChannels()
{
    const LatentModel model = handMadeModel(7);
    LoadingsView view;
    view.resize(1000, 700);
    view.setModel(model);
    QCOMPARE(view.panelCount(), 3);
    QCOMPARE(view.components(), model.components());

    // Energy axis: the shade ends at the low edge of channel 7 = 21 keV; the coloured line starts there.
    QVERIFY(view.energyAxis());
    QCOMPARE(view.greyedRange().upper, 21.0);
    QCOMPARE(view.greyedRange().lower, 0.0);
    view.setEnergyAxis(false);
    QCOMPARE(view.greyedRange().upper, 7.0);

    for (int p = 0; p < view.panelCount(); ++p) {
        QCPAxisRect *rect = view.panel(p);
        QCOMPARE(rect->axis(QCPAxis::atBottom)->range().upper, 100.0);
        // Exactly one shaded rectangle, ending at channel 7, and a grey line over channels 0..7 only.
        int shades = 0;
        for (int i = 0; i < view.plot()->itemCount(); ++i)
            if (auto *r = qobject_cast<QCPItemRect *>(view.plot()->item(i)); r && r->clipAxisRect() == rect) {
                ++shades;
                QCOMPARE(r->bottomRight->coords().x(), 7.0);
            }
        QCOMPARE(shades, 1);
        QList<QCPGraph *> graphs = rect->graphs();
        QCOMPARE(graphs.size(), 2);
        const QCPGraph *grey = graphs[0];
        const QCPGraph *coloured = graphs[1];
        QCOMPARE(grey->data()->constBegin()->key, 0.0);
        QCOMPARE((grey->data()->constEnd() - 1)->key, 7.0);
        QCOMPARE(coloured->data()->constBegin()->key, 7.0);
        QCOMPARE((coloured->data()->constEnd() - 1)->key, 100.0);
        QCOMPARE(coloured->pen().color(), SpectrumPlotter::colorFor(p));
        QCOMPARE(coloured->lineStyle(), QCPGraph::lsStepLeft);
        // Only the bottom panel labels the shared x axis.
        QCOMPARE(rect->axis(QCPAxis::atBottom)->tickLabels(), p == view.panelCount() - 1);
    }

    // Zooming one panel moves all of them.
    view.panel(0)->axis(QCPAxis::atBottom)->setRange(10, 50);
    QCOMPARE(view.panel(2)->axis(QCPAxis::atBottom)->range(), QCPRange(10, 50));

    // Min channel 0: nothing greyed.
    view.setModel(handMadeModel(0));
    QCOMPARE(view.greyedRange().size(), 0.0);
    QCOMPARE(view.panel(0)->graphs().size(), 1);
    view.clear();
    QCOMPARE(view.panelCount(), 0);
}

void TestModelViews::loadingsFromReferenceCsv()
{
    PHOTOPEAK_REQUIRE_DATA(csv, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    auto model = LatentModel::fromReferenceCsv(csv, 7);
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().message));
    LoadingsView view;
    view.setModel(*model);
    QCOMPARE(view.panelCount(), 5);
    QCOMPARE(view.components().last(), QStringLiteral("background"));
    // GAMMA_FLOW grid E = -12 + 8.15 i + 0.0012 i^2: channel 7 starts at 45.1088 keV.
    QCOMPARE(view.greyedRange().upper, model->grid().lowEdge(7));
    QVERIFY(std::abs(view.greyedRange().upper - 45.1088) < 1e-9);
}

void TestModelViews::scatterPanelsErrorsOnlyAndClick()
{
    const QStringList components{QStringLiteral("Am241"), QStringLiteral("Cs137"), QStringLiteral("background")};
    LatentScatterMatrixView view;
    view.resize(1000, 700);
    view.setData(components, handMadePoints());
    QCOMPARE(view.scatterPanelCount(), 3);
    QVERIFY(view.scatterPanel(1, 0));
    QVERIFY(view.scatterPanel(2, 1));
    QVERIFY(!view.scatterPanel(0, 1));  // upper triangle stays empty
    QVERIFY(!view.scatterPanel(1, 1));  // diagonal is a histogram, not a scatter panel
    QCOMPARE(view.visiblePointCount(), 6);
    QCPAxisRect *panel = view.scatterPanel(2, 0);
    QCOMPARE(dataPoints(view.plot(), panel, false), 3);  // training
    QCOMPARE(dataPoints(view.plot(), panel, true), 3);   // test

    // Training points are coloured by their true label: Am241 takes component 0's colour.
    bool found = false;
    for (QCPGraph *g : panel->graphs())
        if (g->name() == QLatin1String("Am241") && g->dataCount() == 1 && g->scatterStyle().size() < 8) {
            QCOMPARE(g->scatterStyle().pen().color().rgb(), SpectrumPlotter::colorFor(0).rgb());  // a disc: pen fills
            found = true;
        }
    QVERIFY(found);

    // Errors only: the two correct test points go, training points and the wrong test point stay.
    view.findChild<QCheckBox *>()->setChecked(true);
    QVERIFY(view.errorsOnly());
    QCOMPARE(view.visiblePointCount(), 4);
    QVERIFY(!view.isPointVisible(3));
    QVERIFY(view.isPointVisible(4));
    QCOMPARE(dataPoints(view.plot(), panel, true), 1);
    QCOMPARE(dataPoints(view.plot(), panel, false), 3);
    view.setErrorsOnly(false);
    QCOMPARE(dataPoints(view.plot(), panel, true), 3);

    // A click on a test point's pixel emits its entry index and marks it; a click on empty space does not.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    QSignalSpy activated(&view, &LatentScatterMatrixView::pointActivated);
    const QPoint pixel = view.pixelOf(4, 2, 1);  // Cs137 (x) against background (y)
    QVERIFY(panel->rect().isValid());
    QVERIFY(view.scatterPanel(2, 1)->rect().contains(pixel));
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, pixel);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toInt(), 201);
    QCOMPARE(view.markedPoint(), 4);
    QVERIFY(view.readoutText().contains(QStringLiteral("201")));
    QVERIFY(view.readoutText().contains(QStringLiteral("Cs137+background")));

    // A training point elsewhere.
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, view.pixelOf(0, 1, 0));
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).toInt(), 100);

    const QRect r = view.scatterPanel(1, 0)->rect();
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, QPoint(r.right() - 3, r.top() + 3));
    QCOMPARE(activated.count(), 2);
    QCOMPARE(view.markedPoint(), -1);
}

void TestModelViews::scatterPanelCountGrows_data()
{
    QTest::addColumn<int>("components");
    QTest::newRow("2") << 2;
    QTest::newRow("4") << 4;
    QTest::newRow("6") << 6;
}

void TestModelViews::scatterPanelCountGrows()
{
    QFETCH(int, components);
    QStringList names;
    for (int c = 0; c < components; ++c)
        names << QStringLiteral("c%1").arg(c);
    std::vector<LatentScatterPoint> points;
    for (int i = 0; i < 50; ++i) {
        std::vector<double> s(components);
        for (int c = 0; c < components; ++c)
            s[c] = (i * (c + 3)) % 17;
        points.push_back({s, names[i % components], names[i % components], i % 5 == 0, i});
    }
    LatentScatterMatrixView view;
    view.setData(names, points);
    QCOMPARE(view.scatterPanelCount(), components * (components - 1) / 2);
}

void TestModelViews::confusionByLabelSet()
{
    QMap<QString, QMap<QString, int>> confusion;
    confusion[QStringLiteral("Am241")][QStringLiteral("Am241")] = 5;
    confusion[QStringLiteral("Am241")][QStringLiteral("(none)")] = 1;
    confusion[QStringLiteral("Am241+Cs137")][QStringLiteral("Am241")] = 2;
    confusion[QStringLiteral("Am241+Cs137")][QStringLiteral("Am241+Cs137+Eu152")] = 1;
    confusion[QStringLiteral("Am241+Cs137")][QStringLiteral("Co60")] = 1;
    confusion[QStringLiteral("(none)")][QStringLiteral("(none)")] = 3;

    ConfusionMatrixView view;
    view.resize(1000, 700);
    view.setLabelSetConfusion(confusion);
    view.setMode(ConfusionMatrixView::Mode::LabelSet);
    QCOMPARE(view.rowLabels(), (QStringList{QStringLiteral("(none)"), QStringLiteral("Am241"), QStringLiteral("Am241+Cs137")}));
    // Columns: the rows in the same order, then keys that were only predicted.
    QCOMPARE(view.columnLabels(), (QStringList{QStringLiteral("(none)"), QStringLiteral("Am241"), QStringLiteral("Am241+Cs137"),
                                               QStringLiteral("Co60"), QStringLiteral("Am241+Cs137+Eu152")}));
    QCOMPARE(view.cells().size(), 15);

    const auto check = [&](int row, int column, int count, double share, SetRelation relation) {
        const ConfusionMatrixView::Cell *c = view.cell(row, column);
        QVERIFY(c);
        QCOMPARE(c->count, count);
        QCOMPARE(c->rowShare, share);
        QCOMPARE(c->relation, relation);
        QCOMPARE(view.frameColor(row, column), count > 0 ? ConfusionMatrixView::relationColor(relation) : QColor());
    };
    check(0, 0, 3, 1.0, SetRelation::Perfect);
    check(1, 1, 5, 5.0 / 6.0, SetRelation::Perfect);
    check(1, 0, 1, 1.0 / 6.0, SetRelation::Incomplete);
    check(2, 1, 2, 0.5, SetRelation::Incomplete);
    check(2, 4, 1, 0.25, SetRelation::OverComplete);
    check(2, 3, 1, 0.25, SetRelation::Wrong);
    check(2, 2, 0, 0.0, SetRelation::Perfect);  // empty: no frame
    check(0, 1, 0, 0.0, SetRelation::OverComplete);

    // The four frame colours are the documented ones and distinct.
    QCOMPARE(ConfusionMatrixView::relationColor(SetRelation::Perfect).green() > 120, true);
    QSet<QRgb> colours;
    for (SetRelation r : {SetRelation::Perfect, SetRelation::Incomplete, SetRelation::OverComplete, SetRelation::Wrong})
        colours.insert(ConfusionMatrixView::relationColor(r).rgb());
    QCOMPARE(colours.size(), 4);
    QVERIFY(view.titleText().contains(QStringLiteral("13 spectra")));  // 3 + 5 perfect of 13
    QVERIFY(view.titleText().contains(QStringLiteral("61.5 %")));

    // Clicking a cell names its truth and prediction.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    QSignalSpy activated(&view, &ConfusionMatrixView::cellActivated);
    const QPoint centre(qRound(view.plot()->xAxis->coordToPixel(4)), qRound(view.plot()->yAxis->coordToPixel(2)));
    QCOMPARE(view.cellAt(centre), QPoint(4, 2));
    QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, centre);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).toString(), QStringLiteral("Am241+Cs137"));
    QCOMPARE(activated.at(0).at(1).toString(), QStringLiteral("Am241+Cs137+Eu152"));
}

void TestModelViews::confusionBinaryAndPerIsotope()
{
    BinaryMetrics b;
    for (int i = 0; i < 3; ++i)
        b.add(true, true);
    b.add(true, false);
    for (int i = 0; i < 2; ++i)
        b.add(false, true);
    for (int i = 0; i < 4; ++i)
        b.add(false, false);
    ConfusionMatrixView view;
    QVERIFY(!view.hasData(ConfusionMatrixView::Mode::Binary));
    view.setBinary(b);
    view.setMode(ConfusionMatrixView::Mode::Binary);
    QCOMPARE(view.rowLabels(), (QStringList{QStringLiteral("Source"), QStringLiteral("Background")}));
    QCOMPARE(view.cell(0, 0)->count, 3);
    QCOMPARE(view.cell(0, 1)->count, 1);  // missed source
    QCOMPARE(view.cell(1, 0)->count, 2);  // false alarm
    QCOMPARE(view.cell(1, 1)->count, 4);
    QCOMPARE(view.cell(0, 1)->rowShare, 0.25);
    QCOMPARE(view.frameColor(0, 0), ConfusionMatrixView::relationColor(SetRelation::Perfect));
    QCOMPARE(view.frameColor(0, 1), ConfusionMatrixView::relationColor(SetRelation::Incomplete));
    QCOMPARE(view.frameColor(1, 0), ConfusionMatrixView::relationColor(SetRelation::OverComplete));
    QCOMPARE(view.frameColor(1, 1), ConfusionMatrixView::relationColor(SetRelation::Perfect));
    QVERIFY(view.titleText().contains(QStringLiteral("75.0 %")));  // detection rate 3/4
    QVERIFY(view.titleText().contains(QStringLiteral("33.3 %")));  // false alarms 2/6

    LabelSetMetrics metrics({QStringLiteral("Am241"), QStringLiteral("Cs137")});
    const QSet<QString> am{QStringLiteral("Am241")}, cs{QStringLiteral("Cs137")}, both{QStringLiteral("Am241"), QStringLiteral("Cs137")};
    metrics.add(am, am);
    metrics.add(am, both);
    metrics.add(cs, am);
    metrics.add(both, cs);
    view.setLabelSetMetrics(metrics);
    view.setMode(ConfusionMatrixView::Mode::PerIsotope);
    view.setIsotope(QStringLiteral("Cs137"));
    QCOMPARE(view.isotope(), QStringLiteral("Cs137"));
    // Cs137: TP = 1 (both -> cs), FN = 1 (cs -> am), FP = 1 (am -> both), TN = 1 (am -> am).
    QCOMPARE(view.rowLabels().first(), QStringLiteral("Cs137"));
    QCOMPARE(view.cell(0, 0)->count, 1);
    QCOMPARE(view.cell(0, 1)->count, 1);
    QCOMPARE(view.cell(1, 0)->count, 1);
    QCOMPARE(view.cell(1, 1)->count, 1);
    view.setIsotope(QStringLiteral("Am241"));
    // Am241: TP = 2 (am -> am, am -> both), FN = 1 (both -> cs), FP = 1 (cs -> am), TN = 0.
    QCOMPARE(view.cell(0, 0)->count, 2);
    QCOMPARE(view.cell(0, 1)->count, 1);
    QCOMPARE(view.cell(1, 0)->count, 1);
    QCOMPARE(view.cell(1, 1)->count, 0);
    QVERIFY(!view.frameColor(1, 1).isValid());
    view.setMode(ConfusionMatrixView::Mode::LabelSet);
    QCOMPARE(view.rowLabels().size(), 3);
}

void TestModelViews::misclassificationThresholdText()
{
    MisclassificationView view;
    view.resize(1000, 700);
    QSignalSpy changed(&view, &MisclassificationView::thresholdChanged);
    view.setSamples({{0.9, true}, {0.8, true}, {0.3, false}, {0.2, true}}, QStringLiteral("Highest share"));
    // Starts with every spectrum kept.
    QCOMPARE(view.threshold(), 0.2);
    QCOMPARE(view.thresholdText(), QStringLiteral("100 % of spectra classified with accuracy 75 %"));
    view.setThreshold(0.5);
    QCOMPARE(view.thresholdText(), QStringLiteral("50 % of spectra classified with accuracy 100 %"));
    QCOMPARE(*view.keptShare().value(), 0.5);
    QVERIFY(changed.count() >= 2);
    QCOMPARE(changed.last().at(0).toDouble(), 0.5);
    view.setThreshold(0.25);
    QCOMPARE(view.thresholdText(), QStringLiteral("75 % of spectra classified with accuracy 66.7 %"));
    view.setThreshold(0.3);  // value >= threshold is kept
    QCOMPARE(view.thresholdText(), QStringLiteral("75 % of spectra classified with accuracy 66.7 %"));
    view.setThreshold(0.95);
    QCOMPARE(view.thresholdText(), QStringLiteral("0 % of spectra classified"));
    QVERIFY(!view.keptAccuracy().value());

    // The lower panel's curves at threshold 0.5: kept 50 %, accuracy 100 %.
    QCPGraph *kept = nullptr, *accuracy = nullptr;
    for (int i = 0; i < view.plot()->graphCount(); ++i) {
        QCPGraph *g = view.plot()->graph(i);
        if (g->name().startsWith(QLatin1String("spectra kept")))
            kept = g;
        if (g->name().startsWith(QLatin1String("accuracy")))
            accuracy = g;
    }
    QVERIFY(kept && accuracy);
    auto valueAtKey = [](QCPGraph *g, double key) {
        for (auto it = g->data()->constBegin(); it != g->data()->constEnd(); ++it)
            if (it->key == key)
                return it->value;
        return -1.0;
    };
    // Step functions holding on (previous value, value]: 0.8 covers (0.3, 0.8].
    QCOMPARE(valueAtKey(kept, 0.8), 50.0);
    QCOMPARE(valueAtKey(accuracy, 0.8), 100.0);
    QCOMPARE(valueAtKey(kept, 0.3), 75.0);
    QVERIFY(std::abs(valueAtKey(accuracy, 0.3) - 200.0 / 3.0) < 1e-9);
}

void TestModelViews::misclassificationDragMovesThreshold()
{
    MisclassificationView view;
    view.resize(1000, 700);
    std::vector<MisclassificationSample> samples;
    for (int i = 0; i < 100; ++i)
        samples.push_back({i / 100.0, i >= 30 || i % 3 == 0});
    view.setSamples(samples);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.plot()->replot();
    QSignalSpy changed(&view, &MisclassificationView::thresholdChanged);

    QCustomPlot *plot = view.plot();
    const int from = view.thresholdPixel();
    QVERIFY(from > 0);
    const QCPAxis *x = nullptr;
    for (QCPAxisRect *r : plot->axisRects())
        if (r->axis(QCPAxis::atBottom)->tickLabels())
            x = r->axis(QCPAxis::atBottom);
    QVERIFY(x);
    const int y = x->axisRect()->center().y();
    const int to = qRound(x->coordToPixel(0.5));
    sendMouse(plot, QEvent::MouseButtonPress, QPoint(from, y), Qt::LeftButton);
    sendMouse(plot, QEvent::MouseMove, QPoint((from + to) / 2, y), Qt::LeftButton);
    sendMouse(plot, QEvent::MouseMove, QPoint(to, y), Qt::LeftButton);
    sendMouse(plot, QEvent::MouseButtonRelease, QPoint(to, y), Qt::NoButton);
    QVERIFY(changed.count() >= 2);
    QVERIFY2(std::abs(view.threshold() - 0.5) < 0.01, qPrintable(QString::number(view.threshold())));
    QVERIFY(std::abs(view.thresholdPixel() - to) <= 1);
    QCOMPARE(view.thresholdText(), QStringLiteral("50 % of spectra classified with accuracy 100 %"));
    // After the release, moving does not drag.
    sendMouse(plot, QEvent::MouseMove, QPoint(from, y), Qt::NoButton);
    QVERIFY(std::abs(view.threshold() - 0.5) < 0.01);
}

void TestModelViews::renderRealData()
{
    PHOTOPEAK_REQUIRE_DATA(csv, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    PHOTOPEAK_REQUIRE_DATA(dataDir, QStringLiteral("gamma_flow"));
    auto model = LatentModel::fromReferenceCsv(csv, 7);
    QVERIFY(model.ok());
    const LatentProtocol protocol = LatentProtocol::gammaFlowDefault(dataDir);
    auto training = protocol.trainingSpectra();
    QVERIFY2(training.ok(), qPrintable(training.ok() ? QString() : training.error().message));
    auto tests = protocol.testSet(model->grid());
    QVERIFY2(tests.ok(), qPrintable(tests.ok() ? QString() : tests.error().message));

    LatentAnalyser analyser(*model);
    Rebinner rebinner(model->grid());
    std::vector<LatentScatterPoint> points, sharePoints;
    int entry = 0;
    for (const Spectrum &s : *training) {
        const LatentResult r = analyser.analyse(rebinner.rebin(s));
        sharePoints.push_back({r.shares, s.labelKey(), r.predictedKey(), false, entry});
        points.push_back({r.scores, s.labelKey(), r.predictedKey(), false, entry++});
    }
    LabelSetMetrics metrics(model->components());
    MisclassificationQuantity share{QStringLiteral("Highest share"), {}, false};
    MisclassificationQuantity variance{QStringLiteral("Explained variance"), {}, false};
    MisclassificationQuantity counts{QStringLiteral("Total counts"), {}, true};
    std::vector<bool> correct;
    for (const auto *set : {&tests->single, &tests->multi}) {
        for (const LatentSample &t : *set) {
            const LatentResult r = analyser.analyse(t.counts);
            const QSet<QString> truth(t.truth.begin(), t.truth.end());
            const QSet<QString> predicted(r.predicted.begin(), r.predicted.end());
            metrics.add(truth, predicted);
            sharePoints.push_back({r.shares, labelSetKey(truth), r.predictedKey(), true, entry});
            points.push_back({r.scores, labelSetKey(truth), r.predictedKey(), true, entry++});
            correct.push_back(truth == predicted);
            share.values.push_back(*std::max_element(r.shares.begin(), r.shares.end()));
            variance.values.push_back(r.explainedVariance);
            counts.values.push_back(std::accumulate(t.counts.begin(), t.counts.end(), 0.0));
        }
    }
    QVERIFY(points.size() > 100);

    QTemporaryDir tmp;
    const QByteArray keep = qgetenv("PHOTOPEAK_MODELVIEWS_PNG_DIR");
    const QString outDir = keep.isEmpty() ? tmp.path() : QString::fromLocal8Bit(keep);
    QDir().mkpath(outDir);
    auto render = [&](QWidget *w, const QString &name) {
        w->resize(1000, 700);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        const QImage image = w->grab().toImage();
        QVERIFY(image.save(QDir(outDir).filePath(name)));
        const double ink = inkShare(image);
        QVERIFY2(ink > 0.03, qPrintable(QStringLiteral("%1 looks blank: %2 % ink").arg(name).arg(100 * ink)));
        w->hide();
    };

    LoadingsView loadings;
    loadings.setModel(*model);
    QCOMPARE(loadings.panelCount(), 5);
    render(&loadings, QStringLiteral("loadings.png"));
    loadings.setEnergyAxis(false);
    loadings.setLogScale(true);
    render(&loadings, QStringLiteral("loadings-channels-log.png"));

    LatentScatterMatrixView scatter;
    scatter.resize(1000, 700);
    QElapsedTimer timer;
    timer.start();
    scatter.setData(model->components(), points);
    qInfo("scatter matrix of %d points: %lld ms", int(points.size()), timer.elapsed());
    QCOMPARE(scatter.scatterPanelCount(), 10);
    render(&scatter, QStringLiteral("scatter.png"));
    scatter.setErrorsOnly(true);
    QVERIFY(scatter.visiblePointCount() < int(points.size()));
    render(&scatter, QStringLiteral("scatter-errors.png"));
    scatter.setErrorsOnly(false);
    scatter.setData(model->components(), sharePoints, QStringLiteral("Share"));
    render(&scatter, QStringLiteral("scatter-shares.png"));

    ConfusionMatrixView confusion;
    confusion.setLabelSetMetrics(metrics);
    confusion.setMode(ConfusionMatrixView::Mode::LabelSet);
    QVERIFY(confusion.rowLabels().size() >= 5);
    render(&confusion, QStringLiteral("confusion-labelsets.png"));
    confusion.setMode(ConfusionMatrixView::Mode::PerIsotope);
    confusion.setIsotope(QStringLiteral("Cs137"));
    render(&confusion, QStringLiteral("confusion-cs137.png"));
    BinaryMetrics binary;
    for (size_t i = 0; i < points.size(); ++i)
        if (points[i].test)
            binary.add(points[i].trueKey != QLatin1String("background"),
                       points[i].predictedKey != QLatin1String("background") && points[i].predictedKey != QLatin1String("(none)"));
    confusion.setBinary(binary);
    confusion.setMode(ConfusionMatrixView::Mode::Binary);
    render(&confusion, QStringLiteral("confusion-binary.png"));

    MisclassificationView misclassification;
    misclassification.setQuantities({share, variance, counts}, correct);
    misclassification.setThreshold(0.6);
    render(&misclassification, QStringLiteral("misclassification-share.png"));
    misclassification.setCurrentQuantity(2);
    render(&misclassification, QStringLiteral("misclassification-counts.png"));
    qInfo("PNGs in %s", qPrintable(outDir));
}

QTEST_MAIN(TestModelViews)
#include "tst_modelviews.moc"
