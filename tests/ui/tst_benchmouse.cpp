// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The spectroscopist's bench with the mouse (QTest events on the real window): a double-click fits a peak
// that appears in the peak table and the automatic list is the CLI `peaks` fit; Shift+drag removes peaks;
// an Alt+drag ROI's net counts equal a hand computation; a shifted and a channel-only spectrum are
// calibrated by assigning two peaks through the plot's context menu (661.7 keV within 0.5 keV); every step
// undoes with Ctrl+Z and redoes with Ctrl+Shift+Z. With PHOTOPEAK_BENCH_SCREENSHOTS=<folder> each step
// saves a PNG of the window there.

#include "TestData.h"

#include "bench/BenchController.h"
#include "bench/NuclidePicker.h"
#include "bench/PeakTableModel.h"
#include "bench/RoiTableModel.h"
#include "data/DataBrowserDock.h"
#include "data/DatasetModel.h"
#include "io/ReaderRegistry.h"
#include "io/csv/CsvWriter.h"
#include "main/MainWindow.h"
#include "peaks/PeakAnalyzer.h"
#include "plot/SpectrumView.h"

#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QUndoStack>
#include <qcustomplot.h>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
const QString kMixture = QStringLiteral("xgd/misc/Co60_Cs137/60s/15cm/202275_173825_Cs-137_Co-60_60s_15cm.sps");

void screenshot(QWidget *w, const QString &name)
{
    const QString folder = qEnvironmentVariable("PHOTOPEAK_BENCH_SCREENSHOTS");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QVERIFY(w->grab().save(QDir(folder).filePath(name + QStringLiteral(".png"))));
}

// Opens like the menus do; waits until the spectrum is current and its automatic peak list is there.
bool openAndWait(MainWindow &window, const QString &path)
{
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    window.openPaths({path});
    if (!settled.wait(30000) && settled.count() == 0)
        return false;
    BenchController *bench = window.bench();
    return QTest::qWaitFor([bench] { return bench->currentEntry() >= 0 && bench->edits()->peaks(bench->currentEntry()); }, 20000);
}

// Ctrl+Z / Ctrl+Shift+Z as the user types them (the window active first, as after closing a dialog).
void undoKey(MainWindow &window, bool redo = false)
{
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_Z, redo ? Qt::ControlModifier | Qt::ShiftModifier : Qt::ControlModifier);
}

QWidget *plotWidget(MainWindow &w) { return w.spectrumView()->plot(); }

QPoint pixelAtKey(MainWindow &w, double key, double yFraction = 0.5)
{
    QCustomPlot *plot = w.spectrumView()->plot();
    const QRect r = plot->axisRect()->rect();
    return QPoint(qRound(plot->xAxis->coordToPixel(key)), r.top() + qRound(yFraction * r.height()));
}

QPoint pixelAtChannel(MainWindow &w, double channel) { return pixelAtKey(w, w.spectrumView()->keyForChannel(channel)); }

void mouse(QWidget *widget, QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons,
           Qt::KeyboardModifiers modifiers)
{
    QMouseEvent e(type, pos, widget->mapToGlobal(pos), button, buttons, modifiers);
    QApplication::sendEvent(widget, &e);
}

void drag(QWidget *widget, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers)
{
    mouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, modifiers);
    for (int i = 1; i <= 4; ++i)
        mouse(widget, QEvent::MouseMove, from + (to - from) * i / 4, Qt::NoButton, Qt::LeftButton, modifiers);
    mouse(widget, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, modifiers);
}

// Right-clicks at `pos` and triggers the context-menu action whose text contains every part of `path`
// (one part per menu level).
bool chooseFromContextMenu(QWidget *widget, QPoint pos, const QStringList &path)
{
    bool done = false;
    QTimer timer;
    timer.setInterval(20);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        timer.stop();
        QMenu *level = menu;
        QAction *found = nullptr;
        for (const QString &part : path) {
            found = nullptr;
            for (QAction *a : level->actions())
                if (a->text().contains(part) && a->isEnabled()) {
                    found = a;
                    break;
                }
            if (!found)
                break;
            if (found->menu())
                level = found->menu();
        }
        if (found && !found->menu()) {
            found->trigger();
            done = true;
        }
        menu->close();
    });
    timer.start();
    mouse(widget, QEvent::MouseButtonPress, pos, Qt::RightButton, Qt::RightButton, {});
    mouse(widget, QEvent::MouseButtonRelease, pos, Qt::RightButton, Qt::NoButton, {});
    return done;
}

int rowNearEnergy(const PeakTableModel *model, double keV, double tolerance)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (std::abs(model->peakAt(r).energyKeV - keV) <= tolerance)
            return r;
    return -1;
}

// Checks a nuclide in the picker: type its name, click its row, press Space.
void pickNuclide(BenchController *bench, const QString &name)
{
    bench->nuclideDock()->show();
    NuclidePicker *picker = bench->picker();
    picker->searchField()->clear();
    QTest::keyClicks(picker->searchField(), name);
    QTreeWidget *list = picker->list();
    QTreeWidgetItem *item = nullptr;
    for (int i = 0; i < list->topLevelItemCount() && !item; ++i)
        if (!list->topLevelItem(i)->isHidden() && list->topLevelItem(i)->text(0) == name)
            item = list->topLevelItem(i);
    QVERIFY2(item, qPrintable(name));
    list->scrollToItem(item);
    const QModelIndex nameCell = list->model()->index(list->indexOfTopLevelItem(item), 0);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(nameCell).center());
    QTest::keyClick(list, Qt::Key_Space);
    QVERIFY(picker->checkedNuclides().contains(name));
}
} // namespace

class TestBenchMouse : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void doubleClickFitsPeakIntoTable();
    void roiNetCountsMatchHandComputation();
    void calibrateByAssigningTwoPeaks_data();
    void calibrateByAssigningTwoPeaks();
};

void TestBenchMouse::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PhotopeakTest"));
    QApplication::setApplicationName(QStringLiteral("tst_benchmouse"));
    QSettings().clear();
    QSettings().setValue(QStringLiteral("view/logScale"), false);
}

void TestBenchMouse::doubleClickFitsPeakIntoTable()
{
    PHOTOPEAK_REQUIRE_DATA(file, kMixture);
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, file));
    BenchController *bench = window.bench();
    const int entry = bench->currentEntry();
    QVERIFY(entry >= 0);
    QTRY_VERIFY(bench->edits()->peaks(entry));

    // The automatic list is the CLI `peaks` fit of the same file.
    auto read = ReaderRegistry::instance().read(file);
    QVERIFY(read);
    const PeakAnalysis cli = PeakAnalyzer().run(read->front());
    const PeakTableModel *table = bench->peakModel();
    QCOMPARE(table->rowCount(), static_cast<int>(cli.peaks.size()));
    for (int r = 0; r < table->rowCount(); ++r) {
        QCOMPARE(table->peakAt(r).centroid, cli.peaks[static_cast<size_t>(r)].centroid);
        QCOMPARE(table->peakAt(r).area, cli.peaks[static_cast<size_t>(r)].area);
    }
    const int cs = rowNearEnergy(table, 661.0, 5.0);
    QVERIFY(cs >= 0);
    const double cliArea = table->peakAt(cs).area, cliAreaUnc = table->peakAt(cs).areaUnc;

    // Shift+drag over 600-720 keV removes it; one undo step.
    window.spectrumView()->plot()->xAxis->setRange(400, 1500);
    window.spectrumView()->plot()->replot();
    drag(plotWidget(window), pixelAtKey(window, 600), pixelAtKey(window, 720), Qt::ShiftModifier);
    QCOMPARE(rowNearEnergy(table, 661.0, 30.0), -1);
    QCOMPARE(window.undoStack()->count(), 1);
    screenshot(&window, QStringLiteral("1-peak-removed"));

    // Double-click on the 662 keV peak fits it again; the table shows it with the area of the automatic fit.
    QTest::mouseDClick(plotWidget(window), Qt::LeftButton, {}, pixelAtKey(window, 662));
    const int row = rowNearEnergy(table, 661.0, 3.0);
    QVERIFY2(row >= 0, "no peak near 661 keV in the table after the double-click");
    const FittedPeak fitted = table->peakAt(row);
    QVERIFY2(std::abs(fitted.area - cliArea) < 2.0 * cliAreaUnc,
             qPrintable(QStringLiteral("area %1 vs automatic %2 +- %3").arg(fitted.area).arg(cliArea).arg(cliAreaUnc)));
    QVERIFY(fitted.fwhmKeV > 10.0 && fitted.fwhmKeV < 17.0);
    QVERIFY(table->data(table->index(row, PeakTableModel::Energy), Qt::DisplayRole).toString().startsWith(QStringLiteral("66")));
    QVERIFY(bench->peakTable()->selectionModel()->isRowSelected(row, {}));
    QCOMPARE(window.undoStack()->count(), 2);
    screenshot(&window, QStringLiteral("2-double-click-fit"));

    // Double-click on flat continuum fits nothing.
    const int before = table->rowCount();
    QTest::mouseDClick(plotWidget(window), Qt::LeftButton, {}, pixelAtKey(window, 1420));
    QCOMPARE(table->rowCount(), before);
    QCOMPARE(window.undoStack()->count(), 2);

    // Undo and redo with the keys.
    undoKey(window);
    QCOMPARE(rowNearEnergy(table, 661.0, 30.0), -1);
    undoKey(window);
    QVERIFY(rowNearEnergy(table, 661.0, 5.0) >= 0);
    QCOMPARE(table->rowCount(), static_cast<int>(cli.peaks.size()));
    undoKey(window, true);
    undoKey(window, true);
    QVERIFY(rowNearEnergy(table, 661.0, 3.0) >= 0);
}

void TestBenchMouse::roiNetCountsMatchHandComputation()
{
    PHOTOPEAK_REQUIRE_DATA(file, kMixture);
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, file));
    BenchController *bench = window.bench();
    const int entry = bench->currentEntry();
    window.spectrumView()->plot()->xAxis->setRange(400, 1500);
    window.spectrumView()->plot()->replot();

    drag(plotWidget(window), pixelAtKey(window, 625), pixelAtKey(window, 700), Qt::AltModifier);
    const std::vector<RoiRange> rois = bench->edits()->rois(entry);
    QCOMPARE(rois.size(), size_t(1));
    const RoiRange roi = rois.front();
    const Spectrum *s = bench->displaySpectrum(entry);
    QVERIFY(std::abs(s->calibration.energyAt(roi.low) - 625.0) < 3.0);
    QVERIFY(std::abs(s->calibration.energyAt(roi.high) - 700.0) < 3.0);

    // By hand: gross over [low, high), continuum = width x mean of the 3-channel means beside each edge.
    double gross = 0.0, left = 0.0, right = 0.0;
    for (int i = roi.low; i < roi.high; ++i)
        gross += s->counts[static_cast<size_t>(i)];
    for (int i = 1; i <= 3; ++i) {
        left += s->counts[static_cast<size_t>(roi.low - i)] / 3.0;
        right += s->counts[static_cast<size_t>(roi.high + i - 1)] / 3.0;
    }
    const double net = gross - (roi.high - roi.low) * 0.5 * (left + right);
    const RoiIntegral shown = bench->roiModel()->rois().front();
    QCOMPARE(shown.gross, gross);
    QVERIFY(std::abs(shown.net - net) < 1e-6);
    QVERIFY(std::abs(shown.netRate - net / s->liveTime) < 1e-9);
    QVERIFY(shown.netUnc > std::sqrt(gross));
    QVERIFY(std::abs(s->calibration.energyAt(shown.centroid) - 661.0) < 4.0);
    const QString text = bench->roiModel()->data(bench->roiModel()->index(0, RoiTableModel::Net), Qt::DisplayRole).toString();
    QVERIFY2(text.startsWith(QString::number(std::round(net), 'f', 0)), qPrintable(text));
    screenshot(&window, QStringLiteral("3-roi"));

    undoKey(window);
    QVERIFY(bench->edits()->rois(entry).empty());
    undoKey(window, true);
    QCOMPARE(bench->edits()->rois(entry).size(), size_t(1));
}

void TestBenchMouse::calibrateByAssigningTwoPeaks_data()
{
    QTest::addColumn<bool>("channelsOnly");
    QTest::newRow("shifted calibration") << false;
    QTest::newRow("channel axis only") << true;
}

void TestBenchMouse::calibrateByAssigningTwoPeaks()
{
    QFETCH(bool, channelsOnly);
    PHOTOPEAK_REQUIRE_DATA(file, kMixture);
    // A copy of the spectrum with a wrong calibration (gain +6 %, offset +15 keV) or none at all.
    auto read = ReaderRegistry::instance().read(file);
    QVERIFY(read);
    Spectrum shifted = read->front();
    const EnergyCalibration truth = shifted.calibration;
    shifted.calibration = channelsOnly ? EnergyCalibration()
                                       : EnergyCalibration::linear(1.06 * truth.slope(), truth.offset() + 15.0);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shifted.csv"));
    QVERIFY(CsvWriter().write(path, {shifted}));

    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(openAndWait(window, path));
    BenchController *bench = window.bench();
    QTRY_VERIFY(bench->currentEntry() >= 0);
    const int entry = bench->currentEntry();
    QVERIFY2(entry >= 0, qPrintable(QStringLiteral("no current spectrum after opening the copy: %1 entries, %2")
                                        .arg(window.model()->rowCount()).arg(window.statusBar()->currentMessage())));
    QTRY_VERIFY(bench->edits()->peaks(entry));
    const PeakTableModel *table = bench->peakModel();
    QCOMPARE(table->calibrated(), !channelsOnly);
    QCOMPARE(window.spectrumView()->plot()->xAxis->label().contains(QStringLiteral("keV")), !channelsOnly);

    // The Cs-137 and the 1332 keV Co-60 peak, by channel (the calibration is wrong).
    const PeakList peaks = *bench->edits()->peaks(entry);
    int csPeak = -1, coPeak = -1;
    for (int i = 0; i < peaks.count(); ++i) {
        const double trueE = truth.energyAt(peaks.peak(i)->centroid);
        if (std::abs(trueE - 661.0) < 6.0)
            csPeak = i;
        if (std::abs(trueE - 1330.0) < 8.0)
            coPeak = i;
    }
    QVERIFY(csPeak >= 0 && coPeak >= 0);
    const double csChannel = peaks.peak(csPeak)->centroid, coChannel = peaks.peak(coPeak)->centroid;

    pickNuclide(bench, QStringLiteral("Cs137"));
    pickNuclide(bench, QStringLiteral("Co60"));
    window.spectrumView()->resetZoom();
    QVERIFY(chooseFromContextMenu(plotWidget(window), pixelAtChannel(window, csChannel),
                                  {QStringLiteral("Assign Line"), QStringLiteral("Cs137 661.6")}));
    QVERIFY(chooseFromContextMenu(plotWidget(window), pixelAtChannel(window, coChannel),
                                  {QStringLiteral("Assign Line"), QStringLiteral("Co60 1332.")}));
    QCOMPARE(bench->edits()->peaks(entry)->line(csPeak).nuclide, QStringLiteral("Cs137"));
    screenshot(&window, channelsOnly ? QStringLiteral("4b-assigned-channels") : QStringLiteral("4a-assigned-shifted"));

    // Ctrl+K: the dialog fits a line through both; Apply.
    bool applied = false;
    QTimer poll;
    poll.setInterval(50);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || !dialog->isVisible())
            return;
        poll.stop();
        screenshot(dialog, channelsOnly ? QStringLiteral("5b-dialog-channels") : QStringLiteral("5a-dialog-shifted"));
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *apply = buttons ? buttons->button(QDialogButtonBox::Ok) : nullptr;
        if (apply && apply->isEnabled()) {
            QTest::mouseClick(apply, Qt::LeftButton);
            applied = true;
        } else {
            dialog->reject();
        }
    });
    poll.start();
    QApplication::setActiveWindow(&window);
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(applied);
    QVERIFY(bench->edits()->calibration(entry).has_value());
    QVERIFY(table->calibrated());
    const int cs = rowNearEnergy(table, 661.657, 0.5);
    QVERIFY2(cs >= 0, qPrintable(QStringLiteral("Cs-137 peak at %1 keV").arg(table->peakAt(csPeak).energyKeV)));
    // The third, unassigned peak (Co-60 1173 keV) follows within 1.5 keV.
    QVERIFY2(rowNearEnergy(table, 1173.228, 1.5) >= 0, "Co-60 1173 keV peak not within 1.5 keV");
    QVERIFY(window.spectrumView()->plot()->xAxis->label().contains(QStringLiteral("keV")));
    screenshot(&window, channelsOnly ? QStringLiteral("6b-calibrated-channels") : QStringLiteral("6a-calibrated-shifted"));

    // Undo restores the file's calibration (the file itself is untouched).
    undoKey(window);
    QVERIFY(!bench->edits()->calibration(entry).has_value());
    QCOMPARE(table->calibrated(), !channelsOnly);
    QCOMPARE(rowNearEnergy(table, 661.657, 0.5), -1);
    auto again = ReaderRegistry::instance().read(path);
    QVERIFY(again);
    QCOMPARE(again->front().calibration, shifted.calibration);
}

QTEST_MAIN(TestBenchMouse)
#include "tst_benchmouse.moc"
