// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Scale-out benchmark (issue 20, docs/scale-out.md): photopeak-cli classify over a folder tree run as one process
// and as N processes, each taking its shard (--shard I/N, one thread each, started together as a SLURM array
// would start them on N cores or nodes), then merged. Prints spectra per second, speed-up over the single
// process of the same run (the reference) and parallel efficiency, and checks the merged CSV equals the single
// run's. On a machine with C cores N above C shows the per-core ceiling. Usage:
//   photopeak-bench-shards [--processes 1,2,4] [--repeat R] [--model FILE] [INPUT...]
//   (default input: ../shared/data/xgd/srcs and bkgs, 3041 spectra; default model: trained on the demo spectra)

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <memory>
#include <vector>

#include <sys/resource.h>

namespace {
QTextStream out(stdout);

double childrenCpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + 1e-6 * double(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

QByteArray bytesOf(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct Run {
    double wallS = 0.0, cpuS = 0.0;
    bool ok = true;
    QString error;
};

// Starts `count` classify processes at once (shard i of count; count 1 = the whole batch, no --shard).
Run classifyInShards(int count, const QString &model, const QStringList &inputs, const QString &dir)
{
    Run run;
    std::vector<std::unique_ptr<QProcess>> procs;
    const double cpu0 = childrenCpuSeconds();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        QStringList args{QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("classify"), QStringLiteral("--model"), model,
                         QStringLiteral("-o"), QStringLiteral("%1/part-%2.csv").arg(dir).arg(i, 5, 10, QLatin1Char('0'))};
        if (count > 1)
            args << QStringLiteral("--shard") << QStringLiteral("%1/%2").arg(i).arg(count);
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->start(QStringLiteral(PHOTOPEAK_CLI_PATH), args + inputs);
        procs.push_back(std::move(p));
    }
    for (auto &p : procs) {
        p->waitForFinished(-1);
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() > 1) {
            run.ok = false;
            run.error = QStringLiteral("classify exited with %1").arg(p->exitCode());
        }
    }
    run.wallS = timer.nsecsElapsed() * 1e-9;
    run.cpuS = childrenCpuSeconds() - cpu0;
    return run;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({QStringLiteral("processes"), QStringLiteral("Process counts to run (default 1,2,4)."), QStringLiteral("list"), QStringLiteral("1,2,4")});
    p.addOption({QStringLiteral("repeat"), QStringLiteral("Runs per count; the fastest is kept (default 1)."), QStringLiteral("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("model"), QStringLiteral("Classifier model (default: trained on the demo spectra)."), QStringLiteral("file")});
    p.addPositionalArgument(QStringLiteral("inputs"), QStringLiteral("Files or folders to classify."));
    p.process(app);
    QStringList inputs = p.positionalArguments();
    if (inputs.isEmpty())
        inputs = {QStringLiteral(PHOTOPEAK_SHARED_DATA "/xgd/srcs"), QStringLiteral(PHOTOPEAK_SHARED_DATA "/xgd/bkgs")};
    QTemporaryDir dir;
    QString model = p.value(QStringLiteral("model"));
    if (model.isEmpty()) {
        model = dir.filePath(QStringLiteral("model.json"));
        const QString demo = QStringLiteral(PHOTOPEAK_BENCH_DIR "/../../resources/demo/xgd");
        QProcess train;
        train.setProcessChannelMode(QProcess::ForwardedChannels);
        train.start(QStringLiteral(PHOTOPEAK_CLI_PATH),
                    {QStringLiteral("train"), QStringLiteral("-S"), demo + QStringLiteral("/srcs"), QStringLiteral("-B"),
                     demo + QStringLiteral("/bkgs"), QStringLiteral("--synthetic"), QStringLiteral("300"),
                     QStringLiteral("--no-search"), QStringLiteral("--folds"), QStringLiteral("3"), QStringLiteral("-o"), model});
        train.waitForFinished(-1);
        if (train.exitCode() != 0) {
            out << "training the demo model failed\n";
            return 1;
        }
    }
    const int repeat = std::max(1, p.value(QStringLiteral("repeat")).toInt());
    std::vector<int> counts;
    for (const QString &c : p.value(QStringLiteral("processes")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        counts.push_back(std::max(1, c.toInt()));
    if (std::find(counts.begin(), counts.end(), 1) == counts.end())
        counts.insert(counts.begin(), 1);

    QByteArray single;
    double singleRate = 0.0;
    qsizetype spectra = 0;
    out << "photopeak-bench-shards: classify, one thread per process, " << QThread::idealThreadCount()
        << " cores here; inputs: " << inputs.join(QStringLiteral(", ")) << "\n";
    out << "| processes (shards) | wall s | spectra/s | speed-up vs 1 process | efficiency | CPU s total | merged = single |\n"
           "|---|---|---|---|---|---|---|\n";
    out.flush();
    for (int count : counts) {
        Run best;
        for (int r = 0; r < repeat; ++r) {
            const QString runDir = dir.filePath(QStringLiteral("n%1-%2").arg(count).arg(r));
            QDir().mkpath(runDir);
            Run run = classifyInShards(count, model, inputs, runDir);
            if (!run.ok) {
                out << run.error << "\n";
                return 1;
            }
            QByteArray merged;
            if (count == 1) {
                merged = bytesOf(runDir + QStringLiteral("/part-00000.csv"));
            } else {
                QStringList parts;
                for (int i = 0; i < count; ++i)
                    parts << QStringLiteral("%1/part-%2.csv").arg(runDir).arg(i, 5, 10, QLatin1Char('0'));
                QProcess merge;
                merge.start(QStringLiteral(PHOTOPEAK_CLI_PATH),
                            QStringList{QStringLiteral("merge"), QStringLiteral("-o"), runDir + QStringLiteral("/merged.csv")} + parts);
                merge.waitForFinished(-1);
                merged = bytesOf(runDir + QStringLiteral("/merged.csv"));
            }
            if (single.isEmpty()) {
                single = merged;
                spectra = single.count('\n') - 1;
            }
            run.error = merged == single ? QStringLiteral("yes") : QStringLiteral("NO");
            if (r == 0 || run.wallS < best.wallS)
                best = run;
        }
        const double rate = double(spectra) / best.wallS;
        if (count == 1)
            singleRate = rate;
        out << QStringLiteral("| %1 | %2 | %3 | %4x | %5 % | %6 | %7 |\n")
                   .arg(count)
                   .arg(best.wallS, 0, 'f', 2)
                   .arg(rate, 0, 'f', 0)
                   .arg(rate / singleRate, 0, 'f', 2)
                   .arg(100.0 * rate / singleRate / count, 0, 'f', 0)
                   .arg(best.cpuS, 0, 'f', 2)
                   .arg(best.error);
        out.flush();
    }
    out << "spectra per run: " << spectra << "; reference = the single process of this run (N = 1)\n";
    return 0;
}
