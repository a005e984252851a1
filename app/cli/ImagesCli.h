// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

#include "images/ImageLabelSet.h"
#include "images/ImageStack.h"
#include "images/PeakFinder.h"
#include "images/PixelMask.h"
#include "util/Result.h"

#include <QCommandLineParser>
#include <utility>
#include <QString>
#include <QStringList>

#include <vector>

// Shared parts of the `images` subcommands: opening a stack with its mask, frame ranges, finder options,
// label sources and messages.
namespace ImagesCli {

struct Input {
    photopeak::ImageStack stack;
    photopeak::PixelMask mask;
    std::vector<int> frames;
};

// --dataset, --mask FILE[:DATASET], --mask-good-nonzero, --frames.
void addInputOptions(QCommandLineParser &parser);
// --pixel-snr, --min-snr, --min-box-snr, --min-pixels, --max-pixels, --center X,Y.
void addFinderOptions(QCommandLineParser &parser);

photopeak::Result<Input> open(const QString &path, const QCommandLineParser &parser);
// "0-9,12" -> frames within 0..count-1; empty text = all frames.
photopeak::Result<std::vector<int>> parseFrames(const QString &text, int count);
// `base` overridden by the options given; the beam centre of the file when --center is not given and the
// options have none.
photopeak::Result<photopeak::PeakFinderOptions> finderOptions(const QCommandLineParser &parser,
                                                              photopeak::PeakFinderOptions base,
                                                              const photopeak::ImageStack &stack);
// Labels for a stack: --labels FILE, else the sidecar beside it, else the ground truth of a synthetic stack.
photopeak::Result<photopeak::ImageLabelSet> labelsFor(const QString &path, const QString &explicitLabels, int frames,
                                                      QString *source);

// --force, for the commands that write.
void addForceOption(QCommandLineParser &parser);
// docs/output-safety.md: the outputs (path, OutputKind) checked by OutputGuard against the inputs before any
// work; -1 to go on, else the exit code (2) after the message.
int checkOutputs(const QString &command, const QCommandLineParser &parser, const QStringList &inputs,
                 const std::vector<std::pair<QString, QString>> &outputsAndKinds);
// Kind of the peak lists in the output ledger.
QString peakListKind();
int fail(const QString &command, const QString &message, int code = 1);
void warn(const QString &command, const QString &message);

} // namespace ImagesCli
