// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Settings: typed facade over QSettings with defaults; recent paths newest first, no duplicates, capped.

#include "app/Settings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak::ui;

class TestSettings : public QObject {
    Q_OBJECT

private slots:
    void defaults();
    void recentPathsNewestFirstWithoutDuplicates();
    void valuesPersist();
};

void TestSettings::defaults()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    QVERIFY(s.recentPaths().isEmpty());
    QVERIFY(s.logScale());
    QVERIFY(!s.countRate());
    QVERIFY(s.energyAxis());
    QVERIFY(s.windowGeometry().isEmpty());
}

void TestSettings::recentPathsNewestFirstWithoutDuplicates()
{
    QTemporaryDir dir;
    Settings s(dir.filePath(QStringLiteral("s.ini")));
    const QString a = dir.filePath(QStringLiteral("a")), b = dir.filePath(QStringLiteral("b"));
    s.addRecentPath(a);
    s.addRecentPath(b);
    s.addRecentPath(a + QStringLiteral("/"));  // same folder, other spelling
    QCOMPARE(s.recentPaths(), (QStringList{QDir::cleanPath(a), QDir::cleanPath(b)}));
    for (int i = 0; i < Settings::MaxRecentPaths + 5; ++i)
        s.addRecentPath(dir.filePath(QString::number(i)));
    QCOMPARE(s.recentPaths().size(), Settings::MaxRecentPaths);
    QCOMPARE(s.recentPaths().first(), dir.filePath(QString::number(Settings::MaxRecentPaths + 4)));
    s.clearRecentPaths();
    QVERIFY(s.recentPaths().isEmpty());
}

void TestSettings::valuesPersist()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    {
        Settings s(file);
        s.setLogScale(false);
        s.setCountRate(true);
        s.setEnergyAxis(false);
        s.setWindowGeometry(QByteArray("geometry"));
        s.sync();
    }
    Settings s(file);
    QVERIFY(!s.logScale());
    QVERIFY(s.countRate());
    QVERIFY(!s.energyAxis());
    QCOMPARE(s.windowGeometry(), QByteArray("geometry"));
}

QTEST_MAIN(TestSettings)
#include "tst_settings.moc"
