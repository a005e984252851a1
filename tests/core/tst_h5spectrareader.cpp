// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/ReaderRegistry.h"
#include "io/h5/H5SpectraReader.h"
#include "io/h5/H5TableWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <map>

using namespace photopeak;

namespace {
QString errorText(const Result<std::vector<Spectrum>> &r) { return r.ok() ? QString() : r.error().toString(); }

std::vector<double> iota(qint64 n, double scale = 1.0)
{
    std::vector<double> v(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i)
        v[static_cast<size_t>(i)] = scale * static_cast<double>(i);
    return v;
}
} // namespace

class TestH5SpectraReader : public QObject {
    Q_OBJECT
private slots:
    void gammaFlowFileLoads_data();
    void gammaFlowFileLoads();
    void multiClassLabels();
    void listingForInfo();
    void detectedLayout();
    void signatureWinsOverSuffix();
    void km3netIsNotASpectraTable();
    void groupsFixedStringsAndSharedCalibration();
    void explicitLayoutOverride();
    void perRowTimesAndLinearCalibration();
    void nanCountsAreFlaggedPerRow();
    void badInputsGiveClearErrors_data();
    void badInputsGiveClearErrors();
    void mismatchedRowsNameTheDataset();
};

void TestH5SpectraReader::gammaFlowFileLoads_data()
{
    // Expected values looked up with h5ls/h5dump (HDF5 tools) on the shared data, not with this reader.
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("total");       // sum of all counts
    QTest::addColumn<double>("maxCount");
    QTest::addColumn<double>("row0Total");
    QTest::addColumn<double>("lastTotal");
    QTest::addColumn<int>("backgroundOnly"); // rows labelled "background" alone
    QTest::addColumn<QString>("isotope");    // the file's isotope ("" for background/multi-class)
    QTest::addColumn<QString>("detector");
    QTest::addColumn<double>("offset");
    QTest::addColumn<double>("slope");
    QTest::addColumn<double>("quad");
    const QString left = QStringLiteral("left"), sim = QStringLiteral("simulated");
    QTest::newRow("Am241_left") << "Am241_left.h5" << 643 << 5154505.0 << 24289.0 << 2410.0 << 2424.0 << 505 << "Am241" << left << -11.07 << 8.08 << 0.00104;
    QTest::newRow("Am241_simulated") << "Am241_simulated.h5" << 814 << 2801652.0 << 1975.0 << 4341.0 << 4777.0 << 0 << "Am241" << sim << -12.2 << 8.17 << 0.0015;
    QTest::newRow("Co60-1_left") << "Co60-1_left.h5" << 500 << 11898369.0 << 1670.0 << 45412.0 << 2291.0 << 269 << "Co60" << left << -11.07 << 8.08 << 0.00104;
    QTest::newRow("Co60-2_left") << "Co60-2_left.h5" << 633 << 4757342.0 << 293.0 << 2473.0 << 13123.0 << 311 << "Co60" << left << -11.7 << 8.08 << 0.00104;
    QTest::newRow("Co60_simulated") << "Co60_simulated.h5" << 1351 << 9646871.0 << 308.0 << 7572.0 << 7726.0 << 0 << "Co60" << sim << -12.2 << 8.17 << 0.0015;
    QTest::newRow("Cs137WenigBisKeinBlei_left") << "Cs137WenigBisKeinBlei_left.h5" << 571 << 6135744.0 << 5038.0 << 2405.0 << 2430.0 << 351 << "Cs137" << left << -11.07 << 8.08 << 0.00104;
    QTest::newRow("Cs137_simulated") << "Cs137_simulated.h5" << 1230 << 8569978.0 << 913.0 << 6802.0 << 3940.0 << 0 << "Cs137" << sim << -12.2 << 8.17 << 0.0015;
    QTest::newRow("Cs137inBlei_left") << "Cs137inBlei_left.h5" << 664 << 15835540.0 << 2946.0 << 2690.0 << 4047.0 << 60 << "Cs137" << left << -11.07 << 8.08 << 0.00104;
    QTest::newRow("Eu152_left") << "Eu152_left.h5" << 492 << 3551287.0 << 1343.0 << 2511.0 << 3963.0 << 209 << "Eu152" << left << -11.07 << 8.08 << 0.00104;
    QTest::newRow("Eu152_simulated") << "Eu152_simulated.h5" << 1498 << 7573757.0 << 1111.0 << 7726.0 << 5370.0 << 0 << "Eu152" << sim << -12.2 << 8.17 << 0.0015;
    QTest::newRow("background_20240124_left") << "background_20240124_left.h5" << 613 << 1636970.0 << 324.0 << 2364.0 << 2097.0 << 613 << "" << left << -13.42 << 8.383 << 0.001427;
    QTest::newRow("multi-class_left") << "multi-class_left.h5" << 634 << 10293320.0 << 15629.0 << 2278.0 << 2646.0 << 216 << "" << left << -13.42 << 8.383 << 0.001427;
}

void TestH5SpectraReader::gammaFlowFileLoads()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(double, total);
    QFETCH(double, maxCount);
    QFETCH(double, row0Total);
    QFETCH(double, lastTotal);
    QFETCH(int, backgroundOnly);
    QFETCH(QString, isotope);
    QFETCH(QString, detector);
    QFETCH(double, offset);
    QFETCH(double, slope);
    QFETCH(double, quad);
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("gamma_flow/") + file);

    QCOMPARE(ReaderRegistry::instance().readerFor(path)->formatName(), H5SpectraReader().formatName());
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(int(r->size()), rows);

    double sum = 0.0, peak = 0.0;
    int bgOnly = 0;
    for (int i = 0; i < rows; ++i) {
        const Spectrum &s = r->at(size_t(i));
        QCOMPARE(s.channelCount(), 256);
        QCOMPARE(s.indexInSource, i);
        QCOMPARE(s.sourcePath, path);
        QCOMPARE(s.detector, detector);
        QCOMPARE(s.liveTime, 0.0);
        QVERIFY(s.problems.has(SpectrumProblem::NoLiveTime));
        QVERIFY(!s.problems.has(SpectrumProblem::NonPositiveLiveTime));
        QVERIFY(!s.problems.has(SpectrumProblem::NonFiniteCounts));
        QVERIFY(!s.problems.has(SpectrumProblem::InvalidCalibration));
        QVERIFY(!s.problems.has(SpectrumProblem::MissingCalibration));
        QCOMPARE(s.calibration.offset(), offset);
        QCOMPARE(s.calibration.slope(), slope);
        QCOMPARE(s.calibration.coefficients()[2], quad);
        QVERIFY(std::abs(s.calibration.energyAt(100.0) - (offset + 100.0 * slope + 1e4 * quad)) < 1e-9);
        sum += s.totalCounts();
        for (double c : s.counts)
            peak = std::max(peak, c);
        QVERIFY(!s.labels.isEmpty());
        if (s.labels == QStringList{QStringLiteral("background")})
            ++bgOnly;
        else if (!isotope.isEmpty())
            QVERIFY2(s.labels.contains(isotope), qPrintable(s.labels.join(QLatin1Char(';'))));
    }
    QCOMPARE(sum, total);
    QCOMPARE(peak, maxCount);
    QCOMPARE(r->front().totalCounts(), row0Total);
    QCOMPARE(r->back().totalCounts(), lastTotal);
    QCOMPARE(bgOnly, backgroundOnly);
}

void TestH5SpectraReader::multiClassLabels()
{
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("gamma_flow/multi-class_left.h5"));
    const auto r = H5SpectraReader().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    std::map<QString, int> keys;
    for (const Spectrum &s : *r)
        ++keys[s.labels.join(QLatin1Char(';'))];
    // h5dump: 107 x "Co60;Cs137;background", 38 x "UNat;background", 16 x "U233CERN;background"
    QCOMPARE(keys[QStringLiteral("Co60;Cs137;background")], 107);
    QCOMPARE(keys[QStringLiteral("Co60;Eu152;background")], 91);
    QCOMPARE(keys[QStringLiteral("UNat;background")], 38);  // unknown to LabelParser: kept as written
    QCOMPARE(keys[QStringLiteral("U233;background")], 16);  // "U233CERN" canonicalised
    QCOMPARE(keys[QStringLiteral("background")], 216);
}

void TestH5SpectraReader::listingForInfo()
{
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("gamma_flow/multi-class_left.h5"));
    const auto listing = H5SpectraReader::listDatasets(path);
    QVERIFY2(listing.ok(), qPrintable(listing.ok() ? QString() : listing.error().toString()));
    QCOMPARE(int(listing->datasets().size()), 6);
    const H5DatasetInfo *counts = listing->find(QStringLiteral("/counts"));
    QVERIFY(counts);
    QCOMPARE(counts->shape, (std::vector<qint64>{634, 256}));
    QCOMPARE(counts->typeName, QStringLiteral("int32"));
    QCOMPARE(listing->find(QStringLiteral("/calibration"))->typeName, QStringLiteral("float64"));
    QCOMPARE(listing->find(QStringLiteral("labels"))->typeName, QStringLiteral("string (variable length)"));
    QVERIFY(listing->rootAttribute(QStringLiteral("provider")).contains(QLatin1String("Bundesamt")));
    QVERIFY(listing->toText().contains(QLatin1String("/counts  [634 x 256]  int32")));
}

void TestH5SpectraReader::detectedLayout()
{
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("gamma_flow/Cs137_simulated.h5"));
    const auto layout = H5SpectraReader::detectLayout(path);
    QVERIFY(layout.ok());
    QCOMPARE(layout->counts, QStringLiteral("/counts"));
    QCOMPARE(layout->labels, QStringLiteral("/labels"));
    QCOMPARE(layout->detector, QStringLiteral("/detector"));
    QCOMPARE(layout->calibration, QStringLiteral("/calibration"));
    QVERIFY(layout->liveTime.isEmpty());
    QVERIFY(layout->realTime.isEmpty());
}

void TestH5SpectraReader::signatureWinsOverSuffix()
{
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("gamma_flow/Eu152_left.h5"));
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("renamed.dat"));
    QVERIFY(QFile::copy(path, copy));
    const SpectrumReader *reader = ReaderRegistry::instance().readerFor(copy);
    QVERIFY(reader);
    QCOMPARE(reader->formatName(), H5SpectraReader().formatName());
    QFile f(copy);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(H5SpectraReader().confidence(copy, f.size(), f.read(4096)), 90);
    QCOMPARE(H5SpectraReader().confidence(QStringLiteral("x.sps"), 100, QByteArray(100, 'x')), 0);
}

void TestH5SpectraReader::km3netIsNotASpectraTable()
{
    PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("events/km3net/numu_cc_test.h5"));
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, path);
    QVERIFY2(r.error().message.contains(QLatin1String("no 2-D counts dataset found")), qPrintable(r.error().message));
    QVERIFY2(r.error().message.contains(QLatin1String("datasets: /")), qPrintable(r.error().message));
    QVERIFY(r.error().kind & unsigned(SpectrumProblem::UnknownFormat));
    PHOTOPEAK_REQUIRE_DATA(other, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
    const auto r2 = H5SpectraReader().read(other);
    QVERIFY(!r2.ok());
    QVERIFY(r2.error().message.contains(QLatin1String("no 2-D counts dataset found")));
}

void TestH5SpectraReader::groupsFixedStringsAndSharedCalibration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nested.h5"));
    H5TableWriter w(path);
    std::vector<double> counts = iota(3 * 8);
    QVERIFY(w.addNumbers(QStringLiteral("/meta/notes"), {2}, {1, 2}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/run1/spectra"), {3, 8}, counts, H5TableWriter::NumberType::UInt16).ok());
    QVERIFY(w.addStrings(QStringLiteral("/run1/isotope"), {QStringLiteral("cs-137"), QStringLiteral("Co60, Cs137"),
                                                           QStringLiteral("BKG")}, 16).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/run1/calibration"), {2}, {1.5, 3.0}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/run1/LiveTime"), {}, {12.5}).ok());
    QVERIFY(w.addStrings(QStringLiteral("/run1/detector"), {QStringLiteral("NaI-3")}).ok());
    QVERIFY(w.commit().ok());

    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(int(r->size()), 3);
    QCOMPARE(r->at(0).labels, QStringList{QStringLiteral("Cs137")});
    QCOMPARE(r->at(1).labels, (QStringList{QStringLiteral("Co60"), QStringLiteral("Cs137")}));
    QCOMPARE(r->at(2).labels, QStringList{QStringLiteral("background")});
    for (int i = 0; i < 3; ++i) {
        const Spectrum &s = r->at(size_t(i));
        QCOMPARE(s.counts, std::vector<double>(counts.begin() + i * 8, counts.begin() + i * 8 + 8));
        QCOMPARE(s.calibration, EnergyCalibration::linear(3.0, 1.5));
        QCOMPARE(s.liveTime, 12.5);  // "LiveTime": names match case-insensitively, one value for all rows
        QCOMPARE(s.detector, QStringLiteral("NaI-3"));
        QVERIFY(!s.problems.has(SpectrumProblem::NoLiveTime));
    }
    QVERIFY(r->at(0).problems.has(SpectrumProblem::AllZeroCounts) == false);
}

void TestH5SpectraReader::explicitLayoutOverride()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("odd.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/histograms/h2d"), {2, 4}, {1, 2, 3, 4, 5, 6, 7, 8}).ok());
    QVERIFY(w.addStrings(QStringLiteral("/truth/names"), {QStringLiteral("Am-241"), QStringLiteral("Na22")}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/truth/t"), {2}, {10, 20}).ok());
    QVERIFY(w.commit().ok());

    const auto guessed = H5SpectraReader().read(path);
    QVERIFY(!guessed.ok());
    QVERIFY(guessed.error().message.contains(QLatin1String("/histograms/h2d [2 x 4] float64")));

    H5Layout layout;
    layout.counts = QStringLiteral("/histograms/h2d");
    layout.labels = QStringLiteral("truth/names");
    layout.liveTime = QStringLiteral("/truth/t");
    const auto r = H5SpectraReader().read(path, layout);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->at(1).counts, (std::vector<double>{5, 6, 7, 8}));
    QCOMPARE(r->at(0).labels, QStringList{QStringLiteral("Am241")});
    QCOMPARE(r->at(1).liveTime, 20.0);
    QVERIFY(r->at(0).problems.has(SpectrumProblem::MissingCalibration));

    layout.labels = QStringLiteral("/truth/missing");
    const auto bad = H5SpectraReader().read(path, layout);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error().message.contains(QLatin1String("/truth/missing given for labels does not exist")),
             qPrintable(bad.error().message));
}

void TestH5SpectraReader::perRowTimesAndLinearCalibration()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("times.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/data"), {2, 3}, {1, 0, 2, 4, 4, 4}, H5TableWriter::NumberType::Int64).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/calibration"), {2, 2}, {0.5, 2.0, 1.0, 3.0}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/live_time"), {2}, {5, 0}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/real_time"), {2}, {6, 7}).ok());
    QVERIFY(w.addStrings(QStringLiteral("/start_time"), {QStringLiteral("2022-05-01T10:00:00"), QString()}).ok());
    QVERIFY(w.addStrings(QStringLiteral("/label"), {QStringLiteral("Co60;background"), QString()}).ok());
    QVERIFY(w.commit().ok());
    const auto r = H5SpectraReader().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QCOMPARE(r->at(0).calibration, EnergyCalibration::linear(2.0, 0.5));
    QCOMPARE(r->at(1).calibration, EnergyCalibration::linear(3.0, 1.0));
    QCOMPARE(r->at(0).realTime, 6.0);
    QCOMPARE(r->at(0).startTime, QDateTime(QDate(2022, 5, 1), QTime(10, 0)));
    QVERIFY(!r->at(1).startTime.isValid());
    QCOMPARE(r->at(0).labels, (QStringList{QStringLiteral("Co60"), QStringLiteral("background")}));
    QVERIFY(r->at(1).labels.isEmpty());
    QVERIFY(!r->at(0).problems.has(SpectrumProblem::NonPositiveLiveTime));
    QVERIFY(r->at(1).problems.has(SpectrumProblem::NonPositiveLiveTime));  // live time 0 in the file
}

void TestH5SpectraReader::nanCountsAreFlaggedPerRow()
{
    // One bad row must not cost the other rows of a table: it is flagged, the rest reads normally.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("nan.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/counts"), {2, 3}, {1, std::nan(""), 2, 3, 4, 5},
                         H5TableWriter::NumberType::Float32).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/calibration"), {3}, {0, 1, 0}).ok());
    QVERIFY(w.commit().ok());
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY2(r.ok(), qPrintable(errorText(r)));
    QVERIFY(r->at(0).problems.has(SpectrumProblem::NonFiniteCounts));
    QVERIFY(r->at(0).problems.blocksAnalysis());
    QVERIFY(r->at(0).problems.descriptions().join(QLatin1Char(' ')).contains(QLatin1String("NaN")));
    QVERIFY(!r->at(1).problems.has(SpectrumProblem::NonFiniteCounts));
    QCOMPARE(r->at(1).counts, (std::vector<double>{3, 4, 5}));
}

void TestH5SpectraReader::badInputsGiveClearErrors_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("source");    // gamma_flow file copied, or empty to write `bytes`
    QTest::addColumn<int>("cutTo");         // bytes of the copy kept (-1 = all)
    QTest::addColumn<int>("patchAt");       // offset overwritten with 'Z' bytes (-1 = none)
    QTest::addColumn<int>("patchLength");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");  // part of the message
    const QString co60 = QStringLiteral("Co60-2_left.h5"), eu152 = QStringLiteral("Eu152_left.h5");
    QTest::newRow("truncated-half") << "cut.h5" << co60 << 100000 << -1 << 0 << QByteArray() << "truncated";
    QTest::newRow("truncated-superblock") << "cut2.h5" << co60 << 40 << -1 << 0 << QByteArray() << "HDF5 file is damaged";
    QTest::newRow("garbage") << "garbage.h5" << QString() << -1 << -1 << 0 << QByteArray(5000, '\x5a') << "not an HDF5 file";
    QTest::newRow("empty") << "empty.h5" << QString() << -1 << -1 << 0 << QByteArray() << "not an HDF5 file";
    QTest::newRow("text") << "notes.hdf5" << QString() << -1 << -1 << 0 << QByteArray("counts\n1\n2\n") << "not an HDF5 file";
    // HDF5 1.10 itself crashes on these two (string heap and string descriptors overwritten); offsets found
    // by overwriting copies of the real files.
    QTest::newRow("damaged-string-heap") << "heap.h5" << co60 << -1 << 150000 << 3000 << QByteArray() << "string storage at byte 138705 is corrupt";
    QTest::newRow("damaged-string-descriptors") << "labels.h5" << eu152 << -1 << 106679 << 200 << QByteArray() << "dataset /labels: element 445";
    QTest::newRow("damaged-counts") << "counts.h5" << co60 << -1 << 50000 << 3000 << QByteArray() << "dataset /counts: cannot be read";
}

void TestH5SpectraReader::badInputsGiveClearErrors()
{
    QFETCH(QString, name);
    QFETCH(QString, source);
    QFETCH(int, cutTo);
    QFETCH(int, patchAt);
    QFETCH(int, patchLength);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(name);
    if (!source.isEmpty()) {
        PHOTOPEAK_REQUIRE_DATA(original, QStringLiteral("gamma_flow/") + source);
        QFile in(original);
        QVERIFY(in.open(QIODevice::ReadOnly));
        bytes = cutTo >= 0 ? in.read(cutTo) : in.readAll();
        if (patchAt >= 0)
            bytes.replace(patchAt, patchLength, QByteArray(patchLength, 'Z'));
    }
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, path);
    QVERIFY2(r.error().message.contains(expected), qPrintable(r.error().toString()));
    QVERIFY(r.error().kind & unsigned(SpectrumProblem::Unreadable));
    // The file itself is left as it was.
    QFile check(path);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), bytes);
}

void TestH5SpectraReader::mismatchedRowsNameTheDataset()
{
    QTemporaryDir dir;
    const QString noCounts = dir.filePath(QStringLiteral("nocounts.h5"));
    {
        H5TableWriter w(noCounts);
        QVERIFY(w.addStrings(QStringLiteral("/labels"), {QStringLiteral("Cs137")}).ok());
        QVERIFY(w.addNumbers(QStringLiteral("/energy"), {4}, {1, 2, 3, 4}).ok());
        QVERIFY(w.commit().ok());
    }
    const auto r = ReaderRegistry::instance().read(noCounts);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, noCounts);
    QVERIFY2(r.error().message.contains(QLatin1String("no 2-D counts dataset found; ")) ||
                 r.error().message.contains(QLatin1String("no 2-D counts dataset found (")),
             qPrintable(r.error().message));
    QVERIFY(r.error().message.contains(QLatin1String("/energy [4] float64")));

    const QString mismatch = dir.filePath(QStringLiteral("mismatch.h5"));
    {
        H5TableWriter w(mismatch);
        QVERIFY(w.addNumbers(QStringLiteral("/counts"), {3, 2}, {1, 2, 3, 4, 5, 6}).ok());
        QVERIFY(w.addNumbers(QStringLiteral("/calibration"), {2, 3}, {0, 1, 0, 0, 1, 0}).ok());
        QVERIFY(w.commit().ok());
    }
    H5Layout layout;
    layout.calibration = QStringLiteral("/calibration");
    const auto m = H5SpectraReader().read(mismatch, layout);
    QVERIFY(!m.ok());
    QVERIFY2(m.error().message.contains(QLatin1String("/calibration")), qPrintable(m.error().toString()));
}

QTEST_GUILESS_MAIN(TestH5SpectraReader)
#include "tst_h5spectrareader.moc"
