// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"
#include "ParameterOptions.h"

#include "metrics/LabelSetMetrics.h"
#include "eval/LatentEvaluation.h"
#include "eval/LatentProtocol.h"
#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "library/SpectrumDataset.h"
#include "ml/latent/LatentAnalyser.h"
#include "ml/latent/LatentParameters.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "model/ModelRegistry.h"
#include "ml/latent/LatentTrainer.h"
#include "spectrum/Rebinner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSet>

using namespace photopeak;

namespace {
const QString kUsage = QStringLiteral(
    "GAMMA_FLOW latent decomposition: loadings per component, non-negative least squares scores.\n\n"
    "  latent train    [--data DIR [--detector NAME] | --train FILES | INPUTS...] -o MODEL\n"
    "                                                       train loadings (and unknown-isotope thresholds)\n"
    "  latent classify -m MODEL INPUTS...                   decompose and label spectra (any readable format)\n"
    "  latent evaluate [--data DIR] [--detector NAME]       the GAMMA_FLOW protocol of one detector (files *_NAME.h5,\n"
    "                  | --train FILES --test FILES [--multi FILES]   or explicit lists), plain vs the default\n\n"
    "Improvements (--improve, comma list): default (poisson,gain,match,twostage,quasi: the default of latent train),\n"
    "plain (the old method), poisson (Poisson-weighted fit), gain (per-spectrum energy-scale adjustment), resolution\n"
    "(per-spectrum Gaussian broadening of the isotope loadings), match (training: isotope loadings broadened once to\n"
    "the background's line widths), align (training: isotope loadings moved to the background's line positions),\n"
    "significance (5-sigma detection instead of the fixed 10 % share), twostage (a source alarm when the significant\n"
    "isotopes together hold more than 10 % of the scores, then every significant isotope), quasi (standard errors\n"
    "scaled by sqrt(deviance/dof)), minshare[=X] (an isotope share above X as well, default the old 0.1), z=X\n"
    "(significance at X sigma instead of 5), poisson=N (N re-weighted steps), all (poisson, gain and significance).");

QString defaultDataDir()
{
    const QByteArray env = qgetenv("GAMMA_FLOW_DATA_DIR");
    return env.isEmpty() ? QString() : QString::fromLocal8Bit(env);
}

bool parseImprovements(const QString &text, LatentOptions *o, QString *error)
{
    *o = LatentOptions::plain();
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString p = part.trimmed().toLower();
        if (p == QLatin1String("plain"))
            continue;
        if (p == QLatin1String("all"))
            *o = LatentOptions::improved();
        else if (p == QLatin1String("default"))
            *o = LatentOptions::recommended();
        else if (p == QLatin1String("twostage")) {
            o->detection = DetectionRule::TwoStage;
        }
        else if (p == QLatin1String("poisson"))
            o->poissonWeighted = true;
        else if (p == QLatin1String("gain"))
            o->gainAdjust = true;
        else if (p.startsWith(QLatin1String("minshare"))) {
            // minshare (the old tool's 0.1) or minshare=X: significance and a minimum isotope share.
            bool ok = true;
            if (o->detection == DetectionRule::ShareThreshold)
                o->detection = DetectionRule::Significance;
            o->minShare = p.contains(QLatin1Char('=')) ? p.section(QLatin1Char('='), 1).toDouble(&ok) : 0.1;
            if (!ok || !(o->minShare >= 0.0 && o->minShare < 1.0)) {
                *error = QStringLiteral("minshare=X needs 0 <= X < 1");
                return false;
            }
        } else if (p.startsWith(QLatin1String("poisson="))) {
            // poisson=N: N re-weighted steps (IRLS) instead of one.
            bool ok = false;
            o->poissonWeighted = true;
            o->poissonSteps = p.mid(8).toInt(&ok);
            if (!ok || o->poissonSteps < 1 || o->poissonSteps > 20) {
                *error = QStringLiteral("poisson=N needs 1 <= N <= 20");
                return false;
            }
        } else if (p.startsWith(QLatin1String("z="))) {
            // z=X: the significance rule's level (default 5, a priori); for sweeps.
            bool ok = false;
            if (o->detection == DetectionRule::ShareThreshold)
                o->detection = DetectionRule::Significance;
            o->significance = p.mid(2).toDouble(&ok);
            if (!ok || !(o->significance > 0.0)) {
                *error = QStringLiteral("z=X needs X > 0");
                return false;
            }
        } else if (p == QLatin1String("quasi")) {
            if (o->detection == DetectionRule::ShareThreshold)
                o->detection = DetectionRule::Significance;
            o->overdispersion = true;
        } else if (p == QLatin1String("align"))
            o->alignTemplates = true;
        else if (p == QLatin1String("match"))
            o->resolutionMatch = true;
        else if (p == QLatin1String("resolution"))
            o->resolutionAdjust = true;
        else if (p == QLatin1String("significance")) {
            if (o->detection == DetectionRule::ShareThreshold)
                o->detection = DetectionRule::Significance;
        }
        else {
            *error = QStringLiteral("unknown improvement '%1' (use poisson, gain, resolution, match, align, significance, twostage, quasi, minshare[=X], z=X, poisson=N, plain, default or all)").arg(part);
            return false;
        }
    }
    return true;
}

QString resolutionMatchText(const QJsonObject &trainingInfo)
{
    const QJsonObject m = trainingInfo.value(QStringLiteral("resolutionMatch")).toObject();
    return QStringLiteral("extra sigma %1 keV at 662 keV, template shift %4 keV (sigma^2/E: background lines %2, templates %3 keV)")
        .arg(m.value(QStringLiteral("extraSigmaAt662keV")).toDouble(), 0, 'f', 1)
        .arg(m.value(QStringLiteral("detectorSigma2PerKeV")).toDouble(), 0, 'f', 3)
        .arg(m.value(QStringLiteral("templateSigma2PerKeV")).toDouble(), 0, 'f', 3)
        .arg(m.value(QStringLiteral("templateShiftKeV")).toDouble(), 0, 'f', 2);
}

// A latent model file through the one loader (ModelRegistry); another kind is refused naming both.
Result<LatentModel> loadLatent(const QString &path)
{
    auto model = ModelRegistry::instance().loadAs<LatentSpectrumModel>(path, QStringLiteral("latent"));
    if (!model)
        return model.error();
    return *(*model)->latentModel();
}

int fail(const QString &what, const QString &message, int code = 1)
{
    cliErr() << "photopeak-cli latent " << what << ": " << message << "\n";
    cliErr().flush();
    return code;
}

// Every usable spectrum of the inputs (files or folders; labels from the file or the folder names).
Result<std::vector<DatasetEntry>> readInputs(const QStringList &inputs, int *unusable)
{
    std::vector<DatasetEntry> out;
    *unusable = 0;
    for (const QString &in : inputs) {
        if (!QFileInfo::exists(in))
            return makeError(in, QStringLiteral("no such file or folder"));
        SpectrumDataset ds;
        if (QFileInfo(in).isDir()) {
            auto opened = SpectrumDataset::openFolder(in);
            if (!opened)
                return opened.error();
            ds = std::move(*opened);
        } else {
            ds = SpectrumDataset::openFile(in);
        }
        for (DatasetEntry &e : ds.entries()) {
            if (!e.isUsable()) {
                ++*unusable;
                cliErr() << "skipped " << (e.relativePath.isEmpty() ? e.spectrum.sourcePath : e.relativePath) << ": "
                         << (e.isReadable() ? e.problemText() : e.message) << "\n";
                continue;
            }
            if (e.relativePath.isEmpty())
                e.relativePath = QFileInfo(in).fileName();
            out.push_back(std::move(e));
        }
    }
    cliErr().flush();
    return out;
}

// The protocol of --detector NAME (default left) in --data DIR, or of explicit --train/--test/--multi lists.
Result<LatentProtocol> protocolFrom(const QCommandLineParser &p, bool withTests)
{
    auto list = [&](const QString &name) {
        QStringList out;
        for (const QString &v : p.values(name))
            out << v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        return out;
    };
    if (p.isSet(QStringLiteral("train")) || (withTests && (p.isSet(QStringLiteral("test")) || p.isSet(QStringLiteral("multi"))))) {
        if (p.isSet(QStringLiteral("detector")))
            return makeError(QString(), QStringLiteral("give either --detector or --train/--test/--multi, not both"));
        if (!withTests)
            return LatentProtocol::fromFiles(list(QStringLiteral("train")), {}, {}, false);
        return LatentProtocol::fromFiles(list(QStringLiteral("train")), list(QStringLiteral("test")), list(QStringLiteral("multi")));
    }
    const QString dir = p.isSet(QStringLiteral("data")) ? p.value(QStringLiteral("data")) : defaultDataDir();
    if (dir.isEmpty())
        return makeError(QString(), QStringLiteral("give --data DIR (the GAMMA_FLOW data folder) or --train/--test lists"));
    return LatentProtocol::forDetector(dir, p.isSet(QStringLiteral("detector")) ? p.value(QStringLiteral("detector")) : QStringLiteral("left"));
}

void addProtocolOptions(QCommandLineParser &p, bool withTests)
{
    p.addOption({QStringLiteral("data"), QStringLiteral("GAMMA_FLOW data folder (default $GAMMA_FLOW_DATA_DIR)"), QStringLiteral("DIR")});
    p.addOption({QStringLiteral("detector"), QStringLiteral("measured detector of the protocol: files *_NAME.h5 (default left)"),
                 QStringLiteral("NAME")});
    p.addOption({QStringLiteral("train"), QStringLiteral("explicit training files (comma list or repeated; one component per row)"),
                 QStringLiteral("FILES")});
    if (!withTests)
        return;
    p.addOption({QStringLiteral("test"), QStringLiteral("explicit single-label test files (comma list or repeated)"), QStringLiteral("FILES")});
    p.addOption({QStringLiteral("multi"), QStringLiteral("explicit multi-label test files (comma list or repeated)"), QStringLiteral("FILES")});
}

int runTrainSub(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("training files or folders (else --data protocol)"), QStringLiteral("[INPUTS...]"));
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("model file to write"), QStringLiteral("MODEL")});
    addProtocolOptions(p, false);
    p.addOption({QStringLiteral("components"), QStringLiteral("comma list of components in output order (inputs only)"), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("isotope-detector"), QStringLiteral("use isotope spectra of this detector only (e.g. simulated)"), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("background-detector"), QStringLiteral("use background spectra of this detector only (e.g. left)"), QStringLiteral("NAME")});
    p.addOption({QStringLiteral("improve"), QStringLiteral("improvements stored in the model (default: default, i.e. "
                                                           "poisson,gain,match,twostage,quasi; plain = the old method)"),
                 QStringLiteral("LIST"), QStringLiteral("default")});
    p.addOption({QStringLiteral("from-csv"), QStringLiteral("import the old tool's loadings CSV instead of training"), QStringLiteral("CSV")});
    p.addOption(forceOutputOption());
    // The options stored in the model, one per entry of the table (the training panel's form is the same table);
    // given after --improve, they change what it chose.
    ParameterOptions::add(p, LatentParameters::table());
    if (int rc = parseCommandLine(p, args, kUsage + QStringLiteral("\n\nlatent train: build a model.")); rc >= 0)
        return rc;
    if (!p.isSet(QStringLiteral("output")))
        return fail(QStringLiteral("train"), QStringLiteral("missing -o MODEL"), 2);
    OutputGuard guard(p.positionalArguments(), p.isSet(QStringLiteral("force")));
    guard.addInputs({p.value(QStringLiteral("from-csv")), p.value(QStringLiteral("data"))});
    if (p.positionalArguments().isEmpty() && !p.isSet(QStringLiteral("data")))
        guard.addInput(defaultDataDir());
    if (const int refused = checkOutputs(QStringLiteral("latent train"), guard,
                                         {{p.value(QStringLiteral("output")), OutputKind::model(QStringLiteral("latent"))}});
        refused >= 0)
        return refused;
    LatentOptions improved;
    QString error;
    if (!parseImprovements(p.value(QStringLiteral("improve")), &improved, &error))
        return fail(QStringLiteral("train"), error, 2);
    // The old tool's loadings keep the old method unless --improve (or an option) says otherwise.
    if (p.isSet(QStringLiteral("from-csv")) && !p.isSet(QStringLiteral("improve")))
        improved = LatentOptions::plain();
    auto values = ParameterOptions::values(p, LatentParameters::table(), LatentParameters::values(improved));
    auto checked = values ? LatentParameters::options(*values, QStringLiteral("command line")) : Result<LatentOptions>(values.error());
    if (!checked)
        return fail(QStringLiteral("train"), checked.error().toString(), 2);
    const LatentOptions options = *checked;
    QElapsedTimer timer;
    timer.start();
    Result<LatentModel> model = makeError(QString(), QString());
    const QStringList inputs = p.positionalArguments();
    if (p.isSet(QStringLiteral("from-csv"))) {
        model = LatentModel::fromReferenceCsv(p.value(QStringLiteral("from-csv")));
        if (model)
            model->setOptions(options);
    } else if (!inputs.isEmpty()) {
        int unusable = 0;
        auto entries = readInputs(inputs, &unusable);
        if (!entries)
            return fail(QStringLiteral("train"), entries.error().toString());
        std::vector<Spectrum> spectra;
        QStringList found;
        for (DatasetEntry &e : *entries) {
            if (e.spectrum.labels.size() == 1 && !found.contains(e.spectrum.labels.front()))
                found << e.spectrum.labels.front();
            spectra.push_back(std::move(e.spectrum));
        }
        LatentTrainingSpec spec;
        if (p.isSet(QStringLiteral("components"))) {
            spec.components = p.value(QStringLiteral("components")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        } else {
            found.sort(Qt::CaseInsensitive);
            found.removeAll(QStringLiteral("background"));
            spec.components = found;
            spec.components << QStringLiteral("background");
        }
        for (const QString &c : spec.components) {
            const QString key = c == QLatin1String("background") ? QStringLiteral("background-detector") : QStringLiteral("isotope-detector");
            if (p.isSet(key))
                spec.detectorFilter[c] = p.value(key);
        }
        spec.options = options;
        model = LatentTrainer::train(spectra, spec);
    } else {
        if (!p.isSet(QStringLiteral("data")) && !p.isSet(QStringLiteral("train")) && defaultDataDir().isEmpty())
            return fail(QStringLiteral("train"), QStringLiteral("give training INPUTS, --data DIR [--detector NAME], --train FILES or --from-csv CSV"), 2);
        auto protocol = protocolFrom(p, false);
        if (!protocol)
            return fail(QStringLiteral("train"), protocol.error().toString());
        model = protocol->train(options);
    }
    if (!model)
        return fail(QStringLiteral("train"), model.error().toString());
    if (Status s = model->save(p.value(QStringLiteral("output"))); !s)
        return fail(QStringLiteral("train"), s.error().toString());
    QTextStream &out = cliOut();
    out << "model         " << p.value(QStringLiteral("output")) << " (" << model->options().describe() << ")\n";
    out << "components    " << model->components().join(QStringLiteral(", ")) << "\n";
    out << "grid          " << model->grid().describe() << ", fit over channels >= " << model->minChannel() << "\n";
    const QJsonObject per = model->trainingInfo().value(QStringLiteral("spectraPerComponent")).toObject();
    for (auto it = per.begin(); it != per.end(); ++it)
        out << QStringLiteral("  %1 %2 spectra\n").arg(it.key(), -12).arg(it.value().toInt());
    out << "unknown flag  line excess z > " << QString::number(model->unknownThresholds().lineExcess, 'f', 2)
        << " (largest of the training backgrounds; filter sigma^2 = " << QString::number(model->unknownThresholds().lineSigma2PerKeV, 'f', 3)
        << " keV x E); deviance/dof " << QString::number(model->unknownThresholds().deviancePerDof, 'f', 3)
        << " and old similarity cut " << QString::number(model->unknownThresholds().similarity, 'f', 4) << " (training quantile "
        << model->unknownThresholds().quantile << ", reported only)\n";
    if (model->trainingInfo().contains(QStringLiteral("resolutionMatch")))
        out << "resolution    " << resolutionMatchText(model->trainingInfo()) << "\n";
    out << "time          " << QString::number(timer.elapsed() / 1000.0, 'f', 2) << " s\n";
    return 0;
}

int runClassifySub(const QStringList &args)
{
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("spectrum files or folders"), QStringLiteral("INPUTS..."));
    p.addOption({{QStringLiteral("m"), QStringLiteral("model")}, QStringLiteral("latent model file"), QStringLiteral("MODEL")});
    p.addOption({QStringLiteral("improve"), QStringLiteral("override the model's improvements"), QStringLiteral("LIST")});
    p.addOption({QStringLiteral("summary"), QStringLiteral("print only the summary by label set, not one line per spectrum")});
    if (int rc = parseCommandLine(p, args, kUsage + QStringLiteral("\n\nlatent classify: decompose spectra.")); rc >= 0)
        return rc;
    const QStringList inputs = p.positionalArguments();
    if (!p.isSet(QStringLiteral("model")) || inputs.isEmpty())
        return fail(QStringLiteral("classify"), QStringLiteral("need -m MODEL and at least one input"), 2);
    auto model = loadLatent(p.value(QStringLiteral("model")));
    if (!model)
        return fail(QStringLiteral("classify"), model.error().toString());
    LatentOptions options = model->options();
    QString error;
    if (p.isSet(QStringLiteral("improve")) && !parseImprovements(p.value(QStringLiteral("improve")), &options, &error))
        return fail(QStringLiteral("classify"), error, 2);
    int unusable = 0;
    auto entries = readInputs(inputs, &unusable);
    if (!entries)
        return fail(QStringLiteral("classify"), entries.error().toString());
    Rebinner rebinner(model->grid());
    LatentAnalyser analyser(*model, options);
    QTextStream &out = cliOut();
    const bool lines = !p.isSet(QStringLiteral("summary"));
    if (lines) {
        out << "# " << options.describe() << "; shares in order " << model->components().join(QLatin1Char(',')) << "\n";
        out << "spectrum\tpredicted\tsingle\tshares\texplained_variance\tsimilarity\tdeviance_per_dof\tgain\tbroadening_keV\tline_excess_z\tline_excess_keV\tunknown\n";
    }
    LabelSetMetrics metrics(model->components());
    QMap<QString, QPair<int, int>> singleByTruth;
    int unknown = 0, outside = 0;
    for (const DatasetEntry &e : *entries) {
        if (const QString problem = model->domainProblem(e.spectrum); !problem.isEmpty()) {
            // Never judged silently by a model made for another grid: said, and left out of every figure.
            ++outside;
            if (lines)
                out << e.relativePath << (e.spectrum.indexInSource ? QStringLiteral("#%1").arg(e.spectrum.indexInSource) : QString())
                    << "\tout of domain: " << problem << "\n";
            continue;
        }
        const LatentResult r = analyser.analyse(rebinner.rebin(e.spectrum));
        unknown += r.unknown;
        if (lines) {
            QStringList sh;
            for (double v : r.shares)
                sh << QString::number(v, 'f', 4);
            out << e.relativePath << (e.spectrum.indexInSource ? QStringLiteral("#%1").arg(e.spectrum.indexInSource) : QString())
                << "\t" << r.predictedKey() << "\t" << r.singleLabel << "\t" << sh.join(QLatin1Char(',')) << "\t"
                << QString::number(r.explainedVariance, 'f', 4) << "\t" << QString::number(r.similarity, 'f', 4) << "\t"
                << QString::number(r.deviancePerDof, 'f', 3) << "\t" << QString::number(r.gain, 'f', 4) << "\t"
                << QString::number(r.broadening, 'f', 1) << "\t" << QString::number(r.lineExcess, 'f', 2) << "\t"
                << QString::number(r.lineExcessEnergy, 'f', 0) << "\t" << (r.unknown ? "unknown" : "-") << "\n";
        }
        if (!e.spectrum.labels.isEmpty()) {
            QStringList t = e.spectrum.labels;
            t.removeDuplicates();
            metrics.add(QSet<QString>(t.begin(), t.end()), QSet<QString>(r.predicted.begin(), r.predicted.end()));
            auto &c = singleByTruth[labelSetKey(QSet<QString>(t.begin(), t.end()))];
            c.first += r.singleLabel == LatentEvaluation::singleTruth(t);
            ++c.second;
        }
    }
    out << "summary: " << entries->size() - outside << " spectra classified, " << unusable << " skipped, " << unknown
        << " flagged unknown isotope";
    if (outside > 0)
        out << ", " << outside << " out of the model's domain (not classified)";
    out << "\n";
    if (metrics.count() > 0) {
        out << "single label vs truth (first non-background label):\n";
        for (auto it = singleByTruth.begin(); it != singleByTruth.end(); ++it)
            out << QStringLiteral("  %1 %2/%3\n").arg(it.key(), -24).arg(it.value().first).arg(it.value().second);
        out << "predicted label sets by true label set:\n" << metrics.confusionTable();
    }
    return unusable > 0 ? 1 : 0;
}

int runEvaluateSub(const QStringList &args)
{
    QCommandLineParser p;
    addProtocolOptions(p, true);
    p.addOption({QStringLiteral("variants"), QStringLiteral("semicolon list of --improve lists (default: plain;default)"),
                 QStringLiteral("LIST"), QStringLiteral("plain;default")});
    p.addOption({QStringLiteral("tables"), QStringLiteral("print the confusion tables of every variant")});
    p.addOption({{QStringLiteral("m"), QStringLiteral("model")},
                 QStringLiteral("evaluate this model's loadings (e.g. the old tool's, imported with train --from-csv) "
                                "instead of training by the protocol"), QStringLiteral("MODEL")});
    if (int rc = parseCommandLine(p, args, kUsage + QStringLiteral("\n\nlatent evaluate: the GAMMA_FLOW protocol.")); rc >= 0)
        return rc;
    QList<LatentOptions> variants;
    for (const QString &v : p.value(QStringLiteral("variants")).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        LatentOptions o;
        QString error;
        if (!parseImprovements(v, &o, &error))
            return fail(QStringLiteral("evaluate"), error, 2);
        variants << o;
    }
    if (p.isSet(QStringLiteral("data")) && !QFileInfo(p.value(QStringLiteral("data"))).isDir())
        return fail(QStringLiteral("evaluate"), QStringLiteral("%1: no such folder").arg(p.value(QStringLiteral("data"))));
    const bool usage = !p.isSet(QStringLiteral("data")) && defaultDataDir().isEmpty() && !p.isSet(QStringLiteral("train"));
    auto protocol = protocolFrom(p, true);
    if (!protocol)
        return fail(QStringLiteral("evaluate"), protocol.error().toString(), usage ? 2 : 1);
    Result<LatentModel> given = makeError(QString(), QString());
    EnergyGrid grid = EnergyGrid::gammaFlowDefault();
    if (p.isSet(QStringLiteral("model"))) {
        given = loadLatent(p.value(QStringLiteral("model")));
        if (!given)
            return fail(QStringLiteral("evaluate"), given.error().toString());
        if (given->components() != protocol->components)
            return fail(QStringLiteral("evaluate"), QStringLiteral("%1: the model's components (%2) are not the protocol's (%3)")
                                                        .arg(p.value(QStringLiteral("model")), given->components().join(QLatin1Char(',')),
                                                             protocol->components.join(QLatin1Char(','))));
        grid = given->grid();
    }
    QTextStream &out = cliOut();
    QElapsedTimer timer;
    timer.start();
    auto tests = protocol->testSet(grid);
    if (!tests)
        return fail(QStringLiteral("evaluate"), tests.error().toString());
    out << "GAMMA_FLOW protocol, detector " << (protocol->detector.isEmpty() ? QStringLiteral("(file lists)") : protocol->detector)
        << ": training " << LatentProtocol::stems(protocol->trainFiles) << "\n  single-label test " << tests->single.size()
        << " spectra (" << LatentProtocol::stems(protocol->singleFiles) << "), multi-label test " << tests->multi.size() << " ("
        << LatentProtocol::stems(protocol->multiFiles) << "), unknown-isotope rows " << tests->unknown.size()
        << ", skipped " << tests->skipped << "\n  components " << protocol->components.join(QStringLiteral(", "))
        << "; rebinning count-conserving onto " << grid.describe() << "\n\n";
    QList<LatentEvaluationResult> results;
    if (given)
        out << "model " << p.value(QStringLiteral("model")) << " (not retrained; its unknown-isotope thresholds apply)\n\n";
    for (const LatentOptions &o : variants) {
        auto model = given ? given : protocol->train(o);
        if (!model)
            return fail(QStringLiteral("evaluate"), model.error().toString());
        results << LatentEvaluation::evaluate(*model, o, *tests);
        out << LatentEvaluation::report(results.back(), p.isSet(QStringLiteral("tables")) || results.size() == 1);
        out << "unknown-isotope threshold: line excess z > " << QString::number(model->unknownThresholds().lineExcess, 'f', 2)
            << " (deviance/dof " << QString::number(model->unknownThresholds().deviancePerDof, 'f', 3)
            << ", similarity " << QString::number(model->unknownThresholds().similarity, 'f', 4) << ")\n";
        if (model->trainingInfo().contains(QStringLiteral("resolutionMatch")))
            out << "resolution match (training lines): " << resolutionMatchText(model->trainingInfo()) << "\n";
        if (model->metrics().contains(QStringLiteral("trainingSpuriousZMax")))
            out << "largest z of an absent component on the training spectra: "
                << QString::number(model->metrics().value(QStringLiteral("trainingSpuriousZMax")).toDouble(), 'f', 2) << "\n";
        out << "\n";
        out.flush();
    }
    out << "comparison (percent";
    if (protocol->detector == QLatin1String("left"))
        out << "; old method measured by the reference: single 97.40, perfect 68.97, mean accuracy 78.99";
    out << "; errors = single-label errors, bg>own = those on rows labelled background called their own file's source,\n"
           " counted as errors like the rest; U-flag / K-flag = rows with unknown / known isotopes flagged unknown):\n"
        << LatentEvaluation::comparisonTable(results);
    out << "time " << QString::number(timer.elapsed() / 1000.0, 'f', 1) << " s\n";
    return 0;
}
} // namespace

int runLatent(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args[1] : QString();
    QStringList rest = args.mid(1);  // subcommand first, as parseCommandLine expects
    if (sub == QLatin1String("train"))
        return runTrainSub(rest);
    if (sub == QLatin1String("classify"))
        return runClassifySub(rest);
    if (sub == QLatin1String("evaluate"))
        return runEvaluateSub(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        cliOut() << "Usage: photopeak-cli latent train|classify|evaluate [options]\n\n" << kUsage << "\n";
        return 0;
    }
    cliErr() << "Usage: photopeak-cli latent train|classify|evaluate [options]  (--help for more)\n";
    if (!sub.isEmpty())
        cliErr() << "photopeak-cli latent: unknown subcommand '" << sub << "'\n";
    cliErr().flush();
    return 2;
}
