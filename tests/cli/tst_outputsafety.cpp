// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Never destroy a user's file (issue 11), end to end through photopeak-cli: for every command that writes, an
// input named as the output, or a file Photopeak did not write, is left byte-identical with a clear message and
// exit code 2 (--force replaces a foreign file, never an input); a failed run leaves an earlier output untouched;
// a run killed while writing leaves the final name intact, and the next run removes its temporary and says so.

#include "CliRun.h"
#include "TestData.h"

#include "io/OutputLedger.h"
#include "io/ReaderRegistry.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace photopeak;
using namespace photopeak::testcli;

namespace {
const QString kDemo = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/xgd");
const QString kEfficiency = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/efficiency/xgd.json");

QByteArray hashOf(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

void writeRaw(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

QStringList temporariesIn(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral(".*.tmp")}, QDir::Files | QDir::Hidden);
}
} // namespace

class TestOutputSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tableWritersNeverReplaceTheirInput();
    void tableWritersNeedForceForForeignFiles();
    void failedRunLeavesEarlierOutput();
    void classifyNeverReplacesModelOrInput();
    void trainNeverOverReferenceOrForeignFile();
    void efficiencyOutNeverReplacesForeignFile();
    void convertPolicy();
    void convertKilledWhileWriting();
    void latentTrainNeverOverInput();
    void reportAndEvaluateNeverOverInput();
    void evaluateNamesMissingTestPath();

private:
    // The argument lists of peaks, calibrate, identify and activity reading `input` and writing `csv`.
    QList<QStringList> tableCommands(const QString &input, const QString &csv) const;

    QTemporaryDir m_dir;
    QString m_input, m_model;
};

void TestOutputSafety::initTestCase()
{
    QVERIFY(m_dir.isValid());
    PHOTOPEAK_REQUIRE_DATA(cs, QStringLiteral("xgd/long/Cs_137_15cm.sps"));
    m_input = m_dir.filePath(QStringLiteral("in.sps"));
    QVERIFY(QFile::copy(cs, m_input));
    m_model = m_dir.filePath(QStringLiteral("model.json"));
    const Run train = cli({QStringLiteral("train"), QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Cs137"),
                           QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Am241"), QStringLiteral("-B"),
                           kDemo + QStringLiteral("/bkgs/15s"), QStringLiteral("--synthetic"), QStringLiteral("100"),
                           QStringLiteral("--no-search"), QStringLiteral("--folds"), QStringLiteral("3"),
                           QStringLiteral("-o"), m_model});
    QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
}

QList<QStringList> TestOutputSafety::tableCommands(const QString &input, const QString &csv) const
{
    return {{QStringLiteral("peaks"), input, QStringLiteral("--csv"), csv},
            {QStringLiteral("calibrate"), input, QStringLiteral("--nuclides"), QStringLiteral("Cs137"), QStringLiteral("--csv"), csv},
            {QStringLiteral("identify"), input, QStringLiteral("--csv"), csv},
            {QStringLiteral("activity"), input, QStringLiteral("--nuclide"), QStringLiteral("Cs137"), QStringLiteral("--efficiency"),
             kEfficiency, QStringLiteral("--csv"), csv}};
}

void TestOutputSafety::tableWritersNeverReplaceTheirInput()
{
    const QByteArray before = hashOf(m_input);
    const QString link = m_dir.filePath(QStringLiteral("link-to-input.csv"));
    QVERIFY(QFile::link(m_input, link));
    for (const QString &output : {m_input, link, m_dir.filePath(QStringLiteral("./in.sps"))})
        for (QStringList args : tableCommands(m_input, output))
            for (bool force : {false, true}) {
                if (force)
                    args << QStringLiteral("--force");
                const Run r = cli(args);
                QVERIFY2(r.code == 2, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" -> ") + r.err));
                QVERIFY2(r.err.contains(QLatin1String("is an input")), qPrintable(r.err));
                QVERIFY2(r.err.contains(output), qPrintable(r.err));
                QVERIFY(r.out.isEmpty());
                QCOMPARE(hashOf(m_input), before);
            }
    // The efficiency file is an input too.
    QFile::copy(kEfficiency, m_dir.filePath(QStringLiteral("eff.json")));
    const QString eff = m_dir.filePath(QStringLiteral("eff.json"));
    const QByteArray effBefore = hashOf(eff);
    const Run r = cli({QStringLiteral("activity"), m_input, QStringLiteral("--nuclide"), QStringLiteral("Cs137"),
                       QStringLiteral("--efficiency"), eff, QStringLiteral("--csv"), eff});
    QCOMPARE(r.code, 2);
    QCOMPARE(hashOf(eff), effBefore);
}

void TestOutputSafety::tableWritersNeedForceForForeignFiles()
{
    for (const QStringList &probe : tableCommands(m_input, QString())) {
        const QString command = probe.front();
        const QString notes = m_dir.filePath(command + QStringLiteral("-notes.csv"));
        writeRaw(notes, "my own notes, not Photopeak's\n");
        const QByteArray before = hashOf(notes);
        QStringList withNotes = probe;
        withNotes.last() = notes;
        const Run refused = cli(withNotes);
        QVERIFY2(refused.code == 2, qPrintable(command + QStringLiteral(": ") + refused.err));
        QVERIFY2(refused.err.contains(QLatin1String("not written by Photopeak")) && refused.err.contains(QLatin1String("--force"))
                     && refused.err.contains(notes),
                 qPrintable(refused.err));
        QCOMPARE(hashOf(notes), before);
        const Run forced = cli(withNotes + QStringList{QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, qPrintable(command + QStringLiteral(": ") + forced.err));
        QVERIFY(hashOf(notes) != before);
        QVERIFY2(!OutputLedger::recordedKind(notes).isEmpty(), qPrintable(notes));
        // Its own output is replaced without --force on the next run.
        const Run again = cli(withNotes);
        QVERIFY2(again.code == 0, qPrintable(command + QStringLiteral(": ") + again.err));
    }
}

void TestOutputSafety::failedRunLeavesEarlierOutput()
{
    const QString missing = m_dir.filePath(QStringLiteral("no-such-spectrum.sps"));
    for (const QStringList &probe : tableCommands(m_input, QString())) {
        const QString csv = m_dir.filePath(probe.front() + QStringLiteral("-earlier.csv"));
        QStringList good = probe;
        good.last() = csv;
        const Run first = cli(good);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const QByteArray before = hashOf(csv);
        QVERIFY(!before.isEmpty());
        QStringList bad = good;
        bad[1] = missing;
        const Run failed = cli(bad);
        QVERIFY2(failed.code == 1, qPrintable(probe.front() + QStringLiteral(": ") + failed.err));
        QVERIFY2(failed.err.contains(QLatin1String("not written")), qPrintable(failed.err));
        QCOMPARE(hashOf(csv), before);
        QVERIFY(temporariesIn(m_dir.path()).isEmpty());
    }
}

void TestOutputSafety::classifyNeverReplacesModelOrInput()
{
    const QByteArray modelBefore = hashOf(m_model), inputBefore = hashOf(m_input);
    // -o model.csv would write model.json beside it: the model given with --model.
    const Run sibling = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-o"),
                             m_dir.filePath(QStringLiteral("model.csv")), m_input});
    QCOMPARE(sibling.code, 2);
    QVERIFY2(sibling.err.contains(m_model) && sibling.err.contains(QLatin1String("input")), qPrintable(sibling.err));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral("model.csv"))));
    // Another model of that name, not used by this run: a report never replaces a model, even Photopeak's own.
    const QString other = m_dir.filePath(QStringLiteral("R.json"));
    QVERIFY(QFile::copy(m_model, other));
    QVERIFY(cli({QStringLiteral("train"), QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Cs137"), QStringLiteral("-S"),
                 kDemo + QStringLiteral("/srcs/Am241"), QStringLiteral("-B"), kDemo + QStringLiteral("/bkgs/15s"),
                 QStringLiteral("--synthetic"), QStringLiteral("100"), QStringLiteral("--no-search"), QStringLiteral("--folds"),
                 QStringLiteral("3"), QStringLiteral("-o"), other, QStringLiteral("--force")})
                .code
            == 0);
    const QByteArray otherBefore = hashOf(other);
    const Run model = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-o"),
                           m_dir.filePath(QStringLiteral("R.csv")), m_input});
    QCOMPARE(model.code, 2);
    QVERIFY2(model.err.contains(QLatin1String("spectrum-classifier model")) && model.err.contains(other), qPrintable(model.err));
    QCOMPARE(hashOf(other), otherBefore);
    // The input as the CSV or the JSON report.
    for (const QStringList &out : {QStringList{QStringLiteral("-o"), m_input}, QStringList{QStringLiteral("-O"), m_input}}) {
        const Run r = cli(QStringList{QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("--force")} + out
                          + QStringList{m_input});
        QCOMPARE(r.code, 2);
    }
    QCOMPARE(hashOf(m_input), inputBefore);
    QCOMPARE(hashOf(m_model), modelBefore);
    // A foreign report file: --force replaces it; then the run's own outputs are replaced freely.
    const QString report = m_dir.filePath(QStringLiteral("report.csv"));
    writeRaw(report, "foreign");
    const QStringList args{QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-o"), report, m_input};
    QCOMPARE(cli(args).code, 2);
    QCOMPARE(QFile(report).size(), qint64(7));
    const Run forced = cli(args + QStringList{QStringLiteral("--force")});
    QVERIFY2(forced.code == 0, qPrintable(forced.err));
    QVERIFY(QFileInfo::exists(m_dir.filePath(QStringLiteral("report.json"))));
    QVERIFY2(cli(args).code == 0, "own outputs are replaced without --force");
}

void TestOutputSafety::trainNeverOverReferenceOrForeignFile()
{
    const QString ref = m_dir.filePath(QStringLiteral("ref.sps"));
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/bkgs/60s"));
    const QStringList bkgs = QDir(bkg).entryList({QStringLiteral("*.sps")}, QDir::Files);
    QVERIFY(!bkgs.isEmpty());
    QVERIFY(QFile::copy(QDir(bkg).filePath(bkgs.front()), ref));
    const QByteArray before = hashOf(ref);
    const QStringList training{QStringLiteral("train"), QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Cs137"),
                               QStringLiteral("-B"), kDemo + QStringLiteral("/bkgs/15s"), QStringLiteral("--no-search")};
    for (bool force : {false, true}) {
        const Run r = cli(training + QStringList{QStringLiteral("-b"), ref, QStringLiteral("-o"), ref}
                          + (force ? QStringList{QStringLiteral("--force")} : QStringList()));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(ref) && r.err.contains(QLatin1String("input")), qPrintable(r.err));
        QCOMPARE(hashOf(ref), before);
    }
    // A file inside a training folder.
    const QString inside = QDir(kDemo + QStringLiteral("/srcs/Cs137/15s/15cm")).filePath(
        QDir(kDemo + QStringLiteral("/srcs/Cs137/15s/15cm")).entryList({QStringLiteral("*.sps")}, QDir::Files).front());
    const QByteArray insideBefore = hashOf(inside);
    QCOMPARE(cli(training + QStringList{QStringLiteral("-o"), inside, QStringLiteral("--force")}).code, 2);
    QCOMPARE(hashOf(inside), insideBefore);
    // A file Photopeak did not write.
    const QString foreign = m_dir.filePath(QStringLiteral("notes.json"));
    writeRaw(foreign, "{\"mine\": true}");
    const Run r = cli(training + QStringList{QStringLiteral("-o"), foreign});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(QLatin1String("--force")), qPrintable(r.err));
    QCOMPARE(hashOf(foreign), QCryptographicHash::hash("{\"mine\": true}", QCryptographicHash::Sha256).toHex());
}

void TestOutputSafety::efficiencyOutNeverReplacesForeignFile()
{
    const QString out = m_dir.filePath(QStringLiteral("existing-eff.json"));
    writeRaw(out, "{\"note\": \"measured by hand\"}");
    const QByteArray before = hashOf(out);
    const Run r = cli({QStringLiteral("activity"), QStringLiteral("--build-efficiency"), kDemo + QStringLiteral("/srcs"),
                       QStringLiteral("--out"), out});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(out) && r.err.contains(QLatin1String("--force")), qPrintable(r.err));
    QCOMPARE(hashOf(out), before);
    // An existing file in the folder it reads: never, not even with --force.
    const QString inside = QDir(kDemo + QStringLiteral("/srcs/Cs137/60s/50cm")).filePath(
        QDir(kDemo + QStringLiteral("/srcs/Cs137/60s/50cm")).entryList({QStringLiteral("*.sps")}, QDir::Files).front());
    const QByteArray insideBefore = hashOf(inside);
    QCOMPARE(cli({QStringLiteral("activity"), QStringLiteral("--build-efficiency"), kDemo + QStringLiteral("/srcs"),
                  QStringLiteral("--out"), inside, QStringLiteral("--force")})
                 .code,
             2);
    QCOMPARE(hashOf(inside), insideBefore);
}

void TestOutputSafety::convertPolicy()
{
    const QByteArray before = hashOf(m_input);
    QCOMPARE(cli({QStringLiteral("convert"), QStringLiteral("--force"), m_input, m_input}).code, 2);
    QCOMPARE(hashOf(m_input), before);
    // A folder as input: an existing file inside it is an input.
    const QString folder = m_dir.filePath(QStringLiteral("folder"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(m_input, folder + QStringLiteral("/a.sps")));
    const QByteArray aBefore = hashOf(folder + QStringLiteral("/a.sps"));
    const Run inside = cli({QStringLiteral("convert"), QStringLiteral("--force"), folder, folder + QStringLiteral("/a.sps")});
    QCOMPARE(inside.code, 2);
    QVERIFY2(inside.err.contains(QLatin1String("inside the input folder")), qPrintable(inside.err));
    QCOMPARE(hashOf(folder + QStringLiteral("/a.sps")), aBefore);
    // Foreign file: --force; own output: replaced freely.
    const QString out = m_dir.filePath(QStringLiteral("converted.csv"));
    writeRaw(out, "x");
    const Run refused = cli({QStringLiteral("convert"), m_input, out});
    QCOMPARE(refused.code, 2);
    QVERIFY(refused.err.contains(QLatin1String("--force")));
    QCOMPARE(QFile(out).size(), qint64(1));
    QCOMPARE(cli({QStringLiteral("convert"), QStringLiteral("--force"), m_input, out}).code, 0);
    QCOMPARE(cli({QStringLiteral("convert"), m_input, out}).code, 0);
    // The CSV is Photopeak's spectrum now: the .sps written from it is Photopeak's too.
    const QString back = m_dir.filePath(QStringLiteral("back.sps"));
    QCOMPARE(cli({QStringLiteral("convert"), out, back}).code, 0);
    QCOMPARE(cli({QStringLiteral("convert"), out, back}).code, 0);
}

void TestOutputSafety::convertKilledWhileWriting()
{
    PHOTOPEAK_REQUIRE_DATA(xgd, QStringLiteral("xgd"));
    PHOTOPEAK_REQUIRE_DATA(small, QStringLiteral("xgd/long"));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("library.h5"));
    QCOMPARE(cli({QStringLiteral("convert"), small, out}).code, 0);
    const QByteArray earlier = hashOf(out);
    QVERIFY(!earlier.isEmpty());
    const auto first = ReaderRegistry::instance().read(out);
    QVERIFY(first.ok());
    const size_t earlierCount = first->size();
    // The whole XGD folder into the same output, killed as soon as its temporary appears.
    int killedWhileWriting = 0;
    for (int attempt = 0; attempt < 3 && killedWhileWriting == 0; ++attempt) {
        QProcess p;
        p.start(QStringLiteral(PHOTOPEAK_CLI_PATH), {QStringLiteral("convert"), xgd, out});
        QVERIFY(p.waitForStarted());
        QElapsedTimer t;
        t.start();
        while (p.state() == QProcess::Running && temporariesIn(dir.path()).isEmpty() && t.elapsed() < 120000)
            QThread::usleep(500);
        const bool sawTemporary = !temporariesIn(dir.path()).isEmpty();
        p.kill();
        p.waitForFinished();
        if (sawTemporary && p.exitStatus() == QProcess::CrashExit)
            ++killedWhileWriting;
        // Whatever the moment of the kill: the final name holds the earlier output or the complete new one.
        const QByteArray now = hashOf(out);
        QVERIFY(now == earlier || (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0));
    }
    QVERIFY2(killedWhileWriting > 0, "the convert finished before it could be killed while writing");
    QCOMPARE(hashOf(out), earlier);
    const QStringList left = temporariesIn(dir.path());
    QCOMPARE(left.size(), 1);
    // The next run writing that output removes the temporary and says so.
    const Run next = cli({QStringLiteral("convert"), small, out});
    QVERIFY2(next.err.contains(QLatin1String("removed")) && next.err.contains(left.front())
                 && next.err.contains(QLatin1String("interrupted run")),
             qPrintable(next.err));
    QVERIFY(temporariesIn(dir.path()).isEmpty());
    auto again = ReaderRegistry::instance().read(out);
    QVERIFY(again.ok());
    QCOMPARE(again->size(), earlierCount);
}

void TestOutputSafety::latentTrainNeverOverInput()
{
    PHOTOPEAK_REQUIRE_DATA(loadings, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    const QString copy = m_dir.filePath(QStringLiteral("loadings.csv"));
    QVERIFY(QFile::copy(loadings, copy));
    const QByteArray before = hashOf(copy);
    const Run r = cli({QStringLiteral("latent"), QStringLiteral("train"), QStringLiteral("--from-csv"), copy,
                       QStringLiteral("-o"), copy, QStringLiteral("--force")});
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(copy), qPrintable(r.err));
    QCOMPARE(hashOf(copy), before);
    const QString latent = m_dir.filePath(QStringLiteral("latent.json"));
    QCOMPARE(cli({QStringLiteral("latent"), QStringLiteral("train"), QStringLiteral("--from-csv"), copy, QStringLiteral("-o"), latent}).code, 0);
    QCOMPARE(OutputLedger::recordedKind(latent), QStringLiteral("model:latent"));
    // A classifier is never written over a latent model without --force.
    const Run train = cli({QStringLiteral("train"), QStringLiteral("-S"), kDemo + QStringLiteral("/srcs/Cs137"),
                           QStringLiteral("-B"), kDemo + QStringLiteral("/bkgs/15s"), QStringLiteral("-o"), latent});
    QCOMPARE(train.code, 2);
    QVERIFY2(train.err.contains(QLatin1String("latent model")), qPrintable(train.err));
}

void TestOutputSafety::reportAndEvaluateNeverOverInput()
{
    const QByteArray before = hashOf(m_input);
    const Run report = cli({QStringLiteral("report"), QStringLiteral("--model"), m_model, QStringLiteral("-o"), m_input, m_input});
    QCOMPARE(report.code, 2);
    QVERIFY2(report.err.contains(m_input), qPrintable(report.err));
    QCOMPARE(hashOf(m_input), before);
    // evaluate --xgd ROOT --model FILE writes the model it trains: never over a file of ROOT.
    const QString root = m_dir.filePath(QStringLiteral("xgd-root"));
    for (const char *sub : {"srcs", "Dataset", "bkgs", "set2/test/time/sig", "set2/test/time/bkg", "set2/test/dist",
                            "misc/Am241_Cs137", "misc/Co60_Cs137"})
        QVERIFY(QDir(root).mkpath(QLatin1String(sub)));
    const QString inside = root + QStringLiteral("/srcs/x.sps");
    QVERIFY(QFile::copy(m_input, inside));
    const Run evaluate = cli({QStringLiteral("evaluate"), QStringLiteral("--xgd"), root, QStringLiteral("--model"), inside});
    QCOMPARE(evaluate.code, 2);
    QVERIFY2(evaluate.err.contains(inside), qPrintable(evaluate.err));
    QCOMPARE(hashOf(inside), before);
}

// Issue 21: "evaluate -T nonexistent.sps" exited 0 naming "folder//abs/path/nonexistent.sps".
void TestOutputSafety::evaluateNamesMissingTestPath()
{
    const QString missing = m_dir.filePath(QStringLiteral("nonexistent.sps"));
    const Run r = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), missing});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(missing + QStringLiteral(": no such file or folder")), qPrintable(r.err));
    const QString bad = m_dir.filePath(QStringLiteral("bad.sps"));
    writeRaw(bad, "junk");
    const Run partly = cli({QStringLiteral("evaluate"), QStringLiteral("--model"), m_model, QStringLiteral("-T"), missing,
                            QStringLiteral("-T"), bad, QStringLiteral("-T"), m_input});
    QCOMPARE(partly.code, 1);
    QVERIFY2(partly.err.contains(QFileInfo(m_dir.path()).fileName() + QStringLiteral("/bad.sps: ")), qPrintable(partly.err));
    QVERIFY2(!partly.err.contains(QLatin1String("//")), qPrintable(partly.err));
}

QTEST_GUILESS_MAIN(TestOutputSafety)
#include "tst_outputsafety.moc"
