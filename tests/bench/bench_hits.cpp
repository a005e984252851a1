// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark of the hit features and the hit CNN (issue 19) on the 697 real CREDO crops of
// ../shared/data/images/credo, repeated to 20,000 hits: features single thread (= per core) and on all
// threads, CNN inference per core (CPU time). The reference, scikit-image's threshold_otsu + label +
// regionprops (area, centroid, axes, orientation, solidity, perimeter) + skeletonize on the same decoded
// grey crops, runs in the same invocation (Debian python3-skimage; packaging/install-deps.sh
// --with-reference). Usage: photopeak-bench-hits [--no-reference] [--runs N]

#include "BenchClock.h"
#include "ReferenceRunner.h"

#include "hits/HitCnn.h"
#include "hits/HitCollection.h"
#include "hits/HitFeatureExtractor.h"

#include <QCoreApplication>
#include <QProcess>
#include <QTemporaryFile>

#include <algorithm>
#include <ctime>
#include <thread>

using namespace photopeak;
using photopeak::bench::threadCpuSeconds;

namespace {
// The reference pipeline: decoding (imageio via skimage) and grey conversion are outside the timed loop,
// as they are for Photopeak. Prints a `bench: hits_reference` block of key: value lines.
const char *kReference = R"PY(
import sys, time, glob, os
import numpy as np
from skimage import io, filters, measure, morphology
root = sys.argv[1]
n_target = int(sys.argv[2])
files = sorted(glob.glob(os.path.join(root, '*', '*.png')))
crops = []
for f in files:
    a = io.imread(f).astype(np.float64)
    g = np.rint(0.299 * a[..., 0] + 0.587 * a[..., 1] + 0.114 * a[..., 2]).astype(np.uint8)
    crops.append(g)
def features(g):
    t = max(filters.threshold_otsu(g), 20)
    mask = g > t
    lab = measure.label(mask, connectivity=2)
    props = measure.regionprops(lab, intensity_image=g)
    if not props:
        return None
    m = max(props, key=lambda p: p.intensity_image.sum())
    sk = morphology.skeletonize(m.image).sum()
    return (m.area, m.centroid, m.major_axis_length, m.minor_axis_length, m.orientation, m.solidity, m.perimeter, sk, len(props))
reps = max(1, n_target // len(crops))
n = 0
t0 = time.perf_counter()
c0 = time.process_time()
for r in range(reps):
    for g in crops:
        features(g)
        n += 1
dt = time.perf_counter() - t0
cpu = time.process_time() - c0
print("bench: hits_reference")
print("crops: %d" % len(crops))
print("hits: %d" % n)
print("seconds: %.3f" % dt)
print("hits_per_s: %.1f" % (n / dt))
print("cpu_seconds: %.3f" % cpu)
print("hits_per_cpu_s: %.1f" % (n / cpu))
)PY";

QMap<QString, QString> runReference(const QString &root, int hits)
{
    QMap<QString, QString> summary;
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QString::fromUtf8(kReference), root, QString::number(hits)});
    if (!p.waitForFinished(30 * 60 * 1000)) {
        QTextStream(stderr) << "reference did not finish\n";
        return summary;
    }
    const QString output = QString::fromUtf8(p.readAll());
    const int start = output.lastIndexOf(QStringLiteral("bench: "));
    if (start < 0) {
        QTextStream(stderr) << "reference printed no summary (python3-skimage installed?):\n" << output.right(1500) << "\n";
        return summary;
    }
    for (const QString &line : output.mid(start).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            summary.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return summary;
}

double cpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    int runs = 5;
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], "--runs") == 0)
            runs = std::max(1, atoi(argv[i + 1]));
    const QString root = QStringLiteral(PHOTOPEAK_SHARED_DATA "/images/credo");
    auto c = HitCollection::open(root);
    if (!c) {
        out << "cannot read " << c.error().toString() << "\n";
        return 1;
    }
    constexpr int kHits = 20000;
    std::vector<Hit> hits;
    hits.reserve(kHits);
    for (int i = 0; i < kHits; ++i)
        hits.push_back(c->hits()[size_t(i % c->size())]);
    out << "hits: " << c->size() << " real CREDO crops repeated to " << kHits << "\n";

    HitFeatureExtractor ex;
    double checksum = 0.0;
    std::vector<double> cpuRuns;
    const double single = bench::medianSeconds(runs, [&] {
        const double c0 = threadCpuSeconds();
        for (const Hit &h : hits)
            checksum += ex.compute(h.image)[size_t(HitFeature::Solidity)];
        cpuRuns.push_back(threadCpuSeconds() - c0);
    });
    std::sort(cpuRuns.begin(), cpuRuns.end());
    const double singleCpu = cpuRuns[cpuRuns.size() / 2];
    const int threads = int(std::max(1u, std::thread::hardware_concurrency()));
    const double multi = bench::medianSeconds(runs, [&] {
        const FeatureMatrix f = HitFeatureExtractor::table(hits, ThresholdOptions{}, threads);
        checksum += f.at(0, 0);
    });
    const double perCore = kHits / singleCpu;
    out << QStringLiteral("features, 1 thread: %1 hits/s per core by CPU time (%2 us per hit); %3 hits/s by wall time\n")
               .arg(perCore, 0, 'f', 0).arg(1e6 * singleCpu / kHits, 0, 'f', 1).arg(kHits / single, 0, 'f', 0);
    out << QStringLiteral("features, %1 threads: %2 hits/s\n").arg(threads).arg(kHits / multi, 0, 'f', 0);

    // CNN inference speed does not depend on the weights: a network trained for one epoch is timed.
    std::vector<const HitImage *> images;
    std::vector<int> labels;
    const QStringList classes = c->classNames();
    for (const Hit &h : c->hits()) {
        images.push_back(&h.image);
        labels.push_back(int(classes.indexOf(h.label)));
    }
    HitCnnOptions o;
    o.epochs = 1;
    auto cnn = HitCnn::train(images, labels, int(classes.size()), o);
    if (!cnn) {
        out << "CNN training failed: " << cnn.error().toString() << "\n";
        return 1;
    }
    std::vector<const HitImage *> batch;
    for (int i = 0; i < 5000; ++i)
        batch.push_back(&hits[size_t(i)].image);
    double cpu = 0.0;
    const double wall = bench::medianSeconds(runs, [&] {
        const double c0 = cpuSeconds();
        auto p = cnn->predict(batch);
        cpu = cpuSeconds() - c0;
        checksum += p ? p->at(0, 0) : 0.0;
    });
    out << QStringLiteral("CNN inference: %1 hits/s wall, %2 hits/s per core (CPU time %3 s for %4 hits)\n")
               .arg(batch.size() / wall, 0, 'f', 0).arg(batch.size() / cpu, 0, 'f', 0).arg(cpu, 0, 'f', 3).arg(batch.size());

    out << "checksum " << checksum << "\n";
    if (bench::hasFlag(argc, argv, "--no-reference"))
        return 0;
    out << "running the scikit-image reference ...\n";
    out.flush();
    const auto ref = runReference(root, 5000);
    if (ref.isEmpty())
        return 1;
    const double refRate = ref.value(QStringLiteral("hits_per_cpu_s")).toDouble();
    out << QStringLiteral("reference (scikit-image otsu + label + regionprops + skeletonize, 1 thread): %1 hits/s per core by CPU time,"
                          " %2 hits/s by wall time, over %3 hits\n")
               .arg(refRate, 0, 'f', 0).arg(ref.value(QStringLiteral("hits_per_s")).toDouble(), 0, 'f', 0).arg(ref.value(QStringLiteral("hits")));
    out << QStringLiteral("ratio features per core / reference: %1 x\n").arg(perCore / refRate, 0, 'f', 1);
    return 0;
}
