// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "hits/HitClassifier.h"
#include "hits/HitCnn.h"
#include "hits/HitFeatureExtractor.h"
#include "hits/HitModel.h"
#include "model/ModelRegistry.h"

#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace photopeak;

namespace {
// Round spots and long bars on noise: two classes any method separates.
struct Synthetic {
    std::vector<HitImage> crops;
    HitBatch batch;
};

Synthetic make(int n)
{
    Synthetic s;
    std::mt19937 rng(3);
    std::uniform_int_distribution<int> noise(0, 8), pos(20, 40);
    for (int i = 0; i < n; ++i) {
        HitImage im(60, 60);
        for (auto &g : im.pixels)
            g = quint8(noise(rng));
        const int cx = pos(rng), cy = pos(rng);
        const bool bar = i % 2 == 0;
        for (int d = -8; d <= 8; ++d)
            for (int w = -1; w <= 1; ++w) {
                if (bar)
                    im.at(cx + d, cy + w) = 200;
                else if (d * d + w * w * 9 <= 9)
                    im.at(cx + d / 3, cy + w) = 200;
            }
        s.crops.push_back(im);
        s.batch.labels << (bar ? QStringLiteral("track") : QStringLiteral("spot"));
        s.batch.items << QString::number(i);
        s.batch.groups.push_back(i / 4);
    }
    std::vector<Hit> hits(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        hits[size_t(i)].image = s.crops[size_t(i)];
        s.batch.images.push_back(&s.crops[size_t(i)]);
    }
    s.batch.features = HitFeatureExtractor::table(hits, ThresholdOptions{}, 1);
    return s;
}
} // namespace

class TestHitModel : public QObject {
    Q_OBJECT
private slots:
    void registryTrainsSavesAndLoads_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("rule") << QStringLiteral("rule");
        QTest::newRow("svm") << QStringLiteral("svm");
        QTest::newRow("cnn") << QStringLiteral("cnn");
    }
    void registryTrainsSavesAndLoads()
    {
        QFETCH(QString, method);
        const Synthetic s = make(80);
        const ModelRegistry &registry = ModelRegistry::instance();
        QVERIFY(registry.find(QStringLiteral("hits")));
        auto model = registry.train(QStringLiteral("hits"), s.batch,
                                    {{QStringLiteral("method"), method}, {QStringLiteral("epochs"), 3}});
        QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
        QCOMPARE((*model)->labels(), (QStringList{QStringLiteral("spot"), QStringLiteral("track")}));
        auto p = (*model)->predict(s.batch);
        QVERIFY(p.ok());
        QCOMPARE(int(p->size()), 80);
        if (method != QLatin1String("cnn")) {  // three epochs are not enough to promise accuracy
            int right = 0;
            for (int i = 0; i < 80; ++i)
                right += (*p)[size_t(i)].decision == s.batch.labels[i];
            QVERIFY2(right >= (method == QLatin1String("svm") ? 76 : 40), qPrintable(QString::number(right)));
        }
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("m.json"));
        QVERIFY((*model)->save(path).ok());
        const auto kind = ModelRegistry::peekKind(path);
        QVERIFY2(kind.ok(), qPrintable(kind.ok() ? QString() : kind.error().toString()));
        QCOMPARE(*kind, QStringLiteral("hits"));
        auto loaded = registry.load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        auto q = (*loaded)->predict(s.batch);
        QVERIFY(q.ok());
        for (int i = 0; i < 80; ++i)
            for (int c = 0; c < 2; ++c)
                QCOMPARE((*q)[size_t(i)].findings[size_t(c)].probability, (*p)[size_t(i)].findings[size_t(c)].probability);
    }

    void cnnIsCalibratedOnHeldOutGroups()
    {
        const Synthetic s = make(120);
        std::vector<int> labels;
        for (const QString &l : s.batch.labels)
            labels.push_back(l == QLatin1String("track") ? 1 : 0);
        HitTrainOptions o;
        o.method = HitMethod::Cnn;
        o.cnn.epochs = 25;
        const QStringList classes{QStringLiteral("spot"), QStringLiteral("track")};
        auto c = HitClassifier::train(s.batch.images, s.batch.features, labels, s.batch.groups, classes, o);
        QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().toString()));
        // A fifth of the 30 groups (4 hits each) is held out for Platt scaling; the network learns from the rest.
        QVERIFY2(c->calibrationNote().startsWith(QStringLiteral("softmax Platt-calibrated on 24 held-out hits of 6 groups")),
                 qPrintable(c->calibrationNote()));
        auto p = c->predict(s.batch.images, s.batch.features);
        QVERIFY(p.ok());
        int right = 0;
        for (int i = 0; i < p->rows; ++i) {
            QVERIFY(p->at(i, 0) >= 0.0 && p->at(i, 0) <= 1.0);
            QCOMPARE(p->at(i, 0) + p->at(i, 1), 1.0);
            right += (p->at(i, 1) > 0.5) == (labels[size_t(i)] == 1);
        }
        QVERIFY2(right >= 108, qPrintable(QString::number(right)));  // bars and round spots: easy
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("cnn.json"));
        QVERIFY(c->save(path).ok());
        auto loaded = HitClassifier::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->calibrationNote(), c->calibrationNote());
        auto q = loaded->predict(s.batch.images, s.batch.features);
        QVERIFY(q.ok());
        for (int i = 0; i < p->rows; ++i)
            QCOMPARE(q->at(i, 1), p->at(i, 1));

        // Too few hits of a class to hold some out: the softmax stays, and says so.
        const Synthetic tiny = make(8);
        std::vector<int> tinyLabels;
        for (const QString &l : tiny.batch.labels)
            tinyLabels.push_back(l == QLatin1String("track") ? 1 : 0);
        o.cnn.epochs = 1;
        auto small = HitClassifier::train(tiny.batch.images, tiny.batch.features, tinyLabels, tiny.batch.groups, classes, o);
        QVERIFY(small.ok());
        QVERIFY(small->calibrationNote().contains(QStringLiteral("not calibrated")));
    }

    void badOptionsAndInputsAreRefused()
    {
        const Synthetic s = make(20);
        const ModelRegistry &registry = ModelRegistry::instance();
        auto bad = registry.train(QStringLiteral("hits"), s.batch, {{QStringLiteral("method"), QStringLiteral("forest")}});
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().toString().contains(QStringLiteral("method")));
        HitBatch unlabelled = s.batch;
        unlabelled.labels.clear();
        QVERIFY(!registry.train(QStringLiteral("hits"), unlabelled, {}).ok());
    }

    void augmentationKeepsTheCropAndItsBrightness()
    {
        HitImage im(60, 60);
        for (auto &g : im.pixels)
            g = 10;
        for (int x = 20; x < 40; ++x)
            im.at(x, 30) = 200;
        HitCnnOptions o;
        std::mt19937_64 rng(1);
        for (int k = 0; k < 20; ++k) {
            const HitImage a = HitCnn::augment(im, o, rng);
            QCOMPARE(a.width, 60);
            int bright = 0, dark = 0;
            for (quint8 g : a.pixels) {
                bright += g > 60;
                dark += g < 5;
            }
            QVERIFY2(bright >= 10 && bright <= 60, qPrintable(QString::number(bright)));  // the line survives
            QCOMPARE(dark, 0);  // edges repeat the background: no black borders
        }
    }
};

QTEST_GUILESS_MAIN(TestHitModel)
#include "tst_hitmodel.moc"
