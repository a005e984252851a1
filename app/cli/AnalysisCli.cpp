// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalysisCli.h"
#include "CliOutput.h"

#include "ml/SpectrumClassifierModel.h"
#include "ml/latent/LatentSpectrumModel.h"
#include "model/ModelRegistry.h"
#include "util/SharedResources.h"

#include <QFileInfo>

#include <cmath>

using namespace photopeak;

AnalysisCli::AnalysisCli()
    : m_efficiency(QStringLiteral("efficiency"),
                   QStringLiteral("Efficiency curve of the detector for -a (JSON written by 'photopeak-cli activity "
                                  "--build-efficiency'), or 'xgd' for the shipped XGD curve. Implies -a."),
                   QStringLiteral("file")),
      m_distance(QStringLiteral("distance"), QStringLiteral("Source-to-detector distance in cm for -a (overrides the header)."),
                 QStringLiteral("cm")),
      m_distanceFromFolder(QStringLiteral("distance-from-folder"),
                           QStringLiteral("For -a, take the distance from a folder name such as '50cm' when there is one "
                                          "(XGD set2/test/dist: the header says 25 cm for all).")),
      m_latent(QStringLiteral("latent"),
               QStringLiteral("Latent model file (photopeak-cli latent train): alone it decides (shares as probabilities); "
                              "beside --model it adds the unknown_isotope flag."),
               QStringLiteral("model")),
      m_classical(QStringLiteral("classical"),
                  QStringLiteral("Also rank nuclides from the fitted peaks (energies and line ratios), beside the model's "
                                 "result: column peak_nuclides."))
{
}

void AnalysisCli::addOptions(QCommandLineParser &p, bool withLatent) const
{
    p.addOptions({m_efficiency, m_distance, m_distanceFromFolder, m_classical});
    if (withLatent)
        p.addOption(m_latent);
}

QStringList AnalysisCli::inputsRead(const QCommandLineParser &p) const
{
    return {resolveEfficiency(p.value(m_efficiency)), p.value(m_latent)};
}

QString AnalysisCli::resolveEfficiency(const QString &given)
{
    if (QFileInfo(given).isFile())
        return given;
    if (given.isEmpty() || given.contains(QLatin1Char('/')) || given.contains(QLatin1Char('.')))
        return {};
    return findSharedResource(QStringLiteral("efficiency/%1.json").arg(given.toLower()));
}

QString AnalysisCli::efficiencyHowTo()
{
    return QStringLiteral("activity (-a) needs the detector's efficiency curve: give --efficiency FILE (for the XGD "
                          "detector the shipped curve: --efficiency xgd), or make one from reference-source series with "
                          "'photopeak-cli activity --build-efficiency DIR --out eff.json' (DIR = srcs/<nuclide>/<time>/<d>cm)");
}

Result<SpectrumAnalyzer::Options> AnalysisCli::analyzerOptions(const QCommandLineParser &p, bool activityRequested) const
{
    const QString src = QStringLiteral("command line");
    SpectrumAnalyzer::Options o;
    o.activity = activityRequested || p.isSet(m_efficiency);
    o.classical = p.isSet(m_classical);
    if (p.isSet(m_efficiency)) {
        const QString path = resolveEfficiency(p.value(m_efficiency));
        if (path.isEmpty())
            return makeError(p.value(m_efficiency), QStringLiteral("no such efficiency file (nor a shipped curve of that name)"));
        auto eff = EfficiencyCurve::load(path);
        if (!eff)
            return eff.error();
        o.efficiency = std::move(eff.value());
    }
    if (p.isSet(m_distance)) {
        bool ok = false;
        o.distanceOverrideCm = p.value(m_distance).toDouble(&ok);
        if (!ok || !(o.distanceOverrideCm > 0.0) || !std::isfinite(o.distanceOverrideCm))
            return makeError(src, QStringLiteral("--distance needs a positive number of cm"));
    }
    o.distanceFromFolder = p.isSet(m_distanceFromFolder);
    return o;
}

std::optional<SpectrumAnalyzer> AnalysisCli::makeAnalyzer(const QCommandLineParser &parser, const ClassifierCli &cli,
                                                          const QString &command, const QString &activityOffNote,
                                                          int *exitCode) const
{
    const QString prefix = QStringLiteral("photopeak-cli ") + command + QStringLiteral(": ");
    auto options = analyzerOptions(parser, cli.activityRequested(parser));
    if (!options) {
        cliErr() << prefix << options.error().toString() << "\n";
        *exitCode = options.error().source == QLatin1String("command line") ? 2 : 1;
        return std::nullopt;
    }
    const bool wantClassifier = !cli.modelPath(parser).isEmpty() || cli.hasTrainingFolders(parser);
    if (!wantClassifier && !latentRequested(parser)) {
        cliErr() << prefix << "give --model FILE (or training folders -S/-B/--train) and/or --latent MODEL\n";
        *exitCode = 2;
        return std::nullopt;
    }
    // Every model file through the one loader (ModelRegistry); the analyzer fuses what it is given.
    SpectrumAnalyzer::Models models;
    if (wantClassifier) {
        auto model = cli.modelFor(parser);
        if (!model) {
            cliErr() << prefix << model.error().toString() << "\n";
            *exitCode = 1;
            return std::nullopt;
        }
        models.push_back(std::make_shared<const SpectrumClassifierModel>(std::make_shared<const SpectrumClassifier>(std::move(model.value()))));
        options->modelNames << QFileInfo(cli.modelPath(parser)).fileName();
    }
    if (latentRequested(parser)) {
        auto model = ModelRegistry::instance().loadAs<LatentSpectrumModel>(latentPath(parser), QStringLiteral("latent"));
        if (!model) {
            cliErr() << prefix << model.error().toString() << "\n";
            *exitCode = 1;
            return std::nullopt;
        }
        models.push_back(std::move(model.value()));
        options->modelNames << QFileInfo(latentPath(parser)).fileName();
    }
    SpectrumAnalyzer analyzer(std::move(models), *options);
    if (options->activity && !analyzer.activityEnabled()) {
        if (!options->efficiency)
            cliErr() << prefix << efficiencyHowTo() << ". " << activityOffNote << "\n";
        else
            cliErr() << prefix << "activity not available: " << analyzer.activityProblem() << ". " << activityOffNote << "\n";
        cliErr().flush();
    }
    return analyzer;
}
