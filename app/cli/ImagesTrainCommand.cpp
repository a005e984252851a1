// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "ImagesCli.h"
#include "ImagesCommands.h"

#include "images/PeakClassifier.h"
#include "images/PeakEvaluation.h"
#include "images/PeakFinder.h"
#include "images/PeakTrainingSet.h"
#include "io/AtomicFile.h"

#include <QJsonDocument>

#include <cmath>
#include <optional>

using namespace photopeak;

namespace {
QString percent(double v) { return std::isfinite(v) ? QString::number(100.0 * v, 'f', 1) + QStringLiteral(" %") : QStringLiteral("-"); }

void addLabelOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("labels"), QStringLiteral("Labels file: a .peaklabels.h5 or the peak lists of a CrystFEL "
                                                               ".stream (default: FILE.peaklabels.h5 beside each stack, "
                                                               "else the ground truth of a synthetic stack)."), QStringLiteral("FILE")});
}

// Runs `body(frame, mask, candidates, labelsOfFrame)` over the labelled frames of every input.
template <typename Body>
int forEachLabelledFrame(const QString &name, const QCommandLineParser &parser, const QStringList &files,
                         const std::optional<PeakFinderOptions> &fixedFinder, Body body)
{
    int failed = 0;
    for (const QString &path : files) {
        auto in = ImagesCli::open(path, parser);
        if (!in) {
            cliErr() << in.error().toString() << "\n";
            ++failed;
            continue;
        }
        QString source;
        auto labels = ImagesCli::labelsFor(path, parser.value(QStringLiteral("labels")), in->stack.frameCount(), &source);
        if (!labels) {
            cliErr() << labels.error().toString() << "\n";
            ++failed;
            continue;
        }
        auto options = ImagesCli::finderOptions(parser, fixedFinder ? *fixedFinder : PeakFinderOptions{}, in->stack);
        if (!options) {
            ImagesCli::fail(name, options.error().toString(), 2);
            return -2;
        }
        PeakFinder finder(*options);
        finder.setGeometry(in->stack.width(), in->stack.height(), in->mask);
        int used = 0;
        for (int f : in->frames) {
            std::vector<ImageLabel> frameLabels;
            for (const ImageLabel &l : labels->labels)
                if (l.frame == f)
                    frameLabels.push_back(l);
            if (frameLabels.empty() && !labels->completeFrames.count(f))
                continue;
            auto frame = in->stack.readFrame(f);
            if (!frame) {
                cliErr() << frame.error().toString() << "\n";
                ++failed;
                continue;
            }
            std::vector<BraggCandidate> candidates = finder.find(*frame);
            ImageLabelSet one;
            one.labels = frameLabels;
            if (labels->completeFrames.count(f))
                one.completeFrames.insert(f);
            body(*options, *frame, in->mask, candidates, one);
            ++used;
        }
        cliOut() << path << ": " << used << " labelled frames (labels: " << source << ")\n";
    }
    return failed;
}
} // namespace

int runImagesTrain(const QStringList &args)
{
    const QString name = QStringLiteral("train");
    QCommandLineParser parser;
    ImagesCli::addInputOptions(parser);
    ImagesCli::addFinderOptions(parser);
    addLabelOption(parser);
    parser.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Model file to write."), QStringLiteral("MODEL")});
    parser.addOption({QStringLiteral("method"), QStringLiteral("svm (RBF SVM on patch features, default) or cnn (small CNN on "
                                                               "15 x 15 patches)."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("epochs"), QStringLiteral("CNN training passes (default 30)."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("no-search"), QStringLiteral("Fixed C and gamma instead of the grouped cross-validated search.")});
    ImagesCli::addForceOption(parser);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Labelled HDF5 image stacks."));
    if (const int rc = parseCommandLine(parser, QStringList{QStringLiteral("images train")} + args.mid(1),
                                        QStringLiteral("Learned peak probability from labelled candidates."));
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty() || !parser.isSet(QStringLiteral("o")))
        return ImagesCli::fail(name, QStringLiteral("input files and -o MODEL are required"), 2);
    if (const int refused = ImagesCli::checkOutputs(name, parser, files + QStringList{parser.value(QStringLiteral("labels"))},
                                                    {{parser.value(QStringLiteral("o")), OutputKind::model(QString::fromLatin1(PeakClassifier::Kind))}});
        refused >= 0)
        return refused;
    PeakTrainingOptions options;
    if (parser.isSet(QStringLiteral("method")) && !PeakClassifier::parseMethod(parser.value(QStringLiteral("method")), &options.method))
        return ImagesCli::fail(name, QStringLiteral("unknown --method '%1' (svm or cnn)").arg(parser.value(QStringLiteral("method"))), 2);
    options.search = !parser.isSet(QStringLiteral("no-search"));
    if (parser.isSet(QStringLiteral("epochs"))) {
        bool ok = false;
        options.cnnEpochs = parser.value(QStringLiteral("epochs")).toInt(&ok);
        if (!ok || options.cnnEpochs < 1 || options.cnnEpochs > 1000)
            return ImagesCli::fail(name, QStringLiteral("--epochs expects 1..1000"), 2);
    }

    PeakTrainingSet set;
    PeakFinderOptions used;
    int group = 0;
    const int failed = forEachLabelledFrame(name, parser, files, std::nullopt,
                                            [&](const PeakFinderOptions &o, const ImageFrame &frame, const PixelMask &mask,
                                                const std::vector<BraggCandidate> &c, const ImageLabelSet &labels) {
                                                used = o;
                                                set.add(frame, mask, c, labels.labelCandidates(c), group++);
                                            });
    if (failed < 0)
        return 2;
    cliOut() << "training on " << set.size() << " labelled candidates (" << set.positives() << " peaks) of " << group << " frames\n";
    cliOut().flush();
    // The beam centre belongs to each stack, not to the model.
    used.centerX = used.centerY = std::numeric_limits<double>::quiet_NaN();
    auto model = PeakClassifier::train(set, used, options);
    if (!model)
        return ImagesCli::fail(name, model.error().toString());
    for (const QString &w : model->warnings())
        ImagesCli::warn(name, w);
    const QJsonObject oof = model->validation().value(QStringLiteral("outOfFold")).toObject();
    cliOut() << "out-of-fold (grouped by frame) at p >= " << model->threshold() << ": precision "
             << percent(oof.value(QStringLiteral("precision")).toDouble()) << ", recall "
             << percent(oof.value(QStringLiteral("recall")).toDouble()) << ", F1 "
             << percent(oof.value(QStringLiteral("f1")).toDouble()) << "\n";
    if (Status st = model->save(parser.value(QStringLiteral("o"))); !st)
        return ImagesCli::fail(name, st.error().toString());
    cliOut() << "wrote " << parser.value(QStringLiteral("o")) << "\n";
    cliOut().flush();
    return failed ? 1 : 0;
}

int runImagesEvaluate(const QStringList &args)
{
    const QString name = QStringLiteral("evaluate");
    QCommandLineParser parser;
    ImagesCli::addInputOptions(parser);
    ImagesCli::addFinderOptions(parser);
    addLabelOption(parser);
    parser.addOption({{QStringLiteral("m"), QStringLiteral("model")}, QStringLiteral("Peak model; without it the finder alone "
                                                                                     "is evaluated."), QStringLiteral("MODEL")});
    parser.addOption({QStringLiteral("snr"), QStringLiteral("Recall over true peaks of at least this SNR (default 5)."), QStringLiteral("X")});
    parser.addOption({QStringLiteral("pr-csv"), QStringLiteral("Precision-recall curve as CSV."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Metrics as JSON."), QStringLiteral("FILE")});
    ImagesCli::addForceOption(parser);
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("HDF5 image stacks with labels or ground truth."));
    if (const int rc = parseCommandLine(parser, QStringList{QStringLiteral("images evaluate")} + args.mid(1),
                                        QStringLiteral("Precision, recall, F1 and the precision-recall curve of the candidates "
                                                       "(and their probabilities) against labels or ground truth."));
        rc >= 0)
        return rc;
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        return ImagesCli::fail(name, QStringLiteral("no input files"), 2);
    if (const int refused = ImagesCli::checkOutputs(name, parser, files + QStringList{parser.value(QStringLiteral("labels")),
                                                                                       parser.value(QStringLiteral("m"))},
                                                    {{parser.value(QStringLiteral("pr-csv")), OutputKind::table()},
                                                     {parser.value(QStringLiteral("json")), OutputKind::report()}});
        refused >= 0)
        return refused;
    bool ok = true;
    const double minSnr = parser.isSet(QStringLiteral("snr")) ? parser.value(QStringLiteral("snr")).toDouble(&ok) : 5.0;
    if (!ok)
        return ImagesCli::fail(name, QStringLiteral("--snr expects a number"), 2);
    std::optional<PeakClassifier> model;
    if (parser.isSet(QStringLiteral("m"))) {
        auto loaded = PeakClassifier::load(parser.value(QStringLiteral("m")));
        if (!loaded)
            return ImagesCli::fail(name, loaded.error().toString());
        model = std::move(loaded).value();
    }
    PeakEvaluation finderOnly, classified;
    const int failed = forEachLabelledFrame(
        name, parser, files, model ? std::optional<PeakFinderOptions>(model->finderOptions()) : std::nullopt,
        [&](const PeakFinderOptions &, const ImageFrame &frame, const PixelMask &mask, std::vector<BraggCandidate> c,
            const ImageLabelSet &labels) {
            // Only complete frames have every true peak labelled.
            if (!labels.completeFrames.count(frame.index))
                return;
            finderOnly.add(c, labels.labels);
            if (model) {
                model->classify(frame, mask, c);
                classified.add(c, labels.labels);
            }
        });
    if (failed < 0)
        return 2;
    if (finderOnly.truePeaks() == 0)
        return ImagesCli::fail(name, QStringLiteral("no frame with complete labels (every peak labelled) to evaluate on"));
    const double threshold = model ? model->threshold() : 1.0;
    cliOut() << finderOnly.truePeaks() << " true peaks (" << finderOnly.truePeaks(minSnr) << " with SNR >= " << minSnr
             << "), " << finderOnly.candidates() << " candidates\n\n"
             << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(QStringLiteral("method"), -16).arg(QStringLiteral("threshold"), 9)
                    .arg(QStringLiteral("precision"), 10).arg(QStringLiteral("recall"), 8).arg(QStringLiteral("F1"), 8)
                    .arg(QStringLiteral("recall>=SNR"), 12).arg(QStringLiteral("AP"), 7);
    auto row = [&](const QString &label, const PeakEvaluation &e, double t) {
        const auto all = e.at(t), strong = e.at(t, minSnr);
        cliOut() << QStringLiteral("%1 %2 %3 %4 %5 %6 %7\n").arg(label, -16).arg(t, 9, 'f', 3).arg(percent(all.precision), 10)
                        .arg(percent(all.recall), 8).arg(percent(all.f1), 8).arg(percent(strong.recall), 12)
                        .arg(e.averagePrecision(minSnr), 7, 'f', 3);
    };
    row(QStringLiteral("finder"), finderOnly, 1.0);
    const PeakEvaluation &main = model ? classified : finderOnly;
    if (model) {
        row(QStringLiteral("finder + ") + PeakClassifier::methodName(model->method()), classified, threshold);
        const auto best = classified.bestRecallAtPrecision(0.95, minSnr);
        cliOut() << "\nbest recall (SNR >= " << minSnr << ") at precision >= 95 %: "
                 << (std::isnan(best.threshold) ? QStringLiteral("none")
                                                 : QStringLiteral("%1 at p >= %2 (precision %3)").arg(percent(best.recall))
                                                       .arg(best.threshold, 0, 'f', 3).arg(percent(best.precision)))
                 << "\n";
    }
    cliOut() << "\nrecall by SNR at the threshold:";
    const double edges[] = {0.0, 3.0, 5.0, 10.0, 30.0, 100.0, 1e300};
    for (int b = 0; b + 1 < 7; ++b) {
        int n = 0;
        const double r = main.recallInSnrRange(edges[b], edges[b + 1], threshold, &n);
        cliOut() << QStringLiteral("  [%1,%2): %3 of %4").arg(edges[b]).arg(b == 5 ? QStringLiteral("inf") : QString::number(edges[b + 1]))
                        .arg(percent(r)).arg(n);
    }
    cliOut() << "\n";
    if (parser.isSet(QStringLiteral("pr-csv"))) {
        QByteArray text = "threshold,precision,recall,recall_snr,f1\n";
        for (const auto &p : main.curve(0.0, 200)) {
            const auto s = main.at(p.threshold, minSnr);
            text += QStringLiteral("%1,%2,%3,%4,%5\n").arg(p.threshold, 0, 'g', 6).arg(p.precision, 0, 'f', 5)
                        .arg(p.recall, 0, 'f', 5).arg(s.recall, 0, 'f', 5).arg(p.f1, 0, 'f', 5).toUtf8();
        }
        if (Status st = writeFileAtomically(parser.value(QStringLiteral("pr-csv")), text, OutputKind::table()); !st)
            return ImagesCli::fail(name, st.error().toString());
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject j{{QStringLiteral("finder"), finderOnly.toJson(1.0, minSnr)}};
        if (model)
            j[QStringLiteral("classified")] = classified.toJson(threshold, minSnr);
        if (Status st = writeFileAtomically(parser.value(QStringLiteral("json")), QJsonDocument(j).toJson(), OutputKind::report()); !st)
            return ImagesCli::fail(name, st.error().toString());
    }
    cliOut().flush();
    return failed ? 1 : 0;
}
