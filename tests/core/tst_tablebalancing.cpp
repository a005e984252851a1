// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/ClassBalancer.h"
#include "tables/TableSplit.h"

#include <QTest>

#include <map>
#include <set>

using namespace photopeak;

namespace {
// 100 (14, cc), 40 (-14, cc), 25 (12, cc), 10 (12, nc) events, interleaved.
EventTable events()
{
    std::vector<double> type, cc;
    auto add = [&](double t, double c, int n) {
        for (int i = 0; i < n; ++i) {
            type.push_back(t);
            cc.push_back(c);
        }
    };
    add(14, 1, 100);
    add(-14, 1, 40);
    add(12, 1, 25);
    add(12, 0, 10);
    EventTable t;
    t.addColumn(ColumnInfo{QStringLiteral("type"), ColumnType::Integer}, type);
    t.addColumn(ColumnInfo{QStringLiteral("is_cc"), ColumnType::Integer}, cc);
    return t;
}

std::vector<qint64> allRows(const EventTable &t)
{
    std::vector<qint64> rows(static_cast<size_t>(t.rowCount()));
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = static_cast<qint64>(i);
    return rows;
}
} // namespace

class TstTableBalancing : public QObject {
    Q_OBJECT
private slots:
    void downsampleToSmallestGroup()
    {
        const EventTable t = events();
        const auto rows = allRows(t);
        QStringList names;
        auto ids = ClassBalancer::groupIds(t, rows, {QStringLiteral("type"), QStringLiteral("is_cc")}, &names);
        QVERIFY(ids);
        QCOMPARE(names.size(), 4);
        QCOMPARE(names.front(), QStringLiteral("type=14, is_cc=1"));
        const auto b = ClassBalancer::balance(rows, *ids, names, ClassBalancer::Mode::Downsample, 7);
        QCOMPARE(b.rows.size(), size_t(40));  // exactly 4 x the smallest group (10), not min + 1
        std::map<int, int> perGroup;
        for (qint64 r : b.rows)
            perGroup[(*ids)[static_cast<size_t>(r)]]++;
        for (const auto &[g, n] : perGroup)
            QCOMPARE(n, 10);
        QVERIFY(std::is_sorted(b.rows.begin(), b.rows.end()));
        QCOMPARE(std::set<qint64>(b.rows.begin(), b.rows.end()).size(), b.rows.size());
        for (const auto &g : b.groups)
            QCOMPARE(g.after, qint64(10));
        // Same seed, same rows; another seed, other rows.
        QCOMPARE(ClassBalancer::balance(rows, *ids, names, ClassBalancer::Mode::Downsample, 7).rows, b.rows);
        QVERIFY(ClassBalancer::balance(rows, *ids, names, ClassBalancer::Mode::Downsample, 8).rows != b.rows);
    }

    void weightsEqualiseGroups()
    {
        const EventTable t = events();
        const auto rows = allRows(t);
        QStringList names;
        auto ids = ClassBalancer::groupIds(t, rows, {QStringLiteral("type"), QStringLiteral("is_cc")}, &names);
        QVERIFY(ids);
        const auto b = ClassBalancer::balance(rows, *ids, names, ClassBalancer::Mode::Weights, 1);
        QCOMPARE(b.rows.size(), size_t(175));
        std::map<int, double> total;
        for (size_t k = 0; k < b.rows.size(); ++k)
            total[(*ids)[static_cast<size_t>(b.rows[k])]] += b.weights[k];
        for (const auto &[g, w] : total)
            QVERIFY(std::abs(w - 175.0 / 4.0) < 1e-9);
        QVERIFY(b.summary().contains(QStringLiteral("type=12, is_cc=0: 10 -> 10")));
    }

    void unknownGroupColumn()
    {
        QStringList names;
        auto ids = ClassBalancer::groupIds(events(), allRows(events()), {QStringLiteral("flavour")}, &names);
        QVERIFY(!ids);
        QVERIFY(ids.error().message.contains(QStringLiteral("flavour")));
    }

    void stratifiedSplit()
    {
        std::vector<int> labels(300, 0);
        for (int i = 0; i < 100; ++i)
            labels[static_cast<size_t>(3 * i)] = 1;
        const auto test = TableSplit::stratified(labels, 0.25, 42);
        int testPos = 0, testNeg = 0;
        for (size_t i = 0; i < labels.size(); ++i)
            if (test[i])
                (labels[i] ? testPos : testNeg)++;
        QCOMPARE(testPos, 25);
        QCOMPARE(testNeg, 50);
        QCOMPARE(TableSplit::stratified(labels, 0.25, 42), test);
        QVERIFY(TableSplit::stratified(labels, 0.25, 43) != test);
    }

    void groupedSplitKeepsGroupsWhole()
    {
        std::vector<int> groups;
        for (int g = 0; g < 20; ++g)
            for (int k = 0; k < 10; ++k)
                groups.push_back(g);
        const auto test = TableSplit::grouped(groups, 0.3, 5);
        std::map<int, std::set<char>> sides;
        int n = 0;
        for (size_t i = 0; i < groups.size(); ++i) {
            sides[groups[i]].insert(test[i]);
            n += test[i];
        }
        for (const auto &[g, s] : sides)
            QCOMPARE(s.size(), size_t(1));
        QCOMPARE(n, 60);
        QCOMPARE(TableSplit::grouped(groups, 0.3, 5), test);
    }
};

QTEST_GUILESS_MAIN(TstTableBalancing)
#include "tst_tablebalancing.moc"
