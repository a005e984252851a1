// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitAnalysisPanel.h"
#include "hits/HitFilterProxy.h"
#include "hits/HitLabelsFile.h"
#include "hits/HitListModel.h"
#include "hits/HitsWidget.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

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
