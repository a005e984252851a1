// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Latent model (GAMMA_FLOW) throughput, one thread, against the scipy reference run in the same invocation:
//   NNLS scoring of spectra already on the grid, and raw counts -> rebin -> NNLS -> shares -> decision.
// Usage: photopeak-bench-latent [--no-reference] [--runs N] [--default-only]
// --default-only: the default's full analysis alone (for profilers: callgrind on this run counts only it).
// The digests are FNV-1a hashes of every field of every result (the bits of each number): equal digests before
// and after a change to the analysis = identical output on the whole set.
#include "ReferenceRunner.h"

#include "eval/LatentProtocol.h"
#include "io/ReaderRegistry.h"
#include "ml/latent/LatentAnalyser.h"
#include "spectrum/Rebinner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <ctime>

using namespace photopeak;

namespace {
double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

// Medians over `runs` of the thread CPU time ("per core" even when other work shares the machine) and of
// the wall time (the reference's clock). The wall medians are kept in gWall by name.
QMap<QString, double> gWall;
template <typename F>
double medianCpuSeconds(const QString &name, int runs, F &&body)
{
    std::vector<double> t, w;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer wall;
        wall.start();
        const double t0 = threadCpuSeconds();
        body();
        t.push_back(threadCpuSeconds() - t0);
        w.push_back(wall.nsecsElapsed() * 1e-9);
    }
    std::sort(t.begin(), t.end());
    std::sort(w.begin(), w.end());
    gWall[name] = w[w.size() / 2];
    return t[t.size() / 2];
}

// FNV-1a over the bytes of every field of a result.
struct Digest {
    quint64 h = 1469598103934665603ull;
    void bytes(const void *p, size_t n)
    {
        const auto *c = static_cast<const unsigned char *>(p);
        for (size_t i = 0; i < n; ++i)
            h = (h ^ c[i]) * 1099511628211ull;
    }
    void number(double v) { bytes(&v, sizeof v); }
    void add(const LatentResult &r)
    {
        for (const auto *v : {&r.scores, &r.shares, &r.standardErrors})
            for (double x : *v)
                number(x);
        for (bool p : r.present)
            number(p ? 1.0 : 0.0);
        const QByteArray labels = r.predicted.join(QLatin1Char(',')).toUtf8() + '|' + r.singleLabel.toUtf8();
        bytes(labels.constData(), size_t(labels.size()));
        for (double x : {r.explainedVariance, r.similarity, r.cosine, r.deviancePerDof, r.gain, r.broadening, r.lineExcess,
                         r.lineExcessEnergy, r.unknown ? 1.0 : 0.0, double(r.iterations)})
            number(x);
    }
    QString hex() const { return QString::number(h, 16); }
};

int intArg(int argc, char **argv, const char *flag, int fallback)
{
    for (int i = 1; i + 1 < argc; ++i)
        if (qstrcmp(argv[i], flag) == 0)
            return std::max(1, QByteArray(argv[i + 1]).toInt());
    return fallback;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout), err(stderr);
    const int runs = intArg(argc, argv, "--runs", 5);
    const QString dataDir = QStringLiteral(PHOTOPEAK_SHARED_DATA "/gamma_flow");
    const LatentProtocol protocol = LatentProtocol::gammaFlowDefault(dataDir);
    auto model = protocol.train(LatentOptions::plain());
    if (!model) {
        err << "bench-latent: " << model.error().toString() << "\n";
        return 1;
    }
    // The reference's speed set: the 6 single-label test files and the known rows of multi-class (4083 spectra).
    std::vector<Spectrum> raw;
    for (const QString &path : protocol.singleFiles + protocol.multiFiles) {
        auto spectra = ReaderRegistry::instance().read(path);
        if (!spectra) {
            err << "bench-latent: " << spectra.error().toString() << "\n";
            return 1;
        }
        for (Spectrum &s : *spectra) {
            bool known = true;
            for (const QString &l : s.labels)
                known = known && model->components().contains(l);
            if (known)
                raw.push_back(std::move(s));
        }
    }
    const int n = int(raw.size()), K = model->componentCount(), C = model->channelCount();
    Rebinner rebinner(model->grid());
    std::vector<double> S(size_t(n) * C), X(size_t(n) * K);
    for (int i = 0; i < n; ++i)
        rebinner.rebin(raw[size_t(i)], S.data() + size_t(i) * C);
    out << "latent benchmark: " << n << " test spectra, K = " << K << ", " << C << " channels (fit " << C - model->minChannel()
        << "), one thread, median of " << runs
        << " runs of thread CPU time (per core; the scipy reference reports wall time)\n";
    out.flush();

    if (bench::hasFlag(argc, argv, "--default-only")) {
        auto defaultModel = protocol.train(LatentOptions::recommended());
        if (!defaultModel) {
            err << "bench-latent: " << defaultModel.error().toString() << "\n";
            return 1;
        }
        LatentAnalyser recommended(*defaultModel, LatentOptions::recommended());
        long long labels = 0;
        const double t = medianCpuSeconds(QStringLiteral("default"), runs, [&] {
            for (int i = 0; i < n; ++i)
                labels += recommended.analyse(S.data() + size_t(i) * C).predicted.size();
        });
        Digest digest;
        for (int i = 0; i < n; ++i)
            digest.add(recommended.analyse(S.data() + size_t(i) * C));
        out << QStringLiteral("full analysis, default, alone: %1 spectra/s (%2 us each)\n")
                   .arg(qint64(n / t), 10).arg(1e6 * t / n, 0, 'f', 2);
        out << "latent_full_default_digest: " << digest.hex() << "\n";
        out << "latent_checksum: " << labels << "\n";
        return 0;
    }
    // Repeat the set so that each timed run lasts long enough to measure.
    const int reps = 40;
    volatile double sink = 0.0;
    const double tScore = medianCpuSeconds(QStringLiteral("score"), runs, [&] {
        for (int r = 0; r < reps; ++r)
            for (int i = 0; i < n; ++i)
                model->score(S.data() + size_t(i) * C, X.data() + size_t(i) * K);
        sink = sink + X[0];
    });
    const double tBatch = medianCpuSeconds(QStringLiteral("batch"), runs, [&] {
        for (int r = 0; r < reps; ++r)
            model->solver().solveMany(S.data(), n, C, X.data());
        sink = sink + X[0];
    });
    LatentAnalyser plain(*model, LatentOptions::plain());
    std::vector<double> buffer(static_cast<size_t>(C));
    double x[NnlsSolver::MaxComponents];
    long long present = 0;
    const double tEndToEnd = medianCpuSeconds(QStringLiteral("e2e"), runs, [&] {
        for (int r = 0; r < reps; ++r)
            for (const Spectrum &s : raw) {
                rebinner.rebin(s.counts.data(), s.channelCount(), s.calibration, buffer.data());
                int single = -1;
                present += plain.decidePlain(buffer.data(), x, &single) + single;
            }
    });
    // Full analysis (statistics, decisions, unknown flag, ordered labels): plain, and the default (its own model:
    // the default trains with the resolution match). Whole set, repeated to last long enough.
    LatentAnalyser full(*model, LatentOptions::plain());
    const int fullReps = 10;
    const double tFull = medianCpuSeconds(QStringLiteral("full"), runs, [&] {
        for (int r = 0; r < fullReps; ++r)
            for (int i = 0; i < n; ++i)
                present += full.analyse(S.data() + size_t(i) * C).predicted.size();
    });
    auto defaultModel = protocol.train(LatentOptions::recommended());
    if (!defaultModel) {
        err << "bench-latent: " << defaultModel.error().toString() << "\n";
        return 1;
    }
    LatentAnalyser recommended(*defaultModel, LatentOptions::recommended());
    const double tDefault = medianCpuSeconds(QStringLiteral("default"), runs, [&] {
        for (int r = 0; r < fullReps; ++r)
            for (int i = 0; i < n; ++i)
                present += recommended.analyse(S.data() + size_t(i) * C).predicted.size();
    });
    // Digests of the whole set's results (identity checks across changes), outside the timing.
    Digest plainDigest, defaultDigest;
    for (int i = 0; i < n; ++i) {
        plainDigest.add(full.analyse(S.data() + size_t(i) * C));
        defaultDigest.add(recommended.analyse(S.data() + size_t(i) * C));
    }
    const double total = double(n) * reps;
    const double scorePerS = total / tScore, batchPerS = total / tBatch, e2ePerS = total / tEndToEnd;
    out << QStringLiteral("NNLS scoring, one spectrum per call       %1 spectra/s (%2 us each)\n")
               .arg(qint64(scorePerS), 10).arg(1e6 / scorePerS, 0, 'f', 3);
    out << QStringLiteral("NNLS scoring, batch (one A^T S product)   %1 spectra/s\n").arg(qint64(batchPerS), 10);
    out << QStringLiteral("rebin + score + decide, one per call      %1 spectra/s (%2 us each)\n")
               .arg(qint64(e2ePerS), 10).arg(1e6 / e2ePerS, 0, 'f', 3);
    const double fullPerS = double(n) * fullReps / tFull, defaultPerS = double(n) * fullReps / tDefault;
    out << QStringLiteral("full analysis, plain (EV, similarity, deviance, unknown flag, ordered labels) %1 spectra/s (%2 us each)\n")
               .arg(qint64(fullPerS), 10).arg(1e6 / fullPerS, 0, 'f', 2);
    out << QStringLiteral("full analysis, default (%1) %2 spectra/s (%3 us each)\n")
               .arg(LatentOptions::recommended().describe()).arg(qint64(defaultPerS), 10).arg(1e6 / defaultPerS, 0, 'f', 2);
    out.flush();

    QMap<QString, QString> ref;
    if (!bench::hasFlag(argc, argv, "--no-reference"))
        ref = bench::runReference(QStringLiteral("gamma_flow_reference.py"));
    const double refScore = ref.value(QStringLiteral("gf_nnls_per_s")).toDouble();
    const double refE2e = ref.value(QStringLiteral("gf_rebin_score_decide_per_s")).toDouble();
    if (refScore > 0 && refE2e > 0) {
        out << "reference (scipy, same machine, this invocation): NNLS " << qint64(refScore) << " spectra/s, rebin+score+decide "
            << qint64(refE2e) << " spectra/s; golden max rel score err " << ref.value(QStringLiteral("gf_golden_max_rel_score_err"))
            << "\n";
        const double wallScore = total / gWall.value(QStringLiteral("score")), wallE2e = total / gWall.value(QStringLiteral("e2e"));
        out << QStringLiteral("ratio NNLS scoring          %1 x per core (batch %2 x); wall clock against wall clock %3 x\n")
                   .arg(scorePerS / refScore, 0, 'f', 1).arg(batchPerS / refScore, 0, 'f', 1).arg(wallScore / refScore, 0, 'f', 1);
        out << QStringLiteral("ratio full analysis, default, per core, against the reference's rebin+score+decide (plain, no statistics): %1 x\n")
                   .arg(defaultPerS / refE2e, 0, 'f', 1);
        out << QStringLiteral("ratio rebin+score+decide    %1 x per core; wall clock against wall clock %2 x\n")
                   .arg(e2ePerS / refE2e, 0, 'f', 1).arg(wallE2e / refE2e, 0, 'f', 1);
        out << QStringLiteral("against the README's idle-VM reference (79,000 and 35,000 /s): %1 x and %2 x\n")
                   .arg(scorePerS / 79000.0, 0, 'f', 1).arg(e2ePerS / 35000.0, 0, 'f', 1);
    } else {
        out << "reference not run or not parsed: no ratios\n";
    }
    out << "bench: latent\n";
    out << "latent_nnls_per_s: " << qint64(scorePerS) << "\n";
    out << "latent_nnls_batch_per_s: " << qint64(batchPerS) << "\n";
    out << "latent_rebin_score_decide_per_s: " << qint64(e2ePerS) << "\n";
    out << "latent_full_plain_per_s: " << qint64(fullPerS) << "\n";
    out << "latent_full_default_per_s: " << qint64(defaultPerS) << "\n";
    if (refScore > 0 && refE2e > 0) {
        out << "latent_nnls_ratio: " << QString::number(scorePerS / refScore, 'f', 1) << "\n";
        out << "latent_rebin_score_decide_ratio: " << QString::number(e2ePerS / refE2e, 'f', 1) << "\n";
    }
    out << "latent_nnls_wall_per_s: " << qint64(total / gWall.value(QStringLiteral("score"))) << "\n";
    out << "latent_rebin_score_decide_wall_per_s: " << qint64(total / gWall.value(QStringLiteral("e2e"))) << "\n";
    out << "latent_checksum: " << (present + qint64(sink) % 7) << "\n";
    out << "latent_full_plain_digest: " << plainDigest.hex() << "\n";
    out << "latent_full_default_digest: " << defaultDigest.hex() << "\n";
    return 0;
}
