// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"
#include "HitsCli.h"
#include "ShardCli.h"

#include "hits/HitClusterer.h"
#include "hits/HitFeatureCsv.h"
#include "hits/HitFeatureExtractor.h"
#include "hits/HitFilter.h"
#include "hits/HitPngWriter.h"
#include "hits/HitSheet.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

using namespace photopeak;

namespace {
const QString kUsage = QStringLiteral(
    "Cosmic-ray hits from camera sensors (CREDO crops): features, artefact filters, clustering, classifiers.\n\n"
    "  hits features INPUT -o FEATURES.csv          shape and brightness features of every hit\n"
    "  hits filter   INPUT [-o FLAGS.csv]           artefact rules (hits are marked, never removed)\n"
    "  hits cluster  INPUT [--method kmeans|gmm]    k by BIC with elbow/AIC/BIC table; cluster sheets\n"
    "  hits train    INPUT --method rule|svm|cnn -o MODEL.json\n"
    "  hits classify -m MODEL.json INPUT [-o OUT.csv]\n"
    "  hits evaluate INPUT [--methods rule,svm,cnn] grouped cross-validation side by side\n\n"
    "INPUT is a folder of PNG/JPEG crops (labels from class subfolders or labels.csv) or a CREDO detection\n"
    "export (.json with base64 frames). Run 'photopeak-cli hits <subcommand> --help' for options.\n");
} // namespace

bool writeHitSheet(const QString &path, const std::vector<const HitImage *> &crops)
{
    const Status st = HitPngWriter::write(path, HitSheet::compose(crops));
    if (!st)
        cliErr() << "photopeak-cli hits: " << st.error().toString() << "\n";
    return st.ok();
}

int runHits(const QStringList &args)
{
    const QString sub = args.size() > 1 ? args[1] : QString();
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("features"))
        return runHitsFeatures(rest);
    if (sub == QLatin1String("filter"))
        return runHitsFilter(rest);
    if (sub == QLatin1String("cluster"))
        return runHitsCluster(rest);
    if (sub == QLatin1String("train"))
        return runHitsTrain(rest);
    if (sub == QLatin1String("classify"))
        return runHitsClassify(rest);
    if (sub == QLatin1String("evaluate"))
        return runHitsEvaluate(rest);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        cliOut() << kUsage;
        return 0;
    }
    cliErr() << (sub.isEmpty() ? QStringLiteral("photopeak-cli hits: give a subcommand\n\n")
                               : QStringLiteral("photopeak-cli hits: unknown subcommand '%1'\n\n").arg(sub))
             << kUsage;
    return 2;
}

int runHitsFeatures(const QStringList &args)
{
    HitsCli cli(QStringLiteral("features"));
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Feature table (CSV)."), QStringLiteral("FILE"));
    parser.addOptions({output, shardOption()});
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Shape and brightness features of every hit (docs/hits.md).")); rc >= 0)
        return rc;
    Shard shard;
    if (const int rc = readShard(parser, QStringLiteral("hits features"), &shard); rc >= 0)
        return rc;
    ThresholdOptions t;
    if (parser.positionalArguments().size() != 1 || !parser.isSet(output)) {
        cliErr() << cli.prefix() << "give one INPUT and -o FILE (see --help)\n";
        return 2;
    }
    if (!cli.readThreshold(parser, &t))
        return 2;
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    // Hits in collection order; a shard keeps its block (features are per hit).
    c->hits() = shard.select(std::move(c->hits()));
    QElapsedTimer timer;
    timer.start();
    const FeatureMatrix f = cli.features(*c, t);
    const double seconds = timer.nsecsElapsed() * 1e-9;
    const Status st = HitFeatureCsv::write(parser.value(output), c->hits(), f);
    if (!st) {
        cliErr() << cli.prefix() << st.error().toString() << "\n";
        return 1;
    }
    cliOut() << QStringLiteral("%1 hits, %2 features each, in %3 -> %4\n").arg(c->size()).arg(f.cols)
                    .arg(formatSeconds(seconds), parser.value(output));
    return cli.inputStatus();
}

int runHitsFilter(const QStringList &args)
{
    HitsCli cli(QStringLiteral("filter"));
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Feature table with the flags column (CSV)."), QStringLiteral("FILE"));
    const QCommandLineOption disable(QStringLiteral("disable"), QStringLiteral("Rules to switch off, comma list: hot-pixel, near-hot-pixel, too-dark, too-bright, too-frequent."), QStringLiteral("RULES"));
    const QCommandLineOption hot(QStringLiteral("hot-hits"), QStringLiteral("Hot pixel: same brightest pixel in at least N hits of a device (default 3)."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption near(QStringLiteral("near-radius"), QStringLiteral("Near-hot pixel: within N pixels of a hot one (default 2)."), QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("Too dark: brightest pixel below N (default 50)."), QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption brightLevel(QStringLiteral("bright-level"), QStringLiteral("Too bright: pixels above N (default 70) ..."), QStringLiteral("N"), QStringLiteral("70"));
    const QCommandLineOption brightShare(QStringLiteral("bright-share"), QStringLiteral("... cover more than this share of the crop (default 0.1)."), QStringLiteral("X"), QStringLiteral("0.1"));
    const QCommandLineOption perMinute(QStringLiteral("per-minute"), QStringLiteral("Too frequent: more than N hits of a device in one minute (default 10)."), QStringLiteral("N"), QStringLiteral("10"));
    parser.addOptions({output, disable, hot, near, dark, brightLevel, brightShare, perMinute});
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Mark artefacts with switchable rules; hits are kept and marked, never removed.")); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        cliErr() << cli.prefix() << "give one INPUT (see --help)\n";
        return 2;
    }
    HitFilterOptions o;
    for (const QString &name : parser.value(disable).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        HitFilterOptions::Rule r;
        if (!HitFilterOptions::parseRule(name, &r)) {
            cliErr() << cli.prefix() << "unknown rule '" << name << "'\n";
            return 2;
        }
        o.enabled[size_t(r)] = false;
    }
    bool ok[6] = {};
    o.hotPixelHits = parser.value(hot).toInt(&ok[0]);
    o.nearHotRadius = parser.value(near).toInt(&ok[1]);
    o.darkMaxBrightness = parser.value(dark).toInt(&ok[2]);
    o.brightLevel = parser.value(brightLevel).toInt(&ok[3]);
    o.brightShare = parser.value(brightShare).toDouble(&ok[4]);
    o.maxPerMinute = parser.value(perMinute).toInt(&ok[5]);
    ThresholdOptions t;
    if (!std::all_of(std::begin(ok), std::end(ok), [](bool b) { return b; }) || o.hotPixelHits < 2 || !cli.readThreshold(parser, &t)) {
        cliErr() << cli.prefix() << "rule parameters must be numbers (--hot-hits at least 2)\n";
        return 2;
    }
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    const HitFilterReport report = HitFilter::apply(c->hits(), o);
    cliOut() << report.summary() << "\n";
    if (parser.isSet(output)) {
        const Status st = HitFeatureCsv::write(parser.value(output), c->hits(), cli.features(*c, t));
        if (!st) {
            cliErr() << cli.prefix() << st.error().toString() << "\n";
            return 1;
        }
    }
    return cli.inputStatus();
}

int runHitsCluster(const QStringList &args)
{
    HitsCli cli(QStringLiteral("cluster"));
    QCommandLineParser parser;
    const QCommandLineOption method(QStringLiteral("method"), QStringLiteral("kmeans (default) or gmm (Gaussian mixture)."), QStringLiteral("M"), QStringLiteral("kmeans"));
    const QCommandLineOption features(QStringLiteral("features"), QStringLiteral("Comma list of feature names (default area,brightness,ellipticity,solidity,skeleton_length)."), QStringLiteral("NAMES"));
    const QCommandLineOption kMax(QStringLiteral("k-max"), QStringLiteral("Largest k tried (default 8)."), QStringLiteral("N"), QStringLiteral("8"));
    const QCommandLineOption k(QStringLiteral("k"), QStringLiteral("Use this k instead of the BIC minimum."), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Feature table with the cluster column (CSV)."), QStringLiteral("FILE"));
    const QCommandLineOption sheets(QStringLiteral("sheets"), QStringLiteral("Folder for one PNG thumbnail sheet per cluster (first 100 hits)."), QStringLiteral("DIR"));
    parser.addOptions({method, features, kMax, k, output, sheets});
    cli.addCollectionOptions(parser);
    parser.addPositionalArgument(QStringLiteral("INPUT"), QStringLiteral("Folder of crops or CREDO .json export."));
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Cluster hits on chosen features; k by the smallest BIC, with the elbow (within-cluster SS), AIC and BIC per k.")); rc >= 0)
        return rc;
    ClusterOptions o;
    ThresholdOptions t;
    bool okK = false, okMax = false;
    o.k = parser.value(k).toInt(&okK);
    o.kMax = parser.value(kMax).toInt(&okMax);
    if (parser.positionalArguments().size() != 1 || !ClusterOptions::parseMethod(parser.value(method), &o.method) || !okK || !okMax
        || o.kMax < 1 || !cli.readThreshold(parser, &t)) {
        cliErr() << cli.prefix() << "give one INPUT, --method kmeans|gmm and whole numbers for --k and --k-max (see --help)\n";
        return 2;
    }
    if (parser.isSet(features))
        o.features = parser.value(features).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto c = cli.open(parser.positionalArguments().front(), parser);
    if (!c)
        return 1;
    const FeatureMatrix f = cli.features(*c, t);
    auto r = HitClusterer::run(f, o);
    if (!r) {
        cliErr() << cli.prefix() << r.error().toString() << "\n";
        return r.error().message.contains(QStringLiteral("unknown feature")) ? 2 : 1;
    }
    cliOut() << ClusterOptions::methodName(o.method) << " on " << o.features.join(QStringLiteral(", ")) << " (" << c->size() << " hits)\n"
             << r->curveTable();
    // A minimum at the edge of the range is no minimum: say so rather than present k as found.
    if (!parser.isSet(k) && r->scores.size() > 1 && r->chosenK == r->scores.back().k)
        cliOut() << "note: the BIC still falls at the largest k tried (" << r->chosenK
                 << "): no minimum in the range; raise --k-max, or choose k by the elbow with -k\n";
    std::vector<std::vector<const HitImage *>> members(size_t(r->chosenK));
    for (size_t i = 0; i < c->hits().size(); ++i) {
        c->hits()[i].cluster = r->assignments[i];
        members[size_t(r->assignments[i])].push_back(&c->hits()[i].image);
    }
    const QStringList classes = c->classNames();
    for (int cl = 0; cl < r->chosenK; ++cl) {
        QString composition;
        for (const QString &name : classes) {
            int n = 0;
            for (const Hit &h : c->hits())
                n += h.cluster == cl && h.label == name;
            composition += QStringLiteral(" %1 %2").arg(name).arg(n);
        }
        cliOut() << QStringLiteral("cluster %1: %2 hits%3\n").arg(cl).arg(members[size_t(cl)].size())
                        .arg(composition.isEmpty() ? QString() : QStringLiteral(" (") + composition.trimmed() + QLatin1Char(')'));
    }
    int rc = cli.inputStatus();
    if (parser.isSet(sheets)) {
        QDir().mkpath(parser.value(sheets));
        for (int cl = 0; cl < r->chosenK; ++cl) {
            auto &m = members[size_t(cl)];
            m.resize(std::min<size_t>(m.size(), 100));
            if (!m.empty() && !writeHitSheet(QDir(parser.value(sheets)).filePath(QStringLiteral("cluster_%1.png").arg(cl)), m))
                rc = 1;
        }
    }
    if (parser.isSet(output)) {
        QStringList names;
        for (int cl = 0; cl < r->chosenK; ++cl)
            names << QStringLiteral("membership_%1").arg(cl);
        const Status st = HitFeatureCsv::write(parser.value(output), c->hits(), f, names, &r->membership);
        if (!st) {
            cliErr() << cli.prefix() << st.error().toString() << "\n";
            return 1;
        }
    }
    return rc;
}
