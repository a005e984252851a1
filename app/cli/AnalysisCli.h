// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ClassifierCli.h"
#include "analysis/SpectrumAnalyzer.h"
#include "util/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

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
    // The efficiency and latent model files these options make a run read, for OutputGuard.
    QStringList inputsRead(const QCommandLineParser &parser) const;
    bool latentRequested(const QCommandLineParser &parser) const { return parser.isSet(m_latent); }
    QString latentPath(const QCommandLineParser &parser) const { return parser.value(m_latent); }

    // The analyzer of classify and report: the classifier (--model or training folders) and/or the latent model
    // (--latent), activity options. On failure prints "photopeak-cli <command>: problem" and sets *exitCode (2 for
    // usage errors, 1 for files); when activity was asked for but is off, says why, ending with `activityOffNote`.
    std::optional<photopeak::SpectrumAnalyzer> makeAnalyzer(const QCommandLineParser &parser, const ClassifierCli &cli,
                                                            const QString &command, const QString &activityOffNote,
                                                            int *exitCode) const;

    // A file path as given, or the name of a shipped curve ("xgd" -> efficiency/xgd.json found by
    // findSharedResource: $PHOTOPEAK_RESOURCES, <prefix>/share/photopeak, the source tree). Empty when neither exists.
    static QString resolveEfficiency(const QString &fileOrName);
    // How to get an efficiency curve, for the message printed when -a has none.
    static QString efficiencyHowTo();

private:
    QCommandLineOption m_efficiency, m_distance, m_distanceFromFolder, m_latent, m_classical;
};
