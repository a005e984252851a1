// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "ImagesCli.h"

#include "CliOutput.h"
#include "images/CrystfelStreamReader.h"
#include "images/SyntheticImageGenerator.h"
#include "io/OutputGuard.h"

#include <QFileInfo>

#include <cmath>

using namespace photopeak;

namespace ImagesCli {

void addInputOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("dataset"), QStringLiteral("Image dataset (default: entry/data/data, entry_1/data_1/data, "
                                                                "or the only 2-D/3-D dataset)."), QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("mask"), QStringLiteral("Mask from FILE[:DATASET] (default dataset /data/data); default: "
                                                             "the stack's own NeXus pixel_mask if present."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("mask-good-nonzero"), QStringLiteral("The --mask marks usable pixels with nonzero "
                                                                          "(Cheetah/CrystFEL); default nonzero = bad (NeXus).")});
    parser.addOption({QStringLiteral("frames"), QStringLiteral("Frames to use, e.g. 0-9,15 (default all)."), QStringLiteral("LIST")});
}

void addFinderOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("pixel-snr"), QStringLiteral("Pixel threshold in radial sigmas (default 3)."), QStringLiteral("X")});
    parser.addOption({QStringLiteral("min-snr"), QStringLiteral("Minimum peak SNR over the local background (default 3.5)."), QStringLiteral("X")});
    parser.addOption({QStringLiteral("min-box-snr"), QStringLiteral("Minimum SNR of the 3 x 3 sum (default 3)."), QStringLiteral("X")});
    parser.addOption({QStringLiteral("min-pixels"), QStringLiteral("Minimum pixels per candidate (default 1)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("max-pixels"), QStringLiteral("Maximum pixels per candidate (default 400)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("center"), QStringLiteral("Beam centre X,Y in pixels (default: from the file, else the frame centre)."),
                      QStringLiteral("X,Y")});
}

Result<std::vector<int>> parseFrames(const QString &text, int count)
{
    std::vector<int> out;
    if (text.trimmed().isEmpty()) {
        for (int i = 0; i < count; ++i)
            out.push_back(i);
        return out;
    }
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool okA = false, okB = true;
        const int a = part.section(QLatin1Char('-'), 0, 0).trimmed().toInt(&okA);
        const int b = part.contains(QLatin1Char('-')) ? part.section(QLatin1Char('-'), 1).trimmed().toInt(&okB) : a;
        if (!okA || !okB || a < 0 || b < a)
            return makeError(QStringLiteral("--frames"), QStringLiteral("'%1' is not a frame or range like 3 or 0-9").arg(part));
        if (b >= count)
            return makeError(QStringLiteral("--frames"), QStringLiteral("frame %1 does not exist (the stack has %2)").arg(b).arg(count));
        for (int i = a; i <= b; ++i)
            out.push_back(i);
    }
    return out;
}

Result<Input> open(const QString &path, const QCommandLineParser &parser)
{
    auto stack = ImageStack::open(path, parser.value(QStringLiteral("dataset")));
    if (!stack)
        return stack.error();
    Input in{*stack, {}, {}};
    if (parser.isSet(QStringLiteral("mask"))) {
        const QString spec = parser.value(QStringLiteral("mask"));
        // FILE:DATASET, where the file name itself may hold no colon followed by '/'.
        const int colon = spec.lastIndexOf(QStringLiteral(":/"));
        const QString file = colon > 0 ? spec.left(colon) : spec;
        const QString dataset = colon > 0 ? spec.mid(colon + 1) : QStringLiteral("/data/data");
        const auto convention = parser.isSet(QStringLiteral("mask-good-nonzero")) ? ImageStack::MaskConvention::NonzeroIsGood
                                                                                   : ImageStack::MaskConvention::NonzeroIsBad;
        auto mask = ImageStack::readMask(file, dataset, stack->width(), stack->height(), convention);
        if (!mask)
            return mask.error();
        in.mask = std::move(mask).value();
    } else {
        auto mask = stack->ownMask();
        if (!mask)
            return mask.error();
        in.mask = std::move(mask).value();
    }
    auto frames = parseFrames(parser.value(QStringLiteral("frames")), stack->frameCount());
    if (!frames)
        return makeError(path, frames.error().toString());
    in.frames = std::move(frames).value();
    return in;
}

Result<PeakFinderOptions> finderOptions(const QCommandLineParser &parser, PeakFinderOptions o, const ImageStack &stack)
{
    auto number = [&](const char *name, double *target) -> bool {
        if (!parser.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        const double v = parser.value(QLatin1String(name)).toDouble(&ok);
        if (ok)
            *target = v;
        return ok;
    };
    double minPixels = o.minPixels, maxPixels = o.maxPixels;
    if (!number("pixel-snr", &o.pixelSnr) || !number("min-snr", &o.minSnr) || !number("min-box-snr", &o.minBoxSnr)
        || !number("min-pixels", &minPixels) || !number("max-pixels", &maxPixels))
        return makeError(QStringLiteral("options"), QStringLiteral("a finder option is not a number"));
    o.minPixels = static_cast<int>(minPixels);
    o.maxPixels = static_cast<int>(maxPixels);
    if (parser.isSet(QStringLiteral("center"))) {
        const QStringList xy = parser.value(QStringLiteral("center")).split(QLatin1Char(','));
        bool okX = false, okY = false;
        if (xy.size() == 2) {
            o.centerX = xy[0].toDouble(&okX);
            o.centerY = xy[1].toDouble(&okY);
        }
        if (!okX || !okY)
            return makeError(QStringLiteral("--center"), QStringLiteral("expects X,Y in pixels"));
    } else if (const auto centre = stack.beamCenter()) {
        o.centerX = centre->first;
        o.centerY = centre->second;
    } else {
        o.centerX = o.centerY = std::numeric_limits<double>::quiet_NaN();
    }
    return PeakFinderOptions::fromJson(o.toJson(), QStringLiteral("options"));
}

Result<ImageLabelSet> labelsFor(const QString &path, const QString &explicitLabels, int frames, QString *source)
{
    if (!explicitLabels.isEmpty()) {
        *source = explicitLabels;
        if (explicitLabels.endsWith(QLatin1String(".stream"), Qt::CaseInsensitive))
            return CrystfelStreamReader::read(explicitLabels, path);
        return ImageLabelSet::load(explicitLabels);
    }
    const QString sidecar = ImageLabelSet::sidecarPath(path);
    if (QFileInfo::exists(sidecar)) {
        *source = sidecar;
        return ImageLabelSet::load(sidecar);
    }
    auto truth = SyntheticImageGenerator::readTruth(path);
    if (truth) {
        *source = QStringLiteral("ground truth in the file");
        return ImageLabelSet::fromTruth(*truth, frames);
    }
    return makeError(path, QStringLiteral("has no labels: no sidecar %1 and no ground truth in the file (label candidates "
                                          "in the window, or give --labels)").arg(QFileInfo(sidecar).fileName()));
}

void addForceOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("force"), QStringLiteral("Replace an existing output Photopeak did not write (never an input).")});
}

int checkOutputs(const QString &command, const QCommandLineParser &parser, const QStringList &inputs,
                 const std::vector<std::pair<QString, QString>> &outputsAndKinds)
{
    const OutputGuard guard(inputs, parser.isSet(QStringLiteral("force")));
    return ::checkOutputs(QStringLiteral("images ") + command, guard, outputsAndKinds);
}

QString peakListKind() { return QStringLiteral("peak-list"); }

int fail(const QString &command, const QString &message, int code)
{
    cliErr() << "photopeak-cli images " << command << ": " << message << "\n";
    cliErr().flush();
    return code;
}

void warn(const QString &command, const QString &message)
{
    cliErr() << "photopeak-cli images " << command << ": warning: " << message << "\n";
    cliErr().flush();
}

} // namespace ImagesCli
