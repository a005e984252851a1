// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitAnalysisPanel.h"
#include "hits/HitFilterProxy.h"
#include "hits/HitLabelsFile.h"
#include "hits/HitListModel.h"
#include "hits/HitsWidget.h"
#include "tables/ClassConfusionView.h"

#include "TestData.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QDir>
#include <QFile>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace photopeak;

namespace {
// A copy of the demo set, so labels can be saved beside it without touching the source tree.
bool copyDemo(const QString &to)
{
    const QDir from(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/hits"));
    for (const QString &cls : {QStringLiteral("spot"), QStringLiteral("track"), QStringLiteral("worm")}) {
        QDir(to).mkpath(cls);
        for (const QString &f : QDir(from.filePath(cls)).entryList(QDir::Files))
            if (!QFile::copy(from.filePath(cls + QLatin1Char('/') + f), QDir(to).filePath(cls + QLatin1Char('/') + f)))
                return false;
    }
    return QFile::copy(from.filePath(QStringLiteral("labels.csv")), QDir(to).filePath(QStringLiteral("labels.csv")));
}
} // namespace

class TestHitsWidget : public QObject {
    Q_OBJECT
private slots:
    void openFilterLabelAndExport()
    {
        QTemporaryDir tmp;
        QVERIFY(copyDemo(tmp.path()));
        HitsWidget w;
        w.resize(1300, 800);
        QSignalSpy opened(&w, &HitsWidget::opened);
        w.openCollection(tmp.path());
        QVERIFY(opened.wait(20000));
        QCOMPARE(opened.front().front().toInt(), 60);
        QCOMPARE(w.model()->rowCount(), 60);
        QCOMPARE(w.proxy()->rowCount(), 60);

        w.proxy()->setClassFilter(HitFilterProxy::ClassFilter::Label, QStringLiteral("worm"));
        QCOMPARE(w.proxy()->rowCount(), 20);
        w.proxy()->setClassFilter(HitFilterProxy::ClassFilter::Any);

        // Click to label: the first hit becomes an "artefact"; saved to the sidecar, read back on reopening.
        w.setLabelOnClick(QStringLiteral("artefact"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        const QRect r = w.grid()->visualRect(w.proxy()->index(0, 0));
        QTest::mouseClick(w.grid()->viewport(), Qt::LeftButton, {}, r.center());
        QCOMPARE(w.model()->index(0).data(HitListModel::LabelRole).toString(), QStringLiteral("artefact"));
        QVERIFY(w.model()->labelsChanged());
        QVERIFY(w.saveLabels());
        auto rows = HitLabelsFile::read(HitsWidget::sidecarPath(tmp.path()));
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 60);
        QCOMPARE(rows->value(w.model()->index(0).data().toString()).label, QStringLiteral("artefact"));

        HitsWidget again;
        QSignalSpy opened2(&again, &HitsWidget::opened);
        again.openCollection(tmp.path());
        QVERIFY(opened2.wait(20000));
        QCOMPARE(again.model()->index(0).data(HitListModel::LabelRole).toString(), QStringLiteral("artefact"));

        // Clusters, then one cluster's sheet as PNG.
        QSignalSpy clustered(w.analysis(), &HitAnalysisPanel::clustersChanged);
        w.analysis()->cluster();
        QVERIFY(clustered.wait(20000));
        const int k = clustered.front().front().toInt();
        QVERIFY(k >= 1 && k <= 8);
        w.proxy()->setCluster(0);
        QVERIFY(w.proxy()->rowCount() > 0 && w.proxy()->rowCount() < 60 + (k == 1 ? 1 : 0));
        const QString png = tmp.filePath(QStringLiteral("cluster0.png"));
        QVERIFY(w.exportSheet(png));
        QImage sheet(png);
        QVERIFY(!sheet.isNull() && sheet.width() > 60);
        w.proxy()->setCluster(-1);

        // Artefact marks: the demo device's hot pixel.
        w.analysis()->markArtefacts();
        int marked = 0;
        for (int i = 0; i < w.model()->rowCount(); ++i)
            marked += w.model()->index(i).data(HitListModel::FlagsRole).toUInt() != 0;
        QCOMPARE(marked, 3);

        // Cross-validated SVM: probabilities and predictions appear in the grid.
        QSignalSpy evaluated(w.analysis(), &HitAnalysisPanel::evaluated);
        w.analysis()->crossValidate();
        QVERIFY(evaluated.wait(60000));
        const double p = w.model()->index(5).data(HitListModel::ProbabilityRole).toDouble();
        QVERIFY(p >= 0.0 && p <= 1.0);
        w.proxy()->setClassFilter(HitFilterProxy::ClassFilter::Misclassified);
        QVERIFY(w.proxy()->rowCount() < 30);

        const QByteArray shot = qgetenv("PHOTOPEAK_HITS_DEMO_SCREENSHOT");
        if (!shot.isEmpty())
            w.grab().save(QString::fromLocal8Bit(shot));
    }


    // The "Done when" on the real CREDO folder, through the widgets: open, thumbnails, features,
    // cluster with the BIC curve, train and cross-validate the CNN, the confusion matrix and the misclassified
    // thumbnails, click labels, save them. A copy of the folder, so the sidecar goes beside the copy.
    void userWalksTheCredoFolder()
    {
        PHOTOPEAK_REQUIRE_DATA(credo, QStringLiteral("images/credo"));
        QTemporaryDir tmp;
        for (const QString &cls : {QStringLiteral("track"), QStringLiteral("worm")}) {
            QDir(tmp.path()).mkpath(cls);
            const QDir from(QDir(credo).filePath(cls));
            for (const QString &f : from.entryList(QDir::Files))
                QVERIFY(QFile::copy(from.filePath(f), QDir(tmp.path()).filePath(cls + QLatin1Char('/') + f)));
        }
        QVERIFY(QFile::copy(QDir(credo).filePath(QStringLiteral("labels.csv")), QDir(tmp.path()).filePath(QStringLiteral("labels.csv"))));
        const QByteArray keep = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
        const QDir out(keep.isEmpty() ? tmp.path() : QString::fromLocal8Bit(keep));

        HitsWidget w;
        w.resize(1500, 950);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QSignalSpy opened(&w, &HitsWidget::opened);
        w.openCollection(tmp.path());  // what File > Open Hit Collection does with the chosen folder
        QVERIFY(opened.wait(60000));
        QCOMPARE(opened.front().front().toInt(), 697);
        QCOMPARE(w.model()->features().rows, 697);  // features computed on opening
        QTest::qWait(200);
        QVERIFY(w.grab().save(out.filePath(QStringLiteral("hits_user_1_opened.png"))));

        auto *panel = w.analysis();
        QVERIFY(!panel->curvePlot()->isVisible());  // no empty axes before clustering
        QSignalSpy clustered(panel, &HitAnalysisPanel::clustersChanged);
        QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("clusterButton")), Qt::LeftButton);
        QVERIFY(clustered.wait(120000));
        QCPGraph *bic = panel->curvePlot()->graphCount() > 0 ? panel->curvePlot()->graph(0) : nullptr;
        QVERIFY(bic && bic->dataCount() >= 7);  // k = 1..8 (or 2..8)
        QVERIFY(panel->curvePlot()->isVisible());
        QTest::qWait(200);
        QVERIFY(w.grab().save(out.filePath(QStringLiteral("hits_user_2_clustered.png"))));

        // The CNN, cross-validated on grouped folds (few epochs keep the walk short; the note has 30).
        auto *method = panel->findChild<QComboBox *>(QStringLiteral("classMethod"));
        method->setCurrentIndex(method->findData(int(HitMethod::Cnn)));
        panel->findChild<QSpinBox *>(QStringLiteral("cnnEpochs"))->setValue(3);
        panel->findChild<QSpinBox *>(QStringLiteral("folds"))->setValue(3);
        QSignalSpy evaluated(panel, &HitAnalysisPanel::evaluated);
        auto *evaluate = panel->findChild<QPushButton *>(QStringLiteral("evaluateButton"));
        QTest::mouseClick(evaluate, Qt::LeftButton);
        QVERIFY(!evaluate->isEnabled());  // off the GUI thread
        QVERIFY(evaluated.wait(600000));
        auto *matrix = panel->confusionView();
        QVERIFY(matrix && matrix->isVisible());
        QCOMPARE(matrix->classes(), (QStringList{QStringLiteral("track"), QStringLiteral("worm")}));
        double total = 0;
        for (int t = 0; t < 2; ++t)
            for (int c = 0; c < 2; ++c)
                total += matrix->count(t, c);
        QCOMPARE(total, 697.0);
        QVERIFY(matrix->count(0, 0) + matrix->count(1, 1) > 0.6 * 697);  // better than a coin
        QTest::qWait(200);
        QVERIFY(w.grab().save(out.filePath(QStringLiteral("hits_user_3_cnn.png"))));

        auto *show = w.findChild<QComboBox *>(QStringLiteral("showFilter"));
        show->setCurrentIndex(show->findText(QStringLiteral("misclassified")));
        const int wrong = int(matrix->count(0, 1) + matrix->count(1, 0));
        QCOMPARE(w.proxy()->rowCount(), wrong);
        QTest::qWait(200);
        QVERIFY(w.grab().save(out.filePath(QStringLiteral("hits_user_4_misclassified.png"))));

        // Click labels: three misclassified hits relabelled as artefacts, saved to the sidecar.
        w.findChild<QCheckBox *>(QStringLiteral("clickLabels"))->setChecked(true);
        w.findChild<QComboBox *>(QStringLiteral("labelAs"))->setCurrentText(QStringLiteral("artefact"));
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            const QModelIndex index = w.proxy()->index(i, 0);
            ids << index.data().toString();
            QTest::mouseClick(w.grid()->viewport(), Qt::LeftButton, {}, w.grid()->visualRect(index).center());
        }
        QVERIFY(w.saveLabels());
        auto rows = HitLabelsFile::read(HitsWidget::sidecarPath(tmp.path()));
        QVERIFY(rows.ok());
        for (const QString &id : ids)
            QCOMPARE(rows->value(id).label, QStringLiteral("artefact"));
        QVERIFY(w.grab().save(out.filePath(QStringLiteral("hits_user_5_labelled.png"))));
    }

    // Screenshot of a real collection for reviewing the window (PHOTOPEAK_HITS_SCREENSHOT=out.png and
    // PHOTOPEAK_HITS_FOLDER=folder); skipped in normal runs.
    void screenshotOfAFolder()
    {
        const QString folder = QString::fromLocal8Bit(qgetenv("PHOTOPEAK_HITS_FOLDER"));
        const QString shot = QString::fromLocal8Bit(qgetenv("PHOTOPEAK_HITS_SCREENSHOT"));
        if (folder.isEmpty() || shot.isEmpty())
            QSKIP("set PHOTOPEAK_HITS_FOLDER and PHOTOPEAK_HITS_SCREENSHOT to write a screenshot");
        HitsWidget w;
        w.resize(1500, 900);
        w.show();
        QSignalSpy opened(&w, &HitsWidget::opened);
        w.openCollection(folder);
        QVERIFY(opened.wait(60000));
        QSignalSpy clustered(w.analysis(), &HitAnalysisPanel::clustersChanged);
        w.analysis()->cluster();
        QVERIFY(clustered.wait(60000));
        w.analysis()->markArtefacts();
        QSignalSpy evaluated(w.analysis(), &HitAnalysisPanel::evaluated);
        w.analysis()->crossValidate();
        QVERIFY(evaluated.wait(120000));
        QTest::qWait(300);
        QVERIFY(w.grab().save(shot));
    }

    void hundredThousandHitsOpenInTheModel()
    {
        // The model builds thumbnails only for painted rows: 100,000 rows reset without touching the crops.
        auto c = std::make_shared<HitCollection>();
        Hit h;
        h.image = HitImage(60, 60);
        for (int i = 0; i < 100000; ++i) {
            h.id = QString::number(i);
            c->addHit(h);
        }
        HitListModel m;
        m.setCollection(c, FeatureMatrix(100000, 23));
        QCOMPARE(m.rowCount(), 100000);
        QListView view;
        view.setUniformItemSizes(true);
        view.setViewMode(QListView::IconMode);
        view.setModel(&m);
        view.resize(800, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.scrollToBottom();
        QVERIFY(view.indexAt(QPoint(10, 10)).isValid());
    }
};

QTEST_MAIN(TestHitsWidget)
#include "tst_hitswidget.moc"
