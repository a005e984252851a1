// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/sps/SpsFormat.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
struct ManifestRow {
    QString path;
    int channels, liveInt, realInt;
    double live, real, distance, slope, offset, total;
    QString start, description;
};

QList<ManifestRow> manifestRows()
{
    QList<ManifestRow> rows;
    QFile f(testdata::path(QStringLiteral("xgd/MANIFEST.tsv")));
    if (!f.open(QIODevice::ReadOnly))
        return rows;
    f.readLine();
    while (!f.atEnd()) {
        const QStringList c = QString::fromUtf8(f.readLine()).trimmed().split(QLatin1Char('\t'));
        if (c.size() < 14)
            continue;
        rows.append({c[0], c[3].toInt(), c[4].toInt(), c[5].toInt(), c[6].toDouble(), c[7].toDouble(),
                     c[8].toDouble(), c[9].toDouble(), c[10].toDouble(), c[12].toDouble(), c[11], c[13]});
    }
    return rows;
}
} // namespace

class TestSpsFormat : public QObject {
    Q_OBJECT
private slots:
    void headerMatchesManifest_data();
    void headerMatchesManifest();
    void everyManifestFileParses();
    void writeThenReadRoundTrip_data();
    void writeThenReadRoundTrip();
    void slopeZeroGetsDefaultAndIsFlagged();
    void badInputsGiveClearErrors_data();
    void badInputsGiveClearErrors();
    void zeroedFileFromSharedBad();
    void serializeRefusesWhatSpsCannotHold();
};

void TestSpsFormat::headerMatchesManifest_data()
{
    QTest::addColumn<int>("row");
    const auto rows = manifestRows();
    QVERIFY2(rows.size() > 4000, "MANIFEST.tsv missing or short");
    // A spread of rows: every 211th file covers every folder family.
    for (int i = 0; i < rows.size(); i += 211)
        QTest::newRow(qPrintable(rows[i].path)) << i;
}

void TestSpsFormat::headerMatchesManifest()
{
    QFETCH(int, row);
    const ManifestRow m = manifestRows().at(row);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/") + m.path);
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), m.channels);
    QVERIFY(qAbs(s.liveTime - m.live) < 5e-7);
    QVERIFY(qAbs(s.realTime - m.real) < 5e-4);
    QCOMPARE(float(s.distanceCm), float(m.distance));
    if (m.slope == 0.0) {
        QVERIFY(s.problems.has(SpectrumProblem::MissingCalibration));
    } else {
        QCOMPARE(float(s.calibration.slope()), float(m.slope));
        QCOMPARE(float(s.calibration.offset()), float(m.offset));
    }
    QCOMPARE(s.totalCounts(), m.total);
    QCOMPARE(s.startTime.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), m.start);
    QCOMPARE(s.description, m.description);
    QCOMPARE(s.problems.has(SpectrumProblem::AllZeroCounts), m.total == 0.0);
}

void TestSpsFormat::everyManifestFileParses()
{
    const auto rows = manifestRows();
    int zero = 0;
    for (const auto &m : rows) {
        QFile f(testdata::path(QStringLiteral("xgd/") + m.path));
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(m.path));
        auto r = sps::parse(f.readAll(), m.path);
        QVERIFY2(r.ok(), qPrintable(m.path));
        QCOMPARE(r->totalCounts(), m.total);
        QVERIFY(qAbs(r->liveTime - m.live) < 5e-7);
        zero += r->problems.has(SpectrumProblem::AllZeroCounts);
    }
    QVERIFY(zero > 0);  // the real data has aborted acquisitions
}

void TestSpsFormat::writeThenReadRoundTrip_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("cs137") << "xgd/srcs/Cs137/60s/15cm";
    QTest::newRow("badcal") << "xgd/bkgs/15s/badcal";
    QTest::newRow("eu152") << "xgd/Dataset/Eu152/15s/15cm";
}

void TestSpsFormat::writeThenReadRoundTrip()
{
    QFETCH(QString, relative);
    PHOTOPEAK_REQUIRE_DATA(folder, relative);
    const QString file = QDir(folder).entryInfoList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name).first().filePath();
    QFile in(file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray original = in.readAll();
    auto read = sps::parse(original, file);
    QVERIFY(read.ok());

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("copy.sps"));
    const Status written = ReaderRegistry::instance().write(out, {*read});
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    QFile back(out);
    QVERIFY(back.open(QIODevice::ReadOnly));
    QCOMPARE(back.readAll(), original);  // byte for byte, including fields we do not interpret

    // Without the raw header every documented field still round-trips.
    Spectrum fresh = *read;
    fresh.rawHeader.clear();
    auto bytes = sps::serialize(fresh);
    QVERIFY(bytes.ok());
    auto again = sps::parse(*bytes, out);
    QVERIFY(again.ok());
    QCOMPARE(again->counts, read->counts);
    QCOMPARE(again->liveTime, read->liveTime);
    QCOMPARE(again->realTime, read->realTime);
    QCOMPARE(again->distanceCm, read->distanceCm);
    QCOMPARE(again->calibration, read->calibration);
    QCOMPARE(again->startTime, read->startTime);
    QCOMPARE(again->description, read->description);
    QCOMPARE(again->problems, read->problems);
}

void TestSpsFormat::slopeZeroGetsDefaultAndIsFlagged()
{
    // MANIFEST.tsv: this badcal file has slope 0.
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("xgd/bkgs/15s/badcal/2022629_13510_bkg_15s.sps"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY(r.ok());
    QVERIFY(r->front().problems.has(SpectrumProblem::MissingCalibration));
    QCOMPARE(r->front().calibration.slope(), sps::DefaultSlope);
    QVERIFY(!r->front().problems.blocksAnalysis());
}

void TestSpsFormat::badInputsGiveClearErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QByteArray good(sps::fileSize(4096), '\0');
    qint16 n = 4096;
    memcpy(good.data(), &n, 2);
    QTest::newRow("empty") << QByteArray() << "shorter than the 1024-byte";
    QTest::newRow("header only") << good.left(1024) << "truncated: header gives 4096 channels";
    QTest::newRow("cut counts") << good.left(9000) << "truncated";
    QTest::newRow("oversized") << (good + QByteArray(100, 'x')) << "not an .sps file";
    QByteArray negative = good;
    qint16 neg = -5;
    memcpy(negative.data(), &neg, 2);
    QTest::newRow("negative channels") << negative << "-5 channels";
    QByteArray garbage(5000, '\x7f');
    QTest::newRow("garbage") << garbage << "channels";
}

void TestSpsFormat::badInputsGiveClearErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    auto r = sps::parse(bytes, QStringLiteral("bad.sps"));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, QStringLiteral("bad.sps"));
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().message));
}

void TestSpsFormat::zeroedFileFromSharedBad()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("bad/xgd-all-zero-header.sps"));
    const QByteArray before = [&] { QFile f(file); f.open(QIODevice::ReadOnly); return f.readAll(); }();
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY(!r.ok());
    QVERIFY(r.error().source.endsWith(QLatin1String("xgd-all-zero-header.sps")));
    QVERIFY2(r.error().message.contains(QLatin1String("0 channels")), qPrintable(r.error().message));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);  // untouched
}

void TestSpsFormat::serializeRefusesWhatSpsCannotHold()
{
    Spectrum s;
    s.counts = {1, 2, 3};
    s.calibration = EnergyCalibration::quadratic(0, 1, 1e-4);
    QVERIFY(!sps::serialize(s).ok());
    s.calibration = EnergyCalibration::linear(1, 0);
    s.counts = {1.5, 2, 3};
    QVERIFY(!sps::serialize(s).ok());
    s.counts = {1, std::nan(""), 3};
    QVERIFY(!sps::serialize(s).ok());
    s.counts = {1, 2, 3};
    QVERIFY(sps::serialize(s).ok());
}

QTEST_GUILESS_MAIN(TestSpsFormat)
#include "tst_spsformat.moc"
