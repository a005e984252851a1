// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using photopeak::testcli::cli;
using photopeak::testcli::Run;

namespace {
QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<QJsonObject> jsonLines(const QString &out)
{
    std::vector<QJsonObject> lines;
    for (const QString &l : out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines.push_back(QJsonDocument::fromJson(l.toUtf8()).object());
    return lines;
}
} // namespace

// photopeak-cli watch end to end: the XGD time series replayed into a folder (alarm on the first Cs137
// interval, never on the backgrounds; JSON lines, alarm log, alarm command), SIGTERM, limits, usage errors.
class TestWatchCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void replayAlarmsOnFirstSourceInterval();
    void terminateStopsCleanlyAndKeepsFiles();
    void maxSpectraAndExistingFiles();
    void usageAndMissingFolder();

private:
    QTemporaryDir m_dir;
    QString m_model, m_bkg5, m_sig5;
};

void TestWatchCli::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(cs, QStringLiteral("xgd/srcs/Cs137/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(co, QStringLiteral("xgd/srcs/Co60/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/bkgs/60s"));
    PHOTOPEAK_REQUIRE_DATA(bkg5, QStringLiteral("xgd/set2/test/time/bkg/5s"));
    PHOTOPEAK_REQUIRE_DATA(sig5, QStringLiteral("xgd/set2/test/time/sig/5s"));
    m_bkg5 = bkg5;
    m_sig5 = sig5;
    m_model = m_dir.filePath(QStringLiteral("model.json"));
    const Run r = cli({QStringLiteral("train"), QStringLiteral("-S"), cs, QStringLiteral("-S"), co, QStringLiteral("-B"), bkg,
                       QStringLiteral("--synthetic"), QStringLiteral("300"), QStringLiteral("--no-search"),
                       QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("-o"), m_model});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
}

void TestWatchCli::replayAlarmsOnFirstSourceInterval()
{
    const QString folder = m_dir.filePath(QStringLiteral("detector"));
    const QString log = m_dir.filePath(QStringLiteral("alarms.csv")), cmdOut = m_dir.filePath(QStringLiteral("cmd.txt"));
    const Run r = cli({QStringLiteral("watch"), folder, QStringLiteral("--model"), m_model, QStringLiteral("--replay"), m_bkg5,
                       QStringLiteral("--replay"), m_sig5, QStringLiteral("--interval"), QStringLiteral("0.02"),
                       QStringLiteral("--json"), QStringLiteral("--alarm-log"), log, QStringLiteral("--alarm-cmd"),
                       QStringLiteral("echo \"$PHOTOPEAK_ALARM_EVENT $PHOTOPEAK_ALARM_ISOTOPES\" >> '%1'").arg(cmdOut)},
                      60000);
    QVERIFY2(r.code == 0, qPrintable(r.err));
    int spectra = 0, raised = 0, firstSource = 0, raisedAt = 0;
    QString raisedFile;
    for (const QJsonObject &o : jsonLines(r.out)) {
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("alarm")) {
            raised += o.value(QStringLiteral("event")).toString() == QLatin1String("raised");
            raisedAt = o.value(QStringLiteral("sequence")).toInt();
            raisedFile = o.value(QStringLiteral("file")).toString();
            QVERIFY(o.value(QStringLiteral("isotopes")).toVariant().toStringList().join(QString()).contains(QLatin1String("Cs137")));
            continue;
        }
        ++spectra;
        const QString file = o.value(QStringLiteral("file")).toString();
        const bool source = file.contains(QLatin1String("Sig_Cs137"));
        if (!source)
            QVERIFY2(!o.value(QStringLiteral("alarming")).toBool() && !o.value(QStringLiteral("alarmActive")).toBool(),
                     qPrintable(file));
        if (source && firstSource == 0 && o.value(QStringLiteral("usable")).toBool())
            firstSource = o.value(QStringLiteral("sequence")).toInt();
        // The replayed copies are the originals, byte for byte, and are left in place.
        QCOMPARE(bytesOf(file), bytesOf(QDir(source ? m_sig5 : m_bkg5).filePath(QFileInfo(file).fileName())));
    }
    QCOMPARE(spectra, 110);
    QCOMPARE(raised, 1);
    QCOMPARE(firstSource, 61);
    QCOMPARE(raisedAt, firstSource);
    QVERIFY(raisedFile.endsWith(QLatin1String("202244_145812_Sig_Cs137_5s.sps")));
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 110);
    const QStringList csv = QString::fromUtf8(bytesOf(log)).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(csv.size(), 2);
    QVERIFY(csv[1].contains(QLatin1String("202244_145812_Sig_Cs137_5s.sps,Cs137")));
    QTRY_VERIFY_WITH_TIMEOUT(bytesOf(cmdOut).startsWith("raised Cs137"), 5000);
    QVERIFY(r.err.contains(QLatin1String("watched 110 spectra (2 not analysable), 1 alarms")));
}

void TestWatchCli::terminateStopsCleanlyAndKeepsFiles()
{
    QTemporaryDir dir;
    QProcess p;
    p.start(QStringLiteral(PHOTOPEAK_CLI_PATH), {QStringLiteral("watch"), dir.path(), QStringLiteral("--model"), m_model});
    QVERIFY(p.waitForStarted());
    QString err;
    QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(p.readAllStandardError())).contains(QLatin1String("photopeak-cli watch: folder")),
                             10000);
    const QString original = QDir(m_bkg5).filePath(QStringLiteral("202244_14435_Bkg_5s.sps"));
    const QString copy = dir.filePath(QStringLiteral("a.sps"));
    QVERIFY(QFile::copy(original, copy));
    QString out;
    QTRY_VERIFY_WITH_TIMEOUT((out += QString::fromUtf8(p.readAllStandardOutput())).contains(QLatin1String("a.sps")), 10000);
    QVERIFY(out.contains(QLatin1String("learning background")));
    p.terminate();  // SIGTERM
    QVERIFY(p.waitForFinished(10000));
    QCOMPARE(p.exitStatus(), QProcess::NormalExit);
    QCOMPARE(p.exitCode(), 0);
    err += QString::fromUtf8(p.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("watched 1 spectra")), qPrintable(err));
    QCOMPARE(bytesOf(copy), bytesOf(original));
}

void TestWatchCli::maxSpectraAndExistingFiles()
{
    QTemporaryDir dir;
    const QStringList names = QDir(m_bkg5).entryList({QStringLiteral("*_5s.sps")}, QDir::Files, QDir::Name).mid(0, 3);
    for (const QString &n : names)
        QVERIFY(QFile::copy(QDir(m_bkg5).filePath(n), dir.filePath(n)));
    const Run r = cli({QStringLiteral("watch"), dir.path(), QStringLiteral("--model"), m_model, QStringLiteral("--existing"),
                       QStringLiteral("--max-spectra"), QStringLiteral("2")}, 30000);
    QCOMPARE(r.code, 0);
    QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 2);
    const Run timed = cli({QStringLiteral("watch"), dir.path(), QStringLiteral("--model"), m_model, QStringLiteral("--duration"),
                           QStringLiteral("0.5")}, 30000);
    QCOMPARE(timed.code, 0);
    QVERIFY(timed.out.isEmpty());  // files already there are not analysed without --existing
}

void TestWatchCli::usageAndMissingFolder()
{
    QCOMPARE(cli({QStringLiteral("watch"), QStringLiteral("--model"), m_model}).code, 2);
    QCOMPARE(cli({QStringLiteral("watch"), m_dir.path()}).code, 2);  // no model
    QCOMPARE(cli({QStringLiteral("watch"), m_dir.path(), QStringLiteral("--model"), m_model, QStringLiteral("--speed"),
                  QStringLiteral("0")}).code, 2);
    QCOMPARE(cli({QStringLiteral("watch"), m_dir.path(), QStringLiteral("--model"), m_model, QStringLiteral("--raise-after"),
                  QStringLiteral("1.5")}).code, 2);
    // The alarm log never goes into the watched folder (it would be read as a spectrum) nor over a foreign file.
    QTemporaryDir watched;
    const Run inside = cli({QStringLiteral("watch"), watched.path(), QStringLiteral("--model"), m_model, QStringLiteral("--alarm-log"),
                            QDir(watched.path()).filePath(QStringLiteral("alarms.csv"))});
    QCOMPARE(inside.code, 2);
    QVERIFY(inside.err.contains(QLatin1String("watched folder")));
    const QString foreign = m_dir.filePath(QStringLiteral("mine.csv"));
    QFile f(foreign);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("my own table\n");
    f.close();
    QCOMPARE(cli({QStringLiteral("watch"), watched.path(), QStringLiteral("--model"), m_model, QStringLiteral("--alarm-log"), foreign}).code, 2);
    QCOMPARE(bytesOf(foreign), QByteArray("my own table\n"));
    const Run missing = cli({QStringLiteral("watch"), m_dir.filePath(QStringLiteral("nowhere")), QStringLiteral("--model"), m_model});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains(QLatin1String("no such folder")));
    const Run replayOwn = cli({QStringLiteral("watch"), QDir(m_bkg5).filePath(QStringLiteral("sub")), QStringLiteral("--model"), m_model,
                               QStringLiteral("--replay"), m_bkg5});
    QCOMPARE(replayOwn.code, 1);
    QVERIFY(replayOwn.err.contains(QLatin1String("folder it replays from")));
}

QTEST_GUILESS_MAIN(TestWatchCli)
#include "tst_watchcli.moc"
