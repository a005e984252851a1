// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The latent model's options are declared once (LatentParameters): the table, the options struct and the model
// file agree on every key, default and range; the registry's "latent" kind carries the same table.
#include "ml/latent/LatentModel.h"
#include "ml/latent/LatentParameters.h"
#include "model/ModelRegistry.h"

#include <QTemporaryDir>
#include <QTest>

using namespace photopeak;

namespace {
LatentOptions unusual()
{
    LatentOptions o;
    o.poissonWeighted = true;
    o.poissonSteps = 3;
    o.gainAdjust = true;
    o.gainRange = 0.04;
    o.gainStep = 0.005;
    o.resolutionAdjust = true;
    o.resolutionMax = 12.0;
    o.resolutionStep = 1.5;
    o.alignTemplates = true;
    o.detection = DetectionRule::Significance;
    o.significance = 3.5;
    o.overdispersion = true;
    o.minShare = 0.2;
    o.shareThreshold = 0.15;
    return o;
}

// A two-component model on a small grid, enough to save and load.
LatentModel tinyModel(const LatentOptions &options)
{
    std::vector<double> edges;
    for (int i = 0; i <= 16; ++i)
        edges.push_back(20.0 * i);
    std::vector<double> loadings(32, 1.0 / 16.0);
    for (int c = 0; c < 16; ++c)
        loadings[size_t(c)] = c == 8 ? 0.5 : 0.5 / 15.0;
    auto m = LatentModel::fromLoadings({QStringLiteral("Cs137"), QStringLiteral("background")}, EnergyGrid(edges), 0,
                                       std::move(loadings));
    m->setOptions(options);
    return std::move(m).value();
}
} // namespace

class TestLatentParameters : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreTheTrainingDefaults()
    {
        const ParameterTable &t = LatentParameters::table();
        QCOMPARE(LatentParameters::values(LatentOptions::recommended()), t.defaults());
        auto o = LatentParameters::options({}, QStringLiteral("test"));
        QVERIFY(o);
        QCOMPARE(*o, LatentOptions::recommended());
        // A model file without options (or written before a key existed) keeps the struct's defaults.
        auto old = LatentParameters::fromModelJson({}, QStringLiteral("model.ppmodel"));
        QVERIFY(old);
        QCOMPARE(*old, LatentOptions());
    }

    void valuesRoundTrip()
    {
        for (const LatentOptions &o : {LatentOptions::plain(), LatentOptions::improved(), LatentOptions::recommended(), unusual()}) {
            auto back = LatentParameters::options(LatentParameters::values(o), QStringLiteral("test"));
            QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
            QCOMPARE(*back, o);
            // The model file's JSON reads back through the same validation.
            auto fromFile = LatentParameters::fromModelJson(o.toJson(), QStringLiteral("model.ppmodel"));
            QVERIFY2(fromFile, qPrintable(fromFile ? QString() : fromFile.error().toString()));
            QCOMPARE(*fromFile, o);
        }
        // Saved and loaded, by the model's own loader and by the one loader.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("latent.ppmodel"));
        QVERIFY(tinyModel(unusual()).save(path).ok());
        auto loaded = LatentModel::load(path);
        QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->options(), unusual());
        auto viaRegistry = ModelRegistry::instance().load(path);
        QVERIFY(viaRegistry);
        QCOMPARE((*viaRegistry)->options(), LatentParameters::values(unusual()));
    }

    void rangesAreEnforcedEverywhere()
    {
        auto far = LatentParameters::options({{QStringLiteral("z"), 100.0}}, QStringLiteral("command line"));
        QVERIFY(!far);
        QVERIFY(far.error().toString().contains(QStringLiteral("'z'")));
        QVERIFY(!LatentParameters::options({{QStringLiteral("decision"), QStringLiteral("vote")}}, QStringLiteral("x")));
        QVERIFY(!LatentParameters::options({{QStringLiteral("poisson-steps"), 2.5}}, QStringLiteral("x")));
        QVERIFY(!LatentParameters::options({{QStringLiteral("turbo"), true}}, QStringLiteral("x")));
        // The model file used to take any value, and an unknown rule silently became the share rule.
        const QString file = QStringLiteral("model.ppmodel");
        QJsonObject json = LatentOptions::recommended().toJson();
        json[QStringLiteral("detection")] = QStringLiteral("vote");
        auto rule = LatentParameters::fromModelJson(json, file);
        QVERIFY(!rule);
        QVERIFY(rule.error().toString().contains(file));
        json = LatentOptions::recommended().toJson();
        json[QStringLiteral("gainRange")] = QStringLiteral("wide");
        QVERIFY(!LatentParameters::fromModelJson(json, file));
        json = LatentOptions::recommended().toJson();
        json[QStringLiteral("turbo")] = true;
        QVERIFY(!LatentParameters::fromModelJson(json, file));
        // A saved model whose options are out of range is refused naming the file.
        LatentOptions bad = LatentOptions::recommended();
        bad.poissonSteps = 50;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.ppmodel"));
        QVERIFY(tinyModel(bad).save(path).ok());
        auto loaded = LatentModel::load(path);
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().toString().contains(path), qPrintable(loaded.error().toString()));
        QVERIFY(loaded.error().toString().contains(QStringLiteral("poisson-steps")));
        QVERIFY(!ModelRegistry::instance().load(path));
    }

    void everyOptionIsDescribedAndRegistered()
    {
        for (const ParameterSpec &s : LatentParameters::table().specs()) {
            QVERIFY2(qstrlen(s.label) > 0 && qstrlen(s.help) > 0 && qstrlen(s.group) > 0, qPrintable(s.key));
            if (s.type == ParameterSpec::Type::Choice)
                QVERIFY2(s.choiceLabels.size() == size_t(s.choices.size()), qPrintable(s.key));
        }
        // Every key of the options struct has its entry (values() writes each one).
        QCOMPARE(LatentParameters::values(LatentOptions()).size(), qsizetype(LatentParameters::table().specs().size()));
        QCOMPARE(LatentParameters::values(LatentOptions()).size(), LatentOptions().toJson().size());
        const ModelKind *kind = ModelRegistry::instance().find(QStringLiteral("latent"));
        QVERIFY(kind);
        QCOMPARE(kind->parameters.defaults(), LatentParameters::table().defaults());
    }
};

QTEST_GUILESS_MAIN(TestLatentParameters)
#include "tst_latentparameters.moc"
