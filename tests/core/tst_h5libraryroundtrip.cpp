// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"
#include "io/OutputLedger.h"
#include "io/ReaderRegistry.h"
#include "io/h5/H5LibraryFormat.h"
#include "io/h5/H5LibraryWriter.h"
#include "io/h5/H5SpectraReader.h"
#include "io/h5/H5TableWriter.h"
#include "spectrum/LabelParser.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace photopeak;

namespace {
// Real spectra of both sources: .sps of several folder families (raw headers, slope-0 calibration, all-zero
// acquisitions) and gamma_flow rows (256 channels, quadratic calibration, no live time, multi-labels).
std::vector<Spectrum> realSpectra()
{
    std::vector<Spectrum> out;
    const QString xgd = testdata::path(QStringLiteral("xgd"));
    for (const char *folder : {"srcs/Cs137/60s/15cm", "bkgs/15s/badcal", "misc/Co60_Cs137", "long", "Dataset/Eu152"}) {
        QDirIterator it(QDir(xgd).filePath(QLatin1String(folder)), {QStringLiteral("*.sps")}, QDir::Files,
                        QDirIterator::Subdirectories);
        for (int n = 0; it.hasNext() && n < 25; ++n) {
            const QString file = it.next();
            auto r = ReaderRegistry::instance().read(file);
            if (!r)
                continue;
            Spectrum s = r->front();
            s.labels = LabelParser::fromRelativePath(QDir(xgd).relativeFilePath(file));
            out.push_back(std::move(s));
        }
    }
    for (const char *file : {"gamma_flow/multi-class_left.h5", "gamma_flow/Cs137_simulated.h5"}) {
        auto r = ReaderRegistry::instance().read(testdata::path(QLatin1String(file)));
        if (!r)
            continue;
        for (size_t i = 0; i < r->size(); i += 7)
            out.push_back(r->at(i));
    }
    return out;
}

bool sameCounts(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    return true;
}

QString firstDifference(const Spectrum &a, const Spectrum &b)
{
    if (!sameCounts(a.counts, b.counts))
        return QStringLiteral("counts");
    if (a.liveTime != b.liveTime)
        return QStringLiteral("liveTime");
    if (a.realTime != b.realTime)
        return QStringLiteral("realTime");
    if (a.startTime != b.startTime || a.startTime.isValid() != b.startTime.isValid())
        return QStringLiteral("startTime %1 vs %2").arg(a.startTime.toString(Qt::ISODateWithMs), b.startTime.toString(Qt::ISODateWithMs));
    if (a.distanceCm != b.distanceCm)
        return QStringLiteral("distance");
    if (a.description != b.description)
        return QStringLiteral("description");
    if (a.detector != b.detector)
        return QStringLiteral("detector");
    if (!(a.calibration == b.calibration))
        return QStringLiteral("calibration %1 vs %2").arg(a.calibration.toString(), b.calibration.toString());
    if (a.sourcePath != b.sourcePath)
        return QStringLiteral("sourcePath");
    if (a.indexInSource != b.indexInSource)
        return QStringLiteral("indexInSource");
    if (a.labels != b.labels)
        return QStringLiteral("labels %1 vs %2").arg(a.labels.join(QLatin1Char(';')), b.labels.join(QLatin1Char(';')));
    if (a.problems != b.problems)
        return QStringLiteral("problems %1 vs %2").arg(a.problems.bits()).arg(b.problems.bits());
    if (a.rawHeader != b.rawHeader)
        return QStringLiteral("rawHeader");
    return {};
}

Spectrum unusualSpectrum()
{
    Spectrum s;
    s.counts = {0.5, -3.0, std::nan(""), 1e12, 7.0};
    s.liveTime = 1.25;
    s.realTime = 1.5;
    s.startTime = QDateTime(QDate(2023, 12, 31), QTime(23, 59, 58, 123), Qt::UTC);
    s.distanceCm = 17.5;
    s.description = QStringLiteral("Zeile 1\nстрока 2; \"quoted\" \\ backslash");
    s.detector = QStringLiteral("HPGe #2");
    s.calibration = EnergyCalibration::fromCoefficients({-1.0, 0.5, 1e-5, 1e-9});
    s.sourcePath = QStringLiteral("/data/other/file name.spe");
    s.indexInSource = 42;
    s.labels = {QStringLiteral("Cs137"), QStringLiteral("UNat"), QStringLiteral("background")};
    s.rawHeader = QByteArray("\x00\x01\xff header", 10);
    s.checkValues();
    return s;
}
} // namespace

class TestH5LibraryRoundTrip : public QObject {
    Q_OBJECT
private slots:
    void everyFieldSurvives();
    void formatIsRecognisedByRootAttribute();
    void overwriteIsAtomicAndLeavesNoTemporaryFiles();
    void writerRefusesWhatTheLibraryCannotHold();
    void newerVersionIsRefused();
    void damagedLibraryNamesTheDataset();
};

void TestH5LibraryRoundTrip::everyFieldSurvives()
{
    PHOTOPEAK_REQUIRE_DATA(xgd, QStringLiteral("xgd/srcs"));
    PHOTOPEAK_REQUIRE_DATA(gf, QStringLiteral("gamma_flow/multi-class_left.h5"));
    std::vector<Spectrum> spectra = realSpectra();
    spectra.push_back(unusualSpectrum());
    Spectrum empty;  // 0 channels, nothing known; the reader re-derives value flags, so derive them here too
    empty.checkValues();
    spectra.push_back(empty);
    QVERIFY(spectra.size() > 150);
    std::set<int> channelCounts;
    bool anyRawHeader = false, anyMissingCal = false, anyNoLive = false;
    for (const Spectrum &s : spectra) {
        channelCounts.insert(s.channelCount());
        anyRawHeader |= !s.rawHeader.isEmpty();
        anyMissingCal |= s.problems.has(SpectrumProblem::MissingCalibration);
        anyNoLive |= s.problems.has(SpectrumProblem::NoLiveTime);
    }
    QVERIFY(channelCounts.size() >= 3);  // 1024 (.sps), 256 (gamma_flow), 5, 0
    QVERIFY(anyRawHeader && anyMissingCal && anyNoLive);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("library.h5"));
    const Status written = ReaderRegistry::instance().write(path, spectra);
    QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
    const auto back = ReaderRegistry::instance().read(path);
    QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
    QCOMPARE(back->size(), spectra.size());
    for (size_t i = 0; i < spectra.size(); ++i) {
        const QString diff = firstDifference(spectra[i], back->at(i));
        QVERIFY2(diff.isEmpty(), qPrintable(QStringLiteral("row %1 (%2): %3").arg(i).arg(spectra[i].displayName(), diff)));
    }
    // The round trip of the round trip writes the same values again.
    const QString again = dir.filePath(QStringLiteral("again.hdf5"));
    QVERIFY(ReaderRegistry::instance().write(again, *back).ok());
    const auto back2 = H5SpectraReader().read(again);
    QVERIFY(back2.ok());
    for (size_t i = 0; i < spectra.size(); ++i)
        QVERIFY(firstDifference(spectra[i], back2->at(i)).isEmpty());
}

void TestH5LibraryRoundTrip::formatIsRecognisedByRootAttribute()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.h5"));
    QVERIFY(H5LibraryWriter().write(path, {unusualSpectrum()}).ok());
    const auto listing = H5SpectraReader::listDatasets(path);
    QVERIFY(listing.ok());
    QCOMPARE(listing->rootAttribute(QStringLiteral("format")), QString::fromLatin1(h5lib::FormatName));
    QCOMPARE(listing->rootAttribute(QStringLiteral("version")), QString::number(h5lib::Version));
    QCOMPARE(listing->find(QStringLiteral("/counts"))->typeName, QStringLiteral("float64"));
    QCOMPARE(listing->find(QStringLiteral("/calibration"))->shape, (std::vector<qint64>{1, 4}));
    // Read as a foreign table with an explicit layout, the same file still gives its counts and live time.
    H5Layout layout;
    layout.counts = QStringLiteral("/counts");
    layout.liveTime = QStringLiteral("/live_time");
    const auto table = H5SpectraReader().read(path, layout);
    QVERIFY(table.ok());
    QCOMPARE(table->front().liveTime, 1.25);
    QCOMPARE(table->front().sourcePath, path);  // a foreign table's rows come from the file itself
}

void TestH5LibraryRoundTrip::overwriteIsAtomicAndLeavesNoTemporaryFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.h5"));
    Spectrum a = unusualSpectrum();
    QVERIFY(H5LibraryWriter().write(path, {a, a, a}).ok());
    a.description = QStringLiteral("second");
    QVERIFY(H5LibraryWriter().write(path, {a}).ok());
    const auto r = H5SpectraReader().read(path);
    QVERIFY(r.ok());
    QCOMPARE(int(r->size()), 1);
    QCOMPARE(r->front().description, QStringLiteral("second"));
    // No temporary left; the ledger records lib.h5 as Photopeak's output.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), (QStringList{OutputLedger::fileName(), QStringLiteral("lib.h5")}));

    // A write that fails leaves the previous file untouched.
    const QString blocked = dir.filePath(QStringLiteral("missing-folder/lib.h5"));
    const Status failed = H5LibraryWriter().write(blocked, {a});
    QVERIFY(!failed.ok());
    QCOMPARE(failed.error().source, blocked);
    QVERIFY(H5SpectraReader().read(path).ok());
}

void TestH5LibraryRoundTrip::writerRefusesWhatTheLibraryCannotHold()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lib.h5"));
    Spectrum s = unusualSpectrum();
    s.labels = {QStringLiteral("Co60;Cs137")};
    const Status st = H5LibraryWriter().write(path, {s});
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("';'")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!H5LibraryWriter().write(path, {}).ok());
}

void TestH5LibraryRoundTrip::newerVersionIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("future.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/counts"), {1, 2}, {1, 2}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/channels"), {1}, {2}, H5TableWriter::NumberType::Int32).ok());
    QVERIFY(w.addAttribute(QStringLiteral("/"), QStringLiteral("format"), QString::fromLatin1(h5lib::FormatName)).ok());
    QVERIFY(w.addAttribute(QStringLiteral("/"), QStringLiteral("version"), QStringLiteral("2")).ok());
    QVERIFY(w.commit().ok());
    const auto r = ReaderRegistry::instance().read(path);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().source, path);
    QVERIFY2(r.error().message.contains(QLatin1String("format version 2")), qPrintable(r.error().message));
}

void TestH5LibraryRoundTrip::damagedLibraryNamesTheDataset()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/counts"), {2, 2}, {1, 2, 3, 4}).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/channels"), {2}, {2, 3}, H5TableWriter::NumberType::Int32).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/live_time"), {3}, {1, 2, 3}).ok());
    QVERIFY(w.addAttribute(QStringLiteral("/"), QStringLiteral("format"), QString::fromLatin1(h5lib::FormatName)).ok());
    QVERIFY(w.addAttribute(QStringLiteral("/"), QStringLiteral("version"), QStringLiteral("1")).ok());
    QVERIFY(w.commit().ok());
    const auto r = H5SpectraReader().read(path);
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("/live_time")), qPrintable(r.error().message));
}

QTEST_GUILESS_MAIN(TestH5LibraryRoundTrip)
#include "tst_h5libraryroundtrip.moc"
