#pragma once

#include "analysis/SpectrumAnalyzer.h"
#include "util/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

// Options of the analysis pipeline beside the classifier's (ClassifierCli): the activity inputs
// (--efficiency, --distance, --distance-from-folder) and the latent model (--latent). -a itself is
// ClassifierCli's flag (the old tool's), passed in as `activityRequested`.
class AnalysisCli {
public:
    AnalysisCli();
    void addOptions(QCommandLineParser &parser, bool withLatent = true) const;

    // SpectrumAnalyzer options from the command line; loads the efficiency curve. --efficiency implies -a.
    photopeak::Result<photopeak::SpectrumAnalyzer::Options> analyzerOptions(const QCommandLineParser &parser,
                                                                            bool activityRequested) const;
    bool latentRequested(const QCommandLineParser &parser) const { return parser.isSet(m_latent); }
    QString latentPath(const QCommandLineParser &parser) const { return parser.value(m_latent); }

    // A file path as given, or the name of a shipped curve ("xgd" -> efficiency/xgd.json found by
    // findSharedResource: $PHOTOPEAK_RESOURCES, <prefix>/share/photopeak, the source tree). Empty when neither exists.
    static QString resolveEfficiency(const QString &fileOrName);
    // How to get an efficiency curve, for the message printed when -a has none.
    static QString efficiencyHowTo();

private:
    QCommandLineOption m_efficiency, m_distance, m_distanceFromFolder, m_latent;
};
