// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include "io/ReaderRegistry.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
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

QString quoted(const QString &s) { return QLatin1Char('"') + s + QLatin1Char('"'); }

// Runs packaging/slurm/photopeak-array.sh STEP CONF with the environment of a SLURM array task.
Run arrayStep(const QString &step, const QString &conf, int task = -1, int taskCount = 0)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (task >= 0) {
        env.insert(QStringLiteral("SLURM_ARRAY_TASK_ID"), QString::number(task));
        env.insert(QStringLiteral("SLURM_ARRAY_TASK_MIN"), QStringLiteral("0"));
        env.insert(QStringLiteral("SLURM_ARRAY_TASK_COUNT"), QString::number(taskCount));
    }
    env.insert(QStringLiteral("SLURM_CPUS_PER_TASK"), QStringLiteral("1"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {QStringLiteral(PHOTOPEAK_SOURCE_DIR "/packaging/slurm/photopeak-array.sh"), step, conf});
    p.waitForFinished(600000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}
} // namespace

// Scale-out (issue 20, docs/scale-out.md): the SLURM job-array script run locally (SLURM_ARRAY_TASK_ID looped on
// this machine) trains once, classifies in shards and merges; the merged CSV and JSON equal the single run's row
// for row. Also --shard on the other batch commands and merge's refusals.
class TestSlurmArray : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void arrayEqualsSingleRun_data();
    void arrayEqualsSingleRun();
    void hitsAndConvertShardsMerge();
    void mergeRefusesIncompleteOrForeignParts();
    void badShardIsAUsageError();

private:
    QTemporaryDir m_dir;
    QString m_model;
    QStringList m_inputs;
    QString m_singleCsv, m_singleJson;
};

void TestSlurmArray::initTestCase()
{
    PHOTOPEAK_REQUIRE_DATA(cs, QStringLiteral("xgd/srcs/Cs137/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(co, QStringLiteral("xgd/srcs/Co60/15s/15cm"));
    PHOTOPEAK_REQUIRE_DATA(bkg, QStringLiteral("xgd/bkgs/60s"));
    PHOTOPEAK_REQUIRE_DATA(time, QStringLiteral("xgd/set2/test/time"));
    PHOTOPEAK_REQUIRE_DATA(misc, QStringLiteral("xgd/misc"));
    PHOTOPEAK_REQUIRE_DATA(am, QStringLiteral("xgd/long/Am241_15cm.sps"));
    // Several inputs (two folders with problem files, one file, one missing path) so shard blocks cross inputs.
    m_inputs = {time, am, misc, m_dir.filePath(QStringLiteral("no-such-file.sps"))};
    QFile conf(m_dir.filePath(QStringLiteral("job.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    QStringList inputs;
    for (const QString &i : m_inputs)
        inputs << quoted(i);
    m_model = m_dir.filePath(QStringLiteral("work/model.json"));
    conf.write(QStringLiteral("WORK=%1\nSHARDS=${TEST_SHARDS:-3}\nINPUTS=(%2)\nPHOTOPEAK_CLI=%3\n"
                              "TRAIN=(-S %4 -S %5 -B %6 --synthetic 300 --no-search --folds 3)\nCLASSIFY=()\n")
                   .arg(quoted(m_dir.filePath(QStringLiteral("work"))), inputs.join(QLatin1Char(' ')),
                        quoted(QStringLiteral(PHOTOPEAK_CLI_PATH)), quoted(cs), quoted(co), quoted(bkg))
                   .toUtf8());
    conf.close();
    // Train once through the script; a second train step does not train again.
    const Run train = arrayStep(QStringLiteral("train"), conf.fileName());
    QVERIFY2(train.code == 0 && QFileInfo::exists(m_model), qPrintable(train.err + train.out));
    const QByteArray model = bytesOf(m_model);
    const Run again = arrayStep(QStringLiteral("train"), conf.fileName());
    QVERIFY2(again.code == 0 && again.out.contains(QLatin1String("not trained again")), qPrintable(again.err + again.out));
    QCOMPARE(bytesOf(m_model), model);

    m_singleCsv = m_dir.filePath(QStringLiteral("single.csv"));
    m_singleJson = m_dir.filePath(QStringLiteral("single.json"));
    const Run single = cli(QStringList{QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("-o"),
                                       m_singleCsv, QStringLiteral("-O"), m_singleJson} + m_inputs);
    QVERIFY2(single.code == 1, qPrintable(single.err));  // 1: the missing file and misc's problem files
}

void TestSlurmArray::arrayEqualsSingleRun_data()
{
    QTest::addColumn<int>("shards");
    QTest::newRow("3 shards") << 3;
    QTest::newRow("7 shards") << 7;
}

void TestSlurmArray::arrayEqualsSingleRun()
{
    QFETCH(int, shards);
    const QString conf = m_dir.filePath(QStringLiteral("job.conf"));
    qputenv("TEST_SHARDS", QByteArray::number(shards));
    const QString parts = m_dir.filePath(QStringLiteral("work/parts"));
    QDir(parts).removeRecursively();
    for (int task = 0; task < shards; ++task) {
        const Run r = arrayStep(QStringLiteral("shard"), conf, task, shards);
        QVERIFY2(r.code == 0, qPrintable(QStringLiteral("task %1: ").arg(task) + r.err + r.out));
    }
    QCOMPARE(QDir(parts).entryList({QStringLiteral("part-*.csv")}, QDir::Files).size(), shards);
    const Run merge = arrayStep(QStringLiteral("merge"), conf);
    QVERIFY2(merge.code == 0, qPrintable(merge.err + merge.out));

    // Row for row: the same lines in the same order, and the same JSON document.
    const QList<QByteArray> single = bytesOf(m_singleCsv).split('\n');
    const QList<QByteArray> merged = bytesOf(m_dir.filePath(QStringLiteral("work/result.csv"))).split('\n');
    QVERIFY(single.size() > 600);
    QCOMPARE(merged.size(), single.size());
    for (qsizetype i = 0; i < single.size(); ++i)
        QVERIFY2(merged[i] == single[i], qPrintable(QStringLiteral("row %1 differs:\n%2\n%3").arg(i)
                                                        .arg(QString::fromUtf8(single[i]), QString::fromUtf8(merged[i]))));
    const QJsonObject singleJson = QJsonDocument::fromJson(bytesOf(m_singleJson)).object();
    const QJsonObject mergedJson = QJsonDocument::fromJson(bytesOf(m_dir.filePath(QStringLiteral("work/result.json")))).object();
    QCOMPARE(mergedJson.value(QStringLiteral("spectra")).toArray().size(), singleJson.value(QStringLiteral("spectra")).toArray().size());
    QVERIFY(mergedJson == singleJson);

    // Every shard did a part: no shard is empty and the parts hold each row once.
    qsizetype rows = 0;
    for (int i = 0; i < shards; ++i) {
        const qsizetype n = bytesOf(QStringLiteral("%1/part-%2.csv").arg(parts).arg(i, 5, 10, QLatin1Char('0'))).count('\n') - 1;
        QVERIFY(n > 0);
        rows += n;
    }
    QCOMPARE(rows, single.size() - 2);  // header and the empty piece after the last newline
}

void TestSlurmArray::hitsAndConvertShardsMerge()
{
    const QString hits = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/resources/demo/hits");
    const QString whole = m_dir.filePath(QStringLiteral("hits.csv"));
    QCOMPARE(cli({QStringLiteral("hits"), QStringLiteral("features"), hits, QStringLiteral("-o"), whole}).code, 0);
    QStringList parts;
    for (int i = 0; i < 4; ++i) {
        parts << m_dir.filePath(QStringLiteral("hits-%1.csv").arg(i));
        const Run r = cli({QStringLiteral("hits"), QStringLiteral("features"), hits, QStringLiteral("--shard"),
                           QStringLiteral("%1/4").arg(i), QStringLiteral("-o"), parts.back()});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
    const QString merged = m_dir.filePath(QStringLiteral("hits-merged.csv"));
    QCOMPARE(cli(QStringList{QStringLiteral("merge"), QStringLiteral("-o"), merged} + parts).code, 0);
    QCOMPARE(bytesOf(merged), bytesOf(whole));

    // convert: a folder to HDF5 in two shards, merged, holds the single conversion's spectra in order.
    PHOTOPEAK_REQUIRE_DATA(time, QStringLiteral("xgd/set2/test/time/bkg/5s"));
    const QString h5 = m_dir.filePath(QStringLiteral("all.h5"));
    QCOMPARE(cli({QStringLiteral("convert"), time, h5}).code, 0);
    QStringList h5parts;
    for (int i = 0; i < 2; ++i) {
        h5parts << m_dir.filePath(QStringLiteral("part-%1.h5").arg(i));
        QCOMPARE(cli({QStringLiteral("convert"), QStringLiteral("--shard"), QStringLiteral("%1/2").arg(i), time, h5parts.back()}).code, 0);
    }
    const QString h5merged = m_dir.filePath(QStringLiteral("merged.h5"));
    const Run m = cli(QStringList{QStringLiteral("merge"), QStringLiteral("-o"), h5merged} + h5parts);
    QVERIFY2(m.code == 0, qPrintable(m.err));
    const auto whole5 = photopeak::ReaderRegistry::instance().read(h5);
    const auto merged5 = photopeak::ReaderRegistry::instance().read(h5merged);
    QVERIFY(whole5.ok() && merged5.ok());
    QCOMPARE(whole5->size(), size_t(60));
    QCOMPARE(merged5->size(), whole5->size());
    for (size_t i = 0; i < whole5->size(); ++i) {
        QCOMPARE((*merged5)[i].counts, (*whole5)[i].counts);
        QCOMPARE((*merged5)[i].liveTime, (*whole5)[i].liveTime);
        QCOMPARE((*merged5)[i].startTime, (*whole5)[i].startTime);
        QCOMPARE((*merged5)[i].labels, (*whole5)[i].labels);
    }
}

void TestSlurmArray::mergeRefusesIncompleteOrForeignParts()
{
    const QString parts = m_dir.filePath(QStringLiteral("work/parts"));
    const QString p0 = parts + QStringLiteral("/part-00000.json"), p1 = parts + QStringLiteral("/part-00001.json");
    QVERIFY(QFileInfo::exists(p1));
    const QString out = m_dir.filePath(QStringLiteral("refused.json"));
    const Run missing = cli({QStringLiteral("merge"), QStringLiteral("-o"), out, p0, p1});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.err.contains(QLatin1String("missing")), qPrintable(missing.err));
    const Run twice = cli({QStringLiteral("merge"), QStringLiteral("-o"), out, p0, p0, p1});
    QCOMPARE(twice.code, 1);
    QVERIFY2(twice.err.contains(QLatin1String("twice")), qPrintable(twice.err));
    const Run notShard = cli({QStringLiteral("merge"), QStringLiteral("-o"), out, m_singleJson});
    QCOMPARE(notShard.code, 1);
    QVERIFY(!QFileInfo::exists(out));
    // A CSV with other columns is refused; a part named as the output is an input and never replaced.
    const QString hits = m_dir.filePath(QStringLiteral("hits-0.csv"));
    const Run foreign = cli({QStringLiteral("merge"), QStringLiteral("-o"), m_dir.filePath(QStringLiteral("x.csv")),
                             parts + QStringLiteral("/part-00000.csv"), hits});
    QCOMPARE(foreign.code, 1);
    const QByteArray before = bytesOf(hits);
    QCOMPARE(cli({QStringLiteral("merge"), QStringLiteral("-o"), hits, hits, QStringLiteral("--force")}).code, 2);
    QCOMPARE(bytesOf(hits), before);
}

void TestSlurmArray::badShardIsAUsageError()
{
    for (const QString &bad : {QStringLiteral("3/3"), QStringLiteral("1/0"), QStringLiteral("x"), QStringLiteral("-1/2")}) {
        const Run r = cli({QStringLiteral("classify"), QStringLiteral("--model"), m_model, QStringLiteral("--shard"), bad,
                           m_inputs.front()});
        QVERIFY2(r.code == 2 && r.err.contains(QLatin1String("--shard")), qPrintable(bad + QLatin1Char(' ') + r.err));
    }
}

QTEST_GUILESS_MAIN(TestSlurmArray)
#include "tst_slurmarray.moc"
