// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#pragma once

// What the live benchmarks replay: the real 5-s XGD spectra (backgrounds, then sources) of
// ../shared/data/xgd/set2/test/time, held in memory, and the files already in the folder when watching starts.

#include <QByteArray>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QStringList>

#include <algorithm>
#include <vector>

namespace photopeak::bench {

struct ReplaySpectra {
    std::vector<QByteArray> files;
    QStringList names;
    QString folder;
};

inline ReplaySpectra loadReplaySpectra()
{
    ReplaySpectra r;
    const QDir time(QStringLiteral(PHOTOPEAK_SHARED_DATA "/xgd/set2/test/time"));
    r.folder = time.path();
    for (const QString sub : {QStringLiteral("bkg/5s"), QStringLiteral("sig/5s")}) {
        const QDir d(time.filePath(sub));
        for (const QString &n : d.entryList({QStringLiteral("*.sps")}, QDir::Files, QDir::Name)) {
            QFile f(d.filePath(n));
            if (f.open(QIODevice::ReadOnly)) {
                r.files.push_back(f.readAll());
                r.names << n;
            }
        }
    }
    return r;
}

// Options both live benchmarks take: --rate, --seconds, --prefill, --model.
inline void addLiveRunOptions(QCommandLineParser &p)
{
    p.addHelpOption();
    p.addOption({QStringLiteral("rate"), QStringLiteral("Spectra per second (default 10)."), QStringLiteral("n"), QStringLiteral("10")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Length of the run (default 30)."), QStringLiteral("s"), QStringLiteral("30")});
    p.addOption({QStringLiteral("prefill"), QStringLiteral("Files already in the folder when watching starts (default 0)."), QStringLiteral("n"), QStringLiteral("0")});
    p.addOption({QStringLiteral("model"), QStringLiteral("Classifier model file (default: trained on the demo spectra)."), QStringLiteral("file")});
}

// Writes `count` of the replay files into `folder` as old_NNNNNN.sps (a folder that already holds many files).
inline void prefillFolder(const QString &folder, int count, const ReplaySpectra &spectra)
{
    for (int i = 0; i < count && !spectra.files.empty(); ++i) {
        QFile f(QDir(folder).filePath(QStringLiteral("old_%1.sps").arg(i, 6, 10, QLatin1Char('0'))));
        if (f.open(QIODevice::WriteOnly))
            f.write(spectra.files[size_t(i) % spectra.files.size()]);
    }
}

} // namespace photopeak::bench
