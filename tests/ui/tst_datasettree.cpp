// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The data browser's tree mode: folders, files and the spectra of multi-spectrum files; filtering keeps the
// parents of matches; selecting a folder selects its spectra; the dock's entry API in both modes.

#include "TestData.h"

#include "data/DataBrowserDock.h"
#include "data/DatasetFilterProxy.h"
#include "data/DatasetModel.h"
#include "data/DatasetTreeModel.h"
#include "library/SpectrumDataset.h"

#include <QApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <memory>

using namespace photopeak;
using namespace photopeak::ui;

namespace {
const QString kDemo = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd");

std::shared_ptr<const SpectrumDataset> open(const QString &folder)
{
    auto result = SpectrumDataset::openFolder(folder);
    if (!result)
        return {};
    return std::make_shared<const SpectrumDataset>(std::move(*result));
}

// The row named `name` below `parent` (column 0), in any model with DatasetModel's columns.
QModelIndex child(const QAbstractItemModel *model, const QModelIndex &parent, const QString &name)
{
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, DatasetModel::NameColumn, parent);
        if (index.data().toString() == name)
            return index;
    }
    return {};
}

QModelIndex path(const QAbstractItemModel *model, const QString &relative)
{
    QModelIndex index;
    for (const QString &part : relative.split(QLatin1Char('/'))) {
        index = child(model, index, part);
        if (!index.isValid())
            return {};
    }
    return index;
}

QList<int> entriesWithPrefix(const SpectrumDataset &ds, const QString &prefix)
{
    QList<int> out;
    for (int i = 0; i < ds.size(); ++i)
        if (ds.entries()[static_cast<size_t>(i)].relativePath.startsWith(prefix))
            out << i;
    return out;
}

int countFiles(const QString &folder)
{
    int n = 0;
    QDirIterator it(folder, {QStringLiteral("*.sps")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// Every spectrum row (EntryIndexRole >= 0) shown by a model, depth first.
QList<int> leaves(const QAbstractItemModel *model, const QModelIndex &parent = {})
{
    QList<int> out;
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        const int entry = index.data(DatasetModel::EntryIndexRole).toInt();
        if (entry >= 0)
            out << entry;
        out << leaves(model, index);
    }
    return out;
}
} // namespace

class TestDatasetTree : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void treeShapeOfDemo();
    void multiSpectrumFileHasOneRowPerSpectrum();
    void filterKeepsParentsOfMatches();
    void folderSelectionSelectsItsSpectra();
    void selectEntryInBothModes();
    void modeIsRememberedAndKeepsSelection();
};

void TestDatasetTree::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(QStringLiteral("PhotopeakTest"));
    QApplication::setApplicationName(QStringLiteral("tst_datasettree"));
    QSettings().clear();
}

void TestDatasetTree::treeShapeOfDemo()
{
    auto ds = open(kDemo);
    QVERIFY(ds);
    DatasetModel flat;
    DatasetTreeModel tree(&flat);
    flat.setDataset(ds);
    QCOMPARE(tree.spectrumCount({}), ds->size());
    QCOMPARE(tree.flaggedCount({}), flat.problemCount());

    const QModelIndex srcs = path(&tree, QStringLiteral("srcs"));
    const QModelIndex cs = path(&tree, QStringLiteral("srcs/Cs137"));
    const QModelIndex cs15 = path(&tree, QStringLiteral("srcs/Cs137/15s/15cm"));
    QVERIFY(srcs.isValid() && cs.isValid() && cs15.isValid());
    QCOMPARE(tree.kind(cs15), DatasetTreeModel::Kind::Folder);
    QCOMPARE(cs15.data(DatasetModel::EntryIndexRole).toInt(), -1);
    QCOMPARE(tree.spectrumCount(srcs), countFiles(kDemo + QStringLiteral("/srcs")));
    QCOMPARE(tree.spectrumCount(cs), countFiles(kDemo + QStringLiteral("/srcs/Cs137")));
    const int in15cm = countFiles(kDemo + QStringLiteral("/srcs/Cs137/15s/15cm"));
    QCOMPARE(tree.rowCount(cs15), in15cm);
    QCOMPARE(tree.spectrumCount(cs15), in15cm);
    QVERIFY(tree.index(cs15.row(), DatasetModel::CountsColumn, cs15.parent()).data().toString()
                .contains(QString::number(in15cm)));
    QCOMPARE(cs.siblingAtColumn(DatasetModel::LabelsColumn).data().toString(), QStringLiteral("Cs137"));
    QVERIFY(srcs.siblingAtColumn(DatasetModel::LabelsColumn).data().toString().isEmpty());  // mixed

    // Files are spectrum rows answering like the flat model.
    const QList<int> inCs15 = entriesWithPrefix(*ds, QStringLiteral("srcs/Cs137/15s/15cm/"));
    QCOMPARE(tree.entriesBelow(cs15), inCs15);
    for (int r = 0; r < tree.rowCount(cs15); ++r) {
        const QModelIndex file = tree.index(r, 0, cs15);
        QCOMPARE(tree.kind(file), DatasetTreeModel::Kind::File);
        QCOMPARE(tree.rowCount(file), 0);
        const int entry = file.data(DatasetModel::EntryIndexRole).toInt();
        QCOMPARE(entry, inCs15.at(r));
        for (int role : {int(Qt::DisplayRole), int(DatasetModel::FilterTextRole), int(DatasetModel::HasProblemRole)})
            for (int c : {int(DatasetModel::NameColumn), int(DatasetModel::CountsColumn), int(DatasetModel::FlagsColumn)})
                QCOMPARE(tree.index(r, c, cs15).data(role), flat.index(entry, c).data(role));
    }

    // Flagged counts per folder; every entry exactly once, reachable by indexOfEntry.
    int flaggedInBkgs = 0;
    for (int i : entriesWithPrefix(*ds, QStringLiteral("bkgs/")))
        flaggedInBkgs += DatasetModel::isWarning(ds->entries()[static_cast<size_t>(i)]) ? 1 : 0;
    const QModelIndex bkgs = path(&tree, QStringLiteral("bkgs"));
    QCOMPARE(tree.flaggedCount(bkgs), flaggedInBkgs);
    QCOMPARE(bkgs.data(DatasetModel::HasProblemRole).toBool(), flaggedInBkgs > 0);
    QList<int> all = leaves(&tree);
    QCOMPARE(all.size(), ds->size());
    std::sort(all.begin(), all.end());
    for (int i = 0; i < ds->size(); ++i) {
        QCOMPARE(all.at(i), i);
        QCOMPARE(tree.indexOfEntry(i).data(DatasetModel::EntryIndexRole).toInt(), i);
    }

    // Follows the flat model when another dataset is opened.
    flat.setDataset(open(kDemo + QStringLiteral("/srcs/Cs137")));
    QCOMPARE(tree.spectrumCount({}), countFiles(kDemo + QStringLiteral("/srcs/Cs137")));
    QVERIFY(path(&tree, QStringLiteral("15s/15cm")).isValid());
}

void TestDatasetTree::multiSpectrumFileHasOneRowPerSpectrum()
{
    PHOTOPEAK_REQUIRE_DATA(table, "gamma_flow/Am241_left.h5");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("tables")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("single")));
    QVERIFY(QFile::copy(table, dir.filePath(QStringLiteral("tables/Am241_left.h5"))));
    QDirIterator it(kDemo + QStringLiteral("/srcs/Cs137/15s/15cm"), {QStringLiteral("*.sps")}, QDir::Files);
    QVERIFY(it.hasNext());
    QVERIFY(QFile::copy(it.next(), dir.filePath(QStringLiteral("single/one.sps"))));

    auto ds = open(dir.path());
    QVERIFY(ds);
    const QList<int> rows = entriesWithPrefix(*ds, QStringLiteral("tables/"));
    QVERIFY2(rows.size() > 100, qPrintable(QString::number(rows.size())));
    DatasetModel flat;
    DatasetTreeModel tree(&flat);
    flat.setDataset(ds);

    const QModelIndex tables = path(&tree, QStringLiteral("tables"));
    QCOMPARE(tree.rowCount(tables), 1);
    const QModelIndex file = path(&tree, QStringLiteral("tables/Am241_left.h5"));
    QVERIFY(file.isValid());
    QCOMPARE(tree.kind(file), DatasetTreeModel::Kind::File);
    QVERIFY(tree.isGroup(file));
    QCOMPARE(file.data(DatasetModel::EntryIndexRole).toInt(), -1);
    QCOMPARE(tree.rowCount(file), rows.size());
    QCOMPARE(tree.spectrumCount(file), rows.size());
    for (int r = 0; r < tree.rowCount(file); ++r) {
        const QModelIndex spectrum = tree.index(r, 0, file);
        QCOMPARE(tree.kind(spectrum), DatasetTreeModel::Kind::Spectrum);
        QCOMPARE(tree.rowCount(spectrum), 0);
        const int entry = spectrum.data(DatasetModel::EntryIndexRole).toInt();
        QCOMPARE(entry, rows.at(r));
        QVERIFY(spectrum.data().toString().startsWith(
            QStringLiteral("#%1").arg(ds->entries()[static_cast<size_t>(entry)].spectrum.indexInSource)));
        QCOMPARE(spectrum.parent(), file);
    }

    const QModelIndex one = path(&tree, QStringLiteral("single/one.sps"));
    QVERIFY(one.isValid());
    QVERIFY(!tree.isGroup(one));
    QCOMPARE(tree.rowCount(one), 0);
    QVERIFY(one.data(DatasetModel::EntryIndexRole).toInt() >= 0);
}

void TestDatasetTree::filterKeepsParentsOfMatches()
{
    DatasetModel model;
    DataBrowserDock dock(&model);
    dock.setTreeMode(true);
    dock.show();
    auto ds = open(kDemo);
    QVERIFY(ds);
    model.setDataset(ds);

    const QList<int> matches = entriesWithPrefix(*ds, QStringLiteral("srcs/Cs137/60s/"));
    QVERIFY(!matches.isEmpty());
    QTest::keyClicks(dock.filterEdit(), QStringLiteral("cs137/60s"));
    QTRY_COMPARE(dock.listProxy()->rowCount(), matches.size());
    const DatasetFilterProxy *proxy = dock.treeProxy();
    QCOMPARE(dock.proxy(), proxy);
    QCOMPARE(leaves(proxy), matches);
    QCOMPARE(proxy->rowCount(), 1);  // only srcs is left at the top
    const QModelIndex folder = path(proxy, QStringLiteral("srcs/Cs137/60s/50cm"));
    QVERIFY(folder.isValid());
    QVERIFY(!path(proxy, QStringLiteral("srcs/Cs137/15s")).isValid());
    QVERIFY(!path(proxy, QStringLiteral("bkgs")).isValid());
    for (QModelIndex p = folder; p.isValid(); p = p.parent())
        QVERIFY2(dock.treeView()->isExpanded(p), qPrintable(p.data().toString()));

    // Problems only: the flagged spectra with their folders.
    dock.filterEdit()->clear();
    QTRY_COMPARE(dock.listProxy()->rowCount(), ds->size());
    QCOMPARE(leaves(proxy).size(), ds->size());
    QToolButton *problems = nullptr;
    for (QToolButton *b : dock.findChildren<QToolButton *>())
        if (b != dock.treeButton() && b->isCheckable())
            problems = b;
    QVERIFY(problems);
    problems->click();
    const QList<int> flagged = leaves(proxy);
    QCOMPARE(flagged.size(), model.problemCount());
    for (int e : flagged)
        QVERIFY(DatasetModel::isWarning(ds->entries()[static_cast<size_t>(e)]));
    problems->click();
}

void TestDatasetTree::folderSelectionSelectsItsSpectra()
{
    DatasetModel model;
    DataBrowserDock dock(&model);
    dock.setTreeMode(true);
    dock.show();
    auto ds = open(kDemo);
    QVERIFY(ds);
    model.setDataset(ds);
    QSignalSpy spy(&dock, &DataBrowserDock::selectionChanged);

    const QModelIndex cs = path(dock.proxy(), QStringLiteral("srcs/Cs137"));
    QVERIFY(cs.isValid());
    const QList<int> inCs = entriesWithPrefix(*ds, QStringLiteral("srcs/Cs137/"));
    QItemSelectionModel *selection = dock.view()->selectionModel();
    selection->setCurrentIndex(cs, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QTRY_VERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).value<QList<int>>(), inCs);
    QCOMPARE(spy.last().at(1).toInt(), -1);  // a folder is current: no single spectrum
    QCOMPARE(dock.selectedEntries(), inCs);

    // Adding a spectrum inside the folder adds nothing; one from elsewhere is added in view order.
    const QModelIndex inside = dock.proxy()->index(0, 0, path(dock.proxy(), QStringLiteral("srcs/Cs137/60s/50cm")));
    selection->select(inside, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(dock.selectedEntries(), inCs);
    const QList<int> inLong = entriesWithPrefix(*ds, QStringLiteral("long/"));
    const QModelIndex longFirst = dock.proxy()->index(0, 0, path(dock.proxy(), QStringLiteral("long")));
    QCOMPARE(longFirst.data(DatasetModel::EntryIndexRole).toInt(), inLong.first());
    spy.clear();
    selection->setCurrentIndex(longFirst, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_VERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).value<QList<int>>(), QList<int>{inLong.first()} + inCs);
    QCOMPARE(spy.last().at(1).toInt(), inLong.first());
    QCOMPARE(dock.currentEntry(), inLong.first());

    // With a filter, a folder stands for the spectra the filter shows.
    QTest::keyClicks(dock.filterEdit(), QStringLiteral("15s"));
    const QList<int> cs15 = entriesWithPrefix(*ds, QStringLiteral("srcs/Cs137/15s/"));
    QTRY_VERIFY(dock.listProxy()->rowCount() < ds->size());
    const QModelIndex filtered = path(dock.proxy(), QStringLiteral("srcs/Cs137"));
    selection->setCurrentIndex(filtered, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QCOMPARE(dock.selectedEntries(), cs15);
}

void TestDatasetTree::selectEntryInBothModes()
{
    DatasetModel model;
    DataBrowserDock dock(&model);
    dock.show();
    auto ds = open(kDemo);
    QVERIFY(ds);
    model.setDataset(ds);

    for (bool tree : {true, false}) {
        dock.setTreeMode(tree);
        QCOMPARE(dock.isTreeMode(), tree);
        dock.selectFirstUsable();
        int firstUsable = -1;
        for (int i = 0; i < ds->size() && firstUsable < 0; ++i)
            if (!DatasetModel::isWarning(ds->entries()[static_cast<size_t>(i)]))
                firstUsable = i;
        QCOMPARE(dock.currentEntry(), firstUsable);
        QCOMPARE(dock.selectedEntries(), QList<int>{firstUsable});

        const int target = entriesWithPrefix(*ds, QStringLiteral("srcs/Na22/60s/50cm/")).value(2, -1);
        QVERIFY(target >= 0);
        QVERIFY(dock.selectEntry(target));
        QCOMPARE(dock.currentEntry(), target);
        QCOMPARE(dock.selectedEntries(), QList<int>{target});
        const QModelIndex current = dock.view()->currentIndex();
        for (QModelIndex p = current.parent(); p.isValid(); p = p.parent())
            QVERIFY(dock.view()->isExpanded(p));
        QVERIFY(dock.view()->visualRect(current).isValid());

        // Hidden by the filter: the filter is cleared.
        QTest::keyClicks(dock.filterEdit(), QStringLiteral("bkgs"));
        QTRY_VERIFY(dock.listProxy()->rowCount() < ds->size());
        const int other = entriesWithPrefix(*ds, QStringLiteral("srcs/Co60/")).value(0, -1);
        QVERIFY(dock.selectEntry(other));
        QCOMPARE(dock.currentEntry(), other);
        QVERIFY(dock.filterEdit()->text().isEmpty());
        QCOMPARE(dock.listProxy()->rowCount(), ds->size());
        QVERIFY(!dock.selectEntry(ds->size()));
    }
}

void TestDatasetTree::modeIsRememberedAndKeepsSelection()
{
    QSettings().remove(QStringLiteral("browser/tree"));
    DatasetModel model;
    {
        DataBrowserDock dock(&model);
        QVERIFY(dock.isTreeMode());  // the default
        QVERIFY(dock.treeButton()->isChecked());
        QCOMPARE(dock.view(), dock.treeView());
        auto ds = open(kDemo);
        QVERIFY(ds);
        model.setDataset(ds);
        const QList<int> inCo = entriesWithPrefix(*ds, QStringLiteral("srcs/Co60/"));
        dock.view()->selectionModel()->select(path(dock.proxy(), QStringLiteral("srcs/Co60")),
                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(dock.selectedEntries(), inCo);
        dock.treeButton()->click();  // to the list
        QVERIFY(!dock.isTreeMode());
        QCOMPARE(dock.view(), dock.listView());
        QCOMPARE(dock.proxy(), dock.listProxy());
        QCOMPARE(dock.selectedEntries(), inCo);
        QCOMPARE(QSettings().value(QStringLiteral("browser/tree")).toBool(), false);
    }
    DataBrowserDock again(&model);
    QVERIFY(!again.isTreeMode());
    again.setTreeMode(true);
    QCOMPARE(QSettings().value(QStringLiteral("browser/tree")).toBool(), true);
}

QTEST_MAIN(TestDatasetTree)
#include "tst_datasettree.moc"
