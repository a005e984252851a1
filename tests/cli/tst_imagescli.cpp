// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliRun.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using photopeak::testcli::cli;

class TestImagesCli : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void info();
    void findWritesPeakLists();
    void trainClassifyEvaluate();
    void badInputsNamed();
    void usageErrors();

private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }
};

void TestImagesCli::initTestCase()
{
    for (const auto &[name, seed] : {std::pair{"train.h5", "1"}, std::pair{"test.h5", "2"}}) {
        const auto r = cli({QStringLiteral("images"), QStringLiteral("synth"), QStringLiteral("-o"), file(QLatin1String(name)),
                            QStringLiteral("--frames"), QStringLiteral("8"), QStringLiteral("--width"), QStringLiteral("384"),
                            QStringLiteral("--height"), QStringLiteral("320"), QStringLiteral("--module"), QStringLiteral("128"),
                            QStringLiteral("--spots"), QStringLiteral("40"), QStringLiteral("--seed"), QLatin1String(seed)});
        QVERIFY2(r.code == 0, qPrintable(r.err));
    }
}

void TestImagesCli::info()
{
    const auto r = cli({QStringLiteral("images"), QStringLiteral("info"), file(QStringLiteral("test.h5"))});
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains(QStringLiteral("/entry/data/data [8 x 320 x 384] float32")));
    QVERIFY(r.out.contains(QStringLiteral("ground truth: 336 spots")));
    QVERIFY(r.out.contains(QStringLiteral("beam centre")));
}

void TestImagesCli::findWritesPeakLists()
{
    const QString csv = file(QStringLiteral("found.csv")), stream = file(QStringLiteral("found.stream"));
    const auto r = cli({QStringLiteral("images"), QStringLiteral("find"), file(QStringLiteral("test.h5")), QStringLiteral("--frames"),
                        QStringLiteral("0-2,5"), QStringLiteral("-o"), csv, QStringLiteral("--stream"), stream});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("4 frames")));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = c.readAll().split('\n');
    QVERIFY(lines.front().startsWith("file,frame,x,y,peak_x,peak_y"));
    QVERIFY(lines.size() > 4 * 30);
    QFile s(stream);
    QVERIFY(s.open(QIODevice::ReadOnly));
    const QByteArray text = s.readAll();
    QCOMPARE(text.count("----- Begin chunk -----"), 4);
    QVERIFY(text.contains("Event: //5"));
    QVERIFY(!text.contains("Event: //3"));
    QCOMPARE(text.count("Peaks from peak search"), 4);
}

void TestImagesCli::trainClassifyEvaluate()
{
    const QString model = file(QStringLiteral("peaks.json"));
    auto r = cli({QStringLiteral("images"), QStringLiteral("train"), file(QStringLiteral("train.h5")), QStringLiteral("-o"), model});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(r.out.contains(QStringLiteral("out-of-fold (grouped by frame)")));
    const QString json = file(QStringLiteral("eval.json")), pr = file(QStringLiteral("pr.csv"));
    r = cli({QStringLiteral("images"), QStringLiteral("evaluate"), QStringLiteral("-m"), model, file(QStringLiteral("test.h5")),
             QStringLiteral("--json"), json, QStringLiteral("--pr-csv"), pr});
    QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
    QVERIFY(r.out.contains(QStringLiteral("finder + svm")));
    QFile j(json);
    QVERIFY(j.open(QIODevice::ReadOnly));
    const QJsonObject o = QJsonDocument::fromJson(j.readAll()).object();
    const QJsonObject classified = o.value(QStringLiteral("classified")).toObject();
    const QJsonObject finder = o.value(QStringLiteral("finder")).toObject();
    // The learned probability must raise precision far above the finder's while keeping the SNR >= 5 recall.
    QVERIFY2(classified.value(QStringLiteral("precision")).toDouble() > 0.9, qPrintable(r.out));
    QVERIFY2(classified.value(QStringLiteral("recall")).toDouble() > 0.9, qPrintable(r.out));
    QVERIFY(finder.value(QStringLiteral("precision")).toDouble() < classified.value(QStringLiteral("precision")).toDouble());
    QFile curve(pr);
    QVERIFY(curve.open(QIODevice::ReadOnly));
    QVERIFY(curve.readAll().count('\n') > 20);

    const QString stream = file(QStringLiteral("called.stream"));
    r = cli({QStringLiteral("images"), QStringLiteral("classify"), QStringLiteral("-m"), model, file(QStringLiteral("test.h5")),
             QStringLiteral("--stream"), stream, QStringLiteral("-o"), file(QStringLiteral("called.csv"))});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QStringLiteral("called peaks")));
    QFile s(stream);
    QVERIFY(s.open(QIODevice::ReadOnly));
    QCOMPARE(s.readAll().count("----- Begin chunk -----"), 8);
}

void TestImagesCli::badInputsNamed()
{
    const QString text = file(QStringLiteral("notes.h5"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("plain text");
    f.close();
    auto r = cli({QStringLiteral("images"), QStringLiteral("find"), text, file(QStringLiteral("test.h5")), QStringLiteral("--frames"),
                  QStringLiteral("0")});
    QCOMPARE(r.code, 1);  // one input failed, the other was processed
    QVERIFY(r.err.contains(text));
    QVERIFY(r.out.contains(QStringLiteral("test.h5: 1 frames")));
    r = cli({QStringLiteral("images"), QStringLiteral("info"), file(QStringLiteral("test.h5")), QStringLiteral("--dataset"),
             QStringLiteral("/entry/data/missing")});
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains(QStringLiteral("/entry/data/missing")));
    r = cli({QStringLiteral("images"), QStringLiteral("train"), text, QStringLiteral("-o"), file(QStringLiteral("m.json"))});
    QCOMPARE(r.code, 1);
    QVERIFY(!QFile::exists(file(QStringLiteral("m.json"))));
}

void TestImagesCli::usageErrors()
{
    QCOMPARE(cli({QStringLiteral("images")}).code, 2);
    QCOMPARE(cli({QStringLiteral("images"), QStringLiteral("nonsense")}).code, 2);
    QCOMPARE(cli({QStringLiteral("images"), QStringLiteral("synth")}).code, 2);
    QCOMPARE(cli({QStringLiteral("images"), QStringLiteral("classify"), file(QStringLiteral("test.h5"))}).code, 2);
    const auto r = cli({QStringLiteral("images"), QStringLiteral("find"), file(QStringLiteral("test.h5")), QStringLiteral("-o"),
                        file(QStringLiteral("test.h5"))});
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains(QStringLiteral("test.h5")));
    QVERIFY(r.err.contains(QStringLiteral("nothing written")));
    QCOMPARE(cli({QStringLiteral("images"), QStringLiteral("find"), file(QStringLiteral("test.h5")), QStringLiteral("--frames"),
                  QStringLiteral("7-9")}).code, 1);
}

QTEST_GUILESS_MAIN(TestImagesCli)
#include "tst_imagescli.moc"
