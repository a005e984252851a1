// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"

#include "tables/ClassConfusionView.h"
#include "tables/Histogram2DView.h"
#include "tables/TablesPanel.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <qcustomplot.h>

using namespace photopeak;
using namespace photopeak::ui;


namespace {
// Clicks the check box of an item view's cell as a user does (the indicator sits at the cell's left edge).
void clickCheck(QAbstractItemView *view, const QModelIndex &index)
{
    view->scrollTo(index);
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    option.features = QStyleOptionViewItem::HasCheckIndicator;
    const QRect box = view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box.isValid() ? box.center() : option.rect.topLeft() + QPoint(8, 8));
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
}

void pick(QComboBox *box, const QString &text)
{
    const int i = box->findText(text);
    QVERIFY2(i >= 0, qPrintable(text));
    box->setCurrentIndex(i);
    emit box->activated(i);
}

void clickTab(QTabWidget *tabs, int index)
{
    QTabBar *bar = tabs->tabBar();
    QTest::mouseClick(bar, Qt::LeftButton, {}, bar->tabRect(index).center());
    QApplication::processEvents();
}

QDir shotDir(const QTemporaryDir &tmp)
{
    const QByteArray keep = qgetenv("PHOTOPEAK_SCREENSHOT_DIR");
    return QDir(keep.isEmpty() ? tmp.path() : QString::fromLocal8Bit(keep));
}
} // namespace

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


    // The "Done when", step by step through the widgets a user touches: open the KM3NeT file, join
    // the MC tracks, tick feature columns, write a label expression, balance, train, then look at the ROC
    // curve, the confusion matrix, the likelihood 2-D histogram with a cut and the importances.
    void userWalksTheDoneWhenSteps()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        QTemporaryDir tmp;
        const QDir out = shotDir(tmp);
        TablesPanel panel;
        panel.resize(1500, 900);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.openFile(file));  // what File > Open Event Table does with the chosen file
        QApplication::processEvents();
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_1_opened.png"))));
        // The default label names is_cc, a column of /mc_tracks: the status says where it is and how to use it.
        auto *status = panel.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QVERIFY(status);
        QVERIFY2(status->text().contains(QStringLiteral("tick /mc_tracks")) && status->text().contains(QStringLiteral("mc_tracks.is_cc")),
                 qPrintable(status->text()));

        auto *joins = panel.findChild<QListWidget *>(QStringLiteral("joinList"));
        QVERIFY(joins);
        const auto mc = joins->findItems(QStringLiteral("/mc_tracks"), Qt::MatchExactly);
        QCOMPARE(mc.size(), 1);
        clickCheck(joins, joins->indexFromItem(mc.front()));
        QCOMPARE(mc.front()->checkState(), Qt::Checked);
        QVERIFY(panel.table().indexOf(QStringLiteral("mc_tracks.dir_z")) >= 0);
        // The table cannot be joined onto itself.
        const auto self = joins->findItems(QStringLiteral("/reco/gandalf"), Qt::MatchExactly);
        QCOMPARE(self.size(), 1);
        QVERIFY(!(self.front()->flags() & Qt::ItemIsEnabled));

        // Features: none, then the fit quality columns ticked one by one.
        auto *columns = panel.findChild<QTableWidget *>(QStringLiteral("columnTable"));
        QVERIFY(columns);
        for (auto *b : panel.findChildren<QPushButton *>())
            if (b->text() == QLatin1String("None"))
                QTest::mouseClick(b, Qt::LeftButton);
        const QStringList features{QStringLiteral("chi2"), QStringLiteral("n_hits"), QStringLiteral("beta0"), QStringLiteral("beta1"),
                                   QStringLiteral("lambda"), QStringLiteral("jstart_length"), QStringLiteral("spread_chi2_median"),
                                   QStringLiteral("spread_beta0_mad")};
        for (const QString &f : features) {
            const auto items = columns->findItems(f, Qt::MatchExactly);
            QCOMPARE(items.size(), 1);
            clickCheck(columns, columns->indexFromItem(items.front()));
            QCOMPARE(items.front()->checkState(), Qt::Checked);
        }
        // Column names are read in full: the name column is as wide as the longest name.
        const QFontMetrics fm(columns->font());
        QVERIFY(columns->columnWidth(0) >= fm.horizontalAdvance(QStringLiteral("spread_jenergy_energy_median")));

        auto *label = panel.findChild<QLineEdit *>(QStringLiteral("labelExpression"));
        QVERIFY(label);
        typeInto(label, QStringLiteral("dir_x*mc_tracks.dir_x + dir_y*mc_tracks.dir_y + dir_z*mc_tracks.dir_z > cos(10*pi/180)"));
        typeInto(panel.findChild<QLineEdit *>(QStringLiteral("positiveName")), QStringLiteral("good"));
        typeInto(panel.findChild<QLineEdit *>(QStringLiteral("negativeName")), QStringLiteral("poor"));
        pick(panel.findChild<QComboBox *>(QStringLiteral("balanceBox")), QStringLiteral("Downsample to the smaller class"));

        auto *train = panel.findChild<QPushButton *>(QStringLiteral("trainButton"));
        QVERIFY(train);
        QSignalSpy done(&panel, &TablesPanel::trainingFinished);
        QTest::mouseClick(train, Qt::LeftButton);
        QVERIFY(!train->isEnabled());  // running off the GUI thread; the window stays live
        QVERIFY(done.wait(120000));
        QVERIFY2(done.front().front().toBool(), qPrintable(status->text()));
        QVERIFY(train->isEnabled());
        QVERIFY(panel.result());
        QStringList trained = panel.result()->model.features(), ticked = features;
        trained.sort();
        ticked.sort();
        QCOMPARE(trained, ticked);
        QVERIFY(panel.result()->crossValidation.auc() > 0.8);
        QVERIFY(status->text().contains(QStringLiteral("ROC AUC")));
        QApplication::processEvents();
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_2_trained_roc.png"))));

        auto *views = panel.findChild<QTabWidget *>(QStringLiteral("viewTabs"));
        QVERIFY(views);
        clickTab(views, 3);
        auto *confusion = qobject_cast<ClassConfusionView *>(views->currentWidget());
        QVERIFY(confusion);
        QCOMPARE(confusion->classes(), (QStringList{QStringLiteral("good"), QStringLiteral("poor")}));
        const EventEvaluation &test = *panel.result()->test;
        QCOMPARE(confusion->count(0, 0), test.count(1, 1));
        QCOMPARE(confusion->count(1, 0), test.count(0, 1));
        QVERIFY(confusion->title().contains(QString::number(test.events())));
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_3_confusion.png"))));

        clickTab(views, 1);
        pick(panel.findChild<QComboBox *>(QStringLiteral("xColumn")), QStringLiteral("chi2"));
        pick(panel.findChild<QComboBox *>(QStringLiteral("yColumn")), QStringLiteral("lambda"));
        typeInto(panel.findChild<QLineEdit *>(QStringLiteral("cut2d")), QStringLiteral("mc_tracks.energy > 10"));
        auto *hist = panel.findChild<Histogram2DView *>();
        QVERIFY(hist && hist->isVisible());
        QVERIFY(hist->plot()->xAxis->label() == QLatin1String("chi2"));
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_4_hist2d.png"))));
        pick(panel.findChild<QComboBox *>(QStringLiteral("plot2dKind")), QStringLiteral("scatter by class"));
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_5_scatter.png"))));

        clickTab(views, 4);
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_6_importance.png"))));
        clickTab(views, 0);
        QVERIFY(panel.grab().save(out.filePath(QStringLiteral("tables_user_7_histogram.png"))));
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
