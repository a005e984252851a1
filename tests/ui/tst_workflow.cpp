// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The whole point-and-click workflow on the demo data, offscreen: open a folder, train an identifier with
// the Train button, classify everything, read probabilities in the results table, follow a result row to
// its spectrum, see the model views filled; cancelling a training leaves the window responsive.

#include "TestData.h"

#include "data/DataBrowserDock.h"
#include "main/MainWindow.h"
#include "modelviews/ConfusionMatrixView.h"
#include "modelviews/MisclassificationView.h"
#include "report/ReportExporter.h"
#include "results/ResultsDock.h"
#include "results/ResultsModel.h"
#include "session/AnalysisSession.h"
#include "training/TrainingJob.h"
#include "training/TrainingPanel.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace photopeak::ui;

namespace {
const QString kDemo = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd");

// Longest pause between turns of the event loop while `running` holds, sampled by a 10 ms timer.
qint64 longestStall(const std::function<bool()> &running, int timeoutMs)
{
    QElapsedTimer total, sinceTick;
    total.start();
    sinceTick.start();
    qint64 worst = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        worst = std::max(worst, sinceTick.restart());
    });
    tick.start();
    while (running() && total.elapsed() < timeoutMs)
        QTest::qWait(5);
    return worst;
}

QPushButton *button(QWidget *root, const char *name)
{
    return root->findChild<QPushButton *>(QLatin1String(name));
}
} // namespace

class TestWorkflow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void trainClassifyInspect();
    void cancelledTrainingLeavesWindowResponsive();
};

void TestWorkflow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PhotopeakTest"));
    QApplication::setApplicationName(QStringLiteral("tst_workflow"));
    QSettings().clear();
}

void TestWorkflow::trainClassifyInspect()
{
    MainWindow window;
    window.show();
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    window.openPaths({kDemo});
    QVERIFY(settled.wait(60000) || settled.count() > 0);
    const int spectra = window.session()->dataset()->size();
    QCOMPARE(spectra, 133);

    // Train with the mouse: the Train button of the training panel, defaults (logistic detection and identification).
    TrainingPanel *panel = window.trainingPanel();
    QSignalSpy ready(panel, &TrainingPanel::classifierReady);
    QPushButton *train = button(panel, "trainButton");
    QVERIFY(train && train->isEnabled());
    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(panel->isBusy());
    const qint64 stall = longestStall([&] { return ready.count() == 0; }, 240000);
    QCOMPARE(ready.count(), 1);
    qInfo("longest event-loop stall while training: %lld ms", static_cast<long long>(stall));
    QVERIFY2(stall < 500, qPrintable(QStringLiteral("event loop blocked %1 ms while training").arg(stall)));
    QVERIFY(window.session()->classifier());

    // Classify everything (Analysis > Classify All).
    QSignalSpy finished(window.session(), &AnalysisSession::classificationFinished);
    QAction *classifyAll = nullptr;
    for (QAction *a : window.findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R))
            classifyAll = a;
    QVERIFY(classifyAll);
    classifyAll->trigger();
    const qint64 classifyStall = longestStall([&] { return finished.count() == 0; }, 120000);
    QCOMPARE(finished.count(), 1);
    qInfo("longest event-loop stall while classifying: %lld ms", static_cast<long long>(classifyStall));

    // The results table has one row per spectrum with probabilities for every isotope of the model.
    ResultsModel *results = window.session()->results();
    QCOMPARE(results->rowCount(), spectra);
    const QStringList isotopes = window.session()->classifier()->isotopeLabels();
    QVERIFY(isotopes.contains(QStringLiteral("Cs137")));
    const int cs = results->probabilityColumn(QStringLiteral("Cs137"));
    QVERIFY(cs >= 0);
    int withProbability = 0, sources = 0;
    for (int r = 0; r < results->rowCount(); ++r) {
        const QString text = results->index(r, cs).data().toString();
        withProbability += text.endsWith(QLatin1String(" %"));
        sources += results->result(r)->decision == photopeak::SpectrumAnalysis::Decision::Source;
    }
    QVERIFY(withProbability >= spectra - 2);  // the aborted acquisition is skipped
    QVERIFY(sources > 0 && sources < spectra);

    // A Cs137 spectrum is called Cs137 with a high probability (demo srcs/Cs137 files).
    int csRows = 0, csHigh = 0;
    for (int r = 0; r < results->rowCount(); ++r) {
        const auto *a = results->result(r);
        if (!a->file.startsWith(QLatin1String("srcs/Cs137/")))
            continue;
        ++csRows;
        const QStringList reported = a->reportedIsotopes();
        csHigh += reported.size() == 1 && reported.first() == QLatin1String("Cs137");
    }
    QVERIFY(csRows > 0);
    QVERIFY2(csHigh * 10 >= csRows * 8, qPrintable(QStringLiteral("%1 of %2 Cs137 rows called Cs137").arg(csHigh).arg(csRows)));

    // Clicking a result row shows that spectrum: the data browser's current entry follows.
    QTreeView *table = window.resultsDock()->view();
    const QModelIndex row = table->model()->index(7, 0);
    const int entry = row.data(ResultsModel::EntryIndexRole).toInt();
    QVERIFY(entry != window.browser()->currentEntry());
    table->scrollTo(row);
    QVERIFY(table->viewport()->rect().contains(table->visualRect(row).center()));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(row).center());
    QTRY_COMPARE(window.browser()->currentEntry(), entry);

    // Model views are filled from the labelled demo spectra once one of them is shown.
    QVERIFY(!window.confusionView()->hasData(ConfusionMatrixView::Mode::Binary));
    window.tabs()->setCurrentWidget(window.confusionView());
    QVERIFY(window.confusionView()->hasData(ConfusionMatrixView::Mode::Binary));
    QVERIFY(window.confusionView()->hasData(ConfusionMatrixView::Mode::LabelSet));
    QVERIFY(window.misclassificationView()->quantityCount() >= 2);

    // PNG reports of every classified spectrum, written in the background into an empty folder.
    QTemporaryDir out;
    QVERIFY(out.isValid());
    QSignalSpy exported(window.reportExporter(), &ReportExporter::finished);
    QVERIFY(window.exportReportsTo(out.path()));
    const qint64 exportStall = longestStall([&] { return exported.count() == 0; }, 300000);
    QCOMPARE(exported.count(), 1);
    qInfo("longest event-loop stall while exporting reports: %lld ms", static_cast<long long>(exportStall));
    const QStringList pngs = QDir(out.path()).entryList({QStringLiteral("*.png")}, QDir::Files);
    QCOMPARE(pngs.size(), exported.first().at(0).toInt());
    QVERIFY(pngs.size() >= spectra - 1);  // the aborted acquisition may have no report
    QImage page(out.filePath(pngs.first()));
    QVERIFY(!page.isNull());
    QCOMPARE(page.size(), QSize(1600, 1000));
    QVERIFY(page.pixel(5, 5) != page.pixel(800, 400) || page.pixel(800, 400) != page.pixel(1200, 700));
}

void TestWorkflow::cancelledTrainingLeavesWindowResponsive()
{
    MainWindow window;
    window.show();
    QSignalSpy settled(&window, &MainWindow::loadSettled);
    window.openPaths({kDemo});
    QVERIFY(settled.wait(60000) || settled.count() > 0);
    TrainingPanel *panel = window.trainingPanel();
    QSignalSpy cancelled(panel->job(), &TrainingJob::cancelled);
    QTest::mouseClick(button(panel, "trainButton"), Qt::LeftButton);
    QVERIFY(panel->isBusy());
    QTest::qWait(30);
    QPushButton *cancel = button(panel, "cancelButton");
    QVERIFY(cancel && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_VERIFY(cancelled.count() == 1);
    QVERIFY(!panel->isBusy());
    QVERIFY(button(panel, "trainButton")->isEnabled());
    // Still responsive: the event loop turns and the window reacts to a selection.
    const qint64 stall = longestStall([t = QElapsedTimer()]() mutable {
        if (!t.isValid())
            t.start();
        return t.elapsed() < 300;
    }, 1000);
    QVERIFY2(stall < 500, qPrintable(QStringLiteral("event loop blocked %1 ms after cancel").arg(stall)));
    QVERIFY(window.browser()->selectEntry(3));
    QCOMPARE(window.browser()->currentEntry(), 3);
    QVERIFY(!window.session()->classifier());
}

QTEST_MAIN(TestWorkflow)
#include "tst_workflow.moc"
