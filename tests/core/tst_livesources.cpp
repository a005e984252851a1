// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "SpectrogramFile.h"
#include "TestData.h"

#include "io/ReaderRegistry.h"
#include "live/FileCompleteness.h"
#include "live/FolderSource.h"
#include "live/GrowingFileSource.h"
#include "live/ReplaySource.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace photopeak;

namespace {
QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Writes `bytes` to `path` in `chunks` pieces with `pauseMs` between them, running the event loop meanwhile
// (the way acquisition software writes; the watcher sees every partial state).
void writeSlowly(const QString &path, const QByteArray &bytes, int chunks, int pauseMs)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::NewOnly));
    for (int i = 0; i < chunks; ++i) {
        const qsizetype from = bytes.size() * i / chunks, to = bytes.size() * (i + 1) / chunks;
        f.write(bytes.constData() + from, to - from);
        f.flush();
        if (i + 1 < chunks)
            QTest::qWait(pauseMs);
    }
    f.close();
}

QByteArray n42Series(int measurements)
{
    QByteArray x = "<?xml version=\"1.0\"?>\n<RadInstrumentData xmlns=\"http://physics.nist.gov/N42/2011/N42\">\n"
                   "<EnergyCalibration id=\"cal\"><CoefficientValues>0 3 0</CoefficientValues></EnergyCalibration>\n";
    for (int m = 0; m < measurements; ++m) {
        x += QStringLiteral("<RadMeasurement id=\"m%1\"><MeasurementClassCode>Foreground</MeasurementClassCode>"
                            "<StartDateTime>2024-01-01T00:00:%2Z</StartDateTime><RealTimeDuration>PT5S</RealTimeDuration>\n"
                            "<Spectrum id=\"s%1\" energyCalibrationReference=\"cal\"><LiveTimeDuration>PT5S</LiveTimeDuration>"
                            "<ChannelData>")
                 .arg(m).arg(m * 5, 2, 10, QLatin1Char('0')).toUtf8();
        for (int c = 0; c < 64; ++c)
            x += QByteArray::number(m + 1) + ' ';
        x += "</ChannelData></Spectrum></RadMeasurement>\n";
    }
    x += "</RadInstrumentData>\n";
    return x;
}

struct Collector {
    std::vector<LiveSpectrum> spectra;
    std::vector<Error> problems;
    bool finished = false;
    LiveSource::Callbacks callbacks()
    {
        LiveSource::Callbacks c;
        c.spectrum = [this](const LiveSpectrum &s) { spectra.push_back(s); };
        c.problem = [this](const Error &e) { problems.push_back(e); };
        c.finished = [this] { finished = true; };
        return c;
    }
};
} // namespace

// Live sources: completeness by format, a watched folder (chunked writes, removal, renaming, files present
// before), a growing N42 series, replays of a real XGD series.
class TestLiveSources : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void completenessByFormat();
    void slowlyWrittenSpsIsReadOnceComplete();
    void fileWithoutMarkerWaitsForSettle();
    void removalAndRenamingDoNotCrash();
    void existingFilesOnlyWhenAsked();
    void growingN42SeriesDeliversNewRecords();
    void subfoldersAreFollowed();
    void growingSpectrogramDeliversNewIntervals();
    void replayDirectInAcquisitionOrder();
    void replayCopiesInChunksIntoTarget();
    void replayRefusesItsOwnFolder();

private:
    QString m_bkg5;
    QByteArray m_sps;
};

void TestLiveSources::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/set2/test/time/bkg/5s"));
    m_bkg5 = bkg;
    m_sps = bytesOf(QDir(bkg).filePath(QStringLiteral("202244_14435_Bkg_5s.sps")));
    QCOMPARE(m_sps.size(), 1024 + 4 * 4096);
}

void TestLiveSources::completenessByFormat()
{
    using S = FileCompleteness::State;
    const QString sps = QStringLiteral("a.sps");
    QCOMPARE(FileCompleteness::check(sps, m_sps.first(512), {}, 512), S::Incomplete);
    QCOMPARE(FileCompleteness::check(sps, m_sps.first(4096), {}, 9000), S::Incomplete);
    QCOMPARE(FileCompleteness::check(sps, m_sps.first(4096), m_sps.last(256), m_sps.size()), S::Complete);
    QCOMPARE(FileCompleteness::check(sps, m_sps.first(4096), {}, m_sps.size() + 4), S::Unknown);
    const QByteArray n42 = n42Series(2);
    QCOMPARE(FileCompleteness::check(QStringLiteral("s.n42"), n42.first(300), n42.first(300).last(256), 300), S::Incomplete);
    QCOMPARE(FileCompleteness::check(QStringLiteral("s.n42"), n42.left(4096), n42.right(256), n42.size()), S::Complete);
    const QByteArray prefixed = "<?xml version=\"1.0\"?><n42:RadInstrumentData xmlns:n42=\"x\"><a/></n42:RadInstrumentData >\n";
    QCOMPARE(FileCompleteness::check(QStringLiteral("p.xml"), prefixed, prefixed, prefixed.size()), S::Complete);
    const QByteArray other = "<?xml version=\"1.0\"?><RadInstrumentData><a/></Other>";
    QCOMPARE(FileCompleteness::check(QStringLiteral("o.xml"), other, other, other.size()), S::Incomplete);
    QCOMPARE(FileCompleteness::check(QStringLiteral("c.csv"), "1,2\n3,4\n", "1,2\n3,4\n", 8), S::Unknown);
    QCOMPARE(FileCompleteness::check(QStringLiteral("e.sps"), {}, {}, 0), S::Incomplete);
}

void TestLiveSources::slowlyWrittenSpsIsReadOnceComplete()
{
    QTemporaryDir dir;
    FolderSource source(dir.path());
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    const QString path = dir.filePath(QStringLiteral("slow.sps"));
    writeSlowly(path, m_sps, 8, 120);  // about 0.85 s, longer than the settle time
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 1, 5000);
    QTest::qWait(300);
    QCOMPARE(int(got.spectra.size()), 1);
    QVERIFY(got.problems.empty());
    const auto direct = ReaderRegistry::instance().read(path);
    QVERIFY(direct.ok());
    QCOMPARE(got.spectra.front().spectrum.counts, direct->front().counts);
    QCOMPARE(got.spectra.front().path, QDir(dir.path()).filePath(QStringLiteral("slow.sps")));
    QCOMPARE(bytesOf(path), m_sps);  // never modified
}

void TestLiveSources::fileWithoutMarkerWaitsForSettle()
{
    QTemporaryDir dir;
    FolderSource::Options o;
    o.settleMs = 400;
    FolderSource source(dir.path(), o);
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    QByteArray csv = "energy_keV,counts\n";
    for (int i = 0; i < 200; ++i)
        csv += QByteArray::number(10 + 3 * i) + ',' + QByteArray::number(i % 7 + 1) + '\n';
    // A half-written CSV parses fine: only the settle time protects it.
    writeSlowly(dir.filePath(QStringLiteral("spectrum.csv")), csv, 4, 150);
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 1, 5000);
    QTest::qWait(600);
    QCOMPARE(int(got.spectra.size()), 1);
    QCOMPARE(got.spectra.front().spectrum.channelCount(), 200);
}

void TestLiveSources::removalAndRenamingDoNotCrash()
{
    QTemporaryDir dir;
    const QString sub = dir.filePath(QStringLiteral("watched"));
    QVERIFY(QDir().mkpath(sub));
    FolderSource::Options o;
    o.fallbackMs = 300;
    FolderSource source(sub, o);
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    const QDir d(sub);
    writeSlowly(d.filePath(QStringLiteral("a.sps")), m_sps, 1, 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 1, 5000);
    // Renamed after delivery: the same file, not delivered again.
    QVERIFY(QFile::rename(d.filePath(QStringLiteral("a.sps")), d.filePath(QStringLiteral("renamed.sps"))));
    QTest::qWait(700);
    QCOMPARE(int(got.spectra.size()), 1);
    // Half written, then removed; then a half-written file renamed into a readable name and completed.
    {
        QFile half(d.filePath(QStringLiteral("half.sps")));
        QVERIFY(half.open(QIODevice::WriteOnly));
        half.write(m_sps.first(3000));
    }
    QTest::qWait(200);
    QVERIFY(QFile::remove(d.filePath(QStringLiteral("half.sps"))));
    QVERIFY(QFile::remove(d.filePath(QStringLiteral("renamed.sps"))));
    {
        QFile tmp(d.filePath(QStringLiteral("b.tmp")));
        QVERIFY(tmp.open(QIODevice::WriteOnly));
        tmp.write(m_sps.first(5000));
        tmp.close();
        QVERIFY(QFile::rename(d.filePath(QStringLiteral("b.tmp")), d.filePath(QStringLiteral("b.sps"))));
        QTest::qWait(200);
        QFile rest(d.filePath(QStringLiteral("b.sps")));
        QVERIFY(rest.open(QIODevice::Append));
        rest.write(m_sps.mid(5000));
    }
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 2, 5000);
    QVERIFY(got.spectra.back().path.endsWith(QLatin1String("b.sps")));
    // The watched folder itself renamed away and removed: the source carries on without crashing.
    QVERIFY(QDir().rename(sub, dir.filePath(QStringLiteral("moved"))));
    QTest::qWait(400);
    QVERIFY(QDir(dir.filePath(QStringLiteral("moved"))).removeRecursively());
    QTest::qWait(400);
    QVERIFY(source.isRunning());
    QCOMPARE(int(got.spectra.size()), 2);
    QVERIFY(got.problems.empty());
    source.stop();
}

void TestLiveSources::existingFilesOnlyWhenAsked()
{
    QTemporaryDir dir;
    writeSlowly(dir.filePath(QStringLiteral("old1.sps")), m_sps, 1, 0);
    writeSlowly(dir.filePath(QStringLiteral("old2.sps")), m_sps, 1, 0);
    {
        FolderSource source(dir.path());
        Collector got;
        source.setCallbacks(got.callbacks());
        QVERIFY(source.start().ok());
        QTest::qWait(300);
        QCOMPARE(int(got.spectra.size()), 0);
    }
    FolderSource::Options o;
    o.existing = true;
    FolderSource source(dir.path(), o);
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 2, 3000);
    QVERIFY(!FolderSource(dir.filePath(QStringLiteral("missing"))).start().ok());
}

void TestLiveSources::subfoldersAreFollowed()
{
    QTemporaryDir dir;
    const QDir d(dir.path());
    QVERIFY(d.mkpath(QStringLiteral("2026-12-06")));
    writeSlowly(d.filePath(QStringLiteral("2026-12-06/old.sps")), m_sps, 1, 0);
    FolderSource::Options o;
    o.fallbackMs = 400;
    FolderSource source(dir.path(), o);
    FolderSource::Options top = o;
    top.subfolders = false;
    FolderSource topOnly(dir.path(), top);
    Collector got, gotTop;
    source.setCallbacks(got.callbacks());
    topOnly.setCallbacks(gotTop.callbacks());
    QVERIFY(source.start().ok() && topOnly.start().ok());
    QCOMPARE(source.folderCount(), 2);
    QCOMPARE(topOnly.folderCount(), 1);
    // A file in a known subfolder, a new day's folder and a folder two levels down made while watching.
    writeSlowly(d.filePath(QStringLiteral("2026-12-06/a.sps")), m_sps, 3, 50);
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 1, 5000);
    QVERIFY(d.mkpath(QStringLiteral("2026-12-07/run2")));
    QTest::qWait(100);
    writeSlowly(d.filePath(QStringLiteral("2026-12-07/run2/b.sps")), m_sps, 3, 50);
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 2, 5000);
    QCOMPARE(got.spectra.back().path, d.filePath(QStringLiteral("2026-12-07/run2/b.sps")));
    writeSlowly(d.filePath(QStringLiteral("top.sps")), m_sps, 1, 0);
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(int(gotTop.spectra.size()), 1, 5000);
    QCOMPARE(gotTop.spectra.front().path, d.filePath(QStringLiteral("top.sps")));
    QCOMPARE(source.folderCount(), 4);
    // A subfolder removed is forgotten; a file moved between subfolders is not delivered again.
    QVERIFY(QFile::rename(d.filePath(QStringLiteral("2026-12-06/a.sps")), d.filePath(QStringLiteral("2026-12-07/a.sps"))));
    QVERIFY(QDir(d.filePath(QStringLiteral("2026-12-07/run2"))).removeRecursively());
    QTRY_COMPARE_WITH_TIMEOUT(source.folderCount(), 3, 3000);
    QTest::qWait(900);
    QCOMPARE(int(got.spectra.size()), 3);
    QCOMPARE(int(gotTop.spectra.size()), 1);
    QVERIFY(got.problems.empty());
}

void TestLiveSources::growingSpectrogramDeliversNewIntervals()
{
    // A RadiaCode spectrogram that grows by one line per interval, made from real RadiaCode spectra.
    std::vector<Spectrum> measured;
    for (const char *name : {"bg.xml", "Cs137_b.xml", "Co60_a.xml"}) {
        PHOTOPEAK_REQUIRE_DATA(xml, QStringLiteral("formats/radiacode-tools/data_deadtime/") + QLatin1String(name));
        auto read = ReaderRegistry::instance().read(xml);
        QVERIFY(read.ok());
        measured.push_back(read->front());
    }
    const QDateTime start(QDate(2023, 6, 7), QTime(5, 52, 0), Qt::UTC);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("walk.rcspg"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(testdata::spectrogramHead(measured[0], start, 0, 1024));
        f.write(testdata::spectrogramLine(measured[0], start, 10));  // recorded before watching starts
    }
    FolderSource source(dir.path());
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    for (int i = 1; i <= 4; ++i) {
        // Each line appended in two pieces: the half line is never read.
        const QByteArray line = testdata::spectrogramLine(measured[size_t(i % 3)], start.addSecs(10 * i), 10);
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(line.left(line.size() / 2));
        f.flush();
        QTest::qWait(150);
        f.write(line.mid(line.size() / 2));
        f.close();
        QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), i, 5000);
        const LiveSpectrum &s = got.spectra.back();
        QCOMPARE(s.record, i);
        QCOMPARE(s.spectrum.counts, measured[size_t(i % 3)].counts);
        QCOMPARE(s.spectrum.startTime.toUTC(), start.addSecs(10 * i));
    }
    QTest::qWait(300);
    QCOMPARE(int(got.spectra.size()), 4);
    QVERIFY(got.problems.empty());
}

void TestLiveSources::growingN42SeriesDeliversNewRecords()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("series.n42"));
    QFile first(path);
    QVERIFY(first.open(QIODevice::WriteOnly));
    first.write(n42Series(1));
    first.close();
    GrowingFileSource source(path);
    Collector got;
    source.setCallbacks(got.callbacks());
    QVERIFY(source.start().ok());
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 1, 3000);
    // Rewritten in place in two pieces (the closing tag comes last), then replaced by rename.
    const QByteArray two = n42Series(2);
    QFile again(path);
    QVERIFY(again.open(QIODevice::WriteOnly | QIODevice::Truncate));
    again.write(two.first(two.size() - 40));
    again.flush();
    QTest::qWait(700);
    QCOMPARE(int(got.spectra.size()), 1);
    again.write(two.mid(two.size() - 40));
    again.close();
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 2, 3000);
    QFile three(dir.filePath(QStringLiteral("next.tmp")));
    QVERIFY(three.open(QIODevice::WriteOnly));
    three.write(n42Series(3));
    three.close();
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::rename(dir.filePath(QStringLiteral("next.tmp")), path));
    QTRY_COMPARE_WITH_TIMEOUT(int(got.spectra.size()), 3, 5000);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(got.spectra[size_t(i)].record, i);
        QCOMPARE(got.spectra[size_t(i)].spectrum.counts.front(), double(i + 1));
    }
}

void TestLiveSources::replayDirectInAcquisitionOrder()
{
    auto files = ReplaySource::collect({m_bkg5});
    QVERIFY(files.ok());
    QCOMPARE(files->size(), 60);
    ReplaySource::Options o;
    o.intervalS = 0.01;
    ReplaySource replay({m_bkg5}, o);
    Collector got;
    replay.setCallbacks(got.callbacks());
    QVERIFY(replay.start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(got.finished, 20000);
    QCOMPARE(int(got.spectra.size()), 60);
    for (size_t i = 1; i < got.spectra.size(); ++i)
        QVERIFY(got.spectra[i - 1].spectrum.startTime <= got.spectra[i].spectrum.startTime);
    // Names are not zero-padded (..._14435_ is 14:04:35): name order would differ from acquisition order.
    QStringList byName = *files;
    std::sort(byName.begin(), byName.end());
    QVERIFY(byName != *files);
}

void TestLiveSources::replayCopiesInChunksIntoTarget()
{
    QTemporaryDir dir;
    QTemporaryDir src;
    const QStringList names = QDir(m_bkg5).entryList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name).mid(0, 6);
    for (const QString &n : names)
        QVERIFY(QFile::copy(QDir(m_bkg5).filePath(n), QDir(src.path()).filePath(n)));
    ReplaySource::Options o;
    o.intervalS = 0.15;
    o.targetFolder = dir.filePath(QStringLiteral("live"));
    o.chunks = 5;
    o.chunkGapMs = 15;
    ReplaySource replay({src.path()}, o);
    Collector got;
    int written = 0;
    replay.setCallbacks(got.callbacks());
    replay.setWrittenCallback([&](const QString &, auto) { ++written; });
    QVERIFY(replay.start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(got.finished, 20000);
    QCOMPARE(written, 6);
    QCOMPARE(int(got.spectra.size()), 6);
    QVERIFY(got.problems.empty());
    for (const LiveSpectrum &s : got.spectra) {
        QVERIFY(s.path.startsWith(o.targetFolder));
        QCOMPARE(bytesOf(s.path), bytesOf(QDir(src.path()).filePath(QFileInfo(s.path).fileName())));
    }
    // A second replay into the same folder never overwrites: copies get new names.
    ReplaySource again({src.path()}, o);
    Collector got2;
    again.setCallbacks(got2.callbacks());
    QVERIFY(again.start().ok());
    QTRY_VERIFY_WITH_TIMEOUT(got2.finished, 20000);
    QCOMPARE(int(got2.spectra.size()), 6);
    QCOMPARE(QDir(o.targetFolder).entryList(QDir::Files).size(), 12);
}

void TestLiveSources::replayRefusesItsOwnFolder()
{
    QTemporaryDir src;
    QVERIFY(QFile::copy(QDir(m_bkg5).filePath(QStringLiteral("202244_14435_Bkg_5s.sps")), src.filePath(QStringLiteral("a.sps"))));
    ReplaySource::Options o;
    o.targetFolder = src.filePath(QStringLiteral("inside"));
    ReplaySource replay({src.path()}, o);
    const Status st = replay.start();
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QLatin1String("folder it replays from")));
    o.targetFolder = src.path();
    o.speed = 0.0;
    QVERIFY(!ReplaySource({src.path()}, o).start().ok());
    QVERIFY(!ReplaySource::collect({src.filePath(QStringLiteral("nothing"))}).ok());
}

QTEST_GUILESS_MAIN(TestLiveSources)
#include "tst_livesources.moc"
