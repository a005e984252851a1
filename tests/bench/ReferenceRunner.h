// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// Runs one of the reference Python pipelines of ../shared/bench in the same invocation as a benchmark and
// returns its machine-readable summary (the `bench: <name>` block of `key: value` lines).

#include <QElapsedTimer>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QString>
#include <QTextStream>

namespace photopeak::bench {

// `script`: a name in ../shared/bench, or an absolute path (references kept in tests/bench/reference).
inline QMap<QString, QString> runReference(const QString &script, const QStringList &extraArgs = {})
{
    QMap<QString, QString> summary;
    const QString path = QFileInfo(script).isAbsolute() ? script : QStringLiteral(PHOTOPEAK_SHARED_BENCH "/") + script;
    QTextStream err(stderr);
    if (!QFileInfo::exists(path)) {
        err << "reference " << path << " not found; skipping the comparison\n";
        return summary;
    }
    // Debian's interpreter: the reference needs python3-numpy/scipy/sklearn/h5py (packaging/install-deps.sh --with-reference).
    QProcess proc;
    proc.setProcessChannelMode(QProcess::MergedChannels);
    err << "running reference " << script << " (this takes a while) ...\n";
    err.flush();
    proc.start(QStringLiteral("/usr/bin/python3"), QStringList{path} + extraArgs);
    if (!proc.waitForFinished(30 * 60 * 1000) || proc.exitStatus() != QProcess::NormalExit) {
        err << "reference " << script << " did not finish: " << proc.errorString() << "\n";
        return summary;
    }
    const QString output = QString::fromUtf8(proc.readAll());
    const int start = output.lastIndexOf(QStringLiteral("bench: "));
    if (start < 0) {
        err << "reference " << script << " printed no summary (exit code " << proc.exitCode() << "):\n"
            << output.right(2000) << "\n";
        return summary;
    }
    for (const QString &line : output.mid(start).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            summary.insert(line.left(colon).trimmed(), line.mid(colon + 1).trimmed());
    }
    return summary;
}

// Median of `runs` timings of `body` in seconds.
template <typename F>
double medianSeconds(int runs, F &&body)
{
    std::vector<double> t;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        body();
        t.push_back(timer.nsecsElapsed() * 1e-9);
    }
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

inline bool hasFlag(int argc, char **argv, const char *flag)
{
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], flag) == 0)
            return true;
    return false;
}

} // namespace photopeak::bench
