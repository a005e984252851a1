// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"

#include "tables/TableCatalog.h"
#include "tables/TableFileWriter.h"
#include "tables/TableJoin.h"
#include "tables/TableQuery.h"
#include "tables/TableReader.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace photopeak;

namespace {
// Five events of every column type; 1e20 and NaN in the float column.
EventTable sampleTable()
{
    EventTable t;
    t.addColumn(ColumnInfo{QStringLiteral("event_id"), ColumnType::Integer}, std::vector<double>{0, 1, 2, 3, 4});
    t.addColumn(ColumnInfo{QStringLiteral("energy"), ColumnType::Float}, std::vector<double>{1.5, 1e20, std::nan(""), 4.25, 5});
    t.addColumn(ColumnInfo{QStringLiteral("is_cc"), ColumnType::Boolean}, std::vector<double>{1, 0, 1, 1, 0});
    t.addColumn(ColumnInfo{QStringLiteral("type"), ColumnType::Integer}, std::vector<double>{14, -14, 12, -12, 14});
    t.addColumn(ColumnInfo{QStringLiteral("name"), ColumnType::String},
                QStringList{QStringLiteral("a"), QStringLiteral("bb"), QString(), QStringLiteral("dddd"), QStringLiteral("é")});
    return t;
}

QString write(const QTemporaryDir &dir, const QString &name, const QString &path, const EventTable &t, TableLayout layout)
{
    const QString file = dir.filePath(name);
    TableFileWriter w(file);
    const Status added = w.add(path, t, layout);
    if (!added)
        qWarning() << added.error().toString();
    const Status done = w.commit();
    return added && done ? file : QString();
}
} // namespace

class TstTableReader : public QObject {
    Q_OBJECT
private slots:
    void km3netCatalog()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        auto tables = TableCatalog::list(file);
        QVERIFY2(tables, qPrintable(tables ? QString() : tables.error().toString()));
        QStringList paths;
        for (const TableDescription &t : *tables)
            paths << t.path;
        QVERIFY(paths.contains(QStringLiteral("/reco/gandalf")));
        QVERIFY(paths.contains(QStringLiteral("/mc_tracks")));
        QVERIFY(!paths.join(QLatin1Char(' ')).contains(QStringLiteral("_i_")));  // PyTables index groups skipped
        auto g = TableCatalog::find(file, QStringLiteral("reco/gandalf"));
        QVERIFY(g);
        QCOMPARE(g->layout, TableLayout::PyTablesTable);
        QCOMPARE(g->rows, qint64(3484));
        QCOMPARE(g->columns[static_cast<size_t>(g->indexOf(QStringLiteral("event_id")))].type, ColumnType::Integer);
        QCOMPARE(g->columns[static_cast<size_t>(g->indexOf(QStringLiteral("lambda")))].storage, QStringLiteral("float64"));
    }

    void km3netChunksEqualWholeRead()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        auto mc = TableCatalog::find(file, QStringLiteral("/mc_tracks"));
        QVERIFY(mc);
        const QStringList cols{QStringLiteral("event_id"), QStringLiteral("type"), QStringLiteral("energy")};
        auto whole = TableReader::read(*mc, cols);
        QVERIFY(whole);
        QCOMPARE(whole->rowCount(), qint64(25701));
        qint64 seen = 0, chunks = 0;
        bool same = true;
        const Status ok = TableReader::readChunks(*mc, cols, {}, 1000, [&](const EventTable &chunk, qint64 first) {
            ++chunks;
            for (qint64 r = 0; r < chunk.rowCount(); ++r)
                for (int c = 0; c < 3; ++c)
                    same = same && chunk.value(c, r) == whole->value(c, first + r);
            seen += chunk.rowCount();
            return true;
        });
        QVERIFY(ok);
        QCOMPARE(seen, qint64(25701));
        QCOMPARE(chunks, qint64(26));
        QVERIFY(same);
    }

    void km3netJoinFirstTrack()
    {
        PHOTOPEAK_REQUIRE_DATA(file, QStringLiteral("events/km3net/basic_analysis_sample.h5"));
        TableQuery q;
        q.table = QStringLiteral("/reco/gandalf");
        q.joins = {QStringLiteral("/mc_tracks"), QStringLiteral("/event_info")};
        QStringList notes;
        auto t = q.read(file, {QStringLiteral("lambda"), QStringLiteral("mc_tracks.type"), QStringLiteral("mc_tracks.is_cc"),
                               QStringLiteral("event_info.weight_w2")}, &notes);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
        QCOMPARE(t->rowCount(), qint64(3484));
        QCOMPARE(notes.size(), 2);
        QVERIFY2(notes[0].contains(QStringLiteral("3484 of 3484")), qPrintable(notes[0]));
        const int type = t->indexOf(QStringLiteral("mc_tracks.type"));
        QVERIFY(type >= 0);
        // The first MC track of every event is the primary muon neutrino of this numu-CC sample.
        int numu = 0;
        for (qint64 r = 0; r < t->rowCount(); ++r)
            numu += std::abs(t->value(type, r)) == 14 ? 1 : 0;
        QCOMPARE(numu, 3484);
        QVERIFY(t->value(t->indexOf(QStringLiteral("event_info.weight_w2")), 0) > 1e8);
    }

    void layoutsRoundTrip_data()
    {
        QTest::addColumn<int>("layout");
        QTest::newRow("pytables") << int(TableLayout::PyTablesTable);
        QTest::newRow("pandas table") << int(TableLayout::PandasTable);
        QTest::newRow("columns") << int(TableLayout::ColumnGroup);
    }
    void layoutsRoundTrip()
    {
        QFETCH(int, layout);
        QTemporaryDir dir;
        const EventTable in = sampleTable();
        const QString path = layout == int(TableLayout::PyTablesTable) ? QStringLiteral("/events/t") : QStringLiteral("/df");
        const QString file = write(dir, QStringLiteral("t.h5"), path, in, TableLayout(layout));
        QVERIFY(!file.isEmpty());
        auto desc = TableCatalog::find(file, {});
        QVERIFY2(desc, qPrintable(desc ? QString() : desc.error().toString()));
        QCOMPARE(int(desc->layout), layout);
        QCOMPARE(desc->rows, qint64(5));
        auto missing = MissingValues::parse(QStringLiteral("energy=1e20"));
        QVERIFY(missing);
        auto out = TableReader::read(*desc, {}, *missing);
        QVERIFY2(out, qPrintable(out ? QString() : out.error().toString()));
        QCOMPARE(out->columnCount(), 5);
        const int energy = out->indexOf(QStringLiteral("energy"));
        QCOMPARE(out->value(energy, 0), 1.5);
        QVERIFY(std::isnan(out->value(energy, 1)));  // 1e20 sentinel
        QVERIFY(std::isnan(out->value(energy, 2)));  // NaN
        QCOMPARE(out->value(out->indexOf(QStringLiteral("type")), 3), -12.0);
        QCOMPARE(out->column(out->indexOf(QStringLiteral("is_cc"))).type, ColumnType::Boolean);
        QCOMPARE(out->value(out->indexOf(QStringLiteral("is_cc")), 1), 0.0);
        QCOMPARE(out->column(out->indexOf(QStringLiteral("type"))).type, ColumnType::Integer);
        QCOMPARE(out->text(out->indexOf(QStringLiteral("name")), 4), QStringLiteral("é"));
        QCOMPARE(out->text(out->indexOf(QStringLiteral("name")), 3), QStringLiteral("dddd"));
    }

    void pandasFixed()
    {
        QTemporaryDir dir;
        EventTable in = sampleTable();
        EventTable numeric = in.selectColumns({0, 1, 2, 3});
        const QString file = write(dir, QStringLiteral("f.h5"), QStringLiteral("/df"), numeric, TableLayout::PandasFixed);
        QVERIFY(!file.isEmpty());
        auto desc = TableCatalog::find(file, QStringLiteral("df"));
        QVERIFY(desc);
        QCOMPARE(desc->layout, TableLayout::PandasFixed);
        auto out = TableReader::read(*desc, {QStringLiteral("type"), QStringLiteral("energy"), QStringLiteral("is_cc")},
                                     *MissingValues::parse(QStringLiteral("1e20")));
        QVERIFY2(out, qPrintable(out ? QString() : out.error().toString()));
        QCOMPARE(out->value(0, 1), -14.0);
        QVERIFY(std::isnan(out->value(1, 1)));
        QCOMPARE(out->value(1, 3), 4.25);
        QCOMPARE(out->value(2, 3), 1.0);
        // Text cannot be written as a fixed frame (pandas pickles it); the writer says so.
        TableFileWriter w(dir.filePath(QStringLiteral("g.h5")));
        const Status refused = w.add(QStringLiteral("/df"), in, TableLayout::PandasFixed);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("name")));
    }


    // Files written by pandas itself (tests/core/data/make_pandas_tables.py): both layouts, data columns,
    // a text column; the sentinel 1e20 and NaN read as missing, every type as written.
    void pandasWrittenFiles_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("layout");
        QTest::newRow("fixed") << "fixed" << int(TableLayout::PandasFixed);
        QTest::newRow("table") << "table" << int(TableLayout::PandasTable);
        QTest::newRow("table with data columns") << "indexed" << int(TableLayout::PandasTable);
        QTest::newRow("table with text") << "text_table" << int(TableLayout::PandasTable);
        QTest::newRow("fixed with text") << "text_fixed" << int(TableLayout::PandasFixed);
    }
    void pandasWrittenFiles()
    {
        QFETCH(QString, key);
        QFETCH(int, layout);
        const QString file = QStringLiteral(PHOTOPEAK_SOURCE_DIR "/tests/core/data/pandas_tables.h5");
        auto desc = TableCatalog::find(file, key);
        QVERIFY2(desc, qPrintable(desc ? QString() : desc.error().toString()));
        QCOMPARE(int(desc->layout), layout);
        QCOMPARE(desc->rows, qint64(5));
        const QStringList numeric{QStringLiteral("event_id"), QStringLiteral("energy"), QStringLiteral("lambda"),
                                  QStringLiteral("is_cc"), QStringLiteral("type")};
        auto t = TableReader::read(*desc, numeric, *MissingValues::parse(QStringLiteral("energy=1e20")));
        QVERIFY2(t, qPrintable(t ? QString() : t.error().toString()));
        QCOMPARE(t->rowCount(), qint64(5));
        const int id = t->indexOf(QStringLiteral("event_id")), energy = t->indexOf(QStringLiteral("energy")),
                  lambda = t->indexOf(QStringLiteral("lambda")), cc = t->indexOf(QStringLiteral("is_cc")),
                  type = t->indexOf(QStringLiteral("type"));
        for (int r = 0; r < 5; ++r)
            QCOMPARE(t->value(id, r), 10.0 + r);
        QCOMPARE(t->value(energy, 0), 1.5);
        QVERIFY(std::isnan(t->value(energy, 1)));  // the 1e20 sentinel
        QVERIFY(std::isnan(t->value(energy, 2)));  // NaN
        QCOMPARE(t->value(energy, 3), 4.25);
        QCOMPARE(t->value(lambda, 2), -1.0);
        QCOMPARE(t->value(lambda, 1), 0.25);
        QCOMPARE(t->column(cc).type, ColumnType::Boolean);
        QCOMPARE(t->value(cc, 0), 1.0);
        QCOMPARE(t->value(cc, 1), 0.0);
        QCOMPARE(t->column(type).type, ColumnType::Integer);
        QCOMPARE(t->value(type, 3), -12.0);
        if (key == QLatin1String("text_table")) {
            auto text = TableReader::read(*desc, {QStringLiteral("flavour")});
            QVERIFY2(text, qPrintable(text ? QString() : text.error().toString()));
            QCOMPARE(text->text(0, 3), QStringLiteral("tau"));
            QCOMPARE(text->text(0, 2), QStringLiteral("e"));
        }
        if (key == QLatin1String("text_fixed")) {
            // pandas pickles text in the fixed layout: refused by name, never unpickled.
            auto text = TableReader::read(*desc, {QStringLiteral("flavour")});
            QVERIFY(!text);
            QVERIFY2(text.error().message.contains(QStringLiteral("flavour")), qPrintable(text.error().toString()));
        }
    }

    void errorsNameFileTableAndColumn()
    {
        QTemporaryDir dir;
        const QString file = write(dir, QStringLiteral("t.h5"), QStringLiteral("/t"), sampleTable(), TableLayout::PyTablesTable);
        auto desc = TableCatalog::find(file, QStringLiteral("/t"));
        QVERIFY(desc);
        auto bad = TableReader::read(*desc, {QStringLiteral("energy"), QStringLiteral("nonsense")});
        QVERIFY(!bad);
        QCOMPARE(bad.error().source, file);
        QVERIFY(bad.error().message.contains(QStringLiteral("/t")));
        QVERIFY(bad.error().message.contains(QStringLiteral("nonsense")));
        auto noTable = TableCatalog::find(file, QStringLiteral("/other"));
        QVERIFY(!noTable);
        QVERIFY(noTable.error().message.contains(QStringLiteral("/other")));
        QVERIFY(noTable.error().message.contains(QStringLiteral("/t")));
        auto notHdf = TableCatalog::list(dir.filePath(QStringLiteral("missing.h5")));
        QVERIFY(!notHdf);
        auto badMissing = MissingValues::parse(QStringLiteral("energy=abc"));
        QVERIFY(!badMissing);
        QVERIFY(badMissing.error().message.contains(QStringLiteral("abc")));
    }

    void joinTakesFirstRowPerKey()
    {
        EventTable left;
        left.addColumn(ColumnInfo{QStringLiteral("event_id"), ColumnType::Integer}, std::vector<double>{1, 2, 3});
        left.addColumn(ColumnInfo{QStringLiteral("x"), ColumnType::Float}, std::vector<double>{10, 20, 30});
        EventTable right;
        right.addColumn(ColumnInfo{QStringLiteral("event_id"), ColumnType::Integer}, std::vector<double>{2, 1, 1, 2, 5});
        right.addColumn(ColumnInfo{QStringLiteral("type"), ColumnType::Integer}, std::vector<double>{12, 14, 13, 11, 99});
        TableJoin::Report report;
        auto inner = TableJoin::join(left, right, {QStringLiteral("event_id")}, QStringLiteral("mc."), false, &report);
        QVERIFY(inner);
        QCOMPARE(inner->rowCount(), qint64(2));
        QCOMPARE(inner->value(inner->indexOf(QStringLiteral("mc.type")), 0), 14.0);
        QCOMPARE(inner->value(inner->indexOf(QStringLiteral("mc.type")), 1), 12.0);
        QCOMPARE(report.rightExtraRows, qint64(2));
        QCOMPARE(report.rightKeys, qint64(3));
        auto outer = TableJoin::join(left, right, {QStringLiteral("event_id")}, QStringLiteral("mc."), true);
        QVERIFY(outer);
        QCOMPARE(outer->rowCount(), qint64(3));
        QVERIFY(std::isnan(outer->value(outer->indexOf(QStringLiteral("mc.type")), 2)));
        auto noKey = TableJoin::join(left, right, {QStringLiteral("run_id")}, QStringLiteral("mc."));
        QVERIFY(!noKey);
        QVERIFY(noKey.error().message.contains(QStringLiteral("run_id")));
    }
};

QTEST_GUILESS_MAIN(TstTableReader)
#include "tst_tablereader.moc"
