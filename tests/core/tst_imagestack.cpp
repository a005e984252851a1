// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageStack.h"
#include "images/SyntheticImageGenerator.h"
#include "io/h5/H5TableWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
SyntheticImageOptions smallOptions()
{
    SyntheticImageOptions o;
    o.width = 80;
    o.height = 60;
    o.frames = 3;
    o.spotsPerFrame = 4;
    o.saturatedSpotsPerFrame = 1;
    o.moduleSize = 36;
    o.moduleGap = 4;
    o.beamStopRadius = 5;
    o.hotPixels = 2;
    return o;
}

std::vector<double> ramp(qint64 n)
{
    std::vector<double> v(static_cast<size_t>(n));
    for (qint64 i = 0; i < n; ++i)
        v[static_cast<size_t>(i)] = double(i % 1000);
    return v;
}
} // namespace

class TestImageStack : public QObject {
    Q_OBJECT
private slots:
    void nexusStackRoundTrip();
    void integerPixels();
    void cxiLayoutFound();
    void singleImageAnyPath();
    void maskFromOtherFile();
    void frameMetadata();
    void missingDatasetNamed();
    void wrongRankNamed();
    void severalImagesNeedAChoice();
    void truncatedFile();
    void notHdf5();
    void frameOutOfRange();

private:
    QTemporaryDir m_dir;
    QString file(const QString &name) const { return m_dir.filePath(name); }
};

void TestImageStack::nexusStackRoundTrip()
{
    const SyntheticImageGenerator gen(smallOptions());
    const QString path = file(QStringLiteral("stack.h5"));
    QVERIFY(gen.write(path).ok());
    auto stack = ImageStack::open(path);
    QVERIFY2(stack.ok(), qPrintable(stack.ok() ? QString() : stack.error().toString()));
    QCOMPARE(stack->dataset().path, QStringLiteral("/entry/data/data"));
    QCOMPARE(stack->frameCount(), 3);
    QCOMPARE(stack->width(), 80);
    QCOMPARE(stack->height(), 60);
    for (int i : {2, 0, 1}) {  // any order: frames are read one by one
        auto frame = stack->readFrame(i);
        QVERIFY(frame.ok());
        QCOMPARE(frame->index, i);
        QCOMPARE(frame->pixels, gen.frame(i, nullptr).pixels);
    }
    auto mask = stack->ownMask();
    QVERIFY(mask.ok());
    QCOMPARE(mask->good, gen.mask().good);
    QVERIFY(mask->badCount() > 0);
    const auto centre = stack->beamCenter();
    QVERIFY(centre.has_value());
    QCOMPARE(centre->first, gen.beamX());
    auto truth = SyntheticImageGenerator::readTruth(path);
    QVERIFY(truth.ok());
    QCOMPARE(int(truth->size()), 3 * 5);
    QVERIFY(stack->summary().contains(QStringLiteral("3 frames of 80 x 60 float32")));
}

void TestImageStack::integerPixels()
{
    SyntheticImageOptions o = smallOptions();
    o.integerPixels = true;
    const SyntheticImageGenerator gen(o);
    const QString path = file(QStringLiteral("int.h5"));
    QVERIFY(gen.write(path).ok());
    auto stack = ImageStack::open(path);
    QVERIFY(stack.ok());
    QCOMPARE(stack->dataset().typeName, QStringLiteral("int32"));
    auto frame = stack->readFrame(1);
    QVERIFY(frame.ok());
    QCOMPARE(frame->pixels, gen.frame(1, nullptr).pixels);  // Poisson counts are whole numbers
}

void TestImageStack::cxiLayoutFound()
{
    const QString path = file(QStringLiteral("cxi.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/entry_1/data_1/data"), {2, 5, 7}, ramp(70), H5TableWriter::NumberType::UInt16).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/entry_1/other"), {4, 4}, ramp(16)).ok());
    QVERIFY(w.commit().ok());
    auto stack = ImageStack::open(path);
    QVERIFY(stack.ok());
    QCOMPARE(stack->dataset().path, QStringLiteral("/entry_1/data_1/data"));
    QCOMPARE(stack->frameCount(), 2);
    auto f = stack->readFrame(1);
    QVERIFY(f.ok());
    QCOMPARE(f->at(0, 0), 35.0f);
    QCOMPARE(f->at(6, 4), 69.0f);  // x = column (fast), y = row
}

void TestImageStack::singleImageAnyPath()
{
    const QString path = file(QStringLiteral("single.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/scan/img"), {6, 9}, ramp(54), H5TableWriter::NumberType::Float64).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/scan/energy"), {}, {12.4}).ok());
    QVERIFY(w.commit().ok());
    auto stack = ImageStack::open(path);  // the only image dataset
    QVERIFY(stack.ok());
    QCOMPARE(stack->frameCount(), 1);
    QCOMPARE(stack->width(), 9);
    auto byName = ImageStack::open(path, QStringLiteral("scan/img"));
    QVERIFY(byName.ok());
    QCOMPARE(byName->readFrame(0)->at(8, 5), 53.0f);
    auto browsable = ImageStack::imageDatasets(path);
    QVERIFY(browsable.ok());
    QCOMPARE(int(browsable->size()), 1);
}

void TestImageStack::maskFromOtherFile()
{
    const QString path = file(QStringLiteral("mask.h5"));
    H5TableWriter w(path);
    std::vector<double> good(6 * 9, 1.0);
    good[2 * 9 + 4] = 0.0;  // Cheetah convention: 1 = good
    QVERIFY(w.addNumbers(QStringLiteral("/data/data"), {6, 9}, good, H5TableWriter::NumberType::Int32).ok());
    QVERIFY(w.commit().ok());
    auto mask = ImageStack::readMask(path, QStringLiteral("/data/data"), 9, 6, ImageStack::MaskConvention::NonzeroIsGood);
    QVERIFY(mask.ok());
    QCOMPARE(mask->badCount(), 1LL);
    QVERIFY(!mask->isGood(4, 2));
    auto inverted = ImageStack::readMask(path, QStringLiteral("/data/data"), 9, 6, ImageStack::MaskConvention::NonzeroIsBad);
    QCOMPARE(inverted->badCount(), 53LL);
    auto wrongSize = ImageStack::readMask(path, QStringLiteral("/data/data"), 10, 6, ImageStack::MaskConvention::NonzeroIsGood);
    QVERIFY(!wrongSize.ok());
    QVERIFY(wrongSize.error().toString().contains(QStringLiteral("/data/data")));
    QVERIFY(wrongSize.error().toString().contains(path));
}

void TestImageStack::frameMetadata()
{
    const QString path = file(QStringLiteral("meta.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/entry/data/data"), {3, 4, 4}, ramp(48)).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/entry/photon_energy_eV"), {3}, {9000, 9100, 9200}).ok());
    QVERIFY(w.commit().ok());
    auto stack = ImageStack::open(path);
    QVERIFY(stack.ok());
    const auto meta = stack->frameMetadata(2);
    QCOMPARE(meta.size(), 1);
    QCOMPARE(meta.front().first, QStringLiteral("/entry/photon_energy_eV"));
    QCOMPARE(meta.front().second, 9200.0);
}

void TestImageStack::missingDatasetNamed()
{
    const SyntheticImageGenerator gen(smallOptions());
    const QString path = file(QStringLiteral("named.h5"));
    QVERIFY(gen.write(path).ok());
    auto stack = ImageStack::open(path, QStringLiteral("/entry/data/nothing"));
    QVERIFY(!stack.ok());
    QCOMPARE(stack.error().source, path);
    QVERIFY(stack.error().message.contains(QStringLiteral("/entry/data/nothing")));
    QVERIFY(stack.error().message.contains(QStringLiteral("does not exist")));
}

void TestImageStack::wrongRankNamed()
{
    const QString path = file(QStringLiteral("rank.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/entry/data/data"), {2, 2, 3, 4}, ramp(48)).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/line"), {10}, ramp(10)).ok());
    QVERIFY(w.commit().ok());
    auto four = ImageStack::open(path);
    QVERIFY(!four.ok());
    QVERIFY(four.error().message.contains(QStringLiteral("/entry/data/data")));
    QVERIFY(four.error().message.contains(QStringLiteral("rank 4")));
    auto one = ImageStack::open(path, QStringLiteral("/line"));
    QVERIFY(!one.ok());
    QVERIFY(one.error().message.contains(QStringLiteral("rank 1")));
}

void TestImageStack::severalImagesNeedAChoice()
{
    const QString path = file(QStringLiteral("several.h5"));
    H5TableWriter w(path);
    QVERIFY(w.addNumbers(QStringLiteral("/a"), {4, 4}, ramp(16)).ok());
    QVERIFY(w.addNumbers(QStringLiteral("/b"), {4, 4}, ramp(16)).ok());
    QVERIFY(w.commit().ok());
    auto stack = ImageStack::open(path);
    QVERIFY(!stack.ok());
    QVERIFY(stack.error().message.contains(QStringLiteral("/a [4 x 4]")));
    QVERIFY(stack.error().message.contains(QStringLiteral("/b [4 x 4]")));
}

void TestImageStack::truncatedFile()
{
    const SyntheticImageGenerator gen(smallOptions());
    const QString path = file(QStringLiteral("whole.h5"));
    QVERIFY(gen.write(path).ok());
    QFile in(path);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();
    const QString cut = file(QStringLiteral("cut.h5"));
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() / 2));
    out.close();
    auto stack = ImageStack::open(cut);
    QVERIFY(!stack.ok());
    QCOMPARE(stack.error().source, cut);
    QVERIFY2(stack.error().message.contains(QStringLiteral("truncated")), qPrintable(stack.error().message));
}

void TestImageStack::notHdf5()
{
    const QString path = file(QStringLiteral("text.h5"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not an image\n");
    f.close();
    auto stack = ImageStack::open(path);
    QVERIFY(!stack.ok());
    QVERIFY(stack.error().message.contains(QStringLiteral("not an HDF5 file")));
    QVERIFY(!ImageStack::open(file(QStringLiteral("absent.h5"))).ok());
}

void TestImageStack::frameOutOfRange()
{
    const SyntheticImageGenerator gen(smallOptions());
    const QString path = file(QStringLiteral("range.h5"));
    QVERIFY(gen.write(path).ok());
    auto stack = ImageStack::open(path);
    QVERIFY(stack.ok());
    auto f = stack->readFrame(3);
    QVERIFY(!f.ok());
    QVERIFY(f.error().message.contains(QStringLiteral("no frame 3")));
}

QTEST_GUILESS_MAIN(TestImageStack)
#include "tst_imagestack.moc"
