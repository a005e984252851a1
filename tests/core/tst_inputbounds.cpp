// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/h5/H5Access.h"
#include "library/SpectrumDataset.h"
#include "util/SharedResources.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <limits>
#include <unistd.h>

using namespace photopeak;

// Issue 21, item 2: declared sizes checked before reading, totals that overflow refused, folder scans that
// say what they skipped and follow links without looping, resources found from any build folder.
class TestInputBounds : public QObject {
    Q_OBJECT
private slots:
    void hdf5DeclaredSizeRefusedBeforeReading();
    void hdf5WriterStaysWithinReaderLimits();
    void csvWithInfiniteTotalRefusedNamingTheCsv();
    void finiteCountsWithInfiniteTotalAreFlagged();
    void folderScanFollowsLinksAndReportsSkippedEntries();
    void folderScanReportsUnreadableFolder();
    void resourcesFoundThroughTheBuildTree();
};

static QString regression(const QString &name)
{
    return QStringLiteral(PHOTOPEAK_SOURCE_DIR "/tests/fuzz/regressions/") + name;
}

void TestInputBounds::hdf5DeclaredSizeRefusedBeforeReading()
{
    const QString path = regression(QStringLiteral("h5-declares-60000x4096-stores-nothing.h5"));
    QCOMPARE(QFileInfo(path).size(), 1400);
    QElapsedTimer timer;
    timer.start();
    const auto read = ReaderRegistry::instance().read(path);
    QVERIFY(!read.ok());
    QVERIFY2(read.error().source == path, qPrintable(read.error().toString()));
    QVERIFY2(read.error().message.contains(QLatin1String("declares 245760000 values")), qPrintable(read.error().message));
    // It used to allocate 3.9 GB for 11 s; refusing must not read anything.
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestInputBounds::hdf5WriterStaysWithinReaderLimits()
{
    H5DatasetInfo table;
    table.path = QStringLiteral("/counts");
    table.kind = H5DatasetInfo::Kind::Float;
    // The XGD campaign 24 times over: 101,880 spectra of 4096 channels (convert wrote it, info refused it).
    table.shape = {101880, 4096};
    QVERIFY(!h5::checkTableShape(table, QStringLiteral("x.h5")).ok());
    table.shape = {h5::MaxValuesPerRead / 4096, 4096};
    QVERIFY(h5::checkTableShape(table, QStringLiteral("x.h5")).ok());
    table.shape = {h5::MaxValuesPerRead / 4096 + 1, 4096};
    QVERIFY(!h5::checkTableShape(table, QStringLiteral("x.h5")).ok());
    table.shape = {h5::MaxRowsPerTable + 1, 1};
    QVERIFY(!h5::checkTableShape(table, QStringLiteral("x.h5")).ok());
    // Dimensions whose product overflows are refused, not wrapped around.
    table.shape = {qint64(1) << 40, qint64(1) << 40};
    QCOMPARE(table.elementCount(), std::numeric_limits<qint64>::max());
    QVERIFY(!h5::checkTableShape(table, QStringLiteral("x.h5")).ok());

    // What the writer writes, the reader reads back (block-wise on both sides).
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("xgd/srcs/Cs137/5s/15cm"));
    auto ds = SpectrumDataset::openFolder(folder);
    QVERIFY(ds.ok());
    std::vector<Spectrum> spectra;
    for (const DatasetEntry &e : ds->entries())
        spectra.push_back(e.spectrum);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("lib.h5"));
    QVERIFY(ReaderRegistry::instance().write(out, spectra).ok());
    const auto back = ReaderRegistry::instance().read(out);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back->size(), spectra.size());
    QCOMPARE(back->back().counts, spectra.back().counts);
}

void TestInputBounds::csvWithInfiniteTotalRefusedNamingTheCsv()
{
    const QString path = regression(QStringLiteral("csv-counts-1e308-total-infinite.csv"));
    const auto read = ReaderRegistry::instance().read(path);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().source, path);
    QVERIFY2(read.error().message.contains(QLatin1String("total of the counts infinite")), qPrintable(read.error().message));
    QVERIFY(read.error().kind & unsigned(SpectrumProblem::NonFiniteCounts));
}

void TestInputBounds::finiteCountsWithInfiniteTotalAreFlagged()
{
    Spectrum s;
    s.counts = std::vector<double>(16, 1.0);
    s.liveTime = 10;
    s.checkValues();
    QVERIFY(!s.problems.has(SpectrumProblem::NonFiniteCounts));
    s.counts[3] = s.counts[4] = 1e308;
    s.problems = {};
    s.checkValues();
    QVERIFY(s.problems.has(SpectrumProblem::NonFiniteCounts));
    QVERIFY(s.problems.blocksAnalysis());
}

void TestInputBounds::folderScanFollowsLinksAndReportsSkippedEntries()
{
    PHOTOPEAK_REQUIRE_DATA(cs, QStringLiteral("xgd/srcs/Cs137/5s/15cm"));
    QTemporaryDir dir;
    const QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("scan/real")));
    const QStringList files = QDir(cs).entryList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name).mid(0, 3);
    QCOMPARE(files.size(), 3);
    for (const QString &f : files)
        QVERIFY(QFile::copy(QDir(cs).filePath(f), root.filePath(QStringLiteral("scan/real/") + f)));
    // A linked folder outside the scanned tree is followed; a link back up is a loop; a dangling link is named.
    QVERIFY(root.mkpath(QStringLiteral("elsewhere/store")));
    QVERIFY(QFile::copy(QDir(cs).filePath(files[0]), root.filePath(QStringLiteral("elsewhere/store/linked.sps"))));
    QCOMPARE(::symlink(qPrintable(root.filePath(QStringLiteral("elsewhere/store"))), qPrintable(root.filePath(QStringLiteral("scan/Cs137")))), 0);
    QCOMPARE(::symlink("..", qPrintable(root.filePath(QStringLiteral("scan/real/loop")))), 0);
    QCOMPARE(::symlink("missing.sps", qPrintable(root.filePath(QStringLiteral("scan/dangling.sps")))), 0);

    auto listing = SpectrumDataset::listFolder(root.filePath(QStringLiteral("scan")));
    QVERIFY(listing.ok());
    QCOMPARE(listing->files.size(), 4);  // three real files and the one behind the linked folder
    QVERIFY(listing->files.contains(root.filePath(QStringLiteral("scan/Cs137/linked.sps"))));
    QCOMPARE(int(listing->skipped.size()), 2);
    QStringList reasons;
    for (const DatasetEntry &e : listing->skipped)
        reasons << e.relativePath + QStringLiteral(": ") + e.message;
    QVERIFY2(reasons.filter(QStringLiteral("real/loop: folder skipped")).size() == 1, qPrintable(reasons.join('\n')));
    QVERIFY2(reasons.filter(QStringLiteral("dangling.sps: skipped: broken symbolic link")).size() == 1, qPrintable(reasons.join('\n')));

    // Opening the folder keeps the skipped entries as unreadable rows: nothing disappears without a word.
    auto ds = SpectrumDataset::openFolder(root.filePath(QStringLiteral("scan")));
    QVERIFY(ds.ok());
    QCOMPARE(ds->size(), 6);
    int unreadable = 0;
    for (const DatasetEntry &e : ds->entries())
        unreadable += !e.isReadable();
    QCOMPARE(unreadable, 2);
    QCOMPARE(ds->entries()[0].spectrum.labels, QStringList{QStringLiteral("Cs137")});  // labels through the link
}

void TestInputBounds::folderScanReportsUnreadableFolder()
{
    if (::geteuid() == 0)
        QSKIP("running as root: permissions do not stop root from reading a folder");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("scan/closed")));
    QFile::setPermissions(dir.filePath(QStringLiteral("scan/closed")), QFileDevice::WriteOwner);
    auto listing = SpectrumDataset::listFolder(dir.filePath(QStringLiteral("scan")));
    QFile::setPermissions(dir.filePath(QStringLiteral("scan/closed")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(listing.ok());
    QCOMPARE(int(listing->skipped.size()), 1);
    QVERIFY(listing->skipped.front().message.contains(QLatin1String("permission denied")));
}

void TestInputBounds::resourcesFoundThroughTheBuildTree()
{
    // Not through the source tree's relative position: the build folder may have any name and place.
    qunsetenv("PHOTOPEAK_RESOURCES");
    const QString found = findSharedResource(QStringLiteral("nuclides/nuclides.tsv"));
    QVERIFY2(!found.isEmpty(), qPrintable(sharedResourceFolders().join(QStringLiteral(", "))));
    QCOMPARE(found, QDir::cleanPath(QStringLiteral(PHOTOPEAK_BINARY_DIR "/share/photopeak/nuclides/nuclides.tsv")));
}

QTEST_GUILESS_MAIN(TestInputBounds)
#include "tst_inputbounds.moc"
