// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/CrystfelStreamReader.h"
#include "images/ImageLabelSet.h"
#include "images/PeakListWriter.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
BraggCandidate candidate(int frame, double x, double y)
{
    BraggCandidate c;
    c.frame = frame;
    c.x = x;
    c.y = y;
    c.peakX = int(x);
    c.peakY = int(y);
    c.integrated = 100.0 + x;
    return c;
}
} // namespace

class TestImageLabelSet : public QObject {
    Q_OBJECT
private slots:
    void sidecarBesideTheData();
    void saveLoadRoundTrip();
    void neverIntoTheImageFile();
    void setReplacesNearby();
    void candidateLabels();
    void matchingIsOneToOne();
    void crystfelStreamRoundTrip();
    void badStream();

private:
    QTemporaryDir m_dir;
};

void TestImageLabelSet::sidecarBesideTheData()
{
    QCOMPARE(ImageLabelSet::sidecarPath(QStringLiteral("/data/run7.h5")), QStringLiteral("/data/run7.peaklabels.h5"));
    QCOMPARE(ImageLabelSet::sidecarPath(QStringLiteral("/data/run.7.cxi")), QStringLiteral("/data/run.7.peaklabels.h5"));
}

void TestImageLabelSet::saveLoadRoundTrip()
{
    ImageLabelSet set;
    set.labels = {{0, 10.5, 20.25, 1, 7.5}, {2, 300.0, 4.0, 0}};
    set.completeFrames = {0, 3};
    const QString path = m_dir.filePath(QStringLiteral("a.peaklabels.h5"));
    QVERIFY(set.save(path, m_dir.filePath(QStringLiteral("a.h5")), QStringLiteral("/entry/data/data")).ok());
    auto back = ImageLabelSet::load(path);
    QVERIFY(back.ok());
    QCOMPARE(int(back->labels.size()), 2);
    QCOMPARE(back->labels[0].x, 10.5);
    QCOMPARE(back->labels[0].snr, 7.5);
    QCOMPARE(back->labels[1].label, 0);
    QCOMPARE(back->labels[1].frame, 2);
    QVERIFY(std::isnan(back->labels[1].snr));
    QCOMPARE(back->completeFrames, (std::set<int>{0, 3}));
    // An empty set round-trips too (a user who removed every label).
    const QString empty = m_dir.filePath(QStringLiteral("empty.peaklabels.h5"));
    QVERIFY(ImageLabelSet{}.save(empty, QString(), QString()).ok());
    auto none = ImageLabelSet::load(empty);
    QVERIFY(none.ok());
    QVERIFY(none->labels.empty());
    QVERIFY(!ImageLabelSet::load(m_dir.filePath(QStringLiteral("absent.h5"))).ok());
}

void TestImageLabelSet::neverIntoTheImageFile()
{
    const QString data = m_dir.filePath(QStringLiteral("images.h5"));
    QFile f(data);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("original bytes");
    f.close();
    ImageLabelSet set;
    set.labels = {{0, 1, 1, 1}};
    const Status st = set.save(data, data, QStringLiteral("/entry/data/data"));
    QVERIFY(!st.ok());
    QVERIFY(st.error().message.contains(QStringLiteral("never written into the image file")));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("original bytes"));
}

void TestImageLabelSet::setReplacesNearby()
{
    ImageLabelSet set;
    set.set(0, 10, 10, 1);
    set.set(0, 11, 10, 0);  // the same candidate clicked again: replaced
    set.set(1, 11, 10, 1);  // another frame: kept
    QCOMPARE(int(set.labels.size()), 2);
    QCOMPARE(set.count(0), 1);
    QCOMPARE(set.remove(0, 10.5, 10, 1.0), 1);
    QCOMPARE(set.count(0), 0);
}

void TestImageLabelSet::candidateLabels()
{
    ImageLabelSet set;
    set.labels = {{0, 10, 10, 1}, {1, 50, 50, 0}};
    set.completeFrames = {0};
    const std::vector<BraggCandidate> c = {candidate(0, 10.5, 10.2), candidate(0, 30, 30), candidate(1, 50, 51),
                                          candidate(1, 80, 80)};
    const std::vector<int> l = set.labelCandidates(c);
    QCOMPARE(l, (std::vector<int>{1, 0, 0, -1}));  // frame 0 complete: unlabelled = not a peak; frame 1: unknown
}

void TestImageLabelSet::matchingIsOneToOne()
{
    const std::vector<BraggCandidate> c = {candidate(0, 10, 10), candidate(0, 11, 10)};
    const std::vector<ImageLabel> points = {{0, 10.8, 10, 1}, {0, 10.4, 10, 1}};
    const std::vector<int> m = ImageLabelSet::match(c, points);
    QCOMPARE(m, (std::vector<int>{1, 0}));  // nearest pairs first, each candidate once
    const std::vector<ImageLabel> far = {{0, 20, 10, 1}, {1, 10, 10, 1}};
    QCOMPARE(ImageLabelSet::match(c, far), (std::vector<int>{-1, -1}));
}

void TestImageLabelSet::crystfelStreamRoundTrip()
{
    const std::vector<BraggCandidate> peaks = {candidate(0, 12.25, 40.5), candidate(3, 100.0, 7.75), candidate(3, 5.5, 6.5)};
    const QByteArray text = PeakListWriter::crystfelStream(QStringLiteral("/data/run7.h5"), QStringLiteral("/entry/data/data"),
                                                           5, {0, 1, 3}, peaks);
    QVERIFY(text.contains(" 12.75   41.00"));  // CrystFEL's pixel-corner origin: + 0.5
    const QString path = m_dir.filePath(QStringLiteral("peaks.stream"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    auto labels = CrystfelStreamReader::read(path, QStringLiteral("run7.h5"));
    QVERIFY2(labels.ok(), qPrintable(labels.ok() ? QString() : labels.error().toString()));
    QCOMPARE(int(labels->labels.size()), 3);
    QCOMPARE(labels->completeFrames, (std::set<int>{0, 1, 3}));  // frame 1 had an empty list: complete, no peaks
    QCOMPARE(labels->labels[1].frame, 3);
    QVERIFY(std::abs(labels->labels[1].x - 100.0) < 0.006 && std::abs(labels->labels[1].y - 7.75) < 0.006);
    auto other = CrystfelStreamReader::read(path, QStringLiteral("other.h5"));
    QVERIFY(other.ok());
    QVERIFY(other->labels.empty());
}

void TestImageLabelSet::badStream()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.stream"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("----- Begin chunk -----\nImage filename: a.h5\nPeaks from peak search\n  fs/px   ss/px (1/d)/nm^-1   Intensity  Panel\n"
            "12.0 abc 0 5 p0\nEnd of peak list\n----- End chunk -----\n");
    f.close();
    auto r = CrystfelStreamReader::read(path);
    QVERIFY(!r.ok());
    QVERIFY(r.error().message.contains(QStringLiteral("line 5")));
    QVERIFY(!CrystfelStreamReader::read(m_dir.filePath(QStringLiteral("none.stream"))).ok());
}

QTEST_GUILESS_MAIN(TestImageLabelSet)
#include "tst_imagelabelset.moc"
