// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "HitsCli.h"

#include "hits/HitClassifier.h"
#include "hits/HitEvaluation.h"
#include "hits/HitFeatureCsv.h"
#include "hits/HitModel.h"
#include "model/ModelRegistry.h"

#include <QDir>
#include <QJsonObject>

#include <set>

using namespace photopeak;

namespace {
struct Labelled {
    std::vector<int> rows;  // collection rows with a label
    std::vector<const HitImage *> images;
    std::vector<int> labels, groups;
    FeatureMatrix features;
};

Labelled labelled(const HitCollection &c, const FeatureMatrix &f, const QStringList &classes)
{
    Labelled l;
    const std::vector<int> y = c.labelIndices(classes), g = c.groups();
    for (int i = 0; i < c.size(); ++i)
        if (y[size_t(i)] >= 0) {
            l.rows.push_back(i);
            l.images.push_back(&c.hits()[size_t(i)].image);
            l.labels.push_back(y[size_t(i)]);
            l.groups.push_back(g[size_t(i)]);
        }
    l.features = f.select(l.rows);
    return l;
}

struct ModelOptions {
    QCommandLineOption epochs{QStringLiteral("epochs"), QStringLiteral("CNN training epochs (default 30)."), QStringLiteral("N"), QStringLiteral("30")};
    QCommandLineOption noAugment{QStringLiteral("no-augment"), QStringLiteral("CNN: train without augmentation.")};
    QCommandLineOption features{QStringLiteral("features"), QStringLiteral("SVM: comma list of feature names (default: all shape and brightness features)."), QStringLiteral("NAMES")};
    QCommandLineOption seed{QStringLiteral("seed"), QStringLiteral("Seed of folds and CNN (default 20260)."), QStringLiteral("N"), QStringLiteral("20260")};

    void add(QCommandLineParser &p) { p.addOptions({epochs, noAugment, features, seed}); }
    bool read(const QCommandLineParser &p, HitTrainOptions *o, quint64 *seedOut) const
    {
        bool ok1 = false, ok2 = false;
        o->cnn.epochs = p.value(epochs).toInt(&ok1);
        o->cnn.augment = !p.isSet(noAugment);
        o->cnn.seed = p.value(seed).toULongLong(&ok2);
        if (seedOut)
            *seedOut = o->cnn.seed;
        if (p.isSet(features))
            o->features = p.value(features).split(QLatin1Char(','), Qt::SkipEmptyParts);
        return ok1 && ok2 && o->cnn.epochs > 0;
    }
};
} // namespace

int runHitsTrain(const QStringList &args)
{
    HitsCli cli(QStringLiteral("train"));
    QCommandLineParser parser;
    ModelOptions mo;
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("rule (the published CREDO rule), svm or cnn."), QStringLiteral("M"), QStringLiteral("svm"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Model file (.json)."), QStringLiteral("FILE"));
    parser.addOptions({method, output});
    mo.add(parser);
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Labelled folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Train a hit classifier on the labelled hits of INPUT.")); rc >= 0)
        return rc;
    HitTrainOptions o;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output) || !HitTrainOptions::parseMethod(parser.value(method), &o.method)
        || !mo.read(parser, &o, nullptr) || !cli.readThreshold(parser, &o.threshold)) {
        cliErr() << cli.prefix() << "give one INPUT, -o FILE and --method rule|svm|cnn (see --help)\n";
        return 2;
    }
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    const QStringList classes = c->classNames();
    const Labelled l = labelled(*c, cli.features(*c, o.threshold), classes);
    auto model = HitClassifier::train(l.images, l.features, l.labels, l.groups, classes, o);
    if (!model) {
        cliErr() << cli.prefix() << model.error().toString() << "\n";
        return 1;
    }
    const Status st = model->save(parser.value(output), {{QStringLiteral("trainingHits"), int(l.rows.size())}});
    if (!st) {
        cliErr() << cli.prefix() << st.error().toString() << "\n";
        return 1;
    }
    cliOut() << QStringLiteral("%1 model on %2 labelled hits (%3) -> %4\n").arg(HitTrainOptions::methodName(o.method))
                    .arg(l.rows.size()).arg(classes.join(QStringLiteral(", ")), parser.value(output));
    return cli.inputStatus();
}

int runHitsClassify(const QStringList &args)
{
    HitsCli cli(QStringLiteral("classify"));
    QCommandLineParser parser;
    const QCommandLineOption model(QStringList{QStringLiteral("m"), QStringLiteral("model")}, QStringLiteral("Model file from 'hits train'."), QStringLiteral("FILE"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Features, class and probabilities per hit (CSV)."), QStringLiteral("FILE"));
    parser.addOptions({model, output});
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Classify hits with a trained model.")); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(model)) {
        cliErr() << cli.prefix() << "give -m MODEL and one INPUT (see --help)\n";
        return 2;
    }
    // Through the model registry, so a model file of another kind is refused by name.
    auto loaded = ModelRegistry::instance().load(parser.value(model));
    if (!loaded) {
        cliErr() << cli.prefix() << loaded.error().toString() << "\n";
        return 1;
    }
    const auto *hitModel = dynamic_cast<const HitModel *>(loaded->get());
    if (!hitModel) {
        cliErr() << cli.prefix() << parser.value(model) << ": a " << (*loaded)->kind() << " model, not a hit classifier\n";
        return 1;
    }
    const HitClassifier *m = &hitModel->classifier();
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    const FeatureMatrix f = cli.features(*c, m->threshold());
    std::vector<const HitImage *> images;
    for (const Hit &h : c->hits())
        images.push_back(&h.image);
    auto p = m->predict(images, f);
    if (!p) {
        cliErr() << cli.prefix() << p.error().toString() << "\n";
        return 1;
    }
    const QStringList classes = m->classes();
    std::vector<int> counts(size_t(classes.size()), 0);
    int agree = 0, known = 0;
    FeatureMatrix extra(p->rows, p->cols + 1);
    for (int i = 0; i < p->rows; ++i) {
        int best = 0;
        for (int k = 0; k < p->cols; ++k) {
            extra.at(i, k + 1) = p->at(i, k);
            if (p->at(i, k) > p->at(i, best))
                best = k;
        }
        extra.at(i, 0) = best;
        ++counts[size_t(best)];
        const QString &truth = c->hits()[size_t(i)].label;
        if (classes.contains(truth)) {
            ++known;
            agree += classes[best] == truth;
        }
    }
    for (int k = 0; k < int(classes.size()); ++k)
        cliOut() << QStringLiteral("%1: %2 hits\n").arg(classes[k]).arg(counts[size_t(k)]);
    if (known > 0)
        cliOut() << QStringLiteral("agreement with the labels of INPUT: %1 / %2 = %3 %\n").arg(agree).arg(known).arg(100.0 * agree / known, 0, 'f', 1);
    if (parser.isSet(output)) {
        QStringList names{QStringLiteral("class_index")};
        for (const QString &k : classes)
            names << QStringLiteral("p_%1").arg(k);
        const Status st = HitFeatureCsv::write(parser.value(output), c->hits(), f, names, &extra);
        if (!st) {
            cliErr() << cli.prefix() << st.error().toString() << "\n";
            return 1;
        }
    }
    return cli.inputStatus();
}

int runHitsEvaluate(const QStringList &args)
{
    HitsCli cli(QStringLiteral("evaluate"));
    QCommandLineParser parser;
    ModelOptions mo;
    const QCommandLineOption methods(QStringLiteral("methods"), QStringLiteral("Comma list of rule, svm, cnn (default all three)."), QStringLiteral("LIST"), QStringLiteral("rule,svm,cnn"));
    const QCommandLineOption folds(QStringLiteral("folds"), QStringLiteral("Grouped cross-validation folds (default 5)."), QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption misclassified(QStringLiteral("misclassified"), QStringLiteral("Folder for a PNG sheet of each method's misclassified hits."), QStringLiteral("DIR"));
    parser.addOptions({methods, folds, misclassified});
    mo.add(parser);
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Labelled folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Grouped cross-validation of the rule, the SVM and the CNN side by side "
                                                               "(groups: one device, or frame size when the device is unknown, on one day).")); rc >= 0)
        return rc;
    HitTrainOptions o;
    quint64 seed = 0;
    bool okFolds = false;
    const int k = parser.value(folds).toInt(&okFolds);
    std::vector<HitMethod> list;
    for (const QString &name : parser.value(methods).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        HitMethod m;
        if (!HitTrainOptions::parseMethod(name.trimmed(), &m)) {
            cliErr() << cli.prefix() << "unknown method '" << name << "'\n";
            return 2;
        }
        list.push_back(m);
    }
    if (parser.positionalArguments().size() != 1 || !okFolds || k < 2 || list.empty() || !mo.read(parser, &o, &seed)
        || !cli.readThreshold(parser, &o.threshold)) {
        cliErr() << cli.prefix() << "give one INPUT, --folds of at least 2 and --methods (see --help)\n";
        return 2;
    }
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    const QStringList classes = c->classNames();
    if (classes.size() < 2) {
        cliErr() << cli.prefix() << "INPUT needs labelled hits of at least two classes\n";
        return 1;
    }
    const Labelled l = labelled(*c, cli.features(*c, o.threshold), classes);
    QString table = QStringLiteral("%1 %2").arg(QStringLiteral("method"), -8).arg(QStringLiteral("accuracy"), 9);
    for (const QString &name : classes)
        table += QStringLiteral(" %1").arg(QStringLiteral("F1 ") + name, 10);
    table += QStringLiteral(" %1 %2 %3\n").arg(QStringLiteral("macro F1"), 9).arg(QStringLiteral("Brier"), 7).arg(QStringLiteral("seconds"), 8);
    QString details;
    int rc = cli.inputStatus();
    for (HitMethod m : list) {
        o.method = m;
        auto e = HitEvaluation::crossValidate(l.images, l.features, l.labels, l.groups, classes, o, k, seed);
        if (!e) {
            cliErr() << cli.prefix() << e.error().toString() << "\n";
            rc = 1;
            continue;
        }
        table += QStringLiteral("%1 %2").arg(HitTrainOptions::methodName(m), -8).arg(100.0 * e->accuracy(), 8, 'f', 1) + QLatin1Char('%');
        for (int cl = 0; cl < int(classes.size()); ++cl)
            table += QStringLiteral(" %1").arg(e->f1(cl), 10, 'f', 3);
        table += QStringLiteral(" %1 %2 %3\n").arg(e->macroF1(), 9, 'f', 3).arg(e->brier(), 7, 'f', 3).arg(e->seconds, 8, 'f', 1);
        details += QStringLiteral("\n%1 (out-of-fold, %2 grouped folds):\n%3").arg(HitTrainOptions::methodName(m)).arg(k).arg(e->confusionTable());
        const std::vector<int> wrong = e->misclassified();
        QStringList ids;
        for (int r : wrong)
            ids << c->hits()[size_t(l.rows[size_t(r)])].id;
        details += QStringLiteral("misclassified (%1): %2\n").arg(wrong.size()).arg(ids.mid(0, 20).join(QStringLiteral(" ")) + (ids.size() > 20 ? QStringLiteral(" ...") : QString()));
        if (parser.isSet(misclassified) && !wrong.empty()) {
            QDir().mkpath(parser.value(misclassified));
            std::vector<const HitImage *> crops;
            for (int r : wrong)
                crops.push_back(l.images[size_t(r)]);
            if (!writeHitSheet(QDir(parser.value(misclassified)).filePath(QStringLiteral("misclassified_%1.png").arg(HitTrainOptions::methodName(m))), crops))
                rc = 1;
        }
    }
    cliOut() << QStringLiteral("%1 labelled hits, %2 groups, classes %3\n\n").arg(l.rows.size())
                    .arg(std::set<int>(l.groups.begin(), l.groups.end()).size()).arg(classes.join(QStringLiteral(", ")))
             << table << details;
    return rc;
}
