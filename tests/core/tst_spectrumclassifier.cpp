// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "io/JsonChecksum.h"
#include "model/ModelFile.h"
#include "util/JsonNumbers.h"
#include "features/SpectrumPreparer.h"
#include "ml/SpectrumClassifier.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

using namespace photopeak;

namespace {
// A small detector world: 256 channels of 6 keV, flat background of 1 cps per channel, isotopes as
// Gaussian lines. Poisson counts from a fixed seed.
Spectrum simulate(std::mt19937_64 &rng, const std::vector<double> &linesKeV, double lineCps, double live)
{
    Spectrum s;
    s.calibration = EnergyCalibration::linear(6.0, 0.0);
    s.liveTime = live;
    s.counts.resize(256);
    for (int c = 0; c < 256; ++c) {
        double rate = 1.0;
        const double e = 6.0 * c + 3.0;
        for (double line : linesKeV)
            rate += lineCps * 6.0 * std::exp(-0.5 * std::pow((e - line) / 15.0, 2)) / (15.0 * std::sqrt(2 * M_PI));
        s.counts[static_cast<size_t>(c)] = std::poisson_distribution<int>(rate * live)(rng);
    }
    return s;
}

SpectrumDataset world(quint64 seed)
{
    std::mt19937_64 rng(seed);
    SpectrumDataset ds;
    auto add = [&](const QString &folder, const QStringList &labels, const std::vector<double> &lines, double cps) {
        for (int i = 0; i < 12; ++i) {
            DatasetEntry e;
            e.spectrum = simulate(rng, lines, cps, 10.0 + i);
            e.spectrum.labels = labels;
            e.relativePath = folder + QStringLiteral("/%1.sps").arg(i);
            ds.entries().push_back(std::move(e));
        }
    };
    for (int series = 0; series < 4; ++series) {
        add(QStringLiteral("bkgs/%1").arg(series), {QStringLiteral("background")}, {}, 0.0);
        add(QStringLiteral("srcs/Cs137/%1").arg(series), {QStringLiteral("Cs137")}, {662.0}, 40.0 + 20.0 * series);
        add(QStringLiteral("srcs/Co60/%1").arg(series), {QStringLiteral("Co60")}, {1173.0, 1333.0}, 40.0 + 20.0 * series);
    }
    return ds;
}

ClassifierOptions smallOptions()
{
    ClassifierOptions o;
    o.synthetic.singles = 150;
    o.synthetic.mixtures = 150;
    o.synthetic.backgrounds = 150;
    o.synthetic.minStrength = 0.1;
    o.searchHyperParameters = false;
    o.folds = 4;
    return o;
}
} // namespace

class TestSpectrumClassifier : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void detectsAndIdentifies();
    void saveLoadPredictsIdentically();
    void refusesMismatchedOrDamagedFiles_data();
    void refusesMismatchedOrDamagedFiles();

private:
    std::optional<PreparedSet> m_set;
    std::optional<SpectrumClassifier> m_model;
    QTemporaryDir m_dir;
    QString m_path;
};

void TestSpectrumClassifier::initTestCase()
{
    std::vector<SpectrumDataset> list;
    list.push_back(world(42));
    m_set = PreparedSet::fromDatasets(std::move(list), EnergyGrid::uniform(0, 1500, 1));
    QCOMPARE(m_set->size(), 144);
    QCOMPARE(m_set->singleIsotopes(), (QStringList{QStringLiteral("Co60"), QStringLiteral("Cs137")}));
    auto model = SpectrumClassifier::train(*m_set, smallOptions());
    QVERIFY2(model.ok(), model.ok() ? "" : qPrintable(model.error().toString()));
    m_model = std::move(model.value());
    m_path = m_dir.filePath(QStringLiteral("model.json"));
    QVERIFY(m_model->save(m_path).ok());
}

void TestSpectrumClassifier::detectsAndIdentifies()
{
    std::mt19937_64 rng(7);
    SpectrumPreparer prep(m_model->grid());
    const Classification mix = m_model->classify(*prep.prepare(simulate(rng, {662.0, 1173.0, 1333.0}, 60.0, 20.0)));
    QVERIFY(mix.source);
    QVERIFY(mix.sourceProbability && *mix.sourceProbability > 0.5);
    QCOMPARE(mix.isotopes, (QStringList{QStringLiteral("Co60"), QStringLiteral("Cs137")}));
    int falseAlarms = 0;
    for (int i = 0; i < 20; ++i) {
        const Classification b = m_model->classify(*prep.prepare(simulate(rng, {}, 0.0, 15.0)));
        falseAlarms += b.source ? 1 : 0;
        QVERIFY(b.isotopes.isEmpty() || b.source);
        for (double p : b.isotopeProbabilities)
            QVERIFY(p >= 0.0 && p <= 1.0);
    }
    QVERIFY2(falseAlarms <= 2, qPrintable(QString::number(falseAlarms)));
    QVERIFY(m_model->report().value(QStringLiteral("syntheticSources")).toInt() == 300);
}

void TestSpectrumClassifier::saveLoadPredictsIdentically()
{
    auto loaded = SpectrumClassifier::load(m_path);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
    QCOMPARE(loaded->isotopeLabels(), m_model->isotopeLabels());
    QCOMPARE(loaded->trainingHash(), m_set->contentHash());
    std::mt19937_64 rng(9);
    SpectrumPreparer prep(m_model->grid());
    for (int i = 0; i < 5; ++i) {
        const PreparedSpectrum s = *prep.prepare(simulate(rng, {662.0}, 10.0 * i, 10.0));
        const Classification a = m_model->classify(s), b = loaded->classify(s);
        QCOMPARE(*a.sourceProbability, *b.sourceProbability);
        QCOMPARE(a.isotopeProbabilities, b.isotopeProbabilities);
        QCOMPARE(a.sigma.significance, b.sigma.significance);
    }
}

void TestSpectrumClassifier::refusesMismatchedOrDamagedFiles_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("expected");
    QTest::newRow("kind") << "kind" << "model is needed";
    QTest::newRow("version") << "version" << "not supported";
    QTest::newRow("labels") << "labels" << "label order";
    QTest::newRow("features") << "features" << "does not match";
    QTest::newRow("grid") << "grid" << "grid";
    QTest::newRow("learner") << "learner" << "unknown learner";
    QTest::newRow("method") << "method" << "does not match its parameters";
}

void TestSpectrumClassifier::refusesMismatchedOrDamagedFiles()
{
    QFETCH(QString, what);
    QFETCH(QString, expected);
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    f.close();
    if (what == QLatin1String("kind"))
        o[QStringLiteral("kind")] = QStringLiteral("latent");
    else if (what == QLatin1String("version"))
        o[QStringLiteral("formatVersion")] = ModelHeader::CurrentFormatVersion + 1;
    else if (what == QLatin1String("labels"))
        o[QStringLiteral("labels")] = QJsonArray{QStringLiteral("Source"), QStringLiteral("Cs137"), QStringLiteral("Co60")};
    else if (what == QLatin1String("features")) {
        QJsonObject feats = o[QStringLiteral("features")].toObject();
        QJsonObject det = feats[QStringLiteral("detection")].toObject();
        det[QStringLiteral("segmentKeV")] = 10.0;
        feats[QStringLiteral("detection")] = det;
        o[QStringLiteral("features")] = feats;
    } else if (what == QLatin1String("grid"))
        o[QStringLiteral("gridEdges")] = JsonNumbers::encodeDoubles({0.0, 1.0, 2.0});
    else if (what == QLatin1String("learner")) {
        QJsonObject payload = o[QStringLiteral("payload")].toObject();
        QJsonObject det = payload[QStringLiteral("detector")].toObject();
        QJsonObject cls = det[QStringLiteral("classifier")].toObject();
        QJsonObject learner = cls[QStringLiteral("learner")].toObject();
        learner[QStringLiteral("method")] = QStringLiteral("quantum-annealer");
        cls[QStringLiteral("learner")] = learner;
        det[QStringLiteral("classifier")] = cls;
        payload[QStringLiteral("detector")] = det;
        o[QStringLiteral("payload")] = payload;
    } else if (what == QLatin1String("method"))
        o[QStringLiteral("method")] = QStringLiteral("rbf-svm+logistic");
    const QString bad = m_dir.filePath(what + QStringLiteral(".json"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // A crafted file with a fitting checksum: the content checks still refuse it (tst_modelfile covers the checksum).
    o.remove(QStringLiteral("checksum"));
    out.write(JsonChecksum::serialize(o));
    out.close();
    auto loaded = SpectrumClassifier::load(bad);
    QVERIFY(!loaded.ok());
    QVERIFY2(loaded.error().toString().contains(expected), qPrintable(loaded.error().toString()));
    QVERIFY(loaded.error().toString().startsWith(bad));
}

QTEST_GUILESS_MAIN(TestSpectrumClassifier)
#include "tst_spectrumclassifier.moc"
