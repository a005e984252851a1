// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "AnalysisCli.h"
#include "ClassifierCli.h"
#include "CliOutput.h"
#include "Commands.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "live/FolderSource.h"
#include "live/GrowingFileSource.h"
#include "live/LiveMonitor.h"
#include "live/ReplaySource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <memory>
#include <optional>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace photopeak;

namespace {

#ifdef Q_OS_UNIX
int g_signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &c, 1);
}
// SIGINT and SIGTERM end the event loop through a pipe (nothing but write() inside a signal handler).
std::unique_ptr<QSocketNotifier> quitOnSignals()
{
    if (g_signalPipe[0] < 0 && ::pipe(g_signalPipe) != 0)
        return nullptr;
    auto notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(notifier.get(), &QSocketNotifier::activated, qApp, [] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalPipe[0], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    return notifier;
}
#else
std::unique_ptr<QSocketNotifier> quitOnSignals() { return nullptr; }
#endif

QString timeText(const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QStringLiteral("-"); }

QJsonValue optionalNumber(const std::optional<double> &v) { return v ? QJsonValue(*v) : QJsonValue(); }

QJsonObject alarmJson(const AlarmRecord &a, const QString &event)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("alarm")},
                       {QStringLiteral("event"), event},
                       {QStringLiteral("id"), a.id},
                       {QStringLiteral("isotopes"), QJsonArray::fromStringList(a.isotopes)},
                       {QStringLiteral("file"), a.file},
                       {QStringLiteral("sequence"), a.sequence},
                       {QStringLiteral("measured"), a.measuredAt.isValid() ? a.measuredAt.toString(Qt::ISODate) : QString()},
                       {QStringLiteral("raised"), a.raisedAt.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("cleared"), a.clearedAt.isValid() ? a.clearedAt.toString(Qt::ISODateWithMs) : QString()},
                       {QStringLiteral("trigger"), a.trigger},
                       {QStringLiteral("sigma"), a.sigma},
                       {QStringLiteral("peakSigma"), a.peakSigma},
                       {QStringLiteral("excessCps"), a.excessCps},
                       {QStringLiteral("backgroundCps"), a.backgroundCps},
                       {QStringLiteral("intervals"), a.intervals},
                       {QStringLiteral("evidence"), a.evidence()}};
}

QJsonObject resultJson(const LiveResult &r)
{
    QJsonObject probabilities;
    for (const IsotopeFinding &f : r.analysis.isotopes)
        probabilities[f.isotope] = f.probability;
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("spectrum")},
                  {QStringLiteral("sequence"), r.sequence},
                  {QStringLiteral("file"), r.file},
                  {QStringLiteral("record"), r.record},
                  {QStringLiteral("measured"), r.measuredAt.isValid() ? r.measuredAt.toString(Qt::ISODate) : QString()},
                  {QStringLiteral("received"), r.receivedAt.toString(Qt::ISODateWithMs)},
                  {QStringLiteral("decision"), SpectrumAnalysis::decisionName(r.analysis.decision)},
                  {QStringLiteral("usable"), r.usable},
                  {QStringLiteral("liveTime"), r.liveTime},
                  {QStringLiteral("countRateCps"), r.countRateCps},
                  {QStringLiteral("backgroundCps"), r.backgroundCps},
                  {QStringLiteral("backgroundIntervals"), r.backgroundIntervals},
                  {QStringLiteral("backgroundReady"), r.backgroundReady},
                  {QStringLiteral("sigma"), r.sigma},
                  {QStringLiteral("intervalSigma"), optionalNumber(r.intervalSigma)},
                  {QStringLiteral("slidingSigma"), optionalNumber(r.slidingSigma)},
                  {QStringLiteral("cumulativeSigma"), optionalNumber(r.cumulativeSigma)},
                  {QStringLiteral("trigger"), r.trigger},
                  {QStringLiteral("alarming"), r.alarming},
                  {QStringLiteral("alarmActive"), r.alarmActive},
                  {QStringLiteral("isotopes"), QJsonArray::fromStringList(r.isotopes)},
                  {QStringLiteral("probabilities"), probabilities},
                  {QStringLiteral("latencyMs"), r.latencyMs},
                  {QStringLiteral("decisionMs"), r.decisionMs}};
    if (r.analysis.sourceProbability)
        o[QStringLiteral("sourceProbability")] = *r.analysis.sourceProbability;
    if (!r.analysis.message.isEmpty())
        o[QStringLiteral("message")] = r.analysis.message;
    return o;
}

QString resultLine(const LiveResult &r)
{
    const QString name = QFileInfo(r.file).fileName() + (r.record > 0 ? QStringLiteral(" #%1").arg(r.record) : QString());
    QString line = QStringLiteral("#%1 %2 %3").arg(r.sequence).arg(timeText(r.measuredAt), name);
    if (!r.usable)
        return line + QStringLiteral("  %1: %2").arg(SpectrumAnalysis::decisionName(r.analysis.decision), r.analysis.message);
    line += QStringLiteral("  %1 cps").arg(r.countRateCps, 0, 'f', 1);
    if (r.backgroundReady)
        line += QStringLiteral("  bkg %1 cps  %2%3 sigma (%4)").arg(r.backgroundCps, 0, 'f', 1)
                    .arg(r.sigma >= 0 ? QStringLiteral("+") : QString()).arg(r.sigma, 0, 'f', 1).arg(r.trigger);
    else
        line += QStringLiteral("  learning background (%1 intervals)").arg(r.backgroundIntervals + (r.addedToBackground ? 1 : 0));
    line += QStringLiteral("  %1").arg(SpectrumAnalysis::decisionName(r.analysis.decision));
    if (!r.isotopes.isEmpty())
        line += QStringLiteral("  ") + r.isotopes.join(QStringLiteral(", "));
    if (r.alarmActive)
        line += QStringLiteral("  ALARM");
    return line;
}

QString alarmLine(const AlarmRecord &a, bool raised)
{
    if (raised)
        return QStringLiteral("ALARM raised: %1 at %2 (spectrum #%3, %4): %5")
            .arg(a.isotopeText(), a.raisedAt.toString(Qt::ISODate)).arg(a.sequence)
            .arg(QFileInfo(a.file).fileName(), a.evidence());
    return QStringLiteral("ALARM cleared: %1 at %2 (raised %3, peak %4 sigma, %5 alarming intervals)")
        .arg(a.isotopeText(), a.clearedAt.toString(Qt::ISODate), a.raisedAt.toString(Qt::ISODate))
        .arg(a.peakSigma, 0, 'f', 1).arg(a.intervals);
}

// --alarm-cmd: run detached with the alarm in environment variables.
void runAlarmCommand(const QString &command, const AlarmRecord &a, bool raised)
{
    QProcess p;
#ifdef Q_OS_UNIX
    p.setProgram(QStringLiteral("/bin/sh"));  // a shell command line: quotes and $PHOTOPEAK_ALARM_* work as typed
    p.setArguments({QStringLiteral("-c"), command});
#else
    QStringList parts = QProcess::splitCommand(command);
    if (parts.isEmpty())
        return;
    p.setProgram(parts.takeFirst());
    p.setArguments(parts);
#endif
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_EVENT"), raised ? QStringLiteral("raised") : QStringLiteral("cleared"));
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_ID"), QString::number(a.id));
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_ISOTOPES"), a.isotopeText());
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_FILE"), a.file);
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_TIME"), (raised ? a.raisedAt : a.clearedAt).toString(Qt::ISODate));
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_SIGMA"), QString::number(a.sigma, 'f', 2));
    env.insert(QStringLiteral("PHOTOPEAK_ALARM_EVIDENCE"), a.evidence());
    p.setProcessEnvironment(env);
    if (!p.startDetached())
        cliErr() << "photopeak-cli watch: --alarm-cmd could not be started: " << p.errorString() << "\n";
}

struct WatchOptions {
    QCommandLineOption json{QStringLiteral("json"), QStringLiteral("One JSON object per line (type spectrum or alarm) instead of text.")};
    QCommandLineOption alarmCmd{QStringLiteral("alarm-cmd"),
        QStringLiteral("Shell command run (detached) when an alarm is raised or cleared; PHOTOPEAK_ALARM_EVENT, _ISOTOPES, _FILE, "
                       "_TIME, _SIGMA, _EVIDENCE, _ID in its environment."), QStringLiteral("cmd")};
    QCommandLineOption alarmLog{QStringLiteral("alarm-log"), QStringLiteral("Alarm log CSV, rewritten (atomically) at every alarm event; not inside the watched folder."), QStringLiteral("file")};
    QCommandLineOption replay{QStringLiteral("replay"),
        QStringLiteral("Replay these measured spectra into FOLDER (written in chunks, in acquisition order) while watching it. Repeatable."), QStringLiteral("src")};
    QCommandLineOption speed{QStringLiteral("speed"), QStringLiteral("Replay speed: 10 = ten times faster than measured (default 1)."), QStringLiteral("x"), QStringLiteral("1")};
    QCommandLineOption interval{QStringLiteral("interval"), QStringLiteral("Replay: seconds between files instead of their real times."), QStringLiteral("s")};
    QCommandLineOption chunks{QStringLiteral("chunks"), QStringLiteral("Replay: pieces each file is written in (default 4)."), QStringLiteral("n"), QStringLiteral("4")};
    QCommandLineOption maxSpectra{QStringLiteral("max-spectra"), QStringLiteral("Stop after this many spectra."), QStringLiteral("n")};
    QCommandLineOption duration{QStringLiteral("duration"), QStringLiteral("Stop after this many seconds."), QStringLiteral("s")};
    QCommandLineOption sigma{QStringLiteral("alarm-sigma"), QStringLiteral("Alarm threshold: gross-count excess over the rolling background in standard deviations (default 4)."), QStringLiteral("k"), QStringLiteral("4")};
    QCommandLineOption raiseAfter{QStringLiteral("raise-after"), QStringLiteral("Consecutive alarming intervals to raise the alarm (default 1)."), QStringLiteral("n"), QStringLiteral("1")};
    QCommandLineOption clearAfter{QStringLiteral("clear-after"), QStringLiteral("Consecutive quiet intervals to clear it (default 3)."), QStringLiteral("n"), QStringLiteral("3")};
    QCommandLineOption probability{QStringLiteral("alarm-probability"), QStringLiteral("Isotopes are named in alarms at or above this probability (default 0.5)."), QStringLiteral("p"), QStringLiteral("0.5")};
    QCommandLineOption modelAlarms{QStringLiteral("model-alarms"), QStringLiteral("An interval the model calls a source with a named isotope also alarms.")};
    QCommandLineOption sum{QStringLiteral("sum"), QStringLiteral("Also test the sum of the last N intervals (weak sources)."), QStringLiteral("n"), QStringLiteral("0")};
    QCommandLineOption cumulative{QStringLiteral("cumulative"), QStringLiteral("Also test the sum of all intervals since the start.")};
    QCommandLineOption background{QStringLiteral("background-intervals"), QStringLiteral("Rolling background: the last N source-free intervals (default 30)."), QStringLiteral("n"), QStringLiteral("30")};
    QCommandLineOption minBackground{QStringLiteral("min-background"), QStringLiteral("Intervals learnt before the first test (default 5)."), QStringLiteral("n"), QStringLiteral("5")};
    QCommandLineOption settle{QStringLiteral("settle"), QStringLiteral("Formats without size or end marker: a file unchanged this long (ms) is complete (default 500)."), QStringLiteral("ms"), QStringLiteral("500")};
    QCommandLineOption existing{QStringLiteral("existing"), QStringLiteral("Also analyse the files already in FOLDER (oldest first).")};
    QCommandLineOption noSubfolders{QStringLiteral("no-subfolders"), QStringLiteral("Watch FOLDER only, not its subfolders (followed by default, also ones made later).")};
};

// Number option or usage error; `min` is the smallest value allowed.
std::optional<double> number(const QCommandLineParser &p, const QCommandLineOption &o, double min, bool whole)
{
    bool ok = false;
    const double v = p.value(o).toDouble(&ok);
    if (!ok || !std::isfinite(v) || v < min || (whole && v != std::floor(v))) {
        cliErr() << "photopeak-cli watch: --" << o.names().front() << " needs " << (whole ? "a whole number" : "a number")
                 << " of at least " << min << "\n";
        return std::nullopt;
    }
    return v;
}

} // namespace

int runWatch(const QStringList &args)
{
    QCommandLineParser parser;
    ClassifierCli cli;
    AnalysisCli analysisCli;
    cli.addTrainingOptions(parser);
    cli.addTestOptions(parser);
    analysisCli.addOptions(parser);
    const WatchOptions w;
    parser.addOptions({w.json, w.alarmCmd, w.alarmLog, w.replay, w.speed, w.interval, w.chunks, w.maxSpectra, w.duration,
                       w.sigma, w.raiseAfter, w.clearAfter, w.probability, w.modelAlarms, w.sum, w.cumulative,
                       w.background, w.minBackground, w.settle, w.existing, w.noSubfolders});
    parser.addPositionalArgument(QStringLiteral("folder"), QStringLiteral("Folder the instrument writes into, or one growing series file (N42)."));
    if (const int rc = parseCommandLine(parser, args,
            QStringLiteral("Follow a detector as it measures: every new spectrum in FOLDER (files read once complete) is analysed "
                           "with the model and tested against a rolling background of the recent source-free intervals; "
                           "alarms are raised and cleared with hysteresis. One line per spectrum and per alarm. Runs until "
                           "interrupted (Ctrl+C) or a limit; never modifies or deletes the watched files.\n"
                           "Example: photopeak-cli watch /data/detector --model model.json --alarm-log alarms.csv\n"
                           "Demo: photopeak-cli watch /tmp/live --model model.json --replay bkgs --replay srcs --speed 20"));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        cliErr() << "photopeak-cli watch: give one folder (or series file) to watch\n";
        return 2;
    }
    const QString target = parser.positionalArguments().front();
    LiveAnalysis::Options lo;
    const auto sigma = number(parser, w.sigma, 0.0, false), raise = number(parser, w.raiseAfter, 1, true),
               clear = number(parser, w.clearAfter, 1, true), prob = number(parser, w.probability, 0.0, false),
               sum = number(parser, w.sum, 0, true), bkg = number(parser, w.background, 1, true),
               minBkg = number(parser, w.minBackground, 1, true), settle = number(parser, w.settle, 0, true),
               speed = number(parser, w.speed, 1e-6, false), chunks = number(parser, w.chunks, 1, true);
    if (!sigma || !raise || !clear || !prob || !sum || !bkg || !minBkg || !settle || !speed || !chunks)
        return 2;
    std::optional<double> maxSpectra, duration, interval;
    if (parser.isSet(w.maxSpectra) && !(maxSpectra = number(parser, w.maxSpectra, 1, true)))
        return 2;
    if (parser.isSet(w.duration) && !(duration = number(parser, w.duration, 0.001, false)))
        return 2;
    if (parser.isSet(w.interval) && !(interval = number(parser, w.interval, 0.0, false)))
        return 2;
    lo.alarm.sigma = *sigma;
    lo.alarm.raiseAfter = int(*raise);
    lo.alarm.clearAfter = int(*clear);
    lo.alarm.isotopeProbability = *prob;
    lo.alarm.modelAlarms = parser.isSet(w.modelAlarms);
    lo.slidingIntervals = int(*sum);
    lo.cumulative = parser.isSet(w.cumulative);
    lo.backgroundIntervals = int(*bkg);
    lo.minBackgroundIntervals = int(*minBkg);

    // The alarm log: never over an input, a foreign file or inside the watched folder (it would be read as a spectrum).
    const QString alarmLogPath = parser.value(w.alarmLog);
    if (!alarmLogPath.isEmpty()) {
        const QString watched = OutputGuard::canonicalPath(QFileInfo(target).isFile() ? QFileInfo(target).absolutePath() : target);
        if (OutputGuard::canonicalPath(QFileInfo(alarmLogPath).absolutePath()) == watched) {
            cliErr() << "photopeak-cli watch: " << alarmLogPath << ": the alarm log cannot go into the watched folder\n";
            return 2;
        }
        const OutputGuard guard(cli.inputsRead(parser) + analysisCli.inputsRead(parser) + parser.values(w.replay),
                                cli.forceRetrain(parser));
        if (const int refused = checkOutputs(QStringLiteral("watch"), guard, {{alarmLogPath, OutputKind::table()}}); refused >= 0)
            return refused;
    }
    int failure = 0;
    auto analyzer = analysisCli.makeAnalyzer(parser, cli, QStringLiteral("watch"), QStringLiteral("Activities are left out."), &failure);
    if (!analyzer)
        return failure;

    std::unique_ptr<LiveSource> source;
    const QStringList replays = parser.values(w.replay);
    if (!replays.isEmpty()) {
        ReplaySource::Options ro;
        ro.speed = *speed;
        ro.intervalS = interval.value_or(0.0);
        ro.targetFolder = target;
        ro.chunks = int(*chunks);
        ro.settleMs = qint64(*settle);
        source = std::make_unique<ReplaySource>(replays, ro);
    } else if (QFileInfo(target).isFile()) {
        GrowingFileSource::Options go;
        go.settleMs = qint64(*settle);
        go.existing = parser.isSet(w.existing);
        source = std::make_unique<GrowingFileSource>(target, go);
    } else {
        FolderSource::Options fo;
        fo.settleMs = qint64(*settle);
        fo.existing = parser.isSet(w.existing);
        fo.subfolders = !parser.isSet(w.noSubfolders);
        source = std::make_unique<FolderSource>(target, fo);
    }
    const QString description = source->describe();
    LiveMonitor monitor(std::move(source), std::make_shared<const SpectrumAnalyzer>(std::move(*analyzer)), lo);

    const bool json = parser.isSet(w.json);
    const QString alarmCmd = parser.value(w.alarmCmd);
    QTextStream &out = cliOut();
    int spectra = 0, unusable = 0, alarms = 0, problems = 0;
    std::vector<double> latencies;
    bool logFailed = false;
    auto saveLog = [&] {
        if (alarmLogPath.isEmpty())
            return;
        if (const Status st = monitor.analysis().alarmLog().save(alarmLogPath); !st && !logFailed) {
            cliErr() << "photopeak-cli watch: " << st.error().toString() << "\n";
            cliErr().flush();
            logFailed = true;
        }
    };
    LiveMonitor::Callbacks cb;
    cb.result = [&](const LiveResult &r) {
        ++spectra;
        unusable += r.usable ? 0 : 1;
        latencies.push_back(r.latencyMs);
        out << (json ? QString::fromUtf8(QJsonDocument(resultJson(r)).toJson(QJsonDocument::Compact)) : resultLine(r)) << "\n";
        if (r.event != AlarmLogic::Event::None && r.alarm) {
            const bool raised = r.event == AlarmLogic::Event::Raised;
            alarms += raised ? 1 : 0;
            out << (json ? QString::fromUtf8(QJsonDocument(alarmJson(*r.alarm, raised ? QStringLiteral("raised") : QStringLiteral("cleared")))
                                                 .toJson(QJsonDocument::Compact))
                         : alarmLine(*r.alarm, raised))
                << "\n";
            saveLog();
            if (!alarmCmd.isEmpty())
                runAlarmCommand(alarmCmd, *r.alarm, raised);
        }
        out.flush();
        if (maxSpectra && spectra >= int(*maxSpectra)) {
            monitor.stop();  // nothing more is delivered, also from a batch already being read
            QTimer::singleShot(0, qApp, &QCoreApplication::quit);
        }
    };
    cb.problem = [&](const Error &e) {
        ++problems;
        cliErr() << "photopeak-cli watch: " << e.toString() << "\n";
        cliErr().flush();
    };
    cb.finished = [&] { QTimer::singleShot(0, qApp, &QCoreApplication::quit); };
    monitor.setCallbacks(cb);
    if (const Status st = monitor.start(); !st) {
        cliErr() << "photopeak-cli watch: " << st.error().toString() << "\n";
        return 1;
    }
    const auto signalNotifier = quitOnSignals();
    if (duration)
        QTimer::singleShot(int(*duration * 1000.0), qApp, &QCoreApplication::quit);
    cliErr() << "photopeak-cli watch: " << description << " with " << monitor.analysis().analyzer().modelDescription()
             << "; alarm at " << lo.alarm.sigma << " sigma, raised after " << lo.alarm.raiseAfter << ", cleared after "
             << lo.alarm.clearAfter << " intervals\n";
    cliErr().flush();
    QCoreApplication::exec();
    monitor.stop();
    saveLog();
    std::sort(latencies.begin(), latencies.end());
    cliErr() << QStringLiteral("watched %1 spectra (%2 not analysable), %3 alarms, %4 unreadable files; latency median %5 ms\n")
                    .arg(spectra).arg(unusable).arg(alarms).arg(problems)
                    .arg(latencies.empty() ? 0.0 : latencies[latencies.size() / 2], 0, 'f', 1);
    cliErr().flush();
    return logFailed ? 1 : 0;
}
