// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "SpectrogramFile.h"
#include "TestData.h"

#include "io/ReaderRegistry.h"
#include "io/radiacode/RadiacodeSpectrogramReader.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

// RadiaCode spectrograms (.rcspg): a time series of interval spectra. Made here from real RadiaCode spectra
// (../shared/data/formats/radiacode-tools): each interval reads back with its counts, live time, start time
// (FILETIME, time zone from the header) and the file's calibration; damaged files give messages naming the line.
class TestRadiacodeSpectrogram : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void intervalsReadBack();
    void damagedFilesNameTheLine();

private:
    std::vector<Spectrum> m_measured;  // bg, Cs137, Co60 (RadiaCode-102, 1024 channels)
    QTemporaryDir m_dir;
};

void TestRadiacodeSpectrogram::initTestCase()
{
    for (const char *name : {"bg.xml", "Cs137_b.xml", "Co60_a.xml"}) {
        PHOTOPEAK_REQUIRE_DATA(path, QStringLiteral("formats/radiacode-tools/data_deadtime/") + QLatin1String(name));
        auto read = ReaderRegistry::instance().read(path);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        m_measured.push_back(read->front());
    }
    QCOMPARE(m_measured.front().channelCount(), 1024);
}

void TestRadiacodeSpectrogram::intervalsReadBack()
{
    const QDateTime start = QDateTime(QDate(2023, 6, 7), QTime(5, 52, 0), Qt::UTC);
    QByteArray text = testdata::spectrogramHead(m_measured[0], start, 3 * 3600, 1024);
    for (int i = 0; i < 3; ++i)
        text += testdata::spectrogramLine(m_measured[size_t(i)], start.addSecs(60 * i), 60 + i);
    const QString path = m_dir.filePath(QStringLiteral("walk.rcspg"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
    f.close();
    auto read = ReaderRegistry::instance().read(path);
    QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
    QCOMPARE(read->size(), size_t(3));
    for (int i = 0; i < 3; ++i) {
        const Spectrum &s = (*read)[size_t(i)];
        QCOMPARE(s.counts, m_measured[size_t(i)].counts);  // trailing zeros restored
        QCOMPARE(s.liveTime, double(60 + i));
        QCOMPARE(s.indexInSource, i);
        QCOMPARE(s.startTime.toUTC(), start.addSecs(60 * i));
        QCOMPARE(s.startTime.offsetFromUtc(), 3 * 3600);
        QCOMPARE(s.detector, QStringLiteral("RC-102-000115"));
        for (int k = 0; k < 3; ++k)  // float32 in the file
            QVERIFY(std::abs(s.calibration.coefficients()[size_t(k)] - m_measured[0].calibration.coefficients()[size_t(k)])
                    <= 1e-6 * (1.0 + std::abs(m_measured[0].calibration.coefficients()[size_t(k)])));
        QVERIFY(s.problems.none());
    }
    QCOMPARE(RadiacodeSpectrogramReader().confidence(path, text.size(), text.left(4096)), 100);
    QCOMPARE(RadiacodeSpectrogramReader().confidence(QStringLiteral("x.txt"), 10, "Track: x"), 0);
}

void TestRadiacodeSpectrogram::damagedFilesNameTheLine()
{
    const QDateTime start = QDateTime(QDate(2023, 6, 7), QTime(5, 52, 0), Qt::UTC);
    const QByteArray head = testdata::spectrogramHead(m_measured[0], start, 0, 1024);
    const QByteArray good = testdata::spectrogramLine(m_measured[1], start, 60);
    const auto error = [](const QByteArray &bytes) {
        auto r = RadiacodeSpectrogramReader::parse(bytes, QStringLiteral("bad.rcspg"));
        return r.ok() ? QString() : r.error().toString();
    };
    QVERIFY(error(head + good + "133306\t60\t1\tx\t3\n").contains(QLatin1String("line 4 (interval 1)")));
    QByteArray tooMany = good.trimmed();
    for (int i = 0; i < 1100; ++i)
        tooMany += "\t1";
    QVERIFY(error(head + tooMany + '\n').contains(QLatin1String("channels")));
    QVERIFY(error("Track: x\n").contains(QLatin1String("not a RadiaCode spectrogram")));
    QVERIFY(error(head.left(head.indexOf('\n') + 1) + "Spectrum: 00 01\n").contains(QLatin1String("line 2")));
    QVERIFY(error(QByteArray(head).replace("Channels: 1024", "Channels: many")).contains(QLatin1String("Channels")));
    QVERIFY(error(head + good.left(good.size() / 2) + "\n" + "x").startsWith(QLatin1String("bad.rcspg: line")));
}

QTEST_GUILESS_MAIN(TestRadiacodeSpectrogram)
#include "tst_radiacodespectrogram.moc"
