// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitCollection.h"
#include "hits/HitLabelsFile.h"
#include "hits/HitPngWriter.h"

#include "TestData.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
HitImage crop(int size, quint8 spot)
{
    HitImage im(size, size);
    im.at(size / 2, size / 2) = spot;
    return im;
}

void writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

const Error *problemFor(const HitCollection &c, const QString &fileName)
{
    for (const Error &e : c.problems())
        if (e.source.endsWith(fileName))
            return &e;
    return nullptr;
}
} // namespace

class TestHitCollection : public QObject {
    Q_OBJECT
private slots:
    void folderLabelsAndBadCropsAreReportedOneByOne()
    {
        QTemporaryDir dir;
        QDir d(dir.path());
        d.mkpath(QStringLiteral("track"));
        d.mkpath(QStringLiteral("worm"));
        writeBytes(d.filePath(QStringLiteral("track/a.png")), HitPngWriter::encode(crop(60, 200)));
        writeBytes(d.filePath(QStringLiteral("track/b.png")), HitPngWriter::encode(crop(60, 150)));
        writeBytes(d.filePath(QStringLiteral("worm/c.png")), HitPngWriter::encode(crop(60, 90)));
        writeBytes(d.filePath(QStringLiteral("loose.png")), HitPngWriter::encode(crop(60, 70)));
        const QByteArray good = HitPngWriter::encode(crop(60, 99));
        writeBytes(d.filePath(QStringLiteral("worm/truncated.png")), good.left(good.size() / 2));
        writeBytes(d.filePath(QStringLiteral("worm/small.png")), HitPngWriter::encode(crop(40, 99)));
        writeBytes(d.filePath(QStringLiteral("worm/deep.png")), HitPngWriter::encode16(60, 60, std::vector<quint16>(3600, 4000)));
        writeBytes(d.filePath(QStringLiteral("worm/text.png")), QByteArray("not an image"));
        const QByteArray before = good;

        auto c = HitCollection::open(dir.path());
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->size(), 4);
        QCOMPARE(c->classNames(), (QStringList{QStringLiteral("track"), QStringLiteral("worm")}));
        int unlabelled = 0;
        for (const Hit &h : c->hits())
            unlabelled += h.label.isEmpty();
        QCOMPARE(unlabelled, 1);
        QCOMPARE(int(c->problems().size()), 4);
        const Error *t = problemFor(*c, QStringLiteral("truncated.png"));
        QVERIFY(t && t->message.contains(QStringLiteral("truncated")));
        const Error *s = problemFor(*c, QStringLiteral("small.png"));
        QVERIFY(s && s->message.contains(QStringLiteral("40 x 40")) && s->message.contains(QStringLiteral("60 x 60")));
        const Error *deep = problemFor(*c, QStringLiteral("deep.png"));
        QVERIFY(deep && deep->message.contains(QStringLiteral("16-bit")));
        const Error *text = problemFor(*c, QStringLiteral("text.png"));
        QVERIFY(text && text->message.contains(QStringLiteral("not a PNG or JPEG")));
        // The grey levels survive the round trip through PNG.
        for (const Hit &h : c->hits())
            if (h.id == QLatin1String("a"))
                QCOMPARE(int(h.image.at(30, 30)), 200);
    }

    void labelTableAddsMetadataAndOverridesFolders()
    {
        QTemporaryDir dir;
        QDir d(dir.path());
        d.mkpath(QStringLiteral("track"));
        writeBytes(d.filePath(QStringLiteral("track/17.png")), HitPngWriter::encode(crop(60, 200)));
        writeBytes(d.filePath(QStringLiteral("track/18.png")), HitPngWriter::encode(crop(60, 200)));
        writeBytes(d.filePath(QStringLiteral("labels.csv")),
                   "id,class,frame_width,frame_height,x,y,timestamp_ms\n17,worm,640,480,100,200,1584013968419\n");
        auto c = HitCollection::open(dir.path());
        QVERIFY(c.ok());
        QCOMPARE(c->size(), 2);
        const Hit &h = c->hits()[0];
        QCOMPARE(h.id, QStringLiteral("17"));
        QCOMPARE(h.label, QStringLiteral("worm"));
        QCOMPARE(h.frameWidth, 640);
        QCOMPARE(h.frameX, 100);
        QCOMPARE(h.timestampMs, Q_INT64_C(1584013968419));
        QCOMPARE(h.deviceKey(), QStringLiteral("frame 640x480"));
        QCOMPARE(c->hits()[1].label, QStringLiteral("track"));

        const QString sidecar = d.filePath(QStringLiteral("my-labels.csv"));
        QVERIFY(HitLabelsFile::writeLabels(sidecar, c->hits()).ok());
        auto rows = HitLabelsFile::read(sidecar);
        QVERIFY(rows.ok());
        QCOMPARE(rows->value(QStringLiteral("17")).label, QStringLiteral("worm"));
        QCOMPARE(rows->value(QStringLiteral("18")).label, QStringLiteral("track"));
    }

    void emptyAndUnreadableFoldersFailClearly()
    {
        QTemporaryDir dir;
        auto empty = HitCollection::open(dir.path());
        QVERIFY(!empty.ok());
        QCOMPARE(empty.error().source, dir.path());
        QVERIFY(empty.error().message.contains(QStringLiteral("no PNG or JPEG")));
        writeBytes(QDir(dir.path()).filePath(QStringLiteral("x.png")), QByteArray("\x89PNG\r\n\x1a\n", 8));
        auto bad = HitCollection::open(dir.path());
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("x.png")));
        QVERIFY(!HitCollection::open(dir.path() + QStringLiteral("/missing")).ok());
    }

    void credoJsonImportDecodesBase64Frames()
    {
        QTemporaryDir dir;
        QJsonArray detections;
        for (int i = 0; i < 3; ++i) {
            QJsonObject o;
            o[QStringLiteral("id")] = 1000 + i;
            o[QStringLiteral("device_id")] = 42;
            o[QStringLiteral("timestamp")] = 1584013968419.0 + i;
            o[QStringLiteral("x")] = 10 * i;
            o[QStringLiteral("y")] = 20;
            o[QStringLiteral("width")] = 640;
            o[QStringLiteral("height")] = 480;
            o[QStringLiteral("frame_content")] = QString::fromLatin1(HitPngWriter::encode(crop(60, quint8(100 + i))).toBase64());
            detections.append(o);
        }
        QJsonObject noFrame;
        noFrame[QStringLiteral("id")] = 7;
        detections.append(noFrame);
        QJsonObject badBase64;
        badBase64[QStringLiteral("frame_content")] = QStringLiteral("@@not base64@@");
        detections.append(badBase64);
        const QString path = QDir(dir.path()).filePath(QStringLiteral("export.json"));
        writeBytes(path, QJsonDocument(QJsonObject{{QStringLiteral("detections"), detections}}).toJson());

        auto c = HitCollection::open(path);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        QCOMPARE(c->size(), 3);
        QCOMPARE(int(c->problems().size()), 2);
        QVERIFY(c->problems()[0].source.endsWith(QStringLiteral("export.json#3")));
        QVERIFY(c->problems()[0].message.contains(QStringLiteral("frame_content")));
        QVERIFY(c->problems()[1].message.contains(QStringLiteral("base64")));
        const Hit &h = c->hits()[2];
        QCOMPARE(h.id, QStringLiteral("1002"));
        QCOMPARE(h.device, QStringLiteral("42"));
        QCOMPARE(h.frameX, 20);
        QCOMPARE(h.timestampMs, Q_INT64_C(1584013968421));
        QCOMPARE(int(h.image.at(30, 30)), 102);
        // One device on one day: one validation group.
        const std::vector<int> g = c->groups();
        QCOMPARE(g[0], g[2]);

        writeBytes(path, "{\"detections\": [");
        auto broken = HitCollection::open(path);
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QStringLiteral("JSON")));
    }

    void realCredoHitsAreRead()
    {
        PHOTOPEAK_REQUIRE_DATA(folder, "images/credo");
        auto c = HitCollection::open(folder);
        QVERIFY(c.ok());
        QCOMPARE(c->size(), 697);
        QVERIFY(c->problems().empty());
        const std::vector<int> y = c->labelIndices(c->classNames());
        QCOMPARE(c->classNames(), (QStringList{QStringLiteral("track"), QStringLiteral("worm")}));
        QCOMPARE(int(std::count(y.begin(), y.end(), 0)), 393);
        QCOMPARE(int(std::count(y.begin(), y.end(), 1)), 304);
        for (const Hit &h : c->hits())
            QVERIFY(h.timestampMs > 0 && h.frameWidth > 0 && h.image.width == 60);
    }
};

QTEST_GUILESS_MAIN(TestHitCollection)
#include "tst_hitcollection.moc"
