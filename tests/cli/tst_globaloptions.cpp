// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"
#include "TestData.h"

#include <QtTest>

using photopeak::testcli::cli;

// Options every command takes: --threads N sets the one thread cap of core's parallel loops.
class TestGlobalOptions : public QObject {
    Q_OBJECT
private slots:
    void threadsDoNotChangeResults();
    void badThreadsIsAUsageError();
};

void TestGlobalOptions::threadsDoNotChangeResults()
{
    PHOTOPEAK_REQUIRE_DATA(folder, "xgd/srcs/Cs137/15s");
    const auto one = cli({QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("info"), folder});
    const auto two = cli({QStringLiteral("info"), folder, QStringLiteral("--threads"), QStringLiteral("2")});
    QCOMPARE(one.code, two.code);
    QVERIFY(!one.out.isEmpty());
    QCOMPARE(one.out, two.out);
}

void TestGlobalOptions::badThreadsIsAUsageError()
{
    for (const QStringList &args : {QStringList{QStringLiteral("--threads"), QStringLiteral("many"), QStringLiteral("info")},
                                    QStringList{QStringLiteral("info"), QStringLiteral("--threads")},
                                    QStringList{QStringLiteral("info"), QStringLiteral("--threads"), QStringLiteral("-1")}}) {
        const auto r = cli(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--threads")), qPrintable(r.err));
    }
}

QTEST_GUILESS_MAIN(TestGlobalOptions)
#include "tst_globaloptions.moc"
