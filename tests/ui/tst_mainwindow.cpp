// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// GUI test of the main window under QT_QPA_PLATFORM=offscreen: opening real folders through the same
// path as File > Open Folder, flagging of bad files, plotting the selection, cancelling a load.

#include "TestData.h"

#include "app/Settings.h"
#include "data/DataBrowserDock.h"
#include "data/DatasetFilterProxy.h"
#include "data/DatasetModel.h"
#include "data/SpectrumInfoPanel.h"
#include "loading/DatasetLoader.h"
#include "main/TaskProgressWidget.h"
#include "main/MainWindow.h"
#include "main/ViewActions.h"
#include "plot/SpectrumView.h"

#include <QAction>
#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMimeData>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUrl>
#include <qcustomplot.h>

using namespace photopeak::ui;

namespace {
constexpr int kLoadTimeoutMs = 60000;

int countFiles(const QString &folder, const QString &pattern)
{
    int n = 0;
    QDirIterator it(folder, {pattern}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Opens `paths` like the menus do and waits until the load has settled (loaded and first plot drawn).
bool openAndWait(MainWindow &window, const QStringList &paths)
{
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    window.openPaths(paths);
    return settled.wait(kLoadTimeoutMs) || settled.count() > 0;
}

int rowOf(const DatasetModel *model, const QString &name)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, DatasetModel::NameColumn).data().toString() == name)
            return r;
    return -1;
}

void clickRow(QTreeView *view, int row, Qt::KeyboardModifiers modifiers = {})
{
    const QModelIndex index = view->model()->index(row, DatasetModel::CountsColumn);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
}
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void opensFolderAndPlotsSelection();
    void viewActionsChangeThePlot();
    void filterNarrowsTheTable();
    void badFileIsFlagged();
    void cancelKeepsWindowResponsive();
    void timeToFirstPlotOfLargeFolder();
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // settings go to a test location, not the user's
    QApplication::setOrganizationName(QStringLiteral("PhotopeakTest"));
    QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    QSettings().clear();
    // These tests address rows of the flat list; the tree mode has tst_datasettree.
    QSettings().setValue(QStringLiteral("browser/tree"), false);
}

void TestMainWindow::opensFolderAndPlotsSelection()
{
    PHOTOPEAK_REQUIRE_DATA(folder, "xgd/srcs/Cs137");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, {folder}));
    QVERIFY(!window.loader()->isBusy());

    const DatasetModel *model = window.model();
    const int expected = countFiles(folder, QStringLiteral("*.sps"));
    QVERIFY(expected > 100);
    QCOMPARE(model->rowCount(), expected);
    for (int r = 0; r < model->rowCount(); ++r)
        QCOMPARE(model->index(r, DatasetModel::LabelsColumn).data().toString(), QStringLiteral("Cs137"));
    QCOMPARE(Settings().recentPaths().value(0), QFileInfo(folder).absoluteFilePath());

    // The first usable row is selected and plotted after loading.
    QCustomPlot *plot = window.spectrumView()->plot();
    QCOMPARE(plot->graphCount(), 1);

    // Select another row with the mouse: it replaces the plot.
    QTreeView *view = window.browser()->view();
    const int entry = window.browser()->proxy()->index(5, 0).data(DatasetModel::EntryIndexRole).toInt();
    clickRow(view, 5);
    QTRY_COMPARE(window.browser()->selectedEntries(), QList<int>{entry});
    QTRY_COMPARE(plot->graph(0)->name(), model->entry(entry)->spectrum.displayName());
    QCOMPARE(plot->graphCount(), 1);
    QVERIFY(plot->graph(0)->dataCount() > 4000);  // 4096 channels + closing step
    const QCPRange x = plot->xAxis->range();
    QVERIFY2(x.lower <= 1.0 && x.upper > 5300.0 && x.upper < 5500.0,
             qPrintable(QStringLiteral("x range %1..%2 keV").arg(x.lower).arg(x.upper)));
    QCOMPARE(plot->xAxis->label(), QStringLiteral("Energy (keV)"));
    QVERIFY(window.infoPanel()->fieldText(QStringLiteral("labels")).contains(QStringLiteral("Cs137")));
    const QString channels = window.infoPanel()->fieldText(QStringLiteral("channels"));
    QVERIFY2(channels.section(QLatin1Char(' '), 0, 0).remove(QRegularExpression(QStringLiteral("\\D"))) == QStringLiteral("4096"),
             qPrintable(channels));

    // Ctrl+click adds a second spectrum: overlay with a legend entry each.
    clickRow(view, 8, Qt::ControlModifier);
    QTRY_COMPARE(plot->graphCount(), 2);
    QCOMPARE(plot->legend->itemCount(), 2);
    QVERIFY(plot->graph(0)->pen().color() != plot->graph(1)->pen().color());

    // Wheel zoom narrows the x range; reset restores it.
    const QPoint centre = plot->axisRect()->rect().center();
    QWheelEvent wheel(centre, plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(plot, &wheel);
    QVERIFY(plot->xAxis->range().size() < x.size());
    window.viewActions()->resetZoom()->trigger();
    QCOMPARE(plot->xAxis->range().size(), x.size());
}

void TestMainWindow::viewActionsChangeThePlot()
{
    PHOTOPEAK_REQUIRE_DATA(folder, "xgd/srcs/Cs137/60s");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, {folder}));
    QCustomPlot *plot = window.spectrumView()->plot();
    QCOMPARE(plot->graphCount(), 1);
    ViewActions *actions = window.viewActions();

    if (!actions->logScale()->isChecked())
        actions->logScale()->trigger();
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLogarithmic);
    actions->logScale()->trigger();
    QCOMPARE(plot->yAxis->scaleType(), QCPAxis::stLinear);

    const double countsAtPeak = plot->yAxis->range().upper;
    actions->countRate()->trigger();
    QVERIFY(plot->yAxis->label().contains(QStringLiteral("counts/s")));
    QVERIFY(plot->yAxis->range().upper < countsAtPeak);  // 60 s live time: rate = counts / 60
    actions->counts()->trigger();

    actions->channelAxis()->trigger();
    QCOMPARE(plot->xAxis->label(), QStringLiteral("Channel"));
    QVERIFY(qAbs(plot->xAxis->range().upper - 4096.0) < 1.0);
    actions->energyAxis()->trigger();
    QCOMPARE(plot->xAxis->label(), QStringLiteral("Energy (keV)"));
    actions->logScale()->trigger();  // leave the stored preference as it started
}

void TestMainWindow::filterNarrowsTheTable()
{
    PHOTOPEAK_REQUIRE_DATA(folder, "xgd/srcs/Cs137");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, {folder}));
    const int total = window.model()->rowCount();
    const int in60s = countFiles(folder + QStringLiteral("/60s"), QStringLiteral("*.sps"));
    QTest::keyClicks(window.browser()->filterEdit(), QStringLiteral("60s"));
    QTRY_COMPARE(window.browser()->proxy()->rowCount(), in60s);
    QVERIFY(in60s < total);
    window.browser()->filterEdit()->clear();
    QTRY_COMPARE(window.browser()->proxy()->rowCount(), total);
}

void TestMainWindow::badFileIsFlagged()
{
    PHOTOPEAK_REQUIRE_DATA(bad, "bad/xgd-all-zero-header.sps");
    PHOTOPEAK_REQUIRE_DATA(goodFolder, "xgd/srcs/Cs137/60s/15cm");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(bad, dir.filePath(QStringLiteral("xgd-all-zero-header.sps"))));
    QDirIterator it(goodFolder, {QStringLiteral("*.sps")}, QDir::Files);
    QVERIFY(it.hasNext());
    const QString good = it.next();
    QVERIFY(QFile::copy(good, dir.filePath(QFileInfo(good).fileName())));

    MainWindow window;
    window.show();
    // Drop the folder on the window, as a user would.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(dir.path())});
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);  // makes the window the drop target
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(settled.wait(kLoadTimeoutMs) || settled.count() > 0);

    const DatasetModel *model = window.model();
    QCOMPARE(model->rowCount(), 2);
    const int badRow = rowOf(model, QStringLiteral("xgd-all-zero-header.sps"));
    const int goodRow = rowOf(model, QFileInfo(good).fileName());
    QVERIFY(badRow >= 0 && goodRow >= 0);
    QCOMPARE(model->problemCount(), 1);

    const QModelIndex badName = model->index(badRow, DatasetModel::NameColumn);
    QVERIFY(badName.data(DatasetModel::HasProblemRole).toBool());
    QVERIFY(!badName.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model->index(badRow, DatasetModel::FlagsColumn).data().toString().isEmpty());
    const QString tooltip = badName.data(Qt::ToolTipRole).toString();
    QVERIFY2(tooltip.contains(QStringLiteral("Problems")), qPrintable(tooltip));
    QVERIFY(!model->entry(badRow)->problemText().isEmpty());
    QVERIFY(tooltip.contains(model->entry(badRow)->problemText().toHtmlEscaped()));

    const QModelIndex goodName = model->index(goodRow, DatasetModel::NameColumn);
    QVERIFY(!goodName.data(DatasetModel::HasProblemRole).toBool());
    QVERIFY(goodName.data(Qt::DecorationRole).isNull());

    // The good spectrum, not the broken one, is shown first.
    QCOMPARE(window.spectrumView()->plot()->graphCount(), 1);
    QCOMPARE(window.spectrumView()->plot()->graph(0)->name(), QFileInfo(good).fileName());
}

void TestMainWindow::cancelKeepsWindowResponsive()
{
    PHOTOPEAK_REQUIRE_DATA(small, "xgd/srcs/Cs137/60s");
    PHOTOPEAK_REQUIRE_DATA(large, "xgd");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, {small}));
    const int before = window.model()->rowCount();
    QVERIFY(before > 0);

    QSignalSpy cancelled(window.loader(), &DatasetLoader::cancelled);
    QSignalSpy finished(window.loader(), &DatasetLoader::finished);
    window.openPaths({large});
    QVERIFY(window.loader()->isBusy());
    QToolButton *cancel = window.loadProgress()->cancelButton();
    QVERIFY(window.loadProgress()->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.loader()->isBusy(), kLoadTimeoutMs);
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(finished.count(), 0);
    QVERIFY(!window.loadProgress()->isVisible());

    // The previous data is untouched and the window still reacts.
    QCOMPARE(window.model()->rowCount(), before);
    clickRow(window.browser()->view(), 2);
    QTRY_COMPARE(window.browser()->selectedEntries().value(0, -1),
                 window.browser()->proxy()->index(2, 0).data(DatasetModel::EntryIndexRole).toInt());
    QTRY_COMPARE(window.spectrumView()->plot()->graphCount(), 1);
    QVERIFY(openAndWait(window, {small}));
    QCOMPARE(window.model()->rowCount(), before);
}

void TestMainWindow::timeToFirstPlotOfLargeFolder()
{
    PHOTOPEAK_REQUIRE_DATA(large, "xgd");
    MainWindow window;
    window.show();
    QSignalSpy firstPlot(&window, &MainWindow::firstPlotShown);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(openAndWait(window, {large}));
    QCOMPARE(firstPlot.count(), 1);
    qDebug("xgd: %d spectra, first plot %lld ms after opening (measured %lld ms)", window.model()->rowCount(),
           firstPlot.first().first().toLongLong(), static_cast<long long>(clock.elapsed()));
    QVERIFY(window.model()->rowCount() >= 4245);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
