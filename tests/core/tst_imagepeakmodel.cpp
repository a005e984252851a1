// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "images/ImageCandidates.h"
#include "images/ImageLabelSet.h"
#include "images/PeakClassifierModel.h"
#include "images/PeakFinder.h"
#include "images/SyntheticImageGenerator.h"
#include "model/ModelRegistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

class TestImagePeakModel : public QObject {
    Q_OBJECT
private slots:
    void trainPredictThroughTheRegistry_data();
    void trainPredictThroughTheRegistry();
};

void TestImagePeakModel::trainPredictThroughTheRegistry_data()
{
    QTest::addColumn<QString>("method");
    QTest::newRow("svm") << QStringLiteral("svm");
    QTest::newRow("cnn") << QStringLiteral("cnn");
}

void TestImagePeakModel::trainPredictThroughTheRegistry()
{
    QFETCH(QString, method);
    SyntheticImageOptions o;
    o.width = 320;
    o.height = 288;
    o.frames = 6;
    o.moduleSize = 128;
    o.spotsPerFrame = 40;
    const SyntheticImageGenerator gen(o);
    PeakFinderOptions fo;
    fo.centerX = gen.beamX();
    fo.centerY = gen.beamY();
    PeakFinder finder(fo);
    finder.setGeometry(o.width, o.height, gen.mask());
    ImageCandidates train, test;
    train.mask = test.mask = gen.mask();
    for (int i = 0; i < o.frames; ++i) {
        std::vector<SyntheticSpot> truth;
        ImageCandidates::Frame f;
        f.frame = gen.frame(i, &truth);
        f.candidates = finder.find(f.frame);
        f.labels = ImageLabelSet::fromTruth(truth, o.frames).labelCandidates(f.candidates);
        (i < 5 ? train : test).frames.push_back(std::move(f));
    }
    const ModelRegistry &registry = ModelRegistry::instance();
    QVERIFY(registry.find(QStringLiteral("image-peaks")));
    QVERIFY(!registry.train(QStringLiteral("image-peaks"), train, {{QStringLiteral("folds"), 1}}).ok());  // out of range
    auto model = registry.train(QStringLiteral("image-peaks"), train,
                                {{QStringLiteral("folds"), 3}, {QStringLiteral("method"), method}, {QStringLiteral("epochs"), 15}});
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
    auto predictions = (*model)->predict(test);
    QVERIFY(predictions.ok());
    QCOMPARE(qsizetype(predictions->size()), test.itemCount());
    int right = 0, scored = 0;
    const auto &labels = test.frames.front().labels;
    for (size_t i = 0; i < predictions->size(); ++i) {
        QCOMPARE((*predictions)[i].findings.size(), size_t(2));
        if (labels[i] >= 0) {
            ++scored;
            right += ((*predictions)[i].decision == QLatin1String("peak")) == (labels[i] == 1);
        }
    }
    QVERIFY2(right >= 0.9 * scored, qPrintable(QStringLiteral("%1 of %2").arg(right).arg(scored)));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("peaks.json"));
    QVERIFY((*model)->save(path).ok());
    auto loaded = registry.load(path);  // the one loader of every model file
    QVERIFY(loaded.ok());
    QCOMPARE((*loaded)->kind(), QStringLiteral("image-peaks"));
    QCOMPARE((*loaded)->options().value(QStringLiteral("method")).toString(), method);
    auto again = (*loaded)->predict(test);
    QVERIFY(again.ok());
    for (size_t i = 0; i < again->size(); ++i)
        QVERIFY(std::abs((*again)[i].findings[1].probability - (*predictions)[i].findings[1].probability) < 1e-6);
}

QTEST_GUILESS_MAIN(TestImagePeakModel)
#include "tst_imagepeakmodel.moc"
