// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include "tables/TableCatalog.h"
#include "tables/TableFileWriter.h"
#include "tables/TableReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace photopeak;
using photopeak::testcli::cli;

namespace {
const QString kQualityLabel = QStringLiteral("dir_x*mc_tracks.dir_x + dir_y*mc_tracks.dir_y + dir_z*mc_tracks.dir_z > cos(10*pi/180)");

// A pandas "table" frame of synthetic events (tracks longer than showers), written as pandas would.
QString writeSynthetic(const QTemporaryDir &dir, const QString &name, bool withLength = true)
{
    std::mt19937_64 rng(11);
    std::normal_distribution<double> g;
    std::vector<double> id, type, cc, length, hits;
    for (int i = 0; i < 600; ++i) {
        id.push_back(i);
        type.push_back(i % 3 == 0 ? 12 : 14);
        cc.push_back(i % 5 == 0 ? 0 : 1);
        const bool track = i % 3 != 0 && i % 5 != 0;
        length.push_back((track ? 2.0 : 0.0) + g(rng));
        hits.push_back(100 + 10 * g(rng));
    }
    EventTable t;
    t.addColumn(ColumnInfo(QStringLiteral("event_id"), ColumnType::Integer), id);
    t.addColumn(ColumnInfo(QStringLiteral("type"), ColumnType::Integer), type);
    t.addColumn(ColumnInfo(QStringLiteral("is_cc"), ColumnType::Boolean), cc);
    if (withLength)
        t.addColumn(ColumnInfo(QStringLiteral("length"), ColumnType::Float), length);
    t.addColumn(ColumnInfo(QStringLiteral("n_hits"), ColumnType::Float), hits);
    const QString path = dir.filePath(name);
    TableFileWriter w(path);
    if (!w.add(QStringLiteral("/events"), t, TableLayout::PandasTable) || !w.commit())
        return {};
    return path;
}
} // namespace

class TstTablesCli : public QObject {
    Q_OBJECT
private slots:
    void infoListsTables()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        const auto r = cli({QStringLiteral("tables"), QStringLiteral("info"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("/reco/gandalf  [PyTables table, 3484 rows, 83 columns]")));
        QVERIFY(r.out.contains(QStringLiteral("/mc_tracks  [PyTables table, 25701 rows")));
        const auto bad = cli({QStringLiteral("tables"), QStringLiteral("info"), file + QStringLiteral(".missing")});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.err.contains(QStringLiteral("does not exist")));
        QCOMPARE(cli({QStringLiteral("tables"), QStringLiteral("info")}).code, 2);
        QCOMPARE(cli({QStringLiteral("tables"), QStringLiteral("nonsense")}).code, 2);
    }

    void trainPredictEvaluateKm3net()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        QTemporaryDir dir;
        const QString model = dir.filePath(QStringLiteral("m.json"));
        const auto train = cli({QStringLiteral("tables"), QStringLiteral("train"), file, QStringLiteral("--table"), QStringLiteral("/reco/gandalf"),
                                QStringLiteral("--join"), QStringLiteral("/mc_tracks"), QStringLiteral("--label"), kQualityLabel,
                                QStringLiteral("--features"), QStringLiteral("chi2,n_hits,lambda,beta0,jstart_length,spread_chi2_median"),
                                QStringLiteral("--positive"), QStringLiteral("good"), QStringLiteral("--negative"), QStringLiteral("poor"),
                                QStringLiteral("--no-search"), QStringLiteral("-o"), model});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        QVERIFY(train.out.contains(QStringLiteral("3484 of 3484 rows matched")));
        QVERIFY(train.out.contains(QStringLiteral("ROC AUC")));
        QVERIFY(QFile::exists(model));
        const QString out = dir.filePath(QStringLiteral("p.h5"));
        const auto predict = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, file, QStringLiteral("-o"), out});
        QVERIFY2(predict.code == 0, qPrintable(predict.err));
        QVERIFY(predict.out.contains(QStringLiteral("3484 events, 3484 predicted")));
        auto table = TableCatalog::find(out, QStringLiteral("/predictions"));
        QVERIFY(table);
        QCOMPARE(table->rows, qint64(3484));
        QVERIFY(table->indexOf(QStringLiteral("probability_good")) >= 0);
        QVERIFY(table->indexOf(QStringLiteral("event_id")) >= 0);
        const auto evaluate = cli({QStringLiteral("tables"), QStringLiteral("evaluate"), QStringLiteral("-m"), model, file});
        QVERIFY2(evaluate.code == 0, qPrintable(evaluate.err));
        QVERIFY(evaluate.out.contains(QStringLiteral("truth \\ called")));
        QVERIFY(evaluate.out.contains(QStringLiteral("3484 of 3484 rows evaluated")));
        // Predictions never go into the input.
        const auto into = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, file, QStringLiteral("-o"), file});
        QCOMPARE(into.code, 2);
        QVERIFY2(into.err.contains(QStringLiteral("is an input of this run")), qPrintable(into.err));
        const auto overModel = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, file,
                                    QStringLiteral("-o"), model, QStringLiteral("--force")});
        QCOMPARE(overModel.code, 2);
    }

    void predictAsksTheOutputGuard()
    {
        QTemporaryDir dir;
        const QString input = writeSynthetic(dir, QStringLiteral("events.h5"));
        QVERIFY(!input.isEmpty());
        const QString model = dir.filePath(QStringLiteral("m.json"));
        const auto train = cli({QStringLiteral("tables"), QStringLiteral("train"), input, QStringLiteral("--features"), QStringLiteral("length,n_hits"),
                                QStringLiteral("--method"), QStringLiteral("logistic"), QStringLiteral("--no-search"), QStringLiteral("-o"), model});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        // A file of the user's where the default output goes: refused before any work, left byte-identical.
        const QString beside = dir.filePath(QStringLiteral("events.predictions.csv"));
        {
            QFile f(beside);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("my notes\n");
        }
        const auto refused = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, input});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("use --force")), qPrintable(refused.err));
        QFile kept(beside);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("my notes\n"));
        kept.close();
        const auto forced = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, input, QStringLiteral("--force")});
        QVERIFY2(forced.code == 0, qPrintable(forced.err));
        // Now a Photopeak output (in the ledger): the next run replaces it without --force, atomically.
        const auto again = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, input});
        QVERIFY2(again.code == 0, qPrintable(again.err));
        QFile csv(beside);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("row,event_id,probability_track"));
        const QStringList left = QDir(dir.path()).entryList({QStringLiteral(".*.tmp")}, QDir::Files | QDir::Hidden);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char(' '))));
    }

    void pandasFramePredictionsBesideInput()
    {
        QTemporaryDir dir;
        const QString input = writeSynthetic(dir, QStringLiteral("events.h5"));
        QVERIFY(!input.isEmpty());
        const QByteArray before = [&] { QFile f(input); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        const QString model = dir.filePath(QStringLiteral("m.json"));
        const auto train = cli({QStringLiteral("tables"), QStringLiteral("train"), input, QStringLiteral("--features"), QStringLiteral("length,n_hits"),
                                QStringLiteral("--balance-by"), QStringLiteral("type,is_cc"), QStringLiteral("--method"), QStringLiteral("logistic"),
                                QStringLiteral("-o"), model});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        QVERIFY2(train.out.contains(QStringLiteral("type=14, is_cc=1:")), qPrintable(train.out));
        const auto predict = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, input});
        QVERIFY2(predict.code == 0, qPrintable(predict.err));
        QFile csv(dir.filePath(QStringLiteral("events.predictions.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.front(), QByteArray("row,event_id,probability_track,track"));
        QCOMPARE(lines.size(), 602);  // header, 600 rows, final newline
        QFile again(input);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), before);  // the input is untouched

        // A table without the model's column is refused, naming it; the other input still gets predictions.
        const QString other = writeSynthetic(dir, QStringLiteral("other.h5"), false);
        const auto refused = cli({QStringLiteral("tables"), QStringLiteral("predict"), QStringLiteral("-m"), model, other, input});
        QCOMPARE(refused.code, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("lacks the model's feature column length")), qPrintable(refused.err));
        QVERIFY(refused.out.contains(QStringLiteral("600 events")));
    }

    void badExpressionsAndOptions()
    {
        QTemporaryDir dir;
        const QString input = writeSynthetic(dir, QStringLiteral("events.h5"));
        const auto bad = cli({QStringLiteral("tables"), QStringLiteral("train"), input, QStringLiteral("--label"), QStringLiteral("abs(type) = 14"),
                              QStringLiteral("-o"), dir.filePath(QStringLiteral("m.json"))});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains(QStringLiteral("position 11")) && bad.err.contains(QStringLiteral("write '=='")), qPrintable(bad.err));
        const auto usage = cli({QStringLiteral("tables"), QStringLiteral("train"), input, QStringLiteral("--balance"), QStringLiteral("some"),
                                QStringLiteral("-o"), dir.filePath(QStringLiteral("m.json"))});
        QCOMPARE(usage.code, 2);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("m.json"))));
    }
};

QTEST_GUILESS_MAIN(TstTablesCli)
#include "tst_tablescli.moc"
