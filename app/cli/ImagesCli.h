#pragma once

#include "images/ImageLabelSet.h"
#include "images/ImageStack.h"
#include "images/PeakFinder.h"
#include "images/PixelMask.h"
#include "util/Result.h"

#include <QCommandLineParser>
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

// An error if `output` is one of the inputs (outputs never replace an input).
photopeak::Status checkOutput(const QString &output, const QStringList &inputs);
int fail(const QString &command, const QString &message, int code = 1);
void warn(const QString &command, const QString &message);

} // namespace ImagesCli
