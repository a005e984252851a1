// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/csv/CsvFormat.h"
#include "io/csv/CsvReader.h"
#include "io/csv/EnergyColumnFit.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
QString errorText(const Result<std::vector<Spectrum>> &r) { return r.ok() ? QString() : r.error().toString(); }

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(bytes);
    return path;
}

// Energies as written in the file, to check the fitted calibration against.
std::vector<double> energyColumn(const QString &path)
{
    std::vector<double> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine();
    while (!f.atEnd())
        out.push_back(f.readLine().split(',').front().toDouble());
    return out;
}
} // namespace

class TestCsvFormat : public QObject {
    Q_OBJECT
private slots:
    void gammaSpectrumDatabase_data();
    void gammaSpectrumDatabase();
    void energyColumnFit();
    void ownFormatRoundTrip_data();
    void ownFormatRoundTrip();
    void columnVariants_data();
    void columnVariants();
    void badInputsGiveLineNumbers_data();
    void badInputsGiveLineNumbers();
    void confidence();
};

void TestCsvFormat::gammaSpectrumDatabase_data()
{
    // Totals and negatives counted with a plain script over the files; energies as written in them.
    QTest::addColumn<QString>("file");
    QTest::addColumn<double>("total");
    QTest::addColumn<int>("negative");
    QTest::addColumn<double>("maxCount");
    QTest::addColumn<bool>("linear");
    QTest::addColumn<double>("peakEnergy");  // energy of the highest channel (column value)
    QTest::newRow("Am-241_net") << "Am-241_net.csv" << 222273.0 << 1189 << 34097.0 << false << 59.5;
    QTest::newRow("Co-60_net") << "Co-60_net.csv" << 187586.0 << 52 << 1840.0 << false << 1173.0;
    QTest::newRow("Cs-137") << "Cs-137.csv" << 305513.0 << 0 << 6382.0 << true << 661.3;
    QTest::newRow("Na-22_net") << "Na-22_net.csv" << 144869.0 << 95 << 1993.0 << false << 511.0;
    QTest::newRow("common_background") << "common_background.csv" << 5616.0 << 0 << 300.0 << false << 0.08;
}

void TestCsvFormat::gammaSpectrumDatabase()
{
    QFETCH(QString, file);
    QFETCH(double, total);
    QFETCH(int, negative);
    QFETCH(double, maxCount);
    QFETCH(bool, linear);
    QFETCH(double, peakEnergy);
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("formats/Gamma-Spectrum-Database/") + file);
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(int(r->size()), 1);
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), 8192);
    QCOMPARE(s.totalCounts(), total);
    QCOMPARE(int(std::count_if(s.counts.begin(), s.counts.end(), [](double c) { return c < 0; })), negative);
    QCOMPARE(s.problems.has(SpectrumProblem::NegativeCounts), negative > 0);
    QVERIFY(s.problems.has(SpectrumProblem::NoLiveTime));
    QVERIFY(!s.problems.has(SpectrumProblem::MissingCalibration));
    QVERIFY(!s.problems.has(SpectrumProblem::InvalidCalibration));
    QCOMPARE(s.sourcePath, path);
    QCOMPARE(s.calibration.degree() == 1, linear);

    // The fitted calibration reproduces the energy column within its rounding (4 decimals for Cs-137,
    // 2 significant decimals for the others).
    const std::vector<double> energies = energyColumn(path);
    QCOMPARE(int(energies.size()), 8192);
    double worst = 0.0;
    for (size_t i = 0; i < energies.size(); ++i)
        worst = std::max(worst, std::abs(s.calibration.energyAt(double(i)) - energies[i]));
    QVERIFY2(worst < (linear ? 1e-4 : 0.0052), qPrintable(QString::number(worst)));

    const auto peak = std::max_element(s.counts.begin(), s.counts.end());
    QCOMPARE(*peak, maxCount);
    const double e = s.calibration.energyAt(double(peak - s.counts.begin()));
    QVERIFY2(std::abs(e - peakEnergy) < 1.0, qPrintable(QString::number(e)));
}

void TestCsvFormat::energyColumnFit()
{
    std::vector<double> quadratic, linear, rounded;
    for (int i = 0; i < 4096; ++i) {
        quadratic.push_back(-12.2 + 0.5 * i + 3e-6 * i * i);
        linear.push_back(1.5 + 0.25 * i);
        rounded.push_back(std::round((0.3 + 0.123456 * i) * 100.0) / 100.0);
    }
    const EnergyColumnFit q = EnergyColumnFit::fit(quadratic, 1e-4);
    QVERIFY(q.ok() && !q.isLinear());
    QVERIFY(std::abs(q.calibration().offset() + 12.2) < 1e-9);
    QVERIFY(std::abs(q.calibration().slope() - 0.5) < 1e-12);
    QVERIFY(std::abs(q.calibration().coefficients()[2] - 3e-6) < 1e-15);
    const EnergyColumnFit l = EnergyColumnFit::fit(linear, 1e-4);
    QVERIFY(l.isLinear());
    QVERIFY(std::abs(l.calibration().slope() - 0.25) < 1e-12);
    // Rounding to 0.01 keV makes steps of 0.12 and 0.13: still a constant step within the rounding.
    const EnergyColumnFit r = EnergyColumnFit::fit(rounded, 0.01);
    QVERIFY(r.isLinear());
    QVERIFY(std::abs(r.calibration().slope() - 0.123456) < 1e-6);
    QVERIFY(!EnergyColumnFit::fit({1.0}, 0.1).ok());
    QVERIFY(!EnergyColumnFit::fit({1.0, std::nan(""), 3.0}, 0.1).ok());
}

void TestCsvFormat::ownFormatRoundTrip_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<int>("row");
    QTest::newRow("sps-cs137") << "xgd/srcs/Cs137/60s/15cm" << 0;
    QTest::newRow("sps-badcal") << "xgd/bkgs/15s/badcal" << 0;
    QTest::newRow("sps-mixture") << "xgd/misc/Co60_Cs137" << 0;
    QTest::newRow("gamma_flow-multi") << "gamma_flow/multi-class_left.h5" << 100;
    QTest::newRow("gamma_flow-sim") << "gamma_flow/Eu152_simulated.h5" << 1497;
    QTest::newRow("hpge-net") << "formats/Gamma-Spectrum-Database/Am-241_net.csv" << 0;
}

void TestCsvFormat::ownFormatRoundTrip()
{
    QFETCH(QString, relative);
    QFETCH(int, row);
    PHOTOPEAK_REQUIRE_DATA(source, relative);
    QString file = source;
    if (QFileInfo(source).isDir()) {
        QDirIterator it(source, {QStringLiteral("*.sps")}, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(it.hasNext());
        file = it.next();
    }
    auto read = ReaderRegistry::instance().read(file);
    QVERIFY2(read.ok(), qPrintable(errorText(read)));
    Spectrum s = read->at(size_t(row));
    s.description += QStringLiteral("\nsecond line \\ with backslash, comma; semicolon");
    if (s.labels.isEmpty())
        s.labels = {QStringLiteral("Cs137"), QStringLiteral("background")};

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("spectrum.csv"));
    QVERIFY(ReaderRegistry::instance().write(path, {s}).ok());
    const auto back = ReaderRegistry::instance().read(path);
    QVERIFY2(back.ok(), qPrintable(errorText(back)));
    const Spectrum &b = back->front();
    QCOMPARE(b.counts, s.counts);
    QCOMPARE(b.liveTime, s.liveTime);
    QCOMPARE(b.realTime, s.realTime);
    QCOMPARE(b.startTime, s.startTime);
    QCOMPARE(b.distanceCm, s.distanceCm);
    QCOMPARE(b.description, s.description);
    QCOMPARE(b.detector, s.detector);
    QCOMPARE(b.calibration, s.calibration);
    QCOMPARE(b.sourcePath, s.sourcePath);
    QCOMPARE(b.indexInSource, s.indexInSource);
    QCOMPARE(b.labels, s.labels);
    QCOMPARE(b.problems.bits(), s.problems.bits());
    QCOMPARE(b.rawHeader, s.rawHeader);
    QVERIFY(!ReaderRegistry::instance().write(path, {s, s}).ok());  // one spectrum per CSV
}

void TestCsvFormat::columnVariants_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("counts");       // expected counts joined by spaces
    QTest::addColumn<double>("slope");         // 0 = no calibration expected
    QTest::addColumn<double>("liveTime");
    QTest::newRow("counts only") << QByteArray("5\n6\n7\n") << "5 6 7" << 0.0 << 0.0;
    QTest::newRow("channel,counts no header") << QByteArray("0,5\n1,6\n2,7\n") << "5 6 7" << 0.0 << 0.0;
    QTest::newRow("energy,counts no header") << QByteArray("10,5\n12,6\n14,7\n") << "5 6 7" << 2.0 << 0.0;
    QTest::newRow("semicolon, named, CRLF, BOM")
        << QByteArray("\xEF\xBB\xBF\"Energy (keV)\";\"Counts\"\r\n1.0;5\r\n1.5;6\r\n2.0;7\r\n") << "5 6 7" << 0.5 << 0.0;
    QTest::newRow("tab, channel energy counts") << QByteArray("channel\tenergy\tcounts\n0\t0\t1\n1\t3\t2\n") << "1 2" << 3.0 << 0.0;
    QTest::newRow("counts first, extra column") << QByteArray("counts,energy_keV,flag\n4,0.0,x\n5,1.0,y\n") << "4 5" << 1.0 << 0.0;
    QTest::newRow("header comments, trailing comma")
        << QByteArray("# live time: 30\n# real_time_s: 31\n# labels: cs-137, BKG\ncounts,\n1,\n2,\n") << "1 2" << 0.0 << 30.0;
}

void TestCsvFormat::columnVariants()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, counts);
    QFETCH(double, slope);
    QFETCH(double, liveTime);
    const auto r = csv::parse(text, QStringLiteral("mem.csv"));
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QStringList got;
    for (double c : r->counts)
        got << QString::number(c);
    QCOMPARE(got.join(QLatin1Char(' ')), counts);
    QCOMPARE(r->calibration.slope(), slope);
    QCOMPARE(r->problems.has(SpectrumProblem::MissingCalibration), slope == 0.0);
    QCOMPARE(r->liveTime, liveTime);
    QCOMPARE(r->problems.has(SpectrumProblem::NoLiveTime), liveTime == 0.0);
    if (liveTime == 30.0) {
        QCOMPARE(r->realTime, 31.0);
        QCOMPARE(r->labels, (QStringList{QStringLiteral("Cs137"), QStringLiteral("background")}));
    }
}

void TestCsvFormat::badInputsGiveLineNumbers_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("empty") << "empty.csv" << QByteArray() << "file is empty";
    QTest::newRow("comments only") << "c.csv" << QByteArray("# live_time_s: 5\n\n") << "holds no data";
    QTest::newRow("header only") << "h.csv" << QByteArray("energy_keV,counts\n") << "no data rows";
    QTest::newRow("text in numbers") << "t.csv" << QByteArray("energy_keV,counts\n1,2\n2,abc\n") << "line 3: 'abc' in column counts is not a number";
    QTest::newRow("nan counts") << "n.csv" << QByteArray("energy_keV,counts\n1,2\n2,3\n3,nan\n") << "line 4: counts value 'nan' is not a finite number";
    QTest::newRow("inf energy") << "i.csv" << QByteArray("energy_keV,counts\ninf,2\n") << "line 2: energy_keV value 'inf'";
    QTest::newRow("ragged") << "r.csv" << QByteArray("energy_keV,counts\n1,2\n2,3,4\n") << "line 3: expected 2 values";
    QTest::newRow("garbage binary") << "g.csv" << QByteArray("\x01\x02\x00\xff\xfe garbage", 12) << "binary";
    QTest::newRow("garbage text") << "gt.csv" << QByteArray("hello world\nthis is not a spectrum\n") << "line 1: cannot tell which column";
    QTest::newRow("bad header value") << "b.csv" << QByteArray("# live_time_s: soon\ncounts\n1\n") << "line 1: live_time 'soon' is not a number";
    QTest::newRow("channel gap") << "cg.csv" << QByteArray("channel,counts\n0,1\n1,1\n5,1\n") << "line 4: channel 5 does not follow channel 1";
    QTest::newRow("newer version") << "v.csv" << QByteArray("# format: photopeak-spectrum-csv\n# version: 9\ncounts\n1\n") << "format version 9";
}

void TestCsvFormat::badInputsGiveLineNumbers()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = writeFile(dir, name, bytes);
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, path);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), bytes);  // readers never modify the file
}

void TestCsvFormat::confidence()
{
    const CsvReader reader;
    QCOMPARE(reader.confidence(QStringLiteral("a.csv"), 100, "# format: photopeak-spectrum-csv\n"), 95);
    QCOMPARE(reader.confidence(QStringLiteral("a.csv"), 100, "energy_keV,counts\n0.08,0\n"), 95);
    QCOMPARE(reader.confidence(QStringLiteral("a.txt"), 100, "energy_keV,counts\n0.08,0\n"), 30);
    QCOMPARE(reader.confidence(QStringLiteral("a.csv"), 100, "x,y,z\n"), 40);
    QCOMPARE(reader.confidence(QStringLiteral("a.sps"), 100, "\x00\x04"), 0);
}

QTEST_GUILESS_MAIN(TestCsvFormat)
#include "tst_csvformat.moc"
