// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark of detector-image peak finding (issue 17). Synthetic stacks with ground truth: a training stack
// (1024 x 1024) and a test stack of 4-Mpixel frames (2048 x 2048). Prints, single thread (= per core):
//   - ours: candidate finder, finder + RBF-SVM peak probability (frames in memory), and HDF5 frame reading;
//   - the old method re-implemented in C++ (global threshold, 1-D peak finder over the flattened image, square
//     regions that wrap at row ends): its candidates only, labelled "old method (C++ reimplementation)";
//   - the old Python pipeline (numpy/scipy find_peaks on the flattened image, wrapping regions, sklearn RBF SVC)
//     run in the same invocation with /usr/bin/python3, trained on the same stack (skip with --no-reference);
// and the quality of each against the truth: precision, recall of spots with SNR >= 5, F1.
// Usage: photopeak-bench-images [--frames N] [--runs N] [--no-reference] [--keep DIR]

#include "ReferenceRunner.h"

#include "images/ImageLabelSet.h"
#include "images/ImageStack.h"
#include "images/PeakClassifier.h"
#include "images/PeakEvaluation.h"
#include "images/PeakFinder.h"
#include "images/PeakTrainingSet.h"
#include "images/SyntheticImageGenerator.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>

using namespace photopeak;

namespace {
// The machine is shared: CPU time of this thread is what "per core" means; wall time would count waiting.
double threadSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return t.tv_sec + 1e-9 * t.tv_nsec;
}

template <typename F>
double medianCpuSeconds(int runs, F &&body)
{
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        const double start = threadSeconds();
        body();
        t.push_back(threadSeconds() - start);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

// The old tool's way, kept small: global threshold mean + 3 sd, 1-D local maxima of the flattened image above
// it (peaks wrap from one row end to the next row start), 9 x 9 regions cut by flat index modulo the size.
std::vector<BraggCandidate> oldMethod(const ImageFrame &f, std::vector<float> &regions)
{
    const size_t n = f.pixels.size();
    double s = 0.0, s2 = 0.0;
    for (float v : f.pixels) {
        s += v;
        s2 += double(v) * v;
    }
    const double mean = s / n, sd = std::sqrt(std::max(0.0, s2 / n - mean * mean));
    const float thr = static_cast<float>(mean + 3.0 * sd);
    std::vector<BraggCandidate> out;
    regions.clear();
    const float *p = f.pixels.data();
    for (size_t i = 1; i + 1 < n; ++i)
        if (p[i] > thr && p[i] > p[i - 1] && p[i] >= p[i + 1]) {
            BraggCandidate c;
            c.frame = f.index;
            c.peakX = static_cast<int>(i % f.width);
            c.peakY = static_cast<int>(i / f.width);
            c.x = c.peakX;
            c.y = c.peakY;
            out.push_back(c);
            for (int dy = -4; dy <= 4; ++dy)
                for (int dx = -4; dx <= 4; ++dx)
                    regions.push_back(p[(i + n + static_cast<long long>(dy) * f.width + dx) % n]);
        }
    return out;
}

const char *kPythonReference = R"PY(
import sys, time
import numpy as np, h5py
from scipy.signal import find_peaks
from sklearn.svm import SVC
from sklearn.model_selection import GridSearchCV

R = 4
def candidates(img):
    flat = img.ravel()
    thr = flat.mean() + 3 * flat.std()
    peaks, _ = find_peaks(flat, height=thr)
    return peaks

def regions(img, peaks):
    flat = img.ravel(); n = flat.size; w = img.shape[1]
    offs = (np.arange(-R, R + 1)[:, None] * w + np.arange(-R, R + 1)[None, :]).ravel()
    return flat[(peaks[:, None] + offs[None, :]) % n].astype(np.float64)

def truth(f):
    t = f['entry/truth']
    return t['frame'][()], t['x'][()], t['y'][()], t['snr'][()]

def match(peaks, w, frame, tr, radius=2.5):
    tf, tx, ty, _ = tr
    sel = tf == frame
    y, x = np.divmod(peaks, w)
    hit = np.zeros(len(peaks), bool); which = -np.ones(len(peaks), int)
    idx = np.nonzero(sel)[0]
    for k, (px, py) in enumerate(zip(x, y)):
        d = np.hypot(tx[idx] - px, ty[idx] - py)
        if len(d) and d.min() <= radius:
            hit[k] = True; which[k] = idx[d.argmin()]
    return hit, which

train, test = sys.argv[1], sys.argv[2]
X, Y = [], []
with h5py.File(train, 'r') as f:
    d = f['entry/data/data']; tr = truth(f)
    for i in range(d.shape[0]):
        img = d[i]; p = candidates(img)
        hit, _ = match(p, img.shape[1], i, tr)
        X.append(regions(img, p)); Y.append(hit.astype(int))
X = np.concatenate(X); Y = np.concatenate(Y)
rng = np.random.default_rng(1)
neg = np.nonzero(Y == 0)[0]; pos = np.nonzero(Y == 1)[0]
keep = np.concatenate([pos, rng.choice(neg, min(len(neg), 3000), replace=False)])
grid = GridSearchCV(SVC(kernel='rbf', gamma='scale'), {'C': [1, 10]}, cv=3)
grid.fit(X[keep], Y[keep])
clf = grid.best_estimator_
called_true = called = found = strong = cands = 0; correct = total = 0
with h5py.File(test, 'r') as f:
    d = f['entry/data/data']; tr = truth(f); n = d.shape[0]
    start = time.perf_counter(); cpu0 = time.thread_time()
    results = []
    for i in range(n):
        img = d[i]; p = candidates(img)
        pred = clf.predict(regions(img, p)) if len(p) else np.zeros(0)
        results.append((img.shape[1], p, pred))
    seconds = time.perf_counter() - start; cpu = time.thread_time() - cpu0
    for i, (w, p, pred) in enumerate(results):
        hit, which = match(p, w, i, tr)
        cands += len(p); called += int(pred.sum()); called_true += int((pred == 1)[hit].sum())
        correct += int((pred == hit).sum()); total += len(p)
        tf, tx, ty, snr = tr
        found_idx = set(which[(pred == 1) & hit].tolist())
        for k in np.nonzero((tf == i) & (snr >= 5))[0]:
            strong += 1; found += k in found_idx
print("bench: images_reference")
print(f"frames: {n}")
print(f"seconds: {seconds:.3f}")
print(f"cpu_seconds: {cpu:.3f}")
print(f"frames_per_s: {n / cpu:.3f}")
print(f"candidates_per_frame: {cands / n:.1f}")
print(f"precision: {called_true / max(called, 1):.4f}")
print(f"recall_snr5: {found / max(strong, 1):.4f}")
print(f"accuracy_on_candidates: {correct / max(total, 1):.4f}")
)PY";

QMap<QString, QString> runPython(const QString &script, const QStringList &args)
{
    QMap<QString, QString> summary;
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"})
        env.insert(QLatin1String(name), QStringLiteral("1"));  // one core, like ours
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral("/usr/bin/python3"), QStringList{script} + args);
    if (!proc.waitForFinished(30 * 60 * 1000))
        return summary;
    const QString output = QString::fromUtf8(proc.readAll());
    const int start = output.lastIndexOf(QStringLiteral("bench: "));
    if (start < 0) {
        QTextStream(stderr) << "python reference printed no summary:\n" << output.right(2000) << "\n";
        return summary;
    }
    for (const QString &line : output.mid(start).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            summary.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return summary;
}

QString pct(double v) { return QString::number(100.0 * v, 'f', 1) + QStringLiteral(" %"); }

int intArg(int argc, char **argv, const char *flag, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], flag) == 0)
            return QByteArray(argv[i + 1]).toInt();
    return fallback;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    const int frames = intArg(argc, argv, "--frames", 6);
    const int runs = intArg(argc, argv, "--runs", 3);
    const bool reference = !bench::hasFlag(argc, argv, "--no-reference");
    QTemporaryDir dir;

    SyntheticImageOptions trainOptions;
    trainOptions.frames = 10;
    trainOptions.seed = 101;
    SyntheticImageOptions testOptions;
    testOptions.width = testOptions.height = 2048;
    testOptions.moduleSize = 512;
    testOptions.spotsPerFrame = 150;
    testOptions.saturatedSpotsPerFrame = 4;
    testOptions.hotPixels = 60;
    testOptions.beamStopRadius = 40;
    testOptions.frames = frames;
    testOptions.seed = 202;
    const SyntheticImageGenerator trainGen(trainOptions), testGen(testOptions);
    const QString trainPath = dir.filePath(QStringLiteral("train.h5")), testPath = dir.filePath(QStringLiteral("test.h5"));
    err << "writing synthetic stacks ...\n";
    err.flush();
    if (!trainGen.write(trainPath).ok() || !testGen.write(testPath).ok()) {
        err << "cannot write the synthetic stacks\n";
        return 1;
    }

    // Train on the training stack (truth labels), as `images train` does.
    PeakFinderOptions trainFinder;
    trainFinder.centerX = trainGen.beamX();
    trainFinder.centerY = trainGen.beamY();
    PeakFinder finder(trainFinder);
    finder.setGeometry(trainOptions.width, trainOptions.height, trainGen.mask());
    PeakTrainingSet set;
    for (int i = 0; i < trainOptions.frames; ++i) {
        std::vector<SyntheticSpot> truth;
        const ImageFrame f = trainGen.frame(i, &truth);
        const auto c = finder.find(f);
        set.add(f, trainGen.mask(), c, ImageLabelSet::fromTruth(truth, trainOptions.frames).labelCandidates(c), i);
    }
    auto model = PeakClassifier::train(set, trainFinder, {});
    PeakTrainingOptions cnnOptions;
    cnnOptions.method = PeakModelMethod::Cnn;
    auto cnn = PeakClassifier::train(set, trainFinder, cnnOptions);
    if (!model || !cnn) {
        err << (model ? cnn.error() : model.error()).toString() << "\n";
        return 1;
    }

    // Test frames in memory.
    std::vector<ImageFrame> test;
    std::vector<SyntheticSpot> truth;
    for (int i = 0; i < frames; ++i)
        test.push_back(testGen.frame(i, &truth));
    const ImageLabelSet truthLabels = ImageLabelSet::fromTruth(truth, frames);
    PeakFinderOptions fo = model->finderOptions();
    fo.centerX = testGen.beamX();
    fo.centerY = testGen.beamY();
    PeakFinder testFinder(fo);
    testFinder.setGeometry(testOptions.width, testOptions.height, testGen.mask());

    std::vector<std::vector<BraggCandidate>> found(test.size());
    const double findSeconds = medianCpuSeconds(runs, [&] {
        for (size_t i = 0; i < test.size(); ++i)
            found[i] = testFinder.find(test[i]);
    });
    const double classifySeconds = medianCpuSeconds(runs, [&] {
        for (size_t i = 0; i < test.size(); ++i) {
            found[i] = testFinder.find(test[i]);
            model->classify(test[i], testGen.mask(), found[i]);
        }
    });
    std::vector<std::vector<BraggCandidate>> foundCnn(test.size());
    const double cnnSeconds = medianCpuSeconds(runs, [&] {
        for (size_t i = 0; i < test.size(); ++i) {
            foundCnn[i] = testFinder.find(test[i]);
            cnn->classify(test[i], testGen.mask(), foundCnn[i]);
        }
    });
    auto stack = ImageStack::open(testPath);
    const double readSeconds = medianCpuSeconds(runs, [&] {
        for (int i = 0; i < frames; ++i)
            (void)stack->readFrame(i);
    });
    std::vector<std::vector<BraggCandidate>> old(test.size());
    std::vector<float> regions;
    const double oldSeconds = medianCpuSeconds(runs, [&] {
        for (size_t i = 0; i < test.size(); ++i)
            old[i] = oldMethod(test[i], regions);
    });

    PeakEvaluation finderEval, classifiedEval, cnnEval, oldEval;
    size_t candidates = 0, oldCandidates = 0;
    for (size_t i = 0; i < test.size(); ++i) {
        std::vector<ImageLabel> frameTruth;
        for (const ImageLabel &l : truthLabels.labels)
            if (l.frame == static_cast<int>(i))
                frameTruth.push_back(l);
        std::vector<BraggCandidate> unclassified = found[i];
        for (BraggCandidate &c : unclassified)
            c.probability = std::numeric_limits<double>::quiet_NaN();
        finderEval.add(unclassified, frameTruth);
        classifiedEval.add(found[i], frameTruth);
        cnnEval.add(foundCnn[i], frameTruth);
        oldEval.add(old[i], frameTruth);
        candidates += found[i].size();
        oldCandidates += old[i].size();
    }

    QMap<QString, QString> py;
    if (reference) {
        const QString script = dir.filePath(QStringLiteral("old_images_reference.py"));
        QFile f(script);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(kPythonReference);
            f.close();
            err << "running the Python reference (old method: scipy find_peaks on the flattened image + sklearn SVC) ...\n";
            err.flush();
            py = runPython(script, {trainPath, testPath});
        }
    }

    const double pixels = double(testOptions.width) * testOptions.height;
    out << "Detector images: " << frames << " synthetic frames of " << testOptions.width << " x " << testOptions.height
        << " (" << QString::number(pixels / 1e6, 'f', 1) << " Mpixel), " << truth.size() << " spots ("
        << truthLabels.labels.size() << " truth), single thread, CPU time of the thread; median of " << runs << " runs\n\n";
    out << QStringLiteral("%1 %2 %3\n").arg(QStringLiteral("speed"), -58).arg(QStringLiteral("frames/s"), 10).arg(QStringLiteral("ms/frame"), 9);
    auto speed = [&](const QString &what, double fps) {
        out << QStringLiteral("%1 %2 %3\n").arg(what, -58).arg(fps, 10, 'f', 1).arg(1000.0 / fps, 9, 'f', 2);
    };
    const double oursFps = frames / classifySeconds;
    speed(QStringLiteral("ours: find"), frames / findSeconds);
    speed(QStringLiteral("ours: find + classify (RBF SVM)"), oursFps);
    speed(QStringLiteral("ours: find + classify (CNN)"), frames / cnnSeconds);
    speed(QStringLiteral("ours: read frame from HDF5 (float32)"), frames / readSeconds);
    speed(QStringLiteral("old method, C++ reimplementation: threshold + 1-D peaks"), frames / oldSeconds);
    if (py.contains(QStringLiteral("frames_per_s"))) {
        const double pyFps = py.value(QStringLiteral("frames_per_s")).toDouble();
        speed(QStringLiteral("old method, Python reference: read + find_peaks + SVC"), pyFps);
        out << QStringLiteral("ratio ours find + classify / Python reference: %1x\n").arg(oursFps / pyFps, 0, 'f', 1);
    }
    out << "\n"
        << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("quality (truth: all spots; recall of SNR >= 5)"), -50)
               .arg(QStringLiteral("cand/frame"), 10).arg(QStringLiteral("precision"), 10).arg(QStringLiteral("recall>=5"), 10)
               .arg(QStringLiteral("recall all"), 10).arg(QStringLiteral("F1>=5"), 8);
    auto quality = [&](const QString &what, const PeakEvaluation &e, double t, double perFrame) {
        const auto all = e.at(t), strong = e.at(t, 5.0);
        const double f1 = strong.precision + strong.recall > 0 ? 2 * strong.precision * strong.recall / (strong.precision + strong.recall) : 0;
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(what, -50).arg(perFrame, 10, 'f', 1).arg(pct(all.precision), 10)
                   .arg(pct(strong.recall), 10).arg(pct(all.recall), 10).arg(pct(f1), 8);
    };
    quality(QStringLiteral("ours: finder only"), finderEval, 1.0, double(candidates) / frames);
    quality(QStringLiteral("ours: finder + SVM (p >= %1)").arg(model->threshold()), classifiedEval, model->threshold(),
            double(candidates) / frames);
    quality(QStringLiteral("ours: finder + CNN (p >= 0.5)"), cnnEval, 0.5, double(candidates) / frames);
    quality(QStringLiteral("old method (C++ reimpl.), candidates only"), oldEval, 1.0, double(oldCandidates) / frames);
    if (py.contains(QStringLiteral("precision"))) {
        const double p = py.value(QStringLiteral("precision")).toDouble(), r = py.value(QStringLiteral("recall_snr5")).toDouble();
        out << QStringLiteral("%1 %2 %3 %4 %5 %6\n").arg(QStringLiteral("old method, Python reference: find_peaks + SVC"), -50)
                   .arg(py.value(QStringLiteral("candidates_per_frame")).toDouble(), 10, 'f', 1).arg(pct(p), 10).arg(pct(r), 10)
                   .arg(QStringLiteral("-"), 10).arg(pct(p + r > 0 ? 2 * p * r / (p + r) : 0.0), 8)
            << "  (its own figure, accuracy on candidates: " << pct(py.value(QStringLiteral("accuracy_on_candidates")).toDouble())
            << ")\n";
    }
    out << "\n";
    for (const auto &[name, e] : {std::pair<QString, const PeakEvaluation *>{QStringLiteral("SVM"), &classifiedEval},
                                  std::pair<QString, const PeakEvaluation *>{QStringLiteral("CNN"), &cnnEval}}) {
        const auto best = e->bestRecallAtPrecision(0.95, 5.0);
        out << "ours (" << name << "), best recall of SNR >= 5 spots at precision >= 95 %: " << pct(best.recall) << " at p >= "
            << QString::number(best.threshold, 'f', 3) << " (precision " << pct(best.precision) << "); average precision "
            << QString::number(e->averagePrecision(5.0), 'f', 3) << "\n";
    }
    out << "recall by SNR (ours, finder + SVM):";
    const double edges[] = {0.0, 3.0, 5.0, 10.0, 30.0, 100.0, 1e300};
    for (int b = 0; b + 1 < 7; ++b) {
        int n = 0;
        const double r = classifiedEval.recallInSnrRange(edges[b], edges[b + 1], model->threshold(), &n);
        out << QStringLiteral(" [%1,%2) %3 of %4;").arg(edges[b]).arg(b == 5 ? QStringLiteral("inf") : QString::number(edges[b + 1]))
                   .arg(pct(r)).arg(n);
    }
    out << "\n";
    return 0;
}
