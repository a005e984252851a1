// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2024-2026 The Photopeak developers

#include "CliOutput.h"
#include "Commands.h"
#include "ShardCli.h"

#include "io/AtomicFile.h"
#include "io/OutputGuard.h"
#include "io/ReaderRegistry.h"
#include "library/BatchInputs.h"

#include <QDir>
#include <QFileInfo>

using namespace photopeak;

int runConvert(const QStringList &args)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("in"), QStringLiteral("Spectrum file, or a folder (its spectra go into one library file)."));
    parser.addPositionalArgument(QStringLiteral("out"), QStringLiteral("Output file; the format follows the suffix (.sps, .h5, .csv)."));
    const QCommandLineOption row(QStringLiteral("row"), QStringLiteral("Convert only row N of a multi-spectrum input."), QStringLiteral("N"));
    const QCommandLineOption force = forceOutputOption();
    parser.addOptions({row, force, shardOption()});
    if (int rc = parseCommandLine(parser, args, QStringLiteral("Convert spectra between .sps, the Photopeak HDF5 spectral "
                                                               "library and CSV. Input files are never modified."));
        rc >= 0)
        return rc;
    const QStringList pos = parser.positionalArguments();
    QTextStream &err = cliErr();
    if (pos.size() != 2) {
        err << "photopeak-cli convert: give IN and OUT (see --help)\n";
        return 2;
    }
    const QString in = pos[0], out = pos[1];
    Shard shard;
    if (const int rc = readShard(parser, QStringLiteral("convert"), &shard); rc >= 0)
        return rc;
    if (!shard.isWhole() && parser.isSet(row)) {
        err << "photopeak-cli convert: --row and --shard exclude each other\n";
        return 2;
    }
    if (!ReaderRegistry::instance().writerFor(out)) {
        err << "photopeak-cli convert: " << out << ": no writer for this suffix (writable: "
            << ReaderRegistry::instance().writableSuffixes().join(QStringLiteral(", ")) << ")\n";
        return 2;
    }
    if (const int refused = checkOutputs(QStringLiteral("convert"), OutputGuard({in}, parser.isSet(force)),
                                         {{out, OutputKind::spectra()}});
        refused >= 0)
        return refused;

    std::vector<Spectrum> spectra;
    int skipped = 0;
    if (QFileInfo(in).isDir()) {
        // A shard reads its block of the folder's files (sorted), so the parts merge into the whole.
        const std::vector<BatchInput> part = BatchInputs::select(BatchInputs::list({in}), shard);
        auto ds = part.empty() ? Result<SpectrumDataset>(SpectrumDataset()) : BatchInputs::open(part.front());
        if (!ds) {
            err << "photopeak-cli convert: " << ds.error().toString() << "\n";
            return 1;
        }
        for (auto &e : ds->entries()) {
            if (!e.isReadable()) {
                err << "photopeak-cli convert: skipped " << e.spectrum.sourcePath << ": " << e.message << "\n";
                ++skipped;
                continue;
            }
            spectra.push_back(std::move(e.spectrum));
        }
    } else {
        auto read = ReaderRegistry::instance().read(in);
        if (!read) {
            err << "photopeak-cli convert: " << read.error().toString() << "\n";
            return 1;
        }
        spectra = shard.select(std::move(*read));  // a file of many spectra: a block of its rows
    }
    if (parser.isSet(row)) {
        bool ok = false;
        const int r = parser.value(row).toInt(&ok);
        if (!ok || r < 0 || r >= static_cast<int>(spectra.size())) {
            err << "photopeak-cli convert: " << in << ": --row " << parser.value(row) << " is not a row (0.."
                << static_cast<int>(spectra.size()) - 1 << ")\n";
            return 2;
        }
        spectra = {spectra[static_cast<size_t>(r)]};
    }
    const Status written = ReaderRegistry::instance().write(out, spectra);
    if (!written) {
        err << "photopeak-cli convert: " << written.error().toString() << "\n";
        if (spectra.size() > 1)
            err << "  (use --row N to pick one spectrum, or write to .h5)\n";
        return 1;
    }
    cliOut() << "wrote " << spectra.size() << (spectra.size() == 1 ? " spectrum" : " spectra") << " to " << out;
    if (skipped)
        cliOut() << " (" << skipped << " unreadable files skipped)";
    cliOut() << "\n";
    cliOut().flush();
    err.flush();
    return skipped ? 1 : 0;
}
