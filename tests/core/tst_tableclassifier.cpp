// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "tables/EventClassifier.h"
#include "tables/EventTraining.h"
#include "tables/FeatureNormalizer.h"
#include "model/FeatureTable.h"
#include "model/ModelRegistry.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

namespace {
// Synthetic neutrino events: tracks (numu CC) are longer and have more hits than showers.
EventTable synthetic(int n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> g(0.0, 1.0);
    std::vector<double> type, cc, length, hits, chi2, run;
    for (int i = 0; i < n; ++i) {
        const int kind = i % 4;  // numu CC, nue CC, numu NC, anti-numu CC
        type.push_back(kind == 1 ? 12 : kind == 3 ? -14 : 14);
        cc.push_back(kind == 2 ? 0 : 1);
        const bool track = kind == 0 || kind == 3;
        length.push_back((track ? 2.0 : 0.5) + g(rng));
        hits.push_back(std::exp((track ? 5.0 : 4.4) + 0.5 * g(rng)));
        chi2.push_back(g(rng));
        run.push_back(i / 50);
    }
    chi2[3] = 1e20;  // a failed fit
    EventTable t;
    t.addColumn(ColumnInfo{QStringLiteral("type"), ColumnType::Integer}, type);
    t.addColumn(ColumnInfo{QStringLiteral("is_cc"), ColumnType::Integer}, cc);
    t.addColumn(ColumnInfo{QStringLiteral("length"), ColumnType::Float}, length);
    t.addColumn(ColumnInfo{QStringLiteral("n_hits"), ColumnType::Float}, hits);
    t.addColumn(ColumnInfo{QStringLiteral("chi2"), ColumnType::Float}, chi2);
    t.addColumn(ColumnInfo{QStringLiteral("run_id"), ColumnType::Integer}, run);
    return t;
}

EventTrainingSpec spec()
{
    EventTrainingSpec s;
    s.features = {QStringLiteral("length"), QStringLiteral("n_hits"), QStringLiteral("chi2")};
    s.label = QStringLiteral("abs(type) == 14 && is_cc == 1");
    s.method = LearnerMethod::LinearSvm;
    s.search = false;
    s.folds = 4;
    s.groupColumn = QStringLiteral("run_id");
    s.permutationRepeats = 2;
    return s;
}
} // namespace

class TstTableClassifier : public QObject {
    Q_OBJECT
private slots:
    void normalisations()
    {
        FeatureMatrix x(10, 1);
        const double values[] = {1, 2, 2, 3, 10, 4, 4, 4, 7, 0.5};
        for (int i = 0; i < 10; ++i)
            x.at(i, 0) = values[i];
        // sklearn QuantileTransformer(n_quantiles=10, output_distribution="normal") on the same values.
        const FeatureNormalizer q = FeatureNormalizer::fit(FeatureNormalizer::Method::QuantileNormal, x, {}, 10);
        const double in[] = {0, 0.5, 1, 2, 2.5, 4, 5, 10, 11};
        const double sk[] = {-5.19933758, -5.19933758, -1.22064035, -0.5894558, -0.28221615, 0.4307273, 0.89577982, 5.19933758, 5.19933758};
        for (int i = 0; i < 9; ++i) {
            double v = in[i];
            q.apply(&v);
            QVERIFY2(std::abs(v - sk[i]) < 1e-6, qPrintable(QStringLiteral("%1 -> %2, sklearn %3").arg(in[i]).arg(v).arg(sk[i])));
        }
        const FeatureNormalizer z = FeatureNormalizer::fit(FeatureNormalizer::Method::ZScore, x);
        double v = 3.75;  // the mean
        z.apply(&v);
        QVERIFY(std::abs(v) < 1e-12);
        const FeatureNormalizer m = FeatureNormalizer::fit(FeatureNormalizer::Method::MinMax, x);
        v = 10;
        m.apply(&v);
        QCOMPARE(v, 1.0);
        v = 0.5;
        m.apply(&v);
        QCOMPARE(v, 0.0);
        // Stored and loaded: bit-identical.
        auto back = FeatureNormalizer::fromJson(q.toJson(), 1, QStringLiteral("test"));
        QVERIFY(back);
        for (double t : in) {
            double a = t, b = t;
            q.apply(&a);
            back->apply(&b);
            QCOMPARE(a, b);
        }
        QVERIFY(!FeatureNormalizer::fromJson(q.toJson(), 2, QStringLiteral("test")));
        QVERIFY(std::abs(FeatureNormalizer::normalQuantile(0.975) - 1.959963984540054) < 1e-8);
        QVERIFY(std::abs(FeatureNormalizer::normalQuantile(1e-7) + 5.199337582192817) < 1e-7);
    }

    void trainSavePredictExactly()
    {
        EventTable t = synthetic(800, 3);
        EventTrainingSpec s = spec();
        auto missing = MissingValues::parse(QStringLiteral("chi2=1e20"));
        QVERIFY(missing);
        MissingValues::apply(missing->sentinelsFor(QStringLiteral("chi2")), t.numbers(4).data(), t.rowCount());
        auto r = EventTraining::run(s, t, QStringLiteral("synthetic"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QVERIFY2(r->crossValidation.auc() > 0.85, qPrintable(QString::number(r->crossValidation.auc())));
        QVERIFY(r->test);
        QVERIFY(r->test->auc() > 0.85);
        QVERIFY(r->notes.join(QLatin1Char('\n')).contains(QStringLiteral("1 with a missing feature")));
        // 25 % held out per class: 199 of 799 rows; training balanced to 2 x the shower count.
        QCOMPARE(r->testRows + r->trainingRows, qint64(r->balance.groups[0].after + r->balance.groups[1].after + r->testRows));
        QCOMPARE(r->balance.groups[0].after, r->balance.groups[1].after);
        QCOMPARE(r->coefficients.size(), size_t(3));
        QCOMPARE(r->permutation.size(), size_t(3));
        // length separates the classes, chi2 is noise.
        QVERIFY(r->permutation[0].value > r->permutation[2].value);

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("m.json"));
        QVERIFY(r->model.save(path));
        auto loaded = EventClassifier::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        auto p1 = r->model.predict(t, QStringLiteral("synthetic"));
        auto p2 = loaded->predict(t, QStringLiteral("synthetic"));
        QVERIFY(p1 && p2);
        int identical = 0;
        for (size_t i = 0; i < p1->size(); ++i)
            identical += ((*p1)[i] == (*p2)[i]) || (std::isnan((*p1)[i]) && std::isnan((*p2)[i]));
        QCOMPARE(identical, 800);
        // The chunk path (column-wise) gives the numbers of the row-wise path training used.
        auto raw = loaded->rawFeatures(t, QStringLiteral("synthetic"));
        QVERIFY(raw);
        for (int i = 0; i < raw->rows; ++i) {
            if (i == 3)
                continue;
            std::vector<double> row(raw->row(i), raw->row(i) + raw->cols);
            loaded->normalizer().apply(row.data());
            QCOMPARE(loaded->probabilityOfNormalised(row.data()), (*p2)[static_cast<size_t>(i)]);
        }
        QVERIFY(std::isnan((*p2)[3]));  // missing chi2: no prediction
        QCOMPARE(loaded->definition().label, s.label);
        // The model layer loads it by its kind and predicts a feature table by column names.
        auto viaRegistry = ModelRegistry::instance().load(path);
        QVERIFY2(viaRegistry, qPrintable(viaRegistry ? QString() : viaRegistry.error().toString()));
        QCOMPARE((*viaRegistry)->kind(), QStringLiteral("event-table"));
        FeatureTable ft;
        ft.columns = {QStringLiteral("chi2"), QStringLiteral("n_hits"), QStringLiteral("length")};  // another order
        ft.x = FeatureMatrix(2, 3);
        for (int i = 0; i < 2; ++i) {
            ft.x.at(i, 0) = t.value(4, i);
            ft.x.at(i, 1) = t.value(3, i);
            ft.x.at(i, 2) = t.value(2, i);
        }
        auto preds = (*viaRegistry)->predict(ft);
        QVERIFY(preds);
        QCOMPARE(preds->size(), size_t(2));
        QCOMPARE((*preds)[0].findings[1].probability, (*p2)[0]);
        QCOMPARE((*preds)[0].findings[1].label, QStringLiteral("track"));
        ft.columns[2] = QStringLiteral("len");
        QVERIFY(!(*viaRegistry)->predict(ft));
        QCOMPARE(loaded->definition().positiveName, QStringLiteral("track"));
    }

    void refusesTablesWithoutTheColumns()
    {
        auto r = EventTraining::run(spec(), synthetic(400, 5), QStringLiteral("synthetic"));
        QVERIFY(r);
        EventTable other;
        other.addColumn(ColumnInfo{QStringLiteral("length"), ColumnType::Float}, std::vector<double>{1, 2});
        other.addColumn(ColumnInfo{QStringLiteral("chi2"), ColumnType::String}, QStringList{QStringLiteral("a"), QStringLiteral("b")});
        auto p = r->model.predict(other, QStringLiteral("other.h5"));
        QVERIFY(!p);
        QCOMPARE(p.error().source, QStringLiteral("other.h5"));
        QVERIFY2(p.error().message.contains(QStringLiteral("lacks the model's feature column n_hits")), qPrintable(p.error().message));
        QVERIFY2(p.error().message.contains(QStringLiteral("text where the model needs numbers in chi2")), qPrintable(p.error().message));
    }

    void badSpecsAreRefused()
    {
        EventTrainingSpec s = spec();
        s.label = QStringLiteral("abs(type == 14");
        QVERIFY(!EventTraining::run(s, synthetic(100, 1), QStringLiteral("synthetic")));
        s = spec();
        s.features << QStringLiteral("energy");
        auto r = EventTraining::run(s, synthetic(100, 1), QStringLiteral("synthetic"));
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("energy")));
        s = spec();
        s.label = QStringLiteral("type > 100");  // no positives
        QVERIFY(!EventTraining::run(s, synthetic(100, 1), QStringLiteral("synthetic")));
    }
};

QTEST_GUILESS_MAIN(TstTableClassifier)
#include "tst_tableclassifier.moc"
