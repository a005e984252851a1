// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"
#include "ImagesCli.h"
#include "ImagesCommands.h"

#include "images/ImageStack.h"
#include "images/SyntheticImageGenerator.h"
#include "io/AtomicFile.h"
#include "io/h5/H5DatasetListing.h"

#include <QFileInfo>

using namespace photopeak;

namespace {
const QString kUsage = QStringLiteral(
    "Detector images: Bragg-peak candidates in HDF5 image stacks and their learned peak probability.\n\n"
    "  images info     FILES...                    image datasets, frames, mask, beam centre, per-frame numbers\n"
    "  images synth    -o FILE [--frames N ...]    synthetic stack with ground truth (tests, demo, benchmarks)\n"
    "  images find     FILES... [-o CSV] [--stream S]        candidates (peakfinder8-style) per frame\n"
    "  images train    FILES... -o MODEL                     peak probability from labelled candidates\n"
    "  images classify -m MODEL FILES... [-o CSV] [--stream S]  candidates with probabilities; stream = called peaks\n"
    "  images evaluate [-m MODEL] FILES...                   precision, recall, F1, PR curve against labels or truth\n\n"
    "Labels come from the sidecar FILE.peaklabels.h5 beside the data (written by the window), --labels, or the\n"
    "ground truth of a synthetic stack. Run 'photopeak-cli images <sub> --help' for options.\n");
} // namespace

int runImages(const QStringList &args)
{
    if (args.size() < 2 || args[1] == QLatin1String("--help") || args[1] == QLatin1String("-h")) {
        (args.size() < 2 ? cliErr() : cliOut()) << kUsage;
        return args.size() < 2 ? 2 : 0;
    }
    const QString sub = args[1];
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("info"))
        return runImagesInfo(rest);
    if (sub == QLatin1String("synth"))
        return runImagesSynth(rest);
    if (sub == QLatin1String("find"))
        return runImagesFind(rest);
    if (sub == QLatin1String("classify"))
        return runImagesClassify(rest);
    if (sub == QLatin1String("train"))
        return runImagesTrain(rest);
    if (sub == QLatin1String("evaluate"))
        return runImagesEvaluate(rest);
    cliErr() << "photopeak-cli images: unknown subcommand '" << sub << "'\n\n" << kUsage;
    return 2;
}

int runImagesInfo(const QStringList &args)
{
    QCommandLineParser parser;
    ImagesCli::addInputOptions(parser);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("HDF5 image stacks."));
    if (const int rc = parseCommandLine(parser, QStringList{QStringLiteral("images info")} + args.mid(1),
                                        QStringLiteral("Image datasets and frames of HDF5 stacks."));
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ImagesCli::fail(QStringLiteral("info"), QStringLiteral("no input files"), 2);
    int failed = 0;
    for (const QString &path : files) {
        auto in = ImagesCli::open(path, parser);
        if (!in) {
            cliErr() << in.error().toString() << "\n";
            ++failed;
            continue;
        }
        const ImageStack &s = in->stack;
        cliOut() << path << "\n  images: " << s.dataset().toString() << ": " << s.frameCount() << " frame(s) of "
                 << s.width() << " x " << s.height() << " pixels\n";
        if (auto all = ImageStack::imageDatasets(path); all && all->size() > 1) {
            cliOut() << "  other image datasets:";
            for (const H5DatasetInfo &d : *all)
                if (d.path != s.dataset().path)
                    cliOut() << " " << d.toString();
            cliOut() << "\n";
        }
        cliOut() << "  mask: " << (in->mask.isEmpty() ? QStringLiteral("none") : QStringLiteral("%1 masked pixels").arg(in->mask.badCount()))
                 << "\n";
        if (const auto c = s.beamCenter())
            cliOut() << "  beam centre: " << c->first << ", " << c->second << " pixels\n";
        const auto meta = s.frameMetadata(0);
        if (!meta.isEmpty()) {
            QStringList names;
            for (const auto &m : meta)
                names << m.first;
            cliOut() << "  per-frame numbers: " << names.join(QStringLiteral(", ")) << "\n";
        }
        if (auto truth = SyntheticImageGenerator::readTruth(path))
            cliOut() << "  ground truth: " << truth->size() << " spots\n";
        if (QFileInfo::exists(ImageLabelSet::sidecarPath(path)))
            if (auto labels = ImageLabelSet::load(ImageLabelSet::sidecarPath(path)))
                cliOut() << "  labels: " << labels->count(1) << " peaks, " << labels->count(0) << " non-peaks in "
                         << ImageLabelSet::sidecarPath(path) << "\n";
    }
    cliOut().flush();
    cliErr().flush();
    return failed ? 1 : 0;
}

int runImagesSynth(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output HDF5 file."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("frames"), QStringLiteral("Number of frames (default 8)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("width"), QStringLiteral("Frame width (default 1024)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("height"), QStringLiteral("Frame height (default 1024)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("spots"), QStringLiteral("Bragg spots per frame (default 60)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("module"), QStringLiteral("Module size in pixels, 0 = no gaps (default 256)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("integer"), QStringLiteral("Write int32 pixels instead of float32.")});
    ImagesCli::addForceOption(parser);
    if (const int rc = parseCommandLine(parser, QStringList{QStringLiteral("images synth")} + args.mid(1),
                                        QStringLiteral("Synthetic detector frames with ground truth: Gaussian Bragg spots "
                                                       "(SNR 1.5-2000, some saturated), air scatter and water ring, Poisson "
                                                       "noise, module gaps, beam stop, hot pixels."));
        rc >= 0)
        return rc;
    if (!parser.isSet(QStringLiteral("o")))
        return ImagesCli::fail(QStringLiteral("synth"), QStringLiteral("-o FILE is required"), 2);
    // The stack is written by the HDF5 table writer, which records it as a table in the output ledger.
    if (const int refused = ImagesCli::checkOutputs(QStringLiteral("synth"), parser, {},
                                                    {{parser.value(QStringLiteral("o")), OutputKind::table()}});
        refused >= 0)
        return refused;
    SyntheticImageOptions o;
    auto integer = [&](const char *name, int *target, int lo, int hi) {
        if (!parser.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        const int v = parser.value(QLatin1String(name)).toInt(&ok);
        if (ok && v >= lo && v <= hi)
            *target = v;
        return ok && v >= lo && v <= hi;
    };
    int seed = 1;
    if (!integer("frames", &o.frames, 1, 100000) || !integer("width", &o.width, 16, 20000)
        || !integer("height", &o.height, 16, 20000) || !integer("spots", &o.spotsPerFrame, 0, 100000)
        || !integer("seed", &seed, 0, 2000000000) || !integer("module", &o.moduleSize, 0, 20000))
        return ImagesCli::fail(QStringLiteral("synth"), QStringLiteral("a size, count or seed is out of range"), 2);
    o.seed = static_cast<quint64>(seed);
    o.integerPixels = parser.isSet(QStringLiteral("integer"));
    if (double(o.width) * o.height * o.frames > 2.0e8)
        return ImagesCli::fail(QStringLiteral("synth"), QStringLiteral("more than 200 million pixels; write several smaller stacks"), 2);
    const SyntheticImageGenerator gen(o);
    const QString out = parser.value(QStringLiteral("o"));
    if (Status st = gen.write(out); !st)
        return ImagesCli::fail(QStringLiteral("synth"), st.error().toString());
    cliOut() << "wrote " << out << ": " << o.frames << " frames of " << o.width << " x " << o.height << ", "
             << o.spotsPerFrame + o.saturatedSpotsPerFrame << " spots per frame (truth in /entry/truth), mask "
             << gen.mask().badCount() << " pixels\n";
    cliOut().flush();
    return 0;
}
