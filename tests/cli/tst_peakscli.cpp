// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include "io/ReaderRegistry.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <cmath>

using photopeak::testcli::cli;
using photopeak::testcli::Run;

// End to end on real XGD spectra: peaks (table and CSV), calibrate (a slope-0 file), activity (table against
// the certificate), identify (ranked nuclides, the --truth-from-path table on the long spectra), bad inputs
// and exit codes, and the shipped resources found from an installed layout.
class TestPeaksCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void peaksFindsCs137AndWritesCsv();
    void peaksAfterAutomaticCalibration();
    void calibrateSlopeZeroFile();
    void calibrationCheckOnLongFolder();
    void activityPrintsTable();
    void identifyRanksAndEvaluates();
    void badFilesAreNamed();
    void usageErrors();
    void shippedResourcesFromInstalledLayout();

private:
    QTemporaryDir m_dir;
    QString m_cs2022, m_cs2018, m_long, m_bad;
};

namespace {

// Energies of the rows of a peaks CSV (column energy_kev), with the header checked.
QList<QStringList> readCsv(const QString &path, QString *header)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QList<QStringList> rows;
    for (int i = 0; i < lines.size(); ++i) {
        if (i == 0)
            *header = lines[i];
        else
            rows << lines[i].split(QLatin1Char(','));
    }
    return rows;
}

// Energy of the fitted peak nearest to `keV` in the printed peak table ("... 661.20 +- 0.23 ...").
double nearestPrintedEnergy(const QString &out, double keV)
{
    static const QRegularExpression row(QStringLiteral("^\\s+\\d+\\s+[\\d.]+ \\+- [\\d.]+\\s+([\\d.]+) \\+- [\\d.]+"),
                                        QRegularExpression::MultilineOption);
    double best = 1e9;
    auto it = row.globalMatch(out);
    while (it.hasNext()) {
        const double e = it.next().captured(1).toDouble();
        if (std::abs(e - keV) < std::abs(best - keV))
            best = e;
    }
    return best;
}

} // namespace

void TestPeaksCli::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(cs2022, QStringLiteral("xgd/long/202274_17015_Cs-137_60s_15cm.sps"));
    PHOTOPEAK_REQUIRE_DATA(cs2018, QStringLiteral("xgd/long/Cs_137_15cm.sps"));
    PHOTOPEAK_REQUIRE_DATA(longDir, QStringLiteral("xgd/long"));
    PHOTOPEAK_REQUIRE_DATA(bad, QStringLiteral("bad/xgd-all-zero-header.sps"));
    m_cs2022 = cs2022;
    m_cs2018 = cs2018;
    m_long = longDir;
    m_bad = bad;
    QVERIFY(m_dir.isValid());
}

// The 2022 long Cs137 spectrum with its header calibration: the fitted 661.66 keV peak within 1 keV, the
// CSV with the documented columns, one row per printed peak.
void TestPeaksCli::peaksFindsCs137AndWritesCsv()
{
    const QString csv = m_dir.filePath(QStringLiteral("peaks.csv"));
    const Run r = cli({QStringLiteral("peaks"), QStringLiteral("--csv"), csv, m_cs2022});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("calibration E = ")));
    QVERIFY2(std::abs(nearestPrintedEnergy(r.out, 661.657) - 661.657) <= 1.0, qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Cs137\\s+score"))), qPrintable(r.out));
    QString header;
    const auto rows = readCsv(csv, &header);
    QCOMPARE(header, QStringLiteral("file,channel,channel_unc,energy_kev,energy_unc_kev,fwhm_kev,fwhm_unc_kev,area,area_unc,"
                                    "significance,region_chi2_ndf"));
    QVERIFY(!rows.isEmpty());
    bool found = false;
    for (const QStringList &row : rows) {
        QCOMPARE(row.size(), 11);
        QCOMPARE(row[0], QStringLiteral("202274_17015_Cs-137_60s_15cm.sps"));
        const double e = row[3].toDouble(), fwhm = row[5].toDouble(), area = row[7].toDouble(), z = row[9].toDouble();
        if (std::abs(e - 661.657) <= 1.0) {
            found = true;
            QVERIFY2(fwhm > 10.0 && fwhm < 18.0, qPrintable(row.join(QLatin1Char(','))));  // XGD: 13.9 keV at 662 keV
            QVERIFY(area > 1000.0 && z > 10.0);
            QVERIFY(std::abs(area / row[8].toDouble() - z) < 0.01 * z);
        }
    }
    QVERIFY2(found, "no CSV row within 1 keV of 661.66 keV");
}

// The 2018 spectrum's header calibration puts Cs137 2 keV high; --calibrate-with recalibrates on the lines.
void TestPeaksCli::peaksAfterAutomaticCalibration()
{
    const Run header = cli({QStringLiteral("peaks"), m_cs2018});
    QCOMPARE(header.code, 0);
    const Run r = cli({QStringLiteral("peaks"), QStringLiteral("--calibrate-with"), QStringLiteral("Cs137,K40"), m_cs2018});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("automatic on 2 lines")), qPrintable(r.out));
    QVERIFY2(std::abs(nearestPrintedEnergy(r.out, 661.657) - 661.657) <= 1.0, qPrintable(r.out));
    QVERIFY2(std::abs(nearestPrintedEnergy(r.out, 1460.82) - 1460.82) <= 2.0, qPrintable(r.out));
}

// A slope-0 file (srcs/Cs137/15s/50cm: the header has no calibration): the automatic calibration on Cs137
// agrees with the calibration of the same detector that day (a sibling file's header) within 1 keV at the
// Cs137 line, alone and for the group of the folder.
void TestPeaksCli::calibrateSlopeZeroFile()
{
    PHOTOPEAK_REQUIRE_DATA(dir, QStringLiteral("xgd/srcs/Cs137/15s/50cm"));
    PHOTOPEAK_REQUIRE_DATA(sibling, QStringLiteral("xgd/srcs/Cs137/60s/15cm"));
    const QStringList files = QDir(dir).entryList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name);
    const QStringList siblings = QDir(sibling).entryList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name);
    QVERIFY(!files.isEmpty() && !siblings.isEmpty());
    auto ref = photopeak::ReaderRegistry::instance().read(QDir(sibling).filePath(siblings.front()));
    QVERIFY(ref.ok());
    const photopeak::EnergyCalibration truth = ref->front().calibration;
    QVERIFY(truth.isValid(4096) && truth.slope() > 1.0);
    const double channel = truth.channelAt(661.657, 4096);

    auto slope0 = photopeak::ReaderRegistry::instance().read(QDir(dir).filePath(files.front()));
    QVERIFY(slope0.ok());
    QVERIFY(slope0->front().problems.has(photopeak::SpectrumProblem::MissingCalibration));

    const QString csv = m_dir.filePath(QStringLiteral("cal.csv"));
    QStringList groupArgs{QStringLiteral("calibrate"), QStringLiteral("--nuclides"), QStringLiteral("Cs137"), QStringLiteral("--group")};
    for (const QString &f : files)
        groupArgs << QDir(dir).filePath(f);
    for (const QStringList &args : {QStringList{QStringLiteral("calibrate"), QStringLiteral("--nuclides"), QStringLiteral("Cs137"),
                                                QStringLiteral("--csv"), csv, QDir(dir).filePath(files.front())},
                                    groupArgs}) {
        const Run r = cli(args);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("slope 0 in the file")), qPrintable(r.out));
        static const QRegularExpression fit(QStringLiteral("automatic\\s*:E = ([-\\d.e]+) \\+ ([\\d.e]+) x"));
        const auto m = fit.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        const double e = m.captured(1).toDouble() + m.captured(2).toDouble() * channel;
        QVERIFY2(std::abs(e - 661.657) <= 1.0, qPrintable(QStringLiteral("%1 keV at the Cs137 channel\n%2").arg(e).arg(r.out)));
    }
    QString header;
    const auto rows = readCsv(csv, &header);
    QCOMPARE(header, QStringLiteral("file,method,offset,slope,quadratic,rms_kev,points"));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.front().at(1), QStringLiteral("automatic"));
}

// The check on xgd/long: the long acquisitions and the summed 60-s series put Cs137 and both Co60 lines
// within 1 keV; single 60-s spectra scatter by their centroids' counting uncertainty, which the check states.
void TestPeaksCli::calibrationCheckOnLongFolder()
{
    const QString csvPath = m_dir.filePath(QStringLiteral("check.csv"));
    const Run r = cli({QStringLiteral("calibrate"), QStringLiteral("--check"), m_long, QStringLiteral("--csv"), csvPath});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    const auto tally = [&](const QString &what) {
        const QRegularExpression re(QRegularExpression::escape(what) + QStringLiteral("\\s+(\\d+) of (\\d+) within 1 keV \\D+([\\d.]+)"));
        const auto m = re.match(r.out);
        return m.hasMatch() ? std::array<double, 3>{m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble()}
                            : std::array<double, 3>{-1.0, -1.0, -1.0};
    };
    const auto longOnes = tally(QStringLiteral("long acquisitions (live time >= 300 s):"));
    QVERIFY2(longOnes[1] == 3.0 && longOnes[0] == 3.0, qPrintable(r.out));  // Cs137 661.66, Co60 1173.23 and 1332.49 keV
    const auto sums = tally(QStringLiteral("summed series of short acquisitions:"));
    QVERIFY2(sums[1] == 3.0 && sums[0] == 3.0, qPrintable(r.out));
    const auto every = tally(QStringLiteral("group calibration, every spectrum:"));
    QVERIFY2(every[1] == 23.0, qPrintable(r.out));
    QVERIFY2(every[0] >= every[2] - 2.0, qPrintable(r.out));  // no worse than counting statistics allow
    QString header;
    const auto rows = readCsv(csvPath, &header);
    QVERIFY(header.contains(QLatin1String(",sigma_kev,")));
    QCOMPARE(rows.size(), 45);

    // A folder with only an aborted acquisition: the file is named, and the check fails instead of printing 0 of 0.
    QTemporaryDir badDir;
    QVERIFY(QFile::copy(m_bad, badDir.filePath(QStringLiteral("Cs137_aborted.sps"))));
    const Run bad = cli({QStringLiteral("calibrate"), QStringLiteral("--check"), badDir.path()});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QLatin1String("Cs137_aborted.sps: skipped")), qPrintable(bad.err));
    QVERIFY2(bad.err.contains(QLatin1String("no readable single-source spectrum")), qPrintable(bad.err));
}

// Activity of the 2022 long Cs137 spectrum with the shipped XGD curve: a table with the activity, its
// uncertainties and the MDA; within 15 % of the certificate (116 kBq on 2016-10-01) decayed to the date.
void TestPeaksCli::activityPrintsTable()
{
    const Run r = cli({QStringLiteral("activity"), QStringLiteral("--nuclide"), QStringLiteral("Cs137"), QStringLiteral("--efficiency"),
                       QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json"), m_cs2022});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    static const QRegularExpression row(QStringLiteral("Cs137\\s+detected\\s+A = ([\\d.e+]+) Bq \\+- ([\\d.e+]+) \\(counting\\).*MDA ([\\d.e+]+) Bq"));
    const auto m = row.match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    const double a = m.captured(1).toDouble(), unc = m.captured(2).toDouble(), mda = m.captured(3).toDouble();
    const double years = QDate(2016, 10, 1).daysTo(QDate(2022, 7, 4)) / 365.2422;
    const double certificate = 116e3 * std::pow(2.0, -years / 30.08);
    QVERIFY2(std::abs(a / certificate - 1.0) < 0.15, qPrintable(QStringLiteral("%1 Bq vs %2 Bq").arg(a).arg(certificate)));
    QVERIFY(unc > 0.0 && unc < 0.1 * a);
    QVERIFY(mda > 0.0 && mda < a);
    QVERIFY(r.out.contains(QLatin1String("661.7 keV  net")));
}

// identify: the ranked list names the source first and flags K40 as background; --truth-from-path prints the
// top-1 / top-3 table, every long spectrum right; the CSV has one row per listed nuclide.
void TestPeaksCli::identifyRanksAndEvaluates()
{
    PHOTOPEAK_REQUIRE_DATA(am, QStringLiteral("xgd/long/Am241_15cm.sps"));
    const Run one = cli({QStringLiteral("identify"), QStringLiteral("--efficiency"), QStringLiteral("xgd"), am});
    QVERIFY2(one.code == 0, qPrintable(one.err));
    QVERIFY2(one.out.contains(QRegularExpression(QStringLiteral("\\n\\s+1 Am241\\s+score"))), qPrintable(one.out));
    QVERIFY2(one.out.contains(QRegularExpression(QStringLiteral("bkg K40\\s+score"))), qPrintable(one.out));

    const QString csv = m_dir.filePath(QStringLiteral("identify.csv"));
    const Run r = cli({QStringLiteral("identify"), QStringLiteral("--efficiency"), QStringLiteral("xgd"), QStringLiteral("--truth-from-path"),
                       QStringLiteral("--summary"), QStringLiteral("--csv"), csv, m_long});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("top-1")) && r.out.contains(QLatin1String("top-3")), qPrintable(r.out));
    static const QRegularExpression all(QStringLiteral("\\n  all\\s+(\\d+)\\s+(\\d+) \\(\\d+ %\\)\\s+(\\d+) \\(\\d+ %\\)"));
    const auto m = all.match(r.out);
    QVERIFY2(m.hasMatch(), qPrintable(r.out));
    const int n = m.captured(1).toInt();
    QVERIFY2(n >= 25, qPrintable(r.out));  // the long folder: 27 single sources and 2 backgrounds (.cal ignored)
    QVERIFY2(m.captured(2).toInt() == n && m.captured(3).toInt() == n, qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  background\\s+2\\s+2 "))), qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\n  Eu152\\s+2\\s+2 "))), qPrintable(r.out));
    QString header;
    const auto rows = readCsv(csv, &header);
    QVERIFY(header.startsWith(QLatin1String("file,truth,rank,nuclide,background,score")));
    QVERIFY(rows.size() >= n);
}

// Bad and missing files are named on stderr, the others still analysed, exit code 1.
void TestPeaksCli::badFilesAreNamed()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such.sps"));
    for (const QStringList &cmd : {QStringList{QStringLiteral("peaks")},
                                   QStringList{QStringLiteral("calibrate"), QStringLiteral("--nuclides"), QStringLiteral("Cs137")},
                                   QStringList{QStringLiteral("activity"), QStringLiteral("--nuclide"), QStringLiteral("Cs137"),
                                               QStringLiteral("--efficiency"), QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json")},
                                   QStringList{QStringLiteral("identify")}}) {
        const Run r = cli(cmd + QStringList{m_bad, missing, m_cs2022});
        QVERIFY2(r.code == 1, qPrintable(cmd.front() + QStringLiteral(": exit %1\n%2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(QLatin1String("xgd-all-zero-header.sps")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("no-such.sps")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("202274_17015_Cs-137_60s_15cm.sps")), qPrintable(cmd.front() + QLatin1Char('\n') + r.out));
    }
}

void TestPeaksCli::usageErrors()
{
    const QStringList unknownNuclide{QStringLiteral("--nuclides"), QStringLiteral("Xx999")};
    for (const QStringList &args : {QStringList{QStringLiteral("peaks")}, QStringList{QStringLiteral("identify")},
                                    QStringList{QStringLiteral("calibrate"), m_cs2022},
                                    QStringList{QStringLiteral("calibrate")} + unknownNuclide + QStringList{m_cs2022},
                                    QStringList{QStringLiteral("calibrate"), QStringLiteral("--nuclides"), QStringLiteral("Cs137"),
                                                QStringLiteral("--degree"), QStringLiteral("5"), m_cs2022},
                                    QStringList{QStringLiteral("peaks"), QStringLiteral("--calibrate-with"), QStringLiteral("Xx999"), m_cs2022},
                                    QStringList{QStringLiteral("identify"), QStringLiteral("--efficiency"), QStringLiteral("nosuchcurve"), m_cs2022},
                                    QStringList{QStringLiteral("identify"), QStringLiteral("--top"), QStringLiteral("0"), m_cs2022},
                                    QStringList{QStringLiteral("identify"), QStringLiteral("--no-such-option"), m_cs2022}}) {
        const Run r = cli(args);
        QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": exit %1").arg(r.code)));
        QVERIFY2(!r.err.isEmpty(), qPrintable(args.join(QLatin1Char(' '))));
    }
}

// The CLI copied into <prefix>/bin beside <prefix>/share/photopeak/{nuclides,efficiency} (the installed
// layout) finds the nuclide library and the named curve 'xgd' there; without them it names the folders it
// searched, and PHOTOPEAK_RESOURCES points it elsewhere.
void TestPeaksCli::shippedResourcesFromInstalledLayout()
{
    QTemporaryDir prefix;
    QVERIFY(prefix.isValid());
    QVERIFY(QDir(prefix.path()).mkpath(QStringLiteral("bin")));
    const QString exe = prefix.filePath(QStringLiteral("bin/photopeak-cli"));
    QVERIFY(QFile::copy(QStringLiteral(PHOTOPEAK_CLI_PATH), exe));
    QFile::setPermissions(exe, QFile::permissions(exe) | QFileDevice::ExeUser);
    auto run = [&](const QStringList &args, const QString &resources) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PHOTOPEAK_NUCLIDES"));
        env.remove(QStringLiteral("PHOTOPEAK_RESOURCES"));
        if (!resources.isEmpty())
            env.insert(QStringLiteral("PHOTOPEAK_RESOURCES"), resources);
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(prefix.path());
        p.start(exe, args);
        p.waitForFinished(120000);
        return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    };
    const QStringList args{QStringLiteral("identify"), QStringLiteral("--efficiency"), QStringLiteral("xgd"), m_cs2022};
    if (!QFileInfo::exists(QStringLiteral("/usr/share/photopeak/nuclides/nuclides.tsv"))) {
        const Run none = run(args, QString());
        QVERIFY2(none.code != 0, qPrintable(none.out));
        QVERIFY2(none.err.contains(QLatin1String("no such efficiency file")) || none.err.contains(QLatin1String("share/photopeak")),
                 qPrintable(none.err));
    }
    const Run viaEnv = run(args, QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources"));
    QVERIFY2(viaEnv.code == 0, qPrintable(viaEnv.err));
    QVERIFY(viaEnv.out.contains(QLatin1String("1 Cs137")));

    const QString share = prefix.filePath(QStringLiteral("share/photopeak"));
    for (const char *f : {"nuclides/nuclides.tsv", "efficiency/xgd.json"}) {
        QVERIFY(QDir(share).mkpath(QFileInfo(QString::fromLatin1(f)).path()));
        QVERIFY(QFile::copy(QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/") + QLatin1String(f), QDir(share).filePath(QLatin1String(f))));
    }
    const Run installed = run(args, QString());
    QVERIFY2(installed.code == 0, qPrintable(installed.err));
    QVERIFY(installed.out.contains(QLatin1String("1 Cs137")));
}

QTEST_GUILESS_MAIN(TestPeaksCli)
#include "tst_peakscli.moc"
