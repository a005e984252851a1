// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// Benchmark of live monitoring (issue 22): a writer thread drops the XGD time series (set2/test/time bkg/5s
// then sig/5s, cycled) into a temporary folder at a fixed rate, each file written in chunks the way
// acquisition software does; the main thread watches the folder (FolderSource: QFileSystemWatcher) and
// analyses every spectrum (LiveAnalysis: classifier + rolling-background test + alarms). Prints the latency
// from "file complete on disk" (the writer closed it) to the decision, and the CPU time of the monitoring
// thread and of the whole process (minus the writer) per second of wall time.
// No reference: the old XGD tool had no working live mode. Usage:
//   photopeak-bench-live [--rate SPECTRA_PER_S] [--seconds S] [--chunks N] [--prefill FILES] [--model FILE]

#include "BenchClock.h"
#include "DemoModel.h"
#include "LiveReplayData.h"

#include "live/FolderSource.h"
#include "live/LiveMonitor.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <ctime>
#include <map>
#include <mutex>
#include <thread>

#include <sys/resource.h>

using namespace photopeak;
using namespace photopeak::bench;
using Clock = std::chrono::steady_clock;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser p;
    addLiveRunOptions(p);
    p.addOption({QStringLiteral("chunks"), QStringLiteral("Pieces each file is written in (default 4, 2 ms apart)."), QStringLiteral("n"), QStringLiteral("4")});
    p.process(app);
    const double rate = std::max(0.1, p.value(QStringLiteral("rate")).toDouble());
    const double seconds = std::max(1.0, p.value(QStringLiteral("seconds")).toDouble());
    const int chunks = std::max(1, p.value(QStringLiteral("chunks")).toInt());

    const ReplaySpectra replay = loadReplaySpectra();
    const std::vector<QByteArray> &files = replay.files;
    const QStringList &names = replay.names;
    if (files.empty()) {
        out << "no data: " << replay.folder << "\n";
        return 1;
    }
    const auto analyzer = photopeak::bench::demoAnalyzer(p.value(QStringLiteral("model")), out);
    if (!analyzer) {
        out << "no model\n";
        return 1;
    }
    QTemporaryDir dir;
    const int prefill = std::max(0, p.value(QStringLiteral("prefill")).toInt());
    prefillFolder(dir.path(), prefill, replay);
    const int total = int(rate * seconds);
    std::mutex mutex;
    std::map<QString, Clock::time_point> completed;
    std::atomic<double> writerCpu{0.0};

    LiveMonitor monitor(std::make_unique<FolderSource>(dir.path()), analyzer, LiveAnalysis::Options());
    std::vector<double> latency, watcherLatency, decision;
    int alarms = 0;
    LiveMonitor::Callbacks cb;
    cb.result = [&](const LiveResult &r) {
        const auto now = Clock::now();
        std::lock_guard lock(mutex);
        const auto it = completed.find(r.file);
        if (it != completed.end())
            latency.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
        watcherLatency.push_back(r.latencyMs);
        decision.push_back(r.decisionMs);
        alarms += r.event == AlarmLogic::Event::Raised;
        if (int(decision.size()) >= total)
            QCoreApplication::quit();
    };
    monitor.setCallbacks(cb);
    if (!monitor.start()) {
        out << "cannot watch " << dir.path() << "\n";
        return 1;
    }

    out << QStringLiteral("live monitoring: %1 spectra at %2 per second into a watched folder holding %3 files, %4 chunks 2 ms "
                          "apart; model %5\n")
               .arg(total).arg(rate).arg(prefill).arg(chunks).arg(analyzer->modelDescription());
    const double cpu0 = threadCpuSeconds(), proc0 = processCpuSeconds();
    const auto wall0 = Clock::now();
    std::thread writer([&] {
        const double w0 = threadCpuSeconds();
        const auto start = Clock::now();
        for (int i = 0; i < total; ++i) {
            std::this_thread::sleep_until(start + std::chrono::microseconds(qint64(1e6 * (i + 1) / rate)));
            const QByteArray &bytes = files[size_t(i) % files.size()];
            const QString path = QDir(dir.path()).filePath(QStringLiteral("%1_%2").arg(i, 5, 10, QLatin1Char('0')).arg(names[int(size_t(i) % files.size())]));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly))
                continue;
            for (int c = 0; c < chunks; ++c) {
                const qsizetype from = bytes.size() * c / chunks, to = bytes.size() * (c + 1) / chunks;
                f.write(bytes.constData() + from, to - from);
                f.flush();
                if (c + 1 < chunks)
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
            f.close();
            std::lock_guard lock(mutex);
            completed[path] = Clock::now();
        }
        writerCpu = threadCpuSeconds() - w0;
    });
    QTimer::singleShot(int(1000 * (seconds + 10)), &app, &QCoreApplication::quit);  // a lost file must not hang the run
    QCoreApplication::exec();
    const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
    const double cpu = threadCpuSeconds() - cpu0;
    writer.join();
    const double proc = processCpuSeconds() - proc0 - writerCpu;
    monitor.stop();

    out << QStringLiteral("spectra decided        %1 of %2 (%3 alarms raised)\n").arg(decision.size()).arg(total).arg(alarms);
    out << QStringLiteral("latency file complete -> decision (ms): median %1  p90 %2  p99 %3  max %4   (goal < 50)\n")
               .arg(percentile(latency, 0.5), 0, 'f', 2).arg(percentile(latency, 0.9), 0, 'f', 2)
               .arg(percentile(latency, 0.99), 0, 'f', 2).arg(percentile(latency, 1.0), 0, 'f', 2);
    out << QStringLiteral("  of which seen complete -> decision    median %1 ms; analysis alone median %2 ms, p99 %3 ms\n")
               .arg(percentile(watcherLatency, 0.5), 0, 'f', 2).arg(percentile(decision, 0.5), 0, 'f', 2)
               .arg(percentile(decision, 0.99), 0, 'f', 2);
    out << QStringLiteral("CPU of the monitoring thread: %1 s in %2 s = %3 % of one core   (goal < 5 %)\n")
               .arg(cpu, 0, 'f', 3).arg(wall, 0, 'f', 1).arg(100.0 * cpu / wall, 0, 'f', 2);
    out << QStringLiteral("CPU of the process without the writer: %1 % of one core\n").arg(100.0 * proc / wall, 0, 'f', 2);
    return decision.size() == size_t(total) ? 0 : 1;
}
