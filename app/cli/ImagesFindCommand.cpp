// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "ImagesCli.h"
#include "ImagesCommands.h"
#include "ShardCli.h"

#include "images/PeakClassifier.h"
#include "images/PeakFinder.h"
#include "images/PeakListWriter.h"
#include "io/AtomicFile.h"

#include <QElapsedTimer>

#include <optional>

using namespace photopeak;

namespace {
// find and classify: candidates of every input, optionally classified; CSV of all, stream of the called ones.
int findOrClassify(const QStringList &args, bool classify)
{
    const QString name = classify ? QStringLiteral("classify") : QStringLiteral("find");
    QCommandLineParser parser;
    ImagesCli::addInputOptions(parser);
    ImagesCli::addFinderOptions(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("csv")}, QStringLiteral("CSV of every candidate."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("stream"), QStringLiteral("CrystFEL-style peak lists (.stream) of the %1.")
                                                    .arg(classify ? QStringLiteral("candidates called peaks") : QStringLiteral("candidates")),
                      QStringLiteral("FILE")});
    if (classify) {
        parser.addOption({{QStringLiteral("m"), QStringLiteral("model")}, QStringLiteral("Peak model from 'images train'."), QStringLiteral("FILE")});
        parser.addOption({QStringLiteral("threshold"), QStringLiteral("Probability at which a candidate is called a peak "
                                                                      "(default: the model's)."), QStringLiteral("P")});
    }
    ImagesCli::addForceOption(parser);
    parser.addOption(shardOption());
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("HDF5 image stacks."));
    if (const int rc = parseCommandLine(parser, QStringList{QStringLiteral("images ") + name} + args.mid(1),
                                        classify ? QStringLiteral("Candidates with their learned peak probability.")
                                                 : QStringLiteral("Bragg-peak candidates (radial background and noise, SNR "
                                                                  "threshold, 2-D connected regions; masks honoured)."));
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ImagesCli::fail(name, QStringLiteral("no input files"), 2);
    if (const int refused = ImagesCli::checkOutputs(name, parser, files,
                                                    {{parser.value(QStringLiteral("o")), OutputKind::table()},
                                                     {parser.value(QStringLiteral("stream")), ImagesCli::peakListKind()}});
        refused >= 0)
        return refused;
    std::optional<PeakClassifier> model;
    double threshold = 0.5;
    if (classify) {
        if (!parser.isSet(QStringLiteral("m")))
            return ImagesCli::fail(name, QStringLiteral("-m MODEL is required"), 2);
        auto loaded = PeakClassifier::load(parser.value(QStringLiteral("m")));
        if (!loaded)
            return ImagesCli::fail(name, loaded.error().toString(), 1);
        model = std::move(loaded).value();
        threshold = model->threshold();
        if (parser.isSet(QStringLiteral("threshold"))) {
            bool ok = false;
            threshold = parser.value(QStringLiteral("threshold")).toDouble(&ok);
            if (!ok || !(threshold >= 0.0 && threshold <= 1.0))
                return ImagesCli::fail(name, QStringLiteral("--threshold expects a probability 0..1"), 2);
        }
    }
    Shard shard;
    if (const int rc = readShard(parser, QStringLiteral("images ") + name, &shard); rc >= 0)
        return rc;
    // A shard takes its block of all frames (files in the order given, frames in order).
    std::vector<qsizetype> firstFrame;
    qsizetype frameTotal = 0;
    for (const QString &path : files) {
        firstFrame.push_back(frameTotal);
        if (!shard.isWhole())
            if (auto in = ImagesCli::open(path, parser))
                frameTotal += static_cast<qsizetype>(in->frames.size());
    }
    const auto [shardFirst, shardLast] = shard.range(frameTotal);
    QByteArray csv, stream;
    int failed = 0;
    for (qsizetype f = 0; f < files.size(); ++f) {
        const QString &path = files[f];
        auto in = ImagesCli::open(path, parser);
        if (!in) {
            cliErr() << in.error().toString() << "\n";
            ++failed;
            continue;
        }
        if (!shard.isWhole()) {
            std::vector<int> mine;
            for (size_t k = 0; k < in->frames.size(); ++k)
                if (const qsizetype g = firstFrame[static_cast<size_t>(f)] + static_cast<qsizetype>(k); g >= shardFirst && g < shardLast)
                    mine.push_back(in->frames[k]);
            in->frames = std::move(mine);
        }
        auto options = ImagesCli::finderOptions(parser, model ? model->finderOptions() : PeakFinderOptions{}, in->stack);
        if (!options)
            return ImagesCli::fail(name, options.error().toString(), 2);
        PeakFinder finder(*options);
        finder.setGeometry(in->stack.width(), in->stack.height(), in->mask);
        std::vector<BraggCandidate> all, called;
        QElapsedTimer timer;
        timer.start();
        bool frameFailed = false;
        for (size_t k = 0; k < in->frames.size(); ++k) {
            auto frame = in->stack.readFrame(in->frames[k]);
            if (!frame) {
                cliErr() << frame.error().toString() << "\n";
                frameFailed = true;
                continue;
            }
            std::vector<BraggCandidate> c = finder.find(*frame);
            if (model)
                model->classify(*frame, in->mask, c);
            for (const BraggCandidate &p : c)
                if (!model || p.probability >= threshold)
                    called.push_back(p);
            all.insert(all.end(), c.begin(), c.end());
            if ((k + 1) % 50 == 0)
                cliErr() << "  " << path << ": frame " << k + 1 << " of " << in->frames.size() << "\n";
        }
        failed += frameFailed;
        const double seconds = timer.nsecsElapsed() * 1e-9;
        cliOut() << path << ": " << in->frames.size() << " frames, " << all.size() << " candidates";
        if (model)
            cliOut() << ", " << called.size() << " called peaks (p >= " << threshold << ")";
        cliOut() << QStringLiteral(", %1 frames/s\n").arg(in->frames.size() / std::max(seconds, 1e-9), 0, 'f', 1);
        const QByteArray part = PeakListWriter::csv(path, all);
        csv += csv.isEmpty() ? part : part.mid(part.indexOf('\n') + 1);
        const QByteArray chunks = PeakListWriter::crystfelStream(path, in->stack.dataset().path, in->stack.frameCount(),
                                                                 in->frames, called);
        const qsizetype firstChunk = chunks.indexOf("----- Begin chunk");
        if (stream.isEmpty())
            stream = chunks;
        else if (firstChunk >= 0)
            stream += chunks.mid(firstChunk);
    }
    if (parser.isSet(QStringLiteral("o")) && !csv.isEmpty())
        if (Status st = writeFileAtomically(parser.value(QStringLiteral("o")), csv, OutputKind::table()); !st)
            return ImagesCli::fail(name, st.error().toString());
    if (parser.isSet(QStringLiteral("stream")) && !stream.isEmpty())
        if (Status st = writeFileAtomically(parser.value(QStringLiteral("stream")), stream, ImagesCli::peakListKind()); !st)
            return ImagesCli::fail(name, st.error().toString());
    cliOut().flush();
    cliErr().flush();
    return failed ? 1 : 0;
}
} // namespace

int runImagesFind(const QStringList &args) { return findOrClassify(args, false); }
int runImagesClassify(const QStringList &args) { return findOrClassify(args, true); }
