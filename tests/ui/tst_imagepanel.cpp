// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageDatasetDialog.h"
#include "images/ImagePanel.h"
#include "images/ImageStack.h"
#include "images/ImageView.h"
#include "images/SyntheticImageGenerator.h"
#include "io/h5/H5TableWriter.h"

#include <QCheckBox>
#include <QCryptographicHash>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>

#include <qcustomplot.h>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestImagePanel : public QObject {
    Q_OBJECT
private slots:
    void labelTrainExport();
    void datasetBrowserOpensTheChosenDataset();
    void userWalksTheDoneWhenSteps();
};

void TestImagePanel::datasetBrowserOpensTheChosenDataset()
{
    // A file with two image datasets: a 3-frame NeXus stack (the one opened by itself) and a 2-D image.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("two.h5"));
    H5TableWriter w(path);
    std::vector<double> stack(size_t(3 * 40 * 50), 10.0), image(size_t(30 * 20), 5.0);
    stack[size_t(1 * 40 * 50 + 20 * 50 + 25)] = 5000.0;
    QVERIFY(w.addNumbers(QStringLiteral("/entry/data/data"), {3, 40, 50}, stack, H5TableWriter::NumberType::Float32).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/calibration/dark"), {30, 20}, image, H5TableWriter::NumberType::UInt16).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/entry/frame_number"), {3}, {0, 1, 2}).ok());
    QVERIFY(w.commit().ok());
    auto datasets = ImageStack::imageDatasets(path);
    QVERIFY(datasets.ok());
    QCOMPARE(int(datasets->size()), 2);  // the 1-D dataset is not an image

    ImageDatasetDialog dialog(path, *datasets, QStringLiteral("/entry/data/data"));
    QCOMPARE(dialog.selectedDataset(), QStringLiteral("/entry/data/data"));
    auto *tree = dialog.findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 2);
    for (int i = 0; i < 2; ++i)
        if (tree->topLevelItem(i)->text(0) == QLatin1String("/calibration/dark")) {
            QCOMPARE(tree->topLevelItem(i)->text(1), QStringLiteral("1"));
            QCOMPARE(tree->topLevelItem(i)->text(2), QStringLiteral("20 x 30"));
            tree->setCurrentItem(tree->topLevelItem(i));
        }
    QCOMPARE(dialog.selectedDataset(), QStringLiteral("/calibration/dark"));

    ImagePanel panel;
    QVERIFY(panel.openFile(path).ok());
    QVERIFY(panel.statusText().contains(QStringLiteral("of 3")));
    QVERIFY(panel.openFile(path, dialog.selectedDataset()).ok());
    QVERIFY(panel.statusText().contains(QStringLiteral("of 1")));
    const Status missing = panel.openFile(path, QStringLiteral("/nothing/here"));
    QVERIFY(!missing.ok());
    QVERIFY(missing.error().toString().contains(QStringLiteral("/nothing/here")));
}

void TestImagePanel::labelTrainExport()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("demo.h5"));
    QVERIFY(QFile::copy(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/images/synthetic_stack.h5"), data));
    const QByteArray before = digest(data);
    auto truth = SyntheticImageGenerator::readTruth(data);
    QVERIFY(truth.ok());

    ImagePanel panel;
    panel.resize(1500, 820);
    QVERIFY(panel.openFile(data).ok());
    QVERIFY(!panel.candidates().empty());
    QVERIFY(!panel.hasModel());

    // A click on a candidate labels it (right = not a peak); labelling a frame's true spots and marking it
    // complete is what a user does with the mouse on frames 0-3.
    const BraggCandidate first = panel.candidates().front();
    emit panel.view()->clicked(first.x + 0.5, first.y, Qt::RightButton, false);
    QCOMPARE(panel.labels().count(0), 1);
    for (int f = 0; f < 4; ++f) {
        panel.showFrame(f);
        for (const SyntheticSpot &s : *truth)
            if (s.frame == f)
                panel.label(s.x, s.y, 1);
        panel.setFrameComplete(true);
    }
    QVERIFY(panel.train().ok());
    QVERIFY(panel.hasModel());
    panel.showFrame(4);  // a frame the model has not seen
    int called = 0;
    for (const BraggCandidate &c : panel.candidates()) {
        QVERIFY(c.hasProbability());
        called += c.probability >= 0.5;
    }
    QVERIFY(called > 15);
    QVERIFY(panel.statusText().contains(QStringLiteral("Held-out frames: precision")));

    QVERIFY(panel.saveLabels().ok());
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("demo.peaklabels.h5"))));
    const QString stream = dir.filePath(QStringLiteral("accepted.stream"));
    QVERIFY(panel.exportPeaks(stream).ok());
    QFile s(stream);
    QVERIFY(s.open(QIODevice::ReadOnly));
    QCOMPARE(s.readAll().count("----- Begin chunk -----"), 5);
    QVERIFY(!panel.exportPeaks(data).ok());
    const QString png = dir.filePath(QStringLiteral("frame4.png"));
    QVERIFY(panel.saveFramePng(png).ok());
    QVERIFY(QImage(png).width() > 400);
    QCOMPARE(digest(data), before);  // the image file is never written

    const QByteArray shots = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/images_panel.png")));
        panel.showFrame(0);  // labelled: squares over circles, zoomed in, log scale
        panel.view()->setScale(ImageView::Scale::Log);
        panel.view()->centreOn(truth->front().x, truth->front().y);
        QVERIFY(panel.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/images_panel_labels.png")));
    }
}

// The "Done when" with the mouse: open the stack, find candidates, label the true spots of four
// frames by clicking them, mark the frames complete, press Train, see probabilities and the precision-recall
// curve, export the peak list.
void TestImagePanel::userWalksTheDoneWhenSteps()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("demo.h5"));
    QVERIFY(QFile::copy(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/images/synthetic_stack.h5"), data));
    auto truth = SyntheticImageGenerator::readTruth(data);
    QVERIFY(truth.ok());
    const QByteArray keep = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
    const QDir out(keep.isEmpty() ? dir.path() : QString::fromLocal8Bit(keep));

    ImagePanel panel;
    panel.resize(1500, 900);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(panel.openFile(data).ok());  // what File > Open Image Stack does with the chosen file
    QVERIFY(panel.candidates().size() > 20);
    QVERIFY(panel.grab().save(out.filePath(QStringLiteral("images_user_1_opened.png"))));

    auto *slider = panel.findChild<QSlider *>();
    auto *complete = panel.findChild<QCheckBox *>();
    QVERIFY(slider && slider->isEnabled() && complete);
    // In a narrow tab (the main window with its docks) the frame slider keeps a usable width.
    panel.resize(800, 700);
    QApplication::processEvents();
    QVERIFY2(slider->width() >= 150, qPrintable(QString::number(slider->width())));
    panel.resize(1500, 900);
    QApplication::processEvents();
    QCustomPlot *plot = panel.view()->plot();
    int clicks = 0;
    for (int f = 0; f < 4; ++f) {
        slider->setValue(f);  // dragging the frame slider
        QApplication::processEvents();
        for (const SyntheticSpot &s : *truth) {
            if (s.frame != f || s.snr < 5)
                continue;
            const QPoint at(qRound(plot->xAxis->coordToPixel(s.x)), qRound(plot->yAxis->coordToPixel(s.y)));
            if (!plot->axisRect()->rect().contains(at))
                continue;
            QTest::mouseClick(plot, Qt::LeftButton, {}, at);
            ++clicks;
        }
        QTest::mouseClick(complete, Qt::LeftButton, {}, QPoint(8, complete->height() / 2));
        QVERIFY(complete->isChecked());
    }
    QVERIFY(clicks > 40);
    QVERIFY2(panel.labels().count(1) > clicks / 2, qPrintable(panel.statusText()));  // clicks landed on candidates
    slider->setValue(0);
    QApplication::processEvents();
    QVERIFY(panel.grab().save(out.filePath(QStringLiteral("images_user_2_labelled.png"))));

    QPushButton *train = nullptr;
    for (auto *b : panel.findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Train"))
            train = b;
    QVERIFY(train);
    QSignalSpy finished(&panel, &ImagePanel::trainingFinished);
    QTest::mouseClick(train, Qt::LeftButton);
    QVERIFY(panel.isTraining());  // off the GUI thread; the button now cancels
    QVERIFY(finished.wait(300000));
    QVERIFY2(finished.front().front().toBool(), qPrintable(finished.front().at(1).toString()));
    QVERIFY(panel.hasModel());
    slider->setValue(4);  // a frame nobody labelled
    QApplication::processEvents();
    int called = 0;
    for (const BraggCandidate &c : panel.candidates()) {
        QVERIFY(c.hasProbability());
        called += c.probability >= 0.5;
    }
    QVERIFY(called > 10);
    QCustomPlot *pr = nullptr;
    for (auto *p : panel.findChildren<QCustomPlot *>())
        if (p != plot)
            pr = p;
    QVERIFY(pr && pr->graphCount() > 0 && pr->graph(0)->dataCount() > 5);
    QVERIFY(panel.statusText().contains(QStringLiteral("precision")));
    QVERIFY(panel.grab().save(out.filePath(QStringLiteral("images_user_3_trained.png"))));

    const QString stream = dir.filePath(QStringLiteral("accepted.stream"));
    QVERIFY(panel.exportPeaks(stream).ok());  // what Export peaks… does with the chosen name
    QFile s(stream);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray text = s.readAll();
    QCOMPARE(text.count("----- Begin chunk -----"), 5);
    QVERIFY(text.count("\n") > 100);
    QVERIFY(panel.saveFramePng(out.filePath(QStringLiteral("images_user_4_frame_report.png"))).ok());
}

QTEST_MAIN(TestImagePanel)
#include "tst_imagepanel.moc"
