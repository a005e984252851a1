// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

// GUI responsiveness of live monitoring (issue 22): the live window (LiveWindow: worker thread, charts, banner,
// alarm log) watches a folder while a writer thread drops the XGD time series into it at a fixed rate (default 10
// spectra/s, each file in 4 pieces 2 ms apart). Prints the latency from "file complete on disk" (the writer closed
// it) to "decision shown" (the result is in the banner and every strip chart has redrawn, QCustomPlot::afterReplot;
// the spectrum plot is redrawn at most every LiveCharts::spectrumRedrawMs and is not waited for),
// the longest stall of the GUI event loop (a 5 ms timer's lateness), and the CPU of the process without the writer.
// Goal: shown < 50 ms after the file is complete, the window never stalls. No reference: the old XGD tool's live
// mode never worked. Run with a display or QT_QPA_PLATFORM=offscreen. Usage:
//   photopeak-bench-gui-live [--rate N] [--seconds S] [--prefill FILES] [--model FILE]

#include "BenchClock.h"
#include "DemoModel.h"
#include "LiveReplayData.h"

#include "live/LiveCharts.h"
#include "live/LiveWindow.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <utility>

#include <ctime>
#include <sys/resource.h>

using namespace photopeak;
using namespace photopeak::bench;
using Clock = std::chrono::steady_clock;

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser p;
    addLiveRunOptions(p);
    p.process(app);
    const double rate = std::max(0.1, p.value(QStringLiteral("rate")).toDouble());
    const double seconds = std::max(1.0, p.value(QStringLiteral("seconds")).toDouble());
    const int total = int(rate * seconds);

    const ReplaySpectra replay = loadReplaySpectra();
    const std::vector<QByteArray> &files = replay.files;
    const QStringList &names = replay.names;
    const auto analyzer = bench::demoAnalyzer(p.value(QStringLiteral("model")), out);
    if (files.empty() || !analyzer) {
        out << "no data or no model\n";
        return 1;
    }
    QTemporaryDir dir;
    const int prefill = std::max(0, p.value(QStringLiteral("prefill")).toInt());
    prefillFolder(dir.path(), prefill, replay);

    ui::LiveWindow window;
    window.setAnalyzerProvider([analyzer] { return analyzer; });
    window.resize(1600, 1000);
    window.show();

    std::mutex mutex;
    std::map<QString, Clock::time_point> completed;
    std::vector<double> shownMs;
    QStringList waitingForPaint;
    std::set<QCustomPlot *> toRepaint;
    QList<QCustomPlot *> plots = window.findChildren<QCustomPlot *>();
    plots.removeIf([](QCustomPlot *p) { return p->objectName() == QLatin1String(ui::LiveCharts::spectrumPlotName); });
    for (QCustomPlot *plot : plots)
        QObject::connect(plot, &QCustomPlot::afterReplot, &window, [&, plot] {
            toRepaint.erase(plot);
            if (!toRepaint.empty() || waitingForPaint.isEmpty())
                return;
            const auto now = Clock::now();
            std::lock_guard lock(mutex);
            for (const QString &f : std::exchange(waitingForPaint, {}))
                if (const auto it = completed.find(f); it != completed.end())
                    shownMs.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
            if (int(shownMs.size()) >= total)
                QTimer::singleShot(200, &app, &QCoreApplication::quit);
        });
    QObject::connect(&window, &ui::LiveWindow::resultsShown, &window, [&](const QStringList &shown) {
        waitingForPaint += shown;
        toRepaint = std::set<QCustomPlot *>(plots.begin(), plots.end());
    });

    // Event-loop stalls: how late a 5 ms timer fires.
    QElapsedTimer loopClock;
    qint64 lastTick = 0, worstGapMs = 0;
    std::vector<double> gaps;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(5);
    QObject::connect(&ticker, &QTimer::timeout, &window, [&] {
        const qint64 now = loopClock.elapsed();
        if (lastTick > 0) {
            worstGapMs = std::max(worstGapMs, now - lastTick);
            gaps.push_back(double(now - lastTick));
        }
        lastTick = now;
    });

    if (!window.watchFolder(dir.path())) {
        out << "cannot watch\n";
        return 1;
    }
    QTimer::singleShot(500, &app, [&] {  // the worker has started watching
        out << QStringLiteral("live window: %1 spectra at %2 per second into a watched folder holding %3 files; model %4; "
                              "%5 strip charts\n").arg(total).arg(rate).arg(prefill).arg(analyzer->modelDescription()).arg(plots.size());
        out.flush();
    });
    std::atomic<double> writerCpu{0.0};
    std::thread writer;
    double proc0 = 0.0, gui0 = 0.0;
    Clock::time_point wall0;
    QTimer::singleShot(1000, &app, [&] {
        proc0 = processCpuSeconds();
        gui0 = threadCpuSeconds();
        wall0 = Clock::now();
        loopClock.start();
        ticker.start();
        writer = std::thread([&] {
            const double w0 = threadCpuSeconds();
            const auto start = Clock::now();
            for (int i = 0; i < total; ++i) {
                std::this_thread::sleep_until(start + std::chrono::microseconds(qint64(1e6 * (i + 1) / rate)));
                const QByteArray &bytes = files[size_t(i) % files.size()];
                const QString path = QDir(dir.path()).filePath(
                    QStringLiteral("%1_%2").arg(i, 5, 10, QLatin1Char('0')).arg(names[int(size_t(i) % files.size())]));
                QFile f(path);
                if (!f.open(QIODevice::WriteOnly))
                    continue;
                for (int c = 0; c < 4; ++c) {
                    f.write(bytes.constData() + bytes.size() * c / 4, bytes.size() * (c + 1) / 4 - bytes.size() * c / 4);
                    f.flush();
                    if (c < 3)
                        std::this_thread::sleep_for(std::chrono::milliseconds(2));
                }
                f.close();
                std::lock_guard lock(mutex);
                completed[path] = Clock::now();
            }
            writerCpu = threadCpuSeconds() - w0;
        });
    });
    QTimer::singleShot(int(1000 * (seconds + 15)), &app, &QCoreApplication::quit);
    QApplication::exec();
    ticker.stop();
    const double wall = std::chrono::duration<double>(Clock::now() - wall0).count();
    const double gui = threadCpuSeconds() - gui0;
    if (writer.joinable())
        writer.join();
    const double proc = processCpuSeconds() - proc0 - writerCpu;
    window.stop();

    out << QStringLiteral("spectra shown          %1 of %2 (window: %3 results)\n").arg(shownMs.size()).arg(total).arg(window.resultCount());
    out << QStringLiteral("file complete -> decision shown (ms): median %1  p90 %2  p99 %3  max %4   (goal < 50)\n")
               .arg(percentile(shownMs, 0.5), 0, 'f', 2).arg(percentile(shownMs, 0.9), 0, 'f', 2)
               .arg(percentile(shownMs, 0.99), 0, 'f', 2).arg(percentile(shownMs, 1.0), 0, 'f', 2);
    out << QStringLiteral("GUI event loop: 5 ms timer gap median %1 ms, p99 %2 ms, longest %3 ms\n")
               .arg(percentile(gaps, 0.5), 0, 'f', 1).arg(percentile(gaps, 0.99), 0, 'f', 1).arg(worstGapMs);
    out << QStringLiteral("CPU: GUI thread %1 %, whole process without the writer %2 % of one core (%3 s wall)\n")
               .arg(100.0 * gui / wall, 0, 'f', 2).arg(100.0 * proc / wall, 0, 'f', 2).arg(wall, 0, 'f', 1);
    return int(shownMs.size()) == total ? 0 : 1;
}
