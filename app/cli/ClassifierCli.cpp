#include "ClassifierCli.h"

#include "CliOutput.h"

#include "features/SpectrumPreparer.h"
#include "ml/TrainingSetBuilder.h"

#include <QFileInfo>

#include <utility>

using namespace photopeak;

ClassifierCli::ClassifierCli()
    : m_sources({QStringLiteral("S"), QStringLiteral("sources")}, QStringLiteral("Training folder of source spectra (labels from folder names). Repeatable."), QStringLiteral("dir")),
      m_backgrounds({QStringLiteral("B"), QStringLiteral("backgrounds")}, QStringLiteral("Training folder of background spectra. Repeatable."), QStringLiteral("dir")),
      m_train(QStringLiteral("train"), QStringLiteral("Training folder with sources and backgrounds told apart by folder names. Repeatable."), QStringLiteral("dir")),
      m_reference({QStringLiteral("b"), QStringLiteral("reference")}, QStringLiteral("Reference background file for the sigma test (default: mean of the training backgrounds)."), QStringLiteral("file")),
      m_detection({QStringLiteral("m"), QStringLiteral("detection")}, QStringLiteral("Detection: logistic (default), rbf-svm, linear-svm, random-forest, sigma; old names mlrf, mldt, mllgr accepted."), QStringLiteral("method"), QStringLiteral("logistic")),
      m_identification({QStringLiteral("M"), QStringLiteral("identification")}, QStringLiteral("Identification learner: logistic (default), rbf-svm, linear-svm, random-forest."), QStringLiteral("method"), QStringLiteral("logistic")),
      m_detFeatures({QStringLiteral("f"), QStringLiteral("detection-features")}, QStringLiteral("Detection features: average (default, 25-keV significance), linfit, full."), QStringLiteral("kind"), QStringLiteral("average")),
      m_idFeatures({QStringLiteral("F"), QStringLiteral("identification-features")}, QStringLiteral("Identification features: template-fit (default), average (5 keV), linfit, full."), QStringLiteral("kind"), QStringLiteral("template-fit")),
      m_arctan({QStringLiteral("q"), QStringLiteral("arctan")}, QStringLiteral("Arctan scaling of the features (default: signed log).")),
      m_identify({QStringLiteral("c"), QStringLiteral("identify")}, QStringLiteral("Identify isotopes (on by default; kept for the old flag).")),
      m_noIdentify(QStringLiteral("no-identify"), QStringLiteral("Detection only.")),
      m_activity({QStringLiteral("a"), QStringLiteral("activity")}, QStringLiteral("Estimate the activity of every reported isotope (classify; needs --efficiency FILE).")),
      m_test({QStringLiteral("T"), QStringLiteral("test")}, QStringLiteral("Test folder or file. Repeatable."), QStringLiteral("path")),
      m_model(QStringLiteral("model"), QStringLiteral("Model file."), QStringLiteral("file")),
      m_seed(QStringLiteral("seed"), QStringLiteral("Seed of folds and synthetic spectra (default 20221)."), QStringLiteral("n"), QStringLiteral("20221")),
      m_folds(QStringLiteral("folds"), QStringLiteral("Grouped cross-validation folds (default 5)."), QStringLiteral("k"), QStringLiteral("5")),
      m_calibration(QStringLiteral("calibration"), QStringLiteral("Probability calibration: platt (default) or isotonic."), QStringLiteral("method"), QStringLiteral("platt")),
      m_noSynthetic(QStringLiteral("no-synthetic"), QStringLiteral("Train on measured spectra only.")),
      m_noMixtures(QStringLiteral("no-mixtures"), QStringLiteral("No synthetic mixtures (weak sources and backgrounds only).")),
      m_noSearch(QStringLiteral("no-search"), QStringLiteral("No hyper-parameter search (defaults).")),
      m_k(QStringLiteral("k"), QStringLiteral("Sigma test threshold in standard deviations (default 3)."), QStringLiteral("k"), QStringLiteral("3")),
      m_window(QStringLiteral("window"), QStringLiteral("Sigma test energy window LOW:HIGH keV. Repeatable."), QStringLiteral("lo:hi")),
      m_force(QStringLiteral("force"), QStringLiteral("Retrain even if the model file matches configuration and training data; "
                                                      "replace an output file that Photopeak did not write (an input is never replaced).")),
      m_threshold(QStringLiteral("threshold"), QStringLiteral("Probability at which an isotope is reported (default 0.5)."), QStringLiteral("p"), QStringLiteral("0.5")),
      m_transform(QStringLiteral("transform"), QStringLiteral("Feature transform: log (default), arctan, none."), QStringLiteral("name"), QStringLiteral("log")),
      m_noStandardise(QStringLiteral("no-standardise"), QStringLiteral("Do not standardise the features.")),
      m_targetFa(QStringLiteral("target-false-alarm"), QStringLiteral("Detection operating point: share of held-out backgrounds called Source (default 0.01; 0 = probability 0.5)."), QStringLiteral("rate"), QStringLiteral("0.01")),
      m_minStrength(QStringLiteral("min-strength"), QStringLiteral("Weakest synthetic source relative to the measured one (default 0.01)."), QStringLiteral("a"), QStringLiteral("0.01")),
      m_templateSys(QStringLiteral("template-systematic"), QStringLiteral("Relative shape uncertainty of the isotope templates (default 0.2)."), QStringLiteral("s"), QStringLiteral("0.2")),
      m_synthetic(QStringLiteral("synthetic"), QStringLiteral("Synthetic spectra of each kind: weak single sources, mixtures, backgrounds (default 2500, 2500, 2000)."), QStringLiteral("n")),
      m_idMinStrength(QStringLiteral("identification-min-strength"), QStringLiteral("Weakest synthetic source the identifier trains on, relative to the measured one (default 0.2, chosen by leave-one-setting-out validation; 0 = as --min-strength)."), QStringLiteral("a"), QStringLiteral("0.2")),
      m_mixtureBackground(QStringLiteral("mixture-background"), QStringLiteral("Background that strong mixture components bring beyond the live time: live-time (default: the live time becomes the background live time held, exact), subtract (mean background removed), surplus (kept)."), QStringLiteral("mode"), QStringLiteral("live-time")),
      m_lineFeatures(QStringLiteral("line-features"), QStringLiteral("Per-isotope line features added to the identification features: none (default), net (net count rate in a window around each strongest library line, continuum from side bands), significance (net / its standard deviation)."), QStringLiteral("kind"), QStringLiteral("none")),
      m_linesPerIsotope(QStringLiteral("lines-per-isotope"), QStringLiteral("Strongest library gamma lines per isotope for --line-features (default 3)."), QStringLiteral("n"), QStringLiteral("3"))
{
}

void ClassifierCli::addTrainingOptions(QCommandLineParser &p) const
{
    p.addOptions({m_sources, m_backgrounds, m_train, m_reference, m_detection, m_identification, m_detFeatures,
                  m_idFeatures, m_arctan, m_identify, m_noIdentify, m_seed, m_folds, m_calibration, m_noSynthetic,
                  m_noMixtures, m_noSearch, m_k, m_window, m_force, m_threshold, m_transform, m_noStandardise,
                  m_targetFa, m_minStrength, m_templateSys, m_synthetic, m_mixtureBackground, m_idMinStrength,
                  m_lineFeatures, m_linesPerIsotope});
}

void ClassifierCli::addTestOptions(QCommandLineParser &p) const { p.addOptions({m_test, m_model, m_activity}); }

Result<ClassifierOptions> ClassifierCli::options(const QCommandLineParser &p) const
{
    const QString src = QStringLiteral("command line");
    ClassifierOptions o;
    const QString det = p.value(m_detection);
    o.sigmaDetection = det.compare(QLatin1String("sigma"), Qt::CaseInsensitive) == 0;
    if (!o.sigmaDetection && !BinaryLearner::parseMethod(det, &o.detectionMethod))
        return makeError(src, QStringLiteral("unknown detection method '%1'").arg(det));
    if (!BinaryLearner::parseMethod(p.value(m_identification), &o.identificationMethod))
        return makeError(src, QStringLiteral("unknown identification method '%1'").arg(p.value(m_identification)));
    FeatureKind k;
    if (!FeatureConfig::parseKind(p.value(m_detFeatures), &k))
        return makeError(src, QStringLiteral("unknown detection features '%1'").arg(p.value(m_detFeatures)));
    o.detectionFeatures.kind = k;
    if (!FeatureConfig::parseKind(p.value(m_idFeatures), &k))
        return makeError(src, QStringLiteral("unknown identification features '%1'").arg(p.value(m_idFeatures)));
    if (k != FeatureKind::TemplateFit) {
        o.identificationFeatures = FeatureConfig::detectionDefault();
        o.identificationFeatures.segmentKeV = 5.0;
    }
    o.identificationFeatures.kind = k;
    FeatureTransform transform = FeatureTransform::Log;
    if (!FeatureConfig::parseTransform(p.value(m_transform), &transform))
        return makeError(src, QStringLiteral("--transform must be log, arctan or none"));
    if (p.isSet(m_arctan))
        transform = FeatureTransform::Arctan;
    o.detectionFeatures.transform = o.identificationFeatures.transform = transform;
    if (p.isSet(m_noStandardise))
        o.detectionFeatures.standardise = o.identificationFeatures.standardise = false;
    o.identify = !p.isSet(m_noIdentify);
    bool ok = false;
    o.seed = p.value(m_seed).toULongLong(&ok);
    if (!ok)
        return makeError(src, QStringLiteral("--seed needs a non-negative integer"));
    o.folds = p.value(m_folds).toInt(&ok);
    if (!ok || o.folds < 2)
        return makeError(src, QStringLiteral("--folds needs an integer of at least 2"));
    if (!ProbabilityCalibrator::parseMethod(p.value(m_calibration), &o.calibration))
        return makeError(src, QStringLiteral("--calibration must be platt or isotonic"));
    o.augment = !p.isSet(m_noSynthetic);
    o.augmentMixtures = !p.isSet(m_noMixtures);
    o.searchHyperParameters = !p.isSet(m_noSearch);
    o.sigma.k = p.value(m_k).toDouble(&ok);
    if (!ok || !(o.sigma.k > 0))
        return makeError(src, QStringLiteral("--k needs a positive number"));
    for (const QString &w : p.values(m_window)) {
        const QStringList parts = w.split(QLatin1Char(':'));
        bool a = false, b = false;
        const double lo = parts.value(0).toDouble(&a), hi = parts.value(1).toDouble(&b);
        if (parts.size() != 2 || !a || !b || !(hi > lo))
            return makeError(src, QStringLiteral("--window needs LOW:HIGH keV with LOW < HIGH, got '%1'").arg(w));
        o.sigma.windowsKeV.emplace_back(lo, hi);
    }
    o.targetFalseAlarm = p.value(m_targetFa).toDouble(&ok);
    if (!ok || o.targetFalseAlarm < 0.0 || o.targetFalseAlarm >= 0.5)
        return makeError(src, QStringLiteral("--target-false-alarm needs a rate in [0, 0.5)"));
    o.synthetic.minStrength = p.value(m_minStrength).toDouble(&ok);
    if (!ok || !(o.synthetic.minStrength > 0.0 && o.synthetic.minStrength <= 1.0))
        return makeError(src, QStringLiteral("--min-strength needs a value in (0, 1]"));
    o.identificationFeatures.templateSystematic = p.value(m_templateSys).toDouble(&ok);
    if (!ok || o.identificationFeatures.templateSystematic < 0.0)
        return makeError(src, QStringLiteral("--template-systematic needs a non-negative value"));
    if (!FeatureConfig::parseLines(p.value(m_lineFeatures), &o.identificationFeatures.lines))
        return makeError(src, QStringLiteral("--line-features needs none, net or significance"));
    o.identificationFeatures.linesPerLabel = p.value(m_linesPerIsotope).toInt(&ok);
    if (!ok || o.identificationFeatures.linesPerLabel < 1)
        return makeError(src, QStringLiteral("--lines-per-isotope needs a positive integer"));
    if (p.isSet(m_synthetic)) {
        const int n = p.value(m_synthetic).toInt(&ok);
        if (!ok || n < 0)
            return makeError(src, QStringLiteral("--synthetic needs a non-negative integer"));
        o.synthetic.singles = o.synthetic.mixtures = o.synthetic.backgrounds = n;
    }
    o.synthetic.identificationMinStrength = p.value(m_idMinStrength).toDouble(&ok);
    if (!ok || o.synthetic.identificationMinStrength < 0.0 || o.synthetic.identificationMinStrength > 1.0)
        return makeError(src, QStringLiteral("--identification-min-strength needs a value in [0, 1]"));
    if (!SyntheticOptions::parseMixtureBackground(p.value(m_mixtureBackground), &o.synthetic.mixtureBackground))
        return makeError(src, QStringLiteral("--mixture-background needs live-time, subtract or surplus"));
    o.decisionThreshold = p.value(m_threshold).toDouble(&ok);
    if (!ok || !(o.decisionThreshold > 0.0 && o.decisionThreshold < 1.0))
        return makeError(src, QStringLiteral("--threshold needs a probability between 0 and 1"));
    return o;
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

Result<SpectrumClassifier> ClassifierCli::trainOrReuse(const PreparedSet &set, const ClassifierOptions &options,
                                                      const QString &modelPath, bool force, bool *reused)
{
    *reused = false;
    for (const QString &w : set.skipped())
        cliErr() << "  skipped " << w << "\n";
    cliErr().flush();
    if (!modelPath.isEmpty() && !force && QFileInfo::exists(modelPath)) {
        auto existing = SpectrumClassifier::load(modelPath);
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
    auto model = hasTrainingFolders(p) ? trainOrReuse(p, p.value(m_model), &reused) : SpectrumClassifier::load(p.value(m_model));
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
