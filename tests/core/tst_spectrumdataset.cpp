// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "library/SpectrumDataset.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
void writeAll(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
QByteArray folderDigest(const QString &root)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    for (const QString &f : files) {
        h.addData(f.toUtf8());
        h.addData(readAll(f));
    }
    return h.result();
}
} // namespace

class TestSpectrumDataset : public QObject {
    Q_OBJECT
private slots:
    void folderWithProblemFilesReportsThem();
    void wholeXgdFolderOpens();
    void cancelStopsEarly();
    void missingFolderIsAnError();
};

void TestSpectrumDataset::folderWithProblemFilesReportsThem()
{
    PHOTOPEAK_REQUIRE_DATA(good, QStringLiteral("xgd/srcs/Cs137/60s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(bad, QStringLiteral("bad/xgd-all-zero-header.sps"));
    PHOTOPEAK_REQUIRE_DATA(badcal, QStringLiteral("xgd/bkgs/15s/badcal/2022629_13510_bkg_15s.sps"));
    const QString goodFile = QDir(good).entryInfoList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name).first().filePath();
    QTemporaryDir dir;
    const QByteArray goodBytes = readAll(goodFile);
    writeAll(dir.filePath(QStringLiteral("Cs137/good.sps")), goodBytes);
    writeAll(dir.filePath(QStringLiteral("Cs137/zeroed.sps")), readAll(bad));
    writeAll(dir.filePath(QStringLiteral("Cs137/truncated.sps")), goodBytes.left(5000));
    writeAll(dir.filePath(QStringLiteral("Cs137/garbage.sps")), QByteArray(3000, '\xab'));
    writeAll(dir.filePath(QStringLiteral("bkg/slope0.sps")), readAll(badcal));
    writeAll(dir.filePath(QStringLiteral("bkg/notes.dat")), QByteArray("just some text\n"));
    QByteArray aborted = goodBytes;
    aborted.replace(1024, aborted.size() - 1024, QByteArray(aborted.size() - 1024, '\0'));
    writeAll(dir.filePath(QStringLiteral("Cs137/aborted.sps")), aborted);
    QByteArray zeroLive = goodBytes;
    zeroLive.replace(301, 4, QByteArray(4, '\0'));
    zeroLive.replace(448, 8, QByteArray(8, '\0'));
    writeAll(dir.filePath(QStringLiteral("Cs137/zerolive.sps")), zeroLive);
    const QByteArray before = folderDigest(dir.path());

    auto ds = SpectrumDataset::openFolder(dir.path());
    QVERIFY(ds.ok());
    QCOMPARE(ds->size(), 8);
    QMap<QString, const DatasetEntry *> byName;
    for (const auto &e : ds->entries())
        byName[QFileInfo(e.relativePath).fileName()] = &e;
    QVERIFY(byName[QStringLiteral("good.sps")]->isUsable());
    QCOMPARE(byName[QStringLiteral("good.sps")]->spectrum.labels, QStringList{QStringLiteral("Cs137")});
    QVERIFY(byName[QStringLiteral("zeroed.sps")]->message.contains(QLatin1String("0 channels")));
    QVERIFY(byName[QStringLiteral("truncated.sps")]->spectrum.problems.has(SpectrumProblem::Truncated));
    QVERIFY(!byName[QStringLiteral("garbage.sps")]->isReadable());
    QVERIFY(byName[QStringLiteral("slope0.sps")]->spectrum.problems.has(SpectrumProblem::MissingCalibration));
    QCOMPARE(byName[QStringLiteral("slope0.sps")]->spectrum.labels, QStringList{QStringLiteral("background")});
    QVERIFY(byName[QStringLiteral("notes.dat")]->spectrum.problems.has(SpectrumProblem::UnknownFormat));
    QVERIFY(byName[QStringLiteral("notes.dat")]->message.contains(QLatin1String("unknown format")));
    QVERIFY(byName[QStringLiteral("aborted.sps")]->spectrum.problems.has(SpectrumProblem::AllZeroCounts));
    QVERIFY(!byName[QStringLiteral("aborted.sps")]->isUsable());
    QVERIFY(byName[QStringLiteral("zerolive.sps")]->spectrum.problems.has(SpectrumProblem::NonPositiveLiveTime));
    QCOMPARE(int(ds->problemEntries().size()), 7);
    QCOMPARE(folderDigest(dir.path()), before);  // nothing modified, nothing deleted
}

void TestSpectrumDataset::wholeXgdFolderOpens()
{
    PHOTOPEAK_REQUIRE_DATA(root, QStringLiteral("xgd"));
    auto ds = SpectrumDataset::openFolder(root);
    QVERIFY(ds.ok());
    QCOMPARE(ds->fileCount(), 4245);
    QCOMPARE(ds->size(), 4245);
    const auto counts = ds->labelSetCounts();
    QVERIFY(counts.value(QStringLiteral("Co60+Cs137")) > 0);
    QVERIFY(counts.value(QStringLiteral("Am241+Cs137")) > 0);
    QVERIFY(counts.value(QStringLiteral("background")) > 1000);
    int allZero = 0, slope0 = 0;
    for (const auto &e : ds->entries()) {
        allZero += e.spectrum.problems.has(SpectrumProblem::AllZeroCounts);
        slope0 += e.spectrum.problems.has(SpectrumProblem::MissingCalibration);
    }
    QVERIFY(allZero > 20 && allZero < 200);  // about 1 in 50 series ends with an aborted acquisition
    QCOMPARE(slope0, 403);                   // MANIFEST.tsv: 302 in badcal + 101 in srcs
}

void TestSpectrumDataset::cancelStopsEarly()
{
    PHOTOPEAK_REQUIRE_DATA(root, QStringLiteral("xgd"));
    JobControl job;
    job.cancel();
    auto ds = SpectrumDataset::openFolder(root, &job);
    QVERIFY(ds.ok());
    QVERIFY(ds->wasCancelled());
    QVERIFY(ds->size() < 4245);
}

void TestSpectrumDataset::missingFolderIsAnError()
{
    auto ds = SpectrumDataset::openFolder(QStringLiteral("/nonexistent/folder"));
    QVERIFY(!ds.ok());
    QVERIFY(ds.error().message.contains(QLatin1String("does not exist")));
}

QTEST_GUILESS_MAIN(TestSpectrumDataset)
#include "tst_spectrumdataset.moc"
