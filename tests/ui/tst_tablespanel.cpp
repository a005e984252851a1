// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"

#include "tables/Histogram2DView.h"
#include "tables/TablesPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace photopeak;
using namespace photopeak::ui;

// PHOTOPEAK_SCREENSHOT_DIR=/some/folder keeps PNGs of the panel and of every view.
class TstTablesPanel : public QObject {
    Q_OBJECT
private slots:
    void km3netWorkflow()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        TablesPanel panel;
        panel.resize(1500, 900);
        panel.show();
        QVERIFY(panel.openFile(file));
        QCOMPARE(panel.table().rowCount(), qint64(3484));  // the widest table, /reco/gandalf
        QVERIFY(panel.loadTable(QStringLiteral("/reco/gandalf"), {QStringLiteral("/mc_tracks")}));
        QVERIFY(panel.table().indexOf(QStringLiteral("mc_tracks.energy")) >= 0);
        panel.setLabel(QStringLiteral("dir_x*mc_tracks.dir_x + dir_y*mc_tracks.dir_y + dir_z*mc_tracks.dir_z > cos(10*pi/180)"),
                       QStringLiteral("good"), QStringLiteral("poor"));
        panel.set2D(QStringLiteral("chi2"), QStringLiteral("n_hits"), QStringLiteral("mc_tracks.energy > 10"));
        QSignalSpy done(&panel, &TablesPanel::trainingFinished);
        panel.train(true);
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.front().front().toBool(), true);
        QVERIFY(panel.result());
        QVERIFY(panel.result()->crossValidation.auc() > 0.8);
        QVERIFY(panel.result()->test);

        QTemporaryDir tmp;
        const QByteArray keep = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
        const QDir out(keep.isEmpty() ? tmp.path() : QString::fromLocal8Bit(keep));
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_panel.png"))));
        const QStringList names = {QStringLiteral("histogram"), QStringLiteral("hist2d"), QStringLiteral("roc"),
                                   QStringLiteral("confusion"), QStringLiteral("importance"), QStringLiteral("report")};
        for (int i = 0; i < names.size(); ++i) {
            panel.showView(i);
            QApplication::processEvents();
            const QString png = out.filePath(QStringLiteral("tables_%1.png").arg(names[i]));
            QVERIFY2(panel.exportCurrentView(png), qPrintable(png));
            QVERIFY(QImage(png).width() > 300);
        }
        panel.showView(2);
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_panel_roc.png"))));
    }

    void badLabelIsShownNotThrown()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        TablesPanel panel;
        QVERIFY(panel.openFile(file));
        panel.setLabel(QStringLiteral("abs(type = 14"), QStringLiteral("track"), QStringLiteral("shower"));
        QSignalSpy done(&panel, &TablesPanel::trainingFinished);
        panel.train(true);
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.front().front().toBool(), false);
        QVERIFY(!panel.result());
        QVERIFY(!panel.openFile(file + QStringLiteral(".missing")));
    }
};

QTEST_MAIN(TstTablesPanel)
#include "tst_tablespanel.moc"
