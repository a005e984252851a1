// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace photopeak;

// Replays tests/fuzz/regressions (damaged files found by fuzzing or reported): each must be refused, or read
// with every spectrum flagged unusable, with a message naming the file; from disk and from memory alike.
// Also checks that the in-memory path the fuzzers use reads real files exactly as reading from disk does.
class TestMalformedInputs : public QObject {
    Q_OBJECT
private slots:
    void regressionRefused_data();
    void regressionRefused();
    void memoryReadsLikeDisk_data();
    void memoryReadsLikeDisk();
};

static const QString RegressionDir = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/tests/fuzz/regressions");

void TestMalformedInputs::regressionRefused_data()
{
    QTest::addColumn<QString>("path");
    const QFileInfoList files = QDir(RegressionDir).entryInfoList(QDir::Files, QDir::Name);
    int count = 0;
    for (const QFileInfo &f : files)
        if (f.suffix() != QLatin1String("md")) {
            QTest::newRow(qPrintable(f.fileName())) << f.absoluteFilePath();
            ++count;
        }
    QVERIFY(count >= 3);
}

void TestMalformedInputs::regressionRefused()
{
    QFETCH(QString, path);
    const SpectrumReader *reader = ReaderRegistry::instance().readerFor(path);
    QVERIFY2(reader, "some reader must claim the file so that its problem is reported");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const auto fromDisk = ReaderRegistry::instance().read(path);
    const auto fromMemory = reader->readBytes(bytes, path);
    for (const auto *result : {&fromDisk, &fromMemory}) {
        if (!result->ok()) {
            QCOMPARE(result->error().source, path);
            QVERIFY(!result->error().message.isEmpty());
            continue;
        }
        QVERIFY(!(*result)->empty());
        for (const Spectrum &s : **result)
            QVERIFY2(s.problems.blocksAnalysis(), qPrintable(path + QStringLiteral(" was read as a usable spectrum")));
    }
    QCOMPARE(fromDisk.ok(), fromMemory.ok());
    if (!fromDisk.ok())
        QCOMPARE(fromDisk.error().message, fromMemory.error().message);
}

void TestMalformedInputs::memoryReadsLikeDisk_data()
{
    QTest::addColumn<QString>("relative");
    for (const char *f : {"xgd/srcs/Cs137/5s/15cm/2022628_164456_Cs-137_5s_15cm.sps", "formats/radiacode-tools/data_am241.n42",
                          "formats/InterSpec/background_20100317.n42", "formats/becquerel/nai_detector.spe",
                          "formats/becquerel/01122014152731-GT01122014182338-GA37.4963000N-GO122.4633000W.cnf",
                          "formats/becquerel/Alcatraz14.Spc", "formats/radiacode-tools/data_am241.xml",
                          "formats/Gamma-Spectrum-Database/Cs-137.csv", "gamma_flow/Am241_simulated.h5"})
        QTest::newRow(f) << QString::fromLatin1(f);
}

void TestMalformedInputs::memoryReadsLikeDisk()
{
    QFETCH(QString, relative);
    PHOTOPEAK_REQUIRE_DATA(path, relative);
    const SpectrumReader *reader = ReaderRegistry::instance().readerFor(path);
    QVERIFY(reader);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const auto fromDisk = reader->read(path);
    const auto fromMemory = reader->readBytes(file.readAll(), path);
    QVERIFY2(fromDisk.ok(), qPrintable(fromDisk.ok() ? QString() : fromDisk.error().toString()));
    QVERIFY2(fromMemory.ok(), qPrintable(fromMemory.ok() ? QString() : fromMemory.error().toString()));
    QCOMPARE(fromMemory->size(), fromDisk->size());
    for (size_t i = 0; i < fromDisk->size(); ++i) {
        QCOMPARE(fromMemory->at(i).counts, fromDisk->at(i).counts);
        QCOMPARE(fromMemory->at(i).liveTime, fromDisk->at(i).liveTime);
        QCOMPARE(fromMemory->at(i).calibration, fromDisk->at(i).calibration);
        QCOMPARE(fromMemory->at(i).sourcePath, fromDisk->at(i).sourcePath);
        QCOMPARE(fromMemory->at(i).problems.bits(), fromDisk->at(i).problems.bits());
    }
}

QTEST_GUILESS_MAIN(TestMalformedInputs)
#include "tst_malformedinputs.moc"
