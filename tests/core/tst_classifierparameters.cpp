// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// The spectrum classifier's options are declared once (ClassifierParameters): the table, the options struct
// and the model file agree on every key, default and range.
#include "ml/ClassifierParameters.h"

#include <QTest>

using namespace photopeak;

class TestClassifierParameters : public QObject {
    Q_OBJECT
private slots:
    void defaultsAreTheOptionsDefaults();
    void valuesRoundTrip();
    void rangesAreEnforcedEverywhere();
    void everyOptionIsDescribed();
};

void TestClassifierParameters::defaultsAreTheOptionsDefaults()
{
    const ParameterTable &t = ClassifierParameters::table();
    QCOMPARE(ClassifierParameters::values(ClassifierOptions()), t.defaults());
    auto o = ClassifierParameters::options({}, QStringLiteral("test"));
    QVERIFY(o);
    QCOMPARE(o->toJson(), ClassifierOptions().toJson());
}

void TestClassifierParameters::valuesRoundTrip()
{
    ClassifierOptions o;
    o.sigmaDetection = true;
    o.identificationMethod = LearnerMethod::RandomForest;
    o.identificationFeatures = FeatureConfig::detectionDefault();
    o.identificationFeatures.segmentKeV = 5.0;
    o.identificationFeatures.kind = FeatureKind::Linfit;
    o.detectionFeatures.transform = o.identificationFeatures.transform = FeatureTransform::Arctan;
    o.folds = 3;
    o.synthetic.singles = 10;
    o.synthetic.mixtureBackground = MixtureBackground::Subtract;
    o.sigma.k = 4.5;
    o.sigma.windowsKeV = {{30.0, 90.0}};
    o.seed = 42;
    auto back = ClassifierParameters::options(ClassifierParameters::values(o), QStringLiteral("test"));
    QVERIFY2(back, qPrintable(back ? QString() : back.error().toString()));
    QCOMPARE(back->toJson(), o.toJson());
    // The model file's JSON reads back through the same validation.
    auto fromFile = ClassifierOptions::fromJson(o.toJson(), QStringLiteral("model.json"));
    QVERIFY(fromFile);
    QCOMPARE(fromFile->toJson(), o.toJson());
}

void TestClassifierParameters::rangesAreEnforcedEverywhere()
{
    // The command line used to accept 50 folds and the window stopped at 20; the model file checked nothing.
    auto tooMany = ClassifierParameters::options({{QStringLiteral("folds"), 50}}, QStringLiteral("command line"));
    QVERIFY(!tooMany);
    QVERIFY(tooMany.error().toString().contains(QStringLiteral("folds")));
    ClassifierOptions o;
    o.folds = 50;
    auto file = ClassifierOptions::fromJson(o.toJson(), QStringLiteral("model.json"));
    QVERIFY(!file);
    QVERIFY(file.error().toString().contains(QStringLiteral("model.json")));
    QVERIFY(!ClassifierParameters::options({{QStringLiteral("detection"), QStringLiteral("deep")}}, QStringLiteral("x")));
    QVERIFY(!ClassifierParameters::options({{QStringLiteral("window"), QStringLiteral("100:50")}}, QStringLiteral("x")));
    QVERIFY(!ClassifierParameters::options({{QStringLiteral("threshold"), 1.5}}, QStringLiteral("x")));
}

void TestClassifierParameters::everyOptionIsDescribed()
{
    for (const ParameterSpec &s : ClassifierParameters::table().specs()) {
        QVERIFY2(qstrlen(s.label) > 0 && qstrlen(s.help) > 0 && qstrlen(s.group) > 0, qPrintable(s.key));
        if (s.type == ParameterSpec::Type::Choice)
            QVERIFY2(s.choiceLabels.size() == size_t(s.choices.size()), qPrintable(s.key));
    }
}

QTEST_GUILESS_MAIN(TestClassifierParameters)
#include "tst_classifierparameters.moc"
