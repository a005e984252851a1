// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ClassifierCli.h"

#include "CliOutput.h"

#include "ParameterOptions.h"

#include "features/SpectrumPreparer.h"
#include "ml/ClassifierParameters.h"
#include "ml/SpectrumClassifierModel.h"
#include "model/ModelRegistry.h"
#include "ml/TrainingSetBuilder.h"

#include <QFileInfo>

#include <utility>

using namespace photopeak;

ClassifierCli::ClassifierCli()
    : m_sources({QStringLiteral("S"), QStringLiteral("sources")}, QStringLiteral("Training folder of source spectra (labels from folder names). Repeatable."), QStringLiteral("dir")),
      m_backgrounds({QStringLiteral("B"), QStringLiteral("backgrounds")}, QStringLiteral("Training folder of background spectra. Repeatable."), QStringLiteral("dir")),
      m_train(QStringLiteral("train"), QStringLiteral("Training folder with sources and backgrounds told apart by folder names. Repeatable."), QStringLiteral("dir")),
      m_reference({QStringLiteral("b"), QStringLiteral("reference")}, QStringLiteral("Reference background file for the sigma test (default: mean of the training backgrounds)."), QStringLiteral("file")),
      m_activity({QStringLiteral("a"), QStringLiteral("activity")}, QStringLiteral("Estimate the activity of every reported isotope (classify; needs --efficiency FILE).")),
      m_test({QStringLiteral("T"), QStringLiteral("test")}, QStringLiteral("Test folder or file. Repeatable."), QStringLiteral("path")),
      m_model(QStringLiteral("model"), QStringLiteral("Model file."), QStringLiteral("file")),
      m_force(QStringLiteral("force"), QStringLiteral("Retrain even if the model file matches configuration and training data; "
                                                      "replace an output file that Photopeak did not write (an input is never replaced).")),
      m_arctan({QStringLiteral("q"), QStringLiteral("arctan")}, QStringLiteral("The old tool's arctan scaling (same as --transform arctan).")),
      m_synthetic(QStringLiteral("synthetic-count"), QStringLiteral("Synthetic spectra of each kind at once: sets --synthetic-singles, "
                                                                    "--synthetic-mixtures and --synthetic-backgrounds."), QStringLiteral("n"))
{
}

void ClassifierCli::addTrainingOptions(QCommandLineParser &p) const
{
    p.addOptions({m_sources, m_backgrounds, m_train, m_reference, m_force, m_arctan, m_synthetic});
    ParameterOptions::add(p, ClassifierParameters::table());
}

void ClassifierCli::addTestOptions(QCommandLineParser &p) const { p.addOptions({m_test, m_model, m_activity}); }

Result<ClassifierOptions> ClassifierCli::options(const QCommandLineParser &p) const
{
    const QString src = QStringLiteral("command line");
    // The old tool's method names (methods.md 1.8) map onto the table's.
    const auto legacyNames = [](const QString &key, const QString &value) {
        LearnerMethod m;
        if ((key == QLatin1String("detection") || key == QLatin1String("identification"))
            && value.compare(QLatin1String("sigma"), Qt::CaseInsensitive) != 0 && BinaryLearner::parseMethod(value, &m))
            return BinaryLearner::methodName(m);
        return value.trimmed().toLower();
    };
    QJsonObject base = ClassifierParameters::table().defaults();
    if (p.isSet(m_arctan))
        base[QStringLiteral("transform")] = QStringLiteral("arctan");
    if (p.isSet(m_synthetic)) {
        bool ok = false;
        const int n = p.value(m_synthetic).toInt(&ok);
        if (!ok || n < 0)
            return makeError(src, QStringLiteral("--synthetic-count needs a non-negative integer"));
        for (const char *key : {"synthetic-singles", "synthetic-mixtures", "synthetic-backgrounds"})
            base[QLatin1String(key)] = n;
    }
    auto values = ParameterOptions::values(p, ClassifierParameters::table(), base, legacyNames);
    if (!values)
        return values.error();
    return ClassifierParameters::options(*values, src);
}

bool ClassifierCli::hasTrainingFolders(const QCommandLineParser &p) const
{
    return p.isSet(m_sources) || p.isSet(m_backgrounds) || p.isSet(m_train);
}

Result<PreparedSet> ClassifierCli::openFolders(const QStringList &folders, const QStringList &labelsIfNone,
                                               QStringList *warnings)
{
    std::vector<SpectrumDataset> datasets;
    for (const QString &f : folders) {
        auto ds = QFileInfo(f).isDir() ? SpectrumDataset::openFolder(f) : Result<SpectrumDataset>(SpectrumDataset::openFile(f));
        if (!ds)
            return ds.error();
        TrainingSetBuilder::labelFromRootPath(*ds);
        if (!labelsIfNone.isEmpty())
            TrainingSetBuilder::labelUnlabelled(*ds, labelsIfNone);
        datasets.push_back(std::move(ds.value()));
    }
    PreparedSet set = PreparedSet::fromDatasets(std::move(datasets), EnergyGrid::xgdDefault());
    if (warnings)
        *warnings = set.skipped();
    return set;
}

Result<PreparedSet> ClassifierCli::trainingSet(const QCommandLineParser &p) const
{
    return trainingSetFrom(p.values(m_sources) + p.values(m_train), p.values(m_backgrounds));
}

Result<PreparedSet> ClassifierCli::trainingSetFrom(const QStringList &sources, const QStringList &backgrounds)
{
    return TrainingSetBuilder::fromFolders(sources, backgrounds, EnergyGrid::xgdDefault());
}

Result<SpectrumClassifier> ClassifierCli::trainOrReuse(const QCommandLineParser &p, const QString &modelPath,
                                                      bool *reused) const
{
    auto set = trainingSet(p);
    if (!set)
        return set.error();
    auto options = this->options(p);
    if (!options)
        return options.error();
    return trainOrReuse(*set, *options, modelPath, p.isSet(m_force), reused);
}

Result<SpectrumClassifier> ClassifierCli::loadClassifier(const QString &path)
{
    // The one loader of model files; a file of another kind is refused naming both kinds.
    auto model = ModelRegistry::instance().loadAs<SpectrumClassifierModel>(path, QString::fromLatin1(SpectrumClassifier::Kind));
    if (!model)
        return model.error();
    return *(*model)->classifier();
}

Result<SpectrumClassifier> ClassifierCli::trainOrReuse(const PreparedSet &set, const ClassifierOptions &options,
                                                      const QString &modelPath, bool force, bool *reused)
{
    *reused = false;
    for (const QString &w : set.skipped())
        cliErr() << "  skipped " << w << "\n";
    cliErr().flush();
    if (!modelPath.isEmpty() && !force && QFileInfo::exists(modelPath)) {
        auto existing = loadClassifier(modelPath);
        if (existing && existing->trainingHash() == set.contentHash()
            && existing->options().toJson() == options.toJson()) {
            *reused = true;
            return existing;
        }
    }
    JobControl job;
    job.setProgressCallback([](qint64 done, qint64 total, const QString &stage) {
        cliErr() << "\r  " << stage << " " << done << "/" << total << "        ";
        cliErr().flush();
    });
    auto model = SpectrumClassifier::train(set, options, &job);
    cliErr() << "\r" << QString(60, QLatin1Char(' ')) << "\r";
    cliErr().flush();
    return model;
}

Status ClassifierCli::applyReference(const QCommandLineParser &p, SpectrumClassifier &model) const
{
    if (!p.isSet(m_reference))
        return Ok{};
    const QString ref = p.value(m_reference);
    auto ds = SpectrumDataset::openFile(ref);
    if (ds.size() != 1 || !ds.entries().front().isUsable())
        return makeError(ref, QStringLiteral("reference background is not one usable spectrum"));
    SpectrumPreparer prep(model.grid());
    auto prepared = prep.prepare(ds.entries().front().spectrum);
    if (!prepared)
        return prepared.error();
    SigmaTestOptions so = model.options().sigma;
    auto cli = options(p);
    if (cli)
        so = cli->sigma;
    auto sigma = SigmaTest::fromReference(so, model.grid(), *prepared, ref);
    if (!sigma)
        return sigma.error();
    model.setSigmaTest(std::move(sigma.value()));
    return Ok{};
}

Result<SpectrumClassifier> ClassifierCli::modelFor(const QCommandLineParser &p) const
{
    if (!p.isSet(m_model) && !hasTrainingFolders(p))
        return makeError(QStringLiteral("command line"), QStringLiteral("give --model FILE or training folders (-S/-B/--train)"));
    bool reused = false;
    auto model = hasTrainingFolders(p) ? trainOrReuse(p, p.value(m_model), &reused) : loadClassifier(p.value(m_model));
    if (!model)
        return model;
    if (const Status st = applyReference(p, *model); !st)
        return st.error();
    return model;
}

QStringList ClassifierCli::inputPaths(const QCommandLineParser &parser, const QString &command, const QString &what) const
{
    const QStringList paths = testFolders(parser) + parser.positionalArguments();
    if (paths.isEmpty())
        cliErr() << "photopeak-cli " << command << ": give files or folders to " << what << " (-T PATH)\n";
    return paths;
}

QStringList ClassifierCli::inputsRead(const QCommandLineParser &p) const
{
    return p.values(m_sources) + p.values(m_backgrounds) + p.values(m_train) + p.values(m_test)
           + QStringList{p.value(m_reference), p.value(m_model)} + p.positionalArguments();
}
