// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"

#include "io/ReaderRegistry.h"
#include "library/SpectrumDataset.h"

#include <QFileInfo>
#include <QMap>

using namespace photopeak;

namespace {
void printSpectrum(const Spectrum &s, QTextStream &out)
{
    out << "  channels      " << s.channelCount() << "\n";
    out << "  live time     " << formatSeconds(s.liveTime) << "\n";
    out << "  real time     " << formatSeconds(s.realTime) << "\n";
    out << "  start         " << (s.startTime.isValid() ? s.startTime.toString(Qt::ISODate) : QStringLiteral("-")) << "\n";
    out << "  distance      " << (s.distanceCm > 0 ? QString::number(s.distanceCm) + QStringLiteral(" cm") : QStringLiteral("unknown")) << "\n";
    if (!s.detector.isEmpty())
        out << "  detector      " << s.detector << "\n";
    out << "  description   " << (s.description.isEmpty() ? QStringLiteral("-") : s.description) << "\n";
    out << "  calibration   " << s.calibration.toString() << "\n";
    if (s.channelCount() > 0)
        out << "  energy range  " << QString::number(s.calibration.energyAt(0), 'f', 1) << " .. "
            << QString::number(s.calibration.energyAt(s.channelCount()), 'f', 1) << " keV\n";
    out << "  total counts  " << QString::number(s.totalCounts(), 'f', 0) << "\n";
    if (s.hasLiveTime())
        out << "  count rate    " << QString::number(s.totalCounts() / s.liveTime, 'f', 2) << " cps\n";
    out << "  labels        " << (s.labels.isEmpty() ? QStringLiteral("(none)") : s.labels.join(QLatin1Char('+'))) << "\n";
    out << "  flags         " << (s.problems.none() ? QStringLiteral("ok") : s.problems.descriptions().join(QStringLiteral("; "))) << "\n";
}

int infoFile(const QString &path, int maxRows)
{
    QTextStream &out = cliOut();
    const SpectrumReader *reader = ReaderRegistry::instance().readerFor(path);
    const SpectrumDataset ds = SpectrumDataset::openFile(path);
    if (ds.size() == 1 && !ds.entries().front().isReadable()) {
        cliErr() << "photopeak-cli info: " << path << ": " << ds.entries().front().message << "\n";
        return 1;
    }
    std::vector<Spectrum> spectra;
    for (const auto &e : ds.entries())
        spectra.push_back(e.spectrum);
    out << path << "\n  format        " << (reader ? reader->formatName() : QStringLiteral("?")) << "\n";
    if (spectra.size() > 1) {
        QMap<QString, int> labels, flags;
        for (const auto &s : spectra) {
            ++labels[s.labelKey().isEmpty() ? QStringLiteral("(none)") : s.labelKey()];
            for (const QString &f : s.problems.names())
                ++flags[f];
        }
        out << "  spectra       " << spectra.size() << "\n  label sets\n";
        for (auto it = labels.begin(); it != labels.end(); ++it)
            out << QStringLiteral("    %1 %2\n").arg(it.key(), -30).arg(it.value(), 7);
        out << "  flags         " << (flags.isEmpty() ? QStringLiteral("none") : QString()) << "\n";
        for (auto it = flags.begin(); it != flags.end(); ++it)
            out << QStringLiteral("    %1 %2\n").arg(it.key(), -30).arg(it.value(), 7);
    }
    for (size_t i = 0; i < spectra.size() && static_cast<int>(i) < maxRows; ++i) {
        if (spectra.size() > 1)
            out << "  row " << i << ":\n";
        printSpectrum(spectra[i], out);
    }
    if (spectra.size() > static_cast<size_t>(maxRows))
        out << "  (" << spectra.size() - maxRows << " more rows; --rows N shows more)\n";
    return 0;
}

int infoFolder(const QString &path, bool all)
{
    QTextStream &out = cliOut();
    auto opened = SpectrumDataset::openFolder(path);
    if (!opened) {
        cliErr() << "photopeak-cli info: " << opened.error().toString() << "\n";
        return 1;
    }
    const SpectrumDataset &ds = *opened;
    out << ds.rootPath() << "\n";
    out << "  files         " << ds.fileCount() << "\n  spectra       " << ds.size() << "\n";
    out << "  usable spectra by label set\n";
    const auto counts = ds.labelSetCounts();
    for (auto it = counts.begin(); it != counts.end(); ++it)
        out << QStringLiteral("    %1 %2\n").arg(it.key().isEmpty() ? QStringLiteral("(unlabelled)") : it.key(), -30).arg(it.value(), 7);

    const auto problems = ds.problemEntries();
    QMap<QString, QStringList> byProblem;
    for (const DatasetEntry *e : problems) {
        const QString line = e->relativePath + (e->spectrum.indexInSource > 0 ? QStringLiteral(" #%1").arg(e->spectrum.indexInSource) : QString())
            + QStringLiteral(": ") + e->problemText();
        for (const QString &name : e->spectrum.problems.names())
            byProblem[name] << line;
    }
    out << "  flagged spectra " << problems.size() << (problems.empty() ? " (none)" : "") << "\n";
    for (auto it = byProblem.begin(); it != byProblem.end(); ++it) {
        out << QStringLiteral("    %1: %2\n").arg(it.key()).arg(it.value().size());
        const int shown = all ? it.value().size() : std::min<int>(it.value().size(), 10);
        for (int i = 0; i < shown; ++i)
            out << "      " << it.value()[i] << "\n";
        if (shown < it.value().size())
            out << "      ... " << it.value().size() - shown << " more (--all lists every one)\n";
    }
    return 0;
}
} // namespace

int runInfo(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("path"), QStringLiteral("Spectrum file or folder (searched recursively)."));
    const QCommandLineOption rows(QStringLiteral("rows"), QStringLiteral("Rows of a multi-spectrum file to show (default 3)."),
                                  QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("List every flagged file of a folder."));
    parser.addOptions({rows, all});
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Show header fields, totals and flags of a spectrum file, "
                                                               "or labels and problem files of a folder."));
        rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1) {
        cliErr() << "photopeak-cli info: give exactly one file or folder (see --help)\n";
        return 2;
    }
    const QString path = parser.positionalArguments().front();
    const QFileInfo info(path);
    int rc;
    if (!info.exists()) {
        cliErr() << "photopeak-cli info: " << path << ": no such file or folder\n";
        rc = 1;
    } else if (info.isDir()) {
        rc = infoFolder(path, parser.isSet(all));
    } else {
        rc = infoFile(path, std::max(1, parser.value(rows).toInt()));
    }
    cliOut().flush();
    cliErr().flush();
    return rc;
}
