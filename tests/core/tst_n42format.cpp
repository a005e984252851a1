// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "FormatTestFiles.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/n42/N42Format.h"
#include "io/n42/N42Reader.h"
#include "io/radiacode/RadiacodeReader.h"
#include "library/SpectrumDataset.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
// Independent of the reader: every <ChannelData> block of the file, CountedZeroes expanded by hand.
std::vector<std::vector<double>> channelBlocks(const QString &path)
{
    std::vector<std::vector<double>> out;
    const QString text = QString::fromUtf8(fileBytes(path));
    static const QRegularExpression re(QStringLiteral("<ChannelData([^>]*)>([^<]*)</ChannelData>"));
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool counted = m.captured(1).contains(QLatin1String("CountedZeroes"));
        const QStringList tokens = m.captured(2).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
        std::vector<double> c;
        for (qsizetype i = 0; i < tokens.size(); ++i) {
            const double v = tokens[i].toDouble();
            if (counted && v == 0.0)
                c.insert(c.end(), static_cast<size_t>(tokens[++i].toInt()), 0.0);
            else
                c.push_back(v);
        }
        out.push_back(std::move(c));
    }
    return out;
}

double total(const std::vector<double> &c)
{
    double t = 0.0;
    for (double v : c)
        t += v;
    return t;
}

} // namespace

class TestN42Format : public QObject {
    Q_OBJECT
private slots:
    void portal2006SourceFile();
    void portal2006BackgroundFile();
    void n42_2012WithCalibrationByReference();
    void radiacodeN42();
    void countsMatchAnIndependentDecoding_data();
    void countsMatchAnIndependentDecoding();
    void durations();
    void countedZeroes();
    void confidenceTellsN42FromRadiacodeXml();
    void truncatedCopiesGiveErrorsNamingTheFile_data();
    void truncatedCopiesGiveErrorsNamingTheFile();
    void damagedContentGivesClearErrors_data();
    void damagedContentGivesClearErrors();
    void readingLeavesTheFileUnchanged();
    void folderScanListsEveryDetector();
};

void TestN42Format::portal2006SourceFile()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/InterSpec/ba133_source_640s_20100317.n42"));
    const ReaderRegistry &registry = ReaderRegistry::instance();
    QCOMPARE(registry.readerFor(file)->formatName(), N42Reader().formatName());
    auto r = registry.read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(8));  // one spectrum per detector: A1..A4, B1..B4
    const QStringList detectors{"A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4"};
    // Read by eye from the file (LiveTime / RealTime of each <Spectrum>) and summed independently.
    const double live[] = {629.17, 624.46, 626.91, 630.55, 628.92, 626.59, 627.22, 631.80};
    const double real[] = {639.92, 639.91, 639.91, 639.91, 639.91, 639.91, 639.90, 639.91};
    const double totals[] = {305570, 423991, 364850, 248081, 301376, 385061, 370038, 222175};
    for (int i = 0; i < 8; ++i) {
        const Spectrum &s = r->at(static_cast<size_t>(i));
        QCOMPARE(s.detector, detectors[i]);
        QCOMPARE(s.indexInSource, i);
        QCOMPARE(s.sourcePath, file);
        QCOMPARE(s.channelCount(), 16384);
        QCOMPARE(s.totalCounts(), totals[i]);
        QVERIFY(std::abs(s.liveTime - live[i]) < 1e-9);
        QVERIFY(std::abs(s.realTime - real[i]) < 1e-9);
        // StartTime and the distance are given once per measurement (DetectorData, MeasuredItemInformation).
        QCOMPARE(s.startTime, QDateTime::fromString(QStringLiteral("2010-04-17T17:33:19.409Z"), Qt::ISODateWithMs));
        QCOMPARE(s.distanceCm, 250.0);
        QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
        QVERIFY(s.labels.isEmpty());  // "Item": the labels come from the file name (SpectrumDataset)
    }
    // A1: Coefficients 0.1401463 0.187422 -2.07732e-09; the FWHM calibration beside it is ignored.
    const Spectrum &a1 = r->front();
    QCOMPARE(a1.calibration.degree(), 2);
    QCOMPARE(a1.calibration.energyAt(1000.0), 0.1401463 + 187.422 - 2.07732e-3);
    // The Ba-133 356 keV line sits near channel 1899 of A1: E(1899) must be close to 356 keV.
    QVERIFY(std::abs(a1.calibration.energyAt(1899.0) - 356.0) < 1.0);
    // B4 has its own calibration.
    QCOMPARE(r->back().calibration.energyAt(0.0), 0.09645479);
    // Hand-checked values: A1 starts with 72 zeros, then 1, 0, 0, 1, 2, 8, 36.
    QCOMPARE(a1.counts[71], 0.0);
    QCOMPARE(a1.counts[72], 1.0);
    QCOMPARE(a1.counts[73], 0.0);
    QCOMPARE(a1.counts[75], 1.0);
    QCOMPARE(a1.counts[78], 36.0);
}

void TestN42Format::portal2006BackgroundFile()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/InterSpec/background_20100317.n42"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(8));
    const double totals[] = {65494, 59959, 57834, 54791, 67576, 53075, 56994, 51476};
    for (size_t i = 0; i < 8; ++i) {
        QCOMPARE(r->at(i).channelCount(), 16384);
        QCOMPARE(r->at(i).totalCounts(), totals[i]);
    }
    QVERIFY(std::abs(r->front().liveTime - 597.43) < 1e-9);
    QVERIFY(std::abs(r->front().realTime - 599.94) < 1e-9);
    QCOMPARE(r->front().startTime, QDateTime::fromString(QStringLiteral("2010-04-17T20:36:28.409Z"), Qt::ISODateWithMs));
    // Labelled by its name when opened through the dataset.
    const SpectrumDataset ds = SpectrumDataset::openFile(file);
    QCOMPARE(ds.size(), 8);
    QCOMPARE(ds.entries().front().spectrum.labels, QStringList{QStringLiteral("background")});
}

void TestN42Format::n42_2012WithCalibrationByReference()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/InterSpec/spec184_235U_12.9543.n42"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(1));  // the DHS:InterSpec peak list (with its own <Coefficients>) is skipped
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), 16383);  // CountedZeroes data ends with "0 2"
    QCOMPARE(s.totalCounts(), 13165343.0);
    QCOMPARE(s.liveTime, 693.0);
    QCOMPARE(s.realTime, 900.0);
    QCOMPARE(s.startTime, QDateTime::fromString(QStringLiteral("2013-09-18T20:16:00Z"), Qt::ISODate));
    // energyCalibrationReference="EnergyCal0" -> CoefficientValues 0.0692044422 0.0749428347 0
    QCOMPARE(s.calibration.offset(), 0.0692044422);
    QCOMPARE(s.calibration.slope(), 0.0749428347);
    QCOMPARE(s.calibration.energyAt(2476.0), 0.0692044422 + 0.0749428347 * 2476.0);
    // Strongest channel 2476: the 185.7 keV line of U-235.
    QVERIFY(std::abs(s.calibration.energyAt(2476.0) - 185.7) < 0.5);
    QCOMPARE(s.detector, QStringLiteral("unamed"));
    QVERIFY(s.description.contains(QLatin1String("235U 12.9543")));
    QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
}

void TestN42Format::radiacodeN42()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.n42"));
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), 1024);
    QCOMPARE(s.totalCounts(), 306058.0);
    QCOMPARE(s.counts[0], 1429.0);
    QCOMPARE(s.counts[28], 25887.0);
    QCOMPARE(s.liveTime, 613.0);
    QCOMPARE(s.realTime, 613.0);
    QCOMPARE(s.startTime, QDateTime::fromString(QStringLiteral("2023-06-07T05:52:00"), Qt::ISODate));
    QCOMPARE(s.calibration.degree(), 2);
    QCOMPARE(s.calibration.energyAt(28.0), -6.2832313 + 2.4383054 * 28.0 + 0.0003818 * 28.0 * 28.0);
    QCOMPARE(s.detector, QStringLiteral("radiacode-csi-sipm"));
    QCOMPARE(s.description, QStringLiteral("Title: Am-241"));
}

void TestN42Format::countsMatchAnIndependentDecoding_data()
{
    QTest::addColumn<QString>("relative");
    QTest::newRow("2006 source") << "formats/InterSpec/ba133_source_640s_20100317.n42";
    QTest::newRow("2006 background") << "formats/InterSpec/background_20100317.n42";
    QTest::newRow("2012 InterSpec") << "formats/InterSpec/spec184_235U_12.9543.n42";
    QTest::newRow("2012 radiacode") << "formats/radiacode-tools/data_am241.n42";
}

void TestN42Format::countsMatchAnIndependentDecoding()
{
    QFETCH(QString, relative);
    PHOTOPEAK_REQUIRE_DATA(file, relative);
    const auto expected = channelBlocks(file);
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(r->at(i).counts, expected[i]);
        QCOMPARE(r->at(i).totalCounts(), total(expected[i]));
    }
}

void TestN42Format::durations()
{
    QCOMPARE(n42::parseDuration(u"PT640.5S").value_or(-1), 640.5);
    QCOMPARE(n42::parseDuration(u" PT639.920S ").value_or(-1), 639.92);
    QCOMPARE(n42::parseDuration(u"PT613S").value_or(-1), 613.0);
    QCOMPARE(n42::parseDuration(u"PT10M30S").value_or(-1), 630.0);
    QCOMPARE(n42::parseDuration(u"PT1H2M3.5S").value_or(-1), 3723.5);
    QCOMPARE(n42::parseDuration(u"P1DT1H").value_or(-1), 90000.0);
    QCOMPARE(n42::parseDuration(u"PT.5S").value_or(-1), 0.5);
    for (const char16_t *bad : {u"", u"640.5", u"P", u"PT", u"PTS", u"PT5", u"T5S", u"PT5X", u"PT-5S", u"PT1.2.3S"})
        QVERIFY2(!n42::parseDuration(bad).has_value(), qPrintable(QString::fromUtf16(bad)));
}

void TestN42Format::countedZeroes()
{
    auto a = n42::decodeChannelData(u" 0 3 5\n0 2 1 ", true);
    QVERIFY(a.ok());
    QCOMPARE(*a, (std::vector<double>{0, 0, 0, 5, 0, 0, 1}));
    auto b = n42::decodeChannelData(u"0 0 1.5", false);
    QVERIFY(b.ok());
    QCOMPARE(*b, (std::vector<double>{0, 0, 1.5}));
    auto c = n42::decodeChannelData(u"0.0 2 7", true);  // a zero written as 0.0 is compressed too
    QVERIFY(c.ok());
    QCOMPARE(*c, (std::vector<double>{0, 0, 7}));
    QVERIFY(!n42::decodeChannelData(u"5 0", true).ok());        // the run length is missing
    QVERIFY(n42::decodeChannelData(u"5 0", true).error().kind & unsigned(SpectrumProblem::Truncated));
    QVERIFY(!n42::decodeChannelData(u"5 0 2.5", true).ok());    // not a whole number of channels
    QVERIFY(!n42::decodeChannelData(u"5 0 -1", true).ok());
    QVERIFY(!n42::decodeChannelData(u"5 0 1e12", true).ok());   // more channels than any spectrum has
    QVERIFY(!n42::decodeChannelData(u"5 12x 3", false).ok());
    QVERIFY(n42::decodeChannelData(u"5 12x 3", false).error().message.contains(QLatin1String("12x")));
}

void TestN42Format::confidenceTellsN42FromRadiacodeXml()
{
    PHOTOPEAK_REQUIRE_DATA(n42File, QStringLiteral("formats/radiacode-tools/data_am241.n42"));
    PHOTOPEAK_REQUIRE_DATA(xmlFile, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    const N42Reader n42;
    const RadiacodeReader radiacode;
    const QByteArray n42Head = fileBytes(n42File).left(4096), xmlHead = fileBytes(xmlFile).left(4096);
    QCOMPARE(n42.confidence(n42File, 5613, n42Head), 100);
    QCOMPARE(radiacode.confidence(n42File, 5613, n42Head), 0);
    QCOMPARE(n42.confidence(xmlFile, 27000, xmlHead), 0);
    QCOMPARE(radiacode.confidence(xmlFile, 27000, xmlHead), 100);
    // By content, not by suffix: the N42 file renamed to .xml is still N42, the RadiaCode XML renamed .n42
    // is RadiaCode (the N42 reader only claims it weakly to report damage).
    QCOMPARE(n42.confidence(QStringLiteral("x.xml"), 5613, n42Head), 100);
    QCOMPARE(radiacode.confidence(QStringLiteral("x.n42"), 27000, xmlHead), 100);
    QVERIFY(n42.confidence(QStringLiteral("x.n42"), 27000, xmlHead) < 100);
    QCOMPARE(n42.confidence(QStringLiteral("x.xml"), 10, QByteArrayView("<?xml version=\"1.0\"?><html/>")), 0);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString renamed = dir.filePath(QStringLiteral("am241.xml"));
    QVERIFY(QFile::copy(n42File, renamed));
    QCOMPARE(ReaderRegistry::instance().readerFor(renamed)->formatName(), n42.formatName());
    QCOMPARE(ReaderRegistry::instance().readerFor(xmlFile)->formatName(), radiacode.formatName());
    QVERIFY(ReaderRegistry::instance().readableSuffixes().contains(QStringLiteral("n42")));
}

void TestN42Format::truncatedCopiesGiveErrorsNamingTheFile_data()
{
    QTest::addColumn<QString>("relative");
    QTest::addColumn<double>("fraction");
    for (double f : {0.02, 0.3, 0.5, 0.97, 0.9995}) {
        QTest::addRow("2006 %g", f) << "formats/InterSpec/ba133_source_640s_20100317.n42" << f;
        QTest::addRow("2012 %g", f) << "formats/InterSpec/spec184_235U_12.9543.n42" << f;
        QTest::addRow("radiacode %g", f) << "formats/radiacode-tools/data_am241.n42" << f;
    }
}

void TestN42Format::truncatedCopiesGiveErrorsNamingTheFile()
{
    QFETCH(QString, relative);
    QFETCH(double, fraction);
    PHOTOPEAK_REQUIRE_DATA(file, relative);
    const QByteArray bytes = fileBytes(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cut = dir.filePath(QFileInfo(file).fileName());
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(static_cast<qsizetype>(bytes.size() * fraction)));
    out.close();
    auto r = ReaderRegistry::instance().read(cut);
    QVERIFY2(!r.ok(), "a truncated N42 file must not read");
    QCOMPARE(r.error().source, cut);
    QVERIFY2(r.error().toString().contains(cut), qPrintable(r.error().toString()));
    QVERIFY2(r.error().kind & unsigned(SpectrumProblem::Truncated), qPrintable(r.error().toString()));
    QVERIFY2(r.error().message.contains(QLatin1String("truncated")), qPrintable(r.error().message));
}

void TestN42Format::damagedContentGivesClearErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no channel data") << QByteArray("<ChannelData compressionCode=\"None\">")
                                     << QByteArray("<Remark>") << "has no channel data";
    QTest::newRow("bad count") << QByteArray(" 2607 ") << QByteArray(" 26o7 ") << "'26o7' is not a number";
    QTest::newRow("bad live time") << QByteArray("<LiveTimeDuration>PT613S") << QByteArray("<LiveTimeDuration>613 s")
                                   << "is not an ISO 8601 duration";
    QTest::newRow("bad start") << QByteArray("2023-06-07T05:52:00") << QByteArray("07/06/2023 05:52")
                               << "is not an ISO 8601 date";
    QTest::newRow("bad coefficient") << QByteArray("2.4383054") << QByteArray("2,4383054x") << "not a number";
    QTest::newRow("not well-formed") << QByteArray("</RadMeasurement>") << QByteArray("</RadMeasurment>")
                                     << "not well-formed XML";
    QTest::newRow("no spectrum") << QByteArray("<Spectrum id") << QByteArray("<Spectral id") << "without any <Spectrum>";
}

void TestN42Format::damagedContentGivesClearErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.n42"));
    QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.contains(from));
    bytes.replace(from, to);
    if (to == "<Remark>")
        bytes.replace("</ChannelData>", "</Remark>");
    if (to == "<Spectral id")
        bytes.replace("</Spectrum>", "</Spectral>");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString damaged = dir.filePath(QStringLiteral("damaged.n42"));
    QFile out(damaged);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();
    auto r = ReaderRegistry::instance().read(damaged);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, damaged);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
    if (QTest::currentDataTag() != QLatin1String("no spectrum"))
        QVERIFY2(r.error().message.startsWith(QLatin1String("line ")), qPrintable(r.error().message));
}

void TestN42Format::readingLeavesTheFileUnchanged()
{
    for (const char *relative : {"formats/InterSpec/ba133_source_640s_20100317.n42", "formats/InterSpec/spec184_235U_12.9543.n42",
                                 "formats/radiacode-tools/data_am241.n42"}) {
        PHOTOPEAK_REQUIRE_DATA(file, QString::fromLatin1(relative));
        const QString problem = readingChangesFile(file);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestN42Format::folderScanListsEveryDetector()
{
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("formats/InterSpec"));
    auto ds = SpectrumDataset::openFolder(folder);
    QVERIFY(ds.ok());
    QCOMPARE(ds->size(), 8 + 8 + 1);  // LICENSE.txt is skipped
    for (const auto &e : ds->entries())
        QVERIFY2(e.isReadable(), qPrintable(e.relativePath + QStringLiteral(": ") + e.message));
}

QTEST_GUILESS_MAIN(TestN42Format)
#include "tst_n42format.moc"
