// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "ml/PreparedSet.h"
#include "ml/SpectrumClassifier.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

// Options shared by train, classify and evaluate, with the old XGD tool's short flags (methods.md 1.8):
// -S source training dir, -B background training dir, -b reference background, -m detection method,
// -M identification method, -f/-F features, -q arctan scaling, -a activity, -T test dir. The method's options
// are generated from ClassifierParameters::table(), the same table as the training panel's form.
class ClassifierCli {
public:
    ClassifierCli();
    void addTrainingOptions(QCommandLineParser &parser) const;
    void addTestOptions(QCommandLineParser &parser) const;

    photopeak::Result<photopeak::ClassifierOptions> options(const QCommandLineParser &parser) const;
    // Training folders from -S/-B/--train; backgrounds of -B without a label are labelled background.
    photopeak::Result<photopeak::PreparedSet> trainingSet(const QCommandLineParser &parser) const;
    bool hasTrainingFolders(const QCommandLineParser &parser) const;
    // Trains, or reuses `modelPath` when its configuration and training content are the same (no --force).
    photopeak::Result<photopeak::SpectrumClassifier> trainOrReuse(const QCommandLineParser &parser,
                                                                  const QString &modelPath, bool *reused) const;
    // A spectrum classifier model file, through the one loader (ModelRegistry::load).
    static photopeak::Result<photopeak::SpectrumClassifier> loadClassifier(const QString &path);
    static photopeak::Result<photopeak::SpectrumClassifier> trainOrReuse(const photopeak::PreparedSet &set,
                                                                         const photopeak::ClassifierOptions &options,
                                                                         const QString &modelPath, bool force, bool *reused);
    // -b FILE: the sigma test's reference background becomes that file.
    photopeak::Status applyReference(const QCommandLineParser &parser, photopeak::SpectrumClassifier &model) const;
    static photopeak::Result<photopeak::PreparedSet> trainingSetFrom(const QStringList &sources,
                                                                     const QStringList &backgrounds);
    // --model FILE loaded, or trained from the training folders; -b replaces the sigma reference.
    photopeak::Result<photopeak::SpectrumClassifier> modelFor(const QCommandLineParser &parser) const;
    QStringList testFolders(const QCommandLineParser &parser) const { return parser.values(m_test); }
    // -T folders and positional paths; empty (with "photopeak-cli COMMAND: give files or folders to WHAT" on
    // standard error) when none were given, which the caller answers with exit code 2.
    QStringList inputPaths(const QCommandLineParser &parser, const QString &command, const QString &what) const;
    // Every file and folder these options make a run read (training and test folders, -b, --model, positional
    // paths), for OutputGuard.
    QStringList inputsRead(const QCommandLineParser &parser) const;
    bool activityRequested(const QCommandLineParser &parser) const { return parser.isSet(m_activity); }
    QString modelPath(const QCommandLineParser &parser) const { return parser.value(m_model); }

    // Test folders or files; spectra without a label from their names get labelsIfNone.
    static photopeak::Result<photopeak::PreparedSet> openFolders(const QStringList &folders,
                                                                 const QStringList &labelsIfNone, QStringList *warnings);
    bool forceRetrain(const QCommandLineParser &parser) const { return parser.isSet(m_force); }

private:
    // The method's options come from ClassifierParameters::table(); these are the run's own.
    QCommandLineOption m_sources, m_backgrounds, m_train, m_reference, m_activity, m_test, m_model, m_force, m_arctan,
        m_synthetic;
};

// Training summary (sizes, timings, cross-validated metrics); defined in TrainCommand.cpp.
void printTrainingReport(const photopeak::SpectrumClassifier &model, QTextStream &out);
