// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "TestData.h"

#include "jobs/Parallel.h"
#include "ml/FeatureClassifierModel.h"
#include "model/ModelFile.h"
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "model/ModelRegistry.h"
#include "model/ParameterTable.h"

#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <random>
#include <stdexcept>

using namespace photopeak;

namespace {
// Two or three Gaussian blobs in 3 features; class c centred at (2c, -c, c).
FeatureTable blobs(int perClass, int classes, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0.0, 0.6);
    FeatureTable t;
    t.columns = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    t.x = FeatureMatrix(perClass * classes, 3);
    for (int c = 0; c < classes; ++c)
        for (int i = 0; i < perClass; ++i) {
            const int r = c * perClass + i;
            t.x.at(r, 0) = 2.0 * c + g(rng);
            t.x.at(r, 1) = -1.0 * c + g(rng);
            t.x.at(r, 2) = 1.0 * c + g(rng);
            t.labels << QStringLiteral("class%1").arg(c);
            t.groups.push_back(r / 5);  // groups of five rows
        }
    return t;
}

double accuracy(const std::vector<ModelPrediction> &p, const FeatureTable &t)
{
    int ok = 0;
    for (size_t i = 0; i < p.size(); ++i)
        ok += p[i].decision == t.labels[qsizetype(i)];
    return double(ok) / double(p.size());
}
} // namespace

class TestModelRegistry : public QObject {
    Q_OBJECT
private slots:
    void parameterDefaultsAndValidation();
    void parameterArguments();
    void parallelCoversEveryIndexOnce();
    void parallelRethrowsAndCancels();
    void featureClassifierTrainsPredictsAndKnowsItsDomain();
    void featureClassifierRoundTripThroughTheOneLoader();
    void featureClassifierThreeClasses();
    void unknownKindIsRefused();
    void latentModelLoadsThroughTheRegistry();
};

void TestModelRegistry::parameterDefaultsAndValidation()
{
    const ParameterTable &t = FeatureClassifierModel::parameterTable();
    const QJsonObject d = t.defaults();
    QCOMPARE(d.value(QStringLiteral("folds")).toInt(), 5);
    QCOMPARE(d.value(QStringLiteral("method")).toString(), QStringLiteral("rbf-svm"));
    QVERIFY(t.validate({}, QStringLiteral("x")).ok());
    auto unknown = t.validate(QJsonObject{{QStringLiteral("fold"), 3}}, QStringLiteral("m.json"));
    QVERIFY(!unknown.ok());
    QVERIFY(unknown.error().toString().contains(QStringLiteral("'fold'")));
    QVERIFY(unknown.error().toString().startsWith(QStringLiteral("m.json")));
    QVERIFY(!t.validate(QJsonObject{{QStringLiteral("folds"), 1}}, QStringLiteral("x")).ok());
    QVERIFY(!t.validate(QJsonObject{{QStringLiteral("folds"), 2.5}}, QStringLiteral("x")).ok());
    QVERIFY(!t.validate(QJsonObject{{QStringLiteral("folds"), QStringLiteral("3")}}, QStringLiteral("x")).ok());
    QVERIFY(!t.validate(QJsonObject{{QStringLiteral("method"), QStringLiteral("deep")}}, QStringLiteral("x")).ok());
    QVERIFY(t.validate(QJsonObject{{QStringLiteral("folds"), 20}}, QStringLiteral("x")).ok());
}

void TestModelRegistry::parameterArguments()
{
    const ParameterTable &t = FeatureClassifierModel::parameterTable();
    QStringList args{QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("in.h5"), QStringLiteral("--no-search"),
                     QStringLiteral("--method=linear-svm"), QStringLiteral("-o"), QStringLiteral("m.json")};
    auto o = t.parseArguments(args);
    QVERIFY2(o.ok(), qPrintable(o.ok() ? QString() : o.error().toString()));
    QCOMPARE(o->value(QStringLiteral("folds")).toInt(), 3);
    QCOMPARE(o->value(QStringLiteral("search")).toBool(), false);
    QCOMPARE(o->value(QStringLiteral("method")).toString(), QStringLiteral("linear-svm"));
    QCOMPARE(args, (QStringList{QStringLiteral("in.h5"), QStringLiteral("-o"), QStringLiteral("m.json")}));
    QStringList bad{QStringLiteral("--folds"), QStringLiteral("many")};
    QVERIFY(!t.parseArguments(bad).ok());
    QStringList outOfRange{QStringLiteral("--folds"), QStringLiteral("50")};
    auto e = t.parseArguments(outOfRange);
    QVERIFY(!e.ok());
    QVERIFY(e.error().toString().contains(QStringLiteral("2..20")));
    QStringList missing{QStringLiteral("--threshold")};
    QVERIFY(!t.parseArguments(missing).ok());
    QVERIFY(t.argumentHelp().contains(QStringLiteral("--folds VALUE")));
}

void TestModelRegistry::parallelCoversEveryIndexOnce()
{
    for (int threads : {1, 2, 4}) {
        Parallel::setMaxThreads(threads);
        QCOMPARE(Parallel::maxThreads(), threads);
        std::vector<std::atomic<int>> hits(1000);
        Parallel::forEach(1000, [&](qsizetype i) { ++hits[size_t(i)]; });
        for (const auto &h : hits)
            QCOMPARE(h.load(), 1);
    }
    Parallel::setMaxThreads(0);
    QVERIFY(Parallel::maxThreads() >= 1);
}

void TestModelRegistry::parallelRethrowsAndCancels()
{
    Parallel::setMaxThreads(2);
    bool thrown = false;
    try {
        Parallel::forEach(100, [](qsizetype i) {
            if (i == 37)
                throw std::runtime_error("bad item");
        });
    } catch (const std::runtime_error &e) {
        thrown = QByteArray(e.what()) == "bad item";
    }
    QVERIFY(thrown);
    JobControl job;
    std::atomic<int> done{0};
    Parallel::forEach(100000, [&](qsizetype i) {
        if (i == 10)
            job.cancel();
        ++done;
    }, &job);
    QVERIFY(done.load() < 100000);
    Parallel::setMaxThreads(0);
}

void TestModelRegistry::featureClassifierTrainsPredictsAndKnowsItsDomain()
{
    const FeatureTable train = blobs(60, 2, 1), test = blobs(100, 2, 2);
    auto model = ModelRegistry::instance().train(QString::fromLatin1(FeatureClassifierModel::Kind), train,
                                                 QJsonObject{{QStringLiteral("folds"), 3}});
    QVERIFY2(model.ok(), qPrintable(model.ok() ? QString() : model.error().toString()));
    QCOMPARE((*model)->labels(), (QStringList{QStringLiteral("class0"), QStringLiteral("class1")}));
    auto p = (*model)->predict(test);
    QVERIFY(p.ok());
    QCOMPARE(p->size(), size_t(200));
    QVERIFY2(accuracy(p.value(), test) > 0.95, qPrintable(QString::number(accuracy(p.value(), test))));
    for (const ModelPrediction &q : p.value()) {
        QCOMPARE(q.findings.size(), size_t(2));
        QVERIFY(std::abs(q.findings[0].probability + q.findings[1].probability - 1.0) < 1e-9);
    }
    QVERIFY((*model)->metrics().value(QStringLiteral("outOfFoldAccuracy")).toDouble() > 0.9);

    // A row far outside the training range is "unknown", not a confident class.
    FeatureTable far;
    far.columns = train.columns;
    far.x = FeatureMatrix(1, 3);
    far.x.at(0, 0) = 60.0;
    auto q = (*model)->predict(far);
    QVERIFY(q.ok());
    QVERIFY(q->front().outOfDomain);
    QCOMPARE(q->front().decision, QStringLiteral("unknown"));
    QVERIFY(q->front().domainNote.contains(QStringLiteral("'a'")));

    // Columns are matched by name; a missing one is named.
    FeatureTable renamed = test;
    renamed.columns[2] = QStringLiteral("z");
    auto r = (*model)->predict(renamed);
    QVERIFY(!r.ok());
    QVERIFY(r.error().toString().contains(QStringLiteral(": c")));
}

void TestModelRegistry::featureClassifierRoundTripThroughTheOneLoader()
{
    const FeatureTable train = blobs(40, 2, 3), test = blobs(20, 2, 4);
    auto model = FeatureClassifierModel::train(train, QJsonObject{{QStringLiteral("method"), QStringLiteral("logistic")},
                                                                  {QStringLiteral("folds"), 4}});
    QVERIFY(model.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("m.json"));
    QVERIFY(model->save(path).ok());
    QCOMPARE(ModelRegistry::peekKind(path).value(), QString::fromLatin1(FeatureClassifierModel::Kind));
    auto loaded = ModelRegistry::instance().load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
    QCOMPARE((*loaded)->kind(), QString::fromLatin1(FeatureClassifierModel::Kind));
    const auto a = model->predict(test), b = (*loaded)->predict(test);
    QVERIFY(a.ok() && b.ok());
    for (size_t i = 0; i < a->size(); ++i)
        QCOMPARE((*a)[i].findings[1].probability, (*b)[i].findings[1].probability);
}

void TestModelRegistry::featureClassifierThreeClasses()
{
    const FeatureTable train = blobs(50, 3, 5), test = blobs(50, 3, 6);
    auto model = FeatureClassifierModel::train(train, QJsonObject{{QStringLiteral("method"), QStringLiteral("logistic")},
                                                                  {QStringLiteral("folds"), 3}});
    QVERIFY(model.ok());
    auto p = model->predict(test);
    QVERIFY(p.ok());
    QVERIFY(accuracy(p.value(), test) > 0.85);
    QCOMPARE(model->outOfFold().cols, 3);
}

void TestModelRegistry::unknownKindIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("odd.json"));
    ModelDocument doc;
    doc.header.kind = QStringLiteral("crystal-ball");
    doc.payload = QJsonObject{{QStringLiteral("x"), 1}};
    QVERIFY(ModelFile::save(path, doc).ok());
    auto m = ModelRegistry::instance().load(path);
    QVERIFY(!m.ok());
    QVERIFY(m.error().toString().contains(QStringLiteral("crystal-ball")));
    QVERIFY(m.error().toString().contains(path));
    const QString notModel = dir.filePath(QStringLiteral("plain.json"));
    QFile f(notModel);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"hello\": 1}");
    f.close();
    QVERIFY(!ModelRegistry::instance().load(notModel).ok());
    QVERIFY(!ModelRegistry::instance().train(QStringLiteral("latent"), blobs(5, 2, 1), {}).ok());
}

void TestModelRegistry::latentModelLoadsThroughTheRegistry()
{
    PHOTOPEAK_REQUIRE_DATA(csv, QStringLiteral("gamma_flow/reference/loadings_trained_dim_model.csv"));
    auto latent = LatentModel::fromReferenceCsv(csv);
    QVERIFY(latent.ok());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("latent.json"));
    QVERIFY(latent->save(path).ok());
    auto m = ModelRegistry::instance().load(path);
    QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().toString()));
    QCOMPARE((*m)->kind(), QStringLiteral("latent"));
    QCOMPARE((*m)->labels(), latent->components());
    const auto *adapter = dynamic_cast<const LatentSpectrumModel *>(m->get());
    QVERIFY(adapter);
    QCOMPARE(adapter->latentModel()->componentCount(), latent->componentCount());
    QVERIFY(!(*m)->predict(blobs(5, 2, 1)).ok());
}

QTEST_GUILESS_MAIN(TestModelRegistry)
#include "tst_modelregistry.moc"
