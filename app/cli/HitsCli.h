// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "features/FeatureMatrix.h"
#include "hits/HitCollection.h"
#include "hits/HitSegmenter.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <optional>

// What the hits subcommands share: the collection options, reading a collection (problems printed, the rest
// goes on) and its feature table.
class HitsCli {
public:
    explicit HitsCli(QString command);

    void addCollectionOptions(QCommandLineParser &parser);
    // Threshold options from the parser; false (message printed) on a bad value.
    bool readThreshold(const QCommandLineParser &parser, photopeak::ThresholdOptions *out) const;
    // Opens the collection; prints its problems to stderr. nullopt (message printed) when nothing could be read.
    std::optional<photopeak::HitCollection> open(const QString &path, const QCommandLineParser &parser);
    photopeak::FeatureMatrix features(const photopeak::HitCollection &c, const photopeak::ThresholdOptions &t) const;
    // 1 when some inputs failed (problems were printed), else 0.
    int inputStatus() const { return m_problems > 0 ? 1 : 0; }
    QString prefix() const { return QStringLiteral("photopeak-cli hits %1: ").arg(m_command); }

private:
    QString m_command;
    int m_problems = 0;
    QCommandLineOption m_labels, m_threshold, m_level, m_minLevel, m_size;
};

// The hits subcommands; `args` starts with the subcommand ("features", ...). HitsCommand.cpp and HitsModelCommand.cpp.
int runHitsFeatures(const QStringList &args);
int runHitsFilter(const QStringList &args);
int runHitsCluster(const QStringList &args);
int runHitsTrain(const QStringList &args);
int runHitsClassify(const QStringList &args);
int runHitsEvaluate(const QStringList &args);
// Writes `crops` as a contact sheet PNG; false (message printed) on failure.
bool writeHitSheet(const QString &path, const std::vector<const photopeak::HitImage *> &crops);
