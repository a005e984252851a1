// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "metrics/GroupedKFold.h"
#include "metrics/SeriesGroups.h"

#include <QTest>

#include <map>
#include <set>

using namespace photopeak;

class TestGroupedKFold : public QObject {
    Q_OBJECT
private slots:
    void groupsNeverSplitAndClassesSpread();
    void deterministicForASeed();
    void seriesMergeIdenticalCopies();
};

void TestGroupedKFold::groupsNeverSplitAndClassesSpread()
{
    std::vector<int> groups, labels;
    // 6 positive series and 6 negative series of different sizes.
    for (int g = 0; g < 12; ++g)
        for (int i = 0; i < 5 + 3 * (g % 4); ++i) {
            groups.push_back(g);
            labels.push_back(g < 6 ? 1 : 0);
        }
    const std::vector<int> fold = GroupedKFold::assign(groups, labels, 3, 7);
    std::map<int, std::set<int>> foldsOfGroup;
    std::map<int, std::set<int>> classesOfFold;
    for (size_t i = 0; i < groups.size(); ++i) {
        foldsOfGroup[groups[i]].insert(fold[i]);
        classesOfFold[fold[i]].insert(labels[i]);
        QVERIFY(fold[i] >= 0 && fold[i] < 3);
    }
    for (const auto &[g, f] : foldsOfGroup)
        QCOMPARE(f.size(), size_t(1));  // a series is never on both sides
    QCOMPARE(classesOfFold.size(), size_t(3));
    for (const auto &[f, c] : classesOfFold)
        QCOMPARE(c.size(), size_t(2));  // both classes in every fold
    const std::vector<int> test = GroupedKFold::testRows(fold, 0), train = GroupedKFold::trainRows(fold, 0);
    QCOMPARE(test.size() + train.size(), groups.size());
}

void TestGroupedKFold::deterministicForASeed()
{
    std::vector<int> groups, labels;
    for (int g = 0; g < 20; ++g)
        for (int i = 0; i < 4; ++i) {
            groups.push_back(g);
            labels.push_back(g % 2);
        }
    QCOMPARE(GroupedKFold::assign(groups, labels, 5, 11), GroupedKFold::assign(groups, labels, 5, 11));
}

void TestGroupedKFold::seriesMergeIdenticalCopies()
{
    const std::vector<double> a{1, 2, 3}, b{4, 5, 6}, c{7, 8, 9};
    // bkgs/15s and its re-calibrated copy bkgs/15s/badcal share count arrays: one group.
    const std::vector<QString> series{QStringLiteral("bkgs/15s"), QStringLiteral("bkgs/15s"), QStringLiteral("bkgs/15s/badcal"),
                                      QStringLiteral("srcs/Cs137"), QStringLiteral("bkgs/60s")};
    const std::vector<quint64> content{SeriesGroups::countsKey(a), SeriesGroups::countsKey(b), SeriesGroups::countsKey(a),
                                       SeriesGroups::countsKey(c), SeriesGroups::countsKey({1, 1, 1})};
    const std::vector<int> g = SeriesGroups::assign(series, content);
    QCOMPARE(g[0], g[1]);
    QCOMPARE(g[0], g[2]);
    QVERIFY(g[3] != g[0]);
    QVERIFY(g[4] != g[0] && g[4] != g[3]);
    QVERIFY(SeriesGroups::countsKey(a) != SeriesGroups::countsKey(b));
}

QTEST_GUILESS_MAIN(TestGroupedKFold)
#include "tst_groupedkfold.moc"
