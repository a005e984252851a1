// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "jobs/Shard.h"
#include "library/BatchInputs.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

// Shard: the blocks of N shards cover every item exactly once, in order, and differ in size by at most one;
// BatchInputs: a shard's block crosses input boundaries as the single run's order does.
class TestShard : public QObject {
    Q_OBJECT
private slots:
    void blocksCoverEveryItemOnce();
    void parse();
    void batchInputsFollowTheSingleRunOrder();
};

void TestShard::blocksCoverEveryItemOnce()
{
    for (qsizetype items : {0, 1, 2, 5, 7, 100, 553, 1000003})
        for (int count : {1, 2, 3, 4, 7, 16, 1000}) {
            qsizetype next = 0, smallest = items, largest = 0;
            for (int i = 0; i < count; ++i) {
                const auto [first, last] = Shard(i, count).range(items);
                QCOMPARE(first, next);  // contiguous, no gap, no overlap
                QVERIFY(last >= first);
                smallest = std::min(smallest, last - first);
                largest = std::max(largest, last - first);
                next = last;
            }
            QCOMPARE(next, items);
            QVERIFY(largest - smallest <= 1);
        }
    const std::vector<int> all{0, 1, 2, 3, 4, 5, 6};
    QCOMPARE(Shard(1, 3).select(all), (std::vector<int>{2, 3}));
    QCOMPARE(Shard(2, 3).select(QStringList{"a", "b", "c", "d"}), QStringList({"c", "d"}));
}

void TestShard::parse()
{
    const auto ok = Shard::parse(QStringLiteral("2/8"));
    QVERIFY(ok);
    QCOMPARE(ok->index(), 2);
    QCOMPARE(ok->count(), 8);
    QCOMPARE(ok->toString(), QStringLiteral("2/8"));
    for (const char *bad : {"8/8", "1/0", "", "2", "a/b", "-1/4", "1/4/2"}) {
        const auto r = Shard::parse(QString::fromLatin1(bad));
        QVERIFY2(!r, bad);
        QCOMPARE(r.error().source, QStringLiteral("--shard"));
    }
}

void TestShard::batchInputsFollowTheSingleRunOrder()
{
    QTemporaryDir dir;
    QDir root(dir.path());
    QVERIFY(root.mkpath(QStringLiteral("a/sub")) && root.mkpath(QStringLiteral("b")));
    for (const char *name : {"a/z.sps", "a/sub/y.sps", "a/x.sps", "a/notes.txt", "b/1.sps", "b/2.sps", "single.sps"}) {
        QFile f(root.filePath(QString::fromLatin1(name)));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    const QStringList paths{root.filePath(QStringLiteral("a")), root.filePath(QStringLiteral("single.sps")),
                            root.filePath(QStringLiteral("b"))};
    const auto inputs = BatchInputs::list(paths);
    QCOMPARE(BatchInputs::itemCount(inputs), qsizetype(6));  // notes.txt is never a spectrum
    QCOMPARE(inputs[0].files.front(), root.filePath(QStringLiteral("a/sub/y.sps")));  // sorted by path
    QStringList joined;
    for (int i = 0; i < 4; ++i)
        for (const BatchInput &in : BatchInputs::select(inputs, Shard(i, 4))) {
            if (in.isFolder)
                joined << in.files;
            else
                joined << in.path;
        }
    QStringList expected = inputs[0].files;
    expected << paths[1] << inputs[2].files;
    QCOMPARE(joined, expected);
    // Shard 1 of 3 takes items 2 and 3: the last file of folder a, then single.sps.
    const auto s1 = BatchInputs::select(inputs, Shard(1, 3));
    QCOMPARE(s1.size(), size_t(2));
    QVERIFY(s1[0].isFolder && !s1[1].isFolder);
    QCOMPARE(s1[0].files, QStringList{root.filePath(QStringLiteral("a/z.sps"))});
    QCOMPARE(s1[1].path, paths[1]);
}

QTEST_GUILESS_MAIN(TestShard)
#include "tst_shard.moc"
