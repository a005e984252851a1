// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalyzerModels.h"
#include "TestData.h"

#include "spectrum/LabelParser.h"
#include "live/AlarmBanner.h"
#include "live/LiveCharts.h"
#include "live/LiveControls.h"
#include "live/LiveWindow.h"
#include "ml/PreparedSet.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace photopeak;
using namespace photopeak::ui;

// The live view on a replay of the XGD time series: the charts grow, the alarm banner comes up at the first
// Cs137 interval with the isotope, the alarm log has one row; threshold changes reach the analysis.
// With PHOTOPEAK_SCREENSHOT_DIR set, the window is saved there as live-alarm.png while the alarm is up.
class TestLiveView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void replayRaisesAlarmInTheWindow();
    void userStartsReplayWithTheMouse();
    void noModelNoStart();

private:
    std::shared_ptr<const SpectrumAnalyzer> m_analyzer;
    QString m_bkg5, m_sig5;
};

void TestLiveView::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/set2/test/time/bkg/5s"));
    PHOTOPEAK_REQUIRE_DATA(sig, QStringLiteral("xgd/set2/test/time/sig/5s"));
    m_bkg5 = bkg;
    m_sig5 = sig;
    const QDir demo(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd"));
    auto srcs = SpectrumDataset::openFolder(demo.filePath(QStringLiteral("srcs")));
    auto bkgs = SpectrumDataset::openFolder(demo.filePath(QStringLiteral("bkgs")));
    QVERIFY(srcs && bkgs);
    for (DatasetEntry &e : bkgs->entries())
        if (e.spectrum.labels.isEmpty())
            e.spectrum.labels = QStringList{LabelParser::backgroundLabel()};
    std::vector<SpectrumDataset> sets;
    sets.push_back(*srcs);
    sets.push_back(*bkgs);
    ClassifierOptions o;
    o.synthetic.singles = o.synthetic.mixtures = o.synthetic.backgrounds = 150;
    o.searchHyperParameters = false;
    o.folds = 3;
    auto model = SpectrumClassifier::train(PreparedSet::fromDatasets(std::move(sets), EnergyGrid::xgdDefault()), o);
    QVERIFY(model);
    m_analyzer = std::make_shared<const SpectrumAnalyzer>(photopeak::testing::analyzerModels(std::make_shared<const SpectrumClassifier>(std::move(model.value()))));
}

void TestLiveView::replayRaisesAlarmInTheWindow()
{
    LiveWindow window;
    window.setAnalyzerProvider([this] { return m_analyzer; });
    window.show();
    QVERIFY(window.replay({m_bkg5, m_sig5}, 60.0));
    QTRY_VERIFY_WITH_TIMEOUT(window.isWatching(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.resultCount() >= 30, 20000);
    QVERIFY(!window.banner()->isAlarm());
    QCOMPARE(window.alarmTable()->rowCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isAlarm(), 20000);
    QTest::qWait(1500);  // a few source intervals on the charts
    QVERIFY(window.banner()->text().contains(QLatin1String("Cs137")));
    QCOMPARE(window.alarmTable()->rowCount(), 1);
    QCOMPARE(window.alarmTable()->item(0, 3)->text(), QStringLiteral("#61"));
    QVERIFY(window.alarmTable()->item(0, 3)->toolTip().contains(QLatin1String("202244_145812_Sig_Cs137_5s.sps")));
    QVERIFY(window.charts()->pointCount() > 60);
    if (const QByteArray dir = qgetenv("PHOTOPEAK_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(window.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("live-alarm.png"))));
    // Raising the threshold goes to the running analysis (the source stays far above it: no clearing).
    LiveAnalysis::Options o = window.controls()->options();
    o.alarm.sigma = 6.0;
    window.controls()->setOptions(o);
    emit window.controls()->changed();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isWatching(), 30000);
    QCOMPARE(window.resultCount(), 110);
    QCOMPARE(window.alarmTable()->rowCount(), 1);
    QVERIFY(window.banner()->isAlarm());
}

// As a user: a click on "Replay Folder…", the folder typed into the file dialog, the speed into the speed dialog.
// The folder holds the 5-s backgrounds and Cs137 spectra in two subfolders; the replay orders them by acquisition
// time, so the alarm comes up at the first Cs137 interval (#61) as in the programmatic replay above.
void TestLiveView::userStartsReplayWithTheMouse()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    for (const auto &[from, to] : {std::pair{m_bkg5, QStringLiteral("bkg")}, std::pair{m_sig5, QStringLiteral("sig")}}) {
        QVERIFY(QDir(folder.path()).mkpath(to));
        for (const QString &name : QDir(from).entryList({QStringLiteral("*.sps")}, QDir::Files))
            QVERIFY(QFile::copy(QDir(from).filePath(name), QDir(folder.filePath(to)).filePath(name)));
    }
    LiveWindow window;
    window.setAnalyzerProvider([this] { return m_analyzer; });
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QPushButton *replayButton = nullptr;
    for (QPushButton *b : window.findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Replay Folder…"))
            replayButton = b;
    QVERIFY(replayButton);

    bool fileDialogSeen = false, speedDialogSeen = false;
    std::function<void()> answerSpeed = [&] {
        auto *input = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        if (!input) {
            QTimer::singleShot(50, answerSpeed);
            return;
        }
        speedDialogSeen = true;
        input->setDoubleValue(60.0);
        input->accept();
    };
    std::function<void()> answerFolder = [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(50, answerFolder);
            return;
        }
        fileDialogSeen = true;
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
        if (name) {
            name->setText(folder.path());
            QTest::keyClick(name, Qt::Key_Return);
        } else {
            dialog->selectFile(folder.path());
            static_cast<QDialog *>(dialog)->accept();
        }
        QTimer::singleShot(50, answerSpeed);
    };
    QTimer::singleShot(100, answerFolder);
    QTest::mouseClick(replayButton, Qt::LeftButton);
    QVERIFY(fileDialogSeen);
    QVERIFY(speedDialogSeen);
    QTRY_VERIFY_WITH_TIMEOUT(window.isWatching(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isAlarm(), 30000);
    QCOMPARE(window.alarmTable()->rowCount(), 1);
    QCOMPARE(window.alarmTable()->item(0, 3)->text(), QStringLiteral("#61"));
    QVERIFY(window.banner()->text().contains(QLatin1String("Cs137")));
    QVERIFY2(window.charts()->pointCount() >= 60, qPrintable(QString::number(window.charts()->pointCount())));
    if (const QByteArray dir = qgetenv("PHOTOPEAK_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(1500);
        QVERIFY(window.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("live-mouse-alarm.png"))));
    }
    window.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.isWatching(), 10000);
}

void TestLiveView::noModelNoStart()
{
    LiveWindow window;
    window.setAnalyzerProvider([] { return nullptr; });
    // The refusal is a message box: closed by the timer below.
    QTimer::singleShot(200, [] {
        if (QWidget *w = QApplication::activeModalWidget())
            w->close();
    });
    QVERIFY(!window.watchFolder(QDir::tempPath()));
    QVERIFY(!window.isWatching());
}

QTEST_MAIN(TestLiveView)
#include "tst_liveview.moc"
