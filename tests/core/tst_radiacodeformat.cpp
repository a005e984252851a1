// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "FormatTestFiles.h"
#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/radiacode/RadiacodeFormat.h"
#include "io/radiacode/RadiacodeReader.h"
#include "library/SpectrumDataset.h"
#include "ml/detect/SessionBackground.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
// Independent of the reader: the <DataPoint> values of the file, in order.
std::vector<double> dataPoints(const QString &path)
{
    std::vector<double> out;
    static const QRegularExpression re(QStringLiteral("<DataPoint>\\s*([^<]*?)\\s*</DataPoint>"));
    for (auto it = re.globalMatch(QString::fromUtf8(fileBytes(path))); it.hasNext();)
        out.push_back(it.next().captured(1).toDouble());
    return out;
}

} // namespace

class TestRadiacodeFormat : public QObject {
    Q_OBJECT
private slots:
    void am241();
    void embeddedBackgroundIsKeptAndLabelled();
    void sameMeasurementAsItsN42Export();
    void deadtimeSet_data();
    void deadtimeSet();
    void truncatedCopiesGiveErrorsNamingTheFile_data();
    void truncatedCopiesGiveErrorsNamingTheFile();
    void damagedContentGivesClearErrors_data();
    void damagedContentGivesClearErrors();
    void readingLeavesTheFileUnchanged();
};

void TestRadiacodeFormat::am241()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    QCOMPARE(ReaderRegistry::instance().readerFor(file)->formatName(), RadiacodeReader().formatName());
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), 1024);  // NumberOfChannels
    QCOMPARE(s.totalCounts(), 306058.0);
    QCOMPARE(s.counts[0], 1429.0);
    QCOMPARE(s.counts[1], 2607.0);
    QCOMPARE(s.counts[28], 25887.0);  // the Am-241 59.5 keV peak
    QCOMPARE(s.liveTime, 613.0);      // MeasurementTime
    QCOMPARE(s.realTime, 613.0);
    QCOMPARE(s.startTime, QDateTime::fromString(QStringLiteral("2023-06-07T05:52:00"), Qt::ISODate));
    // Coefficients -6.2832313, 2.4383054, 3.818E-4
    QCOMPARE(s.calibration.degree(), 2);
    QCOMPARE(s.calibration.energyAt(28.0), -6.2832313 + 2.4383054 * 28.0 + 3.818e-4 * 28.0 * 28.0);
    // The file's own calibration puts the 59.5 keV Am-241 peak (channels 26..29) within a few keV.
    QVERIFY(std::abs(s.calibration.energyAt(28.0) - 59.5) < 5.0);
    QCOMPARE(s.detector, QStringLiteral("RadiaCode-102 RC-102-000115"));
    QCOMPARE(s.description, QStringLiteral("Am-241"));
    QVERIFY2(s.problems.none(), qPrintable(s.problems.names().join(',')));
    QCOMPARE(s.counts, dataPoints(file));
    // Labelled by the file name through the dataset.
    QCOMPARE(SpectrumDataset::openFile(file).entries().front().spectrum.labels, QStringList{QStringLiteral("Am241")});
}

void TestRadiacodeFormat::embeddedBackgroundIsKeptAndLabelled()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    // The measurement as exported with a session background: a second StartTime after the measurement's and a
    // BackgroundEnergySpectrum (its own StartTime, LiveTime, MeasurementTime, calibration and channels).
    QString text = QString::fromUtf8(fileBytes(file));
    const qsizetype from = text.indexOf(QStringLiteral("<EnergySpectrum>"));
    const qsizetype to = text.indexOf(QStringLiteral("</EnergySpectrum>")) + int(strlen("</EnergySpectrum>"));
    QVERIFY(from > 0 && to > from);
    QString background = text.mid(from, to - from);
    background.replace(QStringLiteral("EnergySpectrum>"), QStringLiteral("BackgroundEnergySpectrum>"));
    background.replace(QStringLiteral("<MeasurementTime>613</MeasurementTime>"),
                       QStringLiteral("<StartTime>2023-06-06T20:00:00</StartTime><LiveTime>990</LiveTime>"
                                      "<MeasurementTime>1000</MeasurementTime>"));
    background.replace(QStringLiteral("<SpectrumName>Am-241</SpectrumName>"), QStringLiteral("<SpectrumName>bg</SpectrumName>"));
    text.insert(to, QStringLiteral("\n<StartTime>2023-06-06T20:00:00</StartTime>\n") + background);
    auto r = radiacode::parse(text.toUtf8(), QStringLiteral("with-background.xml"));
    QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().toString()));
    QCOMPARE(r->size(), size_t(2));
    const Spectrum &fg = r->at(0), &bg = r->at(1);
    QVERIFY(fg.labels.isEmpty());  // labelled later from its file name, as before
    QCOMPARE(fg.startTime, QDateTime::fromString(QStringLiteral("2023-06-07T05:52:00"), Qt::ISODate));
    QCOMPARE(fg.liveTime, 613.0);
    QCOMPARE(fg.description, QStringLiteral("Am-241"));
    QCOMPARE(bg.labels, QStringList{QStringLiteral("background")});
    QCOMPARE(bg.startTime, QDateTime::fromString(QStringLiteral("2023-06-06T20:00:00"), Qt::ISODate));
    QCOMPARE(bg.liveTime, 990.0);
    QCOMPARE(bg.realTime, 1000.0);
    QCOMPARE(bg.counts, fg.counts);
    QCOMPARE(bg.indexInSource, 1);
    // As a session background only the embedded background counts.
    auto session = SessionBackground::fromSpectra({&fg, &bg}, EnergyGrid::uniform(0.0, 1500.0, 1.0), QStringLiteral("with-background.xml"));
    QVERIFY(session);
    QCOMPARE(session->count(), 1);
    QCOMPARE(session->spectrum().liveTime, 990.0);
    // A file without an embedded background: its one spectrum, unlabelled by the reader.
    auto plain = ReaderRegistry::instance().read(file);
    QVERIFY(plain.ok());
    QCOMPARE(plain->size(), size_t(1));
    QVERIFY(plain->front().labels.isEmpty());
}

void TestRadiacodeFormat::sameMeasurementAsItsN42Export()
{
    PHOTOPEAK_REQUIRE_DATA(xmlFile, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    PHOTOPEAK_REQUIRE_DATA(n42File, QStringLiteral("formats/radiacode-tools/data_am241.n42"));
    auto x = ReaderRegistry::instance().read(xmlFile);
    auto n = ReaderRegistry::instance().read(n42File);
    QVERIFY2(x.ok() && n.ok(), qPrintable(errorText(x) + errorText(n)));
    QCOMPARE(x->front().counts, n->front().counts);
    QCOMPARE(x->front().liveTime, n->front().liveTime);
    QCOMPARE(x->front().realTime, n->front().realTime);
    QCOMPARE(x->front().startTime, n->front().startTime);
    QCOMPARE(x->front().calibration, n->front().calibration);
}

void TestRadiacodeFormat::deadtimeSet_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("total");
    QTest::addColumn<double>("seconds");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("labels");
    QTest::newRow("Co60+Cs137") << "Co60_a+Cs137_b.xml" << 143160.0 << 300.0 << "2023-11-21T07:30:20" << "Co60+Cs137";
    QTest::newRow("Co60") << "Co60_a.xml" << 61243.0 << 300.0 << "2023-11-21T07:24:12" << "Co60";
    QTest::newRow("Cs137") << "Cs137_b.xml" << 83512.0 << 300.0 << "2023-11-21T07:36:38" << "Cs137";
    QTest::newRow("background") << "bg.xml" << 9481.0 << 1800.0 << "2023-11-21T06:52:39" << "background";
}

void TestRadiacodeFormat::deadtimeSet()
{
    QFETCH(QString, name);
    QFETCH(double, total);
    QFETCH(double, seconds);
    QFETCH(QString, start);
    QFETCH(QString, labels);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_deadtime/") + name);
    auto r = ReaderRegistry::instance().read(file);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->size(), size_t(1));
    const Spectrum &s = r->front();
    QCOMPARE(s.channelCount(), 1024);
    QCOMPARE(s.totalCounts(), total);
    QCOMPARE(s.counts, dataPoints(file));
    QCOMPARE(s.liveTime, seconds);
    QCOMPARE(s.startTime, QDateTime::fromString(start, Qt::ISODate));
    // One detector, one calibration: -6.38159 + 2.36593 x + 4.39819E-4 x^2
    QCOMPARE(s.calibration.energyAt(300.0), -6.38159 + 2.36593 * 300.0 + 4.39819e-4 * 300.0 * 300.0);
    QCOMPARE(s.detector, QStringLiteral("RadiaCode-102 RC-102-001272"));
    QVERIFY(s.problems.none());
    PHOTOPEAK_REQUIRE_DATA(folder, QStringLiteral("formats/radiacode-tools/data_deadtime"));
    auto ds = SpectrumDataset::openFolder(folder);
    QVERIFY(ds.ok());
    QCOMPARE(ds->size(), 4);
    for (const auto &e : ds->entries())
        if (e.spectrum.sourcePath.endsWith(QLatin1Char('/') + name))
            QCOMPARE(e.spectrum.labelKey(), labels);
}

void TestRadiacodeFormat::truncatedCopiesGiveErrorsNamingTheFile_data()
{
    QTest::addColumn<double>("fraction");
    for (double f : {0.001, 0.05, 0.5, 0.95, 0.999})
        QTest::addRow("%g", f) << f;
}

void TestRadiacodeFormat::truncatedCopiesGiveErrorsNamingTheFile()
{
    QFETCH(double, fraction);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    const QByteArray bytes = fileBytes(file);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cut = writeCopy(dir, QStringLiteral("data_am241.xml"), bytes.left(static_cast<qsizetype>(bytes.size() * fraction)));
    auto r = ReaderRegistry::instance().read(cut);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, cut);
    QVERIFY2(r.error().toString().contains(cut), qPrintable(r.error().toString()));
    if (fraction > 0.01) {  // 27 bytes are not recognisably RadiaCode: "unknown format" names the file too
        QVERIFY2(r.error().kind & unsigned(SpectrumProblem::Truncated), qPrintable(r.error().toString()));
        QVERIFY2(r.error().message.contains(QLatin1String("truncated")), qPrintable(r.error().message));
    }
}

void TestRadiacodeFormat::damagedContentGivesClearErrors_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::newRow("fewer channels than declared") << QByteArray("<DataPoint>1429</DataPoint>") << QByteArray()
                                                  << "NumberOfChannels says 1024 but the spectrum has 1023 DataPoint values";
    QTest::newRow("bad count") << QByteArray("<DataPoint>2607<") << QByteArray("<DataPoint>26o7<") << "'26o7' is not a number";
    QTest::newRow("bad time") << QByteArray("<MeasurementTime>613<") << QByteArray("<MeasurementTime>10 min<")
                              << "MeasurementTime '10 min' is not a number";
    QTest::newRow("bad coefficient") << QByteArray("<Coefficient>2.4383054<") << QByteArray("<Coefficient>2,4383054<")
                                     << "is not a number";
    QTest::newRow("no spectrum") << QByteArray("<EnergySpectrum>") << QByteArray("<OtherSpectrum>")
                                 << "no ResultData with an EnergySpectrum";
    QTest::newRow("not well-formed") << QByteArray("</EnergySpectrum>") << QByteArray("</EnergySpectrm>")
                                     << "not well-formed XML";
}

void TestRadiacodeFormat::damagedContentGivesClearErrors()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    QByteArray bytes = fileBytes(file);
    QVERIFY(bytes.contains(from));
    bytes.replace(bytes.indexOf(from), from.size(), to);
    if (to == "<OtherSpectrum>")
        bytes.replace("</EnergySpectrum>", "</OtherSpectrum>");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString damaged = writeCopy(dir, QStringLiteral("damaged.xml"), bytes);
    auto r = ReaderRegistry::instance().read(damaged);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, damaged);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
}

void TestRadiacodeFormat::readingLeavesTheFileUnchanged()
{
    PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("formats/radiacode-tools/data_am241.xml"));
    const QString problem = readingChangesFile(file);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestRadiacodeFormat)
#include "tst_radiacodeformat.moc"
